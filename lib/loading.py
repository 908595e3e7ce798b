"""The dashboard's one cached loader: the store's tables plus the frames the pages derive from them.

This is the only `lib` module that knows Streamlit (for `st.cache_data`). The store folder is `RASD_STORE`
when that environment variable is set, else `data/store`; an empty store is first filled from the bundled
articles in `data/articles/`, so a fresh clone has data to show.
"""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from lib.store import DEFAULT_DIR, Store

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_ARTICLES = ROOT / "data" / "articles"
UNKNOWN_SPEAKER = "?"
# The focus cities: English spellings, Arabic name, and a centre used only when neither the store nor the
# gazetteer knows the city (to centre its map; nothing is placed there).
FOCUS_CITIES = {
    "raqqa": (("Raqqa", "Ar Raqqah", "Ar-Raqqah", "Al-Raqqa", "Raqqah"), "الرقة", 35.95, 39.01),
    "mosul": (("Mosul", "Al Mawsil", "Al-Mawsil", "Mawsil"), "الموصل", 36.34, 43.13),
}


def store_dir() -> Path:
    """The store folder the dashboard reads: $RASD_STORE, else data/store."""
    env = os.environ.get("RASD_STORE")
    return Path(env) if env else DEFAULT_DIR


def _fingerprint(root: Path) -> tuple[str, ...]:
    """Names of the committed manifests: a new batch changes it, so the cache reloads after an ingest."""
    manifests = root / "manifests"
    return tuple(sorted(p.name for p in manifests.glob("*.json"))) if manifests.exists() else ()


def ensure_store(root: Path) -> None:
    """Fill an empty store from the bundled articles (a no-op when it holds anything)."""
    if Store(root).is_empty() and BUNDLED_ARTICLES.exists():
        from lib.importer import import_paths  # only needed on a fresh clone

        import_paths([BUNDLED_ARTICLES], store_dir=root)


def load_store() -> dict[str, pd.DataFrame]:
    """The store's tables and derived frames (see `derive`), cached until the store gains a batch."""
    root = store_dir()
    ensure_store(root)
    return _load(str(root), _fingerprint(root))


@st.cache_data(show_spinner="Loading the store · تحميل البيانات…", max_entries=4)
def _load(root: str, fingerprint: tuple[str, ...]) -> dict[str, pd.DataFrame]:
    return derive(Store(root).load())


def speaker_key(speaker_id: str | None, speaker: str | None, speaker_ar: str | None) -> str:
    """One key per speaker: the lexicon id when there is one, else the name as written."""
    if isinstance(speaker_id, str) and speaker_id:
        return speaker_id
    for name in (speaker, speaker_ar):
        if isinstance(name, str) and name.strip():
            return "name:" + name.strip()
    return UNKNOWN_SPEAKER


def _label(name: str | None, name_ar: str | None) -> str:
    """'English · العربية' (either alone when the other is missing or the same)."""
    name = name if isinstance(name, str) and name.strip() else None
    name_ar = name_ar if isinstance(name_ar, str) and name_ar.strip() else None
    if name and name_ar and name != name_ar:
        return f"{name} · {name_ar}"
    return name or name_ar or "—"


def _entity_table(rows: pd.DataFrame, id_col: str, extra: list[str]) -> pd.DataFrame:
    """One row per entity id over all articles: first non-null attributes, summed mentions, article count."""
    cols = [id_col, "name", "name_ar", *extra]
    if rows.empty:
        return pd.DataFrame(columns=[*cols, "mentions", "articles", "label"])
    grouped = rows.groupby(id_col, sort=False)
    out = grouped[cols[1:]].first().reset_index()
    out["mentions"] = grouped["mentions"].sum().reindex(out[id_col]).to_numpy().astype(int)
    out["articles"] = grouped["article_id"].nunique().reindex(out[id_col]).to_numpy().astype(int)
    out["label"] = [_label(n, a) for n, a in zip(out["name"], out["name_ar"])]
    return out.sort_values(["mentions", id_col], ascending=[False, True]).reset_index(drop=True)


def _context(body: str, start: int, end: int, width: int = 70) -> str:
    """The words around a span of the body, trimmed to whole words, with … where cut."""
    a, b = max(0, int(start) - width), min(len(body), int(end) + width)
    while a > 0 and not body[a - 1].isspace() and int(start) - a < width + 15:
        a -= 1
    while b < len(body) and not body[b].isspace() and b - int(end) < width + 15:
        b += 1
    text = " ".join(body[a:b].split())
    return ("…" if a > 0 else "") + text + ("…" if b < len(body) else "")


def derive(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The store's tables plus what the pages need ready-made.

    Added: `place_table` and `actor_table` (one row per place/actor over all articles, with a display `label`),
    `speakers` (one row per speaker key with its statement count), and on `statements`: the article's `title`,
    `source`, `url`, a `speaker_key` and `speaker_label`, `published_date` (datetime) and the `place_names` and
    `actor_names` its place and actor ids stand for.
    """
    out = dict(tables)
    articles = tables["articles"]
    places = _entity_table(tables["places"], "place_id",
                           ["lat", "lon", "kind", "precision", "country", "parent_id"])
    actors = _entity_table(tables["actors"], "actor_id", ["kind", "country"])
    place_label = dict(zip(places["place_id"], places["label"]))
    actor_label = dict(zip(actors["actor_id"], actors["label"]))

    st_ = tables["statements"].copy()
    meta = articles[["article_id", "title", "source", "url"]]
    st_ = st_.merge(meta, on="article_id", how="left")
    st_["speaker_key"] = [speaker_key(i, s, a) for i, s, a in
                          zip(st_["speaker_id"], st_["speaker"], st_["speaker_ar"])]
    st_["speaker_label"] = [_label(s, a) if k != UNKNOWN_SPEAKER else "unknown · غير معروف"
                            for s, a, k in zip(st_["speaker"], st_["speaker_ar"], st_["speaker_key"])]
    st_["published_date"] = pd.to_datetime(st_["published"], errors="coerce", format="mixed")
    st_["place_ids"] = [list(v) if v is not None else [] for v in st_["place_ids"]]
    st_["actor_ids"] = [list(v) if v is not None else [] for v in st_["actor_ids"]]
    st_["place_names"] = [[place_label.get(p, p) for p in ids] for ids in st_["place_ids"]]
    st_["actor_names"] = [[actor_label.get(a, a) for a in ids] for ids in st_["actor_ids"]]
    st_ = st_.sort_values(["published_date", "article_id", "start"], na_position="last").reset_index(drop=True)

    if st_.empty:
        speakers = pd.DataFrame(columns=["speaker_key", "speaker_label", "speaker_ar", "speaker_kind",
                                         "statements"])
    else:
        g = st_.groupby("speaker_key", sort=False)
        speakers = g[["speaker_label", "speaker_ar", "speaker_kind"]].first().reset_index()
        speakers["statements"] = g.size().reindex(speakers["speaker_key"]).to_numpy().astype(int)
        speakers = speakers.sort_values(["statements", "speaker_label"], ascending=[False, True])
        speakers = speakers.reset_index(drop=True)

    dates = tables["dates"].merge(articles[["article_id", "title", "source", "published"]], on="article_id",
                                  how="left")
    dates["date_value"] = pd.to_datetime(dates["date"], errors="coerce", format="mixed")
    bodies = dict(zip(articles["article_id"], articles["body"]))
    dates["context"] = [_context(bodies.get(a) or "", s, e) for a, s, e in
                        zip(dates["article_id"], dates["start"], dates["end"])]

    out.update(statements=st_, place_table=places, actor_table=actors, speakers=speakers, dates=dates,
               cities=focus_cities(places, _gazetteer_places()))
    return out


def _gazetteer_places() -> pd.DataFrame:
    """The gazetteer's places (empty when data/gazetteer is not there yet)."""
    from lib import lexicons

    rows = [{"place_id": e.entity_id, "name": e.name, "name_ar": e.name_ar, "kind": e.kind, "lat": e.lat,
             "lon": e.lon, "precision": e.precision, "parent_id": e.parent_id}
            for e, _forms in lexicons.places().values()]
    return pd.DataFrame(rows, columns=["place_id", "name", "name_ar", "kind", "lat", "lon", "precision",
                                       "parent_id"])


def focus_cities(place_table: pd.DataFrame, gazetteer: pd.DataFrame) -> pd.DataFrame:
    """Raqqa and Mosul: their place id and centre, from the store's places, else the gazetteer's, else a fallback
    centre with no id."""
    from lib.filters import find_city

    rows = []
    for key, (english, arabic, lat, lon) in FOCUS_CITIES.items():
        hit = find_city(place_table, english, arabic) or find_city(gazetteer, english, arabic)
        row = {"key": key, "place_id": None, "name": english[0], "name_ar": arabic, "lat": lat, "lon": lon,
               "mentions": 0}
        if hit:
            row.update(place_id=hit["place_id"], name=hit.get("name") or english[0],
                       name_ar=hit.get("name_ar") or arabic, mentions=int(hit.get("mentions") or 0))
            if pd.notna(hit.get("lat")) and pd.notna(hit.get("lon")):
                row.update(lat=float(hit["lat"]), lon=float(hit["lon"]))
        rows.append(row)
    return pd.DataFrame(rows)


def clear_cache() -> None:
    """Forget loaded data (tests that swap the store call this)."""
    _load.clear()
