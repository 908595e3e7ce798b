"""A name with عبد is one person however the press writes it: joined to the next word (عبدالفتاح, as Gulf papers
write it) or apart (عبد الفتاح)."""
from __future__ import annotations

import pytest

from lib.extract.analyse import analyse


@pytest.mark.parametrize("text, actor_id", [
    ("وقال الرئيس المصري عبدالفتاح السيسي إن بلاده مستعدة للحوار.", "abdel-fattah-el-sisi"),
    ("وقال الرئيس المصري عبد الفتاح السيسي إن بلاده مستعدة للحوار.", "abdel-fattah-el-sisi"),
    ("والتقى الرئيس اليمني عبدربه منصور هادي بالمبعوث الأممي أمس.", "abd-rabbuh-mansur-hadi"),
    ("وقال عبدالملك الحوثي في خطاب متلفز إن الحرب مستمرة.", "abdul-malik-al-houthi"),
    ("وأكد الرئيس التركي السابق عبد الله غول أن الانتخابات نزيهة.", "abdullah-gul"),
])
def test_one_person_whether_abd_is_joined_or_apart(text, actor_id):
    art = analyse(text)
    people = [aid for aid, a in art.actors.items() if a["kind"] == "person"]
    assert people == [actor_id]


@pytest.mark.parametrize("text, actor_id", [
    ("وذكرت وكالة «رويترز» أن الجيش تقدم نحو المدينة.", "reuters"),
    ('وقالت صحيفة "نيويورك تايمز" إن الرئيس غادر البلاد.', "new-york-times"),
    ("ونقلت صحيفة «واشنطن بوست» عن مسؤولين أن القوات تقدمت.", "washington-post"),
])
def test_a_quoted_outlet_the_lexicon_knows_is_that_outlet(text, actor_id):
    """صحيفة «X»: when the lexicon knows X, the outlet is its entity, not a second one under org:X."""
    assert list(analyse(text).actors) == [actor_id]


def test_a_listed_person_with_the_fathers_name_inserted_is_that_person():
    """عادل بن أحمد الجبير is the lexicon's عادل الجبير: same given name and family name, the father's name between."""
    art = analyse("وقال وزير الخارجية عادل بن أحمد الجبير إن المملكة ترفض التدخل في شؤونها.")
    assert list(art.actors) == ["adel-al-jubeir"]
    assert [s.speaker_id for s in art.statements] == ["adel-al-jubeir"]


def test_security_forces_are_iraqs_only_in_an_article_about_iraq():
    """«القوات الأمنية» (namesakes.tsv): Iraq's security forces where the article names Iraq, nobody's elsewhere."""
    assert "iraqi-security-forces" in analyse("وانتشرت القوات الأمنية المشتركة في بغداد بعد التفجير.").actors
    assert not analyse("وأطلقت القوات الأمنية الغاز المسيل للدموع على المحتجين في مدينة نانت الفرنسية.").actors
