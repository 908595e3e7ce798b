"""pydeck decks for the map pages: an offline Natural Earth base map, places sized by mentions and coloured by kind,
and shaped Arabic labels.

Decks use `map_provider=None` and leave `map_style` unset: pydeck then sends its "__MAP_STYLE__" sentinel, which
tells Streamlit to load no style (an explicit `map_style=None` makes Streamlit fetch a CARTO style from the
internet). The base map is drawn from the GeoJSON vendored in data/basemap. pydeck reads a plain string property as a JavaScript
expression, so literal strings are quoted twice ('"auto"').
"""
from __future__ import annotations

import json
import math

import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from lib import lexicons
from lib.dashboard.rtl import esc, has_arabic, shaped

PLACES_LAYER = "places"  # layer id: st.pydeck_chart's selection is keyed by it
LABELS_LAYER = "place-labels"
FONT = '"DejaVu Sans, Noto Naskh Arabic, Noto Sans Arabic, Arial, sans-serif"'

KIND_COLOURS: dict[str, tuple[int, int, int]] = {
    "country": (110, 110, 120), "region": (140, 110, 190), "governorate": (140, 110, 190),
    "city": (205, 60, 55), "town": (230, 120, 40), "village": (225, 165, 30), "district": (45, 125, 200),
    "neighbourhood": (30, 150, 130), "landmark": (150, 55, 160), "river": (35, 100, 210),
    "lake": (35, 100, 210),
}
OTHER_COLOUR = (90, 90, 90)
KIND_LABELS = {
    "country": "country · دولة", "region": "region · منطقة", "governorate": "governorate · محافظة",
    "city": "city · مدينة", "town": "town · بلدة", "village": "village · قرية", "district": "district · حي/ناحية",
    "neighbourhood": "neighbourhood · حي", "landmark": "landmark · معلم", "river": "river · نهر",
    "lake": "lake · بحيرة",
}
# How far from its coordinates a place may really be, in metres, by the precision the gazetteer gives.
PRECISION_METRES = {"point": 0, "neighbourhood": 400, "district": 1500, "city": 4000, "governorate": 40000,
                    "region": 80000, "country": 250000}
FINE_PRECISIONS = ("point", "neighbourhood")
AREA_KINDS = ("country", "region", "governorate")
MIN_RADIUS, MAX_RADIUS = 4.0, 28.0  # pixels, for the least and the most mentioned place
LABELLED = 60  # only the most mentioned places get a label; the rest show theirs on hover

TOOLTIP_STYLE = {"backgroundColor": "rgba(255,255,255,0.96)", "color": "#222", "fontSize": "13px",
                 "border": "1px solid #999", "maxWidth": "320px"}


class CompactDeck(pdk.Deck):
    """A deck whose JSON is written without indentation, so Python's C encoder writes it: pydeck's own
    indent=2 forces the pure-Python encoder, about ten times slower on the base map's coordinates."""

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def basemap_layers() -> list[pdk.Layer]:
    """Sea, countries with their borders, coastlines, lakes and rivers (Natural Earth, vendored)."""
    sea = [{"polygon": [[-180, -85], [180, -85], [180, 85], [-180, 85]]}]
    return [
        pdk.Layer("SolidPolygonLayer", sea, id="sea", get_polygon="polygon", get_fill_color=[214, 228, 238]),
        pdk.Layer("GeoJsonLayer", lexicons.basemap("countries"), id="countries", filled=True, stroked=True,
                  get_fill_color=[246, 243, 236], get_line_color=[150, 140, 130], line_width_min_pixels=0.8,
                  get_line_width=1),
        pdk.Layer("GeoJsonLayer", lexicons.basemap("coastlines"), id="coastlines", stroked=True, filled=False,
                  get_line_color=[110, 140, 170], line_width_min_pixels=1, get_line_width=1),
        pdk.Layer("GeoJsonLayer", lexicons.basemap("lakes"), id="lakes", filled=True, stroked=False,
                  get_fill_color=[170, 205, 230]),
        pdk.Layer("GeoJsonLayer", lexicons.basemap("rivers"), id="rivers", stroked=True, filled=False,
                  get_line_color=[90, 150, 210], line_width_min_pixels=1.2, get_line_width=1),
    ]


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


def place_counts(place_rows: pd.DataFrame, statements: pd.DataFrame, article_ids: set[str] | None = None) -> pd.DataFrame:
    """Mentions per place in the given articles (all when None) and how many of the statements name it."""
    rows = place_rows if article_ids is None else place_rows[place_rows["article_id"].isin(article_ids)]
    mentions = rows.groupby("place_id")["mentions"].sum() if not rows.empty else pd.Series(dtype=int)
    per_statement = statements["place_ids"].explode().dropna() if not statements.empty else pd.Series(dtype=str)
    stated = per_statement.value_counts()
    ids = sorted(set(mentions.index) | set(stated.index))
    return pd.DataFrame({"place_id": pd.Series(ids, dtype=object),
                         "mentions": pd.Series([int(mentions.get(i, 0)) for i in ids], dtype=int),
                         "statements": pd.Series([int(stated.get(i, 0)) for i in ids], dtype=int)})


def place_points(place_table: pd.DataFrame, counts: pd.DataFrame, size_by: str = "mentions",
                 max_radius: float = MAX_RADIUS) -> pd.DataFrame:
    """One row per place with coordinates and a count: position, radius, colour, shaped label and tooltip."""
    df = place_table.drop(columns=[c for c in ("mentions",) if c in place_table]).merge(counts, on="place_id")
    df = df[df["lat"].notna() & df["lon"].notna() & (df[size_by] > 0)].copy()
    if df.empty:
        return pd.DataFrame(columns=["place_id", "name", "name_ar", "lon", "lat", "kind", "precision", "mentions",
                                     "statements", "radius", "colour", "label", "tip_ar", "tip_en", "kind_label",
                                     "precision_label", "note"])
    top = max(float(df[size_by].max()), 1.0)
    df["radius"] = [MIN_RADIUS + (max_radius - MIN_RADIUS) * math.sqrt(v / top) for v in df[size_by]]
    # Areas (countries, regions) see-through, so the cities inside them stay visible.
    df["colour"] = [kind_colour(k) + [110 if k in AREA_KINDS else 215] for k in df["kind"]]
    df["label"] = [label_text(n, a) for n, a in zip(df["name"], df["name_ar"])]
    df = tooltip_fields(df)
    keep = ["place_id", "name", "name_ar", "lon", "lat", "kind", "precision", "mentions", "statements", "radius",
            "colour", "label", "tip_ar", "tip_en", "kind_label", "precision_label", "note"]
    return df[keep].sort_values(size_by, ascending=False).reset_index(drop=True)


def _place_layers(points: pd.DataFrame, label_size: int = 14) -> list[pdk.Layer]:
    data = points.to_dict("records")
    labelled = points.nlargest(LABELLED, "radius").to_dict("records") if len(points) > LABELLED else data
    return [
        pdk.Layer("ScatterplotLayer", data, id=PLACES_LAYER, pickable=True, get_position=["lon", "lat"],
                  get_radius="radius", radius_units='"pixels"', get_fill_color="colour", stroked=True,
                  get_line_color=[255, 255, 255], line_width_min_pixels=1, auto_highlight=True),
        pdk.Layer("TextLayer", labelled, id=LABELS_LAYER, get_position=["lon", "lat"], get_text="label",
                  get_size=label_size, size_units='"pixels"', character_set='"auto"', font_family=FONT,
                  get_color=[30, 30, 30], get_text_anchor='"middle"', get_alignment_baseline='"top"',
                  get_pixel_offset=[0, 10], background=True, get_background_color=[255, 255, 255, 190],
                  background_padding=[3, 1, 3, 1]),
    ]


def places_deck(points: pd.DataFrame, lat: float = 34.8, lon: float = 39.0, zoom: float = 4.4) -> pdk.Deck:
    """The places map: base map, places sized by their count and coloured by kind, Arabic labels."""
    view = pdk.ViewState(latitude=lat, longitude=lon, zoom=zoom, min_zoom=1, max_zoom=14)
    return CompactDeck(layers=basemap_layers() + _place_layers(points), initial_view_state=view, map_provider=None,
                    tooltip={"html": TOOLTIP_HTML, "style": TOOLTIP_STYLE})


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


def city_deck(city: dict, fine: pd.DataFrame, coarse: pd.DataFrame, zoom: float = 10.8) -> pdk.Deck:
    """A city's map: places with street-level coordinates as dots; the city and district-level places as shaded
    circles of their uncertainty (`coarse`, with `area_radius` in metres), never as pins."""
    layers = basemap_layers()
    if not coarse.empty:
        layers.append(pdk.Layer(
            "ScatterplotLayer", coarse.to_dict("records"), id="coarse-areas", pickable=True,
            get_position=["lon", "lat"], get_radius="area_radius", radius_units='"meters"',
            get_fill_color=[205, 60, 55, 40], stroked=True, get_line_color=[205, 60, 55, 160],
            line_width_min_pixels=1.5))
        layers.append(pdk.Layer(
            "TextLayer", coarse.to_dict("records"), id="coarse-labels", get_position=["lon", "lat"],
            get_text="label", get_size=16, size_units='"pixels"', character_set='"auto"', font_family=FONT,
            get_color=[120, 30, 30], get_text_anchor='"middle"', get_alignment_baseline='"center"',
            background=True, get_background_color=[255, 255, 255, 170], background_padding=[3, 1, 3, 1]))
    if not fine.empty:
        layers += _place_layers(fine, label_size=13)
    view = pdk.ViewState(latitude=float(city["lat"]), longitude=float(city["lon"]), zoom=zoom, min_zoom=4,
                         max_zoom=16)
    return CompactDeck(layers=layers, initial_view_state=view, map_provider=None,
                    tooltip={"html": TOOLTIP_HTML, "style": TOOLTIP_STYLE})


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
