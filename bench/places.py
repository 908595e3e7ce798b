"""Places without a location on a random slice of the archive: the share of distinct places found that carry
neither coordinates nor an area, and the commonest of them (what a curated village file should add first).

    .venv/bin/python bench/places.py [--seed 7] [--articles 5000] [--workers 2] [--show 40]

Draws --articles random articles (seeded reservoir sample, texts of 300 characters or more, as
../shared/eval/audit.py does) from all of SaudiNewsNet and ANT v2.1 (every category), runs the analysis on
them as the importer does, and counts distinct places by id (as the store keeps them): a place is located
when any article gives it coordinates, from the gazetteer or from the known place the text ties it to
(`coord_source` = `context`, an area). Also the share of place mentions without a location. The sample is
cached under /tmp/rasd-bench (the corpora are read in place and never copied into the repository).
"""
from __future__ import annotations

import argparse
import collections
import multiprocessing
import sys

from measure import figures, need_corpora, random_articles, timed

from lib.corpus.importer import analyse_raw
from lib.corpus.readers import RawArticle


def _places(raw: RawArticle) -> list[tuple[str, str, int, bool, str]]:
    """(place id, Arabic name, mentions, located, coordinate source) of each place the article names."""
    art = analyse_raw(raw)
    if not hasattr(art, "places"):
        return []
    return [(pid, p.get("name_ar") or p.get("name") or pid, p.get("mentions") or 0, p.get("lat") is not None,
             p.get("coord_source") or "") for pid, p in art.places.items()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--show", type=int, default=40)
    args = ap.parse_args(argv)
    need_corpora()
    arts = random_articles(args.seed, args.articles)
    with timed() as t:
        if args.workers > 1:
            with multiprocessing.get_context("fork").Pool(args.workers) as pool:
                per = pool.map(_places, arts, chunksize=16)
        else:
            per = [_places(a) for a in arts]
    located: dict[str, bool] = {}
    names: dict[str, str] = {}
    by_context: set[str] = set()
    mentions = collections.Counter()
    unlocated_mentions = collections.Counter()
    for rows in per:
        for pid, name, n, has, source in rows:
            located[pid] = located.get(pid, False) or has
            names.setdefault(pid, name)
            if source == "context":
                by_context.add(pid)
            mentions["all"] += n
            if not has:
                mentions["unlocated"] += n
                unlocated_mentions[pid] += n
    distinct = len(located) or 1
    unlocated = [pid for pid, has in located.items() if not has]
    print(f"articles={len(arts)} distinct places={len(located)} analysis {t.wall:.1f} s wall")
    print(f"\n## commonest places without a location ({len(unlocated)})")
    for pid, c in unlocated_mentions.most_common(args.show):
        if not located[pid]:
            print(f"  {c:4d}  {names[pid]}  ({pid})")
    print(figures(articles=len(arts), distinct_places=len(located), unlocated=len(unlocated),
                  unlocated_share=round(len(unlocated) / distinct, 3),
                  located_by_context=len(by_context - set(unlocated)),
                  unlocated_mention_share=round(mentions["unlocated"] / (mentions["all"] or 1), 3)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
