"""Scale benchmark: stores of ~60k, ~240k and ~1M articles, the old pandas loader against the DuckDB queries at
each size, and the ingest's throughput with 1 and 2 Dask workers against the process pool.

    .venv/bin/python bench/scale.py build    [--root /tmp/rasd-scale]   # the base store, then the copies
    .venv/bin/python bench/scale.py ingest   [--limit 6000 --repeat 2]  # pool:2, dask:1, dask:2 alternately
    .venv/bin/python bench/scale.py queries  [--sizes 60k,240k,1m]      # pandas loader vs DuckDB, fresh processes
    .venv/bin/python bench/scale.py page     [--sizes 60k,240k,1m]      # the Quotes page on DuckDB via AppTest
    .venv/bin/python bench/scale.py browser  [--sizes 60k,240k,1m]      # chromium against app.py, RASD_ENGINE=duckdb

`build` analyses every article of the corpora ONCE (SaudiNewsNet and all of ANT v2.1, through the importer on a
local Dask cluster of 2 workers) into ROOT/base; the bigger stores are that store plus copies of its Parquet
rows with new article ids (a hash of the id and the copy number, the format `analyse` gives) and every date
shifted by whole years (copy k: +k years), so deduplication and the date filters behave as on a real archive.
Copies are written part by part (a manifest each, as the store commits them); a copy that the smaller store
already has is hard-linked, not written again. Everything lives under ROOT, which must be under /tmp.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from measure import (ANT2, ROOT, Peak, figures, load_average, machine, median, need_corpora, snn_paths, timed)

from lib.corpus.importer import first_articles, import_items
from lib.corpus.readers import read_paths
from lib.corpus.store import TABLES, Store

SCALE_ROOT = Path("/tmp/rasd-scale")
SIZES = {"60k": 1, "240k": 4, "1m": 17}  # copies of the base store (the base itself is copy 0)


def _under_tmp(path: Path) -> Path:
    path = path.resolve()
    if not str(path).startswith("/tmp/"):
        sys.exit(f"refusing {path}: the scale stores must be under /tmp")
    return path


# ------------------------------------------------------------------------------------------------------ build

def build_base(root: Path, workers: int) -> dict:
    """Analyse the corpora once into root/base (kept when it is there already)."""
    base = root / "base"
    if (base / "manifests").exists() and not Store(base).is_empty():
        print(f"base store {base} exists: kept")
        return {}
    shutil.rmtree(base, ignore_errors=True)
    peak = Peak()
    with peak.watch(), timed() as t:
        report = import_items(read_paths(snn_paths() + [ANT2]), base, workers=workers,
                              progress=_every(5000))
    print(f"base: {report.summary().splitlines()[0]}")
    print(f"  {t.wall:.0f} s wall, {t.cpu:.0f} s CPU, {report.read / t.wall:.0f} articles/s; peak RSS "
          f"{peak.total_mb:,.0f} MB over {peak.processes} processes; stages "
          + ", ".join(f"{k} {v:.0f} s" for k, v in report.stages.items()))
    return {"base_wall_s": t.wall, "base_read": report.read, "base_added": report.added}


def _every(n: int):
    start = time.monotonic()

    def show(done: int, _total, _name: str) -> None:
        if done % n == 0:
            print(f"  … {done:,} articles, {done / (time.monotonic() - start):,.0f}/s", flush=True)
    return show


def _new_id(article_id: str, copy: int) -> str:
    """The id of an article's copy k: 16 hex digits, as `lib.extract.analyse.article_id` makes them."""
    return hashlib.sha256(f"{article_id}:copy{copy}".encode()).hexdigest()[:16]


_ISO_YEAR = re.compile(r"^(\d{4})(-\d\d-\d\d.*)?$")


def _shift_years(values: pa.ChunkedArray | pa.Array, years: int) -> pa.Array:
    """ISO dates (YYYY-MM-DD…) moved by whole years (29 February → 28 February); other values kept."""
    out = []
    for v in values.to_pylist():
        m = _ISO_YEAR.match(v) if isinstance(v, str) else None
        if not m:
            out.append(v)
            continue
        rest = m.group(2) or ""
        if rest.startswith("-02-29"):
            rest = "-02-28" + rest[6:]
        out.append(f"{int(m.group(1)) + years:04d}{rest}")
    return pa.array(out, type=pa.string())


def copy_table(table: pa.Table, name: str, copy: int) -> pa.Table:
    """A table's rows as copy k: new article ids (and statement ids), dates moved by k years."""
    ids = table.column("article_id").to_pylist()
    mapping = {a: _new_id(a, copy) for a in set(ids)}
    cols = {"article_id": pa.array([mapping[a] for a in ids], type=pa.string())}
    if name == "statements":
        cols["statement_id"] = pa.array([mapping[a] + s[len(a):] for a, s in
                                         zip(ids, table.column("statement_id").to_pylist())], type=pa.string())
    if "published" in table.column_names:
        cols["published"] = _shift_years(table.column("published"), copy)
    if name == "dates":
        cols["date"] = _shift_years(table.column("date"), copy)
    for col, values in cols.items():
        table = table.set_column(table.column_names.index(col), col, values)
    return table


def write_copy(base: Path, dest: Path, copy: int, reuse: Path | None) -> None:
    """Copy k of every committed batch of the base store into dest, one manifest per batch (hard links from
    `reuse` when that store has the batch already)."""
    for man in sorted((base / "manifests").glob("*.json")):
        listed = json.loads(man.read_text(encoding="utf-8"))
        batch = f"{listed['batch']}-c{copy:02d}"
        parts = {}
        for table, rel in listed["parts"].items():
            target = dest / table / f"part-{batch}.parquet"
            target.parent.mkdir(parents=True, exist_ok=True)
            parts[table] = str(target.relative_to(dest))
            if target.exists():
                continue
            if reuse is not None and (reuse / parts[table]).exists():
                os.link(reuse / parts[table], target)
                continue
            src = base / rel
            if copy == 0:
                os.link(src, target)
            else:
                pq.write_table(copy_table(pq.read_table(src), table, copy), target, compression="zstd")
        (dest / "manifests").mkdir(parents=True, exist_ok=True)
        out = dest / "manifests" / f"{batch}.json"
        if not out.exists():
            tmp = dest / "manifests" / f".tmp-{batch}.json"
            tmp.write_text(json.dumps({"batch": batch, "articles": listed["articles"], "parts": parts}),
                           encoding="utf-8")
            os.replace(tmp, out)


def build(root: Path, sizes: list[str], workers: int) -> None:
    """The base store, then each size's store as copies of it (smaller stores' copies hard-linked)."""
    need_corpora()
    root.mkdir(parents=True, exist_ok=True)
    print(f"machine: {machine()}; load average {load_average()}; {time.strftime('%Y-%m-%d %H:%M')}")
    build_base(root, workers)
    previous = None
    for size in sorted(sizes, key=SIZES.get):
        dest = root / size
        start = time.perf_counter()
        for copy in range(SIZES[size]):
            write_copy(root / "base", dest, copy, previous)
        arts = sum(json.loads(m.read_text())["articles"] for m in (dest / "manifests").glob("*.json"))
        du = sum(f.stat().st_size for f in dest.rglob("*.parquet")) / 2**30
        print(f"store {size}: {arts:,} articles, {du:.2f} GB of Parquet ({time.perf_counter() - start:.0f} s)",
              flush=True)
        previous = dest


# ----------------------------------------------------------------------------------------------------- ingest

ENGINES = [("pool", 2), ("dask", 1), ("dask", 2)]


def ingest_runs(root: Path, limit: int, repeat: int) -> dict:
    """The first `limit` SaudiNewsNet articles into a fresh store with each engine, alternating, `repeat` times:
    wall time, CPU of the whole process tree, articles/s."""
    need_corpora()
    print(f"machine: {machine()}; load average {load_average()}; {time.strftime('%Y-%m-%d %H:%M')}")
    runs: dict[str, list[dict]] = {f"{e}:{w}": [] for e, w in ENGINES}
    for n in range(repeat):
        for engine, workers in ENGINES:
            store = root / f"ingest-{engine}-{workers}"
            shutil.rmtree(store, ignore_errors=True)
            load = load_average()
            with timed() as t:
                report = import_items(first_articles(read_paths(snn_paths()), limit), store, workers=workers,
                                      engine=engine)
            run = {"wall": t.wall, "cpu": t.cpu, "read": report.read, "rate": report.read / t.wall,
                   "analyse": report.stages.get("analyse", 0.0), "load": load}
            runs[f"{engine}:{workers}"].append(run)
            print(f"run {n + 1} {engine}:{workers}: {report.read} articles in {t.wall:.1f} s = {run['rate']:.0f}/s; "
                  f"CPU {t.cpu:.1f} s ({t.cpu / report.read * 1000:.2f} ms/article), analysis "
                  f"{run['analyse']:.1f} s; load average before {load}", flush=True)
            shutil.rmtree(store, ignore_errors=True)
    out = {}
    for key, rs in runs.items():
        out[key] = {k: median([r[k] for r in rs]) for k in ("wall", "cpu", "rate")}
        print(f"{key}: median {out[key]['rate']:.0f} articles/s, {out[key]['cpu'] / rs[0]['read'] * 1000:.2f} ms "
              "CPU/article")
    one, two = out["dask:1"]["rate"], out["dask:2"]["rate"]
    print(f"2 Dask workers: {two:.0f}/s = {two / (2 * one):.0%} of twice one worker's {one:.0f}/s; pool "
          f"{out['pool:2']['rate']:.0f}/s")
    print(figures(dask1_per_s=one, dask2_per_s=two, pool2_per_s=out["pool:2"]["rate"],
                  dask2_scaling=two / (2 * one), dask2_cpu_ms=out["dask:2"]["cpu"] / runs["dask:2"][0]["read"] * 1000,
                  pool2_cpu_ms=out["pool:2"]["cpu"] / runs["pool:2"][0]["read"] * 1000))
    return out


# ---------------------------------------------------------------------------------------------------- queries

# Each runs in a fresh interpreter on RASD_STORE and prints one JSON line: seconds per step and the peak RSS.
PANDAS = """
import json, resource, time
t0 = time.perf_counter()
from lib.dashboard import data as loader, filters
from lib.dashboard.filters import Filters
out = {"import_s": time.perf_counter() - t0}
t, c = time.perf_counter(), time.process_time()
d = loader.load_store()
out["load_s"], out["load_cpu"] = time.perf_counter() - t, time.process_time() - c
st = d["statements"]
out["rows"] = {"articles": len(d["articles"]), "statements": len(st)}
top = list(d["speakers"]["speaker_key"][:1])
steps = {"speaker": Filters(speakers=top), "text_first": Filters(text="الأمريكي"),
         "text": Filters(text="الأمريكي"), "place": Filters(places=list(d["place_table"]["place_id"][:1]))}
for name, f in steps.items():
    t, c = time.perf_counter(), time.process_time()
    shown = st[filters.apply(st, f)]; page = shown.iloc[:20].to_dict("records")
    out[name + "_s"], out[name + "_cpu"] = time.perf_counter() - t, time.process_time() - c
t = time.perf_counter(); d["speakers"].head(15); out["top_speakers_s"] = time.perf_counter() - t
from lib.dashboard import maps
t = time.perf_counter(); maps.place_counts(d["places"], st, set(d["articles"]["article_id"]))
out["map_s"] = time.perf_counter() - t
out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""

DUCK = """
import json, resource, sys, time
t0 = time.perf_counter()
from lib.dashboard import queries as q
from lib.dashboard.filters import Filters
out = {"import_s": time.perf_counter() - t0}
def step(name, fn):
    t, c = time.perf_counter(), time.process_time()
    r = fn()
    out[name + "_s"], out[name + "_cpu"] = time.perf_counter() - t, time.process_time() - c
    return r
src = step("open", lambda: q.Source())
step("overview", lambda: q.overview(src))
def shown(f, offset=0):  # what the Quotes page asks on DuckDB: the count, a page of 20 and their bodies
    q.count_statements(src, f)
    page = q.statement_page(src, f, offset, 20, order="newest")
    q.bodies(src, list(page["article_id"]), list(page["articles_part"]))
step("sidebar", lambda: (q.speakers(src), src.entity_table("places"), src.entity_table("actors")))
step("first_page", lambda: shown(Filters()))
top = step("top_speakers", lambda: q.speakers(src, limit=3000))
named = Filters(speakers=[k for k in top["speaker_key"] if k.startswith("name:")][:1])
step("name_speaker", lambda: shown(named))
places = step("place_table", lambda: src.entity_table("places"))
step("actor_table", lambda: src.entity_table("actors"))
one = Filters(speakers=list(top["speaker_key"][:1]))
step("speaker", lambda: shown(one))
step("page_change", lambda: shown(Filters(), 20 * 500))
step("page_2", lambda: shown(Filters(), 20))
text = Filters(text="الأمريكي")
step("text", lambda: shown(text))
step("text_again", lambda: shown(text))
step("phrase", lambda: shown(Filters(text='"وزير الخارجية"')))
step("place", lambda: shown(Filters(places=list(places["place_id"][:1]))))
step("map", lambda: q.map_places(src, Filters(), "all"))
step("map_speaker", lambda: q.map_places(src, one, "none", size_by="statements"))
step("timeline_month", lambda: q.timeline_bins(src, Filters(), "month"))
step("timeline_day_speaker", lambda: q.timeline_bins(src, one, "day"))
step("matrix", lambda: q.speaker_matrix(src, Filters(), "place"))
step("top_places", lambda: q.top_places(src, text))
out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
out["rows"] = {"articles": src.articles, "statements": q.count_statements(src, Filters())[1]}
print(json.dumps(out))
"""


# The dashboard's Quotes page itself (RASD_ENGINE=duckdb) run by Streamlit's AppTest in a fresh interpreter: the
# script's own time per run (what the server spends before the browser draws), and the process's peak RSS.
PAGE = """
import json, resource, time
from pathlib import Path
t0 = time.perf_counter(); c0 = time.process_time()
from streamlit.testing.v1 import AppTest
out = {}
def step(name, fn):
    t, c = time.perf_counter(), time.process_time()
    fn()
    out[name + "_s"], out[name + "_cpu"] = time.perf_counter() - t, time.process_time() - c
    assert not at.exception, [e.value for e in at.exception]
at = AppTest.from_file(str(Path.cwd() / "pages" / "quotes.py"), default_timeout=1800)
step("first_run", at.run)
out["first_page_s"], out["first_page_cpu"] = time.perf_counter() - t0, time.process_time() - c0
step("rerun", at.run)
step("page_change", lambda: at.number_input(key="quotes_page").set_value(2).run())
key = at.multiselect(key="f_speaker").options[0]
step("speaker_filter", lambda: at.multiselect(key="f_speaker").set_value([key]).run())
step("speaker_page_2", lambda: at.number_input(key="quotes_page").set_value(2).run())
step("text_search", lambda: at.text_input(key="f_text").set_value("الأمريكي").run())
step("text_search_alone", lambda: at.multiselect(key="f_speaker").set_value([]).run())
step("phrase_search", lambda: at.text_input(key="f_text").set_value('"وزير الخارجية"').run())
out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
out["rows"] = {"articles": 0, "statements": 0}
print(json.dumps(out))
"""


def page_runs(root: Path, sizes: list[str], repeat: int) -> dict:
    """At each size: the Quotes page on DuckDB through AppTest, in fresh processes; medians."""
    print(f"machine: {machine()}; load average {load_average()}; {time.strftime('%Y-%m-%d %H:%M')}")
    out = {}
    for size in sorted(sizes, key=SIZES.get):
        os.environ["RASD_ENGINE"] = "duckdb"
        runs = [fresh(PAGE, root / size) for _ in range(repeat)]
        ok = [r for r in runs if "error" not in r]
        if not ok:
            print(f"{size} page: {runs[0]['error']}")
            continue
        summary = {k: median([r[k] for r in ok]) for k in ok[0] if k.endswith(("_s", "_cpu")) or k == "rss_mb"}
        out[size] = summary
        print(f"{size} Quotes page (AppTest, fresh process; wall (CPU) s): " + ", ".join(
            f"{k[:-2]} {v:.2f} ({summary.get(k[:-2] + '_cpu', float('nan')):.2f})"
            for k, v in summary.items() if k.endswith("_s")) + f"; peak {summary['rss_mb']:,.0f} MB", flush=True)
    return out


def fresh(code: str, store: Path, timeout: float = 1800) -> dict:
    """Run a snippet in a fresh interpreter on the store; its JSON line (or the failure)."""
    env = {**os.environ, "RASD_STORE": str(store), "PYTHONPATH": str(ROOT)}
    try:
        run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                             timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"over {timeout:.0f} s"}
    if run.returncode:
        return {"error": (run.stderr.strip().splitlines() or ["?"])[-1][:200]}
    return json.loads(run.stdout.strip().splitlines()[-1])


def _free_gb() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) / 2**20
    return 0.0


def copy_search_keys(root: Path, size: str) -> int:
    """The search keys of a bigger store's copies, from the 60k store's keys with the copies' statement ids
    (their text is the same): keying 3.5 million statements again would measure nothing new. Returns how
    many part files were written or linked."""
    from lib.dashboard import queries

    base = root / "60k" / "search" / queries._key_version()
    dest = root / size / "search" / queries._key_version()
    dest.mkdir(parents=True, exist_ok=True)
    made = 0
    for part in sorted((root / size / "statements").glob("part-*-c??.parquet")):
        target = dest / part.name
        copy = int(part.name[-10:-8])
        source = base / (part.name[:-10] + "00.parquet")
        if target.exists() or not source.exists():
            continue
        if copy == 0:
            os.link(source, target)
        else:
            keys = pq.read_table(source)
            ids = [_new_id(s[:s.index(":")], copy) + s[s.index(":"):] for s in keys.column("statement_id").to_pylist()]
            tmp = dest / f".tmp-{part.name}"
            pq.write_table(keys.set_column(0, "statement_id", pa.array(ids, pa.string())), tmp, compression="zstd",
                           row_group_size=queries.KEY_ROW_GROUP)
            os.replace(tmp, target)
        made += 1
    return made


def query_runs(root: Path, sizes: list[str], repeat: int, pandas_up_to: str = "1m") -> dict:
    """At each size: the search keys built (once), then the pandas loader and the DuckDB queries in fresh
    processes, `repeat` times each; medians."""
    from lib.dashboard import queries

    print(f"machine: {machine()}; load average {load_average()}; {time.strftime('%Y-%m-%d %H:%M')}")
    results = {}
    for size in sorted(sizes, key=SIZES.get):
        store = root / size
        if not (store / "manifests").exists():
            print(f"{size}: no store at {store} (run build first)")
            continue
        t = time.perf_counter()
        copied = copy_search_keys(root, size) if size != "60k" else 0
        t = time.perf_counter()
        src = queries.Source(store)  # writes each statements part's narrow copy and speakers where missing
        print(f"{size}: narrow copies ready in {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        made = queries.build_search_keys(src)
        print(f"{size}: search keys for {made} part(s) in {time.perf_counter() - t:.1f} s"
              + (f" ({copied} copied from the 60k store's with new ids)" if copied else ""))
        del src
        res = {"duck": [fresh(DUCK, store) for _ in range(repeat)]}
        # the loader held 1.2 GB at 60k articles and 2.7 GB at 240k (issue #12): ~0.7 GB per copy, and some room
        if SIZES[size] <= SIZES[pandas_up_to] and _free_gb() > 4 + 0.7 * SIZES[size]:
            res["pandas"] = [fresh(PANDAS, store) for _ in range(repeat)]
        else:
            res["pandas"] = [{"error": f"skipped: {_free_gb():.0f} GB available"}]
        results[size] = res
        for engine, runs in list(res.items()):
            ok = [r for r in runs if "error" not in r]
            if not ok:
                print(f"{size} {engine}: {runs[0]['error']}")
                continue
            keys = [k for k in ok[0] if k.endswith(("_s", "_cpu")) or k == "rss_mb"]
            summary = {k: median([r[k] for r in ok]) for k in keys}
            res[engine + "_median"] = summary
            print(f"{size} {engine} ({ok[0]['rows']['articles']:,} articles, {ok[0]['rows']['statements']:,} "
                  "statements): wall (CPU) s: " + ", ".join(
                      f"{k[:-2]} {v:.2f} ({summary.get(k[:-2] + '_cpu', float('nan')):.2f})"
                      for k, v in summary.items() if k.endswith("_s")) + f"; peak {summary['rss_mb']:,.0f} MB",
                  flush=True)
    return results


# ---------------------------------------------------------------------------------------------------- browser

CHROMIUM = os.environ.get("RASD_CHROMIUM", "/usr/bin/chromium")
_IDLE = ("() => !document.querySelector('[data-testid=\"stStatusWidget\"]') && "
         "!document.querySelector('[data-testid=\"stSkeleton\"]')")


def browser_runs(root: Path, sizes: list[str]) -> dict:
    """At each size: `streamlit run app.py` with RASD_ENGINE=duckdb (the dashboard's Quotes page on the DuckDB
    queries) driven by chromium: the Quotes page first after the server is up, a page change, a speaker
    filter, a text search; and the server's peak RSS."""
    import psutil
    from playwright.sync_api import sync_playwright

    from dashboard import free_port, start_dashboard

    print(f"machine: {machine()}; load average {load_average()}; {time.strftime('%Y-%m-%d %H:%M')}")
    out = {}
    for size in sorted(sizes, key=SIZES.get):
        store = root / size
        port = free_port()
        env = {**os.environ, "RASD_STORE": str(store), "RASD_ENGINE": "duckdb"}
        proc, base = start_dashboard(env, port, wait=120)
        peak = Peak(pid=proc.pid)
        times: dict[str, float] = {}
        try:
            with peak.watch(), sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
                page = browser.new_page(viewport={"width": 1400, "height": 1000})

                def settle(text: str, timeout: float = 120_000) -> None:
                    page.wait_for_function(f"() => document.body.innerText.includes({json.dumps(text)})",
                                           timeout=timeout)
                    page.wait_for_function(_IDLE, timeout=timeout)

                def shot(name: str) -> None:
                    page.screenshot(path=str(root / f"browser-{size}-{name}.png"))

                def metric() -> str:
                    return page.locator('[data-testid="stMetricValue"]').first.inner_text()

                def first_card() -> str:
                    return page.locator(".rasd-card").first.inner_text()

                def changed(js_value: str, before: str) -> None:
                    page.wait_for_function(f"(b) => {{ const m = {js_value}; return m && m.innerText !== b; }}",
                                           arg=before, timeout=120_000)
                    page.wait_for_function(_IDLE, timeout=120_000)

                card_js = "document.querySelector('.rasd-card')"
                metric_js = "document.querySelector('[data-testid=\"stMetricValue\"]')"

                page.on("pageerror", lambda e: print("page error:", e))
                t = time.perf_counter()
                page.goto(base + "/quotes")
                page.wait_for_selector(".rasd-card", timeout=180_000)
                page.wait_for_function(_IDLE, timeout=120_000)
                times["first_page"] = time.perf_counter() - t
                shot("first")
                before = first_card()
                t = time.perf_counter()
                box = page.locator('[data-testid="stNumberInput"] input').first
                box.fill("2")
                box.press("Enter")
                changed(card_js, before)
                times["page_change"] = time.perf_counter() - t
                before = metric()
                t = time.perf_counter()
                page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.click()
                # the busiest speaker ("label (count)")
                page.get_by_role("option", name=re.compile(r"\([\d,]+\)$")).first.click()
                page.keyboard.press("Escape")
                changed(metric_js, before)
                times["speaker_filter"] = time.perf_counter() - t
                before = metric()
                t = time.perf_counter()
                search = page.locator('[data-testid="stSidebar"] [data-testid="stTextInput"] input').first
                search.fill("الأمريكي")
                search.press("Enter")
                changed(metric_js, before)
                times["text_search"] = time.perf_counter() - t
                shot("search")
                browser.close()
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        out[size] = {**times, "rss_mb": peak.total_mb}
        print(f"{size} browser: " + ", ".join(f"{k} {v:.2f} s" for k, v in times.items())
              + f"; streamlit run peak {peak.total_mb:,.0f} MB", flush=True)
    return out


# ------------------------------------------------------------------------------------------------------ main

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("step", choices=["build", "ingest", "queries", "page", "browser"])
    ap.add_argument("--root", type=Path, default=SCALE_ROOT, help="where the stores go (under /tmp)")
    ap.add_argument("--sizes", default="60k,240k,1m", help="comma-separated: " + ", ".join(SIZES))
    ap.add_argument("--workers", type=int, default=2, help="build: Dask workers analysing the corpora")
    ap.add_argument("--limit", type=int, default=6000, help="ingest: SaudiNewsNet articles per run")
    ap.add_argument("--repeat", type=int, default=2, help="ingest and queries: runs; medians reported")
    ap.add_argument("--pandas-up-to", default="1m", help="queries: the biggest size the pandas loader is tried at")
    args = ap.parse_args(argv)
    root = _under_tmp(args.root)
    sizes = [s for s in args.sizes.split(",") if s]
    if any(s not in SIZES for s in sizes):
        ap.error(f"--sizes: choose among {', '.join(SIZES)}")
    if args.step == "build":
        build(root, sizes, args.workers)
    elif args.step == "ingest":
        ingest_runs(root, args.limit, args.repeat)
    elif args.step == "queries":
        query_runs(root, sizes, args.repeat, args.pandas_up_to)
    elif args.step == "page":
        page_runs(root, sizes, args.repeat)
    else:
        browser_runs(root, sizes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
