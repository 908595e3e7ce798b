"""Speakers on a random slice of the archive: how many statements have a bare noun, a junk word or a second
name for a well-known speaker as their speaker.

    .venv/bin/python bench/speakers.py [--seed 7] [--articles 4000] [--workers 2] [--show 30]

Draws --articles random articles (seeded reservoir sample, texts of 300 characters or more, as
../shared/eval/audit.py does) from all of SaudiNewsNet and ANT v2.1 (every category), runs the analysis on
them, and counts the statements whose speaker is
- a bare noun (البيان، الوزارة، الشركة …: the article usually says whose), with a lexicon or name key;
- (title_pct, bare_any_pct) a title speaking, or a lone bare noun of any kind, an unnamed source included;
- junk: a word that names nobody (a time, a place, a pronoun, an honorific, a nisba adjective), or a name
  carrying a preposition or extra words (سكوتلاند للصحافيين);
- a second name: a speaker without the lexicon's id whose name is one of a lexicon actor's names through a
  clitic or a spelling variant (لبي بي سي, بوتن), or two keys in one article for one person.
The checks here are the bench's own (not the extractor's lists), so the figures can see what the lists miss.
Prints the commonest speakers of each class, then one line of name=value figures. The sample is cached under
/tmp/rasd-bench (the corpora are read in place and never copied into the repository).
"""
from __future__ import annotations

import argparse
import collections
import multiprocessing
import sys

from measure import figures, need_corpora, random_articles, timed

from lib import lexicons
from lib.corpus.importer import analyse_raw
from lib.corpus.readers import RawArticle
from lib.text.normalize import fold
from lib.text.tokens import clitic_keys


# Bare nouns: a body or a document named by its kind alone (the bench's own list).
BARE = {fold(w) for w in """البيان التقرير الوزارة الشركة الصحيفة الهيئة المجلس الجمعية الوكالة المنظمة الدراسة
    الرسالة الإدارة المؤسسة الجامعة المحكمة الرئاسة اللجنة النادي الاتحاد المركز البنك المصرف الحزب الحركة الجماعة
    الجبهة الشرطة الصحيفة المجلة القناة الموقع الأمانة البلدية الإمارة المديرية الجهاز المكتب الفريق المنتخب
    المستشفى الدائرة القيادة الحكومة الوزير الرئيس المتحدث الناطق المسؤول البحث الاستطلاع المسح الصندوق
    السفارة القنصلية النيابة الادعاء الجريدة الإذاعة التلفزيون البرلمان الكونغرس الائتلاف المرصد المعهد
    الكلية الأكاديمية الرابطة النقابة الغرفة""".split()}
# Words that name nobody when they stand alone as a speaker (the bench's own list).
JUNK = {fold(w) for w in """وقت سابق البعض بعض اسمه لي له لها لهم هو هي هم نحن أنا معالي سعادة فخامة سمو سماحة تعالى
    الله أمس اليوم غدا الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد الأسبوع الشهر العام يوم ليلة حين
    عندما بينما كما أيضا ذلك هذا هذه الذي التي الذين ما من عن في إلى مع آل بن الأخير الأخيرة الأول الثاني
    الجانب الطرف الآخر الطرفين""".split()}
TIME = {fold(w) for w in "أمس اليوم غدا الاثنين الثلاثاء الأربعاء الخميس السبت الأحد".split()}
# A word glued to a preposition that says who was spoken to (للصحافيين، لوكالة، لصحيفة …).
ADDRESSEE = {fold(w) for w in "صحيفة وكالة قناة موقع شبكة مراسل مراسلة تلفزيون إذاعة راديو مجلة جريدة".split()}
ADDRESSEE_DEFINITE = {fold(w) for w in "الصحافيين الصحفيين الصحافة الإعلام".split()}
PREPOSITIONS = {fold(w) for w in "في عبر خلال على عن إلى من مع أمام لدى".split()}
WELL_KNOWN = ("vladimir-putin", "bbc", "sohr", "reuters", "afp", "united-nations", "rami-abdulrahman", "ap",
              "donald-trump", "cnn", "sana", "anadolu")

def _statements(raw: RawArticle) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    art = analyse_raw(raw)
    if not hasattr(art, "statements"):
        return []
    return [(raw.name, s.speaker, s.speaker_ar, s.speaker_id, s.speaker_kind) for s in art.statements]


def _stem(word: str) -> str:
    """A folded word without its conjunction and preposition (لبي → بي is not done: too short to tell)."""
    keys = clitic_keys(word)
    return keys[-1]


def _demonym(word: str, place_forms: frozenset[str]) -> bool:
    """الروسي، الأمريكية: a nisba adjective of a place the gazetteer knows (not a family name like القحطاني)."""
    if not word.startswith("ال") or not word.endswith(("ي", "يه")) or len(word) < 5:
        return False
    stem = word[2:].removesuffix("يه").removesuffix("ي")
    return any(f in place_forms for f in (stem, stem + "ا", stem + "يا", stem + "ه", "ال" + stem))


def classify(speaker: str | None, speaker_ar: str | None, speaker_id: str | None, kind: str | None,
             place_forms: frozenset[str]) -> str:
    """bare, junk, extra (a name carrying other words), place, or ok, by the bench's own tests."""
    if kind == "anonymous" and not speaker:
        return "ok"
    name = speaker_ar or speaker
    if not name:
        return "ok"
    words = fold(name).split()
    if speaker_id and not speaker_id.startswith(("person:", "name:")):
        return "ok"  # a lexicon actor
    if len(words) == 1 and (words[0] in BARE or _stem(words[0]) in BARE):
        return "bare"
    if len(words) == 1 and (words[0] in JUNK or _demonym(words[0], place_forms)):
        return "junk"  # البعض، الروسي
    if any(w in TIME for w in words):
        return "junk"  # سول الاثنين
    if len(words) == 1 and words[0] in place_forms:
        return "place"  # دافوس (or a capital standing for its government: طهران)
    last = words[-1]
    if len(words) > 1 and (last[:1] == "ل" and last[1:] in ADDRESSEE or last.startswith("لل") and
                           "ال" + last[2:] in ADDRESSEE_DEFINITE or last in PREPOSITIONS):
        return "extra"  # سكوتلاند للصحافيين، ماجد عبر
    if len(words) > 1 and any(w in PREPOSITIONS or w[:1] == "ل" and w[1:] in ADDRESSEE for w in words[1:]) \
            and kind == "person":
        return "extra"  # ماجد عبر حسابه
    return "ok"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--articles", type=int, default=4000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--show", type=int, default=25)
    args = ap.parse_args(argv)
    need_corpora()
    arts = random_articles(args.seed, args.articles)
    with timed() as t:
        if args.workers > 1:
            with multiprocessing.get_context("fork").Pool(args.workers) as pool:
                per = pool.map(_statements, arts, chunksize=16)
        else:
            per = [_statements(a) for a in arts]
    lex = lexicons.default()
    place_forms = frozenset(fold(f) for ent, forms in lex.places.values() if ent.kind != "country" for f in forms)
    actor_forms: dict[str, str] = {}
    for aid, (ent, forms) in lex.actors.items():
        for f in forms:
            actor_forms[fold(f)] = aid
    counts = collections.Counter()
    by_class: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    names_of: dict[str, set[str]] = collections.defaultdict(set)
    split = collections.Counter()
    unknown = collections.Counter()
    for rows in per:
        keys_here: dict[str, str] = {}
        for _name, speaker, speaker_ar, sid, kind in rows:
            counts["statements"] += 1
            cls = classify(speaker, speaker_ar, sid, kind, place_forms)
            counts[cls] += 1
            # generic speakers of any kind: a title (وزير التعليم) or a lone bare noun kept as an unnamed source
            # (الوزارة): the article may or may not name who they are (the judged audits tell which)
            words = fold(speaker_ar or speaker or "").split()
            if kind == "title":
                counts["title"] += 1
            elif len(words) == 1 and (words[0] in BARE or _stem(words[0]) in BARE):
                counts["bare_any"] += 1
            label = speaker_ar or speaker or ""
            by_class[cls][label] += 1
            if cls == "ok" and (not sid or sid.startswith(("person:", "name:"))):
                unknown[label] += 1
            if sid:
                names_of[sid].add(label)
            # a second name for a lexicon actor: its name through a clitic or a dropped letter
            if label and (not sid or sid.startswith(("person:", "name:"))):
                key = fold(label)
                bare = " ".join([_stem(key.split()[0])] + key.split()[1:])
                for k in {key, bare, key[1:] if key[:1] in "لبو" else key}:
                    if k in actor_forms:
                        split[f"{actor_forms[k]} as {label} ({kind}, {sid})"] += 1
                        counts["second_name"] += 1
                        break
            if label and sid and sid.startswith("person:"):
                surname = fold(label).split()[-1]
                other = keys_here.get(surname)
                if other and other != sid and not (other.startswith("person:") and sid.startswith("person:")
                                                   and len(surname) < 4):
                    split[f"{other} / {sid}"] += 1
                    counts["second_name"] += 1
                keys_here.setdefault(surname, sid)
    n = counts["statements"] or 1
    print(f"articles={len(arts)} statements={counts['statements']} analysis {t.wall:.1f} s wall")
    for cls in ("bare", "junk", "extra", "place"):
        print(f"\n## {cls}: {counts[cls]} ({100 * counts[cls] / n:.2f} %)")
        for label, c in by_class[cls].most_common(args.show):
            print(f"  {c:4d}  {label}")
    print(f"\n## second names: {counts['second_name']}")
    for label, c in split.most_common(args.show):
        print(f"  {c:4d}  {label}")
    print("\n## well-known speakers and the names they carry")
    for aid in WELL_KNOWN:
        if names_of.get(aid):
            print(f"  {aid}: {' | '.join(sorted(names_of[aid]))}")
    print("\n## commonest speakers without a lexicon id")
    for label, c in unknown.most_common(args.show * 2):
        print(f"  {c:4d}  {label}")
    print(figures(articles=len(arts), statements=counts["statements"], bare_pct=100 * counts["bare"] / n,
                  junk_pct=100 * counts["junk"] / n,
                  extra_pct=100 * counts["extra"] / n, place_pct=100 * counts["place"] / n, second_names=counts["second_name"],
                  title_pct=100 * counts["title"] / n, bare_any_pct=100 * counts["bare_any"] / n,
                  unknown_pct=100 * sum(c for l, c in by_class["ok"].items() if not l) / n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
