"""A person the speaker logic names and no lexicon lists is an actor of the article too; a phrase that only
stood where a speaker stands is not."""
from __future__ import annotations

import pytest

from lib import lexicons
from lib.extract.analyse import analyse
from lib.extract.organisations import org_shaped
from lib.extract.people import name_shaped


def test_an_unlisted_speaker_is_an_actor_at_each_place_the_body_names_them():
    body = ("وقال إيلون ماسك إن الشركة ستطلق صاروخا جديدا الشهر المقبل. "
            "وأضاف ماسك أن التجربة نجحت، فيما أشاد المستثمرون بإيلون ماسك في مؤتمر صحفي.")
    art = analyse(body)
    speakers = {s.speaker_id for s in art.statements}
    actor = art.actors.get("person:ايلون_ماسك")
    assert "person:ايلون_ماسك" in speakers
    assert actor is not None and actor["kind"] == "person" and actor["name_ar"] == "إيلون ماسك"
    assert [art.body[a:b] for a, b in actor["spans"]] == ["إيلون ماسك", "إيلون ماسك"]
    assert actor["mentions"] == 2
    # the mentions table the store keeps agrees with the record
    assert [(m.start, m.end) for m in art.mentions if m.entity_id == "person:ايلون_ماسك"] == \
        [tuple(s) for s in actor["spans"]]


def test_a_speaker_the_lexicon_knows_is_not_added_twice():
    art = analyse("وقال الرئيس الروسي فلاديمير بوتين إن بلاده لن تتراجع عن موقفها.")
    people = [a for a in art.actors.values() if a["kind"] == "person"]
    assert len(people) == 1 and not people[0]["id"].startswith("person:")


@pytest.mark.parametrize("name", ["إيلون ماسك", "سوزان إيفانز", "كانيه ويست", "مبارك العصيمي", "ريبوار طه",
                                  "روي الكبيتس", "أبو راكان", "جهاد عبده", "بن سحيم"])
def test_names_have_the_shape_of_a_name(name):
    assert name_shaped(name, lex=lexicons.default())


@pytest.mark.parametrize("phrase", [
    "مخاوف السلطات",  # a noun and a definite noun
    "مدينة سبوكين الأمريكية",  # a place cue and a demonym
    "لسيريان سومنر",  # the ل of وفقا ل written onto the name
    "التقت بريجيت",  # a verb in the past and its subject
    "سيحتفظ مهاتير",  # a verb in the future
    "زوجتاه السابقتان",  # a noun with its pronoun
    "متحدثها الرسمي",
    "مواقع محلية",  # a noun and its adjective
    "اتهامات مماثلة وردت",
    "تم تصويره",
])
def test_phrases_that_only_stand_where_a_speaker_stands_are_no_names(phrase):
    assert not name_shaped(phrase, lex=lexicons.default())


def test_an_unlisted_body_that_speaks_is_an_actor_under_the_finders_key():
    art = analyse("وقالت هيئة مكافحة الحرائق والكوارث في بيان إن النيران أتت على عشرات المنازل.")
    actor = art.actors.get("org:هييه_مكافحه_الحرايق_والكوارث")
    assert actor is not None and actor["kind"] == "organization"
    assert [art.body[a:b] for a, b in actor["spans"]] == ["هيئة مكافحة الحرائق والكوارث"]


@pytest.mark.parametrize("name", ['صحيفة "ماركا"', "منظمة حظر الأسلحة الكيميائية", "هيئة قناة السويس",
                                  "شركة توتال الفرنسية"])
def test_bodies_have_the_shape_of_a_name(name):
    assert org_shaped(name, lex=lexicons.default())


@pytest.mark.parametrize("phrase", [
    "بنك بريطاني", "محكمة تركية",  # a kind of bank or court
    "شركة عامة", "مجموعة متزايدة", "شركة الأبحاث",  # an everyday word after شركة، مجموعة
    'صحيفة "الماركا" إن برشلونة',  # the sentence runs on
    "شركة هوندا اليابانية للسيارات ارتفاع صافي",
    "وكالة #موديز",  # a hashtag: the body writes the name otherwise
])
def test_kinds_of_body_and_run_on_phrases_are_no_names(phrase):
    assert not org_shaped(phrase, lex=lexicons.default())
