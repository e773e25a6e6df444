#!/bin/bash
# Mutation testing of stop 42's search readings (review 23, docs/safety/mutation.md): mutmut's mutants of fix23a's
# `named_subject` (`_named_subject_own`), fix23b/e's `everyday_senses` (`_everyday_senses_at`, `_everyday_senses_below`),
# fix23c's `clause_reading` (`_clause_pieces`, `_run_on_cut`, `_says_harm_done`, `_clause_min_words`, `_parts_agreed`),
# `degrading_treatment` (`_degrading_first`, `_degrading_said`) and `under_13_sex` (`_under_13_sex_offered`), fix23d's
# `turned_facts` (`_turned_runs`, `_turned_facts_below`, `_not_first`), fix23f's `not_yet` (`_not_yet_below`) and
# `explained_play` (`_explained_play_below`), made for those functions only (scripts/mutmut_functions.py) in a scratch
# copy of the tree, each run against its readings' own tests in one process (scripts/mutmut_narrow.py), one mutant at
# a time, niced.  Raw results: docs/figures/review23-narrow-*.txt.
# A group:  scripts/mutate_review23.sh named|clause|degrading|notyet|turned|senses
# (The functions are named as they stood in pathway/search.py at main 2d99015; where split24 moved them into other
# modules, give mutmut_functions.py those files and names instead.)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${MUTMUT_SCRATCH:-$(mktemp -u /tmp/review23.XXXXXX)}
S="pathway.search.xǁSearchIndexǁ"
fns=(_named_subject_own _everyday_senses_at _everyday_senses_below _clause_pieces _run_on_cut _says_harm_done
  _clause_min_words _parts_agreed _degrading_first _degrading_said _under_13_sex_offered _turned_runs
  _turned_facts_below _not_first _not_yet_below _explained_play_below)
if [ ! -d "$work" ]; then
  spec="pathway/search.py:$(printf 'SearchIndex.%s,' "${fns[@]}")"
  "$root/.venv/bin/python" "$root/scripts/mutmut_functions.py" "$work" "${spec%,}" | tee "$work.counts"
fi
count() { grep -F "$1:" "$work.counts"; }  # FUNCTION:1:N as mutmut_functions.py printed it
groups=("$@")
[ ${#groups[@]} -eq 0 ] && groups=(named clause degrading notyet turned senses)
cd "$work"
for group in "${groups[@]}"; do
  case $group in
    named) specs=("$(count "${S}_named_subject_own")"); tests=(tests/pathway/test_search_fix23a.py tests/pathway/test_search_review23.py) ;;
    clause) specs=("$(count "${S}_clause_pieces")" "$(count "${S}_run_on_cut")" "$(count "${S}_says_harm_done")" "$(count "${S}_clause_min_words")" "$(count "${S}_parts_agreed")"); tests=(tests/pathway/test_search_fix23c.py tests/pathway/test_search_review23.py) ;;
    degrading) specs=("$(count "${S}_degrading_first")" "$(count "${S}_degrading_said")" "$(count "${S}_under_13_sex_offered")"); tests=(tests/pathway/test_search_fix23c.py tests/pathway/test_search_review23.py) ;;
    notyet) specs=("$(count "${S}_not_yet_below")" "$(count "${S}_explained_play_below")"); tests=(tests/pathway/test_search_fix23f.py tests/pathway/test_search_review23.py) ;;
    turned) specs=("$(count "${S}_not_first")" "$(count "${S}_turned_runs")" "$(count "${S}_turned_facts_below")"); tests=(tests/pathway/test_search_fix23d.py tests/pathway/test_search_review23.py) ;;
    senses) specs=("$(count "${S}_everyday_senses_at")" "$(count "${S}_everyday_senses_below")"); tests=(tests/pathway/test_search_fix23b.py tests/pathway/test_search_fix23e.py tests/pathway/test_search_review23.py) ;;
    *) echo "unknown group $group" >&2; exit 2 ;;
  esac
  nice -n 10 .venv/bin/python scripts/mutmut_narrow.py "${specs[@]}" -- "${tests[@]}" | grep --line-buffered "^RESULT" | tee "$root/docs/figures/review23-narrow-$group.txt"
done
echo "scratch tree: $work"
