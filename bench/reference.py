"""A reference export for speed work: the `--jsonl` records of N articles spread over SaudiNewsNet and ANT.

    .venv/bin/python bench/reference.py --out /tmp/ref.jsonl            # before a change
    .venv/bin/python bench/reference.py --out /tmp/new.jsonl && cmp /tmp/ref.jsonl /tmp/new.jsonl

A change meant to make the extraction faster without changing what it finds must give the same file. The
articles are the first --per-zip of every SaudiNewsNet day and every --ant-every'th article of ANT v2.1's Middle
East and international news (about 2,000 articles by default). Reads ../shared/corpora in place.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys

from measure import ANT2, ant_items, need_corpora, snn_paths

from lib.corpus.export import export_record
from lib.corpus.importer import analyse_raw
from lib.corpus.readers import RawArticle, read_paths
from lib.records import Issue


def articles(per_zip: int, ant_every: int):
    """The spread of corpus records the reference is made of."""
    for path in snn_paths():
        yield from itertools.islice((r for r in read_paths([path]) if isinstance(r, RawArticle)), per_zip)
    ant = (r for r in ant_items(read_paths([ANT2])) if isinstance(r, RawArticle))
    yield from itertools.islice(ant, 0, None, ant_every)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="the JSON-lines file to write")
    ap.add_argument("--per-zip", type=int, default=80, help="articles from each SaudiNewsNet day (18 days)")
    ap.add_argument("--ant-every", type=int, default=25, help="one ANT article in this many")
    args = ap.parse_args(argv)
    need_corpora()
    n = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for raw in articles(args.per_zip, args.ant_every):
            result = analyse_raw(raw)
            rec = ({"source_file": result.name, "issue": str(result)} if isinstance(result, Issue)
                   else export_record(result))
            out.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    print(f"{n} articles → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
