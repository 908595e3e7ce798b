"""Ingest benchmark: SaudiNewsNet (31,030 articles) and ANT v2.1's Middle East and international news into a
fresh store, with a baseline pass (read, decode, one regular-expression scan of every article) to compare with.

    .venv/bin/python bench/ingest.py                 # the whole run (a few minutes on 2 cores)
    .venv/bin/python bench/ingest.py --limit 2000    # a quick look: the first 2,000 articles of each corpus

Reads ../shared/corpora in place; the store goes to /tmp/rasd-bench/store (deleted first, kept afterwards for
bench/dashboard.py). Prints where the time went and ends with one line of name=value figures.
"""
from __future__ import annotations

import argparse
import itertools
import pickle
import re
import sys
import time
from pathlib import Path

from measure import (ANT2, BENCH_STORE, Peak, ant_items, cpu_seconds, figures, fresh_store, load_average, machine,
                     median, need_corpora, snn_paths, timed)

from lib.corpus.readers import RawArticle, read_paths
from lib.corpus.importer import default_workers, first_articles, import_items
from lib.extract.analyse import analyse
from lib.corpus.store import blocks_of, rows_of

# The baseline's one scan: the tokenizer's word pattern (letters, digits and the marks inside words).
WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+")
TARGET_SNN_S, TARGET_RATE, TARGET_PEAK_MB = 60.0, 500.0, 2048.0


def corpora(limit: int | None, with_ant: bool) -> list[tuple[str, callable]]:
    """(name, a function giving that corpus's records afresh) for each corpus in the run."""
    def capped(items):
        return first_articles(items, limit) if limit else items

    runs = [("SaudiNewsNet", lambda: capped(read_paths(snn_paths())))]
    if with_ant:
        runs.append(("ANT v2.1 Middle East + international", lambda: capped(ant_items(read_paths([ANT2])))))
    return runs


def baseline(items) -> tuple[int, int, int]:
    """The floor: read and decode every record and scan it once. Returns (articles, UTF-8 bytes, words)."""
    arts = size = words = 0
    for item in items:
        if isinstance(item, RawArticle):
            arts += 1
            size += len(item.text.encode("utf-8"))
            words += len(WORD.findall(item.text))
    return arts, size, words


def pickled_sizes(n: int = 200) -> tuple[float, float]:
    """Mean pickled bytes of one analysed SaudiNewsNet article: as an Article, and as workers send it (a block of
    Arrow tables per 64-article chunk)."""
    arts = [analyse(r.text, r.meta, r.name) for r in itertools.islice(
        (i for i in read_paths(snn_paths()[:1]) if isinstance(i, RawArticle)), n)]
    whole = sum(len(pickle.dumps(a)) for a in arts) / len(arts)
    rows = [rows_of(a) for a in arts]
    sent = sum(len(pickle.dumps(blocks_of(rows[n:n + 64]))) for n in range(0, len(rows), 64)) / len(arts)
    return whole, sent


def baseline_pass(runs) -> tuple[float, int, int]:
    """The baseline over every corpus: (wall seconds, articles, UTF-8 bytes)."""
    wall = 0.0
    n_arts = n_bytes = 0
    for name, records in runs:
        with timed(children=False) as t:
            arts, size, words = baseline(records())
        wall += t.wall
        n_arts += arts
        n_bytes += size
        print(f"baseline {name}: {arts:,} articles, {size / 1e6:,.1f} MB UTF-8, {words:,} words: "
              f"{t.wall:.1f} s wall, {t.cpu:.1f} s CPU")
    return wall, n_arts, n_bytes


def ingest_pass(runs, store: Path, workers: int) -> dict:
    """Every corpus into a fresh store, the memory of the whole process tree watched."""
    store = fresh_store(store)
    peak = Peak()
    out = {"wall": 0.0, "cpu": 0.0, "read": 0, "snn_s": float("nan")}
    with peak.watch():
        for name, records in runs:
            own, kids = cpu_seconds(children=False), peak.children_cpu
            with timed() as t:
                report = import_items(records(), store, workers=workers)
            peak.sample()
            own, kids = cpu_seconds(children=False) - own, peak.children_cpu - kids
            out["wall"] += t.wall
            out["cpu"] += t.cpu
            out["read"] += report.read
            if name == "SaudiNewsNet":
                out["snn_s"], out["snn_cpu"], out["snn_read"] = t.wall, t.cpu, report.read
            st = report.stages
            print(f"ingest {name}: {report.summary().splitlines()[0]}")
            for line in report.summary().splitlines()[1:]:
                if line.startswith("  failed"):
                    print("  " + line.strip())
            print(f"  {t.wall:.1f} s wall, {t.cpu:.1f} s CPU ({t.cpu / max(report.read, 1) * 1000:.2f} ms/article); "
                  f"main process: read {st.get('read', 0):.1f} s, waiting for workers {st.get('wait', 0):.1f} s, "
                  f"store {st.get('store', 0):.1f} s; analysis {st.get('analyse', 0):.1f} s CPU over "
                  f"{workers} worker(s) ({report.read / max(st.get('analyse', 1e-9), 1e-9):.0f} articles/s "
                  "per core)")
            n = max(report.read, 1)
            print(f"  CPU per article: main process {own / n * 1000:.2f} ms (reading, storing, the Dask client and "
                  f"scheduler), worker processes {kids / n * 1000:.2f} ms (of which analysis "
                  f"{st.get('analyse', 0) / n * 1000:.2f} ms)")
            if name == "SaudiNewsNet":
                out["snn_main_ms"], out["snn_workers_ms"] = own / n * 1000, kids / n * 1000
    out["peak_mb"], out["processes"], out["own_mb"] = peak.total_mb, peak.processes, peak.own_mb
    print(f"  peak memory: {peak.total_mb:,.0f} MB RSS over {peak.processes} processes (main {peak.own_mb:,.0f} MB)")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", type=Path, default=BENCH_STORE, help="bench store folder, under /tmp")
    ap.add_argument("--workers", type=int, default=default_workers(), help="analysing processes (default: cores)")
    ap.add_argument("--limit", type=int, default=None, help="articles per corpus (default: all)")
    ap.add_argument("--no-ant", action="store_true", help="SaudiNewsNet only")
    ap.add_argument("--repeat", type=int, default=1, help="runs of the baseline and the ingest; medians reported")
    args = ap.parse_args(argv)
    need_corpora()
    print(f"machine: {machine()}; load average {load_average()}; {time.strftime('%Y-%m-%d %H:%M')}")
    runs = corpora(args.limit, not args.no_ant)

    bases, ingests = [], []
    for n in range(args.repeat):
        if args.repeat > 1:
            print(f"-- run {n + 1} of {args.repeat} (load average {load_average()})")
        base_wall, n_arts, n_bytes = baseline_pass(runs)
        bases.append(base_wall)
        ingests.append(ingest_pass(runs, args.store, args.workers))
    whole, rows = pickled_sizes()
    print(f"pickled per article: Article {whole / 1024:.1f} KiB, as workers send it {rows / 1024:.1f} KiB")

    wall = median([r["wall"] for r in ingests])
    cpu = median([r["cpu"] for r in ingests])
    read = ingests[0]["read"]
    snn_s = median([r["snn_s"] for r in ingests])
    peak_mb = max(r["peak_mb"] for r in ingests)
    base_wall = median(bases)
    rate = read / wall if wall else 0.0
    mb_s = n_bytes / 1e6 / wall if wall else 0.0
    ratio = wall / base_wall if base_wall else float("nan")
    snn_cpu = median([r.get("snn_cpu", float("nan")) for r in ingests])
    snn_read = ingests[0].get("snn_read", 0)
    print(f"medians of {args.repeat}: ingest {wall:.1f} s wall, {cpu:.1f} s CPU; baseline {base_wall:.1f} s")
    print(f"targets: SaudiNewsNet {snn_s:.1f} s (≤ {TARGET_SNN_S:.0f}; CPU {snn_cpu:.1f} s, so {snn_cpu / 2:.1f} s "
          f"on 2 idle cores), {rate:.0f} articles/s (≥ {TARGET_RATE:.0f}), peak {peak_mb:.0f} MB "
          f"(≤ {TARGET_PEAK_MB:.0f})")
    print(figures(articles_per_s=rate, mb_per_s=mb_s, baseline_ratio=ratio, peak_rss_mb=peak_mb,
                  articles=read, snn_s=snn_s, snn_articles_per_cpu_s=snn_read / snn_cpu if snn_cpu else 0.0,
                  wall_s=wall, cpu_s=cpu, baseline_s=base_wall))
    return 0


if __name__ == "__main__":
    sys.exit(main())
