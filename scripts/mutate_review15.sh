#!/bin/bash
# Mutation testing of review 15's and review 16's fixes (`make mutate-review15`, docs/safety/mutation.md): mutmut over
# the functions those fixes added or changed, in a scratch copy of the tree whose [tool.mutmut] is
# scripts/mutmut-review15.toml. Two batches, the safety-nearest first: review 16's rules (Protection at 18-19 declared,
# the CAMHS class derived), the saved ring-now entry decided now, the 404 for a case not there, the users commands and
# rules15's taken level; then search15b's call-screen notes, the forms after the sign-in ended, insert_once, paging and
# the missing digest. What mutmut cannot reach (the rules' conditions and bodies inside rules.*.define, the catalogue's
# words) is mutated by scripts/mutate_rules.py and by hand (docs/safety/mutation.md lists each edit).
# One worker, niced: a shared machine. Results: docs/figures/review15-mutmut.txt.
#   scripts/mutate_review15.sh [mutmut name pattern ...]   (default: every function named below)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  names=(
    "rules.needs.x_declared_for_age*" "pathway.catalogue.model.xǁCatalogueǁyoung_adult*" "pathway.catalogue.contacts.x__related_contacts_derived*"
    "webapp.cases.reopen.x_decision_now*" "pathway.surfaces.x_closed_now*" "pathway.catalogue.current_level.xǁOpenFromCurrentLevelǁsupport_taken_as*"
    "webapp.cases.gone.x_page*" "webapp.cases.gone.x_gone*" "webapp.cases.gone.x_under_cases*"
    "store.users.x_enable_user*" "store.users.x__local*" "store.users.x__change_local*" "store.users.x_set_role*" "store.users.x_set_team*"
    "pathway.search_offers.x_refused_early_help_note*" "pathway.search_offers.x_search_note*"
    "webapp.accounts.auth.x_not_done*" "webapp.accounts.auth.x__sent_after_the_sign_in_ended*" "webapp.accounts.auth.x_come_back_to*"
    "webapp.accounts.auth.x_ask_to_sign_in*" "webapp.accounts.auth.xǁNotDoneǁwords*" "webapp.accounts.views.x_header_sign_in*"
    "store.form_tokens.x_insert_with*" "store.form_tokens.x_insert_once*"
    "webapp.paging.x_asked*" "webapp.paging.xǁPageǁof*" "webapp.paging.xǁPageǁlinks*" "webapp.shown.x_missing*"
  )
fi
# shellcheck source=scripts/mutmut_scratch.sh
source "$root/scripts/mutmut_scratch.sh"
mutmut_scratch scripts/mutmut-review15.toml
cd "$work"
nice -n 10 .venv/bin/mutmut run --max-children 1 "${names[@]}" || true
.venv/bin/mutmut results --all true | grep -E "(needs|catalogue|surfaces|reopen|gone|users|call|auth|views|form_tokens|paging|shown)\." | grep -vE ": (not )?checked$" > "$root/docs/figures/review15-mutmut.txt" || true  # the mutants tried
echo "scratch tree (mutants/ inside): $work"
