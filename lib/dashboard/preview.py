"""The parse of one article as the "Add articles" page shows it: the body with every statement highlighted
and labelled with its speaker, and tables of statements and places. Escaped HTML and plain rows only."""
from __future__ import annotations

from lib.records import Article
from lib.dashboard.rtl import bdi, esc


def body_html(art: Article) -> str:
    """The body, escaped and right to left, each statement in a <mark> followed by its speaker."""
    out: list[str] = []
    pos = 0
    for s in sorted(art.statements, key=lambda s: (s.start, -s.end)):
        if s.start < pos or not (0 <= s.start < s.end <= len(art.body)):
            continue  # overlapping or out-of-range spans are listed in the table, not marked twice
        speaker = s.speaker_ar or s.speaker or "?"
        out.append(esc(art.body[pos:s.start]))
        out.append(f'<mark title="{esc(s.kind)}">{esc(art.body[s.start:s.end])}</mark>'
                   f'<sup class="rasd-tag">🗣 {bdi(speaker)}</sup>')
        pos = s.end
    out.append(esc(art.body[pos:]))
    inner = "".join(out).replace("\n", "<br>")
    return f'<div dir="rtl" lang="ar" class="rasd-rtl rasd-para">{inner}</div>'


def header_html(art: Article) -> str:
    """Title, date and source of the article, escaped, right to left."""
    title = f"<b>{esc(art.title)}</b>" if art.title else "<i>(no title · بلا عنوان)</i>"
    meta = " · ".join(bdi(v) for v in (art.published or "no date · بلا تاريخ", art.source, art.source_file) if v)
    return f'<div dir="rtl" lang="ar" class="rasd-rtl">{title}<div class="rasd-meta">{meta}</div></div>'


def statement_rows(art: Article) -> list[dict]:
    """One row per statement: speaker (Arabic and display name), kind, cue, quote."""
    return [{"speaker_ar": s.speaker_ar, "speaker": s.speaker, "kind": s.kind, "cue": s.cue, "quote": s.quote}
            for s in art.statements]


def place_rows(art: Article) -> list[dict]:
    """One row per place: Arabic and display name, kind, mentions, coordinates."""
    rows = [{"name_ar": p.get("name_ar"), "name": p.get("name"), "kind": p.get("kind"),
             "mentions": p.get("mentions"), "lat": p.get("lat"), "lon": p.get("lon")} for p in art.places.values()]
    return sorted(rows, key=lambda r: -(r["mentions"] or 0))


def places_html(art: Article) -> str:
    """The places as escaped right-to-left tags, most mentioned first."""
    tags = "".join(f'<span class="rasd-tag">📍 {bdi(r["name_ar"] or r["name"])} ({r["mentions"]})</span>'
                   for r in place_rows(art))
    return f'<div dir="rtl" class="rasd-rtl">{tags or "—"}</div>'
