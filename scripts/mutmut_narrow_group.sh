# Sourced by scripts/mutate_review24.sh and scripts/mutate_review26.sh (docs/safety/mutation.md): one group of a narrow
# review run. The caller sets work (the scratch tree; $work.counts holds mutmut_functions.py's FUNCTION:1:N lines), py,
# step (and first, default 1), own (per-call functions: their mutants in one process), parts (optional, per-call
# FUNCTION:FIRST:LAST ranges run whole, unsampled: the mutants of one part of a large function, mutate_review28.sh),
# loaders (functions called when the index is built, kept for the process: each mutant in a process of its own) and
# tests, then calls
# narrow_group NICENESS FIGURE from inside the scratch tree. The held-back calls are counted, never read: their tests
# are left out of the runs.
count() { grep -F "$1:" "$work.counts"; }  # FUNCTION:1:N as mutmut_functions.py printed it
sample() {  # FUNCTION:1:N -> FUNCTION:i:i for i = first, first+step, ...
  local name=${1%:*:*} last=${1##*:}
  for ((i = ${first:-1}; i <= last; i += step)); do echo "$name:$i:$i"; done
}
narrow_group() {
  local niceness=$1 figure=$2 f spec specs=()
  for f in "${own[@]}"; do mapfile -t -O "${#specs[@]}" specs < <(sample "$(count "$f")"); done
  for spec in ${parts[@]+"${parts[@]}"}; do specs+=("$spec"); done
  {
    if [ ${#specs[@]} -gt 0 ]; then
      nice -n "$niceness" "$py" scripts/mutmut_narrow.py "${specs[@]}" -- -k "not held_back and not postgresql" "${tests[@]}"
    fi
    for f in "${loaders[@]}"; do
      for spec in $(sample "$(count "$f")"); do
        nice -n "$niceness" "$py" scripts/mutmut_narrow.py "$spec" -- -k "not held_back and not postgresql" "${tests[@]}"
      done
    done
  } | grep --line-buffered "^RESULT" | tee "$figure"
}
