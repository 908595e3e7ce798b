"""Bad input: each problem gets a per-file error or warning naming the file and the problem, the rest of the
batch goes on, and nothing already stored is lost. Every case is a real file (made here or in fixtures/)."""
from __future__ import annotations

import io
import shutil
import tarfile
import zipfile
from pathlib import Path

import pytest

from lib.corpus.readers import MB, Limits, read_bytes
from lib.corpus.importer import ImportReport, import_paths, read_uploads
from lib.corpus.store import Store

FIX = Path(__file__).parent / "fixtures" / "import"
GOOD, BAD = FIX / "good", FIX / "bad"
AR = ("قال المتحدث باسم الدفاع المدني إن «فرق الإنقاذ انتشلت عشرة أشخاص من تحت الأنقاض في حي الشعار بحلب». "
      "وأضاف أن العمل مستمر حتى ساعات الليل.")


@pytest.fixture
def stored(tmp_path) -> tuple[Path, set[str]]:
    """A store that already holds the good fixtures: what every bad import must leave intact."""
    store = tmp_path / "store"
    report = import_paths([GOOD], store_dir=store)
    assert report.added == 11 and not report.failed
    return store, Store(store).article_ids()


def check_kept(store: Path, before: set[str]) -> None:
    assert before <= Store(store).article_ids()
    assert len(Store(store).load(("articles",))["articles"]) >= len(before)


def failure(report: ImportReport, name_part: str) -> str:
    """The reason a file failed; the test fails if no failure names that file."""
    hits = [why for name, why in report.failed if name_part in name]
    assert hits, f"no failure names {name_part}: {report.summary()}"
    return hits[0]


def warning(report: ImportReport, name_part: str) -> str:
    hits = [why for name, why in report.warnings if name_part in name]
    assert hits, f"no warning names {name_part}: {report.summary()}"
    return hits[0]


def with_good_article(tmp_path: Path, *bad: Path) -> list[Path]:
    """The bad files plus one good article the import must still add."""
    good = tmp_path / "still_added.txt"
    good.write_text(AR, encoding="utf-8")
    return [*bad, good]


@pytest.mark.parametrize("name, problem", [
    ("empty.txt", "file is empty"),
    ("binary.txt", "binary file"),
    ("malformed.json", "malformed JSON at line 2 column 12"),
    ("malformed.csv", "malformed CSV (unexpected end of data)"),
    ("malformed.xml", "<DOC> is never closed"),
    ("no_text.json", "record has no text field"),
    ("bad_sidecar.txt", "metadata sidecar is not valid JSON"),
])
def test_bad_file_fails_alone_and_names_the_problem(stored, tmp_path, name, problem):
    store, before = stored
    report = import_paths(with_good_article(tmp_path, BAD / name), store_dir=store)
    assert problem in failure(report, name)
    assert report.added == 1  # the rest of the batch went on
    check_kept(store, before)
    assert f"failed: {BAD / name}" in report.summary()


def test_malformed_jsonl_line_fails_alone(stored):
    store, before = stored
    report = import_paths([BAD / "malformed.jsonl"], store_dir=store)
    assert "Unterminated string" in failure(report, "malformed.jsonl:line 2")
    assert len(report.failed) == 1
    assert report.duplicates == 2  # lines 1 and 3 are the good fixtures' articles, stored already
    check_kept(store, before)


def test_not_arabic_is_skipped_with_a_warning(stored):
    store, before = stored
    report = import_paths([BAD / "english.txt"], store_dir=store)
    assert "not Arabic text" in warning(report, "english.txt") and "skipped" in warning(report, "english.txt")
    assert report.added == 0 and not report.failed
    check_kept(store, before)


def test_whole_bad_folder_goes_on_file_by_file(stored):
    store, before = stored
    report = import_paths([BAD], store_dir=store)
    failed = {Path(name.split(":line")[0].split("[")[0]).name for name, _ in report.failed}
    assert failed == {"empty.txt", "binary.txt", "malformed.json", "malformed.csv", "malformed.xml",
                      "malformed.jsonl", "no_text.json", "bad_sidecar.txt"}
    check_kept(store, before)


@pytest.mark.parametrize("encoding, label", [("cp1256", "Windows-1256"), ("utf-16", "UTF-16")])
def test_legacy_encodings_are_stored_decoded(tmp_path, encoding, label):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(AR.encode(encoding))
    report = import_paths([path], store_dir=tmp_path / "store")
    assert report.added == 1 and label in warning(report, path.name)
    body = Store(tmp_path / "store").load(("articles",))["articles"]["body"].iloc[0]
    assert body == AR


def test_five_megabyte_article_fails_with_its_size(stored, tmp_path):
    store, before = stored
    big = tmp_path / "huge.txt"
    big.write_text((AR + "\n") * (5 * MB // len(AR.encode())), encoding="utf-8")
    assert big.stat().st_size > 4.9 * MB
    report = import_paths(with_good_article(tmp_path, big), store_dir=store)
    why = failure(report, "huge.txt")
    assert "characters, over the 500,000 limit" in why
    assert report.added == 1
    check_kept(store, before)


def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "big.json"
    path.write_bytes(b"[" + b" " * (2 * MB) + b"]")
    (issue,) = read_bytes(path.read_bytes(), str(path), limits=Limits(max_file_bytes=MB))
    assert issue.name == str(path) and "over the 1 MB limit" in issue.message


def test_missing_path(tmp_path):
    report = import_paths([tmp_path / "nowhere.txt"], store_dir=tmp_path / "store")
    assert failure(report, "nowhere.txt") == "no such file or folder"


# ---------------------------------------------------------------------------------------------- archives

def zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_zip_with_parent_paths_skips_them_as_unsafe(stored, tmp_path):
    store, before = stored
    path = tmp_path / "evil.zip"
    path.write_bytes(zip_bytes({"../evil.txt": AR.encode(), "/etc/cron.txt": AR.encode() + b"!",
                                "ok/good.txt": AR.encode() + " وانتهى.".encode()}))
    report = import_paths([path], store_dir=store)
    assert "unsafe archive member" in failure(report, "evil.zip!../evil.txt")
    assert "../" in failure(report, "evil.zip!../evil.txt")
    assert "absolute path" in failure(report, "evil.zip!/etc/cron.txt")
    assert report.added == 1  # ok/good.txt
    assert not (tmp_path.parent / "evil.txt").exists() and not (tmp_path / "evil.txt").exists()
    check_kept(store, before)


def test_tar_with_links_and_parent_paths_skips_them(tmp_path):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for name, kind in (("../../up.txt", tarfile.REGTYPE), ("link.txt", tarfile.SYMTYPE),
                           ("fine.txt", tarfile.REGTYPE)):
            info = tarfile.TarInfo(name)
            info.type = kind
            data = AR.encode() if kind == tarfile.REGTYPE else b""
            info.size = len(data)
            if kind == tarfile.SYMTYPE:
                info.linkname = "/etc/passwd"
            tf.addfile(info, io.BytesIO(data))
    items = list(read_bytes(buf.getvalue(), "links.tar.gz"))
    errors = {i.name: i.message for i in items if getattr(i, "level", None) == "error"}
    assert "outside the archive" in errors["links.tar.gz!../../up.txt"]
    assert "link member" in errors["links.tar.gz!link.txt"]
    assert [i.name for i in items if not hasattr(i, "level")] == ["links.tar.gz!fine.txt"]


def test_zip_bomb_member_is_capped_without_expanding_it(stored, tmp_path):
    """A 200 MB member of zeros (a few hundred KB zipped), made here in memory: skipped, the rest imported."""
    store, before = stored
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("a.txt", AR.encode())
        with zf.open("bomb.txt", "w") as fh:
            chunk = b"\x00" * MB
            for _ in range(200):
                fh.write(chunk)
    assert len(buf.getvalue()) < 2 * MB
    path = tmp_path / "bomb.zip"
    path.write_bytes(buf.getvalue())
    report = import_paths([path], store_dir=store)
    why = warning(report, "bomb.zip!bomb.txt")  # skipped with a warning: the rest of the archive is read
    assert "200 MB" in why and "limit per file" in why
    assert report.added == 1
    check_kept(store, before)


def test_zip_member_lying_about_its_size_is_not_expanded_past_it():
    """Headers that claim 100 bytes for a 16 MB member: reading stops at 100 and the member fails its check."""
    data = bytearray(zip_bytes({"liar.txt": b"\x00" * (16 * MB)}))
    for sig, at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):  # local header, central directory
        pos = data.index(sig) + at
        data[pos:pos + 4] = (100).to_bytes(4, "little")
    (err,) = read_bytes(bytes(data), "liar.zip")
    assert err.name == "liar.zip!liar.txt" and "cannot be read" in err.message and "CRC" in err.message


def test_archive_total_expansion_and_member_count_are_capped():
    members = {f"m{n}.txt": (AR + f" {n}").encode() * 3000 for n in range(6)}  # ~0.9 MB each
    items = list(read_bytes(zip_bytes(members), "many.zip", limits=Limits(max_archive_bytes=2 * MB)))
    (err,) = [i for i in items if getattr(i, "level", None) == "error"]
    assert err.name == "many.zip" and "expands to more than 2 MB" in err.message and "stopped after 2" in err.message
    assert len([i for i in items if not hasattr(i, "level")]) == 2
    items = list(read_bytes(zip_bytes(members), "many.zip", limits=Limits(max_archive_members=4)))
    (err,) = [i for i in items if getattr(i, "level", None) == "error"]
    assert "more than 4 members" in err.message
    assert len([i for i in items if not hasattr(i, "level")]) == 4


def test_tar_bomb_total_is_capped_from_headers(tmp_path):
    """A tar.gz whose members add up past the cap stops at the header, before expanding the data."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for n in range(3):
            info = tarfile.TarInfo(f"z{n}.txt")
            info.size = 3 * MB
            tf.addfile(info, io.BytesIO(b"\x00" * info.size))
    items = list(read_bytes(buf.getvalue(), "z.tar.gz", limits=Limits(max_archive_bytes=5 * MB)))
    assert any("expands to more than 5 MB" in getattr(i, "message", "") for i in items)


def test_truncated_and_fake_archives(tmp_path):
    good = zip_bytes({"a.txt": AR.encode()})
    (err,) = read_bytes(good[: len(good) // 2], "cut.zip")
    assert err.name == "cut.zip" and "not a readable zip archive" in err.message
    (err,) = read_bytes(b"this is not a tarball", "fake.tar.gz")
    assert "not a readable tar archive" in err.message


def test_upload_size_is_checked_in_lib():
    items = read_uploads([("big.csv", b"x" * 2048), ("a.txt", AR.encode())], max_bytes=1024)
    assert items[0].name == "big.csv" and "over the" in items[0].message and "limit" in items[0].message
    assert items[1].text == AR


def test_upload_limit_matches_streamlit_config():
    import tomllib

    from lib.corpus.importer import MAX_UPLOAD_BYTES

    config = tomllib.loads((Path(__file__).parent.parent / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] * MB == MAX_UPLOAD_BYTES


def test_interrupted_import_keeps_stored_batches(stored, tmp_path, monkeypatch):
    store, before = stored
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(AR + f" ({n})", encoding="utf-8")
    calls = []

    def progress(done, total, name):
        calls.append(done)
        if done == 2:
            raise KeyboardInterrupt

    report = import_paths([folder], store_dir=store, progress=progress)
    assert report.interrupted and report.added == 2 and "interrupted" in report.summary()
    check_kept(store, before)


def test_reading_never_writes_beside_the_input(tmp_path):
    """Reading never writes beside the input: an archive is never extracted to disk."""
    src = tmp_path / "in"
    shutil.copytree(GOOD, src)
    before = sorted(p.name for p in src.iterdir())
    import_paths([src], store_dir=tmp_path / "store")
    assert sorted(p.name for p in src.iterdir()) == before
