"""Rasd: page config and navigation only; the pages live in pages/."""
import streamlit as st

st.set_page_config(page_title="Rasd · رصد", layout="wide")
pg = st.navigation([
    st.Page("pages/home.py", title="Home · الرئيسية", default=True),
    st.Page("pages/quotes.py", title="Quotes · الاقتباسات", url_path="quotes"),
    st.Page("pages/map.py", title="Map · الخريطة", url_path="map"),
    st.Page("pages/cities.py", title="Raqqa & Mosul · الرقة والموصل", url_path="cities"),
    st.Page("pages/timeline.py", title="Timeline · الخط الزمني", url_path="timeline"),
    st.Page("pages/actors.py", title="Actors · الفاعلون", url_path="actors"),
    st.Page("pages/add_articles.py", title="Add articles · إضافة مقالات"),
])
pg.run()
