"""Quote browser: every statement with its speaker, date, source, places and actors; filters live in the URL."""
import streamlit as st

from lib import filters
from lib.loading import load_store
from pages._widgets import filter_sidebar, page_start, statement_list

page_start()
data = load_store()
chosen = filter_sidebar(data)
statements = data["statements"]
shown = statements[filters.apply(statements, chosen)]

st.title("Quotes · الاقتباسات")
st.caption("Who said what, where and when. Filter in the sidebar; the address bar keeps the filters, so a view "
           "can be shared. · من قال ماذا وأين ومتى. الرابط يحفظ التصفية لمشاركتها.")
table = filters.download_table(shown)
left, mid, right = st.columns([3, 1, 1])
left.metric("Statements shown · التصريحات المعروضة", f"{len(shown)} / {len(statements)}")
mid.download_button("CSV", filters.to_csv(table), "rasd-statements.csv", "text/csv", key="dl_csv",
                    width="stretch", disabled=table.empty)
right.download_button("JSON", filters.to_json(table), "rasd-statements.json", "application/json", key="dl_json",
                      width="stretch", disabled=table.empty)
statement_list(data, shown, key="quotes")
