#!/bin/bash
# Mutation testing of the last session's code (`make mutate-review12`, docs/safety/mutation.md): mutmut over
# the functions review 12's fixes added or changed (the decision despite refusals, the pregnancy-start window,
# the call screen's set-aside concerns and its undecided summary, a saved entry compared on WORDS, search12's
# calm rule), in a scratch copy of the tree whose [tool.mutmut] is scripts/mutmut-review12.toml. The safety-
# nearest first (rules.refusals, the pregnancy window). What mutmut cannot reach (the property
# Child.months_given, the constants CALM and WORDS, the catalogue's `pregnant_now` lists) is mutated by hand
# (docs/safety/mutation.md lists each edit). One worker: a shared machine.
# Results: docs/figures/review12-mutmut.txt.
#   scripts/mutate_review12.sh [mutmut name pattern ...]   (default: every function named below)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  names=(
    "rules.refusals.x_evaluate_despite_refusals*" "rules.refusals.x_decide_despite_refusals*" "rules.refusals.x__without*"
    "pathway.catalogue.entailments.xǁAgeEntailmentǁyoung_person*" "pathway.catalogue.entailments.xǁAgeEntailmentǁpossible_at_start*"
    "pathway.catalogue.model.xǁCatalogueǁyoung_person*" "pathway.catalogue.model.xǁCatalogueǁentailment_possible*" "pathway.catalogue.ages.x_child_age_words*"
    "rules.facts.x__entailments_met*" "rules.facts.x_age_entailments_possible*"
    "webapp.adviser.call.x_apply*" "webapp.adviser.call.x__holds_unused*" "webapp.adviser.call.x_screen*"
    "pathway.call_summary.x_undecided_summary*"
    "training.ruleset_diff.xǁOutcomeǁof*" "training.ruleset_diff.x_teams_named*" "training.ruleset_diff.x_changed_fields*"
    "webapp.cases.reopen.x_later_decision*"
    "pathway.search.xǁSearchIndexǁ_calm_first*"
  )
fi
# shellcheck source=scripts/mutmut_scratch.sh
source "$root/scripts/mutmut_scratch.sh"
mutmut_scratch scripts/mutmut-review12.toml
cd "$work"
nice -n 19 .venv/bin/mutmut run --max-children 1 "${names[@]}" || true
.venv/bin/mutmut results --all true | grep -E "(refusals|catalogue|facts|call|call_summary|ruleset_diff|reopen|search)\." | grep -vE ": (not )?checked$" > "$root/docs/figures/review12-mutmut.txt" || true  # the mutants tried
echo "scratch tree (mutants/ inside): $work"
