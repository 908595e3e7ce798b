"""Dates in Arabic news text: Gregorian (11 يوليو (تموز))، Hijri (17 ذو القعدة 1436هـ، also paired with the
Gregorian day by الموافق), numeric (24 - 10 - 2011) or relative to publication (أمس، الثلاثاء، اليوم اللاحق)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from lib.extract.hijri import FIRST_YEAR, HIJRI_MONTHS, LAST_YEAR, from_gregorian, hijri_key, to_gregorian
from lib.text.normalize import fold
from lib.records import DateRef
from lib.text.tokens import Token, proclitic_forms, tokenize

MONTHS = {
    "يناير": 1, "كانون الثاني": 1, "كانون ثاني": 1, "فبراير": 2, "شباط": 2, "مارس": 3, "آذار": 3, "اذار": 3,
    "أبريل": 4, "ابريل": 4, "إبريل": 4, "نيسان": 4, "مايو": 5, "أيار": 5, "ايار": 5,
    "يونيو": 6, "يونيه": 6, "حزيران": 6, "يوليو": 7, "يوليه": 7, "تموز": 7, "أغسطس": 8, "اغسطس": 8,
    "آب": 8, "اب": 8, "سبتمبر": 9, "أيلول": 9, "ايلول": 9, "أكتوبر": 10, "اكتوبر": 10,
    "تشرين الأول": 10, "تشرين الاول": 10, "تشرين أول": 10, "تشرين اول": 10, "نوفمبر": 11, "تشرين الثاني": 11,
    "تشرين ثاني": 11, "ديسمبر": 12, "كانون الأول": 12, "كانون الاول": 12, "كانون أول": 12, "كانون اول": 12,
}
ORDINALS = {
    "الأول": 1, "الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6, "السابع": 7,
    "الثامن": 8, "التاسع": 9, "العاشر": 10, "الحادي عشر": 11, "الثاني عشر": 12, "الثالث عشر": 13,
    "الرابع عشر": 14, "الخامس عشر": 15, "السادس عشر": 16, "السابع عشر": 17, "الثامن عشر": 18,
    "التاسع عشر": 19, "العشرين": 20, "الحادي والعشرين": 21, "الثاني والعشرين": 22, "الثالث والعشرين": 23,
    "الرابع والعشرين": 24, "الخامس والعشرين": 25, "السادس والعشرين": 26, "السابع والعشرين": 27,
    "الثامن والعشرين": 28, "التاسع والعشرين": 29, "الثلاثين": 30, "الحادي والثلاثين": 31,
}
WEEKDAYS = {"الاثنين": 0, "الإثنين": 0, "الأثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الاربعاء": 2, "الخميس": 3,
            "الجمعة": 4, "السبت": 5, "الأحد": 6, "الاحد": 6}

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_FUTURE = ("المقبل", "القادم")
_PAST = ("الماضي", "المنصرم", "الفائت")


def _alt(words) -> str:
    """A regex alternation of the words, longest first (so ربيع الأول wins over a shorter name)."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_MONTH = _alt(MONTHS)
_HMONTH = _alt(HIJRI_MONTHS)
_REL = "الماضي|المقبل|القادم|الحالي|الجاري|المنصرم|الفائت"
_NUM = "[0-9٠-٩]"
_DAY = rf"(?P<day>{_NUM}{{1,2}}|{_alt(ORDINALS)})"
# The year of a date: «2017», «من عام 2015», «لعام 1436هـ», «1436 هـ», «2015م».
_MARKS = r"هـ+|ه|هجرية|هجري|للهجرة|مـ+|م|ميلادية|ميلادي|للميلاد"  # هـ Hijri, م Gregorian
_YEAR = (rf"\s+(?:(?:من\s+)?(?:[لو]?عام|العام|[لو]?سنة)\s+)?(?P<year>{_NUM}{{4}})"
         rf"(?:\s*(?P<mark>{_MARKS})(?!\w))?")
# 11 يوليو (تموز) / الـ 20 من كانون الثاني / يناير الماضي / 30يونيو / 17 ذو القعدة 1436هـ / ٢٧ من رمضان
_EXPLICIT = re.compile(
    rf"(?<!\w)(?:[وف]?(?:في|فى)\s+)?(?:[وف]?(?:يوم|ليلة|اليوم)\s+)?[وف]?(?:الـ?\s*)?{_DAY}\s*(?:من\s+)?"
    rf"(?:شهر\s+)?(?:(?P<month>{_MONTH})(?:\s*(?:\(\s*(?:{_MONTH})\s*\)|/\s*(?:{_MONTH})))?|(?P<hmonth>{_HMONTH}))"
    rf"(?:{_YEAR})?(?:\s+(?P<rel>{_REL}))?"
)
# 24 - 10 - 2011, 31/7/2015م, 1436/11/17هـ (the Arab press writes day before month)
_SEP = r"\s*[/\-–.]\s*"
_NUMERIC = re.compile(
    rf"(?<![0-9٠-٩/.\-–])(?:(?P<d>{_NUM}{{1,2}}){_SEP}(?P<m>{_NUM}{{1,2}}){_SEP}(?P<y>{_NUM}{{4}})"
    rf"|(?P<y2>{_NUM}{{4}}){_SEP}(?P<m2>{_NUM}{{1,2}}){_SEP}(?P<d2>{_NUM}{{1,2}}))"
    rf"(?:\s*(?P<mark>هـ+|ه|مـ+|م)(?!\w))?(?!{_NUM}|{_SEP}{_NUM})"
)
# A Hijri month without its day: «رمضان 1427هـ», «شهر رمضان من عام 1435هـ», «مطلع ذي القعدة المقبل».
_HIJRI_MONTH = re.compile(
    rf"(?<!\w)(?:[وف]?(?:في|فى|خلال|منذ)\s+)?(?:[وف]?(?P<lead>غرة|غره|مطلع|بداية|بدايه|مستهل)\s+)?"
    rf"(?:[وفبل]?شهر\s+)?(?P<hmonth>{_HMONTH})(?:\s+(?:المبارك|الكريم|المعظم|الحرام|الفضيل))?"
    rf"(?:{_YEAR}|\s+(?P<rel>{_REL}))"
)
# A Hijri year alone, marked as one: «عام 1400هـ», «1436 هـ».
_HIJRI_YEAR = re.compile(
    rf"(?<!\w)(?:[وف]?(?:في|فى|منذ|خلال|حتى)\s+)?(?:[وفل]?(?:عام|العام|سنة|السنة)\s+)?(?P<year>{_NUM}{{4}})\s*"
    r"(?P<mark>هـ+|ه|هجرية|هجري|للهجرة)(?!\w)"
)
# A year that ends a numeric date or a span of years (4 – 9 - 1436ه، 1436/1437هـ) is no year mention of its own.
_NUMBER_BEFORE = re.compile(rf"{_NUM}\s*[/\-–.]\s*$")
# A place named after a date (مدينة العاشر من رمضان، جسر 6 أكتوبر) names no day.
_PLACE_HEADS = frozenset(fold(w) for w in ("مدينة", "مدينتي", "شارع", "جسر", "كوبري", "ميدان", "حي", "محطة", "نفق"))
# What may stand between the two calendars' names of one day: الموافق، «-»، «/»، brackets.
_PAIR_GAP = re.compile(r"\s*\)?\s*(?:[-–/،,]|(?:[وف]?(?:ال)?موافق|ويوافق|وفق)\s*(?:لـ?|ل\s*)?)?\s*\(?\s*")
# A weekday that opens an explicit date takes that date: «يوم الثلاثاء 17 ذو القعدة»، «الأربعاء، 5 سبتمبر».
_WEEKDAY_BEFORE = re.compile(rf"(?:(?<!\w)[وف]?(?:يوم|اليوم)\s+)?(?<!\w)[وف]?(?:{_alt(WEEKDAYS)})"
                             rf"(?:\s+(?:{_REL}))?\s*[،,]?\s*(?:ال)?(?:موافق|الموافق)?\s*\(?\s*$")
# The first day of a range that names its month once: «10 - 12 شوال»، «من 3 إلى 5 يوليو»، «5 و6 أغسطس».
_RANGE_START = re.compile(rf"(?<![\w/.\-])(?:[وف]?(?:من|بين)\s+)?(?P<day>{_NUM}{{1,2}})\s*(?:[-–]|إلى|الى|حتى|و)\s*$")

_THIS_MONTH = re.compile(
    rf"(?<!\w)(?:[وف]?(?:في|فى)\s+)?{_DAY}\s+(?:من\s+)?(?:هذا\s+)?(?:ال)?شهر\s*(?P<rel>الحالي|الجاري|الماضي|المقبل)?")
# A weekday written beside a relative word (أمس الجمعة، غدًا السبت، أمس (الاثنين)) belongs to it.
_WITH_WEEKDAY = rf"(?:\s*\(\s*(?P<wd>{_alt(WEEKDAYS)})\s*\)|\s+(?P<wd2>{_alt(WEEKDAYS)})(?!\w))?"
_RELATIVE = [
    (re.compile(r"(?<!\w)(?:[وف]?ب?)?(?:أول|اول)\s+(?:من\s+)?(?:أمس|امس)(?!\w)" + _WITH_WEEKDAY), -2),
    (re.compile(r"(?<!\w)(?:[وف]?ب?)?(?:أمس|امس)\s+(?:الأول|الاول)(?!\w)" + _WITH_WEEKDAY), -2),
    (re.compile(r"(?<!\w)(?:اليوم|صباح اليوم|مساء اليوم)\s*\(\s*(?:أمس|امس)\s*\)"), -1),
    (re.compile(r"(?<!\w)(?:[وف]?ب?)?(?:ال)?(?:أمس|امس)(?!\w)" + _WITH_WEEKDAY), -1),
    (re.compile(r"(?<!\w)[وف]?بعد\s+(?:غد|الغد)[ًٍ]?(?!\w)" + _WITH_WEEKDAY), 2),
    (re.compile(r"(?<!\w)(?:[وف]?)?(?:غدا|غداً|غدًا)(?!\w)" + _WITH_WEEKDAY), 1),
    (re.compile(r"(?<!\w)(?:[وف]?(?:من|يوم|صباح|مساء|ظهر)\s+)?غد[ًٍ]?(?!\w)" + _WITH_WEEKDAY), 1),
    (re.compile(r"(?<!\w)[وف]?(?:يوم|في|صباح|مساء|ظهر)\s+الغد(?!\w)" + _WITH_WEEKDAY), 1),
]
_WEEK = re.compile(r"(?<!\w)(?:[وف]?(?:في|خلال)\s+)?(?:[وف]?)?(?:ال)?(?:أسبوع|اسبوع)\s+(?P<rel>المقبل|القادم|الماضي|"
                   r"المنصرم|الجاري|الحالي)(?!\w)")
_SAME = re.compile(r"\s*(?:ذاته|نفسه|عينه)(?!\w)")
_NEXT_DAY = re.compile(r"(?<!\w)(?:[وف]?(?:في|فى)\s+)?(?:اليوم|اليوم)\s+(?:اللاحق|التالي)(?!\w)")
# A weekday word (a proclitic و/ف allowed), then what makes it name a day rather than «the two» or «the one»:
_WEEKDAY = re.compile(rf"(?<!\w)[وف]?(?P<wd>{_alt(WEEKDAYS)})(?!\w)(?:\s+(?P<rel>الماضي|المقبل|القادم|المنصرم))?")
# Words before a weekday that make it no day of this week: «بين الاثنين» (the two), «الواحد الأحد», «صلاة الجمعة»
# (the prayer, any Friday), «سوق الخميس» (a place), «كل خميس»/«أيام الجمعة» (every one).
_NOT_A_DAY_AFTER = frozenset(fold(w) for w in (
    "بين", "كلا", "كلتا", "هذين", "هذان", "هاتين", "إلا", "الا", "سوى", "الواحد", "صلاة", "صلاتي", "صلوات",
    "خطبة", "خطب", "خطيب", "خطباء", "أئمة", "إمام", "امام", "سوق", "مسجد", "جامع", "كل", "أيام", "ايام", "عطلة",
    "عطلتي", "تقويم",
))
# Words after «الاثنين» that make it «the two» (الاثنين معا، الاثنين والسبعين), after «الأحد» «eleven» (الأحد عشر).
_NOT_A_DAY_BEFORE = re.compile(r"\s+(?:معا|معاً|منهما|منهم|الآخرين|الاخرين|اللذين|كليهما|عشر|و(?:ال)?\w+ين(?!\w))")


def _to_int(day: str) -> int:
    """A day as a number, from digits (Latin or Arabic-Indic) or an ordinal word."""
    return ORDINALS.get(day) or int(day.translate(_DIGITS))


def _safe(y: int, m: int, d: int) -> dt.date | None:
    """The Gregorian day, or None when there is no such day."""
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _pick(pub: dt.date, make: Callable[[int], dt.date | None], year: int,
          rel: str | None) -> tuple[int, dt.date] | None:
    """A day with no year: the nearest sensible one around publication (past by default); `make` builds the day
    of a given year and `year` is the publication's year in that calendar."""
    this = make(year)
    if this is None:
        return None
    if rel in _FUTURE:
        return (year, this) if this >= pub else (year + 1, make(year + 1))
    if rel in _PAST:
        return (year, this) if this < pub else (year - 1, make(year - 1))
    if this <= pub or (this - pub).days <= 45:
        return year, this  # the near future is written without a year too (وفي 11 يوليو، ستجتمع …)
    return year - 1, make(year - 1)


def _pick_year(pub: dt.date, month: int, day: int, rel: str | None) -> dt.date | None:
    """A Gregorian day with no year, placed around publication."""
    got = _pick(pub, lambda y: _safe(y, month, day), pub.year, rel)
    return got[1] if got else None


@dataclass
class _Found:
    """A date found by one of the explicit patterns, before it becomes a DateRef."""

    start: int
    end: int
    day: dt.date
    relative: bool
    calendar: str  # "gregorian" or "hijri"
    hijri: str | None = None
    precision: str = "day"
    explicit_year: bool = True


# Words around which a date can stand, by the patterns they call for: each pattern runs only near its own
# words (trying them everywhere is slow).
_GREGORIAN, _HIJRI, _YEARS, _RELATIVES, _WEEKDAYS, _WEEKS = (1 << i for i in range(6))
_TRIGGERS = [
    (_GREGORIAN, {fold(part) for name in MONTHS for part in name.split()} | {"شهر", "الشهر"}),
    (_HIJRI, {fold(part) for name in HIJRI_MONTHS for part in name.split() if part not in ("ذو", "ذي", "ذا")}),
    (_YEARS, {"ه"}),
    (_RELATIVES, {fold(w) for w in ("أمس", "بالأمس", "الأمس", "غدا", "غد", "الغد", "اليوم")}),
    (_WEEKDAYS, {fold(w) for w in WEEKDAYS}),
    (_WEEKS, {fold(w) for w in ("الأسبوع", "أسبوع")}),
]


def _trigger_bits() -> dict[str, int]:
    """Each trigger word → the bits of the kinds it calls for: one table, so a new word is looked up once per
    reading, not once per kind."""
    bits: dict[str, int] = {}
    for bit, words in _TRIGGERS:
        for word in words:
            bits[word] = bits.get(word, 0) | bit
    return bits


_TRIGGER_BITS = _trigger_bits()
_YEARISH = re.compile(r"[0-9٠-٩]{4}[هم]?$")  # a year token (2015, 1436ه, 2015م): numeric and Hijri-year dates
_DIGITS_FIRST = frozenset("0123456789٠١٢٣٤٥٦٧٨٩")


def _written_bits() -> dict[str, int]:
    """Every written form of a trigger word (through its proclitics: بالأمس، وغدا) → the kinds its readings call
    for: a text word is answered by one look-up in this small table (no memo of every word read)."""
    bits: dict[str, int] = {}
    for word, bit in _TRIGGER_BITS.items():
        for written in proclitic_forms(word):
            bits[written] = bits.get(written, 0) | bit
    return bits


_WRITTEN_BITS = _written_bits()


def _kinds(key: str) -> int:
    """Which patterns a word calls for (a bit each), 0 for most words; through its proclitics (بالأمس)."""
    kinds = _YEARS if _YEARISH.match(key) else 0
    return kinds | _WRITTEN_BITS.get(key, 0)


def _windows(text: str, tokens: list[Token]) -> dict[int, list[tuple[int, int]]]:
    """Stretches of text around date words, merged, for each kind of date word."""
    spans: dict[int, list[tuple[int, int]]] = {}
    table, digits, size = _WRITTEN_BITS, _DIGITS_FIRST, len(text)
    for t in tokens:
        kinds = table.get(t.key)
        if kinds is None:  # most words: a year (2015، 1436ه) is the only date word no table lists
            if t.key[0] not in digits or not _YEARISH.match(t.key):
                continue
            kinds = _YEARS
        a, b = max(0, t.start - 45), min(size, t.end + 60)
        bit = 1
        while bit <= kinds:
            if kinds & bit:
                runs = spans.setdefault(bit, [])
                if runs and a <= runs[-1][1]:
                    runs[-1] = (runs[-1][0], b)
                else:
                    runs.append((a, b))
            bit <<= 1
    return spans


def _near(windows: dict[int, list[tuple[int, int]]], *kinds: int) -> list[tuple[int, int]]:
    """The windows of some kinds of date words, merged."""
    runs = sorted(w for k in kinds for w in windows.get(k, ()))
    out: list[tuple[int, int]] = []
    for a, b in runs:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def _finditer(pattern: re.Pattern, text: str, windows: list[tuple[int, int]]):
    """The pattern's matches inside each window."""
    for a, b in windows:
        yield from pattern.finditer(text, a, b)


def _overlaps(m: re.Match | _Found, spans) -> bool:
    """Does a match overlap any of the spans?"""
    start, end = (m.start(), m.end()) if isinstance(m, re.Match) else (m.start, m.end)
    return any(a < end and start < b for a, b in spans)


def _year_of(m: re.Match) -> int | None:
    """The year a match names, as a number, or None."""
    return int(m.group("year").translate(_DIGITS)) if m.group("year") else None


def _hijri_day(pub: dt.date | None, year: int | None, month: int, day: int,
               rel: str | None) -> tuple[dt.date, str, bool] | None:
    """A Hijri day as (Gregorian day, Hijri key, resolved against publication?); a year-less one needs `pub`."""
    if year is not None:
        if not FIRST_YEAR <= year <= LAST_YEAR:
            return None
        g = to_gregorian(year, month, day)
        return (g, hijri_key(year, month, day), False) if g else None
    now = from_gregorian(pub) if pub else None
    if now is None:
        return None
    got = _pick(pub, lambda y: to_gregorian(y, month, day), now[0], rel)
    if got is None or got[1] is None:
        return None
    return got[1], hijri_key(got[0], month, day), True


Windows = dict[int, list[tuple[int, int]]]  # kind of date word → stretches of text around such words


def _explicit(text: str, windows: Windows, pub: dt.date | None) -> tuple[list[_Found], list[tuple[int, int]]]:
    """Days named with a month name in either calendar, and numeric dates, in text order, none overlapping; and
    the spans of every day so named, found or not (a day that does not exist is no month mention either)."""
    matches: list[re.Match] = []
    for m in _finditer(_EXPLICIT, text, _near(windows, _GREGORIAN, _HIJRI)):
        before = text[max(0, m.start() - 16):m.start()].split()
        if before and fold(before[-1]).lstrip("وف") in _PLACE_HEADS:
            continue
        if not _overlaps(m, [(o.start(), o.end()) for o in matches]):
            matches.append(m)
    matches.sort(key=lambda m: m.start())
    found: list[_Found] = []
    for k, m in enumerate(matches):
        day, year, rel = _to_int(m.group("day")), _year_of(m), m.group("rel")
        if year is None and rel is None and _scheduled(text, m.start()):
            rel = "المقبل"  # a scheduled day without its year is the next one
        if m.group("hmonth"):
            month = HIJRI_MONTHS[m.group("hmonth")]
            # صفر is also "zero" (فاز 2 صفر): as a month it needs a year, a «من», «شهر» or a relative word
            if m.group("hmonth") == "صفر" and not (year or rel or re.search(r"(?:من|شهر)\s+صفر", m.group())):
                continue
            if year is None:
                year = _coordinated_year(text, m, matches[k + 1] if k + 1 < len(matches) else None, "hmonth")
            got = _hijri_day(pub, year, month, day, rel)
            if got:
                hy = int(got[1][:4])
                _range_first(text, m, found, lambda d: (to_gregorian(hy, month, d), hijri_key(hy, month, d)))
                found.append(_Found(m.start(), m.end(), got[0], got[2], "hijri", got[1], explicit_year=not got[2]))
            continue
        month = MONTHS[m.group("month")]
        if (m.group("mark") or "").startswith("ه"):
            continue  # «5 سبتمبر 1436هـ»: a Hijri year by a Gregorian month is a slip, not a day of 1436 AD
        if year is None:
            year = _coordinated_year(text, m, matches[k + 1] if k + 1 < len(matches) else None, "month")
        got_day = _safe(year, month, day) if year is not None else _pick_year(pub, month, day, rel) if pub else None
        if got_day:
            gy = got_day.year
            _range_first(text, m, found, lambda d: (_safe(gy, month, d), None))
            found.append(_Found(m.start(), m.end(), got_day, year is None, "gregorian", explicit_year=year is not None))
    for m in _finditer(_NUMERIC, text, windows.get(_YEARS, [])):
        seps = set(re.sub(r"[\s0-9٠-٩]", "", text[m.start():m.end("y") if m.group("y") else m.end("d2")]))
        if _overlaps(m, [(f.start, f.end) for f in found]) or ("." in seps and len(seps) > 1):
            continue  # «3.5-2015» is a number and a year, not 3 May
        d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("y") else (m.group("d2"), m.group("m2"),
                                                                                       m.group("y2"))
        d, mo, y = (int(v.translate(_DIGITS)) for v in (d, mo, y))
        mark = m.group("mark") or ""
        if mark.startswith("ه") or (not mark and FIRST_YEAR <= y <= LAST_YEAR):
            got = _hijri_day(None, y, mo, d, None) if 1 <= mo <= 12 else None
            if got:
                found.append(_Found(m.start(), m.end(), got[0], False, "hijri", got[1]))
        elif 1900 <= y <= 2100:
            got_day = _safe(y, mo, d)
            if got_day:
                found.append(_Found(m.start(), m.end(), got_day, False, "gregorian"))
    return sorted(found, key=lambda f: f.start), [(m.start(), m.end()) for m in matches]


def _range_first(text: str, m: re.Match, found: list[_Found],
                 make: Callable[[int], tuple[dt.date | None, str | None]]) -> None:
    """The first day of a range whose month is named once (10 - 12 شوال): a date of its own, in the same month."""
    if text[m.start():m.start("day")].strip() not in ("", "و", "ف"):
        return
    r = _RANGE_START.search(text, max(0, m.start("day") - 25), m.start("day"))
    if r is None or (found and found[-1].end > r.start()):
        return
    first = int(r.group("day").translate(_DIGITS))
    if first >= _to_int(m.group("day")):
        return  # «2 - 1 شوال» is no range (a score, a count)
    day, hijri = make(first)
    if day is not None:
        found.append(_Found(r.start(), r.end("day"), day, not m.group("year"), "hijri" if hijri else "gregorian",
                            hijri, explicit_year=bool(m.group("year"))))


def _coordinated_year(text: str, m: re.Match, nxt: re.Match | None, kind: str) -> int | None:
    """في 16 نوفمبر و28 ديسمبر 2017: a date of the same calendar joined by «و» lends its year."""
    if nxt is None or not nxt.group(kind) or not nxt.group("year"):
        return None
    gap = text[m.end():nxt.start()] + ("و" if nxt.group().startswith("و") else "")
    return _year_of(nxt) if re.fullmatch(r"\s*و\s*", gap) else None


def _same_day_named_with_year(found: list[_Found]) -> None:
    """A year-less day that the article also names with its year (هجمات 11 سبتمبر … 11 سبتمبر 2001) takes it."""
    dated: dict[tuple[str, int, int], set[dt.date]] = {}
    for f in found:
        if f.explicit_year and f.calendar == "gregorian":
            dated.setdefault((f.calendar, f.day.month, f.day.day), set()).add(f.day)
    for f in found:
        if not f.explicit_year and f.calendar == "gregorian":
            days = dated.get((f.calendar, f.day.month, f.day.day), set())
            if len(days) == 1:
                f.day, f.relative, f.explicit_year = next(iter(days)), False, True


def _merge_pairs(text: str, found: list[_Found]) -> list[_Found]:
    """One day named in both calendars (… 1436هـ الموافق 1 سبتمبر 2015م) is one date: the Gregorian day as the
    article gives it, with the Hijri date beside it."""
    out: list[_Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (prev is not None and {prev.calendar, f.calendar} == {"gregorian", "hijri"} and prev.precision == "day"
                and _PAIR_GAP.fullmatch(text, prev.end, f.start) and abs((prev.day - f.day).days) <= 2):
            greg, hij = (prev, f) if prev.calendar == "gregorian" else (f, prev)
            # the article's own Gregorian day wins over the Umm al-Qura reckoning (a sighting may differ by a day)
            day = greg.day if greg.explicit_year or not hij.explicit_year else hij.day
            out[-1] = _Found(prev.start, f.end, day, greg.relative and hij.relative, "hijri", hij.hijri,
                             explicit_year=greg.explicit_year or hij.explicit_year)
            continue
        out.append(f)
    return out


def _with_weekday(text: str, f: _Found) -> None:
    """Take a weekday word that opens the date into its words (it names the same day, not another)."""
    m = _WEEKDAY_BEFORE.search(text, max(0, f.start - 24), f.start)
    if m:
        f.start = m.start()


def _month_and_year_mentions(text: str, windows: Windows, pub: dt.date | None,
                             taken: list[tuple[int, int]]) -> list[_Found]:
    """Hijri months and years named without a day, kept at their precision (the first day of the month or year)."""
    found: list[_Found] = []
    for m in _finditer(_HIJRI_MONTH, text, windows.get(_HIJRI, [])):
        if _overlaps(m, taken) or _overlaps(m, [(f.start, f.end) for f in found]):
            continue
        month, year, rel = HIJRI_MONTHS[m.group("hmonth")], _year_of(m), m.group("rel")
        gregorian_mark = bool(m.group("mark")) and not m.group("mark").startswith("ه")
        if gregorian_mark or (year is not None and not FIRST_YEAR <= year <= LAST_YEAR):
            continue  # «رمضان 2015م»: a Gregorian year is no Hijri month's
        exact = m.group("lead") in ("غرة", "غره")  # غرة: the month's first day itself
        if year is None:
            now = from_gregorian(pub) if pub else None
            if now is None:
                continue
            if rel in ("الجاري", "الحالي"):
                year = now[0]
            else:
                got = _pick(pub, lambda y: to_gregorian(y, month, 1), now[0], rel if rel in _FUTURE + _PAST else None)
                if got is None:
                    continue
                year = got[0]
        day = to_gregorian(year, month, 1)
        if day is None:
            continue
        found.append(_Found(m.start(), m.end(), day, m.group("year") is None, "hijri",
                            hijri_key(year, month, 1 if exact else None), "day" if exact else "month"))
    for m in _finditer(_HIJRI_YEAR, text, windows.get(_YEARS, [])):
        year = _year_of(m)
        if (_overlaps(m, taken) or _overlaps(m, [(f.start, f.end) for f in found])
                or not FIRST_YEAR <= year <= LAST_YEAR or _NUMBER_BEFORE.search(text, max(0, m.start() - 12),
                                                                                 m.start("year"))):
            continue  # «1436/1437هـ» is a span of two years, not a year
        day = to_gregorian(year, 1, 1)
        if day:
            found.append(_Found(m.start(), m.end(), day, False, "hijri", hijri_key(year), "year"))
    return found


# A weekday that a deadline or a schedule points to is the next one: «تأجيل التصويت إلى الثلاثاء»، «من المقرر أن …».
_AHEAD_WORDS = frozenset(fold(w) for w in ("إلى", "الى", "بحلول", "لغاية", "موعد", "موعدها", "موعده"))
_SCHEDULED = re.compile(r"(?:من\s+)?(?:المقرر|المنتظر|المرتقب|المزمع)\s+أن|سوف\s")
# «الانتخابات الرئاسية المقررة في 23 ديسمبر»: a scheduled thing just before the date.
_SCHEDULED_THING = frozenset(fold(w) for w in ("المقرر", "المقررة", "المزمع", "المزمعة", "المرتقب", "المرتقبة",
                                               "المنتظر", "المنتظرة", "المرتقبين"))


def _scheduled(text: str, start: int) -> bool:
    """Is the day named at `start` one the sentence schedules (من المقرر أن، سوف، … المقررة في)?"""
    clause = re.split(r"[.!?؟\n]", text[max(0, start - 80):start])[-1]
    return (_SCHEDULED.search(clause) is not None
            or any(fold(w) in _SCHEDULED_THING for w in clause.split()[-2:]))


_NIGHT_PAIR = re.compile(r"\s*(?:/|-|–|إلى|الى|حتى)?\s*")


def _looks_ahead(text: str, start: int) -> bool:
    """Does the sentence before a weekday set it in the future (a deadline, a schedule)?"""
    before = text[max(0, start - 80):start]
    clause = re.split(r"[.!?؟\n]", before)[-1]
    words = clause.split()
    if words and words[-1] in ("يوم",):
        words = words[:-1]
    if len(words) > 1 and words[-2].lstrip("وف") in WEEKDAYS:
        return False  # «من الاثنين إلى الخميس»: a stretch of days, not a deadline
    return bool(words and fold(words[-1]) in _AHEAD_WORDS) or _scheduled(text, start)


def _names_a_day(text: str, m: re.Match) -> bool:
    """Does a weekday word name a day here (not «بين الاثنين», «صلاة الجمعة», «الأحد عشر»)?"""
    before = text[max(0, m.start() - 20):m.start()].split()
    if before and fold(before[-1].strip("،,.:«»\"'()")) in _NOT_A_DAY_AFTER:
        return False
    return not (m.group("wd") in ("الاثنين", "الإثنين", "الأثنين", "الأحد", "الاحد")
                and _NOT_A_DAY_BEFORE.match(text, m.end("wd")))


def find_dates(text: str, published: str | None, tokens: list[Token] | None = None) -> list[DateRef]:
    """Every calendar day the text names, resolved; relative words need the publication date."""
    pub = dt.date.fromisoformat(published) if published else None
    found: list[DateRef] = []
    taken: list[tuple[int, int]] = []
    windows = _windows(text, tokens if tokens is not None else tokenize(text))
    if not windows:
        return found

    def keep(f: _Found) -> None:
        """Record a date found by the explicit patterns."""
        if text[f.start:f.end].count("(") > text[f.start:f.end].count(")") and text[f.end:f.end + 1] == ")":
            f.end += 1  # (10 شوال 1436ه ) الموافق (26 يوليو 2015م): the words end with the bracket they opened
        taken.append((f.start, f.end))
        found.append(DateRef(f.day.isoformat(), text[f.start:f.end].strip(), f.start, f.end, f.relative,
                             f.precision, f.hijri))

    explicit, named = _explicit(text, windows, pub)
    _same_day_named_with_year(explicit)
    for f in _merge_pairs(text, explicit):
        _with_weekday(text, f)
        keep(f)
    for f in _month_and_year_mentions(text, windows, pub, taken + named):
        keep(f)

    def add(m: re.Match, day: dt.date | None, relative: bool) -> bool:
        """Record a relative date unless its words are taken; say whether it was."""
        if day is None or _overlaps(m, taken):
            return False
        taken.append((m.start(), m.end()))
        found.append(DateRef(day.isoformat(), m.group().strip(), m.start(), m.end(), relative))
        return True

    if pub is None:
        return sorted(found, key=lambda d: d.start)
    for m in _finditer(_THIS_MONTH, text, windows.get(_GREGORIAN, [])):
        rel = m.group("rel")
        if not rel and _SAME.match(text, m.end()):
            # «في الثامن من الشهر ذاته»: the month of the last date named before it, in its calendar
            prior = max((d for d in found if d.end <= m.start() and d.precision == "day"), key=lambda d: d.end,
                        default=None)
            if prior is not None and prior.hijri is None:
                last_day = dt.date.fromisoformat(prior.date)
                add(m, _safe(last_day.year, last_day.month, _to_int(m.group("day"))), prior.relative)
            continue
        y, mo = pub.year, pub.month + {"الماضي": -1, "المقبل": 1}.get(rel or "الحالي", 0)
        y, mo = (y - 1, 12) if mo == 0 else (y + 1, 1) if mo == 13 else (y, mo)
        add(m, _safe(y, mo, _to_int(m.group("day"))), True)
    for pattern, delta in _RELATIVE:
        for m in _finditer(pattern, text, windows.get(_RELATIVES, [])):
            day = pub + dt.timedelta(days=delta)
            named = m.groupdict().get("wd") or m.groupdict().get("wd2")
            if named:  # the weekday names the day: the one nearest the relative word's (dates on file can be
                # a day off the paper's own: «أمس الأربعاء» in a paper dated Tuesday)
                shift = (WEEKDAYS[named] - day.weekday()) % 7
                day += dt.timedelta(days=shift if shift <= 3 else shift - 7)
            add(m, day, True)
    last: tuple[re.Match, dt.date] | None = None
    for m in _finditer(_WEEKDAY, text, windows.get(_WEEKDAYS, [])):
        if not _names_a_day(text, m) or _overlaps(m, taken):
            continue
        wd = WEEKDAYS[m.group("wd")]
        if (last is not None and not m.group("rel") and (wd - last[1].weekday()) % 7 == 1
                and _NIGHT_PAIR.fullmatch(text, last[0].end(), m.start())):
            day = last[1] + dt.timedelta(days=1)  # ليل الخميس إلى الجمعة، ليل الجمعة/السبت: the next day
        elif m.group("rel") in _FUTURE or (not m.group("rel") and _looks_ahead(text, m.start())):
            day = pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or 7)
        elif m.group("rel") in _PAST:
            day = pub - dt.timedelta(days=(pub.weekday() - wd) % 7 or 7)
        else:
            day = pub - dt.timedelta(days=(pub.weekday() - wd) % 7)
        if add(m, day, True):
            last = (m, day)
    for m in _finditer(_WEEK, text, windows.get(_WEEKS, [])):
        # a week is kept as its Monday, marked as week precision
        shift = {"المقبل": 7, "القادم": 7, "الماضي": -7, "المنصرم": -7}.get(m.group("rel"), 0)
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(days=shift)
        if add(m, monday, True):
            found[-1].precision = "week"
    found.sort(key=lambda d: d.start)
    for m in _finditer(_NEXT_DAY, text, windows.get(_RELATIVES, [])):
        prior = [d for d in found if d.end <= m.start()]
        if prior:
            add(m, dt.date.fromisoformat(prior[-1].date) + dt.timedelta(days=1), True)
    return sorted(found, key=lambda d: d.start)
