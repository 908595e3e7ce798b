"""The judged audits under tests/audit (speakers and entities): well-formed, free of corpus contexts, and scoring
as documented."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

AUDIT = Path(__file__).resolve().parent / "audit"
# seed → (statement_precision, speaker_precision) as tests/audit/README.md reports them
SPEAKER_FIGURES = {41: (0.967, 0.724), 101: (0.983, 0.797), 43: (0.983, 0.746), 47: (0.950, 0.772), 53: (0.917, 0.764),
           61: (0.950, 0.649), 67: (0.983, 0.661), 71: (0.883, 0.811),
           73: (0.967, 0.690), 83: (0.933, 0.732), 107: (0.950, 0.772),
           109: (0.933, 0.857), 113: (0.967, 0.759),
           127: (0.917, 0.673), 131: (0.833, 0.700), 137: (0.967, 0.810),
           149: (0.950, 0.789),
           157: (0.9, 0.759), 163: (0.983, 0.746), 181: (0.95, 0.825), 191: (0.967, 0.69), 193: (0.933, 0.75),
           211: (0.933, 0.714), 223: (0.967, 0.828),
           229: (0.867, 0.788), 307: (0.967, 0.759),
           311: (0.95, 0.649), 347: (1.0, 0.833), 349: (0.95, 0.772), 353: (0.983, 0.831),
           359: (0.967, 0.776), 367: (0.95, 0.877)}


# seed → (place_precision, geocode_right, actor_precision, actor_identity) as tests/audit/README.md reports them
ENTITY_FIGURES = {51: (0.86, 0.90, 0.80, 0.875), 53: (0.96, 1.00, 0.84, 0.952), 71: (0.92, 1.00, 0.94, 0.936),
                  73: (0.96, 0.979, 0.86, 0.953), 79: (0.86, 1.00, 0.88, 1.00), 89: (0.90, 1.00, 0.82, 0.976),
                  97: (0.88, 1.00, 0.86, 0.977),
                  103: (0.90, 1.00, 0.88, 0.977),
                  109: (0.92, 1.00, 0.92, 0.957),
                  113: (0.92, 1.00, 0.88, 0.955),
                  127: (0.88, 1.00, 0.90, 0.956),
                  131: (0.94, 1.00, 0.90, 0.978),
                  139: (0.96, 1.00, 0.88, 1.00),
                  167: (0.96, 1.00, 0.88, 1.00),
                  241: (0.88, 1.00, 0.92, 0.978),
                  245: (0.92, 1.00, 0.88, 1.00),
                  251: (0.94, 0.979, 0.88, 1.00),
                  257: (0.92, 1.00, 0.86, 0.977),
                  263: (0.94, 1.00, 0.94, 0.979),
                  271: (0.96, 1.00, 0.82, 1.00),
                  317: (0.98, 1.00, 0.90, 0.978),
                  331: (0.96, 1.00, 0.92, 0.978),
                  337: (1.00, 1.00, 0.98, 0.98)}
# worksheets of another size than 50 places and 50 actors
ENTITY_ITEMS = {337: 90}


def _items(kind: str, seed: int) -> list[dict]:
    """The judged items of one worksheet (kind: speakers or entities)."""
    return [json.loads(line) for line in (AUDIT / f"{kind}-seed{seed}.jsonl").read_text().splitlines() if line]


@pytest.mark.parametrize("seed", sorted(SPEAKER_FIGURES))
def test_speaker_worksheet_is_judged_and_carries_no_context(seed):
    items = _items("speakers", seed)
    assert len(items) == 60
    for it in items:
        assert "context" not in it, f"seed {seed} {it['id']}: the corpus context must not be stored"
        v = it["verdict"]
        assert isinstance(v.get("statement"), bool) and v.get("speaker") in ("right", "wrong", "missing", "generic")


@pytest.mark.parametrize("seed", sorted(SPEAKER_FIGURES))
def test_speaker_worksheet_scores_as_documented(seed):
    """The figures of tests/audit/README.md, computed as ../shared/eval/audit.py score computes them."""
    items = _items("speakers", seed)
    true = [it for it in items if it["verdict"]["statement"]]
    right = sum(it["verdict"]["speaker"] == "right" for it in true)
    assert (round(len(true) / len(items), 3), round(right / len(true), 3)) == SPEAKER_FIGURES[seed]


@pytest.mark.parametrize("seed", sorted(ENTITY_FIGURES))
def test_entity_worksheet_is_judged_and_carries_no_context(seed):
    items = _items("entities", seed)
    assert len(items) == ENTITY_ITEMS.get(seed, 100)
    for it in items:
        assert "context" not in it, f"seed {seed} {it['id']}: the corpus context must not be stored"
        v = it["verdict"]
        if it["type"] == "place":
            assert isinstance(v.get("place"), bool) and v.get("geocode") in ("right", "wrong", "none")
        else:
            assert isinstance(v.get("actor"), bool) and v.get("identity") in ("right", "wrong")


@pytest.mark.parametrize("seed", sorted(ENTITY_FIGURES))
def test_entity_worksheet_scores_as_documented(seed):
    """The figures of tests/audit/README.md, computed as ../shared/eval/audit.py score computes them."""
    items = _items("entities", seed)
    places = [it["verdict"] for it in items if it["type"] == "place"]
    actors = [it["verdict"] for it in items if it["type"] == "actor"]
    true_places = [v for v in places if v["place"]]
    located = [v for v in true_places if v["geocode"] in ("right", "wrong")]
    true_actors = [v for v in actors if v["actor"]]
    got = (round(len(true_places) / len(places), 3), round(sum(v["geocode"] == "right" for v in located) / len(located), 3),
           round(len(true_actors) / len(actors), 3),
           round(sum(v["identity"] == "right" for v in true_actors) / len(true_actors), 3))
    assert got == ENTITY_FIGURES[seed]


# seed → (place_precision, geocode_right) of the places-only worksheets (50 places, tests/audit/README.md)
PLACE_FIGURES = {261: (0.96, 1.00)}


@pytest.mark.parametrize("seed", sorted(PLACE_FIGURES))
def test_place_worksheet_is_judged_carries_no_context_and_scores_as_documented(seed):
    items = _items("places", seed)
    assert len(items) == 50 and all(it["type"] == "place" and "context" not in it for it in items)
    verdicts = [it["verdict"] for it in items]
    assert all(isinstance(v.get("place"), bool) and v.get("geocode") in ("right", "wrong", "none") for v in verdicts)
    true = [v for v in verdicts if v["place"]]
    located = [v for v in true if v["geocode"] in ("right", "wrong")]
    got = (round(len(true) / len(verdicts), 3), round(sum(v["geocode"] == "right" for v in located) / len(located), 3))
    assert got == PLACE_FIGURES[seed]
