"""Run every benchmark: `python -m benchmarks`."""
from benchmarks import rules_speed

rules_speed.main()
