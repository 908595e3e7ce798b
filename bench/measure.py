"""What the benchmarks share: where the corpora are, the inputs they read, and how time and memory are measured.

Benchmarks are scripts, not tests: they print figures and assert nothing. The corpora are research-only, so
they are read in place from ../shared/corpora and never copied; stores the benchmarks build live under /tmp.
"""
from __future__ import annotations

import os
import pickle
import platform
import random
import resource
import shutil
import statistics
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python bench/x.py` puts bench/ on the path, not the project
    sys.path.insert(0, str(ROOT))

CORPORA = ROOT.parent / "shared" / "corpora"
SNN_ZIPS = CORPORA / "saudinewsnet" / "dataset"
ANT2 = CORPORA / "ant" / "ant-v2.1-multisource.tar.gz"
ANT_CATEGORIES = ("middleEast", "internationalNews")  # ANT v2.1's Middle East and international news
BENCH_STORE = Path("/tmp/rasd-bench/store")  # never data/store: the benchmark store is thrown away


def need_corpora() -> None:
    """Exit with the reason when ../shared/corpora is not beside the project (a user's fresh clone)."""
    if not SNN_ZIPS.exists() or not ANT2.exists():
        sys.exit(f"the corpora are not at {CORPORA} (../shared/corpora): nothing to measure")


def snn_paths() -> list[Path]:
    """SaudiNewsNet: one zip per crawl day, each one JSON array of articles."""
    return sorted(SNN_ZIPS.glob("*.zip"))


def ant_items(items: Iterable) -> Iterator:
    """The records of ANT v2.1 in the Middle East and international news folders (SOURCE/CATEGORY/file.txt),
    and the archive-wide issues; the other categories (sport, culture …) are left out."""
    for item in items:
        if "!" not in item.name:
            yield item
            continue
        folders = item.name.split("!", 1)[1].split("/")
        if len(folders) > 2 and folders[1] in ANT_CATEGORIES:
            yield item


def fresh_store(path: Path) -> Path:
    """An empty store folder under /tmp (refuses any other place: the bench deletes it first)."""
    path = path.resolve()
    if not str(path).startswith("/tmp/"):
        sys.exit(f"refusing to use {path} as the bench store: it must be under /tmp (it is deleted first)")
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def cpu_seconds(children: bool = True) -> float:
    """User + system CPU time of this process (and of its waited-for children)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    total = me.ru_utime + me.ru_stime
    if children:
        ch = resource.getrusage(resource.RUSAGE_CHILDREN)
        total += ch.ru_utime + ch.ru_stime
    return total


@dataclass
class Peak:
    """Peak resident memory of a process tree, sampled by a background thread."""

    pid: int = field(default_factory=os.getpid)
    every: float = 0.1
    total_mb: float = 0.0  # the sum over the process and its children (shared pages counted in each)
    own_mb: float = 0.0  # the process alone
    processes: int = 1
    # CPU seconds (user + system) of each child process at its last sample: the workers' whole CPU (their
    # analysis, Dask's or the pool's own work, pickling), which RUSAGE_CHILDREN misses until they are waited for.
    child_cpu: dict[int, float] = field(default_factory=dict)

    @property
    def children_cpu(self) -> float:
        """CPU seconds of the children seen, as last sampled (a child's last 0.1 s may be missed)."""
        return sum(self.child_cpu.values())

    # The process tree is listed again every `relist` samples only: listing it reads every /proc/*/stat of the
    # machine (~3 ms of CPU with ~100 processes), which every 0.1 s took ~3 % of a core from what is measured.
    relist: int = 10
    _procs: list = field(default_factory=list)
    _samples: int = 0

    def sample(self) -> None:
        """Take one reading now."""
        import psutil

        if not self._procs or self._samples % self.relist == 0:
            try:
                proc = psutil.Process(self.pid)
                self._procs = [proc, *proc.children(recursive=True)]
            except psutil.Error:
                return
        self._samples += 1
        procs = self._procs
        total = 0
        for n, p in enumerate(procs):
            try:
                rss = p.memory_info().rss
            except psutil.Error:
                continue
            total += rss
            if n:
                try:
                    t = p.cpu_times()
                    self.child_cpu[p.pid] = t.user + t.system
                except psutil.Error:
                    pass
            if n == 0:
                self.own_mb = max(self.own_mb, rss / 2**20)
        self.total_mb = max(self.total_mb, total / 2**20)
        self.processes = max(self.processes, len(procs))

    @contextmanager
    def watch(self) -> Iterator["Peak"]:
        """Sample until the block ends."""
        stop = threading.Event()

        def run() -> None:
            while not stop.is_set():
                self.sample()
                stop.wait(self.every)

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            stop.set()
            thread.join()
            self.sample()


@dataclass
class Timed:
    """Wall and CPU seconds of a block."""

    wall: float = 0.0
    cpu: float = 0.0


@contextmanager
def timed(children: bool = True) -> Iterator[Timed]:
    """Time a block: wall clock and process CPU (children included once they have been waited for)."""
    out = Timed()
    w, c = time.perf_counter(), cpu_seconds(children)
    try:
        yield out
    finally:
        out.wall = time.perf_counter() - w
        out.cpu = cpu_seconds(children) - c


def median(values: list[float]) -> float:
    """The median (the figure we report over repeats: other engineers run tests on the same machine)."""
    return statistics.median(values) if values else float("nan")


def machine() -> str:
    """One line naming the machine: CPU model, cores, memory, Python."""
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{model}, {os.cpu_count()} cores, {mem:.0f} GB, Python {platform.python_version()}"


def load_average() -> str:
    """The 1-minute load average: how busy the machine was (others may be running tests)."""
    return f"{os.getloadavg()[0]:.2f}"


def figures(**values: float | int | str) -> str:
    """The closing `name=value` line."""
    out = []
    for k, v in values.items():
        out.append(f"{k}={v:.3g}" if isinstance(v, float) and abs(v) < 1000 else
                   f"{k}={v:.0f}" if isinstance(v, float) else f"{k}={v}")
    return " ".join(out)


def random_articles(seed: int, n: int) -> list:
    """n random articles (RawArticle) of 300 characters or more from all of SaudiNewsNet and ANT v2.1, by
    reservoir sampling; cached in /tmp/rasd-bench, so the benchmarks that ask for one seed see one sample."""
    from lib.corpus.readers import RawArticle, read_paths  # only the sampling benchmarks need the readers

    path = BENCH_STORE.parent / f"sample-{seed}-{n}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    rng, chosen, seen = random.Random(seed), [], 0
    for item in read_paths([*snn_paths(), ANT2]):
        if not isinstance(item, RawArticle) or len(item.text.strip()) < 300:
            continue
        seen += 1
        if len(chosen) < n:
            chosen.append(item)
        else:
            j = rng.randrange(seen)
            if j < n:
                chosen[j] = item
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(chosen))
    return chosen
