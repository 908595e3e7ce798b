"""AppTest: the Quotes page on DuckDB (RASD_ENGINE=duckdb, lib/dashboard/engine.py) shows what the pandas page
shows on the same small store: the same cards in the same order, the same count, for filters set through the
URL or the sidebar; and the switch picks DuckDB for a big store only."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib.corpus import importer
from lib.corpus.importer import import_paths
from lib.corpus.store import Store
from lib.dashboard import engine

from conftest import RAQQA_ID, ROOT, rich_articles

GOOD = Path(__file__).parent / "fixtures" / "import" / "good"
TIMEOUT = 90
_OUTLETS = re.compile(r'<span class="rasd-tag" dir="ltr".*?</span>')  # the pandas page's wire-copy tag


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    """Several batches: the rich articles, then the bundled article and the import fixtures 3 at a time."""
    root = tmp_path_factory.mktemp("engine-store")
    Store(root).add(rich_articles())
    batch = importer.BATCH
    importer.BATCH = 3
    try:
        import_paths([ROOT / "data" / "articles", GOOD], store_dir=root)
    finally:
        importer.BATCH = batch
    return root


@pytest.fixture
def store(use_store, store_dir, monkeypatch):
    use_store(store_dir)
    engine._articles.clear()
    yield store_dir
    engine._articles.clear()


def quotes(monkeypatch, which: str, query: dict | None = None, grouped: bool = True) -> AppTest:
    """The Quotes page on `which` engine (the pandas page newest first, with wire copies on separate rows when
    not grouped)."""
    monkeypatch.setenv(engine.ENGINE_ENV, which)
    at = AppTest.from_file(str(ROOT / "pages" / "quotes.py"), default_timeout=TIMEOUT)
    if query:
        at.query_params.update(query)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if which == "pandas" and not grouped:
        at.toggle(key="q_group").set_value(False).run()
    if which == "pandas" and at.selectbox(key="q_sort").value == "relevance":  # (DuckDB: no ranking yet)
        at.selectbox(key="q_sort").set_value("newest").run()
    return at


def cards(at: AppTest) -> list[str]:
    bodies = [el.proto.body for el in at.get("html")]
    return [_OUTLETS.sub("", b).replace(" · </div>", "</div>") for b in bodies
            if b.startswith('<div dir="rtl" class="rasd-rtl rasd-card"')]


def paragraphs(at: AppTest) -> list[str]:
    return [el.proto.body for el in at.get("html") if 'class="rasd-rtl rasd-para"' in el.proto.body]


@pytest.mark.parametrize("query", [
    None,
    {"place": RAQQA_ID},
    {"q": "الرقة"},
    {"q": "\"تحرير الرقة\""},
    {"q": "\"وزير الخارجية\""},
    {"actor": "isis"},
    {"from": "2017-07-08"},
], ids=["none", "place", "word", "phrase", "no phrase", "actor", "from"])
def test_duckdb_quotes_page_shows_the_pandas_pages_cards(store, monkeypatch, query):
    want = quotes(monkeypatch, "pandas", query, grouped=False)
    got = quotes(monkeypatch, "duckdb", query)
    assert bool(cards(got)) == (query != {"q": "\"وزير الخارجية\""})
    assert cards(got) == cards(want)
    assert paragraphs(got) == paragraphs(want)
    assert got.title[0].value == want.title[0].value
    assert got.metric[0].value == want.metric[0].value


def test_choosing_a_speaker_on_duckdb_keeps_their_statements_and_the_url(store, monkeypatch):
    at = quotes(monkeypatch, "duckdb")
    before = len(cards(at))
    options = at.multiselect(key="f_speaker").options
    assert options, "the speaker filter offers the store's speakers"
    top = engine.queries.speakers(engine.source())
    key, label = top["speaker_key"][0], top["speaker_label"][0]
    at.multiselect(key="f_speaker").select(key).run()
    assert not at.exception
    after = cards(at)
    assert 0 < len(after) < before
    assert all(f"<b><bdi>{label}</bdi></b>" in c for c in after)
    assert at.query_params.get("speaker") in (key, [key])
    assert at.metric[0].value == f"{int(top['statements'][0]):,}"


def test_oldest_first_is_the_pandas_oldest_first(store, monkeypatch):
    want = quotes(monkeypatch, "pandas", grouped=False)
    want.selectbox(key="q_sort").set_value("oldest").run()
    got = quotes(monkeypatch, "duckdb")
    got.selectbox(key="qd_sort").set_value("oldest").run()
    assert cards(got) == cards(want) and cards(got) != cards(quotes(monkeypatch, "duckdb"))


def test_the_switch_picks_duckdb_for_a_big_store_only(store, monkeypatch):
    monkeypatch.delenv(engine.ENGINE_ENV, raising=False)
    assert engine.committed_articles(store) == 12 + len(rich_articles())  # counted from the manifests
    assert engine.engine() == "pandas"  # the small store keeps the pandas loader
    monkeypatch.setattr(engine, "LARGE_ARTICLES", engine.committed_articles(store) - 1)
    assert engine.engine() == "duckdb"
    monkeypatch.setenv(engine.ENGINE_ENV, "pandas")
    assert engine.engine() == "pandas"
    monkeypatch.setenv(engine.ENGINE_ENV, "sqlite")
    with pytest.raises(ValueError, match="RASD_ENGINE"):
        engine.engine()
