"""evaluate() against durable-rules' own floor (issue 17), in one run.

The floor is the cheapest possible use of the engine through rules.engine: a trivial ruleset of
one rule, one fact posted into a fresh state, the state deleted. evaluate() calls the engine a
known number of times per case (counted here, not assumed); its median is reported as a multiple
of that many floor calls. Everything evaluate() does beyond the engine (resolving indicators,
building facts, sorting reasons, validating the decision) is what the ratio shows.

    .venv/bin/python -m benchmarks.engine_floor [--cases 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time

from durable import engine as _durable_engine
from durable.lang import m, when_all

from benchmarks.rules_speed import realistic_cases
from rules import engine, evaluate

FLOOR = "benchmark_floor"


def _define_floor(emit) -> None:
    @when_all(m.kind == "floor")
    def seen(c):
        emit(c.s.sid, {"seen": True})


def _median_ms(fn, items) -> float:
    times = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=2000)
    args = parser.parse_args(argv)
    engine.register(FLOOR, _define_floor)
    cases = realistic_cases(args.cases, 15)

    calls = actions = 0
    real_run, real_action = engine.run, _durable_engine.Promise.run

    def counting(name, facts):
        nonlocal calls
        calls += 1
        return real_run(name, facts)

    def counting_action(promise, c, complete):  # every rule action durable-rules fires
        nonlocal actions
        actions += 1
        return real_action(promise, c, complete)

    engine.run, _durable_engine.Promise.run = counting, counting_action
    try:
        for c in cases:
            evaluate(c)
    finally:
        engine.run, _durable_engine.Promise.run = real_run, real_action
    per_case = calls / len(cases)

    for _ in range(3):  # interleaved rounds: the machine's load changes under both alike
        floor = _median_ms(lambda _: engine.run(FLOOR, [{"kind": "floor"}]), range(len(cases)))
        full = _median_ms(evaluate, cases)
    report = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "cases": args.cases,
        "engine_calls_per_evaluate": round(per_case, 3),
        "rule_actions_per_evaluate": round(actions / len(cases), 3),
        "floor_one_call_median_ms": round(floor, 4),
        "floor_per_evaluate_ms": round(floor * per_case, 4),
        "evaluate_median_ms": round(full, 4),
        "evaluate_to_floor": round(full / (floor * per_case), 2),
        "aim": "evaluate_to_floor <= 2",
    }
    print(json.dumps(report, indent=1))
    return report


if __name__ == "__main__":
    main()
