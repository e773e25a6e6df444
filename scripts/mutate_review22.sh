#!/bin/bash
# Mutation testing of the last session's search readings (review 22, docs/safety/mutation.md): mutmut's mutants of
# fix21p's `_elsewhere*`, fix21q's `_named_readings`/`_named_rows_below`, `_said_plainly_last` (fix20d, fix21d), and
# spell21's English list (pathway/english.py) with the p9 spelling's use of it, made for those functions only
# (scripts/mutmut_functions.py: `mutmut run` wrote a 63 MB pathway/search.py) in a scratch copy of the tree, each run
# against its readings' own tests in one process (scripts/mutmut_narrow.py), one mutant at a time, niced.
# Raw results: docs/figures/review22-narrow-*.txt.  A group:  scripts/mutate_review22.sh named|elsewhere|plainly|spelling
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${MUTMUT_SCRATCH:-$(mktemp -u /tmp/review22.XXXXXX)}
P="pathway.search_p9.xǁP9Readingsǁ"  # split24b: the p9 spelling reading moved to pathway/search_p9.py
W="pathway.search_when.xǁWhenReadingsǁ"  # split24: the readings moved out of pathway/search.py
N="pathway.search_senses.xǁSenseReadingsǁ"
if [ ! -d "$work" ]; then
  "$root/.venv/bin/python" "$root/scripts/mutmut_functions.py" "$work" \
    "pathway/search_when.py:WhenReadings._elsewhere_first,WhenReadings._elsewhere_rests,WhenReadings._elsewhere_said,WhenReadings._elsewhere_quiet" \
    "pathway/search_senses.py:SenseReadings._named_readings,SenseReadings._named_rows_below,SenseReadings._said_plainly_last" \
    "pathway/search_p9.py:P9Readings._p9_spelt,P9Readings._p9_spelling,P9Readings._p9_real_word,P9Readings._english" \
    "pathway/english.py:english_count,english_loaded" | tee "$work.counts"
fi
count() { grep -F "$1:" "$work.counts"; }  # FUNCTION:1:N as mutmut_functions.py printed it
groups=("$@")
[ ${#groups[@]} -eq 0 ] && groups=(named elsewhere plainly spelling)
cd "$work"
for group in "${groups[@]}"; do
  case $group in
    named) specs=("$(count "${N}_named_readings")" "$(count "${N}_named_rows_below")"); tests=(tests/pathway/test_search_fix21q.py tests/pathway/test_search_review22.py) ;;
    elsewhere) specs=("$(count "${W}_elsewhere_rests")" "$(count "${W}_elsewhere_said")" "$(count "${W}_elsewhere_quiet")" "$(count "${W}_elsewhere_first")"); tests=(tests/pathway/test_search_fix21p.py) ;;
    plainly) specs=("$(count "${N}_said_plainly_last")"); tests=(tests/pathway/test_search_fix21d.py tests/pathway/test_search_fix20d.py) ;;
    spelling) specs=("$(count "${P}_p9_spelt")" "$(count "${P}_p9_spelling")" "$(count "${P}_p9_real_word")" "$(count "${P}_english")" "$(count pathway.english.x_english_count)" "$(count pathway.english.x_english_loaded)"); tests=(tests/pathway/test_search_p9_spelling.py tests/pathway/test_search_fix20a.py) ;;
    *) echo "unknown group $group" >&2; exit 2 ;;
  esac
  nice -n 10 .venv/bin/python scripts/mutmut_narrow.py "${specs[@]}" -- "${tests[@]}" | grep "^RESULT" | tee "$root/docs/figures/review22-narrow-$group.txt"
done
echo "scratch tree: $work"
