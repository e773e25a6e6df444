# The two commands of the README. Both set up a fresh machine first (idempotent).
.PHONY: run test bench

run:
	scripts/setup.sh run
	.venv/bin/flask --app 'webapp:create_app()' run --host 127.0.0.1 --port $${PORT:-5000}

test:
	scripts/setup.sh test
	.venv/bin/python -m pytest $(PYTEST_ARGS)

bench:
	scripts/setup.sh test
	.venv/bin/python -m benchmarks
