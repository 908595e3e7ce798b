"""Dates in Arabic news text, explicit (11 يوليو (تموز)) or relative to publication (أمس، اليوم اللاحق)."""
from __future__ import annotations

import datetime as dt
import re

from lib.text.normalize import fold
from lib.records import DateRef
from lib.text.tokens import Token, Vocabulary, tokenize

MONTHS = {
    "يناير": 1, "كانون الثاني": 1, "فبراير": 2, "شباط": 2, "مارس": 3, "آذار": 3, "اذار": 3,
    "أبريل": 4, "ابريل": 4, "إبريل": 4, "نيسان": 4, "مايو": 5, "أيار": 5, "ايار": 5,
    "يونيو": 6, "يونيه": 6, "حزيران": 6, "يوليو": 7, "يوليه": 7, "تموز": 7, "أغسطس": 8, "اغسطس": 8,
    "آب": 8, "اب": 8, "سبتمبر": 9, "أيلول": 9, "ايلول": 9, "أكتوبر": 10, "اكتوبر": 10,
    "تشرين الأول": 10, "تشرين الاول": 10, "نوفمبر": 11, "تشرين الثاني": 11, "ديسمبر": 12,
    "كانون الأول": 12, "كانون الاول": 12,
}
ORDINALS = {
    "الأول": 1, "الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6, "السابع": 7,
    "الثامن": 8, "التاسع": 9, "العاشر": 10, "الحادي عشر": 11, "الثاني عشر": 12, "الثالث عشر": 13,
    "الرابع عشر": 14, "الخامس عشر": 15, "السادس عشر": 16, "السابع عشر": 17, "الثامن عشر": 18,
    "التاسع عشر": 19, "العشرين": 20, "الحادي والعشرين": 21, "الثاني والعشرين": 22, "الثالث والعشرين": 23,
    "الرابع والعشرين": 24, "الخامس والعشرين": 25, "السادس والعشرين": 26, "السابع والعشرين": 27,
    "الثامن والعشرين": 28, "التاسع والعشرين": 29, "الثلاثين": 30, "الحادي والثلاثين": 31,
}
WEEKDAYS = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الاربعاء": 2, "الخميس": 3,
            "الجمعة": 4, "السبت": 5, "الأحد": 6, "الاحد": 6}

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_MONTH = _alt(MONTHS)
_DAY = rf"(?P<day>[0-9٠-٩]{{1,2}}|{_alt(ORDINALS)})"
# 11 يوليو (تموز) / الـ 20 من كانون الثاني / يناير الماضي / التاسع من كانون الثاني/يناير 2017
_EXPLICIT = re.compile(
    rf"(?<!\w)(?:[وف]?(?:في|فى)\s+)?[وف]?(?:الـ?\s*)?{_DAY}\s+(?:من\s+)?(?:شهر\s+)?(?P<month>{_MONTH})"
    rf"(?:\s*(?:\(\s*(?:{_MONTH})\s*\)|/\s*(?:{_MONTH})))?"
    rf"(?:\s+(?:(?:من\s+)?(?:عام|العام)\s+)?(?P<year>[0-9٠-٩]{{4}}))?"
    rf"(?:\s+(?P<rel>الماضي|المقبل|القادم|الحالي|الجاري))?"
)
_THIS_MONTH = re.compile(
    rf"(?<!\w)(?:[وف]?(?:في|فى)\s+)?{_DAY}\s+(?:من\s+)?(?:هذا\s+)?(?:ال)?شهر\s*(?P<rel>الحالي|الجاري|الماضي|المقبل)?")
_RELATIVE = [
    (re.compile(r"(?<!\w)(?:[وف]?ب?)?(?:أول|اول)\s+(?:من\s+)?(?:أمس|امس)(?!\w)"), -2),
    (re.compile(r"(?<!\w)(?:[وف]?ب?)?(?:أمس|امس)\s+(?:الأول|الاول)(?!\w)"), -2),
    (re.compile(r"(?<!\w)(?:اليوم|صباح اليوم|مساء اليوم)\s*\(\s*(?:أمس|امس)\s*\)"), -1),
    (re.compile(r"(?<!\w)(?:[وف]?ب?)?(?:ال)?(?:أمس|امس)(?!\w)"), -1),
    (re.compile(r"(?<!\w)(?:[وف]?)?(?:غدا|غداً|غدًا)(?!\w)"), 1),
]
_WEEK = re.compile(r"(?<!\w)(?:[وف]?(?:في|خلال)\s+)?(?:[وف]?)?(?:ال)?(?:أسبوع|اسبوع)\s+(?P<rel>المقبل|القادم|الماضي|"
                   r"المنصرم|الجاري|الحالي)(?!\w)")
_NEXT_DAY = re.compile(r"(?<!\w)(?:[وف]?(?:في|فى)\s+)?(?:اليوم|اليوم)\s+(?:اللاحق|التالي)(?!\w)")
# A weekday counts only where it names a day: يوم الجمعة، أمس الجمعة، «، الجمعة،» (not «الاثنين والسبعين»).
_WEEKDAY = re.compile(
    rf"(?:(?<=يوم )|(?<=أمس )|(?<=امس )|(?<=صباح )|(?<=مساء )|(?<=ليلة )|(?<=، )|(?<=,\s)|(?<=في ))"
    rf"(?P<wd>{_alt(WEEKDAYS)})(?!\w)(?=\s*[،,.]|\s+(?:الماضي|المقبل|القادم)|\s+(?:\d|صباحا|مساء))"
    rf"(?:\s+(?P<rel>الماضي|المقبل|القادم))?")


def _to_int(day: str) -> int:
    return ORDINALS.get(day) or int(day.translate(_DIGITS))


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _pick_year(pub: dt.date, month: int, day: int, rel: str | None) -> dt.date | None:
    """A day with no year: the nearest sensible one around publication (past by default)."""
    this = _safe(pub.year, month, day)
    if this is None:
        return None
    if rel in ("المقبل", "القادم"):
        return this if this >= pub else _safe(pub.year + 1, month, day)
    if rel == "الماضي":
        return this if this < pub else _safe(pub.year - 1, month, day)
    if this <= pub or (this - pub).days <= 45:
        return this  # the near future is written without a year too (وفي 11 يوليو، ستجتمع …)
    return _safe(pub.year - 1, month, day)


# Words around which a date can stand: the patterns run only near them (trying them everywhere is slow).
_TRIGGERS = Vocabulary({fold(w) for w in [*(part for name in MONTHS for part in name.split()), *WEEKDAYS,
                                          "أمس", "بالأمس", "الأمس", "غدا", "اليوم", "شهر", "الشهر", "الأسبوع",
                                          "أسبوع"]})


def _windows(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Stretches of text around date words, merged."""
    spans: list[tuple[int, int]] = []
    for i in _TRIGGERS.positions(tokens):
        a, b = max(0, tokens[i].start - 45), min(len(text), tokens[i].end + 60)
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans


def _finditer(pattern: re.Pattern, text: str, windows: list[tuple[int, int]]):
    for a, b in windows:
        yield from pattern.finditer(text, a, b)


def find_dates(text: str, published: str | None, tokens: list[Token] | None = None) -> list[DateRef]:
    """Every calendar day the text names, resolved; relative words need the publication date."""
    pub = dt.date.fromisoformat(published) if published else None
    found: list[DateRef] = []
    taken: list[tuple[int, int]] = []
    windows = _windows(text, tokens if tokens is not None else tokenize(text))
    if not windows:
        return found

    def add(m: re.Match, day: dt.date | None, relative: bool) -> bool:
        if day is None or any(a < m.end() and m.start() < b for a, b in taken):
            return False
        taken.append((m.start(), m.end()))
        found.append(DateRef(day.isoformat(), m.group().strip(), m.start(), m.end(), relative))
        return True

    explicit: list[re.Match] = []
    for m in _finditer(_EXPLICIT, text, windows):
        if not any(o.start() < m.end() and m.start() < o.end() for o in explicit):
            explicit.append(m)
    explicit.sort(key=lambda m: m.start())
    for k, m in enumerate(explicit):
        month, day = MONTHS[m.group("month")], _to_int(m.group("day"))
        year = m.group("year")
        if year:
            add(m, _safe(int(year.translate(_DIGITS)), month, day), False)
            continue
        # في 16 نوفمبر و28 ديسمبر 2017: a coordinated date lends its year
        nxt = explicit[k + 1] if k + 1 < len(explicit) else None
        gap = text[m.end():nxt.start()] + ("و" if nxt.group().startswith("و") else "") if nxt is not None else ""
        if nxt is not None and nxt.group("year") and re.fullmatch(r"\s*و\s*", gap):
            add(m, _safe(int(nxt.group("year").translate(_DIGITS)), month, day), False)
            continue
        if pub is not None:
            add(m, _pick_year(pub, month, day, m.group("rel")), True)
    if pub is None:
        return sorted(found, key=lambda d: d.start)
    for m in _finditer(_THIS_MONTH, text, windows):
        rel = m.group("rel") or "الحالي"
        y, mo = pub.year, pub.month + {"الماضي": -1, "المقبل": 1}.get(rel, 0)
        y, mo = (y - 1, 12) if mo == 0 else (y + 1, 1) if mo == 13 else (y, mo)
        add(m, _safe(y, mo, _to_int(m.group("day"))), True)
    for pattern, delta in _RELATIVE:
        for m in _finditer(pattern, text, windows):
            add(m, pub + dt.timedelta(days=delta), True)
    for m in _finditer(_WEEKDAY, text, windows):
        wd = WEEKDAYS[m.group("wd")]
        back = (pub.weekday() - wd) % 7
        if m.group("rel") in ("المقبل", "القادم"):
            day = pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or 7)
        else:
            day = pub - dt.timedelta(days=back)
        add(m, day, True)
    for m in _finditer(_WEEK, text, windows):
        # a week is kept as its Monday, marked as week precision
        shift = {"المقبل": 7, "القادم": 7, "الماضي": -7, "المنصرم": -7}.get(m.group("rel"), 0)
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(days=shift)
        if add(m, monday, True):
            found[-1].precision = "week"
    found.sort(key=lambda d: d.start)
    for m in _finditer(_NEXT_DAY, text, windows):
        prior = [d for d in found if d.end <= m.start()]
        if prior:
            add(m, dt.date.fromisoformat(prior[-1].date) + dt.timedelta(days=1), True)
    return sorted(found, key=lambda d: d.start)
