"""One article in, everything found in it out: the extraction's single entry point (pure: no I/O)."""
from __future__ import annotations

import hashlib
from collections import Counter

from lib import lexicons
from lib.extract.article import clean_article
from lib.extract.dates import find_dates
from lib.extract.entities import find_entities
from lib.extract.lookup import Found
from lib.extract.organisations import org_id, org_shaped, unquoted
from lib.extract.people import name_shaped
from lib.extract.statements import extract_statements
from lib.extract.topics import article_topic
from lib.lexicons import Lexicons
from lib.records import Article, Entity, Mention, Statement
from lib.text.normalize import fold
from lib.text.tokens import tokenize


def article_id(body: str) -> str:
    """Stable id of an article: a hash of its folded body, so a re-ingest is recognised."""
    return hashlib.sha1(" ".join(fold(body).split()).encode("utf-8")).hexdigest()[:16]


def _entity_record(ent: Entity, spans: list[tuple[int, int]], surfaces: list[str]) -> dict:
    # aliases: the lexicon's other names and every form this article uses (القوات الأميركية, واشنطن …)
    aliases = list(dict.fromkeys([*ent.aliases, *surfaces]))
    rec = {"id": ent.entity_id, "name": ent.name, "name_ar": ent.name_ar or None, "kind": ent.kind,
           "mentions": len(spans), "aliases": aliases, "spans": [list(s) for s in spans]}
    if ent.entity_type == "place":
        rec.update(lat=ent.lat, lon=ent.lon, precision=ent.precision, country=ent.country,
                   parent_id=ent.parent_id, coord_source=ent.coord_source)
    else:
        rec["country"] = ent.country
    return rec


def _speakers_as_actors(body: str, statements: list[Statement], found: Found, lex: Lexicons) -> list[Mention]:
    """People and bodies the speaker logic named and the entity finder did not (وقال إيلون ماسك، ذكرت صحيفة
    "ماركا"): actors too, at each place the body writes their name. Adds them to found.entities."""
    known = {fold(e.name_ar or e.name) for e in found.entities.values() if e.entity_type == "actor"}
    taken = [(m.start, m.end) for m in found.mentions]
    out: list[Mention] = []
    for s in statements:
        name, kind = s.speaker_ar or "", s.speaker_kind
        if (s.speaker_id or "").startswith("person:") and name_shaped(name, lex=lex):
            eid, kind = s.speaker_id, "person"
        elif (s.speaker_id or "").startswith("name:") and kind in ("organization", "media") \
                and org_shaped(name, lex=lex):
            eid = org_id(unquoted(name))
        else:
            continue
        key = fold(name)
        if eid in found.entities or key in known or kind != "person" and any(k in key for k in known if len(k) > 3):
            continue  # the finder has them (صحيفة "ماركا" is its ماركا)
        known.add(key)
        spans = []
        at = body.find(name)
        while at >= 0:
            end = at + len(name)
            if not any(a < end and at < b for a, b in taken):
                spans.append((at, end))
            at = body.find(name, end)
        if spans:
            written = unquoted(name)
            found.entities[eid] = Entity(eid, "actor", written, written, kind)
            out += [Mention("actor", eid, name, a, b) for a, b in spans]
    return out


def analyse(text: str, meta: dict | None = None, source_file: str = "", lex: Lexicons | None = None) -> Article:
    """The article's text and metadata in, everything found in it out (offsets into the body)."""
    lex = lex or lexicons.default()
    art = clean_article(text, meta, lex=lex)
    tokens = tokenize(art.body)
    found = find_entities(art.body, tokens, lex=lex)
    statements = extract_statements(art.body, tokens, found, art.published, lex=lex)
    mentions = sorted(found.mentions + _speakers_as_actors(art.body, statements, found, lex), key=lambda m: m.start)
    spans: dict[str, list[tuple[int, int]]] = {}
    surfaces: dict[str, list[str]] = {}
    for m in mentions:
        spans.setdefault(m.entity_id, []).append((m.start, m.end))
        surfaces.setdefault(m.entity_id, []).append(m.surface)
    actors, places = {}, {}
    for eid, ent in found.entities.items():
        target = places if ent.entity_type == "place" else actors
        target[eid] = _entity_record(ent, spans.get(eid, []), surfaces.get(eid, []))
    # only the lexicon's actors say something of the topic: a name no lexicon knows may be a footballer's
    topic = article_topic(art.title, tokens, lex, Counter(a["kind"] for i, a in actors.items() if i in lex.actors))
    return Article(
        article_id=article_id(art.body), source_file=source_file, title=art.title, published=art.published,
        source=art.source, url=art.url, body=art.body, statements=statements,
        mentions=mentions, dates=find_dates(art.body, art.published, tokens), actors=actors, places=places,
        topic=topic)
