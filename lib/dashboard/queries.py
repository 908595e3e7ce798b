"""The dashboard's questions as SQL: DuckDB (embedded, in-process) over the store's committed Parquet parts.

The pandas loader (lib/dashboard/data.py) reads the whole store into memory before the first page: its cost
grows with the archive. Here each page asks for what it draws (a count, a page of 20 statements, the top
speakers, per-place counts for the map, timeline bins) and DuckDB answers from the Parquet parts, reading only
the columns a question needs, so memory stays bounded whatever the archive's size. Every function is pure:
(a `Source` or a store folder, a `Filters` value, …) → a small DataFrame, and agrees with the pandas path
(`lib.dashboard.filters` over the frames `lib.dashboard.data.derive` makes; tests/test_queries.py checks it).

A `Source` is one DuckDB connection over the parts the store's manifests name (a batch that is being written is
not seen until its manifest is committed); `refresh()` picks up new batches. What no question should compute
row by row is kept beside the store (`derived/<version>/`, lib/dashboard/derived.py): per batch a small DuckDB
block of its narrow rows (ids, parsed publication time, `who` = one integer per speaker spelling, place and actor
ids, topic), its speakers, its articles' narrow rows and its place and actor aggregates, merged eightfold as
batches accumulate (so a new batch costs its own block); `ix`, `arts` and the speakers table are the union of the
current blocks. Per set of committed batches (`answers/<fingerprint>/`) the speakers table (each `who` with the
pandas path's merged key, label and group, by lib.dashboard.data's own functions) and other filter-independent
answers are kept. A page is ordered on `ix`, and only its rows are read whole, from their own parts. `python -m
lib.dashboard.queries --index` makes all of it ahead. The text search is `lib.dashboard.search`'s word search:
every quote's words read through their clitics and attested spelling variants into keys, one (statement_id,
key, positions) row per distinct key, per statements part in `search/<version>/`, merged into key-sorted
segments of 8 and 64 parts; a quoted phrase is a join of its words' keys on consecutive positions, and a search
ranks its hits by the same BM25 as the pandas page (`ranked`).
"""
from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import os
import shutil
import sys
import tempfile
import threading
import time
import uuid
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Literal

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from lib.corpus.store import TABLES, choose_store
from lib.dashboard import derived, filters, search
from lib.dashboard.filters import Filters

UNKNOWN_LABEL = "unknown · غير معروف"  # as lib.dashboard.data labels the statements of no known speaker
OTHERS = "others · آخرون"  # as lib.dashboard.charts.counts_figure groups the speakers past the top ones
MEMORY_LIMIT = "1GB"  # DuckDB's own cap (it spills to disk beyond it): the dashboard must fit in ~1.5 GB
# Python's str.strip() whitespace, for DuckDB's trim(): names are compared as the pandas path strips them.
_WS = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
SEARCH_COLUMN = filters.SEARCH_COLUMN  # what the word search reads (the quote; the speaker has its own filter)


@lru_cache(maxsize=1)
def _key_version() -> str:
    """What the search keys depend on (the word search's code and the lexicons' spelling variants): a change to
    either makes a new key folder, never stale keys."""
    code = inspect.getsource(search) + inspect.getsource(search.clitic_keys) + inspect.getsource(search.fold) + \
        inspect.getsource(search_keys)
    return hashlib.sha256((code + search.lexicon_variants().signature()).encode()).hexdigest()[:12]


_sql_text = derived.sql_text


# Text with something besides whitespace (pandas: `_text_or_empty`) and a display label (`_labels`), for the
# place and actor tables. (Speaker keys are not made in SQL: the speakers table uses lib.dashboard.data's rule.)
_MACROS = f"""
CREATE OR REPLACE MACRO nz(x) AS (x IS NOT NULL AND length(trim(x, {_sql_text(_WS)})) > 0);
CREATE OR REPLACE MACRO label(a, b) AS (CASE
    WHEN nz(a) AND nz(b) AND a <> b THEN a || ' · ' || b
    WHEN nz(a) THEN a WHEN nz(b) THEN b ELSE '—' END);
"""


def _side_folder(root: Path, kind: str, version: str) -> Path:
    """Where per-part files of `kind` live: beside the store's parts, else (read-only store) a temp folder."""
    folder = root / kind / version
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".probe-{uuid.uuid4().hex[:8]}"
        probe.touch()
        probe.unlink()
        return folder
    except OSError:
        tag = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:12]
        folder = Path(tempfile.gettempdir()) / f"rasd-{kind}" / tag / version
        folder.mkdir(parents=True, exist_ok=True)
        return folder


class Source:
    """One DuckDB connection with a view per store table over the committed parts, and what the queries share:
    `ix`, the statements' narrow per-part copies (statement_id, article_id, start, published_ts, who, place_ids,
    actor_ids, topic, part: the number of its statements part), and `_speakers`, one row per `who` (a distinct speaker_id, speaker, speaker_ar,
    speaker_kind) with the pandas path's speaker key, label and group (`speaker_table`). Safe to share between
    threads (each query runs on its own cursor)."""

    def __init__(self, root: Path | str | None = None, memory_limit: str = MEMORY_LIMIT, threads: int | None = None):
        self.root = choose_store(root)
        self.con = duckdb.connect(config={"memory_limit": memory_limit,
                                          "threads": threads or max(1, min(os.cpu_count() or 1, 4))})
        self.con.execute("SET parquet_metadata_cache = true")  # footers read once per part, not per query
        self.con.execute(_MACROS)
        self.parts: dict[str, list[str]] = {}
        self.articles = 0  # article rows committed (the manifests count them)
        self.batch_of: dict[str, dict[str, str]] = {}  # a statements part → its batch's part of each table
        self.part_of: dict[int, str] = {}  # `ix.part` → its statements part
        self._fingerprint: tuple[str, ...] | None = None
        self._cache: dict[object, object] = {}  # answers that do not depend on the filters, until a new batch
        self._speakers = pd.DataFrame()
        self._lock = threading.RLock()
        self.refresh()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor of the connection, for one thread's queries."""
        return self.con.cursor()

    def _manifests(self) -> list[Path]:
        folder = self.root / "manifests"
        return sorted(m for m in folder.glob("*.json") if not m.name.startswith(".")) if folder.exists() else []

    def refresh(self) -> bool:
        """Re-read the manifests; rebuild the views when a batch was committed since (deriving the new parts'
        narrow copies first). True when it changed."""
        folder = self.root / "manifests"
        try:  # a commit adds a manifest, which changes the folder's time: listing a thousand names per question
            stamp = folder.stat().st_mtime_ns  # is what this spares
        except OSError:
            stamp = None
        if stamp is not None and stamp == getattr(self, "_stamp", None) and self._fingerprint is not None:
            return False
        self._stamp = stamp
        mans = self._manifests()
        fingerprint = tuple(m.name for m in mans)
        if fingerprint == self._fingerprint:
            return False
        with self._lock:
            try:
                self._update(fingerprint, mans)
            except BaseException:  # (asked again next time: not taken as done for this set of batches)
                self._fingerprint = self._stamp = None
                raise
        return True

    def _update(self, fingerprint: tuple[str, ...], mans: list[Path]) -> None:
        """The parts, views and tables of this set of committed batches."""
        self._fingerprint = fingerprint
        batches, articles = self._listing(mans)
        root = str(self.root) + os.sep  # (strings, not Paths: a thousand batches of six parts each)
        parts: dict[str, list[str]] = {name: [] for name in TABLES}
        batch_of: dict[str, dict[str, str]] = {}
        for listed in batches:
            batch = {table: root + rel for table, rel in listed.items() if table in parts}
            for table, path in batch.items():
                parts[table].append(path)
            if "statements" in batch:
                batch_of[batch["statements"]] = batch
        self.parts, self.batch_of, self.articles = parts, batch_of, articles
        self._viewed: set[str] = set()  # table views are made when first needed (binding them reads every
        # part's footer: a second per 250 parts)
        for name in (self._cache or {}).get("hit_names", []):
            self.con.execute(f"DROP TABLE IF EXISTS {name}")
        self._cache = {}
        self._derive()

    def _listing(self, mans: list[Path]) -> tuple[list[dict[str, str]], int]:
        """The parts of each committed batch (table → path under the store) and the articles they count: read
        from the manifests once per set of batches, then from one file beside the answers (a thousand small
        reads spared at every start)."""
        kept = self.answers_folder() / "listing.json"
        try:
            listing = json.loads(kept.read_text(encoding="utf-8"))
            return listing["batches"], int(listing["articles"])
        except (OSError, ValueError, KeyError, TypeError):
            pass
        batches, articles = [], 0
        for man in mans:
            try:
                listed = json.loads(man.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as exc:
                raise RuntimeError(f"{man}: unreadable manifest ({exc})") from exc
            articles += int(listed.get("articles") or 0)
            batches.append({table: rel for table, rel in listed.get("parts", {}).items() if table in TABLES})
        tmp = kept.with_name(f".tmp-{uuid.uuid4().hex[:8]}-{kept.name}")
        try:
            tmp.write_text(json.dumps({"batches": batches, "articles": articles}), encoding="utf-8")
            os.replace(tmp, kept)
        except OSError:
            tmp.unlink(missing_ok=True)
        return batches, articles

    def need(self, *names: str) -> None:
        """Make sure the views of these store tables exist (over the committed parts)."""
        with self._lock:
            for name in names:
                if name not in self._viewed:
                    self._view(name, self.parts.get(name, []))
                    self._viewed.add(name)

    def persisted(self, name: str, make) -> pd.DataFrame:
        """`make()`'s frame, kept on disk for this set of committed batches (so a restarted server does not
        compute it again) and in memory until the store gains a batch."""
        def load() -> pd.DataFrame:
            folder = self.answers_folder()
            path = folder / f"{name}.parquet"
            try:
                return pq.read_table(path).to_pandas()
            except (OSError, pa.ArrowInvalid):
                pass
            frame = make()
            try:
                tmp = folder / f".tmp-{uuid.uuid4().hex[:8]}-{name}.parquet"
                pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), tmp, compression="zstd")
                os.replace(tmp, path)
            except (OSError, pa.ArrowInvalid, pa.ArrowTypeError):
                pass  # (kept in memory only)
            return frame
        return self.cached(("persisted", name), load)

    def derived_folder(self) -> Path:
        """Where the blocks (lib.dashboard.derived) and the answers kept per set of committed batches live."""
        return _side_folder(self.root, "derived", derived.version())

    def build_derived(self) -> list[str]:
        """Make the blocks the committed parts need (where missing); the names of those made."""
        made: list[str] = []
        self._blocks = self._current_blocks(made)
        self.made = made  # (what the last refresh cost)
        return made

    def _current_blocks(self, made: list[str] | None = None) -> list[tuple[Path, int]]:
        folder = self.derived_folder() / "blocks"
        folder.mkdir(exist_ok=True)
        names = self.parts["statements"]
        return derived.current_blocks(folder, names, [self.batch_of.get(p, {}) for p in names], made)

    def _derive(self) -> None:
        """The `ix` and `arts` views and the `_speakers` table over the blocks of the committed parts (made where
        missing: a new batch costs one small block, now and then a merge of eight)."""
        self.build_derived()
        self.part_of = dict(enumerate(self.parts["statements"]))
        sources = []
        attached = getattr(self, "_attached", {})  # alias → generation, the current and the previous kept
        generation = getattr(self, "_generation", 0) + 1
        for path, start in self._blocks:
            alias = "b_" + path.stem
            if alias not in attached:
                self.con.execute(f"ATTACH {_sql_text(str(path))} AS {alias} (READ_ONLY)")
            attached[alias] = generation
            sources.append((alias, start))
        if not sources:  # an empty store: empty tables of the blocks' columns
            self.con.execute("CREATE SCHEMA IF NOT EXISTS no_block")
            if not self.con.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'no_block'"
                                    ).fetchone()[0]:
                derived.fill_parts(self.con, [], prefix="no_block.")
            sources = [("no_block", 0)]
        self._sources = sources
        for table in ("ix", "arts"):
            self.con.execute(f"CREATE OR REPLACE VIEW {table} AS {derived.union_sql(table, sources)}")
        # a question still running on another thread's cursor keeps the previous blocks until the next change
        for alias, gen in list(attached.items()):
            if gen < generation - 1:
                self.con.execute(f"DETACH DATABASE IF EXISTS {alias}")
                del attached[alias]
        self._attached, self._generation = attached, generation
        who = f"""
            SELECT who, any_value(speaker_id) AS speaker_id, any_value(speaker) AS speaker,
                   any_value(speaker_ar) AS speaker_ar, any_value(speaker_kind) AS speaker_kind, sum(n)::BIGINT AS n
            FROM ({derived.union_sql("speakers", sources)}) GROUP BY who ORDER BY min(first_at), who"""
        self._speakers = self.persisted("speakers", lambda: speaker_dimension(self.con.execute(who).df()))
        dim = self._speakers[["who", "speaker_key", "speaker_label", "speaker_group"]]  # noqa: F841
        self.con.execute("CREATE OR REPLACE TABLE _speakers AS SELECT * FROM dim")

    def answers_folder(self) -> Path:
        """Where what is computed once per set of committed batches is kept (the folders of earlier sets go)."""
        tag = hashlib.sha256("\n".join(self._fingerprint or ()).encode()).hexdigest()[:16]
        folder = self.derived_folder() / "answers" / tag
        if not folder.exists():
            for old in folder.parent.glob("*"):
                shutil.rmtree(old, ignore_errors=True)
            folder.mkdir(parents=True, exist_ok=True)
        return folder

    def speaker_table(self) -> pd.DataFrame:
        """One row per distinct (speaker_id, speaker, speaker_ar, speaker_kind) in list order of first statement:
        who, those four, n (statements), speaker_key, speaker_label, speaker_group."""
        self.refresh()
        return self._speakers

    def cached(self, key: object, make):
        """`make()`, once until the store gains a batch (for answers that do not depend on the filters)."""
        self.refresh()
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def _view(self, name: str, files: list[str]) -> None:
        """`name` over the parts, and `name_o` with each row's part and row number (for first-row-wins rules);
        an empty table of the right columns when there are none. (Tables, not registered Arrow objects: those
        are seen by one cursor only.)"""
        part_order = pa.table({"filename": pa.array(files, pa.string()),  # noqa: F841 - read by name
                               "part_no": pa.array(range(len(files)), pa.int64())})
        self.con.execute(f"CREATE OR REPLACE TABLE _{name}_order AS SELECT * FROM part_order")
        empty = TABLES[name].empty_table()  # noqa: F841 - read by name by the SQL below
        self.con.execute(f"CREATE OR REPLACE TABLE _{name}_empty AS SELECT *, ''::VARCHAR AS filename, "
                         "0::BIGINT AS file_row_number FROM empty")
        if files:  # (by name with the empty table: a column older parts lack, such as topic, reads as null)
            listed = ", ".join(_sql_text(f) for f in files)
            self.con.execute(f"CREATE OR REPLACE VIEW {name}_f AS SELECT * FROM _{name}_empty UNION ALL BY NAME "
                             f"SELECT * FROM read_parquet([{listed}], union_by_name = true, filename = true, "
                             "file_row_number = true)")
        else:
            self.con.execute(f"CREATE OR REPLACE VIEW {name}_f AS SELECT * FROM _{name}_empty")
        cols = ", ".join(f'"{c}"' for c in TABLES[name].names)
        self.con.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT {cols} FROM {name}_f")
        self.con.execute(f"CREATE OR REPLACE VIEW {name}_o AS SELECT t.*, o.part_no FROM {name}_f t "
                         f"JOIN _{name}_order o USING (filename)")

    def entity_table(self, kind: Literal["places", "actors"]) -> pd.DataFrame:
        """One row per place or actor over all articles (as `lib.dashboard.data._entity_table`): first non-null
        attributes in store order, summed mentions, article count, label; most mentioned first. Cached until
        the store gains a batch (a few thousand to tens of thousands of rows)."""
        return self.persisted(kind, lambda: self._entity_table(kind))

    def _entity_table(self, kind: Literal["places", "actors"]) -> pd.DataFrame:
        id_col, cols = derived.ENTITY_COLUMNS[kind]
        listed = ", ".join(f'"{c}"' for c in cols)
        union = derived.union_sql(f"{kind}_agg", self._sources)
        return self.cursor().execute(f"""
            SELECT {id_col}, {listed}, mentions, articles, label(name, name_ar) AS label
            FROM ({derived.merged_sql(f"{kind}_agg", union)}) ORDER BY mentions DESC, {id_col}""").df()


def speaker_dimension(who: pd.DataFrame) -> pd.DataFrame:
    """Each distinct speaker tuple (in list order of its first statement, with its statement count `n`) with the
    pandas path's key, label and group: `lib.dashboard.data`'s own functions (`_speaker_keys`, `_labels`,
    `canonical_speakers`, `speaker_groups`), so both paths merge a speaker's spellings by one rule."""
    from lib.dashboard import data as loader  # (Streamlit-importing; only needed here)

    out = who.reset_index(drop=True).copy()
    keys = loader._speaker_keys(out["speaker_id"], out["speaker"], out["speaker_ar"])
    labels = np.where(keys == loader.UNKNOWN_SPEAKER, UNKNOWN_LABEL,
                      loader._labels(out["speaker"], out["speaker_ar"])).astype(object)
    codes = np.repeat(np.arange(len(out)), out["n"].to_numpy(dtype=np.int64))
    keys, labels = loader.canonical_speakers(keys, labels, codes)
    groups = loader.speaker_groups(keys, out["speaker_kind"].to_numpy(dtype=object),
                                   out["speaker_id"].to_numpy(dtype=object), labels)
    out["speaker_key"], out["speaker_label"], out["speaker_group"] = keys, labels, groups
    return out


def source(root: Path | str | Source | None = None) -> Source:
    """A Source for a store folder (or the one given)."""
    return root if isinstance(root, Source) else Source(root)


# ---------------------------------------------------------------------------------------------- the filters

def _text_terms(query: str) -> list[list[str]] | None:
    """Each term of the query (a word, or a quoted phrase) as the search keys its words need; None when the
    query filters nothing."""
    terms = search.parse_query(query or "")
    if not terms:
        return None
    variants = search.lexicon_variants()
    return [[search.query_key(word, variants) for word in words] for words in terms]


def _in(column: str, name: str, values: list, params: dict, sql_type: str) -> str:
    """`column` is one of `values` (a parameter): a list look-up for a few, a hash semi-join for many."""
    if not values:
        return "FALSE"
    params[name] = list(values)
    if len(values) <= 32:
        return f"list_contains(${name}::{sql_type}[], {column})"
    return f"{column} IN (SELECT unnest(${name}::{sql_type}[]))"


def _where(src: Source, chosen: Filters, place: str | None = None, actor: str | None = None,
           outside: tuple | None = None) -> tuple[str, dict]:
    """The SQL condition on `ix` (the statements' narrow copies) for the user's filters (and, given `place` or
    `actor`, naming that place or actor besides; given a plausible span `outside`, dated outside it), and its
    parameters. A speaker key stands for the `who` values of every spelling merged into it (`speaker_table`)."""
    cond, params = ["TRUE"], {}
    if outside is not None:  # the timeline's implausible publication dates (a typo such as 2108)
        cond.append("published_ts IS NOT NULL AND NOT (published_ts BETWEEN $out_lo AND $out_hi)")
        params.update(out_lo=pd.Timestamp(outside[0]).to_pydatetime(warn=False),
                      out_hi=pd.Timestamp(outside[1]).to_pydatetime(warn=False))
    if place is not None:  # the map's chosen place, on top of any place filter (as filters.by_places & mask)
        cond.append("coalesce(list_contains(place_ids, $place), FALSE)")
        params["place"] = place
    if actor is not None:  # a profile's actor, on top of any actor filter
        cond.append("coalesce(list_contains(actor_ids, $actor), FALSE)")
        params["actor"] = actor
    if chosen.speakers:
        dim = src.speaker_table()
        whos = dim.loc[dim["speaker_key"].isin(list(chosen.speakers)), "who"].tolist()
        cond.append(_in("who", "whos", whos, params, "BIGINT"))
    if chosen.actors:
        cond.append("coalesce(list_has_any(actor_ids, $actors::VARCHAR[]), FALSE)")
        params["actors"] = list(chosen.actors)
    if chosen.places:
        cond.append("coalesce(list_has_any(place_ids, $places::VARCHAR[]), FALSE)")
        params["places"] = list(chosen.places)
    if chosen.start is not None or chosen.end is not None:
        cond.append("published_ts IS NOT NULL")
        if chosen.start is not None:
            cond.append("published_ts >= $start")
            params["start"] = pd.Timestamp(chosen.start).to_pydatetime()
        if chosen.end is not None:
            cond.append("published_ts < $end")
            params["end"] = pd.Timestamp(chosen.end + timedelta(days=1)).to_pydatetime()
    if getattr(chosen, "topics", None):  # an article of no known topic is never hidden (as filters.by_topics)
        cond.append("(topic IS NULL OR list_contains($topics::VARCHAR[], topic))")
        params["topics"] = list(chosen.topics)
    terms = _text_terms(chosen.text)
    if terms is not None:
        search_view(src)
        for key in sorted({key for words in terms for key in words}):
            cond.append(f"statement_id IN (SELECT statement_id FROM {_hits(src, key)})")
        for words in terms:
            if len(words) > 1:  # a phrase: its words one after the other
                cond.append(f"statement_id IN (SELECT statement_id FROM {_phrase_hits(src, words)})")
    return " AND ".join(cond), params


HIT_TABLES = 32  # search keys whose statement ids are kept in memory (the latest searched)


def _hits(src: Source, key: str) -> str:
    """The name of an in-memory table of the statement ids holding a search key: looked up in the key files
    once per key and store version, then shared by the count, the page and the aggregates."""
    with src._lock:
        tables = src._cache.setdefault("hits", {})
        name = tables.pop(key, None)
        if name is None:
            name = f"_hits_{len(src._cache.setdefault('hit_names', []))}"
            src._cache["hit_names"].append(name)
            src.con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT statement_id, pos, words FROM search "
                            "WHERE key = $key", {"key": key})  # (a statement's key is in one row: one part)
        tables[key] = name  # (the latest last)
        while len(tables) > HIT_TABLES:
            old = tables.pop(next(iter(tables)))
            src.con.execute(f"DROP TABLE IF EXISTS {old}")
    return name


def filtered(chosen: Filters | None) -> bool:
    """Does any filter narrow the statements?"""
    return chosen is not None and _where_needed(chosen)


def _where_needed(chosen: Filters) -> bool:
    return bool(chosen.speakers or chosen.actors or chosen.places or chosen.start is not None
                or chosen.end is not None or getattr(chosen, "topics", None) or _text_terms(chosen.text))


def _run(src: Source, sql: str, params: dict | None = None) -> pd.DataFrame:
    return src.cursor().execute(sql, params or {}).df()


def _rows_of(src: Source, found: pd.DataFrame, columns: str = "*") -> pd.DataFrame:
    """The statements rows of `found` (statement_id, part: its statements part's number), read from those parts
    only."""
    if found.empty:
        return pd.DataFrame()
    files = sorted({src.part_of[int(f)] for f in found["part"]})
    listed = ", ".join(_sql_text(f) for f in files)
    wanted = found[["statement_id"]]  # noqa: F841 - read by name by the SQL
    cur = src.cursor()
    cur.register("wanted", wanted)
    return cur.execute(f"SELECT {columns} FROM read_parquet([{listed}], union_by_name = true) "
                       "WHERE statement_id IN (SELECT statement_id FROM wanted)").df()


# ------------------------------------------------------------------------------------------- search keys

def _keys_folder(src: Source) -> Path:
    """Where the search keys of this store live: beside its parts, else (read-only store) a temp folder."""
    return _side_folder(src.root, "search", _key_version())


LENGTH_KEY = "#"  # the key of one row per quote of any words (no query word's key): the store's word count


def search_keys(statements: pa.Table) -> pa.Table:
    """(statement_id, key, pos, words) for every distinct search key of each statement's quote, sorted by key: a word's
    keys are "a" + the variant key of each of its readings behind clitics, and "d" + it for the readings that
    carry ال (as `search.Index.word_ids` looks a query word up); `pos`, the positions (words from the quote's
    start, as `search.build_index` counts them) of the words that carry the key, so a phrase is found from its
    words' positions; `words`, the quote's word count (what the ranking weighs a hit by); and a LENGTH_KEY row
    per quote of any words (what the store's mean word count is summed from)."""
    texts = statements.column(SEARCH_COLUMN).to_pylist() if SEARCH_COLUMN in statements.column_names \
        else [None] * statements.num_rows
    index = search.build_index(texts, search.lexicon_variants())
    names: list[str] = []  # key id → "a…"/"d…" key
    edge_words: list[int] = []  # (word id, key id): which keys each word of the vocabulary carries
    edge_keys: list[int] = []
    for table, prefix in ((index.any_ids, "a"), (index.definite_ids, "d")):
        for key, ids in table.items():
            edge_words.extend(ids)
            edge_keys.extend([len(names)] * len(ids))
            names.append(prefix + key)
    rows = index.rows.astype(np.int64)
    first = np.searchsorted(rows, rows)  # (a statement's words are consecutive in the index)
    words = pd.DataFrame({"row": rows, "word": index.tokens, "pos": (np.arange(len(rows)) - first).astype(np.int32)})
    edges = pd.DataFrame({"word": np.array(edge_words, dtype=np.int32), "key": np.array(edge_keys, dtype=np.int64)})
    hits = words.merge(edges, on="word")
    order = np.lexsort((hits["pos"].to_numpy(), hits["key"].to_numpy(), hits["row"].to_numpy()))
    row, key, pos = (hits[c].to_numpy()[order] for c in ("row", "key", "pos"))
    starts = np.flatnonzero(np.r_[True, (row[1:] != row[:-1]) | (key[1:] != key[:-1])]) if len(row) else \
        np.empty(0, dtype=np.int64)
    offsets = pa.array(np.r_[starts, len(row)].astype(np.int32))
    table = pa.table({"statement_id": statements.column("statement_id").take(pa.array(row[starts])),
                      "key": pa.array(names, pa.string()).take(pa.array(key[starts])),
                      "pos": pa.ListArray.from_arrays(offsets, pa.array(pos, pa.int32())),
                      "words": pa.array(index.lengths[row[starts]].astype(np.int32))})
    worded = np.flatnonzero(index.lengths > 0)  # the quote's word count (for the ranking's length norm)
    lengths = pa.table({"statement_id": statements.column("statement_id").take(pa.array(worded)),
                        "key": pa.array([LENGTH_KEY] * len(worded), pa.string()),
                        "pos": pa.array([[]] * len(worded), pa.list_(pa.int32())),
                        "words": pa.array(index.lengths[worded].astype(np.int32))})
    return pa.concat_tables([table, lengths]).sort_by([("key", "ascending")])


def _phrase_hits(src: Source, words: list[str]) -> str:
    """The name of an in-memory table of the statement ids whose quote holds a phrase (the search keys of its
    words, in order): the statements where each word's key is found one position after the word before's,
    from the key files' positions (no quote is read), once per phrase and store version."""
    hits = [_hits(src, key) for key in words]
    with src._lock:
        tables = src._cache.setdefault("phrases", {})
        name = tables.get(tuple(words))
        if name is None:
            joined = " ".join(f"JOIN (SELECT statement_id, pos AS p{k} FROM {h}) USING (statement_id)"
                              for k, h in enumerate(hits[1:], start=1))
            follows = " AND ".join(f"list_contains(p{k}, x + {k})" for k in range(1, len(words)))
            name = f"_phrase_{len(tables)}"
            src.con.execute(f"""CREATE OR REPLACE TABLE {name} AS SELECT statement_id, tf, words FROM (
                SELECT statement_id, words, len(list_filter(p0, lambda x: {follows})) AS tf
                FROM (SELECT statement_id, pos AS p0, words FROM {hits[0]}) {joined}) WHERE tf > 0""")
            src._cache.setdefault("hit_names", []).append(name)
            tables[tuple(words)] = name
    return name


KEY_ROW_GROUP = 65_536  # rows per row group of a key file, sorted by key: a look-up reads ~one group per file (smaller
# groups cost more in row-group bookkeeping than they save: 2,048 made a look-up over 3 segments 20x slower)


def build_search_keys(src: Source, progress=None) -> int:
    """Write the search keys of every statements part that has none yet (each written whole, then renamed);
    returns how many parts were keyed."""
    folder = _keys_folder(src)
    made = 0
    for part in src.parts["statements"]:
        target = folder / Path(part).name
        if target.exists():
            continue
        table = pq.read_table(part, columns=["statement_id", SEARCH_COLUMN])
        tmp = folder / f".tmp-{uuid.uuid4().hex[:8]}-{Path(part).name}"
        pq.write_table(search_keys(table), tmp, compression="zstd", row_group_size=KEY_ROW_GROUP)
        os.replace(tmp, target)
        made += 1
        if progress:
            progress(made, part)
    return made


KEY_LEVELS = (64, 8, 1)  # parts whose key files are merged into one sorted segment (lib.dashboard.derived.blocks):
# a look-up at a million articles opens ~30 files, and a new batch costs its own key file and now and then a merge


def _segment(folder: Path, names: list[str], progress=None) -> Path:
    """The key file of consecutive statements parts: a part's own (made by `build_search_keys`), or the merged,
    key-sorted segment of its eight children (made when missing, children first)."""
    if len(names) == 1:
        return folder / names[0]
    seg = folder / "segments" / f"seg-{hashlib.sha256(chr(10).join(names).encode()).hexdigest()[:16]}.parquet"
    if seg.exists():
        return seg
    step = next(s for s in KEY_LEVELS if s < len(names))
    children = [_segment(folder, names[i:i + step], progress) for i in range(0, len(names), step)]
    tmp = seg.with_name(f".tmp-{uuid.uuid4().hex[:8]}-{seg.name}")
    listed = ", ".join(_sql_text(str(c)) for c in children)
    con = duckdb.connect(config={"memory_limit": MEMORY_LIMIT, "threads": 2})
    try:
        con.execute(f"COPY (SELECT statement_id, key, pos, words FROM read_parquet([{listed}]) ORDER BY key) TO "
                    f"{_sql_text(str(tmp))} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE {KEY_ROW_GROUP})")
        os.replace(tmp, seg)
    finally:
        con.close()
        tmp.unlink(missing_ok=True)
    if progress:
        progress(len(names), str(seg))
    return seg


def key_files(src: Source, progress=None) -> list[str]:
    """The key files a search reads: the parts cut into aligned blocks of KEY_LEVELS parts
    (lib.dashboard.derived.blocks: the manifests' order only ever grows at the end, so a block once merged stays
    in use until it is merged into a bigger one), each block's merged segment (made when missing). Segments no
    longer in use are removed once derived.UNUSED_GRACE_S old."""
    build_search_keys(src)
    folder = _keys_folder(src)
    names = [Path(p).name for p in src.parts["statements"]]
    (folder / "segments").mkdir(exist_ok=True)
    files = [_segment(folder, names[start:start + size], progress)
             for start, size in derived.blocks(names, KEY_LEVELS)]
    for old in (folder / "segments").glob("seg-*.parquet"):
        try:  # (as derived.current_blocks: a young one may be another process's newer set)
            if old not in files and old.stat().st_mtime < time.time() - derived.UNUSED_GRACE_S:
                old.unlink(missing_ok=True)
        except OSError:
            pass
    return [str(f) for f in files]


def search_view(src: Source) -> None:
    """The `search` view (statement_id, key) over every statements part's keys, built where missing."""
    with src._lock:
        if getattr(src, "_search_for", None) == src._fingerprint:
            return
        files = key_files(src)
        if files:
            listed = ", ".join(_sql_text(f) for f in files)
            src.con.execute(f"CREATE OR REPLACE VIEW search AS SELECT * FROM read_parquet([{listed}])")
        else:
            src.con.execute("CREATE OR REPLACE VIEW search AS SELECT ''::VARCHAR AS statement_id, "
                            "''::VARCHAR AS key, []::INTEGER[] AS pos, 0::INTEGER AS words WHERE FALSE")
        src._search_for = src._fingerprint


# -------------------------------------------------------------------------------------------------- queries

def total_statements(src: Source) -> int:
    """All statements of the store (from the parts' footers; cached until a new batch)."""
    return src.cached("total", lambda: int(src.cursor().execute("SELECT count(*) FROM ix").fetchone()[0]))


# statements counted with each wire story once (`filters.first_copies`): a null copy_id is a group of its own
GROUPED_COUNT = "count(DISTINCT copy_id) + count(*) FILTER (WHERE copy_id IS NULL)"


def count_statements(src: Source, chosen: Filters, place: str | None = None,
                     actor: str | None = None, outside: tuple | None = None,
                     grouped: bool = False) -> tuple[int, int]:
    """(statements the filters keep (those naming `place` or `actor` too, or dated `outside` a span, when
    given; with `grouped`, each wire story once), all statements)."""
    total = total_statements(src)
    what = GROUPED_COUNT if grouped else "count(*)"
    if not filtered(chosen) and place is None and actor is None and outside is None:
        if not grouped:
            return total, total
        return src.cached("total_grouped", lambda: int(src.cursor().execute(
            f"SELECT {what} FROM ix").fetchone()[0])), total
    where, params = _where(src, chosen, place, actor, outside)
    return int(src.cursor().execute(f"SELECT {what} FROM ix WHERE {where}", params).fetchone()[0]), total


PAGE_COLUMNS = ["statement_id", "article_id", "quote", "speaker", "speaker_ar", "speaker_id", "speaker_kind", "kind",
                "cue", "start", "end", "para_start", "para_end", "published", "actor_ids", "place_ids", "speaker_key",
                "speaker_label", "speaker_group", "published_date"]
COPY_COLUMNS = ["outlets", "copy_sources"]  # a grouped page's: the outlets that carried the same words
CARD_COLUMNS = ["title", "source", "url", "source_file", "topic", "place_names", "actor_names", "articles_part"]


def _term_table(src: Source, words: list[str]) -> tuple[str, str]:
    """A query term's in-memory table (statement_id, …) of the whole store, and its occurrences per statement as
    SQL: a word's key positions, or a phrase's starts."""
    return (_hits(src, words[0]), "len(pos)") if len(words) == 1 else (_phrase_hits(src, words), "tf")


def search_stats(src: Source) -> tuple[int, float]:
    """The statements of the store and their quotes' mean word count (BM25's corpus figures, as `search.search`
    takes them over every statement; kept per set of batches)."""
    def make() -> pd.DataFrame:
        search_view(src)
        words = src.cursor().execute(f"SELECT sum(words)::BIGINT FROM search WHERE key = '{LENGTH_KEY}'").fetchone()[0]
        return pd.DataFrame({"words": [int(words or 0)]})
    n = total_statements(src)
    words = int(src.persisted("search_stats", make)["words"][0])
    # (as numpy's float32 mean of the word counts: the same norm, so the same scores, as the pandas search)
    return n, float(np.float32(words) / np.float32(n)) if n else 1.0


RANKED = 8  # rankings of the latest searches kept in memory (a page change reads the same one)


def ranked(src: Source, chosen: Filters, place: str | None = None, actor: str | None = None) -> pd.DataFrame:
    """The filtered statements best match first (`search.search`'s BM25 over every statement of the store, by
    `search.bm25`; ties newest first, then in list order, as `filters.order` ranks them): statement_id,
    article_id, part, who, published_date, copy_id, score."""
    terms = _text_terms(chosen.text) or []
    key = (repr(chosen), place, actor)
    kept = src._cache.setdefault("ranked", {})
    if key in kept:
        kept[key] = kept.pop(key)
        return kept[key]
    where, params = _where(src, chosen, place, actor)
    tables = [_term_table(src, words) for words in terms]
    # (every statement kept holds every term: the first term's table gives its word count too)
    joins = " ".join(f"LEFT JOIN (SELECT statement_id, {tf} AS tf{k}{', words' if k == 0 else ''} FROM {name}) "
                     f"t{k} USING (statement_id)" for k, (name, tf) in enumerate(tables))
    tfs = "".join(f", coalesce(tf{k}, 0) AS tf{k}" for k in range(len(tables)))
    rows = _run(src, f"""
        WITH f AS (SELECT statement_id, article_id, start, part, who, published_ts, copy_id::VARCHAR AS copy_id FROM ix
                   WHERE {where})
        SELECT f.*{tfs}, {"coalesce(words, 0)" if tables else "0"} AS words FROM f {joins}""", params)
    n, mean = search_stats(src)
    norm = search.length_norm(rows["words"].to_numpy(), mean)
    score = np.zeros(len(rows), dtype=np.float32)
    for k, (name, _) in enumerate(tables):
        df = int(src.cursor().execute(f"SELECT count(*) FROM {name}").fetchone()[0])
        score += search.bm25(rows[f"tf{k}"].to_numpy(), df, n, norm)
    rows = rows.assign(score=score).sort_values(["score", "published_ts", "article_id", "start"],
                                                ascending=[False, False, True, True], na_position="last",
                                                kind="mergesort")
    out = rows[["statement_id", "article_id", "part", "who", "published_ts", "copy_id", "score"]].rename(
        columns={"published_ts": "published_date"}).reset_index(drop=True)
    with src._lock:
        kept[key] = out
        while len(kept) > RANKED:
            kept.pop(next(iter(kept)))
    return out


ORDERS = {  # the statement list's orders (ties as the pandas path breaks them: by list position)
    "list": "published_ts NULLS LAST, article_id, start",  # = filters.order's "oldest"
    "oldest": "published_ts NULLS LAST, article_id, start",
    "newest": "published_ts DESC NULLS LAST, article_id, start",  # filters.order's "newest"
    "latest": "published_ts DESC NULLS LAST, article_id DESC, start DESC",  # the list read backwards
    "relevance": None,  # best match first (`ranked`), for a text search
    "speaker": "speaker_label, published_ts DESC NULLS LAST, article_id, start",  # filters.order's "speaker"
    "outlets": "outlets DESC, published_ts DESC NULLS LAST, article_id, start",  # and its "outlets"
}


def _outlets_table(src: Source) -> str:
    """A table (copy_id, outlets) of every wire story of more than one statement with its distinct sources (an
    unknown one counted once, as lib.dashboard.data.wire_copies counts them), made once per set of batches."""
    def make() -> str:
        name = f"_outlets_{uuid.uuid4().hex[:12]}"
        src.cursor().execute(f"""CREATE TABLE {name} AS
            SELECT i.copy_id, count(DISTINCT coalesce(a.source, '?'))::BIGINT AS outlets
            FROM ix i LEFT JOIN arts a USING (article_id, part)
            WHERE i.copy_id IS NOT NULL GROUP BY i.copy_id HAVING count(*) > 1""")
        return name
    return src.cached("outlets_table", make)


def statement_page(src: Source, chosen: Filters, offset: int = 0, limit: int = 20,
                   newest_first: bool = False, order: str = "list", place: str | None = None,
                   actor: str | None = None, outside: tuple | None = None, grouped: bool = False,
                   outlets: bool = False) -> pd.DataFrame:
    """The filtered statements from `offset`, `limit` of them, in the statement list's order (publication time,
    undated last, then article and offset; `order`: one of ORDERS; `newest_first`: the list read backwards from
    its latest dated statement, as the timeline draws them), with what a statement card shows: the article's title, source, url and source_file, and the place
    and actor names. The order is found on the narrow copies; only the page's rows are read whole, from their
    own parts. Given `place` or `actor`, only the statements naming it besides; given `outside`, only those
    dated outside that span. With `grouped`, each wire story once (its first copy in this order, as
    `filters.first_copies`); with `grouped` or `outlets`, on every row the `outlets` that carried its words and
    their `copy_sources` (over the whole store, as lib.dashboard.data.wire_copies)."""
    outlets = outlets or grouped
    where, params = _where(src, chosen, place, actor, outside)
    if order not in ORDERS:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}, not {order!r}")
    if order == "relevance" and not newest_first and search.parse_query(chosen.text):
        found = ranked(src, chosen, place, actor)
        if grouped:
            found = found[found["copy_id"].isna() | ~found["copy_id"].duplicated()]
        found = found.iloc[int(offset):int(offset) + int(limit)].drop(columns=["score"])
    else:
        by = ORDERS["latest" if newest_first else order] or ORDERS["newest"]
        rows_of = f"(SELECT * FROM ix WHERE {where})"
        if order in ("speaker", "outlets") and not newest_first:  # what these orders sort on, joined to the kept rows
            rows_of = (f"(SELECT f.*, s.speaker_label, coalesce(o.outlets, 1) AS outlets FROM {rows_of} f "
                       f"LEFT JOIN _speakers s USING (who) LEFT JOIN {_outlets_table(src)} o USING (copy_id))")
        select = (f"SELECT statement_id, article_id, part, who, published_ts AS published_date, "
                  f"copy_id::VARCHAR AS copy_id FROM {rows_of} ORDER BY {by}")
        if grouped:
            found = _first_copies(src, select, params, int(offset), int(limit))
        else:
            found = _run(src, select + " LIMIT $limit OFFSET $offset", {**params, "offset": int(offset),
                                                                         "limit": int(limit)})
    if found.empty:
        return pd.DataFrame(columns=[*PAGE_COLUMNS, *CARD_COLUMNS, *(COPY_COLUMNS if outlets else [])])
    whole = _rows_of(src, found)
    whole = whole.drop_duplicates("statement_id").reindex(columns=TABLES["statements"].names).drop(
        columns=["article_id"])
    rows = found.merge(whole, on="statement_id", how="left")
    rows = rows.merge(src.speaker_table()[["who", "speaker_key", "speaker_label", "speaker_group"]], on="who",
                      how="left").drop(columns=["who", "part"])
    arts = _articles_of(src, found)
    rows = rows.merge(arts, on="article_id", how="left")
    part = {f: src.batch_of.get(src.part_of[int(f)], {}).get("articles") for f in set(found["part"])}
    rows["articles_part"] = [part[f] for f in found.set_index("statement_id").loc[rows["statement_id"], "part"]]
    for col, kind in (("place", "places"), ("actor", "actors")):
        labels = entity_labels(src, kind)
        ids = [list(v) if v is not None else [] for v in rows[f"{col}_ids"]]
        rows[f"{col}_ids"] = ids
        rows[f"{col}_names"] = [[labels.get(i, i) for i in v] for v in ids]
    rows["published_date"] = pd.to_datetime(rows["published_date"])
    if not outlets:
        return rows[[*PAGE_COLUMNS, *CARD_COLUMNS]]
    rows["copy_sources"] = _copy_sources(src, rows)
    rows["outlets"] = [max(1, len(v)) for v in rows["copy_sources"]]
    return rows[[*PAGE_COLUMNS, *CARD_COLUMNS, *COPY_COLUMNS]]


def _first_copies(src: Source, select: str, params: dict, offset: int, limit: int) -> pd.DataFrame:
    """Rows offset… of `select` (ordered) keeping each wire story's first copy in that order.

    Whether a row is its story's first copy depends only on the rows before it, so the head of the order is
    enough: read a head long enough to hold offset + limit first copies (doubling it until it does or the rows
    run out) instead of ranking every filtered row's copies (a window over 3.5M rows cost ~1.2 s at 1M)."""
    want = offset + limit
    n = max(2 * want, 64)
    while True:
        head = _run(src, select + " LIMIT $head", {**params, "head": n})
        first = head[head["copy_id"].isna() | ~head["copy_id"].duplicated()]
        if len(first) >= want or len(head) < n:
            return first.iloc[offset:want].reset_index(drop=True)
        n *= 4


def _copy_sources(src: Source, rows: pd.DataFrame) -> list[list[str]]:
    """Each row's outlets (`filters.copy_sources` over every statement of the store sharing its copy_id)."""
    ids = [int(c) for c in rows["copy_id"].dropna().unique()]  # (as text: 63-bit hashes, nulls beside them)
    copies = pd.DataFrame({"copy_id": [], "source": []})
    if ids:
        copies = _run(src, "SELECT i.copy_id::VARCHAR AS copy_id, a.source FROM ix i LEFT JOIN arts a "
                           "USING (article_id, part) WHERE i.copy_id IN (SELECT unnest($ids::BIGINT[]))", {"ids": ids})
    groups = [f"c{c}" for c in copies["copy_id"]]
    lone = rows["copy_id"].isna().to_numpy()
    groups += [f"s{sid}" for sid in rows["statement_id"][lone]]
    sources = [*copies["source"], *rows["source"][lone]]
    listed = filters.copy_sources(np.array(groups, dtype=object), np.array(sources, dtype=object))
    by_group = dict(zip(groups, listed))
    return [by_group[f"s{sid}" if pd.isna(c) else f"c{c}"] for sid, c in zip(rows["statement_id"], rows["copy_id"])]


def entity_labels(src: Source, kind: Literal["places", "actors"]) -> dict[str, str]:
    """id → display label of every place or actor (cached until a new batch)."""
    def make() -> dict[str, str]:
        table = src.entity_table(kind)
        return dict(zip(table[table.columns[0]], table["label"]))
    return src.cached(("labels", kind), make)


def _articles_of(src: Source, found: pd.DataFrame) -> pd.DataFrame:
    """title, source, url, source_file, topic of the found statements' articles: read from the articles part of
    each statement's own batch (where the importer writes an article with its statements), else everywhere."""
    ids = sorted(set(found["article_id"]))
    files = sorted({src.batch_of.get(src.part_of[int(f)], {}).get("articles", "") for f in found["part"]} - {""})
    names = ["article_id", "title", "source", "url", "source_file", "topic"]
    wanted = pa.array(ids, pa.string())
    tables = [t.filter(pc.is_in(t.column("article_id"), wanted)) for t in
              (derived.read_part(f, names, "articles") for f in files)]
    arts = (pa.concat_tables(tables).to_pandas().drop_duplicates("article_id") if tables
            else pd.DataFrame(columns=names))
    cols = "article_id, first(title) AS title, first(source) AS source, first(url) AS url, " \
           "first(source_file) AS source_file, first(topic) AS topic"
    missing = sorted(set(ids) - set(arts["article_id"]))
    if missing:
        src.need("articles")
        more = _run(src, f"SELECT {cols} FROM articles WHERE list_contains($ids, article_id) GROUP BY article_id",
                    {"ids": missing})
        arts = pd.concat([arts, more], ignore_index=True) if len(arts) else more
    return arts


def bodies(src: Source, article_ids: list[str], parts: list[str | None] | None = None) -> dict[str, str]:
    """The bodies of a few articles (a statement's paragraph is cut from its article's body): read from the
    articles parts given (`statement_page`'s `articles_part`), else looked for in every part."""
    if not article_ids:
        return {}
    ids = sorted(set(article_ids))
    found: dict[str, str] = {}
    wanted = pa.array(ids, pa.string())
    for path in sorted({p for p in parts or [] if isinstance(p, str)}):
        table = pq.read_table(path, columns=["article_id", "body"])
        table = table.filter(pc.is_in(table.column("article_id"), wanted))
        for a, body in zip(table.column("article_id").to_pylist(), table.column("body").to_pylist()):
            found.setdefault(a, body)
    missing = [a for a in ids if a not in found]
    if missing:
        src.need("articles")
        more = _run(src, "SELECT article_id, first(body) AS body FROM articles WHERE list_contains($ids, article_id) "
                         "GROUP BY article_id", {"ids": missing})
        found.update(zip(more["article_id"], more["body"]))
    return found


def _per_key(per_who: pd.DataFrame, dim: pd.DataFrame) -> pd.DataFrame:
    """Per speaker key, from statement counts per `who` (in list order of each who's first statement): the
    label, speaker_ar, speaker_kind, speaker_group of its first statements (first non-null, as pandas'
    groupby.first), statements; busiest first."""
    cols = ["speaker_key", "speaker_label", "speaker_ar", "speaker_kind", "speaker_group", "statements"]
    if per_who.empty:
        return pd.DataFrame(columns=cols)
    rows = per_who.merge(dim.drop(columns=["n"]), on="who", how="left", sort=False)
    g = rows.groupby("speaker_key", sort=False)
    out = g[["speaker_label", "speaker_ar", "speaker_kind", "speaker_group"]].first().reset_index()
    out["statements"] = g["n"].sum().reindex(out["speaker_key"]).to_numpy().astype(np.int64)
    return out.sort_values(["statements", "speaker_label", "speaker_key"],
                           ascending=[False, True, True]).reset_index(drop=True)[cols]


def speakers(src: Source, chosen: Filters | None = None, limit: int | None = None) -> pd.DataFrame:
    """Speakers of the filtered statements (all when no filters): speaker_key, speaker_label (of the speaker's
    first statement in list order), speaker_ar, speaker_kind (first non-null), speaker_group, statements;
    busiest first. Without filters, from the speakers table (cached)."""
    dim = src.speaker_table()
    if not filtered(chosen):
        out = src.persisted("speaker_list", lambda: _per_key(dim[["who", "n"]], dim))
    else:
        where, params = _where(src, chosen)
        per_who = _run(src, f"""
            SELECT who, count(*)::BIGINT AS n FROM ix WHERE {where} GROUP BY who
            ORDER BY min((coalesce(published_ts, TIMESTAMP '9999-12-31 23:59:59'), article_id, start))""", params)
        out = _per_key(per_who, dim)
    return out.head(int(limit)).reset_index(drop=True) if limit else out


def _on_axis(where: str, params: dict, span: tuple | None) -> str:
    """The condition with, given a plausible (first, last) publication time, only the statements inside it."""
    if span is None:
        return where
    params.update(axis_lo=pd.Timestamp(span[0]).to_pydatetime(warn=False),
                  axis_hi=pd.Timestamp(span[1]).to_pydatetime(warn=False))
    return f"({where}) AND published_ts BETWEEN $axis_lo AND $axis_hi"


def speaker_groups(src: Source, chosen: Filters | None = None, span: tuple | None = None) -> pd.DataFrame:
    """Statements per speaker group (a named speaker's key, or group:… for unnamed sources and documents) of the
    filtered statements (those published inside `span` when given), in list order of each group's first
    statement, with the speaker label of that first statement: speaker_group, speaker_label, statements (what
    `charts.speaker_rows` counts)."""
    where, params = _where(src, chosen) if filtered(chosen) else ("TRUE", {})
    where = _on_axis(where, params, span)
    per_who = _run(src, f"""
        SELECT who, count(*)::BIGINT AS n FROM ix WHERE {where} GROUP BY who
        ORDER BY min((coalesce(published_ts, TIMESTAMP '9999-12-31 23:59:59'), article_id, start))""", params)
    cols = ["speaker_group", "speaker_label", "statements"]
    if per_who.empty:
        return pd.DataFrame(columns=cols)
    rows = per_who.merge(src.speaker_table()[["who", "speaker_group", "speaker_label"]], on="who", how="left",
                         sort=False)
    g = rows.groupby("speaker_group", sort=False)
    out = g["speaker_label"].first().reset_index()
    out["statements"] = g["n"].sum().reindex(out["speaker_group"]).to_numpy().astype(np.int64)
    return out[cols]


def axis_days(src: Source, chosen: Filters, span: tuple) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """First and last publication time of the filtered statements inside the plausible `span`."""
    where, params = _where(src, chosen)
    lo, hi = src.cursor().execute(f"SELECT min(published_ts), max(published_ts) FROM ix WHERE "
                                  f"{_on_axis(where, params, span)}", params).fetchone()
    return (pd.Timestamp(lo), pd.Timestamp(hi)) if lo is not None else (None, None)


PERIODS = {"D": "day", "W": "week", "M": "month"}  # pandas' periods (charts.BINS) as date_trunc's units


def activity_counts(src: Source, chosen: Filters, span: tuple, period: str) -> pd.DataFrame:
    """Filtered statements published inside the plausible `span` per period start (D, W from Monday, M) and
    speaker group: bin, speaker_group, n."""
    where, params = _where(src, chosen)
    return _run(src, f"""
        SELECT date_trunc('{PERIODS[period]}', published_ts) AS bin, d.speaker_group, sum(n)::BIGINT AS n
        FROM (SELECT who, date_trunc('day', published_ts) AS published_ts, count(*) AS n FROM ix
              WHERE {_on_axis(where, params, span)} GROUP BY ALL) f JOIN _speakers d USING (who)
        GROUP BY ALL ORDER BY bin, d.speaker_group""", params)


def top_places(src: Source, chosen: Filters, limit: int = 20) -> pd.DataFrame:
    """Places most named by the filtered statements: place_id, label, statements."""
    return _top_named(src, chosen, "place", limit)


def top_actors(src: Source, chosen: Filters, limit: int = 20) -> pd.DataFrame:
    """Actors most named by the filtered statements: actor_id, label, statements."""
    return _top_named(src, chosen, "actor", limit)


def _top_named(src: Source, chosen: Filters, what: str, limit: int) -> pd.DataFrame:
    where, params = _where(src, chosen)
    counts = _run(src, f"""
        SELECT id AS {what}_id, count(*)::BIGINT AS statements
        FROM (SELECT unnest(list_distinct({what}_ids)) AS id FROM ix WHERE {where})
        WHERE id IS NOT NULL GROUP BY id ORDER BY statements DESC, id LIMIT {int(limit)}""", params)
    labels = entity_labels(src, f"{what}s")
    counts.insert(1, "label", [labels.get(i, i) for i in counts[f"{what}_id"]])
    return counts


def place_counts(src: Source, chosen: Filters, articles: Literal["all", "shown", "none"] = "all") -> pd.DataFrame:
    """As `lib.dashboard.maps.place_counts`: per place, its mentions in the articles (all of them, those of the
    filtered statements, or none) and how many filtered statements name it; sorted by place id."""
    src.need("places")
    where, params = _where(src, chosen)
    article_rule = {"all": "TRUE", "none": "FALSE",
                    "shown": f"article_id IN (SELECT article_id FROM ix WHERE {where})"}[articles]
    return _run(src, f"""
        WITH m AS (SELECT place_id, sum(mentions)::BIGINT AS mentions FROM places WHERE {article_rule}
                   GROUP BY place_id),
             s AS (SELECT id AS place_id, count(*)::BIGINT AS statements
                   FROM (SELECT unnest(list_distinct(place_ids)) AS id FROM ix WHERE {where})
                   WHERE id IS NOT NULL GROUP BY id)
        SELECT place_id, coalesce(m.mentions, 0)::BIGINT AS mentions, coalesce(s.statements, 0)::BIGINT AS statements
        FROM m FULL JOIN s USING (place_id) ORDER BY place_id""", params)


def map_places(src: Source, chosen: Filters, articles: Literal["all", "shown", "none"] = "all",
               size_by: str = "mentions") -> pd.DataFrame:
    """What the map draws: the places with coordinates and a count (`place_counts`) with their attributes and
    label, largest first (the rows `lib.dashboard.maps.place_points` turns into dots)."""
    table = src.entity_table("places").drop(columns=["mentions"])
    out = table.merge(place_counts(src, chosen, articles), on="place_id")
    out = out[out["lat"].notna() & out["lon"].notna() & (out[size_by] > 0)]
    return out.sort_values([size_by, "place_id"], ascending=[False, True]).reset_index(drop=True)


BINS = {"day": "day", "week": "week", "month": "month"}


def timeline_bins(src: Source, chosen: Filters, unit: str = "day", top: int = 10) -> pd.DataFrame:
    """Filtered, dated statements per `unit` (day, week from Monday, month) and speaker label: the `top`
    speakers by statements each, the rest as OTHERS. Columns: bin, who, statements."""
    if unit not in BINS:
        raise ValueError(f"unit must be one of {', '.join(BINS)}, not {unit!r}")
    where, params = _where(src, chosen)
    params["top"] = int(top)
    return _run(src, f"""
        WITH f AS (SELECT who, date_trunc('{BINS[unit]}', published_ts) AS bin, count(*) AS n FROM ix
                   WHERE {where} AND published_ts IS NOT NULL GROUP BY ALL),
             g AS (SELECT d.speaker_label, f.bin, sum(f.n) AS n FROM f JOIN _speakers d USING (who) GROUP BY ALL),
             lead AS (SELECT speaker_label FROM g GROUP BY speaker_label
                      ORDER BY sum(n) DESC, speaker_label LIMIT $top)
        SELECT bin, CASE WHEN speaker_label IN (SELECT speaker_label FROM lead) THEN speaker_label
                         ELSE %s END AS who, sum(n)::BIGINT AS statements
        FROM g GROUP BY ALL ORDER BY bin, who""" % _sql_text(OTHERS), params)


def place_mentions(src: Source, place_ids: list[str], article_ids: list[str] | None = None,
                   unit: str = "day") -> pd.DataFrame:
    """Mentions of the places per publication `unit` (day, week, month) and place, in the given articles (all
    when None), as `lib.dashboard.charts.mentions_over_time` sums them. Columns: place_id, bin, mentions."""
    if unit not in BINS:
        raise ValueError(f"unit must be one of {', '.join(BINS)}, not {unit!r}")
    src.need("places", "articles")
    keep = "TRUE" if article_ids is None else "list_contains($articles, p.article_id)"
    params: dict = {"places": list(place_ids)}
    if article_ids is not None:
        params["articles"] = list(article_ids)
    return _run(src, f"""
        SELECT p.place_id, date_trunc('{BINS[unit]}', a.ts) AS bin, sum(p.mentions)::BIGINT AS mentions
        FROM places p JOIN (SELECT article_id, TRY_CAST(published AS TIMESTAMP) AS ts FROM articles) a
             USING (article_id)
        WHERE list_contains($places, p.place_id) AND {keep} AND a.ts IS NOT NULL
        GROUP BY ALL ORDER BY p.place_id, bin""", params)


def speaker_matrix(src: Source, chosen: Filters, what: Literal["place", "actor"] = "place", top_rows: int = 12,
                   top_cols: int = 15) -> pd.DataFrame:
    """Statements per speaker label (rows: the `top_rows` busiest naming any; named speakers only, never a
    group such as unnamed sources) × named place or actor label (columns: the `top_cols` most named by those
    rows), as `lib.dashboard.charts.matrix` tabulates them (ties in the order it leaves them: value_counts over
    the pairs in list order)."""
    where, params = _where(src, chosen)
    labels = entity_labels(src, f"{what}s")
    pairs = _run(src, f"""
        WITH u AS (SELECT who, unnest({what}_ids) AS id, unnest(range(len({what}_ids))) AS pos,
                          coalesce(published_ts, TIMESTAMP '9999-12-31 23:59:59') AS ts, article_id, start
                   FROM ix WHERE {where}),
             p AS (SELECT who, id, count(*) AS n, min((ts, article_id, start, pos)) AS first
                   FROM u WHERE id IS NOT NULL GROUP BY ALL)
        SELECT d.speaker_label, p.id, sum(p.n)::BIGINT AS n, min(p.first) AS first
        FROM p JOIN _speakers d USING (who) WHERE d.speaker_group = d.speaker_key GROUP BY ALL""", params)
    if pairs.empty:
        return pd.DataFrame()
    pairs["first"] = pairs["first"].map(lambda f: tuple(f.values()) if isinstance(f, dict) else f).rank(
        method="dense").astype(np.int64)  # the pair's first place in the statement list

    def busiest(column: str, frame: pd.DataFrame, top: int) -> list:
        """The `top` values of a column with most pairs, as value_counts orders them (first appearance, then
        its sort)."""
        g = frame.groupby(column, sort=False).agg(n=("n", "sum"), first=("first", "min")).sort_values("first")
        return list(g["n"].sort_values(ascending=False).index[:top])

    rows = busiest("speaker_label", pairs, top_rows)
    pairs = pairs[pairs["speaker_label"].isin(set(rows))]
    pairs = pairs.assign(target=[labels.get(i, i) for i in pairs["id"]])
    cols = busiest("target", pairs, top_cols)
    pairs = pairs[pairs["target"].isin(set(cols))]
    out = pairs.pivot_table(index="speaker_label", columns="target", values="n", aggfunc="sum", fill_value=0)
    return out.reindex(index=[r for r in rows if r in out.index], columns=list(cols), fill_value=0).astype(int)


def date_span(src: Source, chosen: Filters | None = None) -> tuple[date | None, date | None]:
    """First and last publication day of the (filtered) statements; (None, None) when none is dated."""
    def span() -> tuple[date | None, date | None]:
        where, params = _where(src, chosen or Filters())
        lo, hi = src.cursor().execute(f"SELECT min(published_ts), max(published_ts) FROM ix WHERE {where}",
                                      params).fetchone()
        return (lo.date() if lo else None), (hi.date() if hi else None)
    return span() if filtered(chosen) else src.cached("span", span)


def overview(src: Source) -> dict[str, object]:
    """The home page's figures: articles, statements, speakers, places, first and last publication day (cached
    until the store gains a batch)."""
    def make() -> dict[str, object]:
        first, last = date_span(src)
        return {"articles": src.articles, "statements": total_statements(src),
                "speakers": int(src.speaker_table()["speaker_key"].nunique()),
                "places": len(src.entity_table("places")), "first": first, "last": last}
    return dict(src.cached("overview", make))


def article_page(src: Source, offset: int = 0, limit: int = 100) -> pd.DataFrame:
    """A page of articles by publication date (undated last), with their statement counts."""
    src.need("articles")
    return _run(src, """
        WITH a AS (SELECT article_id, published, title, source, source_file FROM articles
                   ORDER BY published NULLS LAST, article_id LIMIT $limit OFFSET $offset)
        SELECT a.*, coalesce(n.statements, 0)::BIGINT AS statements FROM a
        LEFT JOIN (SELECT article_id, count(*) AS statements FROM ix
                   WHERE article_id IN (SELECT article_id FROM a) GROUP BY article_id) n USING (article_id)
        ORDER BY published NULLS LAST, article_id""", {"offset": int(offset), "limit": int(limit)})


def events(src: Source, chosen: Filters | None = None, limit: int = 2000) -> pd.DataFrame:
    """The latest dated events the articles refer to (of the filtered statements' articles when filtered):
    date, text, published, source, relative, article_id, start, end; latest first."""
    chosen = chosen or Filters()
    src.need("dates", "articles")
    where, params = _where(src, chosen)
    keep = f"WHERE d.article_id IN (SELECT article_id FROM ix WHERE {where})" if filtered(chosen) else ""
    params["limit"] = int(limit)
    return _run(src, f"""
        SELECT d.date, d.text, a.published, a.source, d.relative, d.article_id, d.start, d."end"
        FROM (SELECT * FROM dates d {keep} ORDER BY date DESC NULLS LAST LIMIT $limit) d
        LEFT JOIN (SELECT article_id, first(published) AS published, first(source) AS source FROM articles
                   GROUP BY article_id) a USING (article_id)
        ORDER BY d.date DESC NULLS LAST""", params)


def timeline_events(src: Source, chosen: Filters | None, days: tuple | None = None,
                    limit: int | None = None) -> tuple[int, pd.DataFrame]:
    """The dated events of the filtered statements' articles (of every article when unfiltered), those of
    `days` (first, last) only when given: how many, and the latest `limit` of them by date (ties: the store's
    order; all of them in the store's order when None), as the pandas loader's `dates` frame has them
    (date_value, title, source, published; no context), with the articles part of each (`articles_part`)."""
    chosen = chosen or Filters()
    src.need("dates", "articles")
    where, params = _where(src, chosen)
    cond = [f"d.article_id IN (SELECT article_id FROM ix WHERE {where})" if filtered(chosen) else "TRUE"]
    if days is not None:
        cond.append("d.date_value >= $ev_lo AND d.date_value < $ev_hi")
        params.update(ev_lo=pd.Timestamp(days[0]).to_pydatetime(),
                      ev_hi=(pd.Timestamp(days[1]) + pd.Timedelta(days=1)).to_pydatetime())
    # (pandas' datetime64[ns] holds the years 1678-2261 only: a date outside them is no date there either)
    events = f"""
        SELECT * FROM (SELECT *, CASE WHEN year(TRY_CAST(date AS TIMESTAMP)) BETWEEN 1678 AND 2261
                                      THEN TRY_CAST(date AS TIMESTAMP) END AS date_value FROM dates_o) d
        WHERE {" AND ".join(cond)}"""
    count = int(src.cursor().execute(f"SELECT count(*) FROM ({events})", params).fetchone()[0])
    order = "part_no, file_row_number" if limit is None else \
        f"date DESC NULLS LAST, part_no, file_row_number LIMIT {int(limit)}"
    # the articles' title, source and date for the events listed only (grouping every article costs seconds)
    found = _run(src, f"""
        WITH e AS (SELECT * FROM ({events}) ORDER BY {order})
        SELECT e.*, a.title, a.source, a.published FROM e
        LEFT JOIN (SELECT article_id, first(title) AS title, first(source) AS source, first(published) AS published
                   FROM articles WHERE article_id IN (SELECT article_id FROM e) GROUP BY article_id) a
             USING (article_id)
        ORDER BY {order.split(' LIMIT')[0]}""", params)
    articles_of = {b.get("dates"): b.get("articles") for b in src.batch_of.values()}
    found["articles_part"] = [articles_of.get(f) for f in found["filename"]]  # (where `bodies` finds them)
    found = found.drop(columns=["filename", "file_row_number", "part_no"])
    found["date_value"] = pd.to_datetime(found["date_value"]).astype("datetime64[ns]")
    return count, found


# ---------------------------------------------------------------------------------------------- command line

def main(argv: list[str] | None = None) -> int:
    """`python -m lib.dashboard.queries --index [--store DIR]`: build the text search's keys (and the parts'
    narrow copies, which opening the store builds) ahead."""
    ap = argparse.ArgumentParser(prog="python -m lib.dashboard.queries", description=main.__doc__)
    ap.add_argument("--index", action="store_true", required=True,
                    help="key every statements part that has no search keys yet (the first text search on a "
                         "big store would otherwise do it)")
    ap.add_argument("--store", default=None, help="store folder (default: $RASD_STORE, else data/store)")
    args = ap.parse_args(argv)
    src = Source(args.store)
    total = len(src.parts["statements"])

    def show(done: int, part: str) -> None:
        if done % 50 == 0 or done == total:
            print(f"… {done}/{total} parts keyed", file=sys.stderr, flush=True)

    made = build_search_keys(src, show)
    key_files(src)
    print(f"{src.root}: search keys for {made} new part(s), {total} in all, in {_keys_folder(src)}")
    print(f"{src.root}: {len(src._blocks)} block(s) over {total} part(s) in {src.derived_folder() / 'blocks'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
