"""Loading of the lexicons and the gazetteer under data/: the only code that knows their layout."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lib.normalize import fold

DATA = Path(__file__).resolve().parent.parent / "data"
LEXICONS = DATA / "lexicons"
GAZETTEER = DATA / "gazetteer"


@dataclass(frozen=True)
class Entity:
    """An actor or a place that the lexicons know."""

    entity_id: str
    entity_type: str  # "actor" or "place"
    name: str
    name_ar: str
    kind: str
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None
    country: str | None = None
    parent_id: str | None = None
    coord_source: str | None = None
    aliases: tuple[str, ...] = ()  # other names (English), for display and matching


def _rows(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV file with a header; lines starting with # are comments."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _lines(path: Path) -> list[str]:
    """Non-empty, non-comment lines of a word list."""
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _forms(row: dict[str, str], *keys: str) -> list[str]:
    forms: list[str] = []
    for key in keys:
        forms += [f.strip() for f in (row.get(key) or "").split("|") if f.strip()]
    return forms


@lru_cache(maxsize=1)
def places() -> dict[str, tuple[Entity, list[str]]]:
    """Every gazetteer place by id, with its Arabic forms."""
    out: dict[str, tuple[Entity, list[str]]] = {}
    for row in _rows(GAZETTEER / "places.tsv"):
        ent = Entity(
            entity_id=row["place_id"], entity_type="place", name=row["name"], name_ar=row.get("name_ar") or "",
            kind=row.get("kind") or "place", lat=_float(row.get("lat")), lon=_float(row.get("lon")),
            precision=row.get("precision") or None, country=row.get("country") or None,
            parent_id=row.get("parent_id") or None, coord_source=row.get("source") or None,
        )
        out[ent.entity_id] = (ent, _forms(row, "name_ar", "forms_ar"))
    return out


@lru_cache(maxsize=1)
def place_stop_forms() -> frozenset[str]:
    """Folded forms that are place names but mostly ordinary words."""
    return frozenset(fold(w) for w in _lines(GAZETTEER / "stop_forms.txt"))


@lru_cache(maxsize=1)
def actors() -> dict[str, tuple[Entity, list[str]]]:
    """Every lexicon actor by id, with its Arabic forms."""
    out: dict[str, tuple[Entity, list[str]]] = {}
    for row in _rows(LEXICONS / "actors.tsv"):
        ent = Entity(entity_id=row["actor_id"], entity_type="actor", name=row["name"],
                     name_ar=row.get("name_ar") or "", kind=row.get("kind") or "organization",
                     country=row.get("country") or None, aliases=tuple(_forms(row, "aliases_en")))
        out[ent.entity_id] = (ent, _forms(row, "name_ar", "forms_ar"))
    return out


@dataclass(frozen=True)
class Office:
    """A title held by one person at a time."""

    title_key: str  # folded title
    actor_id: str
    start: str  # YYYY-MM-DD or ""
    end: str


@lru_cache(maxsize=1)
def offices() -> list[Office]:
    """Office-holder periods, to resolve a speaker named by title alone."""
    out = []
    for row in _rows(LEXICONS / "offices.tsv"):
        for form in _forms(row, "title_forms_ar"):
            out.append(Office(fold(form), row["actor_id"], row.get("start") or "", row.get("end") or ""))
    return out


@lru_cache(maxsize=1)
def speech_cues() -> dict[str, tuple[str, str]]:
    """Folded reporting cue -> (kind, object) from speech_verbs.tsv."""
    return {fold(r["form"]): (r["kind"], r["object"]) for r in _rows(LEXICONS / "speech_verbs.tsv")}


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """A folded word list from data/lexicons/<name>.txt (roles, ranks, anonymous, given_names …)."""
    return frozenset(fold(w) for w in _lines(LEXICONS / f"{name}.txt"))


@lru_cache(maxsize=1)
def boilerplate_lines() -> tuple[str, ...]:
    """Folded starts of lines that pages add around an article."""
    return tuple(fold(w) for w in _lines(LEXICONS / "boilerplate.txt"))


@lru_cache(maxsize=1)
def given_names() -> tuple[frozenset[str], frozenset[str]]:
    """Folded given names, and those among them written with a final ى (مصطفى), told apart from على."""
    names = _lines(LEXICONS / "given_names.txt")
    return frozenset(fold(n) for n in names), frozenset(fold(n) for n in names if n.endswith("ى"))


@lru_cache(maxsize=1)
def place_cues() -> dict[str, str]:
    """Folded words that announce a place name (قرية، ناحية …) → the kind of place they announce."""
    return {fold(r["form"]): r["kind"] for r in _rows(LEXICONS / "place_cues.tsv")}


def _words_by_role(name: str) -> dict[str, frozenset[str]]:
    """Folded words of a `form role` TSV under data/lexicons, grouped by role."""
    out: dict[str, set[str]] = {}
    for row in _rows(LEXICONS / name):
        out.setdefault(row["role"], set()).add(fold(row["form"]))
    return {role: frozenset(words) for role, words in out.items()}


@lru_cache(maxsize=1)
def speaker_phrase_words() -> dict[str, frozenset[str]]:
    """Folded words by the role they play in a speaker phrase (speaker_phrase.tsv)."""
    return _words_by_role("speaker_phrase.tsv")


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """Folded closed-class words by role (function_words.tsv: locative, name_link, saying_noun …)."""
    return _words_by_role("function_words.tsv")
