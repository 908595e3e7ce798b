"""Word tokens of an Arabic text with offsets, and the clitic-stripped keys used to look them up."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import accumulate, repeat
from typing import NamedTuple

from lib.text.normalize import drop_marks, fold, fold_keeping_offsets, mark_positions

# A word: letters and digits plus the Arabic marks and tatweel that sit inside words.
_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+")
# The same pattern captured: split() gives gap, word, gap, word … gap, all in C (no Match object per word).
_SPLIT = re.compile(f"({_WORD.pattern})")


class Token(NamedTuple):
    """One word of the text: where it stands and its folded form (a tuple: millions are made)."""

    start: int
    end: int
    key: str  # folded


_new = tuple.__new__


def tokenize(text: str) -> list[Token]:
    """Words of a text with character offsets; tatweel-only runs (بـ) keep their letter."""
    folded = fold_keeping_offsets(text)
    if len(folded) != len(text):  # a letter whose lower case is longer (İ): fold word by word
        keys = fold("\x00".join(m.group() for m in _WORD.finditer(text))).split("\x00")
        return [Token(m.start(), m.end(), key) for m, key in zip(_WORD.finditer(text), keys) if key]
    # A token per word of every article, built without a Python-level loop: the folded text keeps the text's
    # offsets and its word boundaries (folding maps letters to letters), so splitting it gives the keys, and
    # the running sum of the pieces' lengths gives where each word starts and ends. tuple.__new__ skips the
    # NamedTuple constructor's extra Python call.
    parts = _SPLIT.split(folded)
    offsets = list(accumulate(map(len, parts)))  # where each gap and each word ends
    tokens = list(map(_new, repeat(Token), zip(offsets[0::2], offsets[1::2], parts[1::2])))
    marks = mark_positions(text)
    if not marks:
        return tokens
    # Only the few words holding a diacritic or tatweel need their key refolded; a word of marks alone goes.
    starts = [t.start for t in tokens]
    empty = []
    for i in sorted({bisect.bisect_right(starts, pos) - 1 for pos in marks}):
        if i >= 0 and tokens[i].end > marks[0]:
            key = drop_marks(tokens[i].key)
            if not key:
                empty.append(i)
            elif key != tokens[i].key:
                tokens[i] = _new(Token, (tokens[i].start, tokens[i].end, key))
    for i in reversed(empty):
        del tokens[i]
    return tokens


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


def proclitic_forms(word: str) -> list[str]:
    """Every written word whose `clitic_keys` include `word` (وword، بword، وبword، and للx for الx …): a table of
    these answers a text word with one look-up in a small dict, where a memo of every word read grows with the
    corpus and most of its look-ups miss the CPU cache."""
    stems = [word, *(p + word for p in "بلك")]
    if word.startswith("ال"):
        stems.append("لل" + word[2:])
    written = stems + [c + s for c in "وف" for s in stems]
    return [k for k in dict.fromkeys(written) if word in clitic_keys(k)]


def gap_is_space(text: str, end: int, start: int) -> bool:
    """True when only spaces separate two tokens (no punctuation, no line break)."""
    # most gaps are one space: answered without slicing (hundreds of calls per article)
    return start - end == 1 and text[end] == " " or not text[end:start].strip(" \t\u00a0\u200f\u200e")


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
