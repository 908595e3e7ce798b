"""The store on disk: append-only Parquet parts under data/store, committed batch by batch.

A batch writes one part per table (temp file, then rename), then a manifest naming those parts (temp file,
then rename). Readers read only parts that a manifest names, so a crash mid-write or a concurrent reader never
sees half a batch. Writers take an exclusive lock, check which articles are already stored, and add the rest:
two ingests at once serialise and lose nothing, and the same article added twice is stored once.

An article goes to the store as `ArticleRows` (its rows of every table, as tuples): small to send from the
worker processes that analyse, and quick to turn into Arrow columns. The ids already stored are read once per
`Store` object and then only from manifests committed since, so a long import does not re-read the store for
every batch.
"""
from __future__ import annotations

import fcntl
import json
import os
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

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
        ("end", pa.int32()), ("relative", pa.bool_()), ("precision", pa.string()),
    ]),
}


class StoreError(RuntimeError):
    """The store cannot be read or written; the message says which file and why."""


@dataclass
class AddResult:
    """What one add did: ids stored now, and ids skipped because they were stored already."""

    added: list[str]
    duplicates: list[str]


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


def article_rows(art: Article, ingested_at: str | None) -> dict[str, list[dict]]:
    """One article as rows of every table."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    rows["articles"].append({"article_id": art.article_id, "title": art.title, "published": art.published,
                             "source": art.source, "url": art.url, "source_file": art.source_file,
                             "body": art.body, "ingested_at": ingested_at, "topic": art.topic})
    for n, s in enumerate(art.statements):
        inside = [m for m in art.mentions if s.start <= m.start < s.end]
        pa_, pb = _paragraph(art.body, s.start, s.end)
        rows["statements"].append({
            "statement_id": f"{art.article_id}:{n}", "article_id": art.article_id, "quote": s.quote,
            "speaker": s.speaker, "speaker_ar": s.speaker_ar, "speaker_id": s.speaker_id,
            "speaker_kind": s.speaker_kind, "kind": s.kind, "cue": s.cue, "start": s.start, "end": s.end,
            "para_start": pa_, "para_end": pb, "published": art.published,
            "actor_ids": sorted({m.entity_id for m in inside if m.entity_type == "actor"}),
            "place_ids": sorted({m.entity_id for m in inside if m.entity_type == "place"}),
        })
    for m in art.mentions:
        rows["mentions"].append({"article_id": art.article_id, "entity_type": m.entity_type,
                                 "entity_id": m.entity_id, "surface": m.surface, "start": m.start, "end": m.end})
    for a in art.actors.values():
        rows["actors"].append({"article_id": art.article_id, "actor_id": a["id"], "name": a["name"],
                               "name_ar": a.get("name_ar"), "kind": a.get("kind"), "country": a.get("country"),
                               "mentions": a.get("mentions", 0)})
    for p in art.places.values():
        rows["places"].append({"article_id": art.article_id, "place_id": p["id"], "name": p["name"],
                               "name_ar": p.get("name_ar"), "lat": p.get("lat"), "lon": p.get("lon"),
                               "kind": p.get("kind"), "precision": p.get("precision"), "country": p.get("country"),
                               "parent_id": p.get("parent_id"), "coord_source": p.get("coord_source"),
                               "mentions": p.get("mentions", 0)})
    for d in art.dates:
        rows["dates"].append({"article_id": art.article_id, "date": d.date, "text": d.text, "start": d.start,
                              "end": d.end, "relative": d.relative, "precision": d.precision})
    return rows


def rows_of(art: Article) -> ArticleRows:
    """One article as tuples in each table's column order (pure: what a worker process sends back)."""
    rows = article_rows(art, None)
    return ArticleRows(art.article_id, {name: [tuple(rec.get(c) for c in schema.names) for rec in rows[name]]
                                        for name, schema in TABLES.items()})


def _table(name: str, rows: list[tuple], ingested_at: str) -> pa.Table:
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
        self._known: set[str] = set()  # ids of the stored articles, as of the manifests in _known_from
        self._known_from: set[str] = set()

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

    def _parts_of(self, man: Path) -> dict[str, Path]:
        """The parts one manifest names, by table."""
        try:
            listed = json.loads(man.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise StoreError(f"{man}: unreadable manifest ({exc})") from exc
        return {table: self.root / rel for table, rel in listed.get("parts", {}).items() if table in TABLES}

    def _committed_parts(self) -> dict[str, list[Path]]:
        parts: dict[str, list[Path]] = {name: [] for name in TABLES}
        for man in self._manifest_paths():
            for table, path in self._parts_of(man).items():
                parts[table].append(path)
        return parts

    def _refresh_known(self) -> set[str]:
        """The stored ids, reading only the manifests committed since the last look (all of them again if one
        went away: the store was replaced)."""
        mans = self._manifest_paths()
        names = {m.name for m in mans}
        if not self._known_from <= names:
            self._known, self._known_from = set(), set()
        for man in mans:
            if man.name not in self._known_from:
                part = self._parts_of(man).get("articles")
                if part is not None:
                    self._known.update(pq.read_table(part, columns=["article_id"]).column("article_id").to_pylist())
                self._known_from.add(man.name)
        return self._known

    def article_ids(self) -> set[str]:
        """Ids of every stored article."""
        return set(self._refresh_known())

    def add(self, articles: Sequence[Article | ArticleRows]) -> AddResult:
        """Store the articles not stored yet, as one atomic batch."""
        with self._lock():
            known = self._refresh_known()
            fresh, dupes, seen = [], [], set()
            for art in articles:
                if art.article_id in known or art.article_id in seen:
                    dupes.append(art.article_id)
                else:
                    seen.add(art.article_id)
                    fresh.append(art if isinstance(art, ArticleRows) else rows_of(art))
            if fresh:
                self._write_batch(fresh)
                known.update(seen)
            return AddResult([a.article_id for a in fresh], dupes)

    def _write_batch(self, articles: list[ArticleRows]) -> None:
        stamp = time.strftime("%Y%m%dT%H%M%S")
        batch = f"{stamp}-{time.time_ns() % 10**9:09d}-{uuid.uuid4().hex[:8]}"
        now = time.strftime("%Y-%m-%dT%H:%M:%S")
        written: dict[str, str] = {}
        for name in TABLES:
            folder = self.root / name
            folder.mkdir(parents=True, exist_ok=True)
            final = folder / f"part-{batch}.parquet"
            tmp = folder / f".tmp-{batch}.parquet"
            table = _table(name, [r for art in articles for r in art.tables[name]], now)
            pq.write_table(table, tmp, compression="zstd")
            _fsync(tmp)
            os.replace(tmp, final)
            written[name] = str(final.relative_to(self.root))
        self.manifests.mkdir(parents=True, exist_ok=True)
        tmp = self.manifests / f".tmp-{batch}.json"
        tmp.write_text(json.dumps({"batch": batch, "articles": len(articles), "parts": written}), encoding="utf-8")
        _fsync(tmp)
        os.replace(tmp, self.manifests / f"{batch}.json")
        self._known_from.add(f"{batch}.json")

    def read(self, tables: tuple[str, ...] | None = None,
             columns: dict[str, list[str]] | None = None) -> dict[str, pa.Table]:
        """Every committed row of the tables asked for, as Arrow tables, only the columns asked for where
        `columns` names a table; parts written before a column existed read it as nulls."""
        parts = self._committed_parts()
        out: dict[str, pa.Table] = {}
        for name in tables or tuple(TABLES):
            schema = TABLES[name]
            cols = (columns or {}).get(name)
            files = parts[name]
            if files:  # one dataset over the parts: read on several threads, in the parts' order
                table = ds.dataset([str(f) for f in files], schema=schema, format="parquet").to_table(columns=cols)
            else:
                table = schema.empty_table().select(cols) if cols else schema.empty_table()
            out[name] = table
        return out

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

    def is_empty(self) -> bool:
        """True when no batch has been committed."""
        return not any(self._committed_parts()["articles"])

    def clean_orphans(self) -> int:
        """Remove temp files and parts left by a crashed writer; returns how many went."""
        with self._lock():
            listed = {p for files in self._committed_parts().values() for p in files}
            gone = 0
            for name in TABLES:
                for f in (self.root / name).glob("*.parquet") if (self.root / name).exists() else []:
                    if f not in listed:
                        f.unlink()
                        gone += 1
            for f in self.manifests.glob(".tmp-*") if self.manifests.exists() else []:
                f.unlink()
                gone += 1
            return gone


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())
