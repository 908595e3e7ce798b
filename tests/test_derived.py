"""The blocks the DuckDB queries read (lib/dashboard/derived.py): a new batch costs one small block (and now and
then a merge of its neighbours), the answers stay those of the pandas path, and a failure while a block is
written loses nothing and leaves no half block."""
from __future__ import annotations

from pathlib import Path

import pytest

from lib.corpus import importer
from lib.corpus.importer import import_paths
from lib.corpus.store import Store
from lib.dashboard import derived, queries
from lib.dashboard.data import DASHBOARD_TABLES, derive, frames
from lib.dashboard.filters import Filters

from conftest import ROOT, rich_articles

GOOD = Path(__file__).parent / "fixtures" / "import" / "good"


def test_blocks_are_aligned_and_only_grow():
    assert derived.blocks(list("abcdefghij"), (4, 2, 1)) == [(0, 4), (4, 4), (8, 2)]
    assert derived.blocks(list("abcdefghijk"), (4, 2, 1)) == [(0, 4), (4, 4), (8, 2), (10, 1)]
    assert derived.blocks([], (4, 2, 1)) == []
    for n in range(1, 40):  # a block once in use starts where a bigger one will: merges reuse it
        for start, size in derived.blocks(list(range(n)), (8, 4, 2, 1)):
            assert start % size == 0


def _agree(src: queries.Source, root: Path) -> None:
    """The blocks' answers are the pandas path's on the same store."""
    data = derive(frames(Store(root).read(DASHBOARD_TABLES)))
    assert queries.count_statements(src, Filters()) == (len(data["statements"]),) * 2
    page = queries.statement_page(src, Filters(), 0, 1000)
    assert list(page["statement_id"]) == list(data["statements"]["statement_id"])
    assert set(queries.speakers(src)["speaker_key"]) == set(data["speakers"]["speaker_key"])
    for kind, key in (("places", "place_table"), ("actors", "actor_table")):
        got, want = src.entity_table(kind), data[key]
        assert got.astype(object).where(got.notna(), None).values.tolist() == \
            want.astype(object).where(want.notna(), None).values.tolist(), kind


@pytest.fixture()
def batches(tmp_path, monkeypatch):
    """A store of one article per batch (the rich articles, the bundled one, the import fixtures), and the blocks
    cut in twos and fours so that a few batches make merges."""
    monkeypatch.setattr(derived, "LEVELS", (4, 2, 1))
    monkeypatch.setattr(derived, "UNUSED_GRACE_S", -1)
    monkeypatch.setattr(importer, "BATCH", 1)
    root = tmp_path / "store"
    for art in rich_articles():
        Store(root).add([art])
    import_paths([ROOT / "data" / "articles", GOOD], store_dir=root)
    return root


def _blocks(root: Path) -> set[str]:
    return {p.name for p in root.glob("derived/*/blocks/*.duckdb")}


def test_a_new_batch_costs_its_own_block(batches, tmp_path):
    mans = sorted((batches / "manifests").glob("*.json"))
    assert len(mans) >= 9
    aside = tmp_path / "aside"
    aside.mkdir()
    for man in mans[-4:]:  # the last batches committed later, one by one
        man.rename(aside / man.name)
    src = queries.Source(batches)
    _agree(src, batches)
    for k, man in enumerate(sorted(aside.glob("*.json"))):
        man.rename(batches / "manifests" / man.name)
        assert src.refresh()
        made = src.made
        n = len(src.parts["statements"])
        # the new part's block, and the blocks it completes (a pair, then a four): never the store's others
        assert len(made) == 1 + (n % 2 == 0) + (n % 4 == 0), (n, made)
        assert len(_blocks(batches)) == len(derived.blocks(src.parts["statements"]))  # merged-away ones removed
    # (a block merged away by another process with a newer set of batches is kept a while: it may be in use)
        _agree(src, batches)


def test_a_failure_while_merging_loses_nothing(batches, tmp_path, monkeypatch):
    mans = sorted((batches / "manifests").glob("*.json"))
    held = mans[-2:] if len(mans) % 2 else mans[-1:]  # an odd number stays: the next part completes a pair
    for man in held:
        man.rename(tmp_path / man.name)
    src = queries.Source(batches)
    good = _blocks(batches)
    stored = Store(batches).article_ids()
    real = derived.merged_sql
    monkeypatch.setattr(derived, "merged_sql", lambda table, union: (_ for _ in ()).throw(OSError("disk full"))
                        if table == "places_agg" else real(table, union))
    (tmp_path / held[0].name).rename(batches / "manifests" / held[0].name)
    with pytest.raises(OSError, match="disk full"):  # the merge fails half-way through its tables
        src.refresh()
    assert not list(batches.glob("derived/*/blocks/.tmp-*")), "a half-written block was left"
    assert good <= _blocks(batches)  # every block made before is still there
    assert stored < Store(batches).article_ids() and not Store(batches).check()  # the store lost nothing
    monkeypatch.setattr(derived, "merged_sql", real)
    assert src.refresh()  # asked again, not taken as done
    _agree(src, batches)


def test_a_block_written_by_a_killed_process_is_not_read(batches):
    """A temp file of a block is never taken for a block; an old one is removed."""
    src = queries.Source(batches)
    folder = next(batches.glob("derived/*/blocks"))
    debris = folder / ".tmp-deadbeef-x.duckdb"
    debris.write_bytes(b"half a block")
    import os

    os.utime(debris, (0, 0))
    src.build_derived()
    assert not debris.exists()
    _agree(src, batches)


def test_the_same_store_by_another_path_reads_the_same_blocks(batches, tmp_path):
    """Blocks are named by their parts' file names: a store reached through a link is not derived again (nor
    are the blocks of the other path removed)."""
    src = queries.Source(batches)
    link = tmp_path / "link"
    link.symlink_to(batches)
    other = queries.Source(link)
    assert other.made == [] and src.made and _blocks(batches)
    assert queries.count_statements(other, Filters()) == queries.count_statements(src, Filters())


def test_a_newer_block_is_not_removed_by_a_reader_of_fewer_batches(batches, tmp_path, monkeypatch):
    """Two processes: one has seen a batch more and merged it; the other, refreshing on the set before, leaves
    the newer block alone (it may be in use) until it is old."""
    monkeypatch.setattr(derived, "UNUSED_GRACE_S", 600)
    mans = sorted((batches / "manifests").glob("*.json"))
    held = mans[-2:] if len(mans) % 2 else mans[-1:]  # an odd number stays: the next part completes a pair
    for man in held:
        man.rename(tmp_path / man.name)
    older = queries.Source(batches)
    (tmp_path / held[0].name).rename(batches / "manifests" / held[0].name)
    newer = queries.Source(batches)
    made = set(newer.made)
    assert made and made <= _blocks(batches)
    older.build_derived()  # (on the set of batches it knew: the part before the newer merge)
    assert len(older.parts["statements"]) < len(newer.parts["statements"]) and made <= _blocks(batches)
    assert queries.count_statements(newer, Filters()) == queries.count_statements(older, Filters())  # (refreshed)
