"""How fast `pathway scenarios run` gets through a big batch (issue 4: 10,000 "in seconds").

Generates N scenarios (default 10,000) in a temporary folder, copies of the shipped ones with
fresh ids spread over files of 100, then times loading+validating, running, and the whole CLI
as a subprocess (one process, then the automatic number of worker processes). Reports
scenarios/second. A measurement, not a test: it asserts nothing.

    .venv/bin/python benchmarks/scenarios_batch.py [--count N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pathway.scenarios import default_paths, dump_scenarios
from training.batch import auto_jobs, load_paths
from training.runner import run

PER_FILE = 100


def generate(folder: Path, count: int) -> None:
    shipped = [item.scenario for item in load_paths(default_paths())]
    batch = [shipped[n % len(shipped)].model_copy(update={"id": f"bench-{n:06d}"}) for n in range(count)]
    for start in range(0, count, PER_FILE):
        (folder / f"batch_{start // PER_FILE:04d}.yaml").write_text(dump_scenarios(batch[start : start + PER_FILE]), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    import rules  # noqa: F401  registering the rulesets is start-up cost, timed apart

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate(folder, args.count)
        t0 = time.perf_counter()
        loaded = load_paths([folder])
        t1 = time.perf_counter()
        results = run(loaded)
        t2 = time.perf_counter()
        cli = {}
        for label, extra in (("CLI, --jobs 1", ["--jobs", "1"]), (f"CLI, --jobs auto ({auto_jobs(sorted(folder.glob('*.yaml')))})", [])):
            start = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "cli", "scenarios", "run", "--json", *extra, str(folder)], capture_output=True, text=True)
            cli[label] = (time.perf_counter() - start, proc.returncode)
    agree = sum(r.match for r in results)
    print(f"scenarios:           {len(results)} ({agree} agree) in {args.count // PER_FILE or 1} files")
    print(f"load + validate:     {t1 - t0:6.2f} s  {len(loaded) / (t1 - t0):8.0f} scenarios/s")
    print(f"run through rules:   {t2 - t1:6.2f} s  {len(results) / (t2 - t1):8.0f} scenarios/s")
    print(f"in-process total:    {t2 - t0:6.2f} s  {len(results) / (t2 - t0):8.0f} scenarios/s")
    for label, (seconds, code) in cli.items():
        print(f"{label + ':':<21}{seconds:6.2f} s  {len(results) / seconds:8.0f} scenarios/s (exit {code})")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine:             {os.cpu_count()} CPUs, load average {load:.1f} (timings are noisy on a shared machine)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
