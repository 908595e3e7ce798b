"""How well the article topic (lib/extract/topics.py) agrees with the categories the ANT corpus's editors gave.

    .venv/bin/python bench/topics.py [--corpus v1|v2|both] [--limit N]

ANT v1.1 (JawharaFM, 2014–2017: culture, economy, politic, sport … ) was the development set the lexicon was
checked on; ANT v2.1 (five outlets, 2018) is held out. Categories map to topics where they name one (sport →
sport, economy → economy, culture → culture, politic → politics); the news folders (Middle East, international,
local, society, diverse) name none, so for them the script reports where they went — what matters to the
dashboard is that its default view (conflict and politics) keeps them and leaves sport, culture and economy out.
Prints a confusion table per corpus and one line of figures.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict

from measure import CORPORA, figures

from lib import lexicons
from lib.corpus.readers import read_paths
from lib.extract.analyse import analyse
from lib.records import RawArticle

CORPUS = {"v1": CORPORA / "ant" / "ant-v1.1-jawharafm.tar.gz", "v2": CORPORA / "ant" / "ant-v2.1-multisource.tar.gz"}
EXPECTED = {"sport": "sport", "economy": "economy", "culture": "culture", "politic": "politics"}
DEFAULT_VIEW = ("conflict", "politics")
TOPICS = ("conflict", "politics", "economy", "sport", "culture", "health", "other")


def classify(path, limit: int | None) -> dict[str, Counter]:
    """Topic counts per ANT category."""
    lex = lexicons.default()
    out: dict[str, Counter] = defaultdict(Counter)
    seen = 0
    for item in read_paths([path]):
        if not isinstance(item, RawArticle):
            continue
        category = item.meta.get("category") or "?"
        try:
            art = analyse(item.text, item.meta, item.name, lex)
        except ValueError:
            continue
        out[category][art.topic] += 1
        seen += 1
        if limit and seen >= limit:
            break
    return out


def report(name: str, table: dict[str, Counter]) -> dict[str, float]:
    """Print the confusion table; return precision/recall per mapped topic and the default view's figures."""
    print(f"\n{name}: category → topic (articles)")
    print(f"{'category':<20}" + "".join(f"{t:>10}" for t in TOPICS) + f"{'n':>8}")
    for category in sorted(table):
        row = table[category]
        print(f"{category:<20}" + "".join(f"{row.get(t, 0):>10}" for t in TOPICS) + f"{sum(row.values()):>8}")
    got: dict[str, float] = {}
    for category, topic in EXPECTED.items():
        if category not in table:
            continue
        hits = table[category][topic]
        predicted = sum(row[topic] for row in table.values())
        got[f"{topic}_recall"] = hits / max(1, sum(table[category].values()))
        # precision over the labelled categories only (the news folders may well hold sport or economy news)
        labelled = sum(table[c][topic] for c in EXPECTED if c in table)
        got[f"{topic}_precision"] = hits / max(1, labelled)
        del predicted
    off_topic = [c for c in ("sport", "culture", "economy") if c in table]
    leaked = sum(table[c][t] for c in off_topic for t in DEFAULT_VIEW)
    got["default_view_leak"] = leaked / max(1, sum(sum(table[c].values()) for c in off_topic))
    news = [c for c in ("middleEast", "internationalNews") if c in table]
    if news:
        kept = sum(table[c][t] for c in news for t in DEFAULT_VIEW)
        got["default_view_keeps_news"] = kept / max(1, sum(sum(table[c].values()) for c in news))
    for k, v in got.items():
        print(f"  {k}: {v:.3f}")
    return got


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", choices=["v1", "v2", "both"], default="both")
    ap.add_argument("--limit", type=int, default=None, help="articles per corpus")
    args = ap.parse_args(argv)
    names = ["v1", "v2"] if args.corpus == "both" else [args.corpus]
    line: dict[str, float] = {}
    for name in names:
        if not CORPUS[name].exists():
            sys.exit(f"{CORPUS[name]} is not there: nothing to measure")
        got = report(f"ANT {name}", classify(CORPUS[name], args.limit))
        line.update({f"{name}_{k}": v for k, v in got.items()})
    print(figures(**line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
