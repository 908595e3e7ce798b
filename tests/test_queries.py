"""The DuckDB queries (lib/dashboard/queries.py) against the pandas path they replace: `lib.dashboard.filters`
over the frames `lib.dashboard.data.derive` makes, on a small store of several batches (the hand-made rich
articles, the bundled article and the import fixtures). Every query, every filter: they must agree."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from lib.corpus import importer
from lib.corpus.importer import import_paths
from lib.corpus.store import Store
from lib.dashboard import charts, filters, maps, queries
from lib.dashboard.data import DASHBOARD_TABLES, derive, frames
from lib.dashboard.filters import Filters

from conftest import MOSUL_ID, RAQQA_ID, ROOT, rich_articles

GOOD = Path(__file__).parent / "fixtures" / "import" / "good"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """Several committed batches: the rich articles, then the bundled article and the fixtures 3 at a time."""
    root = tmp_path_factory.mktemp("queries-store")
    Store(root).add(rich_articles())
    batch = importer.BATCH
    importer.BATCH = 3
    try:
        report = import_paths([ROOT / "data" / "articles", GOOD], store_dir=root)
    finally:
        importer.BATCH = batch
    assert report.added == 12 and len(list((root / "manifests").glob("*.json"))) >= 4
    return root


@pytest.fixture(scope="module")
def data(store) -> dict[str, pd.DataFrame]:
    return derive(frames(Store(store).read(DASHBOARD_TABLES)))


@pytest.fixture(scope="module")
def src(store) -> queries.Source:
    return queries.Source(store)


def _choices(data) -> dict[str, Filters]:
    top = list(data["speakers"]["speaker_key"])
    return {
        "none": Filters(),
        "one speaker": Filters(speakers=top[:1]),
        "two speakers": Filters(speakers=top[1:3]),
        "unknown speaker": Filters(speakers=["?"]),
        "actor": Filters(actors=["isis"]),
        "places": Filters(places=[RAQQA_ID, MOSUL_ID]),
        "dates": Filters(start=date(2017, 7, 1), end=date(2017, 7, 20)),
        "from a day": Filters(start=date(2017, 7, 8)),
        "until a day": Filters(end=date(2017, 7, 7)),
        "until the day before": Filters(end=date(2017, 7, 19)),  # rich-b, of 2017-07-20 00:00, is out
        "text skeleton": Filters(text="الأمريكي"),
        "text variant": Filters(text="الاميركي"),  # الأمريكي spelt الأميركي, without hamza
        "text folded": Filters(text="قال"),
        "text latin": Filters(text="Tillerson"),
        "text speaker": Filters(text="لافروف"),
        "text nothing": Filters(text="كلمةلاتوجد"),
        "text blank": Filters(text="   "),
        "all": Filters(speakers=top[:2], places=[RAQQA_ID, MOSUL_ID, "geonames:170654"],
                       start=date(2017, 1, 1), end=date(2017, 12, 31), text="الرقة"),
    }


CHOICES = ["none", "one speaker", "two speakers", "unknown speaker", "actor", "places", "dates", "from a day",
           "until a day", "until the day before", "text skeleton", "text variant", "text folded", "text latin", "text speaker",
           "text nothing", "text blank", "all"]
SOME = ["none", "one speaker", "actor", "places", "dates", "text skeleton", "text nothing", "all"]  # for the
# aggregates: each filter kind once (counts and pages take every one)


def _shown(data, chosen: Filters) -> pd.DataFrame:
    statements = data["statements"]
    return statements[filters.apply(statements, chosen)]


@pytest.mark.parametrize("name", CHOICES)
def test_counts_and_pages_agree(data, src, name):
    chosen = _choices(data)[name]
    shown = _shown(data, chosen)
    assert queries.count_statements(src, chosen) == (len(shown), len(data["statements"]))
    for offset, limit in ((0, 5), (3, 4), (0, 1000), (1, 3)):
        page = queries.statement_page(src, chosen, offset, limit)
        want = shown.iloc[offset:offset + limit]
        assert list(page["statement_id"]) == list(want["statement_id"])
        for col in ("speaker_key", "speaker_label", "title", "source", "url", "quote", "published", "start",
                    "para_start", "para_end", "place_ids", "actor_ids", "place_names", "actor_names"):
            assert page[col].tolist() == want[col].tolist(), col
        assert page["published_date"].tolist() == want["published_date"].tolist()


@pytest.mark.parametrize("name", SOME)
def test_newest_first_pages_agree(data, src, name):
    """The timeline draws the latest statements: the same rows as the pandas frame's latest dated ones."""
    chosen = _choices(data)[name]
    dated = _shown(data, chosen)
    dated = dated[dated["published_date"].notna()]
    page = queries.statement_page(src, chosen, 0, 3, newest_first=True)
    assert list(page["statement_id"]) == list(dated.iloc[::-1]["statement_id"][:3])


def test_place_mentions_over_time_agree(data, src):
    inside = filters.places_within(data["place_table"], RAQQA_ID)
    rows = data["places"][data["places"]["place_id"].isin(inside)].merge(data["articles"][["article_id", "published"]],
                                                                        on="article_id")
    rows = rows.assign(bin=pd.to_datetime(rows["published"], errors="coerce", format="mixed").dt.normalize())
    want = rows.dropna(subset=["bin"]).groupby(["place_id", "bin"])["mentions"].sum().reset_index()
    got = queries.place_mentions(src, inside)
    assert len(inside) >= 2 and not got.empty
    assert got.values.tolist() == want.values.tolist()
    one = [data["articles"]["article_id"].iloc[0]]
    assert queries.place_mentions(src, inside, one)["mentions"].sum() == \
        data["places"][data["places"]["place_id"].isin(inside) & data["places"]["article_id"].isin(one)]["mentions"].sum()


def test_some_filters_keep_some_statements_and_drop_others(data, src):
    """The table above must not be trivially all-or-nothing."""
    kept = {name: queries.count_statements(src, f)[0] for name, f in _choices(data).items()}
    total = len(data["statements"])
    assert kept["none"] == kept["text blank"] == total and kept["text nothing"] == 0
    # ("text latin", Tillerson, is a speaker's name: the word search reads the quotes only, and finds none)
    for name in ("one speaker", "actor", "places", "dates", "text skeleton", "text variant", "all"):
        assert 0 < kept[name] < total, name
    assert kept["text skeleton"] == kept["text variant"]  # الأمريكي ≡ الاميركي: attested spelling variants


@pytest.mark.parametrize("name", SOME)
def test_speakers_and_top_named_agree(data, src, name):
    chosen = _choices(data)[name]
    shown = _shown(data, chosen)
    got = queries.speakers(src, chosen)
    if shown.empty:
        assert got.empty
        return
    g = shown.groupby("speaker_key", sort=False)
    want = g[["speaker_label", "speaker_ar", "speaker_kind"]].first().reset_index()
    want["statements"] = g.size().reindex(want["speaker_key"]).to_numpy()
    want = want.sort_values(["statements", "speaker_label", "speaker_key"], ascending=[False, True, True])
    cols = ["speaker_key", "speaker_label", "speaker_ar", "speaker_kind", "statements"]
    assert got[cols].astype(object).where(got[cols].notna(), None).values.tolist() == \
        want[cols].astype(object).where(want[cols].notna(), None).values.tolist()
    for what in ("place", "actor"):
        top = getattr(queries, f"top_{what}s")(src, chosen, limit=1000)
        counts = shown[f"{what}_ids"].explode().dropna().value_counts()
        assert dict(zip(top[f"{what}_id"], top["statements"])) == counts.to_dict()
        assert list(top["statements"]) == sorted(top["statements"], reverse=True)


def test_all_speakers_match_the_loaders_table(data, src):
    got = queries.speakers(src)
    want = data["speakers"]
    assert set(got["speaker_key"]) == set(want["speaker_key"])
    merged = got.merge(want, on="speaker_key", suffixes=("", "_pd"))
    assert (merged["statements"] == merged["statements_pd"]).all()
    assert (merged["speaker_label"] == merged["speaker_label_pd"]).all()
    assert queries.speakers(src, limit=2)["speaker_key"].tolist() == got["speaker_key"][:2].tolist()


@pytest.mark.parametrize("kind,key", [("places", "place_table"), ("actors", "actor_table")])
def test_entity_tables_agree(data, src, kind, key):
    got = src.entity_table(kind).reset_index(drop=True)
    want = data[key].reset_index(drop=True)
    assert list(got.columns) == list(want.columns)
    assert got.astype(object).where(got.notna(), None).values.tolist() == \
        want.astype(object).where(want.notna(), None).values.tolist()


@pytest.mark.parametrize("name", SOME)
@pytest.mark.parametrize("articles", ["all", "shown", "none"])
def test_map_counts_agree(data, src, name, articles):
    chosen = _choices(data)[name]
    shown = _shown(data, chosen)
    ids = {"all": set(data["articles"]["article_id"]), "shown": set(shown["article_id"]), "none": set()}[articles]
    want = maps.place_counts(data["places"], shown, ids)
    want = want[(want["mentions"] > 0) | (want["statements"] > 0)].reset_index(drop=True)
    got = queries.place_counts(src, chosen, articles)
    got = got[(got["mentions"] > 0) | (got["statements"] > 0)].reset_index(drop=True)
    assert got.values.tolist() == want.values.tolist()
    for size_by in ("mentions", "statements"):
        points = maps.place_points(data["place_table"], maps.place_counts(data["places"], shown, ids), size_by=size_by)
        drawn = queries.map_places(src, chosen, articles, size_by=size_by)
        assert sorted(zip(drawn["place_id"], drawn[size_by])) == sorted(zip(points["place_id"], points[size_by]))
        assert list(drawn[size_by]) == sorted(drawn[size_by], reverse=True)


@pytest.mark.parametrize("name", SOME)
@pytest.mark.parametrize("unit,period", [("day", None), ("week", "W"), ("month", "M")])
def test_timeline_bins_agree(data, src, name, unit, period):
    chosen = _choices(data)[name]
    dated = _shown(data, chosen)
    dated = dated[dated["published_date"].notna()]
    got = queries.timeline_bins(src, chosen, unit, top=2)
    if dated.empty:
        assert got.empty
        return
    per = dated["speaker_label"].value_counts().reset_index()
    per.columns = ["speaker_label", "n"]
    leaders = set(per.sort_values(["n", "speaker_label"], ascending=[False, True])["speaker_label"][:2])
    when = dated["published_date"]
    bins = when.dt.normalize() if period is None else when.dt.to_period(period).dt.start_time
    who = dated["speaker_label"].where(dated["speaker_label"].isin(leaders), queries.OTHERS)
    want = pd.DataFrame({"bin": bins, "who": who}).groupby(["bin", "who"]).size().reset_index(name="statements")
    assert got.values.tolist() == want.sort_values(["bin", "who"]).values.tolist()


@pytest.mark.parametrize("name", ["none", "dates", "places", "text skeleton"])
@pytest.mark.parametrize("what", ["place", "actor"])
def test_speaker_matrices_agree(data, src, name, what):
    chosen = _choices(data)[name]
    shown = _shown(data, chosen)
    table = data[f"{what}_table"]
    want = charts.matrix(shown, f"{what}_ids", dict(zip(table[f"{what}_id"], table["label"])), top_rows=50,
                         top_cols=50)
    got = queries.speaker_matrix(src, chosen, what, top_rows=50, top_cols=50)
    if want.empty:
        assert got.empty
        return
    assert got.sort_index().sort_index(axis=1).equals(want.sort_index().sort_index(axis=1).astype(int))
    small = queries.speaker_matrix(src, chosen, what, top_rows=2, top_cols=3)
    assert small.shape[0] <= 2 and small.shape[1] <= 3


@pytest.mark.parametrize("name", SOME)
def test_date_spans_agree(data, src, name):
    chosen = _choices(data)[name]
    assert queries.date_span(src, chosen) == filters.date_span(_shown(data, chosen))


def test_overview_articles_and_events_agree(data, src):
    got = queries.overview(src)
    first, last = filters.date_span(data["statements"])
    assert got == {"articles": len(data["articles"]), "statements": len(data["statements"]),
                   "speakers": len(data["speakers"]), "places": len(data["place_table"]), "first": first,
                   "last": last}
    page = queries.article_page(src, 0, 1000)
    per = data["statements"].groupby("article_id").size()
    assert dict(zip(page["article_id"], page["statements"])) == \
        {a: int(per.get(a, 0)) for a in data["articles"]["article_id"]}
    assert list(page["article_id"]) == list(data["articles"].sort_values(["published", "article_id"],
                                                                          na_position="last")["article_id"])
    ev = queries.events(src, limit=5)
    want = data["dates"].sort_values("date", ascending=False, na_position="last").head(5)
    assert list(ev["date"]) == list(want["date"])
    chosen = Filters(speakers=[data["speakers"]["speaker_key"][0]])
    kept = set(_shown(data, chosen)["article_id"])
    assert set(queries.events(src, chosen)["article_id"]) == set(data["dates"][data["dates"]["article_id"].isin(kept)]
                                                                 ["article_id"])


def test_bodies_are_the_articles(data, src):
    ids = list(data["articles"]["article_id"][:3])
    assert queries.bodies(src, ids) == dict(zip(data["articles"]["article_id"][:3], data["articles"]["body"][:3]))
    page = queries.statement_page(src, Filters(), 0, 50)
    want = dict(zip(data["articles"]["article_id"], data["articles"]["body"]))
    assert queries.bodies(src, list(page["article_id"]), list(page["articles_part"])) == \
        {a: want[a] for a in page["article_id"]}  # read from each statement's own batch


def test_a_new_batch_is_seen_after_refresh(tmp_path):
    Store(tmp_path).add(rich_articles()[:1])
    src = queries.Source(tmp_path)
    before = queries.count_statements(src, Filters(text="الموصل"))
    Store(tmp_path).add(rich_articles()[1:])
    assert src.refresh() and not src.refresh()
    after = queries.count_statements(src, Filters(text="الموصل"))
    assert before == (0, 2) and after == (1, 3)  # the new part got its search keys too


def test_empty_store_answers_empty(tmp_path):
    src = queries.Source(tmp_path / "none")
    assert queries.count_statements(src, Filters(text="داعش")) == (0, 0)
    assert queries.statement_page(src, Filters()).empty and queries.speakers(src).empty
    assert queries.date_span(src) == (None, None) and src.entity_table("places").empty
    assert queries.overview(src)["articles"] == 0 and queries.timeline_bins(src, Filters()).empty


def test_index_command_keys_every_part_once(store, tmp_path, capsys):
    import shutil

    copy = tmp_path / "store"
    shutil.copytree(store, copy, ignore=shutil.ignore_patterns("search"))
    assert queries.main(["--index", "--store", str(copy)]) == 0
    parts = len(list((copy / "statements").glob("*.parquet")))
    assert f"search keys for {parts} new part(s), {parts} in all" in capsys.readouterr().out
    assert queries.main(["--index", "--store", str(copy)]) == 0
    assert f"search keys for 0 new part(s), {parts} in all" in capsys.readouterr().out


@pytest.mark.parametrize("name", SOME)
def test_pages_past_the_first_agree(data, src, name):
    """A page further down the list: the same rows in the same order as the pandas frame's."""
    chosen = _choices(data)[name]
    shown = _shown(data, chosen)
    for offset in (1, 4, 7):
        page = queries.statement_page(src, chosen, offset, 6)
        assert list(page["statement_id"]) == list(shown["statement_id"][offset:offset + 6])
        assert page["place_names"].tolist() == shown["place_names"][offset:offset + 6].tolist()


def test_searches_over_merged_key_segments_agree(store, data, tmp_path, monkeypatch):
    """Key files merged into segments (here of 2 parts; a store's last parts stay on their own) find the same
    statements; a segment no longer matching the parts is removed."""
    import shutil

    copy = tmp_path / "store"
    shutil.copytree(store, copy, ignore=shutil.ignore_patterns("search", "derived"))
    monkeypatch.setattr(queries, "KEY_LEVELS", (2, 1))
    seg = queries.Source(copy)
    files = queries.key_files(seg)
    assert any("/segments/" in f for f in files) and any("/segments/" not in f for f in files)
    for name in ("text skeleton", "text variant", "text folded", "text speaker", "all"):
        chosen = _choices(data)[name]
        assert queries.count_statements(seg, chosen)[0] == len(_shown(data, chosen)), name
    stale = Path(files[0]).parent / "seg-0000000000000000.parquet"
    stale.write_bytes(b"")
    import os

    os.utime(stale, (0, 0))  # (a young one is left: it may be another process's)
    queries.key_files(seg)
    assert not stale.exists()


def test_phrases_agree(data, src):
    """A quoted phrase is found from the key files' word positions: the same statements as the pandas search,
    for phrases taken from the store's quotes (two and three words, the same words reversed, one made of a
    word repeated) and beside other words."""
    import re

    quotes = [q for q in data["statements"]["quote"] if isinstance(q, str)]
    phrases = []
    for q in quotes[:12]:
        words = re.findall(r"[\u0621-\u064a]{3,}", q)
        if len(words) >= 3:
            phrases += [words[:2], words[1:4], words[:2][::-1]]
    assert len(phrases) >= 9
    texts = [f'"{" ".join(p)}"' for p in phrases] + [f'«{" ".join(phrases[0])}» {phrases[1][0]}',
                                                      f'"{phrases[0][0]} {phrases[0][0]}"']
    found = 0
    for text in texts:
        chosen = Filters(text=text)
        want = _shown(data, chosen)
        assert queries.count_statements(src, chosen)[0] == len(want), text
        assert list(queries.statement_page(src, chosen, 0, 50)["statement_id"]) == list(want["statement_id"][:50])
        found += len(want) > 0
    assert found >= len(phrases) // 2  # (most phrases are found: the test is not all-or-nothing)


@pytest.mark.parametrize("text", ["الأمريكي", "قال", "الرقة الموصل", '"وزير الخارجية"', '"قال إن" الرقة', "داعش"])
@pytest.mark.parametrize("speaker", [False, True])
def test_relevance_pages_agree(data, src, text, speaker):
    """Best match first: the same statements in the same order as the pandas page's ranking (BM25 over every
    statement, ties newest first), page by page."""
    from dataclasses import replace

    chosen = Filters(text=text, speakers=list(data["speakers"]["speaker_key"][:2]) if speaker else [])
    statements = data["statements"]
    matched, scores = filters.text_search(statements, chosen.text)
    mask = matched & filters.apply(statements, replace(chosen, text=""))
    want = list(statements["statement_id"].to_numpy()[filters.order(statements, mask, "relevance", scores.to_numpy())])
    got = list(queries.ranked(src, chosen)["statement_id"])
    assert got == want
    for offset in (0, 2):
        page = queries.statement_page(src, chosen, offset, 3, order="relevance")
        assert list(page["statement_id"]) == want[offset:offset + 3]


def test_relevance_scores_are_the_pandas_search_scores(data, src):
    statements = data["statements"]
    _, scores = filters.text_search(statements, "الرقة")
    got = queries.ranked(src, Filters(text="الرقة"))
    want = dict(zip(statements["statement_id"], scores.to_numpy()))
    assert len(got) and all(abs(s - want[i]) < 1e-5 for i, s in zip(got["statement_id"], got["score"]))


@pytest.mark.parametrize("name", CHOICES)
@pytest.mark.parametrize("by", ["newest", "oldest", "relevance", "speaker", "outlets"])
@pytest.mark.parametrize("grouped", [True, False])
def test_grouped_counts_and_pages_agree(data, src, name, by, grouped):
    """One row per wire story (the Quotes page's default) or every copy, in each of the page's orders: the same
    count, the same rows (first copies, `filters.first_copies`) in the same order, with the same outlets and
    sources as the pandas page's."""
    from dataclasses import replace

    chosen = _choices(data)[name]
    statements = data["statements"]
    matched, scores = filters.text_search(statements, chosen.text)
    mask = matched & filters.apply(statements, replace(chosen, text=""))
    order = by if by != "relevance" or chosen.text.strip() else "newest"
    positions = filters.order(statements, mask, order, scores.to_numpy())
    want = statements.take(filters.first_copies(statements, positions) if grouped else positions)
    assert queries.count_statements(src, chosen, grouped=grouped) == (len(want), len(statements))
    for offset, limit in ((0, 1000), (1, 3)):
        page = queries.statement_page(src, chosen, offset, limit, order=by, grouped=grouped, outlets=True)
        rows = want.iloc[offset:offset + limit]
        assert list(page["statement_id"]) == list(rows["statement_id"])
        assert page["outlets"].tolist() == rows["outlets"].tolist()
        assert page["copy_sources"].tolist() == rows["copy_sources"].tolist()


def test_the_test_store_has_wire_copies(data, src):
    """The grouping is tried on copies: some statements of the small store share a copy key across outlets."""
    statements = data["statements"]
    assert (statements["outlets"] > 1).any()
    assert queries.count_statements(src, Filters(), grouped=True)[0] < len(statements)
