"""Evaluations per second for realistic random cases: durable-rules against plain Python.

Reports medians and the ratio, so the cost of the rules engine is visible. The aim (issue 2)
is a 15-indicator case in under 1 ms median for the whole evaluate(). With
`--memory-evaluations 1000000` it also shows that memory does not grow over a million
evaluations in one process (issue 7): resident memory at ten checkpoints, heap growth over a
window of 100,000 traced evaluations.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import time
import tracemalloc

from pathway import Case, load_catalogue
from pathway.checks import resolve_indicators
from rules import engine, evaluate, needs
from rules.facts import need_facts
from tests.rules.oracle import oracle_level as reference_level


def realistic_cases(n: int, size: int, seed: int = 1) -> list[Case]:
    """Cases drawn like real ones: mostly additional and extensive needs, a few strengths, rare immediate."""
    catalogue = load_catalogue()
    rng = random.Random(seed)
    by_level: dict[str, list[str]] = {}
    for ind in catalogue.indicators:
        if not ind.age_band:
            by_level.setdefault("immediate" if ind.immediate else ind.level.value, []).append(ind.id)
    weights = {"universal": 2, "additional": 6, "extensive": 4, "protection": 1, "immediate": 0.3}
    states_disability = set(catalogue.interpretations.cin_disability.states_substantial_lifelong_disability)
    cases = []
    for _ in range(n):
        years = rng.randint(0, 17)
        # only indicators whose words mean something at this age (the checks refuse the others)
        meaningful = {level: [i for i in ids if catalogue.admits(i, False, years * 12)] for level, ids in by_level.items()}
        chosen: set[str] = set()
        while len(chosen) < size:
            level = rng.choices(list(weights), weights=list(weights.values()))[0]
            chosen.add(rng.choice(meaningful[level]))
        disability = rng.choice(["none", "none", "mild_moderate", "substantial_lifelong"])
        if chosen & states_disability:  # such answers with no or a mild disability are refused
            disability = "substantial_lifelong"
        cases.append(
            Case.parse(
                {
                    "child": {"age_years": years},
                    "indicators": sorted(chosen),
                    "context": {
                        "caf": rng.choice(["none", "open_improving", "open_not_improving"]),
                        "disability": disability,
                        "contact_time": "2026-11-24T10:30:00+00:00",
                    },
                }
            )
        )
    return cases


def _rss_kib() -> int:
    """Resident memory of this process (durable-rules' C memory is invisible to tracemalloc)."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)


def _timed(fn, items) -> list[float]:
    out = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        out.append(time.perf_counter() - start)
    return out


def _rss_curve(cases, evaluations: int) -> tuple[list[tuple[int, int]], float]:
    """Resident memory at ten checkpoints of a long run (no tracemalloc, so full speed)."""
    step = max(evaluations // 10, 1)
    curve = [(0, _rss_kib())]
    start = time.perf_counter()
    for i in range(1, evaluations + 1):
        evaluate(cases[i % len(cases)])
        if i % step == 0:
            curve.append((i, _rss_kib()))
    return curve, time.perf_counter() - start


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--size", type=int, default=15)
    parser.add_argument("--memory-evaluations", type=int, default=20000)
    args = parser.parse_args(argv)
    catalogue = load_catalogue()
    cases = realistic_cases(args.cases, args.size)
    checked = [(c, resolve_indicators(c, catalogue)) for c in cases]
    for c in cases[:200]:  # warm up
        evaluate(c)

    full = _timed(evaluate, cases)
    durable_levels = _timed(lambda ci: engine.run(needs.NAME, need_facts(ci[0], ci[1], catalogue)), checked)
    plain_levels = _timed(lambda ci: reference_level(ci[0], catalogue), checked)

    for c in cases:  # warm every cache once (zoneinfo, pydantic) before measuring growth
        evaluate(c)
    heap_window = min(args.memory_evaluations, 100_000)  # tracemalloc slows every call: a window
    tracemalloc.start()
    base, _ = tracemalloc.get_traced_memory()
    for i in range(heap_window):
        evaluate(cases[i % len(cases)])
    after, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_curve, wall = _rss_curve(cases, args.memory_evaluations)
    rss_before, rss_after = rss_curve[0][1], rss_curve[-1][1]
    settled = next((kib for n, kib in rss_curve if n >= args.memory_evaluations // 10), rss_before)

    med = lambda xs: statistics.median(xs) * 1000  # noqa: E731
    report = {
        "machine": f"{platform.machine()} {platform.python_implementation()} {platform.python_version()}",
        "cases": args.cases,
        "indicators_per_case": args.size,
        "evaluate_median_ms": round(med(full), 3),
        "evaluate_p95_ms": round(statistics.quantiles(full, n=20)[18] * 1000, 3),
        "evaluations_per_second": round(len(full) / sum(full)),
        "durable_level_stage_median_ms": round(med(durable_levels), 3),
        "plain_python_level_median_ms": round(med(plain_levels), 4),
        "ratio_durable_to_plain": round(med(durable_levels) / med(plain_levels), 1),
        "python_heap_growth_kib_over_window": round((after - base) / 1024, 1),
        "heap_window_evaluations": heap_window,
        "memory_evaluations": args.memory_evaluations,
        "evaluations_per_second_over_memory_run": round(args.memory_evaluations / wall),
        "process_rss_growth_kib_whole_run": rss_after - rss_before,
        "process_rss_growth_kib_last_90_percent": rss_after - settled,
        "rss_kib_curve": rss_curve,
        "target_evaluate_median_ms": 1.0,
    }
    print(json.dumps(report, indent=1))
    return report


if __name__ == "__main__":
    main()
