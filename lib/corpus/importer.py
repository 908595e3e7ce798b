"""Adding articles to the store from files, folders, archives and uploads, with a per-file report.

Records stream from `lib.corpus.readers`, are analysed (in worker processes when asked: the analysis is pure),
and go to the store in batches; `Store.add` is atomic per batch and skips articles stored already, so a
failure or an interrupt never loses what was stored before. The store is checked writable before anything is
read; an article the store refuses fails alone (its batch is stored); a store that fails mid-import stops it
with the reason (`ImportReport.store_error`), keeping what was stored; damaged batches met in the store are
warnings naming them (their articles are not seen, so they are added again). One article's analysis is capped
in CPU time, so a text built to hit a slow path fails alone instead of hanging the import.

With workers, the analysis is the cost (a few ms an article; reading and storing are a few % of it), so the
main process only reads, hands out small chunks of records and stores: it keeps enough chunks queued that the
workers never wait while a batch is written, and workers send back each chunk's rows as Arrow tables (a
`TableBlock`, one `BlockArticle` per article), not the Article objects (several times bigger to pickle) nor
row tuples (which cost the main process more to unpickle and turn into columns than the store's write).
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import re
import signal
import threading
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from lib.corpus import cluster
from lib.corpus.readers import LIMITS, MB, Limits, read_bytes, read_paths
from lib.corpus.store import ArticleRows, BlockArticle, Store, StoreError, blocks_of, rows_of
from lib.extract.analyse import analyse
from lib.records import Article, Issue, Item, RawArticle

BATCH = 1000  # articles per store write: one atomic Parquet batch (fewer, bigger parts load faster too)
CHUNK = 16  # articles per task handed to a worker: few enough that both workers finish together
AHEAD = 8  # tasks queued per worker, so that the workers never wait while the main process stores a batch
ENGINES = ("dask", "pool")  # what runs the workers: a local Dask cluster (the default), or a multiprocessing pool
WARNING_LINES = 20  # past this many warnings the summary groups them by kind (failures are always listed)
MIN_ARABIC = 0.5  # share of a text's letters that must be Arabic: Rasd reads Arabic news
MAX_UPLOAD_BYTES = 100 * MB  # per uploaded file; matches server.maxUploadSize in .streamlit/config.toml
# One article's analysis takes milliseconds (~25 s of CPU for a text at the 500,000-character limit); a text
# built to hit a slow path of the extraction (thousands of cue words in a row) must fail alone, not hang the
# import. CPU seconds, so a loaded machine does not trip it; enforced where a timer signal can be used (the
# command line and its workers; not in the dashboard's threads).
ANALYSIS_SECONDS = 30  # plus one second per 10,000 characters

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
    store_error: str | None = None  # the store could not be written: the import stopped (also in `failed`)
    # Where the time went (seconds): "read" (reading and decoding, main process), "analyse" (CPU of the
    # analysis, summed over the workers), "wait" (the main process waiting for workers), "store" (writing).
    stages: dict[str, float] = field(default_factory=dict)

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
        if self.store_error:
            head += " (stopped: the store cannot be written; the batches stored before are kept)"
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


# Runs of letters and of Arabic letters (lib.text.decoding's classes): counting by runs gives arabic_share's
# figure in half the time, which matters at a few hundred articles a second.
_NON_LETTERS = re.compile(r"[\W\d_]+")
_ARABIC_LETTERS = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc\u06ff\u0750-\u077f\ufb50-\ufdff"
                             r"\ufe70-\ufefc]+")


def arabic_share(text: str) -> float:
    """Share of Arabic letters among the letters of a text (0.0 when it has no letters), as
    `lib.text.decoding.arabic_share` counts it."""
    letters = len(_NON_LETTERS.sub("", text))
    return (len(text) - len(_ARABIC_LETTERS.sub("", text))) / letters if letters else 0.0


_A_LETTER = re.compile(r"[^\W\d_]")


def mostly_arabic(text: str) -> bool:
    """`arabic_share(text) >= MIN_ARABIC`, for most texts from one scan instead of two: the characters that are
    not spaces or line breaks bound the letters from above, and an Arabic text's Arabic letters are well over
    half of them."""
    arabic = len(text) - len(_ARABIC_LETTERS.sub("", text))
    if arabic >= MIN_ARABIC * (len(text) - text.count(" ") - text.count("\n")) and _A_LETTER.search(text):
        return True  # Arabic letters / letters >= Arabic letters / that bound >= MIN_ARABIC (and some letter)
    return arabic_share(text) >= MIN_ARABIC


class AnalysisOvertime(Exception):
    """One article's analysis ran past MAX_ANALYSIS_SECONDS."""


@contextmanager
def _deadline(seconds: float):
    """AnalysisOvertime raised in the block after `seconds` of this process's CPU time (a no-op off the main
    thread or without interval timers)."""
    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def overtime(_signum, _frame):
        raise AnalysisOvertime

    previous = signal.signal(signal.SIGVTALRM, overtime)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


def analyse_raw(raw: RawArticle, max_seconds: float | None = None) -> Article | Issue:
    """Analyse one record; an Issue instead when it is not Arabic, has no body, or the analysis fails or runs
    past `max_seconds` of CPU (default: ANALYSIS_SECONDS, more for a long text)."""
    if max_seconds is None:
        max_seconds = ANALYSIS_SECONDS + len(raw.text) / 10_000
    if not mostly_arabic(raw.text):
        share = arabic_share(raw.text)
        return Issue(raw.name, f"not Arabic text ({share:.0%} of its letters are Arabic); skipped: Rasd reads "
                               "Arabic news", "warning")
    try:
        with _deadline(max_seconds):
            art = analyse(raw.text, raw.meta, raw.name)
    except AnalysisOvertime:
        return Issue(raw.name, f"analysis took over {max_seconds:.0f} s (a text built to be slow?); skipped")
    except Exception as exc:  # a bug in one analysis step must fail this article only, not the batch
        return Issue(raw.name, f"analysis failed ({type(exc).__name__}: {exc})")
    if not art.body.strip():
        return Issue(raw.name, "no article text left after removing boilerplate")
    return art


def _warm_up() -> None:
    """Load lexicons and gazetteer once, before forking, so workers share them."""
    analyse("قال المتحدث إن الوضع في دمشق هادئ.", {"published": "2020-01-01"}, "warm-up")


def _worker_start() -> None:
    """In each worker: Ctrl-C is the main process's to handle (it stores what is done and stops the pool),
    and the cyclic garbage collector waits for the end of each chunk (the analysis makes no reference cycles,
    and collecting in the middle of it costs ~10%)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.disable()


Analysed = ArticleRows | BlockArticle | Issue  # what a worker sends back for one record


def _analyse_rows(raws: list[RawArticle]) -> tuple[list[Analysed], float]:
    """In a worker: each record's rows (the chunk's articles as one block of Arrow tables; an article whose
    rows Arrow refuses as its ArticleRows) or its Issue, and the CPU seconds the chunk took."""
    start = time.process_time()
    out: list[Analysed] = []
    for raw in raws:
        result = analyse_raw(raw)
        out.append(result if isinstance(result, Issue) else rows_of(result))
    rows = [r for r in out if not isinstance(r, Issue)]
    if rows:
        blocked = iter(blocks_of(rows))
        out = [r if isinstance(r, Issue) else next(blocked) for r in out]
    return out, time.process_time() - start


def _analyse_chunk(raws: list[RawArticle]) -> tuple[list[Analysed], float]:
    """In a pool worker: `_analyse_rows`, then the garbage collector (disabled in the pool's workers)."""
    out, cpu = _analyse_rows(raws)
    start = time.process_time()
    gc.collect()  # cheap: the lexicons were frozen before the fork, so only this chunk's objects are looked at
    return out, cpu + time.process_time() - start


class _Clock:
    """Seconds spent per stage, and a reader wrapped so the time spent reading is counted."""

    def __init__(self, stages: dict[str, float]):
        self.stages = stages

    def add(self, stage: str, seconds: float) -> None:
        self.stages[stage] = self.stages.get(stage, 0.0) + seconds

    def reading(self, items: Iterable[Item]) -> Iterator[Item]:
        it = iter(items)
        while True:
            start = time.perf_counter()
            item = next(it, None)
            self.add("read", time.perf_counter() - start)
            if item is None:
                return
            yield item


def _groups(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """The items in lists holding `size` articles each (issues ride along where they came)."""
    group: list[Item] = []
    n = 0
    for item in items:
        group.append(item)
        if isinstance(item, RawArticle):
            n += 1
            if n == size:
                yield group
                group, n = [], 0
    if group:
        yield group


def _analysed(items: Iterable[Item], workers: int, clock: _Clock, scheduler: str | None = None,
              engine: str | None = None) -> Iterator[tuple[Item, Article | Analysed]]:
    """(item, result) in input order; issues pass through as their own result. Analysed on the Dask cluster at
    `scheduler`; else, with more than one worker (or engine "dask"), on a local Dask cluster or (engine "pool")
    a process pool; else here."""
    if engine not in (None, *ENGINES):
        raise ValueError(f"engine must be one of {', '.join(ENGINES)} (or None), not {engine!r}")
    items = clock.reading(items)
    if scheduler or engine == "dask" or (workers > 1 and engine != "pool"):
        yield from cluster.analysed(_groups(items, cluster.CHUNK), _analyse_rows, _warm_up, workers, scheduler,
                                    clock.add)
        return
    if workers <= 1:
        for item in items:
            if isinstance(item, Issue):
                yield item, item
                continue
            start = time.process_time()
            result = analyse_raw(item)
            clock.add("analyse", time.process_time() - start)
            yield item, result
        return
    _warm_up()
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    # Frozen objects (lexicons, gazetteer, modules) are never scanned by the workers' collector, and their
    # pages are not copied into each worker by it either. Unfrozen again here once the workers are forked.
    gc.collect()
    gc.freeze()
    try:
        pool = ctx.Pool(workers, initializer=_worker_start)
    finally:
        gc.unfreeze()
    with pool:
        pending: deque = deque()

        def done() -> Iterator[tuple[Item, Analysed]]:
            group, job = pending.popleft()
            start = time.perf_counter()
            results, cpu = job.get() if job is not None else ([], 0.0)
            clock.add("wait", time.perf_counter() - start)
            clock.add("analyse", cpu)
            it = iter(results)
            for item in group:
                yield item, item if isinstance(item, Issue) else next(it)

        for group in _groups(items, CHUNK):
            raws = [x for x in group if isinstance(x, RawArticle)]
            pending.append((group, pool.apply_async(_analyse_chunk, (raws,)) if raws else None))
            if len(pending) >= AHEAD * workers:
                yield from done()
        while pending:
            yield from done()


def import_items(items: Iterable[Item], store_dir: Path | None = None, progress: Progress | None = None,
                 workers: int = 1, limit: int | None = None, total: int | None = None,
                 scheduler: str | None = None, engine: str | None = None) -> ImportReport:
    """Analyse the records and add them to the store batch by batch; problems go to the report. A store
    that cannot be written is found before anything is read (`store_error`, nothing analysed). With
    workers > 1 or a `scheduler` address the analysis runs on Dask (see `_analysed` and ENGINES)."""
    store = Store(store_dir)
    report = ImportReport()
    clock = _Clock(report.stages)
    start = time.monotonic()
    try:
        store.check_writable()
    except StoreError as exc:
        _stopped(report, store, str(exc))
        return report
    batch: list[Article | ArticleRows | BlockArticle] = []
    if limit is not None:
        items = first_articles(items, limit)
    analysed = _analysed(items, workers, clock, scheduler, engine)
    try:
        for item, result in analysed:
            if isinstance(result, Issue):
                report.note(result)
            else:
                batch.append(result)
            if isinstance(item, RawArticle):
                report.read += 1
                if progress:
                    progress(report.read, total, item.name)
            if len(batch) >= BATCH and not _flush(store, batch, report, clock):
                break
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        analysed.close()  # stops the workers now, before the last batch is stored
    if not report.store_error:
        _flush(store, batch, report, clock)
    for damage in store.skipped:
        report.warnings.append((str(store.manifests / f"{damage.batch}.json"),
                                f"{damage}; skipped, its articles are added again if given "
                                "(python -m lib.ingest --repair moves it aside)"))
    report.seconds = time.monotonic() - start
    return report


def _stopped(report: ImportReport, store: Store, why: str) -> None:
    """Record that the store cannot be written (a failure naming the store, and the reason to stop)."""
    report.store_error = why
    report.failed.append((str(store.root), why))


def first_articles(items: Iterable[Item], limit: int) -> Iterator[Item]:
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
                 limits: Limits = LIMITS, scheduler: str | None = None, engine: str | None = None) -> ImportReport:
    """Analyse every article under the paths (files, folders, archives) and add it to the store."""
    return import_items(read_paths([Path(p) for p in paths], mapping, limits), store_dir, progress,
                        workers=workers, limit=limit, scheduler=scheduler, engine=engine)


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


def _flush(store: Store, batch: list[Article | ArticleRows | BlockArticle], report: ImportReport,
           clock: _Clock) -> bool:
    """Store the batch (one atomic write) and count what was added, skipped and refused; False when the store
    could not be written (the report says why; nothing of this batch is stored)."""
    if not batch:
        return True
    start = time.perf_counter()
    try:
        result = store.add(batch)
    except (OSError, StoreError) as exc:  # disk full, permissions changed, store folder gone …
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        _stopped(report, store, f"{store.root}: the store cannot be written ({why}); {len(batch)} analysed "
                                "article(s) not stored")
        batch.clear()
        return False
    finally:
        clock.add("store", time.perf_counter() - start)
    report.added += len(result.added)
    report.duplicates += len(result.duplicates)
    report.added_ids += result.added
    report.failed += result.failed
    batch.clear()
    return True


def default_workers() -> int:
    """Worker processes for a command-line import: the cores this process may use, at most 8."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8))
