"""Places an analyst can trust: a gazetteer name is a place only with evidence, a place no gazetteer knows is
found by its cue word, and it is located by the known place the text ties it to («قرية X في ريف إدلب»)."""
from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import lru_cache

from lib.extract.lookup import Found, Hit, lookup
from lib.extract.people import is_common, name_words
from lib.lexicons import Lexicons
from lib.records import Entity
from lib.text.normalize import fold
from lib.text.tokens import Token, clitic_keys, gap_is_space

# Everyday words among the most frequent ones need strong evidence to be a place (a cue word, a tie to a known
# place), the rest a locative reading or the article's geography.
VERY_COMMON_RANK = 12_000
# A one-word name no gazetteer knows after a cue, tied to no known place, must be rarer still: in a 48k-article
# import, 309 distinct "places" were words ranked 12,000-30,000 (الغارة، المصانع، مجاورة، يعترض), about five in
# six no place at all. Tied to a known place (حي الزنوج بتعز، منطقة الضباب غربي تعز) it keeps the lower bar.
COMMON_RANK_ALONE = 30_000
_TANWEEN = "\u064b"
# Before من these say where someone comes from (ينحدر من كوت ديفوار): a place, even in a sports text.
_ORIGIN_WORDS = frozenset({"ينحدر", "تنحدر", "ينحدرون", "المنحدر", "المنحدره", "قادما", "قادمه", "القادم",
                           "القادمه", "مواليد", "اصله", "اصلها", "عاد", "عادت", "عودته", "العوده", "عوده"})


def demonym_use(tokens: list[Token], i: int, text: str, skip: int, form: tuple[str, ...]) -> bool:
    """السعودية after a definite noun (الشركات السعودية، هيئة السياحة السعودية) is the adjective Saudi; so is
    سورية after another feminine nisba and و (مصادر روسية وسورية)."""
    if len(form) == 1 and skip == 1 and i and form[0].endswith("يه") and text[tokens[i].start] == "و" \
            and _feminine_nisba(tokens[i - 1].key) and gap_is_space(text, tokens[i - 1].end, tokens[i].start):
        return True
    if len(form) != 1 or skip or i == 0 or not (form[0].startswith("ال") and form[0].endswith("يه")):
        return False
    if not gap_is_space(text, tokens[i - 1].end, tokens[i].start):
        return False
    prev = tokens[i - 1].key
    return prev.startswith("ال") or prev.startswith(("بال", "لل", "وال", "فال", "كال"))


def _feminine_nisba(key: str) -> bool:
    """روسية، أمريكية، الروسية: a feminine adjective of origin (a word in -ية of four letters or more)."""
    stem = key[2:] if key.startswith("ال") else key
    return len(stem) >= 5 and stem.endswith("يه")


def adverb_use(tokens: list[Token], i: int, n: int, text: str, *, lex: Lexicons | None = None) -> bool:
    """A one-word name written with tanween (دوماً "always") is an adverb or an indefinite noun, no place; so is
    a country name in -يا right after an indefinite accusative noun (مواطنا ألمانيا "a German citizen",
    دبلوماسيا روسيا "a Russian diplomat")."""
    if n != 1:
        return False
    written = text[tokens[i].start:tokens[i].end]
    if _TANWEEN in written:
        return True
    if lex is None or i == 0 or not tokens[i].key.endswith("يا") or not gap_is_space(text, tokens[i - 1].end,
                                                                                       tokens[i].start):
        return False
    prev = tokens[i - 1].key
    return len(prev) >= 4 and prev.endswith("ا") and not prev.startswith("ال") and prev in lex.words.common_words \
        and prev not in lex.words.stopwords and prev not in lex.speech_cues \
        and prev not in lex.function_words["locative"]


def locative(tokens: list[Token], i: int, text: str, skip: int, found: Found, *, lex: Lexicons,
             sports: bool = False) -> bool:
    """Is the name at token i read as a location (في سوريا، بسوريا، من العراق وإيران، سفارة الهند، a dateline)?"""
    written = text[tokens[i].start:tokens[i].start + skip]
    if "ب" in written:
        return True
    if written.endswith("ل") and i and _heading(tokens[i - 1].key) \
            and gap_is_space(text, tokens[i - 1].end, tokens[i].start):
        return True  # فور وصوله لإيطاليا، عودتها للعراق: ل after arriving or going is "to" a place
    if i and not text[tokens[i - 1].end:tokens[i].start].strip(" #"):
        prev = tokens[i - 1].key
        if prev[0] in "وف" and len(prev) > 2 and prev[1:] in lex.function_words["locative"]:
            prev = prev[1:]  # وفي بولندا
        if not skip and _visiting(prev):
            return True  # مغادرة إسبانيا، زار روسيا: the country left or visited is a place
        if prev in ("مع", "بين") and i > 1 and tokens[i - 2].key in _BORDER_WORDS:
            return True  # قرب الحدود مع العراق، الحدود بين تونس والجزائر: a border is where a country lies
        if len(prev) > 3 and prev[0] == "ب" and lex.place_relations.get(prev[1:]):
            prev = prev[1:]  # بوسط المكسيك، بشمال سوريا: ب on a word of where (a ب on the name itself is above)
        if prev in lex.function_words["locative"] or lex.place_relations.get(prev) or prev in lex.place_cues:
            # كلا من البرتغال وإسبانيا، خسارة مصر من روسيا: in a sports text من lists teams; ينحدر من: origin
            return not (sports and prev in ("من", "امام")) or i > 1 and (
                tokens[i - 2].key in _ORIGIN_WORDS or tokens[i - 2].key[1:] in _ORIGIN_WORDS
                or prev == "من" and _person_just_before(found, i - 1))  # نونو دا كوستا من الرأس الأخضر: his origin
        if prev in lex.words.location_nouns or (prev[0] in "وف" and prev[1:] in lex.words.location_nouns):
            return True  # سفارة الهند، بورصة البحرين، أراضي سوريا: a place something is in
    if _dateline(text, tokens[i].start + skip):
        return True
    if written.endswith("ل") and any(t.key in _INVASION for t in tokens[max(0, i - 3):i]):
        return True  # غزو الولايات المتحدة لأفغانستان والعراق: the country invaded is where it happened
    if not skip and _included_in_area(tokens, i, lex=lex):
        return True  # في المنطقة بما يشمل سوريا ولبنان: the places an area takes in
    if not skip and _listed_after_area(tokens, i, text, lex=lex):
        return True  # في دول عدة وعلى رأسها اليمن، درّس في بلدان: مصر ولبنان: the places a list of where names
    if text[tokens[i].end:tokens[i].end + 2].lstrip(" ")[:1] == ":" and (
            i == 0 or text[tokens[i - 1].end:tokens[i].start].strip(" ") in (":", "\n", "")
            and text[tokens[i - 1].end:tokens[i].start].strip(" ")):
        return True  # «…الوئام: العراق: داعش يدمر …»: a headline's or dateline's place label
    # coordinated with a location just before: في #سوريا والعراق، في البحرين، الكويت، قطر
    if found.locative_until == i - 1 and i > 1 and tokens[i - 1].key == "او":
        return True  # إلى ليبيا أو الجزائر
    return found.locative_until == i and (written.startswith("و") or bool(i) and text[tokens[i - 1].end:tokens[i].start].strip(" #") in ("،", ","))


def _person_just_before(found: Found, k: int) -> bool:
    """Does a person's name end right before token k (a player «من» a country: where he comes from)?"""
    return bool(found.hits) and found.hits[-1].j == k and all(e.kind == "person" for e in found.hits[-1].ents)


# Nouns of invading or occupying: ل + a country after them (and their subject) is the country entered.
_INVASION = frozenset({"غزو", "الغزو", "احتلال", "الاحتلال", "اجتياح", "اجتياحها", "غزوها", "احتلالها"})
# «بما يشمل»، «بما فيها»، «بما في ذلك» right before a name: what the words before it take in.
_INCLUDING = frozenset({"يشمل", "تشمل", "فيها", "فيه", "ذلك"})
# An area before «بما يشمل …»: the names included are parts of it (في المنطقة بما يشمل سوريا ولبنان).
_AREA_WORDS = frozenset({"المنطقه", "منطقه", "العالم", "انحاء", "الاقليم", "المناطق", "مناطق"})


def _included_in_area(tokens: list[Token], i: int, *, lex: Lexicons) -> bool:
    """Is the name at token i the first of the places an area takes in (في المنطقة بما في ذلك سوريا)?"""
    if i < 3 or tokens[i - 1].key not in _INCLUDING:
        return False
    k = i - 2 if tokens[i - 2].key == "بما" else i - 3 if tokens[i - 3].key == "بما" else -1
    if k < 1:
        return False
    return any(t.key in _AREA_WORDS or t.key in lex.words.location_nouns or t.key[1:] in _AREA_WORDS
               for t in tokens[max(0, k - 3):k])


# Words that open a list of the places just named by kind (في دول عدة وعلى رأسها اليمن، في بلدان منها مصر).
_LIST_OPENERS = frozenset({"راسها", "منها", "ومنها", "بينها", "مثل", "ومثل", "خاصه", "وخاصه", "خصوصا", "وخصوصا",
                           "سيما", "لاسيما", "وبينها", "ابرزها", "اهمها"})
# Plural or collective nouns of where (دول، بلدان، مدن): after في or ب they say where, and the names listed
# after them are places.
_AREA_PLURALS = frozenset({"دول", "الدول", "بلدان", "البلدان", "مدن", "المدن", "عواصم", "العواصم", "مناطق",
                           "المناطق", "المنطقه", "منطقه", "العالم", "اقطار", "الاقطار", "محافظات", "ولايات"})
_LIST_REACH = 6  # words between the area's noun and the list's opener (في دول عدة بالمنطقة وعلى رأسها)


def _listed_after_area(tokens: list[Token], i: int, text: str, *, lex: Lexicons) -> bool:
    """Is the name at token i the first of a list of places after «في/ب + دول، بلدان، مناطق» (في دول عدة وعلى
    رأسها اليمن، في بلدان: مصر، في مدن مثل حلب)? Acting states are listed after no preposition (دول على رأسها
    السعودية أعلنت)."""
    if not i:
        return False
    gap = text[tokens[i - 1].end:tokens[i].start]
    if ":" in gap:
        opener = i  # في بلدان: مصر
    elif not gap.strip() and tokens[i - 1].key in _LIST_OPENERS:
        opener = i - 1
    else:
        return False
    locatives = lex.function_words["locative"]
    for k in range(opener - 1, max(-1, opener - 1 - _LIST_REACH), -1):
        key = tokens[k].key
        if _LIST_END.search(text[tokens[k].end:tokens[k + 1].start]) and k + 1 < opener:
            return False
        area = key in _AREA_PLURALS or key[:1] in "بل" and key[1:] in _AREA_PLURALS
        if area:
            return key[:1] in "بل" and key[1:] in _AREA_PLURALS or k > 0 and tokens[k - 1].key in locatives
    return False


_LIST_END = re.compile(r"[.؛!?\n]")


_BORDER_WORDS = frozenset({"الحدود", "حدود", "حدودها", "حدوده", "الحدوديه", "حدودنا", "الحدودي", "حدودهما"})
# Nouns and verbs of arriving, returning and travelling (with or without a pronoun): ل after them is "to" a place.
_HEADING_STEMS = ("وصول", "وصل", "عود", "عاد", "توجه", "سفر", "سافر", "انتقال", "انتقل", "رحيل", "رحل", "زيار",
                  "لجوء", "لجا", "هجر", "هاجر", "ذهاب", "ذهب", "قدوم", "نزوح", "نزح", "طريقه", "طريقها")


_VISIT_STEMS = ("مغادر", "غادر", "يغادر", "تغادر", "سيغادر", "ستغادر", "زار", "يزور", "تزور", "سيزور", "ستزور",
                "زيار", "دخول", "اجتياز")


@lru_cache(maxsize=4096)
def _visiting(key: str) -> bool:
    """مغادرة، غادر، زيارة، زار، دخول: a word of leaving, visiting or entering (its object is a place)."""
    return any(k.startswith(_VISIT_STEMS) and len(k) <= 8
               for k in ((key, key[1:]) if key[:1] in "وفبل" and len(key) > 3 else (key,)))


@lru_cache(maxsize=4096)
def _heading(key: str) -> bool:
    """وصوله، عودتها، وتوجهوا، سافر: a word of going somewhere (with و or ف before, a pronoun after)."""
    for k in (key, key[1:]) if key[:1] in "وف" else (key,):  # وصوله (و of the root), ووصوله، فعاد
        k = k[2:] if k.startswith("ال") else k
        if k.startswith(_HEADING_STEMS) and len(k) <= 8:
            return True
    return False


def _dateline(text: str, start: int) -> bool:
    """«دبي، الإمارات العربية المتحدة (CNN)»، «لندن:»: a place at the head of a line that says where from."""
    line = text.rfind("\n", 0, start) + 1
    before = text[line:start]
    if len(before) > 30 or any(ch in before for ch in ".:\"«»"):
        return False
    after = text[start:start + 60].split("\n", 1)[0]
    cut = next((after.find(c) for c in ("(", ":", " -", "–", "—") if 0 < after.find(c) <= 40), -1)
    return cut > 0 and "،" not in after[:cut].strip()[-1:] and (not before.strip() or before.rstrip().endswith("،"))


def needs_evidence(ent: Entity, form: tuple[str, ...], *, lex: Lexicons) -> int:
    """0 when this match is a place as it stands; else how much evidence it needs (1, or 2 for a word among
    the most frequent): a one-word name of a smaller place that is also an everyday word (السفيرة، الباب)."""
    if len(form) != 1 or ent.entity_id in lex.major_places:
        return 0
    if form[0] in lex.words.person_titles or form[0] in lex.words.roles:
        return 2  # السفيرة الأمريكية: a title, not As-Safirah
    if _dual_of_a_cue(form[0], lex):
        return 2  # من القريتين "from the two villages", not Al-Qaryatayn
    rank = lex.common_rank.get(form[0])
    if rank is None:
        return 0
    return 2 if rank < VERY_COMMON_RANK and form[0] not in lex.news_place_names else 1


@lru_cache(maxsize=1024)
def _dual_of_a_cue(key: str, lex: Lexicons) -> bool:
    """القريتين، البلدتين، المدينتين: the dual of a place cue word (a town may bear it as its name)."""
    stem = key[2:] if key.startswith("ال") else key
    return stem.endswith(("تين", "تان")) and stem[:-3] + "ه" in lex.place_cues


def local_evidence(tokens: list[Token], i: int, j: int, text: str, skip: int, found: Found, *,
                   lex: Lexicons) -> int:
    """Evidence in the words around a place name: 2 for a cue word before (مدينة الباب) or a tie to a known
    place after (الباب شمال حلب), 1 for a locative reading (في الباب، والباب after a place)."""
    if i and gap_is_space(text, tokens[i - 1].end, tokens[i].start):
        prev = tokens[i - 1].key
        if any(k in lex.place_cues or lex.place_relations.get(k) not in (None, "parent") for k in clitic_keys(prev)):
            return 2
    if parent_after(tokens, j, text, lex=lex) is not None:
        return 2
    line_start = text.rfind("\n", 0, tokens[i].start) + 1
    rest = text[tokens[j - 1].end:tokens[j - 1].end + 2]
    if text[line_start:tokens[i].start].rstrip().endswith(("-", "–")) and (rest.strip() == "" or rest[0] == "\n"):
        return 2  # a byline's place: «منصور الحمود - الرس» at the end of a line
    if j < len(tokens) and tokens[j].key[0] == "و" and gap_is_space(text, tokens[j - 1].end, tokens[j].start):
        n, ents, skip, form = lookup(tokens, j, text, lex=lex)
        if n and skip and any(e.entity_type == "place" and not needs_evidence(e, form, lex=lex) for e in ents):
            return 2  # الرمادي والفلوجة: listed with a place
    if skip and text[tokens[i].start:tokens[i].start + skip].startswith("و") and found.locative_until == i:
        return 2  # حلب والباب
    return 1 if locative(tokens, i, text, skip, found, lex=lex) else 0


def confirm_places(found: Found, *, lex: Lexicons) -> None:
    """Drop the place matches that lack the evidence they need. The article's geography counts: another place
    of the same country that needs no evidence, or the same place confirmed elsewhere in it."""
    pending = [h for h in found.hits if h.evidence > 0]
    if not pending:
        return
    sure = [h for h in found.hits if h.evidence <= 0 and h.how != "person"]
    countries = {e.country for h in sure for e in h.ents if e.country and (e.entity_type == "place" or e.kind == "state")}
    confirmed = {h.ents[0].entity_id for h in pending if h.score >= h.evidence}
    keep = []
    for h in found.hits:
        if h.evidence > 0:
            ent = h.ents[0]
            score = h.score + (1 if ent.country in countries else 0) + (2 if ent.entity_id in confirmed else 0)
            if score < h.evidence:
                continue
        keep.append(h)
    found.hits = keep


# Kinds of an untied place no gazetteer knows that a local report's dateline city locates, and the area it
# then gets: a quarter or a mosque of that city; a village of the region the city's bureau covers (a Saudi
# region or governorate is often 100 km across: region precision, 80 km, not governorate, 40 km).
_DATELINE_AREA = {"neighbourhood": "city", "landmark": "city", "village": "region", "town": "region",
                  "district": "region"}
_DATELINE_KINDS = frozenset({"city", "town", "governorate", "district"})


def locate_by_dateline(found: Found, text: str, *, lex: Lexicons) -> None:
    """Give the places no gazetteer knows and nothing in their sentence ties the area of the city a local report
    is dated from («سبق- جازان: … قرية الهيجة»), when every other located place of the article lies in that
    city's country (a report from Riyadh about a Yemeni village names Yemen). Not a place after منطقة (an area
    anywhere in a country that a capital's report covers) nor one the text ties to a place no gazetteer knows
    («مقبرة غران بمحافظة الحرث»)."""
    untied = {e.entity_id for e in found.entities.values() if e.lat is None and e.entity_id.startswith("unknown:")
              and e.kind in _DATELINE_AREA}
    if not untied:
        return
    first: dict[str, Hit] = {}
    for h in found.hits:
        if h.ents[0].entity_id in untied and (h.ents[0].entity_id not in first or h.start < first[h.ents[0].entity_id].start):
            first[h.ents[0].entity_id] = h
    untied = {pid for pid, h in first.items() if h.how == "cue" and _dateline_cue(text, h, lex=lex)}
    if not untied:
        return
    city = _dateline_place(found, text)
    if city is None or any(h.ents[0].lat is not None and h.ents[0].country not in (None, city.country)
                           for h in found.hits if h.ents[0].entity_type == "place"):
        return
    for ent in (found.entities[pid] for pid in untied):
        precision = _DATELINE_AREA[ent.kind]
        if precision == "city" and city.precision != "city":
            precision = city.precision or "governorate"
        found.entities[ent.entity_id] = replace(ent, lat=city.lat, lon=city.lon, precision=precision,
                                                country=city.country, parent_id=city.entity_id,
                                                coord_source="context")


def _dateline_cue(text: str, hit: Hit, *, lex: Lexicons) -> bool:
    """Is the place at `hit` named after a cue other than منطقة/مناطق and followed by no tie word (بمحافظة، في)?"""
    before = text[max(0, hit.start - 25):hit.start].split()
    after = text[hit.end:hit.end + 25].split()
    cue = fold(before[-1].strip("\"«“")) if before else ""
    if any(k in ("منطقه", "مناطق") for k in clitic_keys(cue)):
        return False
    nxt = fold(after[0].strip("،,.")) if after and text[hit.end:hit.end + 1] == " " else ""
    return not nxt or not any(k in lex.place_relations or k in lex.place_cues for k in clitic_keys(nxt))


def _dateline_place(found: Found, text: str) -> Entity | None:
    """The known city at the head of the text's first line before a colon («سبق- الرياض:», «واس- جدة:»), or None."""
    lead = len(text) - len(text.lstrip())
    line_end = text.find("\n", lead)
    line_end = len(text) if line_end < 0 else line_end
    first = min((h for h in found.hits if h.start < min(line_end, lead + 60) and h.ents[0].entity_type == "place"),
                key=lambda h: h.start, default=None)  # a byline's writer may come first (محمد المواسي- سبق- جازان:)
    if first is None:
        return None
    ent = first.ents[0]
    before = text[lead:first.start]
    if ent.lat is None or ent.kind not in _DATELINE_KINDS or len(before) > 45 \
            or any(c in before for c in ":.«»\"") or not text[first.end:first.end + 3].lstrip(" ").startswith(":"):
        return None
    return ent


def parent_after(tokens: list[Token], k: int, text: str, *, lex: Lexicons,
                 chained: bool = False) -> tuple[Entity, str] | None:
    """A known place that the words from token k tie the place before them to (في ريف إدلب، شمال حلب، بحمص):
    that place and the precision of the area it gives (governorate, district, city, region), or None. Through
    one unknown place named after a cue word: منطقة X بمديرية Y جنوبي مدينة الحديدة، حي X ببلدة Y بالقدس."""
    precision = None
    cue_word = False
    m = k
    km = None
    for step in range(3):
        if m >= len(tokens) or not _tie_gap(text, tokens[m - 1].end, tokens[m].start, first=step == 0):
            return None
        key = tokens[m].key
        if km is None and step < 2 and (key.isdigit() or key in _DISTANCE_OPENERS):
            far = _distance_at(tokens, m, text)
            if far is not None:  # قرية X، 70 كلم غرب الرمادي؛ الواقعة على بعد 60 كلم شمال طرابلس
                km, m = far
                precision = precision or "parent"
                if m >= len(tokens) or not gap_is_space(text, tokens[m - 1].end, tokens[m].start):
                    return None
                key = tokens[m].key
        rel = _TIE_PARTICIPLES.get(key) if step == 0 else None
        if rel is not None and m + 1 < len(tokens) and tokens[m + 1].key in _TIE_ADVERBS:
            m += 1  # التابعة إدارياً لمنطقة حارم: "administratively"
        if rel is None and (step or km is not None) and key in ("من", "عن") and precision is not None:
            m += 1  # بالقرب من حمص، القريبة من الرمادي، تبعد 40 كلم عن بني وليد
            continue
        if rel is None and (key in lex.place_relations or key[0] != "و"):  # وبلدة، وفي: a list goes on, no tie
            rel = next((lex.place_relations[c] for c in clitic_keys(key) if c in lex.place_relations), None)
        if rel is None:
            break
        # ريف إدلب، محافظة حمص: the relation word may open a known name itself (the governorate)
        whole = next((e for e in lookup(tokens, m, text, lex=lex)[1] if e.entity_type == "place"), None)
        if whole is not None and whole.lat is not None and rel != "parent":
            if not _area_of_a_country(whole):
                return None
            if km is not None:
                return _within(whole, km)
            return whole, whole.precision if whole.precision in ("governorate", "district", "city", "region") \
                else rel
        precision = rel if rel != "parent" or precision is None else precision
        cue_word = not any(c in lex.function_words["locative"] for c in clitic_keys(key))
        m += 1
    if m >= len(tokens) or (m > k and not gap_is_space(text, tokens[m - 1].end, tokens[m].start)):
        return None
    comma = m == k and k > 0 and text[tokens[k - 1].end:tokens[k].start].strip() in ("،", ",")
    n, ents, skip, _ = lookup(tokens, m, text, lex=lex)
    place = next((e for e in ents if e.entity_type == "place" and e.lat is not None), None)
    if place is None and cue_word and not chained and not n:
        return _through_unknown(tokens, m, text, lex=lex)
    if place is None:
        return None
    if precision is None:
        if not comma and (m != k or "ب" not in text[tokens[m].start:tokens[m].start + skip]):
            return None  # a place right after another is a list, not a tie (حلب ودمشق)
        if comma and m + n < len(tokens) and tokens[m + n].key[0] == "و" \
                and gap_is_space(text, tokens[m + n - 1].end, tokens[m + n].start):
            return None  # قرية X، دمشق وحلب: a list of places, not where X lies
        precision = "parent"  # بحمص; حي الخزامي، الرياض: the place it lies in, after a comma
    if not _area_of_a_country(place):
        return None  # a country's or a continent's middle is no useful area for a village
    if km is not None:
        return _within(place, km)
    if place.kind == "region" or place.precision == "region":
        return place, "region"  # بلدة صرين في شمال سوريا، قرية في جبل سنجار: the region's area
    if precision == "parent":
        precision = {"point": "district", "neighbourhood": "city"}.get(place.precision or "city",
                                                                       place.precision or "city")
    return place, precision


def _through_unknown(tokens: list[Token], m: int, text: str, *, lex: Lexicons) -> tuple[Entity, str] | None:
    """The tie of an unknown place named at token m after a cue word (بمديرية شدا بمحافظة صعدة): one or two
    name words that are no everyday words, then a tie of their own."""
    unit = any(k in _ADMIN_UNITS for k in clitic_keys(tokens[m - 1].key))
    for width in (1, 2):
        last = m + width - 1
        if last >= len(tokens) or (width == 2 and not gap_is_space(text, tokens[m].end, tokens[last].start)):
            return None
        key = tokens[last].key
        # after an administrative unit's word the next one is its name, even when it is also a word (الجراحي)
        if key in lex.words.stopwords or key.isdigit() or key in lex.place_cues or key in lex.place_relations \
                or lex.common_rank.get(key, 10**9) < (VERY_COMMON_RANK if unit else COMMON_RANK_ALONE):
            return None
        tie = parent_after(tokens, last + 1, text, lex=lex, chained=True)
        if tie is not None:
            return tie
    return None


# A place named as so far from a known one («على بعد 60 كلم شمال طرابلس», «تبعد 40 كلم عن بني وليد», «، 70 كلم غرب
# الرمادي») lies within that distance of it: the area drawn around the known place must be that wide at least
# (lib/dashboard/maps.py PRECISION_METRES: governorate 40 km, region 80 km); farther is no useful area.
_DISTANCE_OPENERS = frozenset({"علي", "وعلي", "تبعد", "يبعد", "وتبعد", "ويبعد", "التي", "الذي"})
_DISTANCE_HEDGES = frozenset({"نحو", "حوالي", "قرابه", "زهاء", "مسافه", "اقل"})
_KM_UNITS = frozenset({"كلم", "كم", "كيلومتر", "كيلومترا", "كيلومترات", "كيلو"})
_KM_TWO = frozenset({"كيلومترين", "كيلومتران"})
_AREA_FOR_KM = ((30, "governorate"), (70, "region"))


def _distance_at(tokens: list[Token], m: int, text: str) -> tuple[int, int] | None:
    """A distance at token m («على بعد نحو 60 كلم»، «التي تبعد أقل من كيلومترين»، «70 كلم»): (kilometres, the
    token after it), or None. «أكثر من» (more than) gives no bound, so no distance."""
    n = len(tokens)
    if tokens[m].key in ("التي", "الذي"):
        m += 1
    if m < n and tokens[m].key in ("علي", "وعلي"):
        if m + 1 >= n or tokens[m + 1].key != "بعد":
            return None
        m += 2
    elif m < n and tokens[m].key in ("تبعد", "يبعد", "وتبعد", "ويبعد"):
        m += 1
    while m < n and (tokens[m].key in _DISTANCE_HEDGES or tokens[m].key == "من" and tokens[m - 1].key == "اقل"):
        m += 1
    if m < n and tokens[m].key in _KM_TWO:
        return 2, m + 1
    if m + 1 >= n or not tokens[m].key.isdigit() or tokens[m + 1].key not in _KM_UNITS \
            or not gap_is_space(text, tokens[m].end, tokens[m + 1].start):
        return None
    after = m + 2
    if after < n and tokens[after].key == "تقريبا":
        after += 1
    return int(tokens[m].key), after


# A cue-named place the gazetteer knows, tied by the text to a known place farther than this from every place of
# that name, is a namesake the gazetteer does not know (الرمثا قرب درعا, across a border 10 km away, stays itself).
NAMESAKE_KM = 100
_WIDE_PRECISIONS = frozenset({"governorate", "region", "country"})
# Only a quarter, a village or a camp is read as a namesake: a city (مدينة تعز الواقعة شمالي عدن) or a district
# (قضاء X التابع لولاية Y) may lie far from the place that situates it. The tie must follow the name directly
# (no comma: «منطقة الرياض، والمدينة المنورة» is a list, not a tie).
_SMALL_PLACE_KINDS = frozenset({"neighbourhood", "village", "landmark"})


def _namesake_far_from(ents: list[Entity], parent: Entity) -> bool:
    """Is every located place among `ents` more than NAMESAKE_KM from `parent` (both located; the parent a city
    or finer: a governorate's or region's point says little of where its villages are)?"""
    if parent.lat is None or parent.lon is None or parent.precision in _WIDE_PRECISIONS:
        return False
    located = [e for e in ents if e.entity_type == "place" and e.lat is not None and e.lon is not None]
    return bool(located) and all(_km(e.lat, e.lon, parent.lat, parent.lon) > NAMESAKE_KM for e in located)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    cos = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
    return 6371.0 * math.acos(max(-1.0, min(1.0, cos)))


def _within(place: Entity, km: int) -> tuple[Entity, str] | None:
    """The known place and an area around it wide enough for a place `km` kilometres away (None when farther)."""
    return next(((place, precision) for limit, precision in _AREA_FOR_KM if km <= limit), None)


# Words of an administrative unit or an area: the word after one is its name (مديرية الجراحي، منطقة الدورة).
_ADMIN_UNITS = frozenset({"مديريه", "مديريتي", "ناحيه", "قضاء", "محافظه", "ولايه", "مقاطعه", "اقليم", "بلديه",
                          "منطقه"})


# Participles that tie a place to the one named after them (قرية X الواقعة في ريف حلب، بلدتي X وY التابعتين
# لمحافظة لحج، منطقة X القريبة من الرمادي), and the precision the tie gives.
_TIE_PARTICIPLES = {"الواقعه": "parent", "الواقع": "parent", "الواقعتين": "parent", "التابعه": "parent",
                    "التابع": "parent", "التابعتين": "parent", "التابعين": "parent", "القريبه": "district",
                    "القريب": "district", "المجاوره": "district", "المتاخمه": "district", "المحاذيه": "district",
                    "والواقعه": "parent", "والواقع": "parent", "المتاخمتين": "district", "القريبتين": "district",
                    "المجاورتين": "district", "المحاذيتين": "district"}
_TIE_ADVERBS = frozenset({"اداريا", "جغرافيا"})
# Masculine adjectives without the -ي of a nisba that may stand between a place's name and its tie.
_PLAIN_ADJECTIVES = frozenset({"القديم", "الجديد", "الكبير", "الصغير"})


def _area_of_a_country(place: Entity) -> bool:
    """Is the place an area inside one country (a governorate, a city, a region such as جبل سنجار or شمال
    سوريا), not a country or a continent?"""
    if place.kind == "country" or place.precision == "country":
        return False
    return place.kind != "region" and place.precision != "region" or bool(place.country)


def _tie_gap(text: str, end: int, start: int, first: bool) -> bool:
    """Only spaces between the words of a tie, or a comma right after the place it ties (قرية X، شمال حلب)."""
    gap = text[end:start].strip(" \t\u00a0\u200f\u200e")
    return not gap or (first and gap in ("،", ","))


def unknown_place_at(tokens: list[Token], i: int, text: str, found: Found, *, lex: Lexicons) -> int:
    """A place no gazetteer knows, announced by a cue word (قرية خراب دليل، ناحية المشيرفة), placed in the area
    of the known place it is tied to. Returns the tokens used (the cue's alone when a known name follows)."""
    cues, heads = lex.place_cues, lex.words.place_heads
    stop = name_words(lex).name_stop
    cue = next((k for k in clitic_keys(tokens[i].key) if k in cues), None)
    if cue is None or i + 1 >= len(tokens) or not gap_is_space(text, tokens[i].end, tokens[i + 1].start):
        return 0
    j = i + 1
    n, ents, _, _ = lookup(tokens, j, text, lex=lex)
    if n and any(e.kind != "team" for e in ents):
        tie = parent_after(tokens, j + n, text, lex=lex) if cues[cue] in _SMALL_PLACE_KINDS \
            and j + n < len(tokens) and gap_is_space(text, tokens[j + n - 1].end, tokens[j + n].start) else None
        if tie is None or not _namesake_far_from(ents, tie[0]):
            return 1  # the gazetteer knows what follows; let the next step match it (a club's name is no place)
        # قرية دوما قرب نابلس: the text's village by Nablus, not the gazetteer's Douma 200 km away in Syria
        start, end = tokens[j].start, tokens[j + n - 1].end
        _add_unknown(found, _unknown_place(text[start:end], cues[cue], tie), j, j + n, start, end)
        return 1 + n
    first = tokens[j].key
    if (first in stop and first not in heads) or first.isdigit() or (len(first) < 3 and first not in heads):
        return 0
    if _no_place_name(tokens, i, j, text, cue, lex=lex):
        return 0
    if not first.startswith("ال") and first not in heads and cue in ("منطقه", "مناطق", "مدينه"):
        return 0  # indefinite words after منطقة are mostly descriptions (منطقة آمنة)
    if first.endswith(("يه", "ي")) and (cue in ("منطقه", "مناطق") or not first.startswith("ال")):
        return 0  # an adjective: المنطقة الشرقية، حي سكني
    if first.endswith(("ات", "ين", "ون")) and len(first) > 4:
        return 0  # a plural noun: منطقة الاشتباكات، مناطق المسلحين
    if first in lex.words.not_places or first in lex.place_stop_forms:
        return 0  # منطقة اليورو، منطقة الجزاء: a common noun
    if first not in heads and (first in cues or any(k in cues for k in clitic_keys(first))
                               or lex.common_rank.get(first, 10**9) < VERY_COMMON_RANK):
        return 0  # منطقة التقاطع، بلدة تسيطر عليها، قرية وبلدة: an everyday word or another cue
    has_next = j + 1 < len(tokens) and gap_is_space(text, tokens[j].end, tokens[j + 1].start)
    nxt = tokens[j + 1].key if has_next else ""
    n = 1
    described = False
    if first in heads and has_next and len(nxt) > 1 and not nxt.startswith(("بال", "لل", "وال", "فال")) \
            and (nxt not in stop or nxt.startswith("ال") and nxt not in lex.words.stopwords):
        n = 2  # تل أبيض، جبل الشيخ: a title after the head (الشيخ) is still the name's second word
        if nxt in _NAME_LINKS and j + 2 < len(tokens) and gap_is_space(text, tokens[j + 1].end, tokens[j + 2].start) \
                and tokens[j + 2].key not in stop:
            n = 3  # خان بني سعد، تل أبو طاقة: بني and أبو never end a name
    elif first in heads:
        return 0  # a head alone (مناطق جبل، «تل») names no place
    elif first.startswith("ال") and nxt.startswith("ال") and nxt.endswith(("يه", "ي")) and len(nxt) > 4:
        n = 2  # الشقق السكنية: a definite name with its adjective
        described = first in lex.words.common_words  # الرقعة الزراعية، الكورنيش الجنوبي: a description
    elif has_next and f"{first} {nxt}" in lex.given_names:
        n = 2  # قرية عبد الله: a compound given name is one name
    elif cues[cue] == "landmark" and first in lex.given_names:
        return 0  # مطار جون إف كينيدي، مطار جون لينون: a landmark named after a person, no one-word place
    start, end = tokens[j].start, tokens[j + n - 1].end
    after = j + n
    if after < len(tokens) and tokens[after].key.startswith("ال") \
            and (tokens[after].key.endswith(("ه", "ي")) or tokens[after].key in _PLAIN_ADJECTIVES) \
            and tokens[after].key not in _TIE_PARTICIPLES \
            and gap_is_space(text, tokens[after - 1].end, tokens[after].start):
        after += 1  # كفرزيتا الجديدة شمال حماة، حي X القديم في قلب إسطنبول: an adjective before the tie
    tie = parent_after(tokens, after, text, lex=lex)
    listed: list[int] = []
    if tie is None:
        listed = _listed_names(tokens, after, text, lex=lex)
        if listed:
            tie = parent_after(tokens, listed[-1] + 1, text, lex=lex)  # مناطق البوشجل والملاحمة في محافظة الأنبار
    if tie is None and (described or n == 1 and first not in heads
                        and lex.common_rank.get(first, 10**9) < COMMON_RANK_ALONE):
        return 0  # قرية المصانع، منطقة الغارة: a common word alone, tied to no known place, names no place
    _add_unknown(found, _unknown_place(text[start:end], cues[cue], tie), j, j + n, start, end)
    if tie is None or not listed or cues[cue] is None or cue not in _PLURAL_CUES:
        return 1 + n
    for k in listed:  # بلدتي الوهط وصبر التابعتين لمحافظة لحج: each place of the list, in the same area
        name_k = text[tokens[k].start + 1:tokens[k].end]
        _add_unknown(found, _unknown_place(name_k, cues[cue], tie), k, k + 1, tokens[k].start + 1, tokens[k].end)
    return listed[-1] + 1 - i


# Cues of more than one place (مناطق، بلدتي): the names listed after one are places of that kind too.
_PLURAL_CUES = frozenset({"مناطق", "مدينتي", "بلدتي", "قريتي"})
_LIST_ITEMS = 3


def _listed_names(tokens: list[Token], k: int, text: str, *, lex: Lexicons) -> list[int]:
    """The tokens of up to three one-word names coordinated after a place (X وY وZ، X، Y): و on a word that is
    no everyday word, no stopword and no cue; empty when none follows."""
    out: list[int] = []
    while k < len(tokens) and len(out) < _LIST_ITEMS and gap_is_space(text, tokens[k - 1].end, tokens[k].start):
        key = tokens[k].key
        rest = key[1:]
        if key[0] != "و" or len(rest) < 3 or rest in lex.words.stopwords or rest in lex.place_cues \
                or lex.common_rank.get(rest, 10**9) < COMMON_RANK_ALONE or rest in lex.place_relations:
            break
        out.append(k)
        k += 1
    return out


def _unknown_place(name_ar: str, kind: str | None, tie: tuple[Entity, str] | None) -> Entity:
    """A place no gazetteer knows, in the area of the known place it is tied to (unlocated without a tie)."""
    pid = "unknown:" + fold(name_ar).replace(" ", "_")
    if tie is None:
        return Entity(pid, "place", name_ar, name_ar, kind)
    parent, precision = tie
    return Entity(pid, "place", name_ar, name_ar, kind, lat=parent.lat, lon=parent.lon, precision=precision,
                  country=parent.country, parent_id=parent.entity_id, coord_source="context")


def _add_unknown(found: Found, ent: Entity, i: int, j: int, start: int, end: int) -> None:
    """Record a place no gazetteer knows (keeping a located reading of it over an unlocated one)."""
    old = found.entities.get(ent.entity_id)
    if old is None or (old.lat is None and ent.lat is not None):
        found.entities[ent.entity_id] = ent
    found.hits.append(Hit(i, j, start, end, [found.entities[ent.entity_id]], "cue"))


def _no_place_name(tokens: list[Token], i: int, j: int, text: str, cue: str, *, lex: Lexicons) -> bool:
    """The cue is an everyday word here or what follows it is no name: من ناحية ("on the one hand"), لقضاء
    ("to spend"), a second noun after و (مدينة وقرية وتجمع), a noun with a preposition (مسجد للعبادة، بمقر) or
    with a possessive pronoun (قرية أجداده، ناحية منعهم)."""
    if cue == "ناحيه" and i and tokens[i - 1].key in ("من", "ومن", "فمن"):
        return True
    if cue == "قضاء" and tokens[i].key.startswith("ل"):
        return True
    if cue == "بلده" and text[tokens[i].end - 1:tokens[i].end] == "ه":
        return True  # في بلده "in his country", not بلدة "town"
    if cue in ("جسر", "سد") and tokens[i].key.startswith("ل"):
        return True  # سعيا لجسر الهوة، لسد العجز: "to bridge", "to fill"
    if cue == "قضاء" and i and tokens[i - 1].key in _TIME_BEFORE:
        return True  # بعد قضاء الإجازة: "after spending", no district
    first = tokens[j].key
    written = text[tokens[j].start:tokens[j].end]
    if cue == "قضاء" and not first.startswith("ال") and len(first) >= 5 \
            and _MARKS.sub("", written).endswith(("ه", "ها", "هم", "تك", "تكم", "تنا")):
        return True  # قضاء حوائجه، بقضاء عطلتك: "seeing to his needs", "spending your holiday" (a district's
        # name written with ة, such as عانة, is not a pronoun)
    if first[:1] == "و" and first[1:].isdigit():
        return True  # مسجد و63 محلا: "a mosque and 63 shops"
    plain_written = _MARKS.sub("", written)
    if cue in _VERBAL_NOUN_CUES and (_VERBAL_NOUN.match(first) or _IF_AL.match(first)
                                     and plain_written.lstrip("وفبل").startswith("الإ")):
        # سد الاحتياج، منطقة الانتظار، مناطق التوسعة، مناطق الإنهاء: a verbal noun ("filling the need"), no
        # name (form IV الإفعال is written with إ; a place's name in أ: الأحساء)
        return True
    if not first.startswith("ال") and len(first) >= 5 and written.endswith(("ته", "تها", "تهم", "تنا", "تكم")):
        return True  # ناحية تعاسته: a noun in ة with "his", no place's name (مصراتة ends in ة)
    if cue in _ADJECTIVE_CUES and not first.startswith("ال") and first not in lex.words.place_heads:
        return True  # كتاب جامع مانع، سد منيع: the cue is an adjective or a noun here, a name is definite
    if first[0] == "و" and first not in lex.words.place_heads and (first[1:] in lex.words.common_words
                                                                    or first[1:] in lex.place_cues
                                                                    or len(first) > 3):
        return True  # مسجد ومرآب: "a mosque and a garage", no name
    if first.startswith(("لل", "بال")) or first[0] in "بل" and lex.common_rank.get(first[1:], 10**9) < 20_000:
        return True
    if not first.startswith("ال") and written.endswith(("هم", "هما", "كم", "هن")) and len(first) > 4:
        return True  # قضاء حوائجهم، منطقة سكنهم: a noun with "their", no place's name
    for suffix in ("هما", "هم", "ها", "ه"):
        stem = first[:-len(suffix)]
        if written.endswith(suffix) and len(stem) >= 3 and not first.startswith("ال") and (
                stem in lex.words.common_words or first in lex.words.common_words or stem.endswith("ت") and stem[:-1] + "ه" in lex.words.common_words):
            return True
    if not first.startswith("ال") and len(first) >= 5 and (
            first[0] in "يت" and plain_written.endswith(("نا", "ها", "هم", "ه"))
            or plain_written.endswith(("وها", "وهم"))):
        return True  # جبل يحبنا، قرية لأفسدوها: a verb with its object pronoun, no name
    return any(mark in written for mark in "\u064b\u064c\u064d")  # tanween (جسر موازٍ): an indefinite noun


# Words inside a place's name that never end it (خان بني سعد، تل أبو طاقة، قرية أم حوش).
_NAME_LINKS = frozenset({"بني", "ابو", "ام", "بنو"})
_MARKS = re.compile("[\u064b-\u0652]")  # harakat and tanween
# Before قضاء these make it "spending" (بعد قضاء العطلة), not "the district of".
_TIME_BEFORE = frozenset({"بعد", "قبل", "اثناء", "خلال", "وبعد", "وقبل", "بهدف", "لاجل"})
# A definite verbal noun of the derived forms VII, VIII and X (الانسحاب، الاحتياج، الاستقرار) or II in ـة
# (التوسعة): after these cues, what a place's area or a dam does, not its name (حي الاستقلال keeps its name).
_VERBAL_NOUN = re.compile(r"^ال(?:ا.ت.ا.|است..ا.|ان..ا.|ت[^ا]{3}ه)$")
_IF_AL = re.compile(r"^الا..ا.$")  # الإفعال (الإنهاء، الإنتاج) once folded
_VERBAL_NOUN_CUES = frozenset({"سد", "منطقه", "مناطق"})
# Cues that are also everyday adjectives or nouns (جامع "comprehensive", سد "a barrier"): only a definite word
# after them is a name (جامع الهويدي، سد الخوانق).
_ADJECTIVE_CUES = frozenset({"جامع", "سد"})


@lru_cache(maxsize=4)
def countries_by_code(*, lex: Lexicons) -> dict[str, Entity]:
    """The gazetteer's country of each ISO code."""
    return {e.country: e for e, _ in lex.places.values() if e.kind == "country" and e.country}
