"""Widgets that several pages share: the sidebar filters (kept in the URL) and the statement list."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from lib.dashboard import filters, url_state
from lib.dashboard.data import store_warnings
from lib.dashboard.filters import Filters
from lib.dashboard.navigation import route_through_app
from lib.dashboard.rtl import CSS, paragraph_html, statement_card

SPEAKER, ACTOR, PLACE, DATES, TEXT = "f_speaker", "f_actor", "f_place", "f_dates", "f_text"
ALL = (SPEAKER, ACTOR, PLACE, DATES, TEXT)
PAGE_SIZE = 20
MAX_OPTIONS = 3000  # choices offered in one filter widget


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
    lo, hi = span
    if lo and hi:
        start = min(max(chosen.start or lo, lo), hi)
        end = max(min(chosen.end or hi, hi), start)
        st.session_state[DATES] = (start, end)


def filter_sidebar(data: dict[str, pd.DataFrame], show: tuple[str, ...] = ALL) -> Filters:
    """The sidebar filters that `show` names (others stay as chosen but do not apply); the URL follows them."""
    statements = data["statements"]
    span = filters.date_span(statements)
    _from_url(data, span)
    bar = st.sidebar
    bar.header("Filters · تصفية")
    chosen = Filters()
    if SPEAKER in show:
        sp = _top(data["speakers"], "speaker_key", "statements", st.session_state.get(SPEAKER) or [])
        labels = {k: f"{lab} ({n})" for k, lab, n in zip(sp["speaker_key"], sp["speaker_label"], sp["statements"])}
        st.session_state.setdefault(SPEAKER, [])
        st.session_state[SPEAKER] = [k for k in st.session_state[SPEAKER] if k in labels]
        chosen.speakers = bar.multiselect("Speaker · المتحدث", list(labels), format_func=lambda k: labels[k],
                                          key=SPEAKER, placeholder="All speakers · كل المتحدثين")
    if ACTOR in show:
        chosen.actors = _entity_select(bar, data["actor_table"], "actor_id", "Actor mentioned · جهة مذكورة", ACTOR)
    if PLACE in show:
        chosen.places = _entity_select(bar, data["place_table"], "place_id", "Place mentioned · مكان مذكور", PLACE)
    if DATES in show and span[0] and span[1]:
        chosen.start, chosen.end = _date_range(bar, span)
    if TEXT in show:
        st.session_state.setdefault(TEXT, "")
        chosen.text = bar.text_input("Search the quotes · ابحث في الاقتباسات", key=TEXT,
                                     placeholder="الامريكي، داعش، Tillerson…",
                                     help="Arabic spelling variants match each other: الأمريكي = الأميركي")
    url_state.write(st.query_params, chosen)
    return chosen


def _top(table: pd.DataFrame, id_col: str, count_col: str, keep: list[str]) -> pd.DataFrame:
    """The MAX_OPTIONS rows with the highest count, plus the ones already chosen (a widget with tens of
    thousands of options is sent to the browser on every run; the others stay reachable through the URL)."""
    if len(table) <= MAX_OPTIONS or count_col not in table:
        return table
    top = table.sort_values(count_col, ascending=False).head(MAX_OPTIONS)
    chosen = table[table[id_col].isin(keep) & ~table[id_col].isin(top[id_col])]
    return pd.concat([top, chosen]) if not chosen.empty else top


def _entity_select(bar, table: pd.DataFrame, id_col: str, title: str, key: str) -> list[str]:
    table = _top(table, id_col, "mentions", st.session_state.get(key) or [])
    labels = dict(zip(table[id_col], table["label"]))
    st.session_state.setdefault(key, [])
    st.session_state[key] = [k for k in st.session_state[key] if k in labels]
    return bar.multiselect(title, list(labels), format_func=lambda k: labels.get(k, k), key=key,
                           placeholder="Any · الكل")


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


def statement_list(data: dict[str, pd.DataFrame], shown: pd.DataFrame, key: str) -> None:
    """A page of statement cards, each with its paragraph (quote highlighted) behind an expander."""
    if shown.empty:
        st.info("No statement matches · لا تصريحات مطابقة")
        return
    pages = max(1, -(-len(shown) // PAGE_SIZE))
    page = 1
    if pages > 1:
        page = st.number_input(f"Page · صفحة (1–{pages})", min_value=1, max_value=pages, value=1, step=1,
                               key=f"{key}_page")
    bodies = dict(zip(data["articles"]["article_id"], data["articles"]["body"]))
    files = dict(zip(data["articles"]["article_id"], data["articles"]["source_file"]))
    for row in shown.iloc[(page - 1) * PAGE_SIZE: page * PAGE_SIZE].to_dict("records"):
        st.html(statement_card(row))
        with st.expander("Open in its paragraph · اعرض في الفقرة"):
            row["source_file"] = files.get(row["article_id"])
            st.html(paragraph_html(row, bodies.get(row["article_id"]) or ""))
