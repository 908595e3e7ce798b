"""Places no gazetteer knows, located by how the text ties them to a known one (distances, adjectives, «في قلب»),
and cue words in their everyday sense that name no place (issue 10's unlocated long tail)."""
from __future__ import annotations

import pytest

from lib.extract.entities import find_entities


def _unknown(text: str, name: str):
    """The place no gazetteer knows named `name` in the text (None when none is)."""
    found = find_entities(text)
    hit = [e for e in found.entities.values() if e.entity_id.startswith("unknown:") and e.name_ar == name]
    return (hit[0], found) if hit else (None, found)


@pytest.mark.parametrize("text, name, precision, parent", [
    # a distance to a known place: an area around it at least that wide (governorate 40 km, region 80 km)
    ("اندلعت انتفاضة في بلدة الزويرة، 70 كلم غرب الرمادي، ضد المسلحين", "الزويرة", "region", "الرمادي"),
    ("وتحدث الفريق في بلدة نوبول، الواقعة على بعد 26 كم شمال غرب مدينة حلب، إلى اللاجئين", "نوبول",
     "governorate", "حلب"),
    ("استهدفت الغارة منطقة السدادة، التي تبعد 40 كلم شرقي بلدة بني وليد.", "السدادة", "region", "بني وليد"),
    ("وتقع منطقة تل المسخوطة على بعد 15 كيلومترا غربي مدينة الإسماعيلية", "تل المسخوطة", "governorate",
     "الإسماعيلية"),
    # an adjective between the name and its tie, and «في قلب» (the heart of a city)
    ("يقول صاحب شركة صرافة في حي شيشيانة القديم في قلب اسطنبول إن", "شيشيانة", "city", "إسطنبول"),
])
def test_a_place_tied_at_a_distance_or_past_an_adjective(text, name, precision, parent):
    ent, found = _unknown(text, name)
    assert ent is not None, found.entities
    assert ent.lat is not None and ent.precision == precision and ent.coord_source == "context"
    assert parent in found.entities[ent.parent_id].name_ar


@pytest.mark.parametrize("text, name", [
    ("سقطت الطائرة قرب قرية أرغونوفو، على بعد 80 كيلومترا جنوب شرقي موسكو", "أرغونوفو"),  # too far for an area
    ("وقعت المعارك في بلدة الزهراء على بعد أكثر من 20 كلم عن حلب", "الزهراء"),  # «more than»: no bound
])
def test_a_place_too_far_or_at_no_bounded_distance_gets_no_area(text, name):
    ent, found = _unknown(text, name)
    assert ent is not None and ent.lat is None, found.entities


@pytest.mark.parametrize("text", [
    "يعينه كرسي متحرك على قضاء حوائجه المنزلية",  # "seeing to his needs"
    "إن فكرت يوما بقضاء عطلتك الصيفية على القمر",  # "spending your holiday"
    "الوضع صعب، فمن ناحية هوامش التكرير منخفضة",  # "on the one hand"
    "تم إضرام النيران في مسجد و63 محلا",  # "a mosque and 63 shops"
])
def test_a_cue_word_in_its_everyday_sense_names_no_place(text):
    found = find_entities(text)
    assert not [e for e in found.entities.values() if e.entity_id.startswith("unknown:")], found.entities


def test_a_district_named_with_ta_marbuta_after_qada_is_still_a_place():
    found = find_entities("قتل مسلحون في قضاء عانة غرب الأنبار")
    assert "عانة" in {e.name_ar for e in found.entities.values() if e.entity_type == "place"}


@pytest.mark.parametrize("text, name, parent", [
    ("تمركز الرتل قرب قرية كفرحوم التابعة إدارياً لمنطقة حارم بريف إدلب", "كفرحوم", "حارم"),  # an adverb
    # through an administrative unit whose name is also an everyday word (الجراحي "surgical")
    ("أجبر المسلحون سكان قرية البغيل في مديرية الجراحي جنوب محافظة الحديدة على النزوح", "البغيل", "الحديدة"),
    ("ولد في قرية كفر شكر بمحافظة القليوبية عام 1922", "كفر شكر", "القليوبية"),  # an Egyptian governorate
])
def test_a_village_tied_through_an_adverb_a_unit_or_a_governorate(text, name, parent):
    ent, found = _unknown(text, name)
    assert ent is not None and ent.lat is not None and ent.coord_source == "context", found.entities
    assert parent in found.entities[ent.parent_id].name_ar


def test_a_prepositional_phrase_is_no_second_word_of_a_name():
    found = find_entities("كانت التعزيزات في طريقها إلى مديرية جبل راس بالمحافظة.")
    assert not any("بالمحافظة" in (e.name_ar or "") for e in found.entities.values())


@pytest.mark.parametrize("text, name, precision", [
    (" سبق- الرياض: تواجه بعض المخططات في حي النظيم منذ نحو ثلاثة أشهر نقصا", "النظيم", "city"),
    (" واس- جدة: تبدأ الأعمال من تقاطع قرية المرشدية إلى الطريق القديم", "المرشدية", "region"),
])
def test_an_untied_place_of_a_local_report_gets_its_dateline_citys_area(text, name, precision):
    ent, found = _unknown(text, name)
    assert ent is not None and ent.lat is not None and ent.precision == precision, found.entities
    assert ent.coord_source == "context" and found.entities[ent.parent_id].kind == "city"


@pytest.mark.parametrize("text, name", [
    (" سبق- الرياض: قصفت الطائرات قرية الهيجة في اليمن", "الهيجة"),  # another country in the article
])
def test_a_dateline_locates_nothing_when_the_article_leaves_its_country_or_has_none(text, name):
    ent, found = _unknown(text, name)
    assert ent is not None and ent.lat is None, found.entities


@pytest.mark.parametrize("text, name, parent", [
    ("وصلت الطائرة إلى مطار تريبوفان الدولي بالعاصمة كاتماندو أمس", "تريبوفان", "كاتماندو"),  # «بالعاصمة X»
    ("أغلق مطار ستانستيد في العاصمة البريطانية لندن", "ستانستيد", "لندن"),  # the capital by its nisba
])
def test_a_place_tied_to_a_capital_named_as_such(text, name, parent):
    ent, found = _unknown(text, name)
    assert ent is not None and ent.lat is not None and ent.precision == "city", found.entities
    assert parent in found.entities[ent.parent_id].name_ar


@pytest.mark.parametrize("text, name", [
    ("القاهرة: قال المتحدث إن الجيش استهدف تجمعا بمنطقة جبل العليقة في عملية", "جبل العليقة"),  # منطقة: anywhere
    (" سبق- جدة: ووري جثمانها الثرى في مقبرة غران بمحافظة الحرث.", "غران"),  # tied to a place no gazetteer knows
])
def test_a_dateline_locates_no_area_word_and_no_place_tied_elsewhere(text, name):
    ent, found = _unknown(text, name)
    assert ent is not None and ent.lat is None, found.entities


def test_a_namesake_the_text_ties_to_a_city_far_away_is_placed_there():
    # the gazetteer's Douma is in Syria; the text's village is by Nablus, 200 km away: a namesake it lacks
    ent, found = _unknown("واقتحم المستوطنون قرية دوما قرب نابلس فجر اليوم", "دوما")
    assert ent is not None and ent.country == "PS", found.entities
    assert found.entities[ent.parent_id].name_ar == "نابلس"
    assert not any(e.country == "SY" for e in found.entities.values() if e.entity_type == "place")


@pytest.mark.parametrize("text, known", [
    ("وسقطت قذائف على بلدة الرمثا قرب درعا أمس", "الرمثا"),  # across a border, 10 km away: the gazetteer's town
    ("وقصفت الطائرات مدينة دوما شرق دمشق", "دوما"),  # the gazetteer's Douma, by Damascus
    ("وقصفت الطائرات مدينة دوما في ريف دمشق", "دوما"),  # a governorate's point says little: no namesake read
])
def test_a_place_near_its_tie_stays_the_gazetteers(text, known):
    ent, found = _unknown(text, known)
    assert ent is None
    assert any(e.name_ar == known and not e.entity_id.startswith("unknown:") for e in found.entities.values())


@pytest.mark.parametrize("text, name, parent", [
    # a head word opens the two-word name of the unit or the hills the tie goes through
    ("واشتدت المعارك حول جبل الصوان في مديرية جبل حبشي غربي محافظة تعز", "الصوان", "تعز"),
    ("وهدمت الجرافات منازل في قرية التوانة جنوب جبل الخليل أمس", "التوانة", "الخليل"),
    # a hashtag on the known place, a closing quote mark on the unknown one
    ("وسقطت قذيفة قرب مسجد الأشرفية في #تعز، ما أدى إلى أضرار", "الأشرفية", "تعز"),
    ("وزار الوفد “قرية المفتاحة” بمدينة أبها أمس", "المفتاحة", "أبها"),
])
def test_a_tie_through_a_head_word_a_hashtag_or_a_quote_mark(text, name, parent):
    ent, found = _unknown(text, name)
    assert ent is not None, found.entities
    assert ent.lat is not None and ent.coord_source == "context"
    assert parent in found.entities[ent.parent_id].name_ar


@pytest.mark.parametrize("text, name, parent", [
    ("وأقيم العزاء في منزل الفقيد في جدة في حي الرحاب بعد صلاة العصر", "الرحاب", "جدة"),
    ("وحلقت الطائرة فوق الرياض، حي الخزامي، يوم السبت", "الخزامي", "الرياض"),
])
def test_a_quarter_after_the_city_it_lies_in(text, name, parent):
    ent, found = _unknown(text, name)
    assert ent is not None, found.entities
    assert ent.precision == "city" and ent.coord_source == "context"
    assert parent in found.entities[ent.parent_id].name_ar


@pytest.mark.parametrize("text, name, parent", [
    ("وأصيب شرطي أثناء المطاردة، كما توفي مواطن من قرية الواصفية في حادث قرب الأقصر.", "الواصفية", "الأقصر"),
    ("وتواصل سقوط القذائف على دمشق، واستهدف القصف منطقة الدويلعة صباح اليوم.", "الدويلعة", "دمشق"),
    # no dateline, but the sentence's one town: its region (80 km), not its city area
    ("قال مسؤول في الرياض إن حي النظيم سيشهد مشاريع", "النظيم", "الرياض"),
])
def test_an_untied_village_gets_the_region_of_its_sentences_one_town(text, name, parent):
    ent, found = _unknown(text, name)
    assert ent is not None, found.entities
    assert ent.precision == "region" and ent.coord_source == "context"
    assert parent in found.entities[ent.parent_id].name_ar


@pytest.mark.parametrize("text, name", [
    ("وسيطرت القوات على جبل حمالة في هجوم من تعز وعدن.", "حمالة"),  # two towns: it may lie anywhere between
    ("وقال أهالي قرية كوغيلو إن الرئيس لم يزر نيروبي.", "كوغيلو"),  # a town outside the Arab world
    ("وتضم الدائرة حي الصالحية، وحي الشهابية، وحي الريان، وحي الروضة.", "الصالحية"),  # a list of quarters
])
def test_no_sentence_area_between_two_towns_abroad_or_in_a_list(text, name):
    ent, found = _unknown(text, name)
    assert ent is not None and ent.lat is None, found.entities


def test_a_geonames_town_written_without_its_final_hamza_ties_its_quarters():
    ent, found = _unknown("وسيطرت القوات على منطقة المغرس بمديرية التحيتا في مواجهات عنيفة", "المغرس")
    assert ent is not None and ent.coord_source == "context"
    assert found.entities[ent.parent_id].name == "At Tuhayta"
