"""store: batches are atomic, duplicates are stored once, concurrent writers lose nothing, crashes leave no trace."""
from __future__ import annotations

import multiprocessing as mp
import os
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from lib.corpus.readers import read_article
from lib.extract.analyse import analyse
from lib.records import Article
import pickle

from lib.corpus.store import TABLES, ArticleRows, BlockArticle, Store, blocks_of, rows_of

SEED = Path(__file__).resolve().parent.parent / "data" / "articles" / "asharq-2017-07-07-tillerson-syria.txt"


def _seed() -> Article:
    raw = read_article(SEED)
    return analyse(raw.text, raw.meta, raw.name)


def _article(n: int) -> Article:
    """A small generated article, distinct for every n, with a direct and an indirect statement and a date."""
    text = (f"قال المتحدث باسم الجيش إن «القوات تقدمت في القرية رقم {n} شمال الرقة».\n"
            f"وأضاف أن الهجوم على الموقع {n * 7 + 1} بدأ أمس.")
    return analyse(text, {"published": "2017-07-07", "title": f"تقدم القوات {n}"}, f"gen-{n}.txt")


def _parts_on_disk(root: Path) -> list[Path]:
    return sorted(p for name in TABLES if (root / name).exists() for p in (root / name).iterdir())


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(tmp_path / "store")


# -- empty store


def test_an_empty_store_loads_empty_frames_with_the_right_columns(store):
    frames = store.load()
    assert set(frames) == set(TABLES)
    for name, schema in TABLES.items():
        assert frames[name].empty
        assert list(frames[name].columns) == schema.names
    assert store.is_empty()
    assert store.article_ids() == set()
    assert store.clean_orphans() == 0


def test_load_returns_only_the_tables_asked_for(store):
    store.add([_article(1)])
    frames = store.load(("articles", "dates"))
    assert set(frames) == {"articles", "dates"}
    assert len(frames["articles"]) == 1


# -- duplicates


def test_the_seed_article_added_twice_is_stored_once(store):
    art = _seed()
    first = store.add([art])
    second = store.add([_seed()])
    assert (first.added, first.duplicates) == ([art.article_id], [])
    assert (second.added, second.duplicates) == ([], [art.article_id])
    frames = store.load()
    assert frames["articles"]["article_id"].tolist() == [art.article_id]
    assert len(frames["statements"]) == len(art.statements) > 0
    assert len(frames["dates"]) == len(art.dates)
    assert len(list(store.manifests.glob("*.json"))) == 1  # the second add wrote nothing


def test_the_same_article_twice_in_one_batch_is_stored_once(store):
    a, b = _article(1), _article(2)
    result = store.add([a, b, _article(1)])
    assert result.added == [a.article_id, b.article_id]
    assert result.duplicates == [a.article_id]
    assert sorted(store.load()["articles"]["article_id"]) == sorted([a.article_id, b.article_id])


def test_the_same_text_with_diacritics_is_a_duplicate(store):
    plain = "قال المتحدث إن «القوات تقدمت نحو الرقة».\nوأضاف أن الهجوم مستمر."
    marked = "قالَ المتحدثُ إنّ «القوات تقدّمت نحو الرقـة».\nوأضاف أن الهجوم مستمر."
    store.add([analyse(plain)])
    assert store.add([analyse(marked)]).added == []


# -- provenance


def test_every_statement_slices_its_article_body_to_the_quote(store):
    store.add([_seed(), _article(1), _article(2)])
    frames = store.load()
    bodies = dict(zip(frames["articles"]["article_id"], frames["articles"]["body"]))
    statements = frames["statements"]
    assert len(statements) > 3
    assert statements["statement_id"].is_unique
    for row in statements.itertuples():
        body = bodies[row.article_id]
        assert body[row.start:row.end] == row.quote
        # the paragraph bounds hold the quote and sit on line boundaries
        assert row.para_start <= row.start < row.end <= row.para_end
        assert row.para_start == 0 or body[row.para_start - 1] == "\n"
        assert row.para_end == len(body) or body[row.para_end] == "\n"
    for row in frames["dates"].itertuples():
        assert bodies[row.article_id][row.start:row.end].strip() == row.text


def test_stored_rows_round_trip_the_article(store):
    art = _seed()
    store.add([art])
    frames = store.load()
    row = frames["articles"].iloc[0]
    assert (row.title, row.published, row.body) == (art.title, art.published, art.body)
    assert frames["statements"]["quote"].tolist() == [s.quote for s in art.statements]
    assert frames["dates"]["date"].tolist() == [d.date for d in art.dates]
    assert set(frames["places"]["place_id"]) == set(art.places)


# -- articles sent by workers as blocks of Arrow tables


def _rows_without_time(store: Store) -> dict:
    tables = store.read()
    tables["articles"] = tables["articles"].drop_columns(["ingested_at"])
    return {name: table.to_pylist() for name, table in tables.items()}


def test_blocks_store_the_same_rows_as_the_articles(tmp_path):
    arts = [_seed()] + [_article(n) for n in range(5)]
    plain, blocked = Store(tmp_path / "plain"), Store(tmp_path / "blocked")
    plain.add(arts)
    # two blocks, as two worker chunks would send them (pickled, so each block is its own object)
    sent = pickle.loads(pickle.dumps(blocks_of([rows_of(a) for a in arts[:4]]))) + \
        pickle.loads(pickle.dumps(blocks_of([rows_of(a) for a in arts[4:]])))
    assert all(isinstance(a, BlockArticle) for a in sent)
    result = blocked.add(sent)
    assert result.added == [a.article_id for a in arts]
    assert _rows_without_time(blocked) == _rows_without_time(plain)
    assert len(set(blocked.read()["articles"]["ingested_at"].to_pylist())) == 1  # filled in when written


def test_part_of_a_block_is_stored_when_the_rest_is_stored_already(tmp_path):
    arts = [_article(n) for n in range(4)]
    plain, blocked = Store(tmp_path / "plain"), Store(tmp_path / "blocked")
    plain.add(arts)
    blocked.add([arts[1], arts[3]])
    sent = blocks_of([rows_of(a) for a in arts]) + [rows_of(arts[0])]  # and one sent twice
    result = blocked.add(sent)
    assert (result.added, result.duplicates) == ([arts[0].article_id, arts[2].article_id],
                                                 [arts[1].article_id, arts[3].article_id, arts[0].article_id])
    got = _rows_without_time(blocked)
    want = _rows_without_time(plain)
    for name in TABLES:  # the same rows, in the order the two adds stored them
        key = lambda row: (row["article_id"], repr(row))  # noqa: E731
        assert sorted(got[name], key=key) == sorted(want[name], key=key)
    assert sent[2].table("statements").num_rows == len(arts[2].statements)


def test_an_article_arrow_refuses_stays_rows_and_the_store_refuses_it_alone(store):
    bad = _article(1)
    bad = Article(**{**bad.__dict__, "title": "\ud800 bad"})
    sent = blocks_of([rows_of(_article(0)), rows_of(bad), rows_of(_article(2))])
    assert [type(a) for a in sent] == [BlockArticle, ArticleRows, BlockArticle]
    result = store.add(sent)
    assert result.added == [sent[0].article_id, sent[2].article_id]
    assert [why for _, why in result.failed][0].startswith("could not be stored")


# -- two writers at once


def _add_in_child(root: str, numbers: list[int], barrier, results) -> None:
    arts = [_article(n) for n in numbers]
    store = Store(root)
    barrier.wait(timeout=60)
    added, dupes = [], []
    for k in range(0, len(arts), 3):  # many small batches, so the two writers interleave
        r = store.add(arts[k:k + 3])
        added += r.added
        dupes += r.duplicates
    results.put((added, dupes))


def test_two_processes_adding_overlapping_sets_lose_nothing(store):
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    sets = [list(range(0, 24)), list(range(12, 36))]
    procs = [ctx.Process(target=_add_in_child, args=(str(store.root), s, barrier, results)) for s in sets]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    expected = {_article(n).article_id for n in range(36)}
    added = [a for got, _ in outcomes for a in got]
    dupes = [d for _, got in outcomes for d in got]
    assert sorted(added) == sorted(expected)  # each article added by exactly one writer
    assert len(dupes) == 12
    frames = store.load()
    assert sorted(frames["articles"]["article_id"]) == sorted(expected)
    assert frames["statements"]["statement_id"].is_unique
    assert len(frames["statements"]) == sum(len(_article(n).statements) for n in range(36))
    assert store.clean_orphans() == 0


# -- crashes


def test_a_crash_after_the_first_part_leaves_the_committed_store(store, monkeypatch):
    before = [_article(1), _article(2)]
    store.add(before)
    committed = store.load()
    real_write = pq.write_table
    calls = []

    def write_then_crash(table, where, **kw):
        calls.append(where)
        real_write(table, where, **kw)
        if len(calls) == 2:
            raise OSError("disk full")

    monkeypatch.setattr(pq, "write_table", write_then_crash)
    with pytest.raises(OSError, match="disk full"):
        store.add([_article(3)])
    monkeypatch.undo()
    assert len(_parts_on_disk(store.root)) == len(TABLES) + 2  # the crashed batch's renamed part and temp file

    frames = store.load()
    assert store.article_ids() == {a.article_id for a in before}
    for name in TABLES:
        assert len(frames[name]) == len(committed[name])
    # a later add succeeds and the crashed article can be added again
    assert store.add([_article(3)]).added == [_article(3).article_id]
    assert store.article_ids() == {_article(n).article_id for n in (1, 2, 3)}
    # the crashed batch left a renamed part and a temp file: the next write removed both, committed parts stay
    assert store.clean_orphans() == 0
    assert len(_parts_on_disk(store.root)) == 2 * len(TABLES)
    assert len(store.load()["statements"]) == len(committed["statements"]) + len(_article(3).statements)


_TMP_MANIFEST_BUG = ("Store._committed_parts globs manifests/*.json, which (pathlib) also matches the uncommitted "
                     "manifests/.tmp-*.json: a batch whose manifest was never renamed counts as stored, and "
                     "clean_orphans then deletes that temp manifest, so its articles vanish")


def test_a_crash_before_the_manifest_commits_nothing(store, monkeypatch):
    store.add([_article(1)])
    real_replace = os.replace

    def replace_but_not_manifests(src, dst):
        if str(dst).endswith(".json"):
            raise OSError("power cut")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_but_not_manifests)
    with pytest.raises(OSError, match="power cut"):
        store.add([_article(2)])
    monkeypatch.undo()

    assert store.article_ids() == {_article(1).article_id}
    assert len(store.load()["statements"]) == len(_article(1).statements)
    assert store.clean_orphans() == len(TABLES) + 1  # every part of the batch and the manifest's temp file
    assert len(_parts_on_disk(store.root)) == len(TABLES)
    assert store.add([_article(2)]).added == [_article(2).article_id]


def test_a_half_written_manifest_does_not_break_the_store(store):
    store.add([_article(1)])
    (store.manifests / ".tmp-20170707T000000-000000001-deadbeef.json").write_text('{"batch": "2017', encoding="utf-8")
    assert store.article_ids() == {_article(1).article_id}
    assert len(store.load()["articles"]) == 1
    assert store.add([_article(2)]).added == [_article(2).article_id]
    assert not list(store.manifests.glob(".tmp-*"))  # the next write removed the dead writer's temp file
    assert store.clean_orphans() == 0


def _add_and_hang(root: str, started) -> None:
    real_write = pq.write_table

    def write_then_hang(table, where, **kw):
        real_write(table, where, **kw)
        started.set()
        time.sleep(120)  # killed here, holding the lock, mid-batch

    pq.write_table = write_then_hang
    Store(root).add([_article(n) for n in range(100, 105)])


def test_a_writer_killed_mid_batch_leaves_the_committed_store(store):
    store.add([_article(1)])
    ctx = mp.get_context("spawn")
    started = ctx.Event()
    child = ctx.Process(target=_add_and_hang, args=(str(store.root), started))
    child.start()
    try:
        assert started.wait(timeout=60), "the child never wrote its first part"
    finally:
        child.kill()
        child.join(timeout=30)
    assert store.article_ids() == {_article(1).article_id}
    assert len(store.load()["articles"]) == 1
    # the dead writer's lock is gone: a later add goes through
    assert store.add([_article(2)]).added == [_article(2).article_id]
    assert store.clean_orphans() == 0  # the add removed what the killed writer left
    assert len(_parts_on_disk(store.root)) == 2 * len(TABLES)
    assert store.article_ids() == {_article(n).article_id for n in (1, 2)}
