"""Map of mentioned places: offline Natural Earth base map, places sized by mentions and coloured by kind; click a
place to list the statements that mention it. The speaker and date filters apply."""
import streamlit as st

from lib.dashboard import filters
from lib.dashboard import maps
from lib.dashboard.data import load_store
from lib.dashboard.rtl import md
from lib.dashboard.widgets import DATES, SPEAKER, filter_sidebar, page_start, statement_list

page_start()
data = load_store()
chosen = filter_sidebar(data, show=(SPEAKER, DATES))
statements = data["statements"]
shown = statements[filters.apply(statements, chosen)]

st.title("Map of mentioned places · خريطة الأماكن المذكورة")
if chosen.speakers:
    # Only what the chosen speakers said: places their statements name, sized by those statements.
    counts = maps.place_counts(data["places"], shown, set())
    size_by = "statements"
else:
    articles = set(data["articles"]["article_id"])
    if chosen.start or chosen.end:
        articles = set(shown["article_id"])
    counts = maps.place_counts(data["places"], shown, articles)
    size_by = "mentions"
points = maps.place_points(data["place_table"], counts, size_by=size_by)
st.caption(f"{len(points)} places on the map, sized by {size_by} · حجم الدائرة حسب عدد الإشارات. "
           "Click a place to see the statements that mention it · انقر مكاناً لعرض التصريحات.")
event = st.pydeck_chart(maps.places_deck(points), on_select="rerun", selection_mode="single-object", key="map",
                        height=560)
st.html(maps.legend_html(sorted(set(points["kind"].dropna()))))

picked = None
selection = getattr(event, "selection", None) or {}
objects = (selection.get("objects") or {}).get(maps.PLACES_LAYER) or []
if objects:
    picked = objects[0].get("place_id")
labels = dict(zip(data["place_table"]["place_id"], data["place_table"]["label"]))
options = [None] + list(points["place_id"])
if picked in options and picked != st.session_state.get("_map_clicked"):
    st.session_state["map_place"] = picked  # a new click on the map chooses the place below
st.session_state["_map_clicked"] = picked
if st.session_state.get("map_place") not in options:
    st.session_state["map_place"] = None
choice = st.selectbox("Place · المكان", options, key="map_place",
                      format_func=lambda p: "— click the map or choose · انقر الخريطة أو اختر —" if p is None
                      else labels.get(p, p))
if choice:
    about = shown[filters.by_places(shown, [choice])]
    st.subheader(f"Statements mentioning {md(labels.get(choice, choice))} · تصريحات تذكر المكان ({len(about)})")
    statement_list(data, about, key="map_list")

unplaced = data["place_table"][data["place_table"]["lat"].isna()]
if not unplaced.empty:
    with st.expander(f"Places without coordinates · أماكن بلا إحداثيات ({len(unplaced)})"):
        st.dataframe(unplaced[["name", "name_ar", "kind", "mentions"]], hide_index=True)
