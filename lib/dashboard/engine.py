"""Which engine answers the pages: the pandas loader (lib.dashboard.data, the whole store in memory) for a store
that fits, DuckDB over the Parquet parts (lib.dashboard.queries, memory bounded) for a big archive.

The one switch: `RASD_ENGINE=duckdb` or `RASD_ENGINE=pandas` forces an engine; otherwise a store of more than
LARGE_ARTICLES committed articles (counted from its manifests, nothing loaded) is answered by DuckDB. The
pandas loader held 1.2 GB at 60,000 articles (bench/README.md), so the switch sits below that. Pages wired so
far: Quotes (`quotes_page`), Home (`home_figures`), Map (`map_page`), Actors (`actors_page`), Timeline
(`timeline_page`); Raqqa & Mosul loads only the newest articles that name either city (`city_data`) and runs its
pandas page on them.
"""
from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st

from lib.dashboard import charts, filters, maps, queries, search, url_state
from lib.dashboard.data import (DASHBOARD_TABLES, _context, _fingerprint, derive, ensure_store, focus_cities,
                                 frames, gazetteer_places, latest_day, span_of_days, store_dir)
from lib.dashboard.filters import Filters
from lib.dashboard.rtl import esc, md, paragraph_html, rtl_block, statement_card
from lib.dashboard.widgets import (PAGE_SIZE, activity_controls, copies_caption, copies_toggle, download_buttons,
                                   filter_sidebar, matrix_tabs, place_map, profile_pick, sort_choice)

ENGINE_ENV = "RASD_ENGINE"
ENGINES = ("pandas", "duckdb")
LARGE_ARTICLES = 50_000  # beyond this many articles the pages ask DuckDB (unless RASD_ENGINE says otherwise)


def committed_articles(root: Path, beyond: int | None = None) -> int:
    """Articles the store's committed manifests count (without reading any part); given `beyond`, counting
    stops once past it (a big store's thousand manifests are not all read to choose the engine)."""
    return _articles(str(root), _fingerprint(root), beyond)


@st.cache_resource(show_spinner=False, max_entries=4)
def _articles(root: str, fingerprint: tuple[str, ...], beyond: int | None = None) -> int:
    total = 0
    for name in fingerprint:
        if beyond is not None and total > beyond:
            break
        try:
            total += int(json.loads((Path(root) / "manifests" / name).read_text(encoding="utf-8")).get("articles") or 0)
        except (OSError, ValueError):
            continue  # a damaged manifest: store_warnings names it
    return total


def engine() -> str:
    """'duckdb' or 'pandas': RASD_ENGINE when set, else by the store's size."""
    forced = os.environ.get(ENGINE_ENV, "").strip().lower()
    if forced:
        if forced not in ENGINES:
            raise ValueError(f"{ENGINE_ENV}={forced!r}: must be one of {', '.join(ENGINES)}")
        return forced
    return "duckdb" if committed_articles(store_dir(), beyond=LARGE_ARTICLES) > LARGE_ARTICLES else "pandas"


def use_duckdb() -> bool:
    """Do the wired pages ask DuckDB?"""
    return engine() == "duckdb"


@st.cache_resource(show_spinner="Opening the store · فتح البيانات…", max_entries=2)
def _source(root: str) -> queries.Source:
    """One DuckDB source per store folder and process, shared by the sessions (it refreshes itself)."""
    return queries.Source(root)


def source() -> queries.Source:
    """The DuckDB source of the dashboard's store (filled from the bundled articles when empty), up to date."""
    root = store_dir()
    ensure_store(root)
    src = _source(str(root))
    src.refresh()
    return src


def sidebar_data(src: queries.Source) -> dict[str, pd.DataFrame]:
    """What `widgets.filter_sidebar` reads, from DuckDB and small: the speakers, actor and place tables, the
    plausible first and last publication day (as a two-row `statements`), and the topics the articles have."""
    return src.cached("sidebar", lambda: _sidebar_data(src))


def _sidebar_data(src: queries.Source) -> dict[str, pd.DataFrame]:
    return {"speakers": queries.speakers(src), "actor_table": src.entity_table("actors"),
            "place_table": src.entity_table("places"), "articles": src.persisted("topics", lambda: _topics(src)),
            "statements": src.persisted("span", lambda: _span(src))}


def _topics(src: queries.Source) -> pd.DataFrame:
    """The topics the articles have (none in a store written before topics were found)."""
    return src.cursor().execute("SELECT DISTINCT topic FROM arts WHERE topic IS NOT NULL ORDER BY topic").df()


def _span(src: queries.Source) -> pd.DataFrame:
    """The first and last publication day of the statements inside the corpus's plausible span
    (`plausible`), as the two rows `filters.date_span` reads."""
    span = plausible(src)
    first = last = None
    if span is not None:
        first, last = src.cursor().execute(
            "SELECT min(published_ts), max(published_ts) FROM ix WHERE published_ts BETWEEN $lo AND $hi",
            {"lo": span[0].to_pydatetime(warn=False), "hi": span[1].to_pydatetime(warn=False)}).fetchone()
    dated = [d for d in (first, last) if d is not None]
    return pd.DataFrame({"published_date": pd.to_datetime(pd.Series(dated, dtype="datetime64[ns]")),
                         "date_ok": np.ones(len(dated), dtype=bool)})


SORTS = list(filters.SORTS)  # the DuckDB list offers every order of the pandas page
DOWNLOAD_ROWS = 100_000  # statements a download holds at most (the rows are read whole from their parts)


def quotes_page() -> None:
    """The Quotes page on DuckDB: the sidebar filters, the count, newest or oldest first or best match first for
    a search, one row per wire story (with its outlets) or every copy, the CSV and JSON downloads, a page of
    statement cards with their paragraphs."""
    src = source()
    chosen = filter_sidebar(sidebar_data(src))
    st.title("Quotes · الاقتباسات")
    st.caption("Who said what, where and when. Filter in the sidebar; the address bar keeps the filters, so a view "
               "can be shared. · من قال ماذا وأين ومتى. الرابط يحفظ التصفية لمشاركتها.")
    left, mid, right = st.columns([2, 2, 1])
    by = sort_choice(mid, chosen.text, SORTS)
    grouped = copies_toggle(right)
    kept, total = queries.count_statements(src, chosen)
    shown = queries.count_statements(src, chosen, grouped=True)[0] if grouped and kept else kept
    left.metric("Shown · المعروض", f"{shown:,}", help=f"of {total:,} statements in the store")
    copies_caption(left, kept, shown, grouped)
    if search.parse_query(chosen.text):
        st.caption(f"{kept:,} statements hold every word of «{chosen.text.strip()}» · تصريحات تحوي كل الكلمات")
    if shown > DOWNLOAD_ROWS:
        st.caption(f"The downloads hold the first {DOWNLOAD_ROWS:,} in this order · التنزيل يحوي أول "
                   f"{DOWNLOAD_ROWS:,}")
    download_buttons(lambda: listed_statements(src, chosen, by, grouped=grouped, outlets=True), disabled=not shown)
    statement_pages(src, chosen, shown, by, key="quotes", grouped=grouped, outlets=True)


def listed_statements(src: queries.Source, chosen: Filters, by: str, limit: int = DOWNLOAD_ROWS,
                      grouped: bool = False, outlets: bool = False) -> pd.DataFrame:
    """The filtered statements in the list's order (the first `limit`; with `grouped`, each wire story once; with
    `grouped` or `outlets`, each with the outlets that carried its words), with what a download holds."""
    return queries.statement_page(src, chosen, 0, limit, order=by, grouped=grouped, outlets=outlets)


def statement_pages(src: queries.Source, chosen: Filters, shown: int, by: str, key: str,
                    place: str | None = None, actor: str | None = None, grouped: bool = False,
                    outlets: bool = False) -> None:
    """A page of the filtered statements' cards (those naming `place` or `actor` too, when given; the query's words
    highlighted), each with its paragraph behind an expander; only the page's rows and articles are read."""
    if not shown:
        st.info("No statement matches · لا تصريحات مطابقة")
        return
    pages = max(1, -(-shown // PAGE_SIZE))
    page = 1
    if pages > 1:
        box = f"{key}_page"
        if not 1 <= int(st.session_state.get(box, 1)) <= pages:  # fewer pages after a new filter
            st.session_state[box] = 1
        page = st.number_input(f"Page · صفحة (1–{pages})", min_value=1, max_value=pages, value=1, step=1, key=box)
    rows = queries.statement_page(src, chosen, (page - 1) * PAGE_SIZE, PAGE_SIZE, order=by, place=place,
                                  actor=actor, grouped=grouped, outlets=outlets)
    bodies = queries.bodies(src, list(rows["article_id"]), list(rows["articles_part"]))
    variants = search.lexicon_variants() if chosen.text.strip() else None  # (the lexicons: only to highlight)
    for row in rows.to_dict("records"):
        marks = search.word_spans(row.get("quote") or "", chosen.text, variants) if variants else None
        st.html(statement_card(row, marks))
        with st.expander("Open in its paragraph · اعرض في الفقرة"):
            st.html(paragraph_html(row, bodies.get(row["article_id"]) or ""))


ARTICLE_ROWS = 2000  # the newest articles the Home page lists


def home_figures() -> dict[str, object]:
    """What the Home page shows, from DuckDB (kept per set of committed batches): articles, statements,
    speakers, places, first and last plausible publication day, statements of implausible date, articles per
    topic (None when the store knows no topics), the newest ARTICLE_ROWS articles with their statement counts."""
    src = source()
    return src.cached("home", lambda: _home_figures(src))


def _home_figures(src: queries.Source) -> dict[str, object]:
    span = src.persisted("span", lambda: _span(src))
    first = span["published_date"].min().date() if len(span) else None
    last = span["published_date"].max().date() if len(span) else None
    counts = src.persisted("home_counts", lambda: _home_counts(src))
    newest = src.persisted("newest", lambda: _newest(src))
    topics = src.persisted("topic_counts", lambda: _topic_counts(src))
    return {"articles": int(counts["articles"][0]), "statements": queries.total_statements(src),
            "speakers": len(queries.speakers(src)), "places": len(src.entity_table("places")), "first": first,
            "last": last, "odd": int(counts["odd"][0]), "newest": newest,
            "topics": topics.set_index("topic")["n"] if len(topics) else None}


def _home_counts(src: queries.Source) -> pd.DataFrame:
    """Distinct articles, and dated statements outside the plausible span."""
    cur = src.cursor()
    span = plausible(src)
    articles = cur.execute("SELECT count(DISTINCT article_id) FROM arts").fetchone()[0]
    if span is None:
        odd = cur.execute("SELECT count(*) FROM ix WHERE published_ts IS NOT NULL").fetchone()[0]
    else:
        odd = cur.execute("SELECT count(*) FROM ix WHERE published_ts IS NOT NULL AND NOT (published_ts BETWEEN "
                          "$lo AND $hi)", {"lo": span[0].to_pydatetime(warn=False),
                                           "hi": span[1].to_pydatetime(warn=False)}).fetchone()[0]
    return pd.DataFrame({"articles": [int(articles)], "odd": [int(odd)]})


def _topic_counts(src: queries.Source) -> pd.DataFrame:
    """Articles per topic (unknown counted as other), most first; empty when no article has a topic."""
    return src.cursor().execute("""
        SELECT coalesce(topic, 'other') AS topic, count(*)::BIGINT AS n FROM arts
        WHERE EXISTS (SELECT 1 FROM arts WHERE topic IS NOT NULL)
        GROUP BY ALL ORDER BY n DESC, topic""").df()


def _newest(src: queries.Source) -> pd.DataFrame:
    """The newest ARTICLE_ROWS articles (undated last): published, title, source, topic, statements."""
    return src.cursor().execute(f"""
        WITH a AS (SELECT article_id, published, title, source, topic FROM arts
                   ORDER BY published DESC NULLS LAST, article_id LIMIT {ARTICLE_ROWS})
        SELECT a.*, coalesce(n.statements, 0)::BIGINT AS statements FROM a
        LEFT JOIN (SELECT article_id, count(*) AS statements FROM ix
                   WHERE article_id IN (SELECT article_id FROM a) GROUP BY article_id) n USING (article_id)
        ORDER BY published DESC NULLS LAST, article_id""").df().drop(columns=["article_id"])


def map_counts(src: queries.Source, chosen: Filters) -> tuple[pd.DataFrame, str]:
    """The Map page's counts per place and what sizes its dots, as pages/map.py chooses them: with a speaker,
    actor, place or words chosen, what the kept statements name (sized by statements); else every mention in
    the articles the dates and topics keep (all articles when none), sized by mentions."""
    if filters.statement_filters_set(chosen):
        articles, size_by = "none", "statements"
    else:
        articles = "shown" if (chosen.start or chosen.end or chosen.topics) else "all"
        size_by = "mentions"
    view = default_view(chosen)
    if view:  # the first map a visitor sees: once per set of batches, kept on disk
        counts = src.persisted(f"map_place_counts_{articles}_{view}",
                               lambda: queries.place_counts(src, chosen, articles))
        return counts, size_by
    return recent(src, ("map", repr(chosen)), lambda: queries.place_counts(src, chosen, articles)), size_by


def default_view(chosen: Filters) -> str | None:
    """'all' or 'default' when the filters are those of a first visit (no speaker, actor, place, words or
    dates; every topic, or the default ones): the answers kept on disk per set of batches. None otherwise."""
    if chosen.speakers or chosen.actors or chosen.places or chosen.start or chosen.end or chosen.text.strip():
        return None
    if not chosen.topics:
        return "all"
    return "default" if sorted(chosen.topics) == sorted(url_state.DEFAULT_TOPICS) else None


RECENT = 16  # filtered answers kept in memory per store version (a click or a toggle reruns the page)


def recent(src: queries.Source, key: tuple, make):
    """`make()`, kept among the RECENT latest such answers until the store gains a batch: a page's rerun for a
    click does not ask DuckDB again (seconds at a million articles)."""
    kept = src.cached("recent", dict)
    with src._lock:
        if key in kept:
            kept[key] = kept.pop(key)  # (the latest last)
            return kept[key]
    found = make()
    with src._lock:
        kept[key] = found
        while len(kept) > RECENT:
            kept.pop(next(iter(kept)))
    return found


def map_page() -> None:
    """The Map page on DuckDB: the same dots, counts, legend and place list as pages/map.py, and a page of the
    statements naming the place clicked or chosen (every copy of a wire story: no grouping here yet)."""
    src = source()
    chosen = filter_sidebar(sidebar_data(src))
    place_table = src.entity_table("places")
    st.title("Map of mentioned places · خريطة الأماكن المذكورة")
    counts, size_by = map_counts(src, chosen)
    points = maps.place_points(place_table, counts, size_by=size_by)
    labels = dict(zip(place_table["place_id"], place_table["label"]))
    choice = place_map(points, size_by, labels)
    if choice:
        shown, _ = queries.count_statements(src, chosen, place=choice)
        st.subheader(f"Statements mentioning {md(labels.get(choice, choice))} · تصريحات تذكر المكان ({shown:,})")
        statement_pages(src, chosen, shown, "newest", key="map_list", place=choice)
    unplaced = place_table[place_table["lat"].isna()]
    if not unplaced.empty:
        with st.expander(f"Places without coordinates · أماكن بلا إحداثيات ({len(unplaced):,})"):
            st.dataframe(unplaced[["name", "name_ar", "kind", "mentions"]].head(2000), hide_index=True)


def chart_rows(groups: pd.DataFrame, top: int) -> list[str]:
    """Each speaker group's chart row, as `charts.speaker_rows` gives it, from `queries.speaker_groups`: its
    label when among the `top` busiest named speakers (ties: the first to speak first), its group's label for
    unnamed sources and documents, else OTHERS_ROW."""
    keys, counts = groups["speaker_group"].to_numpy(), groups["statements"].to_numpy()
    named = np.array([not (isinstance(k, str) and k.startswith("group:")) for k in keys], dtype=bool)
    busiest = np.argsort(-np.where(named, counts, -1), kind="stable")[:top]
    leaders = {int(i) for i in busiest if named[i] and counts[i] > 0}
    return [charts.GROUP_LABELS.get(k, charts.OTHERS_ROW) if not named[i] else
            esc(label) if i in leaders else charts.OTHERS_ROW
            for i, (k, label) in enumerate(zip(keys, groups["speaker_label"]))]


def speaker_chart(src: queries.Source, chosen: Filters, top: int = 50) -> pd.DataFrame:
    """What `charts.speaker_counts` gives for the filtered statements, from their counts per speaker group: the
    `top` busiest named speakers (ties: the first to speak first), the rest as OTHERS_ROW, unnamed sources and
    documents as their group, most first."""
    view = default_view(chosen)
    if not view:
        groups = recent(src, ("speaker_groups", repr(chosen)), lambda: queries.speaker_groups(src, chosen))
    else:
        groups = src.persisted(f"speaker_groups_{view}", lambda: queries.speaker_groups(src, chosen))
    if groups.empty:
        return pd.DataFrame(columns=["speaker_label", "statements"])
    counts = groups["statements"].to_numpy()
    rows = chart_rows(groups, top)
    # value_counts' order: counts per row in order of first appearance, then sorted as it sorts them
    per_row = pd.Series(counts, dtype=np.int64).groupby(pd.Series(rows, dtype=object), sort=False).sum()
    per_row = per_row.sort_values(ascending=False)
    grouped = per_row.index.isin([*charts.GROUP_LABELS.values(), charts.OTHERS_ROW])
    per_row = pd.concat([per_row[~grouped], per_row[grouped]])
    return pd.DataFrame({"speaker_label": per_row.index, "statements": per_row.to_numpy()})


def speaker_matrix(src: queries.Source, chosen: Filters, what: str) -> pd.DataFrame:
    """`queries.speaker_matrix` for the Actors page: unfiltered, kept on disk per set of batches; filtered, among
    the latest answers in memory."""
    view = default_view(chosen)
    if not view:
        return recent(src, ("matrix", what, repr(chosen)), lambda: queries.speaker_matrix(src, chosen, what))
    flat = src.persisted(f"matrix_{what}_{view}", lambda: queries.speaker_matrix(src, chosen, what).rename_axis(
        index="speaker_label", columns=None).reset_index())
    return flat.set_index("speaker_label") if len(flat) else pd.DataFrame()




def actors_page() -> None:
    """The Actors page on DuckDB: who speaks most, the speaker × place and speaker × actor matrices, and a
    profile per speaker or actor with the statements they said or are named in (every copy of a wire story,
    counted and listed: no grouping here yet)."""
    src = source()
    side = sidebar_data(src)
    chosen = filter_sidebar(side)
    places, actors = side["place_table"], side["actor_table"]
    st.title("Actors · الفاعلون")
    left, right = st.columns([2, 3])
    left.plotly_chart(charts.speakers_figure(speaker_chart(src, chosen)), key="speakers")
    matrix_tabs(right, speaker_matrix(src, chosen, "place"), speaker_matrix(src, chosen, "actor"))

    st.header("Profile · ملف")
    picked = profile_pick(side["speakers"], actors)
    if picked is None:
        return
    kind, ident = picked
    # said: the filters' statements whose speaker is this one (none when the speaker filter names others)
    said_by = None if chosen.speakers and ident not in chosen.speakers else replace(chosen, speakers=[ident])
    said = queries.count_statements(src, said_by)[0] if said_by is not None else 0
    mentioned = queries.count_statements(src, chosen, actor=ident)[0]
    info = actors[actors["actor_id"] == ident]
    if not info.empty:
        row = info.iloc[0]
        st.html(rtl_block(f"<b>{esc(row['name_ar'] or row['name'])}</b>", "h3"))
        st.markdown(f"**{md(row['name'])}** · {md(row['kind'] or '?')} · {md(row['country'] or '')} — mentioned "
                    f"{int(row['mentions'])} times in {int(row['articles'])} article(s) · ذُكر "
                    f"{int(row['mentions'])} مرة")
    a, b = st.columns(2)
    a.metric("Statements by · تصريحات له", said, help="every copy of a wire story counted")
    b.metric("Statements mentioning · تصريحات تذكره", mentioned, help="every copy of a wire story counted")
    tab_said, tab_mentioned = st.tabs(["Said · قال", "Mentioned in · ذُكر في"])
    with tab_said:
        statement_pages(src, said_by or chosen, said, "newest", key="profile_said")
    with tab_mentioned:
        statement_pages(src, chosen, mentioned, "newest", key="profile_mentioned", actor=ident)




CITY_ARTICLES = 20_000  # the newest articles naming Raqqa or Mosul that the city page loads on a big archive


def city_data(src: queries.Source) -> tuple[dict[str, pd.DataFrame], int]:
    """The Raqqa & Mosul page's frames on an archive too big to load whole: the tables of the newest
    CITY_ARTICLES articles that name either city or a place inside it (by the gazetteer's parent chains, or a
    place the text tied to one), made as the pandas engine makes them (`derive`), so the page runs unchanged;
    and how many articles name them in all. Once per set of batches."""
    def make() -> tuple[dict[str, pd.DataFrame], int]:
        gazetteer = gazetteer_places()
        inside: set[str] = set()
        for city_id in focus_cities(gazetteer.iloc[0:0], gazetteer)["place_id"]:
            if isinstance(city_id, str):
                inside.update(filters.places_within(gazetteer, city_id))
        src.need(*DASHBOARD_TABLES)
        cur = src.cursor()
        ids = pd.DataFrame({"place_id": sorted(inside)})  # noqa: F841 - read by name by the SQL below
        cur.execute("CREATE OR REPLACE TEMP TABLE _city_articles AS SELECT DISTINCT p.article_id, a.published "
                    "FROM places p JOIN ids ON p.place_id = ids.place_id OR p.parent_id = ids.place_id "
                    "JOIN articles a USING (article_id)")
        total = cur.execute("SELECT count(*) FROM _city_articles").fetchone()[0]
        cur.execute("CREATE OR REPLACE TEMP TABLE _city_kept AS SELECT article_id FROM _city_articles "
                    f"ORDER BY published DESC NULLS LAST, article_id LIMIT {CITY_ARTICLES}")
        tables = {name: cur.sql(f"SELECT t.* FROM {name} t SEMI JOIN _city_kept USING (article_id)").to_arrow_table()
                  for name in DASHBOARD_TABLES}
        return derive(frames(tables)), int(total)
    return src.cached(("city_data", CITY_ARTICLES), make)


def plausible(src: queries.Source) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The corpus's plausible span of publication times (`data.plausible_span`, from the articles per publication
    day; kept per set of batches), or None when no article is dated."""
    def make() -> pd.DataFrame:
        days = src.cursor().execute(
            "SELECT published_ts::DATE AS day, count(*) AS n, min(published_ts) AS first, max(published_ts) AS last "
            "FROM arts WHERE published_ts <= $latest GROUP BY day ORDER BY day",
            {"latest": latest_day().to_pydatetime()}).df()
        lo = hi = None
        if len(days):
            lo, hi = span_of_days(days["day"].to_numpy().astype("datetime64[D]"), days["n"].to_numpy(),
                                  days["first"].min(), days["last"].max())
        return pd.DataFrame({"lo": [lo], "hi": [hi]}, dtype="datetime64[ns]")
    found = src.persisted("plausible", make)
    lo, hi = found["lo"][0], found["hi"][0]
    return None if pd.isna(lo) else (pd.Timestamp(lo), pd.Timestamp(hi))


def activity_table(src: queries.Source, chosen: Filters, top: int = 8,
                   bin: str | None = None) -> tuple[pd.Series, str | None]:
    """What `charts.activity_figure` counts for the filtered statements, from DuckDB: statements inside the
    plausible span per (bin start, chart row), and the bin (D, W, M; by the span unless given)."""
    span = plausible(src)
    empty = pd.Series(dtype=np.int64, index=pd.MultiIndex.from_arrays([[], []], names=["bin", "who"]))
    if span is None:
        return empty, bin
    first, last = queries.axis_days(src, chosen, span)
    if first is None:
        return empty, bin
    bin = bin or charts.auto_bin((last - first).days)
    groups = queries.speaker_groups(src, chosen, span)
    row_of = dict(zip(groups["speaker_group"], chart_rows(groups, top)))
    counts = queries.activity_counts(src, chosen, span, bin)
    counts = counts.assign(bin=pd.to_datetime(counts["bin"]).astype("datetime64[ns]"),
                           who=[row_of[g] for g in counts["speaker_group"]])
    return counts.groupby(["bin", "who"])["n"].sum().rename(None), bin


def activity(src: queries.Source, chosen: Filters, top: int, bin: str | None) -> tuple[pd.Series, str | None]:
    """`activity_table` for the Timeline page: unfiltered, kept on disk per set of batches (per speakers shown
    and bin); filtered, among the latest answers in memory."""
    view = default_view(chosen)
    if not view:
        return recent(src, ("activity", repr(chosen), top, bin), lambda: activity_table(src, chosen, top, bin))

    def make() -> pd.DataFrame:
        table, unit = activity_table(src, chosen, top, bin)
        return table.rename("n").reset_index().assign(unit=unit)
    flat = src.persisted(f"activity_{top}_{bin or 'auto'}_{view}", make)
    unit = flat["unit"].iloc[0] if len(flat) else bin
    table = flat.assign(bin=pd.to_datetime(flat["bin"]).astype("datetime64[ns]")).set_index(["bin", "who"])["n"]
    return table.rename(None), unit


def timeline_page() -> None:
    """The Timeline page on DuckDB: statements per day, week or month stacked by the busiest speakers (the
    brush narrows what follows), the statements of implausible publication date, one point per statement
    (when at most charts.MAX_POINTS are shown: narrow the filters or brush for more) and the dated events."""
    src = source()
    chosen = filter_sidebar(sidebar_data(src))
    st.title("Timeline · الخط الزمني")
    bin, top = activity_controls()
    table, unit = activity(src, chosen, top, bin)
    figure = charts.activity_bars(table, unit) if unit else charts.activity_bars(table, "D")
    brush = st.plotly_chart(figure, key="activity", on_select="rerun", selection_mode=("box",))
    span = plausible(src)
    odd = queries.count_statements(src, chosen, outside=span)[0] if span is not None else 0
    days = charts.brushed_range(brush)
    narrowed: Filters | None = chosen
    shown, total = queries.count_statements(src, chosen)
    events_of = chosen if shown < total else None  # (unfiltered: every article's events, as the pandas page)
    if days:  # what follows: the brushed days (the filters' dates narrowed to them)
        start = max(d for d in (chosen.start, days[0].date()) if d is not None)
        end = min(d for d in (chosen.end, days[1].date()) if d is not None)
        narrowed = replace(chosen, start=start, end=end) if start <= end else None
        shown = queries.count_statements(src, narrowed)[0] if narrowed is not None else 0
        st.info(f"{days[0]:%Y-%m-%d} – {days[1]:%Y-%m-%d}: {shown:,} statements · تصريحات في الفترة المحددة")
    if odd:
        with st.expander(f"⚠️ {odd:,} statement{'s' * (odd != 1)} with an implausible publication date, "
                         "left off the axis · "
                         "تواريخ نشر غير معقولة"):
            rows = queries.statement_page(src, chosen, 0, 500, outside=span)
            st.dataframe(rows[["published", "speaker_label", "quote", "source", "title"]], hide_index=True)
    st.subheader("Who spoke when · من تحدث ومتى")
    few = shown <= charts.MAX_POINTS
    if st.toggle("Show each statement · اعرض كل تصريح", value=few, key="t_points",
                 help=f"One point per statement (the latest {charts.MAX_POINTS:,} at most) and the days the articles "
                      "refer to"):
        if not few:  # (the pandas page draws the latest ones; here only a narrowed view is drawn)
            st.info(f"{shown:,} statements: narrow the filters or brush the chart above to at most "
                    f"{charts.MAX_POINTS:,} to see each one · ضيّق التصفية لعرض كل تصريح")
        else:
            st.caption("Red dots: statements, at the day their article was published, one row per speaker (the "
                       f"latest {charts.MAX_POINTS:,} at most). Blue diamonds: the days the articles refer to "
                       "(resolved dates such as «أمس» or «11 يوليو»). Hover for the words. · النقاط الحمراء: "
                       "التصريحات بتاريخ النشر. المعيّنات الزرقاء: الأيام التي تذكرها المقالات.")
            points = timeline_points(src, narrowed, shown, span)
            events = with_context(src, queries.timeline_events(src, events_of, days)[1])
            st.plotly_chart(charts.timeline_figure(points, events), key="timeline")
    count, latest = latest_events(src, events_of, days)
    with st.expander(f"Dated events · الأحداث المؤرخة ({count:,})"):
        if count > EVENT_ROWS:
            st.caption(f"The latest {EVENT_ROWS} · أحدث {EVENT_ROWS}")
        st.dataframe(latest[["date", "text", "context", "published", "source", "relative"]], hide_index=True,
                     column_config={"text": "words · العبارة", "context": "context · السياق"})


EVENT_ROWS = 2000  # the latest dated events the Timeline lists (as pages/timeline.py)


def latest_events(src: queries.Source, chosen: Filters | None,
                  days: tuple | None) -> tuple[int, pd.DataFrame]:
    """How many dated events the Timeline lists and the latest EVENT_ROWS with their context: for the whole
    store kept on disk per set of batches (their bodies take seconds to read at a million articles), else
    among the latest answers in memory."""
    def make() -> tuple[int, pd.DataFrame]:
        count, latest = queries.timeline_events(src, chosen, days, limit=EVENT_ROWS)
        return count, with_context(src, latest)
    view = default_view(chosen or Filters())
    if view and days is None:
        flat = src.persisted(f"latest_events_{view}", lambda: (lambda c, f: f.assign(_count=c))(*make()))
        count = int(flat["_count"].iloc[0]) if len(flat) else 0
        return count, flat.drop(columns=["_count"])
    return recent(src, ("events", repr(chosen), repr(days)), make)


def with_context(src: queries.Source, events: pd.DataFrame) -> pd.DataFrame:
    """The events with the words around each in its article (`context`, as the pandas loader gives it); only
    their articles' bodies are read."""
    bodies = queries.bodies(src, list(events["article_id"]), list(events["articles_part"]))
    return events.assign(context=[_context(bodies.get(a) or "", s, e) for a, s, e in
                                  zip(events["article_id"], events["start"], events["end"])])


def timeline_points(src: queries.Source, chosen: Filters | None, shown: int,
                    span: tuple | None) -> pd.DataFrame:
    """The filtered statements (`shown` of them, at most charts.MAX_POINTS) as `charts.timeline_figure` reads
    them, in list order, with date_ok (inside the plausible span)."""
    if chosen is None or not shown:
        return pd.DataFrame(columns=["published_date", "published", "date_ok", "speaker_key", "speaker_label",
                                     "speaker_group", "source", "quote", "statement_id"])
    rows = queries.statement_page(src, chosen, 0, min(shown, charts.MAX_POINTS))
    day = rows["published_date"]
    ok = day.notna() & (day >= span[0]) & (day <= span[1]) if span is not None else day.notna() & False
    return rows.assign(date_ok=ok.to_numpy(dtype=bool))
