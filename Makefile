# The two commands of the README. Both set up a fresh machine first (idempotent).
.PHONY: run test bench bench-quick prove lock mutate

run:
	scripts/setup.sh run
	.venv/bin/flask --app 'webapp:create_app()' run --host 127.0.0.1 --port $${PORT:-5000}

test:
	scripts/setup.sh test
	.venv/bin/python -m pytest $(PYTEST_ARGS)

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
	-.venv/bin/mutmut run --max-children 2 >/dev/null 2>&1 || true
	.venv/bin/python scripts/mutmut_rules_stats.py
	.venv/bin/mutmut run --max-children 2
	.venv/bin/mutmut results --all true > docs/figures/rules-mutants.txt
	.venv/bin/python scripts/mutate_catalogue.py
