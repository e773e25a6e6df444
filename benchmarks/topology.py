"""The deployed topology under faults (issue 17): nginx with TLS, two gunicorn instances (the systemd
unit's command, 2 workers each), the project's PostgreSQL; signed-in clients save in a loop through
nginx while (1) one instance's master is SIGKILLed and started again, (2) PostgreSQL is stopped and
started (`pg_ctl stop -m fast`, then start: a restart with a look at the page in between).

    .venv/bin/python -m benchmarks.topology [--clients 8] [--out docs/figures/DATE-topology-faults.json]

Reports, per fault: confirmed_saves, lost_saves (confirmed but not in the database: must be 0),
errors (answers that were not a confirmed save, by kind), failover_seconds (from the fault to
the last error), and the outage as the clients saw it. tests/deploy/test_faults.py asserts the
same outcomes at a smaller size; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._topology import (
    Topology,
    _alive,
    account,
    fresh_database,
    pg_ctl,
    publish,
    run_savers,
    saved_rows,
    start_postgres_again,
    tally,
    wait_for,
)

USERS = ["pat", "sam"]


def _instance_lost(topo: Topology, url: str, clients: int) -> dict:
    victim = topo.nodes[0]
    marks: dict[str, float] = {}

    def fault(savers):
        marks["fault"] = time.monotonic()
        workers = victim.kill9()
        wait_for(lambda: not any(_alive(w) for w in workers), "the workers to exit")
        marks["workers_gone"] = time.monotonic()
        wait_for(lambda: all(s.saved_since(marks["fault"]) >= 5 for s in savers), "saves through the survivor")
        marks["restart"] = time.monotonic()
        victim.start()
        marks["restarted"] = time.monotonic()
        return marks

    def recovered(savers, _):
        return "POST /save" in victim.log.read_text() and all(s.saved_since(marks["restarted"]) >= 5 for s in savers)

    savers, _ = run_savers(topo, "K", clients, USERS, fault, recovered, seconds=120)
    out = tally(savers, saved_rows(url), marks["fault"])
    out.update(
        workers_exit_seconds=round(marks["workers_gone"] - marks["fault"], 3),
        instance_restart_seconds=round(marks["restarted"] - marks["restart"], 3),
        saves_while_one_instance=sum(s.saved_since(marks["fault"]) - s.saved_since(marks["restarted"]) for s in savers),
    )
    return out


def _postgres_restarted(topo: Topology, url: str, clients: int) -> dict:
    marks: dict[str, float] = {}

    def fault(savers):
        marks["fault"] = time.monotonic()
        pg_ctl("stop", "-m", "fast", "-w")
        marks["down"] = time.monotonic()
        wait_for(lambda: all(s.failed_since(marks["fault"]) >= 1 for s in savers), "refused saves")
        start_postgres_again()
        marks["up"] = time.monotonic()
        return marks

    def recovered(savers, _):
        return all(s.saved_since(marks["up"]) >= 5 for s in savers)

    savers, _ = run_savers(topo, "P", clients, USERS, fault, recovered, seconds=120)
    out = tally(savers, saved_rows(url), marks["fault"])
    first_ok = min((o.at for s in savers for o in s.outcomes if o.kind == "saved" and o.at >= marks["up"]), default=marks["up"])
    out.update(postgres_down_seconds=round(marks["up"] - marks["fault"], 3), first_save_after_start_seconds=round(first_ok - marks["up"], 3))
    return out


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--out", type=Path, default=None, help="also write the report here (JSON)")
    args = parser.parse_args(argv)
    from tests.store.conftest import postgres_url

    base = postgres_url()
    if not base:
        raise SystemExit("PostgreSQL not set up: FSP_TEST_POSTGRES=1 scripts/setup_postgres.sh")
    started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    load = os.getloadavg()
    with fresh_database(base) as url, tempfile.TemporaryDirectory() as work:
        for name in USERS:
            account(url, name)
        topo = Topology(Path(work), url, instances=2, workers=2).start()
        try:
            report = {
                "topology": "nginx (TLS) -> 2 gunicorn instances x 2 workers x 4 threads -> PostgreSQL, 127.0.0.1",
                "started": started,
                "load_average_at_start": [round(x, 2) for x in load],
                "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
                "command": "python -m benchmarks.topology " + " ".join(sys.argv[1:] if argv is None else argv),
                "clients": args.clients,
                "instance_killed": _instance_lost(topo, url, args.clients),
                "postgres_restarted": _postgres_restarted(topo, url, args.clients),
            }
        finally:
            topo.stop()
    return publish(report, args.out)


if __name__ == "__main__":
    main()
