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
