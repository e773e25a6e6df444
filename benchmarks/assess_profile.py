"""POST /api/v1/assess under load, profiled (issue 17): where do the requests wait at 200 clients?

For each gunicorn shape (workers x threads) it runs the product and the bare endpoint for the
same short time at the same client count (wrk, loopback), and reports the throughput and CPU
ratios, p99, and, from inside the product's workers (benchmarks/_lock_probe.py), how often a
request found the rules lock taken and how long requests waited for it against how long they
held it. Short by design: this 2-core machine is shared.

    .venv/bin/python -m benchmarks.assess_profile [--clients 200] [--seconds 8] [--shapes 2x4,2x1,4x1]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._gunicorn import ROOT, gunicorn
from benchmarks.load_http import CASE, POST_JSON, WRK_REPORT, _wrk, assess_request

PROBE = ROOT / "benchmarks" / "_lock_probe.py"


def _run(spec: str, env: dict, workers: int, threads: int, clients: int, seconds: int, script: Path, probe_dir: Path | None) -> dict:
    extra = ("-c", str(PROBE)) if probe_dir else ()
    with gunicorn(spec, env, workers, assess_request, threads, extra=extra) as (base, pid):
        run = _wrk(pid, f"{base}/api/v1/assess", clients, seconds, script)
    if probe_dir:
        probes = [json.loads(p.read_text()) for p in probe_dir.glob("*.json")]
        calls = sum(p["calls"] for p in probes) or 1
        run["rules_lock"] = {
            "calls": calls,
            "found_taken": round(sum(p["contended"] for p in probes) / calls, 3),
            "mean_wait_ms": round(sum(p["wait_s"] for p in probes) * 1000 / calls, 3),
            "mean_held_ms": round(sum(p["held_s"] for p in probes) * 1000 / calls, 3),
        }
    return run


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--shapes", default="2x4,2x1,4x1")
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: scripts/setup_bench_system.sh")
    tmp = Path(tempfile.mkdtemp())
    script = tmp / "post.lua"
    script.write_text(POST_JSON % json.dumps(CASE) + WRK_REPORT)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp / 'load.sqlite3'}", "SECRET_KEY": "load-test"}
    report = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{os.cpu_count()} cores",
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
        "clients": args.clients,
        "seconds": args.seconds,
        "shapes": [],
    }
    for shape in args.shapes.split(","):
        workers, threads = map(int, shape.split("x"))
        probe_dir = tmp / f"probe-{shape}"
        probe_dir.mkdir()
        product = _run("webapp:create_app()", {**env, "FSP_LOCK_PROBE": str(probe_dir)}, workers, threads, args.clients, args.seconds, script, probe_dir)
        bare = _run("benchmarks._bare_app:create_bare_app()", env, workers, threads, args.clients, args.seconds, script, None)
        entry = {
            "shape": f"{workers} workers x {threads} threads",
            "product": product,
            "bare": bare,
            "throughput_product_to_bare": round(product["requests_per_s"] / bare["requests_per_s"], 2),
            "cpu_per_request_product_to_bare": round(product["server_cpu_ms_per_request"] / max(bare["server_cpu_ms_per_request"], 1e-9), 2),
        }
        report["shapes"].append(entry)
        print(json.dumps(entry), file=sys.stderr, flush=True)
    print(json.dumps(report, indent=1))
    return report


if __name__ == "__main__":
    main()
