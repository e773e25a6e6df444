"""POST /api/v1/assess under load, profiled (issue 17): where do the requests wait at 200 clients?

For each gunicorn shape (workers x threads) it runs the product and the bare endpoint for the
same short time at the same client count (wrk, loopback), and reports the throughput and CPU
ratios, p99, and, from inside the workers (benchmarks/_lock_probe.py): how the requests were
shared among the workers, the CPU spent inside the app against the whole worker's, and for the
product how often a request found the rules lock taken and how long requests waited for it
against how long they held it. wrk starts only once every worker has loaded the app (its
connections last the whole run). Short by design: this 2-core machine is shared.

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

from benchmarks.load_http import CASE, POST_JSON, WRK_REPORT, product_to_bare, served, wrk_run


def _run(spec: str, env: dict, workers: int, threads: int, clients: int, seconds: int, script: Path, probe_dir: Path) -> dict:
    with served(spec, env, workers, threads, probe_dir) as (base, pid):
        run = wrk_run([pid], f"{base}/api/v1/assess", clients, seconds, script)
    probes = [json.loads(p.read_text()) for p in probe_dir.glob("*.json")]
    requests = sum(p["requests"] for p in probes) or 1
    run["requests_per_worker"] = sorted(p["requests"] for p in probes)
    # the workers' own view (the run and the start-up probes): CPU inside the app, and in the whole worker
    run["app_cpu_ms_per_request"] = round(sum(p["app_cpu_s"] for p in probes) * 1000 / requests, 3)
    run["worker_cpu_ms_per_request"] = round(sum(p["worker_cpu_s"] for p in probes) * 1000 / requests, 3)
    if "FSP_LOCK_PROBE" in env:
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
        product_dir, bare_dir = tmp / f"product-{shape}", tmp / f"bare-{shape}"
        product = _run("webapp:create_app()", {**env, "FSP_LOCK_PROBE": "1"}, workers, threads, args.clients, args.seconds, script, product_dir)
        bare = _run("benchmarks._bare_app:create_bare_app()", env, workers, threads, args.clients, args.seconds, script, bare_dir)
        entry = {
            "shape": f"{workers} workers x {threads} threads",
            "product": product,
            "bare": bare,
            **product_to_bare(product, bare),
        }
        report["shapes"].append(entry)
        print(json.dumps(entry), file=sys.stderr, flush=True)
    print(json.dumps(report, indent=1))
    return report


if __name__ == "__main__":
    main()
