"""Within-article coreference of speakers: a title, a description or a body's kind that spoke becomes the person or
body the article names for it, when one candidate fits; otherwise the generic speaker stays."""
from __future__ import annotations

import pytest

from lib.extract.analyse import analyse
from lib.text.normalize import fold

PUB = {"published": "2017-07-07"}


def said(text: str, snippet: str) -> list:
    """The statements of the text whose quote holds the snippet."""
    return [s for s in analyse(text, PUB).statements if snippet in s.quote]

# (text, words of the statement, the speaker it must carry)
RESOLVED = [
    # a title named with its holder elsewhere in the article (وزير … الدكتور X), the title alone later
    ("فضل وزير الصحة الدكتور سامي الحربي تأجيل القرار حتى نهاية الشهر.\n"
     "يشار إلى أن وزير الصحة أكد أن المستشفيات جاهزة لاستقبال المرضى.",
     "المستشفيات جاهزة", "سامي الحربي"),
    # a title whose second word is indefinite (مدير جمعية …), a place glued before the name (بجدة)
    ("وبين مدير جمعية الثقافة والفنون بجدة عمر الجاسر أن الموسم الأول سيبدأ قريبا.\n"
     "وأضاف مدير جمعية الثقافة والفنون أن الجمعية اختارت عشرة أفلام للعرض.",
     "اختارت عشرة أفلام", "عمر الجاسر"),
    # a description no list knows, written before the name as an indefinite head (عارضة الأزياء X)
    ("اعتذرت عارضة الأزياء ليلى رامي عن صورها الجديدة.\n"
     "وفي منشور على حسابها قالت العارضة إنها تتفهم غضب متابعيها.",
     "تتفهم غضب متابعيها", "ليلى رامي"),
    # no apposition: a title in a piece that quotes one named person only
    ("قال لاعب المنتخب السابق صالح العمر إن الفريق يحتاج مزيدا من الوقت.\n"
     "ورفض المدافع الدولي السابق أن يلوم المدرب، وزاد: \"اللاعبون يتحملون جزءا كبيرا من المسؤولية هذا الموسم\".",
     "اللاعبون يتحملون", "صالح العمر"),
    # the title written again with the country's adjective (باليمن → اليمني), the name read where it speaks
    ("التقى رئيس الوزراء اليوم وزير المالية باليمن عز الدين العامري الذي يزور البلاد حاليا.\n"
     "وقال العامري عقب اللقاء إنه بحث مسألة الديون مع رئيس الوزراء.\n"
     "وأعلن وزير المالية اليمني أنه سيتم وضع آلية مناسبة لسداد الديون.",
     "آلية مناسبة", "عز الدين العامري"),
    # a name no list knows after the title: a given name and the family name a comma closes
    ("أكد أمين منطقة الباحة صالح العمري، ضرورة متابعة المشاريع المتعثرة.\n"
     "وأكد أمين منطقة الباحة أن المشاريع الجديدة ستنجز قبل نهاية العام.",
     "المشاريع الجديدة", "صالح العمري"),
    # a definite description with the name right after it
    ("وعثرت الفتاة سارة فانسيك على سيف قديم في البحيرة أثناء السباحة.\n"
     "وقالت الفتاة إنها شعرت بالدهشة الكبيرة عندما رفعت السيف.",
     "شعرت بالدهشة", "سارة فانسيك"),
    # the title after the name and a comma, a rank before it (X، الدكتور المشرف على الدراسة)
    ("وقال ستيفان باني، الدكتور المشرف على الدراسة، إن النتائج مهمة.\n"
     "وأوضح المشرف أن العينة شملت ألف طفل من المرتفعات.",
     "العينة شملت", "ستيفان باني"),
    # a body named by its kind and a description → the one company the article names
    ("حذرت شركة «نوفا سيك» لأمن المعلومات من ثغرة في الهواتف.\n"
     "وأشارت الشركة المتخصصة إلى أن الخطر يطال ملايين الأجهزة حول العالم.",
     "الخطر يطال", "شركة «نوفا سيك»"),
]


@pytest.mark.parametrize("text,snippet,want", RESOLVED, ids=[c[2] for c in RESOLVED])
def test_a_generic_speaker_resolves_to_whom_the_article_names(text, snippet, want):
    st = said(text, snippet)
    assert st, [s.quote for s in analyse(text, PUB).statements]
    assert fold(st[0].speaker_ar or "") == fold(want)
    assert st[0].speaker_kind in ("person", "organization")
    assert st[0].speaker_id  # keyed as the entity, not as the title


def test_a_title_of_another_nationality_stays_a_title():
    text = ("قال الرئيس المصري عبد الفتاح السيسي إن بلاده تدعم الحوار.\n"
            "وقال الرئيس السوداني إن الخرطوم ترحب بالمبادرة الجديدة.")
    st = said(text, "الخرطوم ترحب")
    assert st and "السيسي" not in (st[0].speaker_ar or "")


def test_a_family_name_is_no_description():
    text = ("قال الرئيس السوداني عمر البشير إن بلاده تدعم الحوار.\n"
            "وأكد البشير أن الخرطوم ترحب بالمبادرة الجديدة التي طرحها بشير محمود أمس.")
    st = said(text, "الخرطوم ترحب")
    assert st and fold(st[0].speaker_ar or "") in (fold("عمر البشير"), fold("البشير"))


def test_a_report_speaks_for_its_issuer():
    text = ("وذكر التقرير الصادر عن بنك الخليج الوطني، أن الاقتصاد سينمو بنسبة أربعة في المائة هذا العام.\n"
            "وأوضح التقرير أن الاستثمار ارتفع بشكل ملحوظ في الربع الأخير.")
    st = said(text, "الاستثمار ارتفع")
    assert st and fold(st[0].speaker_ar or "") == fold("بنك الخليج الوطني")


def test_a_participle_left_alone_takes_the_person_of_its_sentence():
    text = "وفي حين قدم زوجها فيصل الحربي شكره للجنة على جهودها، مبينا أن الأمير فتح الباب أمام ابنه لاستكمال دراسته."
    st = said(text, "فتح الباب")
    assert st and fold(st[0].speaker_ar or "") == fold("فيصل الحربي")


def test_a_spokesman_for_a_body_is_not_a_name():
    text = ("وقال المتحدث باسم الشرطة إن التحقيق مستمر.\n"
            "وأضاف المتحدث أن الشرطة لم تعتقل أحدا حتى الآن.")
    for s in analyse(text, PUB).statements:
        assert "باسم" not in (s.speaker_ar or "").split()[:1]


@pytest.mark.parametrize("text,snippet,want", [
    # a title and a nationality after the person was named with another title (a name no list knows)
    ("دعا وزير حقوق الإنسان محمد العلواني مفوض الأمم المتحدة إلى زيارة عدن.\n"
     "وأكد المسؤول اليمني في خطاب للمفوض أن الحكومة ستعمل على ترتيب الزيارة.", "ترتيب الزيارة", "محمد العلواني"),
    ("أعلن قائد القوات الأميركية في المنطقة الجنرال جون نيكولسون عن غارة على مقر للمسلحين.\n"
     "وقال الجنرال الأميركي إن \"المجتمعين كانوا يظنون أنهم في أمان تام\".", "يظنون أنهم", "جون نيكولسون"),
])
def test_a_title_and_nationality_refers_to_the_person_just_named(text, snippet, want):
    st = said(text, snippet)
    assert st and fold(st[0].speaker_ar or "") == fold(want), [(s.quote, s.speaker_ar) for s in st]


def test_a_title_and_another_nationality_is_not_the_person_just_named():
    text = ("وصل وزير الخارجية المصري سامح العلواني إلى الخرطوم أمس.\n"
            "وقال المسؤول السوداني إن الخرطوم ترحب بالزيارة.")
    st = said(text, "ترحب بالزيارة")
    assert st and "العلواني" not in (st[0].speaker_ar or "")


def test_a_title_written_right_after_a_quoted_name_is_that_person():
    text = ("أكد سامي ناجي العلواني وزير الداخلية التونسية تشكيل لجنة للتحقيق. وقال في مؤتمر صحافي إن اللجنة ستبدأ "
            "عملها غدا.\nوأشار وزير الداخلية إلى أن المؤسسة الأمنية مستهدفة من حملة منظمة.")
    st = said(text, "المؤسسة الأمنية")
    assert st and fold(st[0].speaker_ar or "") == fold("سامي ناجي العلواني"), [(s.quote, s.speaker_ar) for s in st]


def test_a_long_quoted_body_name_after_its_kind_issues_the_report():
    text = ("أوضح تقرير لمركز \"نورث ستار للدراسات الاستراتيجية\" للأبحاث أن القوات الحكومية استعادت نصف البلاد.\n"
            "وأشار التقرير إلى أن الغارات الجوية غيرت مسار الحرب.")
    sts = analyse(text, PUB).statements
    assert not [s for s in sts if s.quote.startswith("نورث ستار")], [s.quote for s in sts]
    st = [s for s in sts if "غيرت مسار الحرب" in s.quote]
    assert st and "نورث ستار" in (st[0].speaker_ar or ""), [(s.quote, s.speaker_ar) for s in sts]


@pytest.mark.parametrize("text,snippet,want", [
    # the title said again alone after it was written with a name no list knows right after it
    ("وقالت رئيسة لجنة الجائزة سارة لينتون، خلال الإعلان عن الفائزين، إن الكاتبة أظهرت موهبة نادرة.\n"
     "وأضافت رئيسة لجنة الجائزة أن اللجنة تلقت مئات الأعمال هذا العام.", "مئات الأعمال", "سارة لينتون"),
    # one title under its other head (الناطقة = المتحدثة), the name written before it
    ("صرحت اليوم هالة سميراني الناطقة باسم وزارة البيئة أن التلوث تراجع في المدن الكبرى.\n"
     "وأضافت المتحدثة باسم وزارة البيئة أن الحملة مستمرة حتى الصيف.", "الحملة مستمرة", "هالة سميراني"),
])
def test_a_title_said_again_is_the_person_it_was_written_with(text, snippet, want):
    st = said(text, snippet)
    assert st and fold(st[0].speaker_ar or "") == fold(want), [(s.quote, s.speaker_ar) for s in st]
    assert st[0].speaker_kind == "person"


def test_a_bare_head_is_the_title_the_article_wrote_in_full():
    text = ("أعلن المتحدث باسم القوات البحرية مقتل ثلاثة مهربين قرب الساحل.\n"
            "وقال المتحدث إن الدوريات مستمرة ليلا ونهارا.")
    st = said(text, "الدوريات مستمرة")
    assert st and fold(st[0].speaker_ar or "") == fold("المتحدث باسم القوات البحرية"), [(s.quote, s.speaker_ar) for s in st]


def test_a_bare_head_the_article_never_completes_stays_itself():
    text = "وقال المتحدث إن الدوريات مستمرة ليلا ونهارا.\nوأضاف المتحدث أن البحر هادئ."
    for s in analyse(text, PUB).statements:
        assert fold(s.speaker_ar or "") == fold("المتحدث"), (s.quote, s.speaker_ar)


def test_a_bare_head_given_two_ways_stays_itself():
    text = ("قال المتحدث باسم القوات البحرية إن مهربين قتلوا قرب الساحل.\n"
            "وقال المتحدث باسم الشرطة إن التحقيق مستمر.\nوأضاف المتحدث أن البحر هادئ.")
    st = said(text, "البحر هادئ")
    assert st and "البحرية" not in (st[0].speaker_ar or "")


def test_a_rank_alone_is_no_fuller_title():
    text = ("دعا الشيخ إلى زيادة الدعم للأسر المحتاجة في المدينة.\n"
            "وأكد الشيخ أن الجمعية ستوزع المساعدات غدا.")
    st = said(text, "ستوزع المساعدات")
    assert st and "زيادة" not in (st[0].speaker_ar or "")


def test_a_namesake_body_speaks_as_the_article_reads_it():
    # «القوات الأمنية» is Iraq's only where the article names Iraq (namesakes.tsv): the speaker follows the mention
    elsewhere = "اندلعت مواجهات في مدينة ليون الفرنسية مساء السبت. وقالت القوات الأمنية إن المحتجين أحرقوا سيارات."
    st = analyse(elsewhere, PUB).statements
    assert st and st[0].speaker_id != "iraqi-security-forces" and fold(st[0].speaker_ar) == fold("القوات الأمنية")
    iraq = "اندلعت مواجهات في مدينة الموصل العراقية مساء السبت. وقالت القوات الأمنية إن المسلحين أحرقوا سيارات."
    st = analyse(iraq, PUB).statements
    assert st and st[0].speaker_id == "iraqi-security-forces"


def test_a_womans_title_right_after_a_woman_quoted_is_her():
    text = ("تقول سلمى كريمان إن مديرها حاول إيذاءها، وأشارت إلى أن عمرها في ذلك الوقت كان عشرين عاما.\n"
            "وقالت أستاذة الفيزياء في جامعة الشمال إنها شعرت بالخوف الشديد.")
    st = said(text, "بالخوف الشديد")
    assert st and fold(st[0].speaker_ar or "") == fold("سلمى كريمان"), [(s.quote, s.speaker_ar) for s in st]


def test_a_womans_title_after_a_man_quoted_stays_a_title():
    text = ("يقول سامر كريمان إن مديره حاول إيذاءه، وأشار إلى أن عمره في ذلك الوقت كان عشرين عاما.\n"
            "وقالت أستاذة الفيزياء في جامعة الشمال إن الحادثة تكررت مرارا.")
    st = said(text, "تكررت مرارا")
    assert st and "كريمان" not in (st[0].speaker_ar or "")


def test_a_rank_with_its_force_before_the_name_is_that_person():
    text = ("وأوضح الرقيب في شرطة «ريفرتون» بول كينسلي أن الدورية وصلت بعد دقائق.\n"
            "وقال: «لقد نقلنا المصاب إلى المستشفى».")
    st = said(text, "نقلنا المصاب")
    assert st and fold(st[0].speaker_ar or "") == fold("بول كينسلي"), [(s.quote, s.speaker_ar) for s in st]


@pytest.mark.parametrize("text,snippet,want", [
    # a document and the body that issued it after «أصدرتها»
    ("ونقلت وكالة الأنباء الرسمية عن إحصائية أصدرتها الإدارة العامة للمرور أن عدد الوفيات انخفض بنسبة عشرة في المائة.",
     "عدد الوفيات", "الإدارة العامة للمرور"),
    # a statement of a title and its name under ل: that person, then البيان is theirs too
    ("وقال بيان للمتحدثة باسم الخارجية الأميركية جين سوليفان إن بلادها قلقة من الاعتقالات.\n"
     "وتابع البيان: \"ندعو إلى الإفراج عن المعتقلين فورا\".", "الإفراج عن المعتقلين", "جين سوليفان"),
    # a draft of the statement the article named before (بيان لمجلس الأمن … مسودة البيان)
    ("وقال دبلوماسيون إن الولايات المتحدة منعت تبني بيان لمجلس الأمن الدولي يدعو إلى التحقيق.\n"
     "وجاء في مسودة البيان \"أن المجلس يعرب عن أسفه لمقتل المدنيين\".", "يعرب عن أسفه", "مجلس الأمن الدولي"),
    # البيان after «وأضاف المتحدث، في البيان»: the spokesman's title, however long
    ("قال المتحدث العسكري باسم الجيش المصري إن 30 مسلحا قتلوا.\n"
     "وأضاف المتحدث، في البيان السادس عن نتائج العملية، أن القوات دمرت ثلاثة مخابئ.\n"
     "وقال البيان إن قوات الجيش دمرت سيارة مفخخة.", "سيارة مفخخة", "المتحدث العسكري باسم الجيش المصري"),
])
def test_a_document_speaks_for_whoever_issued_it(text, snippet, want):
    st = said(text, snippet)
    assert st and fold(st[0].speaker_ar or "") == fold(want), [(s.quote, s.speaker_ar) for s in st]


def test_a_report_under_a_preposition_speaks_for_the_body_it_came_from():
    text = ("ووفقا لتقرير صدر عن اتحاد منتجي الألبان فإن الاستهلاك ارتفع للعام الثالث.\n"
            "وذكر التقرير أن الصادرات تضاعفت خلال عامين.")
    st = said(text, "الصادرات تضاعفت")
    assert st and fold(st[0].speaker_ar or "") == fold("اتحاد منتجي الألبان"), [(s.quote, s.speaker_ar) for s in st]


def test_the_club_is_the_one_team_named_before():
    one = ("فاز الهلال بهدفين في الدوري السعودي لكرة القدم، وسجل المهاجم الهدفين في الشوط الثاني من المباراة.\n"
           "وجاء في بيان النادي على حسابه في \"تويتر\": اعتمد مجلس الإدارة مكافأة للاعبين.")
    st = said(one, "مكافأة للاعبين")
    assert st and st[0].speaker_id == "team:al-hilal"
    two = ("فاز الهلال على النصر بهدفين في الدوري السعودي لكرة القدم.\n"
           "وجاء في بيان النادي على حسابه في \"تويتر\": اعتمد مجلس الإدارة مكافأة للاعبين.")
    st = said(two, "مكافأة للاعبين")
    assert st and st[0].speaker_id not in ("team:al-hilal", "team:al-nassr")


def test_a_title_ends_at_its_nationality_before_another_title():
    text = ("قالت السفيرة الأميركية نادين هولت إن بلادها تدعم الحوار.\n"
            "وأضافت السفيرة الأميركية الرئيس الفلسطيني مطالب بالعودة إلى التفاوض، مشيرة إلى أن \"الباب مفتوح\".")
    for s in analyse(text, PUB).statements:
        assert "الرئيس" not in (s.speaker_ar or ""), (s.quote, s.speaker_ar)


def test_a_title_and_adjective_is_the_person_quoted_just_before():
    text = ("قال سالم باعوضة إن المكونات الجنوبية متفقة على الحوار.\n"
            "ويؤكد القيادي الجنوبي للصحيفة أن الوحدة ممكنة إذا توافرت الإرادة.")
    st = said(text, "الوحدة ممكنة")
    assert st and fold(st[0].speaker_ar or "") == fold("سالم باعوضة"), [(s.quote, s.speaker_ar) for s in st]


def test_a_title_and_adjective_is_not_a_person_only_named():
    text = ("تخرج ستون مستفيدا من مركز محمد بن نايف للمناصحة في الرياض.\n"
            "وأوضح المتحدث الأمني أن البرنامج مستمر.")
    st = said(text, "البرنامج مستمر")
    assert st and "نايف" not in (st[0].speaker_ar or "")
