"""AppTest: the Quotes page on DuckDB (RASD_ENGINE=duckdb, lib/dashboard/engine.py) shows what the pandas page
shows on the same small store: the same cards in the same order, the same count, for filters set through the
URL or the sidebar; and the switch picks DuckDB for a big store only."""
from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib.corpus import importer
from lib.corpus.importer import import_paths
from lib.corpus.store import Store
from lib.dashboard import engine, maps
from lib.dashboard.widgets import TOPIC_LABELS

from conftest import RAQQA_ID, ROOT, rich_articles

GOOD = Path(__file__).parent / "fixtures" / "import" / "good"
TIMEOUT = 90
_OUTLETS = re.compile(r'<span class="rasd-tag" dir="ltr".*?</span>')  # the pandas page's wire-copy tag


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    """Several batches: the rich articles, then the bundled article and the import fixtures 3 at a time."""
    root = tmp_path_factory.mktemp("engine-store")
    Store(root).add(rich_articles())
    batch = importer.BATCH
    importer.BATCH = 3
    try:
        import_paths([ROOT / "data" / "articles", GOOD], store_dir=root)
    finally:
        importer.BATCH = batch
    return root


@pytest.fixture
def store(use_store, store_dir, monkeypatch):
    use_store(store_dir)
    engine._articles.clear()
    yield store_dir
    engine._articles.clear()


def quotes(monkeypatch, which: str, query: dict | None = None, grouped: bool = True,
           ranked: bool = False) -> AppTest:
    """The Quotes page on `which` engine (newest first, or best match first for a search when `ranked`; one row
    per wire story, as a reader sees it first, or every copy on its own row when not `grouped`)."""
    monkeypatch.setenv(engine.ENGINE_ENV, which)
    at = AppTest.from_file(str(ROOT / "pages" / "quotes.py"), default_timeout=TIMEOUT)
    if query:
        at.query_params.update(query)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if not grouped:
        at.toggle(key="q_group").set_value(False).run()
    if not ranked and at.selectbox(key="q_sort").value == "relevance":
        at.selectbox(key="q_sort").set_value("newest").run()
    return at


def cards(at: AppTest, outlets: bool = False) -> list[str]:
    """The statement cards (without their wire-copy tag unless `outlets`)."""
    bodies = [el.proto.body for el in at.get("html")]
    return [b if outlets else _OUTLETS.sub("", b).replace(" · </div>", "</div>") for b in bodies
            if b.startswith('<div dir="rtl" class="rasd-rtl rasd-card"')]


def paragraphs(at: AppTest) -> list[str]:
    return [el.proto.body for el in at.get("html") if 'class="rasd-rtl rasd-para"' in el.proto.body]


@pytest.mark.parametrize("query", [
    None,
    {"place": RAQQA_ID},
    {"q": "الرقة"},
    {"q": "\"تحرير الرقة\""},
    {"q": "\"وزير الخارجية\""},
    {"actor": "isis"},
    {"from": "2017-07-08"},
    {"topic": "all"},
], ids=["none", "place", "word", "phrase", "no phrase", "actor", "from", "every topic"])
def test_duckdb_quotes_page_shows_the_pandas_pages_cards(store, monkeypatch, query):
    want = quotes(monkeypatch, "pandas", query)
    got = quotes(monkeypatch, "duckdb", query)
    assert bool(cards(got)) == (query != {"q": "\"وزير الخارجية\""})
    assert cards(got, outlets=True) == cards(want, outlets=True)
    assert paragraphs(got) == paragraphs(want)
    assert got.title[0].value == want.title[0].value
    assert got.metric[0].value == want.metric[0].value
    assert [c.value for c in got.caption] == [c.value for c in want.caption]


@pytest.mark.parametrize("query", [None, {"q": "الرقة"}, {"topic": "all"}], ids=["none", "word", "every topic"])
def test_duckdb_quotes_page_lists_every_copy_as_the_pandas_page(store, monkeypatch, query):
    """The switch off: every copy of a wire story on its own row, on both engines."""
    want = quotes(monkeypatch, "pandas", query, grouped=False)
    got = quotes(monkeypatch, "duckdb", query, grouped=False)
    assert cards(got, outlets=True) == cards(want, outlets=True) and cards(got)
    assert got.metric[0].value == want.metric[0].value


def test_the_quotes_page_groups_wire_copies_by_default(store, monkeypatch):
    """The small store holds wire copies: grouped, the DuckDB page lists fewer rows, some with their outlets."""
    every_topic = {"topic": "all"}  # (the copies are not all of the default topics)
    grouped = quotes(monkeypatch, "duckdb", every_topic)
    every = quotes(monkeypatch, "duckdb", every_topic, grouped=False)
    assert int(grouped.metric[0].value.replace(",", "")) < int(every.metric[0].value.replace(",", ""))
    assert any("outlets: " in c for c in cards(grouped, outlets=True))


@pytest.mark.parametrize("query", [{"q": "الرقة"}, {"q": "الموصل"}, {"q": "\"تحرير الرقة\" الرقة"}],
                         ids=["word", "another word", "phrase and word"])
def test_duckdb_search_ranks_as_the_pandas_page(store, monkeypatch, query):
    want = quotes(monkeypatch, "pandas", query, ranked=True)
    got = quotes(monkeypatch, "duckdb", query, ranked=True)
    assert got.selectbox(key="q_sort").value == want.selectbox(key="q_sort").value == "relevance"
    assert cards(got, outlets=True) == cards(want, outlets=True) and cards(got)


def test_duckdb_downloads_hold_the_pandas_pages_rows(store, monkeypatch):
    """The CSV and JSON downloads: the listed statements in the list's order (every copy, or each wire story once)
    with the pandas page's columns, the outlets that carried the words among them."""
    from lib.dashboard import filters
    from lib.dashboard.data import load_store
    from lib.dashboard.filters import Filters

    at = quotes(monkeypatch, "duckdb")
    assert at.get("download_button") and len(at.get("download_button")) == 2
    statements = load_store()["statements"]
    for (chosen, by), grouped in itertools.product(
            ((Filters(), "newest"), (Filters(text="الرقة"), "relevance"), (Filters(places=[RAQQA_ID]), "oldest")),
            (False, True)):
        matched, scores = filters.text_search(statements, chosen.text)
        from dataclasses import replace
        mask = matched & filters.apply(statements, replace(chosen, text=""))
        positions = filters.order(statements, mask, by, scores.to_numpy())
        if grouped:
            positions = filters.first_copies(statements, positions)
        want = filters.download_table(statements.take(positions))
        got = filters.download_table(engine.listed_statements(engine.source(), chosen, by, grouped=grouped,
                                                              outlets=True))
        want = want[[c for c in want.columns if c in got.columns]]
        assert list(got.columns) == list(want.columns) and len(got) > 0
        assert got.astype(str).values.tolist() == want.astype(str).values.tolist()
        assert filters.csv_of(engine.listed_statements(engine.source(), chosen, by, limit=2)).count(b"\n") >= 2


def test_choosing_a_speaker_on_duckdb_keeps_their_statements_and_the_url(store, monkeypatch):
    at = quotes(monkeypatch, "duckdb")
    before = len(cards(at))
    options = at.multiselect(key="f_speaker").options
    assert options, "the speaker filter offers the store's speakers"
    top = engine.queries.speakers(engine.source())
    key, label = top["speaker_key"][0], top["speaker_label"][0]
    at.multiselect(key="f_speaker").select(key).run()
    assert not at.exception
    after = cards(at)
    assert 0 < len(after) < before
    assert all(f"<b><bdi>{label}</bdi></b>" in c for c in after)
    assert at.query_params.get("speaker") in (key, [key])
    assert at.metric[0].value == f"{int(top['statements'][0]):,}"


@pytest.mark.parametrize("by", ["oldest", "speaker", "outlets"])
def test_other_orders_are_the_pandas_pages(store, monkeypatch, by):
    want = quotes(monkeypatch, "pandas", {"topic": "all"})
    want.selectbox(key="q_sort").set_value(by).run()
    got = quotes(monkeypatch, "duckdb", {"topic": "all"})
    got.selectbox(key="q_sort").set_value(by).run()
    assert cards(got, outlets=True) == cards(want, outlets=True)
    assert cards(got) != cards(quotes(monkeypatch, "duckdb", {"topic": "all"}))


def test_the_switch_picks_duckdb_for_a_big_store_only(store, monkeypatch):
    monkeypatch.delenv(engine.ENGINE_ENV, raising=False)
    assert engine.committed_articles(store) == 12 + len(rich_articles())  # counted from the manifests
    assert engine.engine() == "pandas"  # the small store keeps the pandas loader
    monkeypatch.setattr(engine, "LARGE_ARTICLES", engine.committed_articles(store) - 1)
    assert engine.engine() == "duckdb"
    monkeypatch.setenv(engine.ENGINE_ENV, "pandas")
    assert engine.engine() == "pandas"
    monkeypatch.setenv(engine.ENGINE_ENV, "sqlite")
    with pytest.raises(ValueError, match="RASD_ENGINE"):
        engine.engine()


def test_duckdb_home_shows_the_pandas_homes_figures_and_articles(store, monkeypatch):
    pages = {}
    for which in engine.ENGINES:
        monkeypatch.setenv(engine.ENGINE_ENV, which)
        at = AppTest.from_file(str(ROOT / "pages" / "home.py"), default_timeout=TIMEOUT).run()
        assert not at.exception, [e.value for e in at.exception]
        pages[which] = at
    want, got = pages["pandas"], pages["duckdb"]
    assert [m.value for m in got.metric] == [m.value for m in want.metric]
    assert int(got.metric[0].value) == 12 + len(rich_articles()) and int(got.metric[1].value) > 0
    assert [c.value for c in got.caption] == [c.value for c in want.caption]
    shown, expected = got.dataframe[0].value, want.dataframe[0].value
    assert list(shown.columns) == list(expected.columns)
    rows = lambda f: f.astype(object).where(f.notna(), None).values.tolist()  # noqa: E731
    assert list(shown["published"]) == list(expected["published"])  # newest first (same-day order is free)
    assert sorted(rows(shown), key=str) == sorted(rows(expected), key=str)
    if "topic" in shown:  # named as the topic filter names them, not by their keys
        named = set(shown["topic"].dropna())  # (articles stored before topics were read have none)
        assert named <= set(TOPIC_LABELS.values()) and len(named) > 1


def _page(monkeypatch, which: str, script: str, query: dict | None = None) -> AppTest:
    """A page script run on `which` engine, with the URL's filters."""
    monkeypatch.setenv(engine.ENGINE_ENV, which)
    at = AppTest.from_file(str(ROOT / "pages" / script), default_timeout=TIMEOUT)
    if query:
        at.query_params.update(query)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _deck_layers(at: AppTest) -> dict[str, list]:
    """Each layer of the map's deck: its rows (what is drawn, its tooltip and what a click returns)."""
    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    return {layer["id"]: layer["data"] for layer in spec["layers"]}


def _click(at: AppTest, layer: str, place_id: str) -> AppTest:
    """A click on a place of the map, as the browser reports it."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    states = at._tree.get_widget_states()
    state = WidgetState(id=at.get("deck_gl_json_chart")[0].proto.id)
    state.string_value = json.dumps({"selection": {"indices": {layer: [0]}, "objects": {layer: [
        {"place_id": place_id}]}}})
    states.widgets.append(state)
    at = at._run(states)
    assert not at.exception, [e.value for e in at.exception]
    return at


def _unique(items: list[str]) -> list[str]:
    """The cards with each wire story once (the DuckDB page lists every copy; the pandas map groups them)."""
    return list(dict.fromkeys(items))


@pytest.mark.parametrize("query", [None, {"q": "الرقة"}, {"actor": "isis"}, {"from": "2017-07-08"}],
                         ids=["none", "word", "actor", "from"])
def test_duckdb_map_draws_the_pandas_maps_places_and_counts(store, monkeypatch, query):
    want = _page(monkeypatch, "pandas", "map.py", query)
    got = _page(monkeypatch, "duckdb", "map.py", query)
    layers = _deck_layers(got)
    assert layers == _deck_layers(want)
    assert layers[maps.PLACES_LAYER], "the map draws the places the statements name"
    assert [c.value for c in got.caption] == [c.value for c in want.caption]
    assert got.selectbox(key="map_place").options == want.selectbox(key="map_place").options
    assert got.title[0].value == want.title[0].value


@pytest.mark.parametrize("query", [None, {"actor": "isis"}], ids=["none", "actor"])
def test_duckdb_map_lists_a_places_statements_as_the_pandas_map(store, monkeypatch, query):
    pages = {}
    for which in engine.ENGINES:
        at = _page(monkeypatch, which, "map.py", query)
        assert not cards(at), "no place chosen yet: no statements listed"
        pages[which] = _click(at, maps.PLACES_LAYER, RAQQA_ID)
    want, got = pages["pandas"], pages["duckdb"]
    assert got.subheader[0].value == want.subheader[0].value
    assert "الرقة" in got.subheader[0].value or "Raqqa" in got.subheader[0].value
    assert cards(want) and _unique(cards(got)) == cards(want)
    assert all(RAQQA_ID in c or "الرقة" in c for c in cards(got))
    # and chosen from the list rather than on the map: the same statements
    listed = _page(monkeypatch, "duckdb", "map.py", query)
    listed.selectbox(key="map_place").set_value(RAQQA_ID).run()
    assert cards(listed) == cards(got)


@pytest.mark.parametrize("script", ["quotes.py", "home.py", "map.py", "actors.py", "timeline.py"])
def test_a_wired_page_on_duckdb_never_loads_the_store_into_pandas(store, monkeypatch, script):
    from lib.dashboard import data

    def refuse(*args, **kwargs):
        raise AssertionError("the pandas loader was called on the DuckDB engine")

    monkeypatch.setattr(data, "load_store", refuse)
    _page(monkeypatch, "duckdb", script)  # (no exception)
    monkeypatch.setenv(engine.ENGINE_ENV, "pandas")
    at = AppTest.from_file(str(ROOT / "pages" / script), default_timeout=TIMEOUT).run()
    assert at.exception, "the check can fail: the pandas page calls the loader"


def _figures(at: AppTest) -> list[list[dict]]:
    """Each Plotly chart's traces (what it draws: bars, heatmap cells, their labels)."""
    return [json.loads(el.proto.spec)["data"] for el in at.get("plotly_chart")]


def _pandas_copies(store_dir: Path, speaker: str | None = None, actor: str | None = None) -> int:
    """Statements (every copy of a wire story) by a speaker key or naming an actor, from the pandas loader."""
    from lib.dashboard.data import load_store

    statements = load_store()["statements"]
    if speaker is not None:
        return int((statements["speaker_key"] == speaker).sum())
    return int(sum(actor in list(ids) for ids in statements["actor_ids"] if ids is not None))


@pytest.mark.parametrize("query", [None, {"actor": "isis"}, {"q": "الرقة"}], ids=["none", "actor", "word"])
def test_duckdb_actors_page_draws_the_pandas_pages_charts_and_profiles(store, monkeypatch, query):
    want = _page(monkeypatch, "pandas", "actors.py", query)
    got = _page(monkeypatch, "duckdb", "actors.py", query)
    figures = _figures(got)
    assert figures == _figures(want)
    assert figures[0][0]["x"], "who speaks most: bars drawn"
    assert got.selectbox(key="profile").options == want.selectbox(key="profile").options
    assert got.title[0].value == want.title[0].value


def test_duckdb_actor_profile_lists_what_they_said_and_where_they_are_named(store, monkeypatch):
    top = engine.queries.speakers(engine.queries.Source(store))
    named = top[top["speaker_group"] == top["speaker_key"]]
    speaker = named["speaker_key"].iloc[0]
    pages = {}
    for which in engine.ENGINES:
        at = _page(monkeypatch, which, "actors.py")
        pages[which] = at.selectbox(key="profile").set_value(f"speaker:{speaker}").run()
        assert not at.exception
    want, got = pages["pandas"], pages["duckdb"]
    monkeypatch.setenv(engine.ENGINE_ENV, "pandas")
    assert int(got.metric[0].value) == _pandas_copies(store, speaker=speaker) > 0
    assert _unique(cards(got)) == cards(want)
    # an actor's profile: the statements naming it
    for which in engine.ENGINES:
        pages[which] = pages[which].selectbox(key="profile").set_value("actor:isis").run()
    want, got = pages["pandas"], pages["duckdb"]
    assert int(got.metric[1].value) == _pandas_copies(store, actor="isis") > 0
    assert _unique(cards(got)) == cards(want) and cards(got)
    assert [m.value for m in got.markdown] == [m.value for m in want.markdown]


def test_raqqa_and_mosul_on_duckdb_load_only_the_articles_naming_them(store, monkeypatch):
    from lib.dashboard import data

    def refuse(*args, **kwargs):
        raise AssertionError("the pandas loader was called on the DuckDB engine")

    pages = {}
    loader = data.load_store
    monkeypatch.setattr(data, "load_store", refuse)
    pages["duckdb"] = _page(monkeypatch, "duckdb", "cities.py")
    city_rows, naming = engine.city_data(engine.source())
    assert 0 < naming == city_rows["articles"]["article_id"].nunique() < engine.committed_articles(store)
    monkeypatch.setattr(data, "load_store", loader)
    pages["pandas"] = _page(monkeypatch, "pandas", "cities.py")
    want, got = pages["pandas"], pages["duckdb"]
    assert not got.exception and got.title[0].value == want.title[0].value
    assert [m.value for m in got.metric] == [m.value for m in want.metric]  # mentions, parts, statements
    assert int(got.metric[2].value.replace(",", "")) > 0
    assert got.dataframe[0].value.equals(want.dataframe[0].value)  # every district and landmark, counted


def _brush(at: AppTest, start: str, end: str) -> AppTest:
    """A drag across the activity chart from `start` to `end` (days), as the browser reports it."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    states = at._tree.get_widget_states()
    state = WidgetState(id=at.get("plotly_chart")[0].proto.id)
    state.string_value = json.dumps({"selection": {"points": [], "point_indices": [], "lasso": [], "box": [
        {"xref": "x", "yref": "y", "x": [f"{start} 10:00:00", f"{end} 13:30:00"], "y": [0, 5]}]}})
    states.widgets.append(state)
    at = at._run(states)
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("query", [None, {"actor": "isis"}, {"q": "الرقة"}, {"from": "2017-07-08"}],
                         ids=["none", "actor", "word", "from"])
@pytest.mark.parametrize("unit", ["auto", "D", "W", "M"])
def test_duckdb_timeline_draws_the_pandas_activity_chart(store, monkeypatch, query, unit):
    pages = {}
    for which in engine.ENGINES:
        at = _page(monkeypatch, which, "timeline.py", query)
        if unit != "auto":
            at.segmented_control(key="t_bin").set_value(unit).run()
        at.slider(key="t_top").set_value(4).run()
        assert not at.exception
        pages[which] = at
    want, got = pages["pandas"], pages["duckdb"]
    bars = _figures(got)[0]
    assert bars == _figures(want)[0]
    assert [b.get("type") for b in bars] and {b.get("type") for b in bars} == {"bar"}, "bars drawn"
    assert [e.label for e in got.expander if "implausible" in e.label] == \
        [e.label for e in want.expander if "implausible" in e.label]


def test_duckdb_timeline_brush_and_odd_dates_as_the_pandas_page(store, monkeypatch):
    pages = {}
    for which in engine.ENGINES:
        pages[which] = _brush(_page(monkeypatch, which, "timeline.py"), "2017-07-01", "2017-07-09")
    want, got = pages["pandas"], pages["duckdb"]
    brushed = [i.value for i in want.info if "2017-07-01" in i.value]
    assert brushed and [i.value for i in got.info if "2017-07-01" in i.value] == brushed
    odd = [e for e in want.expander if "implausible" in e.label]
    if odd:  # the implausible dates' rows: the same statements
        assert list(got.dataframe[0].value["quote"]) == list(want.dataframe[0].value["quote"])


def test_duckdb_timeline_lists_the_implausible_dates_as_the_pandas_page(use_store, tmp_path, monkeypatch):
    from dataclasses import replace as changed

    typo = changed(rich_articles()[0], article_id="typo-2108", published="2108-07-09")  # a year mistyped
    Store(tmp_path).add([*rich_articles(), typo])
    use_store(tmp_path)
    engine._articles.clear()
    pages = {which: _page(monkeypatch, which, "timeline.py") for which in engine.ENGINES}
    want, got = pages["pandas"], pages["duckdb"]
    odd = [e.label for e in want.expander if "implausible" in e.label]
    assert odd and [e.label for e in got.expander if "implausible" in e.label] == odd
    assert list(got.dataframe[0].value["quote"]) == list(want.dataframe[0].value["quote"])
    assert all(p.startswith("2108") for p in got.dataframe[0].value["published"])
    assert _figures(got)[0] == _figures(want)[0]  # the typo left off the axis


def _events(at: AppTest) -> tuple[str, list]:
    """The dated events' expander label and its rows (in any order: the pandas page leaves same-day ties free)."""
    label = [e.label for e in at.expander if e.label.startswith("Dated events")]
    table = at.dataframe[-1].value
    rows = table.astype(object).where(table.notna(), None).values.tolist()
    return label, sorted(rows, key=str)


@pytest.mark.parametrize("query,brushed", [(None, None), ({"actor": "isis"}, None), ({"from": "2017-07-08"}, None),
                                           (None, ("2017-07-01", "2017-07-09"))],
                         ids=["none", "actor", "from", "brushed"])
def test_duckdb_timeline_points_and_events_as_the_pandas_page(store, monkeypatch, query, brushed):
    pages = {}
    for which in engine.ENGINES:
        at = _page(monkeypatch, which, "timeline.py", query)
        pages[which] = _brush(at, *brushed) if brushed else at
    want, got = pages["pandas"], pages["duckdb"]
    assert got.toggle(key="t_points").value and want.toggle(key="t_points").value
    figures = _figures(got)
    assert len(figures) == 2 and figures[1] == _figures(want)[1]
    assert any(t.get("name") == engine.charts.STATEMENT_NAME for t in figures[1])
    label, rows = _events(got)
    assert label and (label, rows) == _events(want)


@pytest.mark.parametrize("chosen,view", [
    (engine.Filters(), "all"),
    (engine.Filters(topics=["politics", "conflict"]), "default"),
    (engine.Filters(topics=["sport"]), None),
    (engine.Filters(topics=["conflict", "politics"], actors=["isis"]), None),
    (engine.Filters(text="الرقة"), None),
    (engine.Filters(text="  "), "all"),
], ids=["every topic", "default topics", "a topic", "an actor", "words", "blank words"])
def test_only_a_first_visits_filters_keep_their_answers_on_disk(chosen, view):
    from datetime import date

    assert engine.default_view(chosen) == view
    assert engine.default_view(engine.replace(chosen, start=date(2017, 7, 1))) is None
