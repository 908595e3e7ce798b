"""Hostile and broken input (issue #13): every case goes in with a good article, into a store that already holds
the bundled one, and must end with no traceback, no hang, no good article lost, and a message naming the file.
Every hostile file is made here, in tmp_path."""
from __future__ import annotations

import io
import json
import os
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

from lib.corpus.importer import ImportReport, import_items, import_paths
from lib.corpus.readers import MB, Limits, read_bytes, read_paths
from lib.corpus.store import Store
from lib.ingest import main
from lib.lexicons import BUNDLED_ARTICLES
from lib.records import Issue, RawArticle
from lib.text.decoding import DecodeError, clean_text, decode_bytes, file_name, looks_mojibake, unmojibake

AR = ("قال المتحدث باسم الدفاع المدني إن «فرق الإنقاذ انتشلت عشرة أشخاص من تحت الأنقاض في حي الشعار بحلب». "
      "وأضاف أن العمل مستمر حتى ساعات الليل.")
MOJIBAKE = AR.encode("utf-8").decode("cp1256")  # ظ‚ط§ظ„ …: UTF-8 Arabic read as Windows-1256


def arabic(n: int) -> str:
    """A distinct good article."""
    return f"{AR}\nوقال مسؤول آخر إن عدد الضحايا بلغ {n} شخصاً في الحي."


@pytest.fixture(scope="module")
def bundled_store(tmp_path_factory) -> Path:
    """A store holding the bundled article(s): copied for each test that writes."""
    root = tmp_path_factory.mktemp("bundled") / "store"
    report = import_paths([BUNDLED_ARTICLES], store_dir=root)
    assert report.added >= 1 and not report.failed
    return root


@pytest.fixture
def store(bundled_store, tmp_path) -> Path:
    import shutil

    root = tmp_path / "store"
    shutil.copytree(bundled_store, root)
    return root


def add_with_good(store: Path, tmp_path: Path, *bad: Path, workers: int = 1) -> ImportReport:
    """Import the bad files with a good article after them; the good one and the stored ones must survive."""
    before = Store(store).article_ids()
    good = tmp_path / "good_after.txt"
    good.write_text(arabic(999), encoding="utf-8")
    report = import_paths([*bad, good], store_dir=store, workers=workers)
    after = Store(store).article_ids()
    assert before < after, report.summary()  # nothing lost, and the good article added
    assert any("good_after.txt" in s for s in Store(store).load(("articles",))["articles"]["source_file"])
    return report


def named(pairs: list[tuple[str, str]], name_part: str) -> str:
    hits = [why for name, why in pairs if name_part in name]
    assert hits, f"nothing names {name_part}: {pairs}"
    return hits[0]


# ------------------------------------------------------------------------------------------------ decoding

def test_one_invalid_byte_in_utf8_is_replaced_and_reported_not_mojibake(store, tmp_path):
    raw = AR.encode()
    at = raw.index(b" ", 50)  # between two letters: the byte breaks no character of its own
    path = tmp_path / "one_bad_byte.txt"
    path.write_bytes(raw[:at] + b"\xff" + raw[at:])
    report = add_with_good(store, tmp_path, path)
    why = named(report.warnings, "one_bad_byte.txt")
    assert "1 invalid UTF-8 byte" in why and "line 1" in why
    bodies = Store(store).load(("articles",))["articles"]["body"]
    stored = [b for b in bodies if "\ufffd" in b]
    assert len(stored) == 1 and not looks_mojibake(stored[0]) and "ظ‚" not in stored[0]
    assert stored[0].replace("\ufffd", "") == AR


@pytest.mark.parametrize("bad_bytes, line", [(1, 1), (5, 3)])
def test_a_few_invalid_bytes_say_where(bad_bytes, line):
    lines = [AR] * 5
    raw = "\n".join(lines).encode()
    at = raw.index(b"\n", raw.index(b"\n") + 1) + 10 if line == 3 else 10  # inside line 3 or line 1
    dec = decode_bytes(raw[:at] + b"\xfe" * bad_bytes + raw[at:])
    assert dec.encoding == "utf-8"
    (note,) = dec.repairs
    assert f"line {line}" in note


def test_windows_1256_is_still_read_and_mojibake_never_chosen():
    assert decode_bytes((AR * 3).encode("cp1256")).text == AR * 3
    # UTF-8 so damaged it is not UTF-8: its Windows-1256 reading is mojibake, so it is refused, not stored
    raw = bytearray((AR * 3).encode())
    for i in range(0, len(raw), 7):
        raw[i] = 0xFF
    with pytest.raises(DecodeError, match="not UTF-8"):
        decode_bytes(bytes(raw))


def test_text_whose_letters_are_not_arabic_after_a_guess_is_refused_with_a_reason(store, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le café était très bon à la française, dit-il. Été comme hiver.".encode("latin-1"))
    report = add_with_good(store, tmp_path, path)
    why = named(report.failed, "latin1.txt")
    assert "not UTF-8" in why and "Arabic" in why


def test_mojibake_text_is_restored_when_it_can_be_and_refused_when_not(store, tmp_path):
    whole = tmp_path / "mojibake.jsonl"
    whole.write_text(json.dumps({"text": MOJIBAKE, "title": MOJIBAKE[:40]}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    lossy = tmp_path / "lossy.txt"
    lossy.write_text(MOJIBAKE.replace("ظ", "?"), encoding="utf-8")  # a round trip through a latin-1 system
    report = add_with_good(store, tmp_path, whole, lossy)
    assert "restored" in named(report.warnings, "mojibake.jsonl")
    assert "mojibake" in named(report.failed, "lossy.txt") or "not Arabic" in named(report.warnings, "lossy.txt")
    bodies = Store(store).load(("articles",))["articles"]["body"]
    assert not any(looks_mojibake(b) for b in bodies)
    assert unmojibake(MOJIBAKE) == AR


@pytest.mark.parametrize("chars", [40_000, 70_000])  # past 64 KB of bytes; past 64 K characters too
def test_nul_bytes_after_the_first_64_kb_are_removed_and_reported(tmp_path, chars):
    path = tmp_path / "nul_tail.txt"
    body = ((AR + "\n") * (chars // len(AR) + 1))[:chars]
    path.write_bytes(body.encode() + b"\x00" * 3 + "وانتهى.".encode())
    assert path.stat().st_size > 64 * 1024
    items = list(read_paths([path]))
    (art,) = [i for i in items if isinstance(i, RawArticle)]
    assert "\x00" not in art.text and art.text.endswith("وانتهى.")
    assert "3 NUL byte(s) after the first 64 KB removed" in named([(i.name, i.message) for i in items
                                                                    if isinstance(i, Issue)], "nul_tail.txt")


def test_binary_data_after_the_first_64_kb_is_refused():
    with pytest.raises(DecodeError, match="binary data after the first 64 KB"):
        decode_bytes((AR + "\n").encode() * 1000 + bytes(range(1, 32)) * 50)


# --------------------------------------------------------------------------------- text the store cannot hold

@pytest.mark.parametrize("workers", [1, 2])
def test_lone_surrogates_in_json_are_replaced_and_the_batch_is_stored(store, tmp_path, workers):
    path = tmp_path / "scraped.jsonl"
    lines = [json.dumps({"text": arabic(n) + (" \ud83d" if n == 3 else ""),
                         "title": "عنوان \udc00" if n == 4 else f"عنوان {n}"}) for n in range(1, 8)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = add_with_good(store, tmp_path, path, workers=workers)
    assert report.added == 8 and not report.failed, report.summary()
    assert "surrogate" in named(report.warnings, "scraped.jsonl:line 3")
    assert "invalid character" in named(report.warnings, "scraped.jsonl:line 4")
    titles = Store(store).load(("articles",))["articles"]["title"]
    assert "عنوان \ufffd" in set(titles)


def test_a_file_name_that_is_not_utf8_is_read_as_windows_1256(store, tmp_path):
    folder = tmp_path / "from_windows"
    folder.mkdir()
    name = os.fsencode(folder) + b"/" + "مقال سوري".encode("cp1256") + b".txt"
    with open(name, "wb") as fh:
        fh.write(arabic(5).encode())
    odd = os.fsencode(folder) + b"/\xa9\x80 odd.txt"
    with open(odd, "wb") as fh:
        fh.write(arabic(6).encode())
    report = add_with_good(store, tmp_path, folder)
    assert report.added == 3 and not report.failed, report.summary()
    assert "Windows-1256" in named(report.warnings, "مقال سوري.txt")
    assert "not UTF-8" in named(report.warnings, "\ufffd\ufffd odd.txt")
    sources = set(Store(store).load(("articles",))["articles"]["source_file"])
    assert any(s.endswith("مقال سوري.txt") for s in sources)
    assert report.summary().encode("utf-8")  # printable: no surrogate left in any name


def test_tar_member_names_that_are_not_utf8():
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT, encoding="cp1256") as tf:
        data = arabic(7).encode()
        info = tarfile.TarInfo("تقرير.txt")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    items = list(read_bytes(buf.getvalue(), "win.tar"))
    (art,) = [i for i in items if isinstance(i, RawArticle)]
    assert art.name == "win.tar!تقرير.txt"
    assert all(clean_text(str(i))[1] == 0 for i in items)


def test_file_name_helper():
    assert file_name("عادي.txt") == ("عادي.txt", None)
    fixed, note = file_name(os.fsdecode(b"/x/" + "خبر".encode("cp1256") + b".txt"))
    assert fixed == "/x/خبر.txt" and "Windows-1256" in note
    fixed, note = file_name(os.fsdecode(b"/x/caf\xe9.txt"))  # Latin-1: é is é in Windows-1256 too
    assert fixed == "/x/café.txt"
    fixed, note = file_name(os.fsdecode(b"/x/\xa9\x80.txt"))  # ©€: not letters, not a name in any script
    assert fixed == "/x/\ufffd\ufffd.txt" and "not UTF-8" in note


def test_metadata_that_is_not_text_is_dropped_with_a_warning(store, tmp_path):
    (tmp_path / "meta.txt").write_text(arabic(8), encoding="utf-8")
    (tmp_path / "meta.json").write_text(json.dumps({"title": ["a", "list"], "source": {"x": 1}, "url": 5,
                                                    "published": "2017-07-07"}), encoding="utf-8")
    report = add_with_good(store, tmp_path, tmp_path / "meta.txt")
    assert "'title' is array, not text" in named(report.warnings, "meta.txt")
    assert not report.failed


def test_a_record_the_store_refuses_fails_alone_with_its_file_named(store, tmp_path):
    """Past the readers (a RawArticle made by other code): the store refuses only the record it cannot write."""
    items = [RawArticle(arabic(n), {"title": "\ud800 bad" if n == 2 else f"t{n}"}, f"made-{n}.txt")
             for n in range(1, 5)]
    report = import_items(items, store)
    assert report.added == 3, report.summary()
    why = named(report.failed, "made-2.txt")
    assert "could not be stored" in why
    assert f"failed: made-2.txt: could not be stored" in report.summary()


# ---------------------------------------------------------------------------------------- hostile structure

DEEP = "[" * 10_000 + "]" * 10_000


def test_json_nested_ten_thousand_deep_is_a_per_file_error(store, tmp_path):
    deep_json = tmp_path / "deep.json"
    deep_json.write_text(DEEP, encoding="utf-8")
    deep_lines = tmp_path / "deep.jsonl"
    deep_lines.write_text(json.dumps({"text": arabic(11)}) + "\n" + DEEP + "\n" + json.dumps({"text": arabic(12)})
                          + "\n", encoding="utf-8")
    (tmp_path / "side.txt").write_text(arabic(13), encoding="utf-8")
    (tmp_path / "side.json").write_text('{"title": ' + DEEP + "}", encoding="utf-8")
    objects = tmp_path / "objects.json"
    objects.write_text('{"a":' * 5000 + "1" + "}" * 5000, encoding="utf-8")
    report = add_with_good(store, tmp_path, deep_json, deep_lines, tmp_path / "side.txt", objects)
    assert "nested more than 100 levels" in named(report.failed, "deep.json")
    assert "nested more than 100 levels" in named(report.failed, "deep.jsonl:line 2")
    assert "nested more than 100 levels" in named(report.failed, "side.txt")
    assert "nested more than 100 levels" in named(report.failed, "objects.json")
    assert report.added == 3  # deep.jsonl's lines 1 and 3, and the good file


def test_json_as_deep_as_real_records_still_reads():
    nested = {"items": [{"text": AR, "meta": {"a": [[[{"b": [1]}]]]}}]}
    items = list(read_bytes(json.dumps(nested).encode(), "ok.json"))
    assert not any(isinstance(i, Issue) and i.level == "error" for i in items)


HOSTILE_TREC = {
    "unclosed_docs.xml": "<DOC>\n" * 100_000,
    "unclosed_attrs.xml": "<DOC id='x' " * 100_000,
    "unclosed_inner.xml": "<DOC><DOCNO>A-1</DOCNO><TEXT>" + arabic(51) + "</TEXT>" + "<P>" * 100_000 + "</DOC>",
    "unclosed_inline.xml": "<DOC><DOCNO>A-2</DOCNO><TEXT>" + arabic(52) + "<a " * 100_000 + "</TEXT></DOC>",
    "unclosed_text.xml": "<DOC>" + "<TEXT>" * 100_000 + "</DOC>",
    "unclosed_docs.txt": "<DOC>\n<TEXT>" + "<DOC>\n" * 100_000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE_TREC))
def test_a_hundred_thousand_unclosed_tags_take_seconds_not_minutes(name):
    start = time.perf_counter()
    items = list(read_bytes(HOSTILE_TREC[name].encode(), name))
    assert time.perf_counter() - start < 5  # quadratic readers took minutes (4 min at 100,000 <DOC>)
    assert items and all(clean_text(str(i))[1] == 0 for i in items)
    if name.startswith("unclosed_docs"):
        (issue,) = items
        assert issue.level == "error" and "never closed" in issue.message


def test_unclosed_docs_beside_complete_ones(store, tmp_path):
    path = tmp_path / "half.xml"
    path.write_text("<DOC>\n" * 1000 + f"<DOC><DOCNO>X-1</DOCNO><TEXT>{arabic(21)}</TEXT></DOC>\n", encoding="utf-8")
    report = add_with_good(store, tmp_path, path)
    assert "1000 <DOC> element(s) not closed" in named(report.failed, "half.xml")
    assert report.added == 2


# ------------------------------------------------------------------------------------------------ archives

def test_an_oversize_archive_member_is_skipped_with_a_warning_and_the_rest_read(store, tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.txt", arabic(31))
        zf.writestr("huge.txt", b" " * (3 * MB))
        zf.writestr("b.txt", arabic(32))
    items = list(read_bytes(buf.getvalue(), "mixed.zip", limits=Limits(max_file_bytes=MB, max_archive_bytes=2 * MB)))
    assert [i.name for i in items if isinstance(i, RawArticle)] == ["mixed.zip!a.txt", "mixed.zip!b.txt"]
    (warn,) = [i for i in items if isinstance(i, Issue)]
    assert warn.level == "warning" and warn.name == "mixed.zip!huge.txt" and "skipped" in warn.message


def test_a_member_declaring_more_than_the_archive_cap_does_not_stop_the_archive():
    """A header claiming 2 GB (over the 1 GB archive cap): only that member is skipped."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tf:
        for name, size in (("a.txt", None), ("claims.txt", 3 * MB), ("b.txt", None)):
            data = arabic(len(name)).encode() + name.encode() if size is None else b" " * size
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    items = list(read_bytes(buf.getvalue(), "t.tar", limits=Limits(max_file_bytes=MB, max_archive_bytes=2 * MB)))
    assert [i.name for i in items if isinstance(i, RawArticle)] == ["t.tar!a.txt", "t.tar!b.txt"]


# ------------------------------------------------------------------------------------------ the whole probe

def test_every_hostile_file_at_once_through_the_command_line(store, tmp_path, capsys):
    """All of the above in one --add: exit 1 (some files failed), a line per bad file, the good ones stored."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    for name, text in HOSTILE_TREC.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "deep.json").write_text(DEEP, encoding="utf-8")
    (folder / "surrogate.jsonl").write_text(json.dumps({"text": arabic(41) + "\ud83d"}) + "\n", encoding="utf-8")
    at = AR.encode().index(b" ", 30)
    (folder / "one_bad_byte.txt").write_bytes(AR.encode()[:at] + b"\xff" + AR.encode()[at:])
    with open(os.fsencode(folder) + b"/" + "خبر".encode("cp1256") + b".txt", "wb") as fh:
        fh.write(arabic(42).encode())
    (folder / "good.txt").write_text(arabic(43), encoding="utf-8")
    before = Store(store).article_ids()
    start = time.perf_counter()
    status = main(["--add", str(folder), "--store", str(store), "--workers", "1", "--progress-every", "0"])
    out = capsys.readouterr().out
    assert time.perf_counter() - start < 60
    assert status == 1 and "Traceback" not in out
    for name in ("unclosed_docs.xml", "unclosed_attrs.xml", "deep.json", "unclosed_text.xml"):
        assert f"failed: {folder / name}" in out
    for name in ("surrogate.jsonl", "one_bad_byte.txt", "خبر.txt"):
        assert f"warning: {folder / name}" in out
    assert f"warning: {folder / 'unclosed_inline.xml'}: not Arabic text" in out  # 100,000 literal "<a "
    assert len(Store(store).article_ids() - before) == 5  # good, surrogate, one bad byte, خبر, unclosed_inner
