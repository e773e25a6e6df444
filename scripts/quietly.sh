#!/usr/bin/env bash
# scripts/quietly.sh LOG COMMAND...: run a set-up command with all its output in LOG; say nothing
# if it succeeds. If it fails, show the step it failed at (the last "== step" line it printed),
# the end of the log and the log's path, and exit with its status.
set -uo pipefail
LOG="$1"
shift
mkdir -p "$(dirname "$LOG")"
status=0
"$@" >"$LOG" 2>&1 || status=$?
if [ "$status" -eq 0 ]; then
  exit 0
fi
step="$(grep '^== ' "$LOG" | tail -n 1 | sed 's/^== //')"
{
  echo "set-up failed (exit $status) at: ${step:-starting}"
  echo "--- last lines of $LOG:"
  tail -n 25 "$LOG"
  echo "--- the whole log: $LOG"
} >&2
exit "$status"
