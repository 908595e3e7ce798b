"""The article topic (lib/extract/topics.py): texts in, one topic out, and the topic through the ingest."""
from __future__ import annotations

from collections import Counter

import pytest

from lib import lexicons
from lib.extract.analyse import analyse
from lib.extract.topics import OTHER, article_topic, forms_found, topic_scores
from lib.lexicons import LexiconError, load
from lib.text.tokens import tokenize

LEX = lexicons.default()


@pytest.mark.parametrize("title, text, expected", [
    ("الهلال يفوز على النصر", "فاز الهلال على النصر في مباراة الدوري أمس بهدفين، وقال المدرب إن اللاعبين قدموا "
     "أداء جيدا في الشوط الثاني.", "sport"),
    (None, "افتتح مهرجان الفيلم العربي دورته الجديدة بعرض فيلم للمخرج الشاب، وحضر الفنانون والممثلة الأولى "
     "حفل الافتتاح في المسرح الوطني.", "culture"),
    (None, "ارتفعت أسعار النفط اليوم وبلغ سعر برميل برنت 60 دولارا، فيما صعد مؤشر البورصة مع ارتفاع أسهم "
     "البنوك والشركات العقارية.", "economy"),
    (None, "أعلنت وزارة الصحة تسجيل إصابات جديدة بفيروس كورونا، ودعت المرضى إلى مراجعة المستشفى عند ظهور "
     "الأعراض، وقال طبيب إن العلاج متوفر.", "health"),
    (None, "قتل عشرة أشخاص وأصيب آخرون في غارات جوية وقصف مدفعي على ريف حلب، فيما تدور اشتباكات عنيفة بين "
     "الفصائل المسلحة وقوات النظام.", "conflict"),
    (None, "عقد وزير الخارجية محادثات مع نظيره الروسي تناولت العلاقات الثنائية والحل السياسي، وأكد السفير أن "
     "المفاوضات في جنيف ستستأنف.", "politics"),
    (None, "بالمباراة وبالملعب وللمدرب", "sport"),  # through proclitics and ال
    ("قصة قصيرة", "ذهب الرجل إلى السوق واشترى خبزا ثم عاد إلى بيته.", OTHER),  # nothing to go on
    (None, "", OTHER),
    (None, "حدد الهدف من الاجتماع", OTHER),  # هدف (goal and aim) belongs to no topic
])
def test_topic_of_texts(title, text, expected):
    assert article_topic(title, tokenize(text), LEX) == expected


def test_title_words_weigh_more_than_body_words():
    body = tokenize("قال الوزير إن الحكومة ستعلن قرارها.")
    assert topic_scores("المنتخب يستعد لمباراة الكأس", body, LEX)["sport"] >= 3 * 3


def test_a_repeated_word_counts_a_few_times_only():
    assert topic_scores(None, tokenize("قوات " * 30), LEX)["conflict"] == 2 * 3


def test_two_word_forms_take_both_words():
    found = forms_found(tokenize("اجتمع مجلس الأمن الدولي"), LEX)
    assert found == Counter({"مجلس امن": 1})


def test_lexicon_actors_push_towards_conflict_or_politics():
    tokens = tokenize("قال المتحدث إن الاجتماع انتهى")
    assert article_topic(None, tokens, LEX) == OTHER
    assert article_topic(None, tokens, LEX, Counter({"armed_group": 2})) == "conflict"
    assert article_topic(None, tokens, LEX, Counter({"government": 1, "state": 2})) == "politics"


def test_the_ingest_stores_and_exports_the_topic(tmp_path):
    art = analyse("فاز المنتخب السعودي في مباراة كأس آسيا أمس بهدف، وقال المدرب إن اللاعبين تألقوا.\n",
                  {"published": "2015-08-01"})
    assert art.topic == "sport"
    from lib.corpus.export import export_record
    from lib.corpus.store import Store

    assert export_record(art)["topic"] == "sport"
    Store(tmp_path).add([art])
    assert Store(tmp_path).load(("articles",))["articles"]["topic"].tolist() == ["sport"]


def test_topic_lexicon_errors_name_the_file_and_form(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(lexicons.DATA / "lexicons", data / "lexicons")
    shutil.copytree(lexicons.DATA / "gazetteer", data / "gazetteer")
    path = data / "lexicons" / "topics.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "تجربة\tweather\t2\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="topics.tsv: تجربة: unknown topic"):
        load(data)
    path.write_text("form\ttopic\tweight\nمباراة\tsport\t3\nالمباراة\tsport\t2\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="listed twice"):
        load(data)
