"""A quotes page on the DuckDB queries, for bench/scale.py's browser measurement (not part of the dashboard: the
pages in pages/ are wired by the dashboard's engineers). It draws what the Quotes page draws (the speaker and
text filters, the count, a page of 20 statement cards with their paragraphs) and a map-counts line, from
`lib.dashboard.queries` only: no store is loaded into memory.

    RASD_STORE=/tmp/rasd-scale/1m .venv/bin/python -m streamlit run bench/scale_app.py
"""
import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.dashboard import queries  # noqa: E402
from lib.dashboard.filters import Filters  # noqa: E402
from lib.dashboard.rtl import CSS, paragraph_html, statement_card  # noqa: E402

PAGE_SIZE = 20
OPTIONS = 3000


@st.cache_resource
def source() -> queries.Source:
    """One DuckDB source per process, shared by the sessions."""
    return queries.Source()


@st.cache_data(max_entries=4)
def speaker_options(_src: queries.Source, fingerprint: tuple) -> dict[str, str]:
    """The busiest speakers, by key: label (count)."""
    top = queries.speakers(_src, limit=OPTIONS)
    return {k: f"{lab} ({n})" for k, lab, n in zip(top["speaker_key"], top["speaker_label"], top["statements"])}


st.set_page_config(page_title="Rasd · DuckDB", layout="wide")
st.html(CSS)
src = source()
src.refresh()
options = speaker_options(src, src._fingerprint)
chosen = Filters()
chosen.speakers = st.sidebar.multiselect("Speaker · المتحدث", list(options), format_func=options.get, key="sp")
chosen.text = st.sidebar.text_input("Search the quotes · ابحث في الاقتباسات", key="text")
st.title("Quotes · الاقتباسات")
shown, total = queries.count_statements(src, chosen)
st.metric("Statements shown · التصريحات المعروضة", f"{shown:,} / {total:,}")
pages = max(1, -(-shown // PAGE_SIZE))
signature = (tuple(chosen.speakers), chosen.text)
if st.session_state.get("_filters") != signature:  # new filters: back to their first page
    st.session_state["_filters"] = signature
    st.session_state["page"] = 1
page = st.number_input(f"Page · صفحة (1–{pages})", min_value=1, max_value=pages, step=1, key="page")
rows = queries.statement_page(src, chosen, (page - 1) * PAGE_SIZE, PAGE_SIZE)
bodies = queries.bodies(src, list(rows["article_id"]))
for row in rows.to_dict("records"):
    st.html(statement_card(row))
    with st.expander("Open in its paragraph · اعرض في الفقرة"):
        st.html(paragraph_html(row, bodies.get(row["article_id"]) or ""))
st.caption(f"done · page {page}")
