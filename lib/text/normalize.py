"""Arabic text normalisation for matching: the text users see is never changed, only its matching key."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Diacritics (tashkeel), Quranic marks, superscript alef and tatweel carry no lexical meaning for matching.
_DROP = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",  # hamza forms of alef
    "ى": "ي", "ئ": "ي",  # alef maqsura / ya with hamza written as ya
    "ة": "ه",  # ta marbuta written as ha
    "ؤ": "و",
    "ڤ": "ف", "گ": "ك", "ک": "ك", "ی": "ي", "ھ": "ه",  # Persian/Kurdish letters in transliterated names
})


def _presentation_forms() -> dict[int, str]:
    """Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF: the shaped letters and lam-alef ligatures some
    pages and PDFs carry) → the folded letters they stand for; a mark's form → '' (dropped like the mark)."""
    table: dict[int, str] = {}
    for cp in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
        plain = unicodedata.normalize("NFKC", chr(cp)).strip()
        if plain == chr(cp) or not plain or len(plain) > 2 or not all("\u0600" <= c <= "\u06ff" for c in plain):
            continue  # not a presentation form, or a long ligature (ﷺ) that stands for a phrase
        table[cp] = _DROP.sub("", plain).translate(_FOLD)
    return table


_PRESENTATION = _presentation_forms()
_HAS_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]").search


def fold_char(ch: str) -> str:
    """Fold one character; returns '' for characters that matching ignores."""
    if _DROP.match(ch):
        return ""
    return ch.translate(_PRESENTATION).translate(_FOLD).lower()


_PAIRS = tuple((chr(k), v) for k, v in _FOLD.items())


# `fold` in one table: each letter fold_keeping_offsets replaces, and each character _DROP drops (→ None).
_FOLD_AND_DROP = {**_FOLD, **dict.fromkeys(map(ord, _DROP.findall("".join(map(chr, range(0x10000)))))),
                  **_PRESENTATION}
_SHORT = 40  # characters: below this a word or a name is folded through the table


def fold(text: str) -> str:
    """Matching key of a text: spelling variants folded, diacritics and tatweel dropped, Latin lowered."""
    if len(text) < _SHORT:
        return _fold_short(text)
    # str.replace per letter is far faster than str.translate on Arabic text (a fast scan each)
    return fold_keeping_offsets(_DROP.sub("", text))


@lru_cache(maxsize=1 << 16)
def _fold_short(text: str) -> str:
    """`fold` of a word or a name (tens of calls per article, most of them repeats, hence the cache): one
    str.translate instead of a regular expression and fifteen scans; none of the letters folded to is itself
    folded or dropped, so the result is the same."""
    return text.translate(_FOLD_AND_DROP).lower()


def fold_keeping_offsets(text: str) -> str:
    """`fold` without dropping diacritics and tatweel: one character for each (unless lower case lengthens one,
    or a presentation-form ligature stands for two letters or a shaped mark for none: ﻻ → لا)."""
    if _HAS_PRESENTATION(text):
        text = text.translate(_PRESENTATION)
    for a, b in _PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text.lower()


def mark_positions(text: str) -> list[int]:
    """Offsets of the characters `fold` drops (diacritics, tatweel); most news text has none or a few."""
    return [m.start() for m in _DROP.finditer(text)]


def drop_marks(text: str) -> str:
    """The text without the characters `fold` drops."""
    return _DROP.sub("", text)


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold a text and map every folded character back to its offset in the original."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        f = fold_char(ch)
        for c in f:
            out.append(c)
            index.append(i)
    return "".join(out), index
