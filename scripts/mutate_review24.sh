#!/bin/bash
# Mutation testing of stop 43's search readings (review 24, docs/safety/mutation.md): mutmut's mutants of Search24d's
# `denial_only` (SearchIndex._denial_only_first in pathway/search.py; denial_only_lead and load in
# pathway/search_denial_only.py), fix24b's `ordinary_call` (SearchIndex._ordinary_call_below; ordinary_at, asks_only,
# _at, _spans and the loader ordinary_call in pathway/search_ordinary.py) and fix24a's `turned_words` (runs,
# _said_after, _next, _at, load, check, _phrases in pathway/search_turned_words.py, joined in
# SenseReadings._turned_runs in pathway/search_senses.py: the `adult_crisis_not_first` turned_facts reading among
# them), made for those functions only (scripts/mutmut_functions.py) in a scratch copy of the tree, each run against
# its reading's own tests and review 24's new ones (scripts/mutmut_narrow.py), one mutant at a time, niced.
# The per-call functions' mutants run in one process a group; the loaders' (`loaders`: called once, when the index
# is built, and the index is kept for the process) each in a process of its own.
# Raw results: docs/figures/review24-narrow-*.txt.
# A group:     scripts/mutate_review24.sh denial|ordinary|turned|loaders
# A sample:    STEP=5 scripts/mutate_review24.sh turned   (mutants 1, 6, 11, ... of each function; STEP=1: all)
# The body is scripts/mutmut_review.sh (shared, as for review 34's): this file says only what is review 24's.
review=review24
specs=(
  "pathway/search.py:SearchIndex._denial_only_first,SearchIndex._ordinary_call_below"
  "pathway/search_denial_only.py:denial_only_lead,load"
  "pathway/search_ordinary.py:ordinary_at,asks_only,_at,_spans,ordinary_call"
  "pathway/search_turned_words.py:runs,_said_after,_next,_at,load,check,_phrases"
  "pathway/search_senses.py:SenseReadings._turned_runs"
)
all_groups=(denial ordinary turned loaders)
S="pathway.search.xǁSearchIndexǁ"
N="pathway.search_senses.xǁSenseReadingsǁ"
D="pathway.search_denial_only.x_"
O="pathway.search_ordinary.x_"
T="pathway.search_turned_words.x_"
new=tests/pathway/test_search_review24.py
group_config() {
  case $1 in
    denial) own=("${S}_denial_only_first" "${D}denial_only_lead"); tests=(tests/pathway/test_search_denial_only.py "$new") ;;
    ordinary) own=("${S}_ordinary_call_below" "${O}ordinary_at" "${O}asks_only" "${O}_at" "${O}_spans"); tests=(tests/pathway/test_search_fix24b.py "$new") ;;
    turned) own=("${N}_turned_runs" "${T}runs" "${T}_said_after" "${T}_next" "${T}_at"); tests=(tests/pathway/test_search_fix24a.py "$new") ;;
    loaders) loaders=("${D}load" "${O}ordinary_call" "${T}load" "${T}check" "${T}_phrases"); tests=(tests/pathway/test_search_denial_only.py tests/pathway/test_search_fix24a.py tests/pathway/test_search_fix24b.py "$new") ;;
    *) return 1 ;;
  esac
}
niceness=10
source "$(dirname "$0")/mutmut_review.sh" "$@"
