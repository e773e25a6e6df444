#!/usr/bin/env bash
# Everything a fresh machine needs, idempotent. `setup.sh` for running the app,
# `setup.sh test` for the test suite as well (system packages for browser and database tests).
# Each step starts with a "== step" line: scripts/quietly.sh (make run/test) names it on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${1:-run}"
PY="${PYTHON:-python3}"

echo "== the Python virtual environment (.venv)"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
STAMP=.venv/.installed-$MODE
LOCK=requirements/app.txt
[ "$MODE" = test ] && LOCK=requirements/test.txt
# Exactly the locked versions, checked against their hashes; then the project itself, built with the
# locked setuptools (no build isolation, so nothing unpinned is fetched). scripts/lock.sh regenerates the lock.
echo "== the locked Python packages ($LOCK)"
if [ ! -f "$STAMP" ] || [ "$LOCK" -nt "$STAMP" ] || [ pyproject.toml -nt "$STAMP" ]; then
  .venv/bin/pip install --quiet --require-hashes --no-deps -r "$LOCK"
  .venv/bin/pip install --quiet --no-deps --no-build-isolation -e .
  .venv/bin/pip check
  touch "$STAMP"
fi

echo "== the front-end assets (npm ci, scripts/copy_assets.sh)"
# front-end assets from the npm registry (GOV.UK Frontend, axe-core for the accessibility tests)
if [ -f package.json ] && { [ ! -d node_modules ] || [ package.json -nt node_modules ] || [ package-lock.json -nt node_modules ]; }; then
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi
if [ -x scripts/copy_assets.sh ]; then
  scripts/copy_assets.sh
fi

if [ -x scripts/setup_pdf_system.sh ]; then
  echo "== pango for the referral PDF (scripts/setup_pdf_system.sh)"
  scripts/setup_pdf_system.sh
fi
if [ "$MODE" = test ] && [ -x scripts/setup_test_system.sh ]; then
  echo "== system packages for the browser tests (scripts/setup_test_system.sh)"
  scripts/setup_test_system.sh
fi
if [ "$MODE" = test ] && [ -x scripts/setup_postgres.sh ]; then
  echo "== PostgreSQL for the store's tests (scripts/setup_postgres.sh)"
  scripts/setup_postgres.sh
fi
if [ "$MODE" = test ] && [ -x scripts/setup_deploy_system.sh ]; then
  echo "== nginx for the deployment tests (scripts/setup_deploy_system.sh)"
  scripts/setup_deploy_system.sh
fi
