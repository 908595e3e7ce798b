"""The dashboard's pages: one list that app.py hands to st.navigation, and the first-run routing fix."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

PAGES_DIR = Path(__file__).resolve().parent.parent.parent / "pages"
ENTERED = "_rasd_entered"  # session flag: app.py has run in this session

# (script in pages/, title, url path; None for the default page)
PAGES: tuple[tuple[str, str, str | None], ...] = (
    ("home.py", "Home · الرئيسية", None),
    ("quotes.py", "Quotes · الاقتباسات", "quotes"),
    ("map.py", "Map · الخريطة", "map"),
    ("cities.py", "Raqqa & Mosul · الرقة والموصل", "cities"),
    ("timeline.py", "Timeline · الخط الزمني", "timeline"),
    ("actors.py", "Actors · الفاعلون", "actors"),
    ("add_articles.py", "Add articles · إضافة مقالات", "add_articles"),
)


def pages() -> list:
    """The st.Page of every page, by absolute path (so it resolves whichever script runs first)."""
    out = []
    for script, title, url in PAGES:
        kwargs = {"default": True} if url is None else {"url_path": url}
        out.append(st.Page(PAGES_DIR / script, title=title, **kwargs))
    return out


def enter() -> None:
    """app.py's navigation: mark the session as entered through app.py, then run the chosen page."""
    st.session_state[ENTERED] = True
    st.navigation(pages()).run()


def route_through_app() -> None:
    """Make sure app.py's navigation runs this page (call first in every page).

    A server whose entry script sits beside a folder named pages/ starts in Streamlit's classic multipage
    mode, and in that mode a deep link opened first (a shared /quotes?speaker=…) runs pages/quotes.py without
    app.py: no page config, the classic sidebar. Calling st.navigation ends that mode for the server (as its
    documentation says: the pages/ folder is then ignored); the rerun then goes through app.py, which routes
    to this same page, URL and query parameters kept.
    """
    if st.session_state.get(ENTERED):
        return
    st.session_state[ENTERED] = True
    st.navigation(pages(), position="hidden")
    st.rerun()
