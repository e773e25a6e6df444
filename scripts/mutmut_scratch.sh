# Sourced by scripts/mutate_review7.sh, mutate_review8.sh and mutate_review10.sh (`make mutate-review7`, ...):
# the scratch copy of the tree each runs mutmut in, written once.
#   mutmut_scratch CONFIG   (CONFIG: the script's [tool.mutmut] table, e.g. scripts/mutmut-review10.toml)
# Needs `root` (the project). Sets `work` to $MUTMUT_SCRATCH when given (a tree already made, used as it is:
# more names in one run; `fresh` 0), else to a fresh copy of the tracked and new files (a test being written
# for a survivor; not the symlinked .venv, node_modules) with the GOV.UK assets, .venv linked, and CONFIG in
# place of pyproject's [tool.mutmut] (the rules'; `fresh` 1). Leaves the shell in `work`.
mutmut_scratch() {
  local config=$1
  work=${MUTMUT_SCRATCH:-}
  fresh=0
  if [ -z "$work" ]; then
    fresh=1
    work=$(mktemp -d)
    cd "$root"
    git ls-files --cached --others --exclude-standard | grep -vE "^(\.venv|node_modules)$" | tar -cf - -T - | tar -xf - -C "$work"
    cp -r webapp/static/govuk "$work/webapp/static/"
    ln -s "$root/.venv" "$work/.venv"
    cd "$work"
    .venv/bin/python - "$config" <<'PY'
import sys
from pathlib import Path

pyproject = Path("pyproject.toml").read_text()
start = pyproject.index("\n[tool.mutmut]") + 1
end = pyproject.index("\n[", start + 1) + 1
Path("pyproject.toml").write_text(pyproject[:start] + Path(sys.argv[1]).read_text() + "\n" + pyproject[end:])
PY
  fi
  cd "$work"
}
