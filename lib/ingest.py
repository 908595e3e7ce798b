"""The command line: export what the extraction finds, or add articles to the store.

    python -m lib.ingest --jsonl PATH...     print one JSON object per article (../shared/eval/CONTRACT.md)
    python -m lib.ingest --add PATH...       add articles (files, folders, archives) to the store

Both read every input through the same readers (lib.corpus.readers). The store is --store DIR, else
$RASD_STORE, else data/store. With --add, the analysis runs on a local Dask cluster of --workers processes, or
on the existing Dask cluster at --scheduler ADDRESS; the store is written by this process. Exit status: 0 when
every input was read (skipped items are warnings), 1 when some input failed (each is listed), 2 for a usage
error, 3 when the store cannot be written, 4 when the Dask cluster cannot be started or reached or its workers
run other Rasd code.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from lib.corpus.cluster import ClusterError
from lib.corpus.export import export_paths
from lib.corpus.importer import default_workers, import_paths
from lib.corpus.readers import MappingError, parse_mapping
from lib.corpus.store import StoreError, choose_store
from lib.records import Issue

EXIT_FAILED, EXIT_USAGE, EXIT_STORE, EXIT_CLUSTER = 1, 2, 3, 4


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    ap = argparse.ArgumentParser(prog="python -m lib.ingest", description=__doc__.split("\n\n")[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--jsonl", nargs="+", metavar="PATH", help="print one JSON object per article")
    mode.add_argument("--add", nargs="+", metavar="PATH",
                      help="add articles to the store: .txt (+ .json sidecar), .html, .json, .jsonl, .csv, TREC "
                           ".xml, .zip and .tar.gz archives of these, and folders")
    ap.add_argument("--store", default=None, help="store folder (default: $RASD_STORE, else data/store)")
    ap.add_argument("--map", action="append", default=[], metavar="ROLE=FIELD",
                    help="which JSON/CSV field holds a role (text, title, published, url, source), e.g. "
                         "--map text=article_body --map published=pub_date; repeatable")
    add = ap.add_argument_group("--add options")
    add.add_argument("--workers", type=int, default=None, metavar="N",
                     help="processes of the local Dask cluster analysing articles (default: the CPU cores, at "
                          "most 8; 1 = none, analysed in this process)")
    add.add_argument("--scheduler", default=None, metavar="ADDRESS",
                     help="analyse on the existing Dask cluster at ADDRESS (e.g. tcp://10.0.0.5:8786) instead of "
                          "local workers; its workers need this checkout (code and data/) installed")
    add.add_argument("--limit", type=int, default=None, metavar="N", help="stop after N articles")
    add.add_argument("--progress-every", type=int, default=500, metavar="N",
                     help="print a progress line to stderr every N articles (default 500; 0 = never)")
    args = ap.parse_args(argv)
    try:
        mapping = parse_mapping(args.map)
    except MappingError as exc:
        ap.error(str(exc))
    if args.jsonl:
        if args.workers is not None or args.limit is not None or args.store or args.scheduler:
            ap.error("--store, --workers, --scheduler and --limit apply to --add only")
        return _export(args.jsonl, mapping)
    if args.scheduler and args.workers is not None:
        ap.error("--workers starts a local cluster; with --scheduler the cluster's own workers analyse")
    store = choose_store(args.store)
    workers = default_workers() if args.workers is None else max(1, args.workers)
    try:
        report = import_paths([Path(p) for p in args.add], store_dir=store, mapping=mapping, workers=workers,
                              limit=args.limit, progress=_progress_printer(args.progress_every),
                              scheduler=args.scheduler)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_STORE
    except ClusterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_CLUSTER
    print(f"store: {store}")
    print(report.summary())
    return 0 if not report.failed else EXIT_FAILED


def _export(paths: list[str], mapping: dict[str, str]) -> int:
    """Print the export of every path; warnings go to stderr."""
    status = 0
    for rec in export_paths([Path(p) for p in paths], mapping):
        if isinstance(rec, Issue):
            print(f"warning: {rec}", file=sys.stderr)
            continue
        if "error" in rec:
            status = EXIT_FAILED
        print(json.dumps(rec, ensure_ascii=False), flush=True)
    return status


def _progress_printer(every: int):
    """A progress callback that prints one line to stderr every `every` articles."""
    if every <= 0:
        return None
    start = time.monotonic()

    def show(done: int, total: int | None, name: str) -> None:
        if done % every == 0:
            secs = time.monotonic() - start
            of = f"/{total}" if total else ""
            print(f"… {done}{of} articles, {done / secs if secs else 0:,.0f}/s, {secs:.0f} s: {name}",
                  file=sys.stderr, flush=True)
    return show


if __name__ == "__main__":
    sys.exit(main())
