"""The entity index (every known Arabic form of an actor, team or place) and what the entity pass builds."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

from lib.lexicons import Lexicons
from lib.records import Entity, Mention
from lib.text.normalize import fold
from lib.text.tokens import Token, clitic_keys, gap_is_space, tokenize


@dataclass
class EntityIndex:
    """Folded token sequences of every known form → the entities they name."""

    forms: dict[tuple[str, ...], list[Entity]]
    longest: int
    # first folded word of any form → the longest form starting with it (most words start none)
    firsts: dict[str, int] = field(default_factory=dict)
    # first folded word → the lengths of the forms starting with it (a look-up tries only those)
    lengths: dict[str, frozenset[int]] = field(default_factory=dict)
    by_id: dict[str, Entity] = field(default_factory=dict)


_KEY = itemgetter(2)  # Token.key


@lru_cache(maxsize=4)  # per loaded Lexicons (tests load small ones)
def entity_index(*, lex: Lexicons) -> EntityIndex:
    """Index of actor, team and place forms; a form may name an actor and a place at once (سوريا، برشلونة)."""
    forms: dict[tuple[str, ...], list[Entity]] = {}
    by_id: dict[str, Entity] = {}
    # Function words and reporting words are never place names, whatever a gazetteer says (بأنه ≠ Baneh).
    stop = lex.place_stop_forms | lex.words.stopwords | frozenset(lex.speech_cues) \
        | {p + "ان" + s for p in ("", "ب", "ل", "و") for s in ("", "ه", "ها", "هم", "نا")}
    for table, skip in ((lex.actors, frozenset()), (lex.teams, frozenset()), (lex.places, stop)):
        for ent, names in table.values():
            by_id[ent.entity_id] = ent
            for name in names:
                key = tuple(t.key for t in tokenize(name))
                if not key or " ".join(key) in skip:
                    continue
                for variant in (key, *_abd_spellings(key)) if ent.entity_type == "actor" else (key,):
                    bucket = forms.setdefault(variant, [])
                    if all(e.entity_type != ent.entity_type for e in bucket):
                        bucket.append(ent)
    # A form several actors share (جورج بوش) points to its default reading; the article may choose another.
    for key_text, rows in lex.namesakes.items():
        key = tuple(t.key for t in tokenize(key_text))
        default = next((by_id.get(aid) for aid, evidence in rows if evidence == "default"), None)
        if key and default is not None and not any(e.entity_type == "actor" for e in forms.get(key, [])):
            forms.setdefault(key, []).append(default)
    lengths: dict[str, set[int]] = {}
    for key in forms:
        lengths.setdefault(key[0], set()).add(len(key))
    firsts = {k: max(v) for k, v in lengths.items()}
    return EntityIndex(forms, max(firsts.values(), default=1), firsts=firsts, by_id=by_id,
                       lengths={k: frozenset(v) for k, v in lengths.items()})


_ABD = "عبد"


def _abd_spellings(key: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The other spelling of a name with عبد: joined to the next word (عبد الفتاح → عبدالفتاح, as the Gulf press
    writes it) or apart (عبدالله → عبد الله); none when the name has no عبد."""
    out = []
    for i, word in enumerate(key):
        if word == _ABD and i + 1 < len(key):
            out.append(key[:i] + (word + key[i + 1],) + key[i + 2:])
        elif word.startswith(_ABD) and len(word) > len(_ABD) + 2:
            out.append(key[:i] + (_ABD, word[len(_ABD):]) + key[i + 1:])
    return tuple(out)


@lru_cache(maxsize=200_000)
def index_keys(key: str, *, lex: Lexicons) -> tuple[tuple[str, ...], int]:
    """The readings of a word that open some known form, and the longest such form (most words: none)."""
    firsts = entity_index(lex=lex).firsts
    readings = clitic_keys(key)
    if len(key) > 4 and key.startswith(("لل", "ولل", "فلل")):
        readings += (key[key.index("لل") + 1:],)  # للبنان، لليفربول: ل before a name that starts with ل
    keys = tuple(k for k in readings if k in firsts)
    return keys, max((firsts[k] for k in keys), default=0)


@lru_cache(maxsize=200_000)
def _tries(key: str, *, lex: Lexicons) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """(form length, the word's readings that open a form of that length), longest first: what `lookup` tries."""
    lengths = entity_index(lex=lex).lengths
    keys = index_keys(key, lex=lex)[0]
    return tuple((n, tuple(k for k in keys if n in lengths[k]))
                 for n in sorted({n for k in keys for n in lengths[k]}, reverse=True))


def known_at(tokens: list[Token], i: int, text: str, *, lex: Lexicons) -> int:
    """Tokens of the known form at token i (0 for none); most words open none and are answered from a cache."""
    if i >= len(tokens) or not index_keys(tokens[i].key, lex=lex)[0]:
        return 0
    return lookup(tokens, i, text, lex=lex)[0]


def lookup(tokens: list[Token], i: int, text: str, *, lex: Lexicons) -> tuple[int, list[Entity], int, tuple[str, ...]]:
    """Longest known form starting at token i: (tokens used, entities, proclitic chars to skip, folded form)."""
    first = tokens[i].key
    keys, longest = index_keys(first, lex=lex)
    if not keys:
        return 0, [], 0, ()
    forms = entity_index(lex=lex).forms  # a cache hit in C, quicker than a WeakKeyDictionary's Python get
    limit = min(longest, len(tokens) - i)
    m = 1  # words from i joined by spaces only: a form never runs over punctuation or a line break
    while m < limit and gap_is_space(text, tokens[i + m - 1].end, tokens[i + m].start):
        m += 1
    rest_keys = tuple(map(_KEY, tokens[i + 1:i + m]))
    for n, readings in _tries(first, lex=lex):  # only the lengths some form has, longest first
        if n > m:
            continue
        rest = rest_keys[:n - 1]
        for key in readings:
            hit = forms.get((key,) + rest)
            if hit:
                return n, hit, proclitic_chars(text, tokens[i], first, key), (key,) + rest
    return 0, [], 0, ()


def proclitic_chars(text: str, tok: Token, key: str, stem: str) -> int:
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


@dataclass
class Hit:
    """One stretch of the text read as naming one or more entities (a country names a place and a state)."""

    i: int  # first token
    j: int  # token after the last
    start: int  # characters in the text
    end: int
    ents: list[Entity]
    how: str  # "form" (a lexicon or gazetteer form), "person", "cue" (a place after قرية …), "org", "team"
    form: tuple[str, ...] = ()  # the folded form matched ("form" hits)
    locative: bool = False  # read as a location (في سوريا)
    skip: int = 0  # proclitic characters before start
    evidence: int = 0  # evidence a homograph place needs to stay (0: none needed)
    score: int = 0  # evidence its words give


@dataclass
class Found:
    """What the entity pass found in one text."""

    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    # token index → token index after a known form there, and the ids it names
    spans: dict[int, tuple[int, list[str]]] = field(default_factory=dict)
    # folded surname keys of people named in the article → person id (for later bare surnames)
    people: dict[tuple[str, ...], str] = field(default_factory=dict)
    people_firsts: set[str] = field(default_factory=set)
    locative_until: int = -1  # token index after the last place read as a location
    hits: list[Hit] = field(default_factory=list)
    team_head_until: int = -1  # token index after a نادي/فريق: a club name there is a club in any article
