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


def _pair_directional(text: str, opener: str, closer: str) -> list[QuoteSpan]:
    """Nesting-aware pairing; an opener that never closes is dropped (its inner pairs are kept)."""
    spans, stack = [], []
    for m in re.finditer(f"[{opener}{closer}]", text):
        if m.group() == opener:
            stack.append(m.start())
        elif stack:
            spans.append(QuoteSpan(stack.pop(), m.start()))
    return spans


def _pair_straight(text: str) -> list[QuoteSpan]:
    """Straight double quotes pair up in order within a paragraph; an odd one out is ignored."""
    spans = []
    offset = 0
    for para in text.split("\n"):
        marks = [offset + m.start() for m in re.finditer('"', para)]
        for a, b in zip(marks[0::2], marks[1::2]):
            spans.append(QuoteSpan(a, b))
        offset += len(para) + 1
    return spans


def pair_quotes(text: str) -> list[QuoteSpan]:
    """Every quoted passage in the text, outermost and innermost alike, in order of opening."""
    spans = _pair_directional(text, "«", "»") + _pair_directional(text, "“", "”") + _pair_straight(text)
    return sorted(spans, key=lambda q: (q.open, -q.close))
