"""quote_marks: which quotation marks pair up, and the quoted words between them."""
from __future__ import annotations

import pytest

from lib.text.quote_marks import QuoteSpan, pair_quotes

# (text, the quoted passages in order of opening, outermost first)
CASES = [
    ("قال «هذا مهم» أمس", ["هذا مهم"]),
    ("قال «هذا «مهم» جدا» أمس", ["هذا «مهم» جدا", "مهم"]),  # nested: both kept
    ("قال «أ» و«ب»", ["أ", "ب"]),
    ("المعنية بـ«تمويل الإرهاب»", ["تمويل الإرهاب"]),
    ("قال «بدأ «الهجوم» على الرقة", ["الهجوم"]),  # the outer « never closes: only its inner pair
    ("قال: «الفقرة الأولى.\nالفقرة الثانية» وانتهى", ["الفقرة الأولى.\nالفقرة الثانية"]),  # runs on
    ("قال \"نعم\" و\"لا\" هنا", ["نعم", "لا"]),
    ("قال \"نعم\" و\"لا\" ثم \"وحيد\nسطر \"آخر\" هنا", ["نعم", "لا", "آخر"]),  # the odd one is ignored
    ("قال \"بداية\nنهاية\" هنا", []),  # straight quotes never pair across paragraphs
    ("قال “نعم” لا", ["نعم"]),
    ("قال «إن “الاتفاق” صامد»", ["إن “الاتفاق” صامد", "الاتفاق"]),
    ("قال «نعم» و\"لا\" و“ربما”", ["نعم", "لا", "ربما"]),
]

NOTHING = [
    "لا اقتباس هنا",
    "",
    "»معكوس«",  # closer before opener
    "قال » ثم « بلا إغلاق",
    "قال «بلا إغلاق",
    "قال بلا فتح»",
    "قال \"وحيد",
    "”معكوس“",
    "قال (داعش) و[الرقة]",  # brackets are not quote marks
]


@pytest.mark.parametrize("text, quoted", CASES)
def test_pair_quotes_finds_the_quoted_passages(text, quoted):
    spans = pair_quotes(text)
    assert [text[slice(*q.inner)] for q in spans] == quoted


@pytest.mark.parametrize("text", NOTHING)
def test_pair_quotes_finds_nothing(text):
    assert pair_quotes(text) == []


@pytest.mark.parametrize("text, quoted", CASES)
def test_spans_sit_on_matching_marks(text, quoted):
    pairs = {"«": "»", "“": "”", '"': '"'}
    for q in pair_quotes(text):
        assert 0 <= q.open < q.close < len(text)
        assert pairs[text[q.open]] == text[q.close]


def test_spans_are_in_order_of_opening_outermost_first():
    text = "قال «أ «ب» ج» ثم «د»"
    spans = pair_quotes(text)
    assert [s.open for s in spans] == sorted(s.open for s in spans)
    assert [text[slice(*s.inner)] for s in spans] == ["أ «ب» ج", "ب", "د"]


def test_quote_span_words_and_inner():
    text = "قال «الولايات المتحدة على استعداد»"
    (span,) = pair_quotes(text)
    assert span == QuoteSpan(text.index("«"), text.index("»"))
    assert span.inner == (text.index("«") + 1, text.index("»"))
    assert span.words(text) == 4
    assert QuoteSpan(0, 1).words("«»") == 0
