#!/bin/bash
# Mutation testing of stop 55's search readings (review 36, docs/safety/mutation.md "Review 36 (stop 55)"): mutmut's
# mutants of fix39b's pregnancy length (pathway/search_care.py: the lines stop 55 wrote in CareReadings._unborn_calm,
# `_PREGNANCY_LENGTH`), fix39c's carer word read as an act's object, a drink said by a bare measure and a carer's
# concern in a contrast clause (pathway/search_carers.py: CarerReadings._act_object, _carer_uses_at and the lines in
# _act_on_carer_at, _carer_substance_ended, _carer_substance_said; pathway/search_clauses.py:
# ClauseReadings._contrast_carer_concern and the lines in _contrast_concern_first; pathway/search_turned_words.py:
# _done_to and the lines in _said_after), fix40a's and the merge's `c.turned_out` (pathway/search_senses.py: the lines
# in SenseReadings._named_rows_below (the move, the fill, the p9 lead kept back), _unsaid_facts_below and
# _everyday_senses_below; docs/adviser.md "Search55m"), and the loaders' and check's new lines
# (search_turned_words.load's `done_to`, search_subjects._carer_substance's `measure_end`: each mutant in a process of
# its own, the index built; pathway/search_tables.py: check_carer_substance's `measure_end`). fix39a_*, fix40a_* and
# fix40b_* in pathway/data/search_synonyms.yaml are data: their neighbours are probed in
# tests/pathway/test_search_review36_mut.py. search_call.py's change is a comment.
# Each group runs against its reading's own tests and review 36's new ones (tests/pathway/test_search_review36_mut.py),
# one mutant at a time, niced; the body is scripts/mutmut_review.sh (shared, so this file says only what is review 36's).
# The parts (mutmut's numbers on main 9bd32ed1, the mutants whose removed line is one `git diff de3c9cec 9bd32ed1` adds,
# bare `continue`/`return False` lines and `x = self.table` lines that only match by their text left out; a change to
# the function moves them: read them again with scripts/mutmut_functions.py --show): _unborn_calm 5-30;
# _act_on_carer_at 85-111; _carer_substance_ended 5-9; _carer_substance_said 7-20; _contrast_concern_first 82-88,
# 157-164; _said_after 23-33; _named_rows_below 17-32, 40-58; _unsaid_facts_below 120-122; _everyday_senses_below
# 174-176; load 24, 38, 141-148; _carer_substance 18, 95-101; check_carer_substance 4-6, 16-18, 27-52, 55-76.
# Raw results: docs/figures/review36-narrow-*.txt.
# A group:     scripts/mutate_review36.sh unborn|carer|merge|loaders|checks
# A sample:    STEP=4 PART_STEP=4 scripts/mutate_review36.sh carer   (mutants 1, 5, 9, ... of each function; STEP=1: all)
# A start:     FIRST=2 STEP=4 ...                                   (mutants 2, 6, 10, ...: the ones a first sample left)
review=review36
specs=(
  "pathway/search_care.py:CareReadings._unborn_calm"
  "pathway/search_carers.py:CarerReadings._act_object,CarerReadings._carer_uses_at,CarerReadings._act_on_carer_at,CarerReadings._carer_substance_ended,CarerReadings._carer_substance_said"
  "pathway/search_clauses.py:ClauseReadings._contrast_carer_concern,ClauseReadings._contrast_concern_first"
  "pathway/search_senses.py:SenseReadings._named_rows_below,SenseReadings._unsaid_facts_below,SenseReadings._everyday_senses_below"
  "pathway/search_turned_words.py:_done_to,_said_after,load"
  "pathway/search_subjects.py:_carer_substance"
  "pathway/search_tables.py:check_carer_substance"
)
all_groups=(unborn carer merge loaders checks)
C="pathway.search_carers.xǁCarerReadingsǁ"
L="pathway.search_clauses.xǁClauseReadingsǁ"
N="pathway.search_senses.xǁSenseReadingsǁ"
T=pathway.search_turned_words.x_
new=tests/pathway/test_search_review36_mut.py
group_config() {
  case $1 in
    unborn) mapfile -t parts < <(pick "pathway.search_care.xǁCareReadingsǁ_unborn_calm" $(seq_ 5 30)); tests=(tests/pathway/test_search_fix39b.py tests/pathway/test_search_fix20u.py "$new") ;;
    carer) own=("${C}_act_object" "${C}_carer_uses_at" "${L}_contrast_carer_concern" "${T}_done_to"); mapfile -t parts < <(pick "${C}_act_on_carer_at" $(seq_ 85 111); pick "${C}_carer_substance_ended" $(seq_ 5 9); pick "${C}_carer_substance_said" $(seq_ 7 20); pick "${L}_contrast_concern_first" $(seq_ 82 88) $(seq_ 157 164); pick "${T}_said_after" $(seq_ 23 33)); tests=(tests/pathway/test_search_fix39c.py tests/pathway/test_search_fix35a.py "$new") ;;
    merge) mapfile -t parts < <(pick "${N}_named_rows_below" $(seq_ 17 32) $(seq_ 40 58); pick "${N}_unsaid_facts_below" 120 121 122; pick "${N}_everyday_senses_below" 174 175 176); tests=(tests/pathway/test_search_fix40a.py tests/pathway/test_search_lead55.py tests/pathway/test_search_steps.py tests/pathway/test_search_fix39a.py "$new") ;;
    loaders) mapfile -t loader_parts < <(pick "${T}load" 24 38 $(seq_ 141 148); pick pathway.search_subjects.x__carer_substance 18 $(seq_ 95 101)); tests=(tests/pathway/test_search_fix39c.py) ;;
    checks) mapfile -t parts < <(pick pathway.search_tables.x_check_carer_substance 4 5 6 16 17 18 $(seq_ 27 52) $(seq_ 55 76)); tests=(tests/pathway/test_search_review36_mut.py::test_a_bad_measure_end_list_is_refused) ;;
    *) return 1 ;;
  esac
}
source "$(dirname "$0")/mutmut_review.sh" "$@"
