"""Raqqa and Mosul: each city's districts, neighbourhoods and landmarks that the articles mention, the statements
about it, and its mentions over time. Places known only to city precision are never drawn as street-level pins."""
import pandas as pd
import streamlit as st

from lib.dashboard import charts
from lib.dashboard import filters
from lib.dashboard import maps
from lib.dashboard.data import load_store
from lib.dashboard.rtl import md
from lib.dashboard.widgets import DATES, SPEAKER, filter_sidebar, page_start, statement_list

page_start()
data = load_store()
chosen = filter_sidebar(data, show=(SPEAKER, DATES))
cities = data["cities"].set_index("key")
names = {k: f"{r['name']} · {r['name_ar']}" for k, r in cities.iterrows()}
if st.query_params.get("city") in names and "city" not in st.session_state:
    st.session_state["city"] = st.query_params["city"]
key = st.radio("City · المدينة", list(names), format_func=names.get, horizontal=True, key="city")
st.query_params["city"] = key
city = cities.loc[key].to_dict()
st.title(f"{md(city['name'])} · {md(city['name_ar'])}")

table = data["place_table"]
inside = filters.places_within(table, city["place_id"]) if city["place_id"] else []
statements = data["statements"]
shown = statements[filters.apply(statements, chosen)]
about = shown[filters.by_places(shown, inside)] if inside else shown.iloc[0:0]
articles = set(data["articles"]["article_id"]) if not (chosen.start or chosen.end) else set(shown["article_id"])
counts = maps.place_counts(data["places"], about, articles)
sub = table[table["place_id"].isin(inside) & (table["place_id"] != city["place_id"])]
points = maps.place_points(sub, counts, max_radius=12)
fine, areas, vague = maps.split_by_precision(points)
city_counts = counts[counts["place_id"] == city["place_id"]]
city["mentions"] = int(city_counts["mentions"].sum())
city["statements"] = len(about)

a, b, c = st.columns(3)
a.metric("Mentions of the city · إشارات إلى المدينة", city["mentions"])
b.metric("Places inside mentioned · أماكن داخلها", len(sub))
c.metric("Statements about it · تصريحات عنها", len(about))

coarse = pd.concat([maps.city_area(city, vague), areas], ignore_index=True) if not areas.empty \
    else maps.city_area(city, vague)
st.pydeck_chart(maps.city_deck(city, fine, coarse), key=f"city_map_{key}", height=480)
st.caption("Dots: places with street-level coordinates. Shaded circles: places known only to district or city "
           "precision, drawn as the area they could be anywhere in. · النقاط: أماكن بإحداثيات دقيقة. الدوائر: "
           "أماكن معروفة على مستوى الحي أو المدينة فقط. The base map is Natural Earth at 1:50m: at city zoom its "
           "rivers and borders are approximate (a km or two).")

st.subheader("Districts, neighbourhoods and landmarks · الأحياء والمعالم")
if sub.empty:
    st.info("The articles name no place inside the city yet · لم تذكر المقالات أماكن داخل المدينة بعد")
else:
    listed = sub.merge(counts, on="place_id", how="left", suffixes=("_all", ""))
    listed = listed.assign(on_map=listed["precision"].isin(maps.FINE_PRECISIONS + ("district",)))
    st.dataframe(listed[["name_ar", "name", "kind", "precision", "on_map", "mentions", "statements"]],
                 hide_index=True, column_config={
                     "name_ar": "الاسم", "name": "Name", "on_map": st.column_config.CheckboxColumn(
                         "drawn · مرسوم", help="Unchecked: known only to city precision, so not drawn")})

st.plotly_chart(charts.mentions_over_time(data["places"][data["places"]["article_id"].isin(articles)],
                                          data["articles"], inside, dict(zip(table["place_id"], table["label"])),
                                          "Mentions over time · الإشارات عبر الزمن"), key=f"city_chart_{key}")
st.subheader(f"Statements about {md(city['name'])} · تصريحات عن {md(city['name_ar'])} ({len(about)})")
statement_list(data, about, key=f"city_{key}")
