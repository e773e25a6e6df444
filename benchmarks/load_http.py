"""Load on the JSON API and the result page served by gunicorn, driven by wrk on loopback.

On demand only (`python -m benchmarks.load_http`; about 13 minutes at the defaults). For each
client count it reports throughput, p50/p95/p99 latency, errors and the server's CPU time per
request for the product's POST /api/v1/assess and GET /result (a practitioner's finished
journey), and for a bare Flask app served the same way, with the ratios between them, so the
cost of the product's own work is visible (aim: assess at least half the bare throughput).
CPU per request is reported because it is steadier than throughput on a shared machine.
Traffic goes to 127.0.0.1 only; every run is bounded in time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks._gunicorn import ROOT, Served, gunicorn

PROBE = ROOT / "benchmarks" / "_lock_probe.py"  # the production gunicorn.conf.py plus ready marks and probes

CASE = {
    "child": {"age_years": 7},
    "indicators": [
        "additional.lack_routine",
        "additional.poor_school_attendance_exclusion",
        "extensive.children_who_go_missing",
        "additional.suspected_domestic_violence",
        "universal.physically_well",
    ],
    "context": {"caf": "open_not_improving", "contact_time": "2026-11-24T10:30:00+00:00"},
}
WRK_REPORT = """
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""
POST_JSON = 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = [[%s]]\n'
GET_WITH_COOKIE = 'wrk.method = "GET"\nwrk.headers["Cookie"] = "%s"\n'
TICKS = [
    "additional.lack_routine",
    "additional.poor_school_attendance_exclusion",
    "extensive.children_who_go_missing",
    "additional.suspected_domestic_violence",
]


def assess_request(base: str) -> urllib.request.Request:
    return urllib.request.Request(f"{base}/api/v1/assess", data=json.dumps(CASE).encode(), headers={"Content-Type": "application/json"})


@contextmanager
def served(spec: str, env: dict, workers: int, threads: int, probe_dir: Path) -> Iterator[Served]:
    """gunicorn serving `spec` by the production configuration, once every worker has loaded the
    app: wrk opens all its keep-alive connections at the start and keeps them, so a worker still
    loading would get none (the product takes seconds to load, the bare app none). The workers
    write what they measured (benchmarks/_lock_probe.py) into `probe_dir` when they exit."""
    ready = probe_dir / "ready"
    ready.mkdir(parents=True)
    env = {**env, "FSP_READY_DIR": str(ready), "FSP_PROBE_DIR": str(probe_dir)}
    with gunicorn(spec, env, workers, assess_request, threads, extra=("-c", str(PROBE))) as server:
        deadline = time.monotonic() + 120
        while len(list(ready.iterdir())) < workers:
            if time.monotonic() > deadline:
                raise RuntimeError(f"only {len(list(ready.iterdir()))} of {workers} workers loaded the app")
            time.sleep(0.1)
        yield server


def _cpu_seconds(master_pid: int) -> float:
    """User + system CPU of gunicorn's workers (the master's children), from /proc."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    for pid in [master_pid, *map(int, children)]:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def wrk_run(pids: list[int], url: str, clients: int, seconds: int, script: Path, nginx_pids: list[int] | tuple[int, ...] = ()) -> dict:
    """One wrk run: throughput, latency, errors, and the CPU per request of the gunicorn masters
    `pids` with their workers (and of nginx, if its processes are given)."""

    def cpu(ps) -> float:
        return sum(_cpu_seconds(p) for p in ps)

    before, nginx_before = cpu(pids), cpu(nginx_pids)
    out = subprocess.run(
        ["wrk", "-t", "2", "-c", str(clients), "-d", f"{seconds}s", "--timeout", "10s", "-s", str(script), url],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    ).stdout
    used, nginx_used = cpu(pids) - before, cpu(nginx_pids) - nginx_before
    n, dur, sock_err, status_err, p50, p95, p99 = map(int, re.search(r"RESULT (.*)", out).group(1).split())
    run = {
        "requests_per_s": round(n / (dur / 1e6), 1),
        "p50_ms": p50 / 1000,
        "p95_ms": p95 / 1000,
        "p99_ms": p99 / 1000,
        "errors": sock_err + status_err,
        "requests": n,
        "server_cpu_ms_per_request": round(used * 1000 / max(n, 1), 3),
    }
    if nginx_pids:
        run["nginx_cpu_ms_per_request"] = round(nginx_used * 1000 / max(n, 1), 3)
    return run


def product_to_bare(product: dict, bare: dict) -> dict:
    """The product's run against the bare app's: throughput ratio and CPU cost ratio."""
    return {
        "throughput_product_to_bare": round(product["requests_per_s"] / bare["requests_per_s"], 2),
        "cpu_per_request_product_to_bare": round(product["server_cpu_ms_per_request"] / max(bare["server_cpu_ms_per_request"], 1e-9), 2),
    }


def _journey_cookie(database_url: str) -> str:
    """A finished practitioner journey, saved in the load database's sessions table; its cookie.

    Filled in through the app's own forms (test client, same database), so GET /result under
    load reads a real session and evaluates a real case.
    """
    from pathway.catalogue import load_catalogue
    from webapp import create_app
    from webapp.journey.pages import needs_pages

    app = create_app({"DATABASE_URL": database_url, "SECRET_KEY": "load-test", "WTF_CSRF_ENABLED": False})
    client = app.test_client()
    client.post("/safety", data={"immediate": "none"})
    client.post(
        "/child",
        data={
            "born": "yes",
            "age_years": "7",
            "age_months": "0",
            "disability": "none",
            "caf": "open_not_improving",
            "consent": "yes",
            "current_level": "not_known",
        },
    )
    catalogue = load_catalogue()
    for page in needs_pages():
        data: dict[str, list[str]] = {}
        for iid in sorted(set(TICKS) & page.indicator_ids()):
            data.setdefault(catalogue.indicator(iid).dimension, []).append(iid)
        client.post(f"/needs/{page.id}", data=data)
    response = client.get("/result")
    if response.status_code != 200 or b"Extensive" not in response.data:
        raise RuntimeError(f"the journey did not reach its result ({response.status_code})")
    return f"fsp_session={client.get_cookie('fsp_session').value}"


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--clients", default="10,50,200")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4, help="per worker (gthread)")
    parser.add_argument("--kinds", default="json,page", help="json (the assess API), page (the result page)")
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    tmp = Path(tempfile.mkdtemp())
    database_url = f"sqlite:///{tmp / 'load.sqlite3'}"
    env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "load-test"}
    post = tmp / "post.lua"
    post.write_text(POST_JSON % json.dumps(CASE) + WRK_REPORT)
    result = tmp / "result.lua"
    result.write_text(GET_WITH_COOKIE % _journey_cookie(database_url) + WRK_REPORT)
    bare_get = tmp / "get.lua"
    bare_get.write_text('wrk.method = "GET"\n' + WRK_REPORT)
    plan = {  # app -> [(endpoint name, path, wrk script)]
        "bare": [("json", "/api/v1/assess", post), ("page", "/", bare_get)],
        "product": [("json", "/api/v1/assess", post), ("page", "/result", result)],
    }
    specs = {"bare": "benchmarks._bare_app:create_bare_app()", "product": "webapp:create_app()"}
    load = os.getloadavg()
    report = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{os.cpu_count()} cores",
        "load_average_before": [round(x, 2) for x in load],
        "gunicorn": f"{args.workers} workers x {args.threads} threads (gthread)",
        "wrk": "2 threads",
        "seconds": args.seconds,
        "runs": [],
    }
    for app, endpoints in plan.items():
        with served(specs[app], env, args.workers, args.threads, tmp / app) as (base, pid):
            for kind, path, script in (e for e in endpoints if e[0] in args.kinds.split(",")):
                for clients in map(int, args.clients.split(",")):
                    run = wrk_run([pid], f"{base}{path}", clients, args.seconds, script)
                    report["runs"].append({"app": app, "endpoint": path, "kind": kind, "clients": clients, **run})
                    print(json.dumps(report["runs"][-1]), file=sys.stderr)
    report["ratios"] = _ratios(report["runs"], map(int, args.clients.split(",")), args.kinds.split(","))
    print(json.dumps(report, indent=1))
    return report


def _ratios(runs: list[dict], client_counts, kinds) -> dict:
    """Product against bare, same kind and client count: throughput ratio and CPU cost ratio."""
    out = {}
    for clients in client_counts:
        for kind in kinds:
            bare = next(r for r in runs if r["app"] == "bare" and r["kind"] == kind and r["clients"] == clients)
            real = next(r for r in runs if r["app"] == "product" and r["kind"] == kind and r["clients"] == clients)
            out[f"{real['endpoint']} at {clients}"] = product_to_bare(real, bare)
    return out


if __name__ == "__main__":
    main()
