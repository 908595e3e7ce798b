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
    "وانتقل العمال إلى منطقة المصانع قبل الفجر",  # a common word alone, tied to no known place
    "وسقطت قذيفة في منطقة مجاورة للسوق",
])
def test_cue_words_before_common_nouns_name_no_place(text):
    assert not any(p.startswith("unknown:") for p in find_entities(text).entities)


# --- people no lexicon lists: titles, foreign names, where a name ends -------------------------------------------

@pytest.mark.parametrize("text, person", [
    ("قال الرئيس الأفغاني حميد كرزاي إن الحكومة ماضية", "حميد كرزاي"),
    ("وقال المدرب يورغن كلوب إن فريقه جاهز", "يورغن كلوب"),  # a foreign name after a title
    ("أكدت الباحثة سيريان سمنر أن الدبابير مفيدة", "سيريان سمنر"),
    ("أعدم التنظيم أمس الشيخ نجم الدين الجبوري، إمام المسجد", "نجم الدين الجبوري"),  # compound given name
    ("قال العميد الركن الأمين يوسف إبراهيم إن القوات باقية", "الأمين يوسف إبراهيم"),
    ("توفي الشيخ حمد الزامل رحمه الله", "حمد الزامل"),  # a prayer ends the name
    ("أندي بيرنهام وإيفيت كوبر أعلنا ترشحهما", "أندي بيرنهام"),  # a second person after و is not inside
    ("وقال علي الزهراني إن المشروع اكتمل", "علي الزهراني"),
])
def test_people_from_titles_and_given_names(text, person):
    assert person in arabic_names(text, "actor")


@pytest.mark.parametrize("text", [
    "وافق المجلس علي المستوى الدولي على الخطة",  # علي = على
    "وجاءت الموافقة علي شعوبنا بالخير",
    "قالت الوزيرة كوندوليزا رايس ستزور المنطقة",  # the verb is not part of the name (checked below)
    "وسيغيب المدرب اللقاء بتشكيلتين مختلفتين",  # a definite title takes adjectives, not nouns
    "ويسعى دوماً إلى السلام",
])
def test_words_that_end_or_are_no_names(text):
    people = {n for n in arabic_names(text, "actor")}
    assert not any(w in " ".join(people) for w in ("المستوى", "شعوبنا", "ستزور", "بتشكيلتين", "دوماً")), people


def test_second_person_is_not_joined():
    names = arabic_names("أندي بيرنهام وإيفيت كوبر أعلنا ترشحهما", "actor")
    assert not any("كوبر" in n and "بيرنهام" in n for n in names)


# --- organisations and teams ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name, kind", [
    ("أعلن حزب العمال البريطاني فوزه", "حزب العمال البريطاني", "organization"),
    ("وقعت شركة سيمنز الألمانية عقدا جديدا", "شركة سيمنز", "organization"),
    ("افتتح مركز الملك فيصل للبحوث والدراسات الإسلامية معرضا", "مركز الملك فيصل للبحوث والدراسات الإسلامية",
     "organization"),
    ("المنتخب المصري يفوز على ضيفه", "منتخب مصر", "team"),
])
def test_organisations_and_teams_by_their_head_word(text, name, kind):
    found = find_entities(text)
    ents = {found.entities[m.entity_id].name_ar: found.entities[m.entity_id].kind for m in found.mentions}
    assert ents.get(name) == kind, ents


def test_a_centre_named_after_a_king_is_not_the_king():
    assert "King Salman" not in names("وزع مركز الملك سلمان للإغاثة والأعمال الإنسانية مساعدات", "actor")
    # the lexicon lists this one: its entity, under whichever of its names the text writes
    assert names("وزع مركز الملك سلمان للإغاثة والأعمال الإنسانية مساعدات", "actor") == \
        {"King Salman Humanitarian Aid and Relief Centre"}


@pytest.mark.parametrize("text, teams, places", [
    # in a sports text a country that plays is its national team, not a place or a state
    ("تلتقي فرنسا مع كرواتيا في المباراة النهائية لكأس العالم، وقال مدرب المنتخب إن اللاعبين جاهزون",
     {"France national team", "Croatia national team"}, set()),
    # a club named like a city is the club in a sports text ...
    ("سجل محمد صلاح هدفا لليفربول في مرمى روما في دوري أبطال أوروبا، وقال مدرب الفريق إن المباراة صعبة",
     {"Liverpool FC", "AS Roma"}, None),
    # ... and the city elsewhere
    ("زار الوزير برشلونة وروما الأسبوع الماضي", set(), {"Barcelona", "Rome"}),
])
def test_sports_context_makes_teams(text, teams, places):
    found = find_entities(text)
    got_teams = {found.entities[m.entity_id].name for m in found.mentions if found.entities[m.entity_id].kind == "team"}
    assert got_teams == teams
    if places is not None:
        assert names(text, "place") == places


# --- places need evidence; demonyms, adverbs and outlets are no places ---------------------------------------------

@pytest.mark.parametrize("text", [
    "ارتفعت أرباح الشركات السعودية هذا العام",  # a demonym
    "وقالت هيئة السياحة السعودية إن الموسم ناجح",
    "قالت السفيرة الأمريكية إن الزيارة مهمة",  # a title that a gazetteer also lists as a town
    "ويسعى دوماً إلى السلام",  # tanween: an adverb, not Douma
    "أوقفت الشرطة مواطنا ألمانيا مع شخصين",  # an accusative adjective
    "أكد لـ\"الرياض\" رئيس المركز أن الخطة جاهزة",  # the newspaper spoken to
    "ألقي القبض على راكب في رحلة مصر للطيران",  # an airline
    "وقالت مديرة قسم الشرق الأوسط وشمال أفريقيا في المنظمة",  # the region, not the newspaper …
])
def test_no_place_or_state_here(text):
    found = find_entities(text)
    bad = {"Saudi Arabia", "As Safirah", "Duma", "Germany", "Riyadh", "Egypt", "Asharq Al-Awsat"}
    assert not bad & {e.name for e in found.entities.values()}


@pytest.mark.parametrize("text, place", [
    ("وصلت القوات إلى مدينة الباب شمال حلب", "Al-Bab"),  # a cue word is evidence
    ("وصلوا إلى بلدة السفيرة جنوب شرق حلب", "As Safirah"),
    ("تقدمت القوات باتجاه مدينتي الرمادي والفلوجة", "Ramadi"),  # listed with a place
    ("انتقل الجرحى إلى حي الحجر الأسود في دمشق", "Hajar al-Aswad"),  # villages.tsv
])
def test_homograph_places_with_evidence(text, place):
    assert place in names(text, "place")


# --- places located by the known place the text ties them to -------------------------------------------------------

@pytest.mark.parametrize("text, name, precision, parent", [
    ("سيطرت الفصائل على قرية خربة الشويهد في ريف إدلب الجنوبي", "خربة الشويهد", "governorate", "Idlib"),
    ("قصفت الطائرات بلدة كفرزيتا الجديدة شمال حماة", "كفرزيتا", "district", "Hama"),
    ("وقتل مدنيون في حي البكر بالموصل", "البكر", "city", "Mosul"),
    ("سيطرت المقاومة على حي الزنوج بتعز", "الزنوج", "city", "Taiz"),  # an everyday word, but tied to a city
    # a participle between the name and its tie, a list of names before it, a district word, a region
    ("دارت اشتباكات في منطقة المضيق القريبة من قاعدة الحبانية", "المضيق", "district", "Habbaniyah"),
    ("قتل عنصران في مناطق البوشجل والملاحمة في محافظة الأنبار", "الملاحمة", "governorate", "Anbar"),
    ("استهدفت الغارات منطقة المنقم بمديرية الدريهمي", "المنقم", "district", "Durayhimi"),
    ("عادت إلى منزلها في بلدة الرينة بالقرب من الناصرة", "الرينة", "district", "Nazareth"),
    ("حررت الوحدات بلدة صرين في شمال سوريا", "صرين", "region", "Northern Syria"),
])
def test_unknown_places_get_their_parents_area(text, name, precision, parent):
    found = find_entities(text)
    located = [e for e in found.entities.values() if e.entity_id.startswith("unknown:") and e.parent_id]
    if name is None:
        return
    hit = [e for e in located if e.name_ar == name] or [e for e in found.entities.values() if e.name_ar == name]
    assert hit, found.entities
    ent = hit[0]
    if ent.entity_id.startswith("unknown:"):
        assert ent.lat is not None and ent.precision != "point" and ent.coord_source == "context"
        if precision:
            assert ent.precision == precision
        parent_ent = next(e for e in found.entities.values() if e.entity_id == ent.parent_id)
        assert parent in parent_ent.name


def test_a_village_is_never_given_a_country_wide_area():
    found = find_entities("قتل مدنيون في قرية أم جرن في سوريا")
    ent = next(e for e in found.entities.values() if e.entity_id.startswith("unknown:"))
    assert ent.lat is None and ent.parent_id is None


# --- identity: the article decides between namesakes ----------------------------------------------------------------

@pytest.mark.parametrize("text, actor", [
    ("شن طيران التحالف غارات على صنعاء وتعز", "Saudi-led coalition in Yemen"),
    ("قصف طيران التحالف مواقع داعش في الرقة", "Global Coalition against ISIS"),
    ("غزو العراق عام 2003 في عهد جورج بوش", "George W. Bush"),
    ("بعد حرب الخليج عام 1991 قال الرئيس جورج بوش إن", "George H. W. Bush"),
    ("قال جورج بوش الأب إن ابنه سيفوز، وأضاف بوش أن", "George H. W. Bush"),
])
def test_namesakes_by_context(text, actor):
    got = names(text, "actor")
    assert actor in got
    others = {"Saudi-led coalition in Yemen", "Global Coalition against ISIS", "George W. Bush",
              "George H. W. Bush"} - {actor}
    assert not (got & others & ({"George W. Bush"} if "Bush" in actor else {"Global Coalition against ISIS"}
                                if actor.startswith("Saudi") else set()))


def test_a_country_as_a_location_is_no_acting_state():
    assert "Poland" not in names("وفي بولندا، قضى شخصان جراء الصقيع", "actor")
    assert "Poland" in names("وفي بولندا، قضى شخصان جراء الصقيع", "place")


# --- this session's error classes (judged audits, seed 71) ---------------------------------------------------------

@pytest.mark.parametrize("text, person", [
    ("وأكد المهندس عبداللطيف بن عبدالملك آل الشيخ أن الانتخابات", "عبداللطيف بن عبدالملك آل الشيخ"),  # آل + title
    ("وكان خالد بن دخيل الله الثبيتي قد قال", "خالد بن دخيل الله الثبيتي"),  # a theophoric name through الله
])
def test_names_run_through_family_and_theophoric_parts(text, person):
    assert person in arabic_names(text, "actor")


@pytest.mark.parametrize("text", [
    "تأهل يوفنتوس إلى ربع النهائي من دوري أبطال أوروبا على حساب توتنهام",  # a competition's name
    "ويشارك المنتخب في كأس آسيا ثم في كأس أمم أفريقيا",
    "بعد إصابة المدافع بقطع جزئي في الرباط الداخلي للركبة",  # a ligament, not Rabat
    "خضع اللاعب لجراحة في الرباط الصليبي",
])
def test_words_inside_competitions_and_common_nouns_are_no_places(text):
    assert not names(text, "place")


def test_a_city_with_its_adjective_is_still_the_city():
    assert names("وصل الوفد إلى الرباط أمس وزار القدس الشرقية", "place") == {"Rabat", "East Jerusalem"}
    assert "Cairo" in names("وقد أكد قصر الإليزيه على دور القاهرة المحوري في المنطقة", "place")


def test_a_group_named_after_a_doctor_is_not_the_doctor():
    found = find_entities("قامت مجموعة د.سليمان الحبيب الطبية بمعايدة المرضى")
    kinds = {e.name_ar: e.kind for e in found.entities.values()}
    assert kinds.get("مجموعة د.سليمان الحبيب الطبية") == "organization"
    assert "سليمان الحبيب" not in kinds


def test_a_surname_names_the_person_the_article_named_in_full():
    text = "وقال المتحدث باسم التحالف العقيد تركي المالكي إن القوات تقدمت. وأشار المالكي إلى أن"
    assert "Nouri al-Maliki" not in names(text, "actor")
    assert "Nouri al-Maliki" in names("وقال نوري المالكي إن الوضع صعب. وأضاف المالكي أن", "actor")


@pytest.mark.parametrize("text, expected", [
    ("أشاد زعماء المعارضة والنشطاء في إسرائيل بالاتفاق", set()),  # an opposition of elsewhere: no actor
    ("سيطرت فصائل المعارضة على بلدة في ريف حلب", {"Syrian opposition"}),
])
def test_a_bare_opposition_is_the_syrian_one_only_in_syria(text, expected):
    assert names(text, "actor") & {"Syrian opposition"} == expected


def test_a_country_a_player_wins_with_is_its_team():
    text = ("لم يلعب ميسي سوى مع برشلونة حامل لقب الدوري الإسباني لكرة القدم، وقال لو اخترت اللعب مع إسبانيا "
            "لفزت بكأس العالم. الفوز باللقب مع الأرجنتين سيكون استثنائيا.")
    assert "Argentina" not in names(text, "actor") | names(text, "place")


@pytest.mark.parametrize("text, person", [
    ("تهدد بإطاحة نظام الرئيس صدام حسين", "صدام حسين"),  # an everyday word opens a name before a given name
    ("وشن المندوب الإسرائيلي دان غيلرمان هجوما عنيفا", "دان غيلرمان"),
])
def test_a_title_then_two_name_words(text, person):
    assert person in arabic_names(text, "actor")


@pytest.mark.parametrize("text", [
    "الرئيس دعا أمس إلى الحوار",
    "المدرب يعتمد تشكيلة جديدة",
    "أرسل معاوية جيشا إلى المدينة",  # an accusative noun is no surname
    "وكان الملك أبو جميل زيان أكثرهم عزما",
])
def test_no_name_runs_into_an_everyday_word(text):
    assert not any(w in n for n in arabic_names(text, "actor") for w in ("دعا", "يعتمد", "جيشا", "أكثرهم"))


@pytest.mark.parametrize("text, person, never", [
    # علي before a comma is the name's last word, not the preposition على
    ("التقى الوزير أمس سامر خليل علي، مدير الشركة", "سامر خليل علي", None),
    # how he spoke (an accusative participle), an adverb in يا, ل on a noun: no family names
    ("وقال المندوب رامي سالم البدري متضامنا مع بلاده", "رامي سالم البدري", "متضامنا"),
    ("ولاحق المدعي العام سامر رامون قضائيا بتهمة الفساد", "سامر رامون", "قضائيا"),
    ("وجاء هدف عبد الكريم ليعوض الخسارة", "عبد الكريم", "ليعوض"),
    # a definite verbal noun of form IV (الإفصاح) after a given name
    ("ورفض ماهر الإفصاح عن الخطة", None, "الإفصاح"),
    # a rare word further into a name is a surname still; a definite noun there is no family name
    ("وقال المبعوث جيري سود لارسن إن الحوار مستمر", "جيري سود لارسن", None),
    # ... but not a verb in the plural, a possessed noun, or ل on a word
    ("وقال إن رجال فرحان أوالي قيديد سيطروا على البلدة", None, "سيطروا"),
    ("وأنقذ الحارس أحمد خليل مرماه من هدف محقق", "أحمد خليل", "مرماه"),
    ("وغنى في الحفل سامي عبد الوهاب ووديع الصافي", "سامي عبد الوهاب", "ووديع"),
    ("ويبقى المهاجم سامي بينار محاصر بين المدافعين", None, "محاصر"),
    # after a father's name a definite word in ية is the family's; a long chain closes with آل and its family
    ("وترأس الاجتماع السيد حامد بن خليفة العطية أمس", "حامد بن خليفة العطية", None),
    ("واستقبل الشيخ سالم بن محمد بن راشد آل مكتوم الوفد", "سالم بن محمد بن راشد آل مكتوم", None),
    # a verb right after a given name ends the name
    ("وكان فراس يكمل دراسته في الخارج", None, "يكمل"),
    # a verb in the future after a title's relative clause opens no name
    ("وسيصل الرئيس الذي سيخلف خوان بيريز إلى الحكم غدا", "خوان بيريز", "سيخلف"),
    # a kunya's nisba names the man
    ("وظهر أبو قتادة المصري في تسجيل جديد", "أبو قتادة المصري", None),
])
def test_a_name_ends_before_words_that_describe_or_follow_it(text, person, never):
    people = arabic_names(text, "actor")
    if person:
        assert person in people, people
    if never:
        assert not any(never in n for n in people), people


@pytest.mark.parametrize("text", [
    "ثم زار قرية أجداده الأصلية خارج العاصمة",  # a possessed noun
    "في كل مدينة وقرية وتجمع سكاني",  # a second noun after و
    "على أن تكون في الجزء الخلفي من ناحية اليابسة",  # من ناحية: "on the side of"
    "في طريقهم لقضاء أجازتهم",  # لقضاء: "to spend"
    "هو قبل كل شيء مسجد للعبادة",
    "وتلف منطقة الخصر بوشاح",  # a body part
])
def test_cue_words_that_introduce_no_place(text):
    assert not names(text, "place")


def test_a_quarter_tied_by_a_comma_gets_its_citys_area():
    found = find_entities("طائرة حلقت فوق حي الخزامي، الرياض، السبت الماضي")
    ent = next(e for e in found.entities.values() if e.name_ar == "الخزامي")
    assert ent.coord_source == "context" and ent.precision == "city" and ent.parent_id
    found = find_entities("قتل مدنيون في قرية أم جرن، دمشق وحلب")  # a list after the comma: no tie
    assert next(e for e in found.entities.values() if e.name_ar == "أم جرن").lat is None


def test_a_players_country_of_origin_is_a_place_not_his_team():
    text = "سجل المهاجم هدفين في المباراة. جان أود أهولو لاعب ينحدر من كوت ديفوار يبلغ من العمر 24 عاما."
    assert "Ivory Coast national team" not in names(text, "actor")
    assert names(text, "place") == {"Ivory Coast"}


def test_a_headline_label_is_a_place():
    text = "دمر داعش الملعب الأولمبي في الرمادي. رابط الخبر: العراق: داعش يدمر ملعب الرمادي الأولمبي"
    assert "Iraq national team" not in names(text, "actor") and "Iraq" in names(text, "place")


@pytest.mark.parametrize("text, name", [
    ("وأوضح الناطق الإعلامي العقيد دكتور عاطي بن عطية القرشي أنه", "عاطي بن عطية القرشي"),  # a title after a rank
    ("يقول وكيل وزارة الشؤون الاجتماعية المساعد للتنمية إن", "وزارة الشؤون الاجتماعية"),  # المساعد: the deputy's
])
def test_names_without_the_words_around_them(text, name):
    assert name in arabic_names(text, "actor")


@pytest.mark.parametrize("text, word", [
    ("وأكمل حسني حديثه قائلاً", "حديثه"),  # a possessed noun
    ("وقالت إن «هيفاء صنعت لنفسها مكانًا»", "صنعت"),  # a verb
])
def test_no_verb_or_possessed_noun_inside_a_name(text, word):
    assert not any(word in n for n in arabic_names(text, "actor"))


def test_east_germany_is_not_germany():
    assert names("الاشتياق لألمانيا الشرقية لكن ليس لنظامها", "actor") == {"East Germany"}


@pytest.mark.parametrize("text, word", [
    ("ليصل بهم إلى درجة تكفيرهم والحكم عليهم بإزهاق أرواحهم", "عليهم"),  # a preposition after a title
    ("خسارته لجهود لاعب وسطه نغولو كانتي", "وسطه"),  # a possessed noun after a title
    ("وأحمد حسن مكي وأحمد حمودي المنضمين مؤخرًا للفريق", "المنضمين"),  # a plural participle
    ("ومتنزه السحاب في بني مازن أجواء باردة", "مازن"),  # a tribe's name
    ("وهي تأمر الولد بقتل أبيه", "تأمر"),  # a verb, not Tamer
])
def test_words_that_open_or_continue_no_name(text, word):
    assert not any(word in n for n in arabic_names(text, "actor"))


def test_an_organisations_name_ends_after_its_adjective():
    assert "وزارة الصحة والرعاية الاجتماعية" in arabic_names(
        "وحاولت وزارة الصحة والرعاية الاجتماعية التهوين من الأمر", "actor")


def test_football_federations_are_not_clubs():
    assert names("وجياني إنفانتينو رئيس الاتحاد الدولي لكرة القدم", "actor") == {"FIFA"}


def test_a_compound_given_name_opens_a_name():
    assert any(n.startswith("زين العابدين") for n in arabic_names("وقال زين العابدين بن علي إن", "actor"))


@pytest.mark.parametrize("text, person", [
    ("حث صاحب السمو الأمير جلوي بن عبدالعزيز بن مساعد أمير منطقة نجران", "جلوي بن عبدالعزيز بن مساعد"),
])
def test_a_fathers_name_after_bin_is_part_of_the_name(text, person):
    assert person in arabic_names(text, "actor")


def test_a_company_named_by_foreign_words():
    assert "شركة بلتون كابيتال" in arabic_names("وافقت اللجنة على قيد أسهم شركة بلتون كابيتال المصرية", "actor")


@pytest.mark.parametrize("text, team, place", [
    ("وسيلتقي ريال مع ليفربول الإنجليزي أو روما الايطالي في النهائي", "AS Roma", None),  # a masculine nisba
    ("زار الوزير روما الإيطالية أمس", None, "Rome"),  # a city takes the feminine
])
def test_a_club_by_its_adjective(text, team, place):
    assert (team in names(text, "actor")) if team else not names(text, "actor")
    assert (place in names(text, "place")) if place else not names(text, "place")


def test_a_country_a_team_plays_against_is_its_team():
    text = "وقال عقب المباراة الأخيرة أمام كرواتيا: لا توجد وظيفة في العالم. وسجل المهاجم هدفين في المباراة"
    assert "Croatia national team" in names(text, "actor") and not names(text, "place")


@pytest.mark.parametrize("text, person", [
    ("وقال الدكتور هادي بن علي اليامي إن الحادث وقع", "هادي بن علي اليامي"),  # علي after بن is a name
    ("وقال هادي بن علي اليامي إن الحادث وقع", "هادي بن علي اليامي"),  # ... without a title too
    ("وقالت كاثرين دي بولي إن الاتفاق صامد", "كاثرين دي بولي"),  # a foreign name's particle
    ("وقال المدرب كلوب مازحا إن الفريق تعب", "كلوب"),  # a circumstantial participle ends the name
])
def test_where_a_name_ends(text, person):
    assert person in arabic_names(text, "actor")


@pytest.mark.parametrize("text, word", [
    ("وقال المدرب كلوب مازحا إن الفريق تعب", "مازحا"),
    ("وأكد الوزير أحمد الخطيب مشددا على أهمية الخطة", "مشددا"),
    ("وكتب الرئيس ترامب ساخرا من المعارضين", "ساخرا"),
    ("وقالت المحررة كاثرين دي", "دي"),  # a particle never ends a name
])
def test_words_after_a_name_that_are_no_part_of_it(text, word):
    assert not any(n.endswith(word) for n in arabic_names(text, "actor"))


def test_a_preposition_after_bin_ends_no_name():
    assert not any("على" in n for n in arabic_names("وحصل محمد بن على الجائزة", "actor"))


@pytest.mark.parametrize("text", [
    'وذكرت "الرياض" أن الوزارة رصدت المخالفات',  # the newspaper Al-Riyadh
    "وكانت «دبي» قد نشرت التقرير في عددها الأخير",
])
def test_a_place_name_alone_in_quotes_is_a_title(text):
    assert not names(text, "place")


@pytest.mark.parametrize("text, teams", [
    ("نتائج مباريات الجولة: الرياض x الهلال، الشباب x النصر", set()),  # a versus sign: sides, not places
    ("وجاءت نتائج مباريات الجولة في الدوري والكأس كالتالي: مصر 2-1 روسيا", {"Egypt national team",
                                                                           "Russia national team"}),
    ("وفي المجموعة الرابعة لكأس العالم بعد مباريات الجولة الأولى: كوستاريكا 3 نقاط، إيطاليا 3 نقاط في المباراة",
     {"Costa Rica national team", "Italy national team"}),
    ("وأسفرت قرعة كأس العالم عن المجموعة الأولى: روسيا، السعودية، مصر، وجاءت المباراة الأولى في الدوري",
     {"Russia national team", "Saudi Arabia national team", "Egypt national team"}),
])
def test_sides_in_results_lines_and_group_tables(text, teams):
    assert not names(text, "place")
    assert names(text, "actor") >= teams


@pytest.mark.parametrize("text, place", [
    ("وزار الوفد سوريا 2011-2015 في جولات متعددة", "Syria"),  # years, not a score, outside a sports text
    ("وقال إن المجموعة الأولى: وصلت إلى حلب أمس", "Aleppo"),  # no sports text: no group table
])
def test_numbers_beside_a_place_outside_sport(text, place):
    assert place in names(text, "place")


@pytest.mark.parametrize("text", [
    "وقعت شركة بترول أبوظبي الوطنية عقدا مع المقاول",  # a place inside a firm's name
    "وقالت شركة نفط الكويت إن الإنتاج ارتفع",
    "وأعلن بنك قطر الوطني أرباحه الفصلية",
])
def test_a_place_inside_a_business_name_is_no_place(text):
    assert not names(text, "place")


@pytest.mark.parametrize("text, place", [
    ("وفتحت الشركة مكتبا في دبي", "Dubai"),
    ("وتعمل شركات أمريكية في سوريا منذ سنوات", "Syria"),  # a preposition between: a location
])
def test_a_place_beside_a_business_word_is_still_a_place(text, place):
    assert place in names(text, "place")


@pytest.mark.parametrize("text, person", [
    ("وتشمل القائمة مدارس الفيصلية وأحمد بن حنبل وعمر بن الخطاب", "أحمد بن حنبل"),  # a list of schools
    ("وافتتحت مدارس الإمام أحمد بن حنبل فصولا جديدة", "أحمد بن حنبل"),  # a plural eponym head
])
def test_people_institutions_are_named_after(text, person):
    assert person not in arabic_names(text, "actor")


def test_a_person_listed_after_a_plural_noun_is_still_a_person():
    text = "وحضر الاجتماع مديرو المدارس. وقال أحمد بن علي الغامدي إن العام الدراسي يبدأ"
    assert "أحمد بن علي الغامدي" in arabic_names(text, "actor")


@pytest.mark.parametrize("text, actor, not_actor", [
    ("وقدمت فرقة «أبو عماد» عرضا مسرحيا", "أبو عماد", None),  # a troupe's quoted name
    ("وقالت فرقة ميتاليكا إن الحفل ألغي", "فرقة ميتاليكا", None),
    ("وشاركت فرقة موسيقية في الحفل", None, "فرقة موسيقية"),  # no name
])
def test_troupes_and_bands(text, actor, not_actor):
    found = arabic_names(text, "actor")
    if actor:
        assert actor in found
    else:
        assert not found
    assert not any(a.kind == "person" for a in find_entities(text).entities.values())


@pytest.mark.parametrize("text, person", [
    ("وأدرك الارجنتيني أنخل دي ماريا التعادل لسان جرمان", "أنخل دي ماريا"),  # not the town انخل
    ("ولكن رئيس برشلونة، جوسيب ماريا بارتوميو، فجر مفاجأة", "جوسيب ماريا بارتوميو"),  # an unlisted first name
    ("وقال قائد حرس الحدود اللواء سفر بن أحمد الغامدي إن", "سفر بن أحمد الغامدي"),  # a rank, a word, بن
])
def test_foreign_and_unlisted_first_names(text, person):
    assert person in arabic_names(text, "actor")
    assert not names(text, "place") - {"Barcelona"}


@pytest.mark.parametrize("text", [
    "الحكم بسجن رادوفان كراديتش 40 عاما لارتكاب جرائم",  # بسجن: "by jailing" after الحكم
    "وأكد أن المدرب لقتل الوقت يلعب",
])
def test_a_preposition_on_a_word_opens_no_name(text):
    assert not any(n.startswith(("بسجن", "لقتل")) for n in arabic_names(text, "actor"))


def test_a_known_name_with_a_particle_keeps_its_identity():
    assert "Ursula von der Leyen" in names("وأعلنت أورسولا فون دير لاين الخطة", "actor")


@pytest.mark.parametrize("text, person", [
    ("هيأ مفاجأة طريفة للسيد برلسكوني حيث قام بحجز", "برلسكوني"),  # a title with the preposition ل
    ("وقال سيمون هول، المسؤول الدولي، إن", "سيمون هول"),  # a Western first name now listed
    ("تيار المستقبل بحكومة الرئيس فؤاد السنيورة واعتبر أن", "فؤاد السنيورة"),  # a family name in ة
])
def test_more_names_no_lexicon_lists(text, person):
    assert person in arabic_names(text, "actor")


@pytest.mark.parametrize("text", [
    "وقال إن للرئيس صلاحيات واسعة",  # a title and an everyday word: no name
    "وقالت إن قوات هادي مدعومة من التحالف",  # an indefinite feminine word is no family name
])
def test_titles_and_feminine_words_that_make_no_name(text):
    assert not any(a.kind == "person" and a.entity_id.startswith("person:")
                   and a.name_ar.endswith(("صلاحيات", "مدعومة")) for a in find_entities(text).entities.values())


@pytest.mark.parametrize("text", [
    "يعمل في نيويورك ريد بولز منذ الموسم الماضي في الدوري الأمريكي",
    "وسجل اللاعب لملبورن فيكتوري هدفا في الدوري الأسترالي",
    "وتغلب سسكا موسكو على ضيفه",
])
def test_a_city_in_a_clubs_name_is_no_place(text):
    assert not names(text, "place")


def test_a_city_without_a_club_word_is_a_place():
    assert names("وزار الوفد موسكو أمس بعد ريد", "place") == {"Moscow"}


@pytest.mark.parametrize("text, state", [
    ("وتقدمت المغرب بملف لاستضافة كأس العالم 2026 وقال إن المنتخب والدوري والمباراة", "Morocco"),
    ("وفازت روسيا بحق تنظيم المونديال في المباراة والدوري والمنتخب", "Russia"),
])
def test_a_country_bidding_to_host_is_the_state_not_its_team(text, state):
    found = names(text, "actor")
    assert state in found and f"{state} national team" not in found


def test_a_country_playing_is_still_its_team():
    text = "وفاز ميسي باللقب مع الأرجنتين في المباراة النهائية للبطولة وسجل هدفين في الدوري"
    assert "Argentina national team" in names(text, "actor")


@pytest.mark.parametrize("text, person", [
    ("وقال الفنان عادل إمام إن الفيلم جاهز", "عادل إمام"),  # إمام with hamza below: a family name
])
def test_a_family_name_spelled_like_a_preposition(text, person):
    assert person in arabic_names(text, "actor")


@pytest.mark.parametrize("text", [
    "ووقف الشاهد محمد أمام المحكمة",  # أمام: "before", not a family name
    "ووقف الشاهد محمد امام المحكمة",
])
def test_the_preposition_amam_ends_a_name(text):
    assert not any("مام" in n for n in arabic_names(text, "actor"))


def test_a_name_ends_before_a_latin_word():
    assert "كريستيان امانبور" in arabic_names("في مقابلة مع الزميلة كريستيان امانبور لـCNN قال", "actor")


# Known failures from the seed-89 audit (tests/audit/README.md), kept visible until a rule fixes them.
def test_a_country_adjective_after_a_city_is_no_country():
    assert names("وتم تصوير المسلسل في مدينة جدة السعودية العام الماضي", "place") == {"Jeddah"}


def test_inter_milan_is_a_club():
    assert "Milan" not in names("ويواجه برشلونة فريق إنتر ميلانو في دوري الأبطال", "place")


def test_a_verb_with_fa_ends_a_name():
    assert not any(n.endswith("فيقولان") for n in arabic_names(
        "أما محمد حسن وعبدالعزيز باسبعين فيقولان إن الصفقات خاطئة", "actor"))


def test_a_family_name_after_abdullah():
    assert "تركي بن عبد الله الشليل" in arabic_names(
        "وأوضح المتحدث الشيخ تركي بن عبد الله الشليل أن القضايا", "actor")


def test_a_park_named_after_a_king():
    assert not arabic_names("وتقع المواقع بجوار حدائق الملك عبد الله العالمية", "actor")


# Classes found wrong in the seed-97 audit (tests/audit/README.md); made-up sentences in news style.
@pytest.mark.parametrize("text, place", [
    ("وخسر الفريق نهائي كأس إيطاليا أمام منافسه يوم الأحد", "Italy"),  # a national cup
    ("وتأهلت اللاعبة إلى ربع نهائي بطولة فرنسا المفتوحة للتنس", "France"),  # an open
])
def test_a_competition_named_after_a_country_is_no_place(text, place):
    assert place not in names(text, "place")


def test_a_place_ending_a_quoted_company_name_is_no_place():
    assert "Saudi Arabia" not in names("وأعلنت شركة «ألفا تكنولوجيز السعودية» عن برامج تدريب جديدة", "place")


def test_a_place_at_the_end_of_a_quoted_sentence_stays_a_place():
    assert "Lebanon" in names("وقال إن «الحل يبدأ في لبنان» مضيفا أن الوقت حان", "place")


def test_arriving_in_a_country_is_a_place_not_its_team():
    text = "وسيوقع المدرب الجديد عقده مع النادي فور وصوله لإيطاليا بعد نهاية الموسم في الدوري"
    assert "Italy national team" not in names(text, "actor")
    assert "Italy" in names(text, "place")


def test_the_international_federation_is_no_club():
    text = "وقرر الاتحاد الدولي لكرة القدم رفع الحظر عن الملاعب بعد زيارة لجنة المباريات"
    assert not any(e.startswith("Al-Ittihad") for e in names(text, "actor"))


@pytest.mark.parametrize("text, bad", [
    ("وأكد الطبيب أن المهاجم الدولي رونالدو سيحتاج إلى أسبوعين للتعافي", "سيحتاج"),  # سـ + a verb
    ("وقال إن المجتمع المحافظ يرفض هذه الظواهر", "يرفض"),  # a present verb after a title-like word
])
def test_a_verb_is_no_part_of_a_name(text, bad):
    assert not any(bad in n for n in arabic_names(text, "actor"))


def test_despair_is_not_the_name_ilyas():
    assert not arabic_names("هل وصل اليأس بالشباب إلى هذه الدرجة", "actor")


def test_a_foreign_given_name_that_is_also_a_town():
    text = "وسجل المهاجم ديغو كوستا هدف الفوز في الدقيقة الأخيرة"
    assert "Daegu" not in names(text, "place")


# Classes found wrong in the seed-103 audit (a development look, tests/audit/README.md).
def test_a_club_listed_with_a_club_is_a_club():
    text = "وإذا طرق ريال مدريد أو برشلونة باب المدرب فقد يرحل"
    assert "Barcelona" not in names(text, "place")
    assert "FC Barcelona" in names(text, "actor")


def test_a_place_and_a_year_in_quotes_is_a_title():
    assert "Saudi Arabia" not in names("وزار الوفد معرض «السعودية 2050» في المدينة", "place")


def test_a_city_beside_a_club_word_of_an_american_league():
    assert "Dallas" not in names("ويملك دالاس مافريكس سبعة لاعبين أجانب", "place")


def test_a_result_written_with_sifr_is_a_team():
    text = ("وودع المنتخب الألماني كأس العالم بعد خسارته المباراة بهدفين، وفي الوقت ذاته فوز السويد على المكسيك "
            "3-صفر في الجولة الأخيرة من الدور الأول للبطولة")
    assert "Sweden" not in names(text, "place")


def test_two_bodies_joined_by_wa_are_two():
    assert not any("والهيئة" in n for n in arabic_names("بسبب الخلاف بين اتحاد الكرة والهيئة العامة للرياضة", "actor"))


def test_a_kind_of_team_is_no_name():
    assert not any(n.startswith("فرقة") for n in arabic_names("وتوجد فرقة إسعافية بالشاطئ طوال العيد", "actor"))


def test_the_middle_east_envoy_is_no_newspaper():
    text = "وحذر المبعوث الأممي الخاص للشرق الأوسط من تدهور الوضع"
    assert "Asharq Al-Awsat" not in names(text, "actor")
    assert "Asharq Al-Awsat" in names("وقال المسؤول للشرق الأوسط إن الوضع صعب", "actor")


def test_a_compound_given_name_leaves_room_for_the_family_name():
    assert "عبد الرحمن سالم فهد العتيبي" in arabic_names("وقال النقيب عبد الرحمن سالم فهد العتيبي إن القوة وصلت", "actor")


def test_valencia_in_arabic_is_in_spain():
    found = find_entities("وزار الوفد مدينة بلنسية الإسبانية أمس")
    place = next(found.entities[m.entity_id] for m in found.mentions if m.entity_type == "place")
    assert place.country == "ES"


# Names as news writes them (ANERcorp-style spans: the name's words, no title, the family name included).
def test_a_foreign_name_after_a_demonym():
    assert "كزافييه ماليس" in arabic_names("وتأهل بعد فوزه على البلجيكي كزافييه ماليس في الدور الثاني", "actor")


def test_a_known_person_mention_carries_the_family_and_not_the_title():
    found = find_entities("واستقبل الشيخ محمد بن راشد آل مكتوم الوفد أمس")
    text = "واستقبل الشيخ محمد بن راشد آل مكتوم الوفد أمس"
    assert [text[m.start:m.end] for m in found.mentions if m.entity_type == "actor"] == ["محمد بن راشد آل مكتوم"]


@pytest.mark.parametrize("text, bad", [
    ("وتأهل الإسباني رافايل نادال المصنف ثانيا إلى الدور", "المصنف"),
    ("وجاءت تمريرة من المغربي مبارك بوصوفة فتابعها المهاجم في المرمى", "فتابعها"),
])
def test_words_after_a_foreign_name(text, bad):
    assert not any(bad in n for n in arabic_names(text, "actor"))


def test_a_place_mention_is_its_name_without_cue_or_epithet():
    text = "وصل الحجاج إلى مكة المكرمة بعد زيارة مدينة مشهد"
    found = find_entities(text)
    assert [text[m.start:m.end] for m in found.mentions if m.entity_type == "place"] == ["مكة", "مشهد"]


# Classes seen in a development look at seed 107 (not judged in full).
def test_a_league_named_after_a_sponsor_is_no_person():
    assert not arabic_names("بعد نهاية الجولة الثانية من دوري عبداللطيف جميل للمحترفين", "actor")


def test_a_party_and_a_government_are_two_bodies():
    assert "حزب المؤتمر الوطني الهندي" in arabic_names("ويعارض سياسة حزب المؤتمر الوطني الهندي والحكومة الهندية", "actor")


def test_a_present_verb_after_a_name_ends_it():
    assert "دوتيرتي" in arabic_names("الرئيس الفلبيني دوتيرتي يلوح بفرض الأحكام العرفية", "actor")


def test_plural_nouns_after_a_demonym_are_no_name():
    assert not any(n.startswith("اتفاقات") for n in arabic_names(
        "ووقعت الوزيرة مع نظيرتها السعودية اتفاقات تعاونية ثقافية", "actor"))


def test_the_egyptian_federation_is_no_club():
    assert "Al-Ittihad" not in names("وسيحضر رئيس الاتحاد المصري المباراة الودية", "actor")


def test_a_clitic_on_a_word_in_alef_madda_is_no_town():
    assert not names("ولا يوجد موعد لطرح المشغل الخاص بآبل في الأسواق", "place")


def test_a_federation_named_after_a_continent_mentions_no_place():
    assert not names("وأعلن رئيس اتحاد أمريكا الجنوبية لكرة القدم دعمه للمرشح", "place")


def test_countries_listed_by_commas_after_a_location_are_places():
    text = "وتتراوح النسبة في البحرين، الكويت، قطر"
    assert names(text, "actor") == set()
    assert names(text, "place") == {"Bahrain", "Kuwait", "Qatar"}


# Classes seen in the seed-109 audit (fixed after it was judged).
def test_a_child_named_like_a_city_is_a_person():
    text = "وقالت الأم إن ابنها باريس طعن شقيقته، وكان باريس في الثالثة عشرة"
    assert "Paris" not in names(text, "place")
    assert "باريس" in arabic_names(text, "actor")


@pytest.mark.parametrize("text, country", [
    ("وقتل الحرس تسعة أشخاص قرب الحدود مع العراق أمس", "Iraq"),
    ("ورصدت الأقمار الصناعية سفنا قبالة سوريا أمس", "Syria"),
])
def test_a_country_as_a_border_or_a_coast_is_a_location(text, country):
    assert country not in names(text, "actor")
    assert country in names(text, "place")


def test_a_news_agency_named_after_its_country_mentions_no_place():
    assert "Kuwait" not in names("وتوقعت الشركة في تقريرها الذي نقلته وكالة أنباء الكويت تراجع النمو", "place")


def test_a_nisba_before_a_players_name_describes_the_player():
    assert not any(n.startswith("الاتحاد العماني") for n in arabic_names(
        "ولاعب وسط الاتحاد العماني أحمد حديد في الدوري", "actor"))


def test_a_club_named_like_a_city_in_a_results_story_and_the_city_after_fi():
    story = ("ولم يفلح المهاجم الأردني مع نجران إذ لم يلعب سوى ثماني مباريات في الدوري سجل خلالها هدفا واحدا، "
             "وأقيمت مباراته الأخيرة في نجران أمام جمهور قليل في الملعب")
    found = find_entities(story)
    kinds = [(found.entities[m.entity_id].entity_type, story[m.start - 3:m.start].strip()) for m in found.mentions
             if m.surface == "نجران"]
    assert kinds == [("actor", "مع"), ("place", "في")]


# Classes seen in the seed-113 audit (fixed after it was judged).
def test_a_country_after_aw_following_a_location_is_a_location():
    assert "Algeria" not in names("ويرتب نقل المهاجرين إلى ليبيا أو الجزائر حيث يواصلون رحلتهم", "actor")


def test_the_verb_rafaat_before_a_country_is_no_name():
    assert not arabic_names("ورفعت مدغشقر رصيدها إلى عشر نقاط", "actor")


def test_an_institute_name_runs_through_its_complement():
    assert "معهد ستوكهولم لدراسات السلام الدولية" in arabic_names(
        "وفقا لمعهد ستوكهولم لدراسات السلام الدولية أمس", "actor")


@pytest.mark.parametrize("text, body", [
    ("وتخرج في معهد كاليفورنيا للتكنولوجيا قبل عشر سنوات", "معهد كاليفورنيا للتكنولوجيا"),  # لل after a proper name
    ("شارك في مؤتمر لمنظمة الفرانكفونية والتي تضم دولا كثيرة", "منظمة الفرانكفونية"),  # والتي opens a clause
    # بال after a definite noun: that noun's object (الرأفة بالمسنين), not a place (بالأحساء) or a second phrase
    ("وقالت جمعية الرأفة بالمسنين إن الدار مكتملة", "جمعية الرأفة بالمسنين"),
    ("وأعلنت وزارة الداخلية بالتعاون مع الشرطة خطة جديدة", "وزارة الداخلية"),
    ("ونظمت جمعية الأطفال المعاقين بالتنسيق مع البلدية حفلا", "جمعية الأطفال المعاقين"),
])
def test_where_a_body_name_ends(text, body):
    assert body in arabic_names(text, "actor")


def test_a_town_with_a_masculine_nisba_in_a_draw_is_a_club():
    text = ("وأسفرت قرعة البطولة عن مواجهات نارية في الدوري بين الأندية، وقال المدرب إن المباراة صعبة: "
            "السلام زغرتا اللبناني - الرجاء المغربي / الوداد المغربي - أهلي طرابلس الليبي")
    assert not names(text, "place")


def test_a_town_met_in_a_match_is_a_club():
    text = "وفاز يوفنتوس في الدوري بعد المباراة، ونابولي صاحب المركز الثاني سيستضيف جنوة في الملعب يوم الأحد"
    assert "Genoa" not in names(text, "place")


@pytest.mark.parametrize("text, country", [
    ("وزوجته هي التي تدفعه إلى مغادرة إسبانيا والنادي", "Spain"),
    ("وزار روسيا أيضا والتقى رئيسها", "Russia"),
])
def test_a_country_left_or_visited_is_a_location(text, country):
    assert country not in names(text, "actor")
@pytest.mark.parametrize("text, place, country", [
    ("قصفت مقاتلات التحالف مواقع الحوثيين في مديرية الدريهمي", "Ad Durayhimi", "YE"),  # Yemen is taken whole
    ("اقتحمت قوات الاحتلال بلدة برقين غرب مدينة جنين", "Birqin", "PS"),  # so are Palestine's towns
    ("وقال المتحدث باسم الدفاع المدني بمنطقة الجوف إن", "Al Jawf Region", "SA"),  # the Saudi region, not a town
    ("وصلت البعثة إلى مطار كوبنهاجن أمس", "Copenhagen", "DK"),  # a foreign hard g written ج (GeoNames: غ)
    ("عقدت القمة في لوكسمبورج", "Luxembourg", "LU"),
])
def test_towns_of_the_regions_news_covers(text, place, country):
    found = find_entities(text)
    assert (place, country) in {(e.name, e.country) for e in found.entities.values() if e.entity_type == "place"}


@pytest.mark.parametrize("text", [
    "وقالت الحكومة إن التحالف سيواصل عملياته في السوق",  # التحالف، السوق: small Yemeni towns' names
    "شارك العمال في الحكومة الجديدة",
    "ونشرت الجامعة بحوث الطلاب",  # حوث behind the ب of بحوث
    "رواه ابن حبان في صحيحه",  # a name after ابن is a person's, not the Yemeni town
])
def test_small_towns_named_like_everyday_words_are_not_read_into_text(text):
    assert not [e.name for e in find_entities(text).entities.values() if e.entity_type == "place"]


@pytest.mark.parametrize("text, town", [
    # a town's name in a sports text with no locative reading is a club or a side named after it
    ("وفي الدوري الإيطالي لكرة القدم تعادل نابولي جنوة في مباراة مثيرة", "Genoa"),
    ("وتعد مباراة ديربي ميلانو الأفضل في الدوري هذا الموسم كما قال اللاعب", "Milan"),
    ("وفاز الفريق في المباراة وسجل اللاعب باكو ألكاسير هدفين في الدوري", "Baku"),
    ("وقال المدرب إن الجبيل حقق تسع بطولات في لعبة الكاراتيه وفاز في المباراة الأخيرة", "Al Jubayl"),
])
def test_a_town_in_a_match_context_is_no_place(text, town):
    assert town not in names(text, "place")


@pytest.mark.parametrize("text, town", [
    # a match played in a city, a capital with its nisba, a byline, a clock, a games: the place
    ("وتقام المباراة في الدوري على ملعب الفريق بالعاصمة الأوكرانية كييف يوم السبت", "Kyiv"),
    ("تنطلق المباراة في الدوري الساعة الثامنة بتوقيت باريس ويغيب عنها اللاعب", "Paris"),
    ("سبق- الرياض: أعلنت إدارة النادي أن اللاعب سيغيب عن المباراة في الدوري", "Riyadh"),
    ("وفاز المنتخب بالميدالية الذهبية في منافسات كرة القدم في أولمبياد لندن والمباراة النهائية", "London"),
    ("ووصل اللاعب إلى جدة للانضمام إلى معسكر الفريق قبل المباراة في الدوري", "Jeddah"),
])
def test_a_town_where_a_match_is_played_stays_a_place(text, town):
    assert town in names(text, "place")


def test_a_player_joining_a_club_named_like_a_city_joins_the_club():
    text = "واقترب المدافع من الانضمام إلى برشلونة بطل الدوري الإسباني لكرة القدم بعد المباراة"
    assert "Barcelona" not in names(text, "place")


def test_a_birthplace_is_no_muscat():
    assert "Muscat" not in names("ودفن في مسقط رأسه بمحافظة الطائف بعد وفاته", "place")
    assert "Muscat" in names("وصل الوزير إلى مسقط أمس في زيارة رسمية", "place")


def test_countries_an_area_takes_in_are_locations_not_states():
    text = "وبحث الرئيس الوضع في المنطقة بما يشمل سوريا ولبنان والعراق مع نظيره"
    assert not {"Syria", "Lebanon", "Iraq"} & names(text, "actor")
    assert {"Syria", "Lebanon", "Iraq"} <= names(text, "place")


def test_teams_listed_after_a_team_are_teams():
    text = "ويلعب المنتخب في المونديال أمام هولندا وإنجلترا وأيرلندا في المجموعة ومباراة أخرى"
    assert not {"Netherlands", "Ireland"} & names(text, "place")


@pytest.mark.parametrize("text, name", [
    ("وتضم الدائرة بلدة الكلابية، وبلدة العوضية، وبلدة الفضول", "الكلابية"),  # a list of towns, no tie
    ("وقتل مدنيون في قرية الكراش في هجوم قرب حلب", "الكراش"),  # في + an everyday word: no chain
])
def test_lists_and_everyday_words_tie_no_place(text, name):
    ent = next(e for e in find_entities(text).entities.values() if e.name_ar == name)
    # no tie; a lone town in the sentence may still give its wide region (places.locate_by_sentence)
    assert ent.lat is None or ent.precision == "region"


@pytest.mark.parametrize("text", [
    "وتعرض للتعذيب في بلده حالت دون ذلك",  # بلده "his country"
    "إن القرآن كتاب جامع مانع لبغية الناس",  # جامع "comprehensive"
    "ويضم المطار مسجد ومرآب يتسع لمئات السيارات",  # "a mosque and a garage"
])
def test_cue_words_that_are_everyday_words_here_name_no_place(text):
    assert not names(text, "place")


@pytest.mark.parametrize("text", [
    "وتسعى الشركة لبيع أصولها سعيا لجسر الهوة بين ما تملكه وديونها",  # "to bridge the gap"
    "وتشمل الخدمات المستشفيات والمدارس وقضاء حوائجهم الخاصة",  # "fulfilling their needs"
    "ويغطي الثوب ذراعي المرأة ومنطقة الصدر",  # the chest
])
def test_cue_words_in_everyday_phrases_name_no_place(text):
    assert not names(text, "place")


@pytest.mark.parametrize("text, place", [
    ("قصفت الطائرات حي الشجاعية شرق غزة", "Shuja'iyya (Gaza)"),
    ("وافتتح المشروع في مدينة السيح بمحافظة الخرج", "As-Sih (Al-Kharj)"),
    ("وأغلقت إسرائيل معبر إيرز أمس", "Erez crossing"),
])
def test_places_the_random_slices_named_most_are_known(text, place):
    assert place in names(text, "place")


def test_a_ranking_table_lists_national_teams():
    text = ("فاز المنتخب في المباراة وتأهل في المونديال. وجاء التصنيف: 7- البرتغال 1599 نقطة (-3) / 8- سويسرا "
            "1597 نقطة (-2) / 9- إسبانيا 1580 نقطة (+1) في تصنيف الفيفا")
    assert not {"Switzerland", "Spain"} & names(text, "place")


@pytest.mark.parametrize("text, absent", [
    ("وعدد مشجعيه لم يفقه فيه حتى أعتى الفرق كبرشلونة وريال مدريد", "Barcelona"),  # listed with a club
    ("وتم إجلاء نحو 500 شخص من القريتين كإجراء احترازي بسبب الحريق", "Al Qaryatayn"),  # "the two villages"
    ("أعلنت مصادر روسية وسورية التوصل إلى اتفاق", "Syria"),  # the adjective Syrian
])
def test_no_place_in_these_readings(text, absent):
    assert absent not in names(text, "place")


def test_an_invaded_country_is_a_location():
    text = "في صراعات تعود إلى غزو الولايات المتحدة لأفغانستان والعراق قبل عقدين"
    assert not {"Afghanistan", "Iraq"} & names(text, "actor")


@pytest.mark.parametrize("text, absent, kind", [
    ("وجه الرئيس تحية تقدير وإعزاز لكل الشهداء", "Izaz", "place"),  # a verbal noun in إ, not the town in أ
    ("كتبنا على بني إسرائيل أنه من قتل نفسا", "Israel", "place"),  # a people, not the state's territory
])
def test_words_that_share_a_places_letters_are_no_place(text, absent, kind):
    assert absent not in names(text, kind)


def test_a_verb_that_is_also_a_given_name_opens_no_name_before_a_common_noun():
    text = "ودعا الصندوق إلى تشديد الموقف إذا ما نشأت الضغوط التضخمية"
    assert not names(text, "actor")
    assert "نشأت الديهي" in arabic_names("وقال نشأت الديهي إن البرنامج مستمر", "actor")


# Fifth session (seed 139 and bench/places.py seed 7): made-up sentences of the classes found wrong.
@pytest.mark.parametrize("text", [
    "وقال المحامي إن ضغطا سياسيا يمارس على المدعي العام لملاحقة موكله في القضية",  # ل on a noun in ة
    "وقال الرئيس إن القوات المسلحة التركية ستتقدم لتطهر الحدود كلها من المسلحين",  # a future verb in ت
])
def test_verbs_and_prepositional_nouns_after_a_title_or_demonym_name_no_person(text):
    assert not [a for a in find_entities(text).entities.values() if a.kind == "person"]


def test_a_feminine_given_name_in_lam_still_opens_a_name():
    assert "لطيفة الخالدي" in arabic_names("وقالت المحامية لطيفة الخالدي إن الحكم نهائي", "actor")


def test_a_country_after_a_word_of_where_with_bi_is_a_location():
    text = "وقتل خمسة أشخاص في عاصفة ضربت منطقة جبلية بوسط المكسيك يوم الجمعة"
    assert "Mexico" not in names(text, "actor")
    assert "Mexico" in names(text, "place")


def test_a_person_a_competition_is_named_after_is_not_mentioned():
    text = "أقيمت هذا العام مسابقة الشيخ سالم المطيري لحفظ القرآن الكريم في الجامع الكبير"
    assert not [a for a in find_entities(text).entities.values() if a.kind == "person"]


def test_a_clubs_everyday_name_joined_to_another_noun_is_no_club():
    text = "وطالب الاتحاد الكويتي لكرة القدم الهيئة العامة للشباب والرياضة بتحمل تكاليف البطولة"
    assert "Al-Shabab" not in names(text, "actor")


@pytest.mark.parametrize("text", [
    "وعملت اللجنة على سد الاحتياج من الأطباء في مستشفيات المنطقة",  # "filling the need"
    "ويسير المجتمع ناحية تعاسته وهو غير راض عن ذلك",  # "toward his misery"
    "وبعد قضاء الخلوة تعود السجينة إلى زنزانتها",  # "after spending"
    "وشملت مناطق التوسعة المستقبلية أراضي فضاء واسعة",  # a verbal noun after مناطق
    "وتنتشر القوات في مناطق جبل من جهة الشرق",  # a head word alone
])
def test_cue_words_in_their_everyday_sense_name_no_place(text):
    assert not [p for p in find_entities(text).entities.values() if p.entity_type == "place"]


@pytest.mark.parametrize("text, place", [
    ("وتقدمت القوات في مناطق جبل الشيخ والقنيطرة", "جبل الشيخ"),  # a title after the head is the name's
    ("وسيطرت القوات على قرية حوش الضاهرة شرق دمشق", "حوش الضاهرة"),  # حوش opens a two-word name
])
def test_two_word_names_after_a_head_word(text, place):
    assert place in arabic_names(text, "place")


@pytest.mark.parametrize("text, name", [
    ("وشيعت جنازة الفقيد في مقبرة محايل عسير أمس", "Muhayil"),
    ("ووصلت التعزيزات من منطقة الشرورة إلى مأرب", "Sharurah"),
    ("وتتألف البطولة من منتخبات اسكتلندا وإيرلندا الشمالية وويلز", "Northern Ireland"),
    ("وفرّ آلاف اللاجئين إلى بلدة سوروتش التركية", "Suruc"),
])
def test_curated_places_and_spelling_variants_are_located(text, name):
    found = find_entities(text)
    place = next(p for p in found.entities.values() if p.name == name)
    assert place.lat is not None


@pytest.mark.parametrize("text, person", [
    ("وكان الملك محمد السادس في مقدمة مستقبلي الضيوف", "محمد السادس"),
    ("وأقيمت الصلاة على روح الملك الراحل الحسن الثاني في المسجد", "الحسن الثاني"),
    ("وفي عهد الملك فيصل الأول تأسست الدولة الحديثة", "فيصل الأول"),
])
def test_a_sovereigns_ordinal_belongs_to_the_name(text, person):
    assert person in arabic_names(text, "actor")


def test_a_famous_surname_that_is_in_the_word_list_is_the_persons_later_mention():
    found = find_entities("وولد العالم ألبرت أينشتاين في ألمانيا . ودرس أينشتاين الفيزياء في زيوريخ")
    people = [h for h in found.hits if h.ents[0].kind == "person"]
    assert len(people) == 2 and {h.ents[0].name_ar for h in people} == {"ألبرت أينشتاين"}


def test_a_frequent_word_or_adjective_ending_a_name_is_no_later_mention():
    found = find_entities("وقال المهندس خالد الإداري إن العمل الإداري مستمر في المشروع")
    assert sum(1 for h in found.hits if h.ents[0].kind == "person") == 1


@pytest.mark.parametrize("text, person", [
    ("وقالت الرئيسة التنفيذية للشركة مارلين هيوستن إن الطلب قوي", "مارلين هيوستن"),  # a first name, not Houston
    ("وقال صالح علي الصماد رئيس المجلس إن الحوار مستمر", "صالح علي الصماد"),  # علي as the father's name
])
def test_names_that_run_through_a_place_or_a_preposition_like_word(text, person):
    assert person in arabic_names(text, "actor")


def test_a_firm_named_after_its_product_and_a_place_is_no_place():
    text = "وارتفع سهم أسمنت حائل في السوق أمس"
    assert "Ha'il" not in names(text, "place") and "أسمنت حائل" in arabic_names(text, "actor")
    assert not arabic_names("ويستخدم أسمنت مقاوم للأملاح في البناء", "actor")


def test_every_states_form_also_names_its_country_as_a_place():
    """في روسيا البيضاء is a location: a state's form in the actor lexicon must name a place too (Bologna's
    بولونيا, the Holy See and the Soviet Union excepted)."""
    from lib import lexicons
    from lib.extract.lookup import entity_index
    index = entity_index(lex=lexicons.default())
    lacking = {" ".join(key) for key, ents in index.forms.items()
               if any(e.entity_type == "actor" and e.kind == "state" and e.country for e in ents)
               and not any(e.entity_type == "place" for e in ents)}
    assert lacking <= {"بولونيا", "الكرسي الرسولي"}


@pytest.mark.parametrize("text", [
    "ولم يقدم الوزير إيضاحات أكثر عن الخطة",  # a plural noun after a title
    "فإذا لم يكن اللاعب محببا إلى الجمهور فلن يبقى",  # an adverb in ا after a title
    "وتوفي الفنان عن عمر يناهز الثمانين عاما",  # عمر "age"
])
def test_no_person_from_these_words(text):
    assert not [a for a in find_entities(text).entities.values() if a.kind == "person"]


def test_an_airport_named_after_a_king_mentions_no_one():
    text = "ووصل الوفد المرافق إلى مطار محمد الخامس بالدار البيضاء مساء أمس"
    assert not [a for a in find_entities(text).entities.values() if a.kind == "person"]


@pytest.mark.parametrize("text, place", [
    ("وقع تفجير في بلدة خان بني سعد بمحافظة ديالى", "خان بني سعد"),  # بني never ends a name
    ("كان الموكب في قرية عبد الله قرب المطار", "عبد الله"),  # a compound given name is one name
])
def test_place_names_no_gazetteer_knows_are_read_whole(text, place):
    assert place in arabic_names(text, "place")


@pytest.mark.parametrize("text", [
    "ويقال عن الجبل إنه جبل يحبنا ونحبه",  # a verb with its object after a cue
    "ويرى المسافرون أن إنشاء جسر موازٍ للجسر الحالي أصبح ضروريا",  # tanween: an indefinite noun
    "وتتعرض الحيوانات لاسيما في منطقة الرقعة الزراعية للحر",  # a description, tied to no place
    "وهبطت الطائرة في مطار جون إف كينيدي الدولي",  # an airport named after a person
])
def test_no_place_and_no_person_in_these_cue_phrases(text):
    found = find_entities(text)
    assert not [e for e in found.entities.values() if e.entity_type == "place" or e.kind == "person"]


@pytest.mark.parametrize("text, absent, kind", [
    ("ودعم البنك المركزي في استقرار الريال اليمني أمام الدولار", "Real Madrid", "actor"),  # the currency
    ("بعد أن قضى سبعة أعوام في صفوف برشلونة قبل انتقاله", "Barcelona", "place"),  # a club's ranks
    ("استقال من تدريب فريق أنطاليا سبور التركي بعد شهرين", "Antalya", "place"),  # سبور makes a club
])
def test_club_and_currency_readings(text, absent, kind):
    assert absent not in names(text, kind)


def test_an_arabic_noun_in_ta_marbuta_ends_a_foreign_name():
    text = "وأبدى اللاعب البولندي لوكاس زوكالا مرونة كبيرة في المفاوضات"
    assert "لوكاس زوكالا" in arabic_names(text, "actor")


def test_countries_either_side_of_a_border_are_locations():
    text = "وتتمركز الجماعة في الجبل على الحدود بين تونس والجزائر منذ سنوات"
    assert not {"Tunisia", "Algeria"} & names(text, "actor")


def test_a_countrys_champion_is_no_national_team():
    text = "وحقق باريس سان جرمان بطل فرنسا فوزه الثاني في الجولة الودية على ملعب المباراة"
    assert "France national team" not in names(text, "actor")


# Sixth session (seed 241 and the classes left by seed 167): invented sentences, each failing before its fix.
def test_countries_listed_after_a_location_phrase_are_places_not_states():
    text = "وتحدث الوزير عن نشاط الميليشيات في بلدان كثيرة بالإقليم وعلى رأسها اليمن والعراق ولبنان"
    assert not {"Yemen", "Iraq", "Lebanon"} & names(text, "actor")
    assert {"Yemen", "Iraq", "Lebanon"} <= names(text, "place")
    text = "وعمل أستاذا زائرا في بلدان: المغرب والأردن وتركيا"
    assert not {"Morocco", "Jordan", "Turkey"} & names(text, "actor")


def test_states_listed_as_actors_stay_states():
    text = "وأعلنت دول عدة على رأسها السعودية والإمارات قطع علاقاتها"
    assert {"Saudi Arabia", "United Arab Emirates"} <= names(text, "actor")


def test_a_blocs_member_states_after_a_preposition_are_where_not_the_bloc():
    assert "Gulf Cooperation Council" not in names("وارتفعت مبيعات الشركة في دول مجلس التعاون الخليجي", "actor")
    assert "Gulf Cooperation Council" in names("وطالبت دول مجلس التعاون الخليجي بوقف التصعيد", "actor")


def test_a_korean_name_keeps_its_three_syllables():
    text = "واستقبل الرئيس كيم يونغ نام الوفد الزائر وتبادلا الهدايا"
    assert "كيم يونغ نام" in arabic_names(text, "actor")


def test_a_verbal_noun_ends_a_name_after_a_title():
    text = "ونفى السيد كوراييف اختلاس أموال الشركة أمام المحكمة"
    assert arabic_names(text, "actor") == {"كوراييف"}


def test_an_institutes_quoted_name_goes_on_its_name():
    text = "وأظهر مسح أجراه معهد البحوث \"فالوريس\" أن الأسعار ارتفعت"
    assert any("فالوريس" in n for n in arabic_names(text, "actor"))


def test_a_countrys_football_federation_is_no_state_and_no_team():
    text = "وتلقى الاتحاد الروسي لكرة القدم رسالة من الفيفا بشأن المباراة الودية والملعب"
    found = find_entities(text)
    kinds = {found.entities[m.entity_id].kind for m in found.mentions if "اتحاد" in m.surface}
    assert kinds == {"organization"}
    assert "الاتحاد الروسي لكرة القدم" in arabic_names("وقدمت الفيفا الدعم للاتحاد الروسي لكرة القدم قبل المباراة", "actor")


def test_a_club_read_as_the_club_once_stays_the_club_in_a_sports_text():
    text = ("وقال مدرب برشلونة إن الفريق يستعد للمباراة المقبلة في الدوري. وأضاف اللاعب أن المدرب يريد تقديم "
            "الأفضل خلال الموسم وأن الجمهور ينتظر الكثير ويأمل أن يقدم الجميع شيئا مفيدا لبرشلونة هذا العام")
    assert "Barcelona" not in names(text, "place")


def test_a_clubs_town_right_after_a_team_in_a_sports_text_is_the_club():
    text = ("وفاز يوفنتوس في المباراة وسجل اللاعب هدفين في الدوري. وابتعد الفريق في الصدارة بفارق خمس نقاط "
            "عن منافسه نابولي الذي يخوض الأحد لقاء صعبا")
    assert "Naples" not in names(text, "place")
    text = ("وسجل اللاعب هدفا في المباراة أمام المنتخب في التصفيات. وقال زميله في نابولي إنه سعيد بالتأهل مع "
            "المدرب")
    assert "Naples" not in names(text, "place")


def test_a_nationality_before_a_town_named_foreigner_makes_a_person():
    text = "وتعاقد النادي مع الهولندي ممفيس ديباي قادما من ليون"
    assert "Memphis" not in names(text, "place")
    assert "ممفيس ديباي" in arabic_names(text, "actor")


def test_a_place_opening_a_short_quoted_title_is_no_place():
    assert "United Arab Emirates" not in names("ونقلت صحيفة عن \"الإمارات اليوم\" أن المحكمة أصدرت حكمها", "place")


def test_a_form_iv_verbal_noun_after_a_zone_cue_is_no_place():
    text = "ويعاني الفريق من ضعف واضح في مناطق الإنهاء أمام المرمى"
    assert not names(text, "place")


@pytest.mark.parametrize("text, place", [
    ("وحلت جامعة ملبورن في المركز الثاني تليها جامعة تورنتو", "Melbourne"),
    ("وقال أستاذ في جامعة دمشق إن الامتحانات تأجلت", "Damascus"),
    ("وأصدر معهد واشنطن دراسة جديدة", "Washington, D.C."),
])
def test_a_city_inside_an_institutions_name_is_no_place(text, place):
    assert place not in names(text, "place")
    assert any(n.startswith(("جامعة", "معهد")) for n in arabic_names(text, "actor"))


def test_columbia_university_is_no_colombia():
    text = "وقالت الباحثة في جامعة كولومبيا إن النتائج مشجعة"
    assert "Colombia" not in names(text, "place") | names(text, "actor")


@pytest.mark.parametrize("text, name", [
    ("وأكد رئيس الحكومة إيهود شمعوني التقى المبعوث أمس", "إيهود شمعوني"),  # a verb in ى
    ("ووصلت السيدة كارلسون مرفوقة بزوجها إلى القاعة", "كارلسون"),  # a passive participle in ة
    ("وقال الملك خوان كارلوس الأول إن", "خوان كارلوس الأول"),  # a sovereign's ordinal after given names
    ("وتقدم الإسباني رافائيل نادال الخامس في التصنيف", "رافائيل نادال"),  # after a family name: a rank
    ("ووصف الوزير وصبري المحادثات بأنها جيدة", None),  # a definite plural noun is no family name
])
def test_a_name_ends_before_a_verb_a_participle_a_plural_or_a_rank(text, name):
    got = arabic_names(text, "actor")
    assert name in got if name else not any("المحادثات" in n for n in got)


def test_the_sunset_prayer_is_no_morocco():
    text = "وألقى الداعية محاضرة بعد صلاة المغرب في الجامع الكبير"
    assert not names(text, "place") and "Morocco" not in names(text, "actor")


def test_a_players_country_after_his_name_is_where_he_comes_from():
    text = "وسجل اللاعب روبرتو دا سيلفيرا من الرأس الأخضر هدفا في المباراة ضمن الدوري"
    assert "Cabo Verde national team" not in names(text, "actor")
    assert "روبرتو دا سيلفيرا" in arabic_names(text, "actor")


def test_an_areas_name_after_a_title_is_no_first_name():
    text = "وأكد حاكم مقاطعة زيركاني محمد يوسف خان الحصيلة"
    assert arabic_names(text, "actor") == {"محمد يوسف خان"}


def test_a_citys_open_is_a_tournament_not_the_city():
    text = "وتأهلت اللاعبة إلى نصف نهائي بطولة روما المفتوحة للتنس بعد فوز صعب"
    assert "Rome" not in names(text, "place")


def test_joining_clubs_after_a_filler_word_names_clubs():
    text = ("وسجل اللاعب هدفين في المباراة وقال المدرب إن الفريق يستحق الفوز في الدوري. وفاز ليون في المباراة "
            "الأولى لينضم بذلك إلى مرسيليا وموناكو في صدارة الترتيب")
    assert not {"Marseille", "Monaco"} & names(text, "place")


def test_a_bare_ittihad_after_a_federation_is_the_federation():
    text = ("أعلن الاتحاد الأردني لكرة القدم إيقاف اللاعب مباراتين في الدوري. وقال رئيس الاتحاد إن القرار نهائي "
            "بعد المباراة وإن المدرب يتحمل جزءا من المسؤولية")
    assert "Al-Ittihad" not in names(text, "actor")


def test_a_dual_present_verb_after_a_title_is_no_name():
    text = "وقال الحكم إن المدرب واللاعب يستحقان العقوبة بعد المباراة"
    assert not [n for n in arabic_names(text, "actor") if "يستحق" in n]


def test_fa_inna_is_no_name_particle():
    text = "وإذا رحل المهاجم أليكسيو سانتيز فإن راشفورد سيلعب أساسيا"
    assert not [n for n in arabic_names(text, "actor") if "فإن" in n]


def test_li_on_a_first_name_keeps_the_first_name():
    text = "وصدر ديوان «المطر» لخالد سمير أبو حمدان عن دار النشر"
    assert "خالد سمير أبو حمدان" in arabic_names(text, "actor")


def test_a_rank_before_punctuation_or_a_nationality_opens_no_name():
    text = "ونشرت الوكالة العنوان التالي: الشيخ (العراقي حسين جواد كاظم) الموسوي: «الوحدة أولا»"
    assert not [n for n in arabic_names(text, "actor") if n.startswith("العراقي")]


def test_a_telecom_named_after_its_country_is_no_state():
    text = "وجاءت أسهم شركات الإنماء وكيان وزين السعودية على رأس الأسهم الأكثر نشاطا"
    assert "Saudi Arabia" not in names(text, "actor") | names(text, "place")


def test_a_bodys_seat_is_a_location():
    text = "وقالت الشبكة الحقوقية ومقرها فرنسا إن الحصيلة ارتفعت"
    assert "France" not in names(text, "actor")


def test_a_model_number_after_a_town_name_is_no_place():
    assert not names("وأطلقت الجماعة طائرة مسيرة من طراز \"صماد-2\" نحو المطار", "place")


def test_a_clubs_youth_grade_is_no_club():
    text = ("وعين النادي مدربا جديدا للفريق الأول في الدوري واختار جهازا فنيا لدرجة الشباب قبل انطلاق "
            "المباريات وفق اللاعب والمدرب")
    assert "Al-Shabab" not in names(text, "actor")


def test_a_host_state_before_its_tournament_is_no_team():
    text = ("وتهدف الحملة إلى إفساد استضافة روسيا لكأس العالم لكرة القدم، وقال مدرب المنتخب إن اللاعب "
            "جاهز للمباراة")
    assert "Russia national team" not in names(text, "actor")


def test_a_club_named_like_a_city_with_a_masculine_nisba_is_the_club_before_any_lam_word():
    text = "وأسر ليونيل ميسي نجم برشلونة الإسباني للمقربين منه برغبته في الرحيل"
    assert "Barcelona" not in names(text, "place") and "FC Barcelona" in names(text, "actor")


@pytest.mark.parametrize("text", [
    "لا يخدم إلا أعداء الإسلام ومن يريدون النيل منه وتشويه صورته",
    "وتسعى الحملة للنيل من سمعة المملكة",
])
def test_harming_is_not_the_nile(text):
    assert "Nile" not in names(text, "place")


def test_two_seas_are_not_bahrain():
    text = "ويقترح المشروع إقامة رابطة بين البحرين الأبيض والمتوسط عبر قناة"
    assert "Bahrain" not in names(text, "place") | names(text, "actor")
    assert "Bahrain" in names("وزار الوفد البحرين الأسبوع الماضي", "place")


def test_a_sides_midfield_is_no_middle_of_a_place():
    sports = "مباراة الدوري انتهت بفوز الفريق بهدفين في الملعب. "
    assert "Monaco" not in names(sports + "ولم ينجح المدرب في ضخ دماء شابة في خط وسط موناكو", "place")
    assert "Monaco" in names("وتقع الشقة في وسط موناكو", "place")


@pytest.mark.parametrize("text, gone, kept", [
    ("وقع الحادث على طريق الرياض ــ القصيم السريع قرب بريدة", {"Riyadh", "Qassim Region"}, "Buraydah"),
    ("وتقدمت القوات على طريق دمشق - حلب الدولي قرب خان شيخون", {"Damascus", "Aleppo"}, None),
])
def test_the_two_ends_of_a_roads_name_are_no_places(text, gone, kept):
    got = names(text, "place")
    assert not gone & got and (kept is None or kept in got)


@pytest.mark.parametrize("text, jeddah", [
    ("وقالت جدة الرئيس الأمريكي إنها تأمل زيارته", False),  # his grandmother
    ("وتأمل جدة محمد في عودته قريبا", False),
    ("ووصل إلى جدة الرئيس الفرنسي أمس", True),  # arrived in Jeddah, the president the subject
])
def test_a_grandmother_is_not_jeddah(text, jeddah):
    assert ("Jeddah" in names(text, "place")) is jeddah


@pytest.mark.parametrize("text, city, kept", [
    ("وقال الخبير في الجامعة الأمريكية في باريس إن الهدف واضح", "Paris", False),
    ("وتخرج الطبيب من الجامعة الأميركية في بيروت عام 1990", "Beirut", False),
    ("وزار الوزير الجامعة العربية في القاهرة أمس", "Cairo", True),  # the Arab League at its seat
])
def test_the_city_in_a_universitys_name_with_fi_is_no_place(text, city, kept):
    assert (city in names(text, "place")) is kept


# Issue 10, seventh session: a country only as where, money and diameter homographs, idioms, universities.
@pytest.mark.parametrize("text, country", [
    ("وحصل الفندق على جائزة أفضل منتجع على مستوى لبنان هذا العام", "Lebanon"),  # a noun of where before it
    ("وغرق قارب صيد قبالة السواحل الغربية للجزائر فجر اليوم", "Algeria"),  # a direction's coast of it
    ("ومنذ سنوات تشهد ليبيا صراعا على السلطة بين حكومتين", "Libya"),  # what a country witnesses happens in it
    ("وتستعد الجماهير لحضور مباريات مونديال قطر بعد أشهر", "Qatar"),  # a tournament held in it (no sports text)
    ("وتبنى الهجوم فصيل تابع لحركة الشباب الصومال في بيان", "Somalia"),  # a group named with it
])
def test_a_country_only_as_where_is_no_state(text, country):
    assert country not in names(text, "actor")
    assert country in names(text, "place")


def test_a_country_still_acts_as_subject_after_the_new_rules():
    assert "Egypt" in names("وقالت مصر إنها ترفض القرار، وأعلن لبنان موقفه", "actor")


def test_a_count_of_nationals_is_no_country():
    text = "وكان بين الركاب 12 كنديا و9 ألمانيا و4 فرنسا بحسب الشركة"
    assert not ({"Germany", "France"} & (names(text, "actor") | names(text, "place")))


def test_a_score_before_a_country_still_names_a_side():
    text = "وجاءت النتائج في التصفيات كالتالي: اليابان 3-1 الصين، وتأهل المنتخب الأول"
    assert "China" not in names(text, "place")


@pytest.mark.parametrize("text", [
    "وتراجع سعر الريال أمام الدولار في السوق الموازية",
    "ويبلغ ثمن التذكرة نحو 50 ريالا أي ما يعادل ألف للريال الواحد",
    "وسأل الكاتب: هل الولاء للوطن أم للريال؟",  # outside a sports text الريال is the money
])
def test_the_riyal_is_no_real_madrid(text):
    assert "Real Madrid" not in names(text, "actor")


def test_real_madrid_in_a_sports_text_is_still_the_club():
    text = "وفاز الريال على خيتافي في مباراة الدوري الإسباني، وسجل اللاعب هدفين في المباراة"
    assert "Real Madrid" in names(text, "actor")


@pytest.mark.parametrize("text", [
    "ويبلغ ارتفاع الخزان 20 مترا وقطره 8 أمتار، وقطر الأنبوب 40 سم",
    "وتبلغ نصف قطر الدائرة ثلاثة أمتار",
])
def test_a_diameter_is_no_qatar(text):
    assert "Qatar" not in names(text, "actor") | names(text, "place")


@pytest.mark.parametrize("text", [
    "واستحوذت الشركات الكبرى على حصة الأسد من العقود الحكومية",
    "ونال المنتخب نصيب الأسد من الجوائز الفردية",
])
def test_an_idiom_with_a_known_name_names_no_one(text):
    assert "Bashar al-Assad" not in names(text, "actor")


def test_a_university_is_one_organisation_and_its_city_no_place():
    text = "ووقعت جامعة الموصل اتفاقية مع جامعة كاليفورنيا، وجامعة حلب"
    actors = arabic_names(text, "actor")
    assert {"جامعة الموصل", "جامعة كاليفورنيا", "جامعة حلب"} <= actors
    assert not names(text, "place")


def test_a_university_building_fought_over_is_a_place():
    text = "وتمكنت القوات من تحرير مبنى جامعة الموصل بعد معارك عنيفة"
    assert arabic_names(text, "place") == {"جامعة الموصل"}


@pytest.mark.parametrize("text, name, not_name", [
    ("وأكد المحامي أن موكله كريم الهاشمي سيحاكم أمام محكمة مدنية", "كريم الهاشمي", "سيحاكم"),  # a future verb
    ("ورحل الحارس فراس النمري بتوصية من الجهاز الفني", "فراس النمري", "بتوصية"),  # ب on an everyday noun in ة
    ("وكان العداء جوناثان بيكر قطع 20 كيلومترا", "جوناثان بيكر", "قطع"),  # a short verb before a count
])
def test_a_name_ends_before_a_verb_or_a_prepositional_noun(text, name, not_name):
    got = arabic_names(text, "actor")
    assert name in got
    assert not any(not_name in n for n in got)


@pytest.mark.parametrize("text", [
    "ويرى المراقبون أن الحزب الحاكم بات معزولا داخل البرلمان",  # a verb and its accusative predicate
    "ويتساءل الناخبون عن المرشح الذي سيخلف جوزيه ماريا في المنصب",  # a future verb before a foreign name
])
def test_a_verb_opens_no_name(text):
    got = arabic_names(text, "actor")
    assert not any(n.startswith(("بات", "سيخلف")) for n in got)


def test_a_lion_with_a_nationality_is_no_assad():
    text = "ويعيش الأسد الآسيوي في غابات الهند، بينما يفوقه الأسد الأفريقي حجما"
    assert "Bashar al-Assad" not in names(text, "actor")


def test_a_state_after_its_cue_word_is_mentioned_at_its_name():
    found = find_entities("وأعلنت دولة الكويت دعمها للاتفاق")
    assert {m.surface for m in found.mentions} == {"الكويت"}


def test_a_broadcaster_named_by_two_nouns_is_whole():
    assert "هيئة الإذاعة والتلفزيون" in arabic_names("وقررت هيئة الإذاعة والتلفزيون وقف البرنامج", "actor")


def test_junior_closes_a_name():
    assert "سامي ديفيس جونيور" in arabic_names("وغنى الفنان سامي ديفيس جونيور في الحفل", "actor")


def test_a_definite_verbal_noun_is_no_surname():
    got = arabic_names("ويحق لخالد الاستئناف على الحكم خلال شهر", "actor")
    assert not any("الاستئناف" in n for n in got)


def test_the_copa_america_is_no_state():
    text = "وخسر المنتخب نهائي كوبا أمريكا مرتين قبل أن يتوج باللقب"
    assert not ({"United States", "Cuba"} & (names(text, "actor") | names(text, "place")))


def test_a_rank_after_a_bodys_name_opens_its_holder():
    text = "واستقبل رئيس هيئة الأركان العامة الفريق أول ركن فهد المطيري الوفد"
    assert "هيئة الأركان العامة" in arabic_names(text, "actor")


def test_a_nickname_word_ends_a_name():
    text = "وقتل القيادي سامر الدليمي الملقب بـ«أبي حفص» في الغارة"
    got = arabic_names(text, "actor")
    assert "سامر الدليمي" in got and not any("الملقب" in n for n in got)


def test_the_word_after_an_area_cue_opens_no_person():
    text = "واعتمد المجلس مخطط الإسكان بمحافظة بدر بإجمالي تعويض كبير"
    assert not arabic_names(text, "actor")


@pytest.mark.parametrize("text, country", [
    ("الخرطوم (السودان) - قال مسؤولون عسكريون إن الهدنة صامدة", "Sudan"),  # a town, then its country
    ("ويستخرج الزيت من شجرة موطنها المغرب منذ قرون", "Morocco"),  # a homeland is where
])
def test_a_country_only_as_where_it_lies_is_no_state(text, country):
    assert country not in names(text, "actor")


@pytest.mark.parametrize("text, name, not_name", [
    ("وتحدث والد الفقيد سعيد المطرفي بنبرات حزينة عن ابنه", "سعيد المطرفي", "بنبرات"),  # ب on a plural noun
    ("واستشهدت الدراسة بتعريف الناقد عبد الله الغذامي لأدب المقاومة", "عبد الله الغذامي", "لأدب"),  # ل on a noun
    ("ونقلت الكاتبة تعريف عبد الرحمن منيف للرواية", "عبد الرحمن منيف", "تعريف"),  # a verbal noun before it
])
def test_a_name_ends_before_a_prepositional_noun_and_opens_after_a_verbal_noun(text, name, not_name):
    got = arabic_names(text, "actor")
    assert name in got
    assert not any(not_name in n for n in got)


def test_a_future_verb_after_a_nisba_opens_no_name():
    text = "وأعلنت شركة «سامسونغ» الكورية ستطرح هاتفا جديدا الشهر المقبل"
    assert not any(n.startswith("ستطرح") for n in arabic_names(text, "actor"))


def test_a_border_region_between_two_countries_is_where():
    text = "وفر آلاف السكان من المنطقة الحدودية المضطربة بين تشاد والسودان"
    assert not ({"Chad", "Sudan"} & names(text, "actor"))


def test_a_known_son_of_name_with_a_family_name_after_it_is_another_man():
    text = "وافتتح المعرض الدكتور عبدالله بن عبدالعزيز المزروعي مدير الجامعة"
    assert "King Abdullah bin Abdulaziz" not in names(text, "actor")
    assert "عبدالله بن عبدالعزيز المزروعي" in arabic_names(text, "actor")


def test_firms_of_a_sector_are_no_name():
    assert not arabic_names("وتراجعت أسهم شركات الاسمنت مع هبوط المؤشر", "actor")


def test_a_dual_noun_with_his_ends_a_name():
    got = arabic_names("وأشاد المدرب بالمهاجم كريم بنزيمة زميليه في الهجوم", "actor")
    assert not any("زميليه" in n for n in got)


def test_a_rank_modifier_and_a_possessed_noun_stay_out_of_names():
    text = "وحضر العقيد ركن سالم العتيبي، ويقوم ببطولته هشام سليم مع آخرين"
    got = arabic_names(text, "actor")
    assert "سالم العتيبي" in got and "هشام سليم" in got


def test_the_sides_drawn_in_a_group_are_teams():
    text = ("وأسفرت قرعة كأس العالم لكرة القدم عن مواجهات قوية، وقال مدرب المنتخب إن اللاعبين جاهزون للمباريات "
            "في البطولة التي تنطلق بعد أشهر في عدة ملاعب كبيرة حول البلد المضيف وسط حضور جماهيري كبير ومتوقع "
            "جدا هذا الصيف. المجموعة D كرواتيا نيجيريا آيسلندا")
    assert "Croatia national team" in names(text, "actor")
    assert not ({"Croatia", "Nigeria", "Iceland"} & names(text, "actor"))


def test_a_race_named_after_a_country_is_no_state():
    assert "France" not in names("وسقط الدراج في المرحلة العاشرة من طواف فرنسا للدراجات أمس", "actor")


def test_the_arm_after_a_rank_stays_out_of_the_name():
    assert "فهد الشهري" in arabic_names("وصرح العميد بحري فهد الشهري بأن الدوريات مستمرة", "actor")


# Fixed after seed 317 was judged (not measured by it).
def test_a_grand_prix_named_after_a_country_is_no_state():
    assert "Italy" not in names("وتوج السائق الهولندي بجائزة إيطاليا الكبرى للفورمولا 1", "actor")


@pytest.mark.parametrize("text", [
    "وضبطت الدورية زورقا داخل المياه الإقليمية لدولة الكويت فجر اليوم",  # waters, their adjective, then ل
    "وأبحرت السفينة باتجاه تركيا قبل أن تعترضها البحرية",  # the way a boat heads
])
def test_waters_and_headings_are_where(text):
    assert not ({"Kuwait", "Turkey"} & names(text, "actor"))


def test_an_indefinite_plural_after_a_body_head_is_no_name():
    assert not arabic_names("ونظرت القضية هيئة محلفين من اثني عشر مواطنا", "actor")


def test_a_fathers_name_left_alone_is_no_person():
    text = "وصلى المشيعون في مسجد الشيخ سعيد بن عبد الرحمن بحي العليا"
    assert "عبد الرحمن" not in arabic_names(text, "actor")
