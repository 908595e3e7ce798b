"""The importer and the `--add` command: counts, duplicates, summary, progress, workers, field mapping;
`--jsonl` unchanged; and the "Add articles" page driven through AppTest."""
from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest

from lib.corpus import importer
from lib.corpus.readers import RawArticle
from lib.corpus.importer import ImportReport, import_items, import_paths, import_uploads
from lib.ingest import main
from lib.corpus.store import Store

ROOT = Path(__file__).parent.parent
FIX = Path(__file__).parent / "fixtures" / "import"
GOOD, BAD, MAPPED = FIX / "good", FIX / "bad", FIX / "mapped"
AR = "قال وزير الخارجية إن «الحل في سوريا سياسي» وأضاف أن المحادثات ستستأنف في جنيف."


def test_import_folder_then_again_is_a_no_op(tmp_path):
    store = tmp_path / "store"
    first = import_paths([GOOD], store_dir=store)
    assert (first.added, first.duplicates, first.failed) == (11, 0, [])
    assert len(first.added_ids) == 11 and first.read == 11
    again = import_paths([GOOD], store_dir=store)
    assert (again.added, again.duplicates) == (0, 11)
    arts = Store(store).load(("articles",))["articles"]
    assert len(arts) == 11
    row = arts[arts["source_file"] == str(GOOD / "records.json") + "[0]"].iloc[0]
    assert (row["title"], row["published"], row["source"]) == ("إعادة فتح طريق حمص", "2015-07-21", "testpaper")


def test_articles_carry_their_metadata_into_the_store(tmp_path):
    import_paths([GOOD / "trec.xml", GOOD / "page.html"], store_dir=tmp_path)
    arts = Store(tmp_path).load(("articles",))["articles"].set_index("source_file")
    trec = arts.loc[f"{GOOD / 'trec.xml'}#TS-middleEast-1-20180301"]
    assert (trec["published"], trec["source"], trec["url"]) == ("2018-03-01", "testsource",
                                                                "https://example.org/aleppo?a=1&b=2")
    page = arts.loc[str(GOOD / "page.html")]
    assert page["published"] == "2017-09-14" and page["title"] == "اشتباكات قرب دير الزور"


def test_summary_line_then_warnings_then_failures():
    rep = ImportReport(added=3, duplicates=1, failed=[("a.txt", "file is empty")],
                       warnings=[("b.txt", "not UTF-8: decoded as Windows-1256")], seconds=2.0, read=5)
    lines = rep.summary().split("\n")
    assert lines[0].startswith("added 3, duplicates skipped 1, failed 1, warnings 1")
    assert "articles/s" in lines[0]
    assert lines[1:] == ["  warning: b.txt: not UTF-8: decoded as Windows-1256", "  failed: a.txt: file is empty"]


def test_progress_reports_every_article(tmp_path):
    seen = []
    import_paths([GOOD], store_dir=tmp_path, progress=lambda done, total, name: seen.append((done, total, name)))
    assert [d for d, _, _ in seen] == list(range(1, 12))
    assert all(total is None for _, total, _ in seen)  # a stream from disk: no total known
    assert seen[0][2] == str(GOOD / "article.txt")


def test_uploads_have_a_known_total_and_pair_sidecars(tmp_path):
    files = [(p.name, p.read_bytes()) for p in sorted(GOOD.iterdir())]
    seen = []
    rep = import_uploads(files, store_dir=tmp_path, progress=lambda d, t, n: seen.append((d, t)))
    assert rep.added == 11 and not rep.failed
    assert seen[-1] == (11, 11)
    arts = Store(tmp_path).load(("articles",))["articles"].set_index("source_file")
    assert arts.loc["article.txt", "published"] == "2017-10-22"  # from article.json uploaded beside it


def test_batches_split_at_batch_size(tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "BATCH", 4)
    import_paths([GOOD], store_dir=tmp_path)
    assert len(list((tmp_path / "manifests").glob("*.json"))) == 3  # 4 + 4 + 3


def test_workers_give_the_same_store_as_one_process(tmp_path):
    one = import_paths([GOOD, BAD], store_dir=tmp_path / "one", workers=1)
    two = import_paths([GOOD, BAD], store_dir=tmp_path / "two", workers=2)
    assert (one.added, one.duplicates, sorted(one.failed), sorted(one.warnings)) == \
        (two.added, two.duplicates, sorted(two.failed), sorted(two.warnings))
    cols = ["article_id", "title", "published", "body"]
    a = Store(tmp_path / "one").load(("articles",))["articles"][cols].sort_values("article_id")
    b = Store(tmp_path / "two").load(("articles",))["articles"][cols].sort_values("article_id")
    assert a.reset_index(drop=True).equals(b.reset_index(drop=True))
    sa = Store(tmp_path / "one").load(("statements",))["statements"]
    sb = Store(tmp_path / "two").load(("statements",))["statements"]
    assert sorted(sa["statement_id"]) == sorted(sb["statement_id"])


def test_limit_stops_reading(tmp_path):
    rep = import_paths([GOOD], store_dir=tmp_path, limit=3)
    assert rep.read == 3 and rep.added == 3


def test_analysis_crash_fails_that_article_only(tmp_path, monkeypatch):
    real = importer.analyse

    def flaky(text, meta=None, source_file=""):
        if "جنيف" in text:
            raise IndexError("boom")
        return real(text, meta, source_file)

    monkeypatch.setattr(importer, "analyse", flaky)
    rep = import_items([RawArticle(AR, {}, "geneva.txt"), RawArticle(AR.replace("جنيف", "فيينا"), {}, "vienna.txt")],
                       store_dir=tmp_path)
    assert rep.failed == [("geneva.txt", "analysis failed (IndexError: boom)")] and rep.added == 1


# ---------------------------------------------------------------------------------------------------- CLI

def test_cli_add_prints_summary_and_progress(tmp_path, capsys):
    status = main(["--add", str(GOOD), str(BAD / "empty.txt"), "--store", str(tmp_path), "--workers", "1",
                   "--progress-every", "5"])
    out, err = capsys.readouterr()
    assert status == 1  # one file failed
    lines = out.strip().split("\n")
    assert lines[0] == f"store: {tmp_path}"  # the summary names the store it wrote
    assert lines[1].startswith("added 11, duplicates skipped 0, failed 1")
    assert lines[-1] == f"  failed: {BAD / 'empty.txt'}: file is empty"
    assert err.count("articles,") == 2 and "… 5 articles" in err  # a progress line every 5 articles


def test_cli_add_exit_zero_when_nothing_failed(tmp_path, capsys):
    assert main(["--add", str(GOOD / "article.txt"), "--store", str(tmp_path), "--progress-every", "0"]) == 0
    assert capsys.readouterr().err == ""


def test_cli_field_mapping(tmp_path, capsys):
    assert main(["--add", str(MAPPED), "--store", str(tmp_path)]) == 1
    assert "--map text=COLUMN" in capsys.readouterr().out
    assert main(["--add", str(MAPPED), "--store", str(tmp_path), "--map", "text=matn", "--map", "title=unwan",
                 "--map", "date=tarikh"]) == 0
    arts = Store(tmp_path).load(("articles",))["articles"]
    assert list(arts["published"]) == ["2017-10-21"] and list(arts["title"]) == ["مجلس الرقة يعلن خطة لإعادة الإعمار (2)"]


def test_cli_bad_mapping_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--add", str(GOOD), "--store", str(tmp_path), "--map", "words=content"])
    assert exc.value.code == 2 and "unknown role" in capsys.readouterr().err


def test_cli_add_archive(tmp_path, capsys):
    zpath = tmp_path / "corpus.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        for p in sorted(GOOD.iterdir()):
            zf.write(p, f"corpus/{p.name}")
    assert main(["--add", str(zpath), "--store", str(tmp_path / "s"), "--workers", "2"]) == 0
    assert capsys.readouterr().out.split("\n")[1].startswith("added 11, duplicates skipped 0, failed 0")


def test_jsonl_export_one_line_per_article_file(capsys):
    """--jsonl is scored by ../shared/eval/score.py: one JSON line per article file, errors included."""
    files = [str(GOOD / "article.txt"), str(BAD / "empty.txt"), str(GOOD / "cp1256.txt")]
    status = main(["--jsonl", *files])
    lines = capsys.readouterr().out.strip().split("\n")
    assert status == 1 and len(lines) == 3
    recs = [json.loads(ln) for ln in lines]
    assert [r["source_file"] for r in recs] == files
    assert recs[0]["published"] == "2017-10-22" and "statements" in recs[0]
    assert "error" in recs[1] and "file is empty" in recs[1]["error"]
    assert "الموصل" in recs[2]["body"]  # Windows-1256 is read as --add reads it


def test_jsonl_refuses_add_options(capsys):
    for extra in (["--workers", "2"], ["--limit", "1"], ["--store", "x"]):
        with pytest.raises(SystemExit):
            main(["--jsonl", str(GOOD / "article.txt"), *extra])


# --------------------------------------------------------------------------------------------------- page

@pytest.fixture
def page(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("RASD_STORE", str(tmp_path / "store"))
    at = AppTest.from_file(str(ROOT / "pages" / "add_articles.py"), default_timeout=60)
    return at.run()


def test_page_paste_preview_then_add(page, tmp_path):
    at = page
    assert not at.exception
    at.text_area(key="paste_text").set_value(AR + "\nوقال المبعوث إن «الجولة المقبلة ستكون في الرقة».")
    at.text_input(key="paste_title").set_value("محادثات <b>جنيف</b>")
    at.date_input(key="paste_date").set_value(dt.date(2017, 7, 7))
    at.run()
    assert not at.exception
    html = "\n".join(h.proto.body for h in at.html)
    assert "<mark" in html and 'dir="rtl"' in html
    assert "محادثات &lt;b&gt;جنيف&lt;/b&gt;" in html and "<b>جنيف</b>" not in html  # escaped
    assert "الرقة" in html  # places listed
    at.button(key="paste_add").click().run()
    assert not at.exception
    assert at.success and at.success[0].value.startswith("added 1,")
    arts = Store(tmp_path / "store").load(("articles",))["articles"]
    assert list(arts["published"]) == ["2017-07-07"] and list(arts["title"]) == ["محادثات <b>جنيف</b>"]


def test_page_upload_preview_errors_and_add(page, tmp_path):
    at = page
    files = [(p.name, p.read_bytes(), "application/octet-stream") for p in
             (GOOD / "records.json", GOOD / "trec.xml", BAD / "empty.txt", BAD / "english.txt")]
    at.file_uploader(key="upload_files").set_value(files)
    at.run()
    assert not at.exception
    assert at.metric[0].value == "5"
    errors = "\n".join(c.value for c in at.code)
    assert "empty.txt: file is empty" in errors
    at.button(key="upload_add").click().run()
    assert not at.exception
    assert at.success[0].value.startswith("added 4,")  # english.txt skipped with a warning
    assert "english.txt: not Arabic text" in "\n".join(c.value for c in at.code)
    assert len(Store(tmp_path / "store").load(("articles",))["articles"]) == 4


def test_many_warnings_are_grouped_by_kind_failures_never():
    rep = ImportReport(warnings=[(f"c.json[{n}]", "empty article text; skipped") for n in range(25)],
                       failed=[(f"f{n}.txt", "file is empty") for n in range(25)])
    lines = rep.summary().split("\n")
    assert lines[1] == "  warning ×25: empty article text; skipped (c.json[0], c.json[1], c.json[2], …)"
    assert len(lines) == 1 + 1 + 25 and lines[-1] == "  failed: f24.txt: file is empty"


def test_a_sidecar_named_alone_is_a_warning_not_a_failure(tmp_path):
    rep = import_paths([GOOD / "article.json"], store_dir=tmp_path)
    assert rep.added == 0 and not rep.failed
    assert rep.warnings == [(str(GOOD / "article.json"), "metadata sidecar of article.txt: read with that file, "
                                                         "not alone")]
