"""Actor and place mentions: lexicon, team and gazetteer look-up through clitics, names no lexicon knows, and
the article-wide readings that decide what a name is here (a place needs evidence, a club is no city, a
coalition is the one of its theatre)."""
from __future__ import annotations

import re
import weakref
from bisect import bisect_left
from itertools import compress, repeat
from operator import attrgetter, is_not

from lib import lexicons
from lib.extract.identity import resolve_namesakes, resolve_surnames
from lib.extract.lookup import EntityIndex, Found, Hit, entity_index, index_keys, lookup
from lib.extract.organisations import eponym_at, head_of, national_team, national_team_at, org_at, sports_article
from lib.extract.people import (TITLE_NAME_RANK, add_new_person, definite_nisbas, demonym_person_at, given_names,
                                particle_name_at, person_at, remember_person, title_person_at)
from lib.extract.places import (adverb_use, confirm_places, demonym_use, local_evidence, locate_by_dateline,
                                locate_by_sentence, locative, needs_evidence, parent_after, unknown_place_at)
from lib.lexicons import Lexicons
from lib.records import Entity, Mention
from lib.text.normalize import fold
from lib.text.tokens import Token, clitic_keys, gap_is_space, tokenize

__all__ = ["Found", "find_entities", "entity_index"]

# Per loaded Lexicons: the word test of _word_flags (with its cache of answers).
_FLAGS: weakref.WeakKeyDictionary[Lexicons, object] = weakref.WeakKeyDictionary()
_ANSWERS: weakref.WeakKeyDictionary[Lexicons, dict[str, tuple[bool, ...]]] = weakref.WeakKeyDictionary()
# After these a country in a sports text is where a tournament is held (مونديال روسيا), not a team.
_HOSTING = frozenset({"مونديال", "كاس", "بطوله", "نهاييات", "اولمبياد", "دوري", "الدوري"})
# After these a place name is part of a competition's name (دوري أبطال أوروبا، كأس أمم أفريقيا); after the
# others a continent or region is (كأس آسيا، بطولة أوروبا): no place is meant.
_COMPETITION_OF = frozenset({"ابطال", "امم"})
# A country before these (within a few words) bids for or holds a tournament: the state (or its federation)
# acts, not its team (تقدم المغرب بملف لاستضافة كأس العالم، فازت روسيا بحق تنظيم المونديال).
_BIDDING = frozenset({"استضافه", "لاستضافه", "باستضافه", "تنظيم", "لتنظيم", "بتنظيم", "ملف", "بملف", "ملفها",
                      "ملفه", "الترشح", "للترشح", "ترشحها", "ترشيح"})
_BIDDING_WINDOW = 4
_COMPETITION = frozenset({"كاس", "بطوله", "دوري", "الدوري", "نهاييات", "تصفيات"})
# Right before a country these name its national cup, league, open or champion (كأس مصر، بطولة فرنسا المفتوحة،
# بطل فرنسا); where a tournament is held takes في or مونديال (كأس العالم في روسيا، مونديال روسيا).
_NATIONAL_COMPETITION = frozenset({"كاس", "بطوله", "بطولتا", "بطولات", "دوري", "بطل", "وبطل", "سباق", "طواف", "رالي",
                                   "جايزه"})  # سباق فرنسا للدراجات، جائزة البحرين الكبرى: a race's name
# Direction and age adjectives that follow a place's name (القدس الشرقية، الموصل القديمة): still the place.
_PLACE_ADJECTIVES = frozenset({"الشرقي", "الشرقيه", "الغربي", "الغربيه", "الشمالي", "الشماليه", "الجنوبي",
                               "الجنوبيه", "الجديد", "الجديده", "القديم", "القديمه", "الكبري", "الصغري"})


_OPENS_NOTHING = (False,) * 5  # the flags of most words
_SON_OF = frozenset({"ابن", "بن", "وابن", "لابن", "بابن"})
_TRIBE_OF = frozenset({"بني", "بنو", "وبني", "لبني", "ببني", "وبنو"})


def _word_flags(lex: Lexicons):
    """A cached test of what a word may open: a known form, a name, an unknown place, an organisation or
    eponym, a title (built once per loaded Lexicons)."""
    made = _FLAGS.get(lex)
    if made is None:
        made = _FLAGS[lex] = _make_flags(lex)
    return made


def _make_flags(lex: Lexicons):
    """The word test of _word_flags."""
    cache: dict[str, tuple[bool, ...]] = _ANSWERS.setdefault(lex, {})
    person_starts = frozenset(lex.given_names | lex.words.ranks | lex.words.weak_ranks | {"ابو", "ام"}
                              | {w for w in (n.split()[0] for n in lex.given_names if " " in n)
                                 if lex.common_rank.get(w, 10**9) >= 2_000})  # زين of زين العابدين
    title_firsts = frozenset(t.split()[0] for t in lex.words.person_titles)
    org_words = frozenset(lex.org_heads) | frozenset(lex.eponym_heads) | {"منتخب", "المنتخب"} \
        | {"ال" + h for h, (_, in_name) in lex.org_heads.items() if in_name}  # البنك، المنظمة: definite heads

    def flags(key: str) -> tuple[bool, ...]:
        hit = cache.get(key)
        if hit is None:
            keys = clitic_keys(key)
            hit = (
                bool(index_keys(key, lex=lex)[0]),
                key in person_starts or key[1:] in person_starts,
                any(k in lex.place_cues for k in keys),
                any(k in org_words for k in keys),
                key in title_firsts or (key[0] in "وف" and key[1:] in title_firsts)
                or _title_with_preposition(key) in title_firsts,
            )
            hit = cache[key] = hit if any(hit) else _OPENS_NOTHING  # one shared answer: a cheap `is` test
        return hit
    return flags


def _title_with_preposition(key: str) -> str:
    """للسيد، بالرئيس، والمدرب → السيد، الرئيس، المدرب (a title after ل، ب، و); other words unchanged."""
    if key.startswith(("بال", "وال", "فال", "كال")):
        return key[1:]
    return "ال" + key[2:] if key.startswith("لل") else key


def find_entities(text: str, tokens: list[Token] | None = None, *, lex: Lexicons | None = None,
                  published: str | None = None) -> Found:
    """Every actor and place mention in a text, known or not, in text order."""
    tokens = tokens if tokens is not None else tokenize(text)
    lex = lex or lexicons.default()
    index = entity_index(lex=lex)
    given = given_names(lex)
    found = Found()
    sports = sports_article(tokens, lex=lex)
    flags = _word_flags(lex)
    answers = _ANSWERS[lex]
    particles = lex.function_words["name_particle"]
    nisbas = definite_nisbas(lex)
    keys = [t.key for t in tokens]
    count, people_firsts = len(keys), found.people_firsts
    words = list(map(answers.get, keys))  # what each word may open (None: a word not seen before)
    if None in words:
        for n in [n for n, w in enumerate(words) if w is None]:
            words[n] = flags(keys[n])
    # The tokens the loop has anything to do at: a word that opens something, a word before a name particle
    # (أنخل دي), a word after a nisba (البلجيكي كزافييه); found in C, so the loop skips the ~80 % of words that
    # open nothing without a Python step each. A word that starts a name found earlier (people_firsts, which
    # grows as the loop goes) is checked over each skipped stretch.
    stops = set(compress(range(count), map(is_not, words, repeat(_OPENS_NOTHING))))
    stops.update(n - 1 for n in compress(range(count), map(particles.__contains__, keys)) if n)
    stops.update(n + 1 for n in compress(range(count), map(nisbas.__contains__, keys)))
    stops = sorted(stops)
    stop_count, s = len(stops), 0
    i = 0
    while i < count:
        if s < stop_count and stops[s] < i:
            s = bisect_left(stops, i, s)
        nxt = stops[s] if s < stop_count else count
        if nxt > i:  # words that open nothing up to the next stop
            if people_firsts and not people_firsts.isdisjoint(keys[i:nxt]):
                nxt = next(j for j in range(i, nxt) if keys[j] in people_firsts)
            i = nxt
            if i >= count:
                break
        key = keys[i]
        word = words[i]
        if i + 1 < count and keys[i + 1] in particles:
            n = particle_name_at(tokens, i, text, found, lex=lex)  # أنخل دي ماريا: a foreign name
            if n:
                i += n
                continue
        if word is _OPENS_NOTHING and key not in people_firsts:
            if i and keys[i - 1] in nisbas:
                n = demonym_person_at(tokens, i, text, found, lex=lex)  # البلجيكي كزافييه ماليس
                if n:
                    i += n
                    continue
            i += 1  # the common case: a word that opens nothing
            continue
        known, may_name, may_place, may_org, may_title = word
        if may_org:
            n = eponym_at(tokens, i, text, found, lex=lex) or national_team_at(tokens, i, text, found, lex=lex)
            if n:
                i += n
                continue
        n, hits, skip, form = lookup(tokens, i, text, lex=lex) if known else (0, [], 0, ())
        if n:
            hits = _reading(tokens, i, n, text, skip, form, hits, found, sports, lex=lex)
            if not hits:
                n = 0
                if form and (demonym_use(tokens, i, text, skip, form)
                             or adverb_use(tokens, i, len(form), text, lex=lex)
                             or _member_states_where(tokens, i, text, skip, form, found, lex=lex)):
                    i += len(form)  # الشركات السعودية، دوماً: no name at all
                    continue
        if n == 1 and hits and all(e.entity_type == "place" or e.kind == "state" for e in hits) \
                and (i and keys[i - 1] in _KIN or (key,) in found.people
                     and not (i and keys[i - 1] in lex.function_words["locative"])):
            # ابنها باريس: a child named like a city, and the same name later in the article
            i += add_new_person(found, text, tokens, i, i + 1, skip, lex=lex) if (key,) not in found.people \
                else person_at(tokens, i, text, found, lex=lex) or 1
            continue
        if n == 1 and hits and i and keys[i - 1] in nisbas and keys[i - 1].endswith("ي") \
                and all(e.entity_type == "place" and e.kind in _SETTLEMENTS for e in hits):
            person = demonym_person_at(tokens, i, text, found, lex=lex)
            if person:
                i += person  # الهولندي ممفيس ديباي: a foreigner's name after his nationality, not Memphis
                continue
        if n == 1 and all(e.entity_type == "place" for e in hits) and \
                given.has(tokens[i].key, text[tokens[i].start:tokens[i].end]):
            # رشيد قاسم، بشار الأسد: a given name that is also a town starts a person's name
            person = person_at(tokens, i, text, found, lex=lex)
            if person:
                i += person
                continue
        if n and _longer_family_name(tokens, i, n, text, form, hits, lex=lex):
            # الدكتور عبدالله بن عبدالعزيز الربيعة: a known «X بن Y» with a family name after it is another man
            i += add_new_person(found, text, tokens, i, i + n + 1, skip, lex=lex) or n
            continue
        if n:
            i += _add_form_hit(tokens, i, n, text, skip, form, hits, found, index, lex=lex)
            continue
        if may_title:
            n = title_person_at(tokens, i, text, found, lex=lex)
            if n:
                i += n
                continue
        if may_name or key in found.people_firsts:
            hits_before = len(found.hits)
            n = person_at(tokens, i, text, found, lex=lex)
            if n:
                if len(found.hits) > hits_before and _eponym_list_item(tokens, i, text):
                    del found.hits[hits_before:]  # مدارس الفيصلية وأحمد بن حنبل: a school, not the imam
                i += n
                continue
        if may_org:
            n = org_at(tokens, i, text, found, lex=lex)
            if n:
                i += n
                continue
        if may_place:
            n = unknown_place_at(tokens, i, text, found, lex=lex)
            i += n or 1
        else:
            i += 1
    confirm_places(found, lex=lex)
    locate_by_dateline(found, text, lex=lex)
    locate_by_sentence(found, text)
    resolve_namesakes(found, text, published, lex=lex)
    resolve_surnames(found, text)
    _finish(found, text)
    return found


def _longer_family_name(tokens: list[Token], i: int, n: int, text: str, form: tuple[str, ...], hits: list[Entity], *,
                        lex: Lexicons) -> bool:
    """Is the known person's form «X بن Y» at token i followed by a family name no list knows (a definite word
    that is no everyday word, title, nisba of a country or adjective): the name of another man?"""
    if not hits or "بن" not in form or not all(e.kind == "person" for e in hits) or i + n >= len(tokens):
        return False
    nxt = tokens[i + n]
    key = nxt.key
    return key.startswith("ال") and len(key) > 4 and gap_is_space(text, tokens[i + n - 1].end, nxt.start) \
        and lex.common_rank.get(key, TITLE_NAME_RANK) >= TITLE_NAME_RANK and key not in lex.demonyms \
        and key not in lex.words.name_breaks and key not in lex.words.person_titles and key not in lex.words.ranks \
        and key not in lex.words.stopwords and not key.endswith(("يه", "يين", "يون", "ات"))


def _reading(tokens: list[Token], i: int, n: int, text: str, skip: int, form: tuple[str, ...], hits: list[Entity],
             found: Found, sports: bool, *, lex: Lexicons) -> list[Entity]:
    """What a known form names here: a demonym or an adverb names nothing, a club named like a city or a word is
    a club only in a sports text (or after نادي), a country in a sports text is its team unless it is where
    something happens, and a country read as a location is a place and no state acting."""
    if not skip and len(form) == 1 and text[tokens[i].start + 1:tokens[i].start + 2] == "آ" \
            and text[tokens[i].start] in "وفبلك":
        return []  # بآبل ("of Apple"): ب on a word in آ, not the town بابل the letters fold to
    if form and form[0] in _UNIVERSITY_HEADS and all(e.entity_type == "place" for e in hits) \
            and not (i and any(k in _BUILDING_WORDS for k in clitic_keys(tokens[i - 1].key))):
        # جامعة الموصل: a university is an organisation (read by its head word), not a landmark; its building
        # or campus (تحرير مبنى جامعة الأنبار) is the place fought over
        return []
    if _MODEL_NUMBER.match(text, tokens[i + n - 1].end):
        return []  # طائرة من طراز "صماد-3": a model's name and number, no place
    if _copa_america(tokens, i, n, form):
        return []  # كوبا أمريكا: the Copa América, neither Cuba nor the United States
    if i and tokens[i - 1].key in ("بن", "بنت") and hits and all(e.kind == "person" for e in hits) \
            and gap_is_space(text, tokens[i - 1].end, tokens[i].start):
        return []  # جامع الإمام تركي بن عبد الله: the father's name inside a longer name no rule read, no one alone
    if form == _MAGHRIB and i and tokens[i - 1].key in _PRAYER_WORDS:
        return []  # صلاة المغرب: the sunset prayer, not Morocco
    if n == 1 and i + 1 < len(tokens) and (form[0], tokens[i + 1].key[:3]) in _PLACE_IDIOMS \
            and all(e.entity_type == "place" for e in hits):
        return []  # مسقط رأسه "his birthplace": an idiom, not Muscat
    if form in _KIN_FORMS and i + 1 < len(tokens) and gap_is_space(text, tokens[i].end, tokens[i + 1].start) \
            and (tokens[i + 1].key in lex.words.person_titles or tokens[i + 1].key in lex.given_names) \
            and not locative(tokens, i, text, skip, found, lex=lex):
        # جدة الرئيس، جدة محمد: his grandmother, not Jeddah (a city takes no person as its genitive); وصل إلى جدة
        # الرئيس الفرنسي: the city, the president its verb's subject
        return []
    if _university_in(tokens, i, text) and not (found.hits and found.hits[-1].j == i - 1) and all(e.entity_type == "place" or e.kind == "state" for e in hits):
        # الجامعة الأمريكية في بيروت: the city is part of the university's name, no place mention (الجامعة العربية في
        # القاهرة, a body the lexicon knows, is the Arab League at its seat)
        return []
    if _route_name(tokens, i, n, text) and all(e.entity_type == "place" for e in hits):
        return []  # طريق الرياض ــ القصيم السريع: the two ends name a highway, not where the news is
    if form == ("النيل",) and i + 1 < len(tokens) and tokens[i + 1].key == "من" and tokens[i].key.startswith("لل"):
        return []  # سعيا للنيل من سمعته "to harm his name", not the Nile
    if n == 1 and i > 0 and tokens[i - 1].key in _TRIBE_OF and all(e.entity_type == "place" or e.kind == "state"
                                                                  for e in hits):
        return []  # بني إسرائيل، بنو أمية: a people or a tribe named after a place, not the place
    if n == 1 and text[tokens[i].start + skip:tokens[i].start + skip + 1] == "إ" and all(
            e.entity_type == "place" and e.name_ar.startswith("أ") and e.entity_id not in lex.major_places
            for e in hits):
        return []  # تقدير وإعزاز "esteem", not the town أعزاز: a verbal noun in إ, a name in أ
    if n == 1 and not skip and i > 0 and tokens[i - 1].key in _SON_OF and not form[0].startswith("ال") \
            and all(e.entity_type == "place" for e in hits):
        return []  # ابن حبان، ابن سينا: a name after ابن is a person's, not the town that shares it
    if not skip and i and tokens[i - 1].key.lstrip("و").isdigit() and len(tokens[i - 1].key.lstrip("و")) < 4 \
            and gap_is_space(text, tokens[i - 1].end, tokens[i].start) \
            and text[max(0, tokens[i - 1].start - 2):tokens[i - 1].start].strip()[-1:] not in _SCORE_MARKS \
            and all(e.kind in ("country", "state") for e in hits):
        return []  # 43 ماليزيا و27 أستراليا: a count of nationals (the nisba misspelt), no country named
    if form == _RIYAL and (i + n < len(tokens) and tokens[i + n].key in lex.demonyms or not sports
                           or _money_near(tokens, i, n)):
        return []  # الريال اليمني، سعر الريال، للريال الواحد، outside sport: the currency, not Real Madrid
    if form == _QATAR and _length_after(tokens, i + n):
        return []  # وقطر داخلي 12 مترا، نصف قطر الدائرة 3 سم: the diameter (قُطر), not Qatar
    if n == 1 and not skip and i + 1 < len(tokens) and form[0].startswith("ال") \
            and all(e.kind == "person" for e in hits) and _nationality_after(tokens[i + 1].key, lex=lex) \
            and gap_is_space(text, tokens[i].end, tokens[i + 1].start):
        return []  # الأسد الآسيوي، الأسد الهندي: a definite surname that is also a noun (a lion) with a nationality
    if i and _idiom(tokens, i, n, form, lex=lex):
        return []  # نصيب الأسد "the lion's share": a fixed expression, not al-Assad
    if i and tokens[i - 1].key in _RANKS_OF and any(e.entity_type == "place" or e.kind == "team" for e in hits):
        return [e for e in hits if e.kind == "team"]  # في صفوف برشلونة: a club's ranks, never the city
    if sports and i > 1 and tokens[i - 1].key == "في" and _teammate(tokens[i - 2].key) \
            and any(e.kind == "team" for e in hits):
        return [e for e in hits if e.kind == "team"]  # زميله في نابولي، لاعب في برشلونة: a club's player
    if len(form) > 1 and form[0] == "الاتحاد" and i + n < len(tokens) and tokens[i + n].key.startswith(_FOR_A_SPORT) \
            and any(e.kind in ("state", "country") for e in hits):
        return []  # الاتحاد الروسي لكرة القدم: the football federation, not the Russian Federation (nor its team)
    if _member_states_where(tokens, i, text, skip, form, found, lex=lex):
        return []  # في دول مجلس التعاون: where (a market, a region), not the council acting
    if len(hits) == 1 and hits[0].entity_type == "actor" and hits[0].kind != "team":
        if form == _MIDDLE_EAST and not _named_as_outlet(tokens, i, text, skip):
            region = entity_index(lex=lex).by_id.get("curated:middle-east")
            return [region] if region is not None else []  # قسم الشرق الأوسط وشمال أفريقيا: the region
        return hits  # most known forms: an actor and nothing else
    if any(e.entity_type == "place" for e in hits) and (demonym_use(tokens, i, text, skip, form)
                                                       or adverb_use(tokens, i, n, text, lex=lex)
                                                       or _adjective_after_place(tokens, i, text, skip, form, found)):
        hits = [e for e in hits if e.entity_type != "place" and e.kind != "state"]
        if not hits:
            return []
    if any(e.entity_type == "place" for e in hits) and (
            _in_competition_name(tokens, i, text, hits)
            or all(e.kind != "country" for e in hits) and _noun_with_adjective(tokens, i, n, text, form, lex=lex)
            or _dual_with_adjective(tokens, i, n, text, form)):
        hits = [e for e in hits if e.entity_type != "place" and e.kind != "state"]
        if not hits:
            return []
    if any(e.entity_type == "place" for e in hits) and _inside_outlet_name(tokens, i, n, text, skip, lex=lex):
        hits = [e for e in hits if e.entity_type != "place" and e.kind != "state"]
        if not hits:
            return []
    if _after_a_club(tokens, i, text, found) and any(e.kind == "team" for e in hits):
        return [e for e in hits if e.kind == "team"]  # ريال مدريد أو برشلونة: a club listed with a club
    if any(e.entity_type == "place" for e in hits) and _club_word_beside(tokens, i, n, text, lex=lex):
        return [e for e in hits if e.kind == "team"]  # نيويورك ريد بولز، دينامو كييف: a club's name, no place
    if any(e.entity_type == "place" for e in hits) and _scoreline(tokens, i, n, text, sports):
        # الرياض x الهلال، كوستاريكا 3 نقاط: a side in a results line or a group table, never a place
        clubs = [e for e in hits if e.kind == "team"]
        country = next((e for e in hits if e.entity_type == "place" and e.kind == "country"), None)
        return clubs or ([national_team(country, lex=lex)] if country is not None else [])
    if sports and i and tokens[i - 1].key in _MATCH_WORDS and all(e.kind in ("city", "town") for e in hits) \
            and gap_is_space(text, tokens[i - 1].end, tokens[i].start):
        return []  # سيستضيف جنوة، ضد فانكوفر: in a sports text the side met is a club, not its town
    if sports and any(e.entity_type == "place" for e in hits) and _club_adjective(tokens, i, n, text, lex=lex) \
            and not any(e.kind == "team" for e in hits):
        return []  # أهلي طرابلس الليبي، الكويت الكويتي: a club named after its town (a town takes the feminine)
    if sports and any(e.entity_type == "place" for e in hits) and _right_after_a_team(tokens, i, text, found) \
            and not locative(tokens, i, text, skip, found, lex=lex, sports=sports):
        # يستضيف نابولي جنوة، أمام هولندا وإنجلترا: the side a team meets or is listed with, no place
        country = next((e for e in hits if e.entity_type == "place" and e.kind == "country"), None)
        clubs = [e for e in hits if e.kind == "team"]
        return clubs or ([national_team(country, lex=lex)] if country is not None else [])
    if sports and any(e.kind in _SETTLEMENTS for e in hits) and not any(e.kind == "team" for e in hits) \
            and _side_in_sports(tokens, i, n, text, skip, found, lex=lex):
        return []  # ديربي ميلانو، ثم ميلان، الجبيل حقق تسع بطولات: a club named after its town, no place
    teams = [e for e in hits if e.kind == "team"]
    if teams and i and _age_grade(tokens[i - 1].key):
        teams = []  # لدرجة الشباب، فئة الشباب: a club's youth grade, not the club named الشباب
        hits = [e for e in hits if e.kind != "team"]
    if teams and form and len(form) == 1 and form[0] in lex.words.common_words \
            and not any(e.entity_type == "place" for e in hits) \
            and _scope_adjective_after(tokens, i + n, text, federation=form[0] == "الاتحاد", lex=lex):
        # الاتحاد الدولي، الاتحاد السعودي لكرة القدم: a federation, not the club named الاتحاد (a club named after
        # a city is no federation: برشلونة الإسباني للـ… is the club)
        teams = []
        hits = [e for e in hits if e.kind != "team"]
    if teams and form == _ITTIHAD:
        federation = _federation_named(found)
        if federation is not None:
            return [federation]  # الاتحاد السعودي لكرة القدم … رئيس الاتحاد: the federation named before, no club
    if teams and form and len(form) == 1 and form[0] in lex.words.common_words \
            and tokens[i].key.startswith("لل") and _coordinated_everyday_noun(tokens, i + n, text, lex=lex):
        teams = []  # الهيئة العامة للشباب والرياضة: "youth and sport", not the club named الشباب
        hits = [e for e in hits if e.kind != "team"]
    if teams:
        # a club named like an everyday word (الاتفاق، التعاون) needs a sports word right beside it
        window = CLUB_WORD_WINDOW if form and len(form) == 1 and form[0] in lex.words.common_words \
            and not any(e.entity_type == "place" for e in hits) else SPORTS_WINDOW
        near = sports and (_sports_near(tokens, i, n, lex=lex, window=window) or _team_before(found, i)) or any(
            e.entity_type == "place" for e in hits) and _club_adjective(tokens, i, n, text, lex=lex) \
            or _before_a_club(tokens, i + n, text, lex=lex)
        # a club already read as the club in this sports text stays the club (one sense per article)
        clubs = [e for e in teams if e.entity_id not in lex.sports_only_teams or near or found.team_head_until > i
                 or sports and e.entity_id in found.entities]
        if clubs and not (sports and _cue_before(tokens, i, text, lex=lex)) and not (
                any(e.entity_type == "place" for e in hits) and not _after_a_club(tokens, i, text, found)
                and not _before_a_club(tokens, i + n, text, lex=lex)
                and not (sports and _joining(tokens, i, text, skip))
                and locative(tokens, i, text, skip, found, lex=lex, sports=sports)):
            return clubs  # برشلونة in a sports text: the club, not the city; في نجران، وصوله لإيطاليا: the place
        hits = [e for e in hits if e.kind != "team"]
    if len(hits) < 2 and not sports:
        return hits
    is_locative = locative(tokens, i, text, skip, found, lex=lex, sports=sports) \
        or any(e.kind == "country" for e in hits) and _country_as_where(tokens, i, text, skip, found, lex=lex)
    country = next((e for e in hits if e.entity_type == "place" and e.kind == "country"), None) if sports else None
    if country is not None and not is_locative and not _hosting(tokens, i, text) \
            and not any(t.key in _BIDDING for t in tokens[i + n:i + n + _BIDDING_WINDOW]) \
            and not (i and tokens[i - 1].key in _BIDDING) \
            and (_sports_near(tokens, i, n, lex=lex, window=COUNTRY_TEAM_WINDOW)
                 or any(t.key in _GROUP_WORDS for t in tokens[max(0, i - 3):i])):
        return [national_team(country, lex=lex)]  # تلتقي فرنسا مع كرواتيا، وجاءت تونس الأولى
    if len(hits) > 1 and is_locative:
        # في سوريا، بالعراق، من العراق وإيران: the country as a place, not as a state acting
        hits = [e for e in hits if e.entity_type == "place"]
    return hits


# Direction adjectives after a noun of where: ل + a country after them is whose coast or area it is
# (الشواطئ الشمالية للمغرب، المناطق الجنوبية لليمن).
_DIRECTIONS = frozenset({"الشرقي", "الشرقيه", "الغربي", "الغربيه", "الشمالي", "الشماليه", "الجنوبي", "الجنوبيه",
                         "الوسطي", "الشرقيين", "الغربيين", "الشماليين", "الجنوبيين"})
# Forms of شهد "to witness" before a country: what a country witnesses happens in it (يشهد اليمن حربا).
_WITNESS = frozenset({"شهد", "شهدت", "يشهد", "تشهد", "وشهد", "وشهدت", "ويشهد", "وتشهد", "تشهده", "يشهده",
                      "شهدته", "شهدها", "تشهدها", "يشهدها"})


def _country_as_where(tokens: list[Token], i: int, text: str, skip: int, found: Found, *, lex: Lexicons) -> bool:
    """Is the country at token i only where something is or happens, so no state acts: a tournament held in it
    (مونديال روسيا, in any article), a direction's area or coast of it (السواحل الشمالية للمغرب), what it
    witnesses (يشهد اليمن حربا), the noun of where before it (على مستوى مصر), a group named with it (حركة
    طالبان أفغانستان)?"""
    if not i:
        return False
    prev = tokens[i - 1].key
    last = found.hits[-1] if found.hits else None
    if not skip and last is not None and last.j == i and text[last.end:tokens[i].start].strip() in ("(", "،", ",") \
            and all(e.entity_type == "place" and e.kind in _TOWNS for e in last.ents):
        return True  # «بنغازي (ليبيا):»، «حلب، سوريا»: the country a town named just before lies in
    if not gap_is_space(text, tokens[i - 1].end, tokens[i].start):
        return False
    if _hosting(tokens, i, text) or prev in _WITNESS:
        return True
    if prev in ("بين", "مع") and any(t.key in _BORDERS for t in tokens[max(0, i - 4):i - 1]):
        return True  # المنطقة الحدودية المضطربة بين الكاميرون ونيجيريا: a border region lies in both
    if skip and text[tokens[i].start + skip - 1] == "ل" and (
            prev in _DIRECTIONS or prev.startswith("ال") and prev[2:] in lex.words.location_nouns
            or prev.startswith("ال") and prev.endswith(("يه", "ي")) and i > 1
            and tokens[i - 2].key.startswith("ال") and tokens[i - 2].key[2:] in lex.words.location_nouns):
        return True  # المياه الإقليمية لمملكة البحرين: a noun of where and its adjective, then ل + the country
    if prev in _TOWARDS:
        return True  # باتجاه مملكة البحرين: the way a boat heads
    if not skip and (prev in lex.words.location_nouns or prev[:1] in "وفب" and prev[1:] in lex.words.location_nouns):
        return True
    return not skip and last is not None and last.j == i and all(e.kind in _NAMED_WITH_A_COUNTRY for e in last.ents)


# A tournament's group just before a country in a sports text: the sides drawn in it (المجموعة H بولندا السنغال).
_GROUP_WORDS = frozenset({"المجموعه", "مجموعه", "والمجموعه", "بالمجموعه", "للمجموعه"})
_TOWARDS = frozenset({"باتجاه", "اتجاه", "صوب", "وباتجاه"})
_BORDERS = frozenset({"الحدود", "حدود", "الحدوديه", "الحدودي", "حدودها", "حدوده", "الحدوديين", "الحدوديتين"})
_TOWNS = frozenset({"city", "town", "village", "neighbourhood"})
# Kinds of body whose name a country's name may end (حركة طالبان أفغانستان): the country names no state acting.
_NAMED_WITH_A_COUNTRY = frozenset({"armed_group"})


# A sport after «الاتحاد + a country's name or nisba» (لكرة القدم، للعبة، للتنس، للمصارعة): a federation.
_FOR_A_SPORT = ("لكر", "للكر", "للع", "للس", "للت", "للم", "للا", "للب", "للر", "للج", "للف", "للق", "للي", "للد")
_ITTIHAD = ("الاتحاد",)


def _federation_named(found: Found) -> Entity | None:
    """A federation (الاتحاد + a country's nisba or a sport) this article named before and, the club al-Ittihad
    not being named yet, the one a bare الاتحاد stands for."""
    if "team:al-ittihad" in found.entities:
        return None
    return next((e for e in found.entities.values() if e.kind == "organization" and e.entity_id.startswith("org:")
                 and fold(e.name_ar).startswith("الاتحاد ")), None)


_OPEN_WORDS = frozenset({"المفتوحه", "الدوليه", "للتنس", "للجولف", "للغولف", "للماسترز"})
_MEMBER_STATES = frozenset({"دول", "الدول"})


def _member_states_where(tokens: list[Token], i: int, text: str, skip: int, form: tuple[str, ...], found: Found, *,
                         lex: Lexicons) -> bool:
    """في دول مجلس التعاون، بدول الاتحاد الأوروبي: a body's member states after في or ب say where something is;
    the body does not act there."""
    return len(form) > 1 and form[0] in _MEMBER_STATES and locative(tokens, i, text, skip, found, lex=lex)


_MIDDLE_EAST = ("الشرق", "الاوسط")
_RIYAL = ("الريال",)
_QATAR = ("قطر",)
_UNIVERSITY_HEADS = frozenset({"جامعه", "كليه"})
_BUILDING_WORDS = frozenset({"مبني", "مباني", "مجمع", "حرم", "بنايه", "ابنيه", "محيط", "اسوار", "سور"})
_SCORE_MARKS = frozenset("-–:")  # before the second number of a score (مصر 2-1 روسيا)
# Words of money or price near الريال: it is the currency (سعر الريال، مليون ريال، للريال الواحد).
_MONEY_WORDS = frozenset({"سعر", "اسعار", "صرف", "الصرف", "الدولار", "دولار", "العمله", "عمله", "الواحد", "مليون",
                          "مليار", "الف", "الاف", "قيمه", "بقيمه", "يعادل", "تعادل", "مقابل", "الدينار", "اليورو",
                          "الجنيه", "الدرهم", "ريال", "ريالا", "ريالات", "هلله", "هللات", "تكلفه", "ميزانيه"})
# Units of length after قطر: the word is a diameter's (قطره 12 مترا).
_LENGTH_UNITS = frozenset({"متر", "مترا", "امتار", "سم", "سنتيمتر", "سنتيمترا", "سنتيمترات", "مم", "ملم",
                           "مليمتر", "مليمترا", "مليمترات", "كم", "كيلومتر", "كيلومترا", "كيلومترات", "بوصه",
                           "بوصات", "انش", "انشات", "قدم", "اقدام", "ميكرون", "نانومتر"})


_CONTINENT_NISBAS = frozenset({"الاسيوي", "الاوروبي", "الافريقي", "الامريكي", "الاميركي", "الاسيويه", "الاوروبيه",
                               "الافريقيه", "الامريكيه", "الاميركيه"})


def _nationality_after(key: str, *, lex: Lexicons) -> bool:
    """Is the word a definite nisba of a country or a continent (الهندي، الآسيوي)?"""
    return key.startswith("ال") and key.endswith(("ي", "يه")) and (key in lex.demonyms or key in _CONTINENT_NISBAS)


_COPA = frozenset({"كوبا", "وكوبا", "بكوبا", "لكوبا"})
_AMERICA = frozenset({"امريكا", "اميركا"})


def _copa_america(tokens: list[Token], i: int, n: int, form: tuple[str, ...]) -> bool:
    """Is the known form at token i the كوبا or the أمريكا of «كوبا أمريكا» (a competition's name)?"""
    if n == 1 and tokens[i].key in _COPA and i + 1 < len(tokens) and tokens[i + 1].key in _AMERICA:
        return True
    return bool(i) and tokens[i - 1].key in _COPA and form[0] in _AMERICA


def _money_near(tokens: list[Token], i: int, n: int) -> bool:
    """Does a number or a word of money or price stand within two words of الريال at token i?"""
    near = tokens[max(0, i - 2):i] + tokens[i + n:i + n + 2]
    return any(t.key in _MONEY_WORDS or t.key[1:] in _MONEY_WORDS or t.key[:1].isdigit() for t in near)


def _length_after(tokens: list[Token], j: int) -> bool:
    """Does a number with a unit of length follow within five words (قطر داخلي 12 مترا)?"""
    window = tokens[j:j + 5]
    return any(t.key[:1].isdigit() for t in window) and any(t.key in _LENGTH_UNITS for t in window) \
        and not any(t.key in ("مربع", "مربعا", "مكعب") for t in window)


def _idiom(tokens: list[Token], i: int, n: int, form: tuple[str, ...], *, lex: Lexicons) -> bool:
    """Does the known form at token i stand in a fixed expression that names no one (نصيب الأسد، حصة الأسد)?"""
    idioms = lex.words.idioms
    name = " ".join(form)
    prev = tokens[i - 1].key
    if f"{prev} {name}" in idioms or prev[:1] in "وبل" and f"{prev[1:]} {name}" in idioms:
        return True
    return i + n < len(tokens) and f"{name} {tokens[i + n].key}" in idioms
# «في صفوف X»: the ranks of a club or a side; a town's name there is its club.
_RANKS_OF = frozenset({"صفوف", "لصفوف", "بصفوف", "وصفوف", "صفوفه", "صفوفها"})
# Nouns of a side's members (with a pronoun, و or ال): «في» + a club's town after one is the club they play for.
_TEAMMATE_STEMS = ("زميل", "زملا", "لاعب", "لاعبي", "لاعبو")


def _teammate(key: str) -> bool:
    """زميله، زملائه، لاعب، واللاعبين: a teammate or a player (his club follows «في»)."""
    key = key[1:] if key[:1] in "وف" and len(key) > 4 else key
    key = key[2:] if key.startswith("ال") else key
    return key.startswith(_TEAMMATE_STEMS) and len(key) <= 8


_MODEL_NUMBER = re.compile(r"[-–]\d")  # صماد-3، بركان-2: a model's name with its number
_AGE_GRADES = frozenset({"درجه", "فيه", "فيات", "درجات"})


def _age_grade(key: str) -> bool:
    """درجة، لدرجة، وفئة: a word of a club's age grade (درجة الشباب: its youth side)."""
    return key in _AGE_GRADES or key[:1] in "ولب" and (key[1:] in _AGE_GRADES or key[:2] == "ول" and key[2:] in _AGE_GRADES)


_MAGHRIB = ("المغرب",)
# Words before المغرب that make it the sunset prayer or its time (صلاة المغرب، أذان المغرب، بعد صلاتي المغرب).
_PRAYER_WORDS = frozenset({"صلاه", "لصلاه", "وصلاه", "بصلاه", "صلاتي", "اذان", "واذان", "لاذان", "موعد", "وقت",
                           "قبيل", "وقبيل"})
# A place's one-word form and the first three letters of the next word: together an idiom that names no place.
# Place names that are also kinship nouns (جدة "grandmother"): before a title or a given name they are the kin.
_KIN_FORMS = frozenset({("جده",)})
def _university_in(tokens: list[Token], i: int, text: str) -> bool:
    """Is the name at token i the city of «الجامعة + a nisba + في + city» (الجامعة الأمريكية في القاهرة)?"""
    if i < 3 or tokens[i - 1].key != "في" or not gap_is_space(text, tokens[i - 1].end, tokens[i].start):
        return False
    nisba, head = tokens[i - 2].key, tokens[i - 3].key
    return nisba.startswith("ال") and nisba.endswith("يه") and any(k == "الجامعه" for k in clitic_keys(head)) \
        and gap_is_space(text, tokens[i - 3].end, tokens[i - 2].start)


# A road's word before «A - B» (طريق الرياض - القصيم، الطريق الدولي دمشق - حلب): the pair is the road's name.
_ROAD_WORDS = frozenset({"طريق", "الطريق", "لطريق", "بطريق", "وطريق", "خط", "الخط", "اوتستراد", "الاوتستراد"})
_DASH = re.compile(r"^\s*[-–—ـ]+\s*$")


def _route_name(tokens: list[Token], i: int, n: int, text: str) -> bool:
    """Is the name at token i one end of a road's «A - B» name (طريق الرياض ــ القصيم السريع)?"""
    if i and tokens[i - 1].key in _ROAD_WORDS and i + n < len(tokens) \
            and _DASH.match(text[tokens[i + n - 1].end:tokens[i + n].start]):
        return True
    return i > 1 and tokens[i - 2].key in _ROAD_WORDS and bool(_DASH.match(text[tokens[i - 1].end:tokens[i].start]))


# النيل منه "harming him" (and «للنيل من»: "to harm") is a verbal noun, not the Nile.
_PLACE_IDIOMS = frozenset({("مسقط", "راس"), ("النيل", "منه")})
# Words right before the side a team meets (يستضيف جنوة، ضد فانكوفر، أمام ميلان): in a sports text a town there is
# a club named after it.
_MATCH_WORDS = frozenset({"ضد", "يستضيف", "سيستضيف", "استضاف", "يستقبل", "سيستقبل", "استقبل", "يواجه", "سيواجه",
                          "واجه", "يلاقي", "سيلاقي", "لاقي", "يلتقي", "سيلتقي", "مواجهه", "لمواجهه", "بمواجهه",
                          "امام", "هزم", "يهزم", "تغلب", "ضيفا"})


# Kinds of place a club is named after: in a sports text these need a locative reading to be a place.
_SETTLEMENTS = frozenset({"city", "town", "village"})
# Words of a player's move (with a pronoun or ال): إلى or ل after them leads to a club (الانضمام إلى برشلونة).
_JOINING_FILLERS = frozenset({"بذلك", "بهذا", "رسميا", "مجددا", "بدوره", "اليوم", "امس"})
_JOINING_STEMS = ("انضم", "ينضم", "تنضم", "سينضم", "انتقال", "انتقل", "ينتقل", "سينتقل", "تعاقد", "يتعاقد", "اعار", "معار", "توقيع")


def _joining(tokens: list[Token], i: int, text: str, skip: int) -> bool:
    """الانضمام إلى برشلونة، انتقاله لنابولي، معارا إلى جنوة: a player's move to a club, not a trip to a city."""
    if skip and "ل" in text[tokens[i].start:tokens[i].start + skip]:
        k = i - 1
    elif i > 1 and tokens[i - 1].key in ("الي", "لي"):
        k = i - 2
    else:
        return False
    if k > 0 and tokens[k].key in _JOINING_FILLERS:
        k -= 1  # لينضم بذلك إلى مرسيليا
    if k < 0:
        return False
    key = tokens[k].key
    for cand in (key, key[1:]) if key[:1] in "وفل" else (key,):
        cand = cand[2:] if cand.startswith("ال") else cand
        if cand.startswith(_JOINING_STEMS) and len(cand) <= 9:
            return True
    return False


def _right_after_a_team(tokens: list[Token], i: int, text: str, found: Found) -> bool:
    """يستضيف نابولي جنوة، فوز ليفربول مانشستر سيتي: a name right after a club's is the side it meets."""
    if not found.hits or found.hits[-1].j != i or not i or not gap_is_space(text, tokens[i - 1].end, tokens[i].start):
        return False
    return all(e.kind == "team" for e in found.hits[-1].ents)


def _side_in_sports(tokens: list[Token], i: int, n: int, text: str, skip: int, found: Found, *,
                    lex: Lexicons) -> bool:
    """In a sports text, a town's name near a sports word that nothing reads as a location (no preposition,
    cue, location noun, dateline, list of places or tie to a known place) is a club or a side named after
    it; a match played in a city keeps its في or ب."""
    if skip or not _sports_near(tokens, i, n, lex=lex):
        return False  # بالرياض، للرياض: a preposition or ل on the name reads it as a place
    if locative(tokens, i, text, skip, found, lex=lex) or parent_after(tokens, i + n, text, lex=lex) is not None \
            or _hosting(tokens, i, text) or _byline(text, tokens[i].start):
        return False  # أولمبياد لندن، «سبق- الرياض:»: where a games is held, where a report comes from
    if not i:
        return False
    before = tokens[i - 1].key
    if before.startswith("ال") and before.endswith(("ي", "يه")) and i > 1:
        before = tokens[i - 2].key  # العاصمة الأوكرانية كييف: a capital or a city with its nisba
    keys = clitic_keys(before)
    return not any(k in lex.words.location_nouns or k in lex.place_cues or k in lex.place_relations
                   or k in _STAY_WORDS for k in keys)  # بإستاد القاهرة، بتوقيت باريس، بمحافظة الطائف


# Words before a town in a sports text that say where a side plays or stays, or whose clock it is.
_STAY_WORDS = frozenset({"ملعب", "استاد", "ستاد", "معسكر", "صاله", "مدينه", "العاصمه", "ملاعب", "منتجع",
                         "توقيت", "مدينتي", "مدن"})
_BYLINE_DASHES = ("-", "–", "ـ", "—")


def _byline(text: str, start: int) -> bool:
    """«سبق- الرياض:»، «ناصر الطميحي ـ جدة»: a place after a dash at the head of a line says where from."""
    line = text.rfind("\n", 0, start) + 1
    before = text[line:start].rstrip()
    return before.endswith(_BYLINE_DASHES) and len(before) <= 60


def _adjective_after_place(tokens: list[Token], i: int, text: str, skip: int, form: tuple[str, ...],
                           found: Found) -> bool:
    """جدة السعودية، الموصل العراقية: a definite feminine nisba right after a place's name describes that place
    (the adjective Saudi), it names no country of its own."""
    if len(form) != 1 or skip or not i or not form[0].startswith("ال") or not form[0].endswith("يه") \
            or not found.hits or found.hits[-1].j != i or not gap_is_space(text, tokens[i - 1].end, tokens[i].start):
        return False
    return all(e.entity_type == "place" and e.kind != "country" for e in found.hits[-1].ents)


def _inside_outlet_name(tokens: list[Token], i: int, n: int, text: str, skip: int, *, lex: Lexicons) -> bool:
    """A place name that names an outlet or a company here: لـ"الرياض" (the paper spoken to), قنوات أبوظبي، مصر
    للطيران."""
    before = text[max(0, tokens[i].start - 4):tokens[i].start + skip]
    if any(q in before for q in "«\"“") and re.search(r"ل[ـ]?\s?[«\"“]$", before):
        return True
    if text[tokens[i].start - 1:tokens[i].start] in _OPEN_QUOTES and not skip \
            and (_YEAR_THEN_QUOTE.match(text, tokens[i + n - 1].end)
                 or _WORD_THEN_QUOTE.match(text, tokens[i + n - 1].end)):
        # «"الرياض" رصدت»، «السعودية 2050»، «"الإمارات اليوم"»: a place's name alone in quotes (or with a year or
        # one more word) is a title: a paper's, a programme's, a plan's
        return True
    if i and lex.org_heads.get(tokens[i - 1].key, ("", False))[0] == "media" or i and tokens[i - 1].key == "قنوات":
        return True
    if i > 1 and tokens[i - 1].key == "انباء" and head_of(tokens[i - 2].key, lex.org_heads) is not None:
        return True  # وكالة أنباء الكويت: a news agency named after its country
    if not skip and _ends_quoted_name(tokens, i, n, text, lex=lex):
        return True
    for back in (1, 2):  # شركة أبوظبي للطاقة، شركة بترول أبوظبي الوطنية، بنك قطر الوطني: a firm named so
        if i - back < 0 or skip or head_of(tokens[i - back].key, _BUSINESS_HEADS) is None \
                or not all(gap_is_space(text, tokens[k - 1].end, tokens[k].start) for k in range(i - back + 1, i + 1)):
            continue
        between = tokens[i - back + 1:i]
        if all(not t.key.startswith(("ال", "و", "لل")) and t.key not in lex.words.stopwords
               and t.key not in lex.function_words["locative"] for t in between):
            return True
    return i + n < len(tokens) and tokens[i + n].key in ("للطيران", "للانباء", "للاعلام")


_QUOTED_NAME_WORDS = 4  # words of a quoted name before the place that ends it («بي إيه إي سيستمز السعودية»)


def _ends_quoted_name(tokens: list[Token], i: int, n: int, text: str, *, lex: Lexicons) -> bool:
    """«بي إيه إي سيستمز السعودية»، «جبهة فتح الشام»: a place that ends a short quoted name, right after a plain
    word of it (no preposition, no و, no function word), is part of a firm's, a group's or a title's name."""
    end = tokens[i + n - 1].end
    if text[end:end + 1] not in _CLOSE_QUOTES or not i or not gap_is_space(text, tokens[i - 1].end, tokens[i].start):
        return False
    prev = tokens[i - 1].key
    if prev[0] in "وفبل" or prev in lex.words.stopwords or prev in lex.function_words["locative"] \
            or prev in lex.speech_cues:
        return False  # «المجاهدين في لبنان وفلسطين»، «… بسوريا»: a place inside a quoted sentence
    for k in range(i - 1, max(-1, i - 1 - _QUOTED_NAME_WORDS), -1):
        if text[tokens[k].start - 1:tokens[k].start] in _OPEN_QUOTES:
            return True
        if k and not gap_is_space(text, tokens[k - 1].end, tokens[k].start):
            return False
    return False


# Plural heads of things named after people (مدارس، مستشفيات): the names listed after one name more of them.
_PLURAL_EPONYM_HEADS = frozenset({"مدارس", "مراكز", "معاهد", "مستشفيات", "جامعات", "مساجد", "جوامع", "شوارع",
                                  "قاعات", "مجمعات", "مؤسسات"})
_LIST_END = re.compile(r"[.:؛!?\n]")


def _eponym_list_item(tokens: list[Token], i: int, text: str) -> bool:
    """مدارس الفيصلية وأحمد بن حنبل: a name coordinated in a list after a plural eponym head is one more
    school, hospital or street named after someone, not the person."""
    if not i or not (tokens[i].key[0] == "و" or text[tokens[i - 1].end:tokens[i].start].strip() in ("،", ",")):
        return False
    for k in range(i - 1, max(-1, i - 10), -1):
        if _LIST_END.search(text[tokens[k].end:tokens[k + 1].start]):
            return False
        if head_of(tokens[k].key, _PLURAL_EPONYM_HEADS) is not None:
            return True
    return False


# Heads of a business's name: a place right after one (or after one indefinite noun: شركة نفط الكويت) is part
# of the name. Not جامعة، وزارة: جامعة دمشق is also in Damascus.
_BUSINESS_HEADS = frozenset({"شركه", "شركات", "بنك", "مصرف", "مجموعه"})
_OPEN_QUOTES = frozenset('«"“')
_YEAR_THEN_QUOTE = re.compile(r'(?:\s*\d{4})?[»"”]')
_WORD_THEN_QUOTE = re.compile(r'\s[^\s\d«»"“”وبلف،,.:][^\s«»"“”،,.:]{1,10}[»"”]')
_CLOSE_QUOTES = frozenset('»"”')


def _in_competition_name(tokens: list[Token], i: int, text: str, hits: list[Entity]) -> bool:
    """دوري أبطال أوروبا، كأس أمم أفريقيا، كأس آسيا: the place names a competition here."""
    if not i or not gap_is_space(text, tokens[i - 1].end, tokens[i].start):
        return False
    prev = tokens[i - 1].key
    prev = prev[1:] if prev[:1] in "وبل" and prev[1:] in _COMPETITION | _COMPETITION_OF | _NATIONAL_COMPETITION \
        else prev  # بجائزة إسبانيا الكبرى، وكأس مصر
    if prev in _COMPETITION_OF:
        return True
    if prev in _NATIONAL_COMPETITION and any(e.entity_type == "place" and e.kind == "country" for e in hits):
        return True  # كأس إيطاليا، بطولة أميركا المفتوحة: a country's cup or open, a competition's name
    if prev in _NATIONAL_COMPETITION and i + 1 < len(tokens) and tokens[i + 1].key in _OPEN_WORDS:
        return True  # بطولة مدريد المفتوحة للتنس: a city's open, a tournament's name
    return prev in _COMPETITION and all(e.kind in ("region", "continent") for e in hits if e.entity_type == "place")


def _noun_with_adjective(tokens: list[Token], i: int, n: int, text: str, form: tuple[str, ...], *,
                         lex: Lexicons) -> bool:
    """الرباط الصليبي، الرباط الداخلي: a definite place name that is also an everyday masculine noun, followed by a
    definite masculine adjective that is no direction and no nisba of a country, is that everyday word (a town's
    name takes a feminine adjective: الرباط القديمة)."""
    if n != 1 or not form or not form[0].startswith("ال") or form[0].endswith("ه") \
            or form[0] not in lex.common_rank or i + 1 >= len(tokens) \
            or not gap_is_space(text, tokens[i].end, tokens[i + 1].start):
        return False
    nxt = tokens[i + 1].key
    return nxt.startswith("ال") and nxt.endswith("ي") and len(nxt) > 4 and nxt not in _PLACE_ADJECTIVES \
        and nxt not in lex.demonyms and nxt[2:] not in lex.demonyms


def _dual_with_adjective(tokens: list[Token], i: int, n: int, text: str, form: tuple[str, ...]) -> bool:
    """البحرين الأحمر والأبيض، البحرين الأبيض والمتوسط: a name shaped like a dual (البحرين "the two seas") before a
    masculine colour or elative is that noun, not the country."""
    return n == 1 and bool(form) and form[0].startswith("ال") and form[0].endswith("ين") and i + 1 < len(tokens) \
        and tokens[i + 1].key in _MASCULINE_ADJECTIVES and gap_is_space(text, tokens[i].end, tokens[i + 1].start)


# Definite masculine colours and elatives, folded (الأبيض، الأحمر، الأكبر): a town's or a country's name takes
# the feminine (البيضاء، الكبرى), so before one a name that is also a noun is that noun (not الأوسط: الشرق الأوسط).
_MASCULINE_ADJECTIVES = frozenset({"الابيض", "الاحمر", "الاسود", "الاخضر", "الاصفر", "الازرق", "الاكبر",
                                   "الاصغر", "المتوسط"})


def _named_as_outlet(tokens: list[Token], i: int, text: str, skip: int) -> bool:
    """«الشرق الأوسط», لـ«الشرق الأوسط», صحيفة الشرق الأوسط: the newspaper; bare, the words name the region."""
    before = text[max(0, tokens[i].start - 3):tokens[i].start + skip]
    if any(q in before for q in "«\"“ـ"):
        return True  # لـ«الشرق الأوسط»، لـ"الشرق الأوسط"
    if i > 0 and "ل" in text[tokens[i].start:tokens[i].start + skip]:
        # وقال للشرق الأوسط (a speaker talking to the paper); المبعوث الخاص للشرق الأوسط is the region's envoy
        return any(t.key in _SPOKE_TO or t.key[:1] in "وف" and t.key[1:] in _SPOKE_TO
                   for t in tokens[max(0, i - 4):i])  # وقال العلواني للشرق الأوسط
    return i > 0 and tokens[i - 1].key in ("صحيفه", "جريده", "لصحيفه", "لجريده", "بصحيفه")


# Words after which ل + an outlet's name is whom one spoke to (قال للشرق الأوسط، في تصريح للشرق الأوسط).
_SPOKE_TO = frozenset({"قال", "قالت", "اضاف", "اضافت", "اكد", "اكدت", "اوضح", "اوضحت", "كشف", "كشفت", "صرح",
                       "صرحت", "تصريح", "تصريحات", "حديث", "حديثه", "مقابله", "بيان", "افاد", "افادت", "ذكر",
                       "ذكرت", "نقلا", "قالوا"})


# Words on each side of a name that a sports word must stand within (a sports article also has other
# paragraphs): for a club, for a club named like an everyday word, for a country read as its team.
SPORTS_WINDOW = 12
CLUB_WORD_WINDOW = 5
COUNTRY_TEAM_WINDOW = 25


def _sports_near(tokens: list[Token], i: int, n: int, *, lex: Lexicons, window: int = SPORTS_WINDOW) -> bool:
    """Is there a sports word within `window` words of the name at token i?"""
    words = lex.words.sports_words
    lo, hi = max(0, i - window), min(len(tokens), i + n + window)
    return any(tokens[k].key in words or tokens[k].key[1:] in words for k in range(lo, hi))


# Adjectives of scope after an everyday word that also names a club (الاتحاد، التعاون): a body of that reach.
_SCOPE_ADJECTIVES = frozenset({"الدولي", "القاري", "الاسيوي", "الافريقي", "الاوروبي", "العربي", "الخليجي",
                               "العالمي", "الاقليمي", "الاتحادي"})


def _scope_adjective_after(tokens: list[Token], j: int, text: str, *, federation: bool = False,
                           lex: Lexicons) -> bool:
    """Does a scope adjective (الدولي، الآسيوي) or a country's nisba and a sport (السعودي لكرة القدم) follow? After
    الاتحاد ("the federation") a country's nisba alone is enough (رئيس الاتحاد المصري)."""
    if j >= len(tokens) or not gap_is_space(text, tokens[j - 1].end, tokens[j].start):
        return False
    nxt = tokens[j].key
    if nxt in _SCOPE_ADJECTIVES:
        return True
    if federation and nxt.startswith("ال") and nxt.endswith("ي") and nxt in lex.demonyms:
        # رئيس الاتحاد المصري: the federation; لاعب وسط الاتحاد العماني أحمد حديد: the club's Omani player
        return j + 1 >= len(tokens) or tokens[j + 1].key not in lex.given_names
    return (nxt in lex.demonyms or nxt[2:] in lex.demonyms) and nxt.startswith("ال") and j + 1 < len(tokens) \
        and tokens[j + 1].key.startswith(("لكر", "للكر", "لال", "للع", "للس", "للت", "للم")) \
        and gap_is_space(text, tokens[j].end, tokens[j + 1].start)


def _club_adjective(tokens: list[Token], i: int, n: int, text: str, *, lex: Lexicons) -> bool:
    """روما الإيطالي، ليفربول الإنجليزي: a masculine nisba after a name that is a club's and a city's is the
    club's (a city takes the feminine: روما الإيطالية)."""
    j = i + n
    if j >= len(tokens) or not gap_is_space(text, tokens[j - 1].end, tokens[j].start):
        return False
    nxt = tokens[j].key
    return nxt.startswith("ال") and nxt.endswith("ي") and (nxt in lex.demonyms or nxt[2:] in lex.demonyms)


# A results line («الرياض x الهلال», «مصر 2-1 روسيا»), a group table («كوستاريكا 3 نقاط») or a ranking («سويسرا 1597 نقطة»). The versus sign
# is enough anywhere; a score or points only in a sports text (elsewhere «سوريا 2011-2015» is a span of years).
_VERSUS_AFTER = re.compile(r"\s*[x×X]\s")
_VERSUS_BEFORE = re.compile(r"\s[x×X]\s*$")
_SCORE_AFTER = re.compile(r"\s*(?:\(?(?:\d{1,2}|صفر)\s*[-–:]\s*(?:\d{1,2}|صفر)\)?(?!\d)|\d{1,4}\s+(?:نقاط|نقطة|نقطه|ن\b))")
_GROUP_LIST = re.compile(r"(?:^|\s|و)ال(?:مجموعة|مجموعه)\s+\S+\s*[:：][^\n.:؛]*$")  # المجموعة الأولى: روسيا، مصر …
_SCORE_BEFORE = re.compile(r"(?<!\d)(?:\d{1,2}|صفر)\s*[-–:]\s*(?:\d{1,2}|صفر)\)?\s*$")  # 3-صفر: a zero in words


def _scoreline(tokens: list[Token], i: int, n: int, text: str, sports: bool) -> bool:
    """Is the name at token i a side in a results line or a row of a group table?"""
    start, end = tokens[i].start, tokens[i + n - 1].end
    after, before = text[end:end + 16], text[max(0, start - 12):start]
    if _VERSUS_AFTER.match(after) or _VERSUS_BEFORE.search(before):
        return True
    return sports and bool(_SCORE_AFTER.match(after) or _SCORE_BEFORE.search(before)
                           or _GROUP_LIST.search(text[max(0, start - 80):start]))


def _after_a_club(tokens: list[Token], i: int, text: str, found: Found) -> bool:
    """Is the name at token i coordinated with a club named just before (ريال مدريد أو برشلونة، الهلال والنصر)?"""
    if not found.hits or not i or found.hits[-1].j < i - 1 or any(e.kind != "team" for e in found.hits[-1].ents):
        return False
    j = found.hits[-1].j
    if j == i:
        return tokens[i].key[0] == "و" and gap_is_space(text, tokens[i - 1].end, tokens[i].start)
    return j == i - 1 and tokens[j].key in ("او", "و") and gap_is_space(text, tokens[j - 1].end, tokens[j].start) \
        and gap_is_space(text, tokens[j].end, tokens[i].start)


_TEAM_BEFORE_WINDOW = 12  # words back to a team's name that make a club's town name the club in a sports text


def _team_before(found: Found, i: int) -> bool:
    """Was a team named within a few words before token i (تعثر برشلونة وريال مدريد … ما جعل إشبيلية، يوفنتوس …
    غريمه نابولي)? In a sports text a club's town name there is the club."""
    for h in reversed(found.hits):
        if h.j < i - _TEAM_BEFORE_WINDOW:
            return False
        if any(e.kind == "team" for e in h.ents):
            return True
    return False


def _before_a_club(tokens: list[Token], j: int, text: str, *, lex: Lexicons) -> bool:
    """Is a club that is named like no place coordinated right after (كبرشلونة وريال مدريد، ميلان ويوفنتوس)?"""
    if j >= len(tokens) or tokens[j].key[0] != "و" or not gap_is_space(text, tokens[j - 1].end, tokens[j].start):
        return False
    ents = lookup(tokens, j, text, lex=lex)[1]
    return bool(ents) and all(e.kind == "team" for e in ents) and not any(e.entity_id in lex.sports_only_teams
                                                                         for e in ents)


def _coordinated_everyday_noun(tokens: list[Token], j: int, text: str, *, lex: Lexicons) -> bool:
    """Is token j «و» + a definite everyday noun that names nothing known and is no sports word (والرياضة،
    والتنمية)? So joined to a club's everyday name after لل it makes a phrase of two nouns (هيئة للشباب والرياضة)."""
    if j >= len(tokens) or not gap_is_space(text, tokens[j - 1].end, tokens[j].start):
        return False
    key = tokens[j].key
    rest = key[1:]
    return key.startswith("وال") and rest in lex.words.common_words and rest not in entity_index(lex=lex).firsts \
        and rest not in lex.words.sports_words and rest[2:] not in lex.words.sports_words


def _club_word_beside(tokens: list[Token], i: int, n: int, text: str, *, lex: Lexicons) -> bool:
    """Does a club word stand right before or after the name at token i (سسكا موسكو، ملبورن فيكتوري)?"""
    words = lex.words.club_words
    j = i + n
    return (j < len(tokens) and tokens[j].key in words and gap_is_space(text, tokens[j - 1].end, tokens[j].start)) \
        or (i > 0 and tokens[i - 1].key in words and gap_is_space(text, tokens[i - 1].end, tokens[i].start))


def _cue_before(tokens: list[Token], i: int, text: str, *, lex: Lexicons) -> bool:
    """Is the word before token i a place cue (مدينة برشلونة)?"""
    return i > 0 and head_of(tokens[i - 1].key, lex.place_cues) is not None


def _hosting(tokens: list[Token], i: int, text: str) -> bool:
    """مونديال روسيا، كأس العالم في روسيا: a country after a tournament word is where it is held."""
    return i > 0 and (tokens[i - 1].key in _HOSTING or tokens[i - 1].key[1:] in _HOSTING)


def _add_form_hit(tokens: list[Token], i: int, n: int, text: str, skip: int, form: tuple[str, ...],
                  hits: list[Entity], found: Found, index: EntityIndex, *, lex: Lexicons) -> int:
    """Record a known form's match, with the evidence a homograph place still needs; returns the tokens used."""
    start, end = tokens[i].start + skip, tokens[i + n - 1].end
    if n > 1 and form[0] in _LEADING_TITLES and all(e.kind == "person" for e in hits):
        start = tokens[i + 1].start  # الشيخ خليفة بن زايد: the name's words, without the title the form carries
    if n > 1 and (form[0] in _GENERIC_CUES or form[-1] in _EPITHETS) \
            and all(e.entity_type == "place" or e.kind == "state" for e in hits):
        if form[0] in _GENERIC_CUES:
            start = tokens[i + 1].start  # مدينة مشهد، قطاع غزة، دولة قطر: the place's name after its cue word
        if form[-1] in _EPITHETS:
            end = tokens[i + n - 2].end  # مكة المكرمة، المدينة المنورة: the name without its epithet
    if i + n + 1 < len(tokens) and tokens[i + n].key == _AL_FAMILY and all(e.kind == "person" for e in hits) \
            and not _family_apart(tokens, i + n, text):
        n += 2  # محمد بن راشد آل مكتوم: the family name goes on the known form's mention
        end = tokens[i + n - 1].end
    hit = Hit(i, i + n, start, end, hits, "form", form, skip=skip)
    if all(e.entity_type == "place" for e in hits):
        hit.evidence = needs_evidence(hits[0], form, lex=lex)
        if hit.evidence:
            hit.score = local_evidence(tokens, i, i + n, text, skip, found, lex=lex)
        found.locative_until = i + n  # الموصل وسوريا: what is coordinated with a place is a place
    for ent in hits:
        found.entities[ent.entity_id] = ent
    found.hits.append(hit)
    _add_region_country(found, hits, tokens[i:i + n], text, index)
    person = next((e.entity_id for e in hits if e.kind == "person"), None)
    if person:
        remember_person(found, tokens[i:i + n], person, lex=lex)
    return n


_AL_FAMILY = fold("آل")
# Words a known place's form may start with that say what kind of place it is; the mention's words begin after.
_GENERIC_CUES = frozenset({"مدينه", "محافظه", "منطقه", "ولايه", "دوله", "قطاع", "العاصمه", "بلده", "قريه", "اماره",
                           "مملكه", "اقليم"})
# Honorific epithets after a holy city's name (مكة المكرمة، المدينة المنورة): the mention is the name.
_EPITHETS = frozenset({"المكرمه", "المنوره"})


def _family_apart(tokens: list[Token], k: int, text: str) -> bool:
    """Does punctuation stand between a name and the آل X after it (so the family is not its)?"""
    return not (gap_is_space(text, tokens[k - 1].end, tokens[k].start)
                and gap_is_space(text, tokens[k].end, tokens[k + 1].start))


# Kin nouns with a pronoun: a one-word place name right after one is the relative's given name (ابنها باريس).
_KIN = frozenset({"ابنه", "ابنها", "ابنهما", "ابنتها", "ابنته", "ابنتهما", "نجله", "نجلها", "زوجها", "زوجته",
                  "شقيقه", "شقيقها", "شقيقته", "شقيقتها", "طفلها", "طفله", "طفلتها", "طفلته", "والدها", "والده",
                  "والدته", "والدتها", "حفيده", "حفيدها", "ابنيها", "ابنتيها"})


# Titles a person's known form may start with; the mention's words begin after them.
_LEADING_TITLES = frozenset({"الملك", "الامير", "الشيخ", "السلطان", "السيد", "الرييس", "الامام", "سمو", "الشيخه",
                             "الاميره", "الملكه", "الدكتور", "الجنرال", "المشير"})


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
            found.hits.append(Hit(found.hits[-1].i + k, found.hits[-1].j, start, end, [country], "region"))
            return


def _finish(found: Found, text: str) -> None:
    """Mentions, entities and known-form spans from the hits that stood."""
    found.hits.sort(key=attrgetter("start"))
    used: dict[str, Entity] = {}
    for h in found.hits:
        for ent in h.ents:
            used[ent.entity_id] = found.entities.get(ent.entity_id, ent)
            found.mentions.append(Mention(ent.entity_type, ent.entity_id, text[h.start:h.end], h.start, h.end))
        if h.how == "form":
            found.spans[h.i] = (h.j, [e.entity_id for e in h.ents])
    found.entities = used

