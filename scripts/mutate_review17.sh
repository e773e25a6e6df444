#!/bin/bash
# Mutation testing of review 17's fixes and speed17w's shortcuts (`make mutate-review17`, docs/safety/mutation.md):
# mutmut over the functions they added or changed, in a scratch copy of the tree whose [tool.mutmut] is
# scripts/mutmut-review17.toml: fix17r's disabled road and the class loader of any domain, speed17w's nearby cases
# checked and their needs facts made from the case's own, fix17s's six-digit date check, lookup and out-of-hours words.
# What mutmut cannot reach (the guidance rule's condition and body inside rules.guidance.define, Prepared's new sets,
# the loader's states_disability checks) is mutated by scripts/mutate_rules.py and by hand (docs/safety/mutation.md).
# Two workers, niced: a shared machine. Results: docs/figures/review17-mutmut.txt.
#   scripts/mutate_review17.sh [mutmut name pattern ...]   (default: every function named below)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  names=(
    "rules.facts.x_disabled_road*" "pathway.catalogue.guidance.xǁDisabledBelowChildInNeedǁroad*" "pathway.catalogue.contacts.x__related_contacts_derived*"
    "pathway.checks.x_resolve_changed*" "rules.facts.xǁNeedFactsǁ__init__*" "rules.facts.xǁNeedFactsǁ__call__*" "rules.facts.x_need_facts*"
    "rules.evaluate.x_decide_changes*" "rules.evaluate.x__checked*" "rules.evaluate.x__decided*" "rules.evaluate.x_decide_levels*"
    "store.case_ref.x__run_is_date*" "store.case_ref.x_lookup_case_ref*" "store.case_ref.x_validate_case_ref*" "pathway.surfaces.x_hours_words*"
  )
fi
# shellcheck source=scripts/mutmut_scratch.sh
source "$root/scripts/mutmut_scratch.sh"
mutmut_scratch scripts/mutmut-review17.toml
cd "$work"
nice -n 10 .venv/bin/mutmut run --max-children 2 "${names[@]}" || true
.venv/bin/mutmut results --all true | grep -E "(facts|catalogue|checks|evaluate|case_ref|surfaces)\." | grep -vE ": (not )?checked$" > "$root/docs/figures/review17-mutmut.txt" || true  # the mutants tried
echo "scratch tree (mutants/ inside): $work"
