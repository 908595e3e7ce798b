"""The per-article analysis mapped on Dask: a local cluster of worker processes, or an existing cluster.

`analysed` takes the importer's groups of records (a few articles each, with the issues that came between
them) and yields (item, result) in input order, like the importer's process pool: each group's articles go to
a worker as one task, at most `ahead` tasks per worker thread are in flight (so memory stays bounded on an
archive of any size), and the caller stores the results, so the store's writes stay atomic, deduplicated and on
the caller's side. A worker needs only the Rasd code and its data/ folder: the same checkout or image as the
caller's (checked: a worker with other code or lexicons is refused before any work is sent).

`distributed` is imported when a cluster is asked for, not with this module: it adds about a second to the
start of every command and dashboard run that never uses it.
"""
from __future__ import annotations

import gc
import hashlib
import itertools
import logging
import multiprocessing
import signal
import threading
import time
from collections import deque
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from lib.records import Issue, Item, RawArticle

CHUNK = 64  # articles per task (~0.2 s of analysis): a Dask task costs a worker ~15 ms of its own CPU
AHEAD = 4  # tasks in flight per worker thread: enough that no worker waits while the caller stores a batch
REFRESH_EVERY = 200  # tasks between two looks at how many workers the cluster has (it may scale)
SMALL = 500  # articles: fewer are analysed in the calling process (~1.5 s), quicker than starting workers (3-8 s)
CONNECT_TIMEOUT = "20s"
ROOT = Path(__file__).resolve().parent.parent.parent
# The workers' own statistical profiler samples every thread's stack 100 times a second: a few % of the
# analysis's CPU, for a profile nobody reads here.
LOCAL_CONFIG = {"distributed.worker.profile.enabled": False}
# Local workers are forked where the system can (Linux): each then starts with this process's modules and loaded
# lexicons instead of importing Dask, pandas and Rasd and loading the lexicons again (spawned: ~2 s of CPU per
# worker before its first article, 1.3 ms/article above the analysis on 3,000 articles with 2 workers; forked 0.1).
FORK = "fork" in multiprocessing.get_all_start_methods()
# What the analysis depends on: a worker whose copy differs would give other records for the same article.
FINGERPRINTED = (("lib", "*.py"), ("data/lexicons", "*"), ("data/gazetteer", "*"))

ChunkFn = Callable[[list[RawArticle]], tuple[list[Any], float]]  # raws → (one result each, CPU seconds)
Note = Callable[[str, float], None]  # (stage, seconds): where the caller's time went


class ClusterError(RuntimeError):
    """The Dask cluster cannot be started or reached, or its workers cannot run this analysis."""


def code_fingerprint(root: Path = ROOT) -> str:
    """A hash of the code and data files the analysis reads (lib/*.py, the lexicons and the gazetteer)."""
    digest = hashlib.sha256()
    for folder, pattern in FINGERPRINTED:
        for path in sorted((root / folder).rglob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


_READY = False  # in a worker process: the lexicons are loaded and frozen


def _run_chunk(fn: ChunkFn, warm_up: Callable[[], None], raws: list[RawArticle]) -> tuple[list[Any], float]:
    """In a worker: the chunk function. The first call in a process loads the lexicons and freezes them (and
    whatever else the worker holds by then), so that the cyclic collector never scans them again; it then runs
    on its own thresholds (a full collection after every chunk cost 20% more CPU on SaudiNewsNet)."""
    global _READY
    if not _READY:
        warm_up()
        gc.collect()
        gc.freeze()
        _READY = True
    return fn(raws)


def _start(workers: int | None, scheduler: str | None, warm_up: Callable[[], None] = lambda: None):
    """A client: connected to the scheduler at `scheduler`, or to a new local cluster of `workers` processes
    (one thread each: the analysis holds the GIL; forked after `warm_up` where the system can fork). Returns
    (client, the local cluster or None)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - a requirement; named for a user who skipped it
        raise ClusterError(f"Dask is not installed ({exc}): pip install 'dask[distributed]'") from exc
    if scheduler:
        try:
            return Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False), None
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    import dask

    config = dict(LOCAL_CONFIG)
    if FORK:
        config["distributed.worker.multiprocessing-method"] = "fork"
        warm_up()
        gc.collect()
        gc.freeze()  # the lexicons are never scanned by the workers' collector nor copied into them by it
    try:
        with dask.config.set(config), _workers_ignore_ctrl_c():
            cluster = LocalCluster(n_workers=max(1, workers or 1), threads_per_worker=1, processes=True,
                                   dashboard_address="127.0.0.1:0", scheduler_port=0, silence_logs=logging.ERROR)
    finally:
        if FORK:
            gc.unfreeze()
    return Client(cluster, set_as_default=False), cluster


@contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Ctrl-C ignored while the local workers start, so that they inherit that: a Ctrl-C is the caller's to
    handle (it stores what is done, then stops the cluster), not a traceback from every worker."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _check_cluster(client, scheduler: str) -> None:
    """Refuse a cluster whose scheduler or workers cannot import this analysis (the scheduler unpickles each
    task, records included) or whose workers run other code or lexicons."""
    ours = code_fingerprint()
    try:
        client.run_on_scheduler(code_fingerprint)
        theirs = client.run(code_fingerprint)
    except Exception as exc:  # noqa: BLE001 - the call could not even be unpickled there: no Rasd
        raise ClusterError(f"the scheduler or workers of {scheduler} cannot run Rasd's analysis "
                           f"({type(exc).__name__}: {exc}); run them in this checkout's environment (its code "
                           "and data/ importable, e.g. PYTHONPATH=/path/to/rasd)") from exc
    other = sorted(addr for addr, fp in theirs.items() if fp != ours)
    if other:
        raise ClusterError(f"{len(other)} worker(s) of {scheduler} run other Rasd code or lexicons than this "
                           f"one (fingerprint {theirs[other[0]]} against {ours}, e.g. {other[0]}); install the "
                           "same checkout on every worker")


def _threads(client) -> int:
    """Worker threads the cluster has now (0 while an adaptive cluster has started none)."""
    return sum(w.get("nthreads", 1) for w in client.scheduler_info(n_workers=-1)["workers"].values())


def _lookahead(groups: Iterable[list[Item]], articles: int) -> tuple[list[list[Item]], Iterator[list[Item]], bool]:
    """The first groups, up to `articles` articles, the rest of the groups, and whether the input ended there."""
    it = iter(groups)
    head: list[list[Item]] = []
    seen = 0
    for group in it:
        head.append(group)
        seen += sum(isinstance(x, RawArticle) for x in group)
        if seen >= articles:
            return head, it, False
    return head, it, True


def _here(groups: Iterable[list[Item]], chunk_fn: ChunkFn, warm_up: Callable[[], None],
          note: Note) -> Iterator[tuple[Item, Any]]:
    """(item, result) with the chunks analysed in this process."""
    warm_up()
    for group in groups:
        raws = [x for x in group if isinstance(x, RawArticle)]
        results, cpu = chunk_fn(raws) if raws else ([], 0.0)
        note("analyse", cpu)
        it = iter(results)
        for item in group:
            yield item, item if isinstance(item, Issue) else next(it)


def analysed(groups: Iterable[list[Item]], chunk_fn: ChunkFn, warm_up: Callable[[], None],
             workers: int | None = None, scheduler: str | None = None, note: Note | None = None,
             ahead: int = AHEAD, small: int | None = None) -> Iterator[tuple[Item, Any]]:
    """(item, result) for every item of the groups, in input order: each group's articles analysed by
    `chunk_fn` on a Dask worker (issues pass through as their own result). Without a scheduler, an input of
    fewer than `small` (default SMALL) articles is analysed in this process instead: a local cluster takes
    longer to start.
    A chunk that the cluster loses (its worker died, again and again) becomes one Issue per article of it, not
    the end of the import."""
    note = note or (lambda stage, seconds: None)
    if not scheduler:
        head, rest, ended = _lookahead(groups, SMALL if small is None else small)
        if ended:
            yield from _here(head, chunk_fn, warm_up, note)
            return
        groups = itertools.chain(head, rest)
    client, cluster = _start(workers, scheduler, warm_up)
    pending: deque = deque()
    try:
        if scheduler:
            _check_cluster(client, scheduler)
        threads, sent = max(1, _threads(client)), 0

        def done() -> Iterator[tuple[Item, Any]]:
            group, raws, future = pending.popleft()
            if future is None:
                results, cpu = [], 0.0
            else:
                start = time.perf_counter()
                try:
                    results, cpu = future.result()
                except Exception as exc:  # noqa: BLE001 - every article of the chunk gets the reason
                    why = f"analysis failed on the cluster ({type(exc).__name__}: {exc})"
                    results, cpu = [Issue(r.name, why) for r in raws], 0.0
                finally:
                    future.release()
                note("wait", time.perf_counter() - start)
            note("analyse", cpu)
            it = iter(results)
            for item in group:
                yield item, item if isinstance(item, Issue) else next(it)

        for group in groups:
            raws = [x for x in group if isinstance(x, RawArticle)]
            # pure=False: two chunks with equal records are still two tasks (each result is consumed once)
            future = client.submit(_run_chunk, chunk_fn, warm_up, raws, pure=False) if raws else None
            pending.append((group, raws, future))
            sent += 1
            if scheduler and sent % REFRESH_EVERY == 0:
                threads = max(1, _threads(client))
            if len(pending) >= ahead * threads:
                yield from done()
        while pending:
            yield from done()
    finally:  # also when the caller stops early (an interrupt): drop queued work, stop a local cluster
        for _group, _raws, future in pending:
            if future is not None:
                future.cancel()
        client.close()
        if cluster is not None:
            cluster.close()
