"""One real-browser smoke test: `streamlit run app.py` driven by Debian's chromium through Playwright.

Opens every page, checks that no exception element and no page error appear, that the map canvas and the charts
are drawn, that nothing is fetched from outside this machine, that the speaker filter works, and that an article
holding <script> and <img onerror> shows that markup as text without running it. CI installs chromium
(scripts/test.sh); without it this test fails, it does not skip.
"""
from __future__ import annotations

import io
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, quote, urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("RASD_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PAGES = {"": "Rasd", "quotes": "Quotes", "map": "Map of mentioned places", "cities": "Raqqa",
         "timeline": "Timeline", "actors": "Actors", "add_articles": "Add articles"}
SHOTS = os.environ.get("RASD_SCREENSHOTS")  # a folder: save a screenshot of every page there


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(hostile_store_dir):
    """`streamlit run app.py` on a free port against the test store; ended after the module."""
    port = free_port()
    env = {**os.environ, "RASD_STORE": str(hostile_store_dir)}
    log = open(hostile_store_dir.parent / "streamlit.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port",
         str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                log.flush()
                pytest.fail("streamlit did not come up:\n" + (hostile_store_dir.parent / "streamlit.log").read_text())
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"chromium not found at {CHROMIUM}: install Debian's chromium (apt-get install chromium; "
                    "scripts/test.sh does) or set RASD_CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def settle(page, timeout: float = 45_000) -> None:
    """Wait until the app has drawn and its script run is over."""
    page.wait_for_selector('[data-testid="stMainBlockContainer"] h1', timeout=timeout)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=timeout)
    page.wait_for_timeout(400)


def drawn(locator, timeout: float = 20.0) -> bool:
    """True once an element's pixels are not one flat colour (a map or chart really painted)."""
    from PIL import Image

    deadline = time.time() + timeout
    while True:
        image = Image.open(io.BytesIO(locator.screenshot())).convert("RGB").resize((120, 80))
        if len(image.getcolors(maxcolors=120 * 80) or []) > 12:
            return True
        if time.time() > deadline:
            return False
        time.sleep(0.5)


@pytest.mark.browser
def test_dashboard_in_a_real_browser(server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    dialogs: list[str] = []
    outside: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: outside.append(r.url)
            if urlparse(r.url).hostname not in ("127.0.0.1", "localhost", None) and
            urlparse(r.url).scheme in ("http", "https", "ws", "wss") else None)

    # A shared link opened first on a fresh server: app.py's navigation runs it, and the URL's filter applies.
    page.goto(f"{server}/quotes?q=" + quote("ملتزمة"))
    settle(page)
    assert "Home · الرئيسية" in page.get_by_test_id("stSidebarNav").inner_text()
    assert page.locator(".rasd-card").filter(has_text="<script>").count() == 1
    assert page.get_by_test_id("stSidebar").get_by_test_id("stTextInput").locator("input").input_value() == "ملتزمة"

    for path, title in PAGES.items():
        page.goto(f"{server}/{path}")
        settle(page)
        # the page's own title (a first visit may rerun the page once, so the heading can be redrawn)
        page.locator("h1", has_text=title).first.wait_for(timeout=90_000)
        assert page.get_by_test_id("stException").count() == 0, (path, page.get_by_test_id("stException").first.inner_text())
        if path in ("map", "cities"):
            canvas = page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
            canvas.wait_for(state="visible", timeout=90_000)
            assert drawn(page.get_by_test_id("stDeckGlJsonChart").first), f"{path}: the map canvas is blank"
        if path in ("timeline", "actors", "cities"):
            chart = page.get_by_test_id("stPlotlyChart").first
            chart.wait_for(state="visible", timeout=30_000)
            chart.locator(".main-svg").first.wait_for(timeout=30_000)
            assert drawn(chart), f"{path}: the chart is blank"
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(SHOTS) / f"{path or 'home'}.png"), full_page=True)

    # The quote browser: markup in an article is shown as text and never runs.
    page.goto(f"{server}/quotes")
    settle(page)
    cards = page.locator(".rasd-card")
    assert cards.count() > 1
    hostile = cards.filter(has_text="<script>")
    assert hostile.count() == 1, "the quote holding <script> is listed, its markup as text"
    assert "<img src=x onerror=" in hostile.first.inner_text()
    assert page.locator(".rasd-card script, .rasd-card img, .rasd-para script, .rasd-para img").count() == 0
    assert page.evaluate("() => window.__rasd_xss") is None
    assert dialogs == [] and "XSS" not in page.title()

    # The speaker filter: choose the first speaker, only their statements stay, and the URL says so.
    total = cards.count()
    page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first.click()
    option = page.get_by_role("option").filter(has_text=re.compile(r"\([\d,]+\)$")).first
    chosen = option.inner_text().rsplit(" (", 1)[0]
    option.click()
    page.keyboard.press("Escape")
    page.wait_for_function("() => location.search.includes('speaker=')", timeout=20_000)
    settle(page)
    shown = page.locator(".rasd-card")
    speakers = {shown.nth(i).locator(".rasd-meta b").first.inner_text() for i in range(shown.count())}
    assert speakers == {chosen}, (speakers, chosen)
    assert 0 < shown.count() < total
    assert parse_qs(urlparse(page.url).query)["speaker"]

    assert errors == [], errors
    assert outside == [], f"the dashboard fetched from outside this machine: {outside}"
    page.close()


def _screen_point(box: dict, lat: float, lon: float, centre=(34.8, 39.0), zoom: float = 4.4) -> tuple[float, float]:
    """Where a place is drawn on the map's canvas at its initial view (deck.gl's Web Mercator: 512 px at zoom 0)."""
    import math

    scale = 512 * 2 ** zoom / (2 * math.pi)

    def project(lat_, lon_):
        return scale * math.radians(lon_), scale * math.log(math.tan(math.pi / 4 + math.radians(lat_) / 2))

    (cx, cy), (px, py) = project(*centre), project(lat, lon)
    return box["x"] + box["width"] / 2 + (px - cx), box["y"] + box["height"] / 2 - (py - cy)


@pytest.mark.browser
def test_search_exact_place_filter_and_map_click(server, browser, hostile_store_dir):
    """A reader's three moves: a word search, a place typed in the place filter, a click on the map."""
    from lib.corpus.store import Store
    from lib.dashboard import filters
    from lib.dashboard.data import derive

    data = derive(Store(hostile_store_dir).load())
    statements = data["statements"]
    raqqa, mosul = "geonames:172955", "geonames:99072"
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(f"{server}/quotes")
    settle(page)
    assert page.get_by_role("button", name="Deploy").count() == 0  # client.toolbarMode = "viewer"

    # Search: whole words through clitics, never a substring of another word.
    box = page.get_by_test_id("stSidebar").get_by_test_id("stTextInput").locator("input")
    box.fill("الموصل")
    box.press("Enter")
    page.wait_for_function("() => location.search.includes('q=')", timeout=20_000)
    settle(page)
    cards = page.locator(".rasd-card")
    expected = int(filters.by_text(statements, "الموصل").sum())
    assert 0 < cards.count() <= expected
    for i in range(cards.count()):
        quote = cards.nth(i).locator(".rasd-quote")
        assert re.search(r"(^|[^\w])[وفبلك]*(ال)?الموصل($|[^\w])", quote.inner_text()), quote.inner_text()
        assert quote.locator("mark").count() >= 1  # the word found is highlighted
    box.fill("")
    box.press("Enter")
    page.wait_for_function("() => !location.search.includes('q=')", timeout=20_000)
    settle(page)

    # The place filter: typing الرقة and Enter selects Raqqa, and only Raqqa (no fuzzy "select all").
    place = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").nth(2)
    place.click()
    page.keyboard.type("الرقة")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function("() => location.search.includes('place=')", timeout=20_000)
    settle(page)
    assert parse_qs(urlparse(page.url).query)["place"] == [raqqa]
    wanted = filters.apply(statements, filters.Filters(places=[raqqa], topics=["conflict", "politics"]))
    shown = page.locator(".rasd-card")
    if int(wanted.sum()):
        assert 0 < shown.count() <= int(wanted.sum())
    else:
        assert shown.count() == 0

    # The map, in a new session (the place filter above would still hold): a click on Mosul lists the statements
    # that name it.
    page.close()
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{server}/map")
    settle(page)
    canvas = page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
    canvas.wait_for(state="visible", timeout=90_000)
    assert drawn(page.get_by_test_id("stDeckGlJsonChart").first)
    page.wait_for_timeout(1000)
    x, y = _screen_point(canvas.bounding_box(), 36.335, 43.1189)
    page.mouse.move(x, y)  # deck.gl picks what the pointer is over: hover first, as a hand does
    page.wait_for_timeout(1000)
    page.mouse.click(x, y)
    page.wait_for_function("() => document.querySelector('[data-testid=stMainBlockContainer]')"
                           ".innerText.includes('Statements mentioning')", timeout=120_000)
    settle(page)
    text = page.get_by_test_id("stMainBlockContainer").inner_text()
    assert "Statements mentioning Mosul" in text
    named = page.locator(".rasd-card")
    assert named.count() >= 1 and all("الموصل" in named.nth(i).inner_text() for i in range(named.count()))
    assert errors == [], errors
    page.close()
