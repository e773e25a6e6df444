#!/bin/bash
# Mutation testing of code no earlier run mutated (`make mutate-review18`, docs/safety/mutation.md): mutmut over who to
# ring and when, in words (pathway.surfaces), the saved assessments' listing and paging (store.assessments, store.readers), the
# downloads (webapp.downloads) and the ruleset diff's saved-assessment parts (training.ruleset_diff), in a scratch copy
# of the tree whose [tool.mutmut] is scripts/mutmut-review18.toml. What mutmut cannot reach (properties) is mutated by
# hand (docs/safety/mutation.md). One worker, niced: a shared machine. Results: docs/figures/review18-mutmut.txt.
#   scripts/mutate_review18.sh [mutmut name pattern ...]   (default: every function named below)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  names=(
    "pathway.surfaces.x_ring_now*" "pathway.surfaces.x_hours_words*" "pathway.surfaces.x_closed_now*" "pathway.surfaces.x_route_words*"
    "store.assessments.x_list_case_refs*" "store.assessments.x_count_case_refs*" "store.readers.x_visible*" "store.readers.x_teams_clause*"
    "store.assessments.x_entries_where*" "store.assessments.x__overrides_for*" "store.assessments.x_list_overrides*" "store.assessments.x_filter_overrides*"
    "store.assessments.x_immediate_first*" "store.assessments.x_answers_for_ruleset_review*"
    "webapp.downloads.x_attachment*" "webapp.downloads.x_csv_attachment*"
    "training.ruleset_diff.xǁSavedǁwords*" "training.ruleset_diff.xǁSinceSavedǁas_dict*" "training.ruleset_diff.xǁReportǁsaved_table*"
    "training.ruleset_diff.xǁReportǁas_dict*" "training.ruleset_diff.x_diff*" "training.ruleset_diff.x_render_text*"
    "training.ruleset_diff.x_assessment_items*" "training.ruleset_diff.x__columns*"
  )
fi
# shellcheck source=scripts/mutmut_scratch.sh
source "$root/scripts/mutmut_scratch.sh"
mutmut_scratch scripts/mutmut-review18.toml
cd "$work"
nice -n 10 .venv/bin/mutmut run --max-children 1 "${names[@]}" || true
.venv/bin/mutmut results --all true | grep -E "(surfaces|assessments|readers|downloads|ruleset_diff)\." | grep -vE ": (not )?checked$" > "$root/docs/figures/review18-mutmut.txt" || true  # the mutants tried
echo "scratch tree (mutants/ inside): $work"
