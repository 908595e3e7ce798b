"""The topic of an article from its words (pure: title and tokens in, one topic out).

Topics: conflict (conflict and security), politics (politics and diplomacy), economy, sport, culture, health,
and other when no topic's words are frequent enough. Each word of data/lexicons/topics.tsv found in the body
(through proclitics and ال, spelling folded) adds its weight to its topic, at most MAX_PER_FORM times per form
(a long article repeating قوات is not more about war for it); a word in the title counts TITLE_WEIGHT times.
The actors the article names add to conflict (armed groups, armed forces) and politics (states,
governments, international bodies, the people of the actor lexicon: its politicians), once per actor and at
most MAX_ACTORS per kind. The topic with the highest score wins when it reaches MIN_SCORE.
"""
from __future__ import annotations

from collections import Counter
from weakref import WeakKeyDictionary

from lib.lexicons import Lexicons, bare
from lib.text.tokens import Token, clitic_keys, proclitic_forms, tokenize

OTHER = "other"
MAX_PER_FORM = 3
TITLE_WEIGHT = 3
MIN_SCORE = 4.0
# An actor of the lexicon, by kind: the topic it points to and the weight it adds.
ACTOR_KINDS = {"armed_group": ("conflict", 2.0), "military": ("conflict", 2.0), "government": ("politics", 2.0),
               "state": ("politics", 1.0), "organization": ("politics", 1.0), "person": ("politics", 1.0)}
MAX_ACTORS = 3

# Per loaded Lexicons: every written word that topics.tsv makes something of → (the form it is, or None; its bare
# readings when one opens a two-word form, else ()): most words are in no table and share one empty entry.
_TABLES: WeakKeyDictionary = WeakKeyDictionary()
_NOTHING: tuple[str | None, tuple[str, ...]] = (None, ())


def _entry(key: str, lex: Lexicons, firsts: frozenset[str]) -> tuple[str | None, tuple[str, ...]]:
    """(the topics.tsv form a folded word is behind its proclitics, its readings that open a two-word form)."""
    readings = _readings(key)
    hit = next((r for r in readings if r in lex.topic_words), None)
    opening = tuple(r for r in readings if r in firsts)
    return (hit, readings if opening else ()) if hit or opening else _NOTHING


def _written_entries(lex: Lexicons) -> dict[str, tuple[str | None, tuple[str, ...]]]:
    """`_entry` of every written word that has one: a form or a first word, with or without ال, under each of its
    proclitics (بالمباراه، وللحرب). A text word is answered by one look-up here, not by a memo of every word read
    (which grows with the corpus, and whose look-ups miss the CPU cache)."""
    table = _TABLES.get(lex)
    if table is None:
        firsts = frozenset(k.split()[0] for k in lex.topic_words if " " in k)
        bases = {w for k in lex.topic_words for w in (k, "ال" + k) if " " not in k} | firsts | {"ال" + f for f in firsts}
        table = _TABLES[lex] = {written: entry for base in sorted(bases) for written in proclitic_forms(base)
                                if (entry := _entry(written, lex, firsts)) is not _NOTHING}
    return table


def forms_found(tokens: list[Token], lex: Lexicons) -> Counter:
    """How often each form of topics.tsv occurs among the tokens (a two-word form takes its words)."""
    get = _written_entries(lex).get
    words = lex.topic_words
    entries = [get(t.key, _NOTHING) for t in tokens]
    found: Counter = Counter()
    skip = -1
    for i in [i for i, entry in enumerate(entries) if entry is not _NOTHING]:  # the few words of the tables
        if i <= skip:
            continue
        hit, readings = entries[i]
        if readings and i + 1 < len(tokens):
            after = entries[i + 1][1] or _readings(tokens[i + 1].key)
            pair = next((f"{r} {s}" for r in readings for s in after if f"{r} {s}" in words), None)
            if pair:
                found[pair] += 1
                skip = i + 1
                continue
        if hit:
            found[hit] += 1
    return found


def _readings(key: str) -> tuple[str, ...]:
    """The bare readings of a folded word behind its proclitics, literal first (بالمباراه → مباراه)."""
    return tuple(dict.fromkeys(bare(k) for k in clitic_keys(key)))


def topic_scores(title: str | None, tokens: list[Token], lex: Lexicons,
                 actor_kinds: Counter | None = None) -> dict[str, float]:
    """Each topic's score: the weights of its forms in the body (each form at most MAX_PER_FORM times) and
    in the title (TITLE_WEIGHT times), and of the actors named (`actor_kinds`: distinct actors per kind)."""
    scores: dict[str, float] = {}
    for kind, n in (actor_kinds or {}).items():
        if kind in ACTOR_KINDS:
            topic, weight = ACTOR_KINDS[kind]
            scores[topic] = scores.get(topic, 0.0) + weight * min(n, MAX_ACTORS)
    in_body = forms_found(tokens, lex)
    in_title = forms_found(tokenize(title), lex) if title else Counter()
    for form in in_body.keys() | in_title.keys():
        topic, weight = lex.topic_words[form]
        n = min(in_body.get(form, 0), MAX_PER_FORM) + TITLE_WEIGHT * min(in_title.get(form, 0), 1)
        scores[topic] = scores.get(topic, 0.0) + weight * n
    return scores


def article_topic(title: str | None, tokens: list[Token], lex: Lexicons,
                  actor_kinds: Counter | None = None) -> str:
    """The article's topic: the best-scoring one when it reaches MIN_SCORE, else 'other'."""
    scores = topic_scores(title, tokens, lex, actor_kinds)
    if not scores:
        return OTHER
    best = max(sorted(scores), key=scores.get)  # sorted first: a tie goes the same way every time
    return best if scores[best] >= MIN_SCORE else OTHER


def text_topic(text: str, title: str | None, lex: Lexicons) -> str:
    """`article_topic` of a plain text (tokenised here)."""
    return article_topic(title, tokenize(text), lex)

