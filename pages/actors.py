"""Actors: who speaks most, about which places and actors (speaker × place and speaker × actor matrices), and a
profile per actor with its statements."""
import streamlit as st

from lib.dashboard import charts
from lib.dashboard import filters
from lib.dashboard import engine
from lib.dashboard.data import load_store
from lib.dashboard.rtl import esc, md, rtl_block
from lib.dashboard.widgets import filter_sidebar, matrix_tabs, page_start, profile_pick, statement_list


page_start()
if engine.use_duckdb():  # a big archive: DuckDB over the store's parts (lib/dashboard/engine.py)
    engine.actors_page()
    st.stop()
data = load_store()
chosen = filter_sidebar(data)
statements = data["statements"]
mask = filters.apply(statements, chosen)
shown = filters.rows(statements, mask, ["speaker_key", "speaker_label", "speaker_group"])
places, actors = data["place_table"], data["actor_table"]

st.title("Actors · الفاعلون")
left, right = st.columns([2, 3])
left.plotly_chart(charts.speakers_figure(charts.speaker_counts(shown)), key="speakers")
matrix_tabs(right, charts.matrix(statements, "place_ids", dict(zip(places["place_id"], places["label"])), mask=mask),
            charts.matrix(statements, "actor_ids", dict(zip(actors["actor_id"], actors["label"])), mask=mask))

st.header("Profile · ملف")
picked = profile_pick(data["speakers"], actors)
if picked is None:
    st.stop()
kind, ident = picked
said = filters.first_copies(statements, filters.order(statements, mask & (statements["speaker_key"] == ident)))
mentioned = filters.first_copies(statements, filters.order(statements, mask & filters.by_actors(statements, [ident])))
info = actors[actors["actor_id"] == ident]
if not info.empty:
    row = info.iloc[0]
    st.html(rtl_block(f"<b>{esc(row['name_ar'] or row['name'])}</b>", "h3"))
    st.markdown(f"**{md(row['name'])}** · {md(row['kind'] or '?')} · {md(row['country'] or '')} — mentioned "
                f"{int(row['mentions'])} times in {int(row['articles'])} article(s) · ذُكر {int(row['mentions'])} مرة")
a, b = st.columns(2)
a.metric("Statements by · تصريحات له", len(said))
b.metric("Statements mentioning · تصريحات تذكره", len(mentioned))
tab_said, tab_mentioned = st.tabs(["Said · قال", "Mentioned in · ذُكر في"])
with tab_said:
    statement_list(data, statements, key="profile_said", query=chosen.text, positions=said)
with tab_mentioned:
    statement_list(data, statements, key="profile_mentioned", query=chosen.text, positions=mentioned)
