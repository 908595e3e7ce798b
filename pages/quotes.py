"""Quote browser: every statement with its speaker, date, source, places and actors, newest first or ranked by a
search; a wire story carried by several outlets is one row; filters live in the URL."""
from dataclasses import replace
from functools import partial

import streamlit as st

from lib.dashboard import engine, filters, search
from lib.dashboard.data import load_store
from lib.dashboard.widgets import filter_sidebar, page_start, statement_list

page_start()
if engine.use_duckdb():  # a big archive: DuckDB over the store's parts (lib/dashboard/engine.py)
    engine.quotes_page()
    st.stop()
data = load_store()
chosen = filter_sidebar(data)
statements = data["statements"]
matched, scores = filters.text_search(statements, chosen.text)
mask = matched & filters.apply(statements, replace(chosen, text=""))

st.title("Quotes · الاقتباسات")
st.caption("Who said what, where and when. Filter in the sidebar; the address bar keeps the filters, so a view "
           "can be shared. · من قال ماذا وأين ومتى. الرابط يحفظ التصفية لمشاركتها.")
searching = bool(search.parse_query(chosen.text))
sorts = [k for k in filters.SORTS if k != "relevance" or searching]
if st.session_state.get("q_sort") not in sorts:
    st.session_state["q_sort"] = "relevance" if searching else "newest"
elif searching and st.session_state.get("_q_searched") != chosen.text:
    st.session_state["q_sort"] = "relevance"  # a new search: best matches first
st.session_state["_q_searched"] = chosen.text if searching else None
left, mid, right = st.columns([2, 2, 1])
by = mid.selectbox("Order · الترتيب", sorts, format_func=filters.SORTS.get, key="q_sort")
grouped = right.toggle("One row per wire story · دمج النسخ", value=True, key="q_group",
                       help="The same words carried by several outlets are one row, with the outlets listed")
positions = filters.order(statements, mask, by, scores.to_numpy())
total = len(positions)
if grouped:
    positions = filters.first_copies(statements, positions)
left.metric("Shown · المعروض", f"{len(positions):,}", help=f"of {len(statements):,} statements in the store")
if grouped and len(positions) != total:
    left.caption(f"{total:,} statements, {total - len(positions):,} of them copies of a wire story · "
                 "نسخ مكررة مدمجة")
if searching:
    st.caption(f"{total:,} statements hold every word of «{chosen.text.strip()}» · تصريحات تحوي كل الكلمات")
# The files are built only when a button is clicked (a callable), not on every run of the page.
listed = partial(statements.take, positions)
a, b = st.columns(2)
a.download_button("CSV", lambda: filters.csv_of(listed()), "rasd-statements.csv", "text/csv", key="dl_csv",
                  width="stretch", disabled=not len(positions))
b.download_button("JSON", lambda: filters.json_of(listed()), "rasd-statements.json", "application/json",
                  key="dl_json", width="stretch", disabled=not len(positions))
statement_list(data, statements, key="quotes", query=chosen.text, positions=positions)
