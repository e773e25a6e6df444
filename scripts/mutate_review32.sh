#!/bin/bash
# Mutation testing of stop 51's search readings (review 32, docs/safety/mutation.md "Review 32 (stop 51)"): mutmut's
# mutants of Search51's unsaid home alone (pathway/search_core.py: CoreReadings._left_unsaid_first, _past_unsaid_core,
# _aged_core and the lines stop 51 wrote in _core_first; pathway/search_synonyms.py: _check_core_to_lead), fix32a's
# carer's mood in slang and possessive "own" (pathway/search_senses.py: SenseReadings._unwell_at, the lines stop 51
# wrote in _as_meant and _everyday_senses_below; pathway/search_structures.py: possessive_own and its call in
# everyday_structures_at) and fix32c's strength's absence and denied hedge (pathway/search_denial_only.py: _denied_over,
# lacking (rewritten whole); pathway/search_core.py: CoreReadings._matched_on_named, _named_strength and the lines stop
# 51 wrote in _denied_first), made for those functions only (scripts/mutmut_functions.py) in a scratch copy of the tree,
# each group run against its reading's own tests and review 32's new ones (tests/pathway/test_search_review32_mut.py;
# scripts/mutmut_narrow.py), one mutant at a time, in one process a group, niced (nice -n 15: other work comes first).
# The loader stop 51 added (search_senses._unwell: `said_as_meant.unwell` read from YAML, checked by
# search_tables.check_said_as_meant) is not mutated: the YAML checks and fix32a's tests read it.
# _check_core_to_lead runs in every SearchIndex built; the default index is built once a process, so its mutants are
# killed by tests that build an index of their own (the new file's malformed `core_to_lead`).
# Functions older than stop 51 run only the mutants of the lines stop 51 wrote (`parts`: mutmut's numbers on main
# 049c7c6; a change to the function moves them: read them again with scripts/mutmut_functions.py --show).
# The parts (the mutants whose removed line is one stop 51 added, `git diff ca5d114 049c7c6`, false matches of an
# older line's text taken out): _core_first 1-20 (its three lines); _denied_first 28-62; _as_meant 46-60;
# _everyday_senses_below 83-92, 95, 99, 103-109; everyday_structures_at 216-220 (94 mutants).
# PART_STEP samples them as STEP does the rest.
# Raw results: docs/figures/review32-narrow-*.txt.
# A group:     scripts/mutate_review32.sh core|denied|unwell
# A sample:    STEP=4 scripts/mutate_review32.sh unwell   (mutants 1, 5, 9, ... of each function; STEP=1: all)
# A start:     FIRST=2 STEP=4 ...                         (mutants 2, 6, 10, ...: the ones a first sample left)
# The body is scripts/mutmut_review.sh (shared, as for review 34's): this file says only what is review 32's.
review=review32
specs=(
  "pathway/search_core.py:CoreReadings._left_unsaid_first,CoreReadings._past_unsaid_core,CoreReadings._aged_core,CoreReadings._core_first,CoreReadings._matched_on_named,CoreReadings._named_strength,CoreReadings._denied_first"
  "pathway/search_synonyms.py:_check_core_to_lead"
  "pathway/search_senses.py:SenseReadings._unwell_at,SenseReadings._as_meant,SenseReadings._everyday_senses_below"
  "pathway/search_structures.py:possessive_own,everyday_structures_at"
  "pathway/search_denial_only.py:_denied_over,lacking"
)
all_groups=(core denied unwell)
O="pathway.search_core.xǁCoreReadingsǁ"
S="pathway.search_senses.xǁSenseReadingsǁ"
new=tests/pathway/test_search_review32_mut.py
group_config() {
  case $1 in
    core) own=("${O}_left_unsaid_first" "${O}_past_unsaid_core" "${O}_aged_core" pathway.search_synonyms.x__check_core_to_lead); mapfile -t parts < <(pick "${O}_core_first" $(seq_ 1 20)); tests=(tests/pathway/test_search_lead51.py tests/pathway/test_search_lead51q.py tests/pathway/test_search_fix22d.py tests/pathway/test_search_steps.py "$new") ;;
    denied) own=("${O}_matched_on_named" "${O}_named_strength" pathway.search_denial_only.x__denied_over pathway.search_denial_only.x_lacking); mapfile -t parts < <(pick "${O}_denied_first" $(seq_ 28 62)); tests=(tests/pathway/test_search_fix32c.py "$new") ;;
    unwell) own=("${S}_unwell_at" pathway.search_structures.x_possessive_own); mapfile -t parts < <(pick "${S}_as_meant" $(seq_ 46 60); pick "${S}_everyday_senses_below" $(seq_ 83 92) 95 99 $(seq_ 103 109); pick pathway.search_structures.x_everyday_structures_at $(seq_ 216 220)); tests=(tests/pathway/test_search_fix32a.py tests/pathway/test_search_fix32b.py "$new") ;;
    *) return 1 ;;
  esac
}
source "$(dirname "$0")/mutmut_review.sh" "$@"
