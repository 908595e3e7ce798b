"""AppTest: every page runs on the bundled data; filters, the map's labels and the URL state behave as a user expects."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib.dashboard.maps import LABELS_LAYER, PLACES_LAYER, QUIET_LAYER
from lib.dashboard.rtl import shaped

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["home", "quotes", "map", "cities", "timeline", "actors"]
TIMEOUT = 60


def page(name: str, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"{name}.py"), default_timeout=TIMEOUT)
    if query:
        at.query_params.update(query)
    return at.run()


def html_bodies(at: AppTest) -> list[str]:
    return [el.proto.body for el in at.get("html")]


def cards(at: AppTest) -> list[str]:
    return [b for b in html_bodies(at) if b.startswith('<div dir="rtl" class="rasd-rtl rasd-card"')]


def card_speaker(card: str) -> str:
    return re.search(r"<b><bdi>(.*?)</bdi></b>", card).group(1)


def url(at: AppTest, key: str) -> list[str]:
    """A query parameter's values (AppTest keeps one value as a string, several as a list)."""
    value = at.query_params.get(key)
    return [] if value is None else [value] if isinstance(value, str) else list(value)


def deck(at: AppTest, n: int = 0) -> dict:
    return json.loads(at.get("deck_gl_json_chart")[n].proto.json)


def click(at: AppTest, layer: str, place_id: str, n: int = 0) -> AppTest:
    """A click on a deck's object, as the browser reports it (AppTest has no pydeck widget of its own)."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    states = at._tree.get_widget_states()
    state = WidgetState(id=at.get("deck_gl_json_chart")[n].proto.id)
    state.string_value = json.dumps({"selection": {"indices": {layer: [0]}, "objects": {layer: [
        {"place_id": place_id}]}}})
    states.widgets.append(state)
    return at._run(states)


@pytest.fixture
def bundled(use_store, bundled_store_dir):
    return use_store(bundled_store_dir)


@pytest.fixture
def rich(use_store, rich_store_dir):
    return use_store(rich_store_dir)


# -- every page, on the bundled data ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", PAGES)
def test_page_runs_on_bundled_data(bundled, name):
    at = page(name)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title and at.title[0].value


def test_app_navigates_to_every_page(bundled):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    assert not at.exception
    for name in PAGES[1:] + ["add_articles"]:
        at.switch_page(f"pages/{name}.py").run()
        assert not at.exception, (name, [e.value for e in at.exception])


def test_bundled_quotes_show_statements_with_speaker_and_source(bundled):
    at = page("quotes")
    shown = cards(at)
    assert shown, "the bundled article yields statements"
    assert all("Asharq Al-Awsat" in c and 'dir="rtl"' in c for c in shown)


def test_fresh_store_is_built_from_bundled_articles(use_store, tmp_path):
    use_store(tmp_path / "empty-store")
    at = page("home")
    assert not at.exception
    assert at.metric[0].value == "1"  # the bundled article, imported on first load
    assert (tmp_path / "empty-store" / "manifests").exists()


@pytest.mark.parametrize("name", PAGES)
def test_page_runs_on_an_empty_store(use_store, tmp_path, monkeypatch, name):
    import lib.dashboard.data

    monkeypatch.setattr(lib.dashboard.data, "BUNDLED_ARTICLES", tmp_path / "no-articles")
    use_store(tmp_path / "empty")
    at = page(name)
    assert not at.exception, [e.value for e in at.exception]


# -- the speaker filter: the user's first need ----------------------------------------------------------------------

def test_choosing_a_speaker_leaves_only_their_statements(bundled):
    from lib.dashboard.data import derive
    from lib.corpus.store import Store

    speakers = derive(Store(bundled).load())["speakers"]
    assert len(speakers) >= 2, "the bundled article has several speakers"
    key, label = speakers.iloc[0]["speaker_key"], speakers.iloc[0]["speaker_label"]
    at = page("quotes")
    before = len(cards(at))
    at.multiselect(key="f_speaker").select(key).run()
    after = cards(at)
    assert 0 < len(after) < before
    assert {card_speaker(c) for c in after} == {label}
    assert url(at, "speaker") == [key]


def test_speaker_filter_on_known_data(rich):
    at = page("quotes")
    assert len(cards(at)) == 3
    at.multiselect(key="f_speaker").select("sergey-lavrov").run()
    shown = cards(at)
    assert len(shown) == 1 and card_speaker(shown[0]) == "Sergey Lavrov · سيرغي لافروف"
    at.multiselect(key="f_speaker").unselect("sergey-lavrov").select("rex-tillerson").run()
    assert {card_speaker(c) for c in cards(at)} == {"Rex Tillerson · ريكس تيلرسون"}
    assert len(cards(at)) == 2
    at.multiselect(key="f_speaker").select("sergey-lavrov").run()
    assert len(cards(at)) == 3 and url(at, "speaker") == ["rex-tillerson", "sergey-lavrov"]


def test_free_text_search_folds_spelling(rich):
    at = page("quotes")
    at.text_input(key="f_text").input("الامريكي").run()
    shown = cards(at)
    # الأمريكي (Lavrov) and الأميركي (Tillerson, rich-b) both match
    assert {card_speaker(c) for c in shown} == {"Sergey Lavrov · سيرغي لافروف", "Rex Tillerson · ريكس تيلرسون"}
    assert len(shown) == 2


def test_place_and_actor_filters(rich):
    at = page("quotes")
    at.multiselect(key="f_place").select("geonames:99072").run()
    assert len(cards(at)) == 1 and "الموصل" in cards(at)[0]
    at.multiselect(key="f_place").unselect("geonames:99072").run()
    at.multiselect(key="f_actor").select("isis").run()
    assert len(cards(at)) == 1 and "داعش" in cards(at)[0]


def test_a_place_typed_and_entered_selects_that_place_only(rich):
    at = page("quotes")
    at.multiselect(key="f_place").select("بالرقة").run()  # a name no option's label holds as typed
    assert not at.exception
    assert at.multiselect(key="f_place").value == ["geonames:172955"] and url(at, "place") == ["geonames:172955"]
    assert len(cards(at)) == 1 and "الرقة" in cards(at)[0]
    at.multiselect(key="f_place").unselect("geonames:172955").select("طوكيو").run()  # names nothing: dropped
    assert at.multiselect(key="f_place").value == [] and len(cards(at)) == 3


def test_quote_opens_in_its_paragraph_highlighted_with_source_link(rich):
    at = page("quotes")
    paragraphs = [b for b in html_bodies(at) if b.startswith('<div dir="rtl" class="rasd-rtl rasd-para"')]
    assert len(paragraphs) == 3
    first = next(p for p in paragraphs if "تحرير الرقة" in p)
    assert "<mark>إن تحرير الرقة من داعش يقترب وإن حي المشلب آمن</mark>" in first
    assert 'href="https://example.org/rich-a"' in first


def test_downloads_hold_the_filtered_statements(rich):
    at = page("quotes")
    at.multiselect(key="f_speaker").select("sergey-lavrov").run()
    buttons = {b.proto.label: b for b in at.get("download_button")}
    assert set(buttons) == {"CSV", "JSON"}
    assert not buttons["CSV"].proto.disabled and not buttons["JSON"].proto.disabled


# -- URL state ----------------------------------------------------------------------------------------------------

def test_url_state_fills_the_widgets_and_follows_them(rich):
    query = {"speaker": "rex-tillerson", "place": "geonames:172955", "q": "تحرير", "from": "2017-07-01",
             "to": "2017-07-10"}
    at = page("quotes", query)
    assert at.multiselect(key="f_speaker").value == ["rex-tillerson"]
    assert at.multiselect(key="f_place").value == ["geonames:172955"]
    assert at.text_input(key="f_text").value == "تحرير"
    assert at.date_input(key="f_dates").value == (date(2017, 7, 7), date(2017, 7, 10))
    assert len(cards(at)) == 1
    # the page writes back what the widgets hold (dates clamped to the corpus), so the link can be shared
    assert url(at, "speaker") == ["rex-tillerson"] and url(at, "q") == ["تحرير"]
    assert url(at, "to") == ["2017-07-10"] and url(at, "from") == []
    at.text_input(key="f_text").input("").run()
    at.multiselect(key="f_speaker").unselect("rex-tillerson").run()
    assert url(at, "q") == [] and url(at, "speaker") == []
    assert url(at, "place") == ["geonames:172955"]


def test_url_with_unknown_values_is_ignored(rich):
    at = page("quotes", {"speaker": "nobody", "from": "not-a-date"})
    assert not at.exception
    assert at.multiselect(key="f_speaker").value == []
    assert len(cards(at)) == 3


# -- map ----------------------------------------------------------------------------------------------------------

def test_map_label_layer_carries_shaped_arabic(rich):
    at = page("map")
    assert not at.exception
    spec = deck(at)
    labels = next(lay for lay in spec["layers"] if lay["id"] == LABELS_LAYER)
    assert labels["characterSet"] == "auto"
    texts = [row["label"] for row in labels["data"]]
    assert shaped("الرقة") in texts and shaped("الموصل") in texts
    assert all(not re.search("[\u0621-\u064a]", t) for t in texts)  # no unshaped Arabic letters left
    assert spec.get("mapStyle") in (None, "__MAP_STYLE__")


def test_map_label_layer_on_bundled_data(bundled):
    at = page("map")
    spec = deck(at)
    labels = next(lay for lay in spec["layers"] if lay["id"] == LABELS_LAYER)
    if not labels["data"]:
        pytest.skip("the bundled article has no located place yet")
    assert any(re.search("[\ufe70-\ufeff]", row["label"]) for row in labels["data"])


def test_map_speaker_filter_and_place_choice(rich):
    at = page("map")
    at.multiselect(key="f_speaker").select("sergey-lavrov").run()
    places = [row["place_id"] for row in next(lay for lay in deck(at)["layers"] if lay["id"] == PLACES_LAYER)["data"]]
    assert places == ["geonames:170654"]  # Lavrov spoke of Damascus only
    at.selectbox(key="map_place").select("geonames:170654").run()
    shown = cards(at)
    assert len(shown) == 1 and "دمشق" in shown[0]


# -- Raqqa and Mosul ----------------------------------------------------------------------------------------------

def test_city_page_shows_districts_without_faking_precision(rich):
    at = page("cities")
    assert not at.exception
    spec = deck(at)
    dots = next(lay for lay in spec["layers"] if lay["id"] == PLACES_LAYER)["data"]
    assert [d["place_id"] for d in dots] == ["curated:raqqa-mashlab"]  # the part a statement names: clickable
    quiet = {d["place_id"] for d in next(lay for lay in spec["layers"] if lay["id"] == QUIET_LAYER)["data"]}
    assert {"curated:raqqa-old-city", "curated:raqqa-naim-roundabout", "curated:raqqa-old-bridge"} <= quiet
    area = next(lay for lay in spec["layers"] if lay["id"] == "coarse-areas")["data"]
    assert area[0]["precision"] == "city"
    assert {"old-city", "city-river"} <= {lay["id"] for lay in spec["layers"]}
    labels = next(lay for lay in spec["layers"] if lay["id"] == LABELS_LAYER)
    assert labels["extensions"] == [{"@@type": "CollisionFilterExtension"}]
    assert max(labels["data"], key=lambda d: d["priority"])["place_id"] == "curated:raqqa-mashlab"
    table = at.dataframe[0].value.set_index("name")
    assert table.loc["Al-Mashlab", "statements"] == 1 and table.loc["Al-Mashlab", "drawn"]
    assert not table.loc["Clock Square", "drawn"]  # known only to city precision
    assert table.loc["Qasr al-Banat", "mentions"] == 0  # the gazetteer's parts, mentioned or not
    assert len(cards(at)) == 1 and at.get("plotly_chart")
    at.radio(key="city").set_value("mosul").run()
    assert at.title[0].value.startswith("Mosul")
    assert len(cards(at)) == 1 and "الموصل" in cards(at)[0]
    assert url(at, "city") == ["mosul"]
    assert "mosul-old-city" in json.dumps(deck(at)) or "الموصل القديمة" in json.dumps(deck(at), ensure_ascii=False)


def test_a_click_on_a_part_of_the_city_lists_its_statements(rich):
    at = page("cities")
    click(at, PLACES_LAYER, "curated:raqqa-mashlab")
    assert not at.exception
    assert any("Al\\-Mashlab" in s.value and "(1)" in s.value for s in at.subheader)
    assert len(cards(at)) == 1 and "حي المشلب" in cards(at)[0]
    click(at, "coarse-areas", "geonames:172955")  # the city's own circle: back to the whole city
    assert any(s.value.startswith("Statements about Raqqa") for s in at.subheader)


def test_a_click_on_the_map_lists_that_places_statements(rich):
    at = page("map")
    click(at, PLACES_LAYER, "geonames:99072")
    assert not at.exception
    assert any("Mosul" in s.value and "(1)" in s.value for s in at.subheader)
    assert len(cards(at)) == 1 and "الموصل" in cards(at)[0]


def test_city_map_needs_no_network_unless_the_street_map_is_asked_for(rich):
    at = page("cities")
    assert "https://" not in at.get("deck_gl_json_chart")[0].proto.json
    at.toggle(key="streets").set_value(True).run()
    spec = deck(at)
    assert spec["mapProvider"] == "carto" and spec["mapStyle"].startswith("https://basemaps.cartocdn.com/")
    assert "OpenStreetMap" in " ".join(c.value for c in at.caption)


# -- timeline and actors ------------------------------------------------------------------------------------------

def test_timeline_has_statements_and_events(rich):
    at = page("timeline")
    activity = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert {t["name"] for t in activity["data"]} == {"Rex Tillerson · ريكس تيلرسون", "Sergey Lavrov · سيرغي لافروف"}
    assert activity["layout"]["xaxis"]["rangeslider"]["visible"]
    spec = json.loads(at.get("plotly_chart")[1].proto.spec)
    names = [trace["name"] for trace in spec["data"]]
    assert len(names) == 2 and names[0] != names[1]
    assert any("Sergey Lavrov" in h for h in spec["data"][0]["hovertext"])


def test_actor_profile_lists_their_statements(rich):
    at = page("actors")
    assert len(at.get("plotly_chart")) == 3
    at.selectbox(key="profile").select("speaker:sergey-lavrov").run()
    assert not at.exception
    assert len(cards(at)) == 1 and card_speaker(cards(at)[0]).startswith("Sergey Lavrov")


# -- safety -------------------------------------------------------------------------------------------------------

def test_article_markup_is_shown_escaped(use_store, hostile_store_dir):
    use_store(hostile_store_dir)
    for name in PAGES:
        at = page(name)
        assert not at.exception, name
        for body in html_bodies(at):
            assert "<script" not in body.lower() or body.lstrip().startswith("<style"), name
            assert "<img" not in body.lower() and "javascript:" not in body.lower(), name
    at = page("quotes")
    assert any("&lt;script&gt;" in b for b in html_bodies(at))
