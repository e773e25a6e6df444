#!/bin/bash
# Mutation testing of review 7's rule code (`make mutate-review7`, docs/safety/mutation.md): mutmut
# over rules/what_if.py and review 7's functions of rules/facts.py, rules/guidance.py,
# pathway/checks.py and pathway/catalogue/, in a scratch copy of the tree whose [tool.mutmut] is
# scripts/mutmut-review7.toml (pyproject's is the rules'). Results: docs/figures/review7-mutmut.txt.
#   scripts/mutate_review7.sh [mutmut name pattern ...]   (default: every function named below)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
children=${MUTMUT_CHILDREN:-2}
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  names=(
    "rules.what_if.*"
    "rules.facts.x__entailments_met*" "rules.facts.x_age_entailment_hits*" "rules.facts.x_age_entailments_age_unknown*"
    "rules.facts.x_where_listed*" "rules.facts.x_unborn_pointers_for*"
    "pathway.checks.x_resolve_indicators*" "pathway.checks.x__parent_age*" "pathway.checks.x__age_scope*" "pathway.checks.x__pointers_for_parent*"
    "pathway.catalogue.entailments.xǁAgeEntailmentǁyoung_person*" "pathway.catalogue.model.xǁCatalogueǁin_scope*" "pathway.catalogue.model.xǁCatalogueǁyoung_person*"
    "pathway.catalogue.model.xǁCatalogueǁadmits*" "pathway.catalogue.ages.x_years_months*"
    "rules.guidance.x_define*"
  )
fi
# shellcheck source=scripts/mutmut_scratch.sh
source "$root/scripts/mutmut_scratch.sh"
mutmut_scratch scripts/mutmut-review7.toml
cd "$work"
if [ "$fresh" = 1 ]; then
  # first run: collects which tests cover what (its results for the once-per-process functions
  # are forgotten), then every rule test is given to those functions and every test to define()
  .venv/bin/mutmut run --max-children "$children" "rules.what_if.x__quoted*" >/dev/null 2>&1 || true
  .venv/bin/python scripts/mutmut_rules_stats.py
fi
cd "$work"
.venv/bin/mutmut run --max-children "$children" "${names[@]}" || true
.venv/bin/mutmut results --all true | grep -E "(what_if|facts|guidance|checks|catalogue)\." | grep -vE ": (not )?checked$" > "$root/docs/figures/review7-mutmut.txt" || true  # the mutants tried
echo "scratch tree (mutants/ inside): $work"
