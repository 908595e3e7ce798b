"""plotly figures for the dashboard: timeline, counts, speaker × place/actor matrices, mentions over time.

Hover text that comes from articles is HTML-escaped (plotly reads a few tags in text and turns entities back
into characters, so a quote holding <b> or <script> shows literally). Charts get no right-to-left CSS: plotly
lays out Arabic itself.
"""
from __future__ import annotations


import pandas as pd
import plotly.graph_objects as go

from lib.dashboard.rtl import esc
from lib.extract.hijri import hijri_label

EVENTS_ROW = "Dated events · أحداث مؤرخة"
STATEMENT_NAME = "Statement, by publication date · تصريح حسب تاريخ النشر"
EVENT_NAME = "Date the articles refer to · تاريخ يذكره المقال"
DAY_MS = 0.8 * 86_400_000  # a day's bar, in milliseconds of a date axis
FONT = dict(family="DejaVu Sans, Noto Naskh Arabic, Arial, sans-serif", size=13)


def hover_text(text: str | None, width: int = 60, limit: int = 320) -> str:
    """Escaped text cut to a limit and wrapped with <br> for a hover label."""
    words = (text or "")[:limit + 40].split()
    lines, line = [], ""
    for w in words:  # a plain greedy wrap: textwrap is slow for thousands of labels
        if len(line) + len(w) + 1 > width and line:
            lines.append(line)
            if sum(map(len, lines)) >= limit:
                line = "…"
                break
            line = w
        else:
            line = f"{line} {w}" if line else w
    if line:
        lines.append(line)
    return "<br>".join(esc(x) for x in lines) or "—"


def _empty(title: str) -> go.Figure:
    fig = go.Figure()
    fig.update_layout(title=title, font=FONT, height=260, xaxis_visible=False, yaxis_visible=False,
                      annotations=[dict(text="Nothing to show · لا بيانات", showarrow=False, font_size=16)])
    return fig


def _spread(times: pd.Series, keys: pd.Series) -> pd.Series:
    """Statements of one speaker on one day spread over that day, so each keeps its own hover point."""
    order = times.groupby([keys, times.dt.normalize()]).cumcount()
    size = times.groupby([keys, times.dt.normalize()]).transform("size")
    step = pd.to_timedelta(18 / size.clip(lower=1), unit="h")
    return times.dt.normalize() + pd.Timedelta(hours=3) + step * order


OTHERS_ROW = "Other speakers · متحدثون آخرون"
MAX_POINTS = 3000


def timeline_figure(statements: pd.DataFrame, dates: pd.DataFrame, top: int = 20) -> go.Figure:
    """Statements per speaker at their publication date, and the dated events the articles refer to, told apart
    by row, marker and legend; hovering shows the quote and speaker (or the event's words). The `top` speakers
    by statements get a row each, the rest share one."""
    needed = ["published_date", "published", "speaker_key", "speaker_label", "source", "quote", "statement_id"]
    dated = statements[[c for c in needed if c in statements]]
    dated = dated[dated["published_date"].notna()]
    leaders = set(dated["speaker_key"].value_counts().index[:top])
    # A chart holds a readable number of points: on a large corpus, the most recent ones (counts_figure
    # shows every statement per day).
    dated = dated.nlargest(MAX_POINTS, "published_date") if len(dated) > MAX_POINTS else dated
    if not dates.empty and len(dates) > MAX_POINTS:
        dates = dates.nlargest(MAX_POINTS, "date_value")
    row_of = [esc(lab) if key in leaders else OTHERS_ROW for key, lab in zip(dated["speaker_key"], dated["speaker_label"])]
    events = dates[dates["date_value"].notna()] if not dates.empty else dates
    if dated.empty and events.empty:
        return _empty("Timeline · الخط الزمني")
    fig = go.Figure()
    if not dated.empty:
        x = _spread(dated["published_date"], pd.Series(row_of, index=dated.index))
        hover = [f"<b>{esc(s)}</b><br>{esc(d)} · {esc(src)}<br><br>{hover_text(q)}" for s, d, src, q in
                 zip(dated["speaker_label"], dated["published"], dated["source"].fillna(""), dated["quote"])]
        fig.add_trace(go.Scatter(x=x, y=row_of, mode="markers", name=STATEMENT_NAME,
                                 marker=dict(size=11, color="#c0392b", opacity=0.8, line=dict(width=1, color="white")),
                                 hovertext=hover, hoverinfo="text", customdata=dated["statement_id"]))
    if not events.empty:
        # a Hijri-dated event shows the Hijri date beside its Gregorian day (stores older than the column lack it)
        hijri = events["hijri"] if "hijri" in events else pd.Series([None] * len(events), index=events.index)
        hover = [f"<b>{esc(d)}</b>{' · ' + esc(hijri_label(h)) if isinstance(h, str) and h else ''} — «{esc(t)}»"
                 f"<br>{hover_text(c)}<br><i>{esc(src)} · {esc(p)}</i>" for d, h, t, c, src, p
                 in zip(events["date"], hijri, events["text"], events["context"], events["source"].fillna(""),
                        events["published"].fillna(""))]
        fig.add_trace(go.Scatter(x=events["date_value"] + pd.Timedelta(hours=12), y=[EVENTS_ROW] * len(events),
                                 mode="markers", name=EVENT_NAME,
                                 marker=dict(size=13, symbol="diamond", color="#2471a3",
                                             line=dict(width=1, color="white")),
                                 hovertext=hover, hoverinfo="text"))
    counts = pd.Series(row_of, dtype=object).value_counts()
    ranked = [r for r in counts.index if r != OTHERS_ROW] + [OTHERS_ROW] * (OTHERS_ROW in counts.index)
    rows = [EVENTS_ROW] * (not events.empty) + ranked
    fig.update_layout(font=FONT, height=max(320, 70 + 38 * len(rows)), hovermode="closest",
                      legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
                      margin=dict(l=10, r=10, t=40, b=40), hoverlabel=dict(align="right", font_size=13))
    fig.update_yaxes(categoryorder="array", categoryarray=rows[::-1], title=None, automargin=True)
    fig.update_xaxes(title="date · التاريخ", type="date")
    return fig


def counts_figure(statements: pd.DataFrame, top: int = 10) -> go.Figure:
    """Statements per publication day, stacked by speaker (the top speakers; the rest as 'others')."""
    needed = ["published_date", "published", "speaker_key", "speaker_label", "source", "quote", "statement_id"]
    dated = statements[[c for c in needed if c in statements]]
    dated = dated[dated["published_date"].notna()]
    if dated.empty:
        return _empty("Statements per day · التصريحات يومياً")
    leaders = dated["speaker_label"].value_counts().index[:top]
    who = dated["speaker_label"].where(dated["speaker_label"].isin(leaders), "others · آخرون")
    table = dated.assign(day=dated["published_date"].dt.normalize(), who=who).groupby(["day", "who"]).size()
    fig = go.Figure()
    for name, series in table.groupby(level="who"):
        fig.add_trace(go.Bar(x=series.index.get_level_values("day"), y=series.values, name=esc(name), width=DAY_MS,
                             hovertemplate="%{x|%Y-%m-%d}: %{y}<extra>" + esc(name) + "</extra>"))
    fig.update_layout(barmode="stack", font=FONT, height=340, title="Statements per day · التصريحات يومياً",
                      margin=dict(l=10, r=10, t=50, b=40), legend=dict(font_size=11))
    fig.update_xaxes(type="date", tickformat="%Y-%m-%d")
    return fig


def speakers_figure(speakers: pd.DataFrame, top: int = 15) -> go.Figure:
    """Who speaks most: statements per speaker, horizontal bars."""
    if speakers.empty:
        return _empty("Who speaks most · الأكثر تصريحاً")
    head = speakers.head(top).iloc[::-1]
    fig = go.Figure(go.Bar(x=head["statements"], y=[esc(s) for s in head["speaker_label"]], orientation="h",
                           marker_color="#c0392b", hovertemplate="%{y}: %{x}<extra></extra>"))
    fig.update_layout(font=FONT, height=max(260, 60 + 28 * len(head)), title="Who speaks most · الأكثر تصريحاً",
                      margin=dict(l=10, r=10, t=50, b=30))
    fig.update_yaxes(automargin=True)
    return fig


def matrix(statements: pd.DataFrame, column: str, names: dict[str, str], top_rows: int = 12,
           top_cols: int = 15) -> pd.DataFrame:
    """Statements per speaker (rows) × mentioned place or actor (columns, from an id-list column)."""
    pairs = statements[["speaker_label", column]].explode(column).dropna()
    if pairs.empty:
        return pd.DataFrame()
    # Keep the top speakers and targets before cross-tabulating: the full table is huge on a big corpus.
    rows = pairs["speaker_label"].value_counts().index[:top_rows]
    pairs = pairs[pairs["speaker_label"].isin(rows)]
    pairs = pairs.assign(target=pairs[column].map(lambda i: names.get(i, i)))
    cols = pairs["target"].value_counts().index[:top_cols]
    pairs = pairs[pairs["target"].isin(cols)]
    table = pd.crosstab(pairs["speaker_label"], pairs["target"])
    return table.reindex(index=[r for r in rows if r in table.index], columns=list(cols), fill_value=0)


def matrix_figure(table: pd.DataFrame, title: str) -> go.Figure:
    """A speaker × target heatmap of statement counts."""
    if table.empty:
        return _empty(title)
    fig = go.Figure(go.Heatmap(z=table.values, x=[esc(c) for c in table.columns],
                               y=[esc(r) for r in table.index], colorscale="Reds",
                               hovertemplate="%{y} → %{x}: %{z}<extra></extra>", texttemplate="%{z}"))
    fig.update_layout(font=FONT, title=title, height=max(320, 200 + 34 * len(table.index)),
                      margin=dict(l=10, r=10, t=50, b=10))
    fig.update_xaxes(side="bottom", tickangle=-40, automargin=True)
    fig.update_yaxes(autorange="reversed", automargin=True)
    return fig


def mentions_over_time(place_rows: pd.DataFrame, articles: pd.DataFrame, place_ids: list[str],
                       names: dict[str, str], title: str) -> go.Figure:
    """Mentions of a set of places per publication day, stacked by place."""
    rows = place_rows[place_rows["place_id"].isin(place_ids)].merge(articles[["article_id", "published"]],
                                                                   on="article_id")
    rows = rows.assign(day=pd.to_datetime(rows["published"], errors="coerce", format="mixed").dt.normalize())
    rows = rows[rows["day"].notna()]
    if rows.empty:
        return _empty(title)
    fig = go.Figure()
    for pid, part in rows.groupby("place_id"):
        per_day = part.groupby("day")["mentions"].sum()
        fig.add_trace(go.Bar(x=per_day.index, y=per_day.values, name=esc(names.get(pid, pid)), width=DAY_MS,
                             hovertemplate="%{x|%Y-%m-%d}: %{y}<extra>" + esc(names.get(pid, pid)) + "</extra>"))
    fig.update_layout(barmode="stack", font=FONT, title=title, height=320, margin=dict(l=10, r=10, t=50, b=40))
    fig.update_xaxes(type="date", tickformat="%Y-%m-%d")
    return fig
