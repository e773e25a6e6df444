#!/bin/bash
# Mutation testing of what the user reads about a decision (`make mutate-present`,
# docs/safety/mutation.md): mutmut over webapp/journey/{present,summary,referral,twins}.py and
# pathway/call_summary.py, in a scratch copy of the tree whose [tool.mutmut] is
# scripts/mutmut-present.toml (pyproject's is the rules'). Results: docs/figures/present-mutmut.txt.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
cd "$root"
git ls-files | tar -cf - -T - | tar -xf - -C "$work"
cp -r webapp/static/govuk "$work/webapp/static/"
ln -s "$root/.venv" "$work/.venv"
cd "$work"
.venv/bin/python - <<'PY'
from pathlib import Path

pyproject = Path("pyproject.toml").read_text()
start = pyproject.index("[tool.mutmut]")
end = pyproject.index("\n[", start + 1) + 1
Path("pyproject.toml").write_text(pyproject[:start] + Path("scripts/mutmut-present.toml").read_text() + "\n" + pyproject[end:])
PY
.venv/bin/mutmut run --max-children 2 || true
.venv/bin/mutmut results --all true | grep -E "(present|summary|referral|twins|call_summary)\." > "$root/docs/figures/present-mutmut.txt"
echo "scratch tree (mutants/ inside): $work"
