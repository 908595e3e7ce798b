#!/usr/bin/env bash
# Sets up a fresh machine and runs the dashboard on the bundled data: bash scripts/run_dashboard.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The store is built from the bundled articles on first run; adding them again is a no-op.
.venv/bin/python -m lib.ingest --add data/articles
exec .venv/bin/streamlit run app.py --server.headless true "$@"
