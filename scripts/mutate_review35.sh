#!/bin/bash
# Mutation testing of stop 54's search readings (review 35, docs/safety/mutation.md "Review 35 (stop 54)"): mutmut's
# mutants of fix37c's calm call kept from a p9 / p15-17 lead (pathway/search_core.py: CoreReadings._calm_kept_first,
# _concern_word_matched, _pregnancy_rows, _above_additional; _calm_bar has none), fix37d's adult alone with the children
# and a carer's bedtime (pathway/search_structures.py: _lone_subject, _sibling_owns, _lone_with_animal, _with_whom,
# _past_auxiliaries, _lone_with_at, _leaver_before, _carer_bedtime and the lines stop 54 wrote in _lone_care and
# everyday_structures_at) and a sister's pregnancy (pathway/search_carers.py: the lines in
# CarerReadings._pregnancy_apart_first), fix37b's act with the child's fault as its reason (search_carers: _fault_after,
# _fault_given, _child_speaks and the lines in _object_span and CarerReadings._harm_by_adult_at) and a carer's slang for
# drink or drugs (pathway/search_senses.py: _before_been, SenseReadings._state_carer and the lines in _high_at,
# _in_a_state, _state_subject), the merge's mends (search_senses: the lines in _unsaid_facts_below (c.hidden) and
# _turned_facts_below (c.turned_out); search_carers: _pregnant_banded_first (c.unsighted); pathway/search_subjects.py:
# SubjectReadings._subject_first (c.not_to_lead); pathway/search.py: SearchIndex._ordinary_call_below; the clause check
# moved in pathway/search_clauses.py: ClauseReadings._contrast_concern_first), and the loaders' and checks' new lines
# (search_senses._high's `strict`, search_subjects._harm_to_child's fault_* keys: each mutant in a process of its own,
# the index built; pathway/search_tables.py: check_harm_to_child, check_said_as_meant, read when an index is built
# from the synonyms, run against fix37b's check tests in one process). fix37a, fix38a and fix38b are data only: their
# neighbours are probed in tests/pathway/test_search_review35_mut.py.
# Each group runs against its reading's own tests and review 35's new ones (tests/pathway/test_search_review35_mut.py),
# one mutant at a time, niced; the body is scripts/mutmut_review.sh (shared, so this file says only what is review 35's).
# The parts (mutmut's numbers on main de3c9cec, the mutants whose removed line is one `git diff 22dcacb de3c9cec` adds;
# a change to the function moves them: read them again with scripts/mutmut_functions.py --show): _lone_care 5-9, 63-80,
# 103-138; everyday_structures_at 124-127, 170-173, 217-221, 237-249, 260-272; _object_span 101-117, 119-160, 177-180,
# 186-193; _harm_by_adult_at 196-230; _pregnant_banded_first 85-87; _high_at 1, 6-16, 26-35; _in_a_state 1-19;
# _state_subject 1, 2, 7-19, 23-25; _unsaid_facts_below 69-75; _turned_facts_below 67-69; _subject_first 247-248;
# _ordinary_call_below 14-16, 80-117, 132-138; _contrast_concern_first 68, 81-85; _high 7, 13, 38-41; _harm_to_child
# 287-302; check_harm_to_child 5, 6, 15, 16, 32-35, 108-113; check_said_as_meant 2, 9, 10, 80-94, 171-187;
# _pregnancy_apart_first 9-20, 37-64.
# Raw results: docs/figures/review35-narrow-*.txt.
# A group:     scripts/mutate_review35.sh calm|lone|fault|high|merge|loaders|checks
# A sample:    STEP=8 PART_STEP=8 scripts/mutate_review35.sh lone   (mutants 1, 9, 17, ... of each function; STEP=1: all)
# A start:     FIRST=2 STEP=8 ...                                  (mutants 2, 10, 18, ...: the ones a first sample left)
review=review35
specs=(
  "pathway/search_core.py:CoreReadings._calm_kept_first,CoreReadings._concern_word_matched,CoreReadings._calm_bar,CoreReadings._above_additional,CoreReadings._pregnancy_rows"
  "pathway/search_structures.py:_lone_care,_lone_subject,_lone_with_animal,_lone_with_at,_sibling_owns,_carer_bedtime,_with_whom,_leaver_before,_past_auxiliaries,everyday_structures_at"
  "pathway/search_carers.py:_fault_after,_fault_given,_child_speaks,_object_span,CarerReadings._harm_by_adult_at,CarerReadings._pregnant_banded_first,CarerReadings._pregnancy_apart_first"
  "pathway/search_senses.py:_before_been,_high,SenseReadings._state_carer,SenseReadings._high_at,SenseReadings._in_a_state,SenseReadings._state_subject,SenseReadings._unsaid_facts_below,SenseReadings._turned_facts_below"
  "pathway/search_subjects.py:_harm_to_child,SubjectReadings._subject_first"
  "pathway/search_tables.py:check_harm_to_child,check_said_as_meant"
  "pathway/search.py:SearchIndex._ordinary_call_below"
  "pathway/search_clauses.py:ClauseReadings._contrast_concern_first"
)
all_groups=(calm lone fault high merge loaders checks)
K="pathway.search_core.xǁCoreReadingsǁ"
S=pathway.search_structures.x_
C="pathway.search_carers.xǁCarerReadingsǁ"
N="pathway.search_senses.xǁSenseReadingsǁ"
new=tests/pathway/test_search_review35_mut.py
PREGNANCY_APART=($(seq 9 20) $(seq 37 64))  # _pregnancy_apart_first's parts
group_config() {
  case $1 in
    calm) own=("${K}_calm_kept_first" "${K}_concern_word_matched" "${K}_pregnancy_rows" "${K}_above_additional"); tests=(tests/pathway/test_search_fix37c.py tests/pathway/test_search_steps.py tests/pathway/test_search_lead54.py "$new") ;;
    lone) own=("${S}_lone_subject" "${S}_sibling_owns" "${S}_lone_with_animal" "${S}_with_whom" "${S}_past_auxiliaries" "${S}_lone_with_at" "${S}_leaver_before" "${S}_carer_bedtime"); mapfile -t parts < <(pick "${S}_lone_care" $(seq_ 5 9) $(seq_ 63 80) $(seq_ 103 138); pick "${S}everyday_structures_at" $(seq_ 124 127) $(seq_ 170 173) $(seq_ 217 221) $(seq_ 237 249) $(seq_ 260 272); pick "${C}_pregnancy_apart_first" "${PREGNANCY_APART[@]}"); tests=(tests/pathway/test_search_fix37d.py tests/pathway/test_search_review33_mut.py "$new") ;;
    fault) own=(pathway.search_carers.x__fault_after pathway.search_carers.x__fault_given pathway.search_carers.x__child_speaks); mapfile -t parts < <(pick pathway.search_carers.x__object_span $(seq_ 101 117) $(seq_ 119 160) $(seq_ 177 180) $(seq_ 186 193); pick "${C}_harm_by_adult_at" $(seq_ 196 230)); tests=(tests/pathway/test_search_fix37b.py tests/pathway/test_search_review33_mut.py "$new") ;;
    high) own=(pathway.search_senses.x__before_been "${N}_state_carer"); mapfile -t parts < <(pick "${N}_high_at" 1 $(seq_ 6 16) $(seq_ 26 35); pick "${N}_in_a_state" $(seq_ 1 19); pick "${N}_state_subject" 1 2 $(seq_ 7 19) $(seq_ 23 25)); tests=(tests/pathway/test_search_fix37b.py "$new") ;;
    merge) mapfile -t parts < <(pick "${N}_unsaid_facts_below" $(seq_ 69 75); pick "${N}_turned_facts_below" 67 68 69; pick "${C}_pregnant_banded_first" 85 86 87; pick "pathway.search_subjects.xǁSubjectReadingsǁ_subject_first" 247 248; pick "pathway.search.xǁSearchIndexǁ_ordinary_call_below" 14 15 16 $(seq_ 80 117) $(seq_ 132 138); pick "pathway.search_clauses.xǁClauseReadingsǁ_contrast_concern_first" 68 $(seq_ 81 85)); tests=(tests/pathway/test_search_lead54.py tests/pathway/test_search_steps.py tests/pathway/test_search_fix37a.py tests/pathway/test_search_fix37d.py tests/pathway/test_search_clauses.py "$new") ;;
    loaders) mapfile -t loader_parts < <(pick pathway.search_senses.x__high 7 13 $(seq_ 38 41); pick pathway.search_subjects.x__harm_to_child $(seq_ 287 302)); tests=(tests/pathway/test_search_fix37b.py) ;;
    checks) mapfile -t parts < <(pick pathway.search_tables.x_check_harm_to_child 5 6 15 16 $(seq_ 32 35) $(seq_ 108 113); pick pathway.search_tables.x_check_said_as_meant 2 9 10 $(seq_ 80 94) $(seq_ 171 187)); tests=(tests/pathway/test_search_fix37b.py::test_the_new_lists_are_checked) ;;
    *) return 1 ;;
  esac
}
source "$(dirname "$0")/mutmut_review.sh" "$@"
