"""An article's text as a reader sees it: boilerplate dropped, the title found, metadata dates read."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from lib import lexicons
from lib.lexicons import Lexicons
from lib.records import ArticleText
from lib.text.normalize import fold

_SENTENCE_END = re.compile(r"[.!?؟…]\s*$")
_WORDS = re.compile(r"\w+")


def normalize_date(value: object) -> str | None:
    """YYYY-MM-DD from a metadata date (2017-07-07, 2017-07-07T10:00:00, 2017/07/07), else None."""
    if not isinstance(value, str):
        return None
    m = re.match(r"\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})", value)
    if not m:
        return None
    try:
        return dt.date(*(int(g) for g in m.groups())).isoformat()
    except ValueError:
        return None  # 2017-02-31


_EDGE_MARKS = " .:،؟!?*•·-–—\u00a0"  # punctuation and bullets around a page's line («** جميع الحقوق محفوظة.»)
_ADDRESS_ONLY = re.compile(r"(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+")


def _is_boilerplate(line: str, key: str, starts: tuple[str, ...], near_edge: bool) -> bool:
    """A page's own line: a known phrase alone, or opening a line at the page's edge that is no sentence, or an
    e-mail or web address alone at the page's edge (a columnist's contact, a source link)."""
    key = key.strip(_EDGE_MARKS)
    if not key:
        return False
    if key in _bare_phrases(starts):
        return True
    if near_edge and _ADDRESS_ONLY.fullmatch(key):
        return True
    return near_edge and not _SENTENCE_END.search(line.strip()) and key.startswith(starts)


@lru_cache(maxsize=8)
def _bare_phrases(starts: tuple[str, ...]) -> frozenset[str]:
    """The boilerplate phrases without the punctuation around them (built once, not per line)."""
    return frozenset(s.strip(_EDGE_MARKS) for s in starts)


# What ends a link line's lead-in: a colon, «..» or «…», a bar, a dash with space around it, or the line's end.
_LINK_END = r"(?:\s*(?::|\.{2,}|…|\||$)|\s+[-–—](?:\s|$))"
_ANY_WORD = r"[^\s.:|،,؛;«»\"“”…]+"  # a word of a «…» stretch: one that ends no clause
# Marks that do not show (direction marks, zero-width joiners, BOM): a line's key is matched without them.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


@lru_cache(maxsize=8)
def _link_line(leads: tuple[str, ...]) -> re.Pattern | None:
    """One pattern for the lexicon's link lead-ins (`شاهد الفيديو …:`): «…» is up to five more words."""
    alts = []
    for lead in leads:
        parts = []
        for i, word in enumerate(lead.rstrip(":").split()):
            parts.append(rf"(?:\s+{_ANY_WORD}){{0,5}}" if word == "…" else (r"\s+" if i else "") + re.escape(word))
        alts.append("".join(parts))
    return re.compile(rf"(?:{'|'.join(alts)}){_LINK_END}") if alts else None


def _looks_like_headline(line: str) -> bool:
    """A short line that does not end as a sentence does: a headline or a section heading."""
    words = _WORDS.findall(line)
    return 0 < len(words) <= 25 and not _SENTENCE_END.search(line.strip())


def clean_article(text: str, meta: dict | None = None, *, lex: Lexicons | None = None) -> ArticleText:
    """Drop page boilerplate and title lines; take the title from metadata or from the text."""
    meta = meta or {}
    lex = lex or lexicons.default()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    starts = lex.boilerplate
    keys = [k.strip() for k in fold("\n".join(lines)).split("\n")]  # one fold for all lines (it keeps "\n")
    filled = [k for k, key in enumerate(keys) if key]
    edge = set(filled[:2] + filled[-6:])
    links = _link_line(lex.boilerplate_links)
    kept = [k for k in filled if not _is_boilerplate(lines[k], keys[k], starts, k in edge)
            and not (links and links.match(_INVISIBLE.sub("", keys[k])))]
    counts: dict[str, int] = {}
    for k in kept:
        counts[keys[k]] = counts.get(keys[k], 0) + 1
    title = meta.get("title") if isinstance(meta.get("title"), str) and meta.get("title").strip() else None
    if title is None:
        # A headline printed twice (pages repeat it under share buttons) is the title; else a short first line.
        repeated = [lines[k].strip() for k in kept if counts[keys[k]] > 1 and _looks_like_headline(lines[k])]
        if repeated:
            title = repeated[0]
        elif len(kept) > 1 and _looks_like_headline(lines[kept[0]]) and len(_WORDS.findall(lines[kept[0]])) >= 3:
            title = lines[kept[0]].strip()
    title_key = fold(title.strip()) if title else None
    body_lines, seen, kept_lines = [], set(), set(kept)
    for k in range(len(lines)):
        key = keys[k]
        if key and k not in kept_lines:
            continue
        if title_key and key == title_key:
            continue
        if key and counts.get(key, 0) > 1 and key in seen and _looks_like_headline(lines[k]):
            continue  # the same heading printed again
        seen.add(key)
        body_lines.append(lines[k].rstrip())
    body = "\n".join(body_lines).strip("\n")
    body = re.sub(r"\n{3,}", "\n\n", body)
    return ArticleText(
        title=title.strip() if title else None,
        published=normalize_date(meta.get("published") or meta.get("date")),
        source=meta.get("source") if isinstance(meta.get("source"), str) else None,
        url=meta.get("url") if isinstance(meta.get("url"), str) else None,
        body=body,
    )
