"""Entity benchmark: the extractor's actor and place mentions scored on ANERcorp's training split (exact spans).

    .venv/bin/python bench/anercorp.py                  # micro P/R/F1 over PERS, LOC, ORG, and per type
    .venv/bin/python bench/anercorp.py --errors 40      # also some misses and extras, to read (never to copy)
    .venv/bin/python bench/anercorp.py --whole          # the whole analysis, as the export gives it

ANERcorp (Benajiba et al. 2007; CAMeL Lab split, Obeid et al. 2020) is research-only: it is read in place from
../shared/corpora/anercorp and nothing of it enters the repository. Its test split is the maintainers'
yardstick and is not here.

How the extractor's output is mapped onto the corpus: the corpus's tokens are joined by spaces, a run of
`--chunk` sentences at a time (roughly an article: a person named once is recognised by surname later), and
`find_entities` runs on that text. Each mention covers the corpus tokens its characters touch (a proclitic
stripped by the matcher, بسوريا, still lies in the tagged token). Its type: a place → LOC; an actor by kind:
person → PERS; organisation, media, armed group, team, government, military, and a state that is not also read
as a place at the same words → ORG. A state at the same words as a place is the place (ANERcorp tags countries
LOC), and so is a national team (أمام فرنسا، منتخب فنلندا: LOC at the country's name, without منتخب); a region
opened by a direction word is tagged at the name after it (شمال أفريقيا → أفريقيا), an outlet or a club at its
name without the head word (صحيفة هآرتس → هآرتس، نادي النصر → النصر). MISC is not scored. A mention counts when its type and first and last token equal a gold entity's.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python bench/x.py` puts bench/ on the path, not the project
    sys.path.insert(0, str(ROOT))

from lib import lexicons  # noqa: E402
from lib.extract.analyse import analyse  # noqa: E402
from lib.extract.entities import find_entities  # noqa: E402
from lib.extract.lookup import Found  # noqa: E402
from lib.records import Entity  # noqa: E402
from lib.text.normalize import fold  # noqa: E402

TRAIN = ROOT.parent / "shared" / "corpora" / "anercorp" / "ANERCorp_CamelLab_train.approx.txt"
TYPES = ("PERS", "LOC", "ORG")
# Words before a name that the corpus leaves outside its entity (شمال أفريقيا, منتخب فنلندا): the mapping's
# conventions, not the extractor's (whose regions and teams keep them).
_DIRECTIONS = frozenset(fold(w) for w in ("شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي",
                                          "بشمال", "بجنوب", "بشرق", "بغرب", "لشمال", "لجنوب", "وشمال", "وجنوب"))
_OUTLET_HEADS = frozenset(fold(w) for w in ("صحيفة", "جريدة", "وكالة", "قناة", "مجلة", "إذاعة", "نادي", "فريق"))
_TEAM_WORDS = frozenset(fold(w) for w in ("منتخب", "المنتخب", "لمنتخب", "للمنتخب", "ومنتخب", "بمنتخب"))
ACTOR_TYPE = {"person": "PERS"}  # every other actor kind is an organisation of some sort


def read_sentences(path: Path) -> list[list[tuple[str, str]]]:
    """The corpus as sentences of (word, IOB tag); a few words hold a space, so the tag is after the last one."""
    sentences: list[list[tuple[str, str]]] = [[]]
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            if sentences[-1]:
                sentences.append([])
            continue
        word, _, tag = line.rstrip().rpartition(" ")
        if not word or not (tag == "O" or tag[:2] in ("B-", "I-")):
            raise SystemExit(f"{path}:{n}: not a 'word TAG' line: {line!r}")
        sentences[-1].append((word, tag))
    return [s for s in sentences if s]


def gold_spans(tags: list[str]) -> set[tuple[str, int, int]]:
    """(type, first token, last token) of every PERS/LOC/ORG entity in IOB tags (an I- after O opens one)."""
    spans, open_ = set(), None
    for i, tag in enumerate(tags + ["O"]):
        kind = tag[2:] if tag != "O" else None
        if open_ and (tag == "O" or tag.startswith("B-") or kind != open_[0]):
            if open_[0] in TYPES:
                spans.add((open_[0], open_[1], i - 1))
            open_ = None
        if kind and open_ is None:
            open_ = (kind, i)
    return spans


def _whole_analysis(text: str, lex) -> Found:
    """The mentions the article export gives (`analyse`: the entity finder's and the speakers' people), as a
    Found; the text is given a title so that no line of it is taken for one."""
    art = analyse(text, {"title": "ANERcorp"}, lex=lex)
    if art.body != text.strip():
        return find_entities(text, lex=lex)  # the cleaning dropped a line: offsets would not match
    entities = {eid: Entity(eid, "place" if eid in art.places else "actor", r["name"], r["name_ar"] or "", r["kind"])
                for eid, r in {**art.actors, **art.places}.items()}
    return SimpleNamespace(mentions=art.mentions, entities=entities)


def predicted_spans(words: list[str], lex, whole: bool = False) -> set[tuple[str, int, int]]:
    """The extractor's mentions in the words joined by spaces, as (type, first token, last token)."""
    text, starts = "", []
    for w in words:
        starts.append(len(text))
        text += w + " "
    ends = [s + len(w) for s, w in zip(starts, words)]
    found = _whole_analysis(text, lex) if whole else find_entities(text, lex=lex)

    def token_at(pos: int) -> int:
        lo, hi = 0, len(starts) - 1
        while lo < hi:  # last token starting at or before pos
            mid = (lo + hi + 1) // 2
            if starts[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo

    by_span: dict[tuple[int, int], set[str]] = {}
    for m in found.mentions:
        first, last = token_at(m.start), token_at(max(m.start, m.end - 1))
        if m.end > ends[last] + 1:
            continue
        ent = found.entities[m.entity_id]
        kind = "LOC" if m.entity_type == "place" else ACTOR_TYPE.get(ent.kind, "ORG")
        if last > first and fold(words[first]) in _DIRECTIONS and m.entity_type == "place" and ent.kind == "region":
            first += 1  # شمال [أفريقيا]: the corpus tags the name after a direction, not the region
        if last > first and m.entity_type == "actor" and ent.kind in ("media", "team") \
                and (fold(words[first]) in _OUTLET_HEADS or fold(words[first])[1:] in _OUTLET_HEADS):
            first += 1  # صحيفة [هآرتس]، نادي [النصر]: the corpus tags an outlet's or a club's name without its head
        if ent.entity_id.startswith("team:national-"):
            kind = "LOC"  # أمام [فرنسا]، منتخب [فنلندا]: the corpus tags a country's name LOC whatever it stands for
            if last > first and fold(words[first]) in _TEAM_WORDS:
                first += 1
        by_span.setdefault((first, last), set()).add(kind)
    out = set()
    for (first, last), kinds in by_span.items():
        kind = "LOC" if "LOC" in kinds else ("PERS" if "PERS" in kinds else "ORG")
        out.add((kind, first, last))
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    """Score the extractor on ANERcorp's training split and print the figures (one name=value line last)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--chunk", type=int, default=20, help="sentences per text given to the extractor")
    ap.add_argument("--errors", type=int, default=0, help="print this many misses and extras of each type")
    ap.add_argument("--type", choices=TYPES, help="only list errors of this type")
    ap.add_argument("--whole", action="store_true",
                    help="score the whole analysis (as the --jsonl export gives it: speakers' people too), "
                         "not the entity finder alone")
    args = ap.parse_args(argv)
    if not TRAIN.exists():
        sys.exit(f"ANERcorp's training split is not at {TRAIN}: nothing to measure")
    lex = lexicons.default()
    sentences = read_sentences(TRAIN)
    tally = {t: Counter() for t in TYPES}
    misses: list[str] = []
    extras: list[str] = []
    t0 = time.perf_counter()
    for c in range(0, len(sentences), args.chunk):
        words = [w for s in sentences[c:c + args.chunk] for w, _ in s]
        tags = [t for s in sentences[c:c + args.chunk] for _, t in s]
        gold, pred = gold_spans(tags), predicted_spans(words, lex, args.whole)
        for kind, first, last in pred:
            ok = (kind, first, last) in gold
            tally[kind]["tp" if ok else "fp"] += 1
            if not ok and (args.type in (None, kind)):
                ctx = " ".join(words[max(0, first - 4):first] + ["["] + words[first:last + 1] + ["]"]
                               + words[last + 1:last + 4])
                g = next((f"{k}" for k, a, b in gold if a <= last and b >= first), "O")
                extras.append(f"extra {kind} (gold {g}): {ctx}")
        for kind, first, last in gold - pred:
            tally[kind]["fn"] += 1
            if args.type in (None, kind):
                ctx = " ".join(words[max(0, first - 4):first] + ["["] + words[first:last + 1] + ["]"]
                               + words[last + 1:last + 4])
                misses.append(f"miss {kind}: {ctx}")
    secs = time.perf_counter() - t0
    if args.errors:
        step_m = max(1, len(misses) // args.errors)
        step_e = max(1, len(extras) // args.errors)
        print("\n".join(misses[::step_m][:args.errors] + extras[::step_e][:args.errors]))
    total = Counter()
    for kind in TYPES:
        total.update(tally[kind])
        p, r, f = prf(tally[kind]["tp"], tally[kind]["fp"], tally[kind]["fn"])
        print(f"{kind:5s} P={p:.3f} R={r:.3f} F1={f:.3f} (tp={tally[kind]['tp']} fp={tally[kind]['fp']} "
              f"fn={tally[kind]['fn']})")
    p, r, f = prf(total["tp"], total["fp"], total["fn"])
    per = " ".join(f"{k.lower()}_f1={prf(tally[k]['tp'], tally[k]['fp'], tally[k]['fn'])[2]:.3f}" for k in TYPES)
    print(f"micro_p={p:.3f} micro_r={r:.3f} micro_f1={f:.3f} {per} sentences={len(sentences)} seconds={secs:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
