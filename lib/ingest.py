"""The command line: export what the extraction finds, add articles to the store, or check the store.

    python -m lib.ingest --jsonl PATH...     print one JSON object per article (../shared/eval/CONTRACT.md)
    python -m lib.ingest --add PATH...       add articles (files, folders, archives) to the store
    python -m lib.ingest --check             list the store's damaged batches (every part read)
    python -m lib.ingest --repair            move damaged batches aside to STORE/damaged/ (never deleted)

--jsonl and --add read every input through the same readers (lib.corpus.readers). The store is --store DIR,
else $RASD_STORE, else data/store. A damaged batch (a part missing, truncated or garbled, its manifest cut
short) is skipped by every reader with a warning naming it; --repair moves it aside with a list of the source
files of its articles, so they can be added again with --add.

With --add, the analysis runs on a local Dask cluster of --workers processes, or on the existing Dask cluster at
--scheduler ADDRESS; the store is written by this process.

Exit status: 0 when every input was read (skipped items are warnings) or the store is sound, 1 when some input
failed (each is listed), 2 for a usage error, 3 when the store cannot be written (found before any article is
analysed), 4 when --check finds damaged batches, 5 when the Dask cluster cannot be started or reached or its
workers run other Rasd code.
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
from lib.corpus.store import Store, StoreError, choose_store
from lib.records import Issue

EXIT_FAILED, EXIT_USAGE, EXIT_STORE, EXIT_DAMAGED, EXIT_CLUSTER = 1, 2, 3, 4, 5


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    ap = argparse.ArgumentParser(prog="python -m lib.ingest", description=__doc__.split("\n\n")[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--jsonl", nargs="+", metavar="PATH", help="print one JSON object per article")
    mode.add_argument("--add", nargs="+", metavar="PATH",
                      help="add articles to the store: .txt (+ .json sidecar), .html, .json, .jsonl, .csv, TREC "
                           ".xml, .zip and .tar.gz archives of these, and folders")
    mode.add_argument("--check", action="store_true",
                      help="read every part of the store and list damaged batches (exit 4 when there are any)")
    mode.add_argument("--repair", action="store_true",
                      help="move damaged batches aside to STORE/damaged/ (never deleted) and list the source "
                           "files of their articles, to add again")
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
    if args.scheduler and args.workers is not None:
        ap.error("--workers starts a local cluster; with --scheduler the cluster's own workers analyse")
    if args.jsonl:
        if args.workers is not None or args.limit is not None or args.store or args.scheduler:
            ap.error("--store, --workers, --scheduler and --limit apply to --add only")
        return _export(args.jsonl, mapping)
    store = choose_store(args.store)
    if args.check or args.repair:
        if args.workers is not None or args.scheduler or args.limit is not None or args.map:
            ap.error("--workers, --scheduler, --limit and --map apply to --add only")
        return _repair(store) if args.repair else _check(store)
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
    if report.store_error:
        print(f"error: {report.store_error}", file=sys.stderr)
        return EXIT_STORE
    return 0 if not report.failed else EXIT_FAILED


def _check(root: Path) -> int:
    """Print the store's damaged batches; 0 when there are none, 4 when there are."""
    print(f"store: {root}")
    if not root.exists():
        print("no store here yet (nothing to check)")
        return 0
    store = Store(root)
    damaged = store.check(deep=True)
    batches = store.batch_count()
    for damage in damaged:
        print(f"  damaged: {damage}")
    if not damaged:
        print(f"{batches} batch(es), none damaged")
        return 0
    print(f"{batches} batch(es), {len(damaged)} damaged: every reader skips them; "
          "`python -m lib.ingest --repair` moves them aside so their articles can be added again")
    return EXIT_DAMAGED


def _repair(root: Path) -> int:
    """Move the damaged batches aside and say which source files to add again; 3 when that fails."""
    print(f"store: {root}")
    if not root.exists():
        print("no store here yet (nothing to repair)")
        return 0
    try:
        moved = Store(root).repair()
    except OSError as exc:
        print(f"error: {root}: the store cannot be written ({exc.strerror or exc}); nothing more moved",
              file=sys.stderr)
        return EXIT_STORE
    if not moved:
        print("no damaged batch: nothing moved")
    for fix in moved:
        print(f"  moved aside: {fix.damage} → {fix.moved_to}")
        if fix.sources:
            shown = ", ".join(fix.sources[:5]) + (" …" if len(fix.sources) > 5 else "")
            print(f"    its articles came from {len(fix.sources)} source(s) (listed in "
                  f"{fix.moved_to / 'sources.txt'}): {shown}; add them again with --add")
        else:
            print("    its articles part is unreadable: add the files of that import again with --add "
                  "(articles still stored are skipped as duplicates)")
    return 0


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
