"""Quote browser: every statement with its speaker, date, source, places and actors, newest first or ranked by a
search; a wire story carried by several outlets is one row; filters live in the URL."""
from dataclasses import replace
from functools import partial

import streamlit as st

from lib.dashboard import engine, filters, search
from lib.dashboard.data import load_store
from lib.dashboard.widgets import (copies_caption, copies_toggle, download_buttons, filter_sidebar, page_start,
                                   sort_choice, statement_list)

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
left, mid, right = st.columns([2, 2, 1])
by = sort_choice(mid, chosen.text)
grouped = copies_toggle(right)
positions = filters.order(statements, mask, by, scores.to_numpy())
total = len(positions)
if grouped:
    positions = filters.first_copies(statements, positions)
left.metric("Shown · المعروض", f"{len(positions):,}", help=f"of {len(statements):,} statements in the store")
copies_caption(left, total, len(positions), grouped)
if searching:
    st.caption(f"{total:,} statements hold every word of «{chosen.text.strip()}» · تصريحات تحوي كل الكلمات")
download_buttons(partial(statements.take, positions), disabled=not len(positions))
statement_list(data, statements, key="quotes", query=chosen.text, positions=positions)
