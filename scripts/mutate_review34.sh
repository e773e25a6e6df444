#!/bin/bash
# Mutation testing of stop 53's search readings (review 34, docs/safety/mutation.md "Review 34 (stop 53)"): mutmut's
# mutants of fix35a's strength beside a concern (pathway/search_clauses.py: ClauseReadings._contrast_concern_first,
# _contrast_joined; pathway/search_denial_only.py: _denying_subject_over, praise_lead and the lines stop 53 wrote in
# lacking_lead), fix35c's young child alone at home (search_clauses: ClauseReadings._child_alone_at and the line stop 53
# wrote in _young_minder_first; pathway/search_minded.py: _ages_said, _young, _carer_away, _alone_here, alone_at),
# fix35d's carer's act on the other carer (pathway/search_carers.py: CarerReadings._violent_to_carer_first,
# _act_on_carer_in_sight, _act_on_carer_at) and its age pointer (rules/guidance.py: the lines stop 53 wrote in define:
# ring_words' `words`, pointer_now; the rule age_pointer itself, a decorated function inside define, mutmut does not
# mutate), fix36b's temper with the drink (search_carers: CarerReadings._tempered_violence_first, _rung_into_sight and
# the lines stop 53 wrote in _tempered_carer (`ends`, `temper_and`), _act_on_no_child_below (`temper`) and
# _carer_substance_first), fix36a's `named_rows.unless` (pathway/search_senses.py: its line in
# SenseReadings._named_readings) and Search53's denial plain words built once (pathway/search_core.py:
# CoreReadings._no_concern_words and the line in _rests_on_denial; the three words' sets are built in
# SearchIndex.__init__, not mutated: every mutant there would build an index). fix35b (the sexual row's core,
# everyday senses) is data only: its neighbours are probed in tests/pathway/test_search_review34_mut.py.
# Each group runs against its reading's own tests and review 34's new ones (tests/pathway/test_search_review34_mut.py),
# one mutant at a time, in one process a group (the pointer's: one a mutant, define builds the rules), niced; the body
# is scripts/mutmut_review.sh (shared, so this file says only what is review 34's).
# The parts (mutmut's numbers on main 22dcacb, the mutants whose removed line is one `git diff a43bc16 22dcacb` adds;
# a change to the function moves them: read them again with scripts/mutmut_functions.py --show): lacking_lead 34,
# 51-62; _young_minder_first 3-20; _tempered_carer 15-50, 71; _act_on_no_child_below 88-114; _carer_substance_first
# 35-36, 104-109; _named_readings 21-25; _rests_on_denial 1-4; define 177-184.
# Raw results: docs/figures/review34-narrow-*.txt.
# A group:     scripts/mutate_review34.sh contrast|alone|act|pointer|temper|unless|denial
# A sample:    STEP=4 PART_STEP=2 scripts/mutate_review34.sh alone   (mutants 1, 5, 9, ... of each function; STEP=1: all)
# A start:     FIRST=2 STEP=4 ...                                    (mutants 2, 6, 10, ...: the ones a first sample left)
review=review34
specs=(
  "pathway/search_clauses.py:ClauseReadings._contrast_concern_first,ClauseReadings._contrast_joined,ClauseReadings._young_minder_first,ClauseReadings._child_alone_at"
  "pathway/search_denial_only.py:_denying_subject_over,lacking_lead,praise_lead"
  "pathway/search_minded.py:_ages_said,_young,_carer_away,_alone_here,alone_at"
  "pathway/search_carers.py:CarerReadings._violent_to_carer_first,CarerReadings._act_on_carer_in_sight,CarerReadings._act_on_carer_at,CarerReadings._act_on_no_child_below,CarerReadings._carer_substance_first,CarerReadings._tempered_violence_first,CarerReadings._rung_into_sight,CarerReadings._tempered_carer"
  "pathway/search_senses.py:SenseReadings._named_readings"
  "pathway/search_core.py:CoreReadings._rests_on_denial,CoreReadings._no_concern_words"
  "rules/guidance.py:define"
)
all_groups=(contrast alone act pointer temper unless denial)
L="pathway.search_clauses.xǁClauseReadingsǁ"
C="pathway.search_carers.xǁCarerReadingsǁ"
M=pathway.search_minded.x_
new=tests/pathway/test_search_review34_mut.py
group_config() {
  case $1 in
    contrast) own=("${L}_contrast_concern_first" "${L}_contrast_joined" pathway.search_denial_only.x__denying_subject_over pathway.search_denial_only.x_praise_lead); mapfile -t parts < <(pick pathway.search_denial_only.x_lacking_lead 34 $(seq_ 51 62)); tests=(tests/pathway/test_search_fix35a.py tests/pathway/test_search_steps.py tests/pathway/test_search_review33_mut.py "$new") ;;
    alone) own=("${L}_child_alone_at" "${M}_ages_said" "${M}_young" "${M}_carer_away" "${M}_alone_here" "${M}alone_at"); mapfile -t parts < <(pick "${L}_young_minder_first" $(seq_ 3 20)); tests=(tests/pathway/test_search_fix35c.py tests/pathway/test_search_steps.py tests/pathway/test_search_review33_mut.py "$new") ;;
    act) own=("${C}_violent_to_carer_first" "${C}_act_on_carer_in_sight" "${C}_act_on_carer_at"); tests=(tests/pathway/test_search_fix35d.py tests/pathway/test_search_steps.py tests/pathway/test_search_review33_mut.py "$new") ;;
    pointer) mapfile -t loader_parts < <(pick rules.guidance.x_define $(seq_ 177 184)); tests=(tests/rules/test_fix35d_substance_pointer.py) ;;
    temper) own=("${C}_tempered_violence_first" "${C}_rung_into_sight"); mapfile -t parts < <(pick "${C}_tempered_carer" $(seq_ 15 50) 71; pick "${C}_act_on_no_child_below" $(seq_ 88 114); pick "${C}_carer_substance_first" 35 36 $(seq_ 104 109)); tests=(tests/pathway/test_search_fix36b.py tests/pathway/test_search_review33_mut.py "$new") ;;
    unless) mapfile -t parts < <(pick "pathway.search_senses.xǁSenseReadingsǁ_named_readings" $(seq_ 21 25)); tests=(tests/pathway/test_search_fix36a.py "$new") ;;
    denial) own=("pathway.search_core.xǁCoreReadingsǁ_no_concern_words"); mapfile -t parts < <(pick "pathway.search_core.xǁCoreReadingsǁ_rests_on_denial" $(seq_ 1 4)); tests=(tests/pathway/test_search_fix33d.py "$new") ;;
    *) return 1 ;;
  esac
}
source "$(dirname "$0")/mutmut_review.sh" "$@"
