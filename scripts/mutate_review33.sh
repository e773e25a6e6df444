#!/bin/bash
# Mutation testing of stop 52's search readings (review 33, docs/safety/mutation.md "Review 33 (stop 52)"): mutmut's
# mutants of Search52's drug use in slang (pathway/search_senses.py: SenseReadings._high_at, _state_subject), fix33a's
# child minded by a young sibling and lone carer (pathway/search_clauses.py: ClauseReadings._young_minder_first,
# _found_leads; pathway/search_structures.py: _lone_subject, _lone_with_at and the lines stop 52 wrote in
# _lone_carer_at and _lone_care), fix33b's whose words (pathway/search_subjects.py: SubjectReadings._telling_service_at;
# pathway/search_carers.py: CarerReadings._pregnancy_apart_first, _pregnancy_aged_apart, _age_beside; pathway/search.py:
# the lines stop 52 wrote in SearchIndex._rest_below, `lead_for_first`), fix33c's harm said of an adult or a thing
# (pathway/search_carers.py: CarerReadings._act_on_no_child_below, _act_on_no_child_at, _violent_to_carer_first,
# _violent_to_carer_said, _clause_doer and the lines stop 52 wrote in _carer_threat_first and _own_head;
# pathway/search_sale.py: the lines stop 52 wrote in _person_end), fix33d's concern denied (pathway/search_core.py:
# CoreReadings._no_concern_words, _denied_in_sight, _may_come_in) and fix34a's child's own words
# (pathway/search_carers.py: _child_speaks, CarerReadings._tempered_carer), made for those functions only
# (scripts/mutmut_functions.py) in a scratch copy of the tree, each group run against its reading's own tests and review
# 33's new ones (tests/pathway/test_search_review33_mut.py; scripts/mutmut_narrow.py), one mutant at a time, in one
# process a group, niced (nice -n 15: other work comes first). fix34b (Search52b) is data only (nothing to mutate); its
# tests run in the `lone` group (the home-alone rows).
# Functions older than stop 52 run only the mutants of the lines stop 52 wrote (`parts`: mutmut's numbers on main
# a43bc16; a change to the function moves them: read them again with scripts/mutmut_functions.py --show).
# The parts (the mutants whose removed line is one stop 52 added, `git diff 049c7c6 a43bc16`, lines an older one had
# taken out): _lone_carer_at 11-12, 41-49, 58-67; _lone_care 43-61; _rest_below 2, 57-67; _carer_threat_first 43-53,
# 74-83; _own_head 4-18; _person_end 45-63 (107 mutants). PART_STEP samples them as STEP does the rest.
# Raw results: docs/figures/review33-narrow-*.txt.
# A group:     scripts/mutate_review33.sh senses|lone|whose|harm|denied|child
# A sample:    STEP=4 scripts/mutate_review33.sh child   (mutants 1, 5, 9, ... of each function; STEP=1: all)
# A start:     FIRST=2 STEP=4 ...                       (mutants 2, 6, 10, ...: the ones a first sample left)
# The body is scripts/mutmut_review.sh (shared, as for review 34's): this file says only what is review 33's.
review=review33
specs=(
  "pathway/search_senses.py:SenseReadings._high_at,SenseReadings._state_subject"
  "pathway/search_clauses.py:ClauseReadings._young_minder_first,ClauseReadings._found_leads"
  "pathway/search_structures.py:_lone_subject,_lone_carer_at,_lone_with_at,_lone_care"
  "pathway/search.py:SearchIndex._rest_below"
  "pathway/search_subjects.py:SubjectReadings._telling_service_at"
  "pathway/search_carers.py:CarerReadings._age_beside,CarerReadings._pregnancy_aged_apart,CarerReadings._pregnancy_apart_first,CarerReadings._act_on_no_child_below,CarerReadings._act_on_no_child_at,CarerReadings._violent_to_carer_first,CarerReadings._violent_to_carer_said,CarerReadings._carer_threat_first,CarerReadings._tempered_carer,_own_head,_child_speaks,_clause_doer"
  "pathway/search_sale.py:_person_end"
  "pathway/search_core.py:CoreReadings._no_concern_words,CoreReadings._denied_in_sight,CoreReadings._may_come_in"
)
all_groups=(senses lone whose harm denied child)
N="pathway.search_senses.xǁSenseReadingsǁ"
L="pathway.search_clauses.xǁClauseReadingsǁ"
C="pathway.search_carers.xǁCarerReadingsǁ"
D="pathway.search_core.xǁCoreReadingsǁ"
new=tests/pathway/test_search_review33_mut.py
group_config() {
  case $1 in
    senses) own=("${N}_high_at" "${N}_state_subject"); tests=(tests/pathway/test_search_lead52.py tests/pathway/test_search_fix32a.py tests/pathway/test_search_steps.py "$new") ;;
    lone) own=("${L}_young_minder_first" "${L}_found_leads" pathway.search_structures.x__lone_subject pathway.search_structures.x__lone_with_at); mapfile -t parts < <(pick pathway.search_structures.x__lone_carer_at 11 12 $(seq_ 41 49) $(seq_ 58 67); pick pathway.search_structures.x__lone_care $(seq_ 43 61)); tests=(tests/pathway/test_search_fix33a.py tests/pathway/test_search_fix34b.py tests/pathway/test_search_steps.py "$new") ;;
    whose) own=("pathway.search_subjects.xǁSubjectReadingsǁ_telling_service_at" "${C}_pregnancy_apart_first" "${C}_pregnancy_aged_apart" "${C}_age_beside"); mapfile -t parts < <(pick "pathway.search.xǁSearchIndexǁ_rest_below" 2 $(seq_ 57 67)); tests=(tests/pathway/test_search_fix33b.py "$new") ;;
    harm) own=("${C}_act_on_no_child_below" "${C}_act_on_no_child_at" "${C}_violent_to_carer_first" "${C}_violent_to_carer_said" pathway.search_carers.x__clause_doer); mapfile -t parts < <(pick "${C}_carer_threat_first" $(seq_ 43 53) $(seq_ 74 83); pick pathway.search_carers.x__own_head $(seq_ 4 18); pick pathway.search_sale.x__person_end $(seq_ 45 63)); tests=(tests/pathway/test_search_fix33c.py "$new") ;;
    denied) own=("${D}_no_concern_words" "${D}_denied_in_sight" "${D}_may_come_in"); tests=(tests/pathway/test_search_fix33d.py "$new") ;;
    child) own=(pathway.search_carers.x__child_speaks "${C}_tempered_carer"); tests=(tests/pathway/test_search_fix34a.py "$new") ;;
    *) return 1 ;;
  esac
}
source "$(dirname "$0")/mutmut_review.sh" "$@"
