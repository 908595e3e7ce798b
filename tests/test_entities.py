"""Actors and places in text: lexicon and gazetteer look-up, names no lexicon knows, and what is neither."""
from __future__ import annotations

import pytest

from lib.extract.entities import find_entities


def names(text: str, entity_type: str) -> set[str]:
    found = find_entities(text)
    return {found.entities[m.entity_id].name for m in found.mentions if m.entity_type == entity_type}


def arabic_names(text: str, entity_type: str) -> set[str]:
    found = find_entities(text)
    return {found.entities[m.entity_id].name_ar for m in found.mentions if m.entity_type == entity_type}


@pytest.mark.parametrize("text, places, actors", [
    # clitics and spelling variants
    ("قصفت الطائرات مواقع بالرقة وللموصل", {"Raqqa", "Mosul"}, set()),
    # a country read as a location is a place; acting, it is also a state
    ("وصل الوفد إلى سوريا أمس", {"Syria"}, set()),
    ("وتتحمل روسيا مسؤولية خاصة", {"Russia"}, {"Russia"}),
    # a place name inside an organisation's name is not a place
    ("نقلت قوات سوريا الديمقراطية المعركة", set(), {"Syrian Democratic Forces"}),
    # nisba adjectives are not place mentions
    ("قال مسؤول سوري إن الجيش العراقي تقدم", set(), None),
    # Washington is the capital, Raqqa the Syrian city
    ("اجتماعات في واشنطن حول الرقة", {"Washington, D.C.", "Raqqa"}, set()),
])
def test_known_places_and_actors(text, places, actors):
    assert names(text, "place") == places
    if actors is not None:
        assert names(text, "actor") >= actors


@pytest.mark.parametrize("text, person", [
    ("وقال سعيد مموزيني، مسؤول الإعلام، إن المعارك توقفت", "سعيد مموزيني"),
    ("أعلن اللواء رياض الخيكاني أن قواته تقدمت", "رياض الخيكاني"),
    ("أكد المحافظ صهيب الراوي أن الوضع مستقر", "صهيب الراوي"),
])
def test_people_no_lexicon_knows(text, person):
    assert person in names(text, "actor")


@pytest.mark.parametrize("text", [
    "ويجب حسن استخدام الأماكن المكيفة في الصيف",  # حسن = good
    "وقال إنه سعيد بعودته إلى المدينة",  # سعيد = happy
    "وفاز الفريق الأول لكرة القدم بالمباراة",  # الفريق = the team
    "التسليح المقدم لمقاتلي العشائر",  # المقدم = provided
    "ومن حسن الحظ أن الطريق كان مفتوحا",
])
def test_words_that_only_look_like_names(text):
    assert not any(a.startswith("person:") for a in find_entities(text).entities)


@pytest.mark.parametrize("text, place", [
    ("هاجم مسلحو التنظيم قرية خربة الشويهد التابعة للناحية", "خربة الشويهد"),
    ("وقتل إمام مسجد في ناحية الخضيراوية", "الخضيراوية"),
    ("الدخول إلى منطقة البو دحام البوابة الشمالية", "البو دحام"),
])
def test_places_no_gazetteer_knows_are_found_by_their_cue(text, place):
    found = find_entities(text)
    unknown = {e.name_ar for e in found.entities.values() if e.entity_id.startswith("unknown:")}
    assert place in unknown
    assert all(e.lat is None for e in found.entities.values() if e.entity_id.startswith("unknown:"))


@pytest.mark.parametrize("text", [
    "ارتفعت الأسعار في منطقة اليورو",
    "سجل الهدف من داخل منطقة الجزاء",
    "وجرى حفظ الأرقام في قاعدة بيانات",
    "من ناحية أخرى، تواصلت المعارك",
    "ويسكن في حي سكني قريب",
])
def test_cue_words_before_common_nouns_name_no_place(text):
    assert not any(p.startswith("unknown:") for p in find_entities(text).entities)
