"""Import formats and decoding: each format read from real files into (text, meta, name) records."""
from __future__ import annotations

import codecs
import io
import json
import tarfile
import zipfile
from pathlib import Path

import pytest

from lib.text.decoding import DecodeError, arabic_share, decode_bytes
from lib.corpus.readers import (Issue, MappingError, RawArticle, parse_date, parse_mapping, read_bytes, read_paths,
                         suffix_of)

FIX = Path(__file__).parent / "fixtures" / "import"
GOOD, BAD, MAPPED = FIX / "good", FIX / "bad", FIX / "mapped"
AR = "قال وزير الخارجية إن «الحل في سوريا سياسي» وأضاف أن المحادثات ستستأنف في جنيف."


def articles(items) -> list[RawArticle]:
    return [i for i in items if isinstance(i, RawArticle)]


def issues(items, level: str | None = None) -> list[Issue]:
    return [i for i in items if isinstance(i, Issue) and (level is None or i.level == level)]


def read(path: Path, **kw) -> list:
    return list(read_paths([path], **kw))


# --------------------------------------------------------------------------------------------- decoding

@pytest.mark.parametrize("raw, encoding", [
    (AR.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + AR.encode("utf-8"), "utf-8-sig"),
    (AR.encode("utf-16"), "utf-16-le"),  # Python writes a BOM, little-endian
    (codecs.BOM_UTF16_BE + AR.encode("utf-16-be"), "utf-16-be"),
    (AR.encode("utf-16-le"), "utf-16-le"),  # no BOM: told by where the 0x06 high bytes fall
    (AR.encode("utf-16-be"), "utf-16-be"),
    (AR.encode("utf-32"), "utf-32-le"),
    (AR.encode("cp1256"), "cp1256"),
    ("قال".encode("cp1256"), "cp1256"),  # even a three-letter text
    (AR.replace("\n", "\r\n").encode("cp1256") * 50, "cp1256"),
])
def test_decode_arabic_in_every_common_encoding(raw, encoding):
    dec = decode_bytes(raw)
    assert dec.encoding == encoding
    assert dec.text.replace("\r\n", "\n").startswith(AR[:3] if len(raw) > 10 else "قال")


@pytest.mark.parametrize("raw, problem", [
    (b"", "empty"),
    (b"  \r\n\t\n", "empty"),
    (codecs.BOM_UTF8, "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    (bytes(range(1, 32)) * 20, "binary"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "not valid UTF-16"),  # a lone surrogate after the BOM
])
def test_decode_refuses_empty_and_binary(raw, problem):
    with pytest.raises(DecodeError, match=problem):
        decode_bytes(raw)


def test_arabic_share():
    assert arabic_share(AR) > 0.95
    assert arabic_share("The council met on Sunday.") == 0.0
    assert arabic_share("12345 !!") == 0.0
    assert 0.3 < arabic_share("قال الرئيس Macron إن الوضع صعب") < 0.9


# ------------------------------------------------------------------------------------------------ dates

@pytest.mark.parametrize("value, day", [
    ("2015-07-21 02:51:32", "2015-07-21"),  # SaudiNewsNet date_extracted
    ("2017-07-07", "2017-07-07"),
    ("2018-02-18T21:35:43+04:00", "2018-02-18"),
    ("2017-01-25T14:36:00+01:00", "2017-01-25"),  # ANT v1.1 TIME
    ("Sun, 18 Feb 2018 21:35:43 +0400", "2018-02-18"),  # ANT v2.1 TIME (RSS): the publisher's own day
    ("Mon, 26 Feb 2018 02:20:10 GMT", "2018-02-26"),
    ("17/05/2015", "2015-05-17"),  # ANT v1.1: day first
    ("05/17/2015", "2015-05-17"),  # month first only when day first is impossible
    ("2017/07/07", "2017-07-07"),
    ("20180218", "2018-02-18"),
    ("18 February 2018", "2018-02-18"),
    ("February 18, 2018", "2018-02-18"),
    (1437446492, "2015-07-21"),  # Unix seconds
    (1437446492000, "2015-07-21"),  # milliseconds
    ("2017-02-30", None),
    ("yesterday", None),
    ("", None),
    (None, None),
    (True, None),
    ("13/13/2015", None),
])
def test_parse_date(value, day):
    assert parse_date(value) == day


def test_parse_mapping():
    assert parse_mapping(["text=article_body", "date=pub_date", "Title = Headline"]) == {
        "text": "article_body", "published": "pub_date", "title": "Headline"}
    with pytest.raises(MappingError, match="unknown role"):
        parse_mapping(["words=content"])
    with pytest.raises(MappingError, match="ROLE=FIELD"):
        parse_mapping(["text"])


@pytest.mark.parametrize("name, suffix", [("a.TXT", ".txt"), ("x/y.tar.gz", ".tar.gz"), ("c.tgz", ".tgz"),
                                          ("README", ""), ("d.json", ".json")])
def test_suffix_of(name, suffix):
    assert suffix_of(name) == suffix


# ---------------------------------------------------------------------------------------------- formats

def test_txt_with_sidecar():
    (art,) = articles(read(GOOD / "article.txt"))
    assert art.meta == {"title": "مجلس الرقة يعلن خطة لإعادة الإعمار", "published": "2017-10-22",
                        "source": "Rasd tests", "url": "https://example.org/raqqa"}
    assert art.text.startswith("أعلن المجلس المحلي في مدينة الرقة")
    assert art.name == str(GOOD / "article.txt")


@pytest.mark.parametrize("name, label", [("cp1256.txt", "Windows-1256"), ("utf16.txt", "UTF-16")])
def test_txt_in_legacy_encodings_decoded_with_a_warning(name, label):
    items = read(GOOD / name)
    (art,) = articles(items)
    assert "المدينة" in art.text or "مدينة" in art.text
    (warn,) = issues(items, "warning")
    assert warn.name.endswith(name) and label in warn.message


def test_html_page_body_and_metadata_by_trafilatura():
    items = read(GOOD / "page.html")
    (art,) = articles(items)
    assert "اندلعت اشتباكات عنيفة قرب مدينة دير الزور" in art.text
    assert "جميع الحقوق محفوظة" not in art.text and "الرئيسية" not in art.text  # footer, navigation
    assert art.meta["title"] == "اشتباكات قرب دير الزور"
    assert art.meta["published"] == "2017-09-14"
    assert art.meta["url"] == "https://example.org/deir"


def test_html_in_windows_1256_declared_by_meta_charset():
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
            f'<title>خبر</title></head><body><article><p>{AR}</p><p>{AR[::-1]}</p></article></body></html>')
    (art,) = articles(read_bytes(page.encode("cp1256"), "page.htm"))
    assert AR[:20] in art.text


def test_json_array_saudinewsnet_fields():
    arts = articles(read(GOOD / "records.json"))
    assert [a.name for a in arts] == [f"{GOOD / 'records.json'}[0]", f"{GOOD / 'records.json'}[1]"]
    assert arts[0].meta == {"title": "إعادة فتح طريق حمص", "url": "https://example.org/homs",
                            "source": "testpaper", "published": "2015-07-21"}
    assert arts[1].meta["author"] == "مراسل"


def test_json_single_object_and_wrapped_array():
    one = {"title": "ت", "body": AR, "published": "2018-01-02"}
    (art,) = articles(read_bytes(json.dumps(one).encode(), "one.json"))
    assert art.meta["published"] == "2018-01-02" and art.text == AR
    wrapped = {"count": 2, "articles": [one, dict(one, body=AR + " ثانية")]}
    assert len(articles(read_bytes(json.dumps(wrapped).encode(), "w.json"))) == 2


def test_json_lines_saved_as_json_are_read_as_lines():
    data = "\n".join(json.dumps({"text": AR + str(n)}) for n in range(3)).encode()
    assert len(articles(read_bytes(data, "lines.json"))) == 3


def test_jsonl_field_names_found_by_role():
    arts = articles(read(GOOD / "records.jsonl"))
    assert [a.meta["title"] for a in arts] == ["نازحون جدد في إدلب", "اتفاق تهدئة في درعا"]
    assert arts[1].meta["published"] == "2018-02-26"  # from "Mon, 26 Feb 2018 02:20:10 GMT" in "date"
    assert arts[1].name.endswith("records.jsonl:line 2")


def test_csv_records():
    (art,) = articles(read(GOOD / "records.csv"))
    assert art.meta == {"title": "موسم الحمضيات في اللاذقية", "url": "https://example.org/latakia",
                        "source": "csvpaper", "published": "2015-05-17"}
    assert art.name.endswith("records.csv:line 2")


def test_csv_needs_a_mapping_for_unknown_columns_and_uses_it():
    (err,) = issues(read(MAPPED / "mapped.csv"))
    assert "unwan, matn, tarikh" in err.message and "--map text=" in err.message
    (art,) = articles(read(MAPPED / "mapped.csv",
                           mapping={"text": "matn", "title": "unwan", "published": "tarikh"}))
    assert art.meta == {"title": "مجلس الرقة يعلن خطة لإعادة الإعمار (2)", "published": "2017-10-21"}
    assert "«العمل سيبدأ" in art.text  # a quoted multi-line field read whole (semicolon-delimited)


def test_mapping_to_a_missing_field_fails_the_record():
    data = json.dumps([{"content": AR}]).encode()
    (err,) = issues(read_bytes(data, "x.json", {"text": "matn"}))
    assert "no field 'matn'" in err.message and err.name == "x.json[0]"


def test_tsv_and_bom():
    data = codecs.BOM_UTF8 + f"title\ttext\tdate\nعنوان\t{AR}\t2016-03-04\n".encode()
    (art,) = articles(read_bytes(data, "a.tsv"))
    assert art.meta == {"title": "عنوان", "published": "2016-03-04"} and art.text == AR


def test_trec_xml_ant_layout():
    arts = articles(read(GOOD / "trec.xml"))
    assert [a.meta["docno"] for a in arts] == ["TS-middleEast-1-20180301", "TS-middleEast-2-20180301"]
    a = arts[0]
    assert a.name == f"{GOOD / 'trec.xml'}#TS-middleEast-1-20180301"
    assert a.meta["title"] == "قافلة مساعدات تصل إلى حلب & أخبار"  # stray & read, not a parse error
    assert a.meta["url"] == "https://example.org/aleppo?a=1&b=2"
    assert a.meta["source"] == "testsource" and a.meta["published"] == "2018-03-01"
    assert "الساعات المقبلة" in a.text  # <TEXT>, not <ABSTRACT>


def test_trec_in_a_txt_file_and_ldc_style_doc():
    ldc = (f'<DOC id="AFP_ARB_20010101.0001" type="story">\n<HEADLINE>عنوان</HEADLINE>\n<TEXT>\n<P>\n{AR}\n</P>\n'
           f'<P>\nفقرة ثانية.\n</P>\n</TEXT>\n</DOC>\n')
    (art,) = articles(read_bytes(ldc.encode(), "afp.txt"))
    assert art.meta["title"] == "عنوان" and art.meta["docno"] == "AFP_ARB_20010101.0001"
    assert art.meta["published"] == "2001-01-01"  # from the id
    assert art.text == f"{AR}\n\nفقرة ثانية."


def test_folder_reads_every_format_and_pairs_sidecars():
    items = read(GOOD)
    names = [a.name for a in articles(items)]
    assert len(names) == 11
    assert not any(n.endswith("article.json") for n in names)  # a sidecar is not an article
    assert not issues(items, "error")


# --------------------------------------------------------------------------------------------- archives

def zip_of(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def tar_of(members: dict[str, bytes], mode: str = "w:gz") -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode) as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def fixture_members() -> dict[str, bytes]:
    return {f"corpus/{p.name}": p.read_bytes() for p in sorted(GOOD.iterdir())}


@pytest.mark.parametrize("maker, name", [(zip_of, "c.zip"), (tar_of, "c.tar.gz"),
                                         (lambda m: tar_of(m, "w"), "c.tar"), (lambda m: tar_of(m, "w:bz2"), "c.tbz2")])
def test_archive_of_every_format_same_records_as_the_folder(maker, name):
    folder = {a.name.rsplit("good/", 1)[1]: a for a in articles(read(GOOD))}
    items = list(read_bytes(maker(fixture_members()), name))
    got = {a.name.split("!corpus/", 1)[1]: a for a in articles(items)}
    assert got.keys() == folder.keys()
    for key, art in got.items():
        assert art.name.startswith(f"{name}!corpus/")
        assert (art.text, art.meta) == (folder[key].text, folder[key].meta)
    assert not issues(items, "error")


@pytest.mark.parametrize("order", [("a.txt", "a.json"), ("a.json", "a.txt")])
@pytest.mark.parametrize("maker, name", [(zip_of, "s.zip"), (tar_of, "s.tgz")])
def test_archive_sidecar_before_or_after_its_text(order, maker, name):
    files = {"a.txt": AR.encode(), "a.json": json.dumps({"title": "ع", "published": "2019-09-09"}).encode()}
    (art,) = articles(read_bytes(maker({n: files[n] for n in order}), name))
    assert art.meta == {"title": "ع", "published": "2019-09-09"} and art.name == f"{name}!a.txt"


def test_archive_ignores_readmes_and_system_files():
    data = zip_of({"README.md": b"# corpus", "LICENSE": b"Apache", "__MACOSX/._a.txt": b"\x00\x01",
                   ".DS_Store": b"\x00", "a.txt": AR.encode()})
    items = list(read_bytes(data, "r.zip"))
    assert len(articles(items)) == 1
    assert {i.name for i in issues(items, "ignored")} == {"r.zip!README.md", "r.zip!LICENSE"}
    assert not issues(items, "error")


def test_archive_inside_an_archive_is_not_read():
    inner = zip_of({"a.txt": AR.encode()})
    (err,) = issues(read_bytes(zip_of({"inner.zip": inner}), "outer.zip"))
    assert err.name == "outer.zip!inner.zip" and "archive inside an archive" in err.message


@pytest.mark.parametrize("data, name, level, message", [
    (b"title,content\n", "h.csv", "warning", "no articles found in it"),
    (b"[]", "e.json", "warning", "JSON array is empty"),
    (b"null", "n.json", "error", "JSON holds null; expected an array of article objects"),
    (b"[1]", "a.json", "error", "record is a JSON number, not an object with fields"),
    (b'[{"content": 5}]', "c.json", "error", "field 'content' is number, not text"),
    (b"<rss><item>x</item></rss>", "r.xml", "error", "not TREC-style XML: no <DOC> element"),
    (b"<DOC><DOCNO>x</DOCNO></DOC>", "d.xml", "error", "malformed TREC XML: <DOC> without a <TEXT> element"),
    (b"<html><head><title>t</title></head><body></body></html>", "p.html", "error", "no article text found"),
    (b"a,b\n1,2,3\n", "x.csv", "error", "CSV has no text column"),
    ("content\nنص,زائد\n".encode(), "y.csv", "error", "malformed CSV row: 2 fields, the header has 1"),
    (b"{}", "a.doc", "error", "unsupported file type '.doc'"),
])
def test_structural_problems_named(data, name, level, message):
    found = [i for i in read_bytes(data, name) if isinstance(i, Issue)]
    assert any(i.level == level and message in i.message and i.name.startswith(name) for i in found), found
