"""dates: calendar days named in the text, resolved against the publication date, with the words as written."""
from __future__ import annotations

import pytest

from lib.extract.dates import find_dates

# (text, published, expected days in order of appearance, the words that name each day)
CASES = [
    ("وفي 11 يوليو (تموز)، ستجتمع الفرق العاملة", "2017-07-07", ["2017-07-11"], ["وفي 11 يوليو (تموز)"]),
    ("وفي 13 من الشهر الحالي: «تجتمع المجموعة الصغيرة»", "2017-07-07", ["2017-07-13"],
     ["وفي 13 من الشهر الحالي"]),
    ("وفي 11 يوليو (تموز)، ستجتمع الفرق، على أن يجتمع في اليوم اللاحق أعضاء التحالف", "2017-07-07",
     ["2017-07-11", "2017-07-12"], ["وفي 11 يوليو (تموز)", "في اليوم اللاحق"]),
    ("إلى ذلك، أفيد أمس بأن التحالف سيعقد اجتماعات", "2017-07-07", ["2017-07-06"], ["أمس"]),
    ("وأمس قال المتحدث إن", "2017-07-07", ["2017-07-06"], ["وأمس"]),
    ("وقع الهجوم أول من أمس قرب الرقة", "2017-07-07", ["2017-07-05"], ["أول من أمس"]),
    ("وقال صباح اليوم (أمس) إن القوات تقدمت", "2017-07-07", ["2017-07-06"], ["صباح اليوم (أمس)"]),
    ("منذ الـ 20 من كانون الثاني / يناير الماضي", "2018-02-21", ["2018-01-20"],
     ["الـ 20 من كانون الثاني / يناير الماضي"]),
    ("في التاسع من كانون الثاني/يناير 2017 أعلن", "2018-02-21", ["2017-01-09"],
     ["في التاسع من كانون الثاني/يناير 2017"]),
    ("منذ الأول من تشرين الثاني/نوفمبر", "2018-06-01", ["2017-11-01"], ["الأول من تشرين الثاني/نوفمبر"]),
    ("في ١١ يوليو ٢٠١٦", None, ["2016-07-11"], ["في ١١ يوليو ٢٠١٦"]),
    ("في 11 يوليو من عام 2015", None, ["2015-07-11"], ["في 11 يوليو من عام 2015"]),
    ("في 5 آب المقبل", "2017-07-07", ["2017-08-05"], ["في 5 آب المقبل"]),
    ("في 5 آب الماضي", "2017-07-07", ["2016-08-05"], ["في 5 آب الماضي"]),
    ("في 13 من الشهر الماضي", "2017-01-07", ["2016-12-13"], ["في 13 من الشهر الماضي"]),
]

# Texts that name no day (or none that can be resolved): nothing may be found.
NOTHING = [
    ("قال إن القوات تقدمت نحو الرقة", "2017-07-07"),
    ("قتل 20 مدنيا في 20 قرية", "2017-07-07"),
    ("عشرات الآلاف نزحوا في 2017", None),
    ("حضرت أمسية شعرية", "2017-07-07"),
    ("على أن يجتمع في اليوم اللاحق أعضاء التحالف", "2017-07-07"),  # no day before it to follow
    ("في 31 فبراير 2017", None),  # no such day
    ("في 29 فبراير", "2017-03-01"),  # no such day in 2017
    ("أعضاء التحالف الاثنين والسبعين", "2017-07-07"),  # seventy-two, not Monday
    ("أكد الطرفان الاثنان", "2017-07-07"),
    ("", "2017-07-07"),
]


def _days(text: str, published: str | None) -> list[str]:
    return [d.date for d in find_dates(text, published)]


@pytest.mark.parametrize("text, published, days, words", CASES)
def test_find_dates_resolves_the_day(text, published, days, words):
    found = find_dates(text, published)
    assert [d.date for d in found] == days
    assert [d.text for d in found] == words


@pytest.mark.parametrize("text, published", NOTHING)
def test_find_dates_finds_nothing(text, published):
    assert find_dates(text, published) == []


@pytest.mark.parametrize("text, published, days, words", CASES)
def test_date_offsets_point_at_the_words(text, published, days, words):
    for d in find_dates(text, published):
        assert 0 <= d.start < d.end <= len(text)
        assert text[d.start:d.end].strip() == d.text
        assert d.text in text


def test_yesterday_with_its_weekday_is_one_day():
    assert set(_days("وقال أمس الجمعة إن المفاوضات ستستأنف", "2017-02-11")) == {"2017-02-10"}


def test_a_coordinated_date_lends_its_year_when_the_and_stands_apart():
    text = "في 16 تشرين الثاني/نوفمبر و 28 كانون الأول/ديسمبر 2017"
    assert _days(text, None) == ["2017-11-16", "2017-12-28"]


@pytest.mark.parametrize("published", [None, "2017-07-07"])
def test_a_coordinated_date_lends_its_year(published):
    text = "في 16 تشرين الثاني/نوفمبر و28 كانون الأول/ديسمبر 2017"
    assert _days(text, published) == ["2017-11-16", "2017-12-28"]


def test_without_a_publication_date_only_days_with_a_year_are_kept():
    text = "قال أمس إنه في 11 يوليو، وبعد اليوم اللاحق، وفي التاسع من كانون الثاني/يناير 2017، وقع الاتفاق"
    found = find_dates(text, None)
    assert [d.date for d in found] == ["2017-01-09"]
    assert all(not d.relative for d in found)


@pytest.mark.parametrize("text", ["أمس", "أول من أمس", "في 11 يوليو (تموز)", "وفي 13 من الشهر الحالي",
                                  "صباح اليوم (أمس)"])
def test_relative_words_need_a_publication_date(text):
    assert find_dates(text, None) == []


def test_days_resolved_against_publication_are_marked_relative():
    found = find_dates("قال أمس إن الهدنة بدأت في 9 يناير 2017", "2017-07-07")
    assert [(d.date, d.relative) for d in found] == [("2017-07-06", True), ("2017-01-09", False)]


def test_near_future_without_a_year_stays_in_the_publication_year():
    assert _days("في 11 يوليو", "2017-07-07") == ["2017-07-11"]
    assert _days("في 3 مايو", "2017-12-30") == ["2017-05-03"]  # past this year
    assert _days("في 1 سبتمبر", "2017-07-07") == ["2016-09-01"]  # far ahead: last year's


def test_bil_ams_is_yesterday():
    assert _days("وقال بالأمس إن", "2017-07-07") == ["2017-07-06"]


@pytest.mark.parametrize("text, published, monday", [
    ("سيعقد التحالف اجتماعات في واشنطن الأسبوع المقبل", "2017-07-07", "2017-07-10"),
    ("وحول زيارة الوزير الأسبوع الماضي إلى أربيل", "2015-07-27", "2015-07-20"),
    ("تتواصل المعارك خلال الأسبوع الجاري", "2018-02-21", "2018-02-19"),
])
def test_a_named_week_is_kept_as_its_monday(text, published, monday):
    weeks = [d for d in find_dates(text, published) if d.precision == "week"]
    assert [d.date for d in weeks] == [monday]
    assert all(d.precision == "day" for d in find_dates("قال أمس إن الوضع هادئ", "2017-07-07"))
