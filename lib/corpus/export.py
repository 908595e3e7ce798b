"""The `--jsonl` export (../shared/eval/CONTRACT.md): files read by the same readers as an import."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from lib.corpus.importer import analyse_raw
from lib.corpus.readers import read_paths
from lib.records import Article, Issue

_PLACE_ONLY = ("id", "country", "parent_id", "coord_source")  # internal fields the contract leaves out


def export_record(art: Article) -> dict:
    """The JSON object of CONTRACT.md for one article (actors and places with the spans of their mentions)."""
    return {
        "source_file": art.source_file, "article_id": art.article_id, "title": art.title,
        "published": art.published, "source": art.source, "url": art.url, "body": art.body, "topic": art.topic,
        "statements": [
            {"quote": s.quote, "speaker": s.speaker, "speaker_ar": s.speaker_ar, "kind": s.kind, "cue": s.cue,
             "start": s.start, "end": s.end, "speaker_kind": s.speaker_kind, "speaker_id": s.speaker_id}
            for s in art.statements],
        "actors": [{k: v for k, v in a.items() if k not in _PLACE_ONLY + ("precision",)}
                   for a in art.actors.values()],
        "places": [{k: v for k, v in p.items() if k not in _PLACE_ONLY} for p in art.places.values()],
        # CONTRACT.md's dates are calendar days; a week or a year the text names (الأسبوع الماضي، عام 1400هـ) is
        # kept apart, with the day it starts on, so the export loses nothing
        "dates": [_date(d) for d in art.dates if d.precision not in PERIODS],
        "periods": [_date(d) for d in art.dates if d.precision in PERIODS],
    }


PERIODS = ("week", "year")  # date precisions that name no calendar day


def _date(d) -> dict:
    """One date of the export."""
    return {"date": d.date, "text": d.text, "precision": d.precision, **({"hijri": d.hijri} if d.hijri else {})}


def export_paths(paths: Iterable[Path], mapping: dict[str, str] | None = None
                 ) -> Iterator[dict | Issue]:
    """One export record per article under each path (an error record for a path that yields none), and
    the warnings met on the way as Issues, in reading order."""
    for path in paths:
        produced, problems = 0, []
        for item in read_paths([Path(path)], mapping):
            result = item if isinstance(item, Issue) else analyse_raw(item)
            if isinstance(result, Issue):
                if result.level == "error":
                    produced += 1
                    yield {"source_file": result.name, "error": str(result)}
                elif result.level == "warning":
                    problems.append(result.message)
                    yield result
                continue
            produced += 1
            yield export_record(result)
        if not produced:
            why = "; ".join(problems) or "no article found in it"
            yield {"source_file": str(path), "error": f"{path}: {why}"}
