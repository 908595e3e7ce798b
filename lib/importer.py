"""Adding articles to the store from files, folders, archives and uploads, with a per-file report.

Records stream from `lib.formats`, are analysed (in worker processes when asked: the analysis is pure),
and go to the store in batches; `Store.add` is atomic per batch and skips articles stored already, so a
failure or an interrupt never loses what was stored before.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from lib.decoding import arabic_share
from lib.formats import LIMITS, MB, Issue, Item, Limits, RawArticle, read_bytes, read_paths
from lib.ingest import analyse
from lib.records import Article
from lib.store import Store

BATCH = 500  # articles per store write: one atomic Parquet batch
WARNING_LINES = 20  # past this many warnings the summary groups them by kind (failures are always listed)
MIN_ARABIC = 0.5  # share of a text's letters that must be Arabic: Rasd reads Arabic news
MAX_UPLOAD_BYTES = 100 * MB  # per uploaded file; matches server.maxUploadSize in .streamlit/config.toml

Progress = Callable[[int, "int | None", str], None]  # (articles done, total if known, current name)


@dataclass
class ImportReport:
    """What an import did: articles added, duplicates skipped, and files that failed with the reason."""

    added: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # files that are not articles (a README in an archive)
    added_ids: list[str] = field(default_factory=list)
    read: int = 0  # articles read and analysed (or refused)
    seconds: float = 0.0
    interrupted: bool = False

    def summary(self) -> str:
        """A human summary: one line of counts, then one line per warning, then one per failure."""
        rate = f", {self.read / self.seconds:,.0f} articles/s" if self.seconds >= 1 and self.read else ""
        head = (f"added {self.added}, duplicates skipped {self.duplicates}, failed {len(self.failed)}, "
                f"warnings {len(self.warnings)}")
        if self.ignored:
            head += f", ignored {len(self.ignored)} non-article file(s)"
        head += f" ({self.seconds:.1f} s{rate})"
        if self.interrupted:
            head += " (interrupted: the batches stored before the interrupt are kept)"
        lines = [head]
        if len(self.warnings) <= WARNING_LINES:
            lines += [f"  warning: {name}: {why}" for name, why in self.warnings]
        else:  # a big corpus: one line per kind of warning, with a few of the files it names
            kinds: dict[str, list[str]] = {}
            for name, why in self.warnings:
                kinds.setdefault(re.sub(r"\d+%", "N%", why), []).append(name)
            for why, names in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
                more = ", …" if len(names) > 3 else ""
                lines.append(f"  warning ×{len(names)}: {why} ({', '.join(names[:3])}{more})")
        lines += [f"  failed: {name}: {why}" for name, why in self.failed]
        return "\n".join(lines)

    def note(self, issue: Issue) -> None:
        """Record a problem in its list."""
        if issue.level == "ignored":
            self.ignored.append(issue.name)
        elif issue.level == "warning":
            self.warnings.append((issue.name, issue.message))
        else:
            self.failed.append((issue.name, issue.message))


def analyse_raw(raw: RawArticle) -> Article | Issue:
    """Analyse one record; an Issue instead when it is not Arabic, has no body, or the analysis fails."""
    share = arabic_share(raw.text)
    if share < MIN_ARABIC:
        return Issue(raw.name, f"not Arabic text ({share:.0%} of its letters are Arabic); skipped: Rasd reads "
                               "Arabic news", "warning")
    try:
        art = analyse(raw.text, raw.meta, raw.name)
    except Exception as exc:  # a bug in one analysis step must fail this article only, not the batch
        return Issue(raw.name, f"analysis failed ({type(exc).__name__}: {exc})")
    if not art.body.strip():
        return Issue(raw.name, "no article text left after removing boilerplate")
    return art


def _warm_up() -> None:
    """Load lexicons and gazetteer once, before forking, so workers share them."""
    analyse("قال المتحدث إن الوضع في دمشق هادئ.", {"published": "2020-01-01"}, "warm-up")


def _analysed(items: Iterable[Item], workers: int) -> Iterator[tuple[RawArticle | Issue, Article | Issue]]:
    """(item, result) in input order; issues pass through as their own result."""
    if workers <= 1:
        for item in items:
            yield item, item if isinstance(item, Issue) else analyse_raw(item)
        return
    _warm_up()
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ctx.Pool(workers) as pool:
        it = iter(items)

        def submit() -> tuple[list[Item], Iterator[Article | Issue]]:
            chunk = list(itertools.islice(it, BATCH))
            return chunk, pool.imap(analyse_raw, [x for x in chunk if isinstance(x, RawArticle)], chunksize=8)

        # Two batches in flight: the workers analyse the next one while this one is stored.
        chunk, results = submit()
        while chunk:
            ahead = submit()
            for item in chunk:
                yield item, item if isinstance(item, Issue) else next(results)
            chunk, results = ahead


def import_items(items: Iterable[Item], store_dir: Path | None = None, progress: Progress | None = None,
                 workers: int = 1, limit: int | None = None, total: int | None = None) -> ImportReport:
    """Analyse the records and add them to the store batch by batch; problems go to the report."""
    store = Store(store_dir)
    report = ImportReport()
    start = time.monotonic()
    batch: list[Article] = []
    if limit is not None:
        items = _first_articles(items, limit)
    try:
        for item, result in _analysed(items, workers):
            if isinstance(result, Issue):
                report.note(result)
            else:
                batch.append(result)
            if isinstance(item, RawArticle):
                report.read += 1
                if progress:
                    progress(report.read, total, item.name)
            if len(batch) >= BATCH:
                _flush(store, batch, report)
    except KeyboardInterrupt:
        report.interrupted = True
    _flush(store, batch, report)
    report.seconds = time.monotonic() - start
    return report


def _first_articles(items: Iterable[Item], limit: int) -> Iterator[Item]:
    """The items up to the limit-th article (issues before it included); the rest is not read."""
    n = 0
    for item in items:
        if isinstance(item, RawArticle):
            if n >= limit:
                return
            n += 1
        yield item


def import_paths(paths: list[Path], store_dir: Path | None = None, mapping: dict[str, str] | None = None,
                 progress: Progress | None = None, workers: int = 1, limit: int | None = None,
                 limits: Limits = LIMITS) -> ImportReport:
    """Analyse every article under the paths (files, folders, archives) and add it to the store."""
    return import_items(read_paths([Path(p) for p in paths], mapping, limits), store_dir, progress,
                        workers=workers, limit=limit)


def read_uploads(files: list[tuple[str, bytes]], mapping: dict[str, str] | None = None,
                 limits: Limits = LIMITS, max_bytes: int = MAX_UPLOAD_BYTES) -> list[Item]:
    """Every record in uploaded files (name, bytes), size-checked; a .json uploaded with the .txt of the
    same name is that text's sidecar. Read whole: uploads are bounded."""
    by_name = {name: data for name, data in files}
    sidecar_names = {n for n in by_name if n.lower().endswith(".json") and
                     any(n[:-5] + ext in by_name for ext in (".txt", ".TXT"))}
    items: list[Item] = []
    for name, data in files:
        if name in sidecar_names:
            continue
        if len(data) > max_bytes:
            items.append(Issue(name, f"upload is {len(data) / MB:.1f} MB, over the {max_bytes / MB:.0f} MB limit"))
            continue
        side = name[:-4] + ".json"
        sidecar = (by_name[side], side) if name.lower().endswith(".txt") and side in sidecar_names else None
        items.extend(read_bytes(data, name, mapping, limits, sidecar=sidecar))
    return items


def import_uploads(files: list[tuple[str, bytes]], store_dir: Path | None = None,
                   mapping: dict[str, str] | None = None, progress: Progress | None = None,
                   limits: Limits = LIMITS) -> ImportReport:
    """Add the articles of uploaded files to the store, with a known total for a progress bar."""
    items = read_uploads(files, mapping, limits)
    total = sum(1 for i in items if isinstance(i, RawArticle))
    return import_items(items, store_dir, progress, total=total)


def _flush(store: Store, batch: list[Article], report: ImportReport) -> None:
    """Store the batch (one atomic write) and count what was added and skipped."""
    if batch:
        result = store.add(batch)
        report.added += len(result.added)
        report.duplicates += len(result.duplicates)
        report.added_ids += result.added
        batch.clear()


def default_workers() -> int:
    """Worker processes for a command-line import: the cores this process may use, at most 8."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8))
