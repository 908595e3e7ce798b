"""Raqqa and Mosul as city maps: every district, neighbourhood and landmark the gazetteer knows is drawn (those the
statements name highlighted and sized by them), with the river and the old city; a click lists the statements about
that part of the city. Places known only to city precision are never drawn as street-level pins."""
import streamlit as st

from lib.dashboard import charts
from lib.dashboard import filters
from lib.dashboard import engine
from lib.dashboard import maps
from lib.dashboard.data import load_store
from lib.dashboard.rtl import md
from lib.dashboard.widgets import filter_sidebar, page_start, statement_list

page_start()
naming = None
if engine.use_duckdb():  # a big archive: only the newest articles that name either city (lib/dashboard/engine.py)
    data, naming = engine.city_data(engine.source())
else:
    data = load_store()
chosen = filter_sidebar(data)
cities = data["cities"].set_index("key")
names = {k: f"{r['name']} · {r['name_ar']}" for k, r in cities.iterrows()}
if st.query_params.get("city") in names and "city" not in st.session_state:
    st.session_state["city"] = st.query_params["city"]
top_left, top_right = st.columns([3, 1])
key = top_left.radio("City · المدينة", list(names), format_func=names.get, horizontal=True, key="city")
streets = top_right.toggle("Street map (online) · خريطة الشوارع", value=False, key="streets",
                           help="CARTO's street map under the places (fetched from the internet); off, the map "
                                "needs no connection")
st.query_params["city"] = key
statements = data["statements"]
mask = filters.apply(statements, chosen).to_numpy()
articles = None
if chosen.start or chosen.end or chosen.topics:  # the parts' mentions counted in the articles the filters keep
    articles = set(statements["article_id"][filters.apply(statements, filters.article_filters(chosen)).to_numpy()])
view = maps.city_view(data, key, mask, articles)
city, known, inside, about, points = view.city, view.known, view.inside, view.about, view.points
st.title(f"{md(city['name'])} · {md(city['name_ar'])}")
if naming is not None and naming > engine.CITY_ARTICLES:
    st.caption(f"This archive has {naming:,} articles that name Raqqa or Mosul; this page reads the newest "
               f"{engine.CITY_ARTICLES:,} of them. · تعرض الصفحة أحدث {engine.CITY_ARTICLES:,} مقالة من {naming:,}.")

a, b, c = st.columns(3)
a.metric("Mentions of the city · إشارات إلى المدينة", f"{city['mentions']:,}")
b.metric("Parts of it mentioned · أحياء ومعالم مذكورة", f"{int((points['mentions'] > 0).sum())} / {len(points)}")
c.metric("Statements about it · تصريحات عنها", f"{city['statements']:,}")

event = st.pydeck_chart(maps.city_deck(city, view.fine, view.coarse, streets=streets, city_key=key),
                        key=f"city_map_{key}", height=560, on_select="rerun", selection_mode="single-object")
st.caption("Coloured dots: places the statements name (bigger: more statements); grey: the gazetteer's other "
           "districts, neighbourhoods and landmarks. Shaded circles: places known only to district or city "
           "precision, drawn as the area they could be anywhere in. The river and the old city are hand-drawn "
           "(a few hundred metres). Click a place for its statements. · انقر مكاناً لعرض التصريحات عنه."
           + (f" {maps.STREET_CREDIT}" if streets else ""))

picked = maps.picked_place(event, (maps.PLACES_LAYER, maps.COARSE_LAYER))
labels = dict(zip(known["place_id"], [f"{a} · {n}" if isinstance(a, str) and a and a != n else n
                                      for a, n in zip(known["name_ar"], known["name"])]))

st.subheader("Districts, neighbourhoods and landmarks · الأحياء والمعالم")
listed = points.assign(drawn=points["precision"].isin(maps.FINE_PRECISIONS + ("district",)))
st.dataframe(listed[["name_ar", "name", "kind", "precision", "drawn", "mentions", "statements"]]
             .sort_values(["statements", "mentions"], ascending=False), hide_index=True, column_config={
                 "name_ar": "الاسم", "name": "Name", "drawn": st.column_config.CheckboxColumn(
                     "drawn · مرسوم", help="Unchecked: known only to city precision, so not drawn as a point")})

st.plotly_chart(charts.mentions_over_time(data["places"], data["articles"], inside,
                                          dict(zip(known["place_id"], known["name"])),
                                          "Mentions over time · الإشارات عبر الزمن",
                                          filters.date_span(statements, plausible_only=True), articles),
                key=f"city_chart_{key}")
if picked and picked != city["place_id"]:
    part = filters.order(statements, about & filters.by_places(statements, filters.places_within(known, picked)))
    st.subheader(f"Statements about {md(labels.get(picked, picked))} · تصريحات عن المكان ({len(part):,})")
    statement_list(data, statements, key=f"city_part_{key}", query=chosen.text,
                   positions=filters.first_copies(statements, part))
else:
    everything = filters.order(statements, about)
    st.subheader(f"Statements about {md(city['name'])} · تصريحات عن {md(city['name_ar'])} ({len(everything):,})")
    statement_list(data, statements, key=f"city_{key}", query=chosen.text,
                   positions=filters.first_copies(statements, everything))
