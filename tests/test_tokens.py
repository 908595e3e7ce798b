"""tokens: words with offsets into the text, and the proclitic-stripped keys used to look them up."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.text.normalize import fold
from lib.text.tokens import clitic_keys, gap_is_space, proclitic_forms, tokenize

# (word as written, every key clitic_keys yields, in order: the literal word first)
CLITICS = [
    ("بسوريا", ["بسوريا", "سوريا"]),
    ("والموصل", ["والموصل", "الموصل"]),
    ("للرقة", ["للرقه", "الرقه"]),
    ("وبالرقة", ["وبالرقه", "بالرقه", "الرقه"]),
    ("بالرقة", ["بالرقه", "الرقه"]),
    ("فالرقة", ["فالرقه", "الرقه"]),
    ("وللرقة", ["وللرقه", "للرقه", "الرقه"]),
    ("كدمشق", ["كدمشق", "دمشق"]),
    ("الرقة", ["الرقه"]),
    ("سوريا", ["سوريا"]),
]

# Short words are whole words, not a clitic plus a stem: nothing may be stripped off them.
SHORT_WORDS = ["بل", "لكن", "ولا", "فيه", "كما", "بلد", "وبل", "لله", "فلل", "ب", "و", ""]


@pytest.mark.parametrize("word, keys", CLITICS)
def test_clitic_keys_yields_the_stems_most_literal_first(word, keys):
    assert list(clitic_keys(fold(word))) == keys


@pytest.mark.parametrize("word", SHORT_WORDS)
def test_short_words_are_not_stripped(word):
    assert list(clitic_keys(fold(word))) == [fold(word)]


@pytest.mark.parametrize("word, place", [("بسوريا", "سوريا"), ("والموصل", "الموصل"), ("للرقة", "الرقة"),
                                         ("وبالرقة", "الرقة"), ("وبالرقـة", "الرَّقة")])
def test_a_place_with_proclitics_is_found_by_its_key(word, place):
    assert fold(place) in clitic_keys(fold(word))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ابتسرقلمنهويوفكة", max_size=12))
def test_clitic_keys_never_yield_stubs_or_repeats(key):
    keys = list(clitic_keys(key))
    assert keys[0] == key
    assert len(keys) == len(set(keys))
    assert all(len(k) >= min(3, len(key)) for k in keys)
    assert all(len(k) <= len(key) for k in keys)


TOKENS = [
    ("قال ترمب بسوريا، وبالرقة: «لا»", ["قال", "ترمب", "بسوريا", "وبالرقة", "لا"]),
    ("مُحَمَّد الرقـــة", ["مُحَمَّد", "الرقـــة"]),
    ("المعنية بـ«تمويل الإرهاب»", ["المعنية", "بـ", "تمويل", "الإرهاب"]),
    ("في 11 يوليو ١٢", ["في", "11", "يوليو", "١٢"]),
    ("، . ! ؟ «» () ...", []),  # punctuation only: no words
    ("ـــ", []),  # tatweel only: no word
    ("", []),
]


@pytest.mark.parametrize("text, words", TOKENS)
def test_tokenize_finds_the_words_as_written(text, words):
    tokens = tokenize(text)
    assert [text[t.start:t.end] for t in tokens] == words
    assert [t.key for t in tokens] == [fold(w) for w in words]


def test_token_offsets_point_into_the_text():
    text = "وأضاف تيلرسون: «مع استمرار الجهود العسكرية في الرقة»، وبالموصل."
    tokens = tokenize(text)
    assert tokens
    for t in tokens:
        assert 0 <= t.start < t.end <= len(text)
        assert fold(text[t.start:t.end]) == t.key
    assert [t.start for t in tokens] == sorted(t.start for t in tokens)
    raqqa = [t for t in tokens if "الرقه" in clitic_keys(t.key)]
    assert [text[t.start:t.end] for t in raqqa] == ["الرقة"]


@pytest.mark.parametrize("text, joined", [("حلب دمشق", True), ("حلب، دمشق", False), ("حلب  دمشق", True),
                                          ("حلب.دمشق", False)])
def test_gap_is_space(text, joined):
    a, b = tokenize(text)
    assert gap_is_space(text, a.end, b.start) is joined


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["", "و", "ف", "ب", "ل", "ك", "وب", "فل", "ول", "لل", "ولل", "فك"]),
       st.sampled_from(["الامس", "امس", "غد", "ه", "الحرب", "حرب", "مباراه", "الاسبوع", "لبنان", "ال", "اليوم"]))
def test_proclitic_forms_are_exactly_the_written_words_read_as_the_word(prefix, word):
    """A written word is in proclitic_forms(w) exactly when clitic_keys reads it as w (the tables built on it
    answer every text word as the memos they replaced did)."""
    key = prefix + word
    for w in (word, "ال" + word):  # للحرب is read as الحرب
        assert (key in proclitic_forms(w)) == (w in clitic_keys(key))
