"""Filters over the statements frame: pure functions that return boolean masks and never touch widgets.

Every function takes the frame (as `lib.loading.derive` shapes it) and returns a `pd.Series` of bools aligned
with it; an empty choice means "no filter" (all True). Combine masks with `&`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

import pandas as pd

from lib.normalize import fold

# Letters that spellings of the same word disagree on (الأميركي / الأمريكي, ترمب / ترامب, سوريا / سورية): after
# lib.normalize.fold, the search key turns a word-final ه into ا, drops every ا and ء, and drops و and ي inside a
# word (kept first and last, so و the conjunction and the nisba ending still count).
_FINAL_HA = re.compile(r"ه\b")
_ALEF = re.compile("[اء]")
_MEDIAL_WEAK = re.compile(r"(?<=\w)[وي](?=\w)")
_SPACE = re.compile(r"\s+")
# Under this many letters a skeleton matches too much (قال → قل), so the folded form is matched instead.
MIN_SKELETON = 3


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


def by_dates(statements: pd.DataFrame, start: date | None, end: date | None) -> pd.Series:
    """Statements published within [start, end], both ends included; undated ones only when no range is set."""
    if start is None and end is None:
        return _all(statements)
    when = pd.to_datetime(statements["published"], errors="coerce", format="mixed").dt.normalize()
    mask = when.notna()
    if start is not None:
        mask &= when >= pd.Timestamp(start)
    if end is not None:
        mask &= when <= pd.Timestamp(end)
    return mask.fillna(False).astype(bool)


def skeleton(text: str) -> str:
    """Search key: `fold`, then the letters spellings disagree on dropped (الأميركي ≡ الامريكي ≡ الأمريكية)."""
    key = _ALEF.sub("", _FINAL_HA.sub("ا", fold(text)))
    return _SPACE.sub(" ", _MEDIAL_WEAK.sub("", key)).strip()


def _folded(text: str) -> str:
    return _SPACE.sub(" ", fold(text)).strip()


def by_text(statements: pd.DataFrame, query: str,
            columns: tuple[str, ...] = ("quote", "speaker", "speaker_ar")) -> pd.Series:
    """Statements whose quote or speaker contains the query, Arabic spelling variants folded."""
    query = (query or "").strip()
    if not query:
        return _all(statements)
    key, match = skeleton(query), skeleton
    if len(key.replace(" ", "")) < MIN_SKELETON:
        key, match = _folded(query), _folded
    if not key:
        return _all(statements)
    haystack = pd.Series("", index=statements.index)
    for col in columns:
        if col in statements:
            haystack = haystack + " " + statements[col].fillna("").astype(str)
    return haystack.map(lambda t: key in match(t)).astype(bool)


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
    when = pd.to_datetime(statements["published"], errors="coerce", format="mixed").dropna()
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
