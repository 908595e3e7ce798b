"""Word tokens of an Arabic text with offsets, and the clitic-stripped keys used to look them up."""
from __future__ import annotations

import re
from typing import NamedTuple
from functools import lru_cache

from lib.text.normalize import fold, has_dropped_marks

# A word: letters and digits plus the Arabic marks and tatweel that sit inside words.
_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+")


class Token(NamedTuple):
    """One word of the text: where it stands and its folded form (a tuple: millions are made)."""

    start: int
    end: int
    key: str  # folded


def tokenize(text: str) -> list[Token]:
    """Words of a text with character offsets; tatweel-only runs (بـ) keep their letter."""
    matches = list(_WORD.finditer(text))
    if not has_dropped_marks(text):
        # Folding keeps every character here, so one pass over the whole text gives every key.
        folded = fold(text)
        return [Token(m.start(), m.end(), folded[m.start():m.end()]) for m in matches]
    # Fold all words in one call; a word of marks alone (ـ) folds to nothing and is left out.
    keys = fold("\x00".join(m.group() for m in matches)).split("\x00")
    return [Token(m.start(), m.end(), key) for m, key in zip(matches, keys) if key]


@lru_cache(maxsize=200_000)
def clitic_keys(key: str) -> tuple[str, ...]:
    """The word and its readings without the proclitics و، ف، ب، ل، ك (للرقة → الرقة), most literal first."""
    keys = [key]
    stems = [key]
    if len(key) > 3 and key[0] in "وف":
        stems.append(key[1:])
    for stem in list(stems):
        if len(stem) > 3 and stem.startswith("لل"):
            stems.append("ال" + stem[2:])
        elif len(stem) > 3 and stem[0] in "بلك":
            stems.append(stem[1:])
    for stem in stems:
        if stem not in keys:
            keys.append(stem)
    return tuple(keys)


def gap_is_space(text: str, end: int, start: int) -> bool:
    """True when only spaces separate two tokens (no punctuation, no line break)."""
    return not text[end:start].strip(" \t\u00a0\u200f\u200e")


class Vocabulary:
    """Folded words that a text word matches through its proclitics (بالأمس → الأمس), answers cached per word."""

    def __init__(self, words: frozenset[str] | set[str]):
        self.words = frozenset(words)
        self._memo: dict[str, bool] = {}

    def positions(self, tokens: list[Token]) -> list[int]:
        """Indices of the tokens that match."""
        return candidates(tokens, self._memo, lambda key: any(k in self.words for k in clitic_keys(key)))

    def match(self, key: str) -> bool:
        """Does the word, or its reading without proclitics, belong to the vocabulary?"""
        hit = self._memo.get(key)
        if hit is None:
            hit = self._memo[key] = any(k in self.words for k in clitic_keys(key))
        return hit


def candidates(tokens: list[Token], memo: dict[str, bool], test) -> list[int]:
    """Indices of the tokens whose word passes test; answers are memoised per word (most words repeat)."""
    out = []
    get = memo.get
    for i, t in enumerate(tokens):
        hit = get(t.key)
        if hit is None:
            hit = memo[t.key] = bool(test(t.key))
        if hit:
            out.append(i)
    return out
