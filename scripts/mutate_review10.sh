#!/bin/bash
# Mutation testing of review 10's new code (`make mutate-review10`, docs/safety/mutation.md): mutmut over
# the functions review 10's fixes added (H1 the young parent's age at the pregnancy's start, H2 the plain
# call, H7 the CAF read from the level now, W1/W2 the disability clash named), in a scratch copy of the
# tree whose [tool.mutmut] is scripts/mutmut-review10.toml (pyproject's is the rules'). Review 10's rule
# conditions (route_disabled_not_caf_trained, ...) are durable-rules conditions, which mutmut cannot
# reach: scripts/mutate_rules.py --rules (the Makefile's REVIEW10_RULES). One worker: a shared machine.
# Results: docs/figures/review10-mutmut.txt.
#   scripts/mutate_review10.sh [mutmut name pattern ...]   (default: every function named below)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  names=(
    "pathway.catalogue.entailments.xǁAgeEntailmentǁyoung_person*" "pathway.catalogue.entailments.xǁAgeEntailmentǁpossible_at_start*"
    "pathway.catalogue.entailments.xǁAgeEntailmentǁfirst_child_months*" "pathway.catalogue.entailments.xǁAgeEntailmentǁstated_why*"
    "pathway.catalogue.model.xǁCatalogueǁentailment_possible*" "pathway.catalogue.current_level.xǁCafFromCurrentLevelǁread_from_level*"
    "rules.facts.x_age_entailments_possible*"
    "pathway.search_core.xǁCoreReadingsǁ_concern_first*" "pathway.search.xǁSearchIndexǁ_only_plain*" "pathway.search.xǁSearchIndexǁsays_only_plain*"
    "pathway.checks.x_disability_clashes*" "webapp.adviser.call.x__without_disability_clash*"
    "webapp.journey.forms.x_why_not*" "webapp.journey.forms.x_disability_misfit*" "webapp.journey.forms.xǁChildFormǁ_fits_disability*"
  )
fi
# shellcheck source=scripts/mutmut_scratch.sh
source "$root/scripts/mutmut_scratch.sh"
mutmut_scratch scripts/mutmut-review10.toml
cd "$work"
.venv/bin/mutmut run --max-children 1 "${names[@]}" || true
.venv/bin/mutmut results --all true | grep -E "(catalogue|search|checks|facts|call|forms)\." | grep -vE ": (not )?checked$" > "$root/docs/figures/review10-mutmut.txt" || true  # the mutants tried
echo "scratch tree (mutants/ inside): $work"
