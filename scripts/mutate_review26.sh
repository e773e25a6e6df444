#!/bin/bash
# Mutation testing of stops 44-46's search readings (review 26, docs/safety/mutation.md): mutmut's mutants of
# Search26a's paired denials (search_denials.paired_denials; search_denial_only.lacking and lacking_lead), fix27c's
# F4 'not just X' (search_denials.affirmed), F1 an ability denied (search_when._ability_denied), F2 and F3 a carer's
# act told (CarerReadings._everyday_hitting_again, _told_no_harm, _told_persons and search_carers._past_whom_told,
# pathway/search_carers.py; SearchIndex's mixin), fix27b's gift (search_structures._gift_at) and fix27a's ages and
# nobody to mind the child (search_senses._age_said_read, _lacking_said), made for those functions only
# (scripts/mutmut_functions.py) in a scratch copy of the tree, each group run against its reading's own tests and
# review 26's new ones (tests/pathway/test_search_review26_mut.py; scripts/mutmut_narrow.py), one mutant at a time,
# in one process a group, niced (nice -n 15: other work on the machine comes first). The loader _age_said_read's
# mutants (called once, when the index is built, and the index is kept for the process) each in a process of its own.
# Raw results: docs/figures/review26-narrow-*.txt.
# A group:     scripts/mutate_review26.sh paired|affirmed|ability|carers|gift|ages
# A sample:    STEP=5 scripts/mutate_review26.sh carers   (mutants 1, 6, 11, ... of each function; STEP=1: all)
# A start:     FIRST=2 STEP=5 ...                         (mutants 2, 7, 12, ...: the ones a first sample left)
# The body is scripts/mutmut_review.sh (shared, as for review 34's): this file says only what is review 26's.
review=review26
specs=(
  "pathway/search_denials.py:paired_denials,affirmed"
  "pathway/search_when.py:_ability_denied"
  "pathway/search_denial_only.py:lacking,lacking_lead"
  "pathway/search_structures.py:_gift_at"
  "pathway/search_carers.py:CarerReadings._everyday_hitting_again,CarerReadings._told_no_harm,CarerReadings._told_persons,_past_whom_told"
  "pathway/search_senses.py:_age_said_read,_lacking_said"
)
all_groups=(paired affirmed ability carers gift ages)
C="pathway.search_carers.xǁCarerReadingsǁ"
new=tests/pathway/test_search_review26_mut.py
group_config() {
  case $1 in
    paired) own=(pathway.search_denials.x_paired_denials pathway.search_denial_only.x_lacking pathway.search_denial_only.x_lacking_lead); tests=(tests/pathway/test_search_denial26.py "$new") ;;
    affirmed) own=(pathway.search_denials.x_affirmed); tests=(tests/pathway/test_search_fix27c.py "$new") ;;
    ability) own=(pathway.search_when.x__ability_denied); tests=(tests/pathway/test_search_fix27c.py "$new") ;;
    carers) own=("${C}_everyday_hitting_again" "${C}_told_no_harm" "${C}_told_persons" pathway.search_carers.x__past_whom_told); tests=(tests/pathway/test_search_fix27c.py "$new") ;;
    gift) own=(pathway.search_structures.x__gift_at); tests=(tests/pathway/test_search_fix27b.py "$new") ;;
    ages) own=(pathway.search_senses.x__lacking_said) loaders=(pathway.search_senses.x__age_said_read); tests=(tests/pathway/test_search_fix27a.py "$new") ;;
    *) return 1 ;;
  esac
}
source "$(dirname "$0")/mutmut_review.sh" "$@"
