"""Quote browser: every statement with its speaker, date, source, places and actors; filters live in the URL."""
from functools import partial

import streamlit as st

from lib.dashboard import filters
from lib.dashboard.data import load_store
from lib.dashboard.widgets import filter_sidebar, page_start, statement_list

page_start()
data = load_store()
chosen = filter_sidebar(data)
statements = data["statements"]
shown = statements[filters.apply(statements, chosen)]

st.title("Quotes · الاقتباسات")
st.caption("Who said what, where and when. Filter in the sidebar; the address bar keeps the filters, so a view "
           "can be shared. · من قال ماذا وأين ومتى. الرابط يحفظ التصفية لمشاركتها.")
left, mid, right = st.columns([3, 1, 1])
left.metric("Statements shown · التصريحات المعروضة", f"{len(shown)} / {len(statements)}")
# The files are built only when a button is clicked (a callable), not on every run of the page.
mid.download_button("CSV", partial(filters.csv_of, shown), "rasd-statements.csv", "text/csv", key="dl_csv",
                    width="stretch", disabled=shown.empty)
right.download_button("JSON", partial(filters.json_of, shown), "rasd-statements.json", "application/json",
                      key="dl_json", width="stretch", disabled=shown.empty)
statement_list(data, shown, key="quotes")
