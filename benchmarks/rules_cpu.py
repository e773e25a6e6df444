"""CPU time (not wall time) of `evaluate()` and of the what-if list, for comparing two commits on a
busy machine: wall-clock medians (benchmarks.engine_floor) grow with other processes' load, the
process's own CPU time much less. Realistic cases (benchmarks.rules_speed, 15 answers each) and the
result page's benchmark journey (benchmarks.load_http.TICKS: a child of 7, a CAF not improving).

    .venv/bin/python -m benchmarks.rules_cpu [--cases 300] [--rounds 3]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import time

from benchmarks.load_http import TICKS
from benchmarks.rules_speed import realistic_cases
from pathway.models import Case
from rules import ensure_registered, evaluate
from rules.what_if import nearby


def _cpu_ms(work, repeat: int) -> float:
    """CPU ms per call of `work()`, after one warm-up call, from a collected heap."""
    work()
    gc.collect()
    start = time.process_time()
    for _ in range(repeat):
        work()
    return (time.process_time() - start) * 1000 / repeat


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    ensure_registered()
    cases = realistic_cases(args.cases, 15)
    pairs = [(c, evaluate(c)) for c in cases]
    page = Case.parse(
        {"child": {"age_years": 7}, "indicators": sorted(TICKS), "context": {"caf": "open_not_improving", "disability": "none", "consent_to_early_help": True}}
    )
    page_decision = evaluate(page)
    rounds = []
    for _ in range(args.rounds):
        rounds.append(
            {
                "evaluate_cpu_ms": round(_cpu_ms(lambda: [evaluate(c) for c in cases], 1) / len(cases), 4),
                "what_if_list_cpu_ms": round(_cpu_ms(lambda: [nearby(c, d) for c, d in pairs], 1) / len(pairs), 4),
                "page_case_evaluate_cpu_ms": round(_cpu_ms(lambda: evaluate(page), 300), 4),
                "page_case_what_if_list_cpu_ms": round(_cpu_ms(lambda: nearby(page, page_decision), 100), 4),
            }
        )
    report = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "cases": args.cases,
        "rounds": rounds,
        "best": {k: min(r[k] for r in rounds) for k in rounds[0]},
    }
    print(json.dumps(report, indent=1))
    return report


if __name__ == "__main__":
    main()
