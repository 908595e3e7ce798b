"""The store on disk: append-only Parquet parts under data/store, committed batch by batch.

A batch writes one part per table (temp file, then rename), then a manifest naming those parts (temp file,
then rename). Readers read only parts that a manifest names, so a crash mid-write or a concurrent reader never
sees half a batch. Writers take an exclusive lock, check which articles are already stored, and add the rest:
two ingests at once serialise and lose nothing, and the same article added twice is stored once.

An article goes to the store as `ArticleRows` (its rows of every table, as tuples), or as one article of a
`TableBlock` (several articles' rows already as Arrow tables): the worker processes that analyse build a block
per chunk, which pickles as a few buffers, so the main process only concatenates tables (unpickling row tuples
and building Arrow columns from them cost it ~0.7 ms an article, a fifth of a core at 300 articles/s). The ids already stored are read once per
`Store` object and then only from manifests committed since, so a long import does not re-read the store for
every batch. An article whose rows Arrow refuses is left out of its batch and reported; the rest is written.

The store checks itself: a batch whose manifest is unreadable or whose part is missing, empty, truncated or
garbled is `Damage`, skipped by every reader (`skipped` names it) and not counted as stored, so its articles
can be added again; `check` lists such batches and `repair` moves them aside to damaged/ (never deleting).
The ends of each part are checked on every read (two small reads a file); rows are read whole when a read
fails, by `check`, and for batches an import would count its duplicates against. Temp files and parts of batches that killed writers never
committed are removed at the next write (the writer's lock is held, so none is mid-write).
"""
from __future__ import annotations

import bisect
import fcntl
import itertools
import json
import os
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from lib.lexicons import DEFAULT_STORE
from lib.records import Article

DEFAULT_DIR = DEFAULT_STORE


def choose_store(given: Path | str | None = None) -> Path:
    """The store folder, chosen one way everywhere: the one given, else $RASD_STORE, else data/store."""
    if given:
        return Path(given)
    env = os.environ.get("RASD_STORE")
    return Path(env) if env else DEFAULT_DIR

TABLES: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("article_id", pa.string()), ("title", pa.string()), ("published", pa.string()), ("source", pa.string()),
        ("url", pa.string()), ("source_file", pa.string()), ("body", pa.string()), ("ingested_at", pa.string()),
        ("topic", pa.string()),  # lib/extract/topics.py; null in parts written before it existed
    ]),
    "statements": pa.schema([
        ("statement_id", pa.string()), ("article_id", pa.string()), ("quote", pa.string()),
        ("speaker", pa.string()), ("speaker_ar", pa.string()), ("speaker_id", pa.string()),
        ("speaker_kind", pa.string()), ("kind", pa.string()), ("cue", pa.string()),
        ("start", pa.int32()), ("end", pa.int32()), ("para_start", pa.int32()), ("para_end", pa.int32()),
        ("published", pa.string()), ("actor_ids", pa.list_(pa.string())), ("place_ids", pa.list_(pa.string())),
    ]),
    "mentions": pa.schema([
        ("article_id", pa.string()), ("entity_type", pa.string()), ("entity_id", pa.string()),
        ("surface", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
    ]),
    "actors": pa.schema([
        ("article_id", pa.string()), ("actor_id", pa.string()), ("name", pa.string()), ("name_ar", pa.string()),
        ("kind", pa.string()), ("country", pa.string()), ("mentions", pa.int32()),
    ]),
    "places": pa.schema([
        ("article_id", pa.string()), ("place_id", pa.string()), ("name", pa.string()), ("name_ar", pa.string()),
        ("lat", pa.float64()), ("lon", pa.float64()), ("kind", pa.string()), ("precision", pa.string()),
        ("country", pa.string()), ("parent_id", pa.string()), ("coord_source", pa.string()),
        ("mentions", pa.int32()),
    ]),
    "dates": pa.schema([
        ("article_id", pa.string()), ("date", pa.string()), ("text", pa.string()), ("start", pa.int32()),
        ("end", pa.int32()), ("relative", pa.bool_()), ("precision", pa.string()), ("hijri", pa.string()),
    ]),
}


class StoreError(RuntimeError):
    """The store cannot be read or written; the message says which file and why."""


@dataclass
class AddResult:
    """What one add did: ids stored now, ids skipped because they were stored already, and (source file,
    why) of the articles that could not be written."""

    added: list[str]
    duplicates: list[str]
    failed: list[tuple[str, str]] = field(default_factory=list)


def _paragraph(body: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the paragraph(s) that hold a span."""
    a = body.rfind("\n", 0, start) + 1
    b = body.find("\n", end)
    return a, len(body) if b == -1 else b


@dataclass(frozen=True)
class ArticleRows:
    """One article as the rows it adds to each table: tuples in the table's column order (the articles row's
    `ingested_at` is filled in when the batch is written)."""

    article_id: str
    tables: dict[str, list[tuple]]


def rows_of(art: Article) -> ArticleRows:
    """One article as tuples in each table's column order (pure: what a worker process sends back; the articles
    row's `ingested_at` is None until the batch is written). Built as tuples directly: a dict per row, then a
    tuple of it, cost a worker a tenth of its analysis time."""
    aid = art.article_id
    statements = []
    ordered = sorted(art.mentions, key=lambda m: m.start)  # text order (as the analysis gives them: no work)
    starts = [m.start for m in ordered]
    for n, s in enumerate(art.statements):
        inside = ordered[bisect.bisect_left(starts, s.start):bisect.bisect_left(starts, s.end)]
        para_start, para_end = _paragraph(art.body, s.start, s.end)
        statements.append((f"{aid}:{n}", aid, s.quote, s.speaker, s.speaker_ar, s.speaker_id, s.speaker_kind,
                           s.kind, s.cue, s.start, s.end, para_start, para_end, art.published,
                           sorted({m.entity_id for m in inside if m.entity_type == "actor"}),
                           sorted({m.entity_id for m in inside if m.entity_type == "place"})))
    return ArticleRows(aid, {
        "articles": [(aid, art.title, art.published, art.source, art.url, art.source_file, art.body, None,
                      art.topic)],
        "statements": statements,
        "mentions": [(aid, m.entity_type, m.entity_id, m.surface, m.start, m.end) for m in art.mentions],
        "actors": [(aid, a["id"], a["name"], a.get("name_ar"), a.get("kind"), a.get("country"),
                    a.get("mentions", 0)) for a in art.actors.values()],
        "places": [(aid, p["id"], p["name"], p.get("name_ar"), p.get("lat"), p.get("lon"), p.get("kind"),
                    p.get("precision"), p.get("country"), p.get("parent_id"), p.get("coord_source"),
                    p.get("mentions", 0)) for p in art.places.values()],
        "dates": [(aid, d.date, d.text, d.start, d.end, d.relative, d.precision, d.hijri) for d in art.dates],
    })


@dataclass(frozen=True)
class TableBlock:
    """Several articles' rows as one Arrow table per table (the articles' `ingested_at` null until written),
    and how many rows of each table each article has, in order."""

    tables: dict[str, pa.Table]
    counts: dict[str, list[int]]


@dataclass(frozen=True)
class BlockArticle:
    """One article of a TableBlock (the `index`-th): what a worker sends back for it instead of its rows (a
    chunk's BlockArticles pickle together, so their block is sent once)."""

    article_id: str
    block: TableBlock
    index: int

    def table(self, name: str) -> pa.Table:
        """This article's rows of one table."""
        counts = self.block.counts[name]
        return self.block.tables[name].slice(sum(counts[:self.index]), counts[self.index])


def blocks_of(rows: list[ArticleRows]) -> list[ArticleRows | BlockArticle]:
    """The articles as BlockArticles of one TableBlock (in a worker, per chunk); an article whose rows Arrow
    refuses stays ArticleRows, so that the store refuses and reports it as before."""
    tables, refused = _tables_of(rows, None)
    bad = {id(art) for art, _ in refused}
    good = [art for art in rows if id(art) not in bad]
    block = TableBlock(tables, {name: [len(art.tables[name]) for art in good] for name in TABLES})
    n = iter(range(len(good)))
    return [art if id(art) in bad else BlockArticle(art.article_id, block, next(n)) for art in rows]


def _block_tables(run: list[BlockArticle]) -> dict[str, pa.Table]:
    """The tables of these articles of one block (the block's own tables when they are all of it, in order)."""
    block = run[0].block
    picked = [art.index for art in run]
    if picked == list(range(len(block.counts["articles"]))):
        return block.tables
    out = {}
    for name, counts in block.counts.items():
        starts = list(itertools.accumulate(counts, initial=0))
        rows = [r for i in picked for r in range(starts[i], starts[i] + counts[i])]
        out[name] = block.tables[name].take(pa.array(rows, pa.int64()))
    return out


def _table(name: str, rows: list[tuple], ingested_at: str | None) -> pa.Table:
    """Rows of one table as an Arrow table (built column by column: much quicker than row dicts)."""
    schema = TABLES[name]
    if not rows:
        return schema.empty_table()
    columns = list(zip(*rows))
    if name == "articles":
        columns[schema.get_field_index("ingested_at")] = [ingested_at] * len(rows)
    return pa.Table.from_arrays([pa.array(col, type=f.type) for col, f in zip(columns, schema)], schema=schema)


class Store:
    """A folder of committed Parquet parts, one sub-folder per table."""

    def __init__(self, root: Path | str | None = None):
        self.root = choose_store(root)
        self.manifests = self.root / "manifests"
        self._known: dict[str, str] = {}  # id of each stored article → its manifest, as of _known_from
        self._known_from: set[str] = set()
        self._read_whole: set[str] = set()  # manifests whose every row was read (not only their footers)
        # Manifest name → the parts it names, or the Damage that makes the batch unreadable. Committed
        # batches never change, so each is inspected once per Store object.
        self._verdicts: dict[str, dict[str, Path] | Damage] = {}

    @contextmanager
    def _lock(self):
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".lock", "a+") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def _manifest_paths(self) -> list[Path]:
        """Committed manifests, oldest first (".tmp-…" ones are batches whose commit never finished)."""
        if not self.manifests.exists():
            return []
        return sorted(m for m in self.manifests.glob("*.json") if not m.name.startswith("."))

    def _inspect(self, man: Path) -> dict[str, Path] | Damage:
        """The parts a manifest names, by table, or why the batch cannot be read: the manifest unreadable, a
        part missing, empty, cut short or overwritten (cheap: the two ends of each file are read)."""
        verdict = self._verdicts.get(man.name)
        if verdict is None:
            verdict = self._verdicts[man.name] = _inspect_batch(self.root, man)
        return verdict

    def _batches(self) -> list[tuple[str, dict[str, Path]]]:
        """(manifest name, parts) of every committed batch that is not damaged, oldest first."""
        out = []
        for man in self._manifest_paths():
            verdict = self._inspect(man)
            if not isinstance(verdict, Damage):
                out.append((man.name, verdict))
        return out

    @property
    def skipped(self) -> list[Damage]:
        """The damaged batches found so far (by reads, adds or `check`): skipped until `repair`."""
        present = {m.name for m in self._manifest_paths()}
        return [v for name, v in sorted(self._verdicts.items()) if isinstance(v, Damage) and name in present]

    def _committed_parts(self) -> dict[str, list[Path]]:
        parts: dict[str, list[Path]] = {name: [] for name in TABLES}
        for _, named in self._batches():
            for table, path in named.items():
                parts[table].append(path)
        return parts

    def _refresh_known(self) -> dict[str, str]:
        """The stored ids, reading only the manifests committed since the last look (all of them again if one
        went away: the store was replaced or repaired). A damaged batch's articles are not counted, so they
        can be added again."""
        mans = self._manifest_paths()
        names = {m.name for m in mans}
        if not self._known_from <= names:
            self._known, self._known_from = {}, set()
        for man in mans:
            if man.name in self._known_from:
                continue
            self._known_from.add(man.name)
            verdict = self._inspect(man)
            if isinstance(verdict, Damage) or "articles" not in verdict:
                continue
            try:
                ids = pq.read_table(verdict["articles"], columns=["article_id"]).column("article_id").to_pylist()
            except _READ_ERRORS as exc:
                self._verdicts[man.name] = Damage(man.stem, _part_problem(self.root, verdict["articles"], exc))
                continue
            self._known.update(dict.fromkeys(ids, man.name))
        return self._known

    def _confirm_stored(self, ids: Iterable[str]) -> dict[str, str]:
        """The known ids, after reading whole every batch that holds one of `ids` (a re-import's duplicates):
        a batch whose rows do not all read is damaged, and its articles are no longer counted as stored."""
        known = self._refresh_known()
        for man in {known[i] for i in ids if i in known} - self._read_whole:
            self._read_whole.add(man)
            parts = self._verdicts.get(man)
            damage = _read_batch_fully(self.root, self.manifests / man, parts) if isinstance(parts, dict) else None
            if damage is not None:
                self._verdicts[man] = damage
                for gone in [i for i, m in known.items() if m == man]:
                    del known[gone]
        return known

    def article_ids(self) -> set[str]:
        """Ids of every stored article."""
        return set(self._refresh_known())

    def check_writable(self) -> None:
        """StoreError unless a batch can be written here: asked before an import analyses anything, so a
        read-only or misplaced store is found out at once, not after an hour of work."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            for folder in [self.root / name for name in TABLES] + [self.manifests]:
                folder.mkdir(exist_ok=True)
                probe = folder / f".tmp-probe-{uuid.uuid4().hex[:8]}"
                probe.write_bytes(b"")
                probe.unlink()
            with open(self.root / ".lock", "a+"):
                pass
        except OSError as exc:
            raise StoreError(f"{self.root}: the store cannot be written ({exc.strerror or exc}"
                             f"{': ' + str(exc.filename) if exc.filename else ''})") from exc

    def add(self, articles: Sequence[Article | ArticleRows | BlockArticle]) -> AddResult:
        """Store the articles not stored yet, as one atomic batch; an article whose rows cannot be written
        (text Arrow refuses) is left out and named in `failed`, and the rest are stored."""
        with self._lock():
            self._remove_debris()
            known = self._confirm_stored(art.article_id for art in articles)
            fresh, dupes, seen = [], [], set()
            for art in articles:
                if art.article_id in known or art.article_id in seen:
                    dupes.append(art.article_id)
                else:
                    seen.add(art.article_id)
                    fresh.append(art if isinstance(art, (ArticleRows, BlockArticle)) else rows_of(art))
            failed: list[tuple[str, str]] = []
            if fresh:
                now = time.strftime("%Y-%m-%dT%H:%M:%S")
                tables, refused = _batch_tables(fresh, now)
                if refused:
                    bad = {id(art) for art, _ in refused}
                    fresh = [art for art in fresh if id(art) not in bad]
                    failed = [(_source_of(art), why) for art, why in refused]
                if fresh:
                    man = self._write_batch(tables)
                    known.update(dict.fromkeys((art.article_id for art in fresh), man))
            return AddResult([a.article_id for a in fresh], dupes, failed)

    def _write_batch(self, tables: dict[str, pa.Table]) -> str:
        """Write one batch (parts, then the manifest that commits them); returns the manifest's name."""
        stamp = time.strftime("%Y%m%dT%H%M%S")
        batch = f"{stamp}-{time.time_ns() % 10**9:09d}-{uuid.uuid4().hex[:8]}"
        written: dict[str, str] = {}
        for name in TABLES:
            folder = self.root / name
            folder.mkdir(parents=True, exist_ok=True)
            final = folder / f"part-{batch}.parquet"
            tmp = folder / f".tmp-{batch}.parquet"
            pq.write_table(tables[name], tmp, compression="zstd")
            _fsync(tmp)
            os.replace(tmp, final)
            written[name] = str(final.relative_to(self.root))
        self.manifests.mkdir(parents=True, exist_ok=True)
        tmp = self.manifests / f".tmp-{batch}.json"
        tmp.write_text(json.dumps({"batch": batch, "articles": tables["articles"].num_rows, "parts": written}),
                       encoding="utf-8")
        _fsync(tmp)
        os.replace(tmp, self.manifests / f"{batch}.json")
        self._known_from.add(f"{batch}.json")
        self._read_whole.add(f"{batch}.json")  # just written from whole tables
        return f"{batch}.json"

    def _remove_debris(self) -> int:
        """Remove what killed writers left (temp files, parts of batches never committed); called with the
        lock held, so no writer is mid-batch. Parts of a damaged batch are kept (`repair` moves them)."""
        batches = {m.stem for m in self.manifests.glob("*.json")} if self.manifests.exists() else set()
        gone = 0
        for folder in [self.root / name for name in TABLES] + [self.manifests]:
            if not folder.is_dir():
                continue
            for f in folder.iterdir():
                uncommitted = (f.name.startswith("part-") and f.suffix == ".parquet"
                               and f.name[len("part-"):-len(".parquet")] not in batches)
                if f.name.startswith(".tmp-") or uncommitted:
                    try:
                        f.unlink()
                        gone += 1
                    except FileNotFoundError:
                        pass
        return gone

    def read(self, tables: tuple[str, ...] | None = None,
             columns: dict[str, list[str]] | None = None) -> dict[str, pa.Table]:
        """Every committed row of the tables asked for, as Arrow tables, only the columns asked for where
        `columns` names a table; parts written before a column existed read it as nulls. A damaged batch is
        left out of every table (see `skipped`), so the tables stay consistent with each other."""
        names = tables or tuple(TABLES)
        batches = self._batches()
        try:
            return _read_tables(names, columns, [parts for _, parts in batches])
        except (_PartError, *_READ_ERRORS):
            pass  # a part whose footer reads but whose data does not: find its batch, read the others
        pieces: dict[str, list[pa.Table]] = {name: [] for name in names}
        for man, parts in batches:
            try:
                got = {name: _read_tables((name,), columns, [parts])[name] for name in names}
            except _PartError as exc:
                self._verdicts[man] = Damage(Path(man).stem, exc.problem)
                continue
            for name in names:
                pieces[name].append(got[name])
        return {name: pa.concat_tables(pieces[name]) if pieces[name] else
                _read_tables((name,), columns, [])[name] for name in names}

    def load(self, tables: tuple[str, ...] | None = None,
             columns: dict[str, list[str]] | None = None) -> dict[str, pd.DataFrame]:
        """Every committed row of the tables asked for, as dataframes (empty frames on an empty store)."""
        out: dict[str, pd.DataFrame] = {}
        for name, table in self.read(tables, columns).items():
            df = table.to_pandas(split_blocks=True, self_destruct=True)
            if name == "articles" and "article_id" in df:
                df = df.drop_duplicates("article_id")
            out[name] = df
        return out

    def batch_count(self) -> int:
        """How many batches are committed (damaged ones included)."""
        return len(self._manifest_paths())

    def is_empty(self) -> bool:
        """True when no batch has been committed (a damaged batch counts: the store is not new)."""
        return not self._manifest_paths()

    def check(self, deep: bool = True) -> list[Damage]:
        """Every damaged batch, inspected afresh: manifest unreadable, parts missing or without a footer, and
        with `deep`, every row of every part read and the article count compared with the manifest's."""
        self._verdicts.clear()
        found = []
        for man in self._manifest_paths():
            verdict = self._inspect(man)
            if not isinstance(verdict, Damage) and deep:
                verdict = _read_batch_fully(self.root, man, verdict) or verdict
                self._verdicts[man.name] = verdict
            if isinstance(verdict, Damage):
                found.append(verdict)
        return found

    def repair(self) -> list[Repaired]:
        """Move every damaged batch aside to damaged/<batch>/ (manifest first, so it leaves the store at once;
        nothing is deleted) with a note of its problem and the source files of its articles, which can then
        be imported again. Temp files and parts of batches never committed are removed."""
        moved: list[Repaired] = []
        with self._lock():
            self._remove_debris()
            for damage in self.check(deep=True):
                dest = self.root / "damaged" / damage.batch
                dest.mkdir(parents=True, exist_ok=True)
                sources = _sources_of(self.root, damage.batch)
                os.replace(self.manifests / f"{damage.batch}.json", dest / "manifest.json")
                for name in TABLES:
                    part = self.root / name / f"part-{damage.batch}.parquet"
                    if part.exists():
                        (dest / name).mkdir(exist_ok=True)
                        os.replace(part, dest / name / part.name)
                (dest / "PROBLEM.txt").write_text(f"{damage.problem}\n", encoding="utf-8")
                if sources:
                    (dest / "sources.txt").write_text("".join(f"{s}\n" for s in sources), encoding="utf-8")
                moved.append(Repaired(damage, dest, sources))
            self._verdicts.clear()
            self._known, self._known_from, self._read_whole = {}, set(), set()
        return moved

    def clean_orphans(self) -> int:
        """Remove temp files and parts left by a crashed writer; returns how many went."""
        with self._lock():
            return self._remove_debris()


@dataclass(frozen=True)
class Damage:
    """A committed batch that cannot be read whole: readers skip it until `Store.repair` moves it aside."""

    batch: str  # its manifest is manifests/<batch>.json, its parts <table>/part-<batch>.parquet
    problem: str  # which file, and why

    def __str__(self) -> str:
        return f"damaged batch {self.batch}: {self.problem}"


@dataclass(frozen=True)
class Repaired:
    """A damaged batch moved aside: where it went, and the source files of its articles (when readable)."""

    damage: Damage
    moved_to: Path
    sources: list[str]


class _PartError(RuntimeError):
    """One part could not be read; `problem` names it."""

    def __init__(self, problem: str):
        super().__init__(problem)
        self.problem = problem


# What reading a damaged Parquet file raises: ArrowInvalid (a ValueError), OSError (a missing or truncated
# file, ArrowIOError), ArrowException for the rest.
_READ_ERRORS = (pa.ArrowException, OSError, ValueError, EOFError)
# What building a table from rows raises for a value Arrow refuses (a lone surrogate, a number too big).
_BUILD_ERRORS = (pa.ArrowException, UnicodeError, TypeError, ValueError, OverflowError)


def _part_problem(root: Path, path: Path, exc: BaseException) -> str:
    """'part articles/part-….parquet is missing / unreadable (why)'."""
    try:
        shown = path.relative_to(root)
    except ValueError:
        shown = path
    if isinstance(exc, FileNotFoundError):
        return f"part {shown} is missing"
    why = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
    why = "".join(c if c.isprintable() else "?" for c in why)  # Arrow quotes the garbage it met
    return f"part {shown} is unreadable ({why})"


def _inspect_batch(root: Path, man: Path) -> dict[str, Path] | Damage:
    """What `Store._inspect` finds for one manifest (uncached)."""
    try:
        listed = json.loads(man.read_text(encoding="utf-8"))
        named = listed["parts"]
        parts = {table: root / rel for table, rel in named.items() if table in TABLES}
        if not all(isinstance(rel, str) and rel for rel in named.values()):
            raise ValueError("a part is not named by a path")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        why = "empty" if isinstance(exc, json.JSONDecodeError) and not exc.doc.strip() else \
            f"{type(exc).__name__}: {exc}"
        return Damage(man.stem, f"manifest {man.relative_to(root)} is unreadable ({why})")
    if "articles" not in parts:
        return Damage(man.stem, f"manifest {man.relative_to(root)} names no articles part")
    for path in parts.values():
        try:
            problem = _parquet_ends(path)
        except OSError as exc:
            return Damage(man.stem, _part_problem(root, path, exc))
        if problem:
            return Damage(man.stem, _part_problem(root, path, ValueError(problem)))
    return parts


PARQUET_MAGIC = b"PAR1"


def _parquet_ends(path: Path) -> str | None:
    """Why a file is not a whole Parquet file, judged from its two ends (the magic at both, a footer length
    that fits): what truncation, emptying or overwriting breaks, found in two small reads, not a footer parse."""
    fd = os.open(path, os.O_RDONLY)  # (no file object: this runs for every part of every batch at each start)
    try:
        size = os.fstat(fd).st_size
        if size == 0:
            return "empty file"
        if size < 12:
            return f"{size} bytes: too short for Parquet"
        head = os.pread(fd, 4, 0)
        tail = os.pread(fd, 8, size - 8)
    finally:
        os.close(fd)
    if head != PARQUET_MAGIC or tail[4:] != PARQUET_MAGIC:
        return "not a whole Parquet file (cut short or overwritten)"
    if int.from_bytes(tail[:4], "little") + 12 > size:
        return "its footer length runs past the start of the file"
    return None


def _read_batch_fully(root: Path, man: Path, parts: dict[str, Path]) -> Damage | None:
    """Read every row of a batch's parts: the Damage found, else None."""
    for name, path in parts.items():
        try:
            table = ds.dataset([str(path)], schema=TABLES[name], format="parquet").to_table()
        except _READ_ERRORS as exc:
            return Damage(man.stem, _part_problem(root, path, exc))
        if name == "articles":
            try:
                expected = json.loads(man.read_text(encoding="utf-8")).get("articles")
            except (OSError, ValueError, AttributeError):
                expected = None
            if isinstance(expected, int) and expected != table.num_rows:
                return Damage(man.stem, f"part {path.relative_to(root)} holds {table.num_rows} articles, its "
                                        f"manifest says {expected}")
    return None


def _sources_of(root: Path, batch: str) -> list[str]:
    """The source files of a batch's articles, from its articles part when that is readable (else [])."""
    try:
        table = pq.read_table(root / "articles" / f"part-{batch}.parquet", columns=["source_file"])
    except _READ_ERRORS:
        return []
    return sorted({s for s in table.column("source_file").to_pylist() if s})


def _read_tables(names: tuple[str, ...], columns: dict[str, list[str]] | None,
                 batches: list[dict[str, Path]]) -> dict[str, pa.Table]:
    """The tables of these batches' parts, as one Arrow table each (read on several threads, in the parts'
    order); `_PartError` naming the part when reading one batch fails."""
    out: dict[str, pa.Table] = {}
    for name in names:
        schema = TABLES[name]
        cols = (columns or {}).get(name)
        files = [str(parts[name]) for parts in batches if name in parts]
        if not files:
            out[name] = schema.empty_table().select(cols) if cols else schema.empty_table()
            continue
        try:
            out[name] = ds.dataset(files, schema=schema, format="parquet").to_table(columns=cols)
        except _READ_ERRORS as exc:
            if len(files) == 1:
                root = Path(files[0]).parent.parent
                raise _PartError(_part_problem(root, Path(files[0]), exc)) from exc
            raise
    return out


def _tables_of(articles: list[ArticleRows], now: str | None
               ) -> tuple[dict[str, pa.Table], list[tuple[ArticleRows, str]]]:
    """The batch's Arrow tables, and the articles left out of them because Arrow refuses a value of theirs
    (each with why): the batch is built whole first, article by article only when that fails."""
    try:
        return {name: _table(name, [r for art in articles for r in art.tables[name]], now) for name in TABLES}, []
    except _BUILD_ERRORS:
        pass
    good, refused = [], []
    for art in articles:
        try:
            for name in TABLES:
                _table(name, art.tables[name], now)
        except _BUILD_ERRORS as exc:
            refused.append((art, f"could not be stored ({type(exc).__name__}: {str(exc)[:200]})"))
        else:
            good.append(art)
    return {name: _table(name, [r for art in good for r in art.tables[name]], now) for name in TABLES}, refused


def _batch_tables(articles: list[ArticleRows | BlockArticle], now: str
                  ) -> tuple[dict[str, pa.Table], list[tuple[ArticleRows, str]]]:
    """The batch's Arrow tables, in the articles' order: runs of ArticleRows built here (`_tables_of`, which
    leaves out the articles Arrow refuses), runs of one block's articles taken from it; `ingested_at` is now."""
    pieces: list[dict[str, pa.Table]] = []
    refused: list[tuple[ArticleRows, str]] = []
    for block, run in itertools.groupby(articles, key=lambda a: id(a.block) if isinstance(a, BlockArticle) else 0):
        run = list(run)
        if block:
            pieces.append(_block_tables(run))
        else:
            tables, bad = _tables_of(run, now)
            pieces.append(tables)
            refused += bad
    if len(pieces) == 1 and not isinstance(articles[0], BlockArticle):
        return pieces[0], refused  # all built here, `ingested_at` included
    tables = {name: pa.concat_tables([p[name] for p in pieces]) for name in TABLES}
    arts = tables["articles"]
    at = arts.schema.get_field_index("ingested_at")
    tables["articles"] = arts.set_column(at, arts.schema.field(at), pa.array([now] * arts.num_rows, pa.string()))
    return tables, refused


def _source_of(art: ArticleRows) -> str:
    """The source file an article's rows name (its id when they name none)."""
    rows = art.tables.get("articles") or []
    source = rows[0][TABLES["articles"].get_field_index("source_file")] if rows else None
    return source if isinstance(source, str) and source else art.article_id


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())
