#!/usr/bin/env bash
# Regenerate the Python lock files (requirements/*.txt, with hashes) from pyproject.toml.
# A deliberate step: run it, then `make test`, and commit the lock with the result.
#   scripts/lock.sh                 keep every pin that still resolves
#   scripts/lock.sh --upgrade       move every package to its newest release
#   scripts/lock.sh -P NAME==VER    move one package
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=.venv-lock
if [ ! -x "$TOOLS/bin/pip-compile" ]; then
  python3 -m venv "$TOOLS"
  "$TOOLS/bin/pip" install --quiet 'pip-tools==7.6.2'
fi
common=(--quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links)
# the app's lock first; the test lock is constrained by it, so the two never disagree on a shared package
PIP_CONSTRAINT= "$TOOLS/bin/pip-compile" "${common[@]}" "$@" --output-file requirements/app.txt pyproject.toml requirements/build.in
PIP_CONSTRAINT= "$TOOLS/bin/pip-compile" "${common[@]}" "$@" --extra test -c requirements/app.txt --output-file requirements/test.txt pyproject.toml requirements/build.in
