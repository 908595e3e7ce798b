"""Map of mentioned places: offline Natural Earth base map (a street map on request), places sized by mentions and
coloured by kind, governorates and regions drawn as their area, labels chosen for what is in view; click a place
to list the statements that mention it. Every filter applies."""
import streamlit as st

from lib.dashboard import filters
from lib.dashboard import maps
from lib.dashboard import engine
from lib.dashboard.data import load_store
from lib.dashboard.rtl import md
from lib.dashboard.widgets import filter_sidebar, page_start, place_map, statement_list


page_start()
if engine.use_duckdb():  # a big archive: DuckDB over the store's parts (lib/dashboard/engine.py)
    engine.map_page()
    st.stop()
data = load_store()
chosen = filter_sidebar(data)
statements = data["statements"]
mask = filters.apply(statements, chosen)

st.title("Map of mentioned places · خريطة الأماكن المذكورة")
if filters.statement_filters_set(chosen):
    # Only what the chosen statements say: the places they name, sized by those statements.
    counts = maps.place_counts(data["places"], statements, set(), mask=mask)
    size_by = "statements"
else:
    articles = None
    if chosen.start or chosen.end or chosen.topics:
        articles = set(statements[filters.apply(statements, filters.article_filters(chosen))]["article_id"])
    counts = maps.place_counts(data["places"], statements, articles, mask=mask)
    size_by = "mentions"
points = maps.place_points(data["place_table"], counts, size_by=size_by)
labels = dict(zip(data["place_table"]["place_id"], data["place_table"]["label"]))
choice = place_map(points, size_by, labels)
if choice:
    about = filters.order(statements, mask & filters.by_places(statements, [choice]))
    st.subheader(f"Statements mentioning {md(labels.get(choice, choice))} · تصريحات تذكر المكان ({len(about):,})")
    statement_list(data, statements, key="map_list", query=chosen.text,
                   positions=filters.first_copies(statements, about))

unplaced = data["place_table"][data["place_table"]["lat"].isna()]
if not unplaced.empty:
    with st.expander(f"Places without coordinates · أماكن بلا إحداثيات ({len(unplaced):,})"):
        st.dataframe(unplaced[["name", "name_ar", "kind", "mentions"]].head(2000), hide_index=True)
