"""The judged speaker audits under tests/audit: well-formed, free of corpus contexts, and scoring as documented."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

AUDIT = Path(__file__).resolve().parent / "audit"
# seed → (statement_precision, speaker_precision) as tests/audit/README.md reports them
FIGURES = {41: (0.967, 0.724), 101: (0.983, 0.797), 43: (0.983, 0.746), 47: (0.950, 0.772), 53: (0.917, 0.764),
           61: (0.950, 0.649), 67: (0.983, 0.661), 71: (0.883, 0.811),
           73: (0.967, 0.690), 83: (0.933, 0.732)}


def _items(seed: int) -> list[dict]:
    return [json.loads(line) for line in (AUDIT / f"speakers-seed{seed}.jsonl").read_text().splitlines() if line]


@pytest.mark.parametrize("seed", sorted(FIGURES))
def test_worksheet_is_judged_and_carries_no_context(seed):
    items = _items(seed)
    assert len(items) == 60
    for it in items:
        assert "context" not in it, f"seed {seed} {it['id']}: the corpus context must not be stored"
        v = it["verdict"]
        assert isinstance(v.get("statement"), bool) and v.get("speaker") in ("right", "wrong", "missing", "generic")


@pytest.mark.parametrize("seed", sorted(FIGURES))
def test_worksheet_scores_as_documented(seed):
    """The figures of tests/audit/README.md, computed as ../shared/eval/audit.py score computes them."""
    items = _items(seed)
    true = [it for it in items if it["verdict"]["statement"]]
    right = sum(it["verdict"]["speaker"] == "right" for it in true)
    assert (round(len(true) / len(items), 3), round(right / len(true), 3)) == FIGURES[seed]
