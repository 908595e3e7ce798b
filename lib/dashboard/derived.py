"""What the DuckDB queries read instead of the store's parts: per committed batch a small DuckDB file of its narrow
rows and partial answers, merged as batches accumulate, so a new batch costs work in proportion to its size.

The store only ever gains batches at the end of its manifest list (`lib.corpus.store`), so the statements parts
are cut into aligned blocks of LEVELS parts: a store of 1,071 parts is 2 blocks of 512, 5 of 8 and 7 single
parts. A block is one DuckDB file named by its parts (written whole to a temp file, then renamed: a reader or
a crash never sees half of one), holding

- `ix`: every statement's narrow row (statement_id, article_id, start, published_ts parsed, `who` = one integer
  per speaker spelling, place_ids, actor_ids, the article's topic, `copy_id` = a hash of the quote's wire-copy key
  (`filters.copy_keys`; null for a quote too short to group), `part` = its part's position in the block),
  sorted by publication time;
- `speakers`: one row per `who` with its statement count and first statement (`first_at`);
- `arts`: the articles' narrow rows (id, published as written and parsed, title, source, topic, part);
- `places_agg`, `actors_agg`: per place or actor its first non-null attributes, each with the position it was
  found at (`<column>__o` = part position << 32 | row), its summed mentions and its articles (an article is
  stored in one batch only, so per-block counts add up).

A single part's block is made from its batch's parts; a bigger block from its eight children (each made first
if missing), so each row is copied once per level. Blocks no set of parts in use needs are removed. The
queries attach the current blocks read-only and read their union (`lib.dashboard.queries.Source`).
"""
from __future__ import annotations

import hashlib
import inspect
import os
import time
import uuid
from functools import lru_cache
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from lib.corpus.store import TABLES
from lib.dashboard.filters import copy_keys, fold_many
from lib.text.normalize import fold

LEVELS = (512, 64, 8, 1)  # block sizes, in parts: each a multiple of the next, so blocks merge eightfold
MEMORY_LIMIT = "1GB"
ORDER = 'published_ts NULLS LAST, article_id, "start"'  # the statement list's order (ties by list position)
_POS = 4294967296  # a part's position << 32 | row: the store order of an entity row within a block
ENTITY_COLUMNS = {"places": ("place_id", ["name", "name_ar", "lat", "lon", "kind", "precision", "country", "parent_id"]),
                  "actors": ("actor_id", ["name", "name_ar", "kind", "country"])}
STATEMENT_COLUMNS = ["statement_id", "article_id", "start", "published", "speaker_id", "speaker", "speaker_ar",
                     "speaker_kind", "place_ids", "actor_ids"]
ARTICLE_COLUMNS = ["article_id", "published", "title", "source", "topic"]


def sql_text(value: str) -> str:
    """A string as an SQL literal."""
    return "'" + value.replace("'", "''") + "'"


@lru_cache(maxsize=1)
def version() -> str:
    """What the blocks depend on (the code that fills them, their columns, DuckDB's hash function): a change makes
    a new folder (a comment elsewhere in this module does not rebuild every block)."""
    code = "".join(inspect.getsource(f) for f in (read_part, _parts, fill_parts, _entity_sql, union_sql, merged_sql,
                                                  copy_keys, fold_many, fold))
    layout = repr((LEVELS, ORDER, _POS, ENTITY_COLUMNS, STATEMENT_COLUMNS, ARTICLE_COLUMNS, BLOCK_TABLES))
    return hashlib.sha256((code + layout + duckdb.__version__).encode()).hexdigest()[:12]


def blocks(names: list[str], levels: tuple[int, ...] | None = None) -> list[tuple[int, int]]:
    """(first part, size) of each block the parts are cut into (LEVELS unless given): the biggest aligned blocks
    first. Appending parts never moves a block's start, so a block once made stays in use until it is merged
    into a bigger one."""
    out, i = [], 0
    for size in levels or LEVELS:
        while len(names) - i >= size:
            out.append((i, size))
            i += size
    return out


def block_name(names: list[str]) -> str:
    """A block's file name: its parts' file names hashed (not their paths: the store may be reached by another)."""
    return hashlib.sha256("\n".join(os.path.basename(n) for n in names).encode()).hexdigest()[:20] + ".duckdb"


def read_part(path: str | None, columns: list[str], table: str, numbered: bool = False) -> pa.Table:
    """The columns of a part (an empty table when there is none), the schema's nulls for those an older part
    lacks, and with `numbered` each row's number (`row`)."""
    if path is None:
        got = TABLES[table].empty_table().select(columns)
    else:
        have = set(pq.read_schema(path).names)
        got = pq.read_table(path, columns=[c for c in columns if c in have])
        for c in columns:
            if c not in have:
                got = got.append_column(c, pa.nulls(got.num_rows, TABLES[table].field(c).type))
        got = got.select(columns)
    return got.append_column("row", pa.array(range(got.num_rows), pa.int64())) if numbered else got


def _entity_sql(kind: str, rows: str) -> str:
    """One part's entity aggregate from `rows` (its place or actor rows with `row`)."""
    id_col, cols = ENTITY_COLUMNS[kind]
    picks = []
    for c in cols:
        have = f'"{c}" IS NOT NULL' + (f' AND NOT isnan("{c}")' if c in ("lat", "lon") else "")
        picks.append(f'arg_min("{c}", "row") FILTER (WHERE {have}) AS "{c}", '
                     f'min("row") FILTER (WHERE {have}) AS "{c}__o"')
    return (f"SELECT {id_col}, {', '.join(picks)}, sum(mentions)::BIGINT AS mentions, "
            f"count(DISTINCT article_id)::BIGINT AS articles FROM {rows} GROUP BY {id_col}")


def _parts(batches: list[dict[str, str]], table: str, columns: list[str], numbered: bool = False) -> pa.Table:
    """One table's rows of consecutive batches, each with its batch's position in the block (`part`)."""
    got = [read_part(batch.get(table), columns, table, numbered) for batch in batches] or \
        [read_part(None, columns, table, numbered)]
    return pa.concat_tables([t.append_column("part", pa.array([k] * t.num_rows, pa.int32()))
                             for k, t in enumerate(got)])


def fill_parts(con: duckdb.DuckDBPyConnection, batches: list[dict[str, str]], prefix: str = "") -> None:
    """The block tables of consecutive batches (their parts by table; none: empty tables of the right columns),
    made from the parts, in `con`."""
    st = _parts(batches, "statements", [*STATEMENT_COLUMNS, "quote"])
    # the wire-copy key in Python (the pandas loader's own function), hashed in SQL: 8 bytes a statement
    keys = copy_keys(st.column("quote").to_pylist())
    st = st.drop_columns(["quote"]).append_column("copy_key", keys)  # noqa: F841
    ar = _parts(batches, "articles", ARTICLE_COLUMNS)  # noqa: F841
    pl = _parts(batches, "places", ["article_id", "place_id", "mentions", *ENTITY_COLUMNS["places"][1]],  # noqa: F841
                numbered=True)
    ac = _parts(batches, "actors", ["article_id", "actor_id", "mentions", *ENTITY_COLUMNS["actors"][1]],  # noqa: F841
                numbered=True)
    con.execute(f"""CREATE TABLE {prefix}ix AS
        SELECT s.statement_id, s.article_id, s."start", TRY_CAST(s.published AS TIMESTAMP) AS published_ts,
               (hash(s.speaker_id, s.speaker, s.speaker_ar, s.speaker_kind) & 9223372036854775807)::BIGINT AS who,
               s.place_ids, s.actor_ids, a.topic,
               CASE WHEN s.copy_key IS NOT NULL THEN (hash(s.copy_key) & 9223372036854775807)::BIGINT END AS copy_id,
               s.part
        FROM st s LEFT JOIN (SELECT article_id, part, any_value(topic) AS topic FROM ar GROUP BY ALL) a
             USING (article_id, part)
        ORDER BY {ORDER}""")
    con.execute(f"""CREATE TABLE {prefix}speakers AS
        SELECT (hash(speaker_id, speaker, speaker_ar, speaker_kind) & 9223372036854775807)::BIGINT AS who,
               any_value(speaker_id) AS speaker_id, any_value(speaker) AS speaker, any_value(speaker_ar) AS speaker_ar,
               any_value(speaker_kind) AS speaker_kind, count(*)::BIGINT AS n,
               min((coalesce(TRY_CAST(published AS TIMESTAMP), TIMESTAMP '9999-12-31 23:59:59'), article_id, "start"))
                   AS first_at
        FROM st GROUP BY ALL""")
    con.execute(f"""CREATE TABLE {prefix}arts AS
        SELECT article_id, published, TRY_CAST(published AS TIMESTAMP) AS published_ts, title, source, topic, part
        FROM ar""")
    for kind, rows in (("places", "pl"), ("actors", "ac")):
        con.execute(f"CREATE TABLE {prefix}{kind}_agg AS "
                    f"{_entity_sql(kind, f'(SELECT * REPLACE (part::BIGINT * {_POS} + row AS row) FROM {rows})')}")


def union_sql(table: str, sources: list[tuple[str, int]]) -> str:
    """`table` of every (attached database, first part) source, as one relation with positions made the
    union's: `part` moved by the source's first part, and an entity row's `…__o` by it << 32."""
    if table in ("ix", "arts"):
        moved = lambda start: f"* REPLACE (part + {start} AS part)"  # noqa: E731
    elif table.endswith("_agg"):
        cols = ENTITY_COLUMNS[table[:-len("_agg")]][1]
        moved = lambda start: "* REPLACE (" + ", ".join(  # noqa: E731
            f'"{c}__o" + {start * _POS} AS "{c}__o"' for c in cols) + ")"
    else:
        moved = lambda start: "*"  # noqa: E731
    return " UNION ALL ".join(f"SELECT {moved(start)} FROM {db}.{table}" for db, start in sources)


def merged_sql(table: str, union: str) -> str:
    """One table of a merged block (or of the whole store) from the union of its sources' tables."""
    if table in ("ix",):
        return f"SELECT * FROM ({union}) ORDER BY {ORDER}"
    if table == "arts":
        return f"SELECT * FROM ({union})"
    if table == "speakers":
        return (f"SELECT who, any_value(speaker_id) AS speaker_id, any_value(speaker) AS speaker, "
                f"any_value(speaker_ar) AS speaker_ar, any_value(speaker_kind) AS speaker_kind, sum(n)::BIGINT AS n, "
                f"min(first_at) AS first_at FROM ({union}) GROUP BY who")
    id_col, cols = ENTITY_COLUMNS[table[:-len("_agg")]]
    picks = ", ".join(f'arg_min("{c}", "{c}__o") FILTER (WHERE "{c}__o" IS NOT NULL) AS "{c}", '
                      f'min("{c}__o") AS "{c}__o"' for c in cols)
    return (f"SELECT {id_col}, {picks}, sum(mentions)::BIGINT AS mentions, sum(articles)::BIGINT AS articles "
            f"FROM ({union}) GROUP BY {id_col}")


UNUSED_GRACE_S = 600  # a block no longer in use is removed once this old (a slower reader may still be opening it)
FROM_PARTS = 64  # a block of up to this many parts none of whose children is there is made from its parts
BLOCK_TABLES = ("ix", "speakers", "arts", "places_agg", "actors_agg")


def _write(target: Path, fill) -> None:
    """A DuckDB file filled by `fill(con)`, written whole under a temp name and then renamed into place."""
    tmp = target.with_name(f".tmp-{uuid.uuid4().hex[:8]}-{target.name}")
    try:
        con = duckdb.connect(str(tmp), config={"memory_limit": MEMORY_LIMIT, "threads": 2})
        try:
            fill(con)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp, target)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            leftover.unlink(missing_ok=True)


def ensure_block(folder: Path, names: list[str], batches: list[dict[str, str]], made: list[str] | None = None) -> Path:
    """The block file of these consecutive statements parts (`names`, with each one's batch), made when missing
    (a single part's from its batch; a bigger block's from its eight children, made first where missing)."""
    target = folder / block_name(names)
    if target.exists():
        return target
    step = next((s for s in LEVELS if s < len(names)), 1)
    whole = len(names) == 1 or (len(names) <= FROM_PARTS and not any(
        (folder / block_name(names[i:i + step])).exists() for i in range(0, len(names), step)))
    if whole:  # (a new part, or a first build: from the parts at once, not through blocks of one)
        _write(target, lambda con: fill_parts(con, batches))
    else:
        children = [ensure_block(folder, names[i:i + step], batches[i:i + step], made)
                    for i in range(0, len(names), step)]

        def fill(con: duckdb.DuckDBPyConnection) -> None:
            sources = []
            for k, child in enumerate(children):
                con.execute(f"ATTACH {sql_text(str(child))} AS c{k} (READ_ONLY)")
                sources.append((f"c{k}", k * step))
            for table in BLOCK_TABLES:
                con.execute(f"CREATE TABLE {table} AS {merged_sql(table, union_sql(table, sources))}")
            for k in range(len(children)):
                con.execute(f"DETACH c{k}")
        _write(target, fill)
    if made is not None:
        made.append(target.name)
    return target


def current_blocks(folder: Path, names: list[str], batches: list[dict[str, str]],
                   made: list[str] | None = None) -> list[tuple[Path, int]]:
    """The block files covering the parts (made where missing), each with its first part's position; block files
    no longer in use (merged into bigger ones) are removed once UNUSED_GRACE_S old."""
    out = [(ensure_block(folder, names[start:start + size], batches[start:start + size], made), start)
           for start, size in blocks(names)]
    used = {p.name for p, _ in out}
    for old in folder.glob("*.duckdb"):
        try:  # (one made in the last minutes may be another process's newer set: left for later)
            if old.name not in used and old.stat().st_mtime < time.time() - UNUSED_GRACE_S:
                old.unlink(missing_ok=True)
        except OSError:
            pass
    for tmp in folder.glob(".tmp-*"):  # a writer killed mid-block (a live one's file is younger than an hour)
        try:
            if tmp.stat().st_mtime < time.time() - 3600:
                tmp.unlink()
        except OSError:
            pass
    return out
