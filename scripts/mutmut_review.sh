# Sourced by scripts/mutate_review24.sh to mutate_review34.sh (and any later review's script; docs/safety/mutation.md "Review 34 (stop 53)"):
# the one body a narrow review run shares, so that a review's script says only what is its own. The caller sets
#   review     the figures' and scratch tree's name ("review34": docs/figures/review34-narrow-GROUP.txt)
#   specs      scripts/mutmut_functions.py's FILE:FUNCTION,... arguments (the functions whose mutants are made)
#   all_groups the groups run when none is named
# and defines group_config GROUP, which sets (each empty before it is called) `own` (functions whose mutants are run,
# sampled with STEP/FIRST, in one process), `parts` (FUNCTION:N:N specs, e.g. from `pick`, for the lines a review's
# stop wrote in an older function), `loaders` (functions called when something is built once: each mutant in a
# process of its own), `loader_parts` (FUNCTION:N:N specs of such a function: each in a process of its own) and
# `tests`, and returns 1 for a group it does not know. Then: source scripts/mutmut_review.sh "$@".
# Environment: STEP, FIRST (sample()), PART_STEP (pick()), MUTMUT_SCRATCH (the scratch tree, made when absent),
# PYTHON; `niceness` (set by the caller; default 15). scripts/mutmut_narrow_group.sh's narrow_group does the runs (as for every review script since 24).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
py=${PYTHON:-$root/.venv/bin/python}
work=${MUTMUT_SCRATCH:-$(mktemp -u "/tmp/$review.XXXXXX")}
step=${STEP:-1}
first=${FIRST:-1}
if [ ! -d "$work" ]; then
  "$py" "$root/scripts/mutmut_functions.py" "$work" "${specs[@]}" | tee "$work.counts"
fi
source "$root/scripts/mutmut_narrow_group.sh"  # count, sample, narrow_group
pick() {  # FUNCTION N... -> FUNCTION:N:N for the 1st, (1+PART_STEP)th, ... of the part's mutants N... (PART_STEP default 1: whole)
  local f=$1 i
  shift
  local ns=("$@")
  for ((i = 0; i < ${#ns[@]}; i += ${PART_STEP:-1})); do echo "$f:${ns[i]}:${ns[i]}"; done
}
seq_() { seq "$1" "$2" | tr '\n' ' '; }
groups=("$@")
[ ${#groups[@]} -eq 0 ] && groups=("${all_groups[@]}")
cd "$work"
for group in "${groups[@]}"; do
  own=() parts=() loaders=() loader_parts=() tests=()
  group_config "$group" || { echo "unknown group $group" >&2; exit 2; }
  figure="$root/docs/figures/$review-narrow-$group.txt"
  narrow_group "${niceness:-15}" "$figure" || [ $? -eq 1 ]  # grep's 1: no mutant of the group's own or parts (a group of loader parts only)
  for spec in ${loader_parts[@]+"${loader_parts[@]}"}; do  # each in a process of its own, appended to the figure
    nice -n 15 "$py" scripts/mutmut_narrow.py "$spec" -- -k "not held_back and not postgresql" "${tests[@]}" | { grep --line-buffered "^RESULT" || true; } | tee -a "$figure"
  done
done
echo "scratch tree: $work"
