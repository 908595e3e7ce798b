"""Shared fixtures. Keep additions additive: several test modules (and engineers) use this file."""
from __future__ import annotations

from pathlib import Path

import pytest

from lib.records import Article, DateRef, Mention, Statement
from lib.corpus.store import Store

ROOT = Path(__file__).resolve().parent.parent

# -- dashboard stores -------------------------------------------------------------------------------------------
# The dashboard reads the store named by $RASD_STORE (lib/dashboard/data.py). Two stores for its tests: the bundled
# articles as the ingest sees them today (so assertions stay about what a user checks, not exact counts), and a
# small hand-made store whose contents are known exactly (places with precisions, two speakers, two days).

RAQQA_ID = "geonames:172955"  # the gazetteer's Raqqa (data/gazetteer/places.tsv); Mosul is geonames:99072
MOSUL_ID = "geonames:99072"


def _article(article_id: str, published: str, lines: list[tuple[str, str | None, str | None, str | None]],
             places: dict[str, dict], actors: dict[str, dict], dates: list[tuple[str, str]],
             url: str | None = None) -> Article:
    """An article from (line, quote, speaker id, speaker display name) tuples; mentions are found by name."""
    body = "\n".join(line for line, *_ in lines)
    statements, mentions = [], []
    for line, quote, sid, sname in lines:
        if quote:
            start = body.index(quote)
            statements.append(Statement(quote=quote, start=start, end=start + len(quote), kind="direct",
                                        cue="قال", speaker=sname, speaker_ar=actors.get(sid, {}).get("name_ar"),
                                        speaker_id=sid, speaker_kind="person"))
    for kind, table in (("place", places), ("actor", actors)):
        for eid, rec in table.items():
            at = body.find(rec["name_ar"])
            while at != -1:
                mentions.append(Mention(kind, eid, rec["name_ar"], at, at + len(rec["name_ar"])))
                at = body.find(rec["name_ar"], at + 1)
    counts = {}
    for m in mentions:
        counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
    place_recs = {k: {"id": k, **v, "mentions": counts.get(k, 0)} for k, v in places.items()}
    actor_recs = {k: {"id": k, **v, "mentions": counts.get(k, 0)} for k, v in actors.items()}
    date_refs = [DateRef(d, text, body.find(text), body.find(text) + len(text), True) for d, text in dates]
    return Article(article_id=article_id, source_file=f"{article_id}.txt", title=f"مقال {article_id}",
                   published=published, source="Test Wire (وكالة الاختبار)", url=url, body=body,
                   statements=statements, mentions=sorted(mentions, key=lambda m: m.start), dates=date_refs,
                   actors=actor_recs, places=place_recs)


def rich_articles() -> list[Article]:
    """Two articles, two speakers, places of every precision in Raqqa, Mosul and Damascus, and dated events."""
    places = {
        RAQQA_ID: dict(name="Raqqa", name_ar="الرقة", lat=35.9528, lon=39.0079, kind="city", precision="city",
                       country="SY", parent_id=None, coord_source="geonames"),
        "curated:raqqa-mashlab": dict(name="Al-Mashlab", name_ar="حي المشلب", lat=35.952, lon=39.05,
                                      kind="neighbourhood", precision="neighbourhood", country="SY",
                                      parent_id=RAQQA_ID, coord_source="curated"),
        "curated:raqqa-clock": dict(name="Clock Square", name_ar="ساحة الساعة", lat=35.9528, lon=39.0079,
                                    kind="landmark", precision="city", country="SY", parent_id=RAQQA_ID,
                                    coord_source="curated"),
        MOSUL_ID: dict(name="Mosul", name_ar="الموصل", lat=36.335, lon=43.1189, kind="city", precision="city",
                       country="IQ", parent_id=None, coord_source="geonames"),
        "geonames:170654": dict(name="Damascus", name_ar="دمشق", lat=33.5102, lon=36.2913, kind="city",
                                precision="city", country="SY", parent_id=None, coord_source="geonames"),
        "unknown:قريه_الخراب": dict(name="قرية الخراب", name_ar="قرية الخراب", lat=None, lon=None, kind="village",
                                    precision=None, country=None, parent_id=None, coord_source=None),
    }
    actors = {
        "rex-tillerson": dict(name="Rex Tillerson", name_ar="ريكس تيلرسون", kind="person", country="US"),
        "sergey-lavrov": dict(name="Sergey Lavrov", name_ar="سيرغي لافروف", kind="person", country="RU"),
        "isis": dict(name="ISIS", name_ar="داعش", kind="armed_group", country=None),
    }
    a = _article("rich-a", "2017-07-07", [
        ("قال ريكس تيلرسون: «إن تحرير الرقة من داعش يقترب وإن حي المشلب آمن».",
         "إن تحرير الرقة من داعش يقترب وإن حي المشلب آمن", "rex-tillerson", "Rex Tillerson"),
        ("وقال سيرغي لافروف: «الموقف الأمريكي في دمشق لم يتغير».", "الموقف الأمريكي في دمشق لم يتغير",
         "sergey-lavrov", "Sergey Lavrov"),
        ("وأفاد مراسلون أمس بأن ساحة الساعة في الرقة شهدت اشتباكات قرب قرية الخراب.", None, None, None),
    ], places, actors, [("2017-07-06", "أمس")], url="https://example.org/rich-a")
    b = _article("rich-b", "2017-07-20", [
        ("قال ريكس تيلرسون: «المعركة في الموصل انتهت والأميركي يدعم الاستقرار».",
         "المعركة في الموصل انتهت والأميركي يدعم الاستقرار", "rex-tillerson", "Rex Tillerson"),
        ("وفي 25 يوليو تجتمع الأطراف في دمشق.", None, None, None),
    ], {k: v for k, v in places.items() if k in (MOSUL_ID, "geonames:170654")},
        {k: v for k, v in actors.items() if k == "rex-tillerson"}, [("2017-07-25", "25 يوليو")])
    return [a, b]


@pytest.fixture(scope="session")
def rich_store_dir(tmp_path_factory) -> Path:
    """A store holding `rich_articles()`."""
    root = tmp_path_factory.mktemp("rich-store")
    Store(root).add(rich_articles())
    return root


@pytest.fixture(scope="session")
def bundled_store_dir(tmp_path_factory) -> Path:
    """A store built from data/articles by the importer, as a fresh clone's dashboard builds it."""
    from lib.corpus.importer import import_paths

    root = tmp_path_factory.mktemp("bundled-store")
    report = import_paths([ROOT / "data" / "articles"], store_dir=root)
    assert not report.failed, report.summary()
    return root


@pytest.fixture
def use_store(monkeypatch):
    """Point the dashboard at a store folder (and forget cached data before and after)."""
    from lib.dashboard.data import clear_cache

    def use(path: Path) -> Path:
        monkeypatch.setenv("RASD_STORE", str(path))
        clear_cache()
        return path

    yield use
    clear_cache()


# An article whose text carries markup that must never run: the dashboard shows it as text.
HOSTILE_TEXT = ('قال وزير الخارجية الأميركي ريكس تيلرسون في الرقة إن «<script>window.__rasd_xss = 1;</script> '
                'الولايات المتحدة ملتزمة بهزيمة داعش <img src=x onerror="window.__rasd_xss = 2"> في سوريا».\n'
                'وأضاف أن المعركة في الموصل انتهت.\n')
HOSTILE_META = {"title": "اختبار <b>الأمان</b>", "published": "2017-07-09", "source": "Test <i>wire</i>",
                "url": "javascript:alert(1)"}


def make_hostile_store(root: Path) -> Path:
    """A store under root holding the bundled articles and the hostile one (ingested from files)."""
    import json

    from lib.corpus.importer import import_paths

    src = root / "articles"
    src.mkdir(parents=True, exist_ok=True)
    (src / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (src / "hostile.json").write_text(json.dumps(HOSTILE_META, ensure_ascii=False), encoding="utf-8")
    report = import_paths([ROOT / "data" / "articles", src], store_dir=root / "store")
    assert not report.failed, report.summary()
    return root / "store"


@pytest.fixture(scope="session")
def hostile_store_dir(tmp_path_factory) -> Path:
    """A store with the bundled articles and an article holding <script> and <img onerror>."""
    return make_hostile_store(tmp_path_factory.mktemp("hostile"))
