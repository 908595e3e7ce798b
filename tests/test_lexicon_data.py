"""Checks on the hand-kept actor lexicons in data/lexicons (layouts: docs/DATA_FILES.md)."""
from __future__ import annotations

import csv
import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pytest

LEX = Path(__file__).resolve().parents[1] / "data" / "lexicons"
ACTORS = LEX / "actors.tsv"
OFFICES = LEX / "offices.tsv"
GIVEN_NAMES = LEX / "given_names.txt"

KINDS = {"person", "state", "government", "armed_group", "military", "organization", "media"}

try:  # the matcher's own key, so the checks fold exactly as matching does
    from lib.text.normalize import fold
except ImportError:  # pragma: no cover - same rules, kept here so the data checks stand alone
    _DROP = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
    _FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ئ": "ي", "ة": "ه", "ؤ": "و",
                           "ڤ": "ف", "گ": "ك", "ک": "ك", "ی": "ي", "ھ": "ه"})

    def fold(text: str) -> str:
        return _DROP.sub("", text).translate(_FOLD).lower()


# Bare words that are ordinary prose (or a capital, or a nisba adjective): never an actor form on their own.
GENERIC = """
الدولة الجيش الحكومة القوات النظام البيان التنظيم الرئيس الوزير الوزارة الجماعة الحزب الحركة المجلس
الشرطة الأمن الشعب الإدارة البرلمان المنظمة الوكالة الصحيفة القناة التلفزيون الإعلام السلطات الفصائل
الثوار المسلحين المسلحون المقاتلين الميليشيات الاتحاد الجبهة الهيئة الائتلاف الحشد القاعدة المرصد
الأمم الحلف الطيران الطائرات العاصمة المدينة المسؤولين الأكراد الجهاديين الإرهابيين العربية الجزيرة
الشرق الغرب الحرس الكتائب اللواء الفرقة العمليات القيادة الجمعية اللجنة المفوضية البعثة المجموعة
دمشق بغداد أنقرة طهران موسكو واشنطن بيروت عمان الرياض القاهرة باريس لندن برلين أربيل الدوحة أبوظبي
السوري السورية العراقي العراقية التركي التركية الأميركي الأميركية الأمريكي الأمريكية الروسي الروسية
الإيراني الإيرانية الكردي الكردية البريطاني البريطانية الفرنسي الفرنسية الإسرائيلي الإسرائيلية
أمل نور سلام حماس
""".split()

# Given names that are far more often ordinary words at the start of a phrase.
NOT_GIVEN_NAMES = "أمل نور سلام عادل صباح جهاد نصر طالب حافظ يزيد آمنة جمعة رمضان كامل الله".split()

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _read_tsv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        rows = []
        for lineno, cells in enumerate(reader, start=2):
            assert len(cells) == len(header), f"{path.name}:{lineno}: {len(cells)} cells, want {len(header)}"
            rows.append(dict(zip(header, cells)))
    return header, rows


@pytest.fixture(scope="module")
def actors() -> list[dict[str, str]]:
    header, rows = _read_tsv(ACTORS)
    assert header == ["actor_id", "name", "name_ar", "forms_ar", "kind", "country", "aliases_en"]
    return rows


@pytest.fixture(scope="module")
def offices() -> list[dict[str, str]]:
    header, rows = _read_tsv(OFFICES)
    assert header == ["title_forms_ar", "actor_id", "start", "end"]
    return rows


def _forms(row: dict[str, str]) -> list[str]:
    return row["forms_ar"].split("|")


def test_actor_ids_are_unique_slugs(actors):
    ids = [a["actor_id"] for a in actors]
    dups = sorted({i for i in ids if ids.count(i) > 1})
    assert not dups, f"duplicate actor ids: {dups}"
    bad = [i for i in ids if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i)]
    assert not bad, f"ids not slugs: {bad}"


def test_actor_fields(actors):
    for a in actors:
        aid = a["actor_id"]
        assert a["kind"] in KINDS, f"{aid}: kind {a['kind']!r}"
        assert a["country"] == "" or re.fullmatch(r"[A-Z]{2}", a["country"]), f"{aid}: country {a['country']!r}"
        assert a["name"].strip() == a["name"] and a["name"], f"{aid}: name"
        assert re.search("[\u0600-\u06ff]", a["name_ar"]), f"{aid}: name_ar not Arabic"
        assert fold(a["name_ar"]) in {fold(f) for f in _forms(a)}, f"{aid}: name_ar is not one of its forms"
        for alias in filter(None, a["aliases_en"].split("|")):
            assert alias.strip() == alias, f"{aid}: alias {alias!r} has stray spaces"


def test_forms_are_clean_arabic(actors):
    for a in actors:
        for f in _forms(a):
            assert f, f"{a['actor_id']}: empty form (stray |)"
            assert f == f.strip() and "  " not in f, f"{a['actor_id']}: stray spaces in {f!r}"
            assert re.search("[\u0600-\u06ff]", f), f"{a['actor_id']}: form {f!r} is not Arabic"
            assert not re.search("[«»\"()]", f), f"{a['actor_id']}: punctuation in {f!r}"


def test_every_folded_form_maps_to_one_actor(actors):
    owners: dict[str, set[str]] = defaultdict(set)
    for a in actors:
        keys = [fold(f) for f in _forms(a)]
        dup = sorted({k for k in keys if keys.count(k) > 1})
        assert not dup, f"{a['actor_id']}: forms that fold together are listed twice: {dup}"
        for k in keys:
            owners[k].add(a["actor_id"])
    clashes = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    assert not clashes, f"forms shared by several actors: {clashes}"


def test_no_form_is_a_bare_generic_word(actors):
    generic = {fold(w) for w in GENERIC}
    bad = [(a["actor_id"], f) for a in actors for f in _forms(a) if fold(f) in generic]
    assert not bad, f"generic words listed as actor forms: {bad}"


def test_well_known_actors_are_there(actors):
    by_form = {fold(f): a["actor_id"] for a in actors for f in _forms(a)}
    expected = {
        "داعش": "isis", "تنظيم الدولة": "isis", "التحالف الدولي": "global-coalition", "التحالف": "global-coalition",
        "الولايات المتحدة": "united-states", "أمريكا": "united-states", "سورية": "syria", "روسيا": "russia",
        "النظام السوري": "syrian-government", "الحكومة الاتحادية": "iraqi-government", "الكرملين": "kremlin",
        "قسد": "sdf", "وحدات حماية الشعب الكردية": "ypg", "حزب العمال الكردستاني": "pkk",
        "البيشمركة": "peshmerga", "زيرفاني": "zeravani", "القوات الأمنية العراقية": "iraqi-security-forces",
        "عمليات الأنبار": "anbar-operations-command", "الجيش الأمريكي": "us-military",
        "ترامب": "donald-trump", "ترمب": "donald-trump", "تيلرسون": "rex-tillerson", "ماكغورك": "brett-mcgurk",
        "بوتين": "vladimir-putin", "الأسد": "bashar-al-assad", "جاووش أوغلو": "mevlut-cavusoglu",
        "أردوغان": "recep-tayyip-erdogan", "اردوغان": "recep-tayyip-erdogan", "الشرق الأوسط": "asharq-al-awsat",
        "اير وورز": "airwars", "الاتحاد الإفريقي": "african-union", "المعارضة": "syrian-opposition",
    }
    wrong = {f: (by_form.get(fold(f)), aid) for f, aid in expected.items() if by_form.get(fold(f)) != aid}
    assert not wrong, f"form -> (found, expected): {wrong}"


def _date(s: str) -> dt.date:
    assert DATE.fullmatch(s), f"bad date {s!r}"
    return dt.date.fromisoformat(s)


def test_offices_reference_people_with_valid_terms(actors, offices):
    kind = {a["actor_id"]: a["kind"] for a in actors}
    for o in offices:
        assert o["actor_id"] in kind, f"office holder {o['actor_id']} is not in actors.tsv"
        assert kind[o["actor_id"]] == "person", f"office holder {o['actor_id']} is not a person"
        start = _date(o["start"])
        if o["end"]:
            assert _date(o["end"]) >= start, f"{o['actor_id']}: term ends before it starts"
        for t in o["title_forms_ar"].split("|"):
            assert t and t == t.strip() and re.search("[\u0600-\u06ff]", t), f"bad title form {t!r}"


def test_one_holder_per_title_at_a_time(offices):
    terms: dict[str, list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for o in offices:
        start = _date(o["start"])
        end = _date(o["end"]) if o["end"] else dt.date.max
        for t in {fold(x) for x in o["title_forms_ar"].split("|")}:
            terms[t].append((start, end, o["actor_id"]))
    for title, spans in terms.items():
        spans.sort()
        for (s1, e1, a1), (s2, e2, a2) in zip(spans, spans[1:]):
            # a handover day may close one term and open the next
            assert s2 >= e1, f"{title!r}: {a1} ({s1}..{e1}) overlaps {a2} ({s2}..)"


def test_titles_are_not_actor_forms(actors, offices):
    forms = {fold(f) for a in actors for f in _forms(a)}
    titles = {fold(t) for o in offices for t in o["title_forms_ar"].split("|")}
    assert not (forms & titles), f"titles also listed as actor forms: {sorted(forms & titles)}"


def test_given_names():
    lines = GIVEN_NAMES.read_text(encoding="utf-8").splitlines()
    assert lines and lines[0].startswith("#"), "given_names.txt starts with a # header"
    names = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    assert len(names) >= 500
    for n in names:
        assert n == n.strip() and "  " not in n, f"stray spaces in {n!r}"
        assert re.fullmatch(r"[\u0621-\u064a\u0670\u067e\u0686\u0698\u06a4\u06af\u06cc ]+", n), f"not an Arabic name: {n!r}"
    keys = [fold(n) for n in names]
    dups = sorted({k for k in keys if keys.count(k) > 1})
    assert not dups, f"given names listed twice (after folding): {dups}"
    banned = {fold(w) for w in NOT_GIVEN_NAMES} & set(keys)
    assert not banned, f"ordinary words listed as given names: {sorted(banned)}"
    assert {"عبد الرزاق", "دلشاد", "ريكس", "سعيد", "نجم الدين"} <= set(names)
