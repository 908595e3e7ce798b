"""article_text: the article as a reader sees it: title found, page boilerplate dropped, metadata read."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lib.corpus.readers import read_article, read_file, unescape_meta
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


# Lines that point to another page, as the press prints them (no-break spaces after the colon, «..», «|», «-»).
LINK_LINES = [
    "شاهد الفيديو التالي للمزيد من التفاصيل:\u00a0بعد تعرض جاسوس روسي سابق لغاز الأعصاب",
    "شاهد المشروع عبر الرابط:\u00a0https://example.org/project",
    "رابط الخبر بصحيفة الوئام: تسجيل إصابتين جديدتين بـ «كورونا» في الرياض",
    "رابط الخبر بصحيفة الوئام",
    "شاهد..\u00a0هذه حالات التسمم التي اتهمت بها روسيا عبر السنين",
    "شاهد أيضا: سلطات الهجرة تعتقل أما أمام بناتها",
    "للمزيد - مهرجان كان: غودار يبحث عن الصور العربية الضائعة",
    "للمزيد: ضربات جوية تستهدف مطار التيفور العسكري",
    "اقرأ أيضا| أول تعليق من ولي العهد",
    "إقرأ أيضا:\u00a0وزير الداخلية: ما تم تداوله أكاذيب",
    "اقرأ..\u00a0لجنة بريطانية: كاميرون ضخم الأوضاع بليبيا",
    "\u200fشاهد الفيديو أعلاه:",
    "للمزيد من المعلومات: www.example.com",
]


@pytest.mark.parametrize("line", LINK_LINES)
def test_link_lines_are_dropped_wherever_they_stand(line):
    text = STORY + "\n" + line + "\nوقال أيضاً إن المعارك توقفت.\nوأكد أن المفاوضات مستمرة منذ أسابيع."
    art = clean_article(text)
    assert line.strip("\u200f") not in art.body
    assert STORY in art.body and "وأكد أن المفاوضات مستمرة منذ أسابيع." in art.body


# The same words in a sentence, or opening a line that is a sentence (a witness, a reporting verb), stay.
LINK_WORDS_IN_SENTENCES = [
    "وقال إن الجميع شاهد الفيديو التالي للمزيد من التفاصيل: الهجوم وقع ليلا.",
    "شاهد عيان: رأيت الطائرات تقصف الحي.",
    "تابع: ما أرجوه هو استفادة المنطقة من المشروع",
    "تابع قائلا: «لن نتراجع عن مواقفنا»",
    "للمزيد من الشفافية، قال الوزير: «سننشر كل شيء»",
    "شاهد آلاف الأشخاص فيلما نشرته الشركة على الإنترنت.",
    "رابط الجأش قال المسعف: لم نخف",
    "وأرسلت الوزارة رابط الخبر بصحيفة الوئام إلى المراسلين.",
]


@pytest.mark.parametrize("line", LINK_WORDS_IN_SENTENCES)
def test_link_words_inside_sentences_are_kept(line):
    art = clean_article(STORY + "\n" + line + "\nوأكد أن المفاوضات مستمرة منذ أسابيع.")
    assert line in art.body


@pytest.mark.parametrize("line", ["jehat5@yahoo.com", "** جميع المقالات المنشورة تمثل رأي كتابها فقط.",
                                  "*نقلاً عن الرياضية السعودية",
                                  "للتواصل أرسل sms إلى 88548 تبدأ بالرمز 153 مسافة ثم الرسالة"])
def test_footers_at_the_page_edge_are_dropped(line):
    art = clean_article(STORY + "\n" + line)
    assert art.body == STORY


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


# Metadata as sites write it: HTML entities decoded once, wherever the metadata comes from.
ESCAPED = "تعليقات &#8220;مهينة&#8221; على &#8220;فيسبوك&#8221; &amp; &quot;تويتر&quot;"
UNESCAPED = "تعليقات “مهينة” على “فيسبوك” & \"تويتر\""


def test_a_sidecar_title_is_unescaped(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"title": ESCAPED, "source": "&nbsp;واس (جدة)"}), encoding="utf-8")
    meta = read_article(tmp_path / "a.txt").meta
    assert meta["title"] == UNESCAPED and meta["source"] == "واس (جدة)"
    assert clean_article(STORY, meta).title == UNESCAPED


@pytest.mark.parametrize("name, content", [
    ("a.jsonl", json.dumps({"title": ESCAPED, "text": STORY}) + "\n"),
    ("a.json", json.dumps([{"title": ESCAPED, "content": STORY}])),
    ("a.csv", "title,text\n\"" + ESCAPED.replace('"', '""') + "\",\"" + STORY + "\"\n"),
    ("a.xml", f"<DOC><DOCNO>X-1</DOCNO><TITLE>{ESCAPED.replace('&', '&amp;')}</TITLE><TEXT>{STORY}</TEXT></DOC>"),
])
def test_titles_of_records_and_trec_are_unescaped(tmp_path, name, content):
    (tmp_path / name).write_text(content, encoding="utf-8")
    arts = [i for i in read_file(tmp_path / name) if not isinstance(i, Issue)]
    assert [a.meta["title"] for a in arts] == [UNESCAPED]


def test_unescaping_is_done_once():
    assert unescape_meta({"title": "AT&amp;amp;T", "n": 3}) == {"title": "AT&amp;T", "n": 3}
