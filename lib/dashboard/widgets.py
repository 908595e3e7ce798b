"""Widgets that several pages share: the sidebar filters (kept in the URL) and the statement list."""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import streamlit as st

from lib.dashboard import charts, filters, maps, search, url_state
from lib.dashboard.data import store_warnings
from lib.dashboard.filters import Filters
from lib.dashboard.navigation import route_through_app
from lib.dashboard.rtl import CSS, paragraph_html, statement_card

SPEAKER, ACTOR, PLACE, DATES, TEXT, TOPIC = "f_speaker", "f_actor", "f_place", "f_dates", "f_text", "f_topic"
ALL = (SPEAKER, ACTOR, PLACE, DATES, TEXT, TOPIC)
TOPIC_LABELS = {"conflict": "Conflict & security · نزاع وأمن", "politics": "Politics & diplomacy · سياسة",
                "economy": "Economy · اقتصاد", "sport": "Sport · رياضة", "culture": "Culture · ثقافة",
                "health": "Health · صحة", "other": "Other · أخرى"}
PAGE_SIZE = 20
MAX_OPTIONS = 500  # choices offered in one filter widget (any other is found by typing its name and Enter)


def sort_choice(container, query: str, sorts: list[str] | None = None, key: str = "q_sort") -> str:
    """The statement list's order, chosen in `container` among `sorts` (filters.SORTS by default): "relevance"
    offered only while searching, and chosen by itself for each new search (best matches first)."""
    searching = bool(search.parse_query(query))
    sorts = [k for k in (sorts or filters.SORTS) if k != "relevance" or searching]
    if st.session_state.get(key) not in sorts:
        st.session_state[key] = "relevance" if searching else "newest"
    elif searching and st.session_state.get(f"_{key}_searched") != query:
        st.session_state[key] = "relevance"  # a new search: best matches first
    st.session_state[f"_{key}_searched"] = query if searching else None
    return container.selectbox("Order · الترتيب", sorts, format_func=filters.SORTS.get, key=key)


def copies_toggle(container) -> bool:
    """The switch between one row per wire story (the default) and every copy, in `container`."""
    return container.toggle("One row per wire story · دمج النسخ", value=True, key="q_group",
                            help="The same words carried by several outlets are one row, with the outlets listed")


def copies_caption(container, total: int, listed: int, grouped: bool) -> None:
    """How many of the `total` statements kept are copies folded into the `listed` rows (nothing when none)."""
    if grouped and listed != total:
        container.caption(f"{total:,} statements, {total - listed:,} of them copies of a wire story · "
                          "نسخ مكررة مدمجة")


def download_buttons(rows, disabled: bool) -> None:
    """CSV and JSON download buttons for the statements `rows()` gives (built only when a button is clicked)."""
    a, b = st.columns(2)
    a.download_button("CSV", lambda: filters.csv_of(rows()), "rasd-statements.csv", "text/csv", key="dl_csv",
                      width="stretch", disabled=disabled)
    b.download_button("JSON", lambda: filters.json_of(rows()), "rasd-statements.json", "application/json",
                      key="dl_json", width="stretch", disabled=disabled)


def page_start() -> None:
    """Every page's first call: the scoped RTL CSS, a warning per damaged part of the store, and the filter
    state carried over from the last page."""
    route_through_app()
    st.html(CSS)
    for warning in store_warnings():
        st.warning(warning, icon="⚠️")
    for key in ALL:
        # A widget's state is dropped when a run does not draw it; re-assigning keeps it across pages.
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def _from_url(data: dict[str, pd.DataFrame], span: tuple[date | None, date | None]) -> None:
    """Once per session (a shared link): the URL's filters become the widgets' initial state."""
    if st.session_state.get("_url_read"):
        return
    st.session_state["_url_read"] = True
    chosen = url_state.read(st.query_params)
    valid = {SPEAKER: set(data["speakers"]["speaker_key"]), ACTOR: set(data["actor_table"]["actor_id"]),
             PLACE: set(data["place_table"]["place_id"])}
    st.session_state[SPEAKER] = [k for k in chosen.speakers if k in valid[SPEAKER]]
    st.session_state[ACTOR] = [k for k in chosen.actors if k in valid[ACTOR]]
    st.session_state[PLACE] = [k for k in chosen.places if k in valid[PLACE]]
    st.session_state[TEXT] = chosen.text
    st.session_state[TOPIC] = [t for t in chosen.topics if t in TOPIC_LABELS] or list(TOPIC_LABELS)
    lo, hi = span
    if lo and hi:
        start = min(max(chosen.start or lo, lo), hi)
        end = max(min(chosen.end or hi, hi), start)
        st.session_state[DATES] = (start, end)


def has_topics(data: dict[str, pd.DataFrame]) -> bool:
    """Does the store know its articles' topics (a store written before topics were found does not)?"""
    return "topic" in data["articles"] and data["articles"]["topic"].notna().any()


def filter_sidebar(data: dict[str, pd.DataFrame], show: tuple[str, ...] = ALL) -> Filters:
    """The sidebar filters that `show` names (others stay as chosen but do not apply); the URL follows them."""
    statements = data["statements"]
    span = filters.date_span(statements, plausible_only=True)
    _from_url(data, span)
    bar = st.sidebar
    bar.header("Filters · تصفية")
    chosen = Filters()
    if TOPIC in show and has_topics(data):
        chosen.topics = _topic_select(bar)
    if SPEAKER in show:
        chosen.speakers = _entity_select(bar, data["speakers"], "speaker_key", "speaker_label", "statements",
                                         "Speaker · المتحدث", SPEAKER, ("speaker_label", "speaker_ar"),
                                         "All speakers · كل المتحدثين")
    if ACTOR in show:
        chosen.actors = _entity_select(bar, data["actor_table"], "actor_id", "label", "mentions",
                                       "Actor mentioned · جهة مذكورة", ACTOR)
    if PLACE in show:
        chosen.places = _entity_select(bar, data["place_table"], "place_id", "label", "mentions",
                                       "Place mentioned · مكان مذكور", PLACE)
    if DATES in show and span[0] and span[1]:
        chosen.start, chosen.end = _date_range(bar, span)
    if TEXT in show:
        st.session_state.setdefault(TEXT, "")
        chosen.text = bar.text_input(
            "Search the quotes · ابحث في الاقتباسات", key=TEXT, placeholder="الموصل، \"وزير الخارجية\"، داعش…",
            help="Whole words, through و ف ب ل ك and ال, and the spellings the lexicons know (ترمب = ترامب); "
                 "every word must be there; \"quotes\" for a phrase · كلمات كاملة؛ ضع العبارة بين علامتي تنصيص")
    if not (TOPIC in show and has_topics(data)):
        chosen.topics = []
    url_state.write(st.query_params, _for_url(chosen, data))
    return chosen


def _for_url(chosen: Filters, data: dict[str, pd.DataFrame]) -> Filters:
    """The filters as the URL keeps them: a store without topics leaves the topic out (as the default)."""
    if has_topics(data):
        return chosen
    return Filters(**{**chosen.__dict__, "topics": list(url_state.DEFAULT_TOPICS)})


def _topic_select(bar) -> list[str]:
    """Topic pills (conflict and politics by default) and one button for every topic; [] means every topic."""
    st.session_state.setdefault(TOPIC, list(url_state.DEFAULT_TOPICS))
    picked = bar.pills("Topic · الموضوع", list(TOPIC_LABELS), format_func=TOPIC_LABELS.get, selection_mode="multi",
                       key=TOPIC)
    every = set(picked or []) >= set(TOPIC_LABELS) or not picked
    if every:
        bar.button("Conflict & politics only · النزاع والسياسة فقط", key="f_topic_default", on_click=_set_topics,
                   args=(list(url_state.DEFAULT_TOPICS),), width="stretch")
        return []
    bar.button("Every topic · كل المواضيع", key="f_topic_all", on_click=_set_topics, args=(list(TOPIC_LABELS),),
               width="stretch", type="primary" if sorted(picked) == sorted(url_state.DEFAULT_TOPICS) else "secondary")
    return list(picked)


def _set_topics(topics: list[str]) -> None:
    st.session_state[TOPIC] = topics


def _top(table: pd.DataFrame, id_col: str, count_col: str, keep: list[str]) -> pd.DataFrame:
    """The MAX_OPTIONS rows with the highest count, plus the ones already chosen (a widget with tens of
    thousands of options is sent to the browser on every run; the others stay reachable by typing their
    name and Enter, or through the URL)."""
    if len(table) <= MAX_OPTIONS or count_col not in table:
        return table
    ranked = table if table[count_col].is_monotonic_decreasing else table.sort_values(count_col, ascending=False)
    top = ranked.head(MAX_OPTIONS)
    chosen = table[table[id_col].isin(keep) & ~table[id_col].isin(top[id_col])]
    return pd.concat([top, chosen]) if not chosen.empty else top


def _option_labels(table: pd.DataFrame, id_col: str, label_col: str, count_col: str) -> dict[str, str]:
    """The options a filter offers (the MAX_OPTIONS most frequent, most frequent first) and their labels with
    counts, made once per table."""
    cache = filters.frame_cache(table)
    found = cache.get(("options", id_col, label_col))
    if found is None:
        top = _top(table, id_col, count_col, [])
        if count_col in top and not top[count_col].is_monotonic_decreasing:
            top = top.sort_values(count_col, ascending=False, kind="stable")
        found = cache[("options", id_col, label_col)] = dict(zip(
            top[id_col], [f"{lab} ({n:,})" for lab, n in zip(top[label_col], top[count_col])]))
    return found


def _resolve_typed(key: str, table: pd.DataFrame, id_col: str, count_col: str, names: tuple[str, ...]) -> None:
    """A name typed and entered that no option's label holds becomes the entity it names best (the name itself,
    through clitics and folded spelling, then the most frequent); a name that names nothing is dropped."""
    known = set(table[id_col])
    out: list[str] = []
    for value in st.session_state.get(key) or []:
        if value not in known:
            ranked = filters.rank_entities(table, id_col, value, count_col, names, limit=1)
            value = ranked[0] if ranked else None
        if value is not None and value not in out:
            out.append(value)
    st.session_state[key] = out


def _entity_select(bar, table: pd.DataFrame, id_col: str, label_col: str, count_col: str, title: str, key: str,
                   names: tuple[str, ...] = ("name_ar", "name", "label"),
                   placeholder: str = "Any · الكل") -> list[str]:
    """A multiselect over the most frequent entities, most frequent first, filtered as typed by plain
    containment (not fuzzy: الرقة never offers الشارقة) and with no "select all" (Enter picks the first match
    only); a name typed that no option shows is resolved by `filters.rank_entities`."""
    labels = dict(_option_labels(table, id_col, label_col, count_col))
    extra = [k for k in st.session_state.get(key) or [] if k not in labels]
    if extra:  # chosen by typing or through the URL, beyond the options offered
        rows = table[table[id_col].isin(extra)]
        labels.update(zip(rows[id_col], [f"{lab} ({n:,})" for lab, n in zip(rows[label_col], rows[count_col])]))
    st.session_state.setdefault(key, [])
    st.session_state[key] = [k for k in st.session_state[key] if k in labels]
    return bar.multiselect(title, list(labels), format_func=lambda k: labels.get(k, k), key=key,
                           placeholder=placeholder, filter_mode="contains", select_all=False, accept_new_options=True,
                           on_change=_resolve_typed, args=(key, table, id_col, count_col, names))


def _date_range(bar, span: tuple[date, date]) -> tuple[date | None, date | None]:
    """A published-between range; the whole span means no filter (so the URL stays clean)."""
    lo, hi = span
    if st.session_state.get("_span") != span:
        if DATES not in st.session_state or st.session_state.get(DATES) == st.session_state.get("_span"):
            st.session_state[DATES] = (lo, hi)  # the corpus grew: a full range stays full
        st.session_state["_span"] = span
    value = st.session_state.get(DATES)
    if not isinstance(value, (tuple, list)) or not value or any(not isinstance(v, date) for v in value):
        st.session_state[DATES] = (lo, hi)
    else:
        st.session_state[DATES] = tuple(min(max(v, lo), hi) for v in value)
    picked = bar.date_input("Published between · نُشر بين", min_value=lo, max_value=hi, key=DATES)
    picked = tuple(picked) if isinstance(picked, (tuple, list)) else (picked,)
    start = picked[0] if picked else None
    end = picked[1] if len(picked) > 1 else None  # mid-selection the widget holds one day only
    return (None if start == lo else start), (None if end in (hi, None) else end)


def statement_list(data: dict[str, pd.DataFrame], shown: pd.DataFrame, key: str, query: str = "",
                   positions: np.ndarray | None = None) -> None:
    """A page of statement cards (the query's words highlighted), each with its paragraph (quote highlighted)
    behind an expander: the rows of `shown`, or those at `positions` in that order (only the page's rows are
    taken from the frame)."""
    total = len(shown) if positions is None else len(positions)
    if not total:
        st.info("No statement matches · لا تصريحات مطابقة")
        return
    pages = max(1, -(-total // PAGE_SIZE))
    page = 1
    if pages > 1:
        page = st.number_input(f"Page · صفحة (1–{pages})", min_value=1, max_value=pages, value=1, step=1,
                               key=f"{key}_page")
    window = slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
    rows = (shown.iloc[window] if positions is None else shown.iloc[positions[window]]).to_dict("records")
    articles = data["articles"]
    at = pd.Index(articles["article_id"]).get_indexer([r["article_id"] for r in rows])
    bodies = [articles["body"].iat[i] if i >= 0 else "" for i in at]
    variants = search.lexicon_variants()
    for row, body in zip(rows, bodies):
        marks = search.word_spans(row.get("quote") or "", query, variants) if query.strip() else None
        st.html(statement_card(row, marks))
        with st.expander("Open in its paragraph · اعرض في الفقرة"):
            st.html(paragraph_html(row, body or ""))


# ---------------------------------------------------------------- widgets the pandas and DuckDB pages share

PLACE_CHOICES = 1000  # the places the Map page's list offers
PROFILE_CHOICES = 400  # the busiest speakers and most mentioned actors the Actors page's profile offers
BINS = {"auto": "Automatic · تلقائي", "D": "Day · يوم", "W": "Week · أسبوع", "M": "Month · شهر"}


def place_map(points: pd.DataFrame, size_by: str, labels: dict[str, str]) -> str | None:
    """The Map page's map of places and its chooser: the place clicked on the map, else the one chosen in the
    list (the busiest places first), else None."""
    left, right = st.columns([3, 1])
    left.caption(f"{len(points):,} places, sized by {size_by}; governorates and regions shaded as their area. "
                 "Click a place to see the statements that name it · انقر مكاناً لعرض التصريحات التي تذكره.")
    streets = right.toggle("Street map (online) · خريطة الشوارع", value=False, key="map_streets",
                           help="CARTO's street map under the places (fetched from the internet); off, the map "
                                "needs no connection")
    event = st.pydeck_chart(maps.places_deck(points, streets=streets), on_select="rerun",
                            selection_mode="single-object", key="map", height=580)
    st.html(maps.legend_html(sorted(set(points["kind"].dropna()))))
    if streets:
        st.caption(maps.STREET_CREDIT)
    picked = maps.picked_place(event)
    if picked:  # the map's selection (clicking the map away from any place clears it)
        st.caption("Chosen on the map; click elsewhere on the map to choose from the list · اخترته على الخريطة")
        return picked
    named = points[points["statements"] > 0].sort_values("statements", ascending=False)
    options = [None] + list(named["place_id"].head(PLACE_CHOICES))
    if st.session_state.get("map_place") not in options:
        st.session_state["map_place"] = None
    return st.selectbox("Place · المكان", options, key="map_place",
                        format_func=lambda p: "— click the map or choose · انقر الخريطة أو اختر —" if p is None
                        else labels.get(p, p))


def matrix_tabs(right, by_place: pd.DataFrame, by_actor: pd.DataFrame) -> None:
    """The Actors page's two speaker matrices (speaker × place, speaker × actor) as tabs of a column."""
    place_tab, actor_tab = right.tabs(["Speaker × place · المتحدث × المكان", "Speaker × actor · المتحدث × الجهة"])
    place_tab.plotly_chart(charts.matrix_figure(
        by_place, "Statements naming a place, per speaker · تصريحات تذكر مكاناً"), key="speaker_place")
    actor_tab.plotly_chart(charts.matrix_figure(
        by_actor, "Statements naming an actor, per speaker · تصريحات تذكر جهة"), key="speaker_actor")


def profile_pick(speakers: pd.DataFrame, actors: pd.DataFrame) -> tuple[str, str] | None:
    """The Actors page's profile chooser: (kind, id) of the speaker or actor picked or typed (the best match of
    a typed name), None when there is none; the busiest speakers and most mentioned actors are offered (a
    list of tens of thousands would be sent on every run)."""
    if "speaker_group" in speakers:  # people and bodies, not "unnamed sources"
        speakers = speakers[speakers["speaker_group"] == speakers["speaker_key"]]
    top_speakers = speakers.sort_values("statements", ascending=False).head(PROFILE_CHOICES)
    top_actors = actors.sort_values("mentions", ascending=False).head(PROFILE_CHOICES)
    profiles = {f"speaker:{k}": f"{lab} — speaker · متحدث" for k, lab in zip(top_speakers["speaker_key"],
                                                               top_speakers["speaker_label"])}
    profiles.update({f"actor:{a}": f"{lab} — mentioned · مذكور" for a, lab in zip(top_actors["actor_id"],
                                                                                  top_actors["label"])
                     if f"speaker:{a}" not in profiles})
    if not profiles:
        st.info("No actors yet · لا فاعلين بعد")
        return None
    pick = st.selectbox("Speaker or actor · متحدث أو جهة", list(profiles), format_func=lambda k: profiles.get(k, k),
                        key="profile", accept_new_options=True, filter_mode="contains",
                        help="Type any name and Enter: the best match among every speaker and actor is shown")
    if pick not in profiles:  # a name typed
        typed, pick = pick, filters.find_profile(speakers, actors, pick)
        if pick is None:
            st.info(f"No speaker or actor is named «{typed}» · لا أحد بهذا الاسم")
            return None
    kind, ident = pick.split(":", 1)
    return kind, ident


def activity_controls() -> tuple[str | None, int]:
    """The Timeline's bin (None for automatic) and how many speakers to stack, with the chart's caption."""
    left, right = st.columns([3, 1])
    bin = right.segmented_control("Per · لكل", list(BINS), format_func=BINS.get, default="auto", key="t_bin")
    top = right.slider("Speakers shown · عدد المتحدثين", 3, 15, 8, key="t_top")
    left.caption("Statements by publication date, the busiest named speakers stacked (unnamed sources and "
                 "documents apart, in grey). Drag across the chart to narrow what follows to those days "
                 "(double-click to undo); drag the slider under it to zoom · اسحب فوق الرسم لتحديد فترة، والشريط "
                 "أسفله للتكبير.")
    return (None if bin in (None, "auto") else bin), top
