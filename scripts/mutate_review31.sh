#!/bin/bash
# Mutation testing of stop 50's search readings (review 31, docs/safety/mutation.md "Review 31 (stop 50)"): mutmut's
# mutants of Search50's denied core (pathway/search_core.py: _denied_everywhere, _said_on, CoreReadings._undenied,
# _gone, _rests_on_denial; the lines stop 50 wrote in CoreReadings._denied_first and SubjectReadings._subject_first;
# search_denial_only._negated_inverted and its call in lacking), fix31a's blow, weapon and head (pathway/search_carers.py:
# _found_by_act_alone, _own_head; stop 50's lines of CarerReadings._everyday_hitting_first, _harm_to_child_at,
# _harm_by_adult_first, _harm_by_adult_at and _object_span; fix31a's drink-driving said by the drink is data only:
# named_rows.readings.fix29d_drunk_driving), fix31b's child handed over (pathway/search_sale.py: _handed_over; stop 50's
# lines of _sale_follows and sale_at) and fix31c's lone carer and unsaid facts (pathway/search_structures.py:
# _carer_before, _lone_carer_at, _lone_care; stop 50's lines of everyday_structures_at and
# SenseReadings._unsaid_facts_below), made for those functions only (scripts/mutmut_functions.py) in a scratch copy of
# the tree, each group run against its reading's own tests and review 31's new ones (tests/pathway/test_search_review31_mut.py;
# scripts/mutmut_narrow.py), one mutant at a time, in one process a group, niced (nice -n 15: other work comes first).
# The loaders stop 50 extended (search_sale.load, search_structures.structures, search_subjects._harm_to_child and
# _everyday_hitting: new fields read from YAML) are not mutated: the YAML checks (search_tables) and every reading's
# test read them.
# Functions older than stop 50 run only the mutants of the lines stop 50 wrote (`parts`: mutmut's numbers on main
# ca5d114; a change to the function moves them: read them again with scripts/mutmut_functions.py --show).
# The parts (the mutants whose removed line is one stop 50 added, `git diff 867fed5 ca5d114`): _denied_first 6-11,
# 13-17, 34-43; _subject_first 251-314; lacking 1-12 (its one line); _everyday_hitting_first 3-5, 16-41, 49-57;
# _harm_to_child_at 80-108; _harm_by_adult_first 3-5, 13-17, 21-29, 41-64; _harm_by_adult_at 168-193; _object_span
# 114-117, 119-159; _sale_follows 1-6; sale_at 5-11, 21-39, 50-71; everyday_structures_at 210-215;
# _unsaid_facts_below 74-80, 92-99 (364 mutants).
# PART_STEP samples them as STEP does the rest.
# Raw results: docs/figures/review31-narrow-*.txt.
# A group:     scripts/mutate_review31.sh denied|harm|sale|lone
# A sample:    STEP=4 scripts/mutate_review31.sh sale   (mutants 1, 5, 9, ... of each function; STEP=1: all)
# A start:     FIRST=2 STEP=4 ...                       (mutants 2, 6, 10, ...: the ones a first sample left)
# The body is scripts/mutmut_review.sh (shared, as for review 34's): this file says only what is review 31's.
review=review31
specs=(
  "pathway/search_core.py:_denied_everywhere,_said_on,CoreReadings._undenied,CoreReadings._gone,CoreReadings._rests_on_denial,CoreReadings._denied_first"
  "pathway/search_subjects.py:SubjectReadings._subject_first"
  "pathway/search_denial_only.py:_negated_inverted,lacking"
  "pathway/search_carers.py:_found_by_act_alone,_own_head,_object_span,CarerReadings._everyday_hitting_first,CarerReadings._harm_to_child_at,CarerReadings._harm_by_adult_first,CarerReadings._harm_by_adult_at"
  "pathway/search_sale.py:_handed_over,_sale_follows,sale_at"
  "pathway/search_structures.py:_carer_before,_lone_carer_at,_lone_care,everyday_structures_at"
  "pathway/search_senses.py:SenseReadings._unsaid_facts_below"
)
all_groups=(denied harm sale lone)
C="pathway.search_carers.xǁCarerReadingsǁ"
O="pathway.search_core.xǁCoreReadingsǁ"
S="pathway.search_senses.xǁSenseReadingsǁ"
U="pathway.search_subjects.xǁSubjectReadingsǁ"
new=tests/pathway/test_search_review31_mut.py
group_config() {
  case $1 in
    denied) own=(pathway.search_core.x__denied_everywhere pathway.search_core.x__said_on "${O}_undenied" "${O}_gone" "${O}_rests_on_denial" pathway.search_denial_only.x__negated_inverted); mapfile -t parts < <(pick "${O}_denied_first" $(seq_ 6 11) $(seq_ 13 17) $(seq_ 34 43); pick "${U}_subject_first" $(seq_ 251 314); pick pathway.search_denial_only.x_lacking $(seq_ 1 12)); tests=(tests/pathway/test_search_lead50.py tests/pathway/test_search_denial26.py tests/pathway/test_search_denial_only.py "$new") ;;
    harm) own=(pathway.search_carers.x__found_by_act_alone pathway.search_carers.x__own_head); mapfile -t parts < <(pick "${C}_everyday_hitting_first" $(seq_ 3 5) $(seq_ 16 41) $(seq_ 49 57); pick "${C}_harm_to_child_at" $(seq_ 80 108); pick "${C}_harm_by_adult_first" $(seq_ 3 5) $(seq_ 13 17) $(seq_ 21 29) $(seq_ 41 64); pick "${C}_harm_by_adult_at" $(seq_ 168 193); pick pathway.search_carers.x__object_span $(seq_ 114 117) $(seq_ 119 159)); tests=(tests/pathway/test_search_fix31a.py tests/pathway/test_search_review29_mut.py "$new") ;;
    sale) own=(pathway.search_sale.x__handed_over); mapfile -t parts < <(pick pathway.search_sale.x__sale_follows $(seq_ 1 6); pick pathway.search_sale.x_sale_at $(seq_ 5 11) $(seq_ 21 39) $(seq_ 50 71)); tests=(tests/pathway/test_search_fix31b.py tests/pathway/test_search_fix29a.py "$new") ;;
    lone) own=(pathway.search_structures.x__carer_before pathway.search_structures.x__lone_carer_at pathway.search_structures.x__lone_care); mapfile -t parts < <(pick pathway.search_structures.x_everyday_structures_at $(seq_ 210 215); pick "${S}_unsaid_facts_below" $(seq_ 74 80) $(seq_ 92 99)); tests=(tests/pathway/test_search_fix31c.py "$new") ;;
    *) return 1 ;;
  esac
}
source "$(dirname "$0")/mutmut_review.sh" "$@"
