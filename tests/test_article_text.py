"""article_text: the article as a reader sees it: title found, page boilerplate dropped, metadata read."""
from __future__ import annotations

from pathlib import Path

import pytest

from lib.corpus.readers import read_article, read_file
from lib.extract.article import clean_article, normalize_date
from lib.records import Issue

SEED = Path(__file__).resolve().parent.parent / "data" / "articles" / "asharq-2017-07-07-tillerson-syria.txt"
HEADLINE = "واشنطن مستعدة للتعاون مع موسكو في سوريا: حظر طيران ومراقبون وإغاثة... والوحدة ضد «داعش»"
SIGN_UP = ["لم تشترك بعد", "انشئ حساباً خاصاً بك"]


@pytest.fixture(scope="module")
def seed():
    raw = read_article(SEED)
    return clean_article(raw.text, raw.meta)


def test_seed_sidecar_has_no_title():
    assert "title" not in read_article(SEED).meta


def test_seed_title_is_the_headline_printed_twice(seed):
    assert seed.title == HEADLINE


def test_seed_body_holds_neither_headline_nor_sign_up(seed):
    assert HEADLINE not in seed.body
    for line in SIGN_UP:
        assert line not in seed.body
    assert seed.body.startswith("قال وزير الخارجية")
    assert seed.body.endswith("إلى الوطن».")


def test_seed_metadata(seed):
    assert seed.published == "2017-07-07"
    assert seed.source == "Asharq Al-Awsat (الشرق الأوسط)"
    assert seed.url is None


def test_seed_body_keeps_the_article(seed):
    # the mid-article heading and sentences that merely contain "المزيد" are article text
    assert "\nالتحالف الدولي\n" in seed.body
    assert "قادران على إحراز المزيد من التقدم" in seed.body
    assert seed.body.count("\n") == 13  # 14 paragraphs


STORY = "قال المتحدث إن القوات تقدمت نحو الرقة.\nوأضاف أن الهجوم مستمر منذ أيام."


def test_a_sidecar_title_wins():
    text = "عنوان مكرر عن معركة الرقة\n" + STORY + "\nعنوان مكرر عن معركة الرقة"
    art = clean_article(text, {"title": "  العنوان من الملف  "})
    assert art.title == "العنوان من الملف"
    assert STORY in art.body


def test_a_sidecar_title_printed_in_the_text_is_not_body():
    art = clean_article("معركة الرقة تقترب من نهايتها\n" + STORY, {"title": "معركة الرقة تقترب من نهايتها"})
    assert art.title == "معركة الرقة تقترب من نهايتها"
    assert art.body == STORY


@pytest.mark.parametrize("title", [None, "", "   ", 7, ["عنوان"]])
def test_an_unusable_sidecar_title_is_ignored(title):
    art = clean_article("معركة الرقة تقترب من نهايتها\n" + STORY, {"title": title})
    assert art.title == "معركة الرقة تقترب من نهايتها"
    assert art.body == STORY


def test_no_title_when_there_is_no_headline():
    art = clean_article(STORY)
    assert art.title is None
    assert art.body == STORY


@pytest.mark.parametrize("line", ["...المزيد", "المزيد...", "اقرأ أيضاً: تيلرسون في موسكو", "لم تشترك بعد؟",
                                  "شارك هذا المقال", "جميع الحقوق محفوظة © 2017", "للمزيد من الأخبار تابعونا"])
def test_boilerplate_lines_are_dropped(line):
    art = clean_article(STORY + "\n" + line + "\nوقال أيضاً إن المعارك توقفت.")
    assert line not in art.body
    assert STORY in art.body and "وقال أيضاً إن المعارك توقفت." in art.body


@pytest.mark.parametrize("line", ["قال إن التحالف يحتاج إلى المزيد من الوقت.",
                                  "وقال إن الحكومة تسعى إلى المزيد... من الدعم الدولي للاجئين في المخيمات."])
def test_sentences_mentioning_boilerplate_words_are_kept(line):
    assert line in clean_article(STORY + "\n" + line).body


@pytest.mark.parametrize("line", ["شارك على مدى يومين مئات المقاتلين في الهجوم على الرقة.",
                                  "ناقش البرلمان قانون حقوق النشر أمس.",
                                  "قال أمس: لم تشترك بعد روسيا في المحادثات."])
def test_article_sentences_with_boilerplate_phrases_are_kept(line):
    assert line in clean_article(STORY + "\n" + line).body


def test_line_endings_and_blank_runs_are_normalised():
    art = clean_article("قال المتحدث إن القوات تقدمت.\r\n\r\n\r\n\r\nوأضاف أن الهجوم مستمر.\r\n")
    assert art.body == "قال المتحدث إن القوات تقدمت.\n\nوأضاف أن الهجوم مستمر."


# reading: errors name the file (the readers' own tests are in test_formats.py)


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", "\"title\""])
def test_a_bad_sidecar_is_named(tmp_path, content):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.json").write_text(content, encoding="utf-8")
    errors = [i for i in read_file(tmp_path / "a.txt") if isinstance(i, Issue) and i.level == "error"]
    assert errors and "a.json" in str(errors[0])


def test_no_sidecar_is_no_metadata(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    assert read_article(tmp_path / "a.txt").meta == {}


DATES = [
    ("2017-07-07", "2017-07-07"),
    ("2017-07-07T10:00:00", "2017-07-07"),
    ("2017-07-07T10:00:00+03:00", "2017-07-07"),
    ("2017/7/7", "2017-07-07"),
    (" 2017-07-07 ", "2017-07-07"),
    ("2017-7-07", "2017-07-07"),
    # nothing usable
    ("07/07/2017", None),
    ("2017-13-01", None),
    ("2017-00-10", None),
    ("2017-07-32", None),
    ("yesterday", None),
    ("", None),
    (None, None),
    (20170707, None),
    (["2017-07-07"], None),
]


@pytest.mark.parametrize("value, day", DATES)
def test_normalize_date(value, day):
    assert normalize_date(value) == day


@pytest.mark.parametrize("value", ["2017-02-31", "2017-04-31", "2019-02-29"])
def test_normalize_date_rejects_days_that_do_not_exist(value):
    assert normalize_date(value) is None


def test_published_comes_from_published_or_date():
    assert clean_article(STORY, {"published": "2017/07/07"}).published == "2017-07-07"
    assert clean_article(STORY, {"date": "2017-07-08T00:00:00"}).published == "2017-07-08"
    assert clean_article(STORY, {"published": "قريباً"}).published is None
