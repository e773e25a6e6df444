# The two commands of the README. Both set up a fresh machine first (idempotent); set-up output goes
# to .venv/setup-<mode>.log and is shown only when a step fails (scripts/quietly.sh).
.PHONY: run demo test docs-check screenshots bench bench-quick prove lock mutate mutate-facts mutate-present mutate-review7 mutate-review8 mutate-review10 mutate-review11 mutate-review12 mutate-review13 mutate-review14 mutate-review15 mutate-review17 mutate-review18 mutate-properties mutate-review19 mutate-review22 mutate-review23 mutate-review24 mutate-review26 mutate-review28 mutate-review29 mutate-review30 mutate-review31 mutate-review32 mutate-review33 mutate-review34 mutate-review35 mutate-review36

run:
	@scripts/quietly.sh .venv/setup-run.log scripts/setup.sh run
	@.venv/bin/python -m webapp.serve

# run, on a throwaway database with one account per role (webapp/demo.py); refuses DATABASE_URL and FSP_ENV=production
demo:
	@scripts/quietly.sh .venv/setup-run.log scripts/setup.sh run
	@FSP_DEMO=1 .venv/bin/python -m webapp.serve

test:
	@scripts/quietly.sh .venv/setup-test.log scripts/setup.sh test
	.venv/bin/ruff check --quiet .
	.venv/bin/ruff format --check --quiet .
	.venv/bin/mypy --no-error-summary
	.venv/bin/lint-imports --no-cache
	.venv/bin/python -m pytest $(PYTEST_ARGS)

# The commands the README and docs/ mark runnable (```sh runnable), and their links and images (also in make test).
docs-check:
	@scripts/quietly.sh .venv/setup-test.log scripts/setup.sh test
	.venv/bin/python -m pytest -q tests/test_docs.py

# The README's pictures, taken by the browser tests from the demo data (the lead reruns this after merging).
screenshots:
	@scripts/quietly.sh .venv/setup-test.log scripts/setup.sh test
	FSP_SCREENSHOTS=docs/img .venv/bin/python -m pytest -q tests/webapp/browser/test_try_it.py

# On demand, never in CI: the published sizes (about 25 minutes), or a few-minute smoke run.
bench:
	scripts/setup.sh test
	scripts/setup_bench_system.sh
	.venv/bin/python -m benchmarks

bench-quick:
	scripts/setup.sh test
	scripts/setup_bench_system.sh
	.venv/bin/python -m benchmarks --quick

# Issue 7's proof in one command: the fast part (the test suite, as CI runs it), then the long load.
prove: test bench

# A deliberate upgrade: regenerate the hashed lock files (requirements/*.txt), then `make test` and commit both.
lock:
	scripts/lock.sh $(LOCK_ARGS)

# Mutation testing of the rules (docs/safety/mutation.md): mutmut over rules/, then the catalogue's
# rule parameters. Long (tens of minutes on 2 cores); on demand, never in CI.
mutate:
	scripts/setup.sh test
	rm -rf mutants
	# first run: collects which tests cover what (its results are thrown away), then every rule test is given to define()
	-.venv/bin/mutmut run --max-children 2 "rules.needs*" "rules.guidance*" >/dev/null 2>&1 || true
	.venv/bin/python scripts/mutmut_rules_stats.py
	.venv/bin/mutmut run --max-children 2 "rules.needs*" "rules.guidance*"
	.venv/bin/mutmut results --all true | grep -E "rules\.(needs|guidance)\." > docs/figures/rules-mutmut.txt
	.venv/bin/python scripts/mutate_rules.py
	.venv/bin/python scripts/mutate_catalogue.py

# The code around the rules (rules/facts.py, engine.py, evaluate.py; docs/safety/mutation.md): about
# 1,300 mutants, hours on 2 cores; on demand. The first run collects coverage over one small function.
mutate-facts:
	scripts/setup.sh test
	rm -rf mutants
	-.venv/bin/mutmut run --max-children 2 "rules.facts.x_subject_age_in_months*" >/dev/null 2>&1 || true
	.venv/bin/python scripts/mutmut_rules_stats.py
	.venv/bin/mutmut run --max-children 2 "rules.facts*" "rules.engine*" "rules.evaluate*"
	.venv/bin/mutmut results --all true | grep -E "rules\.(facts|engine|evaluate)\." > docs/figures/facts-mutmut.txt

# What the user reads about a decision (webapp/journey/present.py, summary.py, referral.py, twins.py,
# pathway/call_summary.py; docs/safety/mutation.md): about 560 mutants, about an hour on 2 cores.
mutate-present:
	scripts/setup.sh test
	scripts/mutate_present.sh

# Review 7's rule code (docs/safety/mutation.md): mutmut over rules/what_if.py and review 7's functions
# of facts.py, guidance.py, checks.py, catalogue/ (scripts/mutate_review7.sh, hours on a shared
# machine: give it mutmut name patterns to run fewer), then the conditions of review 7's rules, which
# mutmut cannot reach (scripts/mutate_rules.py --rules).
REVIEW7_RULES = route_open_case,route_open_not_caf_trained,open_case_not_caf_trained_contacts,open_case_not_caf_trained_out_of_hours_contacts,open_case,open_case_not_caf_trained,UNTRAINED,TRAINED,disabled_open_case,disabled_open_case_not_caf_trained,DISABLED_ROUTED,caf_at_social_care_level,caf_not_improving,cin_caf_not_improving
mutate-review7:
	scripts/setup.sh test
	scripts/mutate_review7.sh
	.venv/bin/python scripts/mutate_rules.py --rules $(REVIEW7_RULES) --figure review7-rule-condition-mutants.json

# Review 8's rule code (docs/safety/mutation.md): mutmut over the functions review 8 and its recheck
# added (scripts/mutate_review8.sh: the care leaver's child-only answers, meaningful ages and their
# hints, same-words needs, "After the call:", the no-referral route; about 240 mutants, give it
# MUTMUT_CHILDREN=1 on a shared machine), then the conditions of review 8's rules (the step up by the
# CAF answer, the care leaver's consent words, the disability not routed, one reason per rule).
REVIEW8_RULES = CAF_OPEN,step_up,step_up_without_caf,step_up_from_universal,consent_refused_early_help,consent_refused_early_help_beyond_childhood,consent_refused_extensive,consent_refused_extensive_beyond_childhood,disability_not_routed,caf_improving_at_social_care_level,cin_caf_not_improving,cin_disability_context
mutate-review8:
	scripts/setup.sh test
	scripts/mutate_review8.sh
	.venv/bin/python scripts/mutate_rules.py --rules $(REVIEW8_RULES) --figure review8-rule-condition-mutants.json

# Review 10's new code (docs/safety/mutation.md): mutmut over the functions review 10's fixes added
# (scripts/mutate_review10.sh: the young parent's age at the pregnancy's start, the plain call, the CAF
# read from the level now, the disability clash named; one worker), then the conditions of review 10's
# rules (the disabled child's route for a caller not CAF trained, consent refused beside a CAF).
REVIEW10_RULES = route_disabled_not_caf_trained,DCT_PROTECTION,disabled_not_caf_trained,consent_refused_caf_open,route_disabled_child_protection,disabled_cp_dct
mutate-review10:
	scripts/setup.sh test
	scripts/mutate_review10.sh
	.venv/bin/python scripts/mutate_rules.py --workers 1 --rules $(REVIEW10_RULES) --figure review10-rule-condition-mutants.json

# The last session's rule and search code (docs/safety/mutation.md): mutmut over the functions review 11's
# fixes, ask11, left11 and search11/11b added (scripts/mutate_review11.sh; one worker), then the route rules'
# conditions stated once (ROUTE_WHEN) and step_same (H2), which mutmut cannot reach, tried first against the
# route tests (every rule test only for a survivor, by hand: a shared machine).
REVIEW11_RULES = ROUTE_WHEN,step_same
REVIEW11_FIRST = tests/rules/test_route_stated_once.py,tests/rules/test_routing.py,tests/rules/test_review11_fixes.py,tests/rules/test_review10_disabled_callers.py,tests/rules/test_review7_callers.py,tests/rules/test_open_case.py,tests/rules/test_guidance_oracle.py
mutate-review11:
	scripts/setup.sh test
	scripts/mutate_review11.sh
	.venv/bin/python scripts/mutate_rules.py --workers 1 --rules $(REVIEW11_RULES) --first $(REVIEW11_FIRST) --figure review11-rule-condition-mutants.json

# The last session's code (docs/safety/mutation.md): mutmut over what review 12's fixes added (scripts/mutate_review12.sh;
# one worker, niced): the decision despite refusals (rules/refusals.py) and the pregnancy-start window first, then the
# call screen's set-aside concerns, its undecided summary, a saved entry compared on WORDS and search12's calm rule.
# What mutmut cannot reach (a property, module constants, catalogue data) is mutated by hand (listed in mutation.md).
mutate-review12:
	scripts/setup.sh test
	scripts/mutate_review12.sh

# The last session's code (docs/safety/mutation.md): mutmut over what review 13's fixes added (scripts/mutate_review13.sh;
# one worker, niced): the refusals' repeated need and the p9 box that bears the age out, the criterion pointers and
# readings first, then left13b's one-time form tokens and search13's denied and core rules. rules13's Appendix 3
# rule (a decorated function: mutmut cannot reach it): its conditions by scripts/mutate_rules.py, first against its
# own tests (every rule test only for a survivor, by hand); its body, the p9 line's `reading` and Prepared's look-ups by hand.
REVIEW13_RULES = referral_into_social_care,pre_birth_planning
REVIEW13_FIRST = tests/rules/test_appendix3_in_decision.py
mutate-review13:
	scripts/setup.sh test
	scripts/mutate_review13.sh
	.venv/bin/python scripts/mutate_rules.py --workers 1 --rules $(REVIEW13_RULES) --first $(REVIEW13_FIRST) --only-first --figure review13-rule-condition-mutants.json

# The last session's code (docs/safety/mutation.md): mutmut over what review 14's fixes added (scripts/mutate_review14.sh;
# one worker, niced): the one-child item's place and words, left14's p9 box with no age and the call screen deciding
# through decide_despite_refusals first, then the page digests, search14/14b's rules and speed14's fact reader. The rules
# one_child, referral_into_social_care (its s47 item left out for an unborn baby) and pre_birth_planning are decorated
# functions (mutmut cannot reach them): their conditions by scripts/mutate_rules.py against their own tests first (every
# rule test only for a survivor, by hand; one_child's is DECISION alone, mutated by `make mutate`); their bodies, the
# properties and the catalogue's words by hand (mutation.md).
REVIEW14_RULES = referral_into_social_care,pre_birth_planning
REVIEW14_FIRST = tests/rules/test_review14_rules.py,tests/rules/test_appendix3_in_decision.py
mutate-review14:
	scripts/setup.sh test
	scripts/mutate_review14.sh
	.venv/bin/python scripts/mutate_rules.py --workers 1 --rules $(REVIEW14_RULES) --first $(REVIEW14_FIRST) --only-first --figure review14-rule-condition-mutants.json

# Review 15's and review 16's fixes (docs/safety/mutation.md): mutmut over the functions they added or changed
# (scripts/mutate_review15.sh; one worker, niced): fix16r's Protection at 18-19 declared and the CAMHS class derived,
# fix16s's saved ring-now entry decided now, one 404 for a case not there and the users commands, rules15's taken level
# first; then search15b's call-screen notes, surf16/fix15s's forms after the sign-in ended, insert_once, paging. rules15's
# condition part NOT_TAKEN and rule step_open_support (mutmut cannot reach them) by scripts/mutate_rules.py against
# their own tests first (every rule test only for a survivor, by hand); the rules' bodies and the catalogue's words by hand.
REVIEW15_RULES = NOT_TAKEN,step_open_support
REVIEW15_FIRST = tests/rules/test_rules15_open_child.py,tests/rules/test_review15_rules.py,tests/rules/test_review16_protection_young_adult.py
mutate-review15:
	scripts/setup.sh test
	scripts/mutate_review15.sh
	.venv/bin/python scripts/mutate_rules.py --workers 1 --rules $(REVIEW15_RULES) --first $(REVIEW15_FIRST) --only-first --figure review15-rule-condition-mutants.json

# Review 17's fixes and speed17w's shortcuts (docs/safety/mutation.md): mutmut over the functions they added or changed
# (scripts/mutate_review17.sh; two workers, niced): fix17r's disabled road and the class loader of any domain, speed17w's
# resolve_changed, NeedFacts and decide_changes, fix17s's six-digit date check, lookup and out-of-hours words. The
# guidance rule disabled_below_child_in_need's condition (mutmut cannot reach it) by scripts/mutate_rules.py against its
# own tests; its body, Prepared's new sets and the loader's states_disability checks by hand (listed in mutation.md).
REVIEW17_RULES = disabled_below_child_in_need
REVIEW17_FIRST = tests/rules/test_review17_disabled_roads.py
mutate-review17:
	scripts/setup.sh test
	scripts/mutate_review17.sh
	.venv/bin/python scripts/mutate_rules.py --workers 1 --rules $(REVIEW17_RULES) --first $(REVIEW17_FIRST) --only-first --figure review17-rule-condition-mutants.json

# Code no earlier run mutated (docs/safety/mutation.md): mutmut (scripts/mutate_review18.sh; one worker, niced) over who
# to ring and when, in words (pathway.surfaces: ring_now, hours_words, closed_now, route_words), the saved assessments'
# listing and paging (store.assessments), the downloads (webapp.downloads) and the ruleset diff's saved-assessment parts
# (training.ruleset_diff: Saved, SinceSaved, Report's saved table, diff, render_text). Properties mutmut cannot reach
# by hand (listed in mutation.md).
mutate-review18:
	scripts/setup.sh test
	scripts/mutate_review18.sh

# Review 19 (docs/safety/mutation.md): the hand mutants of what mutmut cannot reach (scripts/mutate_properties.py: the
# properties that carry a decision, Entry.immediate, immediate_overridden, recorded_level, Override.direction, the
# dashboard's, the ruleset report's columns, the child's age, and the paging views cases.cases and cases.overrides with
# Page.pages and Page.start), each run against its tests on SQLite in a scratch copy of the tree.
mutate-properties:
	scripts/setup.sh test
	.venv/bin/python scripts/mutate_properties.py

# Review 19: mutmut (one worker, niced) over the paging code it can reach (webapp.paging, the managers' list's filters
# and page in webapp.cases.views) and the practice library's filters and grouping; then the hand mutants.
mutate-review19:
	scripts/setup.sh test
	scripts/mutate_review19.sh
	.venv/bin/python scripts/mutate_properties.py

# Review 22 (docs/safety/mutation.md): mutmut's mutants of last session's search readings only (scripts/mutmut_functions.py:
# fix21q's named_rows, fix21p's _elsewhere*, _said_plainly_last, the p9 spelling and pathway/english.py), each against its
# readings' tests in one process (scripts/mutmut_narrow.py), niced. A group: scripts/mutate_review22.sh named.
mutate-review22:
	scripts/setup.sh test
	scripts/mutate_review22.sh

# Review 23 (docs/safety/mutation.md): mutmut's mutants of stop 42's search readings only (scripts/mutmut_functions.py:
# fix23a's named_subject, fix23b/e's everyday_senses, fix23c's clause_reading, degrading_treatment and under_13_sex,
# fix23d's turned_facts, fix23f's not_yet and explained_play), each against its readings' tests and
# tests/pathway/test_search_review23.py in one process (scripts/mutmut_narrow.py), niced. A group: scripts/mutate_review23.sh named.
mutate-review23:
	scripts/setup.sh test
	scripts/mutate_review23.sh

# Review 24 (docs/safety/mutation.md): mutmut's mutants of stop 43's search readings only (scripts/mutmut_functions.py:
# Search24d's denial_only, fix24b's ordinary_call, fix24a's turned_words and its join in _turned_runs), each against its
# reading's tests and tests/pathway/test_search_review24.py (scripts/mutmut_narrow.py), niced; the loaders each in a
# process of their own. A group: scripts/mutate_review24.sh turned; a sample: STEP=5 scripts/mutate_review24.sh.
mutate-review24:
	scripts/setup.sh test
	scripts/mutate_review24.sh

# Review 26 (docs/safety/mutation.md): mutmut's mutants of stops 44-46's search readings only (scripts/mutmut_functions.py:
# Search26a's paired denials and lacking, fix27c's affirmed, ability denied and a carer's act told, fix27b's gift, fix27a's
# ages and nobody to mind the child), each group against its reading's tests and tests/pathway/test_search_review26_mut.py
# (scripts/mutmut_narrow.py), nice -n 15. A group: scripts/mutate_review26.sh carers; a sample: STEP=3 scripts/mutate_review26.sh.
mutate-review26:
	scripts/setup.sh test
	scripts/mutate_review26.sh

# Review 28 (docs/safety/mutation.md): mutmut's mutants of stop 47's search readings only (scripts/mutmut_functions.py:
# Search28d's neck and Search28e's lashing out in both harm readings (their parts only) and _object_span, Search28a's
# threat with a child taken and secret, Search28b's pregnancy in other words, care withheld and personal care, Search28c's
# objects and persons), each group against its reading's tests and tests/pathway/test_search_review28_mut.py
# (scripts/mutmut_narrow.py), nice -n 15. A group: scripts/mutate_review28.sh lash; a sample: STEP=3 scripts/mutate_review28.sh.
mutate-review28:
	scripts/setup.sh test
	scripts/mutate_review28.sh

mutate-review29:
	scripts/setup.sh test
	scripts/mutate_review29.sh

# Stop 49's search readings (review 30, docs/safety/mutation.md "Review 30 (stop 49)"): the disabled child's carer, the
# child not collected, care kept from the child and the threat told, the toddler who swallowed, the child taken along and
# the hold's span, fix30b's bounded readings, each group against its reading's tests and
# tests/pathway/test_search_review30_mut.py (scripts/mutmut_narrow.py), nice -n 15. A group: scripts/mutate_review30.sh ingest;
# a sample: STEP=8 PART_STEP=3 scripts/mutate_review30.sh.
mutate-review30:
	scripts/setup.sh test
	scripts/mutate_review30.sh

# Stop 50's search readings (review 31, docs/safety/mutation.md "Review 31 (stop 50)"): Search50's denied core, fix31a's
# blow, weapon and head, fix31b's child handed over, fix31c's lone carer and unsaid facts, each group against its reading's
# tests and tests/pathway/test_search_review31_mut.py (scripts/mutmut_narrow.py), nice -n 15. A group:
# scripts/mutate_review31.sh sale; a sample: STEP=6 PART_STEP=8 scripts/mutate_review31.sh.
mutate-review31:
	scripts/setup.sh test
	scripts/mutate_review31.sh

# Stop 51's search readings (review 32, docs/safety/mutation.md "Review 32 (stop 51)"): Search51's unsaid home alone
# (core_to_lead), fix32a's carer's mood in slang and possessive "own", fix32c's strength said lacking and denied hedge,
# each group against its reading's tests and tests/pathway/test_search_review32_mut.py (scripts/mutmut_narrow.py),
# nice -n 15. A group: scripts/mutate_review32.sh denied; a sample: STEP=3 PART_STEP=3 scripts/mutate_review32.sh.
mutate-review32:
	scripts/setup.sh test
	scripts/mutate_review32.sh

# Stop 52's search readings (review 33, docs/safety/mutation.md "Review 33 (stop 52)"): Search52's drug use in slang,
# fix33a's child minded by a young sibling and lone carer, fix33b's whose words, fix33c's harm said of an adult or a
# thing, fix33d's concern denied, fix34a's child's own words, each group against its reading's tests and
# tests/pathway/test_search_review33_mut.py (scripts/mutmut_narrow.py), nice -n 15. A group:
# scripts/mutate_review33.sh lone; a sample: STEP=8 PART_STEP=5 scripts/mutate_review33.sh.
mutate-review33:
	scripts/setup.sh test
	scripts/mutate_review33.sh

# Stop 53's search readings (review 34, docs/safety/mutation.md "Review 34 (stop 53)"): fix35a's strength beside a concern,
# fix35c's young child alone at home, fix35d's carer's act on the other carer and age pointer, fix36b's temper with the
# drink, fix36a's named_rows.unless, Search53's denial plain words; each group against its reading's tests and review 34's
# (tests/pathway/test_search_review34_mut.py); the body shared in scripts/mutmut_review.sh. Every mutant (STEP=1): hours.
mutate-review34:
	scripts/setup.sh test
	scripts/mutate_review34.sh

# Stop 54's search readings (review 35, docs/safety/mutation.md "Review 35 (stop 54)"): fix37c's calm call kept from a
# p9 / p15-17 lead, fix37d's adult alone with the children, bedtime and a sister's pregnancy, fix37b's act with the
# child's fault and a carer's slang for drink or drugs, the merge's mends, the loaders' and checks' new lines; each group
# against its reading's tests and review 35's (tests/pathway/test_search_review35_mut.py); the body shared in
# scripts/mutmut_review.sh. Every mutant (STEP=1): hours.
mutate-review35:
	scripts/setup.sh test
	scripts/mutate_review35.sh

# Stop 55's search readings (review 36, docs/safety/mutation.md "Review 36 (stop 55)"): fix39b's pregnancy length,
# fix39c's carer word as an act's object, drink by a bare measure and a carer's concern in a contrast clause, fix40a's
# and the merge's c.turned_out in _named_rows_below, the loaders' and check's new lines; each group against its
# reading's tests and review 36's (tests/pathway/test_search_review36_mut.py); the body shared in
# scripts/mutmut_review.sh. Every mutant (STEP=1): hours.
mutate-review36:
	scripts/setup.sh test
	scripts/mutate_review36.sh
