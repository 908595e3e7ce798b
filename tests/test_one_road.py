"""One road in: `--jsonl` and `--add` read every input format through the same readers, so an article
exports the body that the store keeps; and the store is chosen one way (--store, $RASD_STORE, data/store)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lib.corpus.importer import import_paths
from lib.corpus.store import Store
from lib.ingest import main

ROOT = Path(__file__).parent.parent
GOOD = Path(__file__).parent / "fixtures" / "import" / "good"
FORMATS = ["article.txt", "cp1256.txt", "utf16.txt", "page.html", "records.csv", "records.json",
           "records.jsonl", "trec.xml"]


@pytest.mark.parametrize("name", FORMATS)
def test_jsonl_exports_the_body_that_add_stores(name, tmp_path, capsys):
    assert main(["--jsonl", str(GOOD / name)]) == 0
    exported = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    import_paths([GOOD / name], store_dir=tmp_path)
    stored = Store(tmp_path).load(("articles",))["articles"]
    assert exported and all("error" not in r for r in exported)
    assert sorted(r["body"] for r in exported) == sorted(stored["body"])
    assert sorted(r["article_id"] for r in exported) == sorted(stored["article_id"])


def test_html_export_is_the_article_not_the_markup(capsys):
    main(["--jsonl", str(GOOD / "page.html")])
    rec = json.loads(capsys.readouterr().out.splitlines()[0])
    assert "<" not in rec["body"] and "DOCTYPE" not in rec["body"] and rec["statements"]


def test_jsonl_records_are_not_a_sidecar(tmp_path, capsys):
    """records.jsonl beside records.json: each is read as its own records file."""
    assert main(["--jsonl", str(GOOD / "records.jsonl")]) == 0
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(recs) > 1 and all(r["body"] for r in recs)


def test_export_spans_point_at_each_mention(capsys):
    main(["--jsonl", str(GOOD / "article.txt")])
    rec = json.loads(capsys.readouterr().out)
    for ent in rec["places"] + rec["actors"]:
        assert len(ent["spans"]) == ent["mentions"] > 0
        for start, end in ent["spans"]:
            assert rec["body"][start:end].strip()


def _add(args: list[str], env_store: Path | None, cwd: Path) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    if env_store:
        env["RASD_STORE"] = str(env_store)
    return subprocess.run([sys.executable, "-m", "lib.ingest", "--add", str(GOOD / "article.txt"),
                           "--workers", "1", *args], cwd=cwd, env=env, capture_output=True, text=True)


def test_add_honours_rasd_store_and_names_it(tmp_path):
    proc = _add([], tmp_path / "env-store", ROOT)
    assert proc.returncode == 0, proc.stderr
    assert f"store: {tmp_path / 'env-store'}" in proc.stdout
    assert not Store(tmp_path / "env-store").is_empty()


def test_store_option_wins_over_rasd_store(tmp_path):
    proc = _add(["--store", str(tmp_path / "given")], tmp_path / "env-store", ROOT)
    assert proc.returncode == 0, proc.stderr
    assert f"store: {tmp_path / 'given'}" in proc.stdout
    assert not Store(tmp_path / "given").is_empty() and not (tmp_path / "env-store").exists()
