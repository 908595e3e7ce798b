"""Ingest: an Arabic article in, its statements, actors, places and dates out (and the CLI).

    python -m lib.ingest --jsonl FILE...     print one JSON object per article (../shared/eval/CONTRACT.md)
    python -m lib.ingest --add PATH...       add articles (files or folders) to the store under data/store
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from lib.article_text import ArticleError, clean_article, read_sidecar, read_text_file
from lib.dates import find_dates
from lib.entities import find_entities
from lib.lexicons import Entity
from lib.normalize import fold
from lib.records import Article
from lib.statements import extract_statements
from lib.tokens import tokenize


def article_id(body: str) -> str:
    """Stable id of an article: a hash of its folded body, so a re-ingest is recognised."""
    return hashlib.sha1(" ".join(fold(body).split()).encode("utf-8")).hexdigest()[:16]


def _entity_record(ent: Entity, mentions: int) -> dict:
    rec = {"id": ent.entity_id, "name": ent.name, "name_ar": ent.name_ar or None, "kind": ent.kind,
           "mentions": mentions}
    if ent.entity_type == "place":
        rec.update(lat=ent.lat, lon=ent.lon, precision=ent.precision, country=ent.country,
                   parent_id=ent.parent_id, coord_source=ent.coord_source)
    else:
        rec["country"] = ent.country
    return rec


def analyse(text: str, meta: dict | None = None, source_file: str = "") -> Article:
    """Pure: the article's text and metadata in, everything found in it out (offsets into the body)."""
    art = clean_article(text, meta)
    tokens = tokenize(art.body)
    found = find_entities(art.body, tokens)
    statements = extract_statements(art.body, tokens, found, art.published)
    counts: dict[str, int] = {}
    for m in found.mentions:
        counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
    actors, places = {}, {}
    for eid, ent in found.entities.items():
        target = places if ent.entity_type == "place" else actors
        target[eid] = _entity_record(ent, counts.get(eid, 0))
    return Article(
        article_id=article_id(art.body), source_file=source_file, title=art.title, published=art.published,
        source=art.source, url=art.url, body=art.body, statements=statements,
        mentions=sorted(found.mentions, key=lambda m: m.start), dates=find_dates(art.body, art.published),
        actors=actors, places=places)


def analyse_file(path: Path) -> Article:
    """Read an article file and its sidecar and analyse it; ArticleError names the file and the problem."""
    meta = read_sidecar(path)
    text = read_text_file(path)
    art = analyse(text, meta, str(path))
    if not art.body.strip():
        raise ArticleError(f"{path}: no article text left after removing boilerplate")
    return art


def export_record(art: Article) -> dict:
    """The JSON object of CONTRACT.md for one article."""
    strip = ("id", "precision", "country", "parent_id", "coord_source")
    return {
        "source_file": art.source_file, "article_id": art.article_id, "title": art.title,
        "published": art.published, "source": art.source, "url": art.url, "body": art.body,
        "statements": [
            {"quote": s.quote, "speaker": s.speaker, "speaker_ar": s.speaker_ar, "kind": s.kind, "cue": s.cue,
             "start": s.start, "end": s.end, "speaker_kind": s.speaker_kind} for s in art.statements],
        "actors": [{k: v for k, v in a.items() if k not in strip} for a in art.actors.values()],
        "places": [{k: v for k, v in p.items() if k not in strip or k == "precision"} for p in art.places.values()],
        "dates": [{"date": d.date, "text": d.text} for d in art.dates],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lib.ingest", description=__doc__.split("\n\n")[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--jsonl", nargs="+", metavar="FILE", help="print one JSON object per article file")
    mode.add_argument("--add", nargs="+", metavar="PATH", help="add article files or folders to the store")
    ap.add_argument("--store", default=None, help="store folder (default: data/store)")
    args = ap.parse_args(argv)
    if args.jsonl:
        status = 0
        for name in args.jsonl:
            try:
                rec = export_record(analyse_file(Path(name)))
            except ArticleError as exc:
                rec, status = {"source_file": name, "error": str(exc)}, 1
            print(json.dumps(rec, ensure_ascii=False), flush=True)
        return status
    from lib.importer import import_paths  # the store is only needed when adding

    report = import_paths([Path(p) for p in args.add], store_dir=Path(args.store) if args.store else None)
    print(report.summary())
    return 0 if not report.failed else 1


if __name__ == "__main__":
    sys.exit(main())
