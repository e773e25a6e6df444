"""Issue 17's speed ratios, all in one run: the product against a bare Flask app served the same way.

1. Directly (gunicorn 2 workers x 4 threads on loopback, SQLite), as benchmarks/load_http.py:
   GET /result (a finished journey) against the bare page, and POST /api/v1/assess against the
   bare endpoint at 200 clients. CPU per request is the gunicorn processes' user + system time.
2. Through the deployed topology (benchmarks/_topology.py: nginx with TLS in front of two
   instances from the systemd unit, 2 workers each, PostgreSQL): the same page against the bare
   page behind the same nginx. CPU per request counts the app instances only (nginx's own is
   reported apart).

    .venv/bin/python -m benchmarks.deployed_speed [--seconds 10] [--out docs/figures/DATE-topology-speed.json]

Short by design (about 2 minutes at 10 s a run): the machine is shared; the ratios, not the
absolute figures, are what to compare. Nothing is asserted here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._gunicorn import gunicorn
from benchmarks._topology import Topology, fresh_database, publish
from benchmarks.load_http import CASE, GET_WITH_COOKIE, POST_JSON, WRK_REPORT, _journey_cookie, assess_request, product_to_bare, wrk_run

BARE = "benchmarks._bare_app:create_bare_app()"
PRODUCT = "webapp:create_app()"


def _wrk(pids: list[int], url: str, clients: int, seconds: int, script: Path, nginx_pids: list[int] | tuple[int, ...] = ()) -> dict:
    return {"clients": clients, **wrk_run(pids, url, clients, seconds, script, nginx_pids)}


def _nginx_pids(topo: Topology) -> list[int]:
    return [topo.nginx.pid]


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp())
    sqlite = f"sqlite:///{tmp / 'load.sqlite3'}"
    env = {**os.environ, "DATABASE_URL": sqlite, "SECRET_KEY": "load-test"}
    scripts = {"post": POST_JSON % json.dumps(CASE), "get": 'wrk.method = "GET"\n', "result": GET_WITH_COOKIE % _journey_cookie(sqlite)}
    for name, body in scripts.items():
        (tmp / f"{name}.lua").write_text(body + WRK_REPORT)
    lua = {name: tmp / f"{name}.lua" for name in scripts}
    s = args.seconds
    report = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{os.cpu_count()} cores",
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
        "command": "python -m benchmarks.deployed_speed " + " ".join(sys.argv[1:] if argv is None else argv),
        "seconds_per_run": s,
    }

    direct = {}
    with gunicorn(PRODUCT, env, 2, assess_request, 4) as (base, pid):
        direct["product /result"] = _wrk([pid], f"{base}/result", 10, s, lua["result"])
        direct["product /api/v1/assess"] = _wrk([pid], f"{base}/api/v1/assess", 200, s, lua["post"])
    with gunicorn(BARE, env, 2, assess_request, 4) as (base, pid):
        direct["bare /"] = _wrk([pid], f"{base}/", 10, s, lua["get"])
        direct["bare /api/v1/assess"] = _wrk([pid], f"{base}/api/v1/assess", 200, s, lua["post"])
    report["direct"] = {
        "runs": direct,
        "result page vs bare page, 10 clients": product_to_bare(direct["product /result"], direct["bare /"]),
        "assess vs bare, 200 clients": product_to_bare(direct["product /api/v1/assess"], direct["bare /api/v1/assess"]),
    }

    from tests.store.conftest import postgres_url

    if postgres_url():
        nginx = {}
        with fresh_database(postgres_url()) as url:
            cookie_script = tmp / "result-pg.lua"
            cookie_script.write_text(GET_WITH_COOKIE % _journey_cookie(url) + WRK_REPORT)
            for app, spec, path, script, probe in (("product", None, "/result", cookie_script, "/accessibility"), ("bare", BARE, "/", lua["get"], "/")):
                with tempfile.TemporaryDirectory() as work:
                    topo = Topology(Path(work), url, instances=2, workers=2, app_spec=spec, probe=probe).start()
                    try:
                        nginx[f"{app} {path}"] = _wrk([n.proc.pid for n in topo.nodes], topo.base + path, 10, s, script, _nginx_pids(topo))
                    finally:
                        topo.stop()
        report["through_nginx"] = {"runs": nginx, "result page vs bare page, 10 clients": product_to_bare(nginx["product /result"], nginx["bare /"])}
    return publish(report, args.out)


if __name__ == "__main__":
    main()
