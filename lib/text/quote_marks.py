"""Pairing of quotation marks: «…», “…” and "…", across paragraphs where the press lets a quote run on."""
from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted passage: offsets of its opening and closing marks."""

    open: int
    close: int

    @property
    def inner(self) -> tuple[int, int]:
        """Offsets of the quoted words, marks excluded."""
        return self.open + 1, self.close

    def words(self, text: str) -> int:
        """Number of words inside the marks."""
        return len(_WORD.findall(text[self.open + 1:self.close]))


_MARKS = {(o, c): re.compile(f"[{o}{c}]") for o, c in (("«", "»"), ("“", "”"))}
_STRAIGHT = re.compile('"')


def _pair_directional(text: str, opener: str, closer: str) -> list[QuoteSpan]:
    """Nesting-aware pairing; an opener that never closes is dropped (its inner pairs are kept)."""
    if opener not in text:
        return []  # most texts lack one kind of mark: no scan for it
    spans, stack = [], []
    for m in _MARKS[opener, closer].finditer(text):
        if m.group() == opener:
            stack.append(m.start())
        elif stack:
            spans.append(QuoteSpan(stack.pop(), m.start()))
    return spans


def _pair_straight(text: str) -> list[QuoteSpan]:
    """Straight double quotes pair up in order within a paragraph; an odd one out is ignored."""
    spans = []
    # one scan of the whole text (not one per paragraph): a mark pairs with the next one in its paragraph
    pending, para_end = -1, -1
    for m in _STRAIGHT.finditer(text):
        pos = m.start()
        if pending >= 0 and pos < para_end:
            spans.append(QuoteSpan(pending, pos))
            pending = -1
        else:
            pending = pos
            para_end = text.find("\n", pos)
            if para_end < 0:
                para_end = len(text)
    return spans


def pair_quotes(text: str) -> list[QuoteSpan]:
    """Every quoted passage in the text, outermost and innermost alike, in order of opening."""
    spans = _pair_directional(text, "«", "»") + _pair_directional(text, "“", "”") + _pair_straight(text)
    return sorted(spans, key=lambda q: (q.open, -q.close))
