"""The timeline at archive scale (AppTest, reading the plotly specs): an implausible publication date flagged and
kept off the axis, statements per week or month by the span, the busiest real speakers before the groups."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lib.corpus.store import Store
from lib.dashboard import charts
from lib.records import Article, Statement

ROOT = Path(__file__).resolve().parent.parent
LAVROV, TILLERSON = "Sergey Lavrov · سيرغي لافروف", "Rex Tillerson · ريكس تيلرسون"


def _article(n: int, published: str, who: list[tuple[str | None, str, str, str]]) -> Article:
    """An article whose lines each hold one statement by (speaker id, display name, Arabic name, kind)."""
    lines, statements = [], []
    for i, (sid, name, name_ar, kind) in enumerate(who):
        quote = f"إن الوضع في المدينة رقم {n} يتغير للمرة {i}"
        line = f"قال {name_ar}: «{quote}»."
        start = sum(len(x) + 1 for x in lines) + line.index(quote)
        lines.append(line)
        statements.append(Statement(quote=quote, start=start, end=start + len(quote), kind="direct", cue="قال",
                                    speaker=name, speaker_ar=name_ar, speaker_id=sid, speaker_kind=kind))
    return Article(article_id=f"arch-{n}", source_file=f"arch-{n}.txt", title=f"مقال {n}", published=published,
                   source="Test Wire", url=None, body="\n".join(lines), statements=statements, topic="politics")


def archive_articles() -> list[Article]:
    """150 articles over 2015-01 … 2017-06 (a span of months), Lavrov in every one, Tillerson in every third, an
    unnamed source in every other, one of ten minor speakers in each; and one article dated 2108 (a typo)."""
    days = pd.date_range("2015-01-05", "2017-06-26", periods=150)
    out = []
    for n, day in enumerate(days):
        who = [("sergey-lavrov", "Sergey Lavrov", "سيرغي لافروف", "person")]
        if n % 3 == 0:
            who.append(("rex-tillerson", "Rex Tillerson", "ريكس تيلرسون", "person"))
        if n % 2 == 0:
            who.append((None, "مصدر", "مصدر", "anonymous"))
        who.append((f"person:minor-{n % 10}", f"Minor {n % 10}", f"شخص {n % 10}", "person"))
        out.append(_article(n, day.strftime("%Y-%m-%d"), who))
    out.append(_article(999, "2108-08-10", [("sergey-lavrov", "Sergey Lavrov", "سيرغي لافروف", "person")]))
    return out


@pytest.fixture(scope="module")
def archive_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("archive-store")
    Store(root).add(archive_articles())
    return root


@pytest.fixture
def archive(use_store, archive_dir):
    return use_store(archive_dir)


def timeline(top: int | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "timeline.py"), default_timeout=60).run()
    if top is not None:
        at.slider(key="t_top").set_value(top).run()
    assert not at.exception
    return at


def values(v) -> list:
    """A plotly array as the spec holds it (a list, or typed binary data)."""
    if isinstance(v, dict) and "bdata" in v:
        import base64

        import numpy as np
        return np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"]).tolist()
    return list(v)


def activity(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def test_an_implausible_date_is_flagged_with_its_count_and_left_off_the_axis(archive):
    at = timeline()
    flagged = [e.label for e in at.expander if "implausible" in e.label]
    assert flagged and flagged[0].startswith("⚠️ 1 statement with an implausible publication date")
    xs = [x for trace in activity(at)["data"] for x in trace["x"]]
    assert xs and max(xs) < "2017-07" and min(xs) >= "2015-01"
    assert all(not str(x).startswith("2108") for x in xs)


def test_a_span_of_years_is_counted_per_month_with_a_range_slider(archive):
    spec = activity(timeline())
    assert "per month" in spec["layout"]["title"]["text"]
    assert spec["layout"]["xaxis"]["rangeslider"]["visible"]
    months = {x[:7] for trace in spec["data"] for x in trace["x"]}
    assert len(months) == 30  # every month of 2015-01 … 2017-06 has statements
    lavrov = next(t for t in spec["data"] if t["name"] == LAVROV)
    assert sum(values(lavrov["y"])) == 150  # the 2108 statement is not counted on the axis


def test_the_legend_leads_with_the_busiest_real_speakers_then_others_and_groups(archive):
    names = [t["name"] for t in activity(timeline(top=3))["data"]]
    assert names[:2] == [LAVROV, TILLERSON]
    assert names[-2:] == [charts.GROUP_LABELS["group:anonymous"], charts.OTHERS_ROW]
    assert len(names) == 3 + 2  # three speakers, the unnamed sources, everyone else


def test_per_week_when_chosen():
    frame = pd.DataFrame({"published_date": pd.to_datetime(["2017-07-03", "2017-07-05", "2017-07-12"]),
                          "date_ok": [True, True, True], "speaker_key": ["a", "a", "b"],
                          "speaker_group": ["a", "a", "b"], "speaker_label": ["A", "A", "B"]})
    spec = json.loads(charts.activity_figure(frame, top=5, bin="W").to_json())
    assert "per week" in spec["layout"]["title"]["text"]
    a = next(t for t in spec["data"] if t["name"] == "A")
    assert values(a["y"]) == [2]
    assert charts.auto_bin(40) == "D" and charts.auto_bin(300) == "W" and charts.auto_bin(900) == "M"


def brush(at: AppTest, start: str, end: str) -> AppTest:
    """A drag across the activity chart, as the browser reports it (a box selection)."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    states = at._tree.get_widget_states()
    state = WidgetState(id=at.get("plotly_chart")[0].proto.id)
    state.string_value = json.dumps({"selection": {"points": [], "point_indices": [], "lasso": [], "box": [
        {"xref": "x", "yref": "y", "x": [f"{start} 10:00:00", f"{end} 13:30:00"], "y": [0, 5]}]}})
    states.widgets.append(state)
    return at._run(states)


def test_a_brush_on_the_chart_narrows_what_follows_to_its_days(archive):
    at = brush(timeline(), "2016-01-01", "2016-03-31")
    assert not at.exception
    note = next(i.value for i in at.info if i.value.startswith("2016-01-01 – 2016-03-31"))
    in_range = [a for a in archive_articles() if "2016-01-01" <= a.published <= "2016-03-31"]
    assert f": {sum(len(a.statements) for a in in_range):,} statements" in note
    at.toggle(key="t_points").set_value(True).run()
    points = json.loads(at.get("plotly_chart")[1].proto.spec)["data"][0]["x"]
    assert points and all("2016-01-01" <= x[:10] <= "2016-03-31" for x in points)
    assert json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["selectdirection"] == "h"


@pytest.mark.parametrize("selection, expected", [
    ({"box": [{"x": ["2016-03-09 18:00", "2016-01-02 01:00"]}]}, ("2016-01-02", "2016-03-09")),
    ({"box": [{"x": [1451606400000, 1454284800000]}]}, ("2016-01-01", "2016-02-01")),  # milliseconds
    ({"box": []}, None), ({}, None), ({"box": [{"x": ["nonsense", "2016-01-01"]}]}, None),
])
def test_brushed_range_reads_the_selection(selection, expected):
    from types import SimpleNamespace

    got = charts.brushed_range(SimpleNamespace(selection=selection))
    assert (None if got is None else tuple(d.strftime("%Y-%m-%d") for d in got)) == expected


def _counts(rows: list[tuple[str, str, int]]) -> pd.Series:
    """Counts per (bin start, chart row), as `activity_figure` hands them to `activity_bars`."""
    index = pd.MultiIndex.from_tuples([(pd.Timestamp(d), w) for d, w, _ in rows], names=["bin", "who"])
    return pd.Series([n for _, _, n in rows], index=index).sort_index()


def test_grey_groups_start_hidden_when_they_flatten_the_named_speakers():
    table = _counts([("2018-01-01", LAVROV, 30), ("2018-02-01", LAVROV, 20), ("2018-01-01", charts.OTHERS_ROW, 900),
                     ("2018-02-01", charts.GROUP_LABELS["group:anonymous"], 300)])
    spec = json.loads(charts.activity_bars(table, "M").to_json())
    shown = {t["name"]: t.get("visible", True) for t in spec["data"]}
    assert shown == {LAVROV: True, charts.OTHERS_ROW: "legendonly", charts.GROUP_LABELS["group:anonymous"]: "legendonly"}
    assert "Click a grey group" in spec["layout"]["legend"]["title"]["text"]


def test_grey_groups_stay_drawn_when_they_do_not():
    table = _counts([("2018-01-01", LAVROV, 300), ("2018-01-01", charts.OTHERS_ROW, 500)])
    spec = json.loads(charts.activity_bars(table, "M").to_json())
    assert all(t.get("visible", True) is True for t in spec["data"])
