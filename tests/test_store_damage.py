"""A damaged store never takes the dashboard or an import down (issue #13): a batch whose part is truncated,
empty, garbled or missing, or whose manifest is cut short, is skipped with a warning naming it by the loader,
by --add and on the dashboard; --check lists it, --repair moves it aside (never deletes) so its articles can be
added again; a store that cannot be written is refused before any analysis; what killed writers left is
removed at the next write."""
from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from lib.corpus import importer
from lib.corpus.importer import import_paths
from lib.corpus.store import TABLES, Store
from lib.ingest import EXIT_DAMAGED, EXIT_FAILED, EXIT_STORE, main
from lib.lexicons import BUNDLED_ARTICLES

AR = ("قال المتحدث باسم الدفاع المدني إن «فرق الإنقاذ انتشلت عشرة أشخاص من تحت الأنقاض في حي الشعار بحلب». "
      "وأضاف أن العمل مستمر حتى ساعات الليل.")


def arabic(n: int) -> str:
    return f"{AR}\nوقال مسؤول آخر إن عدد الضحايا بلغ {n} شخصاً في الحي."


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _garble(path: Path) -> None:
    """Bytes of the data pages overwritten, the footer left whole: only reading the rows finds it."""
    raw = bytearray(path.read_bytes())
    for i in range(8, len(raw) // 3):
        raw[i] = (raw[i] * 31 + 7) % 256
    path.write_bytes(bytes(raw))


def _missing(path: Path) -> None:
    path.unlink()


DAMAGE = {"truncated": _truncate, "empty": _empty, "garbled": _garble, "missing": _missing}


@pytest.fixture(scope="module")
def three_batches(tmp_path_factory) -> tuple[Path, Path]:
    """A store of three batches: the bundled article, then two imports of two articles each (the middle one is
    the one damaged), and the folder of that middle import's files."""
    base = tmp_path_factory.mktemp("three")
    root = base / "store"
    assert import_paths([BUNDLED_ARTICLES], store_dir=root).added >= 1
    for b, batch in enumerate(("middle", "last")):
        folder = base / batch
        folder.mkdir()
        for n in range(2):  # a distinct figure per article, so none is a duplicate of another
            (folder / f"{batch}{n}.txt").write_text(arabic(10 * b + n + 1), encoding="utf-8")
        assert import_paths([folder], store_dir=root).added == 2
    return root, base / "middle"


@pytest.fixture
def store(three_batches, tmp_path) -> tuple[Path, Path, str]:
    """A copy of the three-batch store, the middle import's folder, and the middle batch's name."""
    src, middle = three_batches
    root = tmp_path / "store"
    shutil.copytree(src, root)
    batch = sorted(p.stem for p in (root / "manifests").glob("*.json"))[1]
    return root, middle, batch


def middle_ids(root: Path, batch: str) -> set[str]:
    return set(pq.read_table(root / "articles" / f"part-{batch}.parquet").column("article_id").to_pylist())


def damage(root: Path, batch: str, table: str, how: str) -> None:
    DAMAGE[how](root / table / f"part-{batch}.parquet")


@pytest.mark.parametrize("table", ["articles", "statements", "mentions"])
@pytest.mark.parametrize("how", sorted(DAMAGE))
def test_the_loader_skips_a_damaged_batch_and_names_it(store, how, table):
    root, _, batch = store
    whole = Store(root).load()
    middle = middle_ids(root, batch)
    damage(root, batch, table, how)
    s = Store(root)
    frames = s.load()
    assert set(frames["articles"]["article_id"]) == set(whole["articles"]["article_id"]) - middle
    assert len(frames["statements"]) < len(whole["statements"])
    assert not set(frames["statements"]["article_id"]) & middle  # every table leaves the batch out
    (skipped,) = s.skipped
    assert skipped.batch == batch and table in skipped.problem
    assert ("missing" if how == "missing" else "unreadable") in skipped.problem


@pytest.mark.parametrize("how", sorted(DAMAGE))
def test_add_into_a_damaged_store_warns_and_adds_the_batch_again(store, how, tmp_path):
    root, middle, batch = store
    ids = middle_ids(root, batch)
    damage(root, batch, "statements", how)
    good = tmp_path / "new.txt"
    good.write_text(arabic(2024), encoding="utf-8")
    report = import_paths([middle, good], store_dir=root)
    assert not report.failed, report.summary()
    assert report.added == 3  # the new article, and the damaged batch's two, added again
    assert any(batch in name and "damaged batch" in why for name, why in report.warnings)
    assert ids <= Store(root).article_ids()


def test_a_truncated_manifest_is_a_damaged_batch(store, tmp_path, capsys):
    root, middle, batch = store
    manifest = root / "manifests" / f"{batch}.json"
    manifest.write_text(manifest.read_text()[:25], encoding="utf-8")
    s = Store(root)
    assert len(s.load()["articles"]) >= 3
    assert "manifest" in s.skipped[0].problem and s.skipped[0].batch == batch
    good = tmp_path / "new.txt"
    good.write_text(arabic(77), encoding="utf-8")
    assert main(["--add", str(good), "--store", str(root), "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert f"damaged batch {batch}" in out and "added 1" in out
    # its parts are kept (not taken for a crashed writer's): --repair moves them with the manifest
    assert (root / "articles" / f"part-{batch}.parquet").exists()


@pytest.mark.parametrize("how", sorted(DAMAGE))
def test_check_lists_and_repair_moves_aside_then_the_articles_come_back(store, how, capsys):
    root, middle, batch = store
    ids = middle_ids(root, batch)
    assert main(["--check", "--store", str(root)]) == 0
    assert "none damaged" in capsys.readouterr().out
    damage(root, batch, "dates", how)
    assert main(["--check", "--store", str(root)]) == EXIT_DAMAGED
    out = capsys.readouterr().out
    assert f"damaged batch {batch}" in out and "--repair" in out
    assert main(["--repair", "--store", str(root)]) == 0
    out = capsys.readouterr().out
    aside = root / "damaged" / batch
    assert f"moved aside: damaged batch {batch}" in out and str(aside) in out
    assert (aside / "manifest.json").exists() and (aside / "articles" / f"part-{batch}.parquet").exists()
    assert "middle0.txt" in (aside / "sources.txt").read_text() and "middle0.txt" in out  # what to add again
    assert not (root / "manifests" / f"{batch}.json").exists()
    assert main(["--check", "--store", str(root)]) == 0
    capsys.readouterr()
    assert not ids & Store(root).article_ids()
    assert main(["--add", str(middle), "--store", str(root), "--workers", "1"]) == 0
    assert ids <= Store(root).article_ids()
    assert main(["--check", "--store", str(root)]) == 0


def test_repair_when_the_articles_part_is_gone_says_what_to_do(store, capsys):
    root, _, batch = store
    damage(root, batch, "articles", "missing")
    assert main(["--repair", "--store", str(root)]) == 0
    assert "articles part is unreadable" in capsys.readouterr().out
    assert (root / "damaged" / batch / "statements" / f"part-{batch}.parquet").exists()


def test_check_on_no_store_yet(tmp_path, capsys):
    assert main(["--check", "--store", str(tmp_path / "none")]) == 0
    assert not (tmp_path / "none").exists()


# ----------------------------------------------------------------------------------------- unwritable store

def test_a_store_that_cannot_be_written_is_refused_before_any_analysis(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    analysed = []
    monkeypatch.setattr(importer, "analyse_raw", lambda raw, *a: analysed.append(raw))
    good = tmp_path / "good.txt"
    good.write_text(arabic(1), encoding="utf-8")
    report = import_paths([good], store_dir=blocker / "store")
    assert report.store_error and "cannot be written" in report.store_error and report.read == 0
    assert not analysed
    status = main(["--add", str(good), "--store", str(blocker / "store"), "--workers", "1"])
    captured = capsys.readouterr()
    assert status == EXIT_STORE and "cannot be written" in captured.err and "Traceback" not in captured.err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_store_is_refused_before_any_analysis(store, tmp_path, capsys):
    root, _, _ = store
    for folder in [root, *(p for p in root.iterdir() if p.is_dir())]:
        folder.chmod(0o555)
    try:
        good = tmp_path / "good.txt"
        good.write_text(arabic(2), encoding="utf-8")
        assert main(["--add", str(good), "--store", str(root), "--workers", "1"]) == EXIT_STORE
        assert "cannot be written" in capsys.readouterr().err
    finally:
        for folder in [root, *(p for p in root.iterdir() if p.is_dir())]:
            folder.chmod(0o755)


def test_a_store_that_fails_mid_import_stops_with_a_message_and_keeps_what_was_stored(store, tmp_path,
                                                                                         monkeypatch, capsys):
    root, _, _ = store
    before = Store(root).article_ids()
    monkeypatch.setattr(importer, "BATCH", 1)
    real = pq.write_table
    calls = []

    def fill_the_disk(table, where, **kw):
        calls.append(where)
        if len(calls) > len(TABLES):  # the first batch goes through, the second finds the disk full
            raise OSError(errno.ENOSPC, "No space left on device")
        real(table, where, **kw)

    monkeypatch.setattr(pq, "write_table", fill_the_disk)
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(arabic(500 + n), encoding="utf-8")
    status = main(["--add", str(folder), "--store", str(root), "--workers", "1"])
    captured = capsys.readouterr()
    assert status == EXIT_STORE and "No space left on device" in captured.err
    assert "added 1" in captured.out and "stopped" in captured.out
    monkeypatch.undo()
    assert len(Store(root).article_ids() - before) == 1


def test_the_exit_status_for_a_failed_input_is_unchanged(tmp_path, capsys):
    assert main(["--add", str(tmp_path / "nowhere.txt"), "--store", str(tmp_path / "s"), "--workers", "1"]) \
        == EXIT_FAILED


# ------------------------------------------------------------------------------------- killed writers' debris

def test_what_killed_writers_left_goes_at_the_next_write(store, tmp_path):
    root, _, batch = store
    damage(root, batch, "places", "truncated")
    debris = [root / "articles" / ".tmp-20990101T000000-000000001-deadbeef.parquet",
              root / "statements" / "part-20990101T000000-000000001-deadbeef.parquet",  # never committed
              root / "manifests" / ".tmp-20990101T000000-000000001-deadbeef.json"]
    for f in debris:
        f.write_bytes(b"half a write")
    good = tmp_path / "good.txt"
    good.write_text(arabic(3), encoding="utf-8")
    assert import_paths([good], store_dir=root).added == 1
    assert not any(f.exists() for f in debris)
    assert (root / "places" / f"part-{batch}.parquet").exists()  # a damaged batch is kept, for --repair


# ------------------------------------------------------------------------------------------------ dashboard

@pytest.mark.parametrize("how", ["truncated", "garbled"])  # found from the file's ends / by the full read only
def test_the_dashboard_shows_the_rest_and_a_warning_naming_the_batch(store, how, use_store):
    from streamlit.testing.v1 import AppTest

    from lib.dashboard.data import load_store_checked

    root, _, batch = store
    damage(root, batch, "statements", how)
    use_store(root)
    data, warnings = load_store_checked()
    assert len(data["articles"]) >= 3 and any(batch in w for w in warnings)
    pages = Path(__file__).resolve().parent.parent / "pages"
    for name in ("home", "quotes", "add_articles"):
        at = AppTest.from_file(str(pages / f"{name}.py"), default_timeout=60).run()
        assert not at.exception, [e.value for e in at.exception]
        if name != "add_articles" or how != "garbled":  # garbled pages are found by the full read only
            assert sum(batch in w.value for w in at.warning) == 1, [w.value for w in at.warning]
