"""A town's name that ranks among everyday words only because the news names it so often (إدلب، جنيف) is a place
on a locative reading alone; one with a real everyday meaning (الميادين "the squares") still asks for more."""
from __future__ import annotations

import pytest

from lib.extract.analyse import analyse


def places(text: str) -> set[str]:
    return {p["name_ar"] for p in analyse(text).places.values()}


@pytest.mark.parametrize("text, place", [
    ("قصفت الطائرات مواقع في إدلب.", "إدلب"),
    ("قصفت الطائرات مواقع في درعا.", "درعا"),
    ("وصل الوفد إلى جنيف أمس.", "جنيف"),
    ("سقط صاروخ أطلق من صعدة.", "صعدة"),
])
def test_a_locative_reading_is_enough_for_a_name_the_news_made_frequent(text, place):
    assert place in places(text)


@pytest.mark.parametrize("text", [
    "تجمع المحتجون في الميادين العامة.",  # the squares
    "وكتب على الباب إدلب",  # no locative reading for إدلب here: written on the door
])
def test_everyday_words_and_names_without_a_locative_reading_stay_no_places(text):
    assert places(text) == set()
