"""The filters as URL query parameters, so a view can be shared: `Filters` ↔ `st.query_params`.

`encode` and `decode` are pure (a mapping of key → value or list of values); `read` and `write` apply them to
`st.query_params` (or any object with the same methods), writing only when something changed so that setting
the URL never loops.

    ?speaker=tillerson&speaker=name:بيان&actor=russia&place=geonames:163345&from=2017-07-01&to=2017-07-31&q=داعش

Topics default to conflict and politics (DEFAULT_TOPICS): the URL leaves the default out, says `topic=all` for
every topic, and names the topics otherwise (`topic=sport&topic=culture`).
"""
from __future__ import annotations

from datetime import date
from typing import Any, Mapping

from lib.dashboard.filters import Filters

KEYS = {"speakers": "speaker", "actors": "actor", "places": "place", "start": "from", "end": "to",
        "text": "q", "topics": "topic"}
DEFAULT_TOPICS = ("conflict", "politics")
ALL_TOPICS = "all"


def _values(params: Any, key: str) -> list[str]:
    """Every value of a key, from st.query_params (get_all) or a plain mapping of str or list."""
    if hasattr(params, "get_all"):
        return [v for v in params.get_all(key) if v != ""]
    value = params.get(key) if isinstance(params, Mapping) else None
    if value is None:
        return []
    values = value if isinstance(value, (list, tuple)) else [value]
    return [str(v) for v in values if str(v) != ""]


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None  # a hand-edited URL with a bad date: ignore the bound rather than fail


def decode(params: Any) -> Filters:
    """Filters from query parameters (unknown keys ignored, bad dates dropped)."""
    first = lambda key: (_values(params, key) or [None])[0]  # noqa: E731
    topics = _values(params, KEYS["topics"])
    topics = [] if ALL_TOPICS in topics else topics or list(DEFAULT_TOPICS)
    return Filters(speakers=_values(params, KEYS["speakers"]), actors=_values(params, KEYS["actors"]),
                   places=_values(params, KEYS["places"]), start=_day(first(KEYS["start"])),
                   end=_day(first(KEYS["end"])), text=first(KEYS["text"]) or "", topics=topics)


def encode(chosen: Filters) -> dict[str, str | list[str]]:
    """Query parameters for filters; empty choices and the default topics are left out so default views have a
    clean URL."""
    out: dict[str, str | list[str]] = {}
    for attr in ("speakers", "actors", "places"):
        values = list(getattr(chosen, attr))
        if values:
            out[KEYS[attr]] = values
    if chosen.start:
        out[KEYS["start"]] = chosen.start.isoformat()
    if chosen.end:
        out[KEYS["end"]] = chosen.end.isoformat()
    if chosen.text.strip():
        out[KEYS["text"]] = chosen.text.strip()
    if not chosen.topics:
        out[KEYS["topics"]] = ALL_TOPICS
    elif sorted(chosen.topics) != sorted(DEFAULT_TOPICS):
        out[KEYS["topics"]] = list(chosen.topics)
    return out


def _as_lists(params: Any, keys: set[str]) -> dict[str, list[str]]:
    return {k: _values(params, k) for k in keys if _values(params, k)}


def read(params: Any) -> Filters:
    """The filters the URL holds."""
    return decode(params)


def write(params: Any, chosen: Filters, extra: Mapping[str, str | None] | None = None) -> bool:
    """Put the filters (and page-specific extra keys; None removes one) in the URL; True when it changed.

    Keys that neither the filters nor `extra` name are left alone.
    """
    wanted: dict[str, str | list[str]] = encode(chosen)
    managed = set(KEYS.values())
    for key, value in (extra or {}).items():
        managed.add(key)
        if value not in (None, ""):
            wanted[key] = value  # type: ignore[assignment]
    now = _as_lists(params, managed)
    target = {k: (v if isinstance(v, list) else [v]) for k, v in wanted.items()}
    if now == target:
        return False
    for key in managed:
        if key in params and key not in target:
            del params[key]
    for key, value in wanted.items():
        params[key] = value
    return True
