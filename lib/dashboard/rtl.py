"""Arabic display helpers: scoped right-to-left CSS, HTML escaping, and shaping for deck.gl labels.

Browsers shape and order Arabic themselves, so page text only needs `dir`/CSS on the elements that hold it
(never on charts). deck.gl draws labels glyph by glyph from a font atlas, without shaping or bidi, so map
labels are reshaped (contextual letter forms) and reordered into visual order here.

Everything that came from an article (body, quotes, names, titles) goes through `esc` before it is put in
HTML: the pages render HTML only from these helpers.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import urlparse

import arabic_reshaper
from bidi.algorithm import get_display  # the algorithm module's: mirrors brackets and guillemets correctly

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")

# Scoped: only elements with these classes are right-to-left; charts and maps keep their own layout.
CSS = """
<style>
.rasd-rtl { direction: rtl; unicode-bidi: plaintext; text-align: right;
  font-family: "Noto Naskh Arabic", "Amiri", "DejaVu Sans", "Segoe UI", sans-serif; line-height: 1.9; }
.rasd-ar { direction: rtl; unicode-bidi: plaintext; }
.rasd-card { border: 1px solid rgba(128,128,128,.35); border-radius: .5rem; padding: .6rem .9rem;
  margin: .35rem 0; }
.rasd-card .rasd-quote { font-size: 1.08rem; }
.rasd-meta { font-size: .85rem; opacity: .8; }
.rasd-meta .rasd-ar, .rasd-meta bdi { unicode-bidi: isolate; }
.rasd-tag { display: inline-block; padding: 0 .45rem; margin: .1rem .15rem; border-radius: .8rem;
  background: rgba(120,120,160,.18); font-size: .82rem; }
.rasd-k { font-size: .78rem; opacity: .7; margin-inline-end: .3rem; }
.rasd-para { border-inline-start: 3px solid #c9a227; padding-inline-start: .8rem; }
.rasd-para mark, .rasd-quote mark { background: #ffe58a; color: inherit; padding: 0 .1rem; border-radius: .2rem; }
</style>
"""


def esc(text: object) -> str:
    """HTML-escaped text ('' for None/NaN): the only way article text enters the page's HTML."""
    if text is None or (isinstance(text, float) and text != text):
        return ""
    return html.escape(str(text), quote=True)


def has_arabic(text: str | None) -> bool:
    """True when the text holds Arabic letters."""
    return bool(text) and bool(_ARABIC.search(text))


def bdi(text: object) -> str:
    """Escaped text isolated from its neighbours' direction (a name inside a line of mixed scripts)."""
    return f"<bdi>{esc(text)}</bdi>"


def rtl_block(inner_html: str, tag: str = "div", cls: str = "") -> str:
    """An element laid out right to left; inner_html must already be escaped."""
    classes = f"rasd-rtl {cls}".strip()
    return f'<{tag} dir="rtl" class="{classes}">{inner_html}</{tag}>'


def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s), else None (a javascript: or data: link never reaches the page)."""
    if not isinstance(url, str) or not url.strip():
        return None
    parsed = urlparse(url.strip())
    return url.strip() if parsed.scheme in ("http", "https") and parsed.netloc else None


def link(url: str | None, text: str) -> str:
    """An escaped link that opens in a new tab, or the escaped text alone when the URL is not http(s)."""
    href = safe_url(url)
    if not href:
        return esc(text)
    return f'<a href="{esc(href)}" target="_blank" rel="noopener noreferrer">{esc(text)}</a>'


def highlighted(paragraph: str, start: int, end: int) -> str:
    """A paragraph, escaped, with the span [start, end) (offsets into the paragraph) in a <mark>."""
    start, end = max(0, start), min(len(paragraph), end)
    if start >= end:
        return esc(paragraph)
    return f"{esc(paragraph[:start])}<mark>{esc(paragraph[start:end])}</mark>{esc(paragraph[end:])}"


@lru_cache(maxsize=20_000)
def shaped(text: str | None) -> str:
    """Arabic text in visual order with contextual letter forms, for renderers that do not shape (deck.gl)."""
    if not text:
        return ""
    if not has_arabic(text):
        return text
    return get_display(arabic_reshaper.reshape(text))


def _tags(names: object, cls: str = "rasd-tag") -> str:
    if names is None or isinstance(names, float):
        return ""
    return "".join(f'<span class="{cls}">{bdi(n)}</span>' for n in list(names))


def marked(text: str, spans: list[tuple[int, int]]) -> str:
    """Text, escaped, with each (start, end) span in a <mark> (spans in order, not overlapping)."""
    out, at = [], 0
    for a, b in spans:
        if a < at or b <= a:
            continue
        out.append(f"{esc(text[at:a])}<mark>{esc(text[a:b])}</mark>")
        at = b
    return "".join(out) + esc(text[at:])


def statement_card(row: dict, marks: list[tuple[int, int]] | None = None) -> str:
    """One statement as an escaped right-to-left card: quote (the `marks` spans highlighted), speaker, date,
    source (and the other outlets that carried the same words), places and actors."""
    quote = marked(row.get("quote") or "", marks) if marks else esc(row.get("quote"))
    direct = row.get("kind") == "direct"
    quote_html = f"«{quote}»" if direct else quote
    source = row.get("source") or row.get("title") or ""
    meta = [f"<b>{bdi(row.get('speaker_label') or row.get('speaker') or '?')}</b>"]
    if row.get("published"):
        meta.append(bdi(row.get("published")))
    if source:
        meta.append(link(row.get("url"), str(source)))
    outlets = int(row.get("outlets") or 1)
    if outlets > 1:
        others = ", ".join(esc(s) for s in (row.get("copy_sources") or []))
        meta.append(f'<span class="rasd-tag" dir="ltr" title="the same words in {outlets} outlets · نُشر في '
                    f'{outlets} مصادر">{outlets} outlets: {others}</span>')
    if row.get("cue"):
        meta.append(f'<i title="cue · فعل القول">{bdi(row.get("cue"))}</i>')
    places, actors = _tags(row.get("place_names")), _tags(row.get("actor_names"))
    mentions = ""
    if places:
        mentions += f'<div class="rasd-meta"><span class="rasd-k">أماكن · places</span> {places}</div>'
    if actors:
        mentions += f'<div class="rasd-meta"><span class="rasd-k">جهات · actors</span> {actors}</div>'
    return (f'<div dir="rtl" class="rasd-rtl rasd-card"><div class="rasd-quote">{quote_html}</div>'
            f'<div class="rasd-meta">{" · ".join(meta)}</div>{mentions}</div>')


def paragraph_html(row: dict, body: str) -> str:
    """The statement's paragraph, escaped, with the quote highlighted, and a link to the source (never the
    importing machine's file path)."""
    a, b = int(row.get("para_start") or 0), int(row.get("para_end") or len(body))
    para = body[a:b]
    inner = highlighted(para, int(row["start"]) - a, int(row["end"]) - a)
    title = row.get("title") or row.get("source") or "source"
    href = safe_url(row.get("url"))
    source = (f'<span class="rasd-k">المصدر · source</span> <bdi>{link(href, str(title))}</bdi>' if href else
              f'<span class="rasd-k">المصدر · source</span> {bdi(title)} · {bdi(row.get("source") or "")}')
    return (f'<div dir="rtl" class="rasd-rtl rasd-para">{inner}</div>'
            f'<div dir="rtl" class="rasd-rtl rasd-meta">{source}</div>')


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$])")


def md(text: object) -> str:
    """Text for a Markdown element (st.subheader, st.markdown) with Markdown punctuation escaped, so a name from
    an article never becomes a link, an image or formatting."""
    return _MARKDOWN.sub(r"\\\1", "" if text is None else str(text))
