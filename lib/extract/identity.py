"""Which of several actors sharing a name the article means (namesakes.tsv): the coalition by its theatre,
George H. W. Bush or George W. Bush by the years the article names, Al-Ahli of Jeddah or of Cairo."""
from __future__ import annotations

import re
from collections import Counter

from lib.extract.lookup import Found, entity_index
from lib.lexicons import Lexicons

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def _theatre(found: Found) -> Counter:
    """Place mentions of the article by country (its geography)."""
    out: Counter = Counter()
    for h in found.hits:
        for e in h.ents:
            if e.entity_type == "place" and e.country:
                out[e.country] += 1
    return out


def _met(evidence: str, text: str, published: str | None, theatre: Counter) -> bool:
    """Does the article give this evidence (see namesakes.tsv)?"""
    kind, _, value = evidence.partition(":")
    if kind == "default":
        return True
    if kind == "theatre":
        codes = set(value.split(","))
        inside = sum(n for c, n in theatre.items() if c in codes)
        return inside > 0 and inside * 2 >= sum(theatre.values())
    if kind == "years":
        lo, _, hi = value.partition("-")
        years = {int(y) for y in _YEAR.findall(text)}
        if published and published[:4].isdigit():
            years.add(int(published[:4]))
        return any(int(lo) <= y <= int(hi) for y in years)
    return False


def _default(rows: tuple[tuple[str, str], ...]) -> str:
    """The actor a shared form names when the article says nothing more."""
    return next((aid for aid, ev in rows if ev == "default"), rows[-1][0])


def resolve_namesakes(found: Found, text: str, published: str | None, *, lex: Lexicons) -> None:
    """Give each mention made through a shared form (التحالف، جورج بوش) the actor the article means."""
    shared = [h for h in found.hits if h.how == "form" and " ".join(h.form) in lex.namesakes]
    if not shared:
        return
    by_id = entity_index(lex=lex).by_id
    theatre = _theatre(found)
    choice: dict[str, str] = {}
    for h in shared:
        key = " ".join(h.form)
        if key in choice:
            continue
        rows = lex.namesakes[key]
        ids = {aid for aid, _ in rows}
        # an unambiguous mention of one of them in the article decides (بوش الأب … بوش)
        named = [e.entity_id for g in found.hits if g.how == "form" and " ".join(g.form) not in lex.namesakes
                 for e in g.ents if e.entity_id in ids]
        if named:
            choice[key] = Counter(named).most_common(1)[0][0]
            continue
        choice[key] = next((aid for aid, ev in rows if _met(ev, text, published, theatre)), _default(rows))
    for h in shared:
        aid = choice[" ".join(h.form)]
        ent = by_id.get(aid)
        if ent is None:
            continue
        h.ents = [ent if e.entity_type == "actor" else e for e in h.ents]
        found.entities[aid] = ent
    # bare surnames remembered from a shared form follow it (جورج بوش … بوش)
    remap = {_default(rows): choice[k] for k, rows in lex.namesakes.items() if k in choice}
    for h in found.hits:
        if h.how == "person" and h.ents and h.ents[0].entity_id in remap:
            aid = remap[h.ents[0].entity_id]
            if aid in by_id:
                h.ents = [by_id[aid]]
                found.entities[aid] = by_id[aid]
