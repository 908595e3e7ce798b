"""Who said it: the speaker of each reporting cue, chosen among candidates on named evidence, and one key per
speaker.

A speaker phrase (the words between a reporting verb and what it reports, or after بحسب) is read into chunks:
fillers and times, prepositional phrases (في بيان، لـ«الحياة»: an occasion, or the one spoken to), an actor the
lexicons know, a title (وزير الخارجية الأميركي) with the name the text gives it, an unnamed source, a document,
a bare noun (الوزارة) and words no list knows. Every chunk or discourse referent that may be the speaker is a
`Candidate`; each piece of evidence (its position, the clause it sits in, its kind, a preposition before it,
agreement with the verb's gender) adds its weight from `WEIGHTS`, and the best candidate above `FLOOR` speaks.
Nothing good enough leaves the speaker unknown rather than guessed. A verb with no subject of its own continues
the discourse: the subject of its sentence or the last speaker, whichever is nearer and agrees with the verb.

`canonical_sources` then gives every speaker one key across the archive (`speaker_id`): the lexicon id when
the name is a lexicon actor through a clitic or a spelling variant (لبي بي سي → bbc, بوتن → vladimir-putin),
the fullest name the article gives a short form (سكوتلاند → باتريشيا سكوتلاند), else the folded name.
"""
from __future__ import annotations

import bisect
import re
import weakref
from dataclasses import dataclass, field, replace
from functools import lru_cache

from lib.extract.cues import Cue, find_cues, is_complementiser
from lib.extract.entities import Found, entity_index
from lib.extract.identity import NOBODY, namesake_choice
from lib.extract.people import NISBA_RANK, verb_after_name
from lib.lexicons import Lexicons
from lib.records import Entity, Mention, Statement
from lib.text.normalize import fold
from lib.text.quote_marks import QuoteSpan, pair_quotes
from lib.text.tokens import Token, gap_is_space

# A speaker phrase is read at most this many chunks far: real ones are far shorter, and a run of reporting
# verbs or fillers with no content (قال قال قال …) must not be read to its end from every one of its verbs.
MAX_PHRASE_CHUNKS = 40

# where a sentence ends (also a full stop between two words with no space: التراثية.وسلط)
# a full stop after a lone letter is an abbreviation's (أ.د. عبدالرحمن، د. محمد): it ends no sentence
# (the full stop is matched before its look-behinds are tried: a look-behind at every position was 4× slower)
_SENTENCE_BREAK = re.compile(r"\n|[!?؟](?=[ \n])|\.(?<![\s.(][\u0621-\u064a]\.)(?:(?=[ \n])|(?<=[\u0621-\u064a]\.)(?=[\u0621-\u064a]))")
_CLAUSE_MARKS = "،,؛:"
MAX_NAME_TOKENS = 4  # an unknown name kept as written is at most this long
MAX_TITLE_TOKENS = 14
MAX_BODY_TOKENS = 7  # a body's name after its kind (المكتب الإعلامي لرئيس مجلس الوزراء العراقي)

# How much each piece of evidence counts for a candidate (summed; the best candidate at or above FLOOR wins).
WEIGHTS: dict[str, float] = {
    "subject": 3.0,  # the first noun phrase after the verb (VSO, the usual order of news Arabic)
    "before_verb": 2.5,  # the actor right before the verb, opening its clause (الكرملين قال …)
    "verb_has_conjunction": -3.0,  # وقال after a noun: a new clause whose subject is not that noun
    "sentence_subject": 2.4,  # a verb with no subject: the subject of its own sentence
    "earlier_subject": 2.0,  # … or of a sentence since the last statement
    "last_speaker": 1.8,  # … or the last speaker
    "same_sentence_speaker": 1.0,  # the last speaker spoke in this very sentence (…، مضيفا)
    "nearer_than_subject": 0.5,  # … after the sentence's subject (a later verb of the sentence had its own)
    "last_person_named": 0.8,  # nothing else: the last person the text named
    "person": 1.0,
    "known": 0.8,  # an actor the lexicons know
    "title_named": 1.0,  # a title that the text (or the office table) gives a name
    "title": 0.3,
    "anonymous": 0.5,
    "document": 0.3,
    "body": 0.5,  # a body named by its kind and name (شركة «كومريس»)
    "bare_resolved": 0.5,  # a bare noun (الوزارة) resolved to the body the article names
    "bare": -0.5,  # a bare noun the article never names: kept as anonymous
    "name": -1.0,  # words no list knows, kept as written
    "name_recurs": 1.0,  # … that are a short form of a name the article gives in full
    "name_ends_phrase": 0.5,  # … that run right up to the content, a comma or a preposition
    "name_everyday": 0.0,  # … whose every word is an everyday word, none a name's (a surname may be one: صبرا)
    "attribution_everyday": -1.5,  # … after بحسب / وفق (وفق مقطع فيديو منشور، بحسب معلومات): a thing, not a source
    "name_runs_on": -1.5,  # … that run on into more words (not a name: ولا يرى في التقدم بالسن عائقا)
    "attribution_name": -1.0,  # after بحسب / وفق, unknown words are often not a source (وفق الخطط)
    "name_definite": -1.0,  # … and words with ال are mostly common nouns (الخطط), seldom names (الحمدان)
    "definite_everyday": -1.0,  # … every word definite and everyday (الاتهامات الموجهة): the verb's object
    "gender_clash": -2.5,  # قالت with a man, قال with الوزارة
    "number_clash": -3.0,  # … and قالوا with one person
    "far": -0.3,  # a referent two or three paragraphs back
    "very_far": -1.0,  # … or further
    "last_by_attribution": -0.3,  # the last speaker was named after بحسب: a source, not the topic
}
FLOOR = 1.5


@dataclass(frozen=True)
class Source:
    """Who a statement is attributed to."""

    speaker: str | None
    speaker_ar: str | None
    speaker_id: str | None
    kind: str  # person, organization, state, media, document, anonymous, title, named …
    gender: str = field(default="", compare=False)  # m, f, pl or "" (unknown): for agreement with the verb


UNKNOWN = Source(None, None, None, "unknown")
# The speaker of a hadith (قال رسول الله صلى الله عليه وسلم، وفي الحديث الشريف، جاء في الحديث عن النبي)
PROPHET = Source("Prophet Muhammad", "النبي محمد", None, "person", "m")


@dataclass
class Candidate:
    """A possible speaker and the evidence for it."""

    source: Source
    at: int  # where it stands in the text
    evidence: list[str]

    @property
    def score(self) -> float:
        """The summed weight of the evidence."""
        return sum(WEIGHTS[e] for e in self.evidence)


# ---------------------------------------------------------------- word classes

@dataclass(frozen=True)
class _Classes:
    """Folded word classes a speaker phrase is read with (built once per loaded Lexicons)."""

    by_word: dict[str, str]  # folded word → its class
    roles: frozenset[str]  # one- and two-word titles
    relational: frozenset[str]
    issuer: frozenset[str]
    addressee: frozenset[str]
    particles: frozenset[str]
    name_link: frozenset[str]
    given: frozenset[str]


# Class names, in order of precedence when a word is listed twice.
_ORDER = ("divine", "relative", "issuer", "honorific", "time", "filler", "group", "quantity", "anonymous", "bare_document", "bare_body",
          "name_context", "document", "role", "addressee", "prep", "not_speaker", "stop")


@lru_cache(maxsize=4)
def _classes(*, lex: Lexicons) -> _Classes:
    sp, w = lex.speaker_phrase, lex.words
    sets = {
        "divine": sp["divine"], "relative": sp["relative"], "issuer": sp["issuer"], "honorific": sp["honorific"], "time": sp["time"],
        "filler": sp["filler"] - sp["phrase_break"] - sp["preposition"], "group": sp["group"], "quantity": sp["quantity"],
        "anonymous": w.anonymous,
        "bare_document": sp["bare_document"], "bare_body": sp["bare_body"], "document": w.documents,
        "role": w.roles | w.ranks | sp["name_title"], "name_context": w.name_contexts, "addressee": sp["addressee"],
        "prep": sp["phrase_break"] | sp["preposition"], "not_speaker": w.not_speakers | sp["prepositional"],
        "stop": w.stopwords,
    }
    by_word: dict[str, str] = {}
    for name in reversed(_ORDER):
        for word in sets[name]:
            if " " not in word:
                by_word[word] = name
    return _Classes(by_word, w.roles | w.ranks | sp["name_title"], sp["relational"], sp["issuer"], sp["addressee"], sp["particle"],
                    lex.function_words["name_link"], lex.given_names)


# Per loaded Lexicons: word → class, with the conjunction و/ف stripped when the word itself has none.
_CLASS_MEMO: weakref.WeakKeyDictionary[Lexicons, dict[str, str]] = weakref.WeakKeyDictionary()


_BLESSINGS = frozenset({"رحمه", "يرحمه", "رحمها", "يرحمها", "رحمهم", "رحمهما"})  # folded; before الله
_APPOSITION_OPENERS = frozenset({"احد", "احدي"})  # folded أحد، إحدى: «X أحد المسؤولين» describes X, it ends his name
_DIRECTION_ADJECTIVES = frozenset({"الشرقيه", "الغربيه", "الشماليه", "الجنوبيه", "الوسطي", "الشرقي", "الغربي",
                                   "الشمالي", "الجنوبي"})  # folded; المنطقة الشرقية ends a title's body
_COUNT_OF = frozenset({"اكثر", "اقل", "كثير", "الكثير", "العديد"})  # folded: a count that needs من (كثير من …)
_KUNYA = frozenset({"ام", "ابو"})  # folded أم، أبو: a name's opening (أم متولي، أبو محمد)
_SUBJECT_PARTICLES = frozenset({"ان", "لان", "بان", "وان"})  # folded أن، إن، لأن، بأن: a subject follows (إلا أن فرنسا قالت)
_ABBREVIATED_TITLES = frozenset({"د"})  # د. (دكتور) before a name: a title like الدكتور


_LAST_MEMO: list = [None, None]  # (weak reference to the last Lexicons, its memo): one lookup, not one per call


def word_class(key: str, *, lex: Lexicons) -> str:
    """The class of a folded word in a speaker phrase ('word' for words no list holds)."""
    ref, memo = _LAST_MEMO
    if ref is None or ref() is not lex:
        memo = _CLASS_MEMO.get(lex)
        if memo is None:
            memo = _CLASS_MEMO[lex] = {}
        _LAST_MEMO[:] = [weakref.ref(lex), memo]
    hit = memo.get(key)
    if hit is None and key in _ABBREVIATED_TITLES:
        hit = memo[key] = "role"
    if hit is None:
        by_word = _classes(lex=lex).by_word
        hit = by_word.get(key)
        if hit is None and len(key) > 3 and key[0] in "وف":
            hit = by_word.get(key[1:])
        if hit is None and len(key) == 3 and key[0] in "وف" and by_word.get(key[1:]) in ("stop", "prep"):
            hit = by_word[key[1:]]  # وهو، وهي: a pronoun under its conjunction (وهو جمهوري is no name); وعن، وفي
        if hit is None and key.startswith("ال") and by_word.get(key[2:]) in ("anonymous", "group"):
            hit = "anonymous"  # الناشطون، المحللون: the unnamed group again
        if hit is None and len(key) > 4 and key.endswith("ا") and by_word.get(key[:-1]) == "anonymous":
            hit = "anonymous"  # لكن مصدرا بالشركة قال: an unnamed source in the accusative after لكن/إن
        if hit is None and key.startswith("ال") and by_word.get(key[2:]) == "name_context":
            hit = "bare_body"  # المفوضية، المنظمة: a body named by its kind alone
        if hit is None:
            hit = "number" if key.isdigit() else "word"
        memo[key] = hit
    return hit


def _glued_preposition(key: str, *, lex: Lexicons) -> str | None:
    """The noun under a preposition written onto it (لوكالة → وكاله, للصحافيين → الصحافيين), or None."""
    for pre in ("ول", "فل", "ل", "وب", "ب"):
        if key.startswith(pre) and len(key) > len(pre) + 2:
            rest = key[len(pre):]
            if rest.startswith("ل") and pre.endswith("ل"):
                rest = "ا" + rest  # للصحافيين → الصحافيين
            return rest
    return None


def _glued_role(key: str, *, lex: Lexicons) -> str:
    """The title under a ل written onto it (لوزير → وزير، للمتحدث → المتحدث), or ''."""
    if key[:1] != "ل" and key[:2] not in ("ول", "فل"):
        return ""
    rest = _glued_preposition(key, lex=lex)
    return rest if rest is not None and rest in lex.words.roles else ""


# ---------------------------------------------------------------- the article as the speaker logic sees it

class Passage:
    """One article's text with what the speaker logic looks up in it: tokens, quotes, cues, actor mentions."""

    def __init__(self, text: str, tokens: list[Token], found: Found, published: str | None, lex: Lexicons):
        self.text, self.tokens, self.found, self.published, self.lex = text, tokens, found, published, lex
        self.starts = [t.start for t in tokens]
        self.quotes = pair_quotes(text)
        self.quote_by_open = {q.open: q for q in self.quotes}
        self.opens = sorted(self.quote_by_open)
        self.long_quotes = [q for q in self.quotes if q.words(text) >= 4]
        self.cues = find_cues(text, tokens, lex=lex)
        self.cue_at = {c.first_token: c for c in self.cues}
        self.actor_mentions = sorted((m for m in found.mentions if m.entity_type == "actor"), key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.actor_mentions]
        self.taken: list[tuple[int, int]] = []  # spans of reported content so far
        self._mention_memo: dict[int, Mention | None] = {}
        self._quote_memo: dict[int, QuoteSpan | None] = {}
        self.quote_by_close = {q.close: q for q in self.quotes}
        self._positions: dict[str, list[int]] | None = None
        self._mention_words: list[tuple[Mention, Entity, list[str], list[str]]] | None = None
        self._mention_ends: set[str] = set()
        self._keys: list[str] | None = None
        self._sentence_ends: list[int] | None = None
        self._beside_cues: dict[str, list[int]] | None = None
        self._relays: list[Cue] | None = None
        self._relay_starts: list[int] = []
        self._place_starts: set[int] | None = None

    def place_starts(self) -> set[int]:
        """Where the places the entity pass found start (built once per article)."""
        if self._place_starts is None:
            self._place_starts = {m.start for m in self.found.mentions if m.entity_type == "place"}
        return self._place_starts

    def positions(self, key: str) -> list[int]:
        """Indices of the tokens whose folded word is key (found once per key and article)."""
        if self._positions is None:
            self._positions = {}
        hit = self._positions.get(key)
        if hit is None:
            # a few keys are asked per article: a scan in C for each (list.index) is cheaper than an index of
            # every word built in Python
            if self._keys is None:
                self._keys = [t.key for t in self.tokens]
            keys, hit, n = self._keys, [], -1
            try:
                while True:
                    n = keys.index(key, n + 1)
                    hit.append(n)
            except ValueError:
                pass
            self._positions[key] = hit
        return hit

    def first_position(self, key: str) -> int:
        """Index of the first token whose folded word is key, or -1."""
        if self._keys is None:
            self._keys = [t.key for t in self.tokens]
        try:
            return self._keys.index(key)
        except ValueError:
            return -1

    def relays_after(self, token: int) -> list[Cue]:
        """The «نقلا عن» attributions that start after a token, in text order."""
        if self._relays is None:
            self._relays = [c for c in self.cues if c.kind == "attribution" and c.form.startswith("نقلا")]
            self._relay_starts = [c.first_token for c in self._relays]
        return self._relays[bisect.bisect_right(self._relay_starts, token):]

    def beside_cues(self) -> dict[str, list[int]]:
        """Words right before or after a reporting cue → their token indices (قال ويست، نيومان فيقول)."""
        if self._beside_cues is None:
            self._beside_cues = {}
            for c in self.cues:
                for j in (c.first_token - 1, c.last_token + 1):
                    if 0 <= j < len(self.tokens):
                        self._beside_cues.setdefault(self.tokens[j].key, []).append(j)
        return self._beside_cues

    def mention_words(self) -> list[tuple[Mention, Entity, list[str], list[str]]]:
        """Every actor mention with its entity, its folded words and the entity's fullest name's (built once)."""
        if self._mention_words is None:
            self._mention_words = []
            for m in self.actor_mentions:
                ent, mw = self.entity(m), fold(m.surface).split()
                full = fold(ent.name_ar or m.surface).split() if ent.entity_id.startswith("person:") else mw
                self._mention_words.append((m, ent, mw, full))
            self._mention_ends = {w for _, _, mw, full in self._mention_words for w in (mw[0], mw[-1], full[-1])}
        return self._mention_words

    def may_name(self, words: list[str]) -> bool:
        """Can these words be a short form of a mention (their first or last word ends or opens one)?"""
        self.mention_words()
        return words[-1] in self._mention_ends or words[0] in self._mention_ends

    def token_after(self, pos: int) -> int:
        """Index of the first token starting at or after pos."""
        return bisect.bisect_left(self.starts, pos)

    def token_at(self, pos: int) -> int:
        """Index of the token that holds pos (or the first after it)."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return i if i >= 0 and self.tokens[i].end > pos else i + 1

    def mention_in(self, i: int) -> Mention | None:
        """The actor mention that starts inside token i (after any proclitic), the longest if several."""
        if i in self._mention_memo:
            return self._mention_memo[i]
        tok = self.tokens[i]
        k = bisect.bisect_left(self.mention_starts, tok.start)
        best = None
        while k < len(self.actor_mentions) and self.actor_mentions[k].start < tok.end:
            m = self.actor_mentions[k]
            if best is None or m.end > best.end:
                best = m
            k += 1
        self._mention_memo[i] = best
        return best

    def entity(self, m: Mention) -> Entity:
        """The entity a mention names."""
        return self.found.entities[m.entity_id]

    def in_content(self, pos: int) -> bool:
        """Is pos inside reported content found so far, or inside a long quote?"""
        return any(a <= pos < b for a, b in self.taken) or any(q.open < pos < q.close for q in self.long_quotes)

    def quote_holding(self, pos: int) -> QuoteSpan | None:
        """The innermost quote whose marks enclose pos."""
        if pos in self._quote_memo:
            return self._quote_memo[pos]
        best = None
        if not self.opens or pos <= self.opens[0]:
            self._quote_memo[pos] = None
            return None
        k = bisect.bisect_right(self.opens, pos)
        for o in reversed(self.opens[:k]):
            q = self.quote_by_open[o]
            if q.open < pos < q.close and (best is None or q.open > best.open):
                best = q
            if pos - o > 400:
                break
        self._quote_memo[pos] = best
        return best

    def is_name_quote(self, q: QuoteSpan) -> bool:
        """A short quoted name or term («داعش»، منظمة "اير وورز") rather than quoted words."""
        text = self.text
        words = q.words(text)
        if 4 <= words <= 6 and fold(text[q.open + 1:q.close].strip()).split(" ")[0] in self.lex.words.name_contexts \
                and text[q.close + 1:q.close + 3].strip()[:1] in ("،", ",", "") and text[q.close + 1:q.close + 2] != ":":
            return True  # وتقول «مجموعة الأزمات الدولية (ICG)»، ومقرها بروكسل: «…»: a body's name in quotes
        if 4 <= words <= 6 and text[q.close + 1:q.close + 2] != ":":
            k = self.token_after(q.open) - 1
            key = self.tokens[k].key if k >= 0 and self.tokens[k].end <= q.open else ""
            bare = key[1:] if key[:1] in "لب" else key
            if bare in self.lex.words.name_contexts and not bare.startswith("ال") and \
                    not text[self.tokens[k].end:q.open].strip(" \t"):
                return True  # تقرير لمركز «جاينز آي إتش إس ماركيت» للأبحاث: a body's name after its kind
        if words >= 4:
            return False
        if words <= 1:
            return True
        inner = fold(text[q.open + 1:q.close].strip())
        j = self.token_after(q.open + 1)
        if j < len(self.tokens) and j in self.found.spans:
            end_tok = self.found.spans[j][0] - 1
            if self.tokens[end_tok].end >= q.close - 1:
                return True  # the whole quote is a known name
        if self.glued(q):
            return True  # glued to a preposition: لـ«الشرق الأوسط»، بـ«والي …»
        k = self.token_after(q.open) - 1
        names = self.lex.words.name_contexts
        return k >= 0 and self.tokens[k].end <= q.open and (self.tokens[k].key in names or
                                                            self.tokens[k].key[1:] in names) and bool(inner)

    def glued(self, q: QuoteSpan) -> bool:
        """Is the quote written onto a preposition (بـ«…»، لـ«…»)?"""
        before = self.text[max(0, q.open - 2):q.open]
        return before.endswith("ـ") or bool(before and before[-1] not in " \n\t:،,(")

    def sentence_start(self, pos: int) -> int:
        """Start of the sentence holding pos (a full stop inside a quoted passage ends no sentence)."""
        if self._sentence_ends is None:
            ends = [m.start() for m in _SENTENCE_BREAK.finditer(self.text)]
            for q in self.quotes:  # a full stop inside a one-paragraph quote ends no sentence
                if q.close - q.open > 2 and "\n" not in self.text[q.open:q.close]:
                    a, b = bisect.bisect_right(ends, q.open), bisect.bisect_left(ends, q.close)
                    if a < b:
                        del ends[a:b]
            self._sentence_ends = ends
        k = bisect.bisect_left(self._sentence_ends, pos) - 1
        return self._sentence_ends[k] + 1 if k >= 0 else 0

    def paragraph_start(self, pos: int) -> int:
        """Start of the paragraph holding pos."""
        return self.text.rfind("\n", 0, pos) + 1

    def paragraphs_back(self, pos: int, n: int) -> int:
        """Start of the paragraph n paragraphs before the one holding pos (blank lines are no paragraphs)."""
        start = self.paragraph_start(pos)
        while n > 0 and start > 0:
            start = self.paragraph_start(start - 1)
            end = self.text.find("\n", start)
            if self.text[start:end if end >= 0 else len(self.text)].strip():
                n -= 1
        return start


# ---------------------------------------------------------------- reading a speaker phrase

@dataclass
class Chunk:
    """A stretch of a speaker phrase: what it is and which tokens it covers."""

    kind: str  # filler, prep, actor, title, anonymous, document, bare, body, name, junk, relative, group
    first: int  # token index
    last: int  # inclusive
    mention: Mention | None = None
    person: Mention | None = None  # a title's appositive name
    inner_person: bool = False  # the name inside the title belongs to an inner title (مستشار الرئيس X)
    name_span: tuple[int, int] | None = None  # a rank's name that no list knows (القاضي عبدالستار البيرقدار)
    name_after_title: bool = False  # … or a name set off by commas after the title
    clitic: int = 0  # characters of a preposition written onto the chunk's first word (لسيريان)
    issuer: "Chunk | None" = None  # a document's issuer (بيان صادر عن الوزارة)
    after_comma: bool = False
    addressee: bool = False
    relative: bool = False  # inside a relative clause (الذي يدعم …)


def madda_name(tokens: list[Token], i: int, cues: list[Cue], lex: Lexicons) -> bool:
    """Is آن at token i the name Anne: right after a reporting verb, before a word no everyday list holds (وقالت آن
    شوكيت)? Elsewhere it is a time (في آن معاً) or أن written with a madda (وأفادت مصادر آن …)."""
    return i + 1 < len(tokens) and tokens[i + 1].key not in lex.words.common_words and \
        any(c.last_token == i - 1 and c.kind == "verb" for c in cues)


def _nisba(key: str) -> bool:
    """An adjective of relation (الأميركي، صحفي، الرسمية): it qualifies the noun before it."""
    return len(key) > 3 and key.endswith(("ي", "يه", "يون", "يين", "يان"))


def _prepositional(key: str) -> bool:
    """بنسبة، بالسن، للصحافيين: a word carrying a preposition and the article is no name."""
    return key.startswith(("بال", "لل", "كال", "وبال", "ولل", "فبال", "فلل"))


class Reader:
    """Reads the tokens of a speaker phrase into chunks (token kinds are cached on the Passage)."""

    def __init__(self, p: Passage):
        self.p, self.lex, self.cls = p, p.lex, _classes(lex=p.lex)
        self.kinds: dict[int, str] = {}
        self.clitic: dict[int, tuple[int, Entity]] = {}

    # ---- tokens

    def key(self, i: int) -> str:
        return self.p.tokens[i].key

    def definite(self, i: int) -> bool:
        """Does token i carry the article as written (الأهلي, not إلغاء, whose folded key also opens with ال)?"""
        tok = self.p.tokens[i]
        written = self.p.text[tok.start:tok.end].lstrip("«\"“")
        if written[:1] in "وف" and len(written) > 3:
            written = written[1:]  # one conjunction (a strip of every clitic letter read وكالة as و+ك+الة)
        return written.startswith(("ال", "لل")) or written.startswith(("بال", "كال")) and len(written) > 5  # (كالة، بالغ)

    def boundary(self, i: int) -> bool:
        """Is there punctuation (a comma, a colon, a line break) before token i?"""
        if i <= 0:
            return True
        p = self.p
        gap = p.text[p.tokens[i - 1].end:p.tokens[i].start]
        if p.tokens[i - 1].key in _ABBREVIATED_TITLES and gap.strip() == "." and "\n" not in gap:
            return False  # د. محمد العلي: the doctor's abbreviation, not a sentence's end
        return not gap_is_space(p.text, p.tokens[i - 1].end, p.tokens[i].start) and \
            gap.strip(" \t\u00a0«»\"“”()ـ#") != ""  # (#محمد_بن_سلمان: a hashtag is no punctuation)

    def kind(self, i: int) -> str:
        """What token i is in a speaker phrase: mention, glued_mention, name_quote, glued_noun, prepositional,
        name_link, word, or its word class (role, anonymous, prep, filler …)."""
        hit = self.kinds.get(i)
        if hit is not None:
            return hit
        p, tok = self.p, self.p.tokens[i]
        q = p.quote_holding(tok.start)
        m = p.mention_in(i)
        if q is not None and p.is_name_quote(q):
            hit = "name_quote"
        elif m is not None:
            pre = fold(p.text[tok.start:m.start]) if m.start > tok.start else ""
            hit = "glued_mention" if any(c in pre for c in "لبك") else "mention"
        else:
            hit = word_class(tok.key, lex=self.lex)
            written = p.text[tok.start:tok.end]
            if tok.key in ("امام", "وامام") and written.lstrip("و").startswith("إ"):
                hit = "role"  # إمام المسجد (an imam), not أمام (in front of): the hamza tells them apart
            elif hit == "quantity" and tok.key in _COUNT_OF and tok.key not in ("اكثر", "اقل") and not (
                    i + 1 < len(p.tokens) and p.tokens[i + 1].key in ("من", "منهم", "منهن")):
                hit = "word"  # ابن كثير: كثير counts only what من follows it with
            elif hit == "prep" and written == "فالي" and i and self.kind(i - 1) == "word" and not self.boundary(i):
                hit = "word"  # جيمي فالي: a name's word after a name's word, not فإلى (written with ى)
            elif tok.key == "ان" and written.startswith("آ") and madda_name(p.tokens, i, p.cues, self.lex):
                hit = "word"  # وقالت آن شوكيت: the name Anne, not أن/إن (its madda tells them apart)
            if hit == "word" and i not in p.cue_at and "\u064b" in written:
                hit = "accusative"  # ويضيف استعمالاً مجازياً: a word with tanwin al-fath is the verb's object, no name
            elif hit == "word":
                clitic = self._clitic_actor(i)
                if clitic is not None:
                    self.clitic[i] = clitic
                    hit = "glued_mention" if tok.key[0] in "لبك" or tok.key[1:2] in ("ل", "ب") else "mention"
                elif self._glued_place(tok.key):
                    hit = "glued_place"  # خلال زيارة لإسبانيا: a place under its preposition, never the speaker
                elif self._glued_noun(tok.key):
                    hit = "glued_noun"
                elif _prepositional(tok.key):
                    hit = "prepositional"
                elif tok.key in self.cls.name_link:
                    hit = "name_link"
        self.kinds[i] = hit
        return hit

    def possessed(self, i: int) -> bool:
        """Does token i carry a possessive pronoun (توجيهه، كلمتها، حديثهم), so that it is an occasion, not a place or
        body a title belongs to?"""
        tok = self.p.tokens[i]
        written = self.p.text[tok.start:tok.end]
        return len(written) > 4 and not self.definite(i) and written.endswith(("ه", "ها", "هم", "هما")) and \
            self.kind(i) == "word"

    def entity_at(self, i: int) -> Entity | None:
        """The actor a mention chunk at token i names."""
        m = self.p.mention_in(i)
        if m is not None:
            return self.p.entity(m)
        clitic = self.clitic.get(i)
        return clitic[1] if clitic else None

    def mention_last(self, i: int) -> int:
        """Last token of the mention starting in token i."""
        m = self.p.mention_in(i)
        if m is not None:
            return max(i, self.p.token_after(m.end) - 1)
        clitic = self.clitic.get(i)
        return i + clitic[0] - 1 if clitic else i

    def quote_last(self, i: int) -> int:
        """Last token inside the name quote holding token i."""
        q = self.p.quote_holding(self.p.tokens[i].start)
        return max(i, self.p.token_after(q.close) - 1) if q else i

    def _clitic_actor(self, i: int) -> tuple[int, Entity] | None:
        """An actor written onto a clitic the matcher leaves on short words (لبي بي سي): (tokens, actor)."""
        tokens = self.p.tokens
        key = tokens[i].key
        if len(key) < 3 or key[0] not in "لبوفك":
            return None
        index = entity_index(lex=self.lex)
        stems = [k for k in [key[1:]] + ([key[2:]] if key[:2] in ("ول", "وب", "فل", "فب") else [])
                 if k in index.firsts]
        for stem in stems:
            for n in range(min(index.longest, len(tokens) - i), 1, -1):
                form = (stem,) + tuple(t.key for t in tokens[i + 1:i + n])
                hits = [e for e in index.forms.get(form, []) if e.entity_type == "actor"]
                if hits:
                    return n, hits[0]
        return None

    def _glued_place(self, key: str) -> bool:
        """لإسبانيا، بالعراق: a preposition written onto a place the gazetteer knows."""
        if len(key) < 4 or key[0] not in "لب":
            return False
        hits = entity_index(lex=self.lex).forms.get((key[1:],), ())
        return any(e.entity_type == "place" for e in hits)

    def _glued_noun(self, key: str) -> bool:
        """لوكالة، للصحافيين، لنظيره، بتصريح: a preposition written onto an outlet, journalists or an occasion."""
        rest = _glued_preposition(key, lex=self.lex)
        return rest is not None and (word_class(rest, lex=self.lex) in (
            "name_context", "addressee", "document", "not_speaker") or self._addressee_noun(key))

    def _addressee_noun(self, key: str) -> bool:
        """لوكالة، للصحافيين، لمتابعيه، لأنصارها: the ones spoken to."""
        rest = _glued_preposition(key, lex=self.lex)
        if rest is None:
            return False
        if key[:1] == "ل" and any(c.isascii() and c.isalnum() for c in rest):
            return True  # لـCNN، لفرانس24: an outlet in Latin letters or with its channel's number (no name has either)
        if key[:1] == "ل" and len(rest) > 4 and rest.endswith(("يه", "يها", "يهم", "اته", "اتها")) \
                and not rest.startswith("ال"):  # (للاتفاقية: a definite noun carries no pronoun)
            return True  # لمتابعيه، لمحبيها: his followers, her fans
        return word_class(rest, lex=self.lex) in ("name_context", "addressee")

    # ---- chunks

    def read(self, start: int, end: int, after_subject: int | None = None) -> list[Chunk]:
        """The chunks of the tokens from start to end (exclusive); with after_subject, only that many more
        once a chunk that may name the speaker is read (the rest of a long phrase is not needed)."""
        chunks: list[Chunk] = []
        i, relative, left = start, False, None
        while i < end and left != 0 and len(chunks) < MAX_PHRASE_CHUNKS:
            cue = self.p.cue_at.get(i)
            if i > start and cue is not None and cue.kind == "attribution":
                break  # أبلغ عنها، وفقا لبيانات بي بي سي: what follows is the attribution's own phrase
            comma = i > start and self.boundary(i)
            if comma:
                relative = False
            chunk = self.chunk(i, end)
            chunk.after_comma = comma
            chunk.relative = relative
            if chunk.kind == "relative":
                relative = True
            chunks.append(chunk)
            i = max(chunk.last, i) + 1
            if left is not None:
                left -= 1
            elif after_subject is not None and chunk.kind not in ("filler", "prep", "relative"):
                left = after_subject if chunk.kind == "anonymous" else min(after_subject, 2)
        return chunks

    def chunk(self, i: int, end: int) -> Chunk:
        """The chunk that starts at token i."""
        k = self.kind(i)
        if k == "name_quote":
            if self.key(i) in self.lex.words.name_contexts:  # «مجموعة الأزمات الدولية»: a body by its kind and name
                return Chunk("body", i, min(self.quote_last(i), end - 1))
            return Chunk("name", i, min(self.quote_last(i), end - 1))
        if k == "word" and i in self.p.cue_at and self.p.cue_at[i].kind in ("verb", "participle"):
            return Chunk("filler", i, self.p.cue_at[i].last_token)  # ومضى يقول، وتابع قائلا
        if k == "mention":
            last = min(self.mention_last(i), end - 1)
            m = self.p.mention_in(i)
            if last + 1 < end and self.key(last + 1)[:1] == "ل" and not self.boundary(last + 1) and \
                    self.kind(last + 1) in ("word", "glued_noun") and not self._addressee_noun(self.key(last + 1)) \
                    and self.p.entity(m).entity_id.startswith("org:") and (self.key(last + 1).startswith("لل") or (
                        last + 2 < end and not self.boundary(last + 2) and self.definite(last + 2))):
                body = self.body(i, end)  # الاتحاد المصري لكرة القدم: a body the matcher cut before its genitive
                if body.kind == "body" and body.last > last:
                    return body
            if last == i and self.p.entity(m).kind == "team" and word_class(self.key(i), lex=self.lex) == "bare_body" \
                    and self._only_in_longer_names(i):
                return Chunk("bare", i, i)  # وأكد الاتحاد after الاتحاد السعودي لكرة القدم: the federation, not the club
            return Chunk("actor", i, last, mention=m)
        if k in ("glued_mention", "glued_noun", "prep"):
            return self.prep(i, end)
        if k == "glued_place":
            return Chunk("prep", i, i)
        if k in ("filler", "time", "honorific"):
            return Chunk("filler", i, i)
        if k == "relative":
            return Chunk("relative", i, i)
        if k == "accusative":
            return Chunk("object", i, i)
        if k in ("group", "anonymous"):
            return Chunk("anonymous", i, self.description(i + 1, end))
        if k == "addressee" and i + 1 < end and not self.boundary(i + 1) and \
                f"{self.key(i)} {self.key(i + 1)}" in self.lex.words.anonymous:
            return Chunk("anonymous", i, self.description(i + 2, end))  # وتقول وسائل إعلام إثيوبية: two words
        if k == "quantity":
            # a count needs what it counts, and أكثر/أقل a من (أكثر المواقف عدوانية is a superlative; على نحو a manner)
            if self.key(i) in _COUNT_OF and i + 1 < end and self.key(i + 1) in ("منهم", "منهن") and \
                    not self.boundary(i + 1):
                return Chunk("anonymous", i, i + 1)  # ويقول الكثير منهم: some of them
            last = self.counted(i + 1, end) if self.key(i) not in _COUNT_OF or (
                i + 1 < end and self.key(i + 1) == "من") else i  # (كثير من المحللين; كثير is no one alone)
            return Chunk("anonymous", i, last) if last > i else Chunk("junk", i, i)
        key = self.key(i)
        if k == "word" and len(key) >= 5 and key[0] == "م" and key[1] != "ا" and key.endswith("و") and \
                i + 1 < end and not self.boundary(i + 1) and (self.definite(i + 1) or self.kind(i + 1) == "mention"):
            if self.kind(i + 1) == "mention":  # وقال محامو ساركوزي: the group is someone's
                return Chunk("anonymous", i, self.mention_last(i + 1))
            return Chunk("anonymous", i, self.description(i + 1, end))  # مقدمو الشكوى، ممثلو الفصائل: a group
        if key == "ام" and i + 1 < end and not self.boundary(i + 1) and self.kind(i + 1) == "word" and \
                not self.definite(i + 1) and (self.key(i + 1) in self.cls.given or
                                              self.key(i + 1) not in self.lex.words.common_words):
            return self.name(i, end)  # وذكرت أم متولي، تحدثنا أم عبدالعزيز: a mother's kunya, not «or»
        if k == "word" and len(key) >= 8 and key.startswith("الم") and key.endswith("ون"):
            return Chunk("anonymous", i, self.description(i + 1, end))  # ويؤكد المشرفون على …: a group, unnamed
        if key in ("احد", "احدي") and i + 1 < end and not self.boundary(i + 1) and self.kind(i + 1) in (
                "word", "anonymous", "group", "role", "bare_body") and (
                    self.boundary(i) or self.kind(i - 1) in ("filler", "time", "honorific") or
                    any(c.last_token == i - 1 for c in self.p.cues)):  # (عن تعرض إحدى ناقلات النفط: an object)
            return Chunk("anonymous", i, self.description(i + 2, end))  # أحد المحررين في صحيفة …، أحد السكان
        if k == "role" or (i + 1 < end and f"{self.key(i)} {self.key(i + 1)}" in self.cls.roles) or \
                k == "name_context" and self.key(i) in self.cls.roles:  # مندوب سوريا … بشار الجعفري: a title
            return self.title(i, end)
        if k in ("document", "bare_document"):
            return self.document(i, end, bare=k == "bare_document")
        if k == "bare_body":
            nxt = i + 1
            if nxt < end and not self.boundary(nxt) and (self.kind(nxt) in ("prepositional", "mention", "name_quote")
                                                        or self.kind(nxt) in ("word", "role", "honorific") and (
                                                            _nisba(self.key(nxt)) or self.kind(nxt) == "word" and
                                                            self.key(nxt).startswith("ال"))):  # المركز الإعلامي
                body = self.body(i, end)  # الاتحاد التونسي لكرة القدم: a name, not a bare noun
                if body.kind == "body":
                    return body
            return Chunk("bare", i, i)
        if k == "name_context":
            return self.body(i, end)
        if k == "word" and self.key(i) in _demonyms(lex=self.lex) and i + 1 < end and not self.boundary(i + 1):
            named = self._name_after(i, i + 1, end)  # وقال الصيني جانغ يونغلي: a nationality, then the name
            if named is not None:
                return named
        if k == "word" and self.key(i) in self.lex.speaker_phrase["capital"]:
            return Chunk("capital", i, i)  # قالت موسكو: the capital speaks for its state
        if k in ("word", "name_link"):
            return self.name(i, end)
        return Chunk("junk", i, i)

    def _only_in_longer_names(self, i: int) -> bool:
        """Is token i's word elsewhere in the article only ever the head of a longer name (الاتحاد السعودي، الاتحاد
        الدولي لكرة القدم), never alone (a club's name)?"""
        p = self.p
        others = [j for j in p.positions(self.key(i)) if j != i]
        return bool(others) and all(j + 1 < len(p.tokens) and not self.boundary(j + 1) and (
            _nisba(self.key(j + 1)) or self.key(j + 1).startswith("ل")) for j in others)

    def prep(self, i: int, end: int) -> Chunk:
        """A preposition and its noun phrase: an occasion (في بيان)، a time, or the one spoken to (لـ«الحياة»)."""
        k, key = self.kind(i), self.key(i)
        chunk = Chunk("prep", i, i)
        if k == "glued_mention":
            chunk.last = min(self.mention_last(i), end - 1)
            ent = self.entity_at(i)
            chunk.addressee = ent is not None and ent.kind in ("media", "person")
        elif k == "glued_noun":
            chunk.addressee = self._addressee_noun(key)
        else:
            chunk.addressee = key in ("ل", "لـ", "مع", "الي", "امام")
            j = i + 1
            if j < end and not self.boundary(j):
                chunk.last = self.noun(j, end, whole=chunk.addressee or key in ("عن", "من"))
        chunk.last = self.modifiers(chunk.last + 1, end) - 1
        return chunk

    def noun(self, j: int, end: int, whole: bool) -> int:
        """Last token of the noun a preposition governs (a quote, a mention, a title and its name, a word)."""
        k = self.kind(j)
        if k == "name_quote":
            return min(self.quote_last(j), end - 1)
        if k in ("mention", "glued_mention"):
            return min(self.mention_last(j), end - 1)
        if k == "role" and whole:
            return self.title(j, end).last
        if k in ("anonymous", "group"):
            return self.description(j + 1, end) if whole else j - 1
        return j

    def modifiers(self, j: int, end: int, source: bool = False) -> int:
        """The first token after the adjectives, quoted names and nested phrases that qualify a noun (with source,
        the noun is a speaker's: the one spoken to and يدعى end it)."""
        while j < end and not self.boundary(j):
            k, key = self.kind(j), self.key(j)
            if source and (key in ("يدعي", "تدعي") or (k in ("glued_mention", "glued_noun") or k == "prep" and key in (
                    "ل", "لـ")) and self.prep(j, end).addressee):
                break  # مصدر أمني لـ«العربية نت»، مسؤول يدعى نافيد شاه: not the source's description
            if k == "name_quote":
                j = self.quote_last(j) + 1
            elif k == "time" or key in self.lex.speaker_phrase["modifier"] or (k == "word" and _nisba(key)):
                j += 1
            elif k in ("word", "bare_body", "bare_document") and key.startswith("ال") and \
                    not self.key(j - 1).startswith("ال") and self.kind(j - 1) in ("word", "document", "not_speaker"):
                j += 1  # في مستهل الباب، في ختام الاجتماع: the noun's genitive
            elif k in ("glued_mention", "glued_noun") or (k == "prep" and key in ("ل", "لـ", "مع")):
                j = self.prep(j, end).last + 1  # في حديث لـ«الحياة»، في مقابلة مع …
            elif self.key(j - 1) in self.lex.speaker_phrase["occasion_head"]:
                while j < end and not self.boundary(j) and not is_complementiser(self.p.tokens, j, lex=self.lex):
                    j += 1  # على هامش زيارة ولي العهد السعودي الأمير محمد بن سلمان إلى باريس،: the occasion
            else:
                break
        return j

    def title(self, i: int, end: int) -> Chunk:
        """A title (وزير الخارجية الأميركي، المتحدث باسم الجيش التركي) and the name the text gives it."""
        p, cls = self.p, self.cls
        head = self.key(i)
        head = _glued_role(head, lex=self.lex) or head  # (لوزير الإعلام معمر الإرياني, read for the title table)
        j, inner_role_at, complement = i + 1, -1, -1  # complement: definite nouns after في/من (-1: none yet)
        if j < end and f"{head} {self.key(j)}" in cls.roles:
            j += 1
        person_at = -1
        if head in self.lex.words.ranks or head in self.lex.words.weak_ranks or \
                head in self.lex.speaker_phrase["name_title"]:
            named = self._rank_name(i, j, end)
            if named is not None:
                return named
        while j < end and j - i < MAX_TITLE_TOKENS and not self.boundary(j):
            if j > i + 1 and "(" in p.text[p.tokens[j - 1].end:p.tokens[j].start]:
                close = p.text.find(")", p.tokens[j].start, p.tokens[end - 1].end)
                if close >= 0 and p.text[close + 1:close + 3].strip()[:1] in ("،", ","):
                    j = p.token_after(close)  # زعيم الجمهوريين (معارضة يمينية)، لوران فوكييه: a gloss, not the name
                    continue  # (الكاتب الراحل (جابرييل جارسيا ماركيز) إنه: the name itself in brackets)
            if self.kind(j) == "glued_place" and j + 1 < end and not self.boundary(j + 1) and (
                    self.kind(j + 1) == "role" or self.key(j + 1).startswith("ال") and self.kind(j + 1) == "word"
                    and j + 2 < end and self.kind(j + 2) == "role"):
                j += 1  # إمام وخطيب المسجد الحرام بمكة المكرمة الشيخ …: where the office is, then the rank and name
                continue
            k, key = self.kind(j), self.key(j)
            if key == "الي" and j > i + 1 and j + 1 < end and self.kind(j + 1) in ("word", "not_speaker") and \
                    self.definite(j + 1) and p.tokens[j + 1].start not in p.place_starts():
                break  # أحيل محافظ كرشهير إلى التقاعد: where its holder went, not the office (المبعوث إلى اليمن)
            if k == "mention":
                ent = self.entity_at(j)
                if ent is not None and ent.kind == "person" and not (
                        self.kind(j - 1) == "name_context" or self.kind(j - 1) == "glued_noun" and
                        self._genitive_noun(self.key(j - 1))):
                    after = self.mention_last(j) + 1
                    if head in cls.relational and after + 1 < end and not self.boundary(after) and (
                            self.key(after) in self.lex.words.ranks or
                            self.key(after) in self.lex.speaker_phrase["name_title"]):
                        # مستشار خامنئي الدكتور علي أكبر ولايتي: the genitive is another person, the rank's name speaks
                        inner = self.entity_at(after + 1) if self.kind(after + 1) == "mention" else None
                        if inner is not None and inner.kind == "person":
                            person_at = after + 1
                            break
                        named = self._rank_name(after, after + 1, end)
                        if named is not None and named.name_span is not None:
                            named.first, named.name_after_title = i, True
                            return named
                    person_at = j
                    break
                j = self.mention_last(j) + 1  # المتحدث باسم الجيش التركي، لمركز الملك سلمان للإغاثة
                if complement >= 0 and j < end and not self.boundary(j) and self.kind(j) == "word" and self.definite(j) and \
                        not _nisba(self.key(j)) and self.key(j) not in self.lex.speaker_phrase["modifier"]:
                    break  # وترجع المسؤولة في وزارة العمل التأخر: the body ends the title, an object follows
                continue
            if k == "glued_mention":
                ent = self.entity_at(j)
                if ent is None or ent.kind in ("media", "person"):
                    break  # لرويترز: the one spoken to
                j = self.mention_last(j) + 1  # الأمين العام للأمم المتحدة
                continue
            if k == "name_quote":
                j = self.quote_last(j) + 1
                continue
            if k == "glued_noun" and self._genitive_noun(key):
                j += 1  # المتحدث الرسمي لمركز الملك سلمان: "of" a body, not "to" an outlet
                continue
            if k == "role" and j > i + 1 and (key in self.lex.words.ranks or key in self.lex.words.weak_ranks
                                              or key in self.lex.speaker_phrase["name_title"]):
                named = self._rank_name(j, j + 1, end)  # الناطق الإعلامي بقيادة حرس الحدود العقيد شبنان …
                if named is not None and named.name_span is not None:
                    named.first, named.name_after_title = i, True
                    return named
            if k == "prep":
                if key in ("في", "من", "لدي", "الي") and j + 1 < end and not self.boundary(j + 1) and self.kind(j + 1) in (
                        "word", "mention", "bare_body", "name_context") and not self.possessed(j + 1) and not (
                        key == "الي" and self.kind(j + 1) == "word" and self.key(j + 1) not in entity_index(lex=self.lex).firsts):
                    # (محافظ X إلى التقاعد: the verb's object, not the place the title is for)
                    j += 1  # قائد العمليات في بابل، مسؤول في الوزارة: the title's place or body
                    complement = 0
                    continue
                break
            if key in ("يدعي", "تدعي"):
                break  # مسؤول في الشرطة يدعى نافيد شاه: the name follows
            if key in _DIRECTION_ADJECTIVES and self.key(j - 1).startswith("ال"):
                j += 1  # الناطق الإعلامي بشرطة المنطقة الشرقية: an adjective of the body, not a stop word
                continue
            if k in ("anonymous", "group") and self.definite(j) and word_class(
                    _glued_preposition(self.key(j - 1), lex=self.lex) or self.key(j - 1), lex=self.lex) == "name_context":
                j += 1  # رئيس لجنة الدفاع بمجلس النواب: the council's genitive, not an unnamed group
                continue
            if k in ("anonymous", "group", "not_speaker") and j > i + 1 and self.kind(j - 1) == "word" and \
                    not self.definite(j - 1) and self.key(j - 1)[:1] not in "لب" and j + 1 < end and \
                    (self.definite(j) or not self.boundary(j + 1) and self.kind(j + 1) == "word"):
                j += 1  # وزير حماية المواطنين، قائد معركة تحرير عدن: a noun in the genitive of the title's noun
                continue
            if k == "role" and self._demonym_at(j - 1) and self.definite(j) and key not in self.lex.words.ranks and \
                    key not in self.lex.words.weak_ranks and key not in self.lex.speaker_phrase["name_title"]:
                break  # وأضافت السفيرة الأميركية الرئيس الفلسطيني …: the title ended at its nationality, an object follows
            if k == "role":
                complement = -1  # ومديرة المهرجان: a second title begins
            if complement >= 0 and k in ("word", "bare_body") and self.definite(j) and not _nisba(key):
                complement += 1
                if complement > 1:
                    break  # وترجع المسؤولة في وزارة العمل التأخر: the body has its genitive, an object follows
            if key == "عام" and j == i + 1 and j + 1 < end and not self.boundary(j + 1):
                j += 1  # مديرة عام الإدارة العامة …، أمين عام: the title's adjective (general), not a stop word
                continue
            if k == "time" and (j == i + 1 or key == "العام" and self.kind(j - 1) == "role") or \
                    self.kind(j - 1) == "name_link":  # (نائب الرئيس العام: the title's adjective, not the year)
                j += 1  # المدير العام: an adjective of the title, not a time; عبد الله: one name
                continue
            if k in ("addressee", "not_speaker", "document") and j == i + 1 and key.startswith("ال") and \
                    head in cls.roles and not head.startswith("ال"):
                j += 1  # وزير الإعلام: the title's genitive, whatever else the word is
                continue
            if k not in ("word", "role", "bare_body", "name_context", "name_link", "prepositional", "bare_document") \
                    and key not in self.lex.function_words["locative"] and not (
                        k in ("addressee", "document") and key.startswith("وال")):  # العلاقات العامة والإعلام
                break  # (جمعية البر لقرى جنوب مكة: a direction stays in the title)
            if k == "role":
                inner_role_at = j
            if k == "word" and key.startswith("وال") and _nisba(key[1:]) and self.key(j - 1).startswith("ال"):
                j += 1  # مدير الشؤون الفلسطينية والإسرائيلية: a second adjective joined by و, the title goes on
                continue
            if key == "و" and j > i + 1 and j + 1 < end and not self.boundary(j + 1) and \
                    self.key(j + 1).startswith("ال") and self.key(j - 1).startswith("ال"):
                j += 2  # رئيس قسم الاتصال و الإعلام: a و written apart joins two nouns of the title
                continue
            if k == "word" and j > i and not key.startswith("ال") and (
                    self._demonym_at(j - 1) or self.key(j - 1).startswith("ال") and self.kind(j - 1) in (
                        "word", "bare_body", "bare_document", "role", "anonymous", "group", "not_speaker")):  # (النائب إد رويس: a definite head, a name)
                named = self._name_after(i, j, end)  # مغني الراب الأميركي كاني ويست
                if named is not None:
                    return named
                if self._demonym_at(j - 1) and self.key(j) not in self.cls.given and self.key(j)[:1] not in "لب" \
                        and self.key(j) not in self.lex.speaker_phrase["title_link"]:
                    break  # وصف الرئيس السوداني زيارة نظيره: the title ended at its nationality, an object follows
            j += 1
        chunk = Chunk("title", i, max(i, j - 1))
        if person_at < 0 and j < end and self.boundary(j) and self.kind(j) == "mention":
            ent = self.entity_at(j)
            after = self.mention_last(j) + 1
            if ent is not None and ent.kind == "person" and (after >= end or self.boundary(after)):
                person_at = j  # وزير …، X،: a name set off by commas
        elif person_at < 0 and j < end and self.boundary(j) and self.kind(j) in ("word", "name_link") and \
                not self.definite(j) and p.text[p.tokens[j - 1].end:p.tokens[j].start].strip(" )") in ("،", ","):
            name = self.name(j, end)
            after = name.last + 1
            if name.last - j < 2 and after < end and not self.boundary(after) and self.kind(after) == "mention" \
                    and self.entity_at(after) is not None and self.entity_at(after).kind == "person":
                person_at = after  # المتحدث باسم الرئيس الروسي، ديميتري بيسكوف،: a given name spelt otherwise
            elif name.last - j - sum(self.kind(t) == "name_link" for t in range(j, name.last)) < 3 and (
                    after >= end or self.boundary(after) and p.text[
                    p.tokens[after - 1].end:p.tokens[after].start].strip() in ("،", ",")):
                chunk.name_span, chunk.last = (j, name.last), name.last  # الأستاذ في جامعة فلورنسا، أليساندرو سيني،
                chunk.name_after_title = True
        if person_at >= 0:
            chunk.last = min(self.mention_last(person_at), end - 1)
            m = self.p.mention_in(person_at)
            if head in self.lex.speaker_phrase["kin"]:
                chunk.inner_person = True  # زوج المعلمة أم فاطمة، والدة الطالب X: the one named is the kin's kin
            elif inner_role_at > i and head in cls.relational and self._holds(
                    fold(p.text[p.tokens[inner_role_at].start:p.tokens[person_at - 1].end]), m.entity_id):
                chunk.inner_person = True  # مستشار الرئيس الأميركي دونالد ترامب: the name is the inner title's
            else:
                chunk.person = m
        return chunk

    def _rank_name(self, i: int, j: int, end: int) -> Chunk | None:
        """A rank and the name after it that no list knows (القاضي عبدالستار البيرقدار المتحدث باسم …): the
        words up to the next title, preposition or comma are the name."""
        demonyms = _demonyms(lex=self.lex)
        k = j
        while k < end and k - j < 3 and not self.boundary(k) and self.kind(k) in ("word", "name_link") \
                and self.key(k) not in demonyms and self.key(k) not in self.lex.speech_cues:
            k += 1
        if k == j or self.kind(j) == "name_link" and k == j + 1 or self._no_name_start(j):
            return None
        if k < end and not self.boundary(k) and self.kind(k) not in (
                "role", "prep", "filler", "time", "glued_noun", "glued_mention", "relative", "anonymous") \
                and self.key(k) not in ("وهو", "وهي"):
            return None  # the words run on: not a name
        chunk = Chunk("title", i, k - 1)
        chunk.name_span = (j, k - 1)
        if k < end and not self.boundary(k) and self.kind(k) == "role":
            chunk.last = self.title(k, end).last  # … البيرقدار المتحدث باسم مجلس القضاء: the title after the name
        return chunk

    def _no_name_start(self, j: int) -> bool:
        """Can token j not open a name after a rank? An everyday verb (الكاتبة تتحدث، فنان العرب يصدح) or a definite
        everyday word or adjective (الفريق العامل على …، أفراد الفريق الهندسي: الفريق is a team here, not a rank)."""
        key = self.key(j)
        if key in self.lex.given_names:
            return False
        common = key in self.lex.words.common_words
        return key[:1] in "يت" and (common or key in self.lex.speech_cues) or \
            key.startswith("ال") and (common or _nisba(key)) or \
            key.startswith("وال") and (_nisba(key[1:]) or key[1:] in self.lex.words.common_words)
        # (الشؤون الفلسطينية والإسرائيلية، المساجد والدعوة والإرشاد: an adjective or a noun joined by و)

    def _genitive_noun(self, key: str) -> bool:
        """لمركز، لهيئة: ل before a body that a title belongs to (not an outlet or journalists spoken to)."""
        rest = _glued_preposition(key, lex=self.lex) or ""
        return word_class(rest, lex=self.lex) == "name_context" and rest not in self.lex.speaker_phrase["media_head"]

    def _demonym_at(self, j: int) -> bool:
        """Is token j a country's nisba adjective (الأميركي، البريطانية), the usual end of a title?"""
        return self.key(j) in _demonyms(lex=self.lex)

    def _name_after(self, i: int, j: int, end: int) -> Chunk | None:
        """Words after a title's nationality that run up to a comma, a preposition or the content: a name."""
        if self.key(j) in self.lex.speaker_phrase["title_link"] or self.key(j)[:1] == "ل" or self._no_name_start(j):
            return None  # المتحدث باسم الخارجية، رئيس اللجنة الإشرافية لسوق عكاظ: the title goes on (الكاتبة تتحدث)
        rest = _glued_preposition(self.key(j), lex=self.lex)
        if rest is not None and (word_class(rest, lex=self.lex) != "word" or rest in self.lex.place_cues or
                                 rest in self.lex.words.common_words and rest not in self.cls.given):
            return None  # بمنطقة المدينة المنورة، بمحافظة أبين، بقوات العمالقة: a place or a body the title is of
        k = j
        while j - 2 > i and self.kind(j - 2) == "name_link" and not self.boundary(j - 1):
            j -= 2  # عبد الرحمن رحيمي: the name began at its name link
        while k < end and k - j < 3 and not self.boundary(k) and self.kind(k) in ("word", "name_link") and (
                k == j or not self._demonym_at(k) and not (self.key(k).startswith("ال") and _nisba(self.key(k)) and
                                                           self.key(k - 1).startswith("ال"))):
            k += 1  # رأفت الصباغ، معمر الإرياني (after an indefinite name a definite nisba is no adjective of it)
        if k < end and not self.boundary(k) and self.kind(k) not in ("prep", "filler", "time", "glued_noun",
                                                                     "glued_mention", "relative") \
                and self.key(k) not in ("وهو", "وهي") and not (self.kind(k) == "role" and k - j >= 2):
            return None  # باسم الجيش: the words run on into the title (or into a rank and its name)
        if k < end and not self.boundary(k) and self.key(k) in self.lex.words.ranks and self.key(j)[:1] == "و":
            return None  # أستاذ أمراض القلب وقسطرة الشرايين الدكتور خالد النمر: the title goes on, the rank's name speaks
        # (النائب إد رويس رئيس لجنة …، النائب اليوت انجل وهو …: a title or a description follows the name)
        chunk = Chunk("title", i, k - 1)
        chunk.name_span, chunk.name_after_title = (j, k - 1), True
        return chunk

    def _holds(self, title_key: str, actor_id: str) -> bool:
        """Has this actor held the title (offices.tsv, any date)?"""
        words = title_key.split()
        return any(words[:len(ow)] == ow for ow in _offices(lex=self.lex)[1].get(actor_id, ()))

    def description(self, j: int, end: int) -> int:
        """Last token of an unnamed source's description: its adjectives and one affiliation (مصدر أمني عراقي،
        مسؤولون في الخارجية الأميركية، مصدر مقرب من الحكومة)."""
        if j < end and not self.boundary(j) and (self.kind(j) == "mention" or self.kind(j) in ("word", "bare_body") and
                                                 self.key(j).startswith("ال") and not _nisba(self.key(j))):
            j = self.mention_last(j) + 1 if self.kind(j) == "mention" else j + 1  # مصادر الرئاسة، مصادر الجيش
        last = self.modifiers(j, end, source=True) - 1
        j = last + 1
        if j < end and not self.boundary(j) and self.key(j).startswith("بال") and self.kind(j) == "prepositional":
            return self.modifiers(j + 1, end) - 1  # مصدر بالوزارة، محامون بالمدينة
        if j < end and not self.boundary(j) and self.key(j) in self.lex.speaker_phrase["affiliation"]:
            k = j + 1
            if k < end and self.key(k) in ("من", "في", "الي", "علي") and not self.boundary(k):
                k += 1  # مقرب من، مطلع على
            if k < end and not self.boundary(k) and self.kind(k) not in (
                    "document", "not_speaker", "time", "filler", "prep"):
                last = self.noun(k, end, whole=False)
                n = 0
                while last + 1 < end and n < 3 and not self.boundary(last + 1) and \
                        self.key(last + 1) not in ("يدعي", "تدعي") and (
                        self.kind(last + 1) in ("mention", "name_quote") or self.kind(last + 1) == "word" and (
                        self.key(last + 1).startswith("ال") or _nisba(self.key(last + 1)))):
                    last = (self.mention_last(last + 1) if self.kind(last + 1) == "mention" else
                            self.quote_last(last + 1) if self.kind(last + 1) == "name_quote" else last + 1)
                    n += 1
        return last

    def counted(self, j: int, end: int) -> int:
        """Last token of what a count or a share counts (أكثر من سبعة من كل عشرة مجيبين، نحو نصف المشاركين):
        numbers, من، كل and words up to the next comma or preposition, at most seven tokens."""
        first = last = j - 1
        while j < end and j - first <= 7 and not self.boundary(j) and (
                self.key(j) in ("من", "كل") or self.kind(j) in ("word", "number", "group", "quantity", "anonymous")):
            if self.key(j) not in ("من", "كل"):
                last = j
            j += 1
        return last

    def document(self, i: int, end: int, bare: bool) -> Chunk:
        """A document (بيان، التقرير، دراسة) and who issued it (صادر عن X، بيان الوزارة، أجرته شركة X)."""
        chunk = Chunk("document", i, i)
        j = i + 1
        while j < end and not self.boundary(j) and (self.kind(j) in ("time", "word") and _nisba(self.key(j))
                                                    or self.key(j) in self.lex.speaker_phrase["modifier"]):
            j += 1
        if j + 1 < end and self.kind(j) == "word" and self.kind(j + 1) == "issuer" and not self.boundary(j + 1):
            j += 1  # استطلاع رأي أجرته …
        if j < end and not self.boundary(j) and (self.kind(j) == "glued_noun" and self._genitive_noun(self.key(j))
                                                 or self.kind(j) == "glued_mention"):
            # دراسة لغرفة تجارة وصناعة دبي، تقرير لمنظمة العفو: the body the document is of
            chunk.issuer = self.body(j, end) if self.kind(j) == "glued_noun" else Chunk(
                "actor", j, self.mention_last(j), mention=self.p.mention_in(j))
            if chunk.issuer.kind != "junk":
                chunk.last = chunk.issuer.last
                return chunk
            chunk.issuer = None
        if j + 1 < end and not self.boundary(j) and self.key(j)[:1] == "ل" and self.kind(j) != "glued_mention" and \
                _glued_role(self.key(j), lex=self.lex):
            title = self.title(j, end)  # بيان للمتحدثة باسم الخارجية فلانة: the one whose statement it is
            if title.name_span is not None or title.person is not None:
                chunk.issuer, chunk.last = title, title.last
                return chunk
        if j + 1 < end and not self.boundary(j) and self.key(j) == "من" and not self.boundary(j + 1) and (
                self.kind(j + 1) == "mention" and self.entity_at(j + 1) is not None and
                self.entity_at(j + 1).kind not in ("person", "state", "place") or
                self.kind(j + 1) in ("name_context", "bare_body") and not self.definite(j + 1)):
            body = self.chunk(j + 1, end)  # بيانات أولية من إدارة الجمارك: the body the figures come from
            if body.kind in ("body", "actor"):
                chunk.issuer, chunk.last = body, body.last
                return chunk
        if j < end and not self.boundary(j) and self.kind(j) in ("glued_noun", "prepositional") and \
                self.key(j).startswith("لل") and \
                word_class(_glued_preposition(self.key(j), lex=self.lex) or "", lex=self.lex) == "bare_body":
            chunk.issuer, chunk.last = Chunk("bare", j, j), j  # بيان للوزارة: the ministry the article names
            return chunk
        if j + 1 < end and not self.boundary(j) and self.kind(j) == "relative" and self.kind(j + 1) == "issuer":
            j += 1  # التقرير الإحصائي الذي أصدرته الأمانة العامة
        if j < end and not self.boundary(j) and self.kind(j) == "issuer":
            issued = j
            j += 1
            if j < end and self.key(j) in ("عن", "من"):
                j += 1
            chunk.issuer = self.chunk(j, end) if j < end else None
            if chunk.issuer is None or chunk.issuer.kind in ("prep", "filler", "junk"):
                chunk.issuer = None  # بيان أصدرته في مايو: the pronoun is its issuer, the rest an occasion
                j = issued  # (تقرير صدر حديثا: the document alone, not the words after it)
            else:
                j = chunk.issuer.last + 1
        elif j < end and not self.boundary(j) and not bare and self.kind(j) in ("mention", "bare_body",
                                                                               "name_context"):
            chunk.issuer = self.chunk(j, end)  # بيان الخارجية، تقرير الوزارة، تقرير مركز الدراسات
            j = chunk.issuer.last + 1
        elif j < end and not self.boundary(j) and not bare and j == i + 1 and self.kind(j) == "word" and \
                self.definite(j) and not _nisba(self.key(j)) and self.key(j) not in self.lex.speech_cues:
            j += 1  # تقرير الشال الاقتصادي: the document's own name, and its adjectives
            while j < end and j - i < 4 and not self.boundary(j) and self.kind(j) == "word" and _nisba(self.key(j)):
                j += 1
        chunk.last = max(i, min(j, end) - 1)
        return chunk

    def body(self, i: int, end: int) -> Chunk:
        """A body named by its kind and name (شركة «كومريس»، منظمة "صوت الفرات"، شركة الإمارات للاتصالات)."""
        j, n, named = i + 1, 0, False
        if j < end and self.kind(j) == "name_quote":
            return Chunk("body", i, min(self.quote_last(j), end - 1))
        quote = self.p.quote_holding(self.p.tokens[i].start)
        while j < end and n < MAX_BODY_TOKENS and not self.boundary(j):
            k = self.kind(j)
            if k != "name_quote" and self.p.quote_holding(self.p.tokens[j].start) is not quote:
                break  # وشكر النادي الأهلي "الأشقاء …": the quoted words begin, the name has ended
            if n == 0 and k != "glued_mention" and self.key(j)[:1] == "ل" and self.definite(i) and \
                    self.key(i).startswith(("ال", "وال")):
                break  # تقدمها الشركة للعملاء: a definite noun and what it does for whom (a name takes an adjective first)
            if k in ("mention", "glued_mention") and self.entity_at(j) is not None and \
                    self.entity_at(j).kind not in ("person", "media"):
                j, n, named = self.mention_last(j) + 1, n + 1, True  # شركة الإمارات للاتصالات
                continue
            if k == "name_quote" and n:
                j, n = min(self.quote_last(j), end - 1) + 1, n + 1  # وكالة الأنباء الرسمية «سانا»: its name ends it
                break
            if named and k == "word" and not self.definite(j) and not _nisba(self.key(j)):
                break  # إدارة النادي الأهلي إلغاء عقد: a known name has ended, an indefinite noun follows
            if k == "glued_noun" and self._genitive_noun(self.key(j)):
                j, n = j + 1, n + 1
                continue
            if k == "anonymous" and self.definite(j) and not self.definite(j - 1) and \
                    (n == 0 or self.kind(j - 1) == "word"):
                # هيئة كبار العلماء، وكالة الأنباء الرسمية السورية: a group word as the genitive of the name's noun
                j, n = j + 1, n + 1
                continue
            if n and self.key(j) in _DIRECTION_ADJECTIVES:
                j, n = j + 1, n + 1  # إدارة مرور الشرقية: the region the body serves (a stop word elsewhere)
                continue
            if k == "role" and not _nisba(self.key(j)) and (
                    self.key(j) in self.lex.words.ranks or self.key(j) in self.lex.speaker_phrase["name_title"]):
                break  # رئيس الجمعية المهندس ماجد …: a rank opens its holder's name, the body has ended
            if k == "honorific" and n == 0 and _nisba(self.key(j)):
                j, n = j + 1, n + 1  # الديوان الملكي: an adjective that is also an honorific (السمو الملكي)
                continue
            if k not in ("word", "prepositional", "name_link", "bare_body", "name_context", "role") and not (
                    n == 0 and k == "bare_document" and self.definite(j)) \
                    or self.key(j) in self.lex.speech_cues or self.key(j) in self.lex.speaker_phrase["affiliation"] \
                    or n and self.key(j) in ("اول", "اولي", "اخر") and j + 1 < end and self.key(j + 1) == "من":
                break  # (المنظمة التابعة له: what it belongs to; موقع باز فييد أول من نشر: the name has ended)
            if n >= 1 and self.key(j).endswith("ا") and not self.key(j).startswith("ال") or \
                    n and self.key(j)[:1] == "ي" and self.key(j) not in self.lex.given_names:
                break  # وقعت شركة سيريكا إنرجي عقدا، الشركة الداخلية يلقي اللوم: the name has ended
            if n and k == "word" and not (self.definite(j) or self.key(j).startswith(("و", "ل"))) and \
                    self.key(j - 1).startswith(("ال", "وال")) and not _nisba(self.key(j)) and (
                        not _nisba(self.key(j - 1)) or self._demonym_at(j - 1)):
                break  # وزارة التجارة والصناعة بلوغ القيمة …: an indefinite noun after the definite name
            if n > 1 and k in ("word", "bare_body") and self.definite(j) and not _nisba(self.key(j)) and \
                    self.key(j).startswith("ال") and _nisba(self.key(j - 1)) and self.key(j - 1).startswith("ال"):
                break  # أطلقت شركة المياه الوطنية الفرع الإلكتروني: a definite noun after the adjective is the object
            if n and k == "word" and not self.definite(j) and self.key(j).endswith("ه") and len(self.key(j)) > 3 \
                    and not _nisba(self.key(j)) and self.key(j - 1).startswith(("ال", "وال")) and \
                    self.key(j)[:1] not in "ولب":
                break  # أطلقت شركة المياه الوطنية خدمة جديدة: an object after the name and its adjective
            j, n = j + 1, n + 1  # المكتب الإعلامي لرئيس مجلس الوزراء العراقي
        return Chunk("body", i, j - 1) if n else Chunk("junk", i, i)

    def name(self, i: int, end: int) -> Chunk:
        """Words no list knows (a name the lexicons lack: الحمدان، آل الشيخ), at most MAX_NAME_TOKENS."""
        j, n = i, 0
        while j < end and n < MAX_NAME_TOKENS and (j == i or not self.boundary(j)):
            k = self.kind(j)
            if j > i and j + 1 < end and f"{self.key(j)} {self.key(j + 1)}" in self.cls.roles:
                break  # آن شوكيت القائمة بأعمال …: a two-word title after the name ends it
            if j > i and k == "name_quote" and self.kind(j - 1) == "word" and self.quote_last(j) == j and \
                    j + 1 < end and not self.boundary(j + 1) and self.kind(j + 1) == "word":
                j, n = j + 1, n + 1  # براد «ريندرمان» هاينز: a nickname in quotation marks inside the name
                continue
            if j > i and k not in ("word", "name_link") and not (self.kind(j - 1) == "name_link" and k in (
                    "mention", "role", "quantity")) and not self._name_word(j, k, end):
                break
            if j > i and k == "word" and self._ends_name(j):
                break
            if k == "name_link" and j + 1 < end and not self.boundary(j + 1) and self.kind(j + 1) in (
                    "word", "name_link", "mention", "role", "quantity"):  # (ابن كثير)
                j += 2  # آل الشيخ، أبو ريدة: a name link and the word it links are one name (not وقال آبي في …)
                n += 1
                continue
            j, n = j + 1, n + 1
        return Chunk("name", i, min(j, end) - 1)

    def _ends_name(self, j: int) -> bool:
        """Does token j, after a name's word, end the name: a verb (مسيحيين يتحدرون) or a frequent definite adjective
        after an indefinite word (لي مياوتشيان الاقتصادي في مجموعة …: the economist, no family name)?"""
        key = self.key(j)
        if key in self.cls.given:
            return False
        if verb_after_name(key, self.lex) or len(key) >= 6 and key[0] == "ي" and key.endswith("ون") \
                and not key.endswith("يون") \
                or key[0] == "ت" and self.definite(j - 1) and self.lex.common_rank.get(key[1:], NISBA_RANK) < NISBA_RANK:
            return True  # (يتحدرون: a verb in the plural; عائلة الضحية تضيف: a verb after a definite noun)
        return key.startswith("ال") and _nisba(key) and not self.definite(j - 1) and not self.possessed(j - 1) \
            and self.key(j - 1) not in self.lex.words.common_words and self.lex.common_rank.get(key, NISBA_RANK) < NISBA_RANK

    def _name_word(self, j: int, k: str, end: int) -> bool:
        """Is token j, after a name's word, the name's next word though a list holds it? الله closing a compound
        name (عطا الله، الجار الله، رزق الله), or an indefinite title word with no complement (أسيل أمين من …:
        أمين is a name here, not a title, which would take a genitive: أمين عام الحزب)."""
        key = self.key(j)
        if k == "divine":
            return key == "الله" and self.kind(j - 1) == "word"
        if k == "prep" and self.kind(j - 1) == "word" and (j + 1 >= end or self.boundary(j + 1)) \
                and not any(c in "ىأإ" for c in self.p.text[self.p.tokens[j].start:self.p.tokens[j].end]):
            return True  # أنور أولاد علي، جيمي فالي،: a preposition needs a noun, before a comma it is a name's word
        if k == "role" and not key.startswith("ال") and self.kind(j - 1) == "word":
            nxt = j + 1
            return nxt >= end or self.boundary(nxt) or self.kind(nxt) in ("prep", "filler", "time")
        return False


# ---------------------------------------------------------------- sources

def source_of(ent: Entity, surface: str, gender: str = "", lex: Lexicons | None = None) -> Source:
    """The Source an entity gives: its display name, the article's words (a person's fullest name), its id."""
    name_ar = surface if ent.kind != "person" or ent.entity_id.startswith("person:") else (ent.name_ar or surface)
    return Source(ent.name, name_ar, ent.entity_id, ent.kind, gender or _body_gender(ent, surface, lex))


def _body_gender(ent: Entity, surface: str, lex: Lexicons | None = None) -> str:
    """The grammatical gender a body takes (قالت الوزارة، قال الجيش); '' for people (told by their title)."""
    if ent.kind == "person":
        return ""
    if ent.kind == "state":
        return "f"
    words = fold(surface).split()
    if not words:
        return ""
    if words[0].endswith(("ه", "ات")) or len(words) > 1 and (words[1].endswith("يه") or words[1] == "المتحده"):
        return "f"  # الوزارة، القوات، الأمم المتحدة، الولايات المتحدة (but حزب الله: the name of God is no adjective)
    if ent.kind == "media":
        return ""  # قالت رويترز، ذكر «رويترز»: an outlet's bare name takes either gender
    if lex is None or words[0].startswith("ال") or words[0] in lex.words.name_contexts:
        return "m"  # الجيش، حزب العمال، مجلس الأمن
    return ""  # وتقول هيومن رايتس ووتش: a foreign name takes either gender


def _word_gender(key: str) -> str:
    """Gender of a title or noun head: وزيرة، المستشارة → f; a plural in ات too (كشفت بيانات رسمية)."""
    return "f" if key.endswith("ه") or len(key) > 4 and key.endswith("ات") else "m"


def _agrees(cue_gender: str, source: Source) -> bool:
    """Does a verb's gender fit the source (unknown on either side fits)?"""
    g = source.gender
    if not cue_gender or not g and cue_gender != "pl":
        return True
    if cue_gender == "pl":  # قالوا: a group, not one person or a document (a plural nisba no list knows may be
        # one: غرد سعوديون قائلين)
        word = fold(source.speaker_ar or " ")
        plural = source.kind == "named" and " " not in word and len(word) > 5 and word.endswith(("يون", "يين"))
        return (plural or source.kind not in ("person", "named", "document")) and g in ("pl", "m", "")
    return g == cue_gender or g == "pl" and cue_gender == "f"


def _sound_plural(source: Source) -> bool:
    """Is an unnamed source a group by a definite masculine plural (المشرفون، المحتجين): someone a verb with no
    subject of its own goes on with only in the plural (وأضافوا)?"""
    if source.kind != "anonymous" or not source.speaker_ar:
        return False
    head = fold(source.speaker_ar).split()[0]
    return head.startswith("ال") and len(head) >= 7 and head.endswith(("ون", "ين"))


def cue_gender(cue: Cue, *, lex: Lexicons) -> str:
    """m, f or pl: what a reporting verb or participle says of its subject (قالت → f, مضيفا → m, قالوا → pl)."""
    if cue.kind not in ("verb", "participle"):
        return ""
    word = cue.form.split()[0]
    cues = lex.speech_cues
    if cue.kind == "participle":
        return "f" if word.endswith("ه") else "pl" if word.endswith(("ين", "ون")) else "m"
    if word.endswith(("وا", "ون")):
        return "pl"
    if word.endswith("ت") and (word[:-1] in cues or word[:-1] + "ا" in cues or word[:-1] + "ي" in cues):
        return "f"  # قالت ← قال، لفتت ← لفت (but لفت itself is masculine), دعت ← دعا، نفت ← نفى
    if word.startswith("ت") and "ي" + word[1:] in cues:
        return "f"  # تقول ← يقول
    return "m"


def _name_words(name: str, *, lex: Lexicons) -> list[str]:
    """The folded words of a name without the ranks and honorifics before it (الدكتور، معالي)."""
    words = fold(name).split()
    skip = _name_prefixes(lex=lex)
    while len(words) > 1 and words[0] in skip:
        words = words[1:]  # الدكتور، معالي، الألماني يورغن كلوب
    return words


@lru_cache(maxsize=4)
def _name_prefixes(*, lex: Lexicons) -> frozenset[str]:
    """Words a name may carry before it that are no part of it: ranks, honorifics, nationalities."""
    return frozenset(lex.words.ranks | lex.words.weak_ranks | lex.speaker_phrase["honorific"] |
                     lex.speaker_phrase["name_title"] | _demonyms(lex=lex))


def name_key(name: str, *, lex: Lexicons) -> str:
    """A person's or body's name as a matching key: folded, ranks and honorifics dropped, عبد/أبو joined."""
    out: list[str] = []
    for w in _name_words(name, lex=lex):
        if out and out[-1] in ("عبد", "ابو", "ابي", "ام"):
            out[-1] += w
        else:
            out.append(w)
    return " ".join(out)


@lru_cache(maxsize=4)
def _offices(*, lex: Lexicons) -> tuple[dict[str, list], dict[str, list[list[str]]]]:
    """offices.tsv indexed: first title word → [(title words, office)], actor id → [title words]."""
    by_head: dict[str, list] = {}
    by_actor: dict[str, list[list[str]]] = {}
    for office in lex.offices:
        words = office.title_key.split()
        if words:
            by_head.setdefault(words[0], []).append((words, office))
            by_actor.setdefault(office.actor_id, []).append(words)
    return by_head, by_actor


@lru_cache(maxsize=4)
def _capital_states(*, lex: Lexicons) -> dict[str, Entity]:
    """A capital (speaker_phrase role capital) → the state it speaks for, through the gazetteer's country code."""
    states = {ent.country: ent for ent, _ in lex.actors.values() if ent.kind == "state" and ent.country}
    out = {}
    for ent, forms in lex.places.values():
        for form in forms:
            key = fold(form)
            if key in lex.speaker_phrase["capital"] and ent.kind == "city" and ent.country in states:
                out.setdefault(key, states[ent.country])
    return out


@lru_cache(maxsize=4)
def _demonyms(*, lex: Lexicons) -> frozenset[str]:
    """Nisba adjectives of the countries the gazetteer knows (الروسي، الأمريكية): never a speaker alone."""
    out = set(lex.speaker_phrase["nisba"])
    for ent, forms in lex.places.values():
        if ent.kind not in ("country", "region"):
            continue
        for form in forms:
            f = fold(form)
            if " " in f:
                continue
            bare = f[2:] if f.startswith("ال") else f
            stems = {bare}
            if bare.endswith(("يا", "يه")):
                stems.add(bare[:-2])  # روسيا → روسي، السعودية → سعودي
            if bare.endswith(("ا", "ه")):
                stems.add(bare[:-1])  # أمريكا → أمريكي، أوروبا → أوروبي
            for stem in stems:
                for suffix in ("ي", "يه", "يون", "يين"):
                    out.add("ال" + stem + suffix)
    return frozenset(out)


class Speakers:
    """Who speaks in one article: speaker phrases read into candidates, the discourse remembered."""

    def __init__(self, p: Passage):
        self.p, self.lex = p, p.lex
        self.reader = Reader(p)
        self.last: Source | None = None
        self.last_at = -1  # where the last speaker's cue stood
        self.last_by_attribution = False  # the last speaker was named after بحسب (an outlet, a source)
        self.titles: dict[str, Source] = {}  # folded title → the person this article gives it
        self.issuers: dict[str, Source] = {}  # folded document word (بيان) → who issued one in this article
        self.named_people: list[Source] = []  # people this article names that no lexicon knows (by rank, title)
        self.genders: dict[str, str] = {}  # person's key → m or f, from the verbs of the phrases that name them
        self.cited: set[Source] = set()  # scholars quoted with a blessing for the dead: never the discourse's speaker
        self._scanned = False

    def release(self) -> None:
        """Drop the references back to the passage (a cycle that would wait for the garbage collector)."""
        self.reader.p = None
        self.p = None

    # ---- small helpers

    def _text(self, a: int, b: int) -> str:
        tokens = self.p.tokens
        return self.p.text[tokens[a].start:tokens[b].end]

    def spoke(self, source: Source | None, at: int, attribution: bool = False) -> None:
        """Remember who spoke last and where (a statement was attributed to them; by بحسب when attribution)."""
        if source is not None and source.kind not in ("unknown",) and source not in self.cited:
            self.last, self.last_at, self.last_by_attribution = source, at, attribution

    def _gender(self, source: Source) -> Source:
        """The source with the gender its earlier verbs gave a person (وقال نيبينزيا … then قالت is not his)."""
        if source.gender or source.kind != "person" or not source.speaker_id:
            return source
        g = self.genders.get(source.speaker_id, "")
        return replace(source, gender=g) if g in ("m", "f") else source

    def _note_gender(self, source: Source, gender: str) -> None:
        """A person named as the subject of a verb: remember the verb's gender (two genders: unknown)."""
        if source.kind == "person" and source.speaker_id and gender in ("m", "f"):
            seen = self.genders.get(source.speaker_id)
            self.genders[source.speaker_id] = gender if seen in (None, gender) else "?"

    def _best(self, cands: list[Candidate], gender: str) -> Candidate | None:
        for c in cands:
            if not _agrees(gender, self._gender(c.source)) and "gender_clash" not in c.evidence:
                c.evidence.append("gender_clash")
                if gender == "pl" and c.source.kind in ("person", "named") and not _agrees("pl", c.source):
                    c.evidence.append("number_clash")  # قالوا: never one person
        cands = [c for c in cands if c.score >= FLOOR]
        return max(cands, key=lambda c: (c.score, c.at)) if cands else None

    # ---- entry points

    def for_verb(self, cue: Cue, phrase_end: int, discourse: bool = True) -> tuple[Source | None, bool]:
        """The speaker of a reporting verb whose speaker phrase ends at phrase_end, and whether the text names it
        there (rather than the discourse supplying it; not asked when discourse is False). None: the phrase
        opens a verbal noun, not a speaker."""
        p = self.p
        gender = cue_gender(cue, lex=self.lex)
        b = p.token_after(phrase_end)
        if self._prophetic(cue.last_token + 1, b):
            return PROPHET, True
        cands: list[Candidate] = []
        svo = self._before_verb(cue)
        nxt = p.tokens[cue.last_token + 1].key if cue.last_token + 1 < len(p.tokens) else ""
        if nxt in ("فيه", "فيها", "فيهما"):
            # مقالة للدكتور X منشورة بصحيفة عكاظ أوضح فيها، مقابلة مع X قال فيها: the one whose words the article
            # or the interview holds, not the paper or the station named before the verb
            if svo is not None and svo.source.kind in ("media", "document"):
                svo = None
        if svo is not None:
            cands.append(svo)
        if fold(cue.form).split()[-1] in ("عن", "علي"):
            # عبر عن رغبته، أعرب عن أسفه: the verb's preposition is written, what follows is its object
            subject, junk, chunks = None, False, []
        else:
            subject, junk, chunks = self._phrase_subject(cue.last_token + 1, b)
        if junk and svo is None:
            return None, False
        relay = next((c for c in p.relays_after(cue.last_token) if c.last_token < b), None)
        if relay is not None:  # ذكرت صحيفة «الشرق الأوسط» نقلا عن مسؤول أمني أن …: the source relayed speaks
            relayed, _, _ = self._phrase_subject(relay.last_token + 1, b)
            if relayed is not None and relayed.score >= FLOOR:
                subject = relayed
                gender = ""  # وأكدت وكالة إنترفاكس نقلا عن الجيش: the verb agrees with the outlet, not the source
        if nxt in ("فيه", "فيها", "فيهما") and (subject is None or subject.score < FLOOR):
            inner = self._person_in_sentence(cue)  # (… مباحثات أكد فيها الجانبان: the phrase's own subject first)
            if inner is not None and _agrees(gender, self._gender(inner)):  # (قالت فيه after a man: not his)
                return inner, True
        if subject is not None:
            cands.append(subject)
        best = self._best(cands, gender)
        if best is not None:
            self._note_issuer(chunks, best.source)
            if "gender_clash" not in best.evidence:
                self._note_gender(best.source, gender)
            return best.source, True
        if not discourse:
            return UNKNOWN, False
        best = self._best(self._discourse(cue), gender)
        return (best.source if best else UNKNOWN), False

    def _person_in_sentence(self, cue: Cue) -> Source | None:
        """The last person named in the cue's sentence before it (not inside reported words)."""
        p = self.p
        s = p.sentence_start(cue.start)
        k = bisect.bisect_left(p.mention_starts, cue.start)
        for m in reversed(p.actor_mentions[:k]):
            if m.start < s:
                break
            if p.entity(m).kind == "person" and not p.in_content(m.start) and not (
                    m.entity_id.startswith("person:") and self._not_a_name(m.surface)):
                return self._person(m, p.token_at(m.start))
        return None

    def _prophetic(self, a: int, b: int) -> bool:
        """Does the speaker phrase tokens a..b-1 open with the Prophet (رسول الله صلى الله عليه وسلم) or a hadith
        that cites him (الحديث الشريف، الحديث عن النبي)? The Prophet by a bare word (النبي، الرسول) needs the
        blessing after it: a messenger or another prophet is not him."""
        p, sp = self.p, self.lex.speaker_phrase
        keys = [p.tokens[k].key for k in range(a, min(b, a + 8))]
        if not keys:
            return False
        forms, blessing = sp["prophetic"], sp["divine"] | {"ﷺ"}
        if keys[0] == "الحديث" and len(keys) > 2 and keys[1] == "عن":
            keys = keys[2:]  # جاء في الحديث عن النبي …
        for n in (2, 1):
            if " ".join(keys[:n]) in forms:
                return keys[0] == "الحديث" or keys[n - 1] == "الله" or any(k in blessing for k in keys[n:n + 3])
        return False

    def for_saying_noun(self, j: int) -> Source | None:
        """X رد بالقول «…»، وهو ما علق عليه X بقوله «…»: the subject of the clause that holds the saying noun at
        token j (the clause after the last comma, else the sentence), or None when it names no one."""
        p = self.p
        at = p.tokens[j].start
        s = p.sentence_start(at)
        comma = max(p.text.rfind("،", s, at), p.text.rfind(",", s, at))
        key = p.tokens[j].key
        if key.endswith(("ه", "ها", "هم")) or any(p.tokens[k].key in ("عن", "لسان") for k in range(p.token_after(s), j)):
            # نقلت الوكالة على لسان أردوغان قوله، علق عليه بوتين بقوله: the one the pronoun or the relay names
            k = bisect.bisect_left(p.mention_starts, at)
            for m in reversed(p.actor_mentions[:k]):
                if m.start < s:
                    break
                if not p.in_content(m.start) and m.end <= at:
                    ent = p.entity(m)
                    i = p.token_at(m.start)
                    return self._person(m, i) if ent.kind == "person" else source_of(ent, m.surface, lex=self.lex)
            return None
        for start in ([comma + 1] if comma >= s else []) + [s]:
            cand = self._sentence_subject(start, at)
            if cand is not None and cand.source.kind not in ("unknown", "document"):
                return cand.source
        return None

    def for_participle(self, cue: Cue) -> Source:
        """مشيرا، مضيفة: the participle's subject is the sentence's speaker or subject."""
        best = self._best(self._discourse(cue, participle=True), cue_gender(cue, lex=self.lex))
        return best.source if best else UNKNOWN

    def for_relay(self, cue: Cue, phrase_end: int) -> Source | None:
        """نقلت وكالة رويترز عن مسؤول أميركي قوله: the source named after عن speaks, else the outlet."""
        p = self.p
        b = p.token_after(phrase_end)
        j = next((k for k in range(cue.last_token + 1, b) if p.tokens[k].key == "عن"), None)
        if j is None:
            return None  # نقل without عن is not reporting (نقل الجرحى …)
        source, _, _ = self._phrase_subject(j + 1, b)
        if source is not None and source.score >= FLOOR:
            return source.source
        outlet, _, _ = self._phrase_subject(cue.last_token + 1, j)
        return outlet.source if outlet is not None and outlet.score >= FLOOR else None

    def for_attribution(self, cue: Cue, start: int, limit: int) -> tuple[Source | None, int]:
        """بحسب X، وفق ما أوردته X: X and where its phrase ends (None when the words name no source: وفق الخطط)."""
        p = self.p
        a, b = p.token_after(start), p.token_after(limit)
        if a < b and p.tokens[a].key in self.lex.speaker_phrase["opinion"]:
            a += 1  # حسب رأي زملائه، بحسب تعبير الوزير: the one whose view it is
        chunks = self.reader.read(a, min(b, a + MAX_TITLE_TOKENS + 3))
        if cue.form in ("وفقا", "طبقا"):
            if not chunks or p.tokens[a].key[:1] != "ل":
                return None, start
            if chunks[0].kind == "name":
                chunks[0].clitic = 1  # وفقاً لسيريان سومنر: a name written onto its ل
            elif chunks[0].kind == "prep":
                chunks[0] = self._unglued(chunks[0], min(b, a + MAX_TITLE_TOKENS + 3))  # وفقاً لمنظمة «بيتسليم»
            if chunks[0].kind in ("prep", "junk"):
                return None, start  # وفقاً للنتائج الأولية: no source
        for n, ch in enumerate(chunks):
            if ch.kind in ("filler", "prep") and not ch.after_comma:
                continue
            if ch.kind in ("junk", "relative", "object") or ch.after_comma:
                return None, start
            if ch.kind == "title" and ch.person is None and ch.name_span is None and not ch.inner_person:
                named = self._named_after_comma(chunks[n + 1:n + 3])
                if named is not None:
                    ch = named  # حسبما أعلن الناطق باسم القائد العام …، العميد أحمد المسماري: the name given
            src, ev = self._chunk_source(ch)
            if src is None:
                return None, start
            if ch.clitic and "name_recurs" not in ev:
                return None, start  # وفقاً لحصة الأصوات: words under ل that the article never uses as a name
            ev = ["subject"] + ev + (["attribution_name"] if ch.kind == "name" else []) + (
                ["attribution_everyday"] if "name_everyday" in ev else [])
            cand = Candidate(src, p.tokens[ch.first].start, ev)
            if cand.score < FLOOR:
                return None, start
            end = p.tokens[ch.last].end
            q = p.quote_holding(p.tokens[ch.last].start)
            return src, (q.close + 1 if q is not None and q.close >= end else end)  # (… الرسمية «سانا»: its mark too)
        return None, start

    def _named_after_comma(self, chunks: list[Chunk]) -> Chunk | None:
        """The first of these chunks, when a comma sets it off and it names a person (a title with its name, a
        person the lists know), else None."""
        for c in chunks:
            if c.kind == "filler" and not c.after_comma:
                continue
            if not c.after_comma:
                return None
            if c.kind == "title" and (c.person is not None or c.name_span is not None):
                return c
            ent = self.reader.entity_at(c.first) if c.kind == "actor" else None
            return c if ent is not None and ent.kind == "person" else None
        return None

    def _unglued(self, ch: Chunk, end: int) -> Chunk:
        """A prepositional chunk read as the noun under its ل (after وفقاً، طبقاً written onto it)."""
        r, i = self.reader, ch.first
        if r.kind(i) == "glued_mention":
            return Chunk("actor", i, r.mention_last(i), mention=self.p.mention_in(i))
        rest = word_class(_glued_preposition(self.p.tokens[i].key, lex=self.lex) or "", lex=self.lex)
        if rest == "name_context":
            return r.body(i, end)
        if rest in ("document", "bare_document"):
            return r.document(i, end, bare=False)
        return ch

    def after_quote(self, cue: Cue, limit: int) -> Source | None:
        """«…»، قال X: the speaker named right after a quote (no discourse guess)."""
        if cue.kind == "attribution":
            a = cue.end
            j = cue.last_token + 1
            if j < len(self.p.tokens) and self.p.tokens[j].key in ("ما", "لما"):  # (وطبقا لما أعلنه)
                a = self.p.tokens[min(j + 1, len(self.p.tokens) - 1)].end
            elif cue.form.endswith("ما") and j < len(self.p.tokens):
                a = self.p.tokens[j].end
            return self.for_attribution(cue, a, limit)[0]
        subject, _, _ = self._phrase_subject(cue.last_token + 1, self.p.token_after(limit))
        if subject is not None and self._best([subject], cue_gender(cue, lex=self.lex)) is not None:
            return subject.source
        return None

    # ---- candidates

    def _phrase_subject(self, a: int, b: int) -> tuple[Candidate | None, bool, list[Chunk]]:
        """The first noun phrase of a speaker phrase as a candidate; True when the phrase opens with a word
        that names no one (a verbal noun: أكد وجود …)."""
        chunks = self.reader.read(a, b, after_subject=4)
        if chunks and chunks[0].kind == "prep" and self.p.tokens[chunks[0].first].key in ("الي", "علي", "عن") \
                and chunks[0].first == a:
            return None, False, chunks  # وأشار إلى حدوث هجمات: the verb's object follows, its subject is unwritten
        if chunks and chunks[0].kind == "prep" and chunks[0].first == a and word_class(
                _glued_preposition(self.p.tokens[a].key, lex=self.lex) or "", lex=self.lex) == "not_speaker":
            return None, False, chunks  # وأشار لوجود الكثير من …: a verbal noun under ل, the verb's object
        for n, ch in enumerate(chunks):
            if ch.kind in ("filler", "prep", "relative") or ch.relative:
                continue
            if ch.kind == "name" and n and chunks[n - 1].kind == "prep" and not ch.after_comma and \
                    ch.first == ch.last and self.p.tokens[chunks[n - 1].first].key == "في" and \
                    self.p.tokens[ch.first].key not in self.lex.given_names:
                continue  # أكد في كلمة في العاصمة البوركينية واغادوغو: the place the phrase is in, not a speaker
            if n and chunks[n - 1].kind == "prep" and chunks[n - 1].last + 1 == ch.first and not ch.after_comma and \
                    self.p.tokens[chunks[n - 1].first].key in ("عن", "وعن") and ch.kind in ("body", "name", "bare"):
                continue  # أعلن في وقت سابق عن مسودة مشروع نظام …: what عن governs runs on, it is no subject
            if ch.kind == "object":
                return None, False, chunks  # ويضيف استعمالاً مجازياً: the verb's object, its subject unwritten
            if ch.kind == "name" and self._manner(ch):
                continue  # قالت بوضوح، قال بشدة: an everyday word under ب says how, not who
            if ch.kind == "junk":
                # أكد وجود …: a verbal noun right after the verb; after an occasion (في تغريدة أخرى) it is no clue
                return None, n == 0, chunks
            if ch.kind == "anonymous" or ch.kind == "title" and ch.person is None and ch.name_span is None \
                    and not ch.inner_person:
                # ضابط ارتباط … العميد الركن الأمين يوسف; السفير البريطاني، بيتر ويلسون: the name given after
                named = next((c for c in chunks[n + 1:n + 5] if c.kind == "title" and (
                    c.person is not None or c.name_span is not None) or c.kind == "actor" and c.after_comma
                    and self.reader.entity_at(c.first) is not None
                    and self.reader.entity_at(c.first).kind == "person"), None)
                if named is not None and not any(c.kind in ("relative", "junk") or c.addressee for c in chunks[n + 1:]
                                                 if c.first < named.first):
                    ch = named  # ضابط ارتباط القوات السودانية … العميد الركن الأمين يوسف: the name given
            if ch.kind in ("anonymous", "title") and ch.last + 2 < b and self.p.tokens[ch.last + 1].key in ("يدعي", "تدعي") \
                    and not self.reader.boundary(ch.last + 1):
                named = self.reader.name(ch.last + 2, b)  # مسؤول في الشرطة يدعى نافيد شاه: the name given
                text = self._text(named.first, named.last)
                return Candidate(Source(text, text, None, "person"), self.p.tokens[named.first].start,
                                 ["subject", "person"]), False, chunks
            if ch.kind == "name" and ch.first == ch.last and n + 1 < len(chunks) and \
                    self.p.tokens[ch.first].key.endswith(("ها", "هم", "هما")) and chunks[n + 1].first == ch.last + 1 \
                    and (chunks[n + 1].kind == "name" or chunks[n + 1].kind == "actor" and
                         self.reader.entity_at(chunks[n + 1].first) is not None and
                         self.reader.entity_at(chunks[n + 1].first).kind == "person") \
                    and self._comma_apposition(chunks[n + 1]):
                ch = chunks[n + 1]  # وقالت محاميتها، غابي لاسكي، إن: a kin or role word with its pronoun, then the name
            elif ch.kind == "name" and ch.first == ch.last and n + 1 < len(chunks) and \
                    (self.p.tokens[ch.first].key.endswith(("ه", "ها", "هم", "هما"))
                     or self.p.tokens[ch.first].key.startswith("ال")) and \
                    chunks[n + 1].kind == "actor" and chunks[n + 1].first == ch.last + 1 and \
                    not self.reader.boundary(ch.last + 1) and self.reader.entity_at(chunks[n + 1].first) is not None \
                    and self.reader.entity_at(chunks[n + 1].first).kind == "person":
                # وقال والدها اندي فانسيك، وقالت زوجته ميلانيا; وقال الفارس لودغر بيرباوم، الاقتصادي معن قطامين: a
                # kin word or a definite description no list holds, then the person it describes
                ch = chunks[n + 1]
            elif ch.kind == "name":
                described = self._described(chunks, n)
                if described is not None:
                    ch = described  # وقال الناقد السينمائي المصري البارز حسن كامل: the one the description names
            src, ev = self._chunk_source(ch, b)
            if src is None:
                return None, True, chunks
            if ch.last + 1 < b and self._blessed(ch.last + 1):
                self.cited.add(src)
            return Candidate(src, self.p.tokens[ch.first].start, ["subject"] + ev), False, chunks
        return None, False, chunks

    def _described(self, chunks: list[Chunk], n: int) -> Chunk | None:
        """A definite description no list holds (الناقد السينمائي المصري البارز: chunks n… of definite words, run
        together), then a person's name or a name opening with a given name: that name's chunk, else None."""
        p, r = self.p, self.reader
        ch = chunks[n]
        if n + 1 < len(chunks) and chunks[n + 1].kind == "actor" and chunks[n + 1].first == ch.last + 1 and \
                not r.boundary(ch.last + 1) and r.entity_at(chunks[n + 1].first) is not None and \
                r.entity_at(chunks[n + 1].first).kind == "person" and ch.last > ch.first and \
                p.tokens[ch.last].key.startswith("ال") and not p.tokens[ch.first].key.startswith("ال") and (
                    self._everyday([p.tokens[t].key for t in range(ch.first, ch.last + 1)], ch) or
                    p.tokens[ch.first].key.endswith(("ه", "ها", "هم")) and
                    all(p.tokens[t].key.startswith("ال") for t in range(ch.first + 1, ch.last + 1))):
            # اعترف نجم الهجوم البولندي روبرت ليفاندوفسكي: a noun and its definite genitive or adjective describe the
            # person (not تعليقات أوباما: a noun right before the name is its genitive's head)
            return chunks[n + 1]
        k = n
        while k < len(chunks) and k - n < 3 and chunks[k].kind in ("name", "junk") and \
                all(p.tokens[t].key.startswith("ال") for t in range(chunks[k].first, chunks[k].last + 1)) and \
                (k == n or chunks[k].first == chunks[k - 1].last + 1 and not r.boundary(chunks[k].first)):
            k += 1
        if k == n or k >= len(chunks) or chunks[k].first != chunks[k - 1].last + 1:
            return None
        nxt = chunks[k]
        if r.boundary(nxt.first) and not (k - n <= 2 and self._comma_apposition(nxt)):
            return None  # (وقال السياسي العراقي المستقل، غانم العابد، إن: a name set off by commas goes on)
        if nxt.kind == "name" and (p.tokens[nxt.first].key in self.lex.given_names or
                                   p.tokens[nxt.first].key in _KUNYA) or nxt.kind == "actor" and \
                r.entity_at(nxt.first) is not None and r.entity_at(nxt.first).kind == "person":
            return nxt
        return None

    def _comma_apposition(self, ch: Chunk) -> bool:
        """Is a chunk a name set off by a comma on each side (…، غانم العابد، إن)?"""
        p, r = self.p, self.reader
        before = p.text[p.tokens[ch.first - 1].end:p.tokens[ch.first].start].strip()
        after = ch.last + 1
        return before in ("،", ",") and after < len(p.tokens) and r.boundary(after) and \
            p.text[p.tokens[ch.last].end:p.tokens[after].start].strip() in ("،", ",")

    def _manner(self, ch: Chunk) -> bool:
        """Is a one-word name chunk an everyday word under ب (بوضوح، بشدة: how it was said), not a name the article
        uses again (بشارة) nor one in quotation marks?"""
        p, key = self.p, self.p.tokens[ch.first].key
        if ch.first != ch.last or len(key) < 4 or key[0] != "ب" or ch.clitic:
            return False
        common, given = self.lex.words.common_words, self.lex.given_names
        if key[1:] not in common or key in given or key[1:] in given or key in entity_index(lex=self.lex).firsts:
            return False
        nxt, r = ch.last + 1, self.reader
        gap = p.text[p.tokens[ch.last].end:p.tokens[nxt].start] if nxt < len(p.tokens) else ""
        if nxt < len(p.tokens) and not r.boundary(nxt) and nxt not in p.cue_at and \
                not any(c in gap for c in "«\"“:") and (
                r.kind(nxt) in ("word", "mention", "name_link") or r.kind(nxt) == "name_quote" and
                r.quote_last(nxt) == nxt and nxt + 1 < len(p.tokens) and r.kind(nxt + 1) == "word"):
            return False  # ويقول براد «…» هاينز: a name goes on; an adverb is followed by أن، a preposition, a quote
        return p.quote_holding(p.tokens[ch.first].start) is None and len(p.positions(key)) == 1 and \
            self._article_name([key], p.tokens[ch.first].start) is None  # (وقال براق … براق: a name again)

    def before_verb(self, cue: Cue) -> Source | None:
        """The actor right before a verb (SVO), if the text puts one there."""
        cand = self._before_verb(cue)
        return cand.source if cand is not None else None

    def _before_verb(self, cue: Cue) -> Candidate | None:
        """SVO order: the actor named right before the verb (الكرملين قال إن …، لكن «غوغل» قالت، روبرتسون كان
        يشدد)."""
        p = self.p
        if cue.kind != "verb":
            return None
        cand = self._actor_before_verb(cue)
        if cand is None:
            cand = self._name_before_verb(cue)
        return cand if cand is not None else self._anonymous_before_verb(cue)

    def _anonymous_before_verb(self, cue: Cue) -> Candidate | None:
        """SVO with an unnamed source opening its clause (لكن مصدرا بالشركة قال، وكان مسؤول أمني قد قال)."""
        p, r = self.p, self.reader
        j = cue.first_token - 1
        while j >= 0 and p.tokens[j].key in ("كان", "كانت", "قد", "فقد") and not r.boundary(j + 1):
            j -= 1
        if j < 0 or r.boundary(j + 1):
            return None
        for a in range(max(0, j - 5), j + 1):
            if r.kind(a) not in ("anonymous", "group", "quantity") or p.in_content(p.tokens[a].start):
                continue
            before = p.tokens[a - 1].key if a else ""
            if not (a == 0 or r.boundary(a) or before in r.cls.particles or
                    before[:1] in "وف" and before[1:] in r.cls.particles):
                continue  # the source opens its clause (after لكن، إن, a comma or the sentence start)
            ch = r.chunk(a, j + 1)
            if ch.kind != "anonymous" or ch.last != j:
                return None
            src, ev = self._chunk_source(ch, j + 1)
            return Candidate(src, p.tokens[a].start, ["before_verb"] + ev) if src is not None else None
        return None

    def _appositive_before_verb(self, cue: Cue) -> Candidate | None:
        """SVO with a name set off by a title between commas: لكن لورا بيكر، مراسلة بي بي سي في سيول، تقول."""
        p, r = self.p, self.reader
        j = cue.first_token - 1
        if j < 2 or not r.boundary(j + 1) or p.text[p.tokens[j].end:p.tokens[j + 1].start].strip() not in ("،", ","):
            return self._opening_name_and_title(cue)
        d = j
        while d > 0 and j - d < 8 and not r.boundary(d):
            d -= 1
        if not (r.kind(d) in ("role", "name_context") or p.tokens[d].key == "من" and d + 1 <= j) or d < 2 or \
                p.text[p.tokens[d - 1].end:p.tokens[d].start].strip() not in ("،", ","):
            return None  # (…، من وزارة العمل، قالت: the body she is from)
        e = d - 1
        k = bisect.bisect_right(p.mention_starts, p.tokens[e].start) - 1
        if k >= 0 and p.actor_mentions[k].end >= p.tokens[e].end and not p.in_content(p.actor_mentions[k].start):
            m = p.actor_mentions[k]  # لكن مارلين عطاالله، من وزارة العمل، قالت: a person the matcher found
            ent = p.entity(m)
            a = p.token_at(m.start)
            before = p.tokens[a - 1].key if a else ""
            if ent.kind != "person" or a and not r.boundary(a) and not (
                    before in r.cls.particles or before[:1] in "وف" and before[1:] in r.cls.particles):
                return None
            return Candidate(self._person(m, a), m.start, ["before_verb", "person"])
        a = e
        while a - 1 >= 0 and e - a < 3 and not r.boundary(a) and r.kind(a - 1) in ("word", "name_link") \
                and not p.tokens[a - 1].key.startswith("ال"):
            a -= 1
        if a == e or r.kind(a) not in ("word", "name_link") or p.in_content(p.tokens[a].start):
            return None
        before = p.tokens[a - 1].key if a else ""
        if a and not r.boundary(a) and not (before in r.cls.particles or before[:1] in "وف" and before[1:] in
                                            r.cls.particles):
            return None  # the name opens its clause (after لكن، أما, a comma or the sentence start)
        name = self._text(a, e)
        src = Source(name, name, None, "person", self._title_gender(d, d))
        return Candidate(src, p.tokens[a].start, ["before_verb", "person"])

    def _opening_name_and_title(self, cue: Cue) -> Candidate | None:
        """SVO with no commas: a sentence that opens with a name no list knows and its definite title, then the verb
        (جوليان تيرون الأستاذ في العلوم السياسية يقول إن …): the name is the verb's subject."""
        p, r = self.p, self.reader
        a = p.token_after(p.sentence_start(p.tokens[cue.first_token].start))
        if not (a < cue.first_token - 2 and cue.first_token - a <= 12) or p.in_content(p.tokens[a].start):
            return None
        e = a
        while e < a + 3 and r.kind(e) in ("word", "name_link") and not p.tokens[e].key.startswith("ال") and \
                (e == a or not r.boundary(e)):
            e += 1
        common, given = self.lex.words.common_words, self.lex.given_names
        if e - a < 2 or r.kind(e) != "role" or not r.definite(e) or r.boundary(e) or \
                all(p.tokens[t].key in common and p.tokens[t].key not in given for t in range(a, e)):
            return None  # (words that are all everyday ones are no name)
        if any(r.boundary(t) or t in p.cue_at for t in range(e, cue.first_token)):
            return None  # the title runs up to the verb, no clause between
        name = self._text(a, e - 1)
        return Candidate(Source(name, name, None, "person", self._title_gender(e, e)), p.tokens[a].start,
                         ["before_verb", "person"])

    def _name_before_verb(self, cue: Cue) -> Candidate | None:
        """SVO with a name no lexicon knows: a quoted name, or a name the article uses again, right before."""
        p, r = self.p, self.reader
        apposed = self._appositive_before_verb(cue)
        if apposed is not None:
            return apposed
        j = cue.first_token - 1
        while j >= 0 and p.tokens[j].key in ("كان", "كانت", "قد", "فقد", "التي", "الذي", "الذين") \
                and not r.boundary(j + 1):
            j -= 1
        relative = j + 1 < cue.first_token and p.tokens[j + 1].key in ("التي", "الذي", "الذين")
        gap = p.text[p.tokens[j].end:p.tokens[j + 1].start].strip() if j >= 0 else ""
        if j < 0 or r.boundary(j + 1) and gap not in ("»", "\"", "”") and not (relative and gap in ("،", ",")):
            return None  # (التقارير، التي تشير: a relative clause set off by a comma still has its noun)
        if p.in_content(p.tokens[j].start):
            return None
        k = r.kind(j)
        if k == "name_quote":
            q = p.quote_holding(p.tokens[j].start)
            if p.text[max(0, q.open - 2):q.open].strip(" ") in ("و", "ـو") or p.text[q.open - 1:q.open] == "و":
                return None  # وهما «العهد» و«حق ميت» قالت: the last of a list of quoted titles, the verb's object
            first = p.token_after(q.open)
            name = p.text[q.open + 1:q.close].strip()
            head = first - 1
            if head >= 0 and not r.boundary(first) and r.kind(head) == "name_context" and head and \
                    not r.boundary(head):
                head -= 1  # مع صحيفة «الحياة»: the preposition before the body's kind
            if head > 0 and not r.boundary(head + 1) and r.kind(head) in ("prep", "glued_noun", "glued_mention") and \
                    not r.boundary(head) and (r.kind(head - 1) == "not_speaker" or p.tokens[head].key in ("مع", "ومع")):
                return None  # في حديث لصحيفة «ديلي ميرور» قال: the paper spoken to (not تقرير لموقع «…» كشف: its own)
            if first > 0 and r.kind(first - 1) == "name_context" and not r.boundary(first):
                ch = r.body(first - 1, j + 1)
                src, ev = self._chunk_source(ch, j + 1)
            else:
                src, ev = Source(name, name, None, "named"), ["name"]
        elif (k in ("bare_body", "bare_document", "anonymous", "group") and p.tokens[j].key[:1] == "و" or
              k in ("word", "addressee") and p.tokens[j].key.startswith("وال")) and not r.boundary(j):
            # كانت وزارة الإعلام والإذاعة قالت: a word joined by و ends a longer name, the body that name begins
            a = j - 1
            while a > 0 and j - a < MAX_BODY_TOKENS and not r.boundary(a) and r.kind(a) not in (
                    "name_context", "mention", "prep", "relative", "filler", "time", "glued_mention"):
                a -= 1
            before = p.tokens[a - 1].key if a else ""
            if r.kind(a) not in ("name_context", "mention") or p.in_content(p.tokens[a].start) or not (
                    a == 0 or r.boundary(a) or before in ("كان", "كانت", "وكان", "وكانت", "قد", "فقد", "وقد")
                    or before in r.cls.particles):
                return None  # (the name opens its clause: the verb's subject, not a word in its object)
            m = p.mention_in(a) if r.kind(a) == "mention" else None
            if m is not None and (p.entity(m).kind in ("person", "media") or m.start != p.tokens[a].start):
                return None
            ch = Chunk("body", a, j)
            src, ev = self._chunk_source(ch, j + 1)
        elif k in ("bare_body", "bare_document", "anonymous", "group", "capital") or \
                k == "word" and p.tokens[j].key in self.lex.speaker_phrase["capital"]:
            # حسب الصحيفة التي رأت، إلا أن التقارير أكدت، قالت موسكو
            ch = {"bare_body": Chunk("bare", j, j), "bare_document": Chunk("document", j, j),
                  "anonymous": Chunk("anonymous", j, j), "group": Chunk("anonymous", j, j)}.get(k, Chunk("capital", j, j))
            src, ev = self._chunk_source(ch, j + 1)
        elif k == "word" and relative and p.tokens[j].key[:1] in "لب" and len(p.tokens[j].key) > 4 and \
                p.tokens[j].key[1:] not in self.lex.words.common_words and (
                    p.positions(p.tokens[j].key[1:]) or self._article_name([p.tokens[j].key[1:]], p.tokens[j].start)):
            # مع تعليق لتوربا، الذي قال: the name under its preposition, which the relative clause's verb has as subject
            src = self._article_name([p.tokens[j].key[1:]], p.tokens[j].start)
            if src is None:
                written = p.text[p.tokens[j].start + 1:p.tokens[j].end].lstrip("ـ")
                src = Source(written, written, None, "named")
            ev = ["name_recurs"]
        elif k == "word" and not p.tokens[j].key.startswith("ال"):
            src = self._article_name([p.tokens[j].key], p.tokens[j].start)
            if src is None and self._recurs(j, Chunk("name", j, j)):
                src = Source(p.text[p.tokens[j].start:p.tokens[j].end], None, None, "named")
                src = replace(src, speaker_ar=src.speaker)
            ev = ["name_recurs"]
            if src is None:
                src = self._rare_name_opening(j)
                ev = []
        else:
            return None
        if src is None:
            return None
        ev = ["before_verb"] + [e for e in ev if e != "name"] + self._conjunction(cue)
        return Candidate(src, p.tokens[j].start, ev)

    def _rare_name_opening(self, j: int) -> Source | None:
        """Two or three words ending at token j that open their clause (after لكن، أن, a comma or the sentence
        start), none of them a word of any list or an everyday one (لكن نجاتي سنتورك قال): a name, the subject."""
        p, r = self.p, self.reader
        common = self.lex.words.common_words
        a = j
        while a >= 0 and j - a < 3:
            key = p.tokens[a].key
            if r.kind(a) != "word" or key in common or key.startswith("ال") or len(key) < 3 or key[:1] in "وف" \
                    and key[1:] in common or p.in_content(p.tokens[a].start):
                break
            if a == 0 or r.boundary(a) or p.tokens[a - 1].key in r.cls.particles:
                if a == j:
                    return None  # one word alone is as often a verb or a noun the lists lack
                name = self._text(a, j)
                return Source(name, name, None, "person")
            a -= 1
        return None

    def _conjunction(self, cue: Cue) -> list[str]:
        first = self.p.tokens[cue.first_token].key
        return ["verb_has_conjunction"] if first[:1] in "وف" and first[1:] == cue.form.split()[0] else []

    def _actor_before_verb(self, cue: Cue) -> Candidate | None:
        p = self.p
        k = bisect.bisect_left(p.mention_starts, cue.start) - 1
        while k >= 0 and p.actor_mentions[k].end > cue.start:
            k -= 1
        if k < 0:
            return None
        m = p.actor_mentions[k]
        gap = p.text[m.end:cue.start].strip()
        if gap[:1] in "،," and gap[1:].strip().split(" ")[0] in ("التي", "الذي", "الذين"):
            gap = gap[1:].strip()  # وزارة الخارجية، التي أكدت: the relative clause set off by a comma
        # الكرملين قال، الخارجية القطرية التي أكدت، الحكومة قد أعلنت
        first_to = fold(gap) in ("اول من", "اولي من", "اول من قد")  # وكانت رويترز أول من ذكرت: she was first to
        if gap not in ("", "قد", "فقد", "كان", "كانت", "التي", "الذي", "الذين", "التي كانت", "الذي كان") \
                and not first_to or p.in_content(m.start):
            return None
        ent = p.entity(m)
        if ent.kind == "media" and gap and not first_to:
            return None
        i = p.token_at(m.start)
        if (self.reader.kind(i) == "glued_mention" or i and not self.reader.boundary(i) and
                self.reader.kind(i - 1) == "prep" and p.tokens[i - 1].key not in _SUBJECT_PARTICLES) and \
                not gap.startswith(("التي", "الذي", "الذين")):
            # نشر بيانا على فيسبوك قال فيه: the actor is what a preposition governs, not a subject (but حمل على
            # روسيا التي حذرت: the relative clause's verb is the actor's)
            return None
        if ent.kind == "person":
            src, ev = self._person(m, i), ["person"]
        else:
            src, ev = source_of(ent, m.surface, lex=self.lex), ["known"]
        # … لافروف وقال: a new clause, whose subject is not Lavrov
        return Candidate(src, m.start, ["before_verb"] + ev + self._conjunction(cue))

    def _discourse(self, cue: Cue, participle: bool = False) -> list[Candidate]:
        """A verb with no subject: the subject of its sentence, of a sentence since the last speaker, the last
        speaker, or (nothing else) the last person named."""
        p = self.p
        sent = p.sentence_start(cue.start)
        cands: list[Candidate] = []
        near = p.paragraphs_back(sent, 1)  # this paragraph and the one before
        if self.last is not None:
            ev = ["last_speaker"] + self._kind_evidence(self.last)
            if self.last_by_attribution:
                ev.append("last_by_attribution")
            if self.last_at >= sent:
                ev.append("same_sentence_speaker")
            elif self.last_at < p.paragraphs_back(sent, 3):
                ev.append("very_far")
            elif self.last_at < near:
                ev.append("far")
            cands.append(Candidate(self.last, self.last_at, ev))
        dash = self._dateline_dash(sent, cue.start)
        subject = self._clause_subject(dash + 2 if dash >= 0 else sent, cue)  # … فزجره أردوغان وقال: the nearest
        # clause's subject (after a dateline's dash: دبي، الإمارات العربية المتحدة (CNN) – is no clause)
        if subject is None and dash >= 0:
            # دبي، الإمارات العربية المتحدة (CNN) – أدانت الخارجية …، مؤكدة: the dateline names no one
            subject = self._sentence_subject(dash + 2, cue.start)
        if subject is None and dash < 0:
            subject = self._sentence_subject(sent, cue.start)
        if subject is None:
            comma = max(p.text.rfind("،", sent, cue.start), p.text.rfind(",", sent, cue.start))
            if comma > max(sent, dash) and not participle:
                subject = self._sentence_subject(comma + 1, cue.start)  # …، إذ اتهمه النجم مارادونا … وأشار
        if subject is not None and subject.source.kind == "title" and self.last is not None and \
                self.last.speaker_ar and 0 < subject.at - self.last_at < 40 and \
                p.text[self.last_at:subject.at].rstrip(" ،,").endswith(self.last.speaker_ar):
            subject = None  # وقالت سوزان ورال مديرة المكتبة …، وأضافت: the title is the last speaker's apposition
        if subject is not None:
            subject.evidence.insert(0, "sentence_subject")
            if subject.source.kind == "title":
                subject.evidence.append("person")  # a title is someone, as likely to go on as a name
            if cands and self.last_at >= sent and subject.at < self.last_at and subject.source != self.last \
                    and self.last.kind != "named":
                # قالت «نيويورك تايمز» …، بينما قالت «واشنطن بوست» مؤكدة: the nearer verb's subject goes on (when
                # the lists know it: words no list knows after a verb are as often its object, دعا أحرار العالم)
                cands[0].evidence.append("nearer_than_subject")
            cands.append(subject)
        elif not participle:
            s = sent
            while s > max(self.last_at, near, 0):
                s = p.sentence_start(s - 1)
                if s <= self.last_at:
                    break
                earlier = self._sentence_subject(s, sent)
                if earlier is not None:
                    earlier.evidence.insert(0, "earlier_subject")
                    if earlier.source.kind == "title":
                        earlier.evidence.append("person")  # (من جانبه، وصف الرئيس السوداني … وعبر عن)
                    cands.append(earlier)
                    break
        if not cands:
            named = self._last_person_named(cue.start)
            if named is not None:
                cands.append(named)
        if cue_gender(cue, lex=self.lex) in ("m", "f") and fold(cue.form).split()[0] != "كتب":  # (كُتب: passive)
            for c in cands:
                if _sound_plural(c.source) and "gender_clash" not in c.evidence:
                    c.evidence.append("gender_clash")  # المحتجون … وأضاف: a singular verb goes on with one, not them
        return cands

    def _dateline_dash(self, sent: int, limit: int) -> int:
        """Where the dash of a dateline opening the sentence stands (دبي، الإمارات العربية المتحدة (CNN) –،
        الرياض - واس), or -1: a few words before it, not opening with و (وخاض رفائيل - الذي شارك … - is an aside)."""
        text = self.p.text
        dash = min((k for k in (text.find(d, sent, min(limit, sent + 120)) for d in ("–", "—", " - ", ")-"))
                    if k >= 0), default=-1)
        if dash < 0:
            return -1
        head = text[sent:dash].split()
        return dash if head and len(head) <= 6 and head[0][:1] not in "وف" else -1

    def _kind_evidence(self, source: Source) -> list[str]:
        """What a referent's kind adds when the discourse supplies it (a person is the likeliest to go on)."""
        return ["person"] if source.kind == "person" else []

    def _sentence_subject(self, s: int, limit: int) -> Candidate | None:
        """The subject a sentence opens with (after و، أما، لكن … and its verb): an actor, a title, a body."""
        p, r = self.p, self.reader
        i, end = p.token_after(s), p.token_after(limit)
        particles = r.cls.particles
        n = 0
        while i < end and n < 4:
            key, k = p.tokens[i].key, r.kind(i)
            cue = p.cue_at.get(i)
            if key in particles or (key[:1] in "وف" and key[1:] in particles) or k in ("filler", "time") or \
                    cue is not None and cue.kind in ("aside", "passive") or is_complementiser(p.tokens, i, lex=self.lex):
                i, n = (cue.last_token + 1 if cue is not None else i + 1), n + 1  # ويذكر أن عائلة …
                continue
            if k == "prep" and n == 0:
                last = r.prep(i, end).last
                pk = key[1:] if key[:1] in "وف" and len(key) > 2 else key  # (وعن الممثل الكوميدي الذي …)
                if last + 1 < end and (r.boundary(last + 1) or pk in ("من", "في", "الي", "علي", "عن")):
                    i, n = last + 1, n + 1  # من جانبها، في غضون ذلك، من جهة أخرى
                    continue
            break
        if i >= end or p.in_content(p.tokens[i].start):
            return None
        nominal = ("actor", "title", "bare", "body", "anonymous", "document", "capital")
        verb = ""
        for step in range(2):  # SVO (أما بيتر نيومان …), else VSO: a verb, then its subject
            ch = r.chunk(i, end)
            allowed = nominal + (("name",) if step or n else ())
            if step and ch.kind == "title" and verb.endswith("ت") and len(verb) > 3 and \
                    not p.tokens[ch.first].key.endswith("ه") and p.tokens[ch.first].key in self.lex.words.roles:
                return None  # ووصفت الممثل جهاد الأطرش بالصديق: a feminine verb, a man's title: its object
            src, ev = self._chunk_source(ch, end) if ch.kind in allowed else (None, [])
            if src is not None and ch.kind == "name" and "name_recurs" not in ev and step and self._apposed(ch, end):
                src = Source(src.speaker, src.speaker_ar, None, "person")  # a name with a title after it: someone
                return Candidate(src, p.tokens[ch.first].start, ["person"])
            if src is not None and not (ch.kind == "name" and "name_recurs" not in ev):
                return Candidate(src, p.tokens[ch.first].start, [e for e in ev if not e.startswith("name")])
            if ch.kind in nominal or i + 1 >= end or r.boundary(i + 1):
                return None
            verb = p.tokens[i].key
            i += 1  # the verb (عبر، نفت …), whatever its word class
            while step == 0 and i < end and r.kind(i) == "filler" and not r.boundary(i):
                i += 1  # وتحدث فيها الدكتور …: a pronoun or adverb before the subject
        return None

    def _apposed(self, ch: Chunk, end: int) -> bool:
        """Is a name no list knows, after a verb, set off by a title in apposition (أعرب سيدريك سواريس، مدافع
        المنتخب …): two or three indefinite words, a comma, a title — a person, though the article names him once."""
        p, r = self.p, self.reader
        after = ch.last + 1
        return 0 < ch.last - ch.first < 3 and after < end and r.kind(after) == "role" and \
            p.text[p.tokens[ch.last].end:p.tokens[after].start].strip() in ("،", ",") and \
            not any(r.definite(t) for t in range(ch.first, after))

    def _clause_subject(self, sent: int, cue: Cue) -> Candidate | None:
        """A subjectless verb's or participle's subject in a long sentence: the subject of the nearest clause
        before it that opens with و or ف and a verb (… وتحدث فيها الدكتور علي الشهري بورقة …، مبينًا)."""
        p, r = self.p, self.reader
        first = p.token_after(sent)
        tried = 0
        for j in range(cue.first_token - 1, max(first, cue.first_token - 40), -1):
            if tried == 3:
                break  # the nearest clauses only (and a bounded cost)
            key = p.tokens[j].key
            after_comma = r.boundary(j) and p.text[p.tokens[j - 1].end:p.tokens[j].start].strip() in ("،", ",")
            if not (key[:1] in "وف" or after_comma) or len(key) < 4 or r.kind(j) != "word" or \
                    p.in_content(p.tokens[j].start) or self._cue_word(key):
                continue
            tried += 1
            cand = self._sentence_subject(p.tokens[j].start, cue.start)
            if cand is not None and cand.source.kind in ("person", "title", "organization", "media", "government"):
                return cand  # (…، أصدرت وكالة فيتش تحذيرا …، قائلة)
        return None

    def _last_person_named(self, pos: int) -> Candidate | None:
        """وأكد سموه أن …: with no one else, the last person the text named (not inside reported words)."""
        p = self.p
        k = bisect.bisect_left(p.mention_starts, pos)
        for m in reversed(p.actor_mentions[:k]):
            if p.entity(m).kind == "person" and not p.in_content(m.start) and not (
                    m.entity_id.startswith("person:") and self._not_a_name(m.surface)):
                return Candidate(self._person(m, p.token_at(m.start)), m.start, ["last_person_named", "person"])
        return None

    # ---- what a chunk names

    def _chunk_source(self, ch: Chunk, end: int | None = None) -> tuple[Source | None, list[str]]:
        """The Source a chunk names and the evidence its kind gives (None: it names no one)."""
        p, r = self.p, self.reader
        text = self._text(ch.first, ch.last)
        if ch.kind == "actor":
            ent = r.entity_at(ch.first)
            m = ch.mention
            if ent is None:
                return None, []
            if ent.kind == "person" and m is not None:
                if ent.entity_id.startswith("person:") and self._not_a_name(m.surface):
                    return None, []  # السفير الروسي read as a person «الروسي»
                ev = ["person"] + ([] if ent.entity_id.startswith("person:") else ["known"])
                return self._person(m, ch.first), ev
            surface = m.surface if m is not None else text
            if m is not None and p.text[max(p.tokens[ch.first].start, m.start - 2):m.start] == "لل":
                surface = "ال" + surface  # حصيلة للمرصد السوري → المرصد السوري (the article under the ل)
            return source_of(ent, surface, lex=self.lex), ["known"]
        if ch.kind == "title":
            return self._title_source(ch)
        if ch.kind == "anonymous":
            return Source(None, text, None, "anonymous"), ["anonymous"]
        if ch.kind == "document":
            return self._document_source(ch)
        if ch.kind == "bare":
            return self._bare_source(ch)
        if ch.kind == "body":
            head = p.tokens[ch.first].key
            if r.kind(ch.first) == "glued_noun":  # لغرفة تجارة وصناعة دبي → غرفة …
                head = _glued_preposition(head, lex=self.lex) or head
                cut = 1 if not p.tokens[ch.first].key.startswith(("لل", "ول", "فل", "وب", "فب")) else 2
                written = p.text[p.tokens[ch.first].start:p.tokens[ch.last].end]
                text = ("ال" if p.tokens[ch.first].key.startswith("لل") else "") + written[cut:].lstrip("ـ")
            q = p.quote_holding(p.tokens[ch.last].start)
            quoted = q is not None and q.open > p.tokens[ch.first].start
            name = p.text[q.open + 1:q.close].strip() if quoted else text
            written = p.text[p.tokens[ch.first].start:q.close + 1] if quoted else text
            if "(" in name:  # «مجموعة الأزمات الدولية (ICG)»: an abbreviation closing the name
                name = written = re.sub(r"\s*\([^()]*\)?\s*$", "", name) or name
            if head.startswith("ال") and not quoted and ch.last > ch.first and all(
                    _nisba(p.tokens[k].key) for k in range(ch.first + 1, ch.last + 1)):
                # الصحيفة الإيطالية، المجموعة الإعلامية: a body named before, called again by its kind
                hit = self._body_with(head[2:], [p.tokens[k].key for k in range(ch.first + 1, ch.last + 1)], ch.first)
                if hit is not None:
                    return hit, ["bare_resolved"] + self._kind_evidence(hit)
            kind = "media" if head in self.lex.speaker_phrase["media_head"] else "organization"
            # صحيفة «الحياة» → الحياة; a masculine head takes either verb (وذكرت مستشفى «سانتا كازا»: the body)
            return Source(name, written, None, kind, "f" if head.endswith("ه") else ""), ["body"]
        if ch.kind == "name":
            return self._name_source(ch, end)
        if ch.kind == "capital":
            state = _capital_states(lex=self.lex).get(p.tokens[ch.first].key)
            return (source_of(state, text, lex=self.lex), ["known"]) if state is not None else (None, [])
        return None, []

    def _not_a_name(self, surface: str) -> bool:
        """A person the entity pass read out of words that name no one (a demonym, a time, a title word, one word
        under a preposition: لغيره)."""
        words = fold(surface).split()
        demonyms = _demonyms(lex=self.lex)
        if len(words) == 1 and words[0][:1] in "لب" and words[0] not in self.lex.given_names:
            return True
        return all(w in demonyms or word_class(w, lex=self.lex) in ("time", "stop", "role", "filler") for w in words)

    def _person(self, m: Mention, i: int, gender: str = "") -> Source:
        """A person mention as a Source: the fullest name the article gives, the gender its title shows."""
        p = self.p
        ent = p.entity(m)
        if not gender and i > 0 and not self.reader.boundary(i) and self.reader.kind(i - 1) == "role":
            gender = self._title_gender(i - 1, i - 1)
        elif not gender and i > 1 and not self.reader.boundary(i) and not self.reader.boundary(i - 1) and \
                self.reader._demonym_at(i - 1) and self.reader.kind(i - 2) in ("role", "word") and \
                p.tokens[i - 2].key.startswith("ال") and \
                _word_gender(p.tokens[i - 2].key) == _word_gender(p.tokens[i - 1].key) == "m":
            # المعلق الفرنسي X: a masculine description and nationality before the name are the man's (a feminine
            # one may be a ministry's: وزير الخارجية الفرنسية X)
            gender = "m"
        if not ent.entity_id.startswith("person:"):
            before = p.tokens[i - 1].key if i > 0 else ""
            if before in self.lex.given_names and before not in fold(ent.name_ar or "").split() and \
                    not self.reader.boundary(i) and fold(p.text[p.tokens[i].start:m.start]) == "":
                # سامر نصر الله is not حسن نصر الله: another given name before a known surname, another person
                name = p.text[p.tokens[i - 1].start:m.end]
                return Source(name, name, None, "person", gender)
            surname = fold(m.surface).split()
            if len(surname) == 1:  # وذكر المالكي after العقيد تركي المالكي: this article's Maliki
                namesake = [q for q in self.named_people if fold(q.speaker_ar or "").split()[-1:] == surname]
                if namesake:
                    return namesake[-1]
                # ودعا المالكي after العقيد تركي المالكي: the namesake the article names in full, not the lexicon's
                # best-known bearer of the surname
                fuller = [(o, e) for o, e, mw, _ in p.mention_words() if len(mw) > 1 and mw[-1:] == surname
                          and e.kind == "person"]
                if fuller and len({e.entity_id for _, e in fuller}) == 1 and fuller[0][1].entity_id != ent.entity_id:
                    o, e = fuller[0]
                    return source_of(e, o.surface if e.entity_id.startswith("person:") else (e.name_ar or o.surface),
                                     gender)
            return source_of(ent, m.surface, gender)
        before = p.tokens[i - 1].key if i > 0 else ""
        if len(fold(m.surface).split()) == 1 and i > 0 and not self.reader.boundary(i) and (
                before in self.lex.given_names or self.reader.kind(i - 1) == "word" and i - 1 not in p.cue_at and
                before not in self.lex.words.common_words and before[:1] not in "وفيتا" and before[-1:] != "ه" and not before.startswith("ال")
                and len(before) > 2) and \
                before not in fold(ent.name_ar or "").split() and fold(p.text[p.tokens[i].start:m.start]) == "" and \
                (i < 2 or p.tokens[i - 2].key not in ("بن", "ابن", "بنت")):  # (عبدالله بن مسفر الغامدي: his own)
            # بندر الزهراني after سلطان الزهراني: another given name before the surname, another person
            name = p.text[p.tokens[i - 1].start:m.end]
            return Source(name, name, None, "person", gender)
        full = ent.name_ar or m.surface
        # the fullest name the article gives, when this mention is its end (تيلرسون → ريكس تيلرسون)
        written = (full if fold(full).endswith(fold(m.surface)) else m.surface).split()
        after = self.reader.mention_last(i) + 1
        if after + 1 < len(p.tokens) and p.tokens[after].key in ("ال", "آل") and not self.reader.boundary(after) \
                and not self.reader.boundary(after + 1) and self.reader.kind(after + 1) not in ("prep", "filler", "time"):
            # عبدالعزيز بن عبدالله آل الشيخ: the family name the matcher left after the mention
            written = written + [p.text[p.tokens[after].start:p.tokens[after + 1].end]]
        elif written and fold(written[-1]) in ("بن", "بنت", "ابن") and after < len(p.tokens):
            # جديع بن نهار القحطاني: the matcher stopped at a father's name that is also a word (نهار، صباح)
            r, k = self.reader, after
            while k < len(p.tokens) and k - after < 2 and not r.boundary(k) and k not in p.cue_at and \
                    r.kind(k) in ("word", "time", "name_link") and not p.in_content(p.tokens[k].start):
                k += 1
            if k > after:
                written = written + p.text[p.tokens[after].start:p.tokens[k - 1].end].split()
        given = self.lex.given_names
        while len(written) > 2 and fold(written[0])[:1] in "يت" and fold(written[0]) not in given:
            written = written[1:]  # يفتقر دالي بليند، تفقدت أنجلينا جولي: a verb before the name
        for n, word in enumerate(written):
            if n == len(written) - 1 and fold(word) == "الله" and word_class(fold(written[n - 1]), lex=self.lex) == "word":
                break  # مروان رزق الله، نصر الله: the name of God ends many names (not رحمه الله)
            if n and fold(written[n - 1]) in ("بن", "بنت", "ابن") or n == len(written) - 1 and (
                    after >= len(p.tokens) or self.reader.boundary(after)) and not any(c in "ىأإ" for c in word):
                continue  # جديع بن نهار: a father's name, whatever else the word means; أنور أولاد علي،: no
                # preposition stands before a comma
            if n and (word_class(fold(word), lex=self.lex) in ("prep", "filler", "time", "not_speaker", "stop",
                                                                "divine") or self.reader._glued_noun(fold(word))
                      or fold(word)[:1] in "لب" and lexicon_actor(word[1:], lex=self.lex) is not None):
                name = " ".join(written[:n])  # ماجد عبر حسابه: the name ends where a preposition begins
                return Source(name, name, None, "person", gender)
        return source_of(ent, " ".join(written), gender)

    def _title_source(self, ch: Chunk) -> tuple[Source, list[str]]:
        p, r, lex = self.p, self.reader, self.lex
        head = p.tokens[ch.first].key
        if ch.name_span is not None and ch.name_after_title:
            self._scan_titles()
            known = self.titles.get(fold(self._text(ch.first, ch.last)))
            if known is not None:
                return known, ["title_named"] + self._kind_evidence(known)  # a title the article gave someone
        if ch.name_span is not None:
            a, b = ch.name_span
            name = self._text(a, b)
            src = Source(name, name, None, "person", self._title_gender(ch.first, a - 1))
            self.named_people.append(src)
            if ch.name_after_title:
                words = fold(self._text(ch.first, a - 1).rstrip(" ،,")).split()
                bare = _glued_role(words[0], lex=lex) if words else ""
                self.titles.setdefault(" ".join(([bare] + words[1:]) if bare else words), src)
            elif b < ch.last:
                self.titles.setdefault(fold(self._text(b + 1, ch.last)), src)
            return src, ["person"]
        if ch.person is not None and ch.person.entity_id.startswith("person:") and self._not_a_name(ch.person.surface):
            ch = replace(ch, person=None, last=p.token_after(ch.person.end) - 1)  # السفير الروسي: no name
        if ch.person is not None:
            pi = p.token_at(ch.person.start)
            src = self._person(ch.person, pi, self._title_gender(ch.first, pi - 1))
            ent = p.entity(ch.person)
            between = list(range(ch.first + 1, pi))
            if head in lex.words.ranks and between and not ent.entity_id.startswith("person:") \
                    and len(fold(ch.person.surface).split()) == 1 \
                    and all(p.tokens[k].key in r.cls.given or r.kind(k) == "mention" for k in between):
                # العقيد تركي المالكي: a given name before a lexicon surname is another person
                name = self._text(ch.first + 1, r.mention_last(pi))
                src = Source(name, name, None, "person", self._title_gender(ch.first, ch.first))
                self.named_people.append(src)
                return src, ["person"]
            if pi - 2 > ch.first and r.kind(pi - 1) == "name_link" and r.kind(pi - 2) == "word" and \
                    not p.tokens[pi - 2].key.startswith("ال") and not r.boundary(pi - 1):
                # وزير الخارجية عادل بن أحمد الجبير: the name began before بن
                name = self._text(pi - 2, r.mention_last(pi))
                known = lexicon_actor(name, lex=lex)
                src = source_of(known, known.name_ar) if known is not None else Source(name, name, None, "person")
                pi -= 2
            bare = head if head in lex.words.roles else _glued_role(head, lex=lex)
            if pi > ch.first and bare:
                title = p.text[p.tokens[ch.first].start:p.tokens[pi - 1].end].rstrip(" ،,")
                # (الحساب الرسمي لوزير الإعلام معمر الإرياني: the title under its ل is the same title)
                self.titles.setdefault(" ".join([bare] + fold(title).split()[1:]), src)
            return src, ["person", "title_named"] + ([] if ent.entity_id.startswith("person:") else ["known"])
        src = self.resolve_title(self._text(ch.first, ch.last), p.tokens[ch.first].start)
        if src.kind == "anonymous":
            return src, ["anonymous"]
        return src, ["title"] if src.kind == "title" else ["title_named"] + self._kind_evidence(src)

    def _title_gender(self, a: int, b: int) -> str:
        """A person's gender as their title shows it: f for a feminine title word (الدكتورة، وزيرة), m for a
        masculine rank (الشيخ، اللواء), else unknown (رئيس and عضو name women too)."""
        p, lex = self.p, self.lex
        keys = [p.tokens[k].key for k in range(a, b + 1) if self.reader.kind(k) == "role"]
        if any(k.endswith("ه") for k in keys):
            return "f"
        masculine = lex.words.ranks | lex.words.weak_ranks | lex.speaker_phrase["honorific"]
        return "m" if keys and keys[0] in masculine else ""

    def resolve_title(self, title: str, at: int) -> Source:
        """A speaker named by title alone: someone this article gives that title, the office-holder on the
        article's date, the last person quoted (المسؤول), or the title itself."""
        p, lex = self.p, self.lex
        key = fold(title)
        words = key.split()
        gender = _word_gender(words[0]) if words else ""
        if key in self.titles:
            return self.titles[key]
        self._scan_titles()
        if key in self.titles:
            return self.titles[key]
        held: list[list[str]] = []
        if self.last is not None and self.last.kind == "person" and len(words) >= 2:
            lid = self.last.speaker_id
            if not lid or lid.startswith(("person:", "name:")):
                known = lexicon_actor(self.last.speaker_ar or "", lex=lex)  # عادل بن أحمد الجبير → adel-al-jubeir
                lid = known.entity_id if known is not None else lid
            held = _offices(lex=lex)[1].get(lid or "", [])
        if len(words) >= 2 and any(ow[:len(words)] == words for ow in held) and self.last_at >= p.paragraphs_back(at, 1):
            return self.last  # وقال الجبير … ورأى معالي وزير الخارجية: the office the one just quoted holds
        if len(words) >= 2:
            longer = {id(s): s for k, s in self.titles.items() if k.split()[:len(words)] == words}
            if len(longer) == 1:
                return next(iter(longer.values()))  # وزير الدفاع after وزير الدفاع العراقي خالد العبيدي
        date = p.published or ""
        for ow, office in _offices(lex=lex)[0].get(words[0] if words else "", ()):
            if words[:len(ow)] == ow and (not date or (office.start or "0") <= date <= (office.end or "9")):
                ent = lex.actors.get(office.actor_id)
                if ent:
                    return Source(ent[0].name, ent[0].name_ar or title, office.actor_id, ent[0].kind, gender)
        if self.last is not None and self.last.kind == "anonymous" and fold(self.last.speaker_ar or "") == key:
            return self.last  # وقال المسؤول الأمني … وأضاف المسؤول الأمني: the same unnamed source goes on
        if words and words[0].startswith("ال") and words[0][2:] in lex.words.anonymous and any(
                self.last_at < p.tokens[j].start < at for j in p.positions(words[0][2:])):
            # كشف مصدر أمني مسؤول … وقال المسؤول الأمني: the unnamed source introduced since the last speaker
            return Source(None, title, None, "anonymous", gender)
        if words and words[0] in lex.speaker_phrase["anaphoric"] and self.last is not None \
                and self.last.kind in ("person", "named") and (len(words) <= 3 and all(
                    _nisba(w) or w in _demonyms(lex=lex) for w in words[1:]) or len(words) > 2 and words[1] == "في"
                    and self.last_at >= p.paragraphs_back(at, 1)) \
                and self._gender(self.last).gender in ("", gender) and self._same_nationality(words[1:]):
            # المسؤول الروسي، الوزير، المدرب الألماني: the last person quoted (not المتحدث باسم رئاسة الإقليم),
            # when the head's gender fits theirs (المدربة is not the man quoted before)
            return self.last
        if words and words[0].startswith("ال"):
            # المغني البالغ من العمر 40 عاما after مغني الراب الأميركي كاني ويست: the same head, the same person
            head = words[0][2:]
            said = {w for w in words[1:] if w in _demonyms(lex=lex)}  # (الرئيس السوداني is not الرئيس المصري)
            where = set(words[words.index("في") + 1:]) if "في" in words else set()  # المسؤولة في وزارة العمل
            same = [s for k, s in self.titles.items() if k.split()[0] in (head, words[0]) and said <= set(k.split())
                    and where <= set(k.split())]  # (… is not المسؤولة في منظمة كفى)
            if same:
                return same[-1]
        if len(words) >= 2 and not words[0].startswith("ال") and not _nisba(words[1]) and self.last is not None \
                and self.titles.get("ال" + words[0]) == self.last:
            # وقال السفير أحمد قطان … وأكد سفير خادم الحرمين الشريفين: the one just quoted under that head
            return self.last
        head = words[0] if words else ""
        if head in lex.words.anonymous or not head.startswith("ال") and (len(words) == 1 or words[1] in (
                "في", "من") or _nisba(words[1]) and not words[1].startswith("ال")):
            return Source(None, title, None, "anonymous", gender)  # قائد في التحالف، مسؤول أميركي، قائد ميداني
        if len(words) == 1 and head in lex.speaker_phrase["anaphoric"]:
            return Source(None, title, None, "anonymous", gender)  # وقال المسؤول … with no one to point back to
        return Source(title, title, None, "title", gender)

    def _same_nationality(self, words: list[str]) -> bool:
        """May the last person be described by these adjectives? Not when they name a nationality and the titles
        the person holds (offices.tsv, this article) name only others (الرئيس السوداني after Egypt's president)."""
        demonyms = _demonyms(lex=self.lex)
        said = {w for w in words if w in demonyms}
        if not said or self.last is None:
            return True
        held = [ow for ow in _offices(lex=self.lex)[1].get(self.last.speaker_id or "", [])]
        held += [k.split() for k, src in self.titles.items() if src == self.last]
        theirs = {w for ow in held for w in ow if w in demonyms}
        return not theirs or bool(said & theirs)

    def _scan_titles(self) -> None:
        """Every title the article gives a named person, wherever it stands (X، رئيس …; رئيس … X)."""
        if self._scanned:
            return
        self._scanned = True
        p, r = self.p, self.reader
        n = len(p.tokens)
        roles = self.lex.words.roles
        # few words are titles (or titles under a ل: لوزير الإعلام): look near them only
        titled = [k for k, t in enumerate(p.tokens) if t.key in roles or t.key[:1] == "ل" and _glued_role(t.key, lex=self.lex)]
        for k in titled:  # الحساب الرسمي لوزير الإعلام اليمني معمر الإرياني: a name no list knows after it
            if p.tokens[k].key not in roles and not p.in_content(p.tokens[k].start):
                ch = r.title(k, min(n, k + MAX_TITLE_TOKENS))
                if ch.name_span is not None and ch.name_after_title:
                    self._title_source(ch)
        for m in p.actor_mentions:
            ent = p.entity(m)
            if ent.kind != "person":
                continue
            i = p.token_at(m.start)
            after = r.mention_last(i) + 1
            k = bisect.bisect_left(titled, i - 7)
            if k >= len(titled) or titled[k] > after:
                continue  # no title before or right after this name
            for back in range(1, 8):  # رئيس الاتحاد المصري لكرة القدم هاني أبو ريدة
                j = i - back
                if j < 0 or r.boundary(j + 1) and j + 1 != i:
                    break
                if r.kind(j) == "role" and p.tokens[j].key in self.lex.words.roles or _glued_role(p.tokens[j].key, lex=self.lex):
                    ch = r.title(j, min(n, i + 4))
                    if ch.person is not None and ch.person.start == m.start:
                        self._title_source(ch)
                    if p.tokens[j].key not in self.lex.words.ranks:
                        break  # (وزير الأوقاف المصري الدكتور مختار جمعة: a rank, and the office before it)
            # هاني أبو ريدة، رئيس الاتحاد …
            if after < n and r.boundary(after) and p.text[p.tokens[after - 1].end:p.tokens[after].start].strip() \
                    in ("،", ",") and r.kind(after) == "role" and p.tokens[after].key in self.lex.words.roles:
                ch = r.title(after, min(n, after + MAX_TITLE_TOKENS))
                title = self._text(ch.first, ch.last)
                if ch.person is None:
                    self.titles.setdefault(fold(title), self._person(m, i, _word_gender(p.tokens[after].key)))

    def _document_source(self, ch: Chunk) -> tuple[Source | None, list[str]]:
        p = self.p
        if ch.issuer is not None:
            src, ev = self._chunk_source(ch.issuer)
            if src is not None:
                return replace(src, gender=""), ev  # the verb agrees with the document, not its issuer
        text = self._text(ch.first, ch.last)
        head = p.tokens[ch.first].key
        if head[:1] in "لب" and word_class(head, lex=self.lex) not in ("document", "bare_document"):
            under = _glued_preposition(head, lex=self.lex)
            if under is not None and word_class(under, lex=self.lex) in ("document", "bare_document"):
                # وفقا لتقرير إخباري → تقرير إخباري (the document under its ل; للتقرير → التقرير)
                cut = 2 if head.startswith(("لل", "ول", "فل", "وب", "فب")) else 1
                text = ("ال" if head.startswith("لل") else "") + text[cut:].lstrip("ـ")
                head = under
        nxt = ch.first + 1
        if ch.last == ch.first and not head.startswith("ال") and nxt < len(p.tokens) and not self.reader.boundary(nxt) \
                and word_class(p.tokens[nxt].key, lex=self.lex) == "bare_document":
            # مسودة البيان، نص التقرير: the document the article named before, and who issued it
            src = self._issuer_before(p.tokens[nxt].key[2:], p.tokens[ch.first].start)
            if src is not None:
                return replace(src, gender=""), ["bare_resolved"] + self._kind_evidence(src)
        if ch.last > ch.first and not head.startswith("ال"):
            src = Source(text, text, None, "document", _word_gender(head))
            self.issuers.setdefault(head, src)  # تقرير الشال … then التقرير: that report
            return src, ["document"]
        if ch.last == ch.first and head.startswith("ال"):
            src = self._issuer_before(head[2:], p.tokens[ch.first].start)
            if src is not None:
                return replace(src, gender=""), ["bare_resolved"] + self._kind_evidence(src)  # وأوضح البيان
            return Source(None, text, None, "anonymous"), ["bare"]
        return Source(text, text, None, "document", _word_gender(head)), ["document"]

    def _issuer_before(self, stem: str, at: int) -> Source | None:
        """Who issued the document البيان points back to: the body of a في بيان statement, بيان الوزارة,
        or the subject of the sentence that announced it (أصدرت الوزارة بيانا)."""
        if stem in self.issuers:
            return self.issuers[stem]
        p, r = self.p, self.reader
        n = p.token_after(at)
        forms = {stem, stem + "ا", "ب" + stem, "ل" + stem}
        for j in range(n - 1, -1, -1):
            if p.tokens[j].key not in forms:
                continue
            d = r.document(j, min(len(p.tokens), j + 8), bare=False)
            if d.issuer is not None:
                src, _ = self._chunk_source(d.issuer)
                if src is not None:
                    return src
            subject = self._sentence_subject(p.sentence_start(p.tokens[j].start), p.tokens[j].start)
            return subject.source if subject is not None else None
        return None

    def _note_issuer(self, chunks: list[Chunk], source: Source) -> None:
        """قالت الوزارة في بيان: remember who issued a document, for a later البيان."""
        if source.kind in ("anonymous", "unknown", "document"):
            return
        for ch in chunks:
            if ch.kind == "prep":
                for k in range(ch.first, ch.last + 1):
                    key = self.p.tokens[k].key
                    stem = key[1:] if key[:1] in "بل" and word_class(key[1:], lex=self.lex) == "document" else key
                    cls = word_class(stem, lex=self.lex)
                    if cls == "document":
                        self.issuers[stem.removeprefix("ال")] = source  # قالت الوزارة في بيان: a new statement
                    elif cls == "bare_document" and stem[2:] not in self.issuers and \
                            self._issuer_before(stem[2:], self.p.tokens[k].start) is None:
                        # وأضاف المتحدث، في البيان: the statement is his where the article gave no issuer before
                        # (تقرير صادر عن X … وأشار فلان في التقرير: still X's)
                        self.issuers[stem[2:]] = source

    def _bare_source(self, ch: Chunk) -> tuple[Source, list[str]]:
        """الوزارة، الشركة: the body of that kind the article names, else an unnamed source."""
        p = self.p
        head = p.tokens[ch.first].key
        if self.reader.kind(ch.first) in ("glued_noun", "prepositional"):
            head = _glued_preposition(head, lex=self.lex) or head  # للوزارة → الوزارة
        stem = head[2:] if head.startswith("ال") else head
        at = p.tokens[ch.first].start
        hit = self._body_named(head, stem, at)
        if hit is not None:
            return hit, ["bare_resolved"] + self._kind_evidence(hit)
        written = self._text(ch.first, ch.last)
        if head != p.tokens[ch.first].key:  # حصيلة جديدة للمرصد: the noun without the preposition written onto it
            written = written[1:] if written[:1] in "وف" else written
            written = "ال" + written[2:] if written[:2] == "لل" else written[1:] if written[:1] in "لب" else written
        return Source(None, written, None, "anonymous", _word_gender(head)), ["bare"]

    def _body_with(self, stem: str, adjectives: list[str], before: int) -> Source | None:
        """The nearest body named earlier by this kind with a name of its own and these adjectives after it
        (صحيفة «غازيتا ديلو سبورت» الإيطالية for الصحيفة الإيطالية; not صحيفة «آس» الإسبانية)."""
        p, r = self.p, self.reader
        for j in reversed([k for k in p.positions(stem) if k < before]):
            body = r.body(j, min(len(p.tokens), j + MAX_BODY_TOKENS + 4))
            if body.kind != "body" or p.in_content(p.tokens[j].start):
                continue
            words = {p.tokens[k].key for k in range(j + 1, min(len(p.tokens), body.last + 3))}
            if not all(a in words for a in adjectives):
                continue
            src, _ = self._chunk_source(Chunk("body", j, body.last))
            return src
        return None

    def _body_named(self, head: str, stem: str, at: int) -> Source | None:
        """The body whose name opens with this noun (وزارة الخارجية الروسية for الوزارة, المرصد السوري for
        المرصد), known to the lexicons or not: first one the article names as a subject (not under a preposition
        or after بحسب), nearest before `at`, then after it; else any."""
        p, r = self.p, self.reader
        n = p.token_after(at)
        cands: list[tuple[int, object]] = []  # (token index, mention or None)
        for m, ent, mw, _ in p.mention_words():
            if mw and mw[0] in (head, stem) and len(mw) > 1 and ent.kind != "person":
                cands.append((p.token_at(m.start), m))
        for k in (stem, head, "و" + stem, "ب" + stem, "ل" + stem, "و" + head, "ب" + head, "ل" + head):
            cands += [(j, None) for j in p.positions(k)]
        at_token: dict[int, object] = {}
        for j, m in cands:
            if j != n and at_token.get(j) is None:
                at_token[j] = m  # a mention at j wins over the bare word read there (its name ends where it ends)
        order = sorted(at_token.items(), key=lambda c: (c[0] > n, abs(c[0] - n)))

        def governed(j: int) -> bool:
            prev = p.tokens[j - 1].key if j else ""
            return j > 0 and (r.kind(j - 1) == "prep" or p.cue_at.get(j - 1) is not None and
                              p.cue_at[j - 1].kind == "attribution" or prev in ("وبحسب", "بحسب", "حسب", "وفق"))

        found: list[Source] = []
        before: list[Source] = []
        description: Source | None = None
        for j, m in [c for c in order if not governed(c[0])] + [c for c in order if governed(c[0])]:
            src = self._body_at(j, m, head, stem)
            if src is not None:
                found.append(src)
                if j < n:
                    before.append(src)
            elif description is None and j < n:
                description = self._body_at(j, m, head, stem, description=True)
        if not before and description is not None:
            return description  # قالت الشرطة النرويجية … وذكرت الشرطة: described, and named no other way before
        if not found:
            return self._government_of_state(head, at) or self._team_before(head, at)
        # وكالة التصنيف الائتماني after وكالة التصنيف الائتماني ستاندرد آند بورز: the fuller name of that body
        # given before (a later one may run on into its verb: أن بنك كومنولث جمع رسوما)
        first = fold(found[0].speaker_ar or "").split()
        fuller = [f for f in before if f is not found[0] and fold(f.speaker_ar or "").split()[:len(first)] == first
                  and len(fold(f.speaker_ar or "").split()) > len(first)]
        return fuller[0] if fuller else found[0]

    def _body_at(self, j: int, m: Mention | None, head: str, stem: str, description: bool = False) -> Source | None:
        """The body named at token j (a mention, or the kind and the name after it), if it is a name (with
        description, also the kind and its adjectives alone: الشرطة النرويجية)."""
        p, r = self.p, self.reader
        if m is not None:
            ch = r.chunk(j, min(len(p.tokens), j + MAX_BODY_TOKENS + 1)) if p.entity(m).entity_id.startswith("org:") \
                else None
            if ch is not None and ch.kind == "body":
                return self._chunk_source(ch)[0]  # الاتحاد السعودي لكرة القدم: the name the matcher cut, whole
            return source_of(p.entity(m), m.surface, lex=self.lex)
        key = p.tokens[j].key
        body = r.body(j, min(len(p.tokens), j + MAX_BODY_TOKENS + 1))
        if body.kind != "body" or body.last == j or key.endswith(head) and not (
                _nisba(p.tokens[j + 1].key) or p.tokens[j + 1].key.startswith(("ال", "لل"))):
            return None  # وقامت اللجنة بتشكيل: the bare noun again, not its name
        if not description and key.startswith(("ال", "وال")) and all((_nisba(p.tokens[t].key) and r.kind(t) != "mention")
                                                 or p.tokens[t].key in _demonyms(lex=self.lex)
                                                 for t in range(j + 1, body.last + 1)):
            return None  # ولمحت الوكالة الأميركية: a description again, the name is elsewhere
        src, _ = self._chunk_source(body)
        if src is not None and key[:1] in "وبل" and key[1:] in (stem, head) and r.kind(j) != "glued_noun" \
                and fold(src.speaker_ar or "")[:1] == key[:1]:
            written = src.speaker_ar[1:] if src.speaker_ar else src.speaker_ar
            src = replace(src, speaker_ar=written, speaker=src.speaker if src.speaker != src.speaker_ar
                          else written)
        return src

    def _team_before(self, head: str, at: int) -> Source | None:
        """النادي with one team named before it (أعلنت إدارة اتحاد جدة … بيان النادي): that team."""
        p = self.p
        if head not in self.lex.speaker_phrase["club_body"]:
            return None
        k = bisect.bisect_left(p.mention_starts, at)
        teams = {p.entity(m).entity_id: m for m in p.actor_mentions[:k] if p.entity(m).kind == "team"}
        if len(teams) != 1:
            return None
        m = next(iter(teams.values()))
        return source_of(p.entity(m), m.surface, lex=self.lex)

    def _government_of_state(self, head: str, at: int) -> Source | None:
        """الحكومة، الرئاسة with a state named before: that state's government in the lexicon."""
        p, lex = self.p, self.lex
        if head not in lex.speaker_phrase["state_body"]:
            return None
        k = bisect.bisect_left(p.mention_starts, at)
        state = next((p.entity(m) for m in reversed(p.actor_mentions[:k]) if p.entity(m).kind == "state"), None)
        if state is None or not state.country:
            return None
        for ent, forms in lex.actors.values():
            if ent.kind == "government" and ent.country == state.country and \
                    any(fold(f).split()[0] == head for f in forms):
                return source_of(ent, ent.name_ar, lex=self.lex)
        return None

    def _name_source(self, ch: Chunk, end: int | None) -> tuple[Source | None, list[str]]:
        """Words no list knows: a short form of a name the article gives, else the name as written (cut after
        the first word the article uses again on its own: جوزيه مورينيو | مدرب مانشستر يونايتد)."""
        p, r = self.p, self.reader
        text = self._text(ch.first, ch.last)[ch.clitic:].strip(" «»\"“”ـ")
        words = fold(text).split()
        if not words or len(words) == 1 and (words[0] in _demonyms(lex=self.lex)):
            return None, []
        first = ch.first
        if len(words) > 1 and words[0][:1] in "يت" and words[0] not in self.lex.given_names and ch.clitic == 0 and (
                words[0] in self.lex.words.common_words or self._cue_word(words[0])):
            first += 1  # يفتقر دالي بليند: an imperfect verb before the name (not a name's own ت: تاديوس بست)
            text = self._text(first, ch.last).strip(" «»\"“”")
            words = words[1:]
            ch = Chunk("name", first, ch.last)
        if words[0][:1] in "وف" and (words[0][1:2] in "يتانس" or words[0][1:3] == "ال") and \
                words[0] not in self.lex.given_names and words[0][1:] not in self.lex.given_names and (
                words[0][0] == "و" or words[0][1:] in self.lex.common_rank or self._cue_word(words[0][1:])):
            # (فاتيما بنتا داه: ف that reads no word after it is the name's own letter)
            if ch.last == first:
                return self._plain_name(ch, end, text)  # ويست: one word can only be read as written
            first += 1  # وسيشارك براينت: a verb after its conjunction, then the name
            text = self._text(first, ch.last).strip(" «»\"“”")
            words = words[1:]
            ch = Chunk("name", first, ch.last)
        return self._plain_name(ch, end, text)

    def _plain_name(self, ch: Chunk, end: int | None, text: str) -> tuple[Source | None, list[str]]:
        """A name chunk's words: a short form of a name the article gives, else as written."""
        p, r = self.p, self.reader
        words = fold(text).split()
        hit = self._article_name(words, p.tokens[ch.first].start)
        if hit is None and 1 < len(words) <= 3:
            # ويدلي نيومان بدلوه: the words run on past a surname of someone the article names in full
            hit = next((h for n in range(len(words) - 1, 0, -1)
                        if (h := self._article_name(words[:n], p.tokens[ch.first].start, surname=True)) is not None),
                       None)
        if hit is not None:
            return hit, ["name_recurs"] + self._kind_evidence(hit)
        last = ch.last
        if p.quote_holding(p.tokens[ch.first].start) is None:
            for k in range(ch.first + (1 if ch.last > ch.first else 0), ch.last + 1):
                if self._recurs(k, ch):
                    if k < ch.last:
                        text = self._text(ch.first, k)
                    return Source(text, text, None, "named"), ["name", "name_recurs"]
        ev = ["name"] + (["name_definite"] if fold(text).startswith("ال") else [])
        nxt = last + 1
        if end is None or nxt >= end or r.boundary(nxt) or r.kind(nxt) in (
                "prep", "glued_mention", "glued_noun", "filler", "time", "role", "relative") or (
                p.tokens[nxt].key.startswith("ال") and _nisba(p.tokens[nxt].key)) or (
                p.tokens[nxt].key in _APPOSITION_OPENERS) or self._blessed(nxt) or (
                nxt + 1 < len(p.tokens) and f"{p.tokens[nxt].key} {p.tokens[nxt + 1].key}" in r.cls.roles) or (
                r.kind(nxt) == "number" and "(" in p.text[p.tokens[last].end:p.tokens[nxt].start]):
            # (قالت عهد التميمي (17 عاما) إنه: an age in brackets closes the name)
            # (an apposition, جيانغ هوي أحد المسؤولين عن …; a blessing for the dead, الطيبي رحمه الله)
            ev.append("name_ends_phrase")
        else:
            ev.append("name_runs_on")
        if self._everyday(words, ch):
            ev.append("name_everyday")
            if "name_definite" in ev and all(w.startswith("ال") for w in words):
                ev.append("definite_everyday")  # وأنكر الاتهامات الموجهة: an object of the verb, not a name
        return Source(text, text, None, "named"), ev

    def _everyday(self, words: list[str], ch: Chunk) -> bool:
        """Are a name chunk's words all everyday words, none a given name or a word an actor or place begins with,
        and not set off by quotation marks (مقطع فيديو منشور, not «ديلي ميل»)?"""
        common, given = self.lex.words.common_words, self.lex.given_names
        if self.p.quote_holding(self.p.tokens[ch.first].start) is not None:
            return False
        firsts = entity_index(lex=self.lex).firsts
        return all(w in common and w not in given and w[1:] not in given and w not in firsts for w in words)

    def _blessed(self, i: int) -> bool:
        """Does token i open a blessing for the dead (رحمه الله، يرحمه الله)? The name before it is a scholar the
        speaker cites, not a speaker of the news."""
        p = self.p
        return p.tokens[i].key in _BLESSINGS and i + 1 < len(p.tokens) and p.tokens[i + 1].key == "الله"

    def _recurs(self, k: int, ch: Chunk) -> bool:
        """Does the article use token k's word again, outside this chunk, as a name (after a reporting verb,
        or standing alone before one)?"""
        p = self.p
        key = p.tokens[k].key
        if len(key) < 3 or word_class(key, lex=self.lex) != "word":
            return False
        return any(not ch.first <= j <= ch.last for j in p.beside_cues().get(key, ()))

    def _article_name(self, words: list[str], at: int, surname: bool = False) -> Source | None:
        """A short form of someone or something the article names: a surname (سكوتلاند), a given name that only
        one person has (تميم), the first word of a body (المرصد), or a lexicon name through a clitic (with
        surname, only the end of a person's name)."""
        p = self.p
        n = len(words)
        best = None
        for m, ent, mw, full in (p.mention_words() if p.may_name(words) else ()):
            if ent.kind == "person":
                if len(full) > n and full[-n:] == words or len(mw) > n and mw[-n:] == words:
                    cand = self._person(m, p.token_at(m.start))
                elif n == 1 and not surname and len(mw) > 1 and mw[0] == words[0] and words[0] in self.reader.cls.given \
                        and not ent.entity_id.startswith("person:"):  # تميم: a known person's given name
                    cand = self._person(m, p.token_at(m.start))
                else:
                    continue
            elif n == 1 and not surname and len(mw) > 1 and mw[0] == words[0] and words[0].startswith("ال"):
                cand = source_of(ent, m.surface, lex=self.lex)
            else:
                continue
            if best is not None and best.speaker_id != cand.speaker_id:
                if m.start < at:
                    best = cand  # several: the nearest before
                continue
            best = cand
        if best is not None or surname:
            return best
        # a name the article spells in full before: the words before its first use (بوبي شارلتون)
        return self._fuller_name(words, at)

    def _cue_word(self, key: str) -> bool:
        """Is the word a reporting word, with or without its conjunction (وقال، فأكد)?"""
        cues = self.lex.speech_cues
        return key in cues or key[:1] in "وف" and key[1:] in cues

    def _fuller_name(self, words: list[str], at: int) -> Source | None:
        """The first time the article uses a one-word name, the name words before it (باتريشيا سكوتلاند)."""
        if len(words) != 1:
            return None
        p, r = self.p, self.reader
        j = p.first_position(words[0])
        if 0 <= j < p.token_after(at):
            first = j
            while first - 1 >= 0 and j - first < (2 if r.kind(first - 1) == "name_link" else 1) \
                    and not r.boundary(first) and r.kind(first - 1) in (
                    "word", "name_link") and not self._cue_word(p.tokens[first - 1].key) \
                    and not p.tokens[first - 1].key.startswith(("ال", "و", "ف")):
                first -= 1  # a name's first word: not a verb (وسيشارك براينت) nor a noun with ال
            if first < j and (first == 0 or r.boundary(first) or r.kind(first - 1) in ("role", "filler", "time")
                              or self._cue_word(p.tokens[first - 1].key)):
                name = self._text(first, j)
                return Source(name, name, None, "person")
            return None
        return None


# ---------------------------------------------------------------- one key per speaker

# Letters that transliterations of one foreign name swap (أنطونيو/انتونيو، أردوغان/اردوجان، كيري/قيري).
_SKELETON_LETTERS = str.maketrans("طقظذثصضج", "تكززسسدغ")


def _skeleton(word: str) -> str:
    """A word without its inner long vowels and with the letters transliterations swap made one: spellings of
    one name meet (بوتن = بوتين، انتونيو = أنطونيو)."""
    word = word.translate(_SKELETON_LETTERS)
    return word[:1] + "".join(c for c in word[1:] if c not in "اوي")


def _joined(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words with عبد/أبو joined to the word they open (عبد الفتاح → عبدالفتاح), as name_key joins them."""
    out: list[str] = []
    for w in words:
        if out and out[-1] in ("عبد", "ابو", "ابي", "ام"):
            out[-1] += w
        else:
            out.append(w)
    return tuple(out)


@lru_cache(maxsize=4)
def _skeletons(*, lex: Lexicons) -> dict[tuple[str, ...], str]:
    """Skeletons of the lexicon's person names → actor id (only skeletons that one person has); a full name of
    three words or more also under its first and last word (محمد ظريف for محمد جواد ظريف) unless that is
    another person's or a second person's short form."""
    index = entity_index(lex=lex)
    out: dict[tuple[str, ...], str] = {}
    clash: set[tuple[str, ...]] = set()
    short: dict[tuple[str, ...], str] = {}
    for form, ents in index.forms.items():
        for ent in ents:
            if ent.entity_type != "actor" or ent.kind != "person":
                continue
            words = _joined(form)
            skel = tuple(_skeleton(w) for w in words)
            if len(words) < 2 or len("".join(skel)) < 5:
                continue
            if out.get(skel, ent.entity_id) != ent.entity_id:
                clash.add(skel)
            out[skel] = ent.entity_id
            if len(words) > 2 and words[-2] not in ("بن", "ابن", "بنت", "ال", "دي", "فان", "فون") and \
                    words[0] not in _name_prefixes(lex=lex) and words[0] not in ("ايه", "اية", "الحاج") and \
                    not words[-1].startswith("ال"):  # (أحمد الخطيب is not أحمد معاذ الخطيب: an Arab family name is shared)
                pair = (skel[0], skel[-1])
                if short.get(pair, ent.entity_id) != ent.entity_id:
                    clash.add(pair)
                short[pair] = ent.entity_id
    for pair, actor_id in short.items():
        if out.setdefault(pair, actor_id) != actor_id:
            clash.add(pair)
    for skel in clash:
        out.pop(skel, None)
    return out


def lexicon_actor(name: str, *, lex: Lexicons) -> Entity | None:
    """The lexicon actor a speaker name is, through a clitic the matcher left (لبي بي سي) or a spelling
    variant of a person's name (فلاديمير بوتن); None if it is none of them."""
    words = tuple(_name_words(name, lex=lex))
    if not words:
        return None
    index = entity_index(lex=lex)
    first = words[0]
    firsts = [first]
    if len(first) > 2 and first[0] in "لبوفك":
        firsts.append(first[1:])
        if first.startswith("لل"):
            firsts.append("ا" + first[1:])
        if first[:2] in ("ول", "وب", "فل", "فب") and len(first) > 3:
            firsts.append(first[2:])
    for f in firsts:
        hits = [e for e in index.forms.get((f,) + words[1:], []) if e.entity_type == "actor"]
        if hits:
            return hits[0]
    if len(words) > 2 and any(w in ("بن", "ابن", "بنت") for w in words[1:-1]):
        short = [w for n, w in enumerate(words) if not (w in ("بن", "ابن", "بنت") or n and words[n - 1] in (
            "بن", "ابن", "بنت"))]  # عادل بن أحمد الجبير → عادل الجبير
        hits = [e for e in index.forms.get(tuple(short), []) if e.entity_type == "actor" and e.kind == "person"]
        if hits and len(short) > 1:
            return hits[0]
    words = _joined(words)
    actor_id = _skeletons(lex=lex).get(tuple(_skeleton(w) for w in words)) if len(words) > 1 else None
    if actor_id is not None:  # فلاديمير بوتن: spellings of a full name (one word alone is too short to tell)
        return lex.actors[actor_id][0]
    return None


def canonical_sources(statements: list[Statement], p: Passage) -> None:
    """Give every statement's speaker one key across the archive (`speaker_id`): the lexicon id when the name
    is a lexicon actor (through a clitic or a spelling variant), the fullest name this article gives a short
    form, else `person:` or `name:` and the folded name (ranks dropped, عبد/أبو joined)."""
    lex = p.lex
    people: dict[str, tuple[list[str], str, str, str | None]] = {}  # key → (words, name, name_ar, lexicon id)
    for ent in p.found.entities.values():
        if ent.entity_type == "actor" and ent.kind == "person":
            key = name_key(ent.name_ar or ent.name, lex=lex)
            people[key] = (key.split(), ent.name, ent.name_ar or ent.name,
                           None if ent.entity_id.startswith("person:") else ent.entity_id)
    for s in statements:  # names the speaker logic found in the article (بوبي شارلتون; an office's holder)
        if s.speaker_kind in ("person", "named") and s.speaker_ar and not (s.speaker_id or "").startswith(
                ("name:",)) and len(s.speaker_ar.split()) > 1:
            key = name_key(s.speaker_ar, lex=lex)
            known = s.speaker_id if s.speaker_id and not s.speaker_id.startswith("person:") else None
            people.setdefault(key, (key.split(), s.speaker or s.speaker_ar, s.speaker_ar, known))
    places = {fold(m.surface) for m in p.found.mentions if m.entity_type == "place"}
    for s in statements:
        if s.speaker_ar:
            s.speaker_ar = _clean_written(s.speaker_ar, lex=lex)
        if s.speaker_ar and _place_under_preposition(s.speaker_ar, places, lex=lex):
            # بمحافظة الأحساء: where the speaker is, read as who; unknown is better than a place speaking
            s.speaker = s.speaker_ar = s.speaker_id = None
            s.speaker_kind = "unknown"
        if s.speaker_kind in (None, "unknown", "anonymous") or not (s.speaker or s.speaker_ar):
            s.speaker_id = None
            continue
        if s.speaker_id and not s.speaker_id.startswith(("person:", "name:")):
            continue  # the lexicon's
        name = s.speaker_ar or s.speaker or ""
        plain = " ".join(name.translate(_QUOTE_MARKS).split())  # وكالة "أسوشيتد برس" is وكالة أسوشيتد برس
        ent = lexicon_actor(plain, lex=lex)
        if ent is None and len(plain.split()) > 1 and fold(plain).split()[0] in lex.words.name_contexts:
            ent = lexicon_actor(plain.split(None, 1)[1], lex=lex)  # وكالة «رويترز»، صحيفة «نيويورك تايمز»
        if ent is not None and lex.namesakes:
            read = _namesake_reading(plain, ent, p)
            if read is None and s.speaker_kind in ("person", "named"):
                s.speaker_kind = ent.kind  # the article's own security forces: a body of that kind, no actor
            ent = read
        if ent is not None:
            s.speaker, s.speaker_id, s.speaker_kind = ent.name, ent.entity_id, ent.kind
            s.speaker_ar = (ent.name_ar or name) if ent.kind == "person" or fold(name) != fold(ent.name_ar) \
                else name
            continue
        key = name_key(plain, lex=lex)
        if s.speaker_kind in ("person", "named"):
            same = _same_person(key.split(), list(people.values()), lex=lex)
            if same is not None:
                _, full, full_ar, lex_id = same
                s.speaker, s.speaker_ar, s.speaker_kind = full, full_ar, "person"
                if lex_id:
                    s.speaker_id = lex_id
                    continue
                key = name_key(full_ar, lex=lex)
        # people (and words no list knows, mostly people) under person:, bodies, titles and documents under name:
        prefix = "person:" if s.speaker_kind in ("person", "named") else "name:"
        s.speaker_id = prefix + key.replace(" ", "_")


_QUOTE_MARKS = str.maketrans("", "", "«»\"“”")


def _namesake_reading(written: str, ent: Entity, p: Passage) -> Entity | None:
    """The actor a speaker written with a shared form (namesakes.tsv) names in this article, as its mentions
    read it: «قالت القوات الأمنية» in a story that never names Iraq is no Iraqi force (None: the words stay)."""
    lex = p.lex
    words = fold(written).split()
    keys = [" ".join(words)] + ([" ".join([words[0][1:]] + words[1:])] if words and words[0][:1] in "وفلب" else [])
    key = next((k for k in keys if k in lex.namesakes and any(aid == ent.entity_id for aid, _ in lex.namesakes[k])),
               None)
    if key is None:
        return ent
    choice = namesake_choice(key, p.found, p.text, p.published, lex=lex)
    if choice is None or choice == ent.entity_id:
        return ent
    return None if choice == NOBODY else entity_index(lex=lex).by_id.get(choice)


_AREA_WORDS = frozenset({"محافظه", "ولايه", "اقليم", "اماره", "دوله", "قطاع", "مديريه", "ريف"})  # folded


def _place_under_preposition(name: str, places: set[str], *, lex: Lexicons) -> bool:
    """Is a speaker as written a place under ب or ل (بمحافظة الأحساء، لمدينة جدة), not a name?"""
    key = fold(name)
    if key[:1] not in ("ب", "ل") or len(key) < 4:
        return False
    rest = key[1:]
    head, _, tail = rest.partition(" ")
    # the place itself, a cue word before a name (بمدينة X), or an administrative word before a known place
    return rest in places or head in lex.place_cues or (head in _AREA_WORDS and tail in places)


# Words of time that end a speaker phrase read too far (وقال مسؤولون أمس الخميس): folded. Not the speaker-phrase
# lexicon's whole "time" class: it holds العام and الماضي, which end titles (الأمين العام، المدير العام).
_TIME_WORDS = frozenset({"امس", "اليوم", "غدا", "مساء", "صباح", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء",
                         "الخميس", "الجمعه", "السبت", "يوم", "ليل", "فجر"})


def _clean_written(name: str, *, lex: Lexicons) -> str:
    """A speaker as written, without a quote mark left open or a preposition written onto it (لوكالة «رويترز)."""
    name = name.strip()
    for a, b in (("«", "»"), ("“", "”")):
        if name.count(a) != name.count(b):
            name = name.replace(a, "").replace(b, "")
    if name.count('"') % 2:
        name = name.replace('"', "")
    if name.count("(") > name.count(")") and name.find("(") > 0:
        name = name[:name.rfind("(")].strip()  # الباحثون في مجلة (ذا لانست: a gloss cut by the phrase's end
    if name[:1] == "ل" and fold(name[1:].lstrip("ـ")).split()[:1] and \
            word_class(fold(name[1:].lstrip("ـ")).split()[0], lex=lex) == "name_context":
        name = name[1:].lstrip("ـ")
    words = name.split()
    while len(words) > 1 and fold(words[-1]).strip("،,.") in _TIME_WORDS:
        words.pop()  # مسؤولون أمس الخميس: when they spoke is no part of who spoke
    return " ".join(words).strip()


def _same_person(words: list[str], people: list[tuple[list[str], str, str, str | None]], *,
                 lex: Lexicons) -> tuple[list[str], str, str, str | None] | None:
    """The one person of the article this name is a short form of (سكوتلاند → باتريشيا سكوتلاند; تميم → Tamim
    bin Hamad, a known person's given name), or the real name inside a longer run (تفقدت أنجلينا جولي)."""
    n = len(words)
    fuller = [q for q in people if len(q[0]) > n and q[0][-n:] == words]
    if not fuller and n == 2:  # أحمد البار after أحمد عبدالرحمن محمد البار: the given name and the family name
        fuller = [q for q in people if len(q[0]) > 2 and q[0][0] == words[0] and q[0][-1] == words[-1]]
    if not fuller and n == 1 and words[0] in lex.given_names:
        fuller = [q for q in people if q[3] and len(q[0]) > 1 and q[0][0] == words[0]]
    # of names that extend one another (أنجلينا جولي، تفقدت أنجلينا جولي) the shortest is the name
    fuller = [q for q in fuller if not any(len(o[0]) < len(q[0]) and q[0][-len(o[0]):] == o[0] for o in fuller)]
    if len({q[2] for q in fuller}) == 1:
        return fuller[0]
    if n > 2 and words[0] not in lex.given_names:  # تركي آل الشيخ is a name; تفقدت أنجلينا جولي is not
        inside = [q for q in people if 1 < len(q[0]) < n and words[-len(q[0]):] == q[0]]
        inside = [q for q in inside if not any(len(o[0]) > len(q[0]) for o in inside)]
        if len({q[2] for q in inside}) == 1:
            return inside[0]
    return None
