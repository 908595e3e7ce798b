"""Filters over the statements frame: pure functions that return boolean masks and never touch widgets.

Every function takes the frame (as `lib.dashboard.data.derive` shapes it) and returns a `pd.Series` of bools aligned
with it; an empty choice means "no filter" (all True). Combine masks with `&`.

They run on every page run over every statement (170,000 for 50,000 articles), so they are column operations,
not a Python call per row: dates come from the `published_date` column `derive` parses once, and the text
search folds all the statements in one go the first time a frame is searched and keeps the result for that
frame (the dashboard's frames are cached and never change).
"""
from __future__ import annotations

import re
import threading
import weakref
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from lib.dashboard import search
from lib.text.normalize import fold
from lib.text.tokens import clitic_keys

@dataclass
class Filters:
    """What the user chose: speaker keys, mentioned actor and place ids, a date range, free text and the
    articles' topics (empty: every topic)."""

    speakers: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    start: date | None = None
    end: date | None = None
    text: str = ""
    topics: list[str] = field(default_factory=list)


def _all(frame: pd.DataFrame) -> pd.Series:
    return pd.Series(True, index=frame.index)


def by_speakers(statements: pd.DataFrame, keys: Iterable[str]) -> pd.Series:
    """Statements by any of the speakers (keys as in `speaker_key`)."""
    keys = set(keys)
    return statements["speaker_key"].isin(keys) if keys else _all(statements)


# What is kept per frame: id(frame) → (a weak reference to it, its cache). An entry goes when its frame does.
_INDEXES: dict[int, tuple[weakref.ref, dict]] = {}
_INDEX_LOCK = threading.RLock()


def frame_cache(frame: pd.DataFrame) -> dict:
    """A dict kept with a frame while it lives (the dashboard's frames are cached and never change), for what
    is worth computing once per frame: search indexes, id pairs."""
    with _INDEX_LOCK:
        ref, cache = _INDEXES.get(id(frame), (None, None))
        if ref is None or ref() is not frame:
            key = id(frame)
            ref, cache = weakref.ref(frame, lambda _, key=key, held=_INDEXES: held.pop(key, None)), {}
            _INDEXES[key] = (ref, cache)
    return cache


def id_pairs(statements: pd.DataFrame, column: str) -> tuple[np.ndarray, np.ndarray, pd.Index]:
    """A list column (place_ids, actor_ids) flattened: each (row position, id code) pair and the ids the codes
    stand for; computed once per frame."""
    cache = frame_cache(statements)
    found = cache.get(("pairs", column))
    if found is None:
        lists = statements[column].tolist()
        lengths = np.fromiter((len(v) if v is not None else 0 for v in lists), dtype=np.int64, count=len(lists))
        flat = [i for v in lists if v is not None for i in v]
        codes, uniques = pd.factorize(pd.Series(flat, dtype=object))
        found = cache[("pairs", column)] = (np.repeat(np.arange(len(lists)), lengths), codes, pd.Index(uniques))
    return found


def _mentions_any(statements: pd.DataFrame, column: str, ids: set[str]) -> pd.Series:
    rows, codes, uniques = id_pairs(statements, column)
    wanted = uniques.get_indexer(list(ids))
    mask = np.zeros(len(statements), dtype=bool)
    mask[rows[np.isin(codes, wanted[wanted >= 0])]] = True
    return pd.Series(mask, index=statements.index)


def by_actors(statements: pd.DataFrame, actor_ids: Iterable[str]) -> pd.Series:
    """Statements that mention any of the actors."""
    ids = set(actor_ids)
    return _mentions_any(statements, "actor_ids", ids) if ids else _all(statements)


def by_places(statements: pd.DataFrame, place_ids: Iterable[str]) -> pd.Series:
    """Statements that mention any of the places."""
    ids = set(place_ids)
    return _mentions_any(statements, "place_ids", ids) if ids else _all(statements)


def _published(statements: pd.DataFrame) -> pd.Series:
    """Publication times: `derive`'s parsed column when there is one, else parsed here."""
    if "published_date" in statements:
        return statements["published_date"]
    return pd.to_datetime(statements["published"], errors="coerce", format="mixed")


def by_dates(statements: pd.DataFrame, start: date | None, end: date | None) -> pd.Series:
    """Statements published within [start, end], both ends included; undated ones only when no range is set."""
    if start is None and end is None:
        return _all(statements)
    when = _published(statements)
    if isinstance(when.dtype, pd.DatetimeTZDtype):
        when = when.dt.tz_localize(None)
    stamps = when.to_numpy(dtype="datetime64[ns]")
    mask = ~np.isnat(stamps)
    if start is not None:  # on or after the start day's midnight
        mask &= stamps >= np.datetime64(pd.Timestamp(start), "ns")
    if end is not None:  # before the midnight after the end day (no per-row normalising needed)
        mask &= stamps < np.datetime64(pd.Timestamp(end) + pd.Timedelta(days=1), "ns")
    return pd.Series(mask, index=statements.index)


SEARCH_COLUMN = "quote"  # the words said; the speaker has its own filter


def search_index(statements: pd.DataFrame, column: str = SEARCH_COLUMN) -> search.Index:
    """The word index of a frame's column, built the first time the frame is searched (or by
    `warm_search_index`, which this then waits for) and kept with it."""
    cache = frame_cache(statements)
    with _INDEX_LOCK:
        lock = cache.setdefault(("lock", column), threading.Lock())
    with lock:  # one build per frame and column, whichever thread asks first
        index = cache.get(column)
        if index is None:
            texts = statements[column].tolist() if column in statements else [None] * len(statements)
            index = cache[column] = search.build_index(texts, search.lexicon_variants())
    return index


def warm_search_index(statements: pd.DataFrame) -> threading.Thread:
    """Build the frame's search index in a background thread (most of the work is Arrow's, which lets the
    pages run meanwhile), so the first search does not wait for it."""
    thread = threading.Thread(target=search_index, args=(statements,), name="rasd-search-index", daemon=True)
    thread.start()
    return thread


def text_search(statements: pd.DataFrame, query: str, column: str = SEARCH_COLUMN) -> tuple[pd.Series, pd.Series]:
    """(statements whose words hold every word and quoted phrase of the query, their BM25 scores): whole words
    through clitics and attested spelling variants (see lib.dashboard.search)."""
    if not search.parse_query(query):
        return _all(statements), pd.Series(0.0, index=statements.index)
    mask, score = search.search(search_index(statements, column), query, search.lexicon_variants())
    return pd.Series(mask, index=statements.index), pd.Series(score, index=statements.index)


def by_text(statements: pd.DataFrame, query: str, column: str = SEARCH_COLUMN) -> pd.Series:
    """Statements whose quote holds every word and quoted phrase of the query (whole words)."""
    return text_search(statements, query, column)[0]


def by_topics(statements: pd.DataFrame, topics: Iterable[str]) -> pd.Series:
    """Statements of articles on any of the topics; an article whose topic is not known (stored before topics
    were) is never hidden."""
    topics = set(topics)
    if not topics or "topic" not in statements:
        return _all(statements)
    return statements["topic"].isin(topics) | statements["topic"].isna()


def apply(statements: pd.DataFrame, chosen: Filters) -> pd.Series:
    """All of the user's filters at once."""
    return (by_speakers(statements, chosen.speakers) & by_actors(statements, chosen.actors)
            & by_places(statements, chosen.places) & by_dates(statements, chosen.start, chosen.end)
            & by_topics(statements, chosen.topics) & by_text(statements, chosen.text))


def rows(statements: pd.DataFrame, mask: pd.Series | np.ndarray, columns: Iterable[str]) -> pd.DataFrame:
    """The masked statements with only the columns a chart needs (copying 40 columns of 170,000 rows, lists
    among them, for a chart that reads four is what made pages slow)."""
    columns = [c for c in columns if c in statements]
    positions = np.flatnonzero(np.asarray(mask, dtype=bool))
    return statements.iloc[positions, [statements.columns.get_loc(c) for c in columns]]


def article_filters(chosen: Filters) -> Filters:
    """The filters that choose whole articles (dates, topics), without those that choose statements."""
    return Filters(start=chosen.start, end=chosen.end, topics=list(chosen.topics))


def statement_filters_set(chosen: Filters) -> bool:
    """Does the user narrow the statements themselves (speaker, actor, place or words), not only the articles?"""
    return bool(chosen.speakers or chosen.actors or chosen.places or chosen.text.strip())


# -- order and wire copies ----------------------------------------------------------------------------------------

SORTS = {"newest": "Newest first · الأحدث أولاً", "oldest": "Oldest first · الأقدم أولاً",
         "speaker": "By speaker · حسب المتحدث", "outlets": "Most outlets · الأكثر نشراً",
         "relevance": "Best match · الأكثر صلة"}


def order(statements: pd.DataFrame, mask: pd.Series | np.ndarray | None = None, by: str = "newest",
          scores: pd.Series | np.ndarray | None = None) -> np.ndarray:
    """Positions of the statements the mask keeps, in the order asked for (undated last; ties newest first,
    then by article and offset): sorting positions on a few columns, never copying the frame."""
    keep = np.flatnonzero(np.asarray(mask, dtype=bool)) if mask is not None else np.arange(len(statements))
    if not len(keep):
        return keep
    when = (statements["published_date"] if "published_date" in statements else _published(statements)).to_numpy()
    stamp = when[keep].astype("datetime64[ns]").view("i8")
    undated = np.isnat(when[keep])
    newest = np.where(undated, np.iinfo("i8").max, -stamp)  # descending, undated last
    # the frame is sorted by date, article and offset already (lib.dashboard.data.derive): its position breaks ties
    keys: list[np.ndarray] = [keep, newest]
    if by == "oldest":
        keys = [keep, np.where(undated, np.iinfo("i8").max, stamp)]
    elif by == "speaker":
        keys = [keep, newest, pd.factorize(statements["speaker_label"].to_numpy()[keep], sort=True)[0]]
    elif by == "outlets" and "outlets" in statements:
        keys = [keep, newest, -statements["outlets"].to_numpy()[keep]]
    elif by == "relevance" and scores is not None:
        keys = [keep, newest, -np.asarray(scores, dtype=float)[keep]]
    return keep[np.lexsort(keys)]


MIN_COPY_WORDS = 6  # shorter quotes («مثمرة») coincide across unrelated articles: never grouped


def fold_many(texts: list[str]) -> list[str]:
    """[fold(t) for t in texts] in one call (fold is a few str.replace over the joined texts)."""
    parts = fold("\x1e".join(texts)).split("\x1e")
    return parts if len(parts) == len(texts) else [fold(t) for t in texts]


def copy_keys(quotes: list[object]) -> pa.Array:
    """Each quote's wire-copy key: its folded words joined by one space when it has MIN_COPY_WORDS words or more,
    else null (a short quote is its own group). The pandas loader and the DuckDB blocks both group by it."""
    # in Arrow: a Python list of words per quote is what made this the slowest step of the load
    words = pc.utf8_split_whitespace(pa.array(fold_many([q if isinstance(q, str) else "" for q in quotes]),
                                              pa.string()))
    return pc.if_else(pc.greater_equal(pc.list_value_length(words), MIN_COPY_WORDS), pc.binary_join(words, " "),
                      pa.scalar(None, pa.string()))


def copy_sources(groups: np.ndarray, sources: np.ndarray) -> list[list[str]]:
    """Per row, the sorted distinct outlets of its copy group (a source unknown is «?»; a row alone in its group
    lists its own source, or none)."""
    codes = pd.factorize(np.asarray(groups))[0]
    shared = np.flatnonzero(np.bincount(codes)[codes] > 1) if len(codes) else codes
    by_group: dict[int, set] = {}
    for g, src in zip(codes[shared], np.asarray(sources, dtype=object)[shared]):
        by_group.setdefault(int(g), set()).add(src if isinstance(src, str) else "?")
    listed = {g: sorted(v) for g, v in by_group.items()}
    return [listed.get(int(g)) or ([s] if isinstance(s, str) else []) for g, s in zip(codes, sources)]


def first_copies(statements: pd.DataFrame, positions: np.ndarray) -> np.ndarray:
    """The positions with each wire story once: its first copy in this order."""
    if "copy_group" not in statements or not len(positions):
        return positions
    groups = statements["copy_group"].to_numpy()[positions]
    _, first = np.unique(groups, return_index=True)
    return positions[np.sort(first)]


def sort_statements(statements: pd.DataFrame, by: str = "newest", scores: pd.Series | None = None) -> pd.DataFrame:
    """The statements in the order asked for (see `order`), as a frame."""
    if statements.empty:
        return statements
    values = scores.reindex(statements.index).fillna(0).to_numpy() if scores is not None else None
    return statements.iloc[order(statements, None, by, values)]


def group_copies(statements: pd.DataFrame) -> pd.DataFrame:
    """One row per wire story: the first of each group of copies in the frame's order (the others dropped)."""
    if "copy_group" not in statements or statements.empty:
        return statements
    return statements.iloc[first_copies(statements, np.arange(len(statements)))]


# -- entity suggestions ---------------------------------------------------------------------------------------------

def _match_quality(query: str, names: Iterable[object]) -> int:
    """0 when a name is the query (through clitics and ال), 1 when a word of a name is, 2 when a name starts with
    it, 3 when a name holds it, 4 otherwise (folded, Latin lower-cased)."""
    best = 4
    stem = search.query_reading(query)[1]
    for name in names:
        if not isinstance(name, str) or not name.strip():
            continue
        folded = " ".join(fold(name).split())
        if folded == query or search.query_reading(folded)[1] == stem:
            return 0
        words = folded.split()
        if query in words or any(search.query_reading(w)[1] == stem for w in words):
            best = min(best, 1)
        elif folded.startswith(query):
            best = min(best, 2)
        elif query in folded:
            best = min(best, 3)
    return best


def rank_entities(table: pd.DataFrame, id_col: str, text: str, count_col: str = "mentions",
                  name_cols: tuple[str, ...] = ("name_ar", "name", "label"), limit: int = 20) -> list[str]:
    """Ids of the entities whose names hold the typed text, best match first (the name itself, then a word of
    it, then its start, then anywhere in it), the most frequent first among equals; a single word that no name
    holds is tried behind its proclitics (بالرقة → الرقة)."""
    typed = " ".join(fold(text or "").split())
    if not typed or table.empty:
        return []
    cols = [c for c in name_cols if c in table]
    hay = table[cols[0]].fillna("").astype(str)
    for c in cols[1:]:
        hay = hay + "\x1f" + table[c].fillna("").astype(str)
    folded = pd.Series(_fold_all(hay.tolist()), index=table.index)
    forms = [f for f in (clitic_keys(typed) if " " not in typed else (typed,)) if len(f) >= 2]
    candidates, query = table.iloc[:0], typed
    for query in forms:  # the word as typed first: لافروف is not ل + افروف
        candidates = table[folded.str.contains(query, regex=False)]
        if not candidates.empty:
            break
    if candidates.empty:
        return []
    quality = [_match_quality(query, row) for row in candidates[cols].itertuples(index=False)]
    counts = candidates[count_col] if count_col in candidates else pd.Series(0, index=candidates.index)
    ranked = candidates.assign(_q=quality, _n=-counts.fillna(0)).sort_values(["_q", "_n", id_col])
    return ranked[id_col].head(limit).tolist()


def find_profile(speakers: pd.DataFrame, actors: pd.DataFrame, typed: str) -> str | None:
    """The profile a typed name names ("speaker:KEY", else "actor:ID"): the speaker it names best, else the
    actor; None when it names neither."""
    found = rank_entities(speakers, "speaker_key", typed, "statements", ("speaker_label", "speaker_ar"), 1)
    if found:
        return f"speaker:{found[0]}"
    found = rank_entities(actors, "actor_id", typed, "mentions", limit=1)
    return f"actor:{found[0]}" if found else None


def _fold_all(texts: list[str]) -> list[str]:
    """[fold(t) for t in texts] in one call."""
    parts = fold("\x1e".join(texts)).split("\x1e")
    return parts if len(parts) == len(texts) else [fold(t) for t in texts]


def places_within(place_table: pd.DataFrame, city_id: str) -> list[str]:
    """Ids of a city and of every place whose parent chain leads to it."""
    parents = dict(zip(place_table["place_id"], place_table["parent_id"]))
    out = []
    for pid in place_table["place_id"]:
        seen, cur = set(), pid
        while isinstance(cur, str) and cur not in seen:
            if cur == city_id:
                out.append(pid)
                break
            seen.add(cur)
            cur = parents.get(cur)
    return out


def date_span(statements: pd.DataFrame, plausible_only: bool = False) -> tuple[date | None, date | None]:
    """First and last publication day among the statements (None, None when undated); with `plausible_only`,
    among those inside the corpus's plausible span (`date_ok`)."""
    when = _published(statements)
    if plausible_only and "date_ok" in statements:
        when = when[statements["date_ok"].to_numpy()]
    when = when.dropna()
    if when.empty:
        return None, None
    return when.min().date(), when.max().date()


DOWNLOAD_COLUMNS = ["statement_id", "published", "speaker", "speaker_ar", "speaker_kind", "quote", "kind", "cue",
                    "places", "actors", "title", "source", "outlets", "sources", "topic", "url", "article_id",
                    "start", "end"]


def download_table(statements: pd.DataFrame) -> pd.DataFrame:
    """The statements as a flat table for CSV/JSON download (place, actor and outlet names joined with ' | ')."""
    out = statements.assign(places=[" | ".join(v) for v in statements["place_names"]],
                            actors=[" | ".join(v) for v in statements["actor_names"]])
    if "copy_sources" in out:  # the outlets that carried the same words
        out = out.assign(sources=[" | ".join(v) for v in out["copy_sources"]])
    return out[[c for c in DOWNLOAD_COLUMNS if c in out]].reset_index(drop=True)


def to_csv(table: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a byte-order mark, so spreadsheet programs read the Arabic right."""
    return table.to_csv(index=False).encode("utf-8-sig")


def to_json(table: pd.DataFrame) -> bytes:
    """A JSON array of records, Arabic kept as written."""
    return table.to_json(orient="records", force_ascii=False, indent=1).encode("utf-8")


def _latin_key(name: object) -> str:
    return re.sub(r"[^a-z]", "", name.lower()) if isinstance(name, str) else ""


def find_city(places: pd.DataFrame, english: tuple[str, ...], arabic: str) -> dict | None:
    """The row of a city in a places frame, matched by English spellings or the folded Arabic name (cities and
    towns before other kinds, then the most mentioned)."""
    if places.empty:
        return None
    latin = {_latin_key(e) for e in english}
    folded = fold(arabic)
    hit = places[places["name"].map(_latin_key).isin(latin)
                 | places["name_ar"].map(lambda a: isinstance(a, str) and fold(a) == folded)]
    if hit.empty:
        return None
    rank = hit.assign(_city=~hit["kind"].isin(["city", "town"]),
                      _m=-(hit["mentions"] if "mentions" in hit else 0))
    return rank.sort_values(["_city", "_m"]).iloc[0].drop(["_city", "_m"]).to_dict()


def csv_of(statements: pd.DataFrame) -> bytes:
    """The statements as a CSV download (built when asked for)."""
    return to_csv(download_table(statements))


def json_of(statements: pd.DataFrame) -> bytes:
    """The statements as a JSON download (built when asked for)."""
    return to_json(download_table(statements))
