#!/bin/bash
# Mutation testing of the last session's code (`make mutate-review14`, docs/safety/mutation.md): mutmut over the
# functions review 14's fixes added or changed, in a scratch copy of the tree whose [tool.mutmut] is
# scripts/mutmut-review14.toml. The safety-nearest first: the one-child item (evaluate's guidance order, the call
# summary, the written referral), left14's p9 box with no age and the call screen deciding through
# decide_despite_refusals, then fix14s's page digests (`changed` last), search14/14b's rules (and review 13's
# unjudged _denied_first, _core_first), speed14's fact reader. What mutmut cannot reach (the rules one_child,
# referral_into_social_care and pre_birth_planning, decorated functions inside rules.guidance.define; the
# properties _Closure.m, Referral.one_child, Referral.pre_birth; the catalogue's words) is mutated by
# scripts/mutate_rules.py and by hand (docs/safety/mutation.md lists each edit).
# One worker, niced: a shared machine. Results: docs/figures/review14-mutmut.txt.
#   scripts/mutate_review14.sh [mutmut name pattern ...]   (default: every function named below)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  names=(
    "rules.evaluate.x__guidance*" "pathway.call_summary.x_call_summary*" "webapp.journey.referral.x_as_text*"
    "rules.refusals.x__age_for_p9*" "rules.refusals.x__without*"
    "webapp.adviser.call.x__misfit*" "webapp.adviser.call.x__context_refused*" "webapp.adviser.call.x__decided_without*"
    "pathway.search_offers.x_child_in_care_note*"
    "webapp.shown.x_of_assessment*" "webapp.shown.x_of_recorded*" "webapp.shown.x_digest*"
    "pathway.search.xǁSearchIndexǁ_said_outside_carers*" "pathway.search_subjects.xǁSubjectReadingsǁ_says_no_child*"
    "pathway.search_subjects.xǁSubjectReadingsǁ_subject_first*" "pathway.search_core.xǁCoreReadingsǁ_denials*" "pathway.search_denials.x__bridged_reach*"
    "pathway.search_care.xǁCareReadingsǁ_in_care_places*" "pathway.search_care.xǁCareReadingsǁsays_child_in_care*"
    "rules.engine.x__as_read*" "rules.engine.xǁ_Factǁ__getattr__*" "rules.engine.xǁ_Factǁ__getitem__*"
    "rules.engine.xǁ_Factǁ__contains__*" "rules.engine.xǁ_Factǁitems*" "rules.engine.xǁ_Closureǁ__init__*"
    "rules.engine.xǁ_Closureǁ__getattr__*"
    "pathway.search_subjects.x__said_of_parent*" "pathway.search_core.xǁCoreReadingsǁ_denied_first*" "pathway.search_core.xǁCoreReadingsǁ_core_first*"
    "webapp.shown.x_changed*"
  )
fi
# shellcheck source=scripts/mutmut_scratch.sh
source "$root/scripts/mutmut_scratch.sh"
mutmut_scratch scripts/mutmut-review14.toml
cd "$work"
nice -n 19 .venv/bin/mutmut run --max-children 1 "${names[@]}" || true
.venv/bin/mutmut results --all true | grep -E "(refusals|evaluate|engine|call_summary|search|call|referral|shown)\." | grep -vE ": (not )?checked$" > "$root/docs/figures/review14-mutmut.txt" || true  # the mutants tried
echo "scratch tree (mutants/ inside): $work"
