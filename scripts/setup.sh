#!/usr/bin/env bash
# Creates .venv and installs the project's Python packages (with --dev: the test and build tools too).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
reqs=requirements.txt
[ "${1:-}" = "--dev" ] && reqs=requirements-dev.txt
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$reqs"
