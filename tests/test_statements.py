"""Quote and speaker patterns of Arabic news: tables of text → expected statements, and texts that hold none."""
from __future__ import annotations

import pytest

from lib.extract.analyse import analyse
from lib.text.normalize import fold

PUB = {"published": "2017-07-07"}


def statements(text: str, meta: dict | None = None):
    return analyse(text, meta or PUB).statements


def speaker_names(st) -> set[str]:
    return {fold(x) for x in (st.speaker, st.speaker_ar) if x}


# (text, [(snippet that the quote holds, speaker name the statement carries or None, kind)])
CASES = [
    # direct quote after a named speaker and a colon
    ("وقال سعيد مموزيني، مسؤول الإعلام في الحزب، للصحيفة: «اندلعت اشتباكات عنيفة في المدينة القديمة صباحا».",
     [("اندلعت اشتباكات عنيفة", "سعيد مموزيني", "direct")]),
    # indirect speech after قال … إن, title before the name
    ("قال وزير الخارجية الأميركي ريكس تيلرسون إن بلاده مستعدة للتعاون مع موسكو في سوريا.",
     [("بلاده مستعدة للتعاون", "ريكس تيلرسون", "indirect")]),
    # implicit speaker continues the last source
    ("وقال العقيد دلشاد مولود إن «الطائرات دمرت عددا من المواقع». وأضاف: «القصف تواصل خلال الأيام الماضية».",
     [("الطائرات دمرت عددا", "دلشاد مولود", "direct"), ("القصف تواصل خلال", "دلشاد مولود", "direct")]),
    # participle continues the speaker of the sentence
    ("وأكد مصطفى سيد قادر أن القوات ستشارك في العملية، مشيرا إلى أن الحكومة تبحث خطة بهذا الشأن.",
     [("القوات ستشارك في العملية", "مصطفى سيد قادر", "indirect"),
      ("الحكومة تبحث خطة", "مصطفى سيد قادر", "indirect")]),
    # a bare surname later refers to the full name given earlier
    ("أعلن اللواء رياض الخيكاني أن قواته تقدمت نحو المدينة. وقال الخيكاني: «سنواصل التقدم حتى التحرير الكامل».",
     [("قواته تقدمت نحو المدينة", "رياض الخيكاني", "indirect"),
      ("سنواصل التقدم حتى", "رياض الخيكاني", "direct")]),
    # SVO order: the subject stands before the verb
    ("ولكن الكرملين قال أيضا إن لتركيا مبررا مقبولا لمهاجمة المنطقة.",
     [("لتركيا مبررا مقبولا", "الكرملين", "indirect")]),
    # according to (بحسب) a document, quote in the same sentence
    ("وتجري هذه الاجتماعات، بحسب البيان الأميركي، في «لحظة حاسمة من القتال المنسق ضد التنظيم».",
     [("لحظة حاسمة من القتال", "البيان الأميركي", "direct")]),
    # speaker named by title alone resolves to the one who held that title earlier in the text
    ("قال وزير الدفاع العراقي خالد العبيدي إن المعركة قريبة. وعن الموصل، قال وزير الدفاع العراقي: «الهجوم سيبدأ قريبا جدا من عدة محاور».",
     [("المعركة قريبة", "خالد العبيدي", "indirect"), ("الهجوم سيبدأ قريبا", "خالد العبيدي", "direct")]),
    # a quote running over two paragraphs is one statement
    ("وقال سعيد مموزيني: «رغم منع التنظيم للصلاة فإن المواطنين تحدوه.\n\nولم يتبين حتى الآن مصير المعتقلين».",
     [("ولم يتبين حتى الآن مصير", "سعيد مموزيني", "direct")]),
    # an anonymous source gets no invented speaker
    ("وقال مصدر أمني إن «الهجوم استهدف رتلا عسكريا قرب الحدود».",
     [("الهجوم استهدف رتلا", None, "direct")]),
    # an organisation no lexicon knows, named in quotes
    ("أعلنت منظمة \"صوت الفرات\" غير الحكومية أن عشرات المدنيين قتلوا في الغارات.",
     [("عشرات المدنيين قتلوا", "صوت الفرات", "indirect")]),
    # the speaker named after the quote
    ("«سنواصل القتال حتى تحرير آخر شبر من الأرض»، قال العميد رياض الخيكاني للصحافيين.",
     [("سنواصل القتال حتى تحرير", "رياض الخيكاني", "direct")]),
    # an outlet relaying a source: the source speaks
    ("ونقلت وكالة رويترز عن وزير الخارجية الروسي سيرغي لافروف قوله إن موسكو لن تقبل بذلك أبدا.",
     [("موسكو لن تقبل بذلك", "سيرغي لافروف", "indirect")]),
    ("ونقلت وكالة «رويترز» عن مسؤول أميركي قوله إن «الضربات ستستمر حتى هزيمة التنظيم».",
     [("الضربات ستستمر حتى", None, "direct")]),
    # attribution after the claim
    ("وقتل عشرة مدنيين في الغارة على القرية، حسبما أفاد المرصد السوري لحقوق الإنسان.",
     [("وقتل عشرة مدنيين", "المرصد السوري لحقوق الإنسان", "indirect")]),
    # the occasion (في بيان) and the outlet spoken to (لـ«الحياة») are not the speaker
    ("قال الوزير علي داود إن الوضع مستقر. وقال في بيان لـ«الحياة» إن القوات ستنتشر في المدينة قريبا.",
     [("القوات ستنتشر في المدينة", "علي داود", "indirect")]),
    # an honorific pronoun continues the last person
    ("استقبل الأمير فيصل بن سلمان أمس وفدا من المعارضة. وأكد سموه أن المملكة تدعم جهود التهدئة في المنطقة.",
     [("المملكة تدعم جهود التهدئة", "فيصل بن سلمان", "indirect")]),
    # a quoted institute name is not the statement; the content is the verbal noun after إلى
    ("أشار رئيس الهيئة شفيق صرصار إلى وجود مليون شخص من الأميين في تونس، وفق دراسة أجراها معهد \"وان تو وان\" للبحوث.",
     [("وجود مليون شخص", "شفيق صرصار", "indirect")]),
    # two unnamed officials (dual) stay anonymous
    ("وقال مسؤولان دفاعيان أمريكيان لوكالة \"رويترز\" إن قاذفات أمريكية شنت غارات على معسكرات التنظيم.",
     [("قاذفات أمريكية شنت", None, "indirect")]),
    # a statement given with a verbal noun after على
    ("وأكد محافظ نينوى نوفل العاكوب على ضرورة عودة النازحين إلى مناطقهم المحررة.",
     [("ضرورة عودة النازحين", "نوفل العاكوب", "indirect")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[1][0][0][:20] for c in CASES])
def test_statement_and_speaker(text, expected):
    found = statements(text)
    for snippet, speaker, kind in expected:
        hits = [s for s in found if fold(snippet) in fold(s.quote)]
        assert hits, f"no statement holds {snippet!r}; got {[s.quote for s in found]}"
        st = hits[0]
        if speaker is None:
            assert st.speaker is None
        else:
            assert fold(speaker) in speaker_names(st), \
                f"{snippet!r}: speaker {st.speaker!r}/{st.speaker_ar!r}, want {speaker!r}"
        assert st.kind == kind


NONE_CASES = [
    # names and terms in guillemets or quotes are not statements
    "نشرت صحيفة «الشرق الأوسط» تقريرا مطولا عن تنظيم «داعش» في المدينة.",
    "تعمل منظمة \"اير وورز\" على إحصاء الضحايا في سوريا والعراق.",
    "وصفت الحكومة التدخل بأنه شكل من أشكال \"الاحتلال\".",
    # reporting-looking words that report nothing
    "زاد عدد القتلى إلى خمسين بعد أن اشتدت المعارك في المدينة.",
    "تتواصل العمليات العسكرية وفق الخطط المرسومة لها باتجاه المدينة.",
    "يذكر أن المدينة شهدت معارك عنيفة خلال العام الماضي.",
    # نقل that carries people, not words
    "ونقل الجرحى إلى المستشفى عن طريق الهلال الأحمر.",
    # no speech at all
    "سيطرت القوات العراقية على حي الزنجيلي في المدينة القديمة بالموصل.",
    "",
]


@pytest.mark.parametrize("text", NONE_CASES)
def test_no_statement(text):
    assert statements(text) == []


def test_offsets_point_at_the_quote():
    text = ("قال وزير الخارجية الأميركي ريكس تيلرسون إن بلاده مستعدة للتعاون. وأضاف: «نحن نعمل مع الشركاء».\n"
            "وقال مصدر إن «المعارك مستمرة في الرقة منذ أسابيع».")
    art = analyse(text, PUB)
    assert art.statements
    for s in art.statements:
        assert art.body[s.start:s.end] == s.quote


def test_statements_come_in_text_order():
    text = "وقال أحمد الجبوري: «الوضع هادئ الآن في المدينة». ثم قال علي داود إن «القصف سيستمر طوال الليل»."
    starts = [s.start for s in statements(text)]
    assert starts == sorted(starts) and len(starts) == 2


def test_unbalanced_guillemets_keep_the_inner_quote():
    text = "وأشار اللواء رياض الخيكاني إلى «أن «أكثر من مائتي مسلح قتلوا خلال الأيام السبعة الماضية»."
    found = statements(text)
    assert any(fold("أكثر من مائتي مسلح") in fold(s.quote) for s in found)
    assert all(s.quote.count("«") == s.quote.count("»") for s in found)
