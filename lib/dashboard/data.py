"""The dashboard's one cached loader: the store's tables plus the frames the pages derive from them.

This is the only `lib` module that knows Streamlit (for `st.cache_resource`). The store folder is `RASD_STORE`
when that environment variable is set, else `data/store`; an empty store is first filled from the bundled
articles in `data/articles/`, so a fresh clone has data to show. A damaged batch of the store (a part missing,
truncated or garbled) is left out, never a traceback: `store_warnings` names what a cheap check finds (shown by
`widgets.page_start` on every page), and `load_store` shows what only the full read finds.

The frames are cached once per process and shared by every session and page run, never copied: with 50,000
articles they hold a few hundred MB, and `st.cache_data` would pickle them into its cache and unpickle a copy
on every page run (seconds each, and a copy per run in memory). So pages and `lib` must treat them as read-only
(every `lib` function returns new frames; none assigns into its input). Derived columns are built column-wise
(no Python loop per statement where pandas or Arrow can do it).
"""
from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import streamlit as st

from lib.corpus.store import Damage, Store, choose_store
from lib import lexicons
from lib.dashboard.filters import copy_keys, copy_sources, find_city, fold_many, warm_search_index
from lib.lexicons import BUNDLED_ARTICLES
from lib.text.normalize import fold

UNKNOWN_SPEAKER = "?"
# The focus cities: English spellings, Arabic name, and a centre used only when neither the store nor the
# gazetteer knows the city (to centre its map; nothing is placed there).
FOCUS_CITIES = {
    "raqqa": (("Raqqa", "Ar Raqqah", "Ar-Raqqah", "Al-Raqqa", "Raqqah"), "الرقة", 35.95, 39.01),
    "mosul": (("Mosul", "Al Mawsil", "Al-Mawsil", "Mawsil"), "الموصل", 36.34, 43.13),
}


def store_dir() -> Path:
    """The store folder the dashboard reads: $RASD_STORE, else data/store (as the command line chooses it)."""
    return choose_store()


def _fingerprint(root: Path) -> tuple[str, ...]:
    """Names of the committed manifests: a new batch changes it, so the cache reloads after an ingest."""
    manifests = root / "manifests"
    return tuple(sorted(p.name for p in manifests.glob("*.json"))) if manifests.exists() else ()


def ensure_store(root: Path) -> list[str]:
    """Fill an empty store from the bundled articles (a no-op when it holds anything); why not, when it
    cannot be written."""
    if Store(root).is_empty() and BUNDLED_ARTICLES.exists():
        from lib.corpus.importer import import_paths  # (the analysis modules: only for a new store)

        report = import_paths([BUNDLED_ARTICLES], store_dir=root)
        if report.store_error:
            return [f"The bundled articles could not be added · تعذّر حفظ المقالات المرفقة: {report.store_error}"]
    return []


def load_store() -> dict[str, pd.DataFrame]:
    """The store's tables and derived frames (see `derive`), cached until the store gains a batch; a warning
    on the page for damage that `store_warnings` (shown by every page first) did not know of."""
    data, warnings = load_store_checked()
    shown = set(store_warnings())
    for warning in warnings:
        if warning not in shown:
            st.warning(warning, icon="⚠️")
    return data


def load_store_checked() -> tuple[dict[str, pd.DataFrame], list[str]]:
    """The frames, and why part of the store is not in them (each damaged batch skipped, named)."""
    root = store_dir()
    warnings = ensure_store(root)
    data, skipped = _load(str(root), _fingerprint(root))
    return data, warnings + skipped


def damage_warning(damage: Damage) -> str:
    """What the dashboard says about a damaged batch it skips."""
    return (f"Part of the store is damaged and not shown · جزء من البيانات تالف ولا يُعرض: {damage}. "
            "`python -m lib.ingest --repair` moves it aside; then add its articles again.")


def store_warnings() -> list[str]:
    """The damaged batches of the store that a cheap check finds (a part missing, empty or truncated, a
    manifest cut short), without loading anything: cached until the store gains a batch."""
    root = store_dir()
    return _checked(str(root), _fingerprint(root))


@st.cache_resource(show_spinner=False, max_entries=1)
def _checked(root: str, fingerprint: tuple[str, ...]) -> list[str]:
    """`store_warnings`, once per set of committed batches."""
    return [damage_warning(d) for d in Store(root).check(deep=False)]


# What the pages read: every table but `mentions` (one row per mention, the biggest; the actor and place tables
# already count them per article).
DASHBOARD_TABLES = ("articles", "statements", "actors", "places", "dates")


@contextmanager
def _collector_paused():
    """The cyclic garbage collector paused while the frames are made, then the objects made moved out of its
    sight (`gc.freeze`). Loading makes millions of objects (strings and lists in object columns), and every full
    collection rescans all of them: ~20 % of a 60,000-article load, and again in every page run after it while
    the cached frames live. The frames hold no reference cycles to reclaim."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()  # what the load made and dropped, before the rest is frozen
        gc.freeze()
        if enabled:
            gc.enable()


# One entry: a new batch changes the fingerprint, and the old frames go when the new ones come.
@st.cache_resource(show_spinner="Loading the store · تحميل البيانات…", max_entries=1)
def _load(root: str, fingerprint: tuple[str, ...]) -> tuple[dict[str, pd.DataFrame], list[str]]:
    store = Store(root)
    with _collector_paused():
        tables = frames(store.read(DASHBOARD_TABLES))
        pa.default_memory_pool().release_unused()  # Arrow's allocator keeps what the tables held: ~150 MB
        out = derive(tables)
    warm_search_index(out["statements"])  # in the background: the first search need not wait for it
    return out, [damage_warning(d) for d in store.skipped]


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


def _text_or_empty(values: pd.Series) -> pd.Series:
    """Each value when it is text with something besides spaces, else ''."""
    values = values.astype(object)
    return values.where(values.str.strip().str.len() > 0, "")


def _labels(names: pd.Series, names_ar: pd.Series) -> np.ndarray:
    """`_label` over whole columns."""
    name, name_ar = _text_or_empty(names), _text_or_empty(names_ar)
    both = (name != "") & (name_ar != "") & (name != name_ar)
    one = name.where(name != "", name_ar).where(lambda v: v != "", "—")
    return np.where(both, name + " · " + name_ar, one).astype(object)


def _speaker_keys(ids: pd.Series, speakers: pd.Series, speakers_ar: pd.Series) -> np.ndarray:
    """`speaker_key` over whole columns."""
    ids = ids.astype(object)
    ident = ids.where(ids.str.len() > 0, "")  # text and not empty (None, NaN and numbers give no length)
    name = _text_or_empty(speakers).str.strip()
    name_ar = _text_or_empty(speakers_ar).str.strip()
    named = ("name:" + name).where(name != "", ("name:" + name_ar).where(name_ar != "", UNKNOWN_SPEAKER))
    return ident.where(ident != "", named).to_numpy(dtype=object)


def _as_lists(column: pd.Series) -> list[list]:
    """A column of id lists (lists, or numpy arrays from `Store.load`; None when missing) as Python lists."""
    return [v if type(v) is list else [] if v is None else list(v) for v in column]


def _names(id_lists: list[list], labels: dict[str, str]) -> list[list]:
    """Each list of ids as their labels (an id without a label stands for itself). Rows naming the same ids
    share one list (a few thousand distinct lists among 170,000 statements): read-only, like every frame here."""
    made: dict[tuple, list] = {}
    out = []
    for ids in id_lists:
        key = tuple(ids)
        names = made.get(key)
        if names is None:
            names = made[key] = [labels.get(i, i) for i in ids]
        out.append(names)
    return out


def frames(tables: dict[str, pa.Table]) -> dict[str, pd.DataFrame]:
    """Arrow tables as dataframes, list columns as Python lists (quicker than numpy arrays and then lists).
    Empties `tables` as it goes, so each Arrow table is freed once converted (a lower peak while loading)."""
    out = {}
    for name in list(tables):
        table = tables.pop(name)
        if name == "statements" and table.num_rows:
            # In the order `derive` wants (ISO dates sort as text; undated last): reordering here, in Arrow,
            # is quicker than reordering the pandas frame, and `derive` then finds nothing to move.
            table = table.take(pc.sort_indices(table, [("published", "ascending"), ("article_id", "ascending"),
                                                       ("start", "ascending")]))  # nulls last by default
        lists = {i: f.name for i, f in enumerate(table.schema) if pa.types.is_list(f.type)}
        id_lists = {col: [v if v is not None else [] for v in table.column(col).to_pylist()] for col in lists.values()}
        df = table.drop_columns(list(lists.values())).to_pandas(split_blocks=True, self_destruct=True)
        del table
        for i, col in lists.items():
            df.insert(i, col, id_lists.pop(col))
        if name == "articles" and df["article_id"].duplicated().any():
            df = df.drop_duplicates("article_id")
        out[name] = df
    return out


def _dates(values: pd.Series) -> pd.Series:
    """`pd.to_datetime(…, errors="coerce", format="mixed")`, parsing each distinct value once."""
    codes, uniques = pd.factorize(values)
    parsed = pd.to_datetime(pd.Series(uniques, dtype=object), errors="coerce", format="mixed")
    if len(parsed) and not isinstance(parsed.dtype, pd.DatetimeTZDtype):
        parsed = parsed.astype("datetime64[ns]")
    out = parsed.to_numpy()[codes] if len(parsed) else np.full(len(codes), np.datetime64("NaT"), "datetime64[ns]")
    out = pd.Series(out, index=values.index, name=values.name)
    return out.where(codes >= 0, pd.NaT)


def _entity_table(rows: pd.DataFrame, id_col: str, extra: list[str]) -> pd.DataFrame:
    """One row per entity id over all articles: first non-null attributes, summed mentions, article count."""
    cols = [id_col, "name", "name_ar", *extra]
    if rows.empty:
        return pd.DataFrame(columns=[*cols, "mentions", "articles", "label"])
    grouped = rows.groupby(id_col, sort=False)
    out = grouped[cols[1:]].first().reset_index()
    out["mentions"] = grouped["mentions"].sum().reindex(out[id_col]).to_numpy().astype(int)
    out["articles"] = grouped["article_id"].nunique().reindex(out[id_col]).to_numpy().astype(int)
    out["label"] = _labels(out["name"], out["name_ar"])
    return out.sort_values(["mentions", id_col], ascending=[False, True]).reset_index(drop=True)


_NON_SPACE_END = re.compile(r"\S*\Z")
_NON_SPACE = re.compile(r"\S*")
WORD_SLACK = 15  # characters a context may grow by to end on a whole word


def _context(body: str, start: int, end: int, width: int = 70) -> str:
    """The words around a span of the body, trimmed to whole words (growing by at most WORD_SLACK characters),
    with … where cut."""
    start, end = int(start), int(end)
    a, b = max(0, start - width), min(len(body), end + width)
    if a > 0:
        a -= len(_NON_SPACE_END.search(body, max(0, a - (start - a + WORD_SLACK - width)), a).group())
    if b < len(body):
        b += len(_NON_SPACE.match(body, b, b + WORD_SLACK - (b - end - width)).group())
    text = " ".join(body[a:b].split())
    return ("…" if a > 0 else "") + text + ("…" if b < len(body) else "")


def canonical_speakers(keys: np.ndarray, labels: np.ndarray, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One key per speaker known only by name: names that fold alike (hamza, ة/ه, diacritics, spaces) share the
    key and label of their most frequent spelling. `keys`/`labels` are per distinct speaker, `codes` each
    statement's distinct speaker."""
    keys = np.asarray(keys, dtype=object)
    named = np.array([isinstance(k, str) and k.startswith("name:") for k in keys], dtype=bool)
    if not named.any():
        return keys, labels
    folded = keys.copy()
    folded[named] = ["name:" + " ".join(f.split()) for f in fold_many([k[5:] for k in keys[named]])]
    n = np.bincount(codes, minlength=len(keys)) if len(codes) else np.zeros(len(keys), dtype=int)
    frame = pd.DataFrame({"key": keys, "fold": folded, "label": labels, "n": n})
    frame["total"] = frame.groupby("key")["n"].transform("sum")
    best = frame.sort_values(["total", "key"], ascending=[False, True]).drop_duplicates("fold").set_index("fold")
    return (frame["fold"].map(best["key"]).to_numpy(dtype=object),
            frame["fold"].map(best["label"]).to_numpy(dtype=object))


def speaker_groups(keys: np.ndarray, kinds: np.ndarray, ids: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Each speaker's chart row: its own key, or a group (lib.dashboard.charts.GROUP_LABELS) for unnamed sources (مصادر، مصدر أمني),
    documents (البيان، التقرير), a body named by its kind alone (الوزارة، الشركة) and statements without a
    speaker."""
    kinds = pd.Series(kinds, dtype=object)
    has_id = np.array([isinstance(v, str) and bool(v) for v in ids], dtype=bool)
    # الوزارة، الشركة، المرصد: one definite noun, a body named by its kind (found as a title or as a name)
    one_word = np.array([isinstance(v, str) and len(v.split()) == 1 and v.startswith("ال") for v in labels],
                        dtype=bool)
    out = np.array(keys, dtype=object)
    is_kind = lambda *k: kinds.isin(k).to_numpy(dtype=bool)  # noqa: E731
    out[is_kind("anonymous") & ~has_id] = "group:anonymous"
    out[is_kind("document") & ~has_id] = "group:document"
    out[is_kind("title", "named") & ~has_id & one_word] = "group:unnamed"
    out[(out == UNKNOWN_SPEAKER) | is_kind("unknown")] = "group:unknown"
    return out


FUTURE_SLACK = pd.Timedelta(days=2)  # time zones and early editions
NEIGHBOUR_DAYS = 365  # a publication day with fewer articles than this around it is an outlier (a typo: 2108)


def plausible_span(days: pd.Series, today: pd.Timestamp | None = None) -> tuple[pd.Timestamp | None,
                                                                                pd.Timestamp | None]:
    """The corpus's real span of publication days: no day after today, and no day so far from the others that
    fewer than a handful of articles (0.02 % of them, at least 3) were published within a year of it. A single
    article on 2108-08-10 in a 2017 corpus is left out; a few hundred 2012 essays are kept."""
    days = days.dropna()
    days = days[days <= latest_day(today)]
    if days.empty:
        return None, None
    distinct, counts = np.unique(days.to_numpy().astype("datetime64[D]"), return_counts=True)
    return span_of_days(distinct, counts, days.min(), days.max())


def latest_day(today: pd.Timestamp | None = None) -> pd.Timestamp:
    """The latest publication time taken as real (today, and a little slack)."""
    return (today or pd.Timestamp.now()) + FUTURE_SLACK


def span_of_days(distinct: np.ndarray, counts: np.ndarray, first: pd.Timestamp,
                 last: pd.Timestamp) -> tuple[pd.Timestamp, pd.Timestamp]:
    """`plausible_span` from the articles per publication day (`distinct` days as datetime64[D], sorted, and
    their counts; none after `latest_day`) and the first and last publication time: what a store's per-day
    counts give without reading every date."""
    if counts.sum() >= 100:
        total = np.concatenate([[0], np.cumsum(counts)])
        window = np.timedelta64(NEIGHBOUR_DAYS, "D")
        around = total[np.searchsorted(distinct, distinct + window, side="right")] - \
            total[np.searchsorted(distinct, distinct - window, side="left")]
        dense = distinct[around >= max(3, 0.0002 * counts.sum())]
        if len(dense):
            return pd.Timestamp(dense[0]), pd.Timestamp(dense[-1]) + pd.Timedelta(days=1) - pd.Timedelta(1)
    return pd.Timestamp(first), pd.Timestamp(last)


def date_ok(published: pd.Series, span: tuple[pd.Timestamp | None, pd.Timestamp | None]) -> pd.Series:
    """True for a publication date inside the plausible span (False when undated or outside it)."""
    lo, hi = span
    if lo is None:
        return pd.Series(False, index=published.index)
    return (published >= lo) & (published <= hi)


def wire_copies(statements: pd.DataFrame) -> dict[str, object]:
    """The same statement carried by several articles (a wire story): `copy_group` (one id per distinct
    `filters.copy_keys` key; every shorter quote its own group), `copies` (statements in the group), `outlets`
    (distinct sources) and `copy_sources` (them, sorted)."""
    n = len(statements)
    if not n:
        return {"copy_group": np.zeros(0, dtype=np.int64), "copies": np.zeros(0, dtype=np.int64),
                "outlets": np.zeros(0, dtype=np.int64), "copy_sources": []}
    key = copy_keys(statements["quote"].tolist())
    codes = pc.fill_null(pc.dictionary_encode(key).indices, -1).to_numpy(zero_copy_only=False).astype(np.int64)
    lone = codes < 0
    codes[lone] = codes.max(initial=-1) + 1 + np.arange(lone.sum())
    source = statements["source"] if "source" in statements else pd.Series(None, index=statements.index)
    copies = np.bincount(codes)[codes]
    sources = copy_sources(codes, source.to_numpy(dtype=object))
    outlets = np.array([max(1, len(v)) for v in sources])
    return {"copy_group": codes.astype(np.int64), "copies": copies.astype(np.int64), "outlets": outlets,
            "copy_sources": sources}


def derive(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The store's tables plus what the pages need ready-made.

    Added: `place_table` and `actor_table` (one row per place/actor over all articles, with a display `label`),
    `gazetteer` (every place the gazetteer knows, mentioned or not),
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

    st_ = tables["statements"].copy(deep=False)  # new columns go to this frame only, the store's is untouched
    # The article's title, source and url by position (quicker than a merge; -1, no such article, picks None).
    at = pd.Index(articles["article_id"]).get_indexer(st_["article_id"])
    for col in ("title", "source", "url", "topic"):
        values = articles[col].to_numpy(dtype=object) if col in articles else np.full(len(articles), None)
        st_[col] = np.append(values, None)[at]
    # Keys and labels for each distinct (id, speaker, speaker_ar): a few speakers say most statements.
    who = st_[["speaker_id", "speaker", "speaker_ar", "speaker_kind"]]
    codes = who.groupby(list(who.columns), dropna=False, sort=False).ngroup().to_numpy()  # by first appearance
    distinct = who[~who.duplicated()]
    keys = _speaker_keys(distinct["speaker_id"], distinct["speaker"], distinct["speaker_ar"])
    labels = np.where(keys == UNKNOWN_SPEAKER, "unknown · غير معروف",
                      _labels(distinct["speaker"], distinct["speaker_ar"])).astype(object)
    keys, labels = canonical_speakers(keys, labels, codes)
    groups = speaker_groups(keys, distinct["speaker_kind"].to_numpy(dtype=object),
                            distinct["speaker_id"].to_numpy(dtype=object), labels)
    st_["speaker_key"], st_["speaker_label"], st_["speaker_group"] = keys[codes], labels[codes], groups[codes]
    st_["published_date"] = _dates(st_["published"])
    place_ids, actor_ids = _as_lists(st_["place_ids"]), _as_lists(st_["actor_ids"])
    st_["place_ids"], st_["actor_ids"] = place_ids, actor_ids
    st_["place_names"] = _names(place_ids, place_label)
    st_["actor_names"] = _names(actor_ids, actor_label)
    # Sorted by publication time (undated last), article and offset: the order sort_values gives, from integer
    # keys (sorting the article ids as strings once each, not once per statement).
    when = st_["published_date"].to_numpy().view("i8").copy()
    when[st_["published_date"].isna().to_numpy()] = np.iinfo("i8").max
    order = np.lexsort((st_["start"].to_numpy(), pd.factorize(st_["article_id"], sort=True)[0], when))
    if (order != np.arange(len(order))).any():  # `frames` sorts the store's statements so already
        st_ = st_.take(order)
    st_.index = pd.RangeIndex(len(st_))  # st_ is this function's own frame: no copy needed to renumber
    article_days = _dates(articles["published"]) if "published" in articles else pd.Series(dtype="datetime64[ns]")
    st_["date_ok"] = date_ok(st_["published_date"], plausible_span(article_days))
    st_ = st_.assign(**wire_copies(st_))

    if st_.empty:
        speakers = pd.DataFrame(columns=["speaker_key", "speaker_label", "speaker_ar", "speaker_kind",
                                         "speaker_group", "statements"])
    else:
        g = st_.groupby("speaker_key", sort=False)
        speakers = g[["speaker_label", "speaker_ar", "speaker_kind", "speaker_group"]].first().reset_index()
        speakers["statements"] = g.size().reindex(speakers["speaker_key"]).to_numpy().astype(int)
        speakers = speakers.sort_values(["statements", "speaker_label"], ascending=[False, True])
        speakers = speakers.reset_index(drop=True)

    dates = tables["dates"].merge(articles[["article_id", "title", "source", "published"]], on="article_id",
                                  how="left")
    dates["date_value"] = _dates(dates["date"])
    bodies = dict(zip(articles["article_id"], articles["body"]))
    dates["context"] = [_context(bodies.get(a) or "", s, e) for a, s, e in
                        zip(dates["article_id"], dates["start"], dates["end"])]

    gazetteer = gazetteer_places()
    out.update(statements=st_, place_table=places, actor_table=actors, speakers=speakers, dates=dates,
               cities=focus_cities(places, gazetteer), gazetteer=gazetteer)
    return out


def gazetteer_places() -> pd.DataFrame:
    """The gazetteer's places (empty when data/gazetteer is not there yet)."""
    rows = [{"place_id": e.entity_id, "name": e.name, "name_ar": e.name_ar, "kind": e.kind, "lat": e.lat,
             "lon": e.lon, "precision": e.precision, "country": e.country, "parent_id": e.parent_id}
            for e, _forms in lexicons.default().places.values()]
    return pd.DataFrame(rows, columns=["place_id", "name", "name_ar", "kind", "lat", "lon", "precision", "country",
                                       "parent_id"])


def focus_cities(place_table: pd.DataFrame, gazetteer: pd.DataFrame) -> pd.DataFrame:
    """Raqqa and Mosul: their place id and centre, from the store's places, else the gazetteer's, else a fallback
    centre with no id."""
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
    _checked.clear()
