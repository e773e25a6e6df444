#!/bin/bash
# Mutation testing of review 8's rule code (`make mutate-review8`, docs/safety/mutation.md): mutmut
# over the functions review 8 and its recheck added (the care leaver's child-only answers, every
# child-development need's meaningful ages and their refusal hints, same-words needs counted once in
# every listed domain, "After the call:", the no-referral route, the disability not routed past 19),
# in a scratch copy of the tree whose [tool.mutmut] is scripts/mutmut-review8.toml (pyproject's is
# the rules'). Review 8's step-up rules are durable-rules conditions, which mutmut cannot reach:
# scripts/mutate_rules.py --rules (the Makefile's REVIEW8_RULES). Results: docs/figures/review8-mutmut.txt.
#   scripts/mutate_review8.sh [mutmut name pattern ...]   (default: every function named below)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
children=${MUTMUT_CHILDREN:-2}
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  names=(
    "pathway.catalogue.model.xǁCatalogueǁbeyond_childhood*" "pathway.checks.x_child_only_answers*" "pathway.checks.x__child_only_answers*"
    "pathway.catalogue.ages.xǁChildOnlyAnswersǁgiven*" "pathway.catalogue.ages.x__same*" "rules.facts.x_disability_not_routed*"
    "pathway.catalogue.ages.xǁMeaningfulAgeǁadmits*" "pathway.catalogue.ages.xǁMeaningfulAgeǁhint*" "pathway.catalogue.model.xǁCatalogueǁadmits*"
    "pathway.checks.x__below_meaning*"
    "rules.facts.xǁPreparedǁ__init__*"
    "rules.evaluate.x__after_the_call*"
    "pathway.surfaces.x_no_referral*"
  )
fi
# shellcheck source=scripts/mutmut_scratch.sh
source "$root/scripts/mutmut_scratch.sh"
mutmut_scratch scripts/mutmut-review8.toml
cd "$work"
if [ "$fresh" = 1 ]; then
  # first run: collects which tests cover what (its results for the once-per-process functions
  # are forgotten), then every rule test is given to those functions and every test to define()
  .venv/bin/mutmut run --max-children "$children" "pathway.catalogue.ages.xǁMeaningfulAgeǁadmits*" >/dev/null 2>&1 || true
  .venv/bin/python scripts/mutmut_rules_stats.py
fi
cd "$work"
.venv/bin/mutmut run --max-children "$children" "${names[@]}" || true
.venv/bin/mutmut results --all true | grep -E "(facts|evaluate|checks|catalogue|surfaces)\." | grep -vE ": (not )?checked$" > "$root/docs/figures/review8-mutmut.txt" || true  # the mutants tried
echo "scratch tree (mutants/ inside): $work"
