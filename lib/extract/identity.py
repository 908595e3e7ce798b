"""Which of several actors sharing a name the article means (namesakes.tsv): the coalition by its theatre,
George H. W. Bush or George W. Bush by the years the article names, Al-Ahli of Jeddah or of Cairo."""
from __future__ import annotations

import re
from collections import Counter

from lib.extract.lookup import Found, entity_index
from lib.lexicons import Lexicons
from lib.text.normalize import fold

# The actor id of a namesakes.tsv row that makes the form name no actor at all (المعارضة outside Syria).
NOBODY = "-"
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def _theatre(found: Found) -> Counter:
    """Place mentions of the article by country (its geography)."""
    out: Counter = Counter()
    for h in found.hits:
        for e in h.ents:
            if e.entity_type == "place" and e.country:
                out[e.country] += 1
    return out


def _states(found: Found) -> Counter:
    """The article's places and acting states by country (names:CC evidence)."""
    out = _theatre(found)
    for h in found.hits:
        for e in h.ents:
            if e.kind == "state" and e.country:
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
    if kind == "names":
        return any(theatre.get(c, 0) for c in value.split(","))
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
    states = _states(found)
    choice: dict[str, str] = {}
    for h in shared:
        key = " ".join(h.form)
        if key not in choice:
            choice[key] = _choose(key, found, text, published, theatre, states, lex=lex)
    for h in shared:
        aid = choice[" ".join(h.form)]
        if aid == NOBODY:
            h.ents = [e for e in h.ents if e.entity_type != "actor"]
            continue
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
            if aid == NOBODY:
                h.ents = []
            elif aid in by_id:
                h.ents = [by_id[aid]]
                found.entities[aid] = by_id[aid]
    found.hits = [h for h in found.hits if h.ents]


def _choose(key: str, found: Found, text: str, published: str | None, theatre: Counter, states: Counter, *,
            lex: Lexicons) -> str:
    """The actor id (or NOBODY) a shared form names in this article."""
    rows = lex.namesakes[key]
    ids = {aid for aid, _ in rows}
    # an unambiguous mention of one of them in the article decides (بوش الأب … بوش)
    named = [e.entity_id for g in found.hits if g.how == "form" and " ".join(g.form) not in lex.namesakes
             for e in g.ents if e.entity_id in ids]
    if named:
        return Counter(named).most_common(1)[0][0]
    return next((aid for aid, ev in rows if _met(ev, text, published, states if ev.startswith("names:") else theatre)),
                _default(rows))


def namesake_choice(key: str, found: Found, text: str, published: str | None, *, lex: Lexicons) -> str | None:
    """The actor id a folded form names in this article when namesakes.tsv shares it (NOBODY: no actor), else
    None: for a speaker written with the form, read after the mentions are resolved."""
    if key not in lex.namesakes:
        return None
    return _choose(key, found, text, published, _theatre(found), _states(found), lex=lex)


def resolve_surnames(found: Found, text: str) -> None:
    """A lexicon person's bare surname (المالكي) names whoever the article calls by a full name ending in it
    (العقيد تركي المالكي … المالكي), unless it also names the lexicon person in full."""
    full: dict[str, list] = {}
    for h in found.hits:
        for e in h.ents:
            if e.kind == "person" and len(text[h.start:h.end].split()) >= 2:
                full.setdefault(fold(text[h.start:h.end]).split()[-1], []).append(e)
    if not full:
        return
    named_in_full = {e.entity_id for ents in full.values() for e in ents}
    for h in found.hits:
        if h.how != "form" or len(h.form) != 1 or len(h.ents) != 1:
            continue
        ent = h.ents[0]
        if ent.kind != "person" or ent.entity_id in named_in_full:
            continue
        other = next((e for e in full.get(h.form[-1], ()) if e.entity_id != ent.entity_id), None)
        if other is not None:
            h.ents = [other]
            found.entities[other.entity_id] = other
