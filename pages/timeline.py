"""Timeline: statements over time by publication date, per speaker, and the dated events the articles refer to
(resolved dates), told apart; hovering shows the quote and speaker."""
import streamlit as st

from lib.dashboard import charts
from lib.dashboard import filters
from lib.dashboard.data import load_store
from lib.dashboard.widgets import filter_sidebar, page_start

EVENT_ROWS = 2000

page_start()
data = load_store()
chosen = filter_sidebar(data)
statements = data["statements"]
shown = statements[filters.apply(statements, chosen)]
dates = data["dates"]
if len(shown) < len(statements):  # filtered: the events of the articles whose statements are still shown
    dates = dates[dates["article_id"].isin(set(shown["article_id"]))]

st.title("Timeline · الخط الزمني")
st.caption("Red dots: statements, at the day their article was published, one row per speaker. Blue diamonds: "
           "the days the articles refer to (resolved dates such as «أمس» or «11 يوليو»). Hover for the words. · "
           "النقاط الحمراء: التصريحات بتاريخ النشر. المعيّنات الزرقاء: الأيام التي تذكرها المقالات.")
st.plotly_chart(charts.timeline_figure(shown, dates), key="timeline")
st.plotly_chart(charts.counts_figure(shown), key="per_day")
with st.expander(f"Dated events · الأحداث المؤرخة ({len(dates)})"):
    # the latest ones: a table of tens of thousands of rows would be sent on every run
    latest = dates.sort_values("date", ascending=False).head(EVENT_ROWS)
    if len(dates) > EVENT_ROWS:
        st.caption(f"The latest {EVENT_ROWS} · أحدث {EVENT_ROWS}")
    st.dataframe(latest[["date", "text", "context", "published", "source", "relative"]], hide_index=True,
                 column_config={"text": "words · العبارة", "context": "context · السياق"})
