"""Filters (boolean masks over statements), URL state, and the escaping/shaping helpers, on tiny frames."""
from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from lib.dashboard import filters
from lib.dashboard import rtl
from lib.dashboard import url_state
from lib.dashboard.filters import Filters


@pytest.fixture
def statements() -> pd.DataFrame:
    return pd.DataFrame({
        "statement_id": ["a:0", "a:1", "b:0"],
        "speaker_key": ["rex-tillerson", "name:بيان", "sergey-lavrov"],
        "speaker": ["Rex Tillerson", "بيان", "Sergey Lavrov"],
        "speaker_ar": ["ريكس تيلرسون", "بيان", "سيرغي لافروف"],
        "quote": ["إن الموقف الأميركي ثابت في سوريا", "ترامب يلتقي بوتين", "لا تغيير في دمشق"],
        "published": ["2017-07-07", "2017-07-07", "2017-07-20"],
        "place_ids": [["syria"], [], ["damascus"]],
        "actor_ids": [["united-states"], ["donald-trump", "vladimir-putin"], []],
        "place_names": [["Syria · سوريا"], [], ["Damascus · دمشق"]],
        "actor_names": [["United States"], ["Donald Trump", "Vladimir Putin"], []],
    })


def ids(frame: pd.DataFrame, mask: pd.Series) -> list[str]:
    return list(frame[mask]["statement_id"])


def test_no_choice_means_no_filter(statements):
    assert ids(statements, filters.apply(statements, Filters())) == ["a:0", "a:1", "b:0"]


def test_speaker_filter_keeps_only_that_speaker(statements):
    assert ids(statements, filters.by_speakers(statements, ["sergey-lavrov"])) == ["b:0"]
    assert ids(statements, filters.by_speakers(statements, ["sergey-lavrov", "name:بيان"])) == ["a:1", "b:0"]


def test_actor_and_place_filters_match_any_mentioned(statements):
    assert ids(statements, filters.by_actors(statements, ["vladimir-putin"])) == ["a:1"]
    assert ids(statements, filters.by_places(statements, ["damascus", "syria"])) == ["a:0", "b:0"]
    assert ids(statements, filters.by_places(statements, ["nowhere"])) == []


def test_date_range_includes_both_ends(statements):
    assert ids(statements, filters.by_dates(statements, date(2017, 7, 7), date(2017, 7, 7))) == ["a:0", "a:1"]
    assert ids(statements, filters.by_dates(statements, date(2017, 7, 8), None)) == ["b:0"]
    assert ids(statements, filters.by_dates(statements, None, date(2017, 7, 1))) == []


@pytest.mark.parametrize("query, expected", [
    ("الامريكي", ["a:0"]),  # the example: الامريكي finds الأميركي (a variant the lexicons attest)
    ("الأمريكي", ["a:0"]),
    ("ترمب", ["a:1"]),  # ترمب / ترامب
    ("والأمريكية", []),  # a clitic in the query is kept: the text has no والأمريكية
    ("الأمريكية", []),  # whole words: the feminine is another word
    ("سورية", ["a:0"]),  # سورية / سوريا
    ("tillerson", []),  # the words said, not who said them: the speaker has its own filter
    ("سيرغي", []),
    ("TRAMP", []),
    ("في", ["a:0", "b:0"]),
    ("Putin", []),
    ("ف", []),  # a letter is not a word
    ("", ["a:0", "a:1", "b:0"]),
    ("موسكو", []),
    ("ترامب بوتين", ["a:1"]),  # every word, anywhere
    ("ترامب دمشق", []),
    ('"يلتقي بوتين"', ["a:1"]),  # a phrase: the words in this order, side by side
    ('"بوتين يلتقي"', []),
    ("«الموقف الأميركي»", ["a:0"]),
])
def test_text_search_folds_arabic_spelling_variants(statements, query, expected):
    assert ids(statements, filters.by_text(statements, query)) == expected


WORDS = pd.DataFrame({
    "statement_id": [f"s{i}" for i in range(9)],
    "quote": ["دخلت القوات بالموصل أمس", "قال إن والموصل", "هذا لمصلحة الشعب", "المصالح والمصلين",
              "ارتفع سعر الحليب", "القتال في حلب مستمر", "وصلت القوات إلى الرقة", "سيطر على برقة", "مقاتل ومقتل"],
})


@pytest.mark.parametrize("query, expected", [
    ("الموصل", ["s0", "s1"]),  # through ب and و, never لمصلحة، المصالح، المصلين
    ("للموصل", []),  # the query's own clitics are kept
    ("موصل", ["s0", "s1"]),  # without ال it still finds the word with it
    ("حلب", ["s5"]),  # never الحليب
    ("الحليب", ["s4"]),
    ("الرقة", ["s6"]),  # never برقة: a query with ال needs it
    ("الرقه", ["s6"]),  # ة/ه folded
    ("مقاتل", ["s8"]),
    ("مقتل", ["s8"]),
    ('"القوات بالموصل"', ["s0"]),
    ('"القوات الموصل"', ["s0"]),  # each word of a phrase through its clitics too
    ('"الموصل القوات"', []),
])
def test_search_matches_whole_words_through_clitics(query, expected):
    frame = WORDS.copy()
    assert ids(frame, filters.by_text(frame, query)) == expected


def test_search_ranks_and_counts():
    frame = pd.DataFrame({"statement_id": ["once", "twice", "none", "long"],
                          "quote": ["الرقة اليوم", "الرقة ثم الرقة", "دمشق", "الرقة " + "كلام " * 40]})
    mask, score = filters.text_search(frame, "الرقة")
    assert list(frame[mask]["statement_id"]) == ["once", "twice", "long"]
    ranked = list(frame[mask].assign(s=score[mask]).sort_values("s", ascending=False)["statement_id"])
    assert ranked == ["twice", "once", "long"]
    assert score["none"] == 0 if "none" in score else score.iloc[2] == 0


@pytest.mark.parametrize("a, b, same", [
    ("الأميركي", "الامريكي", True), ("ترمب", "ترامب", True), ("سوريا", "سورية", True),
    ("إيران", "ايران", True), ("الرقّة", "الرقة", True), ("حلب", "الحليب", False), ("الموصل", "المصل", False),
    ("مقاتلين", "مقتولين", False),
])
def test_spelling_variants(a, b, same):
    from lib.dashboard import search

    v = search.lexicon_variants()
    (da, sa), (db, sb) = search.query_reading(a), search.query_reading(b)
    assert (v.key(sa) == v.key(sb) and da == db) is same


def test_search_highlights_the_words_it_matched():
    from lib.dashboard import search

    text = "قال إن القوات دخلت بالموصل ولمصلحة الرقة"
    spans = search.word_spans(text, "الموصل", search.lexicon_variants())
    assert [text[a:b] for a, b in spans] == ["بالموصل"]


def test_filters_combine(statements):
    chosen = Filters(speakers=["rex-tillerson", "sergey-lavrov"], text="دمشق")
    assert ids(statements, filters.apply(statements, chosen)) == ["b:0"]


def test_filters_do_not_touch_their_input(statements):
    before = statements.copy(deep=True)
    filters.apply(statements, Filters(speakers=["x"], actors=["y"], places=["z"], text="abc",
                                      start=date(2017, 1, 1), end=date(2018, 1, 1)))
    pd.testing.assert_frame_equal(statements, before)


def test_places_within_follows_parents():
    table = pd.DataFrame({"place_id": ["raqqa", "mashlab", "square", "mosul"],
                          "parent_id": [None, "raqqa", "mashlab", None]})
    assert filters.places_within(table, "raqqa") == ["raqqa", "mashlab", "square"]
    assert filters.places_within(table, "mosul") == ["mosul"]


def test_find_city_by_english_or_arabic_name():
    table = pd.DataFrame({"place_id": ["gov", "city", "x"], "name": ["Raqqa Governorate", "Ar Raqqah", "Rome"],
                          "name_ar": ["محافظة الرقة", "الرقّة", "روما"], "kind": ["governorate", "city", "city"],
                          "mentions": [9, 1, 3]})
    assert filters.find_city(table, ("Raqqa", "Ar Raqqah"), "الرقة")["place_id"] == "city"
    assert filters.find_city(table, ("Mosul",), "الموصل") is None


def test_download_table_csv_and_json_keep_arabic(statements):
    table = filters.download_table(statements)
    assert list(table["places"]) == ["Syria · سوريا", "", "Damascus · دمشق"]
    csv = filters.to_csv(table).decode("utf-8-sig")
    assert "ترامب يلتقي بوتين" in csv and csv.splitlines()[0].startswith("statement_id,")
    records = json.loads(filters.to_json(table).decode("utf-8"))
    assert records[2]["speaker_ar"] == "سيرغي لافروف" and len(records) == 3


# -- URL state ------------------------------------------------------------------------------------------------

def test_url_state_round_trips():
    chosen = Filters(speakers=["rex-tillerson", "name:بيان رسمي"], actors=["isis"], places=["geonames:172955"],
                     start=date(2017, 7, 1), end=date(2017, 7, 31), text="الامريكي", topics=["sport"])
    params = url_state.encode(chosen)
    assert params["speaker"] == ["rex-tillerson", "name:بيان رسمي"] and params["from"] == "2017-07-01"
    assert url_state.decode(params) == chosen


def test_url_state_leaves_defaults_out_and_survives_bad_input():
    default = Filters(topics=list(url_state.DEFAULT_TOPICS))
    assert url_state.encode(default) == {}
    assert url_state.decode({}) == default
    assert url_state.decode({"speaker": "a", "from": "yesterday", "to": "2017-13-01", "other": "x"}) == \
        Filters(speakers=["a"], topics=list(url_state.DEFAULT_TOPICS))


def test_url_state_topics_default_to_conflict_and_politics():
    assert url_state.encode(Filters()) == {"topic": "all"}  # no topic chosen: every topic, said so
    assert url_state.decode({"topic": "all"}).topics == []
    assert url_state.decode({"topic": ["sport", "culture"]}).topics == ["sport", "culture"]
    assert url_state.encode(Filters(topics=["politics", "conflict"])) == {}


class FakeParams(dict):
    """Just enough of st.query_params: a mapping with get_all."""

    def get_all(self, key):
        value = self.get(key)
        return [] if value is None else (list(value) if isinstance(value, list) else [value])


def test_url_write_changes_only_what_differs():
    params = FakeParams({"city": "mosul", "q": "old"})
    default = list(url_state.DEFAULT_TOPICS)
    assert url_state.write(params, Filters(speakers=["x"], text="new", topics=default))
    assert params == {"city": "mosul", "speaker": ["x"], "q": "new"}
    assert not url_state.write(params, Filters(speakers=["x"], text="new", topics=default))
    assert url_state.write(params, Filters(topics=default))
    assert params == {"city": "mosul"}


# -- display helpers: escaping and shaping ------------------------------------------------------------------------

HOSTILE = '<script>alert(1)</script> «نص» <img src=x onerror="alert(2)">'


def test_cards_and_paragraphs_escape_article_text():
    row = {"quote": HOSTILE, "kind": "direct", "speaker_label": "<b>x</b>", "published": "2017-07-07",
           "source": "<i>src</i>", "url": "javascript:alert(3)", "cue": "قال", "place_names": ["<svg onload=1>"],
           "actor_names": [], "para_start": 0, "para_end": len(HOSTILE), "start": 0, "end": 25,
           "title": "<title>", "article_id": "a"}
    for html in (rtl.statement_card(row), rtl.paragraph_html(row, HOSTILE)):
        assert "<script" not in html and "<img" not in html and "<svg" not in html and "<i>" not in html
        assert "javascript:" not in html
        assert "&lt;script&gt;" in html
    assert "<mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark>" in rtl.paragraph_html(row, HOSTILE)


def test_links_are_only_http():
    assert rtl.safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//evil", "", None, "http:///x"):
        assert rtl.safe_url(bad) is None
    assert rtl.link("https://e.org/\"><script>", "t").count("<script") == 0


def test_highlight_marks_the_span():
    assert rtl.highlighted("قال: «نعم» اليوم", 5, 10) == "قال: <mark>«نعم»</mark> اليوم"


def test_shaped_arabic_is_in_visual_order_with_presentation_forms():
    out = rtl.shaped("الرقة")
    assert out != "الرقة" and all("\ufe70" <= ch <= "\ufeff" for ch in out)
    assert out[-1] == "\ufe8d"  # the first letter (isolated alef) ends up rightmost, i.e. last
    assert rtl.shaped("Raqqa") == "Raqqa" and rtl.shaped(None) == ""
    assert rtl.shaped("«داعش» (سوريا)").count("«") == 1  # brackets and guillemets survive reordering


def test_markdown_text_is_escaped():
    assert rtl.md("[x](javascript:alert(1)) **b** <i>") == \
        "\\[x\\]\\(javascript\\:alert\\(1\\)\\) \\*\\*b\\*\\* \\<i\\>"
    assert rtl.md("الرقة") == "الرقة" and rtl.md(None) == ""


# -- entity suggestions: the name typed, then the most frequent ---------------------------------------------------

PLACES = pd.DataFrame({
    "place_id": ["raqqa", "raqqa-gov", "sharjah", "aleppo", "aleppo-gov", "halba", "idlib", "amman", "oman"],
    "name": ["Raqqa", "Raqqa Governorate", "Sharjah", "Aleppo", "Aleppo Governorate", "Halba", "Idlib", "Amman",
             "Oman"],
    "name_ar": ["الرقة", "محافظة الرقة", "الشارقة", "حلب", "محافظة حلب", "حلبا", "إدلب", "عمّان", "عُمان"],
    "mentions": [90, 400, 1000, 227, 300, 900, 50, 30, 60],
})
PLACES["label"] = PLACES["name"] + " · " + PLACES["name_ar"]


@pytest.mark.parametrize("typed, expected", [
    ("الرقة", ["raqqa", "raqqa-gov"]),         # the name itself before a name holding it, however frequent
    ("بالرقة", ["raqqa", "raqqa-gov"]),         # through a clitic
    ("Raqqa", ["raqqa", "raqqa-gov"]),          # the English name
    ("حلب", ["aleppo", "aleppo-gov", "halba"]),  # حلبا holds حلب only as a substring: last
    ("ادلب", ["idlib"]),                        # hamza folded
    ("عمان", ["oman", "amman"]),                # vowel marks folded; equals by frequency
    ("الشارقة", ["sharjah"]),
    ("قة", ["sharjah", "raqqa-gov", "raqqa"]),  # inside names only: by frequency
    ("دمشق", []),                               # names nothing
    ("", []),
])
def test_rank_entities_puts_the_name_typed_first(typed, expected):
    assert filters.rank_entities(PLACES, "place_id", typed, "mentions") == expected


def test_rank_entities_of_speakers_by_statements():
    speakers = pd.DataFrame({"speaker_key": ["adel-al-jubeir", "person:احمد_الجبير", "person:محمد_الجبيري"],
                             "speaker_label": ["Adel al-Jubeir · عادل الجبير", "أحمد الجبير", "محمد الجبيري"],
                             "speaker_ar": ["عادل الجبير", "أحمد الجبير", "محمد الجبيري"],
                             "statements": [291, 41, 400]})
    ranked = filters.rank_entities(speakers, "speaker_key", "الجبير", "statements",
                                   ("speaker_label", "speaker_ar"), limit=2)
    assert ranked == ["adel-al-jubeir", "person:احمد_الجبير"]


def test_a_typed_profile_name_finds_the_speaker_then_the_actor():
    speakers = pd.DataFrame({"speaker_key": ["sergey-lavrov"], "speaker_label": ["Sergey Lavrov · سيرغي لافروف"],
                             "speaker_ar": ["سيرغي لافروف"], "statements": [3]})
    actors = pd.DataFrame({"actor_id": ["sergey-lavrov", "isis"], "name": ["Sergey Lavrov", "ISIS"],
                           "name_ar": ["سيرغي لافروف", "داعش"], "label": ["Sergey Lavrov", "ISIS · داعش"],
                           "mentions": [5, 9]})
    assert filters.find_profile(speakers, actors, "لافروف") == "speaker:sergey-lavrov"
    assert filters.find_profile(speakers, actors, "لداعش") == "actor:isis"
    assert filters.find_profile(speakers, actors, "نابليون") is None


def test_wire_copies_group_the_same_words_across_outlets():
    from lib.dashboard.data import wire_copies

    frame = pd.DataFrame({"quote": ["إن الموقف الأميركي ثابت في سوريا اليوم",
                                    "إنّ الموقف  الأميركي ثابت في سوريا اليوم",  # a shadda and a double space
                                    "قصير جدا", "قصير جدا",  # too short to tell a copy from a coincidence
                                    None, "إن الموقف الأميركي ثابت في سوريا اليوم"],
                          "source": ["Wire A", "Wire B", "Wire A", "Wire B", "Wire C", "Wire A"]})
    got = wire_copies(frame)
    assert list(got["copy_group"][[0, 1, 5]]) == [got["copy_group"][0]] * 3
    assert len(set(got["copy_group"][[0, 2, 3, 4]])) == 4
    assert list(got["copies"]) == [3, 3, 1, 1, 1, 3]
    assert list(got["outlets"]) == [2, 2, 1, 1, 1, 2] and got["copy_sources"][5] == ["Wire A", "Wire B"]
