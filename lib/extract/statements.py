"""Reported statements and their speakers: direct quotes, indirect speech and who said them."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from lib import lexicons
from lib.lexicons import Lexicons
from lib.extract.cues import Cue, find_cues, is_complementiser, is_saying_noun
from lib.extract.entities import Found
from lib.text.normalize import fold
from lib.text.quote_marks import QuoteSpan, pair_quotes
from lib.records import Entity, Mention, Statement
from lib.text.tokens import Token, gap_is_space

_OPENERS = "«“\""
_SENTENCE_END = re.compile(r"[.!?؟](?=[ \n»”\"]|$)|\n")
_CLAUSE_MARKS = ".!?؟\n،,؛:»”"
MAX_PHRASE_TOKENS = 28


def _words(role: str, *, lex: Lexicons) -> frozenset[str]:
    """Folded words of one role in data/lexicons/speaker_phrase.tsv (filler, phrase_break, title_break …)."""
    return lex.speaker_phrase[role]


@dataclass(frozen=True)
class Source:
    """Who a statement is attributed to."""

    speaker: str | None
    speaker_ar: str | None
    speaker_id: str | None
    kind: str  # person, organization, state, media, document, anonymous, title …


@dataclass
class _Opener:
    kind: str  # colon, quote, that, saying, participle
    at: int
    content_start: int
    quote: QuoteSpan | None = None


@dataclass
class _Context:
    text: str
    tokens: list[Token]
    found: Found
    published: str | None
    quotes: list[QuoteSpan]
    cues: list[Cue]
    starts: list[int] = field(default_factory=list)
    quote_by_open: dict[int, QuoteSpan] = field(default_factory=dict)
    opens: list[int] = field(default_factory=list)
    long_quotes: list[QuoteSpan] = field(default_factory=list)
    used_quotes: set[int] = field(default_factory=set)
    taken: list[tuple[int, int]] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    last: Source | None = None
    last_person: Source | None = None
    titles: dict[str, Source] = field(default_factory=dict)
    actor_mentions: list[Mention] = field(default_factory=list)

    def token_after(self, pos: int) -> int:
        """Index of the first token starting at or after pos."""
        return bisect.bisect_left(self.starts, pos)


def extract_statements(text: str, tokens: list[Token], found: Found, published: str | None, *,
                       lex: Lexicons | None = None) -> list[Statement]:
    """Every reported statement in text order, each with its speaker where the text names one."""
    lex = lex or lexicons.default()
    quotes = pair_quotes(text)
    ctx = _Context(text, tokens, found, published, quotes, find_cues(text, tokens, lex=lex))
    ctx.starts = [t.start for t in tokens]
    ctx.quote_by_open = {q.open: q for q in quotes}
    ctx.opens = sorted(ctx.quote_by_open)
    ctx.long_quotes = [q for q in quotes if q.words(text) >= 4]
    ctx.actor_mentions = sorted((m for m in found.mentions if m.entity_type == "actor"), key=lambda m: m.start)
    events: list[tuple[int, int, object]] = [(c.start, 0, c) for c in ctx.cues]
    events += [(q.open, 1, q) for q in ctx.long_quotes]
    for _, _, ev in sorted(events, key=lambda e: (e[0], e[1])):
        if isinstance(ev, Cue):
            _on_cue(ctx, ev, lex=lex)
        else:
            _on_free_quote(ctx, ev, lex=lex)
    ctx.statements.sort(key=lambda s: s.start)
    return ctx.statements


# ---------------------------------------------------------------- text geometry

def _inside(ranges, pos: int) -> bool:
    return any(a <= pos < b for a, b in ranges)


def _in_long_quote(ctx: _Context, pos: int) -> bool:
    return any(q.open < pos < q.close for q in ctx.long_quotes)


def _sentence_end(ctx: _Context, pos: int) -> int:
    """End of the sentence that runs on from pos; quoted passages are passed over whole."""
    text, i = ctx.text, pos
    while i < len(text):
        m = _SENTENCE_END.search(text, i)
        end = m.start() if m else len(text)
        k = bisect.bisect_left(ctx.opens, i)
        if k < len(ctx.opens) and ctx.opens[k] < end:
            i = ctx.quote_by_open[ctx.opens[k]].close + 1  # a quote opens first: pass over it whole
            continue
        return end
    return len(text)


def _clause_start(ctx: _Context, pos: int) -> int:
    """Start of the clause that holds pos (after the last comma, full stop or closing quote)."""
    i = pos - 1
    while i >= 0 and ctx.text[i] not in _CLAUSE_MARKS:
        i -= 1
    return i + 1


def _is_name_quote(ctx: _Context, q: QuoteSpan, *, lex: Lexicons) -> bool:
    """A short quoted name or term («داعش»، منظمة "اير وورز") rather than quoted words."""
    words = q.words(ctx.text)
    if words >= 4:
        return False
    if words <= 1:
        return True
    inner = fold(ctx.text[q.open + 1:q.close].strip())
    j = ctx.token_after(q.open + 1)
    if j < len(ctx.tokens) and j in ctx.found.spans:
        end_tok = ctx.found.spans[j][0] - 1
        if ctx.tokens[end_tok].end >= q.close - 1:
            return True  # the whole quote is a known name
    if _glued(ctx, q):
        return True  # glued to a preposition: لـ«الشرق الأوسط»، بـ«والي …»
    k = ctx.token_after(q.open) - 1
    names = lex.words.name_contexts
    return k >= 0 and ctx.tokens[k].end <= q.open and (ctx.tokens[k].key in names or
                                                       ctx.tokens[k].key[1:] in names) and bool(inner)


def _glued(ctx: _Context, q: QuoteSpan) -> bool:
    """Is the quote written onto a preposition (بـ«…»، لـ«…»)?"""
    before = ctx.text[max(0, q.open - 2):q.open]
    return before.endswith("ـ") or bool(before and before[-1] not in " \n\t:،,(")


def _clause_ends_after(ctx: _Context, q: QuoteSpan) -> bool:
    """Does the clause end right after this quote (so the quote is the whole content)?"""
    rest = ctx.text[q.close + 1:q.close + 4].lstrip(" ")
    return not rest or rest[0] in ".،,؛:\n»”\"!?؟"


def _content_end(ctx: _Context, start: int) -> int:
    """Where reported content that starts at pos ends: the sentence end, or a comma before a new cue."""
    end = _sentence_end(ctx, start)
    for cue in ctx.cues:
        if start < cue.start < end and cue.kind in ("participle", "verb", "attribution"):
            before = ctx.text[start:cue.start].rstrip()
            if before.endswith(("،", ",", "؛")) or before.endswith(("»", "”", "\"")) and cue.kind == "participle":
                return len(before) + start - (1 if before.endswith(("،", ",", "؛")) else 0)
    return end


def _trim(ctx: _Context, start: int, end: int) -> tuple[int, int]:
    text = ctx.text
    while start < end and text[start] in " \n\t:،,":
        start += 1
    while end > start and text[end - 1] in " \n\t.،,؛:":
        end -= 1
    return start, end


# ---------------------------------------------------------------- statements

def _add(ctx: _Context, start: int, end: int, kind: str, source: Source | None, cue: str | None) -> None:
    start, end = _trim(ctx, start, end)
    if end - start < 2 or _inside(ctx.taken, start):
        return
    src = source or Source(None, None, None, "unknown")
    ctx.statements.append(Statement(
        quote=ctx.text[start:end], start=start, end=end, kind=kind, cue=cue, speaker=src.speaker,
        speaker_ar=src.speaker_ar, speaker_id=src.speaker_id, speaker_kind=src.kind))
    ctx.taken.append((start, end))
    for q in ctx.quotes:
        if start - 1 <= q.open and q.close <= end + 1:
            ctx.used_quotes.add(q.open)


def _add_quote(ctx: _Context, q: QuoteSpan, source: Source | None, cue: str | None) -> None:
    _add(ctx, q.open + 1, q.close, "direct", source, cue)
    ctx.used_quotes.add(q.open)


def _set_last(ctx: _Context, source: Source | None) -> None:
    if source is not None and source.kind != "unknown":
        ctx.last = source
        if source.kind == "person":
            ctx.last_person = source


def _emit_content(ctx: _Context, opener: _Opener, source: Source | None, cue: Cue, *, lex: Lexicons) -> None:
    """The statement that an opener introduces: a direct quote, or reported content to the clause end."""
    text = ctx.text
    start = opener.content_start
    while start < len(text) and text[start] in " \t":
        start += 1
    if opener.kind in ("colon", "saying") and start < len(text) and text[start] not in _OPENERS:
        # قوله إن «…»، قال: إن …: a complementiser after the opener is not part of the content
        j = ctx.token_after(start)
        if j < len(ctx.tokens) and ctx.tokens[j].start <= start + 2 and is_complementiser(ctx.tokens, j, lex=lex):
            opener = _Opener("that", ctx.tokens[j].start, ctx.tokens[j].end)
            start = opener.content_start
            while start < len(text) and text[start] in " \t":
                start += 1
    if opener.kind == "quote" and opener.quote is not None:
        _add_quote(ctx, opener.quote, source, cue.written)
        return
    q = ctx.quote_by_open.get(start)
    if q is not None and opener.kind in ("colon", "saying") and not (q.words(text) <= 1 and not _clause_ends_after(ctx, q)):
        _add_quote(ctx, q, source, cue.written)
        return
    if q is not None and opener.kind == "that" and _clause_ends_after(ctx, q) and not _is_name_quote(ctx, q, lex=lex):
        _add_quote(ctx, q, source, cue.written)
        return
    end = _content_end(ctx, start)
    if len(text[start:end].split()) >= 2:
        _add(ctx, start, end, "indirect", source, cue.written)


def _find_opener(ctx: _Context, cue: Cue, limit: int, *, lex: Lexicons) -> _Opener | None:
    """The first thing after a cue that opens its content: a colon, a quote, أن/إن, بالقول, or a participle."""
    text, tokens = ctx.text, ctx.tokens
    pos, j, seen = cue.end, cue.last_token + 1, 0
    while pos < limit:
        nxt = tokens[j].start if j < len(tokens) and tokens[j].start < limit else limit
        k = pos
        while k < nxt:
            ch = text[k]
            if ch == ":":
                return _Opener("colon", k, k + 1)
            if ch in _OPENERS and k in ctx.quote_by_open:
                q = ctx.quote_by_open[k]
                if not _is_name_quote(ctx, q, lex=lex) or (q.words(text) >= 2 and _follows_directly(ctx, cue, q)):
                    return _Opener("quote", k, k, q)
                # a quoted name: pass over it
                k = q.close
                j = ctx.token_after(q.close)
                nxt = tokens[j].start if j < len(tokens) and tokens[j].start < limit else limit
            k += 1
        if nxt >= limit or j >= len(tokens):
            return None
        tok = tokens[j]
        if is_complementiser(tokens, j, lex=lex):
            return _Opener("that", tok.start, tok.end)
        if is_saying_noun(tok.key, lex=lex):
            return _Opener("saying", tok.start, tok.end)
        if any(c.first_token == j and c.kind == "participle" for c in ctx.cues):
            return _Opener("participle", tok.start, tok.start)
        seen += 1
        if seen > MAX_PHRASE_TOKENS:
            return None
        pos, j = tok.end, j + 1
    return None


def _follows_directly(ctx: _Context, cue: Cue, q: QuoteSpan) -> bool:
    """A short quote governed by the cue itself (دعا لافروف واشنطن الى "تجنب اللعب بالنار")."""
    k = ctx.token_after(q.open) - 1
    return k >= 0 and ctx.tokens[k].key in ("الي", "علي", "ب") and ctx.text[q.open - 1] == " "


def _on_cue(ctx: _Context, cue: Cue, *, lex: Lexicons) -> None:
    if _inside(ctx.taken, cue.start) or _in_long_quote(ctx, cue.start):
        return
    if cue.kind == "aside":
        return
    limit = _sentence_end(ctx, cue.end)
    if cue.kind == "attribution":
        _on_attribution(ctx, cue, limit, lex=lex)
        return
    opener = _find_opener(ctx, cue, limit, lex=lex)
    if cue.kind == "participle":
        if opener is not None:
            _emit_content(ctx, opener, ctx.last, cue, lex=lex)
        return
    if cue.kind == "passive":
        if opener is not None and opener.kind != "participle":
            _emit_content(ctx, opener, Source(None, None, None, "anonymous"), cue, lex=lex)
        return
    phrase_end = opener.at if opener else limit
    if cue.kind == "relay":
        source = _relayed_source(ctx, cue, phrase_end, lex=lex)
    else:
        source = _subject_before(ctx, cue) or _resolve(ctx, cue.end, phrase_end, lex=lex)
    if opener is None:
        if isinstance(source, Source) and source.speaker_id:
            _set_last(ctx, source)  # "تركيا تعتبر …، وتقول إن": a known subject stays the source
            if cue.takes == "any" and cue.form.endswith((" عن", " علي")) and _subject_before(ctx, cue):
                _add(ctx, cue.end, _content_end(ctx, cue.end), "indirect", source, cue.written)
            elif cue.takes == "any":
                _verbal_noun_content(ctx, cue, source, limit, lex=lex)
        return
    if source == "implicit":
        source = ctx.last or _last_person_mentioned(ctx, cue.start)
    elif source is None:
        return
    _set_last(ctx, source)
    if opener.kind != "participle":
        _emit_content(ctx, opener, source, cue, lex=lex)


def _last_person_mentioned(ctx: _Context, pos: int) -> Source | None:
    """With no source yet, a verb with no subject (وأكد سموه أن …) speaks for the last person named."""
    for m in reversed(ctx.actor_mentions):
        if m.start < pos and ctx.found.entities[m.entity_id].kind == "person":
            return _source_of(ctx.found.entities[m.entity_id], _full_name(ctx, m))
    return None


def _relayed_source(ctx: _Context, cue: Cue, phrase_end: int, *, lex: Lexicons) -> Source | str | None:
    """نقلت وكالة رويترز عن مسؤول أميركي قوله: the source named after عن speaks, else the outlet."""
    j = cue.last_token + 1
    while j < len(ctx.tokens) and ctx.tokens[j].end <= phrase_end and ctx.tokens[j].key != "عن":
        j += 1
    if j >= len(ctx.tokens) or ctx.tokens[j].end > phrase_end:
        return None  # نقل without عن is not reporting (نقل الجرحى …)
    source = _resolve(ctx, ctx.tokens[j].end, phrase_end, lex=lex)
    if isinstance(source, Source):
        return source
    outlet = _resolve(ctx, cue.end, ctx.tokens[j].start, lex=lex)
    return outlet if isinstance(outlet, Source) else None


def _verbal_noun_content(ctx: _Context, cue: Cue, source: Source, limit: int, *, lex: Lexicons) -> None:
    """أعلن X، …، أمس، مقتل …: the content is the first clause after the speaker that is not a title or time."""
    text = ctx.text
    segs = [m.start() for m in re.finditer("[،,]", text[cue.end:limit])]
    bounds = [cue.end] + [cue.end + s + 1 for s in segs] + [limit]
    speaker_end = _speaker_end(ctx, cue.end, limit)
    if speaker_end == cue.end:
        return  # without a named speaker, a verbal-noun reading is too loose
    roles = lex.words.roles
    # أكد X على ضرورة …، أعلنت X عن تحرير …: the preposition right after the speaker opens the content.
    j = ctx.token_after(speaker_end)
    if speaker_end > cue.end and j < len(ctx.tokens) and ctx.tokens[j].key in ("علي", "عن", "الي") \
            and gap_is_space(text, speaker_end, ctx.tokens[j].start):
        a = ctx.tokens[j].end
        _add(ctx, a, _content_end(ctx, a), "indirect", source, cue.written)
        return
    for a, b in zip(bounds, bounds[1:]):
        if a < speaker_end:
            continue  # the speaker's own clause (التحالف الدولي بقيادة الولايات المتحدة …) describes the speaker
        seg = text[a:b].strip(" ،,")
        j = ctx.token_after(a)
        if not seg or j >= len(ctx.tokens):
            continue
        first = ctx.tokens[j].key
        if any(c.first_token == j for c in ctx.cues):
            return  # the next clause is an attribution or a new statement, not this verb's object
        if first in roles or first in _words("filler", lex=lex) or first in lex.words.stopwords \
                or seg.startswith(("لـ", "ل«")):
            continue
        if first.startswith(("علي", "عن")) or len(seg.split()) >= 3:
            if first in ("علي", "عن"):
                a = ctx.tokens[j].end
            _set_last(ctx, source)
            _add(ctx, a, _content_end(ctx, a), "indirect", source, cue.written)
        return


def _speaker_end(ctx: _Context, start: int, limit: int) -> int:
    """End of the first actor mention after start (the speaker), or start."""
    for m in ctx.actor_mentions:
        if start <= m.start < limit:
            return m.end
    return start


def _on_attribution(ctx: _Context, cue: Cue, limit: int, *, lex: Lexicons) -> None:
    """بحسب X / وفق ما أوردته X / نقلا عن X: the sentence's quote or claim is X's."""
    text = ctx.text
    phrase_start = cue.end
    j = cue.last_token + 1
    # وفق ما أوردته صحيفة …، حسب ما كشف مصدر …، حسبما أفاد …: pass over "ما" and its verb.
    if cue.form.endswith("ما") and j < len(ctx.tokens):
        phrase_start = ctx.tokens[j].end
    elif j < len(ctx.tokens) and ctx.tokens[j].key == "ما":
        phrase_start = ctx.tokens[j + 1].end if j + 1 < len(ctx.tokens) else ctx.tokens[j].end
    m = re.search(r"[،,:.«\"“\n]", text[phrase_start:limit])
    phrase_end = phrase_start + m.start() if m else limit
    # the source comes first after the cue (بحسب البيان الأميركي), else this is no attribution (وفق الخطط)
    k = ctx.token_after(phrase_start)
    if k + 4 < len(ctx.tokens):
        phrase_end = min(phrase_end, ctx.tokens[k + 4].end)
    # a quoted outlet name right after the cue belongs to the phrase (صحيفة "القدس العربي")
    while m and text[phrase_end] in "«\"“" and phrase_end in ctx.quote_by_open and \
            _is_name_quote(ctx, ctx.quote_by_open[phrase_end], lex=lex):
        after = ctx.quote_by_open[phrase_end].close + 1
        m = re.search(r"[،,:.«\"“\n]", text[after:limit])
        phrase_end = after + m.start() if m else limit
    source = _resolve(ctx, phrase_start, phrase_end, allow_named=False, lex=lex)
    if source in (None, "implicit"):
        return
    _set_last(ctx, source)
    rest = text[phrase_end:limit]
    if rest.startswith(":"):
        _emit_content(ctx, _Opener("colon", phrase_end, phrase_end + 1), source, cue, lex=lex)
        return
    sent_start = _sentence_start(ctx, cue.start)
    for q in ctx.long_quotes:
        if sent_start <= q.open < limit and q.open not in ctx.used_quotes:
            _add_quote(ctx, q, source, cue.written)
            return
    before = text[sent_start:cue.start].strip(" ،,")
    if len(before.split()) >= 4:
        _add(ctx, sent_start, cue.start, "indirect", source, cue.written)
    elif len(text[phrase_end:limit].split()) >= 4:
        _add(ctx, phrase_end, limit, "indirect", source, cue.written)


def _sentence_start(ctx: _Context, pos: int) -> int:
    i = pos - 1
    while i >= 0 and not (ctx.text[i] == "\n" or (ctx.text[i] in ".!?؟" and ctx.text[i + 1:i + 2] in (" ", "\n"))):
        if ctx.text[i] in "»”" and i - 1 >= 0:
            opener = next((q.open for q in ctx.quotes if q.close == i), None)
            if opener is not None:
                i = opener - 1
                continue
        i -= 1
    return i + 1


def _on_free_quote(ctx: _Context, q: QuoteSpan, *, lex: Lexicons) -> None:
    """A long quote that no cue introduced: it continues the last source (وفي 13 من الشهر الحالي: «…»)."""
    if q.open in ctx.used_quotes or _inside(ctx.taken, q.open) or _in_long_quote(ctx, q.open):
        return
    if _is_name_quote(ctx, q, lex=lex):
        return
    if _glued(ctx, q) and q.words(ctx.text) < 6:
        return  # وصفتها بـ«محاولة إبادة»: a short characterisation, not somebody's words
    introduced = ctx.text[max(0, q.open - 3):q.open].strip().endswith(":")
    postposed = _postposed_source(ctx, q, lex=lex)
    if not (introduced or postposed) and q.words(ctx.text) < 6:
        return  # «العام الثقافي قطر - تركيا»: a short quoted name with no one saying it
    source = postposed or ctx.last
    if source is None and q.words(ctx.text) < 8:
        return
    _add_quote(ctx, q, source, None)


def _postposed_source(ctx: _Context, q: QuoteSpan, *, lex: Lexicons) -> Source | None:
    """«…»، قال X / «…»، بحسب X: a speaker named after the quote."""
    after = ctx.text[q.close + 1:q.close + 4]
    if not after.lstrip().startswith(("،", ",")):
        return None
    for cue in ctx.cues:
        if q.close < cue.start <= q.close + 6 and cue.kind in ("verb", "attribution"):
            limit = _sentence_end(ctx, cue.end)
            source = _resolve(ctx, cue.end, limit, lex=lex)
            if isinstance(source, Source):
                ctx.taken.append((cue.start, limit))
                return source
    return None


# ---------------------------------------------------------------- speakers

def _source_of(ent: Entity, surface: str) -> Source:
    return Source(ent.name, surface if ent.kind != "person" or ent.entity_id.startswith("person:") else
                  (ent.name_ar or surface), ent.entity_id, ent.kind)


def _subject_before(ctx: _Context, cue: Cue) -> Source | None:
    """SVO order: the actor named right before the verb (الكرملين قال إن …)."""
    if cue.kind != "verb":
        return None
    for m in reversed(ctx.actor_mentions):
        if m.end > cue.start:
            continue
        gap = ctx.text[m.end:cue.start]
        # الكرملين قال، الخارجية القطرية التي أكدت، الحكومة قد أعلنت
        if gap.strip() in ("", "قد", "فقد", "التي", "الذي", "الذين", "التي كانت", "الذي كان"):
            ent = ctx.found.entities.get(m.entity_id)
            if ent is not None and ent.kind != "media" or ent is not None and gap.strip() == "":
                return _source_of(ent, m.surface)
        break
    return None


def _is_addressee(ctx: _Context, m: Mention) -> bool:
    """لـ«الشرق الأوسط»، لشبكة «روداو»: the outlet spoken to, not the speaker."""
    ent = ctx.found.entities.get(m.entity_id)
    if ent is not None and ent.kind not in ("media", "person"):
        return False  # لقوات التحالف الدولي: "of", not "to"
    before = ctx.text[max(0, m.start - 8):m.start]
    return bool(re.search(r"(^|\s)[وف]?ل(ـ)?\s?[«\"“]?$", before) or re.search(r"ل\S*\s[«\"“]$", before)
                or re.search(r"(^|\s)(مكتب|لـ|ل)\s?«?$", before))


def _resolve(ctx: _Context, start: int, end: int, allow_named: bool = True, *, lex: Lexicons) -> Source | str | None:
    """Who a speaker phrase names: a person, an actor, a title, a document, an unnamed source; 'implicit' if none."""
    text = ctx.text
    mentions = [m for m in ctx.actor_mentions if start <= m.start < end and not _is_addressee(ctx, m)
                and not _in_parentheses(text, m.start, start)]
    people = [m for m in mentions if ctx.found.entities[m.entity_id].kind == "person"]
    title = _title_text(ctx, start, end, people[0].start if people else end, lex=lex)
    if people:
        m = people[0]
        source = _source_of(ctx.found.entities[m.entity_id], _full_name(ctx, m))
        if title:
            ctx.titles.setdefault(fold(title), source)
        return source
    if title:
        # وزير البيشمركة، المتحدث باسم الجيش التركي: a title outranks the body named inside it
        return _title_source(ctx, title, lex=lex)
    words = ctx.tokens[ctx.token_after(start):ctx.token_after(end)]
    content = _speaker_words(ctx, words, lex=lex)
    if mentions and not (content and content[0].end <= mentions[0].start and _unnamed_head(content[0], lex=lex)):
        m = mentions[0]
        return _source_of(ctx.found.entities[m.entity_id], m.surface)
    if not content:
        return "implicit"
    named = _quoted_organisation(ctx, content[0], end, lex=lex)
    if named is not None:
        return named
    first = content[0]
    if first.key in lex.words.anonymous or first.key[1:] in lex.words.anonymous:
        return Source(None, _phrase(ctx, first.start, end, lex=lex), None, "anonymous")
    if first.key in lex.words.documents:
        return Source(_phrase(ctx, first.start, end, lex=lex), _phrase(ctx, first.start, end, lex=lex), None, "document")
    if not allow_named or first.key in lex.words.stopwords or first.key.isdigit() \
            or first.key in lex.words.not_speakers or _is_prepositional(first.key, lex=lex):
        return None  # وأكد وجود فرص …، وأضاف بنسبة …: a verbal noun or a phrase, not a name
    # A name no lexicon knows (وقال الراوي في حديث …): keep it as written.
    name = _phrase(ctx, first.start, end, lex=lex)
    return Source(name, name, None, "named") if len(name.split()) <= 5 else None


def _speaker_words(ctx: _Context, words: list[Token], *, lex: Lexicons) -> list[Token]:
    """The words of a speaker phrase that may name the speaker (not في بيان، لـ«الحياة»، أيضا، يقول …)."""
    cue_words, docs = lex.speech_cues, lex.words.documents | _words("title_break", lex=lex)
    out, skip_next = [], False
    for t in words:
        if skip_next and (t.key in docs or t.key in lex.words.not_speakers):
            skip_next = False
            continue  # في بيان، في حديث: the occasion, not the speaker
        skip_next = t.key == "في"
        if t.key in _words("filler", lex=lex) or t.key in cue_words or t.key in ("ل", "لـ"):
            continue
        if t.key[0] == "ل" and t.key[1:] in lex.words.name_contexts:
            continue  # لمراسلة، لصحيفة: the one spoken to
        if _is_name_quote_at(ctx, t.start, lex=lex):
            continue  # a quoted name inside the phrase («الحياة»، "الجوهرة أف أم"): not the speaker itself
        out.append(t)
    return out


def _is_name_quote_at(ctx: _Context, pos: int, *, lex: Lexicons) -> bool:
    q = next((q for q in ctx.quotes if q.open < pos < q.close), None)
    return q is not None and _is_name_quote(ctx, q, lex=lex)


def _is_prepositional(key: str, *, lex: Lexicons) -> bool:
    """بنسبة، لضمان: a word carrying a preposition is no speaker's name."""
    return key.startswith(("بال", "لل", "كال", "وبال", "ولل")) or key in _words("prepositional", lex=lex)


def _unnamed_head(tok: Token, *, lex: Lexicons) -> bool:
    """وأبلغ المصدر وكالة الأنباء …: an unnamed source or a document named before any actor is the speaker."""
    anon, docs = lex.words.anonymous, lex.words.documents
    return tok.key in anon or tok.key[1:] in anon or tok.key in docs


def _quoted_organisation(ctx: _Context, first: Token, end: int, *, lex: Lexicons) -> Source | None:
    """منظمة "اير وورز"، صحيفة «…»: a body that no lexicon knows, named in quotes after its kind."""
    key = first.key if first.key in lex.words.name_contexts else first.key[1:]
    if key not in lex.words.name_contexts:
        return None
    after = ctx.text[first.end:end].lstrip()
    q = ctx.quote_by_open.get(end - len(ctx.text[first.end:end]) + (len(ctx.text[first.end:end]) - len(after)))
    if q is None or q.close >= end or q.words(ctx.text) > 4:
        return None
    name = ctx.text[q.open + 1:q.close].strip()
    kind = "media" if key in {fold(w) for w in ("صحيفة", "جريدة", "مجلة", "وكالة", "قناة", "شبكة", "موقع")} \
        else "organization"
    return Source(name, ctx.text[first.start:q.close + 1], None, kind)


def _in_parentheses(text: str, pos: int, floor: int) -> bool:
    opened = text.rfind("(", floor, pos)
    return opened != -1 and text.find(")", opened, pos) == -1


def _full_name(ctx: _Context, m: Mention) -> str:
    """The fullest name this article gives the person (سيد قادر → مصطفى سيد قادر)."""
    ent = ctx.found.entities[m.entity_id]
    if ent.entity_id.startswith("person:"):
        return ent.name_ar or m.surface
    return m.surface


def _phrase(ctx: _Context, start: int, end: int, *, lex: Lexicons) -> str:
    """A speaker phrase up to its first break (comma, في حديث، لـ …)."""
    out = []
    roles, names = lex.words.roles, lex.words.name_contexts
    for t in ctx.tokens[ctx.token_after(start):ctx.token_after(end)]:
        addressee = t.key[0] == "ل" and (t.key[1:] in names or t.key[1:] in lex.words.documents)
        if out and (t.key in _words("title_break", lex=lex) or t.key in _words("phrase_break", lex=lex) or t.key in roles or addressee
                    or is_saying_noun(t.key, lex=lex)
                    or ctx.text[out[-1].end:t.start].strip()):
            break
        out.append(t)
    return ctx.text[out[0].start:out[-1].end] if out else ctx.text[start:end].strip()


def _title_text(ctx: _Context, start: int, end: int, person_at: int, *, lex: Lexicons) -> str | None:
    """A title (وزير الخارجية الأميركي، قائد عمليات الأنبار) that opens the phrase, before any name."""
    roles = lex.words.roles
    toks = [t for t in ctx.tokens[ctx.token_after(start):ctx.token_after(min(end, person_at))]]
    toks = [t for t in toks if t.key not in ("من", "جهته", "جهتها", "بدوره", "بدورها")]
    if not toks:
        return None
    first = toks[0].key if toks[0].key in roles else (toks[0].key[1:] if toks[0].key[1:] in roles else None)
    if first is None:
        return None
    out = [toks[0]]
    for t in toks[1:]:
        gap = ctx.text[out[-1].end:t.start].strip()
        if gap or t.key in _words("title_break", lex=lex) or t.key in lex.words.ranks:
            break
        out.append(t)
    return ctx.text[out[0].start:out[-1].end]


def _title_source(ctx: _Context, title: str, *, lex: Lexicons) -> Source:
    """A speaker named by title alone: someone this article gave that title, the office-holder, or the title."""
    key = fold(title)
    words = key.split()
    for known, source in ctx.titles.items():
        kw = known.split()
        if kw[:len(words)] == words or words[:len(kw)] == kw:
            return source
    date = ctx.published or ""
    for office in lex.offices:
        ow = office.title_key.split()
        if (ow == words or words[:len(ow)] == ow) and (not date or (office.start or "0") <= date <= (office.end or "9")):
            ent = lex.actors.get(office.actor_id)
            if ent:
                return Source(ent[0].name, ent[0].name_ar or title, office.actor_id, ent[0].kind)
    if words and words[0] in _words("anaphoric", lex=lex) and ctx.last_person is not None:
        return ctx.last_person
    head = words[0] if words else ""
    kind = "anonymous" if head in lex.words.anonymous else "title"
    return Source(None if kind == "anonymous" else title, title, None, kind)
