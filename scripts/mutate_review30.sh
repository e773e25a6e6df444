#!/bin/bash
# Mutation testing of stop 49's search readings (review 30, docs/safety/mutation.md "Review 30 (stop 49)"): mutmut's
# mutants of Search49's disabled child's carer (pathway/search_disabled_care.py: _describes, carer_at, helped,
# offers_in_order; search_subjects._describes_other, SubjectReadings._disabled_child_carer_first and the shared
# search_text.said_just_before), Search30c's child not collected (pathway/search_collected.py: not_collected_at,
# _subject, _at; ClauseReadings._not_collected_first), its care kept from the child and refusal carried
# (ClauseReadings._refused_carried_at, _kept_from_at) and its parent's threat told by a professional
# (CarerReadings._alone_with_child, _teller_at, _state_clause_at), fix30d's toddler who swallowed a carer's drug
# (pathway/search_ingest.py: _carers_act, ingested_at; ClauseReadings._ingested_first), Search30a's child taken along
# (search_carers._taken_along, CarerReadings._ends_with_child) and hold's span (search_carers._held_span), and Search30b's
# readings (the everyday_senses readings through SenseReadings._everyday_senses_at; the rise guard for bounded readings
# in SenseReadings._everyday_senses_below; told_alone's held row in SenseReadings._named_rows_below; told_alone.affection
# in CarerReadings._told_no_harm), made for those functions only (scripts/mutmut_functions.py) in a scratch copy of the
# tree, each group run against its reading's own tests and review 30's new ones (tests/pathway/test_search_review30_mut.py;
# scripts/mutmut_narrow.py), one mutant at a time, in one process a group, niced (nice -n 15: other work comes first).
# Large functions older than stop 49 run only the mutants of the lines stop 49 wrote (`parts`: mutmut's numbers on
# main 867fed5; a change to the function moves them: read them again with scripts/mutmut_functions.py --show).
# The parts: _everyday_senses_below 141-156 (the rise guard's while), _named_rows_below 17-20 (told_below),
# _told_no_harm 35-55 (affection). PART_STEP samples them as STEP does the rest.
# Raw results: docs/figures/review30-narrow-*.txt.
# A group:     scripts/mutate_review30.sh disabled|collected|kept|ingest|along|senses
# A sample:    STEP=4 scripts/mutate_review30.sh ingest   (mutants 1, 5, 9, ... of each function; STEP=1: all)
# A start:     FIRST=2 STEP=4 ...                         (mutants 2, 6, 10, ...: the ones a first sample left)
# The body is scripts/mutmut_review.sh (shared, as for review 34's): this file says only what is review 30's.
review=review30
specs=(
  "pathway/search_disabled_care.py:_describes,carer_at,helped,offers_in_order"
  "pathway/search_subjects.py:_describes_other,SubjectReadings._disabled_child_carer_first"
  "pathway/search_text.py:said_just_before"
  "pathway/search_collected.py:not_collected_at,_subject,_at"
  "pathway/search_ingest.py:_carers_act,ingested_at"
  "pathway/search_clauses.py:ClauseReadings._not_collected_first,ClauseReadings._ingested_first,ClauseReadings._refused_carried_at,ClauseReadings._kept_from_at"
  "pathway/search_carers.py:_taken_along,_held_span,CarerReadings._ends_with_child,CarerReadings._alone_with_child,CarerReadings._teller_at,CarerReadings._state_clause_at,CarerReadings._told_no_harm"
  "pathway/search_senses.py:SenseReadings._everyday_senses_at,SenseReadings._everyday_senses_below,SenseReadings._named_rows_below"
)
all_groups=(disabled collected kept ingest along senses)
C="pathway.search_carers.xǁCarerReadingsǁ"
L="pathway.search_clauses.xǁClauseReadingsǁ"
S="pathway.search_senses.xǁSenseReadingsǁ"
U="pathway.search_subjects.xǁSubjectReadingsǁ"
new=tests/pathway/test_search_review30_mut.py
span() {  # FUNCTION FIRST LAST -> FUNCTION:i:i for the part's mutants FIRST, FIRST+PART_STEP, ... (PART_STEP default 1: whole)
  local i
  for ((i = $2; i <= $3; i += ${PART_STEP:-1})); do echo "$1:$i:$i"; done
}
group_config() {
  case $1 in
    disabled) own=(pathway.search_disabled_care.x__describes pathway.search_disabled_care.x_carer_at pathway.search_disabled_care.x_helped pathway.search_disabled_care.x_offers_in_order pathway.search_subjects.x__describes_other "${U}_disabled_child_carer_first" pathway.search_text.x_said_just_before); tests=(tests/pathway/test_search_disabled_child_carer.py tests/pathway/test_search_search15b.py "$new") ;;
    collected) own=(pathway.search_collected.x_not_collected_at pathway.search_collected.x__subject pathway.search_collected.x__at "${L}_not_collected_first"); tests=(tests/pathway/test_search_fix30c.py "$new") ;;
    kept) own=("${L}_refused_carried_at" "${L}_kept_from_at" "${C}_alone_with_child" "${C}_teller_at" "${C}_state_clause_at"); tests=(tests/pathway/test_search_fix30c.py tests/pathway/test_search_fix28a.py "$new") ;;
    ingest) own=(pathway.search_ingest.x__carers_act pathway.search_ingest.x_ingested_at "${L}_ingested_first"); tests=(tests/pathway/test_search_fix30d.py "$new") ;;
    along) own=(pathway.search_carers.x__taken_along pathway.search_carers.x__held_span "${C}_ends_with_child"); tests=(tests/pathway/test_search_fix30a.py tests/pathway/test_search_fix28a.py tests/pathway/test_search_fix19d.py "$new") ;;
    senses) own=("${S}_everyday_senses_at"); mapfile -t parts < <(span "${S}_everyday_senses_below" 141 156; span "${S}_named_rows_below" 17 20; span "${C}_told_no_harm" 35 55); tests=(tests/pathway/test_search_fix30b.py tests/pathway/test_search_fix29c.py tests/pathway/test_search_steps.py "$new") ;;
    *) return 1 ;;
  esac
}
source "$(dirname "$0")/mutmut_review.sh" "$@"
