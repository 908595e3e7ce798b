"""The layout holds: imports go one way (text → lexicons/records → extract → corpus → dashboard), no cycle,
Streamlit only in lib/dashboard, and no private Streamlit API anywhere."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# A package may import only from the layers listed for it (and the standard library and third parties).
ALLOWED = {
    "text": {"text"},
    "records": set(),
    "lexicons": {"text", "records"},
    "extract": {"text", "records", "lexicons", "extract"},
    "corpus": {"text", "records", "lexicons", "extract", "corpus"},
    "dashboard": {"text", "records", "lexicons", "extract", "corpus", "dashboard"},
    "ingest": {"text", "records", "lexicons", "extract", "corpus"},
}


def _layer(path: Path) -> str:
    rel = path.relative_to(ROOT / "lib")
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.append(node.module)
        elif isinstance(node, ast.Import):
            out += [a.name for a in node.names]
    return out


def _lib_files() -> list[Path]:
    return [p for p in (ROOT / "lib").rglob("*.py") if p.name != "__init__.py"]


def test_lib_imports_go_one_way():
    wrong = []
    for path in _lib_files():
        layer = _layer(path)
        for mod in _imports(path):
            if mod.startswith("lib."):
                target = mod.split(".")[1]
                if target not in ALLOWED[layer]:
                    wrong.append(f"{path.relative_to(ROOT)} imports {mod}")
    assert wrong == []


def test_only_the_dashboard_imports_streamlit():
    wrong = [str(p.relative_to(ROOT)) for p in _lib_files() if _layer(p) != "dashboard"
             and any(m == "streamlit" or m.startswith("streamlit.") for m in _imports(p))]
    assert wrong == []


def test_no_private_streamlit_api():
    files = _lib_files() + list((ROOT / "pages").glob("*.py")) + [ROOT / "app.py"]
    private = [f"{p.relative_to(ROOT)}: {m}" for p in files for m in _imports(p)
               if m.startswith("streamlit.") and m not in ("streamlit.testing.v1",)]
    assert private == []
