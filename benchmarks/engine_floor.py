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
from rules import engine, ensure_registered, evaluate
from rules.what_if import nearby

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


def _counted(work) -> tuple[int, int]:
    """Engine calls and rule actions fired while `work()` runs."""
    calls = actions = 0
    real_run = engine.run

    def counting(name, facts):
        nonlocal calls
        calls += 1
        return real_run(name, facts)

    def counting_action(fn):
        def counted(*args):
            nonlocal actions
            actions += 1
            return fn(*args)

        return counted

    real_each = getattr(engine, "run_each", None)

    def counting_each(name, facts):  # one engine call (state) per BATCH facts
        nonlocal calls
        calls += -(-len(facts) // engine.BATCH)
        return real_each(name, facts)

    rulesets = getattr(engine, "_RULESETS", None)
    engine.run = counting
    if real_each is not None:
        engine.run_each = counting_each
    if rulesets is not None:  # rules.engine runs each action itself
        saved = dict(rulesets)
        rulesets.update({name: (handle, {rule: counting_action(fn) for rule, fn in acts.items()}, *rest) for name, (handle, acts, *rest) in saved.items()})
    else:  # earlier commits: durable-rules' own loop runs every action through Promise.run
        real_action = _durable_engine.Promise.run
        _durable_engine.Promise.run = counting_action(real_action)
    try:
        work()
    finally:
        engine.run = real_run
        if real_each is not None:
            engine.run_each = real_each
        if rulesets is not None:
            rulesets.update(saved)
        else:
            _durable_engine.Promise.run = real_action
    return calls, actions


def _durable_rules_own_floor() -> None:
    """The floor through durable-rules' own Host loop (Closure, Promise, callbacks), as before rules.engine drove the C engine."""
    with engine._LOCK:
        sid = f"own{next(engine._SIDS)}"
        engine._COLLECTED[sid] = []
        try:
            engine._HOST.assert_facts(FLOOR, [{"kind": "floor", "sid": sid}])
        finally:
            engine._COLLECTED.pop(sid)
            engine._HOST.delete_state(FLOOR, sid)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--what-if-cases", type=int, default=300)
    args = parser.parse_args(argv)
    engine.register(FLOOR, _define_floor)
    ensure_registered()  # before counting: the counted actions are those registered
    cases = realistic_cases(args.cases, 15)

    calls, actions = _counted(lambda: [evaluate(c) for c in cases])
    per_case = calls / len(cases)
    what_if_cases = [(c, evaluate(c)) for c in cases[: args.what_if_cases]]
    what_if_calls, what_if_actions = _counted(lambda: [nearby(c, d) for c, d in what_if_cases])

    for _ in range(3):  # interleaved rounds: the machine's load changes under both alike
        floor = _median_ms(lambda _: engine.run(FLOOR, [{"kind": "floor"}]), range(len(cases)))
        floor_own = _median_ms(lambda _: _durable_rules_own_floor(), range(len(cases)))
        full = _median_ms(evaluate, cases)
        what_if = _median_ms(lambda cd: nearby(*cd), what_if_cases)
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
        "floor_durable_rules_own_loop_one_call_median_ms": round(floor_own, 4),
        "evaluate_to_durable_rules_own_floor": round(full / (floor_own * per_case), 2),
        "what_if_cases": len(what_if_cases),
        "what_if_engine_calls_per_list": round(what_if_calls / max(len(what_if_cases), 1), 2),
        "what_if_rule_actions_per_list": round(what_if_actions / max(len(what_if_cases), 1), 2),
        "what_if_list_median_ms": round(what_if, 4),
        "aim": "evaluate_to_floor <= 2",
    }
    print(json.dumps(report, indent=1))
    return report


if __name__ == "__main__":
    main()
