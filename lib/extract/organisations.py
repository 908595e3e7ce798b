"""Organisations, outlets and teams no lexicon lists, found by the word that opens their name (حزب، شركة، صحيفة،
نادي، منتخب), and institutions named after a person (مركز الملك سلمان), which are not that person."""
from __future__ import annotations

from functools import lru_cache
from operator import itemgetter

from lib.extract.lookup import Found, Hit, entity_index, index_keys, known_at, lookup
from lib.extract.people import TITLE_NAME_RANK, given_names, is_common, name_run, name_words, regnal_ordinal
from lib.extract.places import countries_by_code
from lib.lexicons import Lexicons
from lib.records import Entity
from lib.text.normalize import fold
from lib.text.tokens import Token, clitic_keys, gap_is_space

_QUOTES = "\"«“'"
_CLOSE = {"\"": "\"", "«": "»", "“": "”", "'": "'"}
MAX_ORG_WORDS = 4
# Titles that open the name of a person something is named after (مركز الملك سلمان، طريق الأمير محمد)
# Words that modify the title before an organisation, not the organisation (وكيل الوزارة المساعد).
_TITLE_MODIFIERS = frozenset({"المساعد", "المساعده", "المكلف", "المكلفه"})
_EPONYM_RANKS = frozenset({"الملك", "الامير", "الشيخ", "السلطان", "الامام", "الرييس"})


def head_of(key: str, table) -> str | None:
    """The reading of a word (without و، ب، ل …) that is in table, or None."""
    return next((k for k in clitic_keys(key) if k in table), None)


def sports_article(tokens: list[Token], *, lex: Lexicons) -> bool:
    """Is this a sports text: at least 3 sports words, 2 of them different (مباراة، الدوري، المنتخب، لكرة …)?"""
    base = _sports_forms(lex)
    keys = list(map(itemgetter(2), tokens))  # Token.key
    if sum(map(base.__contains__, keys)) < 3:
        return False
    return len({base[k] for k in base.keys() & set(keys)}) >= 2


@lru_cache(maxsize=4)
def _sports_forms(lex: Lexicons) -> dict[str, str]:
    """Each sports word and its forms with و، ب، ل before it (لكرة، بالدوري) → the word."""
    out = {w: w for w in lex.words.sports_words}
    for w in lex.words.sports_words:
        for p in "لبو":
            out.setdefault(p + w, w)
    return out


def national_team(country: Entity, *, lex: Lexicons) -> Entity:
    """The national team of a country (منتخب مصر), from teams.tsv when it lists one (with its nicknames)."""
    tid = "team:national-" + (country.country or country.entity_id).lower()
    known = entity_index(lex=lex).by_id.get(tid)
    if known is not None:
        return known
    return Entity(tid, "actor", f"{country.name} national team", f"منتخب {country.name_ar}", "team",
                  country=country.country, aliases=(f"{country.name} national team", country.name))


def national_team_at(tokens: list[Token], i: int, text: str, found: Found, *, lex: Lexicons) -> int:
    """منتخب مصر، المنتخب المصري: a national team; tokens used, or 0."""
    if head_of(tokens[i].key, ("منتخب", "المنتخب")) is None or i + 1 >= len(tokens) \
            or not gap_is_space(text, tokens[i].end, tokens[i + 1].start):
        return 0
    k = i + 1
    code = lex.demonyms.get(tokens[k].key)
    n = 1
    if code is None:
        n, ents, _, _ = lookup(tokens, k, text, lex=lex)
        country = next((e for e in ents if e.entity_type == "place" and e.kind == "country"), None)
        if country is None:
            return 0
        code = country.country
    country = countries_by_code(lex=lex).get(code)
    if country is None:
        return 0
    team = national_team(country, lex=lex)
    found.entities.setdefault(team.entity_id, team)
    start = tokens[i].start + (1 if tokens[i].key[0] in "وفبل" and tokens[i].key[1:] in ("منتخب", "المنتخب") else 0)
    found.hits.append(Hit(i, k + n, start, tokens[k + n - 1].end, [team], "team"))
    return 1 + n


def _quoted(tokens: list[Token], k: int, text: str, after: int) -> int:
    """Tokens of a short quoted name that opens right after character `after` (صحيفة "التايمز"), or 0."""
    gap = text[after:tokens[k].start].strip()
    if len(gap) != 1 or gap not in _QUOTES:
        return 0
    close = text.find(_CLOSE[gap], tokens[k].start, tokens[k].start + 60)
    if close < 0:
        return 0
    n = 0
    while k + n < len(tokens) and tokens[k + n].end <= close:
        n += 1
    return n if 1 <= n <= MAX_ORG_WORDS else 0


def org_at(tokens: list[Token], i: int, text: str, found: Found, *, lex: Lexicons) -> int:
    """An organisation, outlet or club named after its head word (حزب العمال، شركة سيمنز، صحيفة "التايمز"،
    نادي أندرلخت). Returns the tokens used (the head's alone when a known name follows), or 0."""
    head = head_of(tokens[i].key, lex.org_heads)
    if head is None:
        return _definite_head_org(tokens, i, text, found, lex=lex)
    if i + 1 >= len(tokens):
        return 0
    kind, in_name = lex.org_heads[head]
    k = i + 1
    # a quoted name after an outlet, company or club word (صحيفة "التايمز"); after معهد، حزب … the quote is
    # often a study's or a slogan's title
    quoted = 0 if in_name else _quoted(tokens, k, text, tokens[i].end)
    if not quoted and not gap_is_space(text, tokens[i].end, tokens[k].start):
        return 0
    if head in _PLACE_NAMED_ONLY and not known_at(tokens, k, text, lex=lex):
        return 0  # أسمنت حائل، أسمنت اليمامة name firms; أسمنت مقاوم is a kind of cement
    if not quoted and known_at(tokens, k, text, lex=lex):
        if kind == "team":
            found.team_head_until = k + 1  # نادي الهلال: a club in any article
        if in_name:
            return _place_named_org(tokens, i, k, head, kind, text, found, lex=lex)  # جامعة دمشق، بنك قطر الوطني
        return 1  # the lexicon knows the name that follows; let it match
    if quoted:
        n = quoted
        m, ents, _, _ = lookup(tokens, k, text, lex=lex)
        known = next((e for e in ents if e.entity_type == "actor"), None) if m == n else None
        if known is not None:  # وكالة «رويترز»: the lexicon's Reuters, not a second one under org:رويترز
            found.hits.append(Hit(k, k + n, tokens[k].start, tokens[k + n - 1].end, [known], "org"))
            return 1 + n
    elif in_name:
        n = _definite_run(tokens, k, text, lex=lex) or _proper_run(tokens, k, text, found, lex=lex)
        if n and n < 3 and k + n < len(tokens) and kind != "government" \
                and lex.common_rank.get(tokens[k + n].key, TITLE_NAME_RANK) >= TITLE_NAME_RANK:
            n += _quoted(tokens, k + n, text, tokens[k + n - 1].end)  # معهد الدراسات "أودوكسا": its name follows
    else:
        if head == "فريق" and tokens[i].key != "فريق":
            return 0  # الفريق is a rank, بفريق … a team of something
        if head.endswith("ات") and tokens[k].key.startswith("ال"):
            return 0  # شركات البتروكيماويات: firms of a sector (a plural head and a definite noun), no one's name
        if is_common(tokens[k].key, lex) or tokens[k].key in lex.given_names or len(tokens[k].key) < 3 \
                or tokens[k].key in lex.demonyms or _indefinite_adjective(tokens[k].key):
            return 0  # شركة سعودية، فرقة إسعافية: a kind of firm or team, no name
        # foreign company names are frequent words too (شركة بلتون كابيتال)
        n = name_run(tokens, k, text, lex.words.stopwords, 3, found, lex=lex, common_limit=TITLE_NAME_RANK)
    if not n:
        return 0
    # the head word is part of the name after حزب، وزارة (in_name) and, as the press writes companies, after
    # شركة (شركة سيريكا إنرجي); an outlet or a club is named without it (صحيفة "التايمز" → التايمز)
    with_head = (in_name or kind == "organization") and not quoted
    start = tokens[i].start + len(tokens[i].key) - len(head) if with_head else tokens[k].start
    end = tokens[k + n - 1].end
    name_ar = unquoted(text[start:end]).strip("' ")  # معهد "أودوكسا": no quote marks
    if not name_ar:
        return 0
    prefix = "team:" if kind == "team" else "org:"
    eid = org_id(name_ar, prefix)
    ent = found.entities.get(eid) or Entity(eid, "actor", name_ar, name_ar, kind)
    found.entities.setdefault(ent.entity_id, ent)
    found.hits.append(Hit(i if with_head else k, k + n, start, end, [ent], "org"))
    return 1 + n


_QUOTE_MARKS = str.maketrans(dict.fromkeys('«»"“”', " "))


def unquoted(name: str) -> str:
    """A body's name as written without its quote marks (وكالة "أسوشيتد برس" → وكالة أسوشيتد برس)."""
    return " ".join(name.translate(_QUOTE_MARKS).split())


def org_id(name_ar: str, prefix: str = "org:") -> str:
    """The key of a body no lexicon lists (a club's under team:): its folded name, one key across the archive."""
    return prefix + fold(name_ar).replace(" ", "_")

# Heads of firms named after their product and a place (أسمنت حائل، إسمنت الشرقية): a name only when a known
# place follows, since the product word is an everyday noun too.
_PLACE_NAMED_ONLY = frozenset({"اسمنت"})


def _indefinite_adjective(key: str) -> bool:
    """إسعافية، سعودية، محلية: an indefinite feminine nisba (it says what kind, it names nothing)."""
    return len(key) >= 5 and key.endswith("يه") and not key.startswith("ال")


def _proper_run(tokens: list[Token], k: int, text: str, found: Found, *, lex: Lexicons) -> int:
    """جامعة كامبريدج، حزب كاديما، جامعة ريكو اليابانية: after a head that is part of the name, a word that is no
    everyday word (a foreign or proper name, one or two words) and the definite adjectives after it."""
    key = tokens[k].key
    if lex.common_rank.get(key, TITLE_NAME_RANK) < TITLE_NAME_RANK or key.startswith(("ال", "لل", "وال", "بال")) \
            or key[0] in "وف" and is_common(key, lex) or key in lex.given_names or len(key) < 3 or key in lex.demonyms \
            or key[0] not in _ARABIC or key in lex.words.stopwords or key.startswith("اا") \
            or key[0] in "بلك" and key[1:] in lex.common_rank or "ـ" in text[tokens[k].start:tokens[k].end]:
        return 0  # محكمة لتعزيزات: a preposition on a word; حزب االـ: a broken word
    if len(key) >= 6 and key[0] == "م" and key.endswith("ين") and key not in lex.given_names:
        return 0  # هيئة محلفين، لجنة مختصين: an indefinite plural participle says what kind, it names nothing
    n = name_run(tokens, k, text, lex.words.stopwords, 2, found, lex=lex, common_limit=TITLE_NAME_RANK)
    if n and k + n < len(tokens) and gap_is_space(text, tokens[k + n - 1].end, tokens[k + n].start):
        n += _definite_run(tokens, k + n, text, lex=lex, after_name=True)
    return n


_ARABIC = frozenset("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئة")


def _place_named_org(tokens: list[Token], i: int, k: int, head: str, kind: str, text: str, found: Found, *,
                     lex: Lexicons) -> int:
    """جامعة دمشق، اتحاد أمريكا الجنوبية لكرة القدم: an institution named after a known place is recorded whole;
    returns the tokens it used from i, or 1 when what follows is no place. The place inside the name is no
    mention of a location (a ranking's جامعة ملبورن says nothing of where the news is), for a university as for
    a federation or a bank."""
    m, ents, skip, _ = lookup(tokens, k, text, lex=lex)
    if not m or skip or not all(e.entity_type == "place" or e.kind == "state" for e in ents):
        return 1
    j = k + m
    if j < len(tokens) and gap_is_space(text, tokens[j - 1].end, tokens[j].start):
        run = _definite_run(tokens, j, text, lex=lex, after_name=True)  # (معهد كاليفورنيا للتكنولوجيا)
        words = lex.words
        # بجامعة القاهرة الدكتور أمين عامر: a title after the name opens the person's, it is no part of it (the
        # run's first word too: the definite run stops at a title only after its first)
        j += 0 if run and ((key := tokens[j].key) in words.ranks or key in words.weak_ranks
                           or key in words.person_titles) else run
    _record_org(tokens, i, j, head, kind, text, found)
    return j - i


def _record_org(tokens: list[Token], i: int, j: int, head: str, kind: str, text: str, found: Found) -> None:
    """Record an organisation whose name runs from its head word at i (without proclitics) to token j."""
    start = tokens[i].start + len(tokens[i].key) - len(head)
    end = tokens[j - 1].end
    name_ar = text[start:end]
    if head.startswith("ال") and tokens[i].key.startswith("لل") and len(tokens[i].key) == len(head):
        start += 2  # للاتحاد الروسي: ل on ال drops its alif; the name is الاتحاد الروسي, the words اتحاد الروسي
        name_ar = "ال" + text[start:end]
    eid = org_id(name_ar)
    ent = found.entities.get(eid) or Entity(eid, "actor", name_ar, name_ar, kind)
    found.entities.setdefault(eid, ent)
    found.hits.append(Hit(i, j, start, end, [ent], "org"))


# Adjectives in -ي after a definite head that say when or which, not what body (الحزب الحاكم، المجلس الحالي).
_NO_NAME_ADJECTIVES = frozenset({"الحالي", "الثاني", "الماضي", "التالي", "الحقيقي", "الرييسي", "المحلي",
                                 "الاساسي", "الفعلي", "النهايي", "الاولي", "الحكومي", "الخاص", "العادي"})


# Definite heads that, with a nisba, name one body (البنك الدولي، الحزب الديمقراطي); not المؤسسة، الهيئة،
# التيار, which with one name a kind (المؤسسة الدينية، التيار الأصولي), nor المنظمة، الجامعة, which with
# الدولية، العربية mostly stand for a body named before.
_DEFINITE_HEADS = frozenset({"بنك", "مصرف", "اتحاد", "حزب", "معهد"})


def _definite_head_org(tokens: list[Token], i: int, text: str, found: Found, *, lex: Lexicons) -> int:
    """البنك الآسيوي للتنمية، المنظمة الدولية، الحزب الديمقراطي: a definite head that is part of a name, then a
    nisba adjective (not الحالي، المحلي) and what else names it. Returns the tokens used, or 0."""
    head = next((k[2:] for k in clitic_keys(tokens[i].key) if k[2:] in _DEFINITE_HEADS and k.startswith("ال")
                 and k[2:] in lex.org_heads), None)
    k = i + 1
    if head is None or k >= len(tokens) or not gap_is_space(text, tokens[i].end, tokens[k].start):
        return 0
    key = tokens[k].key
    # the adjective agrees with the head (الحزب الديمقراطي، المنظمة الدولية); قدرات الحزب العسكرية does not
    if not (key.startswith("ال") and key.endswith("يه" if head.endswith("ه") else "ي")) \
            or key in _NO_NAME_ADJECTIVES or key in lex.words.stopwords:
        return 0
    n = _definite_run(tokens, k, text, lex=lex)
    n = next((m for m in range(1, n) if tokens[k + m].key[0] == "و"), n)  # الاتحاد القاري والفيفا: two bodies
    if not n or n == 1 and key in lex.demonyms and k + 1 < len(tokens) and tokens[k + 1].key in lex.given_names:
        return 0  # لاعب وسط الاتحاد العماني أحمد حديد: the nisba describes the player who follows
    m = k + n
    if head == "اتحاد" and m + 1 < len(tokens) and tokens[m].key == "لكره" and tokens[m + 1].key.startswith("ال") \
            and gap_is_space(text, tokens[m - 1].end, tokens[m].start) \
            and gap_is_space(text, tokens[m].end, tokens[m + 1].start):
        n += 2  # الاتحاد السعودي لكرة القدم: the sport is part of the federation's name (الاتحاد الروسي alone is a state)
    _record_org(tokens, i, k + n, "ال" + head, lex.org_heads[head][0], text, found)
    return 1 + n


def _definite_run(tokens: list[Token], k: int, text: str, *, lex: Lexicons, after_name: bool = False) -> int:
    """Definite words that go on an organisation's name after its head (حزب العمال البريطاني، وزارة الصحة);
    after_name: a proper name stands before k, so لل opens the run too (معهد ماساتشوستس للتكنولوجيا)."""
    n = 0
    stop = lex.words.stopwords
    while n < MAX_ORG_WORDS and k + n < len(tokens):
        tok = tokens[k + n]
        if n and not gap_is_space(text, tokens[k + n - 1].end, tok.start):
            break
        key = tok.key
        prev = tokens[k + n - 1].key if n else ""
        definite = key.startswith("ال") or ((n or after_name) and key.startswith(("لل", "وال")) and len(key) > 4
                                           and not (not n and key.startswith("وال"))) or (
            key[0] == "ل" and len(key) > 4 and k + n + 1 < len(tokens) and tokens[k + n + 1].key.startswith("ال")
            and key[1:] in lex.common_rank)  # معهد ستوكهولم لدراسات السلام الدولية: ل and a noun, then definite
        if not definite and prev.startswith("ال") and not prev.endswith(("ي", "يه", "ات", "ين", "ون")) \
                and key.startswith("بال") and len(key) > 5 and "ال" + key[3:] not in lex.place_cues \
                and not _place_word("ال" + key[3:], lex) and "ال" + key[3:] not in lex.speaker_phrase["time"] \
                and lex.common_rank.get(key, PREPOSITION_PHRASE_RANK) >= PREPOSITION_PHRASE_RANK \
                and not (k + n + 1 < len(tokens) and tokens[k + n + 1].key == "مع"):
            # (بالتعاون مع، بالإضافة، بالقرب: a phrase of the sentence, no part of the name)
            definite = True  # جمعية الرفق بالحيوان، هيئة الأمر بالمعروف: the object of the name's verbal noun
        if not definite or key in stop or key[0] in "وف" and key[1:] in stop \
                or key in lex.speech_cues or key in lex.words.not_places \
                or key in lex.words.name_breaks or key in _TITLE_MODIFIERS \
                or (not n and key.startswith("وال")):
            break
        if n and (key in lex.words.ranks or key in lex.words.weak_ranks or key in lex.words.person_titles):
            break  # رئيس هيئة الأركان العامة الفريق أول ركن …: a rank after a body's name opens its holder's
        if key.startswith("وال") and (key[3:] in lex.org_heads or key[3:] in lex.eponym_heads) \
                and k + n + 1 < len(tokens) and tokens[k + n + 1].key.startswith(("ال", "لل")) \
                and gap_is_space(text, tok.end, tokens[k + n + 1].start):
            break  # اتحاد الكرة والهيئة العامة للشباب: a second body with its own name (but هيئة الإذاعة
            # والتلفزيون: a head word alone after و is the name's second noun)
        if key.startswith("وال") and n and tokens[k + n - 1].key.endswith(("ي", "يه")) \
                and not key.endswith(("ي", "يه")):
            break  # حزب المؤتمر الوطني الهندي والحكومة: after an adjective a noun with و opens a second one
        if n and tokens[k + n - 1].key.endswith(("ي", "يه")) and not key.endswith(("ي", "يه")) \
                and not key.startswith(("وال", "لل")) and key not in _AFTER_ADJECTIVE:
            break  # وزارة الصحة والرعاية الاجتماعية التهوين: after an adjective only adjectives go on
        n += 1
    return n


# A word in بال this frequent is an adverbial phrase (بالتعاون 2,234th, بالنسبة، بالقرب), not a name's object.
PREPOSITION_PHRASE_RANK = 5_000


def _place_word(key: str, lex: Lexicons) -> bool:
    """Is the definite word a place the gazetteer knows (الرياض، الأحساء)?"""
    return any(e.entity_type == "place" for e in entity_index(lex=lex).forms.get((key,), ()))


# Definite words that may follow an adjective inside a name (الأمين العام، المجلس الوطني الأعلى).
_AFTER_ADJECTIVE = frozenset({"العام", "العامه", "الاعلي", "الكبري", "الموحد", "الموحده", "المستقل", "المستقله",
                              "الجديد", "الجديده", "الحر", "الحره", "المتحده", "المتحد", "العليا", "الاول"})


def eponym_at(tokens: list[Token], i: int, text: str, found: Found, *, lex: Lexicons) -> int:
    """مركز الملك سلمان للإغاثة، جامعة الملك سعود، طريق الأمير محمد بن فهد: a name inside the name of what is
    called after that person, who is not mentioned there. Returns the tokens used, or 0."""
    head = head_of(tokens[i].key, lex.eponym_heads)
    if head is None or i + 1 >= len(tokens) or not gap_is_space(text, tokens[i].end, tokens[i + 1].start):
        return 0
    k = i + 1
    if tokens[k].key == "د" and k + 1 < len(tokens) and text[tokens[k].end:tokens[k + 1].start].strip() == ".":
        k += 1  # مستشفيات د. سليمان الحبيب: the doctor's abbreviated title between
    nxt = tokens[k].key
    if not (index_keys(nxt, lex=lex)[0] or nxt in lex.given_names or nxt in _EPONYM_RANKS or nxt in lex.words.ranks):
        return 0  # most words after مدينة، مركز … open no person's name
    m = _person_extent(tokens, k, text, found, lex=lex,
                       titled=k > i + 1 or lex.eponym_heads[head] in ("competition", "place"))
    # دوري عبداللطيف جميل، مطار جون إف كينيدي، شارع محمد علي: a given name and a surname make the eponym
    if not m:
        return 0
    j = k + m
    # what the institution is for: للإغاثة والأعمال الإنسانية، للعلوم والتقنية، الاقتصادية
    while j < len(tokens) and j - (k + m) < 4 and gap_is_space(text, tokens[j - 1].end, tokens[j].start):
        key = tokens[j].key
        if key.startswith(("لل", "ول")) and len(key) > 4 or key.startswith(("وال",)) and j > k + m \
                or key.startswith("ال") and key.endswith(("يه", "ي")):
            j += 1
            continue
        break
    if lex.eponym_heads[head] == "organization":
        start = tokens[i].start + len(tokens[i].key) - len(head)
        end = tokens[j - 1].end
        name_ar = text[start:end]
        n, ents, _, _ = lookup(tokens, i, text, lex=lex)
        known = next((e for e in ents if e.entity_type == "actor" and e.kind != "person"), None) if n == j - i else None
        ent = known or Entity(org_id(name_ar), "actor", name_ar, name_ar, "organization")
        found.entities.setdefault(ent.entity_id, ent)  # the lexicon's when it lists the whole name (KSrelief)
        found.hits.append(Hit(i, j, start, end, [found.entities[ent.entity_id]], "org"))
    return j - i


def _person_extent(tokens: list[Token], k: int, text: str, found: Found, *, lex: Lexicons,
                   titled: bool = False) -> int:
    """How many tokens from k name a person (الملك سلمان، الأمير محمد بن فهد، زايد), without recording one;
    titled: a title stood before k (د. سليمان الحبيب), so a given name and surname are enough."""
    n, ents, skip, _ = lookup(tokens, k, text, lex=lex)
    if n and not skip and any(e.kind == "person" for e in ents):
        return n
    key = tokens[k].key
    r = 1 if key in lex.words.ranks or key in _EPONYM_RANKS else 0
    if k + r >= len(tokens):
        return 0
    if r and lookup(tokens, k + r, text, lex=lex)[0]:
        sub = lookup(tokens, k + r, text, lex=lex)
        return r + sub[0] if any(e.kind == "person" for e in sub[1]) else 0
    first = tokens[k + r]
    compound = k + r + 1 < len(tokens) and f"{first.key} {tokens[k + r + 1].key}" in lex.given_names
    if not compound and not given_names(lex).has(first.key, text[first.start:first.end]):
        return 0  # (عبد الله after الملك is one compound given name)
    regnal = 0 if r or compound else regnal_ordinal(tokens, k + 1, text)
    if regnal:
        return 1 + regnal  # مطار محمد الخامس، جامعة فؤاد الأول: a king's name
    if not r and not titled and k + 1 < len(tokens) and tokens[k + 1].key not in lex.function_words["name_link"]:
        return 0  # a bare given name after مركز is rarely an eponym (مركز محمد …): want الملك X or X بن Y
    return r + 1 + name_run(tokens, k + r + 1, text, name_words(lex).name_stop, 3, found, lex=lex)


def org_shaped(name: str, *, lex: Lexicons) -> bool:
    """Could a phrase the speaker logic took for a body be an organisation's or an outlet's name: a head word
    (وكالة، شركة، صحيفة …) and a name after it (صحيفة "ماركا"، منظمة حظر الأسلحة الكيميائية), not a kind of body
    (بنك بريطاني، شركة الأبحاث) or a phrase run on (صحيفة "الماركا" إن برشلونة)? By shape only."""
    if "#" in name:
        return False
    words = fold(unquoted(name)).split()
    head = head_of(words[0], lex.org_heads) if words else None
    if head is None or len(words) < 2:
        return False
    if len(words) > MAX_ORG_WORDS + 1 or any(w in lex.words.stopwords or w in lex.speech_cues for w in words[1:]):
        return False
    if any(a.startswith(("ال", "لل")) and not b.startswith(("ال", "لل", "وال")) and is_common(b, lex)
           for a, b in zip(words[1:], words[2:])):
        return False  # شركة هوندا اليابانية للسيارات ارتفاع: the sentence goes on after the name
    second = words[1]
    if _indefinite_adjective(second) or second in lex.demonyms or second.endswith("ي") and not second.startswith("ال") \
            and second in lex.common_rank:
        return False  # محكمة تركية، بنك بريطاني: what kind of court or bank, no name
    if any(q in name for q in _QUOTES):
        return True
    if lex.org_heads[head][1]:  # منظمة، هيئة … then nouns: not one everyday word alone (منظمة دولية)
        return len(words) > 2 or second.startswith("ال") or not is_common(second, lex)
    # after شركة، صحيفة … a name: no everyday word (شركة عامة، شركة الأبحاث، مجموعة متزايدة) but a rare one
    # that is no feminine adjective (شركة توتال: foreign names are words too)
    return not is_common(second, lex) or not second.endswith("ه") \
        and lex.common_rank.get(second, TITLE_NAME_RANK) >= TITLE_NAME_RANK
