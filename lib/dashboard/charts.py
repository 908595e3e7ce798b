"""plotly figures for the dashboard: timeline, counts, speaker × place/actor matrices, mentions over time.

Hover text that comes from articles is HTML-escaped (plotly reads a few tags in text and turns entities back
into characters, so a quote holding <b> or <script> shows literally). Charts get no right-to-left CSS: plotly
lays out Arabic itself.
"""
from __future__ import annotations


import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib.dashboard import filters
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
MAX_POINTS = 1500
MAX_EVENTS = 800
GROUP_LABELS = {"group:anonymous": "Unnamed sources · مصادر غير مسماة",
                "group:document": "Statements and reports · بيانات وتقارير",
                "group:unnamed": "Bodies named only by kind · جهات بلا اسم",
                "group:unknown": "Speaker not found · متحدث غير معروف"}


def _on_axis(statements: pd.DataFrame) -> pd.DataFrame:
    """The statements a date axis can show: dated, and inside the corpus's plausible span (`date_ok`)."""
    dated = statements["published_date"].notna()
    if "date_ok" in statements:
        dated &= statements["date_ok"]
    return statements[dated]


def named_speakers(statements: pd.DataFrame) -> np.ndarray:
    """Which statements have a named speaker (their own group, not "unnamed sources"), once per frame: comparing
    two object columns of 200,000 rows costs ~0.1 s a run."""
    cache = filters.frame_cache(statements)
    found = cache.get("named_speakers")
    if found is None:
        found = cache["named_speakers"] = (statements["speaker_group"] == statements["speaker_key"]).to_numpy() \
            if "speaker_group" in statements else np.ones(len(statements), dtype=bool)
    return found


def busiest_speakers(statements: pd.DataFrame, top: int) -> list[str]:
    """The keys of the `top` speakers with most statements, never an unnamed group (مصادر، البيان)."""
    keys = statements["speaker_key"]
    if "speaker_group" in statements:
        keys = keys[(statements["speaker_group"] == keys).to_numpy()]
    return list(keys.value_counts().index[:top])


def speaker_rows(statements: pd.DataFrame, top: int) -> pd.Series:
    """Each statement's chart row: its speaker's label when among the `top` busiest real speakers, its group's
    label for unnamed sources and documents, else OTHERS_ROW (labels made once per speaker, not per row)."""
    group = statements["speaker_group"] if "speaker_group" in statements else statements["speaker_key"]
    codes, keys = pd.factorize(group)
    named = np.array([not (isinstance(k, str) and k.startswith("group:")) for k in keys], dtype=bool)
    counts = np.bincount(codes[codes >= 0], minlength=len(keys))
    busiest = np.argsort(-np.where(named, counts, -1), kind="stable")[:top]
    leaders = {int(i) for i in busiest if named[i] and counts[i] > 0}
    first_label = pd.Series(statements["speaker_label"].to_numpy()).groupby(codes).first() if len(codes) else {}
    row_of = np.array([GROUP_LABELS.get(k, OTHERS_ROW) if not named[i] else
                       esc(first_label[i]) if i in leaders else OTHERS_ROW for i, k in enumerate(keys)], dtype=object)
    out = row_of[codes] if len(codes) else np.array([], dtype=object)
    return pd.Series(out, index=statements.index, dtype=object)


def timeline_figure(statements: pd.DataFrame, dates: pd.DataFrame, top: int = 15) -> go.Figure:
    """Statements per speaker at their publication date, and the dated events the articles refer to, told apart
    by row, marker and legend; hovering shows the quote and speaker (or the event's words). The `top` busiest
    named speakers get a row each; unnamed sources and documents a row per kind; the rest share one. Dates
    outside the corpus's plausible span are left off the axis."""
    needed = ["published_date", "published", "speaker_key", "speaker_label", "speaker_group", "source", "quote",
              "statement_id", "date_ok"]
    dated = _on_axis(statements[[c for c in needed if c in statements]])
    rows_all = speaker_rows(dated, top) if not dated.empty else pd.Series(dtype=object)
    # A chart holds a readable number of points: on a large corpus, the most recent ones (activity_figure
    # counts every statement).
    dated = dated.nlargest(MAX_POINTS, "published_date") if len(dated) > MAX_POINTS else dated
    row_of = rows_all.reindex(dated.index)
    events = dates[dates["date_value"].notna()] if not dates.empty else dates
    if not dated.empty and not events.empty:  # the events of the statements' years, not a stray 1400 or 2108
        lo, hi = dated["published_date"].min(), dated["published_date"].max()
        events = events[(events["date_value"] >= lo - pd.Timedelta(days=366)) &
                        (events["date_value"] <= hi + pd.Timedelta(days=366))]
    if not events.empty and len(events) > MAX_EVENTS:
        events = events.nlargest(MAX_EVENTS, "date_value")
    if dated.empty and events.empty:
        return _empty("Timeline · الخط الزمني")
    fig = go.Figure()
    if not dated.empty:
        x = _spread(dated["published_date"], row_of)
        hover = [f"<b>{esc(s)}</b><br>{esc(d)} · {esc(src)}<br><br>{hover_text(q)}" for s, d, src, q in
                 zip(dated["speaker_label"], dated["published"], dated["source"].fillna(""), dated["quote"])]
        fig.add_trace(go.Scatter(x=x, y=row_of.tolist(), mode="markers", name=STATEMENT_NAME,
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
    counts = rows_all.value_counts()
    bottom = [r for r in [*GROUP_LABELS.values(), OTHERS_ROW] if r in counts.index]
    ranked = [r for r in counts.index if r not in bottom] + bottom
    rows = [EVENTS_ROW] * (not events.empty) + [r for r in ranked if r in set(row_of)]
    fig.update_layout(font=FONT, height=max(320, 70 + 38 * len(rows)), hovermode="closest",
                      legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
                      margin=dict(l=10, r=10, t=40, b=40), hoverlabel=dict(align="right", font_size=13))
    fig.update_yaxes(categoryorder="array", categoryarray=rows[::-1], title=None, automargin=True)
    fig.update_xaxes(title="date · التاريخ", type="date")
    return fig


BINS = {"D": ("day", "يوم"), "W": ("week", "أسبوع"), "M": ("month", "شهر")}


def auto_bin(span_days: float) -> str:
    """Days for up to two months, weeks for up to two years, months beyond."""
    return "D" if span_days <= 62 else "W" if span_days <= 731 else "M"


def activity_figure(statements: pd.DataFrame, top: int = 8, bin: str | None = None) -> go.Figure:
    """Statements per day, week or month (chosen by the span unless given), stacked by the busiest named
    speakers, then unnamed sources and documents, then the others; a range slider below zooms the axis. Dates
    outside the corpus's plausible span are left out."""
    dated = _on_axis(statements)
    if dated.empty:
        return _empty("Statements over time · التصريحات عبر الزمن")
    span = (dated["published_date"].max() - dated["published_date"].min()).days
    bin = bin or auto_bin(span)
    start = dated["published_date"].dt.to_period(bin).dt.start_time
    who = speaker_rows(dated, top)
    return activity_bars(pd.DataFrame({"bin": start, "who": who}).groupby(["bin", "who"]).size(), bin)


# The grey groups (other speakers, unnamed sources …) start hidden when they outnumber the named speakers this often.
GROUPS_HIDDEN_OVER = 3


def activity_bars(table: pd.Series, bin: str) -> go.Figure:
    """`activity_figure`'s chart from its counts per (bin start, chart row), sorted by both (what
    `groupby(["bin", "who"]).size()` gives; the DuckDB engine counts them in SQL)."""
    if table.empty:
        return _empty("Statements over time · التصريحات عبر الزمن")
    totals = table.groupby(level="who").sum()
    groups = [g for g in [*GROUP_LABELS.values(), OTHERS_ROW] if g in totals.index]
    order = [w for w in totals.sort_values(ascending=False).index if w not in groups] + groups
    palette = ["#c0392b", "#2471a3", "#27ae60", "#8e44ad", "#d35400", "#16a085", "#f39c12", "#2c3e50", "#7f8c8d",
               "#e84393"]
    grey = {GROUP_LABELS["group:anonymous"]: "#b2bec3", GROUP_LABELS["group:document"]: "#95a5a6",
            GROUP_LABELS["group:unnamed"]: "#ced6e0", GROUP_LABELS["group:unknown"]: "#dfe4ea",
            OTHERS_ROW: "#d1d8e0"}
    width = {"D": 0.8, "W": 6, "M": 26}[bin] * 86_400_000
    # On an archive the grey groups outnumber the named speakers many times over and flatten their bars: they
    # start hidden then, one click in the legend away.
    named = totals.drop(groups).sum()
    hide = named > 0 and totals[groups].sum() > GROUPS_HIDDEN_OVER * named
    fig = go.Figure()
    for n, name in enumerate(order):
        series = table.xs(name, level="who")
        fig.add_trace(go.Bar(x=series.index, y=series.values, name=name, width=width,
                             marker_color=grey.get(name, palette[n % len(palette)]),
                             visible="legendonly" if hide and name in groups else True,
                             hovertemplate="%{x|%Y-%m-%d}: %{y}<extra>" + name + "</extra>"))
    en, ar = BINS[bin]
    hint = "Click a grey group to add it<br>انقر مجموعة رمادية لإضافتها" if hide else None
    fig.update_layout(barmode="stack", font=FONT, height=420, title=f"Statements per {en} · التصريحات لكل {ar}",
                      margin=dict(l=10, r=10, t=50, b=10),
                      legend=dict(font_size=11, traceorder="normal", title=dict(text=hint, font_size=11)))
    # A drag draws a horizontal brush (the page narrows what follows to it: `brushed_range`); the slider zooms.
    fig.update_layout(dragmode="select", selectdirection="h")
    fig.update_xaxes(type="date", rangeslider=dict(visible=True, thickness=0.08),
                     rangeselector=dict(buttons=[dict(count=7, label="7d", step="day", stepmode="backward"),
                                                 dict(count=1, label="1m", step="month", stepmode="backward"),
                                                 dict(count=1, label="1y", step="year", stepmode="backward"),
                                                 dict(step="all", label="all")]))
    return fig


def _stamp(value: object) -> pd.Timestamp | None:
    """A date axis value as plotly reports it (a date string, or milliseconds since 1970)."""
    try:
        stamp = pd.to_datetime(value, unit="ms") if isinstance(value, (int, float)) else pd.Timestamp(value)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(stamp) else stamp


def brushed_range(event: object) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The days a brush drawn on a time chart covers (`st.plotly_chart`'s selection event: its last box), first
    and last day included; None when nothing is brushed."""
    selection = getattr(event, "selection", None) or {}
    boxes = [b for b in selection.get("box") or [] if isinstance(b, dict) and len(b.get("x") or []) == 2]
    if not boxes:
        return None
    ends = [_stamp(x) for x in boxes[-1]["x"]]
    if any(e is None for e in ends):
        return None
    lo, hi = sorted(ends)
    return lo.normalize(), hi.normalize()


def implausible(statements: pd.DataFrame) -> pd.DataFrame:
    """The statements whose publication date is outside the corpus's plausible span (a typo such as 2108)."""
    if "date_ok" not in statements:
        return statements.iloc[0:0]
    return statements[statements["published_date"].notna() & ~statements["date_ok"]]


def counts_figure(statements: pd.DataFrame, top: int = 10) -> go.Figure:
    """Statements per day stacked by speaker: `activity_figure` by day."""
    return activity_figure(statements, top=top, bin="D")


def speaker_counts(statements: pd.DataFrame, top: int = 50) -> pd.DataFrame:
    """Statements per speaker (the `top` named ones, the rest as OTHERS_ROW), unnamed sources and documents
    counted as their group, most first."""
    if statements.empty:
        return pd.DataFrame(columns=["speaker_label", "statements"])
    rows = speaker_rows(statements, top=top)
    counts = rows.value_counts()
    grouped = counts.index.isin([*GROUP_LABELS.values(), OTHERS_ROW])
    counts = pd.concat([counts[~grouped], counts[grouped]])  # the real speakers first, the groups after them
    return pd.DataFrame({"speaker_label": counts.index, "statements": counts.to_numpy()})


def speakers_figure(speakers: pd.DataFrame, top: int = 15) -> go.Figure:
    """Who speaks most: statements per speaker, horizontal bars (unnamed sources and documents, in grey, after
    the `top` named speakers)."""
    if speakers.empty:
        return _empty("Who speaks most · الأكثر تصريحاً")
    grouped = speakers["speaker_label"].isin([*GROUP_LABELS.values(), OTHERS_ROW])
    head = pd.concat([speakers[~grouped].head(top), speakers[grouped]]).iloc[::-1]
    grouped = set(GROUP_LABELS.values()) | {OTHERS_ROW}
    is_group = [s in grouped for s in head["speaker_label"]]
    named_max = max((n for n, g in zip(head["statements"], is_group) if not g), default=0)
    # On an archive "other speakers" outnumber any one speaker a hundredfold: the axis is the named speakers',
    # and a group's bar that runs past it is cut there with its count written on it.
    cut = named_max * 1.3 if named_max and head["statements"].max() > named_max * 1.3 else None
    fig = go.Figure(go.Bar(x=head["statements"], y=[short(s) for s in head["speaker_label"]], orientation="h",
                           marker_color=["#b2bec3" if g else "#c0392b" for g in is_group],
                           text=[f"{n:,} ›" if cut and n > cut else "" for n in head["statements"]],
                           textposition="inside", insidetextanchor="start",  # the cut end is off the axis
                           customdata=[esc(s) for s in head["speaker_label"]],
                           hovertemplate="%{customdata}: %{x:,}<extra></extra>"))
    fig.update_layout(font=FONT, height=max(260, 60 + 28 * len(head)), title="Who speaks most · الأكثر تصريحاً",
                      margin=dict(l=10, r=10, t=50, b=30))
    fig.update_yaxes(automargin=True)
    if cut:
        fig.update_xaxes(range=[0, cut])
    return fig


def matrix(statements: pd.DataFrame, column: str, names: dict[str, str], top_rows: int = 12,
           top_cols: int = 15, mask: np.ndarray | pd.Series | None = None) -> pd.DataFrame:
    """Statements per speaker (rows: named speakers only, never "unnamed sources") × mentioned place or actor
    (columns, from an id-list column), over the statements the mask keeps (all when None)."""
    rows_at, codes, uniques = filters.id_pairs(statements, column)
    keep = np.ones(len(statements), dtype=bool) if mask is None else np.asarray(mask, dtype=bool).copy()
    if "speaker_group" in statements:
        keep &= named_speakers(statements)
    chosen = keep[rows_at]
    if not chosen.any():
        return pd.DataFrame()
    pairs = pd.DataFrame({"speaker_label": statements["speaker_label"].to_numpy()[rows_at[chosen]],
                          "target": uniques.to_numpy()[codes[chosen]]})
    # Keep the top speakers and targets before cross-tabulating: the full table is huge on a big corpus.
    rows = pairs["speaker_label"].value_counts().index[:top_rows]
    pairs = pairs[pairs["speaker_label"].isin(rows)]
    pairs = pairs.assign(target=pairs["target"].map(lambda i: names.get(i, i)))
    cols = pairs["target"].value_counts().index[:top_cols]
    pairs = pairs[pairs["target"].isin(cols)]
    table = pd.crosstab(pairs["speaker_label"], pairs["target"])
    return table.reindex(index=[r for r in rows if r in table.index], columns=list(cols), fill_value=0)


def short(label: object, limit: int = 26) -> str:
    """An axis label: escaped, its Arabic half when it has one (names are long as 'English · العربية'), cut to
    `limit` characters."""
    text = str(label)
    if " · " in text:
        english, arabic = text.split(" · ", 1)
        text = arabic or english
    return esc(text if len(text) <= limit else text[:limit - 1] + "…")


def _unique(labels: list[str]) -> list[str]:
    """Labels made distinct (a category axis merges equal ones): a repeat gets a numbered suffix."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def matrix_figure(table: pd.DataFrame, title: str) -> go.Figure:
    """A speaker × target heatmap of statement counts, axis labels short (the full names on hover)."""
    if table.empty:
        return _empty(title)
    full_x = [esc(c) for c in table.columns]
    full_y = [esc(r) for r in table.index]
    fig = go.Figure(go.Heatmap(z=table.values, x=_unique([short(c, 18) for c in table.columns]),
                               y=_unique([short(r) for r in table.index]), colorscale="Reds",
                               customdata=[[f"{y} → {x}" for x in full_x] for y in full_y],
                               hovertemplate="%{customdata}: %{z}<extra></extra>", texttemplate="%{z}"))
    fig.update_layout(font=dict(FONT, size=12), title=title, height=max(360, 220 + 30 * len(table.index)),
                      margin=dict(l=10, r=10, t=50, b=10))
    fig.update_xaxes(side="bottom", tickangle=-45, automargin=True)
    fig.update_yaxes(autorange="reversed", automargin=True)
    return fig


def article_days(articles: pd.DataFrame) -> tuple[pd.Index, np.ndarray]:
    """The articles' ids and publication days (datetime64, NaT when undated), parsed once per frame."""
    cache = filters.frame_cache(articles)
    found = cache.get("article_days")
    if found is None:
        codes, uniques = pd.factorize(articles["published"])
        parsed = pd.to_datetime(pd.Series(uniques, dtype=object), errors="coerce", format="mixed", utc=True)
        days = parsed.dt.tz_localize(None).dt.normalize().to_numpy(dtype="datetime64[ns]")
        values = np.where(codes >= 0, days[np.maximum(codes, 0)] if len(days) else np.datetime64("NaT", "ns"),
                          np.datetime64("NaT", "ns")).astype("datetime64[ns]")
        found = cache["article_days"] = (pd.Index(articles["article_id"]), values)
    return found


def mentions_over_time(place_rows: pd.DataFrame, articles: pd.DataFrame, place_ids: list[str],
                       names: dict[str, str], title: str,
                       span: tuple[object, object] = (None, None),
                       article_ids: set[str] | None = None) -> go.Figure:
    """Mentions of a set of places per publication day in the articles given (all when None), stacked by place;
    days outside `span` (the corpus's plausible publication days, when given) are left out."""
    rows = place_rows[place_rows["place_id"].isin(place_ids)]
    if article_ids is not None:
        rows = rows[rows["article_id"].isin(article_ids)]
    ids, days = article_days(articles)
    at = ids.get_indexer(rows["article_id"])
    day = np.where(at >= 0, days[np.maximum(at, 0)] if len(days) else np.datetime64("NaT", "ns"), np.datetime64("NaT", "ns"))
    keep = ~np.isnat(day)
    lo, hi = span
    if lo is not None:
        keep &= day >= np.datetime64(pd.Timestamp(lo), "ns")
    if hi is not None:
        keep &= day <= np.datetime64(pd.Timestamp(hi), "ns")
    rows = rows.assign(day=day)[keep]
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
