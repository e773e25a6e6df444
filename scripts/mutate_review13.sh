#!/bin/bash
# Mutation testing of the last session's code (`make mutate-review13`, docs/safety/mutation.md): mutmut over
# the functions review 13's fixes added or changed (left13's refusal of a need given twice and the p9 box that
# bears the age out, fix13r's criterion pointers and readings, search13's denied and core rules, left13b's
# one-time form tokens), in a scratch copy of the tree whose [tool.mutmut] is scripts/mutmut-review13.toml.
# The safety-nearest first (rules.refusals, the pointers). What mutmut cannot reach (rules13's Appendix 3 rule,
# a decorated function inside rules.guidance.define; the catalogue's `reading` of p9's domestic-violence line;
# Prepared's look-ups, run once per catalogue) is mutated by hand (docs/safety/mutation.md lists each edit).
# One worker, niced: a shared machine. Results: docs/figures/review13-mutmut.txt.
#   scripts/mutate_review13.sh [mutmut name pattern ...]   (default: every function named below)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  names=(
    "rules.refusals.x__age_confirmed*" "rules.refusals.x__repeated*"
    "rules.facts.x_criterion_pointers_for*" "rules.facts.x_criterion_readings*" "rules.facts.x_age_pointers*"
    "store.form_tokens.x_posted*" "store.form_tokens.x_saved_with*" "store.form_tokens.x_insert_once*"
    "store.assessments.x_save_assessment_once*" "store.assessments.x_record_override_once*" "store.assessments.x_record_review_once*"
    "pathway.search_core.xǁCoreReadingsǁ_denied_first*" "pathway.search_core.xǁCoreReadingsǁ_core_first*"
  )
fi
# shellcheck source=scripts/mutmut_scratch.sh
source "$root/scripts/mutmut_scratch.sh"
mutmut_scratch scripts/mutmut-review13.toml
cd "$work"
nice -n 19 .venv/bin/mutmut run --max-children 1 "${names[@]}" || true
.venv/bin/mutmut results --all true | grep -E "(refusals|facts|search|form_tokens|assessments)\." | grep -vE ": (not )?checked$" > "$root/docs/figures/review13-mutmut.txt" || true  # the mutants tried
echo "scratch tree (mutants/ inside): $work"
