"""The word lists, lexicons and gazetteer under data/: the only code that knows their layout.

`load()` reads them all once into a frozen `Lexicons` that the extraction is handed; `default()` is the one
loaded from this repository's `data/`. A missing file or column is a `LexiconError` at load time, naming it,
so a misspelt or deleted list can never switch a rule off quietly.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from lib.records import Entity, Office
from lib.text.normalize import fold

DATA = Path(__file__).resolve().parent.parent / "data"
LEXICONS = DATA / "lexicons"
GAZETTEER = DATA / "gazetteer"
BASEMAP = DATA / "basemap"
BUNDLED_ARTICLES = DATA / "articles"
DEFAULT_STORE = DATA / "store"


class LexiconError(RuntimeError):
    """A lexicon or gazetteer file that is missing or lacks a column; the message names it."""


@dataclass(frozen=True)
class WordLists:
    """Folded one-word-a-line lists, one field per file data/lexicons/<field>.txt."""

    ambiguous_given_names: frozenset[str]
    anonymous: frozenset[str]
    club_words: frozenset[str]  # words that beside a city make a club's name (نيويورك ريد بولز، دينامو كييف)
    common_words: frozenset[str]  # everyday words (generated): they end a name and name no one
    location_nouns: frozenset[str]  # nouns after which a country is a place (سفارة الهند), not a state acting
    name_breaks: frozenset[str]  # words that end a name although they often follow one (رحمه، نجل)
    person_titles: frozenset[str]  # occupations and titles that introduce a name (الروائي، اللاعب)
    sports_words: frozenset[str]  # words that mark a sports article (مباراة، الدوري)
    documents: frozenset[str]
    idioms: frozenset[str]  # fixed expressions holding a known name that name no one (نصيب الأسد)
    name_contexts: frozenset[str]
    not_names: frozenset[str]
    not_places: frozenset[str]
    not_speakers: frozenset[str]
    place_heads: frozenset[str]
    ranks: frozenset[str]
    roles: frozenset[str]
    stopwords: frozenset[str]
    weak_ranks: frozenset[str]


# The roles that the `form role` tables must hold: code reads each of them by name.
SPEAKER_PHRASE_ROLES = ("anaphoric", "filler", "phrase_break", "prepositional", "title_break", "relative", "issuer",
                        "honorific", "time", "group", "quantity", "bare_document", "bare_body", "addressee", "preposition",
                        "relational", "kin", "particle", "modifier", "affiliation", "media_head", "divine",
                        "name_title", "nisba", "state_body", "title_link", "capital", "opinion", "occasion_head",
                        "prophetic", "spokesman", "club_body")
FUNCTION_WORD_ROLES = ("locative", "name_link", "name_particle", "saying_noun", "not_reporting_before",
                       "noun_before_cue", "not_a_cue", "title_marker", "naming", "opinion_cue")


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: caches are kept per loaded Lexicons
class Lexicons:
    """Everything the extraction looks words up in, loaded once and never changed."""

    places: Mapping[str, tuple[Entity, tuple[str, ...]]]  # place id → the place and its Arabic forms
    place_stop_forms: frozenset[str]  # place names that are mostly ordinary words
    news_place_names: frozenset[str]  # folded one-word place names frequent in the word list only as places
    actors: Mapping[str, tuple[Entity, tuple[str, ...]]]  # actor id → the actor and its Arabic forms
    offices: tuple[Office, ...]
    speech_cues: Mapping[str, tuple[str, str]]  # folded reporting cue → (kind, object)
    words: WordLists
    boilerplate: tuple[str, ...]  # folded starts of lines that pages add around an article
    boilerplate_links: tuple[str, ...]  # folded lead-ins (`شاهد الفيديو …:`) of lines that point to another page
    given_names: frozenset[str]
    given_names_with_alef_maqsura: frozenset[str]  # مصطفى, told apart from the preposition على
    place_cues: Mapping[str, str]  # folded word that announces a place (قرية) → the kind it announces
    speaker_phrase: Mapping[str, frozenset[str]]  # role → folded words (speaker_phrase.tsv)
    function_words: Mapping[str, frozenset[str]]  # role → folded words (function_words.tsv)
    teams: Mapping[str, tuple[Entity, tuple[str, ...]]]  # clubs (teams.tsv)
    sports_only_teams: frozenset[str]  # team ids whose names are also places or words
    demonyms: Mapping[str, str]  # folded nisba (مصري، المصرية) → country code
    org_heads: Mapping[str, tuple[str, bool]]  # folded head → (kind, head in the name)
    eponym_heads: Mapping[str, str]  # folded head → what a name after it makes
    namesakes: Mapping[str, tuple[tuple[str, str], ...]]  # folded form → (id, evidence)
    place_relations: Mapping[str, str]  # ريف، شمال … → precision of the area
    common_rank: Mapping[str, int]  # everyday word → its frequency rank (0: most frequent)
    major_places: frozenset[str]  # place ids never mistaken for a word: countries, big cities …
    topic_words: Mapping[str, tuple[str, float]] = field(default_factory=dict)  # bare folded form → (topic, weight)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"{path}: lexicon file is missing") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read ({exc})") from exc


def _rows(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a TSV file with a header (lines starting with # are comments); the columns must be there."""
    lines = [line for line in _read(path).splitlines(keepends=True) if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        raise LexiconError(f"{path}: column(s) {', '.join(missing)} missing from its header")
    return list(reader)


def common_ranks(path: Path = LEXICONS / "common_words.txt") -> dict[str, int]:
    """Folded everyday word → its frequency rank in common_words.txt (0: most frequent; a fold seen twice keeps
    its last rank). The gazetteer's build script reads it too."""
    return {w: n for n, w in enumerate(fold(w) for w in _lines(path))}


def _lines(path: Path) -> list[str]:
    """Non-empty, non-comment lines of a word list."""
    out = []
    for line in _read(path).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _forms(row: dict[str, str], *keys: str) -> tuple[str, ...]:
    forms: list[str] = []
    for key in keys:
        forms += [f.strip() for f in (row.get(key) or "").split("|") if f.strip()]
    return tuple(forms)


def _places(gazetteer: Path) -> dict[str, tuple[Entity, tuple[str, ...]]]:
    out = {}
    cols = ("place_id", "name", "name_ar", "forms_ar", "lat", "lon", "kind", "precision", "country", "parent_id",
            "source")
    for row in _rows(gazetteer / "places.tsv", cols):
        ent = Entity(
            entity_id=row["place_id"], entity_type="place", name=row["name"], name_ar=row["name_ar"] or "",
            kind=row["kind"] or "place", lat=_float(row["lat"]), lon=_float(row["lon"]),
            precision=row["precision"] or None, country=row["country"] or None,
            parent_id=row["parent_id"] or None, coord_source=row["source"] or None,
        )
        out[ent.entity_id] = (ent, _forms(row, "name_ar", "forms_ar"))
    return out


MAJOR_POPULATION = 250_000
MAJOR_KINDS = ("country", "governorate", "region", "lake", "river", "sea", "waterway")


def _major_places(gazetteer: Path) -> frozenset[str]:
    """Places whose names are never read as ordinary words: countries, governorates, regions, waters and
    cities of at least MAJOR_POPULATION people (الرياض is Riyadh even where riyadh means gardens)."""
    out = set()
    for row in _rows(gazetteer / "places.tsv", ("place_id", "kind", "population")):
        pop = _float(row["population"]) or 0
        if row["kind"] in MAJOR_KINDS or pop >= MAJOR_POPULATION:
            out.add(row["place_id"])
    return frozenset(out)


def _actors(lexicons: Path) -> dict[str, tuple[Entity, tuple[str, ...]]]:
    out = {}
    for row in _rows(lexicons / "actors.tsv", ("actor_id", "name", "name_ar", "forms_ar", "kind", "country",
                                               "aliases_en")):
        ent = Entity(entity_id=row["actor_id"], entity_type="actor", name=row["name"], name_ar=row["name_ar"] or "",
                     kind=row["kind"] or "organization", country=row["country"] or None,
                     aliases=_forms(row, "aliases_en"))
        out[ent.entity_id] = (ent, _forms(row, "name_ar", "forms_ar"))
    return out


def _teams(lexicons: Path) -> tuple[dict[str, tuple[Entity, tuple[str, ...]]], frozenset[str]]:
    """Clubs as actors of kind team, and the ids of those named only in a sports context (برشلونة، الهلال)."""
    out, sports_only = {}, set()
    for row in _rows(lexicons / "teams.tsv", ("team_id", "name", "name_ar", "forms_ar", "country", "aliases_en",
                                             "context")):
        ent = Entity(entity_id="team:" + row["team_id"], entity_type="actor", name=row["name"],
                     name_ar=row["name_ar"] or "", kind="team", country=row["country"] or None,
                     aliases=_forms(row, "aliases_en"))
        if row["context"] not in ("", "sports"):
            raise LexiconError(f"{lexicons / 'teams.tsv'}: {row['team_id']}: context must be empty or 'sports'")
        if row["context"] == "sports":
            sports_only.add(ent.entity_id)
        out[ent.entity_id] = (ent, _forms(row, "name_ar", "forms_ar"))
    return out, frozenset(sports_only)


def _demonyms(lexicons: Path) -> dict[str, str]:
    """Every written form of each country's nisba (مصري → المصري، مصرية، المصريين …) → its country code."""
    out: dict[str, str] = {}
    for row in _rows(lexicons / "demonyms.tsv", ("country", "nisba_ar")):
        for form in _forms(row, "nisba_ar"):
            base = fold(form)
            if " " in base:  # كوري جنوبي → الكوري الجنوبي
                out.setdefault(base, row["country"])
                out.setdefault(" ".join("ال" + w for w in base.split()), row["country"])
                continue
            for word in (base, base + "ه", base + "ين", base + "ون"):
                out.setdefault(word, row["country"])
                out.setdefault("ال" + word, row["country"])
    return out


def _org_heads(lexicons: Path) -> dict[str, tuple[str, bool]]:
    out = {}
    for row in _rows(lexicons / "org_heads.tsv", ("form", "kind", "in_name")):
        if row["in_name"] not in ("yes", "no"):
            raise LexiconError(f"{lexicons / 'org_heads.tsv'}: {row['form']}: in_name must be yes or no")
        out[fold(row["form"])] = (row["kind"], row["in_name"] == "yes")
    return out


def _namesakes(lexicons: Path) -> dict[str, tuple[tuple[str, str], ...]]:
    """Forms several actors share → (actor id, evidence) in file order; the first with evidence met wins."""
    out: dict[str, list[tuple[str, str]]] = {}
    for row in _rows(lexicons / "namesakes.tsv", ("forms_ar", "actor_id", "evidence")):
        for form in _forms(row, "forms_ar"):
            out.setdefault(fold(form), []).append((row["actor_id"], row["evidence"]))
    return {k: tuple(v) for k, v in out.items()}


def _by_role(path: Path, roles: tuple[str, ...]) -> Mapping[str, frozenset[str]]:
    """Folded words of a `form role` TSV grouped by role; every role the code reads must have words."""
    out: dict[str, set[str]] = {}
    for row in _rows(path, ("form", "role")):
        out.setdefault(row["role"], set()).add(fold(row["form"]))
    missing = [r for r in roles if r not in out]
    if missing:
        raise LexiconError(f"{path}: no rows for role(s) {', '.join(missing)}")
    return MappingProxyType({role: frozenset(words) for role, words in out.items()})


TOPICS = ("conflict", "politics", "economy", "sport", "culture", "health")  # topics.tsv's topics ("other" besides)


def bare(word: str) -> str:
    """A folded word without its article (المباراه → مباراه), as topics.tsv's forms are keyed."""
    return word[2:] if word.startswith("ال") and len(word) >= 4 else word


def _topic_words(path: Path) -> Mapping[str, tuple[str, float]]:
    """topics.tsv: bare folded form (one or two words) → (topic, weight); an unknown topic or a bad weight is an
    error naming the file and the form."""
    out: dict[str, tuple[str, float]] = {}
    for row in _rows(path, ("form", "topic", "weight")):
        key = " ".join(bare(w) for w in fold(row["form"]).split())
        if row["topic"] not in TOPICS:
            raise LexiconError(f"{path}: {row['form']}: unknown topic {row['topic']!r} (one of {', '.join(TOPICS)})")
        weight = _float(row["weight"])
        if weight is None or weight <= 0 or not key or len(key.split()) > 2:
            raise LexiconError(f"{path}: {row['form']}: needs one or two words and a positive weight")
        if key in out:
            raise LexiconError(f"{path}: {row['form']}: listed twice (forms are matched without ال)")
        out[key] = (row["topic"], weight)
    return MappingProxyType(out)


def load(data: Path = DATA) -> Lexicons:
    """Read every lexicon and the gazetteer under a data folder (LexiconError names what is missing)."""
    lex, gaz = data / "lexicons", data / "gazetteer"
    words = WordLists(**{f.name: frozenset(fold(w) for w in _lines(lex / f"{f.name}.txt"))
                         for f in fields(WordLists)})
    given = _lines(lex / "given_names.txt")
    boiler = _lines(lex / "boilerplate.txt")
    teams, sports_only = _teams(lex)
    offices = tuple(Office(fold(form), row["actor_id"], row["start"] or "", row["end"] or "")
                    for row in _rows(lex / "offices.tsv", ("title_forms_ar", "actor_id", "start", "end"))
                    for form in _forms(row, "title_forms_ar"))
    return Lexicons(
        places=MappingProxyType(_places(gaz)),
        place_stop_forms=frozenset(fold(w) for w in _lines(gaz / "stop_forms.txt")),
        news_place_names=frozenset(fold(w) for w in _lines(gaz / "news_place_names.txt")),
        actors=MappingProxyType(_actors(lex)),
        offices=offices,
        speech_cues=MappingProxyType({fold(r["form"]): (r["kind"], r["object"])
                                      for r in _rows(lex / "speech_verbs.tsv", ("form", "kind", "object"))}),
        words=words,
        boilerplate=tuple(fold(w) for w in boiler if not w.endswith(":")),
        boilerplate_links=tuple(fold(w) for w in boiler if w.endswith(":")),
        given_names=frozenset(fold(n) for n in given),
        given_names_with_alef_maqsura=frozenset(fold(n) for n in given if n.endswith("ى")),
        place_cues=MappingProxyType({fold(r["form"]): r["kind"]
                                     for r in _rows(lex / "place_cues.tsv", ("form", "kind"))}),
        speaker_phrase=_by_role(lex / "speaker_phrase.tsv", SPEAKER_PHRASE_ROLES),
        function_words=_by_role(lex / "function_words.tsv", FUNCTION_WORD_ROLES),
        teams=MappingProxyType(teams),
        sports_only_teams=sports_only,
        demonyms=MappingProxyType(_demonyms(lex)),
        org_heads=MappingProxyType(_org_heads(lex)),
        eponym_heads=MappingProxyType({fold(r["form"]): r["kind"]
                                       for r in _rows(lex / "eponym_heads.tsv", ("form", "kind"))}),
        namesakes=MappingProxyType(_namesakes(lex)),
        place_relations=MappingProxyType({fold(r["form"]): r["precision"]
                                          for r in _rows(gaz / "place_relations.tsv", ("form", "precision"))}),
        common_rank=MappingProxyType(common_ranks(lex / "common_words.txt")),
        major_places=_major_places(gaz),
        topic_words=_topic_words(lex / "topics.tsv"),
    )


@lru_cache(maxsize=1)
def default() -> Lexicons:
    """The lexicons of this repository's data/, loaded on first use and shared from then on."""
    return load(DATA)


@lru_cache(maxsize=1)
def city_features() -> dict:
    """The hand-drawn river courses and old-city outlines of the focus cities (data/gazetteer/
    city_features.geojson: properties city, kind river|old_city, name, name_ar, source), as GeoJSON."""
    path = GAZETTEER / "city_features.geojson"
    try:
        data = json.loads(_read(path))
    except json.JSONDecodeError as exc:
        raise LexiconError(f"{path}: not valid GeoJSON ({exc})") from exc
    for feature in data.get("features", []):
        missing = [k for k in ("city", "kind", "name", "name_ar") if not feature.get("properties", {}).get(k)]
        if missing:
            raise LexiconError(f"{path}: a feature lacks {', '.join(missing)}")
    return data


@lru_cache(maxsize=None)
def basemap(name: str) -> dict:
    """One vendored Natural Earth layer (data/basemap/<name>.geojson) as GeoJSON."""
    try:
        return json.loads(_read(BASEMAP / f"{name}.geojson"))
    except json.JSONDecodeError as exc:
        raise LexiconError(f"{BASEMAP / name}.geojson: not valid GeoJSON ({exc})") from exc
