#!/bin/bash
# Mutation testing of the last session's rule and search code (`make mutate-review11`, docs/safety/mutation.md):
# mutmut over the functions review 11's fixes, ask11, left11, search11/11b and the call screen's "decided
# without" added or changed, in a scratch copy of the tree whose [tool.mutmut] is scripts/mutmut-review11.toml.
# The route conditions (ROUTE_WHEN) and step_same are durable-rules conditions, which mutmut cannot reach:
# scripts/mutate_rules.py --rules (the Makefile's REVIEW11_RULES). One worker: a shared machine.
# Results: docs/figures/review11-mutmut.txt.
#   scripts/mutate_review11.sh [mutmut name pattern ...]   (default: every function named below)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  names=(
    "pathway.catalogue.entailments.xǁAgeEntailmentǁ_certain_by_parents_age*" "pathway.catalogue.entailments.xǁAgeEntailmentǁpossible_at_start*"
    "pathway.catalogue.entailments.xǁAgeEntailmentǁyoung_person*"
    "pathway.catalogue.ages.xǁParentAgeHintǁcontains*" "pathway.catalogue.ages.xǁAgeBandǁparent_hints*" "pathway.checks.x__out_of_band*"
    "rules.engine.x_holds*" "rules.engine.x__attribute*" "rules.engine.x__constant*" "rules.guidance.x_route_at*"
    "rules.resolved_actions.x__disability*"
    "pathway.surfaces.x_decided_without*" "webapp.adviser.call.x__gone*" "webapp.adviser.call.x_load*" "webapp.adviser.views.x__status*"
    "pathway.search_subjects.xǁSubjectReadingsǁ_subject_first*" "pathway.search.xǁSearchIndexǁ_joined_first*" "pathway.search.xǁSearchIndexǁ_lead_with*"
    "pathway.search_core.xǁCoreReadingsǁ_high*" "pathway.search.xǁSearchIndexǁ_only_plain*" "pathway.search.xǁSearchIndexǁ_says_more*"
    "pathway.search_subjects.x__said_of_parent*" "pathway.search_text.x__small*"
  )
fi
# shellcheck source=scripts/mutmut_scratch.sh
source "$root/scripts/mutmut_scratch.sh"
mutmut_scratch scripts/mutmut-review11.toml
cd "$work"
.venv/bin/mutmut run --max-children 1 "${names[@]}" || true
.venv/bin/mutmut results --all true | grep -E "(catalogue|checks|search|surfaces|engine|guidance|resolved_actions|call|views)\." | grep -vE ": (not )?checked$" > "$root/docs/figures/review11-mutmut.txt" || true  # the mutants tried
echo "scratch tree (mutants/ inside): $work"
