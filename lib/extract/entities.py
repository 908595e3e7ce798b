"""Actor and place mentions: lexicon and gazetteer look-up through clitics, and names no lexicon knows."""
from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field
from functools import lru_cache

from lib import lexicons
from lib.lexicons import Lexicons
from lib.text.normalize import fold
from lib.records import Entity, Mention
from lib.text.tokens import Token, clitic_keys, gap_is_space, tokenize

MAX_PERSON_TOKENS = 4
_TRAILING_MARKS = re.compile("[\u064b-\u0652\u0640]+$")


@dataclass
class EntityIndex:
    """Folded token sequences of every known form → the entities they name."""

    forms: dict[tuple[str, ...], list[Entity]]
    longest: int
    # first folded word of any form → the longest form starting with it (most words start none)
    firsts: dict[str, int] = field(default_factory=dict)


@lru_cache(maxsize=4)  # per loaded Lexicons (tests load small ones)
def entity_index(*, lex: Lexicons) -> EntityIndex:
    """Index of actor and place forms; a form may name an actor and a place at once (سوريا)."""
    forms: dict[tuple[str, ...], list[Entity]] = {}
    # Function words and reporting words are never place names, whatever a gazetteer says (بأنه ≠ Baneh).
    stop = lex.place_stop_forms | lex.words.stopwords | frozenset(lex.speech_cues) \
        | {p + "ان" + s for p in ("", "ب", "ل", "و") for s in ("", "ه", "ها", "هم", "نا")}
    for table, skip in ((lex.actors, frozenset()), (lex.places, stop)):
        for ent, names in table.values():
            for name in names:
                key = tuple(t.key for t in tokenize(name))
                if not key or " ".join(key) in skip:
                    continue
                bucket = forms.setdefault(key, [])
                if all(e.entity_type != ent.entity_type for e in bucket):
                    bucket.append(ent)
    firsts: dict[str, int] = {}
    for key in forms:
        firsts[key[0]] = max(firsts.get(key[0], 0), len(key))
    return EntityIndex(forms, max(firsts.values(), default=1), firsts)


@dataclass
class Found:
    """What the entity pass found in one text."""

    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    # token index → entity ids that start there, and the token index after the match
    spans: dict[int, tuple[int, list[str]]] = field(default_factory=dict)
    # folded surname keys of people named in the article → person id (for later bare surnames)
    people: dict[tuple[str, ...], str] = field(default_factory=dict)
    people_firsts: set[str] = field(default_factory=set)
    locative_until: int = -1  # token index after the last place read as a location


def _lookup(tokens: list[Token], i: int, index: EntityIndex, text: str, *, lex: Lexicons) -> tuple[int, list[Entity], int]:
    """Longest known form starting at token i: (tokens used, entities, chars of proclitic to skip)."""
    first = tokens[i].key
    keys, longest = _index_keys(first, lex=lex)
    if not keys:
        return 0, [], 0
    for n in range(min(longest, len(tokens) - i), 0, -1):
        if n > 1 and not all(gap_is_space(text, tokens[j].end, tokens[j + 1].start) for j in range(i, i + n - 1)):
            continue
        rest = tuple(t.key for t in tokens[i + 1:i + n])
        for key in keys:
            hit = index.forms.get((key,) + rest)
            if hit:
                return n, hit, _proclitic_chars(text, tokens[i], first, key)
    return 0, [], 0


@lru_cache(maxsize=200_000)
def _index_keys(key: str, *, lex: Lexicons) -> tuple[tuple[str, ...], int]:
    """The readings of a word that open some known form, and the longest such form (most words: none)."""
    firsts = entity_index(lex=lex).firsts
    keys = tuple(k for k in clitic_keys(key) if k in firsts)
    return keys, max((firsts[k] for k in keys), default=0)


def _proclitic_chars(text: str, tok: Token, key: str, stem: str) -> int:
    """How many characters of the written token are proclitics (و، ب، ل …) before the matched stem."""
    if stem == key:
        return 0
    strip = len(key) - len(stem) + (2 if key.startswith(("لل", "ولل", "فلل")) and stem.startswith("ال") else 0)
    written, n = text[tok.start:tok.end], 0
    for pos, ch in enumerate(written):
        if fold(ch):
            n += 1
        if n == strip:
            return pos + 1
    return 0




def _locative(tokens: list[Token], i: int, text: str, skip: int, found: Found, *, lex: Lexicons) -> bool:
    """Is the name at token i read as a location (في سوريا، بسوريا، من العراق وإيران)?"""
    written = text[tokens[i].start:tokens[i].start + skip]
    if "ب" in written:
        return True
    if i and tokens[i - 1].key in lex.function_words["locative"] and not text[tokens[i - 1].end:tokens[i].start].strip(" #"):
        return True
    # coordinated with a location just before: في #سوريا والعراق
    return written.startswith("و") and found.locative_until == i


def _add_region_country(found: Found, hits: list[Entity], name_tokens: list[Token], text: str,
                        index: EntityIndex) -> None:
    """شمالي سوريا names Syria too: a region named after a country mentions that country."""
    if len(name_tokens) < 2 or not any(e.entity_type == "place" and e.kind == "region" for e in hits):
        return
    for k in range(1, len(name_tokens)):
        tail = tuple(t.key for t in name_tokens[k:])
        country = next((e for e in index.forms.get(tail, []) if e.entity_type == "place" and e.kind == "country"),
                       None)
        if country is not None:
            start, end = name_tokens[k].start, name_tokens[-1].end
            found.entities[country.entity_id] = country
            found.mentions.append(Mention("place", country.entity_id, text[start:end], start, end))
            return




def _person_id(name_key: str) -> str:
    return "person:" + name_key.replace(" ", "_")


def _name_run(tokens: list[Token], i: int, text: str, stop: frozenset[str], limit: int, *, lex: Lexicons) -> int:
    """How many tokens from i form a name: space-separated words, no stopwords, at most limit."""
    n, words = 0, 0
    cues = lex.speech_cues
    while i + n < len(tokens) and words < limit:
        tok = tokens[i + n]
        key = tok.key
        if i + n and not gap_is_space(text, tokens[i + n - 1].end, tok.start):
            break  # a name never runs over punctuation or a line break, not even into its first word
        if key in stop or key.isdigit() or len(key) < 2 or key in cues:
            break
        if key[0] in "وف" and (key[1:] in stop or key[1:] in cues):
            break  # وهو، وقال
        if n and any(k in lex.place_cues for k in clitic_keys(key)):
            break  # ماجد الزهراني بمنطقة الطائف
        if n and key.startswith("ال") and key.endswith(("يه", "يين", "يون", "ه")) and key != "الله":
            break  # قاعدة ناصر الجوية، سعد التابعة: a feminine or plural adjective, not a family name
        if n and key.startswith(("لل", "وال", "بال", "فال")):
            break
        n += 1
        if key not in lex.function_words["name_link"]:
            words += 1  # بن، آل، عبد link the parts of one name and do not count
    while n and tokens[i + n - 1].key in lex.function_words["name_link"]:
        n -= 1
    return n


def _word_flags(index: EntityIndex, person_starts: frozenset[str], cues: frozenset[str], *, lex: Lexicons):
    """A cached test of what a word may open: a known form, a person's name, an unknown place."""
    cache: dict[str, tuple[bool, bool, bool]] = _FLAG_CACHE.setdefault(lex, {})

    def flags(key: str) -> tuple[bool, bool, bool]:
        hit = cache.get(key)
        if hit is None:
            hit = cache[key] = (bool(_index_keys(key, lex=lex)[0]), key in person_starts or key[1:] in person_starts,
                                any(k in cues for k in clitic_keys(key)))
        return hit
    return flags


# Per loaded Lexicons: word → (opens a known form, may open a name, may announce a place).
_FLAG_CACHE: weakref.WeakKeyDictionary[Lexicons, dict[str, tuple[bool, bool, bool]]] = weakref.WeakKeyDictionary()


def find_entities(text: str, tokens: list[Token] | None = None, *, lex: Lexicons | None = None) -> Found:
    """Every actor and place mention in a text, known or not, in text order."""
    tokens = tokens if tokens is not None else tokenize(text)
    lex = lex or lexicons.default()
    index = entity_index(lex=lex)
    given = _GivenNames(lex.given_names, lex.given_names_with_alef_maqsura)
    ranks = lex.words.ranks
    stop = lex.words.stopwords | lex.words.roles
    cues = lex.place_cues
    heads = lex.words.place_heads
    # words that can open a person's name; every other word skips the name checks
    person_starts = frozenset(given.names | ranks | lex.words.weak_ranks | {"ابو", "ام"})
    found = Found()
    flags = _word_flags(index, person_starts, frozenset(cues), lex=lex)
    i = 0
    while i < len(tokens):
        key = tokens[i].key
        known, may_name, may_place = flags(key)
        if not (known or may_name or may_place or key in found.people_firsts):
            i += 1  # the common case: a word that opens nothing
            continue
        n, hits, skip = _lookup(tokens, i, index, text, lex=lex) if known else (0, [], 0)
        if n == 1 and all(e.entity_type == "place" for e in hits) and given.has(tokens[i].key, text[tokens[i].start:tokens[i].end]):
            # رشيد قاسم، بشار الأسد: a given name that is also a town starts a person's name
            person = _person_at(tokens, i, text, given, ranks, stop, found, lex=lex)
            if person:
                i += person
                continue
        if n:
            start, end = tokens[i].start + skip, tokens[i + n - 1].end
            if len(hits) > 1 and _locative(tokens, i, text, skip, found, lex=lex):
                # في سوريا، بالعراق، من العراق وإيران: the country as a place, not as a state acting
                hits = [e for e in hits if e.entity_type == "place"]
            if all(e.entity_type == "place" for e in hits):
                found.locative_until = i + n  # الموصل وسوريا: what is coordinated with a place is a place
            for ent in hits:
                found.entities[ent.entity_id] = ent
                found.mentions.append(Mention(ent.entity_type, ent.entity_id, text[start:end], start, end))
            found.spans[i] = (i + n, [e.entity_id for e in hits])
            _add_region_country(found, hits, tokens[i:i + n], text, index)
            if any(e.kind == "person" for e in hits):
                _remember_person(found, tokens[i:i + n], next(e.entity_id for e in hits if e.kind == "person"), lex=lex)
            i += n
            continue
        if may_name or key in found.people_firsts:
            n = _person_at(tokens, i, text, given, ranks, stop, found, lex=lex)
            if n:
                i += n
                continue
        if may_place:
            n = _unknown_place_at(tokens, i, text, cues, heads, stop, index, found, lex=lex)
            i += n or 1
        else:
            i += 1
    return found


@dataclass(frozen=True)
class _GivenNames:
    names: frozenset[str]
    with_alef_maqsura: frozenset[str]

    def has(self, key: str, written: str) -> bool:
        """Is this word a given name as written? على (with ى) is a preposition, علي a name."""
        if key not in self.names:
            return False
        return (key in self.with_alef_maqsura) == _TRAILING_MARKS.sub("", written).endswith("ى")


def _person_at(tokens, i, text, given, ranks, stop, found: Found, *, lex: Lexicons) -> int:
    """A person's name at token i: a known name of this article, a given name, or a rank then a name."""
    tok = tokens[i]
    # A surname (or longer suffix) of someone this article already named: وقال الراوي …
    for n in (3, 2, 1) if tok.key in found.people_firsts else ():
        key = tuple(t.key for t in tokens[i:i + n])
        if len(key) == n and key in found.people and _name_run(tokens, i, text, frozenset(), n, lex=lex) == n:
            _add_person(found, text, tokens[i].start, tokens[i + n - 1].end, found.people[key], None)
            return n
    written = text[tok.start:tok.end]
    first = tok.key[1:] if tok.key[0] == "و" and (given.has(tok.key[1:], written) or tok.key[1:] in ranks) \
        else tok.key
    skip = len(tok.key) - len(first)
    rank_len = 0
    if first in ranks:
        rank_len = 1
        if i + 1 < len(tokens) and f"{first} {tokens[i + 1].key}" in ranks:
            rank_len = 2
    if not rank_len and first in lex.words.weak_ranks and i + 1 < len(tokens) and \
            given.has(tokens[i + 1].key, text[tokens[i + 1].start:tokens[i + 1].end]):
        rank_len = 1
    if rank_len and _lookup(tokens, i + rank_len, entity_index(lex=lex), text, lex=lex)[0] if i + rank_len < len(tokens) else False:
        return rank_len  # المشير خليفة حفتر: the lexicon knows the name that follows; let it match
    if rank_len:
        n = _name_run(tokens, i + rank_len, text, stop, 3, lex=lex)
        if n >= 1:
            name_tokens = tokens[i + rank_len:i + rank_len + n]
            return rank_len + _add_new_person(found, text, name_tokens, lex=lex)
        return 0
    if given.has(first, written) and first in lex.words.ambiguous_given_names:
        nxt = tokens[i + 1].key if i + 1 < len(tokens) else ""
        prev = tokens[i - 1].key if i else ""
        after_verb = any(k in lex.speech_cues or k in lex.words.roles for k in (prev, prev[1:]))
        if not (after_verb or nxt in given.names or nxt.startswith("ال")
                or nxt in lex.function_words["name_link"]):
            return 0  # حسن استخدام، سعيد بعودتي: an adjective here, not a name
    if given.has(first, written) or (first in ("ابو", "ام") and i + 1 < len(tokens)):
        n = _name_run(tokens, i + 1, text, stop, MAX_PERSON_TOKENS - 1, lex=lex)
        if n >= 1:
            name_tokens = tokens[i:i + 1 + n]
            return _add_new_person(found, text, name_tokens, skip, lex=lex)
    return 0


def _add_new_person(found: Found, text: str, name_tokens: list[Token], skip: int = 0, *, lex: Lexicons) -> int:
    """Register a person no lexicon knows under their Arabic name; returns tokens consumed (0: not a name)."""
    start, end = name_tokens[0].start + skip, name_tokens[-1].end
    name_ar = text[start:end]
    key = fold(name_ar)
    if any(key == c or key.startswith(c + " ") for c in lex.words.not_names):
        return 0  # حسن الجوار، رياض الأطفال
    pid = found.people.get(tuple(key.split())) or _person_id(key)
    ent = found.entities.get(pid) or Entity(pid, "actor", name_ar, name_ar, "person")
    _add_person(found, text, start, end, pid, ent)
    _remember_person(found, name_tokens, pid, skip_first=bool(skip), lex=lex)
    return len(name_tokens)


def _add_person(found: Found, text: str, start: int, end: int, pid: str, ent: Entity | None) -> None:
    if ent is not None:
        found.entities.setdefault(pid, ent)
    found.mentions.append(Mention("actor", pid, text[start:end], start, end))


def _remember_person(found: Found, name_tokens: list[Token], pid: str, skip_first: bool = False, *, lex: Lexicons) -> None:
    """Let later bare surnames (تيلرسون، سيد قادر، الراوي) point to this person."""
    keys = [t.key for t in name_tokens]
    if skip_first:
        keys[0] = keys[0][1:]
    found.people.setdefault(tuple(keys), pid)
    found.people_firsts.add(keys[0])
    for k in range(1, len(keys)):
        suffix = tuple(keys[k:])
        if len("".join(suffix)) >= 3 and suffix[0] not in lex.function_words["name_link"]:  # ماي for تيريزا ماي
            found.people.setdefault(suffix, pid)
            found.people_firsts.add(suffix[0])


def _unknown_place_at(tokens, i, text, cues, heads, stop, index, found: Found, *, lex: Lexicons) -> int:
    """A place no gazetteer knows, announced by a cue word (قرية خراب دليل، ناحية المشيرفة)."""
    cue = next((k for k in clitic_keys(tokens[i].key) if k in cues), None)
    if cue is None or i + 1 >= len(tokens) or not gap_is_space(text, tokens[i].end, tokens[i + 1].start):
        return 0
    j = i + 1
    if _lookup(tokens, j, index, text, lex=lex)[0]:
        return 1  # the gazetteer knows what follows; let the next step match it
    first = tokens[j].key
    if first in stop or first.isdigit() or len(first) < 3:
        return 0
    if not first.startswith("ال") and first not in heads and cue in ("منطقه", "مناطق", "مدينه"):
        return 0  # indefinite words after منطقة are mostly descriptions (منطقة آمنة)
    if first.endswith(("يه", "ي")) and (cue in ("منطقه", "مناطق") or not first.startswith("ال")):
        return 0  # an adjective: المنطقة الشرقية، حي سكني
    if first.endswith(("ات", "ين", "ون")) and len(first) > 4:
        return 0  # a plural noun: منطقة الاشتباكات، مناطق المسلحين
    if first in lex.words.not_places or first in lex.place_stop_forms:
        return 0  # منطقة اليورو، منطقة الجزاء: a common noun
    has_next = j + 1 < len(tokens) and gap_is_space(text, tokens[j].end, tokens[j + 1].start)
    nxt = tokens[j + 1].key if has_next else ""
    n = 1
    if first in heads and has_next and nxt not in stop:
        n = 2
    elif first.startswith("ال") and nxt.startswith("ال") and nxt.endswith(("يه", "ي")) and len(nxt) > 4:
        n = 2  # الشقق السكنية: a definite name with its adjective
    start, end = tokens[j].start, tokens[j + n - 1].end
    name_ar = text[start:end]
    pid = "unknown:" + fold(name_ar).replace(" ", "_")
    found.entities.setdefault(pid, Entity(pid, "place", name_ar, name_ar, cues[cue]))
    found.mentions.append(Mention("place", pid, name_ar, start, end))
    return 1 + n
