"""pydeck decks for the map pages: an offline Natural Earth base map (or, when asked, CARTO's street map), places
sized by mentions and coloured by kind, places known only to an area drawn as that area, and shaped Arabic
labels that never overlap.

Labels: every located place gets one, and deck.gl's CollisionFilterExtension (computed on the GPU at every
frame) hides a label whose anchor a label of higher priority covers, so the labels shown are chosen for what
is in view at the zoom the reader is at: the most mentioned first, the cities of Syria and Iraq before others
(so they are labelled at country zoom). They are drawn by deck.gl's PointLabelLayer, whose collision box takes
in the offset from the dot: a plain TextLayer moved off its point with getPixelOffset is hidden whole by the
extension (visgl/deck.gl#8104).

Decks use `map_provider=None` and leave `map_style` unset: pydeck then sends its "__MAP_STYLE__" sentinel, which
tells Streamlit to load no style (an explicit `map_style=None` makes Streamlit fetch a CARTO style from the
internet). The base map is drawn from the GeoJSON vendored in data/basemap. pydeck reads a plain string property as a JavaScript
expression, so literal strings are quoted twice ('"auto"').
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from lib import lexicons
from lib.dashboard import filters
from lib.dashboard.rtl import esc, has_arabic, shaped

PLACES_LAYER = "places"  # layer id: st.pydeck_chart's selection is keyed by it
AREAS_LAYER = "areas"  # places known only to a governorate, region or country, as translucent discs (clickable)
COARSE_LAYER = "coarse-areas"  # a city map's city and district-level places, as circles of their uncertainty
QUIET_LAYER = "quiet-places"  # places no statement names: drawn, not clickable
LABELS_LAYER = "place-labels"
FOCUS_COUNTRIES = ("SY", "IQ")  # their cities and towns are labelled first
FONT = '"DejaVu Sans, Noto Naskh Arabic, Noto Sans Arabic, Arial, sans-serif"'

KIND_COLOURS: dict[str, tuple[int, int, int]] = {
    "country": (110, 110, 120), "region": (140, 110, 190), "governorate": (140, 110, 190),
    "city": (205, 60, 55), "town": (230, 120, 40), "village": (225, 165, 30), "district": (45, 125, 200),
    "neighbourhood": (30, 150, 130), "landmark": (150, 55, 160), "river": (35, 100, 210),
    "lake": (35, 100, 210), "sea": (35, 100, 210), "waterway": (35, 100, 210),
}
OTHER_COLOUR = (90, 90, 90)
KIND_LABELS = {
    "country": "country · دولة", "region": "region · منطقة", "governorate": "governorate · محافظة",
    "city": "city · مدينة", "town": "town · بلدة", "village": "village · قرية", "district": "district · حي/ناحية",
    "neighbourhood": "neighbourhood · حي", "landmark": "landmark · معلم", "river": "river · نهر",
    "lake": "lake · بحيرة", "sea": "sea · بحر", "waterway": "strait or canal · مضيق أو قناة",
}
# How far from its coordinates a place may really be, in metres, by the precision the gazetteer gives.
PRECISION_METRES = {"point": 0, "neighbourhood": 400, "district": 1500, "city": 4000, "governorate": 40000,
                    "region": 80000, "country": 250000}
FINE_PRECISIONS = ("point", "neighbourhood")
AREA_KINDS = ("country", "region", "governorate")
MIN_RADIUS, MAX_RADIUS = 4.0, 28.0  # pixels, for the least and the most mentioned place
MAP_AREA_PRECISIONS = ("governorate", "region")  # drawn as their area on the main map
# The street map (off by default: the dashboard works offline): CARTO's basemap, no key needed, credited.
STREET_STYLE = "https://basemaps.cartocdn.com/gl/positron-gl-style/style.json"
STREET_CREDIT = "Street map © OpenStreetMap contributors, © CARTO · خريطة الشوارع"

TOOLTIP_STYLE = {"backgroundColor": "rgba(255,255,255,0.96)", "color": "#222", "fontSize": "13px",
                 "border": "1px solid #999", "maxWidth": "320px"}


class CompactDeck(pdk.Deck):
    """A deck whose JSON is written without indentation, so Python's C encoder writes it: pydeck's own
    indent=2 forces the pure-Python encoder, about ten times slower on the base map's coordinates."""

    def to_json(self) -> str:
        text = json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))
        # the base map's GeoJSON (whole, or the part around a city), serialised once per process, not every run
        return _BASEMAP_SLOT.sub(lambda m: _basemap_json(m.group(1), _box(m.group(2))), text)


BASEMAP_LAYERS = ("countries", "lakes", "rivers")
SEA_COLOUR = (208, 224, 238)
LAKE_COLOUR = (170, 205, 230)
# Land tints by the `tint` scripts/build_basemap.py gives each country (no two neighbours share one): pale enough
# for the places' dots to stand out, apart enough to show a border once Streamlit fades the map after a click.
LAND_TINTS = ((243, 237, 222), (229, 237, 216), (241, 226, 216), (232, 227, 240), (240, 236, 204))
_BASEMAP_REF = "rasd-basemap:"  # a layer's data until CompactDeck.to_json puts the GeoJSON in its place
_BASEMAP_SLOT = re.compile(rf'"{_BASEMAP_REF}({"|".join(BASEMAP_LAYERS)})(?:@([-0-9.,]+))?"')
# A city map shows the countries within this many degrees of the city, and cannot be zoomed out past CITY_MIN_ZOOM
# (a few hundred km across): the world's borders, a third of a megabyte, were sent and drawn for every city map.
CITY_BASEMAP_DEGREES = 6.0
CITY_MIN_ZOOM = 7


def _box(text: str | None) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) from a base-map reference's "@w,s,e,n", or None for the whole layer."""
    return tuple(float(v) for v in text.split(",")) if text else None  # type: ignore[return-value]


def _bounds(coords) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) of nested GeoJSON coordinates (None when they hold no point)."""
    if not coords:
        return None
    if isinstance(coords[0], (int, float)):
        return coords[0], coords[1], coords[0], coords[1]
    boxes = [b for b in (_bounds(c) for c in coords) if b]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


@lru_cache(maxsize=None)
def _basemap_json(name: str, box: tuple[float, float, float, float] | None = None) -> str:
    """One base-map layer's GeoJSON as JSON text: every feature, or those whose bounds meet `box`."""
    layer = lexicons.basemap(name)
    if box is not None:
        west, south, east, north = box
        def meets(coords) -> bool:
            bounds = _bounds(coords)
            return bounds is not None and bounds[0] <= east and bounds[2] >= west and bounds[1] <= north \
                and bounds[3] >= south

        kept = []
        for feature in layer["features"]:
            geometry = feature["geometry"]
            if geometry["type"].startswith("Multi"):  # only the parts in view (not Russia's Pacific islands)
                parts = [c for c in geometry["coordinates"] if meets(c)]
                if parts:
                    kept.append({**feature, "geometry": {**geometry, "coordinates": parts}})
            elif meets(geometry["coordinates"]):
                kept.append(feature)
        layer = {**layer, "features": kept}
    if name == "countries":
        layer = {**layer, "features": [{**f, "properties": {**f["properties"], "fill": LAND_TINTS[
            f["properties"].get("tint", 0) % len(LAND_TINTS)]}} for f in layer["features"]]}
    return json.dumps(layer, separators=(",", ":"))


def _basemap_ref(name: str, box: tuple[float, float, float, float] | None) -> str:
    """The placeholder a layer's data holds until CompactDeck.to_json swaps the GeoJSON in."""
    return _BASEMAP_REF + name + ("@" + ",".join(f"{v:.2f}" for v in box) if box else "")


def basemap_layers(streets: bool = False, city: bool = False,
                   box: tuple[float, float, float, float] | None = None) -> list[pdk.Layer]:
    """Sea, land (each country in a tint none of its neighbours has), lakes and rivers (Natural Earth, vendored);
    with the street map under them, nothing (its tiles draw all of it); for a city map, only the land (at 1:50m
    lakes and rivers are kilometres off at street zoom, and the city's own river is drawn instead). With `box`
    (west, south, east, north), only the countries that reach into it."""
    if streets:
        return []
    # Borders and coasts show as a change of colour, not as drawn lines: a browser without a GPU draws every line
    # point again on each frame, and the countries' outlines and the coastline (53,000 points: each border twice,
    # every coast twice) tripled the cost of a click on the map in software-rendered Chromium (bench/README.md).
    sea = [{"polygon": [[-180, -85], [180, -85], [180, 85], [-180, 85]]}]
    layers = [
        pdk.Layer("SolidPolygonLayer", sea, id="sea", get_polygon="polygon", get_fill_color=list(SEA_COLOUR)),
        pdk.Layer("GeoJsonLayer", _basemap_ref("countries", box), id="countries", filled=True, stroked=False,
                  get_fill_color="properties.fill"),
        pdk.Layer("GeoJsonLayer", _BASEMAP_REF + "lakes", id="lakes", filled=True, stroked=False,
                  get_fill_color=list(LAKE_COLOUR)),
        pdk.Layer("GeoJsonLayer", _BASEMAP_REF + "rivers", id="rivers", stroked=True, filled=False,
                  get_line_color=[90, 150, 210], line_width_min_pixels=1.2, get_line_width=1),
    ]
    return layers[:2] if city else layers


def kind_colour(kind: str | None) -> list[int]:
    """RGB of a place kind."""
    return list(KIND_COLOURS.get(kind or "", OTHER_COLOUR))


def label_text(name: str | None, name_ar: str | None) -> str:
    """A map label: the Arabic name shaped for deck.gl, else the English one."""
    if isinstance(name_ar, str) and has_arabic(name_ar):
        return shaped(name_ar)
    return name if isinstance(name, str) else ""


# Streamlit fills {field} from the hovered object and HTML-escapes the value, so names from articles stay text;
# the markup here is ours.
TOOLTIP_HTML = ('<div dir="rtl" style="font-size:15px;font-weight:600">{tip_ar}</div><div><b>{tip_en}</b></div>'
                '<div>{kind_label} · precision · الدقة: {precision_label}</div>'
                '<div>mentions · إشارات: <b>{mentions}</b> &nbsp; statements · تصريحات: <b>{statements}</b></div>'
                '<div dir="rtl" style="max-width:300px;white-space:normal">{note}</div>')


def tooltip_fields(rows: pd.DataFrame, note: str = "") -> pd.DataFrame:
    """The plain-text fields TOOLTIP_HTML names (Arabic and English names, kind, precision, a note)."""
    out = rows.copy()
    out["tip_ar"] = [a if isinstance(a, str) else "" for a in out["name_ar"]]
    out["tip_en"] = [n if isinstance(n, str) and n != a else "" for n, a in zip(out["name"], out["tip_ar"])]
    out["kind_label"] = [KIND_LABELS.get(k, k or "place") for k in out["kind"]]
    out["precision_label"] = [p if isinstance(p, str) else "?" for p in out["precision"]]
    out["note"] = note
    return out


def place_counts(place_rows: pd.DataFrame, statements: pd.DataFrame, article_ids: set[str] | None = None,
                 mask: np.ndarray | pd.Series | None = None) -> pd.DataFrame:
    """Mentions per place in the given articles (all when None) and how many of the statements (those the
    mask keeps, when given) name it."""
    rows = place_rows if article_ids is None else place_rows[place_rows["article_id"].isin(article_ids)]
    mentions = rows.groupby("place_id")["mentions"].sum() if not rows.empty else pd.Series(dtype=int)
    at, codes, uniques = filters.id_pairs(statements, "place_ids")
    if mask is not None:
        codes = codes[np.asarray(mask, dtype=bool)[at]]
    counted = np.bincount(codes, minlength=len(uniques)) if len(uniques) else np.zeros(0, dtype=int)
    stated = pd.Series(counted, index=uniques)
    stated = stated[stated > 0]
    ids = mentions.index.union(stated.index).sort_values()
    return pd.DataFrame({"place_id": pd.Series(ids, dtype=object),
                         "mentions": mentions.reindex(ids, fill_value=0).to_numpy().astype(int),
                         "statements": stated.reindex(ids, fill_value=0).to_numpy().astype(int)})


def place_points(place_table: pd.DataFrame, counts: pd.DataFrame, size_by: str = "mentions",
                 max_radius: float = MAX_RADIUS) -> pd.DataFrame:
    """One row per place with coordinates and a count: position, radius, colour, shaped label and tooltip."""
    df = place_table.drop(columns=[c for c in ("mentions",) if c in place_table]).merge(counts, on="place_id")
    df = df[df["lat"].notna() & df["lon"].notna() & (df[size_by] > 0)].copy()
    if df.empty:
        return pd.DataFrame(columns=["place_id", "name", "name_ar", "lon", "lat", "kind", "precision", "country",
                                     "mentions", "statements", "radius", "colour", "label", "priority", "tip_ar",
                                     "tip_en", "kind_label", "precision_label", "note"])
    top = max(float(df[size_by].max()), 1.0)
    df["radius"] = [MIN_RADIUS + (max_radius - MIN_RADIUS) * math.sqrt(v / top) for v in df[size_by]]
    # Areas (countries, regions) see-through, so the cities inside them stay visible.
    df["colour"] = [kind_colour(k) + [110 if k in AREA_KINDS else 215] for k in df["kind"]]
    df["label"] = [label_text(n, a) for n, a in zip(df["name"], df["name_ar"])]
    df["priority"] = label_priority(df, size_by)
    df = tooltip_fields(df)
    keep = ["place_id", "name", "name_ar", "lon", "lat", "kind", "precision", "country", "mentions", "statements",
            "radius", "colour", "label", "priority", "tip_ar", "tip_en", "kind_label", "precision_label", "note"]
    df = df.assign(country=df["country"] if "country" in df else None)
    return df[keep].sort_values(size_by, ascending=False).reset_index(drop=True)


def city_points(parts: pd.DataFrame, counts: pd.DataFrame, max_radius: float = 14.0) -> pd.DataFrame:
    """Every part of a city the gazetteer knows (districts, neighbourhoods, landmarks), mentioned or not: those
    the statements name sized by them and coloured by kind, those named only in passing smaller, the rest
    small and grey, so the city's layout is always there."""
    df = parts.drop(columns=[c for c in ("mentions", "statements") if c in parts]).merge(counts, on="place_id",
                                                                                          how="left")
    df = df[df["lat"].notna() & df["lon"].notna()].copy()
    df[["mentions", "statements"]] = df[["mentions", "statements"]].fillna(0).astype(int)
    if df.empty:
        return place_points(parts.iloc[0:0].assign(mentions=0), counts.iloc[0:0])
    top = max(float(df["statements"].max()), 1.0)
    df["radius"] = [MIN_RADIUS + 2 + (max_radius - MIN_RADIUS - 2) * math.sqrt(s / top) if s else
                    MIN_RADIUS + 1 if m else MIN_RADIUS - 1 for s, m in zip(df["statements"], df["mentions"])]
    df["colour"] = [kind_colour(k) + [225] if s or m else [150, 150, 150, 150]
                    for k, s, m in zip(df["kind"], df["statements"], df["mentions"])]
    df["label"] = [label_text(n, a) for n, a in zip(df["name"], df["name_ar"])]
    df["priority"] = [int(min(1000, 300 + 700 * math.sqrt(s / top))) if s else 150 if m else
                      (0 if k in ("district", "landmark") else -100)
                      for s, m, k in zip(df["statements"], df["mentions"], df["kind"])]
    df = tooltip_fields(df.assign(country=df["country"] if "country" in df else None))
    keep = ["place_id", "name", "name_ar", "lon", "lat", "kind", "precision", "country", "mentions", "statements",
            "radius", "colour", "label", "priority", "tip_ar", "tip_en", "kind_label", "precision_label", "note"]
    return df[keep].sort_values(["statements", "mentions"], ascending=False).reset_index(drop=True)


def label_priority(points: pd.DataFrame, size_by: str = "mentions") -> list[int]:
    """Each place's label priority for the collision filter (-1000…1000): by its count (square root, as the
    dots), a city or town of Syria or Iraq raised above any other place but a bigger one of its own kind, areas
    (countries, regions) last."""
    top = max(float(points[size_by].max()), 1.0) if len(points) else 1.0
    country = points["country"] if "country" in points else pd.Series(None, index=points.index)
    out = []
    for n, kind, c in zip(points[size_by], points["kind"], country):
        p = 600 * math.sqrt(float(n) / top)
        if kind in ("city", "town") and c in FOCUS_COUNTRIES:
            p += 350
        elif kind in ("city", "town", "village", "district", "neighbourhood", "landmark"):
            p += 100
        else:
            p -= 400  # a country or region: its name says less than its cities'
        out.append(int(max(-1000, min(1000, p))))
    return out


DOT_FIELDS = ["place_id", "lon", "lat", "radius", "colour", "mentions", "statements", "tip_ar", "tip_en",
              "kind_label", "precision_label", "note"]  # what a dot draws, its tooltip shows and a click returns
LABEL_FIELDS = ["place_id", "lon", "lat", "radius", "priority", "label"]


def _records(frame: pd.DataFrame, fields: list[str]) -> list[dict]:
    """The rows as dicts with only the fields a layer reads (the deck's JSON is sent on every page run)."""
    return frame[[f for f in fields if f in frame]].to_dict("records")


def _labels_layer(points: pd.DataFrame, label_size: int = 14, layer_id: str = LABELS_LAYER,
                  group: str = "labels") -> pdk.Layer:
    """The places' labels, just below their dots, that hide one another by priority: deck.gl's PointLabelLayer
    (a TextLayer whose collision box includes the offset from the dot) with the CollisionFilterExtension."""
    data = _records(points.assign(radius=points["radius"] if "radius" in points else 0.0), LABEL_FIELDS)
    return pdk.Layer(
        "PointLabelLayer", data, id=layer_id, get_position=["lon", "lat"], get_text="label",
        get_radius="radius", size_scale=label_size, character_set='"auto"', font_family=FONT, font_weight=600,
        get_color=[25, 25, 25], get_text_anchor='"middle"', get_alignment_baseline='"top"',
        extensions=[{"@@type": "CollisionFilterExtension"}], collision_group=f'"{group}"',
        get_collision_priority="priority")


def _place_layers(points: pd.DataFrame, label_size: int = 14, areas: bool = False,
                  labels: bool = True) -> list[pdk.Layer]:
    """Dots (places a statement names, the biggest drawn last so a click picks it; the others quieter and not
    clickable), areas when asked (governorates and regions as discs of their size), and labels."""
    layers = []
    if "statements" in points:
        has = points["statements"] > 0
    else:
        has = pd.Series(True, index=points.index)
    area = points["precision"].isin(MAP_AREA_PRECISIONS) if areas else pd.Series(False, index=points.index)
    if area.any():
        shown = points[area].assign(area_radius=[PRECISION_METRES.get(p, 40000) for p in points[area]["precision"]])
        layers.append(pdk.Layer(
            "ScatterplotLayer", _records(shown.sort_values("radius"), DOT_FIELDS + ["area_radius"]), id=AREAS_LAYER,
            pickable=True,
            get_position=["lon", "lat"], get_radius="area_radius", radius_units='"meters"',
            get_fill_color=[140, 110, 190, 38], stroked=True, get_line_color=[140, 110, 190, 150],
            line_width_min_pixels=1, auto_highlight=True))
    quiet = points[~has & ~area]
    if not quiet.empty:
        layers.append(pdk.Layer(
            "ScatterplotLayer", _records(quiet, DOT_FIELDS), id=QUIET_LAYER, pickable=False,
            get_position=["lon", "lat"], get_radius="radius", radius_units='"pixels"', get_fill_color="colour",
            opacity=0.45, stroked=True, get_line_color=[255, 255, 255], line_width_min_pixels=1))
    layers.append(pdk.Layer(
        "ScatterplotLayer", _records(points[has & ~area].sort_values("radius"), DOT_FIELDS), id=PLACES_LAYER,
        pickable=True, get_position=["lon", "lat"], get_radius="radius", radius_units='"pixels"',
        get_fill_color="colour", stroked=True, get_line_color=[255, 255, 255], line_width_min_pixels=1,
        auto_highlight=True))
    if labels:
        layers.append(_labels_layer(points, label_size))
    return layers


def _deck(layers: list[pdk.Layer], view: pdk.ViewState, streets: bool) -> pdk.Deck:
    """A deck on the offline base map, or on CARTO's street map when `streets`."""
    if streets:
        return CompactDeck(layers=layers, initial_view_state=view, map_provider="carto", map_style=STREET_STYLE,
                           tooltip={"html": TOOLTIP_HTML, "style": TOOLTIP_STYLE})
    return CompactDeck(layers=layers, initial_view_state=view, map_provider=None,
                       tooltip={"html": TOOLTIP_HTML, "style": TOOLTIP_STYLE})


def places_deck(points: pd.DataFrame, lat: float = 34.8, lon: float = 39.0, zoom: float = 4.4,
                streets: bool = False) -> pdk.Deck:
    """The places map: base map, governorates and regions as their area, places sized by their count and
    coloured by kind (only those a statement names clickable), labels chosen by the collision filter."""
    view = pdk.ViewState(latitude=lat, longitude=lon, zoom=zoom, min_zoom=1, max_zoom=14)
    return _deck(basemap_layers(streets) + _place_layers(points, areas=True), view, streets)


def split_by_precision(points: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Places with street-level coordinates, places known to a district (drawn as areas), and places known only
    to city precision or coarser (not drawn at all: their coordinates would be the city's)."""
    fine = points[points["precision"].isin(FINE_PRECISIONS)]
    areas = points[points["precision"] == "district"].copy()
    areas["area_radius"] = PRECISION_METRES["district"]
    vague = points[~points["precision"].isin(FINE_PRECISIONS + ("district",))]
    return fine, areas, vague


def city_area(city: dict, vague: pd.DataFrame) -> pd.DataFrame:
    """The city as one shaded circle of city precision; its tooltip lists what is known only that precisely."""
    row = {"place_id": city.get("place_id") or "", "name": city["name"], "name_ar": city["name_ar"],
           "lon": float(city["lon"]), "lat": float(city["lat"]), "kind": "city", "precision": "city",
           "mentions": int(city.get("mentions") or 0), "statements": int(city.get("statements") or 0),
           "area_radius": PRECISION_METRES["city"], "label": label_text(city["name"], city["name_ar"])}
    note = ""
    if not vague.empty:
        names = "، ".join(a if isinstance(a, str) and a else n for a, n in zip(vague["name_ar"], vague["name"]))
        note = f"معروف على مستوى المدينة فقط · known only to city precision: {names}"
    return tooltip_fields(pd.DataFrame([row]), note)


def city_features(city_key: str) -> tuple[list[pdk.Layer], pd.DataFrame]:
    """The city's river and old city, hand-drawn (data/gazetteer/city_features.geojson): their layers, and
    their names as label rows (for the one label layer, so they never collide with the places' labels)."""
    features = [f for f in lexicons.city_features()["features"] if f["properties"]["city"] == city_key]
    rivers = [f for f in features if f["properties"]["kind"] == "river"]
    old = [f for f in features if f["properties"]["kind"] == "old_city"]
    layers = []
    if old:
        layers.append(pdk.Layer("GeoJsonLayer", {"type": "FeatureCollection", "features": old}, id="old-city",
                                filled=True, stroked=True, get_fill_color=[201, 162, 39, 45],
                                get_line_color=[160, 120, 20, 200], line_width_min_pixels=2, get_line_width=1))
    if rivers:
        layers.append(pdk.Layer("GeoJsonLayer", {"type": "FeatureCollection", "features": rivers}, id="city-river",
                                stroked=True, filled=False, get_line_color=[60, 130, 210],
                                line_width_min_pixels=5, get_line_width=1))
    names = []
    for f in features:
        coords = f["geometry"]["coordinates"]
        ring = coords if f["geometry"]["type"] == "LineString" else coords[0][:-1]
        if f["properties"]["kind"] == "river":
            lon, lat = ring[len(ring) // 2]
        else:
            lon, lat = sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
        names.append({"place_id": "", "lon": lon, "lat": lat, "radius": 0.0, "priority": 950,
                      "label": label_text(f["properties"]["name"], f["properties"]["name_ar"])})
    return layers, pd.DataFrame(names, columns=["place_id", "lon", "lat", "radius", "priority", "label"])


def city_feature_layers(city_key: str) -> list[pdk.Layer]:
    """The city's river and old city layers (see `city_features`)."""
    return city_features(city_key)[0]


def city_deck(city: dict, fine: pd.DataFrame, coarse: pd.DataFrame, zoom: float = 12.3,
              streets: bool = False, city_key: str | None = None) -> pdk.Deck:
    """A city's map: its river and old city; places with street-level coordinates as dots (all the
    gazetteer's, those the statements name sized by them, the others small and grey); the city and
    district-level places as shaded circles of their uncertainty (`coarse`, with `area_radius` in metres),
    never as pins; one layer of labels (features, places, areas) that never overlap."""
    feature_layers, feature_names = city_features(city_key) if city_key else ([], pd.DataFrame())
    lat, lon, span = float(city["lat"]), float(city["lon"]), CITY_BASEMAP_DEGREES
    layers = basemap_layers(streets, city=True, box=(lon - span, lat - span, lon + span, lat + span)) + feature_layers
    label_rows = [feature_names]
    if not coarse.empty:
        layers.append(pdk.Layer(
            "ScatterplotLayer", coarse.to_dict("records"), id=COARSE_LAYER, pickable=True,
            get_position=["lon", "lat"], get_radius="area_radius", radius_units='"meters"',
            get_fill_color=[205, 60, 55, 28], stroked=True, get_line_color=[205, 60, 55, 140],
            line_width_min_pixels=1.5))
        label_rows.append(coarse.assign(radius=0.0, priority=-500))
    if not fine.empty:
        layers += _place_layers(fine, label_size=13, labels=False)
        label_rows.append(fine)
    columns = ["place_id", "lon", "lat", "radius", "priority", "label"]
    labels = pd.concat([r[columns] for r in label_rows if not r.empty], ignore_index=True) \
        if any(not r.empty for r in label_rows) else pd.DataFrame(columns=columns)
    if not labels.empty:
        layers.append(_labels_layer(labels, label_size=13))
    view = pdk.ViewState(latitude=lat, longitude=lon, zoom=zoom, min_zoom=CITY_MIN_ZOOM,
                         max_zoom=17)
    return _deck(layers, view, streets)


@dataclass
class CityView:
    """What a city page draws: the city (with its mention and statement counts), the places inside it, the
    statements about it, and its parts by precision (street-level dots; the city and district-level places as
    areas)."""

    city: dict
    known: pd.DataFrame  # every place the store or the gazetteer knows
    inside: list[str]  # the city's id and every place whose parents lead to it
    about: np.ndarray  # statements the filters keep that name a place inside the city
    points: pd.DataFrame  # every part of the city (`city_points`)
    fine: pd.DataFrame
    coarse: pd.DataFrame


def known_places(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every place the store or the gazetteer knows, the store's rows first (they carry the mentions); made
    once per store."""
    table, gazetteer = data["place_table"], data["gazetteer"]
    cache = filters.frame_cache(table)
    if "known" not in cache:
        cache["known"] = table if gazetteer.empty else \
            pd.concat([t for t in (table, gazetteer) if not t.empty], ignore_index=True).drop_duplicates("place_id")
    return cache["known"]


def city_view(data: dict[str, pd.DataFrame], key: str, mask: np.ndarray | pd.Series,
              article_ids: set[str] | None) -> CityView:
    """The city page's data for the focus city `key`: statements the mask keeps about it, and its parts counted
    over the articles given (all when None)."""
    city = data["cities"].set_index("key").loc[key].to_dict()
    known = known_places(data)
    cache = filters.frame_cache(known)
    if ("inside", city["place_id"]) not in cache:
        cache[("inside", city["place_id"])] = filters.places_within(known, city["place_id"]) \
            if city["place_id"] else []
    inside = cache[("inside", city["place_id"])]
    statements = data["statements"]
    mask = np.asarray(mask, dtype=bool)
    about = mask & filters.by_places(statements, inside).to_numpy() if inside else np.zeros(len(mask), dtype=bool)
    counts = place_counts(data["places"], statements, article_ids, mask=about)
    parts = known[known["place_id"].isin(inside) & (known["place_id"] != city["place_id"])]
    points = city_points(parts, counts)
    fine, areas, vague = split_by_precision(points)
    city["mentions"] = int(counts.loc[counts["place_id"] == city["place_id"], "mentions"].sum())
    city["statements"] = int(about.sum())
    coarse = pd.concat([city_area(city, vague), areas], ignore_index=True) if not areas.empty \
        else city_area(city, vague)
    return CityView(city, known, inside, about, points, fine, coarse)


def picked_place(event: object, layers: tuple[str, ...] = (PLACES_LAYER, AREAS_LAYER)) -> str | None:
    """The place a click on a deck picked (`st.pydeck_chart`'s event): the first object of the first of `layers`
    that holds one; None when the click hit nothing (or a place without an id, such as the river's label)."""
    selection = getattr(event, "selection", None) or {}
    objects = selection.get("objects") or {}
    for layer in layers:
        for obj in objects.get(layer) or []:
            if isinstance(obj, dict) and obj.get("place_id"):
                return str(obj["place_id"])
    return None


def legend_html(kinds: list[str]) -> str:
    """A small colour legend for the kinds shown (static text, nothing from articles)."""
    items = []
    for kind in kinds:
        r, g, b = kind_colour(kind)
        items.append(f'<span style="display:inline-block;margin:0 .6rem .2rem 0"><span style="display:inline-block;'
                     f'width:.8rem;height:.8rem;border-radius:50%;background:rgb({r},{g},{b});'
                     f'vertical-align:middle;margin-inline-end:.3rem"></span>'
                     f'{esc(KIND_LABELS.get(kind, kind))}</span>')
    return '<div style="font-size:.85rem">' + "".join(items) + "</div>"
