#!/bin/bash
# Mutation testing of stop 47's search readings (review 28, docs/safety/mutation.md): mutmut's mutants of Search28d's
# grip on the neck and Search28e's lashing out at the child (CarerReadings._harm_to_child_at and _harm_by_adult_at, the
# two readings that read harm_to_child.neck_acts and out_acts, and search_carers._object_span, the object after
# 'out at'), Search28a's threat with a child taken (CarerReadings._takes_child_with_first) and its secret an adult told
# the child to keep (_told_secret_first, _secret_said), Search28b's pregnancy in other words (_child_years,
# _pregnant_banded_first), care withheld and a parent's personal care (ClauseReadings._care_withheld_first,
# _personal_care_first, pathway/search_clauses.py; the loader search_senses._care_withheld) and Search28c's objects
# and persons (SenseReadings._own_objects_at, _on_persons), made for those functions only (scripts/mutmut_functions.py)
# in a scratch copy of the tree, each group run against its reading's own tests and review 28's new ones
# (tests/pathway/test_search_review28_mut.py; scripts/mutmut_narrow.py), one mutant at a time, in one process a group,
# niced (nice -n 15: other work on the machine comes first). The two harm readings are large and older than stop 47:
# their group runs, whole and unsampled, only the mutants of the parts stop 47 added or changed (the object span read
# through _object_span, the neck's owner 'his'), mutmut's numbers on main d8799f5 (`--show` a number to see it; a
# change to either function moves them: read the diffs again, scripts/mutmut_functions.py --show). The loader _care_withheld's mutants (called once, when the
# index is built, and the index is kept for the process) each in a process of its own.
# Raw results: docs/figures/review28-narrow-*.txt.
# A group:     scripts/mutate_review28.sh harm|lash|withchild|secret|pregnant|care|objects
# A sample:    STEP=5 scripts/mutate_review28.sh harm   (mutants 1, 6, 11, ... of each function; STEP=1: all)
# A start:     FIRST=2 STEP=5 ...                       (mutants 2, 7, 12, ...: the ones a first sample left)
# The body is scripts/mutmut_review.sh (shared, as for review 34's): this file says only what is review 28's.
review=review28
specs=(
  "pathway/search_carers.py:_object_span,CarerReadings._harm_to_child_at,CarerReadings._harm_by_adult_at,CarerReadings._takes_child_with_first,CarerReadings._told_secret_first,CarerReadings._secret_said,CarerReadings._child_years,CarerReadings._pregnant_banded_first"
  "pathway/search_clauses.py:ClauseReadings._care_withheld_first,ClauseReadings._personal_care_first"
  "pathway/search_senses.py:_care_withheld,SenseReadings._own_objects_at,SenseReadings._on_persons"
)
all_groups=(harm lash withchild secret pregnant care objects)
C="pathway.search_carers.xǁCarerReadingsǁ"
L="pathway.search_clauses.xǁClauseReadingsǁ"
S="pathway.search_senses.xǁSenseReadingsǁ"
new=tests/pathway/test_search_review28_mut.py
group_config() {
  case $1 in
    harm) parts=("${C}_harm_to_child_at:17:28" "${C}_harm_to_child_at:80:88" "${C}_harm_by_adult_at:39:57" "${C}_harm_by_adult_at:160:168"); tests=(tests/pathway/test_search_review28_neck.py tests/pathway/test_search_lash48.py tests/pathway/test_search_fix27c.py "$new") ;;
    lash) own=(pathway.search_carers.x__object_span); tests=(tests/pathway/test_search_review28_neck.py tests/pathway/test_search_lash48.py tests/pathway/test_search_fix27c.py "$new") ;;
    withchild) own=("${C}_takes_child_with_first"); tests=(tests/pathway/test_search_fix28a.py "$new") ;;
    secret) own=("${C}_told_secret_first" "${C}_secret_said"); tests=(tests/pathway/test_search_fix28a.py "$new") ;;
    pregnant) own=("${C}_child_years" "${C}_pregnant_banded_first"); tests=(tests/pathway/test_search_fix28b.py "$new") ;;
    care) own=("${L}_care_withheld_first" "${L}_personal_care_first") loaders=(pathway.search_senses.x__care_withheld); tests=(tests/pathway/test_search_fix28b.py "$new") ;;
    objects) own=("${S}_own_objects_at" "${S}_on_persons"); tests=(tests/pathway/test_search_fix28c.py tests/pathway/test_search_fix27b.py "$new") ;;
    *) return 1 ;;
  esac
}
source "$(dirname "$0")/mutmut_review.sh" "$@"
