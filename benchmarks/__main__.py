"""Run every benchmark in this folder: `python -m benchmarks [--quick] [NAME ...]`.

Without --quick the sizes are the ones docs/benchmarks.md publishes (a million evaluations,
60-second loads at 10, 50 and 200 clients): about 25 minutes. --quick is a smoke run of a few
minutes. Every report is also written to benchmark-results/<UTC time>.json.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import pkgutil
import time
from pathlib import Path

import benchmarks

FULL = {"rules_speed": ["--memory-evaluations", "1000000"]}
QUICK = {
    "rules_speed": ["--cases", "500", "--memory-evaluations", "5000"],
    "load_http": ["--seconds", "5", "--clients", "10,50"],
    "deployed_speed": ["--seconds", "3"],
    "assess_profile": ["--seconds", "3", "--shapes", "2x4"],
    "engine_floor": ["--cases", "500"],
    "topology": ["--clients", "4"],
}


def _names() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__) if not m.name.startswith("_"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smoke sizes, a few minutes")
    parser.add_argument("names", nargs="*", metavar="NAME", help="any of: " + ", ".join(_names()))
    args = parser.parse_args()
    unknown = set(args.names) - set(_names())
    if unknown:
        parser.error(f"no such benchmark: {', '.join(sorted(unknown))}")
    sizes = QUICK if args.quick else FULL
    results = {}
    for name in args.names or _names():
        print(f"== {name}", flush=True)
        fn = importlib.import_module(f"benchmarks.{name}").main
        takes_argv = "argv" in inspect.signature(fn).parameters
        results[name] = fn(sizes.get(name, [])) if takes_argv else fn()
    out = Path("benchmark-results") / time.strftime("%Y%m%dT%H%M%SZ.json", time.gmtime())
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"quick": args.quick, "results": results}, indent=1, default=str))
    print(f"written to {out}")


main()
