#!/bin/bash
# Sourced by scripts/mutate_review{7,8,10,11}.sh (one copy of what each repeated): `mutmut_scratch TABLE`
# sets `work` to a scratch copy of the tree whose [tool.mutmut] is TABLE (scripts/mutmut-reviewN.toml:
# mutmut reads pyproject's only, and that one is the rules'), and `fresh` to 1; with MUTMUT_SCRATCH=<dir>
# it reuses that tree (more names in one already made) and sets `fresh` to 0. Needs `root` (the checkout).
mutmut_scratch() {
  local table=$1
  work=${MUTMUT_SCRATCH:-}
  fresh=0
  if [ -n "$work" ]; then
    return 0
  fi
  fresh=1
  work=$(mktemp -d)
  # tracked and new files (a test being written for a survivor), not the symlinked .venv, node_modules
  (cd "$root" && git ls-files --cached --others --exclude-standard | grep -vE "^(\.venv|node_modules)$" | tar -cf - -T - | tar -xf - -C "$work")
  cp -r "$root/webapp/static/govuk" "$work/webapp/static/"
  ln -s "$root/.venv" "$work/.venv"
  (cd "$work" && .venv/bin/python - "$table" <<'PY'
import sys
from pathlib import Path

pyproject = Path("pyproject.toml").read_text()
start = pyproject.index("\n[tool.mutmut]") + 1
end = pyproject.index("\n[", start + 1) + 1
Path("pyproject.toml").write_text(pyproject[:start] + Path(sys.argv[1]).read_text() + "\n" + pyproject[end:])
PY
  )
}
