"""Import formats: files, folders, uploads and archives in, `RawArticle(text, meta, name)` records out.

Formats: .txt (with its .json sidecar; a .txt holding <DOC> elements is TREC), .html/.htm (trafilatura),
.json (an array of records, one record, or an object holding one array), .jsonl/.ndjson, .csv/.tsv,
TREC-style XML (.xml/.trec/.sgml: <DOC> elements, as in the ANT corpus), .zip and .tar(.gz/.bz2/.xz)/.tgz
archives of any of these, and folders.

Problems are yielded as `Issue`s in the same stream, so one bad file or record never stops the rest:
hostile structure (JSON nested thousands deep, thousands of unclosed tags) is a per-file error, and every
reader runs in linear time. Every text that leaves here is valid Unicode (lone surrogates and undecodable
file names replaced and reported), so the store can always write it. Archives are read member by member in
memory, never extracted to disk, within `Limits` (member count, per-member and total expanded size); members
with unsafe paths (../, absolute, links) are reported and skipped, an oversize member is skipped with a
warning and the rest read.
"""
from __future__ import annotations

import csv
import html
import io
import json
import os
import posixpath
import re
import tarfile
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Callable, Iterable, Iterator, Union

from lib.records import Issue, Item, RawArticle
from lib.text.decoding import (DecodeError, Decoded, clean_text, decode_bytes, file_name, looks_mojibake,
                               unmojibake)

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Caps on what one import reads (bytes are uncompressed sizes)."""

    max_file_bytes: int = 64 * MB  # one article or record file (an archive member included)
    max_archive_members: int = 100_000  # the ANT v2.1 tarball has 31,557
    max_archive_bytes: int = 1024 * MB  # everything one archive expands to
    max_article_chars: int = 500_000  # news articles are under 50,000; anything past this is not one article
    max_depth: int = 1  # archives inside archives are not read
    max_json_depth: int = 100  # nesting of JSON arrays/objects: articles need a handful; deeper is hostile


LIMITS = Limits()



# Field roles and the record keys that fill them, first match wins (case-insensitive).
FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("content", "text", "body", "article", "article_body", "articlebody", "story", "full_text"),
    "title": ("title", "headline", "heading"),
    "published": ("published", "date", "date_published", "published_at", "publication_date", "pubdate",
                  "date_extracted", "datetime", "time", "timestamp", "created_at"),
    "url": ("url", "link", "href", "permalink"),
    "source": ("source", "site", "sitename", "publisher", "outlet", "newspaper", "src"),
}
EXTRA_FIELDS = ("author", "category", "cat", "language")

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
CSV_SUFFIXES = (".csv", ".tsv")
XML_SUFFIXES = (".xml", ".trec", ".sgml", ".sgm")
ZIP_SUFFIXES = (".zip",)
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
ARCHIVE_SUFFIXES = ZIP_SUFFIXES + TAR_SUFFIXES
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES + CSV_SUFFIXES + XML_SUFFIXES
SUPPORTED = ARTICLE_SUFFIXES + ARCHIVE_SUFFIXES


class MappingError(ValueError):
    """A field mapping that names an unknown role (`--map words=content`)."""


def parse_mapping(pairs: Iterable[str]) -> dict[str, str]:
    """{"text": "article_body", …} from ROLE=FIELD pairs (roles: text, title, published, url, source)."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        role, sep, fld = pair.partition("=")
        role, fld = role.strip().lower(), fld.strip()
        role = {"date": "published", "content": "text", "body": "text"}.get(role, role)
        if not sep or not fld:
            raise MappingError(f"field mapping {pair!r} is not ROLE=FIELD (e.g. text=content)")
        if role not in FIELDS:
            raise MappingError(f"field mapping {pair!r}: unknown role {role!r} (roles: {', '.join(FIELDS)})")
        mapping[role] = fld
    return mapping


def suffix_of(name: str) -> str:
    """The format suffix of a file name, double suffixes (.tar.gz) included, lower-cased."""
    low = name.lower()
    for suf in TAR_SUFFIXES:
        if low.endswith(suf):
            return suf
    return posixpath.splitext(low)[1]


# ---------------------------------------------------------------------------------------------- dates

MAX_DATE_CHARS = 100
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_ISO = re.compile(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DMY = re.compile(r"\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
_COMPACT = re.compile(r"\s*(\d{4})(\d{2})(\d{2})(?:$|[T\s_-])")
_WORDY = re.compile(r"(?:(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4}))|(?:([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4}))")


def _ymd(y: int, m: int, d: int) -> str | None:
    """YYYY-MM-DD of a real day in a plausible year, else None."""
    try:
        return datetime(y, m, d).strftime("%Y-%m-%d") if 1800 <= y <= 2200 else None
    except ValueError:
        return None


def parse_date(value: object) -> str | None:
    """YYYY-MM-DD from a metadata date as found in corpora: 2015-07-21 02:51:32, 2018-02-18T21:35:43+04:00,
    Sun, 18 Feb 2018 21:35:43 +0400, 17/05/2015 (day first), 20180218, 18 February 2018, Unix seconds.

    The day is the one written (the publisher's local day), not converted to UTC."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        secs = value / 1000 if value > 1e11 else value  # milliseconds since 1970
        if 1e8 < secs < 7e9:
            return datetime.fromtimestamp(secs, tz=timezone.utc).strftime("%Y-%m-%d")
        return None
    if not isinstance(value, str) or not value.strip():
        return None
    s = value.strip()
    if len(s) > MAX_DATE_CHARS:  # no date is this long; and the patterns below need not see a megabyte
        return None
    if m := _ISO.match(s):
        return _ymd(*(int(g) for g in m.groups()))
    if m := _DMY.match(s):
        d, mo, y = (int(g) for g in m.groups())
        return _ymd(y, mo, d) or _ymd(y, d, mo)  # day first (17/05/2015); month first only when it must be
    if m := _COMPACT.match(s):
        return _ymd(*(int(g) for g in m.groups()))
    if re.match(r"\s*[A-Za-z]{3},", s):
        try:
            dt = parsedate_to_datetime(s)
        except (TypeError, ValueError, IndexError):
            dt = None
        if dt is not None:
            return _ymd(dt.year, dt.month, dt.day)
    if m := _WORDY.search(s):
        d, mon, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
        mo = _MONTHS.get(mon[:3].lower())
        if mo:
            return _ymd(int(y), mo, int(d))
    if re.fullmatch(r"\d{9,13}", s):
        return parse_date(int(s))
    return None


# ------------------------------------------------------------------------------------------- records

def _field(rec: dict, role: str, mapping: dict[str, str]) -> tuple[str | None, object]:
    """(key, value) of the record field that fills a role: the mapped one, else the first known name."""
    lower = {str(k).lower(): k for k in rec}
    if role in mapping:
        key = lower.get(mapping[role].lower())
        return (key, rec[key]) if key is not None else (None, None)
    for cand in FIELDS[role]:
        key = lower.get(cand)
        if key is not None and rec[key] not in (None, ""):
            return key, rec[key]
    for cand in FIELDS[role]:
        if (key := lower.get(cand)) is not None:
            return key, rec[key]
    return None, None


def _json_type(value: object) -> str:
    """The JSON name of a parsed value's type (null, string, number …)."""
    if value is None:
        return "null"
    return {bool: "boolean", int: "number", float: "number", str: "string", list: "array",
            dict: "object"}.get(type(value), type(value).__name__)


def _as_text(value: object) -> str | None:
    """A text field's value as text (a list of paragraphs joined), else None."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "\n".join(value)  # a body given as a list of paragraphs
    return None


def record_article(rec: object, name: str, mapping: dict[str, str], limits: Limits = LIMITS) -> Iterator[Item]:
    """One JSON/CSV record as a RawArticle (fields found by name or by the mapping), or the Issues why not."""
    if not isinstance(rec, dict):
        yield Issue(name, f"record is a JSON {_json_type(rec)}, not an object with fields")
        return
    key, value = _field(rec, "text", mapping)
    if key is None:
        wanted = f"field {mapping['text']!r}" if "text" in mapping else "text field (" + ", ".join(
            FIELDS["text"][:3]) + " …)"
        found = ", ".join(str(k) for k in list(rec)[:12]) or "none"
        yield Issue(name, f"record has no {wanted}; its fields: {found}. Map one with --map text=FIELD")
        return
    text = _as_text(value)
    if text is None:
        yield Issue(name, f"field {key!r} is {_json_type(value)}, not text")
        return
    meta: dict = {}
    for role in ("title", "url", "source"):
        _, v = _field(rec, role, mapping)
        if isinstance(v, (str, int, float)) and not isinstance(v, bool) and str(v).strip():
            meta[role] = str(v).strip()
    lower = {str(k).lower(): k for k in rec}
    for extra in EXTRA_FIELDS:
        k = lower.get(extra)
        if k is not None and isinstance(rec[k], str) and rec[k].strip():
            meta[extra] = rec[k].strip()
    dkey, dval = _field(rec, "published", mapping)
    yield from make_article(text, meta, name, limits, date=dval, date_field=dkey)


def unescape_meta(meta: dict) -> dict:
    """Metadata text with its HTML entities decoded once (&#8220;مهينة&#8221; → “مهينة”, &nbsp;) and trimmed:
    sites put entity-escaped titles in feeds and sidecars, and readers would see them raw."""
    return {k: html.unescape(v).strip() if isinstance(v, str) else v for k, v in meta.items()}


def make_article(text: str, meta: dict, name: str, limits: Limits = LIMITS, date: object = None,
                 date_field: str | None = None) -> Iterator[Item]:
    """A RawArticle after the checks every format shares (empty, too long, valid Unicode, not mojibake,
    metadata fields text, date understood)."""
    name = clean_text(name)[0]
    if not text.strip():
        yield Issue(name, "empty article text; skipped", "warning")
        return
    if len(text) > limits.max_article_chars:
        yield Issue(name, f"article is {len(text):,} characters, over the {limits.max_article_chars:,} limit "
                          f"(not one news article? split it); skipped")
        return
    text, bad = clean_text(text)
    if bad:
        yield Issue(name, f"{bad} invalid character(s) (lone UTF-16 surrogates, as in a cut emoji) in the text "
                          "replaced by \ufffd", "warning")
    if looks_mojibake(text):
        fixed = unmojibake(text)
        if fixed is None:
            yield Issue(name, f"text is mojibake (UTF-8 Arabic misread as Windows-1256: {text[:12]!r}…) and cannot "
                              "be restored; not stored")
            return
        text = fixed
        yield Issue(name, "text was mojibake (UTF-8 Arabic misread as Windows-1256); restored", "warning")
    meta, problems = _text_fields(unescape_meta(meta))
    for problem in problems:
        yield Issue(name, problem, "warning")
    if date not in (None, ""):
        day = parse_date(date)
        if day:
            meta["published"] = day
        else:
            meta.pop("published", None)
            shown = clean_text(str(date)[:40])[0]
            yield Issue(name, f"date {shown!r}{f' (field {date_field!r})' if date_field else ''} "
                              "not understood; published left empty", "warning")
    yield RawArticle(text, meta, name)


def _text_fields(meta: dict) -> tuple[dict, list[str]]:
    """Metadata whose values are valid text (numbers written out, lone surrogates replaced, mojibake
    restored), and why any was changed or dropped (an array where a title belongs, unrestorable mojibake)."""
    out: dict = {}
    problems: list[str] = []
    for key, value in meta.items():
        key = clean_text(str(key))[0]
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            problems.append(f"metadata field {key!r} is {_json_type(value)}, not text; ignored")
            continue
        value, bad = clean_text(str(value))
        if bad:
            problems.append(f"metadata field {key!r}: {bad} invalid character(s) replaced by \ufffd")
        if looks_mojibake(value):
            fixed = unmojibake(value)
            if fixed is None:
                problems.append(f"metadata field {key!r} is mojibake and cannot be restored; ignored")
                continue
            value = fixed
            problems.append(f"metadata field {key!r} was mojibake; restored")
        out[key] = value
    return out, problems


# ------------------------------------------------------------------------------------------- formats

def _decode(data: bytes, name: str) -> tuple[str | None, list[Issue]]:
    """Text of a file, with a warning when it was not UTF-8 and an error when it is not text."""
    try:
        dec: Decoded = decode_bytes(data)
    except DecodeError as exc:
        return None, [Issue(name, str(exc))]
    issues = [Issue(name, repair, "warning") for repair in dec.repairs]
    if dec.encoding not in ("utf-8", "utf-8-sig"):
        issues.append(Issue(name, f"not UTF-8: decoded as {dec.label}", "warning"))
    return dec.text, issues


class JSONTooDeep(ValueError):
    """JSON nested deeper than the limit (hostile or broken)."""


def json_depth_over(doc: object, limit: int) -> bool:
    """Does a parsed JSON value nest arrays and objects more than `limit` deep? Walked without recursion."""
    stack = [(doc, 1)]
    while stack:
        node, depth = stack.pop()
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else None
        if children is None:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def load_json(text: str, limits: Limits = LIMITS) -> object:
    """json.loads within the depth limit: JSONTooDeep past it (nothing later recurses into a value deeper
    than Python's stack allows, e.g. to print it), json.JSONDecodeError when malformed."""
    try:
        doc = json.loads(text)
    except RecursionError:  # thousands of levels: the parser's own guard stops it, quickly and cleanly
        doc = None
        too_deep = True
    else:
        too_deep = json_depth_over(doc, limits.max_json_depth)
    if too_deep:
        raise JSONTooDeep(f"JSON nested more than {limits.max_json_depth} levels deep (broken or hostile); not read")
    return doc


def _sidecar_meta(data: bytes, name: str, limits: Limits = LIMITS) -> tuple[dict | None, list[Issue]]:
    """The metadata object in a sidecar's bytes, or None and the Issue why not."""
    text, issues = _decode(data, name)
    if text is None:
        return None, [Issue(name, f"metadata sidecar unreadable ({issues[0].message})")]
    try:
        meta = load_json(text, limits)
    except JSONTooDeep as exc:
        return None, [Issue(name, f"metadata sidecar unreadable ({exc})")]
    except json.JSONDecodeError as exc:
        return None, [Issue(name, f"metadata sidecar is not valid JSON (line {exc.lineno} column {exc.colno}: "
                                  f"{exc.msg})")]
    if not isinstance(meta, dict):
        return None, [Issue(name, "metadata sidecar must hold a JSON object")]
    return meta, issues


def read_text_article(data: bytes, name: str, sidecar: tuple[bytes, str] | None = None,
                      limits: Limits = LIMITS) -> Iterator[Item]:
    """A plain-text article, its metadata from the sidecar bytes (article.json) when there is one."""
    text, issues = _decode(data, name)
    yield from issues
    if text is None:
        return
    if _looks_trec(text):
        yield from read_trec(text, name, limits)
        return
    meta: dict = {}
    date = None
    if sidecar is not None:
        side, side_issues = _sidecar_meta(*sidecar, limits)
        if side is None:  # a broken sidecar fails its article: stored without metadata it would be misdated
            yield Issue(name, f"{side_issues[0].message} ({sidecar[1]})")
            return
        yield from (i for i in side_issues if i.level == "warning")
        meta = {k: v for k, v in side.items() if k in ("title", "source", "url", "author", "language")}
        date = side.get("published") or side.get("date")
    yield from make_article(text, meta, name, limits, date=date, date_field="published" if date else None)


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:]+)""", re.I)


def read_html(data: bytes, name: str, limits: Limits = LIMITS) -> Iterator[Item]:
    """An article page: body and metadata (title, date, url, site) extracted by trafilatura."""
    declared = _CHARSET.search(data[:4096])
    text = None
    if declared:
        try:
            text = data.decode(declared.group(1).decode("ascii").lower().replace("windows-", "cp"))
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, issues = _decode(data, name)
        yield from issues
        if text is None:
            return
    import trafilatura  # slow to import; only pages need it

    try:
        doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False, include_tables=False)
        doc = doc.as_dict() if hasattr(doc, "as_dict") else doc  # a Document in trafilatura 2, a dict before
    except Exception as exc:  # trafilatura raises many kinds on broken markup; the file fails, not the batch
        yield Issue(name, f"HTML could not be parsed ({type(exc).__name__}: {exc})")
        return
    body = (doc or {}).get("text") or ""
    if not body.strip():
        yield Issue(name, "no article text found in the HTML page")
        return
    meta = {k: str(doc[src]).strip() for k, src in (("title", "title"), ("url", "url"), ("source", "sitename"),
                                                    ("author", "author")) if doc.get(src)}
    yield from make_article(body, meta, name, limits, date=doc.get("date"), date_field="page date")


def read_json(data: bytes, name: str, mapping: dict[str, str], limits: Limits = LIMITS) -> Iterator[Item]:
    """Records from JSON: an array of objects, one object, or an object whose one array holds them."""
    text, issues = _decode(data, name)
    yield from issues
    if text is None:
        return
    try:
        doc = load_json(text, limits)
    except JSONTooDeep as exc:
        yield Issue(name, str(exc))
        return
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text.lstrip().startswith("{"):
            yield from _jsonl_lines(text, name, mapping, limits)  # JSON Lines saved as .json
            return
        yield Issue(name, f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}")
        return
    if isinstance(doc, dict):
        lists = [v for v in doc.values() if isinstance(v, list) and v and all(isinstance(r, dict) for r in v)]
        if _field(doc, "text", mapping)[0] is None and len(lists) == 1:
            doc = lists[0]
        else:
            yield from record_article(doc, name, mapping, limits)
            return
    if not isinstance(doc, list):
        yield Issue(name, f"JSON holds {_json_type(doc)}; expected an array of article objects")
        return
    if not doc:
        yield Issue(name, "JSON array is empty", "warning")
    for i, rec in enumerate(doc):
        yield from record_article(rec, f"{name}[{i}]", mapping, limits)


def read_jsonl(data: bytes, name: str, mapping: dict[str, str], limits: Limits = LIMITS) -> Iterator[Item]:
    """Records from JSON Lines, one object a line; a bad line fails alone."""
    text, issues = _decode(data, name)
    yield from issues
    if text is not None:
        yield from _jsonl_lines(text, name, mapping, limits)


def _jsonl_lines(text: str, name: str, mapping: dict[str, str], limits: Limits) -> Iterator[Item]:
    """Records from JSON Lines text, one per non-empty line."""
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = load_json(line, limits)
        except JSONTooDeep as exc:
            yield Issue(f"{name}:line {n}", str(exc))
            continue
        except json.JSONDecodeError as exc:
            yield Issue(f"{name}:line {n}", f"malformed JSON at column {exc.colno}: {exc.msg}")
            continue
        yield from record_article(rec, f"{name}:line {n}", mapping, limits)


def read_csv(data: bytes, name: str, mapping: dict[str, str], limits: Limits = LIMITS) -> Iterator[Item]:
    """Records from CSV/TSV with a header row; the delimiter is the commonest of , ; tab | in the header."""
    text, issues = _decode(data, name)
    yield from issues
    if text is None:
        return
    header = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    delim = "\t" if name.lower().endswith(".tsv") else max(",;\t|", key=header.count)
    if not header or (header.count(delim) == 0 and _field({header: 1}, "text", mapping)[0] is None):
        yield Issue(name, "malformed CSV: the first line is not a header of column names (e.g. title,content,date)")
        return
    csv.field_size_limit(max(csv.field_size_limit(), limits.max_article_chars * 4 + 1))
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delim, strict=True)
    start = 1  # the header itself may be what is malformed (an unclosed quote: ";)
    try:
        fields = reader.fieldnames or []
        if _field({f: 1 for f in fields}, "text", mapping)[0] is None:
            wanted = f"column {mapping['text']!r}" if "text" in mapping else "text column (content, text, body …)"
            yield Issue(name, f"CSV has no {wanted}; its columns: {', '.join(fields[:12]) or 'none'}. "
                              "Map one with --map text=COLUMN")
            return
        start = reader.line_num + 1
        for rec in reader:
            where = f"{name}:line {start}"  # the line the record starts on (a quoted field may span lines)
            start = reader.line_num + 1
            if None in rec:
                yield Issue(where, f"malformed CSV row: {len(fields) + len(rec[None])} fields, the header has "
                                   f"{len(fields)}")
                continue
            yield from record_article({k: v for k, v in rec.items() if v is not None}, where, mapping, limits)
    except csv.Error as exc:
        yield Issue(f"{name}:line {start}", f"malformed CSV ({exc}); the rest of the file is skipped")


# TREC-style <DOC> files (ANT corpus: DOCNO URL SRC CAT TITLE TIME AUTHOR ABSTRACT TEXT; LDC: HEADLINE, DATE …).
# Attributes are bounded ({0,N}): `[^>]*` would rescan the rest of the file from every "<DOC " of a file that
# never closes one, quadratic time; and elements are paired by scanning, not by a lazy `.*?` up to "</DOC>"
# (which rescans the rest of the file from every unclosed opener).
_ATTRS = r"(?:\s[^<>]{0,2000})?"
_DOC_OPEN = re.compile(r"<DOC(" + _ATTRS + r")>", re.I)
_DOC_CLOSE = re.compile(r"</DOC\s*>", re.I)
_OPEN_TAG = re.compile(r"<([A-Za-z_]+)" + _ATTRS + r">")
_CLOSE_END = re.compile(r"\s*>")
_BLANK_LINES = re.compile(r"\n{3,}")
_INNER_TAG = re.compile(r"</?[A-Za-z][^<>]{0,2000}>")
_BLOCK_END = re.compile(r"</(?:P|p|LINE|line)\s*>|<(?:br|BR)\s*/?>")
_DOC_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""", re.I)
_TREC_FIELDS = {"title": ("TITLE", "HEADLINE"), "published": ("TIME", "DATE", "DATE_TIME", "DATETIME"),
                "url": ("URL",), "source": ("SRC", "SOURCE"), "author": ("AUTHOR",), "category": ("CAT",)}


def _looks_trec(text: str) -> bool:
    """Does the text start with a TREC <DOC> element (after an XML declaration or a root)?"""
    return bool(re.match(r"\s*(?:<\?xml[^>]*>\s*)?(?:<[A-Za-z]+[^>]*>\s*)?<DOC[\s>]", text[:2048], re.I))


def _tags(doc: str) -> dict[str, str]:
    """The elements of one <DOC>: upper-cased tag name → raw inner text, the first of each name kept.

    What `<(NAME)…>(.*?)</NAME\\s*>` would match leftmost first, found with str.find instead of a regular
    expression with a back-reference (three times quicker on ANT's 31,000 files). The closer found for a name
    is remembered: search positions only grow, so each name's closers are scanned once (linear even for a
    file of 100,000 unclosed tags)."""
    tags: dict[str, str] = {}
    closers: dict[str, tuple[int, int]] = {}  # name → (start, end) of its next closer at or after the last look
    pos = 0
    while m := _OPEN_TAG.search(doc, pos):
        name = m.group(1)
        close, end = closers.get(name, (-2, 0))
        if close == -2 or (close != -1 and close < m.end()):
            close = doc.find("</" + name, m.end())
            while close != -1 and not (found := _CLOSE_END.match(doc, close + 2 + len(name))):
                close = doc.find("</" + name, close + 1)
            end = found.end() if close != -1 else 0
            closers[name] = (close, end)
        if close == -1:  # never closed: look for the next tag from the next character on
            pos = m.start() + 1
            continue
        tags.setdefault(name.upper(), doc[m.end():close])
        pos = end
    return tags


def _docs(text: str) -> tuple[list[tuple[str, str]], int]:
    """(attributes, inner text) of each <DOC>…</DOC> (an opener pairs with the first closer after it; of
    several openers before one closer, the last), and how many openers were never closed."""
    opens = list(_DOC_OPEN.finditer(text))
    docs: list[tuple[str, str]] = []
    unclosed = i = 0
    for close in _DOC_CLOSE.finditer(text):
        j = i
        while j < len(opens) and opens[j].end() <= close.start():
            j += 1
        if j > i:  # a closer with no opener since the last one is stray: ignored
            docs.append((opens[j - 1].group(1), text[opens[j - 1].end():close.start()]))
            unclosed += j - i - 1
            i = j
    return docs, unclosed + len(opens) - i


def _tag_text(raw: str) -> str:
    """Text of a TREC element: inner tags dropped (<P> ends a line), entities decoded, lines trimmed."""
    if not raw:
        return ""
    if "<" in raw:
        raw = _INNER_TAG.sub("", _BLOCK_END.sub("\n", raw))
    raw = html.unescape(raw)
    text = "\n".join(ln.strip() for ln in raw.replace("\r\n", "\n").split("\n"))
    return (_BLANK_LINES.sub("\n\n", text) if "\n\n\n" in text else text).strip()


def read_trec(text: str, name: str, limits: Limits = LIMITS) -> Iterator[Item]:
    """Articles from TREC-style XML <DOC> elements (read leniently: stray & and < are common in ANT)."""
    docs, unclosed = _docs(text)
    if not docs:
        yield Issue(name, "malformed TREC XML: <DOC> is never closed" if unclosed else
                    "not TREC-style XML: no <DOC> element")
        return
    if unclosed:
        yield Issue(name, f"malformed TREC XML: {unclosed} <DOC> element(s) not closed; "
                          f"read the {len(docs)} complete one(s)")
    for n, (attrs, inner) in enumerate(docs, start=1):
        tags = _tags(inner)
        docno = _tag_text(tags.get("DOCNO", "")) or (_DOC_ID.search(attrs or "") or [None, None])[1]
        where = name if len(docs) == 1 else f"{name}#{docno or n}"
        body = _tag_text(tags.get("TEXT", "")) or _tag_text(tags.get("ABSTRACT", ""))
        if "TEXT" not in tags and "ABSTRACT" not in tags:
            yield Issue(where, "malformed TREC XML: <DOC> without a <TEXT> element")
            continue
        meta = {"docno": docno} if docno else {}
        date = None
        for role, names in _TREC_FIELDS.items():
            for tag in names:
                value = _tag_text(tags.get(tag, ""))
                if value:
                    if role == "published":
                        date = value
                    else:
                        meta[role] = value
                    break
        if date is None and docno and (m := re.search(r"(?:^|[-_.])((?:19|20)\d{6})(?:$|[-_.])", docno)):
            date = m.group(1)  # ANT's DOCNO ends in the publication day: AL-culture-1-20180218
        yield from make_article(body, meta, where, limits, date=date, date_field="TIME")


def read_xml(data: bytes, name: str, limits: Limits = LIMITS) -> Iterator[Item]:
    """A TREC-style XML file."""
    text, issues = _decode(data, name)
    yield from issues
    if text is not None:
        yield from read_trec(text, name, limits)


def read_bytes(data: bytes, name: str, mapping: dict[str, str] | None = None, limits: Limits = LIMITS,
               sidecar: tuple[bytes, str] | None = None, depth: int = 0) -> Iterator[Item]:
    """Every article in one file's bytes, by its name's suffix (archives included); a file that yields
    nothing at all (a CSV with a header only) gets a warning saying so."""
    found = False
    for item in _valid(_read_bytes(data, name, mapping, limits, sidecar, depth)):
        found = True
        yield item
    if not found:
        yield Issue(clean_text(name)[0], "no articles found in it", "warning")


def _valid(items: Iterable[Item]) -> Iterator[Item]:
    """The items with valid Unicode in every name and message (a message may quote a field name or value
    holding a lone surrogate; printing or storing it would fail). Articles are made valid by make_article."""
    for item in items:
        if isinstance(item, Issue):
            name, bad_name = clean_text(item.name)
            message, bad_message = clean_text(item.message)
            if bad_name or bad_message:
                item = Issue(name, message, item.level)
        yield item


def _read_bytes(data: bytes, name: str, mapping: dict[str, str] | None, limits: Limits,
                sidecar: tuple[bytes, str] | None, depth: int) -> Iterator[Item]:
    """read_bytes without the 'nothing found' check: dispatch by suffix."""
    mapping = mapping or {}
    suf = suffix_of(name)
    if len(data) > limits.max_file_bytes and suf not in ARCHIVE_SUFFIXES:
        yield Issue(name, f"file is {len(data) / MB:.1f} MB, over the {limits.max_file_bytes / MB:.0f} MB limit")
        return
    if suf in ZIP_SUFFIXES or suf in TAR_SUFFIXES:
        if depth >= limits.max_depth:
            yield Issue(name, "archive inside an archive: not read (extract the outer one first)")
            return
        kind = "zip" if suf in ZIP_SUFFIXES else "tar"
        yield from read_archive(io.BytesIO(data), name, kind, mapping, limits, depth)
    elif suf in TEXT_SUFFIXES:
        yield from read_text_article(data, name, sidecar, limits)
    elif suf in HTML_SUFFIXES:
        yield from read_html(data, name, limits)
    elif suf in JSONL_SUFFIXES:
        yield from read_jsonl(data, name, mapping, limits)
    elif suf in JSON_SUFFIXES:
        yield from read_json(data, name, mapping, limits)
    elif suf in CSV_SUFFIXES:
        yield from read_csv(data, name, mapping, limits)
    elif suf in XML_SUFFIXES:
        yield from read_xml(data, name, limits)
    else:
        yield Issue(name, f"unsupported file type {suf or '(no suffix)'!r}; supported: {', '.join(SUPPORTED)}")


# ------------------------------------------------------------------------------------------ archives

@dataclass
class Member:
    """One archive member: its name, expanded size, and how to read it (at most `limit` bytes)."""

    name: str
    size: int
    read: Callable[[int], bytes]
    problem: str | None = None  # unsafe path, link …: reported instead of read


def _unsafe(name: str) -> str | None:
    """Why a member path is unsafe to honour (absolute, ../), or None."""
    norm = name.replace("\\", "/")
    if norm.startswith("/") or re.match(r"[A-Za-z]:", norm):
        return "absolute path"
    if ".." in norm.split("/"):
        return "path leads outside the archive (../)"
    return None


def _read_capped(fh, limit: int) -> bytes:
    """At most limit+1 bytes, read in chunks so a lying header cannot make us hold more."""
    chunks, got = [], 0
    while got <= limit:
        chunk = fh.read(min(MB, limit + 1 - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _capped(members: Iterable[Member], name: str, limits: Limits, issues: list[Issue]) -> list[Member]:
    """The members within the archive caps (count, total expanded size); an Issue when a cap stops us."""
    kept: list[Member] = []
    total = 0
    for m in members:
        if len(kept) >= limits.max_archive_members:
            issues.append(Issue(name, f"archive has more than {limits.max_archive_members:,} members; only the "
                                      f"first {limits.max_archive_members:,} are read"))
            break
        if _will_read(m, limits):  # a member skipped unread (oversize, unsafe, not an article) costs nothing
            total += m.size
        if total > limits.max_archive_bytes:
            issues.append(Issue(name, f"archive expands to more than {limits.max_archive_bytes / MB:,.0f} MB "
                                      f"(zip bomb?); stopped after {len(kept)} members"))
            break
        kept.append(m)
    return kept


def _zip_members(zf: zipfile.ZipFile) -> Iterator[Member]:
    """The file members of a zip, from its central directory."""
    for info in zf.infolist():
        if info.is_dir():
            continue
        problem = _unsafe(info.filename) or ("encrypted member" if info.flag_bits & 0x1 else None)

        def read(limit: int, info=info) -> bytes:
            with zf.open(info) as fh:  # zipfile stops at the size the header declares
                return _read_capped(fh, limit)
        yield Member(info.filename, info.file_size, read, problem)


def _tar_members(tf: tarfile.TarFile, name: str, issues: list[Issue]) -> Iterator[Member]:
    """The members of a tar, header by header; damage after a good member becomes an Issue."""
    while True:
        try:
            info = tf.next()  # one header: a huge member is seen (and capped) before its data is expanded
        except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
            issues.append(Issue(name, f"archive is damaged after its last good member ({exc})"))
            return
        if info is None:
            return
        if info.isdir():
            continue
        problem = _unsafe(info.name)
        if not info.isfile():
            kind = "link" if info.issym() or info.islnk() else "special file"
            problem = problem or f"{kind} member (only regular files are read)"

        def read(limit: int, info=info) -> bytes:
            fh = tf.extractfile(info)
            return _read_capped(fh, limit) if fh else b""
        yield Member(info.name, info.size if info.isfile() else 0, read, problem)


def read_archive(fileobj, name: str, kind: str, mapping: dict[str, str], limits: Limits = LIMITS,
                 depth: int = 0) -> Iterator[Item]:
    """Articles in a zip or tar archive, read member by member in memory (never extracted), within the
    limits; members listed first (headers only) so caps apply before anything is expanded."""
    issues: list[Issue] = []
    try:
        archive = zipfile.ZipFile(fileobj) if kind == "zip" else tarfile.open(fileobj=fileobj, mode="r:*")
    except (zipfile.BadZipFile, tarfile.TarError, OSError, EOFError, ValueError) as exc:
        yield Issue(name, f"not a readable {kind} archive ({exc})")
        return
    with archive:
        listed = _zip_members(archive) if kind == "zip" else _tar_members(archive, name, issues)
        members = _capped(listed, name, limits, issues)
        yield from issues
        names = {m.name for m in members if not m.problem}
        pending: dict[str, tuple[bytes, str]] = {}  # texts waiting for a sidecar listed after them
        sidecars: dict[str, tuple[bytes, str]] = {}  # sidecars listed before their text
        for m in members:
            yield from _archive_member(m, name, mapping, limits, depth, names, pending, sidecars)
        for data, where in pending.values():  # the sidecar was listed but could not be read
            yield from read_text_article(data, where, None, limits)


def _will_read(m: Member, limits: Limits) -> bool:
    """Will this member's data be expanded (a safe article file within the per-file limit)?"""
    return (not m.problem and not _ignorable(m.name) and suffix_of(m.name) in SUPPORTED
            and m.size <= limits.max_file_bytes)


def _ignorable(member: str) -> bool:
    """Hidden files and macOS resource forks that archives carry along."""
    base = posixpath.basename(member)
    return base.startswith(".") or member.startswith("__MACOSX/") or "/__MACOSX/" in member


def _archive_member(m: Member, archive: str, mapping: dict[str, str], limits: Limits, depth: int,
                    names: set[str], pending: dict, sidecars: dict) -> Iterator[Item]:
    """The articles in one archive member (a .txt waits for its sidecar when one is listed)."""
    member, note = file_name(m.name)  # tar keeps names that are not UTF-8 as surrogates
    where = f"{archive}!{member}"
    if note:
        yield Issue(where, note, "warning")
    if m.problem:
        yield Issue(where, f"unsafe archive member ({m.problem}); skipped")
        return
    if _ignorable(m.name):
        return
    suf = suffix_of(m.name)
    if suf not in SUPPORTED:
        yield Issue(where, "not an article file; ignored", "ignored")
        return
    if m.size > limits.max_file_bytes:
        yield Issue(where, f"member expands to {m.size / MB:,.0f} MB, over the {limits.max_file_bytes / MB:.0f} MB "
                           "limit per file (zip bomb?); skipped, the rest of the archive is read", "warning")
        return
    try:
        data = m.read(limits.max_file_bytes)
    except (zipfile.BadZipFile, tarfile.TarError, OSError, EOFError, RuntimeError, NotImplementedError,
            ValueError) as exc:
        yield Issue(where, f"member cannot be read ({exc})")
        return
    if len(data) > limits.max_file_bytes:
        yield Issue(where, f"member expands past the {limits.max_file_bytes / MB:.0f} MB limit per file "
                           "(zip bomb?); skipped, the rest of the archive is read", "warning")
        return
    stem, ext = posixpath.splitext(m.name)
    if suf == ".json" and any(stem + e in names for e in (".txt", ".TXT", ".Txt")):
        if stem in pending:
            text, twhere = pending.pop(stem)
            yield from read_text_article(text, twhere, (data, where), limits)
        else:
            sidecars[stem] = (data, where)
        return
    if suf == ".txt":
        if stem in sidecars:
            yield from read_text_article(data, where, sidecars.pop(stem), limits)
        elif stem + ".json" in names or stem + ".JSON" in names:
            pending[stem] = (data, where)
        else:
            yield from read_text_article(data, where, None, limits)
        return
    yield from read_bytes(data, where, mapping, limits, depth=depth + 1)


# -------------------------------------------------------------------------------------- files, folders

def _is_sidecar(path: Path) -> bool:
    """Is this .json the metadata sidecar of a .txt beside it?"""
    return path.suffix.lower() == ".json" and (path.with_suffix(".txt").exists() or path.with_suffix(".TXT").exists())


def folder_files(folder: Path) -> list[Path]:
    """Files under a folder, sorted, hidden files and sidecars left out (links to folders not followed)."""
    out: list[Path] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            p = Path(root) / f
            if not f.startswith(".") and not _is_sidecar(p):
                out.append(p)
    return out


def read_file(path: Path, mapping: dict[str, str] | None = None, limits: Limits = LIMITS) -> Iterator[Item]:
    """Every article in one file on disk (archives read from disk member by member)."""
    yield from _valid(_read_file(path, mapping, limits))


def _read_file(path: Path, mapping: dict[str, str] | None, limits: Limits) -> Iterator[Item]:
    """read_file, its names not checked yet (but the file's own name made text, with a warning)."""
    name, note = file_name(str(path))
    if note:
        yield Issue(name, note, "warning")
    suf = suffix_of(path.name)
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield Issue(name, f"cannot read ({exc.strerror or exc})")
        return
    if suf in ARCHIVE_SUFFIXES:
        try:
            fh = open(path, "rb")
        except OSError as exc:
            yield Issue(name, f"cannot read ({exc.strerror or exc})")
            return
        with fh:
            yield from read_archive(fh, name, "zip" if suf in ZIP_SUFFIXES else "tar", mapping or {}, limits)
        return
    if size > limits.max_file_bytes:
        yield Issue(name, f"file is {size / MB:.1f} MB, over the {limits.max_file_bytes / MB:.0f} MB limit")
        return
    if _is_sidecar(path):
        yield Issue(name, f"metadata sidecar of {path.with_suffix('.txt').name}: read with that file, not alone",
                    "warning")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Issue(name, f"cannot read ({exc.strerror or exc})")
        return
    sidecar = None
    if suf == ".txt":
        side = path.with_suffix(".json")
        if side.exists() and side != path:
            try:
                sidecar = (side.read_bytes(), file_name(str(side))[0])
            except OSError as exc:
                yield Issue(name, f"metadata sidecar {side} cannot be read ({exc.strerror or exc})")
                return
    yield from read_bytes(data, name, mapping, limits, sidecar=sidecar)


def read_paths(paths: Iterable[Path], mapping: dict[str, str] | None = None,
               limits: Limits = LIMITS) -> Iterator[Item]:
    """Every article under the paths (files, folders, archives), problems as Issues in the stream."""
    yield from _valid(_read_paths(paths, mapping, limits))


def _read_paths(paths: Iterable[Path], mapping: dict[str, str] | None, limits: Limits) -> Iterator[Item]:
    """read_paths, its names not checked yet."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files = folder_files(path)
            if not files:
                yield Issue(str(path), "folder holds no files", "warning")
            for f in files:
                if suffix_of(f.name) in SUPPORTED:
                    yield from read_file(f, mapping, limits)
                else:
                    yield Issue(str(f), "not an article file; ignored", "ignored")
        elif path.exists():
            yield from read_file(path, mapping, limits)
        else:
            yield Issue(str(path), "no such file or folder")


class ReadError(ValueError):
    """A file that does not hold exactly one readable article; the message names the file and why."""


def read_article(path: Path, mapping: dict[str, str] | None = None) -> RawArticle:
    """The one article of a file (a .txt with its sidecar, a page, a one-record file), warnings ignored."""
    items = list(read_file(Path(path), mapping))
    articles = [i for i in items if isinstance(i, RawArticle)]
    if len(articles) != 1:
        why = "; ".join(str(i) for i in items if isinstance(i, Issue) and i.level == "error")
        raise ReadError(why or f"{path}: holds {len(articles)} articles, not one")
    return articles[0]
