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


def _entity_record(ent: Entity, mentions: int, surfaces: list[str]) -> dict:
    # aliases: the lexicon's other names and every form this article uses (القوات الأميركية, واشنطن …)
    aliases = list(dict.fromkeys([*ent.aliases, *surfaces]))
    rec = {"id": ent.entity_id, "name": ent.name, "name_ar": ent.name_ar or None, "kind": ent.kind,
           "mentions": mentions, "aliases": aliases}
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
    surfaces: dict[str, list[str]] = {}
    for m in found.mentions:
        surfaces.setdefault(m.entity_id, []).append(m.surface)
    actors, places = {}, {}
    for eid, ent in found.entities.items():
        target = places if ent.entity_type == "place" else actors
        seen = surfaces.get(eid, [])
        target[eid] = _entity_record(ent, len(seen), seen)
    return Article(
        article_id=article_id(art.body), source_file=source_file, title=art.title, published=art.published,
        source=art.source, url=art.url, body=art.body, statements=statements,
        mentions=sorted(found.mentions, key=lambda m: m.start), dates=find_dates(art.body, art.published, tokens),
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
        "dates": [{"date": d.date, "text": d.text, "precision": d.precision} for d in art.dates],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lib.ingest", description=__doc__.split("\n\n")[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--jsonl", nargs="+", metavar="FILE", help="print one JSON object per article file")
    mode.add_argument("--add", nargs="+", metavar="PATH",
                      help="add articles to the store: .txt (+ .json sidecar), .html, .json, .jsonl, .csv, TREC "
                           ".xml, .zip and .tar.gz archives of these, and folders")
    ap.add_argument("--store", default=None, help="store folder (default: data/store)")
    add = ap.add_argument_group("--add options")
    add.add_argument("--map", action="append", default=[], metavar="ROLE=FIELD",
                     help="which JSON/CSV field holds a role (text, title, published, url, source), e.g. "
                          "--map text=article_body --map published=pub_date; repeatable")
    add.add_argument("--workers", type=int, default=None, metavar="N",
                     help="processes analysing articles (default: the CPU cores, at most 8; 1 = no workers)")
    add.add_argument("--limit", type=int, default=None, metavar="N", help="stop after N articles")
    add.add_argument("--progress-every", type=int, default=500, metavar="N",
                     help="print a progress line to stderr every N articles (default 500; 0 = never)")
    args = ap.parse_args(argv)
    if args.jsonl:
        if args.map or args.workers is not None or args.limit is not None:
            ap.error("--map, --workers and --limit apply to --add only")
        status = 0
        for name in args.jsonl:
            try:
                rec = export_record(analyse_file(Path(name)))
            except ArticleError as exc:
                rec, status = {"source_file": name, "error": str(exc)}, 1
            print(json.dumps(rec, ensure_ascii=False), flush=True)
        return status
    from lib.formats import MappingError, parse_mapping  # the store and formats are only needed when adding
    from lib.importer import default_workers, import_paths

    try:
        mapping = parse_mapping(args.map)
    except MappingError as exc:
        ap.error(str(exc))
    workers = default_workers() if args.workers is None else max(1, args.workers)
    report = import_paths([Path(p) for p in args.add], store_dir=Path(args.store) if args.store else None,
                          mapping=mapping, workers=workers, limit=args.limit,
                          progress=_progress_printer(args.progress_every))
    print(report.summary())
    return 0 if not report.failed else 1


def _progress_printer(every: int):
    """A progress callback that prints one line to stderr every `every` articles."""
    if every <= 0:
        return None
    import time

    start = time.monotonic()

    def show(done: int, total: int | None, name: str) -> None:
        if done % every == 0:
            secs = time.monotonic() - start
            of = f"/{total}" if total else ""
            print(f"… {done}{of} articles, {done / secs if secs else 0:,.0f}/s, {secs:.0f} s: {name}",
                  file=sys.stderr, flush=True)
    return show


if __name__ == "__main__":
    sys.exit(main())
