#!/bin/bash
# Mutation testing of stop 42's search readings (review 23, docs/safety/mutation.md): mutmut's mutants of fix23a's
# `named_subject` (`_named_subject_own`), fix23b/e's `everyday_senses` (`_everyday_senses_at`, `_everyday_senses_below`),
# (and `_read_without`, which tidy25 took out of `_everyday_senses_below` for fix24b to share),
# fix23c's `clause_reading` (`_clause_pieces`, `_run_on_cut`, `_says_harm_done`, `_clause_min_words`, `_parts_agreed`),
# `degrading_treatment` (`_degrading_first`, `_degrading_said`) and `under_13_sex` (`_under_13_sex_offered`), fix23d's
# `turned_facts` (`_turned_runs`, `_turned_facts_below`, `_not_first`), fix23f's `not_yet` (`_not_yet_below`) and
# `explained_play` (`_explained_play_below`), made for those functions only (scripts/mutmut_functions.py) in a scratch
# copy of the tree, each run against its readings' own tests in one process (scripts/mutmut_narrow.py), one mutant at
# a time, niced.  Raw results: docs/figures/review23-narrow-*.txt.
# A group:  scripts/mutate_review23.sh named|clause|degrading|notyet|turned|senses
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${MUTMUT_SCRATCH:-$(mktemp -u /tmp/review23.XXXXXX)}
S="pathway.search.xǁSearchIndexǁ"
N="pathway.search_senses.xǁSenseReadingsǁ"  # split24 moved the readings out of pathway/search.py
C="pathway.search_clauses.xǁClauseReadingsǁ"
W="pathway.search_when.xǁWhenReadingsǁ"
P="pathway.search_p9.xǁP9Readingsǁ"  # split24b: _parts_agreed moved to pathway/search_p9.py
if [ ! -d "$work" ]; then
  "$root/.venv/bin/python" "$root/scripts/mutmut_functions.py" "$work" \
    "pathway/search_senses.py:SenseReadings._named_subject_own,SenseReadings._everyday_senses_at,SenseReadings._everyday_senses_below,SenseReadings._read_without,SenseReadings._turned_runs,SenseReadings._turned_facts_below" \
    "pathway/search_clauses.py:ClauseReadings._clause_pieces,ClauseReadings._run_on_cut,ClauseReadings._says_harm_done,ClauseReadings._clause_min_words,ClauseReadings._degrading_first,ClauseReadings._degrading_said,ClauseReadings._under_13_sex_offered" \
    "pathway/search_when.py:WhenReadings._not_yet_below,WhenReadings._explained_play_below" \
    "pathway/search_p9.py:P9Readings._parts_agreed" \
    "pathway/search.py:SearchIndex._not_first" | tee "$work.counts"
fi
count() { grep -F "$1:" "$work.counts"; }  # FUNCTION:1:N as mutmut_functions.py printed it
groups=("$@")
[ ${#groups[@]} -eq 0 ] && groups=(named clause degrading notyet turned senses)
cd "$work"
for group in "${groups[@]}"; do
  case $group in
    named) specs=("$(count "${N}_named_subject_own")"); tests=(tests/pathway/test_search_fix23a.py tests/pathway/test_search_review23.py) ;;
    clause) specs=("$(count "${C}_clause_pieces")" "$(count "${C}_run_on_cut")" "$(count "${C}_says_harm_done")" "$(count "${C}_clause_min_words")" "$(count "${P}_parts_agreed")"); tests=(tests/pathway/test_search_fix23c.py tests/pathway/test_search_review23.py) ;;
    degrading) specs=("$(count "${C}_degrading_first")" "$(count "${C}_degrading_said")" "$(count "${C}_under_13_sex_offered")"); tests=(tests/pathway/test_search_fix23c.py tests/pathway/test_search_review23.py) ;;
    notyet) specs=("$(count "${W}_not_yet_below")" "$(count "${W}_explained_play_below")"); tests=(tests/pathway/test_search_fix23f.py tests/pathway/test_search_review23.py) ;;
    turned) specs=("$(count "${S}_not_first")" "$(count "${N}_turned_runs")" "$(count "${N}_turned_facts_below")"); tests=(tests/pathway/test_search_fix23d.py tests/pathway/test_search_review23.py) ;;
    senses) specs=("$(count "${N}_everyday_senses_at")" "$(count "${N}_everyday_senses_below")" "$(count "${N}_read_without")"); tests=(tests/pathway/test_search_fix23b.py tests/pathway/test_search_fix23e.py tests/pathway/test_search_review23.py) ;;
    *) echo "unknown group $group" >&2; exit 2 ;;
  esac
  nice -n 10 .venv/bin/python scripts/mutmut_narrow.py "${specs[@]}" -- "${tests[@]}" | grep --line-buffered "^RESULT" | tee "$root/docs/figures/review23-narrow-$group.txt"
done
echo "scratch tree: $work"
