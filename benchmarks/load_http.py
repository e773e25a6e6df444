"""Load on the JSON API served by gunicorn, driven by wrk from a second process on loopback.

On demand only (`python -m benchmarks.load_http`; about 7 minutes at the defaults). For each
client count it reports throughput, p50/p95/p99 latency and errors for the product's
POST /api/v1/assess and for a bare Flask endpoint served the same way, and the ratio between
them, so the cost of the product's own work is visible (aim: at least half the bare throughput).
Traffic goes to 127.0.0.1 only; every run is bounded in time.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASE = {"child": {"age_years": 7}, "indicators": [
    "additional.lack_routine", "additional.poor_school_attendance_exclusion", "extensive.children_who_go_missing",
    "additional.suspected_domestic_violence", "universal.physically_well"],
    "context": {"caf": "open_not_improving", "contact_time": "2026-11-24T10:30:00+00:00"}}
LUA = """wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[%s]]
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_gunicorn(app_spec: str, port: int, workers: int, env: dict) -> subprocess.Popen:
    """gunicorn serving `app_spec` on 127.0.0.1:port, once it answers (tests use it too)."""
    cmd = [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
           "--threads", "4", "--log-level", "warning", app_spec]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env)
    # gunicorn opens the port before its workers have loaded the app: wait for real answers
    body = json.dumps(CASE).encode()
    answered = 0
    for _ in range(300):
        try:
            req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/assess", data=body,
                                         headers={"Content-Type": "application/json"})
            urllib.request.urlopen(req, timeout=5).read()
            answered += 1
            if answered >= 4 * workers:
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"{app_spec} did not start")


def _wrk(port: int, clients: int, seconds: int, script: Path) -> dict:
    out = subprocess.run(["wrk", "-t", "2", "-c", str(clients), "-d", f"{seconds}s", "--timeout", "10s",
                          "-s", str(script), f"http://127.0.0.1:{port}/api/v1/assess"],
                         capture_output=True, text=True, timeout=seconds + 60).stdout
    n, dur, sock_err, status_err, p50, p95, p99 = map(int, re.search(r"RESULT (.*)", out).group(1).split())
    return {"requests_per_s": round(n / (dur / 1e6), 1), "p50_ms": p50 / 1000, "p95_ms": p95 / 1000,
            "p99_ms": p99 / 1000, "errors": sock_err + status_err, "requests": n}


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--clients", default="10,50,200")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    tmp = Path(tempfile.mkdtemp())
    script = tmp / "post.lua"
    script.write_text(LUA % json.dumps(CASE))
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp / 'load.sqlite3'}", "SECRET_KEY": "load-test"}
    report = {"date": time.strftime("%Y-%m-%d"), "machine": f"{os.cpu_count()} cores",
              "gunicorn": f"{args.workers} workers x 4 threads", "seconds": args.seconds, "runs": []}
    for name, spec in (("bare", "benchmarks._bare_app:create_bare_app()"), ("assess", "webapp:create_app()")):
        port = free_port()
        server = serve_gunicorn(spec, port, args.workers, env)
        try:
            for clients in map(int, args.clients.split(",")):
                report["runs"].append({"app": name, "clients": clients, **_wrk(port, clients, args.seconds, script)})
        finally:
            server.terminate()
            server.wait(timeout=30)
    for clients in map(int, args.clients.split(",")):
        bare = next(r for r in report["runs"] if r["app"] == "bare" and r["clients"] == clients)
        real = next(r for r in report["runs"] if r["app"] == "assess" and r["clients"] == clients)
        report.setdefault("ratio_assess_to_bare", {})[str(clients)] = round(real["requests_per_s"] / bare["requests_per_s"], 2)
    print(json.dumps(report, indent=1))
    return report


if __name__ == "__main__":
    main()
