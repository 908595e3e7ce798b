"""The Hijri calendar as the Saudi and Gulf press write it: month names in their spellings, and the Umm al-Qura
conversion to Gregorian days (through `hijridate`, which covers 1343–1500 AH, 1924–2077)."""
from __future__ import annotations

import datetime as dt

from hijridate import Gregorian, Hijri

# Month names as printed, with the spellings the press uses (ذو/ذي/ذا after a preposition, ة or ه, with or
# without the article and hamza). Matching is on these literal forms: folding would merge صفر with other words.
HIJRI_MONTHS: dict[str, int] = {}
for _month, _forms in {
    1: ["محرم", "المحرم", "مُحرم", "محرّم"],
    2: ["صفر"],
    3: ["ربيع الأول", "ربيع الاول", "ربيع أول", "ربيع اول", "ربيع الأوّل"],
    4: ["ربيع الثاني", "ربيع الآخر", "ربيع الاخر", "ربيع ثاني", "ربيع آخر", "ربيع الآخِر"],
    5: ["جمادى الأولى", "جمادى الاولى", "جمادى الأول", "جمادى الاول", "جمادي الأولى", "جمادي الاولى",
        "جمادى أولى", "جمادي الأول", "جمادي الاول"],
    6: ["جمادى الآخرة", "جمادى الاخرة", "جمادى الآخر", "جمادى الاخر", "جمادى الثانية", "جمادى الثاني",
        "جمادي الآخرة", "جمادي الاخرة", "جمادي الثانية", "جمادى الآخره", "جمادى الاخره", "جمادي الآخر"],
    7: ["رجب"],
    8: ["شعبان"],
    9: ["رمضان"],
    10: ["شوال"],
    11: [f"{a} {b}" for a in ("ذو", "ذي", "ذا") for b in ("القعدة", "القعده", "القِعدة")],
    12: [f"{a} {b}" for a in ("ذو", "ذي", "ذا") for b in ("الحجة", "الحجه", "الحِجة")],
}.items():
    for _form in _forms:
        HIJRI_MONTHS[_form] = _month

# Names for display (the hover of a dated event): the form the Umm al-Qura calendar prints.
MONTH_NAMES = ("محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان",
               "رمضان", "شوال", "ذو القعدة", "ذو الحجة")

FIRST_YEAR, LAST_YEAR = 1343, 1500  # the years the Umm al-Qura tables cover


def to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian day of a Hijri date (Umm al-Qura), or None when there is no such day or it is out of range."""
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day)


def from_gregorian(day: dt.date) -> tuple[int, int, int] | None:
    """The Hijri (year, month, day) of a Gregorian day, or None out of the calendar's range."""
    try:
        h = Gregorian(day.year, day.month, day.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return h.year, h.month, h.day


def hijri_key(year: int, month: int | None = None, day: int | None = None) -> str:
    """A Hijri date as text at its precision: "1436-11-17", "1436-11" or "1436"."""
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"


def hijri_label(key: str | None) -> str:
    """A Hijri key ("1436-11-17") as readers write it ("17 ذو القعدة 1436 هـ"); "" for none or a malformed key."""
    if not key:
        return ""
    parts = key.split("-")
    try:
        nums = [int(p) for p in parts]
    except ValueError:
        return ""
    if not 1 <= len(nums) <= 3 or (len(nums) > 1 and not 1 <= nums[1] <= 12):
        return ""
    words = [str(nums[2])] if len(nums) == 3 else []
    words += [MONTH_NAMES[nums[1] - 1]] if len(nums) > 1 else []
    return " ".join(words + [f"{nums[0]} هـ"])
