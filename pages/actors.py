"""Actors: who speaks most, about which places and actors (speaker × place and speaker × actor matrices), and a
profile per actor with its statements."""
import streamlit as st

from lib.dashboard import charts
from lib.dashboard import filters
from lib.dashboard import engine
from lib.dashboard.data import load_store
from lib.dashboard.rtl import esc, md, rtl_block
from lib.dashboard.widgets import filter_sidebar, page_start, statement_list

PROFILE_CHOICES = 400

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
by_place, by_actor = right.tabs(["Speaker × place · المتحدث × المكان", "Speaker × actor · المتحدث × الجهة"])
by_place.plotly_chart(charts.matrix_figure(
    charts.matrix(statements, "place_ids", dict(zip(places["place_id"], places["label"])), mask=mask),
    "Statements naming a place, per speaker · تصريحات تذكر مكاناً"), key="speaker_place")
by_actor.plotly_chart(charts.matrix_figure(
    charts.matrix(statements, "actor_ids", dict(zip(actors["actor_id"], actors["label"])), mask=mask),
    "Statements naming an actor, per speaker · تصريحات تذكر جهة"), key="speaker_actor")

st.header("Profile · ملف")
# The busiest speakers and most mentioned actors (a list of tens of thousands would be sent on every run).
speakers = data["speakers"]
if "speaker_group" in speakers:  # people and bodies, not "unnamed sources"
    speakers = speakers[speakers["speaker_group"] == speakers["speaker_key"]]
top_speakers = speakers.sort_values("statements", ascending=False).head(PROFILE_CHOICES)
top_actors = actors.sort_values("mentions", ascending=False).head(PROFILE_CHOICES)
profiles = {f"speaker:{k}": f"{lab} — speaker · متحدث" for k, lab in zip(top_speakers["speaker_key"],
                                                           top_speakers["speaker_label"])}
profiles.update({f"actor:{a}": f"{lab} — mentioned · مذكور" for a, lab in zip(top_actors["actor_id"],
                                                                              top_actors["label"])
                 if f"speaker:{a}" not in profiles})
if not profiles:
    st.info("No actors yet · لا فاعلين بعد")
    st.stop()
pick = st.selectbox("Speaker or actor · متحدث أو جهة", list(profiles), format_func=lambda k: profiles.get(k, k),
                    key="profile", accept_new_options=True, filter_mode="contains",
                    help="Type any name and Enter: the best match among every speaker and actor is shown")
if pick not in profiles:  # a name typed
    typed, pick = pick, filters.find_profile(speakers, actors, pick)
    if pick is None:
        st.info(f"No speaker or actor is named «{typed}» · لا أحد بهذا الاسم")
        st.stop()
kind, ident = pick.split(":", 1)
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
