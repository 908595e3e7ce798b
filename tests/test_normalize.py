"""normalize: matching keys fold spelling variants; offsets map every key character back to the text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.text.normalize import fold, fold_char, fold_with_offsets

FOLDS = [
    # (as written, matching key)
    ("أحمد", "احمد"),  # hamza above
    ("إدلب", "ادلب"),  # hamza below
    ("آذار", "اذار"),  # madda
    ("ٱلرقة", "الرقه"),  # wasla
    ("مصطفى", "مصطفي"),  # alef maqsura
    ("الرقة", "الرقه"),  # ta marbuta
    ("مؤتمر", "موتمر"),
    ("رئيس", "رييس"),
    ("مُحَمَّدٌ", "محمد"),  # diacritics
    ("الرقـــة", "الرقه"),  # tatweel
    ("بـ«داعش»", "ب«داعش»"),  # tatweel dropped, quote marks kept
    ("ISIS", "isis"),
    ("Raqqa الرقة", "raqqa الرقه"),
    ("ڤيينا", "فيينا"),
]

UNCHANGED = ["سوريا", "حلب", "دمشق 2017", "١٢ يوليو", "«»،؟", "", "   "]

# Different words must keep different keys: folding is not allowed to merge them.
DISTINCT = [("حلب", "جلب"), ("الرقة", "الرقم"), ("تل", "طل"), ("ذهب", "دهب"), ("سوريا", "صوريا"), ("عمان", "غمان")]


@pytest.mark.parametrize("written, key", FOLDS)
def test_fold_gives_the_matching_key(written, key):
    assert fold(written) == key


@pytest.mark.parametrize("text", UNCHANGED)
def test_fold_leaves_plain_text_alone(text):
    assert fold(text) == text


@pytest.mark.parametrize("a, b", DISTINCT)
def test_fold_keeps_different_words_apart(a, b):
    assert fold(a) != fold(b)


def test_variants_of_one_word_share_a_key():
    assert len({fold(w) for w in ["الرقة", "الرقه", "الرَّقَّة", "الرقـة", "ٱلرقة"]}) == 1
    assert len({fold(w) for w in ["أسد", "إسد", "آسد", "اسد"]}) == 1


@pytest.mark.parametrize("ch", ["\u064e", "\u0650", "\u0651", "\u0652", "\u064b", "\u0670", "\u0640"])
def test_fold_char_drops_marks(ch):
    assert fold_char(ch) == ""


def test_fold_with_offsets_maps_back_to_the_original():
    text = "قالَ الـرَّئيسُ إنَّ «الرقة»"
    folded, index = fold_with_offsets(text)
    assert folded == fold(text)
    start = folded.index("الرييس")
    # the folded word, mapped back, covers the word as written with its marks and tatweel
    assert text[index[start]:index[start + len("الرييس") - 1] + 1] == "الـرَّئيس"


def test_fold_with_offsets_of_empty_text():
    assert fold_with_offsets("") == ("", [])
    assert fold_with_offsets("\u064e\u0640") == ("", [])


_ARABIC = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱىئؤة") + ["\u064b", "\u064e", "\u064f", "\u0650", "\u0651",
                                                     "\u0652", "\u0670", "\u0640", " ", "«", "»", "،", "A", "z",
                                                     "3", "٣"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ARABIC, max_size=40).map("".join))
def test_every_folded_char_points_at_a_char_that_folds_to_it(text):
    folded, index = fold_with_offsets(text)
    assert folded == fold(text)
    assert len(index) == len(folded)
    assert index == sorted(index)
    for k, c in enumerate(folded):
        assert 0 <= index[k] < len(text)
        assert c in fold_char(text[index[k]])


def test_presentation_forms_fold_to_their_letters_and_the_text_is_kept():
    from lib.extract.entities import find_entities
    from lib.text.tokens import tokenize

    shaped = "ﺩﻣﺸﻖ"  # دمشق in shaped (presentation) letters, as some pages and PDFs carry it
    assert fold(shaped) == "دمشق" and fold("ﻻ") == "لا"
    text = f"قصفت الطائرات مواقع قرب {shaped} أمس"
    tok = next(t for t in tokenize(text) if text[t.start:t.end] == shaped)
    assert tok.key == "دمشق"
    found = find_entities(text)
    assert [(m.surface, found.entities[m.entity_id].name) for m in found.mentions] == [(shaped, "Damascus")]
