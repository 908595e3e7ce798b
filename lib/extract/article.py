"""An article's text as a reader sees it: boilerplate dropped, the title found, metadata dates read."""
from __future__ import annotations

import datetime as dt
import re

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


def _is_boilerplate(line: str, key: str, starts: tuple[str, ...], near_edge: bool) -> bool:
    """A page's own line: a known phrase alone, or opening a line at the page's edge that is no sentence."""
    key = key.strip(" .:،؟!?")
    if not key:
        return False
    if any(key == s.strip(" .:،؟!?") for s in starts):
        return True
    return near_edge and not _SENTENCE_END.search(line.strip()) and any(key.startswith(s) for s in starts)


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
    kept = [k for k in filled if not _is_boilerplate(lines[k], keys[k], starts, k in edge)]
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
