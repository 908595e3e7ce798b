"""Real corpora import as they are: SaudiNewsNet zips (JSON arrays) and ANT tarballs (TREC <DOC> files).

Read in place from ../shared/corpora (research-only licences: never copied into the repository; these tests
assert on counts and shapes, not on article text). Skipped when ../shared is absent (a fresh clone).
"""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from lib.corpus.readers import Issue, RawArticle, read_paths
from lib.corpus.importer import import_paths
from lib.corpus.store import Store

CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
SNN = CORPORA / "saudinewsnet" / "dataset" / "2015-07-23.zip"
ANT2 = CORPORA / "ant" / "ant-v2.1-multisource.tar.gz"
ANT1 = CORPORA / "ant" / "ant-v1.1-jawharafm.tar.gz"
SNN_SOURCES = {"aawsat", "aleqtisadiya", "aljazirah", "almadina", "alriyadh", "alwatan", "alweeam", "alyaum",
               "arreyadi", "arreyadiyah", "okaz", "sabq", "was", "3alyoum"}
DAY = re.compile(r"\d{4}-\d{2}-\d{2}$")

pytestmark = [pytest.mark.corpora,
              pytest.mark.skipif(not CORPORA.exists(), reason="../shared/corpora is absent (a fresh clone)")]


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return path


def test_saudinewsnet_zip_reads_every_record():
    zpath = need(SNN)
    with zipfile.ZipFile(zpath) as zf:
        (member,) = zf.namelist()
        expected = len(json.loads(zf.read(member)))
    items = list(read_paths([zpath]))
    arts = [i for i in items if isinstance(i, RawArticle)]
    problems = [i for i in items if isinstance(i, Issue)]
    assert not [i for i in problems if i.level == "error"]
    assert len(arts) + len(problems) == expected  # every record is an article or a named warning (empty text)
    assert all(a.name.startswith(f"{zpath}!{member}[") for a in arts)
    assert {a.meta["published"] for a in arts} <= {"2015-07-22", "2015-07-23"}  # date_extracted, crawl day
    assert {a.meta["source"] for a in arts} <= SNN_SOURCES
    assert sum(1 for a in arts if a.meta.get("title")) > 0.9 * len(arts)


def test_saudinewsnet_zip_imports_capped(tmp_path):
    zpath = need(SNN)
    report = import_paths([zpath], store_dir=tmp_path, limit=300, workers=2)
    assert not report.failed, report.summary()
    assert report.read == 300
    not_arabic = sum(1 for _, why in report.warnings if why.startswith("not Arabic"))
    assert report.added + report.duplicates + not_arabic == 300  # (empty records are warned before reading)
    data = Store(tmp_path).load(("articles", "statements"))
    arts = data["articles"]
    assert len(arts) == report.added > 250
    assert arts["published"].str.match(DAY).all() and set(arts["source"]) <= SNN_SOURCES
    assert len(data["statements"]) > len(arts)  # news reports speech: more statements than articles


@pytest.mark.parametrize("tarball, docs", [(ANT2, 60), (ANT1, 60)])
def test_ant_tarball_imports_a_few_docs(tmp_path, tarball, docs):
    report = import_paths([need(tarball)], store_dir=tmp_path, limit=docs)
    assert not report.failed, report.summary()
    assert report.read == docs
    arts = Store(tmp_path).load(("articles",))["articles"]
    assert len(arts) >= docs - 5
    assert arts["published"].str.match(DAY).all()
    assert arts["source"].notna().all() and arts["title"].notna().all() and arts["url"].str.startswith("http").all()
    assert arts["source_file"].str.contains(r"\.tar\.gz!.+\.txt$").all()


def test_ant_v1_every_doc_reads_with_its_date():
    """All 10,161 Jawhara FM docs: TIME in three layouts (ISO, day/month/year, compact), stray & and <."""
    items = list(read_paths([need(ANT1)]))
    arts = [i for i in items if isinstance(i, RawArticle)]
    errors = [i for i in items if isinstance(i, Issue) and i.level == "error"]
    empty = [i for i in items if isinstance(i, Issue) and "empty article text" in i.message]
    assert not errors
    assert len(arts) + len(empty) == 10_161
    assert all(DAY.match(a.meta.get("published", "")) for a in arts)
    # DOCNO ends in the publication day (YYYYMMDD, or DDMMYYYY in some); TIME must agree with it
    def agrees(a: RawArticle) -> bool:
        y, m, d = a.meta["published"].split("-")
        return a.meta.get("docno", "").endswith((y + m + d, d + m + y))
    agree = sum(1 for a in arts if agrees(a))
    assert agree > 0.99 * len(arts)
    ignored = {i.name.rsplit("!", 1)[1] for i in items if isinstance(i, Issue) and i.level == "ignored"}
    assert ignored == {"README.md", "LICENSE"}
