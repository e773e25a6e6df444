#!/bin/bash
# Mutation testing of the paging views' code mutmut can reach (`make mutate-review19`, docs/safety/mutation.md):
# webapp.paging (asked, Page.of, Page.links), the managers' list's filters and page (webapp.cases.views: _team_filter,
# _list_args, _list_url), the practice library's filters and grouping (webapp.practice.views._filtered,
# webapp.practice.groups.matching, options, grouped), in a scratch copy of the tree whose [tool.mutmut] is
# scripts/mutmut-review19.toml. The views themselves and the properties are mutated by hand:
# scripts/mutate_properties.py. One worker, niced: a shared machine. Results: docs/figures/review19-mutmut.txt.
#   scripts/mutate_review19.sh [mutmut name pattern ...]   (default: every function named below)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  names=(
    "webapp.paging.x_asked*" "webapp.paging.xǁPageǁof*" "webapp.paging.xǁPageǁlinks*"
    "webapp.cases.views.x__team_filter*" "webapp.cases.views.x__list_args*" "webapp.cases.views.x__list_url*"
    "webapp.practice.views.x__filtered*" "webapp.practice.groups.x_matching*" "webapp.practice.groups.x_options*"
    "webapp.practice.groups.x_grouped*"
  )
fi
# shellcheck source=scripts/mutmut_scratch.sh
source "$root/scripts/mutmut_scratch.sh"
mutmut_scratch scripts/mutmut-review19.toml
cd "$work"
nice -n 10 .venv/bin/mutmut run --max-children 1 "${names[@]}" || true
.venv/bin/mutmut results --all true | grep -E "(paging|views|groups)\." | grep -vE ": (not )?checked$" > "$root/docs/figures/review19-mutmut.txt" || true  # the mutants tried
echo "scratch tree (mutants/ inside): $work"
