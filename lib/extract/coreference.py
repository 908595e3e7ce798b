"""Within-article coreference for speakers: a title, a description or a body's short form that spoke resolves to
the one person or body the article names for it, after every speaker is chosen.

- a title or description (وزير التعليم، العارضة، الأمين العام حلف الناتو) → the person the article writes with
  it as an apposition, before the name (وزير التعليم الدكتور عزام الدخيل، عارضة الأزياء جيجي حديد، أسطورة كرة
  القدم، دييغو مارادونا) or after it (هاني أبو ريدة، رئيس الاتحاد …); a title no apposition gives, when the
  article quotes one named person only (المدير الفني الأسبق لمنتخب الأرجنتين in a piece quoting Maradona alone);
- a body named by its kind (الشركة المتخصصة، هيئة القناة، اتحاد الحقوقيين) → the one body of that kind the
  article names in full (شركة «زيمبيريوم»، هيئة قناة بنما، اتحاد الحقوقيين العرب).
Only an unambiguous link is made (one candidate); otherwise the generic speaker stays as it was.
"""
from __future__ import annotations

from functools import lru_cache

from lib.extract.speakers import (Passage, Source, Speakers, _demonyms, _nisba, cue_gender, name_key, source_of,
                                  word_class)
from lib.lexicons import Lexicons
from lib.records import Statement
from lib.text.normalize import fold

MAX_TITLE_RUN = 12  # tokens from a title's first word to the name it is given
# words after which a title run has ended: the name is no longer coming (أن، الذي …), folded
_RUN_STOPS = frozenset({"ان", "انه", "الذي", "التي", "الذين", "قال", "وقال", "عن", "على", "الي", "منذ", "بعد", "قبل"})
# nisba adjectives that say no nationality (المدافع الدولي السابق may be the one person quoted), folded
_NOT_NATIONAL = frozenset({"الدولي", "الدوليه", "الرسمي", "الرسميه", "المحلي", "المحليه", "الاقليمي", "الاقليميه",
                           "الاممي", "الامميه"})
# name_contexts.txt words before a name that are no speaking body (a correspondent, a film, a campaign), folded
_NOT_BODIES = frozenset({"مراسل", "مراسله", "مندوب", "برنامج", "فيلم", "كتاب", "شعار", "عنوان", "لقب", "هاشتاغ",
                         "وسم", "اتفاق", "اتفاقيه", "عمليه", "حمله", "مشروع", "مبادره", "مهرجان", "موتمر"})
# titles of a head of state or a monarch: with a nationality they name an office (الرئيس الروسي), not the last
# person named; norm'd
_OFFICE_HEADS = frozenset({"رئيس", "ملك", "امير", "ولي", "سلطان", "شيخ", "عاهل", "مرشد"})
_PERSON_KINDS = ("person", "named")
_BODY_KINDS = ("organization", "media", "government", "named", "anonymous", "title", "party", "military", "agency")


# the conjunctions, prepositions and article a word may carry before its stem (norm strips them)
_FORMS = tuple(c + pre for c in ("", "و", "ف") for pre in ("", "ال", "بال", "لل", "كال", "ل", "ب"))


@lru_cache(maxsize=65536)
def norm(key: str) -> str:
    """A folded word without its conjunction, preposition and article, for matching titles (لحلف → حلف،
    باليمن → يمن، والإغاثة → اغاثه)."""
    if len(key) > 3 and key[0] in "وف" and key[1:].startswith(("ال", "لل", "بال", "كال")):
        key = key[1:]  # (only before the article: وزير، وكالة، فريق keep their first letter)
    for pre in ("بال", "لل", "ال", "كال"):
        if key.startswith(pre) and len(key) > len(pre) + 1:
            return key[len(pre):]
    if len(key) > 3 and key[0] in "لب":
        return key[1:]
    return key


def _written_words(s: Statement) -> list[str]:
    return list(_words_of(s.speaker_ar or s.speaker or ""))


@lru_cache(maxsize=65536)
def _words_of(name: str) -> tuple[str, ...]:
    """The folded words of a speaker as written, without quote marks (memoised per distinct name)."""
    return tuple(fold(name.translate(_NO_QUOTES)).split())


_NO_QUOTES = str.maketrans("", "", "«»\"“”")


def _is_role(key: str, lex: Lexicons) -> bool:
    roles = lex.words.roles
    bare = key[2:] if key.startswith("ال") else key
    return key in roles or bare in roles or "ال" + bare in roles


def _generic_title(s: Statement, lex: Lexicons) -> bool:
    """A title or a description speaking (وزير التعليم، المدافع الدولي السابق، العارضة), not a name."""
    return _title_like(s.speaker_ar or s.speaker or "", s.speaker_kind or "", bool(s.speaker_id and ":" not in s.speaker_id),
                       lex)


@lru_cache(maxsize=65536)
def _title_like(name: str, kind: str, lexicon: bool, lex: Lexicons) -> bool:
    """_generic_title of one speaker as written, its kind and whether it is a lexicon actor (memoised)."""
    words = _words_of(name)
    if not words or len(words) > 9 or lexicon:
        return False  # a lexicon actor
    if kind == "title":
        return True
    if kind not in ("named", "anonymous", "person"):
        return False
    if words[0] in lex.words.anonymous or norm(words[0]) in lex.words.anonymous:
        return False  # مسؤول، مصدر: an unnamed source stays one
    if _is_role(words[0], lex) and (words[0].startswith("ال") or any(w.startswith("ال") for w in words[1:])):
        return True  # وزير التعليم، مدير جمعية الثقافة read as a name (not ابن فارس: a name)
    # العارضة، الأسطورة: one definite word no list knows (a description, or a family name: looked up as
    # a title only, so a family name finds no apposition and stays)
    return len(words) == 1 and words[0].startswith("ال") and kind in _PERSON_KINDS


def _generic_body(s: Statement, lex: Lexicons) -> bool:
    """A body named by its kind (الشركة، الشركة المتخصصة، هيئة القناة، اتحاد الحقوقيين), not a lexicon actor."""
    return _body_like(s.speaker_ar or s.speaker or "", s.speaker_kind or "", bool(s.speaker_id and ":" not in s.speaker_id),
                      lex)


@lru_cache(maxsize=65536)
def _body_like(name: str, kind: str, lexicon: bool, lex: Lexicons) -> bool:
    """_generic_body of one speaker as written, its kind and whether it is a lexicon actor (memoised)."""
    words = _words_of(name)
    if not words or len(words) > 4 or kind not in _BODY_KINDS or lexicon:
        return False
    head = norm(words[0])
    return head in lex.words.name_contexts and head not in _NOT_BODIES and not _is_role(head, lex) and \
        not any(w in _demonyms(lex=lex) for w in words[1:])


class _Article:
    """What the article names, read once when a statement needs it."""

    def __init__(self, p: Passage, who: Speakers, statements: list[Statement]):
        self.p, self.who, self.lex = p, who, p.lex
        self._norm_positions: dict[str, list[int]] | None = None
        self._places: dict[int, int] | None = None
        self._appositions: dict[tuple[str, ...], list[tuple[Source, int]]] = {}
        self._bodies: dict[tuple[str, ...], Source | None] = {}
        self._weak: set[tuple[int, int]] = set()  # appositions whose name may be an inner title's (id, where)
        # people who speak under a name: the last word of the name → the Source (several: ambiguous)
        self.speaking: dict[str, list[Source]] = {}
        for s in statements:
            if self.namelike(s):
                words = fold(s.speaker_ar).split()
                if len(words[-1]) >= 4:
                    src = Source(s.speaker, s.speaker_ar, s.speaker_id, "person")
                    self.speaking.setdefault(words[-1], []).append(src)
        self.bodies = [s for s in statements if not _generic_body(s, self.lex) and s.speaker_ar
                       and s.speaker_kind in ("organization", "media", "government")]

    def positions(self, key: str) -> list[int]:
        """Tokens whose word, without conjunction, preposition and article, is key (looked up in the passage's
        index under each written form: no pass over every token)."""
        if self._norm_positions is None:
            self._norm_positions = {}
        hit = self._norm_positions.get(key)
        if hit is None:
            found = {j for pre in _FORMS for j in self.p.positions(pre + key) if norm(self.p.tokens[j].key) == key}
            hit = self._norm_positions[key] = sorted(found)
        return hit

    def place_starts(self) -> dict[int, int]:
        """Where each place mention starts → where it ends."""
        if self._places is None:
            self._places = {m.start: m.end for m in self.p.found.mentions if m.entity_type == "place"}
        return self._places

    # ---- people

    def namelike(self, s: Statement) -> bool:
        """Does a statement's speaker look like a person's name (not برلمانية، والدولية، إفادات صحافي)?"""
        if s.speaker_kind not in _PERSON_KINDS or not s.speaker_ar:
            return False
        words = fold(s.speaker_ar).split()
        last = words[-1]
        if _is_role(words[0], self.lex) or _is_role(last, self.lex) or len(words) == 1 and (
                _nisba(last) and not last.startswith("ال") or last in _demonyms(lex=self.lex)):
            return False  # برلمانية، الروسي: an adjective (a family name like الأصبحي stays)
        if last.startswith(("وال", "فال")) or last in self.lex.words.anonymous or len(last) < 3:
            return False
        return s.speaker_kind == "person" or len(words) > 1 or words[0].startswith("ال")

    def name_at(self, k: int) -> tuple[Source, int] | None:
        """The person named from token k (a person mention, or the name of someone who speaks in the article
        as written here: جيجي حديد where «حديد» speaks): their Source and the name's last token."""
        p, r = self.p, self.who.reader
        m = p.mention_in(k)
        if m is not None and m.start == p.tokens[k].start and p.entity(m).kind == "person" \
                and not self.who._not_a_name(m.surface):
            return self.who._person(m, k), r.mention_last(k)
        if r.definite(k) or _is_role(p.tokens[k].key, self.lex):
            return None  # a name does not open with the article (عز الدين الأصبحي may hold one inside)
        key = p.tokens[k].key
        word = p.text[p.tokens[k].start:p.tokens[k].end]
        if key in self.lex.given_names and not (word.endswith("ى") and key not in
                                                 self.lex.given_names_with_alef_maqsura):  # (على is no علي)
            # أمين منطقة عسير صالح القاضي: a given name and the words of the name after it, up to a comma
            n = k + 1
            while n < min(k + 4, len(p.tokens)) and not r.boundary(n) and n not in p.cue_at and \
                    p.tokens[n].key not in _RUN_STOPS and (r.kind(n) in ("word", "name_link") or r.kind(n) == "role"
                                                          and r.definite(n)) and \
                    (not r.definite(n) or n == k + 1 or r.kind(n - 1) == "name_link" or n + 1 == len(p.tokens)
                     or r.boundary(n + 1)):  # (not ساجا فانسيك السيف: an object after the name)
                n += 1  # (صالح القاضي: a family name that is also a title word, closed by a comma)
            ends = n >= len(p.tokens) or r.boundary(n)  # (صالح القاضي، …: a name that a comma closes)
            if n - k >= 2 and (key not in self.lex.words.ambiguous_given_names or ends):
                written = p.text[p.tokens[k].start:p.tokens[n - 1].end]
                return Source(written, written, None, "person"), n - 1
        for n in range(k, min(k + 3, len(p.tokens))):
            if n > k and r.boundary(n) or r.kind(n) not in ("word", "name_link", "divine") + (("mention",) if n > k else ()) \
                    or n in p.cue_at:
                break  # (حسب رأي زملائه، صلى الله عليه وسلم: no name runs through a preposition or a cue)
            hit = self.speaking.get(p.tokens[n].key)
            if hit and n > k and key not in self.lex.given_names and key[:1] in "بلكو":
                return None  # المتحدث باسم وايمو: a preposition, not a given name, before the name
            if hit:
                written = p.text[p.tokens[k].start:p.tokens[n].end]
                same = [h for h in hit if fold(h.speaker_ar or "") == fold(written)]
                return (same[0] if same else Source(written, written, None, "person")), n
        return None

    def appositions(self, words: list[str]) -> list[tuple[Source, int]]:
        """People the article writes with this title: (their Source, where the title stands); once per title."""
        key = tuple(words)
        if key not in self._appositions:
            self._appositions[key] = self._read_appositions(words)
        return self._appositions[key]

    def _read_appositions(self, words: list[str]) -> list[tuple[Source, int]]:
        p, r = self.p, self.who.reader
        want = [norm(w) for w in words]
        needed = {w for w, raw in zip(want, words) if not (_nisba(raw) or raw in _demonyms(lex=self.lex))}
        national = [w for w, raw in zip(want, words) if raw in _demonyms(lex=self.lex) and raw not in _NOT_NATIONAL]
        # one word no list knows (العارضة): only its indefinite head before a name (عارضة الأزياء جيجي حديد)
        described = len(words) == 1 and not _is_role(words[0], self.lex)
        if described and "word" != word_class(words[0], lex=self.lex) or described and \
                word_class(want[0], lex=self.lex) != "word":
            return []  # الحديث، البيان: a document or a word of some list, no description of a person
        out: list[tuple[Source, int]] = []
        n = len(p.tokens)
        for j in self.positions(want[0]):
            if j in p.cue_at:
                continue
            run: set[str] = {want[0]}
            k, past = j + 1, 0
            found = None
            if described and r.definite(j):
                # الفتاة ساجا فانسيك: a definite description only with the name right after it (or before it)
                found = self.name_at(j + 1) if j + 1 < n and not r.boundary(j + 1) else None
                k = n
            while k < min(n, j + MAX_TITLE_RUN) and past <= 3:  # (3: بجدة الشيخ الدكتور before the name)
                if r.boundary(k):
                    gap = p.text[p.tokens[k - 1].end:p.tokens[k].start].strip()
                    if gap in ("،", ",") and needed <= run:
                        found = self.name_at(k)  # أسطورة كرة القدم، دييغو أرماندو مارادونا
                    break
                if needed <= run:
                    found = self.name_at(k)
                    if found is not None:
                        break
                    past += 1
                key = p.tokens[k].key
                if key in _RUN_STOPS or k in p.cue_at:
                    break
                run.add(norm(key))
                k += 1
            tail: set[str] = set()
            first = j
            while first > max(0, j - 2) and not r.boundary(first) and r.kind(first - 1) == "role":
                first -= 1  # ستيفان باني، الدكتور المشرف على الدراسة: a rank before the title
            if found is None and first > 0 and r.boundary(first) and \
                    p.text[p.tokens[first - 1].end:p.tokens[first].start].strip() in ("،", ","):
                # هاني أبو ريدة، رئيس الاتحاد المصري: the title after the name
                t = j
                while t < min(n, j + MAX_TITLE_RUN) and (t == j or not r.boundary(t)):
                    tail.add(norm(p.tokens[t].key))
                    t += 1
                prev = self._name_ending(first - 1)
                if prev is not None and needed <= tail:
                    found = (prev, first - 1)
            if found is not None and national:
                # الرئيس السوداني is not الرئيس المصري عبد الفتاح السيسي: a nationality must be the title's own
                text = run if found[1] > j else tail
                if not all(w in text or w.removesuffix("ي").removesuffix("يه") in text
                           or w.removesuffix("يه") + "ي" in text for w in national):
                    found = None
            if found is not None:
                if found[1] > j and any(r.kind(t) == "role" for t in range(j + 1, found[1])) and \
                        any(p.tokens[t].key in self.lex.speaker_phrase["title_link"] for t in range(j + 1, found[1])):
                    # المتحدثة باسم وزيرة الخارجية فلانة: the name may be the inner title's (the minister's)
                    self._weak.add((id(found[0]), p.tokens[j].start))
                out.append((found[0], p.tokens[j].start))
        return out

    def _name_ending(self, k: int) -> Source | None:
        """The person whose name ends at token k."""
        p = self.p
        m = p.mention_in(k)
        for i in range(k, max(-1, k - 4), -1):
            m = p.mention_in(i)
            if m is not None and p.entity(m).kind == "person" and p.token_after(m.end) - 1 == k \
                    and not self.who._not_a_name(m.surface):
                return self.who._person(m, i)
        hit = self.speaking.get(p.tokens[k].key)
        if hit and len({name_key(h.speaker_ar or "", lex=self.lex) for h in hit}) == 1:
            return hit[0]
        return None

    def person_for(self, s: Statement, statements: list[Statement]) -> Source | None:
        """The one person the article gives this title, or the one named person it quotes."""
        words = _written_words(s)
        if len(words) == 1 and not _is_role(words[0], self.lex) and any(
                len(fold(m.surface).split()) > 1 and fold(m.surface).split()[-1] == words[0]
                for m in self.p.actor_mentions):
            return None  # البشير: the family name of someone the article names, not a description
        found = [hit for form in _variants(tuple(words), self.lex) for hit in self.appositions(list(form))]
        found = [(src, at) for src, at in found if fold(src.speaker_ar or "") != " ".join(words)]  # (itself)
        if found and all((id(src), at) in self._weak for src, at in found):
            # only a name after an inner title: the one the article writes before this title wins if there is one
            for form in _variants(tuple(words), self.lex):
                titled = self._speaker_written_with(s, list(form), statements)
                if titled is not None:
                    return titled
        people = {name_key(src.speaker_ar or "", lex=self.lex): src for src, _ in found}
        if len(people) == 1:
            return next(iter(people.values()))
        if people:
            # several holders: the one the statement's own sentence names
            here = [src for src, at in found if self.p.sentence_start(s.start) <= at < s.start]
            return here[-1] if here else None
        for form in _variants(tuple(words), self.lex):
            titled = self._speaker_written_with(s, list(form), statements)
            if titled is not None:
                return titled
        titled = self._title_then_name(s, words, statements) or self._fuller_title(s, words) or \
            self._woman_just_quoted(s, words, statements)
        if titled is not None:
            return titled
        if s.speaker_kind != "title" and not _is_role(words[0], self.lex):
            return None
        if not words[0].startswith("ال"):
            return None  # مسؤول أميركي: another person
        if any(w in _demonyms(lex=self.lex) and w not in _NOT_NATIONAL for w in words[1:]):
            return self._described_before(s, words)  # الرئيس الروسي: one the office table knows, or no one
        if len(words) == 2 and words[1].startswith("ال") and _nisba(words[1]) and words[1] not in _NOT_NATIONAL \
                and words[1] not in self.lex.speaker_phrase["nisba"] and _is_role(words[0], self.lex) and \
                words[0] not in self.lex.words.ranks and words[0] not in self.lex.words.weak_ranks and \
                norm(words[0]) not in self.lex.speaker_phrase["spokesman"]:
            # القيادي الجنوبي: an adjective of another kind describes the person quoted just before (not الفريق
            # الباريسي, a team; not المتحدث الأمني, an office)
            found = self._described_before(s, words)
            key = name_key(found.speaker_ar or "", lex=self.lex) if found is not None else ""
            if found is not None and any(o.start < s.start and o.speaker_ar and self.namelike(o) and
                                         name_key(o.speaker_ar, lex=self.lex) == key for o in statements):
                return found
        # no apposition: the title of the one person the article quotes by name (المدافع الدولي السابق)
        named = {}
        for o in statements:
            if o is s or not self.namelike(o) or _generic_title(o, self.lex):
                continue
            # (keyed by the name's last word: الداود and صالح الداود are one person before the keys are given)
            last = fold(o.speaker_ar).split()[-1]
            if last not in named or len(o.speaker_ar) > len(named[last][0].speaker_ar or ""):
                named[last] = (o, o.start < s.start or named.get(last, (o, False))[1])
        if len(named) == 1:
            o, before = next(iter(named.values()))
            if before:
                return Source(o.speaker, o.speaker_ar, o.speaker_id, "person")
        return None

    def _speaker_written_with(self, s: Statement, words: list[str], statements: list[Statement]) -> Source | None:
        """The one person quoted by name before the statement whose name the article writes right next to this
        title, with or without a comma (محمد ناجم الغرسلي وزير الداخلية التونسية … وأشار وزير الداخلية)."""
        if len(words) < 2 or not _is_role(words[0], self.lex):
            return None  # (a one-word title, المدرب, fits too many people to be matched by its words alone)
        title = " ".join(words)
        text = self.p.text
        hits: dict[str, Source] = {}
        for o in statements:
            if o.start >= s.start or not self.namelike(o) or not o.speaker_ar or len(o.speaker_ar.split()) < 2:
                continue
            name = o.speaker_ar
            at = text.find(name)
            while at >= 0:
                after = fold(text[at + len(name):at + len(name) + len(title) + 12]).lstrip(" ،,")
                before = fold(text[max(0, at - len(title) - 24):at]).rstrip(" ،,")
                if after.startswith(title) or title in before:
                    hits[name_key(name, lex=self.lex)] = Source(o.speaker, o.speaker_ar, o.speaker_id, "person")
                    break
                at = text.find(name, at + len(name))
        return next(iter(hits.values())) if len(hits) == 1 else None

    def _title_then_name(self, s: Statement, words: list[str], statements: list[Statement]) -> Source | None:
        """The name written right after this very title where another statement's speaker was read as the title
        and a name no list knows together (وقالت رئيسة لجنة الجائزة سارة لين … وأضافت رئيسة لجنة الجائزة);
        for such a run itself, the name after the shorter title another statement speaks under."""
        n = len(words)
        if n > 9 or not _is_role(words[0], self.lex):
            return None
        mine = _variants(tuple(words), self.lex)
        for o in statements:
            if o is s or not o.speaker_ar or o.speaker_kind not in ("title", "named", "person"):
                continue
            theirs = _words_of(o.speaker_ar)
            if len(theirs) > n >= 2 and theirs[:n] in mine:
                rest = o.speaker_ar.translate(_NO_QUOTES).split()[n:]  # this title, then the name
            elif 2 <= len(theirs) < n and o.speaker_kind == "title" and tuple(words[:len(theirs)]) in \
                    _variants(theirs, self.lex):
                rest = (s.speaker_ar or "").translate(_NO_QUOTES).split()[len(theirs):]  # the run is this one
            else:
                continue
            if len(rest) == len(_words_of(" ".join(rest))) and self._bare_name(list(_words_of(" ".join(rest)))):
                name = " ".join(rest)
                return Source(name, name, None, "person")
        return None

    def _woman_just_quoted(self, s: Statement, words: list[str], statements: list[Statement]) -> Source | None:
        """A woman's title no one else is given (أستاذة الفيزياء في جامعة …) right after a woman was quoted by
        name in the same paragraph or the one before: both verbs and the title agree (وأشارت فلانة … وقالت
        أستاذة …), so it describes her."""
        if not words[0].endswith("ه") or not _is_role(words[0], self.lex) or _statement_gender(s, self.p) != "f":
            return None
        prev = None
        for o in statements:
            if o.start >= s.start:
                break
            if o.speaker_ar and (o.speaker_ar != s.speaker_ar):
                prev = o
        if prev is None or not self.namelike(prev) or _generic_title(prev, self.lex) or \
                len(prev.speaker_ar.split()) < 2 or _statement_gender(prev, self.p) != "f" or \
                prev.start < self.p.paragraphs_back(self.p.sentence_start(s.start), 1):
            return None
        return Source(prev.speaker, prev.speaker_ar, prev.speaker_id, "person")

    def _bare_name(self, words: list[str], one: bool = False) -> bool:
        """Do these words, after a title, look like a name no list knows (بيريت ريس أندرسون), not the title's
        complement, an adjective or a place (في جامعة …، الأميركي، بالعاصمة)? With one, a single word a comma
        closes may be one (المدرب تيتي، …)."""
        lex = self.lex
        if not (1 if one else 2) <= len(words) <= 4 or words[0].startswith(("ال", "وال", "لل")) or \
                words[0] in _RUN_STOPS or len(words) == 1 and (len(words[0]) < 3 or _nisba(words[0]) or
                                                               word_class(words[0], lex=lex) != "word"):
            return False
        if words[0] in lex.words.common_words and words[0] not in lex.given_names:
            return False
        return not any(_is_role(w, lex) or w in _demonyms(lex=lex) or w in _RUN_STOPS or w in ("في", "من", "و")
                       or w in lex.words.anonymous or w[:1] in "لب" and len(w) > 2 and _is_role(w[1:], lex)
                       for w in words)

    def _fuller_title(self, s: Statement, words: list[str]) -> Source | None:
        """A definite head alone (المتحدث، الناطقة) where the article wrote it in full before, one way only (المتحدث
        باسم القوات المسلحة …): that title, or the person it was given."""
        lex = self.lex
        if len(words) != 1 or not words[0].startswith("ال") or not _is_role(words[0], lex) or \
                norm(words[0]) in lex.words.anonymous or words[0] in lex.words.anonymous or \
                words[0] in lex.words.ranks or words[0] in lex.words.weak_ranks or \
                words[0] in lex.speaker_phrase["kin"] or words[0] in lex.speaker_phrase["name_title"]:
            return None  # (الشيخ، اللواء: a rank is a name's; الزوجة: kin)
        p, r = self.p, self.who.reader
        heads = {form[0] for form in _variants(tuple(words), lex)}
        found: dict[str, Source] = {}
        for stem in {norm(h) for h in heads}:
            for j in self.positions(stem):
                start = p.tokens[j].start
                if start >= s.start:
                    break
                key = p.tokens[j].key
                if "ال" not in key[:4] or j in p.cue_at or p.in_content(start):
                    continue  # (متحدث باسم الجيش: an unnamed source)
                ch = r.title(j, min(len(p.tokens), j + MAX_TITLE_RUN))
                if ch.last <= j:
                    continue  # the head alone again
                if ch.name_span is not None or ch.person is not None:
                    src, _ = self.who._title_source(ch)
                    if src.kind != "person":
                        continue
                elif self._bare_name([p.tokens[t].key for t in range(j + 1, ch.last + 1)], one=ch.last + 1 >= len(
                        p.tokens) or r.boundary(ch.last + 1)):
                    name = p.text[p.tokens[j + 1].start:p.tokens[ch.last].end]  # المدرب تيتي، الذي …
                    src = Source(name, name, None, "person")
                elif any(r.kind(t) in ("mention", "glued_mention", "name_context", "bare_body", "glued_noun") or
                         p.tokens[t].key in lex.speaker_phrase["title_link"] for t in range(j + 1, ch.last + 1)):
                    # (whose spokesman: a body; not الزوجة في الدعوى)
                    text = p.text[start:p.tokens[ch.last].end].strip(" ،,")
                    if key[:1] in "وف":
                        text = text[1:]
                    if key.startswith(("لل", "ولل", "فلل")):
                        text = "ال" + text[text.index("لل") + 2:]
                    src = Source(text, text, None, "title")
                else:
                    continue
                found[name_key(src.speaker_ar or "", lex=lex)] = src
        return next(iter(found.values())) if len(found) == 1 else None

    def _described_before(self, s: Statement, words: list[str]) -> Source | None:
        """A definite title and a nationality (المسؤول اليمني، الجنرال الأميركي، المدرب الهولندي): an anaphor of
        the last person the text named before the statement's sentence, in its paragraph or the one before; not a head of
        state or a king's title, which name an office of its own (الرئيس الروسي)."""
        if len(words) > 3 or norm(words[0]) in _OFFICE_HEADS:
            return None
        p = self.p
        sent = p.sentence_start(s.start)  # (before the statement's sentence: its speaker phrase may name others)
        since = p.paragraphs_back(sent, 1)
        cand = self.who._last_person_named(sent)
        best = (cand.at, cand.source) if cand is not None and cand.at >= since else None
        titled = self._last_titled_name(since, sent)  # وزير حقوق الإنسان عز الدين الاصبحي: a name no list knows
        if titled is not None and (best is None or titled[0] > best[0]):
            best = titled
        if best is None:
            return None
        nationality = {w.rstrip("ه") for w in words[1:] if w in _demonyms(lex=self.lex)}
        near = {w.rstrip("ه") for w in fold(p.text[max(0, best[0] - 80):best[0]]).split() if w in _demonyms(lex=self.lex)}
        if near and not near & nationality:
            return None  # قال الوزير المصري X … وقال المسؤول السوداني: someone else
        src = best[1]
        if (words[0].endswith("ه") and src.gender != "f") or (not words[0].endswith("ه") and src.gender == "f"):
            return None  # وأضافت الخبيرة الأميركية after a man named: someone else
        if not src.speaker_ar or len(src.speaker_ar.split()) < 2 or _title_like(src.speaker_ar, "person", False,
                                                                                 self.lex):
            return None  # (a one-word name may be a namesake's short form; a title is no name)
        return src

    def _last_titled_name(self, since: int, before: int) -> tuple[int, Source] | None:
        """The last title given a name between two offsets (وزير حقوق الإنسان عز الدين الاصبحي): where the name
        stands and its Source."""
        p, r = self.p, self.who.reader
        a, b = p.token_after(since), p.token_after(before)
        for j in range(b - 1, a - 1, -1):
            if b - j > 80:
                break  # (a bounded look back)
            if r.kind(j) != "role" or p.in_content(p.tokens[j].start):
                continue
            ch = r.title(j, min(len(p.tokens), j + 14))
            if ch.last >= b:
                continue
            if ch.name_span is not None or ch.person is not None:
                src, _ = self.who._title_source(ch)
                if src.kind == "person":
                    at = p.tokens[ch.name_span[0]].start if ch.name_span is not None else ch.person.start
                    return at, src
            elif ch.last + 1 < b and not r.boundary(ch.last + 1):
                named = self.name_at(ch.last + 1)  # a given name and the words of the name after the title
                if named is not None and named[1] < b:
                    return p.tokens[ch.last + 1].start, named[0]
        return None

    # ---- bodies

    def body_for(self, s: Statement) -> Source | None:
        """The one body of this kind the article names in full (الشركة المتخصصة → شركة «زيمبيريوم»); once per
        name."""
        key = tuple(_written_words(s))
        if key not in self._bodies:
            self._bodies[key] = self._read_body(list(key))
        return self._bodies[key]

    def _read_body(self, words: list[str]) -> Source | None:
        p, lex = self.p, self.lex
        head = norm(words[0])
        rest = [norm(w) for w in words[1:]]
        described = words[0].startswith("ال")  # الشركة المتخصصة: a description; هيئة القناة: a short name
        names: dict[str, Source] = {}

        def consider(src: Source | None) -> None:
            if src is None or not src.speaker_ar:
                return
            written = _words_of(src.speaker_ar)
            if not written or norm(written[0]) != head or len(written) < 2:
                return
            full = [norm(w) for w in written]
            if full == [head] + rest or "ال" in full:
                return
            if not described and not set(rest) <= set(full[1:]):
                return  # اتحاد الحقوقيين: the fuller name holds the short one's words
            last = written[-1]
            if len(full) > len(words) and _nisba(last) and last not in _demonyms(lex=lex) and norm(last) not in rest:
                return  # موقع وزارة الحج والعمرة الإلكتروني: the adjective of another noun ran on
            if any(_nisba(w) and norm(w) not in full for w in words[1:]):
                return  # البنك المركزي is not البنك الدولي (a participle may describe: الشركة المتخصصة)
            names[" ".join(full)] = src

        for m in p.actor_mentions:
            first = _words_of(m.surface)[:1]
            if first and norm(first[0]) == head and p.entity(m).kind not in ("person", "state", "place"):
                consider(source_of(p.entity(m), m.surface, lex=lex))
        for o in self.bodies:
            consider(Source(o.speaker, o.speaker_ar, o.speaker_id, o.speaker_kind or "organization"))
        read = 0
        for j in self.positions(head):
            if p.in_content(p.tokens[j].start):
                continue
            if p.tokens[j].key.startswith(("ال", "وال", "بال", "لل")):
                if described and self._genitive_after(j, [head] + rest):
                    consider(self._genitive_body(j, len(words)))  # الأمانة العامة لمهرجان الربيع
                continue
            consider(self._longer_body(j, len(words)))
            read += 1
            if read >= 6:
                break  # (a kind the article names often: its first names are enough)
        # of names that extend one another (هيئة قناة، هيئة قناة بنما) the longest is the name
        keys = [k for k in names if not any(o != k and o.startswith(k + " ") for o in names)]
        return names[keys[0]] if len(keys) == 1 else None

    def _genitive_after(self, j: int, short: list[str]) -> bool:
        """Do the short form's words stand at token j, then a noun under ل that names whose body it is
        (الأمانة العامة لمهرجان الربيع for الأمانة العامة)?"""
        p, n = self.p, len(short)
        if j + n >= len(p.tokens) or self.who.reader.boundary(j + n):
            return False
        nxt = p.tokens[j + n].key
        return [norm(p.tokens[j + t].key) for t in range(n)] == short and nxt[:1] == "ل" and not nxt.startswith("لل") \
            and len(nxt) > 3 and not any(self.who.reader.boundary(j + t) for t in range(1, n))

    def _genitive_body(self, j: int, n: int) -> Source:
        """The body named at token j: its short form's n words, the noun under ل, one genitive word after it and
        the adjectives that follow (الأمانة العامة لمجلس التعاون الخليجي; not the verb's object after them)."""
        p, r = self.p, self.who.reader
        k = j + n + 1  # past the noun under ل
        if k < len(p.tokens) and not r.boundary(k) and p.tokens[k].key[:1] not in "يت" and k not in p.cue_at:
            k += 1
            while k < len(p.tokens) and not r.boundary(k) and _nisba(p.tokens[k].key) and k - j < 8:
                k += 1
        written = p.text[p.tokens[j].start:p.tokens[k - 1].end].strip("«»\"“”")
        if written[:1] in "وف" and written[1:3] == "ال":
            written = written[1:]
        return Source(written, written, None, "organization")

    def _longer_body(self, j: int, short: int) -> Source | None:
        """The body named at token j, with a place or a demonym the name runs on into (هيئة قناة بنما): a quoted
        name, or one whose words past the short form's are adjectives (not شرطة الولاية تحقق: a verb)."""
        p, r = self.p, self.who.reader
        stem = norm(p.tokens[j].key)
        src = self.who._body_at(j, None, "ال" + stem, stem)
        if src is None or not src.speaker_ar:
            return src
        if not any(c in src.speaker_ar for c in "«\"“"):
            extra = fold(src.speaker_ar).split()[max(short, 1):]
            if any(w not in _demonyms(lex=self.lex) for w in extra):  # (not موقع الوزارة الإلكتروني)
                src = None if len(fold(src.speaker_ar).split()) > short else src
        if src is None:
            return None
        last = p.token_at(p.text.find(src.speaker_ar, p.tokens[j].start) + len(src.speaker_ar) - 1)
        k = last + 1
        extra = 0
        places = self.place_starts()
        while k < len(p.tokens) and extra < 2 and not r.boundary(k):
            end = places.get(p.tokens[k].start) or (p.mention_in(k).end if p.mention_in(k) is not None and
                                                     p.entity(p.mention_in(k)).kind == "state" else None)
            if end is not None or p.tokens[k].key in _demonyms(lex=self.lex):
                k, extra = (p.token_after(end) if end is not None else k + 1), extra + 1
                continue
            break
        if extra:
            written = p.text[p.tokens[j].start:p.tokens[k - 1].end]
            return Source(written, written, None, src.kind, src.gender)
        return src


@lru_cache(maxsize=8192)
def _variants(words: tuple[str, ...], lex: Lexicons) -> tuple[tuple[str, ...], ...]:
    """A title as written and under its other head when two heads are one title (المتحدثه باسم … = الناطقه
    باسم …, speaker_phrase.tsv spokesman)."""
    if not words or norm(words[0]) not in lex.speaker_phrase["spokesman"] and words[0] not in \
            lex.speaker_phrase["spokesman"]:
        return (words,)
    head = words[0]
    other = head.replace("متحدث", "ناطق") if "متحدث" in head else head.replace("ناطق", "متحدث")
    return (words, (other,) + words[1:]) if other != head else (words,)


def resolve_generic(statements: list[Statement], p: Passage, who: Speakers) -> None:
    """Give a title, a description or a body's short form that spoke the person or body the article names for
    it, where one candidate fits (in place; canonical_sources then keys the speaker)."""
    lex = p.lex
    titles = [s for s in statements if _generic_title(s, lex)]
    bodies = [s for s in statements if _generic_body(s, lex)]
    if not titles and not bodies:
        return
    art = _Article(p, who, statements)
    for s in titles:
        src = art.person_for(s, statements)
        if src is not None:
            kind = "title" if src.kind == "title" else "person"  # (a fuller title: المتحدث باسم الجيش)
            s.speaker, s.speaker_ar, s.speaker_id, s.speaker_kind = src.speaker, src.speaker_ar, src.speaker_id, kind
    for s in bodies:
        if s.speaker_kind == "person":
            continue
        src = art.body_for(s)
        if src is not None:
            kind = src.kind if src.kind in ("organization", "media", "government") else "organization"
            s.speaker, s.speaker_ar, s.speaker_id, s.speaker_kind = src.speaker, src.speaker_ar, src.speaker_id, kind


def fill_missing(statements: list[Statement], p: Passage, who: Speakers) -> None:
    """A reporting verb or participle left without a speaker: the one person its own sentence names before it,
    when their gender fits (وفي حين قدم زوجها فيصل العمراني شكره …، مبينًا; لم يتسن للمتحدثة … هيذر ناورت
    تأكيد …، وقالت), in place."""
    missing = [s for s in statements if s.cue and not s.speaker and not s.speaker_ar and
               s.speaker_kind in (None, "unknown")]
    if not missing:
        return
    r, lex = who.reader, p.lex
    for s in missing:
        key = fold(s.cue)
        cue = None
        for c in p.cues:
            if c.start >= s.start:
                break
            if fold(c.form) == key:
                cue = c
        if cue is None or cue.kind not in ("verb", "participle") or p.in_content(cue.start):
            continue
        gender = cue_gender(cue, lex=lex)
        if gender == "pl":
            continue
        begin = p.sentence_start(cue.start)
        people: dict[str, tuple] = {}
        for m in p.actor_mentions:
            if m.start >= cue.start:
                break
            if m.start < begin or p.in_content(m.start) or p.quote_holding(m.start) is not None:
                continue
            ent = p.entity(m)
            i = p.token_at(m.start)
            if ent.kind == "person" and not who._not_a_name(m.surface) and not _governed(p, r, i):
                people.setdefault(ent.entity_id, (m, i))
        if len(people) != 1:
            continue
        m, i = next(iter(people.values()))
        # the title before the name says a woman (المتحدثة) or not; a verb of the other gender is someone else's
        title = fold(p.text[p.tokens[max(0, i - 6)].start:m.start]).split()
        roles = [w for w in title if _is_role(w, lex) or w[:1] in "لب" and _is_role(w[1:], lex)]
        said_f = bool(roles) and roles[-1].endswith("ه")
        if gender == "f" and not said_f or gender == "m" and said_f:
            continue
        src = who._person(m, i)
        s.speaker, s.speaker_ar, s.speaker_id, s.speaker_kind = src.speaker, src.speaker_ar, src.speaker_id, "person"


def _statement_gender(s: Statement, p: Passage) -> str:
    """m, f or pl as the statement's reporting verb says of its speaker ("" without a verb or participle)."""
    if not s.cue:
        return ""
    key, cue = fold(s.cue), None
    for c in p.cues:
        if c.start >= s.start:
            break
        if key == fold(c.form) or key[1:] == fold(c.form) and key[:1] in "وف":
            cue = c  # (the statement keeps the verb's conjunction: وقالت)
    return cue_gender(cue, lex=p.lex) if cue is not None else ""


def _governed(p: Passage, r, i: int) -> bool:
    """Is the name at token i under a preposition or inside a body's name (شكره للأمير متعب، حزب ميركل), so
    that it cannot be the subject?"""
    if p.mention_in(i) is not None and p.mention_in(i).start > p.tokens[i].start:
        return True  # a preposition written onto the name (لميركل)
    j = i - 1
    while j >= max(0, i - 5) and not r.boundary(j + 1):
        key = p.tokens[j].key
        if key[:1] in "لب" and not _is_role(key, p.lex) and (
                _is_role(key[1:], p.lex) or key.startswith(("لل", "بال")) and _is_role("ال" + key[2 + (key[0] == "ب"):], p.lex)):
            return True  # للأمير، لوزير الحرس الوطني الأمير …: the title under its preposition
        if _is_role(key, p.lex) and not key.startswith("ال"):
            break  # وزير …: the title begins here, under no preposition
        j -= 1
    j = i - 1
    while j >= 0 and not r.boundary(j + 1) and _is_role(p.tokens[j].key, p.lex):
        j -= 1
    if j < 0 or r.boundary(j + 1):
        return False
    key = p.tokens[j].key
    return r.kind(j) in ("prep", "glued_noun", "prepositional") or norm(key) in p.lex.words.name_contexts \
        or key.startswith("لل") or key[:1] in "لب" and _is_role(key[1:], p.lex)


# a document's own words before its issuer (التقرير الصادر عن بنك الكويت الوطني، بيان صادر من الوزارة), folded
_ISSUED = frozenset({"الصادر", "صادر", "الصادره", "صادره"})
_ISSUED_BY = frozenset({"عن", "من"})


def resolve_documents(statements: list[Statement], p: Passage, who: Speakers) -> None:
    """A document that spoke by its kind alone (البيان، التقرير، الدراسة) takes the one who issued the last such
    document the article names: the body after «الصادر عن» (التقرير الصادر عن بنك الكويت الوطني), or the speaker
    of a statement made in it (وقال المركز في تقرير … ومضى التقرير), in place."""
    docs = [s for s in statements if not s.speaker_id and s.speaker_ar and _bare_document(s.speaker_ar, p.lex)]
    if not docs:
        return
    art = None
    for s in docs:
        stem = fold(s.speaker_ar)[2:]
        art = art or _Article(p, who, statements)
        src = _issuer(s, stem, statements, p, who, art)
        if src is not None:
            s.speaker, s.speaker_ar, s.speaker_id, s.speaker_kind = src.speaker, src.speaker_ar, src.speaker_id, \
                src.kind if src.kind in ("person", "organization", "media", "government", "state", "title") \
                else "organization"


def _bare_document(name: str, lex: Lexicons) -> bool:
    words = fold(name).split()
    return len(words) == 1 and words[0] in lex.speaker_phrase["bare_document"] and words[0][2:] in lex.words.documents


def _issuer(s: Statement, stem: str, statements: list[Statement], p: Passage, who: Speakers,
            art: "_Article") -> Source | None:
    r = who.reader
    before = [j for j in art.positions(stem) if p.tokens[j].start < s.start]
    for j in reversed(before[-6:]):
        at = p.tokens[j].start
        if p.in_content(at) and not any(o.start <= at < o.end and o is s for o in statements):
            continue
        if j > 0 and not r.boundary(j) and j - 1 not in p.cue_at and r.kind(j - 1) in ("role", "word", "mention"):
            continue  # قائدة فريق البحث: the word inside another noun phrase, no document named
        # التقرير الصادر عن بنك الكويت الوطني
        k = j + 1
        while k < min(len(p.tokens), j + 4) and p.tokens[k].key not in _ISSUED and not r.boundary(k):
            k += 1
        if k + 2 < len(p.tokens) and p.tokens[k].key in _ISSUED and p.tokens[k + 1].key in _ISSUED_BY:
            m = p.mention_in(k + 2)
            if m is not None and p.entity(m).kind != "person":
                return source_of(p.entity(m), m.surface, lex=p.lex)
            head = norm(p.tokens[k + 2].key)
            body = who._body_at(k + 2, None, "ال" + head, head) if head in p.lex.words.name_contexts else None
            if body is not None:
                return body  # (الصادرة عن نفس الجهة: no body's name)
        # وقال المركز في تقرير …: the speaker of the statement made in that document
        sent = p.sentence_start(at)
        for o in statements:
            if o is s or not o.speaker_ar or o.speaker_kind in (None, "unknown", "anonymous", "document"):
                continue
            named = art.namelike(o) if o.speaker_kind in _PERSON_KINDS else len(o.speaker_ar.split()) > 1 or bool(
                o.speaker_id and ":" not in o.speaker_id)  # (a body of one word no list knows: نفس)
            if named and p.sentence_start(o.start) == sent and at < o.start < at + 150 and \
                    not _bare_document(o.speaker_ar, p.lex) and not _generic_body(o, p.lex) and not (
                        _generic_title(o, p.lex) and len(o.speaker_ar.split()) < 3):  # (المتحدث العسكري باسم الجيش)
                return Source(o.speaker, o.speaker_ar, o.speaker_id, o.speaker_kind or "organization")
        if not r.definite(j):
            return None  # تقرير اقتصادي: another document, whose issuer the article does not give
    return None
