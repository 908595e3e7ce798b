"""Reported statements: where reporting cues open content (a quote, أن …, a colon) and what that content is.

Who said each statement is `lib.extract.speakers`' business: this module finds the cue, its opener and its
content, and asks the speaker logic for the speaker of the cue's phrase.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from lib import lexicons
from lib.lexicons import Lexicons
from lib.extract.cues import Cue, is_complementiser, is_saying_noun
from lib.extract.entities import Found
from lib.extract.coreference import fill_missing, resolve_documents, resolve_generic
from lib.extract.speakers import UNKNOWN, Passage, Source, Speakers, madda_name, canonical_sources
from lib.text.normalize import fold
from lib.text.quote_marks import QuoteSpan
from lib.records import Statement
from lib.text.tokens import Token, gap_is_space

_OPENERS = "«“\""
# (a full stop between two words with no space ends a sentence too: التراثية.وسلط; the one after a lone letter is
# an abbreviation's and ends none: أ.د. عبدالرحمن، د. محمد). Each alternative opens with its character and looks
# behind only then: a look-behind tried at every position made this scan four times slower.
_ABBREVIATION = r"(?<![\s.(][\u0621-\u064a][.])"
_SENTENCE_END = re.compile(r"[.]" + _ABBREVIATION + r"(?:(?=[ \n»”\"]|$)|(?<=[\u0621-\u064a][.])(?=[\u0621-\u064a]))"
                           r"|[!?؟](?=[ \n»”\"]|$)|\n")
MAX_PHRASE_TOKENS = 28


@dataclass
class _Opener:
    kind: str  # colon, quote, that, saying, participle; clause (none: a new clause's reporting verb comes first)
    at: int
    content_start: int
    quote: QuoteSpan | None = None


class _Context(Passage):
    """The article while its statements are found: the passage, the speaker logic, what is found so far."""

    def __init__(self, text: str, tokens: list[Token], found: Found, published: str | None, lex: Lexicons):
        super().__init__(text, tokens, found, published, lex)
        self.used_quotes: set[int] = set()
        self.statements: list[Statement] = []
        self.phrases: list[tuple[int, int]] = []  # speaker phrases read (from a cue to its opener)
        self.who = Speakers(self)
        # every place a sentence may end (the pattern's matches are one character each, so finditer misses
        # none): found once, then looked up by bisect (a search per cue to the text's end was quadratic)
        self.sentence_stops = [m.start() for m in _SENTENCE_END.finditer(text)]


def extract_statements(text: str, tokens: list[Token], found: Found, published: str | None, *,
                       lex: Lexicons | None = None) -> list[Statement]:
    """Every reported statement in text order, each with its speaker where the text names one."""
    lex = lex or lexicons.default()
    ctx = _Context(text, tokens, found, published, lex)
    events: list[tuple[int, int, object]] = [(c.start, 0, c) for c in ctx.cues]
    events += [(q.open, 1, q) for q in ctx.long_quotes]
    for _, _, ev in sorted(events, key=lambda e: (e[0], e[1])):
        if isinstance(ev, Cue):
            _on_cue(ctx, ev, lex=lex)
        else:
            _on_free_quote(ctx, ev, lex=lex)
    ctx.statements.sort(key=lambda s: s.start)
    resolve_generic(ctx.statements, ctx, ctx.who)  # a title or a body's kind → who the article names for it
    resolve_documents(ctx.statements, ctx, ctx.who)  # البيان، التقرير → who issued the one the article names
    fill_missing(ctx.statements, ctx, ctx.who)  # a verb left without a speaker → the person its sentence names
    canonical_sources(ctx.statements, ctx)
    ctx.who.release()  # the passage and its speaker logic refer to each other: free them now, not at a GC pass
    return ctx.statements


# ---------------------------------------------------------------- text geometry

def _inside(ranges, pos: int) -> bool:
    return any(a <= pos < b for a, b in ranges)


def _in_long_quote(ctx: _Context, pos: int) -> bool:
    return any(q.open < pos < q.close for q in ctx.long_quotes)


def _sentence_end(ctx: _Context, pos: int) -> int:
    """End of the sentence that runs on from pos; quoted passages are passed over whole."""
    text, i = ctx.text, pos
    stops = ctx.sentence_stops
    while i < len(text):
        n = bisect.bisect_left(stops, i)
        end = stops[n] if n < len(stops) else len(text)
        k = bisect.bisect_left(ctx.opens, i)
        if k < len(ctx.opens) and ctx.opens[k] < end:
            i = ctx.quote_by_open[ctx.opens[k]].close + 1  # a quote opens first: pass over it whole
            continue
        return end
    return len(text)


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
    src = source or UNKNOWN
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
    if opener.kind == "colon":
        j = ctx.token_after(start)
        inner = ctx.cue_at.get(j)
        if inner is not None and inner.kind == "verb" and ctx.tokens[j].start == start and inner is not cue:
            return  # بيانا قالت فيه: قال الله تعالى: «…»: the content opens with another's words, that cue's
    if opener.kind == "quote" and opener.quote is not None:
        _add_quote(ctx, opener.quote, source, cue.written)
        return
    q = ctx.quote_by_open.get(start)
    if q is not None and opener.kind in ("colon", "saying") and not (q.words(text) <= 1 and not _clause_ends_after(ctx, q)):
        _add_quote(ctx, q, source, cue.written)
        return
    if q is not None and opener.kind == "that" and _clause_ends_after(ctx, q) and not ctx.is_name_quote(q):
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
                if (not ctx.is_name_quote(q) or (q.words(text) >= 2 and _follows_directly(ctx, cue, q))) and \
                        not _name_in_clause(ctx, q, lex=lex) and not _term_after_noun(ctx, cue, q, lex=lex):
                    if seen > 6 and _attributed_after(ctx, q):
                        return None  # أعلن … لكن لم يتم تأكيدها «لأسباب أمنية» بحسب الوزارة: the quote is بحسب's
                    return _Opener("quote", k, k, q)
                # a quoted name: pass over it
                k = q.close
                j = ctx.token_after(q.close)
                nxt = tokens[j].start if j < len(tokens) and tokens[j].start < limit else limit
            k += 1
        if nxt >= limit or j >= len(tokens):
            return None
        tok = tokens[j]
        if is_complementiser(tokens, j, lex=lex) and not (
                text[tok.start] == "آ" and madda_name(tokens, j, ctx.cues, lex)):  # (وقالت آن شوكيت: Anne)
            return _Opener("that", tok.start, tok.end)
        if is_saying_noun(tok.key, lex=lex):
            return _Opener("saying", tok.start, tok.end)
        cue_here = ctx.cue_at.get(j)
        if cue_here is not None and cue_here.kind == "participle":
            return _Opener("participle", tok.start, tok.start)
        if cue_here is not None and cue_here.kind == "verb" and tok.key[:1] in "وف" and j > 0 and \
                any(c in text[tokens[j - 1].end:tok.start] for c in "،,"):
            return _Opener("clause", tok.start, tok.start)  # نفت دمشق أية مسؤولية، وقالت وكالة الأنباء … إن:
            # a new clause's reporting verb owns what follows; this cue has no content past it
        seen += 1
        if seen > MAX_PHRASE_TOKENS:
            return None
        pos, j = tok.end, j + 1
    return None


def _name_in_clause(ctx: _Context, q: QuoteSpan, *, lex: Lexicons) -> bool:
    """A quoted name the clause runs on after (اعتبر "الائتلاف الجمعوي …" القانون انتهاكا، هاتف "نوكيا 8110"
    الشهير): a short quote followed, with no mark between, by a definite word that no list knows."""
    if q.words(ctx.text) > 10:
        return False
    j = ctx.token_after(q.close)
    if j >= len(ctx.tokens) or j in ctx.cue_at or ctx.text[q.close + 1:ctx.tokens[j].start].strip() != "":
        return False
    tok = ctx.tokens[j]
    return ctx.text[tok.start:tok.start + 2] == "ال" and tok.key not in lex.speaker_phrase["time"] and \
        tok.key not in lex.function_words["locative"] and not tok.key.startswith("الي")


_GOVERNING = frozenset(("الي", "علي", "عن", "من", "ب", "في", "ل", "مع", "حول", "ضد", "بين"))
# … and with a pronoun written onto them (كتب عليها «…»، قال له «…»), folded
_GOVERNING_PRONOUN = frozenset(p + s for p in ("علي", "الي", "عن", "من", "في", "ب", "ل", "مع", "عند", "لدي")
                               for s in ("ه", "ها", "هم", "هما", "هن", "ك", "كم", "نا", "ي"))


def _term_after_noun(ctx: _Context, cue: Cue, q: QuoteSpan, *, lex: Lexicons) -> bool:
    """A quote after a title or naming word (تحت عنوان «…»), or of three words or fewer that a noun of the
    speaker's clause governs (اعتبر العقوبات على بلاده
    «طعنة بالظهر»، أعلنت الصين عن خطة «قد العالم»، على ملعب «أولد ترافورد»): a term or a name, not the speaker's
    words. Not after a complementiser, a preposition, a conjunction or a name (وقال ترامب «…»)."""
    j = ctx.token_after(q.open) - 1
    if j <= cue.last_token or ctx.text[ctx.tokens[j].end:q.open].strip(" \t"):
        return False
    tok = ctx.tokens[j]
    key = tok.key
    if key in lex.function_words["title_marker"] or key in lex.function_words["naming"]:
        return True  # في تعقيبه على ما نشرته «عكاظ» تحت عنوان «…»: a headline, whatever its length
    if key == "عن" and q.words(ctx.text) <= 3 and \
            (fold(ctx.text[q.open + 1:q.close]).split() or [""])[0] in lex.words.anonymous:
        return True  # نقلت وكالة أعماق عن «مصدر أمني» أن …: the source relayed, in quote marks
    if q.words(ctx.text) > 3:
        return False
    if key in _GOVERNING or key in _GOVERNING_PRONOUN or key in ("و", "ف") or j in ctx.cue_at or is_complementiser(ctx.tokens, j, lex=lex) or \
            is_saying_noun(key, lex=lex) or key in lex.given_names or _in_actor_mention(ctx, tok.start):
        return False
    words = fold(ctx.text[q.open + 1:q.close]).split()
    if words and all(w.endswith(("ي", "يه")) for w in words):
        return False  # لهجوم «حوثي إيراني»: the speaker's own adjectives of a noun they use, an accusation
    return key.isalpha()


def _in_actor_mention(ctx: _Context, pos: int) -> bool:
    """Does an actor mention hold pos (a name's last word included)?"""
    k = bisect.bisect_right(ctx.mention_starts, pos)
    return any(m.end > pos for m in ctx.actor_mentions[max(0, k - 3):k])


def _attributed_after(ctx: _Context, q: QuoteSpan) -> bool:
    """Does an attribution (بحسب، وفق) follow the quote right after it closes?"""
    j = ctx.token_after(q.close)
    cue = ctx.cue_at.get(j)
    return cue is not None and cue.kind == "attribution" and \
        ctx.text[q.close + 1:ctx.tokens[j].start].strip(" ،,") == ""


def _follows_directly(ctx: _Context, cue: Cue, q: QuoteSpan) -> bool:
    """A short quote governed by the cue itself (دعا لافروف واشنطن الى "تجنب اللعب بالنار")."""
    k = ctx.token_after(q.open) - 1
    return k >= 0 and ctx.tokens[k].key in ("الي", "علي", "ب") and ctx.text[q.open - 1] == " "


def _on_cue(ctx: _Context, cue: Cue, *, lex: Lexicons) -> None:
    if _inside(ctx.taken, cue.start) or _in_long_quote(ctx, cue.start) or _inside(ctx.phrases, cue.start):
        return  # (مسؤول فضل عدم كشف اسمه: a reporting word inside another's speaker phrase reports nothing)
    if cue.kind == "aside" or _noun_before(ctx, cue, lex=lex):
        return
    limit = _sentence_end(ctx, cue.end)
    if cue.kind == "attribution":
        _on_attribution(ctx, cue, limit, lex=lex)
        return
    opener = _find_opener(ctx, cue, limit, lex=lex)
    clause = opener is not None and opener.kind == "clause"
    if clause:
        limit, opener = opener.at, None  # the cue's own clause ends where the next reporting verb's opens
    who = ctx.who
    if cue.kind == "participle":
        if opener is not None:
            source = who.for_participle(cue)
            if _view_with_no_holder(ctx, cue, source, lex=lex):
                return
            who.spoke(source, cue.start)
            _emit_content(ctx, opener, source, cue, lex=lex)
        return
    if cue.kind == "passive":
        if opener is not None and opener.kind != "participle":
            _emit_content(ctx, opener, Source(None, None, None, "anonymous"), cue, lex=lex)
        return
    phrase_end = opener.at if opener else limit
    if opener is not None:
        ctx.phrases.append((cue.end, opener.at))
    if cue.kind == "relay":
        source = who.for_relay(cue, phrase_end)
        named = source is not None
    else:
        source, named = who.for_verb(cue, phrase_end, discourse=opener is not None)
    if opener is None:
        if named and source is not None and (source.speaker_id or clause and source.kind != "unknown"):
            # "تركيا تعتبر …، وتقول إن": a known subject stays the source (so does any named subject of a clause
            # that a reporting verb goes on from: أوضح مصدر مسؤول …، وقال)
            who.spoke(source, cue.start)
            if cue.takes == "any" and cue.form.endswith((" عن", " علي")) and who.before_verb(cue):
                _add(ctx, cue.end, _content_end(ctx, cue.end), "indirect", source, cue.written)
            elif cue.takes == "any":
                _verbal_noun_content(ctx, cue, source, limit, lex=lex)
        return
    if not named and _view_with_no_holder(ctx, cue, source, lex=lex):
        return
    if source is None:
        start = opener.content_start
        while start < len(ctx.text) and ctx.text[start] in " \t":
            start += 1
        q = opener.quote or ctx.quote_by_open.get(start)
        if q is not None and opener.kind in ("quote", "colon"):
            ctx.used_quotes.add(q.open)  # قال تعالى: «…»: the quote is the cue's, and no one's words
        return
    who.spoke(source, cue.start)
    if opener.kind != "participle":
        _emit_content(ctx, opener, source, cue, lex=lex)


def _view_with_no_holder(ctx: _Context, cue: Cue, source: Source | None, *, lex: Lexicons) -> bool:
    """A view (يرى أن، معتبرا أنه) whose holder the text does not name near: no one, or only the last speaker
    quoted paragraphs back. In an essay that is the writer's own reasoning about someone (الأصولي … بل يرى أنه),
    not anybody's words."""
    if fold(cue.written).lstrip("وف") not in lex.function_words["opinion_cue"] and \
            cue.form not in lex.function_words["opinion_cue"]:
        return False
    if source is None or source.kind == "unknown":
        return True
    who = ctx.who
    sent = ctx.sentence_start(cue.start)
    if source == who.last:
        return who.last_at < ctx.paragraphs_back(sent, 2)
    name = (source.speaker_ar or "").split()
    # a holder the discourse supplied (the last person named): named in this paragraph or the one before
    return bool(name) and name[-1] not in ctx.text[ctx.paragraphs_back(sent, 1):cue.start]


def _noun_before(ctx: _Context, cue: Cue, *, lex: Lexicons) -> bool:
    """استطلاع رأي، وجهة نظر: a cue word read as a noun that the word before it governs (رأي, not رأى)."""
    i = cue.first_token
    return i > 0 and ctx.tokens[i - 1].key in lex.function_words["noun_before_cue"] and \
        gap_is_space(ctx.text, ctx.tokens[i - 1].end, ctx.tokens[i].start)


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
    if _object_in_speaker_clause(ctx, speaker_end, bounds, lex=lex):
        return  # أعلنت طالبان الهدنة، وهي الأولى …: the verb's object is a noun, what follows the comma narrates
    for a, b in zip(bounds, bounds[1:]):
        if a < speaker_end:
            continue  # the speaker's own clause (التحالف الدولي بقيادة الولايات المتحدة …) describes the speaker
        seg = text[a:b].strip(" ،,")
        j = ctx.token_after(a)
        if not seg or j >= len(ctx.tokens):
            continue
        first = ctx.tokens[j].key
        if j in ctx.cue_at:
            return  # the next clause is an attribution or a new statement, not this verb's object
        if first in roles or first in lex.speaker_phrase["filler"] or first in lex.words.stopwords \
                or seg.startswith(("لـ", "ل«")):
            continue
        if first.startswith(("علي", "عن")) or len(seg.split()) >= 3:
            if first in ("علي", "عن"):
                a = ctx.tokens[j].end
            ctx.who.spoke(source, cue.start)
            _add(ctx, a, _content_end(ctx, a), "indirect", source, cue.written)
        return


def _object_in_speaker_clause(ctx: _Context, speaker_end: int, bounds: list[int], *, lex: Lexicons) -> bool:
    """Does the speaker's own clause go on with a noun after the speaker (أعلنت تركيا حركة غولن إرهابية،
    أعلنت طالبان الهدنة)? That noun is the verb's object; a description of the speaker (بقيادة …، الأميركية،
    التي …) or an occasion (في بيان، أمس) is not."""
    end = next((b for b in bounds if b > speaker_end), None)
    j = ctx.token_after(speaker_end)
    if end is None or j >= len(ctx.tokens) or ctx.tokens[j].start >= end:
        return False
    if not gap_is_space(ctx.text, speaker_end, ctx.tokens[j].start):
        return False  # a quote mark or a bracket after the speaker: not a plain noun object
    key = ctx.tokens[j].key
    sp = lex.speaker_phrase
    if key[:1] in "بلفو" or key in lex.words.stopwords or key in lex.words.roles or key in sp["filler"] \
            or key in sp["time"] or key in sp["relative"] or key in sp["preposition"] or key in sp["phrase_break"] \
            or key.endswith(("ي", "يه", "يون", "يين")) or not key.startswith("ال") and not key.isalpha():
        return False
    # a definite noun, or a feminine one in a construct (حركة فتح الله غولن) that no given name is
    return key.startswith("ال") or key.endswith("ه") and key not in lex.given_names


def _speaker_end(ctx: _Context, start: int, limit: int) -> int:
    """End of the first actor mention after start (the speaker), or start."""
    for m in ctx.actor_mentions:
        if start <= m.start < limit:
            return m.end
    return start


def _on_attribution(ctx: _Context, cue: Cue, limit: int, *, lex: Lexicons) -> None:
    """بحسب X / وفق ما أوردته X / نقلا عن X: the sentence's quote or claim is X's."""
    text, tokens = ctx.text, ctx.tokens
    phrase_start = cue.end
    j = cue.last_token + 1
    # وفق ما أوردته صحيفة …، حسب ما كشف مصدر …، حسبما أفاد …: pass over "ما" and its verb.
    if cue.form.endswith("ما") and j < len(tokens):
        phrase_start = tokens[j].end
    elif j < len(tokens) and tokens[j].key in ("ما", "لما"):  # (وطبقا لما أعلنه X: ما written onto its ل)
        phrase_start = tokens[j + 1].end if j + 1 < len(tokens) else tokens[j].end
    source, phrase_end = ctx.who.for_attribution(cue, phrase_start, limit)
    if source is None:
        return
    sent_start = ctx.sentence_start(cue.start)
    k = ctx.token_after(phrase_end)
    if any(c.kind == "verb" and k <= c.first_token <= k + 2 and not _noun_before(ctx, c, lex=lex)
           for c in ctx.cues if phrase_end <= c.start < limit):  # (a verb past the sentence's end is not its)
        return  # ووفقاً للبي بي سي قال البروفيسور …: the outlet relays; the verb's subject speaks
    if any(a < cue.start and b > sent_start for a, b in ctx.taken):
        return  # كشف X أن …، بحسب وكالة الأنباء: the outlet that carried a statement found already
    ctx.who.spoke(source, cue.start, attribution=True)
    rest = text[phrase_end:limit].lstrip(" ")
    if rest.startswith(":"):
        colon = text.index(":", phrase_end)
        _emit_content(ctx, _Opener("colon", colon, colon + 1), source, cue, lex=lex)
        return
    for q in ctx.long_quotes:
        if sent_start <= q.open < limit and q.open not in ctx.used_quotes:
            _add_quote(ctx, q, source, cue.written)
            return
    before = text[sent_start:cue.start].strip(" ،,")
    if len(before.split()) >= 4:
        _add(ctx, sent_start, cue.start, "indirect", source, cue.written)
    elif len(text[phrase_end:limit].split()) >= 4:
        _add(ctx, phrase_end, limit, "indirect", source, cue.written)


def _on_free_quote(ctx: _Context, q: QuoteSpan, *, lex: Lexicons) -> None:
    """A long quote that no cue introduced: it continues the last source (وفي 13 من الشهر الحالي: «…»)."""
    if q.open in ctx.used_quotes or _inside(ctx.taken, q.open) or _in_long_quote(ctx, q.open):
        return
    if ctx.is_name_quote(q):
        return
    j = ctx.token_after(q.open) - 1
    if j >= 0 and ctx.tokens[j].key in lex.function_words["title_marker"] and not ctx.text[ctx.tokens[j].end:q.open].strip():
        return  # بعنوان «دورة فن إدارة المشروعات»، تحت شعار «…»: a title, not somebody's words
    if ctx.glued(q) and q.words(ctx.text) < 6:
        return  # وصفتها بـ«محاولة إبادة»: a short characterisation, not somebody's words
    introduced = ctx.text[max(0, q.open - 3):q.open].strip().endswith(":")
    postposed = _postposed_source(ctx, q) or _saying_noun_source(ctx, q, lex=lex)
    if not (introduced or postposed) and q.words(ctx.text) < 6:
        return  # «العام الثقافي قطر - تركيا»: a short quoted name with no one saying it
    embedded = not (introduced or postposed) and _embedded_after(ctx, q, lex=lex)
    if embedded == "named":
        return  # مما سماه البيان «…»، المكان الذي «ظن أنه …»: a designation or the writer's words in quote marks
    source = postposed or (introduced and _colon_subject(ctx, q)) or ctx.who.last
    if not postposed and source is not None and _names_inside(source, ctx.text[q.open:q.close]):
        source = None  # «لأن نديدي يحتاج …»: words that speak of the last speaker by name are someone else's
    if source is None and q.words(ctx.text) < (12 if embedded else 8):
        return  # (استبدال مصباح … المدمج «الذي يستخدم طاقة أقل»: a phrase inside the writer's sentence, no one's)
    _add_quote(ctx, q, source, None)


def _embedded_after(ctx: _Context, q: QuoteSpan, *, lex: Lexicons) -> str:
    """Is a quote set inside the writer's own sentence, right after one of its words ("": no)? "named" when
    that word is a relative pronoun or a verb of naming one or two words back (المكان الذي «…», مما سماه البيان
    «…»): what follows is the writer's clause or a designation; "word" after any other word but a complementiser,
    a conjunction or a reporting word (whose quotes stay someone's)."""
    j = ctx.token_after(q.open) - 1
    if j < 0:
        return ""
    tok = ctx.tokens[j]
    if ctx.text[tok.end:q.open].strip(" \t") or tok.start < ctx.sentence_start(q.open):
        return ""  # a mark, a line break or a sentence end before the quote: it opens on its own
    key = tok.key
    naming = lex.function_words["naming"]
    if key in ctx.lex.speaker_phrase["relative"] or key in naming or key[:1] == "و" and key[1:] in naming or \
            j > 0 and (ctx.tokens[j - 1].key in naming or ctx.tokens[j - 1].key[1:] in naming
                       and ctx.tokens[j - 1].key[:1] == "و") and gap_is_space(ctx.text, ctx.tokens[j - 1].end, tok.start):
        return "named"
    if key in ("و", "ف", "او", "أو") or j in ctx.cue_at or is_complementiser(ctx.tokens, j, lex=lex) or \
            is_saying_noun(key, lex=lex):
        return ""
    return "word"


_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")


def _colon_subject(ctx: _Context, q: QuoteSpan) -> Source | None:
    """وعلق X الرئيس التنفيذي لشركة Y على الاتفاق: «…»: the subject of the sentence the colon ends (its verb no
    cue list holds), else None (the last speaker goes on)."""
    sent = ctx.sentence_start(q.open)
    if sent >= q.open - 3 or any(sent <= c.start < q.open for c in ctx.cues):
        return None  # (a cue in the clause had its own speaker: the quote is that cue's or goes on)
    cand = ctx.who._sentence_subject(sent, q.open)
    if cand is None or cand.source.kind not in ("person", "title") or \
            _names_inside(cand.source, ctx.text[q.open:q.close]):
        return None  # (a body, an occasion or a list's first name: the quote is not clearly theirs)
    ctx.who.spoke(cand.source, cand.at)
    return cand.source


def _names_inside(source: Source, words: str) -> bool:
    """Does a quote name a person who is the source by the last word of their name (a surname, a one-word name)?"""
    if source.kind not in ("person", "named", "title"):
        return False  # (a body's last word is often an everyday one: وحدات حماية الشعب)
    name = fold(source.speaker_ar or "").split()
    return bool(name) and len(name[-1]) > 2 and name[-1] in _ARABIC_WORD.findall(fold(words))


def _saying_noun_source(ctx: _Context, q: QuoteSpan, *, lex: Lexicons) -> Source | None:
    """أوربان رد بالقول «…»: a quote right after a saying noun is the words of its clause's subject."""
    j = ctx.token_after(q.open) - 1
    if j < 0 or not is_saying_noun(ctx.tokens[j].key, lex=lex) or ctx.text[ctx.tokens[j].end:q.open].strip(" ،,:"):
        return None
    source = ctx.who.for_saying_noun(j)
    if source is not None:
        ctx.who.spoke(source, ctx.tokens[j].start)
    return source


def _postposed_source(ctx: _Context, q: QuoteSpan) -> Source | None:
    """«…»، قال X / «…»، بحسب X: a speaker named after the quote."""
    after = ctx.text[q.close + 1:q.close + 4]
    reach = 6
    rest = ctx.text[q.close + 1:q.close + 16].lstrip(" .…،,")
    if rest.startswith(("هكذا", "وهكذا")):
        reach = len(ctx.text[q.close + 1:q.close + 16]) - len(rest) + 6  # «…».. هكذا رأى X: the one named after
    elif rest.startswith("كما "):
        reach = len(ctx.text[q.close + 1:q.close + 16]) - len(rest) + 5  # «…» كما يقول X: the one named after
    elif not after.lstrip().startswith(("،", ",")):
        return None
    for cue in ctx.cues:
        if q.close < cue.start <= q.close + reach and cue.kind in ("verb", "attribution") and not (
                cue.kind == "verb" and ctx.tokens[cue.first_token].key[:1] in "وف"):  # (، وغرد المصريون: a new clause)
            limit = _sentence_end(ctx, cue.end)
            source = ctx.who.after_quote(cue, limit)
            if source is not None:
                ctx.taken.append((cue.start, limit))
                ctx.who.spoke(source, cue.start)
                return source
    return None
