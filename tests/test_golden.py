"""Golden articles: the shared hand-annotated gold, scored by its own scorer, held to the CI floors."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
SEED = ROOT / "data" / "articles" / "asharq-2017-07-07-tillerson-syria.txt"

needs_shared = pytest.mark.skipif(not (EVAL / "score.py").exists(), reason="../shared/eval is not beside the project")


def _floors() -> dict[str, float]:
    out = {}
    for line in (ROOT / ".ci" / "score_floors").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            out[name.strip()] = float(value)
    return out


@pytest.fixture(scope="module")
def scored():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((EVAL / "gold").glob("*.json"))]
    texts = [EVAL.parent / g["text_file"] for g in golds]
    preds = score.run_export(f"{sys.executable} -m lib.ingest --jsonl", texts, ROOT)
    tally = score.Tally()
    for g, path in zip(golds, texts):
        score.score_article(g, preds[path.name], tally, path.name)
    return score.summarize(tally), tally.errors


@needs_shared
def test_gold_figures_hold_the_floors(scored):
    figures, errors = scored
    low = {k: round(figures[k], 3) for k, v in _floors().items() if figures[k] < v}
    assert not low, f"below the floors: {low}\n" + "\n".join(errors)


@needs_shared
def test_no_boilerplate_and_no_quoted_names_as_statements(scored):
    figures, errors = scored
    assert figures["boilerplate_leaks"] == 0, [e for e in errors if "boilerplate" in e]
    assert figures["guillemet_name_errors"] == 0


def test_seed_article_export_follows_the_contract():
    out = subprocess.run([sys.executable, "-m", "lib.ingest", "--jsonl", str(SEED)], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert len(out) == 1
    rec = json.loads(out[0])
    assert rec["title"].startswith("واشنطن مستعدة للتعاون مع موسكو")
    assert rec["published"] == "2017-07-07"
    assert "لم تشترك بعد" not in rec["body"] and rec["title"] not in rec["body"]
    for st in rec["statements"]:
        assert rec["body"][st["start"]:st["end"]] == st["quote"]
        assert st["kind"] in ("direct", "indirect")
    speakers = {st["speaker"] for st in rec["statements"]}
    assert "Rex Tillerson" in speakers
    places = {p["name"]: p for p in rec["places"]}
    assert abs(places["Raqqa"]["lat"] - 35.95) < 0.2 and abs(places["Raqqa"]["lon"] - 39.01) < 0.2
    assert "Syria" in places and "Syrian Democratic Forces" in {a["name"] for a in rec["actors"]}
    assert {"2017-07-11", "2017-07-12", "2017-07-13"} <= {d["date"] for d in rec["dates"]}


def test_unreadable_file_gets_an_error_line_and_the_rest_go_on(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "lib.ingest", "--jsonl", str(empty), str(SEED)], cwd=ROOT,
                          capture_output=True, text=True)
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert proc.returncode == 1 and len(lines) == 2
    assert "empty" in lines[0]["error"] and str(empty) in lines[0]["error"]
    assert lines[1]["statements"]
