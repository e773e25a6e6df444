#!/bin/bash
# Mutation testing of stop 48's search readings (review 29, docs/safety/mutation.md "Review 29 (stop 48)"): mutmut's
# mutants of the S1 moves (search_call._back_in_sight, CoreReadings._placed_in_sight, SearchIndex._calm_first's and
# CarerReadings._harm_by_adult_first's "first three all p9" guards), Search29r's handover (search_structures._handover_at),
# Search29a's child sold (pathway/search_sale.py: sale_at, _sale_follows, _person_end, _of_a_thing, _price;
# search_structures._gift_at; ClauseReadings._sold_child_first), its blow said as drink (said_as_meant.struck: the loader
# search_senses._struck and SenseReadings._struck_at) and its ages glued to their unit (search_text.ages_glued,
# ages_unglued, _y_o), mut29's probes mended in Search29r (search_carers._object_span's out_carried/out_not_carried and
# `rival` in CarerReadings._harm_by_adult_at), Search29d's named_rows.apart (SenseReadings._named_together) and
# Search29b's unsaid_facts readings (the loader search_senses._unsaid_facts, holds_p9 and offers_after_said read in
# SenseReadings._unsaid_facts_below), made for those functions only (scripts/mutmut_functions.py) in a scratch copy of
# the tree, each group run against its reading's own tests and review 29's new ones
# (tests/pathway/test_search_review29_mut.py; scripts/mutmut_narrow.py), one mutant at a time, in one process a group,
# niced (nice -n 15: other work on the machine comes first). Large functions older than stop 48 run, whole and
# unsampled, only the mutants of the lines stop 48 wrote (`parts`: mutmut's numbers on main 104703f; a change to the
# function moves them: read them again with scripts/mutmut_functions.py --show). The loaders (_struck, _unsaid_facts:
# called once, when the index is built, and the index is kept for the process) run each mutant in a process of its own.
# The parts (stop 48's lines of older functions, mutmut's numbers on main 104703f): _harm_by_adult_first 54-81 (the
# "first three all p9" guard and the _placed_in_sight call), _object_span 22-56 (out_carried, out_not_carried),
# _harm_by_adult_at 22-39 (`rival`: the doer's own word), _unsaid_facts_below 19-26 (the glued age), 69-77 (holds_p9),
# 85-92 (offers_after_said); PART_STEP=3 samples them as STEP does the rest. _calm_first is small: all of it.
# Raw results: docs/figures/review29-narrow-*.txt.
# A group:     scripts/mutate_review29.sh sight|handover|sale|struck|ages|lash|named|unsaid
# A sample:    STEP=5 scripts/mutate_review29.sh sale   (mutants 1, 6, 11, ... of each function; STEP=1: all)
# A start:     FIRST=2 STEP=5 ...                       (mutants 2, 7, 12, ...: the ones a first sample left)
# The body is scripts/mutmut_review.sh (shared, as for review 34's): this file says only what is review 29's.
review=review29
specs=(
  "pathway/search_call.py:_back_in_sight"
  "pathway/search_core.py:CoreReadings._placed_in_sight"
  "pathway/search.py:SearchIndex._calm_first"
  "pathway/search_carers.py:_object_span,CarerReadings._harm_by_adult_at,CarerReadings._harm_by_adult_first"
  "pathway/search_structures.py:_handover_at,_gift_at"
  "pathway/search_sale.py:sale_at,_sale_follows,_person_end,_of_a_thing,_price"
  "pathway/search_clauses.py:ClauseReadings._sold_child_first"
  "pathway/search_senses.py:_struck,_unsaid_facts,SenseReadings._struck_at,SenseReadings._named_together,SenseReadings._unsaid_facts_below"
  "pathway/search_text.py:ages_glued,ages_unglued,_y_o"
)
all_groups=(sight handover sale struck ages lash named unsaid)
I="pathway.search.xǁSearchIndexǁ"
K="pathway.search_core.xǁCoreReadingsǁ"
C="pathway.search_carers.xǁCarerReadingsǁ"
L="pathway.search_clauses.xǁClauseReadingsǁ"
S="pathway.search_senses.xǁSenseReadingsǁ"
new=tests/pathway/test_search_review29_mut.py
span() {  # FUNCTION FIRST LAST -> FUNCTION:i:i for the part's mutants FIRST, FIRST+PART_STEP, ... (PART_STEP default 1: whole)
  local i
  for ((i = $2; i <= $3; i += ${PART_STEP:-1})); do echo "$1:$i:$i"; done
}
group_config() {
  case $1 in
    sight) own=(pathway.search_call.x__back_in_sight "${K}_placed_in_sight" "${I}_calm_first"); mapfile -t parts < <(span "${C}_harm_by_adult_first" 54 81); tests=(tests/pathway/test_search_back_in_sight.py tests/pathway/test_search_s1_combined.py "$new") ;;
    handover) own=(pathway.search_structures.x__handover_at); tests=(tests/pathway/test_search_handover.py "$new") ;;
    sale) own=(pathway.search_sale.x_sale_at pathway.search_sale.x__sale_follows pathway.search_sale.x__person_end pathway.search_sale.x__of_a_thing pathway.search_sale.x__price pathway.search_structures.x__gift_at "${L}_sold_child_first"); tests=(tests/pathway/test_search_fix29a.py "$new") ;;
    struck) own=("${S}_struck_at") loaders=(pathway.search_senses.x__struck); tests=(tests/pathway/test_search_fix29a.py "$new") ;;
    ages) own=(pathway.search_text.x_ages_glued pathway.search_text.x_ages_unglued pathway.search_text.x__y_o); tests=(tests/pathway/test_search_fix29a.py tests/pathway/test_search_fix27b.py "$new") ;;
    lash) mapfile -t parts < <(span pathway.search_carers.x__object_span 22 56; span "${C}_harm_by_adult_at" 22 39); tests=(tests/pathway/test_search_lash48.py tests/pathway/test_search_review28_mut.py tests/pathway/test_search_review28_neck.py tests/pathway/test_search_fix27c.py "$new") ;;
    named) own=("${S}_named_together"); tests=(tests/pathway/test_search_fix29d.py "$new") ;;
    unsaid) mapfile -t parts < <(span "${S}_unsaid_facts_below" 19 26; span "${S}_unsaid_facts_below" 69 77; span "${S}_unsaid_facts_below" 85 92); loaders=(pathway.search_senses.x__unsaid_facts); tests=(tests/pathway/test_search_fix29b.py tests/pathway/test_search_fix27b.py "$new") ;;
    *) return 1 ;;
  esac
}
source "$(dirname "$0")/mutmut_review.sh" "$@"
