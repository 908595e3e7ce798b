"""Write the texts of the random-sample gold (tests/gold) out of the shared corpora, for score.py.

    .venv/bin/python scripts/write_gold_texts.py --out DIR
    python ../shared/eval/score.py --gold-dir tests/gold/articles --texts-dir DIR

The corpora are research-only, so the repository keeps only the hand annotations and a manifest of corpus keys
(tests/gold/manifest.tsv); the article texts and their metadata sidecars are written here at test time, read
through ../shared/eval/audit.py's own corpus readers so that they are exactly what the annotators read.
"""
from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "tests" / "gold" / "manifest.tsv"
AUDIT = ROOT.parent / "shared" / "eval" / "audit.py"


def _audit_module():
    """../shared/eval/audit.py, loaded as a module (it is not a package)."""
    if not AUDIT.exists():
        sys.exit(f"{AUDIT} not found: the gold texts come from ../shared/corpora")
    spec = importlib.util.spec_from_file_location("rasd_audit", AUDIT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_texts(out: Path, manifest: Path = MANIFEST) -> int:
    """Write <article_id>.txt and its .json sidecar for every manifest row; returns how many were written."""
    with manifest.open(encoding="utf-8", newline="") as fh:
        wanted = {row["corpus_key"]: row["article_id"] for row in csv.DictReader(fh, delimiter="\t")}
    audit = _audit_module()
    out.mkdir(parents=True, exist_ok=True)
    left = dict(wanted)
    for source in (audit.snn_articles, audit.ant_articles):
        if not left:
            break
        for key, text, meta in source():
            aid = left.pop(key, None)
            if aid is None:
                continue
            (out / f"{aid}.txt").write_text(audit.norm_text(text), encoding="utf-8")
            (out / f"{aid}.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
            if not left:
                break
    if left:
        sys.exit(f"{len(left)} gold articles not found in the corpora: {sorted(left)[:3]}")
    return len(wanted)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, type=Path, help="folder to write the texts into")
    args = ap.parse_args()
    print(f"wrote {write_texts(args.out)} gold texts to {args.out}")


if __name__ == "__main__":
    main()
