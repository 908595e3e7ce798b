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


# -- Hijri dates, as the Saudi and Gulf press write them --------------------------------------------------------

# (text, published, [(Gregorian day, Hijri date, precision)], the words that name each)
HIJRI = [
    # both calendars for one day: one date, the article's Gregorian day, the weekday taken in
    ("يوم الثلاثاء 17 ذو القعدة 1436هـ الموافق 1 سبتمبر 2015م", "2015-09-03",
     [("2015-09-01", "1436-11-17", "day")], ["يوم الثلاثاء 17 ذو القعدة 1436هـ الموافق 1 سبتمبر 2015م"]),
    ("الرياض 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس", None,
     [("2015-08-11", "1436-10-26", "day")], ["26 شوال 1436 هـ الموافق 11 اغسطس 2015 م"]),
    ("يوم الأحد (10 شوال 1436ه ) الموافق (26 يوليو 2015م) ولمدة خمسة أيام", None,
     [("2015-07-26", "1436-10-10", "day")], ["يوم الأحد (10 شوال 1436ه ) الموافق (26 يوليو 2015م)"]),
    ("في التاسع من شهر رمضان 1436ه الموافق السادس والعشرين من شهر يونيو 2015م،", None,
     [("2015-06-26", "1436-09-09", "day")],
     ["في التاسع من شهر رمضان 1436ه الموافق السادس والعشرين من شهر يونيو 2015م"]),
    ("الثلاثاء 1 سبتمبر 2015 - 17 ذو القعدة 1436", None,
     [("2015-09-01", "1436-11-17", "day")], ["الثلاثاء 1 سبتمبر 2015 - 17 ذو القعدة 1436"]),
    # a Hijri day alone, in its spellings
    ("في 1 ذي الحجة 1436هـ", None, [("2015-09-14", "1436-12-01", "day")], ["في 1 ذي الحجة 1436هـ"]),
    ("بدءاً من ١٦ ذا القعده ١٤٣٦ هـ", None, [("2015-08-31", "1436-11-16", "day")], ["١٦ ذا القعده ١٤٣٦ هـ"]),
    ("فقراره في السادس من جمادى الآخرة لعام 1436ه بانطلاق", None, [("2015-03-26", "1436-06-06", "day")],
     ["في السادس من جمادى الآخرة لعام 1436ه"]),
    ("الإثنين 11 شوال 1436", None, [("2015-07-27", "1436-10-11", "day")], ["الإثنين 11 شوال 1436"]),
    ("بدءًا من غرة ذي القعدة 1436هـ للمنشآت", None, [("2015-08-16", "1436-11-01", "day")],
     ["غرة ذي القعدة 1436هـ"]),
    ("في 15 صفر 1437هـ", None, [("2015-11-27", "1437-02-15", "day")], ["في 15 صفر 1437هـ"]),
    ("في 3 ربيع الأول 1437هـ و5 جمادى الأولى 1437هـ", None,
     [("2015-12-14", "1437-03-03", "day"), ("2016-02-14", "1437-05-05", "day")],
     ["في 3 ربيع الأول 1437هـ", "و5 جمادى الأولى 1437هـ"]),
    # numeric, day first or year first
    ("حتى يوم 20 / 9 / 1436هـ .", None, [("2015-07-07", "1436-09-20", "day")], ["20 / 9 / 1436هـ"]),
    ("حتى الخميس الموافق 1436/10/28هـ.", None, [("2015-08-13", "1436-10-28", "day")],
     ["الخميس الموافق 1436/10/28هـ"]),
    # no year: resolved against publication (past by default, ahead with المقبل / القادم / الجاري)
    ("ليلة ٢٧ من رمضان، بيكون تأثيرها عالي", "2015-07-21", [("2015-07-14", "1436-09-27", "day")],
     ["ليلة ٢٧ من رمضان"]),
    ("الأربعاء 5 ذي القعدة المقبل.", "2015-08-05", [("2015-08-20", "1436-11-05", "day")],
     ["الأربعاء 5 ذي القعدة المقبل"]),
    ("في الـ 28 من شهر ذي الحجة القادم، معرض", "2015-08-05", [("2015-10-11", "1436-12-28", "day")],
     ["في الـ 28 من شهر ذي الحجة القادم"]),
    ("تنتهي في 30 شوال الجاري.", "2015-07-21", [("2015-08-15", "1436-10-30", "day")], ["في 30 شوال الجاري"]),
    ("خلال الفترة 10 - 12 شوال الجاري", "2015-07-28",
     [("2015-07-26", "1436-10-10", "day"), ("2015-07-28", "1436-10-12", "day")], ["10", "12 شوال الجاري"]),
    # a month or a year without its day: kept at that precision, as its first day
    ("مقارنة مع لشهر رمضان من عام 1435هـ الماضي.", None, [("2014-06-28", "1435-09", "month")],
     ["لشهر رمضان من عام 1435هـ"]),
    ("وكان هذا في رمضان 1427هـ ، مما", None, [("2006-09-24", "1427-09", "month")], ["في رمضان 1427هـ"]),
    ("في موعدها المحدد مطلع ذي القعدة المقبل.", "2015-08-01", [("2015-08-16", "1436-11", "month")],
     ["مطلع ذي القعدة المقبل"]),
    ("منذ شهر رمضان الماضي", "2015-08-01", [("2015-06-18", "1436-09", "month")], ["منذ شهر رمضان الماضي"]),
    ("تأسست عام 1400هـ (1980)", None, [("1979-11-20", "1400", "year")], ["عام 1400هـ"]),
]

HIJRI_NOTHING = [
    ("فاز الهلال 3 صفر على النصر", "2015-08-01"),  # zero, not the month
    ("اتصل الرئيس التركي رجب طيب أردوغان", "2015-08-01"),
    ("في مدينة العاشر من رمضان", "2015-08-01"),  # a city
    ("العام الدراسي 1436/1437هـ", "2015-08-01"),  # a span of two years
    ("خلال شهر رمضان المبارك", "2015-08-01"),  # a month with no year or relative word
    ("في 30 ذي القعدة 1436هـ", None),  # that month had 29 days (Umm al-Qura)
    ("في 5 رجب 1200هـ", None),  # before the calendar's tables
    ("ليلة ٢٧ من رمضان", None),  # no year and no publication date
    ("في رمضان 2015م", None),  # a Gregorian year
    ("وستبدأ اعتباراً 1-5/11/1436ه إن شاء الله", "2015-08-01"),  # a range of days, not a day
]


@pytest.mark.parametrize("text, published, expected, words", HIJRI)
def test_hijri_dates(text, published, expected, words):
    found = find_dates(text, published)
    assert [(d.date, d.hijri, d.precision) for d in found] == expected
    assert [d.text for d in found] == words
    for d in found:
        assert text[d.start:d.end].strip() == d.text


@pytest.mark.parametrize("text, published", HIJRI_NOTHING)
def test_texts_that_name_no_hijri_date(text, published):
    assert find_dates(text, published) == []


def test_gregorian_dates_carry_no_hijri_date():
    assert [d.hijri for d in find_dates("في 11 يوليو 2016 وأمس", "2017-07-07")] == [None, None]


# -- numeric dates and the same day named twice ------------------------------------------------------------------

@pytest.mark.parametrize("text, day", [
    ("التاريخ: 24 - 10 - 2011", "2011-10-24"),
    ("يوم الجمعة 31/7/2015م عن إحراق", "2015-07-31"),
    ("في 2011-10-24", "2011-10-24"),
    ("في 24.10.2011", "2011-10-24"),
])
def test_numeric_dates_day_first(text, day):
    assert _days(text, None) == [day]


@pytest.mark.parametrize("text", ["قتل 3.5-2015", "الهاتف 24-10-20115", "في 31/2/2015"])
def test_numbers_that_are_no_date(text):
    assert find_dates(text, None) == []


def test_a_day_without_year_takes_the_year_the_article_gives_it():
    text = "هجمات 11 سبتمبر (أيلول) عام 2001. وبعد هجمات 11 سبتمبر، أعلنت"
    assert _days(text, "2015-08-03") == ["2001-09-11", "2001-09-11"]


def test_no_space_between_day_and_month():
    assert _days("دفعتين في 30يونيو و13 يوليو", "2015-07-22") == ["2015-06-30", "2015-07-13"]


def test_a_scheduled_day_without_year_is_the_next_one():
    text = "رفض ترشيحه للانتخابات الرئاسية المقررة في 23 ديسمبر، بسبب إدانته"
    assert _days(text, "2018-09-04") == ["2018-12-23"]
    assert _days("جرت الانتخابات في 23 ديسمبر", "2018-09-04") == ["2017-12-23"]


def test_a_hijri_year_by_a_gregorian_month_is_no_date():
    assert find_dates("في 5 سبتمبر 1436هـ", None) == []


def test_the_same_month_follows_the_month_named_before():
    text = "لقاء تيمور في الثالث من سبتمبر بجدة وماليزيا في الثامن من الشهر ذاته"
    assert _days(text, "2015-08-06") == ["2015-09-03", "2015-09-08"]


# -- weekdays ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, published, days", [
    # beside an explicit date, a weekday names that date (no Tuesday before publication besides)
    ("عقد الاجتماع يوم الثلاثاء 1 سبتمبر 2015", "2015-09-03", ["2015-09-01"]),
    ("وصل الثلاثاء، 2 أكتوبر/تشرين أول.", "2018-10-10", ["2018-10-02"]),
    ("يبدأ يوم الاثنين المقبل الأول من ذي القعدة", "2015-08-05", ["2015-08-16"]),
    # a bare weekday: the last such day up to publication
    ("أعلن صندوق النقد الدولي الاثنين أن اليونان سددت", "2015-07-22", ["2015-07-20"]),
    ("وتنافس الحزبان الأحد في انتخابات محلية", "2018-10-01", ["2018-09-30"]),
    ("أعلنت وزارة الصحة اليوم الأثنين عن تسجيل حالتين", "2015-08-03", ["2015-08-03"]),
    ("استهدفت عبوتان ناسفتان مساء الجمعة مقر الحزب", "2018-05-25", ["2018-05-25"]),
    ("ردت في بيان الأربعاء، قالت فيه", "2018-02-23", ["2018-02-21"]),
    ("التقى الوزير الخميس الماضي نظيره", "2018-02-22", ["2018-02-15"]),
    # a relative word and its weekday are one day; the weekday says which
    ("وصل، أمس (السبت)، إلى صنعاء", "2015-08-11", ["2015-08-08"]),
    ("قبل أن ينتقل غدًا السبت إلى تركيا", "2015-07-24", ["2015-07-25"]),
    ("ابتداءً من غد الخميس حتى نهاية الشهر", "2015-07-21", ["2015-07-23"]),
    ("وتقام يوم بعد غدٍ الخميس مباراتا نصف النهائي", "2015-08-11", ["2015-08-13"]),
    ("إلى مصر غدا الثلاثاء.", "2015-07-21", ["2015-07-21"]),  # the paper's date on file is a day late
    # a schedule points ahead
    ("ومن المقرر أن يزور الرياض الخميس", "2018-09-04", ["2018-09-06"]),
    # a deadline points ahead; a night runs into the next day
    ("لا يمكن لتأجيل التصويت إلى الثلاثاء أن يغير شيئا", "2018-10-01", ["2018-10-02"]),
    ("قتلوا في كمين ليل الخميس إلى الجمعة", "2018-04-07", ["2018-04-05", "2018-04-06"]),
    ("وقال بيان صدر ليل الأربعاء الخميس:", "2018-04-11", ["2018-04-11", "2018-04-12"]),
])
def test_weekdays(text, published, days):
    assert _days(text, published) == days


@pytest.mark.parametrize("text", ["الخلاف بين الاثنين قديم", "أدى المصلون صلاة الجمعة في الجامع الكبير",
                                  "الواحد الأحد", "رأى الأحد عشر كوكبا", "التقى الاثنين معا في باريس",
                                  "يزدحم سوق الخميس", "أعضاء التحالف الاثنين والسبعين"])
def test_weekday_words_that_name_no_day(text):
    assert find_dates(text, "2018-04-11") == []


# -- the timeline shows a Hijri-dated event at its Gregorian day, the Hijri date in its hover ------------------

def test_timeline_hover_shows_the_hijri_date():
    import pandas as pd

    from lib.dashboard import charts

    dates = pd.DataFrame({"date": ["2015-09-01", "2015-07-06"], "text": ["17 ذو القعدة 1436هـ", "أمس"],
                          "hijri": ["1436-11-17", None], "context": ["…", "…"], "source": ["was", "was"],
                          "published": ["2015-09-03", "2015-07-07"]})
    dates["date_value"] = pd.to_datetime(dates["date"])
    statements = pd.DataFrame(columns=["published_date", "published", "speaker_key", "speaker_label", "source",
                                       "quote", "statement_id"])
    events = charts.timeline_figure(statements, dates).data[-1]
    assert list(pd.to_datetime(events.x).normalize()) == list(dates["date_value"])
    assert "17 ذو القعدة 1436 هـ" in events.hovertext[0] and "هـ" not in events.hovertext[1]
    # a store written before the column existed has no hijri column: the hover still builds
    assert charts.timeline_figure(statements, dates.drop(columns="hijri")).data[-1].hovertext[0]


def test_the_store_keeps_the_hijri_date(tmp_path):
    from lib.corpus.store import Store
    from lib.extract.analyse import analyse

    art = analyse("قال المتحدث يوم الثلاثاء 17 ذو القعدة 1436هـ الموافق 1 سبتمبر 2015م إن الاجتماع انتهى.",
                  {"published": "2015-09-03"}, "a.txt")
    Store(tmp_path).add([art])
    dates = Store(tmp_path).load(("dates",))["dates"]
    assert list(zip(dates["date"], dates["hijri"], dates["precision"])) == [("2015-09-01", "1436-11-17", "day")]


def test_the_export_lists_calendar_days_and_keeps_weeks_and_years_apart():
    """CONTRACT.md's dates are days: «الأسبوع الماضي» and «عام 1400هـ» go to `periods`, not lost."""
    from lib.corpus.export import export_record
    from lib.extract.analyse import analyse

    text = ("قال الوزير يوم الخميس 5 مارس 2015 إن المحادثات التي بدأت الأسبوع الماضي ستستمر، "
            "وذكر أن المركز تأسس عام 1400هـ.")
    rec = export_record(analyse(text, {"published": "2015-03-06"}))
    assert [d["date"] for d in rec["dates"]] == ["2015-03-05"]
    assert {p["precision"] for p in rec["periods"]} == {"week", "year"}
    assert all(d["precision"] not in ("week", "year") for d in rec["dates"])
