"""Map decks (offline base map, sizes, colours, shaped labels, precision) and plotly figures, without Streamlit."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from lib.dashboard import charts
from lib.dashboard import maps
from lib.dashboard.data import derive
from lib.dashboard.rtl import shaped
from lib.corpus.store import Store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def data(rich_store_dir) -> dict[str, pd.DataFrame]:
    return derive(Store(rich_store_dir).load())


def deck_json(deck) -> dict:
    return json.loads(deck.to_json())


def layer(spec: dict, layer_id: str) -> dict:
    return next(lay for lay in spec["layers"] if lay.get("id") == layer_id)


# -- base map ---------------------------------------------------------------------------------------------------

def test_basemap_is_vendored_small_and_credited():
    folder = ROOT / "data" / "basemap"
    sizes = {p.name: p.stat().st_size for p in folder.glob("*.geojson")}
    assert set(sizes) == {"countries.geojson", "rivers.geojson", "lakes.geojson"}
    assert sum(sizes.values()) < 3_000_000
    assert "public domain" in (folder / "LICENSE").read_text().lower()
    assert "Natural Earth" in (folder / "README.md").read_text()
    countries = json.loads((folder / "countries.geojson").read_text())
    assert {"SYR", "IRQ"} <= {f["properties"].get("id") for f in countries["features"]}


def test_deck_needs_no_network(data):
    counts = maps.place_counts(data["places"], data["statements"])
    spec = deck_json(maps.places_deck(maps.place_points(data["place_table"], counts)))
    assert "mapProvider" not in spec or spec["mapProvider"] in (None, "")
    # pydeck's sentinel: Streamlit then loads no map style (an explicit None would fetch CARTO's)
    assert spec.get("mapStyle") in (None, "__MAP_STYLE__")
    text = json.dumps(spec)
    assert "http://" not in text and "https://" not in text and "mapbox" not in text
    assert [lay["id"] for lay in spec["layers"][:4]] == ["sea", "countries", "lakes", "rivers"]


def test_borders_show_by_tint_not_by_drawn_outlines(data):
    spec = deck_json(maps.places_deck(maps.place_points(data["place_table"], maps.place_counts(
        data["places"], data["statements"]))))
    land = layer(spec, "countries")
    assert land["stroked"] is False  # outlines cost a GPU-less browser seconds per click
    fills = {f["properties"].get("id"): tuple(f["properties"]["fill"]) for f in land["data"]["features"]}
    for a, b in (("SYR", "IRQ"), ("SYR", "TUR"), ("SYR", "LBN"), ("SYR", "JOR"), ("IRQ", "IRN"), ("IRQ", "SAU"),
                 ("IRQ", "TUR"), ("IRQ", "KWT"), ("JOR", "ISR"), ("EGY", "LBY")):
        assert fills[a] != fills[b], (a, b)  # neighbours never share a tint, so the border shows
    assert set(fills.values()) <= set(maps.LAND_TINTS)
    assert all(tuple(maps.SEA_COLOUR) != t for t in maps.LAND_TINTS)


# -- places -------------------------------------------------------------------------------------------------------

def test_places_sized_by_mentions_coloured_by_kind_and_unlocated_left_out(data):
    counts = maps.place_counts(data["places"], data["statements"])
    points = maps.place_points(data["place_table"], counts).set_index("place_id")
    assert "unknown:قريه_الخراب" not in points.index  # no coordinates: listed, not drawn
    assert points.loc["geonames:170654", "mentions"] == 2 and points.loc["geonames:99072", "mentions"] == 1
    assert points.loc["geonames:170654", "radius"] > points.loc["geonames:99072", "radius"]
    assert points.loc["curated:raqqa-mashlab", "colour"][:3] == list(maps.KIND_COLOURS["neighbourhood"])
    assert points.loc["geonames:99072", "colour"][:3] == list(maps.KIND_COLOURS["city"])


def test_label_layer_carries_shaped_arabic_with_auto_character_set(data):
    counts = maps.place_counts(data["places"], data["statements"])
    spec = deck_json(maps.places_deck(maps.place_points(data["place_table"], counts)))
    labels = layer(spec, maps.LABELS_LAYER)
    assert labels["@@type"] == "PointLabelLayer" and labels["characterSet"] == "auto"
    # labels hide one another by priority; no pixel offset (which makes the collision filter hide them all)
    assert labels["extensions"] == [{"@@type": "CollisionFilterExtension"}] and "getPixelOffset" not in labels
    texts = {row["place_id"]: row["label"] for row in labels["data"]}
    assert texts["geonames:172955"] == shaped("الرقة") != "الرقة"
    assert any("\ufe70" <= ch <= "\ufeff" for ch in texts["geonames:99072"])


def test_every_place_is_labelled_syrian_and_iraqi_cities_first(data):
    counts = maps.place_counts(data["places"], data["statements"])
    points = maps.place_points(data["place_table"], counts)
    labels = layer(deck_json(maps.places_deck(points)), maps.LABELS_LAYER)["data"]
    assert {d["place_id"] for d in labels} == set(points["place_id"])  # the GPU filter chooses, not a cut-off
    priority = {d["place_id"]: d["priority"] for d in labels}
    assert priority["geonames:172955"] > priority["curated:raqqa-mashlab"]  # the city over its neighbourhood
    assert all(-1000 <= p <= 1000 for p in priority.values())


def test_label_priority_puts_focus_cities_above_bigger_foreign_ones():
    frame = pd.DataFrame({"mentions": [100, 10, 10, 300], "kind": ["city", "town", "city", "country"],
                          "country": ["FR", "SY", "IQ", "SY"]})
    paris, tadmur, tikrit, syria = maps.label_priority(frame)
    assert tadmur > paris and tikrit > paris and paris > syria


def test_only_places_with_statements_are_clickable_and_the_biggest_drawn_last(data):
    counts = maps.place_counts(data["places"], data["statements"])
    spec = deck_json(maps.places_deck(maps.place_points(data["place_table"], counts)))
    clickable = layer(spec, maps.PLACES_LAYER)
    assert clickable["pickable"] and all(d["statements"] > 0 for d in clickable["data"])
    radii = [d["radius"] for d in clickable["data"]]
    assert radii == sorted(radii)  # deck.gl picks the topmost: the biggest is drawn last
    quiet = layer(spec, maps.QUIET_LAYER)
    assert not quiet["pickable"] and all(d["statements"] == 0 for d in quiet["data"])


def test_governorates_and_regions_are_drawn_as_their_area():
    table = pd.DataFrame({"place_id": ["gov", "city"], "name": ["Raqqa Governorate", "Raqqa"],
                          "name_ar": ["محافظة الرقة", "الرقة"], "lat": [35.95, 35.95], "lon": [38.9, 39.0],
                          "kind": ["governorate", "city"], "precision": ["governorate", "city"],
                          "country": ["SY", "SY"], "parent_id": [None, None]})
    counts = pd.DataFrame({"place_id": ["gov", "city"], "mentions": [3, 5], "statements": [1, 2]})
    spec = deck_json(maps.places_deck(maps.place_points(table, counts)))
    areas = layer(spec, maps.AREAS_LAYER)
    assert [d["place_id"] for d in areas["data"]] == ["gov"] and areas["radiusUnits"] == "meters"
    assert areas["data"][0]["area_radius"] == maps.PRECISION_METRES["governorate"]
    assert [d["place_id"] for d in layer(spec, maps.PLACES_LAYER)["data"]] == ["city"]


def test_the_street_map_is_off_unless_asked_for_and_credited(data):
    points = maps.place_points(data["place_table"], maps.place_counts(data["places"], data["statements"]))
    assert "cartocdn" not in maps.places_deck(points).to_json()
    spec = deck_json(maps.places_deck(points, streets=True))
    assert spec["mapProvider"] == "carto" and spec["mapStyle"] == maps.STREET_STYLE
    assert "sea" not in {lay.get("id") for lay in spec["layers"]}  # the street map shows through
    assert "OpenStreetMap" in maps.STREET_CREDIT and "CARTO" in maps.STREET_CREDIT


def test_city_features_are_drawn_for_each_focus_city(data):
    for key, river in (("raqqa", "نهر الفرات"), ("mosul", "نهر دجلة")):
        layers, names = maps.city_features(key)
        assert {"old-city", "city-river"} <= {lay.id for lay in layers}
        assert shaped(river) in set(names["label"])
    city = data["cities"].set_index("key").loc["mosul"].to_dict()
    spec = deck_json(maps.city_deck(city, data["place_table"].iloc[0:0], maps.city_area(city, data["place_table"].iloc[0:0]),
                                    city_key="mosul"))
    labels = [lay for lay in spec["layers"] if lay.get("@@type") in ("PointLabelLayer", "TextLayer")]
    assert len(labels) == 1  # one label layer: the river's name never lands on a place's
    assert shaped("نهر دجلة") in {d["label"] for d in labels[0]["data"]}


def test_city_map_sends_only_the_countries_around_the_city(data):
    city = data["cities"].set_index("key").loc["raqqa"].to_dict()
    empty = data["place_table"].iloc[0:0]
    spec = deck_json(maps.city_deck(city, empty, maps.city_area(city, empty), city_key="raqqa"))
    drawn = {f["properties"].get("id") for f in layer(spec, "countries")["data"]["features"]}
    assert {"SYR", "IRQ", "TUR"} <= drawn  # the borders a reader of a Raqqa map can reach
    assert not drawn & {"BRA", "USA", "AUS", "CHN"}  # the rest of the world is neither sent nor drawn
    assert spec["initialViewState"]["minZoom"] == maps.CITY_MIN_ZOOM  # so it cannot be zoomed out to see the gap
    world = deck_json(maps.places_deck(maps.place_points(data["place_table"], maps.place_counts(
        data["places"], data["statements"]))))
    assert {"BRA", "USA"} <= {f["properties"].get("id") for f in layer(world, "countries")["data"]["features"]}


def test_tooltip_names_both_languages_and_counts(data):
    counts = maps.place_counts(data["places"], data["statements"])
    deck = maps.places_deck(maps.place_points(data["place_table"], counts))
    spec = deck_json(deck)
    template = deck._tooltip["html"]
    fields = set(re.findall(r"{(\w+)}", template))
    assert {"tip_ar", "tip_en", "mentions", "statements"} <= fields
    row = next(r for r in layer(spec, maps.PLACES_LAYER)["data"] if r["place_id"] == "geonames:172955")
    assert fields <= set(row)  # every field the template names is there to fill (Streamlit escapes the values)
    assert (row["tip_ar"], row["tip_en"], row["mentions"]) == ("الرقة", "Raqqa", 2)
    assert not any("{" in str(v) for v in row.values())


def test_speaker_counts_only_count_their_statements(data):
    lavrov = data["statements"][data["statements"]["speaker_key"] == "sergey-lavrov"]
    counts = maps.place_counts(data["places"], lavrov, set()).set_index("place_id")
    assert counts.loc["geonames:170654", "statements"] == 1
    assert counts["statements"].sum() == 1


def test_city_precision_is_never_drawn_at_street_level(data):
    counts = maps.place_counts(data["places"], data["statements"])
    inside = data["place_table"][data["place_table"]["parent_id"] == "geonames:172955"]
    fine, areas, vague = maps.split_by_precision(maps.place_points(inside, counts))
    assert list(fine["place_id"]) == ["curated:raqqa-mashlab"]
    assert list(vague["place_id"]) == ["curated:raqqa-clock"]
    city = data["cities"].set_index("key").loc["raqqa"].to_dict()
    spec = deck_json(maps.city_deck(city, fine, maps.city_area(city, vague)))
    dots = layer(spec, maps.PLACES_LAYER)["data"]
    assert [d["place_id"] for d in dots] == ["curated:raqqa-mashlab"]
    area = layer(spec, "coarse-areas")
    assert area["radiusUnits"] == "meters" and area["data"][0]["area_radius"] >= 1000
    assert "ساحة الساعة" in area["data"][0]["note"]  # named as known only to city precision


# -- charts -------------------------------------------------------------------------------------------------------

def test_timeline_tells_statements_and_events_apart(data):
    fig = charts.timeline_figure(data["statements"], data["dates"])
    statements, events = fig.data
    assert statements.name == charts.STATEMENT_NAME and events.name == charts.EVENT_NAME
    assert statements.marker.symbol != events.marker.symbol
    assert set(events.y) == {charts.EVENTS_ROW} and len(events.x) == 2
    assert any("حي المشلب" in h and "Rex Tillerson" in h for h in statements.hovertext)
    points = list(zip(statements.x, statements.y))
    assert len(set(points)) == len(points)  # same speaker, same day: still one point each


def test_one_speakers_statements_on_one_day_get_their_own_points():
    frame = pd.DataFrame({"published_date": pd.to_datetime(["2017-07-07"] * 3 + ["2017-07-08"]),
                          "speaker_key": ["a", "a", "b", "a"]})
    spread = charts._spread(frame["published_date"], frame["speaker_key"])
    assert spread.iloc[0] != spread.iloc[1] and spread.iloc[0].date() == spread.iloc[1].date()
    assert spread.iloc[0] == spread.iloc[2] == spread.iloc[3] - pd.Timedelta(days=1)


def test_hover_text_is_escaped_and_wrapped():
    text = charts.hover_text("<b>bold</b> " + "كلمة " * 30)
    assert "&lt;b&gt;" in text and "<b>" not in text and "<br>" in text


def test_matrix_counts_statements_per_speaker_and_place(data):
    names = dict(zip(data["place_table"]["place_id"], data["place_table"]["label"]))
    table = charts.matrix(data["statements"], "place_ids", names)
    assert table.loc["Rex Tillerson · ريكس تيلرسون", "Raqqa · الرقة"] == 1
    assert table.loc["Sergey Lavrov · سيرغي لافروف", "Damascus · دمشق"] == 1
    fig = charts.matrix_figure(table, "t")
    assert fig.data[0].type == "heatmap"


def test_empty_data_gives_placeholder_figures():
    empty = derive(Store(ROOT / "no-such-store").load())
    assert charts.timeline_figure(empty["statements"], empty["dates"]).layout.annotations
    assert charts.counts_figure(empty["statements"]).layout.annotations
    assert maps.place_points(empty["place_table"], maps.place_counts(empty["places"], empty["statements"])).empty


def test_timeline_keeps_the_top_speakers_and_groups_the_rest(data):
    fig = charts.timeline_figure(data["statements"], data["dates"], top=1)
    assert set(fig.data[0].y) == {"Rex Tillerson · ريكس تيلرسون", charts.OTHERS_ROW}
    assert list(fig.layout.yaxis.categoryarray)[::-1] == [charts.EVENTS_ROW, "Rex Tillerson · ريكس تيلرسون",
                                                         charts.OTHERS_ROW]


def test_a_click_picks_the_place_of_the_first_layer_that_holds_one():
    from types import SimpleNamespace

    from lib.dashboard import maps

    def event(objects):
        return SimpleNamespace(selection={"indices": {}, "objects": objects})

    assert maps.picked_place(event({})) is None
    assert maps.picked_place(None) is None
    assert maps.picked_place(event({maps.PLACES_LAYER: [{"place_id": "a"}], maps.AREAS_LAYER: [{"place_id": "b"}]})) \
        == "a"
    assert maps.picked_place(event({maps.AREAS_LAYER: [{"place_id": "b"}]})) == "b"
    assert maps.picked_place(event({maps.LABELS_LAYER: [{"place_id": "c"}]})) is None  # labels are not places
    # the river's label has no place: nothing picked
    assert maps.picked_place(event({maps.COARSE_LAYER: [{"place_id": ""}]}),
                             (maps.PLACES_LAYER, maps.COARSE_LAYER)) is None


def test_mentions_over_time_per_day_inside_the_span_and_the_articles_given():
    from datetime import date

    articles = pd.DataFrame({"article_id": ["a", "b", "c", "d"],
                             "published": ["2017-07-07T10:00:00+03:00", "2017-07-07", "2108-08-10", None]})
    rows = pd.DataFrame({"article_id": ["a", "b", "c", "d", "a"], "place_id": ["raqqa"] * 4 + ["mosul"],
                         "mentions": [2, 3, 5, 7, 1]})
    spec = json.loads(charts.mentions_over_time(rows, articles, ["raqqa"], {"raqqa": "الرقة"}, "t",
                                                (date(2017, 1, 1), date(2017, 12, 31))).to_json())
    (trace,) = spec["data"]
    assert [x[:10] for x in trace["x"]] == ["2017-07-07"]  # 2108 and the undated article left out
    y = trace["y"]
    if isinstance(y, dict):  # plotly's typed arrays
        import base64

        import numpy as np
        y = np.frombuffer(base64.b64decode(y["bdata"]), dtype=y["dtype"]).tolist()
    assert list(y) == [5]
    spec = json.loads(charts.mentions_over_time(rows, articles, ["raqqa"], {}, "t", article_ids={"b"}).to_json())
    assert len(spec["data"]) == 1


def test_who_speaks_most_is_drawn_on_the_named_speakers_scale():
    """On an archive the other speakers outnumber any one a hundredfold: their bar is cut at the named speakers'
    scale with its count written on it, so the named speakers' bars can be compared."""
    speakers = pd.DataFrame({"speaker_label": ["Donald Trump · دونالد ترمب", "Sergey Lavrov · سيرغي لافروف",
                                               charts.OTHERS_ROW],
                             "statements": [310, 120, 61_500]})
    fig = charts.speakers_figure(speakers).to_plotly_json()
    bar = fig["data"][0]
    shown = dict(zip(bar["customdata"], bar["text"]))
    assert fig["layout"]["xaxis"]["range"][1] < 1_000  # the named speakers' scale, not the others'
    assert shown[charts.OTHERS_ROW] == "61,500 ›" and shown["Donald Trump · دونالد ترمب"] == ""


def test_who_speaks_most_keeps_its_own_scale_when_no_group_dwarfs_it():
    speakers = pd.DataFrame({"speaker_label": ["Donald Trump · دونالد ترمب", charts.OTHERS_ROW],
                             "statements": [310, 200]})
    fig = charts.speakers_figure(speakers).to_plotly_json()
    assert "range" not in fig["layout"].get("xaxis", {}) and not any(fig["data"][0]["text"])
