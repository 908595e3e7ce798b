"""Timeline: statements over time (per day, week or month, the busiest speakers stacked, a range slider to zoom),
each statement per speaker at its publication date, and the dated events the articles refer to. Publication
dates outside the corpus's plausible span (a typo such as 2108) are listed apart, never stretched onto the axis."""
import pandas as pd
import streamlit as st

from lib.dashboard import charts
from lib.dashboard import filters
from lib.dashboard import engine
from lib.dashboard.data import load_store
from lib.dashboard.widgets import activity_controls, filter_sidebar, page_start

EVENT_ROWS = 2000
COLUMNS = ["published_date", "published", "date_ok", "speaker_key", "speaker_label", "speaker_group", "source",
           "quote", "statement_id", "article_id", "title"]

page_start()
if engine.use_duckdb():  # a big archive: DuckDB over the store's parts (lib/dashboard/engine.py)
    engine.timeline_page()
    st.stop()
data = load_store()
chosen = filter_sidebar(data)
statements = data["statements"]
mask = filters.apply(statements, chosen)
shown = filters.rows(statements, mask, COLUMNS)
dates = data["dates"]
if len(shown) < len(statements):  # filtered: the events of the articles whose statements are still shown
    dates = dates[dates["article_id"].isin(set(shown["article_id"]))]

st.title("Timeline · الخط الزمني")
bin, top = activity_controls()
brush = st.plotly_chart(charts.activity_figure(shown, top=top, bin=bin),
                        key="activity", on_select="rerun", selection_mode=("box",))
odd = charts.implausible(shown)  # of every statement the filters keep, whatever the brush
days = charts.brushed_range(brush)
if days:  # what follows shows the brushed days only
    shown = shown[filters.by_dates(shown, days[0].date(), days[1].date()).to_numpy()]
    dates = dates[(dates["date_value"] >= days[0]) & (dates["date_value"] < days[1] + pd.Timedelta(days=1))]
    st.info(f"{days[0]:%Y-%m-%d} – {days[1]:%Y-%m-%d}: {len(shown):,} statements · تصريحات في الفترة المحددة")
if not odd.empty:
    with st.expander(f"⚠️ {len(odd):,} statement{'s' * (len(odd) != 1)} with an implausible publication date, "
                     "left off the axis · "
                     "تواريخ نشر غير معقولة"):
        st.dataframe(odd[["published", "speaker_label", "quote", "source", "title"]].head(500), hide_index=True)
st.subheader("Who spoke when · من تحدث ومتى")
# One point per statement reads well for a chosen speaker or place, not for a whole archive (and weighs megabytes).
few = len(shown) <= charts.MAX_POINTS
if st.toggle("Show each statement · اعرض كل تصريح", value=few, key="t_points",
             help=f"One point per statement (the latest {charts.MAX_POINTS:,} at most) and the days the articles "
                  "refer to"):
    st.caption("Red dots: statements, at the day their article was published, one row per speaker (the latest "
               f"{charts.MAX_POINTS:,} at most). Blue diamonds: the days the articles refer to (resolved dates such "
               "as «أمس» or «11 يوليو»). Hover for the words. · النقاط الحمراء: التصريحات بتاريخ النشر. المعيّنات "
               "الزرقاء: الأيام التي تذكرها المقالات.")
    st.plotly_chart(charts.timeline_figure(shown, dates), key="timeline")
with st.expander(f"Dated events · الأحداث المؤرخة ({len(dates):,})"):
    # the latest ones: a table of tens of thousands of rows would be sent on every run
    latest = dates.sort_values("date", ascending=False).head(EVENT_ROWS)
    if len(dates) > EVENT_ROWS:
        st.caption(f"The latest {EVENT_ROWS} · أحدث {EVENT_ROWS}")
    st.dataframe(latest[["date", "text", "context", "published", "source", "relative"]], hide_index=True,
                 column_config={"text": "words · العبارة", "context": "context · السياق"})
