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

import pandas as pd

from lib.dashboard import search
from lib.text.normalize import fold

@dataclass
class Filters:
    """What the user chose: speaker keys, mentioned actor and place ids, a date range and free text."""

    speakers: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    start: date | None = None
    end: date | None = None
    text: str = ""


def _all(frame: pd.DataFrame) -> pd.Series:
    return pd.Series(True, index=frame.index)


def by_speakers(statements: pd.DataFrame, keys: Iterable[str]) -> pd.Series:
    """Statements by any of the speakers (keys as in `speaker_key`)."""
    keys = set(keys)
    return statements["speaker_key"].isin(keys) if keys else _all(statements)


def _mentions_any(column: pd.Series, ids: set[str]) -> pd.Series:
    return column.map(lambda v: v is not None and not ids.isdisjoint(v)).astype(bool)


def by_actors(statements: pd.DataFrame, actor_ids: Iterable[str]) -> pd.Series:
    """Statements that mention any of the actors."""
    ids = set(actor_ids)
    return _mentions_any(statements["actor_ids"], ids) if ids else _all(statements)


def by_places(statements: pd.DataFrame, place_ids: Iterable[str]) -> pd.Series:
    """Statements that mention any of the places."""
    ids = set(place_ids)
    return _mentions_any(statements["place_ids"], ids) if ids else _all(statements)


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
    mask = when.notna()
    if start is not None:  # on or after the start day's midnight
        mask &= when >= pd.Timestamp(start)
    if end is not None:  # before the midnight after the end day (no per-row normalising needed)
        mask &= when < pd.Timestamp(end) + pd.Timedelta(days=1)
    return mask.fillna(False).astype(bool)


# The search index of each frame searched so far: id(frame) → (a weak reference to it, {column: index}). An
# entry goes when its frame does (the dashboard's frames are cached and never change).
_INDEXES: dict[int, tuple[weakref.ref, dict]] = {}
_INDEX_LOCK = threading.Lock()
SEARCH_COLUMN = "quote"  # the words said; the speaker has its own filter


def search_index(statements: pd.DataFrame, column: str = SEARCH_COLUMN) -> search.Index:
    """The word index of a frame's column, built the first time the frame is searched (or by
    `warm_search_index`, which this then waits for) and kept with it."""
    with _INDEX_LOCK:
        ref, cache = _INDEXES.get(id(statements), (None, None))
        if ref is None or ref() is not statements:
            key = id(statements)
            ref, cache = weakref.ref(statements, lambda _, key=key: _INDEXES.pop(key, None)), {}
            _INDEXES[key] = (ref, cache)
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


def apply(statements: pd.DataFrame, chosen: Filters) -> pd.Series:
    """All of the user's filters at once."""
    return (by_speakers(statements, chosen.speakers) & by_actors(statements, chosen.actors)
            & by_places(statements, chosen.places) & by_dates(statements, chosen.start, chosen.end)
            & by_text(statements, chosen.text))


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


def date_span(statements: pd.DataFrame) -> tuple[date | None, date | None]:
    """First and last publication day among the statements (None, None when undated)."""
    when = _published(statements).dropna()
    if when.empty:
        return None, None
    return when.min().date(), when.max().date()


DOWNLOAD_COLUMNS = ["statement_id", "published", "speaker", "speaker_ar", "speaker_kind", "quote", "kind", "cue",
                    "places", "actors", "title", "source", "url", "article_id", "start", "end"]


def download_table(statements: pd.DataFrame) -> pd.DataFrame:
    """The statements as a flat table for CSV/JSON download (place and actor names joined with ' | ')."""
    out = statements.assign(places=[" | ".join(v) for v in statements["place_names"]],
                            actors=[" | ".join(v) for v in statements["actor_names"]])
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
