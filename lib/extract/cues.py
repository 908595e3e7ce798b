"""Reporting cues in a text: speech verbs, participles, attributions (بحسب) and the words that open content."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count
from operator import itemgetter

from lib import lexicons
from lib.lexicons import Lexicons
from lib.text.tokens import Token, gap_is_space

_KEY = itemgetter(2)  # Token.key

# The complementiser that opens reported content: أن/إن/بأن, bare or with a pronoun (أنه، إنها، بأنهم …).
_COMPLEMENTISERS = frozenset(
    p + "ان" + s for p in ("", "ب") for s in ("", "ه", "ها", "هم", "هما", "هن", "نا", "ني", "ك")
)


@dataclass(frozen=True)
class Cue:
    """A reporting cue found in the text."""

    start: int
    end: int
    first_token: int
    last_token: int  # inclusive
    form: str  # folded lexicon form
    kind: str  # verb, participle, attribution, passive, aside
    takes: str  # clause or any
    written: str


@lru_cache(maxsize=4)
def _cue_table(*, lex: Lexicons) -> tuple[dict[tuple[str, ...], tuple[str, str, str]], int]:
    table = {}
    for form, (kind, takes) in lex.speech_cues.items():
        table[tuple(form.split())] = (form, kind, takes)
    return table, max((len(k) for k in table), default=1)


@lru_cache(maxsize=4)
def _cue_lengths(*, lex: Lexicons) -> dict[str, tuple[int, ...]]:
    """First word of a cue form → the lengths of the forms it opens, longest first (most: just 1)."""
    out: dict[str, set[int]] = {}
    for key in _cue_table(lex=lex)[0]:
        out.setdefault(key[0], set()).add(len(key))
    return {k: tuple(sorted(v, reverse=True)) for k, v in out.items()}


def _stems(key: str) -> list[str]:
    """A cue word, and the same word without its conjunction (و، ف)."""
    out = [key]
    if len(key) > 3 and key[0] in "وف":
        out.append(key[1:])
    return out


@lru_cache(maxsize=4)
def _cue_openers(*, lex: Lexicons) -> frozenset[str]:
    """Every written word that can open a cue: a first word, bare or after و / ف (as `_stems` reads them), less
    the words listed as never opening one."""
    firsts = _cue_firsts(lex=lex)
    return (firsts | frozenset(c + f for f in firsts if len(f) >= 3 for c in "وف")) - lex.function_words["not_a_cue"]


@lru_cache(maxsize=4)
def _cue_firsts(*, lex: Lexicons) -> frozenset[str]:
    """First words of every cue form (built once, not per new word)."""
    return frozenset(k[0] for k in _cue_table(lex=lex)[0])


def find_cues(text: str, tokens: list[Token], *, lex: Lexicons | None = None) -> list[Cue]:
    """Every reporting cue, in text order."""
    lex = lex or lexicons.default()
    table = _cue_table(lex=lex)[0]
    lengths = _cue_lengths(lex=lex)
    openers = _cue_openers(lex=lex)
    cues, after = [], 0
    # few words can open a cue: found in C (map, compress), not with a Python step per token
    for i in list(compress(count(), map(openers.__contains__, map(_KEY, tokens)))):
        if i < after:
            continue  # inside the previous cue
        hit = None
        stems = _stems(tokens[i].key)
        for n in sorted({n for stem in stems for n in lengths.get(stem, ())}, reverse=True):
            if i + n > len(tokens):
                continue
            if n > 1 and not all(gap_is_space(text, tokens[j].end, tokens[j + 1].start) or
                                 text[tokens[j].end:tokens[j + 1].start].strip() == "ـ"
                                 for j in range(i, i + n - 1)):
                continue
            rest = tuple(t.key for t in tokens[i + 1:i + n])
            for stem in stems:
                entry = table.get((stem,) + rest)
                if entry:
                    hit = (n, entry)
                    break
            if hit:
                break
        if hit:
            n, (form, kind, takes) = hit
            start, end = tokens[i].start, tokens[i + n - 1].end
            cues.append(Cue(start, end, i, i + n - 1, form, kind, takes, text[start:end]))
            after = i + n
    return cues


def is_complementiser(tokens: list[Token], i: int, *, lex: Lexicons) -> bool:
    """Is token i a reporting أن/إن (not بعد أن، قبل أن …)?"""
    if tokens[i].key not in _COMPLEMENTISERS:
        return False
    prev = tokens[i - 1].key if i else ""
    return prev not in lex.function_words["not_reporting_before"]


def is_saying_noun(key: str, *, lex: Lexicons) -> bool:
    """Does this word open content like a colon (للقول، قوله)?"""
    return key in lex.function_words["saying_noun"]
