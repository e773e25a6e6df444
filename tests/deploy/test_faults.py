"""Faults in the deployed topology, under load: signed-in practitioners save in a loop through
nginx while one gunicorn instance's master is SIGKILLed (then started again), or PostgreSQL is
stopped and started. Every save the server confirmed is in the database, nothing was saved
twice, and a save that is in the database was either confirmed or answered with an error (no
silent outcome). Then a pg_dump restored into an empty database reads back through the app.

Timings are recorded, never asserted (benchmarks/topology.py publishes them).
"""

from __future__ import annotations

import json
import re
import time

import requests

from benchmarks._topology import (
    PASSWORD,
    _alive,
    dump_and_restore,
    fresh_database,
    pg_ctl,
    run_savers,
    saved_rows,
    start_postgres_again,
    tally,
    wait_for,
)
from pathway.catalogue import load_catalogue
from tests.deploy.conftest import USERS
from tests.store.conftest import postgres_url
from webapp import create_app

CLIENTS = 4
CASE_REF = re.compile(r"\b[KPB]\d-\d{5}\b")


def _assert_nothing_lost(result: dict) -> None:
    assert result["client_errors"] == []
    assert result["confirmed_saves"] > 0
    assert result["lost_saves"] == 0  # every confirmed save is there, under its id
    assert result["saved_twice"] == 0  # nginx never resent a save to another instance
    assert result["unconfirmed_in_database"] == []  # nothing saved that its client was not told about


def _logs_hold_no_case_reference(topology) -> None:
    for log in (topology.work / "logs").iterdir():
        found = CASE_REF.findall(log.read_text(errors="replace"))
        assert found == [], f"{log.name} names case references: {found[:3]}"


def test_an_instance_killed_under_load_loses_no_save_and_comes_back(topology, database):
    victim, survivor = topology.nodes
    marks = {}

    def kill_and_restart(savers):
        marks["kill"] = time.monotonic()
        workers = victim.kill9()
        wait_for(lambda: not any(_alive(w) for w in workers), "the dead master's workers to exit")
        # the survivor answers every client meanwhile
        wait_for(lambda: all(s.saved_since(marks["kill"]) >= 2 for s in savers), "saves through the survivor")
        marks["restart"] = time.monotonic()
        victim.start()  # what systemd's Restart=always does
        return marks

    def victim_serves_saves_again(savers, _info):
        return "POST /save" in victim.log.read_text() and all(s.saved_since(marks["restart"]) >= 1 for s in savers)

    before = saved_rows(database)
    savers, _ = run_savers(topology, "K", CLIENTS, list(USERS), kill_and_restart, victim_serves_saves_again)
    result = tally(savers, saved_rows(database), marks["kill"])
    _assert_nothing_lost(result)
    assert set(result["errors_by_kind"]) <= {"http-502"}, result  # nginx's page, never a hang or a reset
    assert survivor.proc.poll() is None and victim.proc.poll() is None
    assert len(saved_rows(database)) == len(before) + result["confirmed_saves"] + result["errored_but_saved"]
    _logs_hold_no_case_reference(topology)


def test_postgres_restarted_under_load_gives_the_fault_page_and_recovers_without_a_restart(topology, database):
    catalogue = load_catalogue()
    pids = [n.proc.pid for n in topology.nodes]
    watcher = topology.client()
    watcher.sign_in("pat")
    marks = {}

    def restart_postgres(savers):
        marks["stop"] = time.monotonic()
        pg_ctl("stop", "-m", "fast", "-w")
        try:
            # while it is down: the fault page with the numbers to ring, from either instance
            for _ in topology.nodes:
                r = watcher.get("/cases")
                words = " ".join(re.sub(r"<[^>]+>", " ", r.text).split())
                assert r.status_code == 503 and r.headers["Retry-After"], r.status_code
                assert "Sorry, there is a problem with the service" in words
                for contact in ("children_families_direct", "emergency_duty_team"):
                    assert catalogue.contact(contact).phone in words
            # the API needs no database: still deciding
            r = requests.post(
                topology.base + "/api/v1/assess",
                verify=str(topology.cert),
                timeout=30,
                json={"child": {"age_years": 8}, "indicators": ["additional.dental_decay_not_accessing"]},
            )
            assert r.status_code == 200 and r.json()["level"] == "additional"
            wait_for(lambda: all(s.failed_since(marks["stop"]) >= 1 for s in savers), "saves refused while it is down")
        finally:
            start_postgres_again()
        marks["start"] = time.monotonic()
        return marks

    def saving_again(savers, _info):
        return all(s.saved_since(marks["start"]) >= 2 for s in savers)

    savers, _ = run_savers(topology, "P", CLIENTS, list(USERS), restart_postgres, saving_again)
    result = tally(savers, saved_rows(database), marks["stop"])
    _assert_nothing_lost(result)
    assert set(result["errors_by_kind"]) <= {"http-503"}, result  # the fault page, never a 500 or 502
    assert [n.proc.pid for n in topology.nodes] == pids  # recovered without restarting anything
    assert watcher.get("/cases").status_code == 200  # the same session, signed in still
    _logs_hold_no_case_reference(topology)


def listed_cases(web) -> set[str]:
    """Every case reference the user's /cases lists, page by page (review 15 Z3 pages the list), until a
    page lists none not seen already."""
    listed: set[str] = set()
    for n in range(1, 10_000):
        page = set(CASE_REF.findall(web.get(f"/cases?page={n}").get_data(as_text=True)))
        if page <= listed:
            return listed
        listed |= page
    raise AssertionError("/cases never ran out of pages")


def test_a_dump_restored_into_an_empty_database_reads_back_through_the_app(topology, database, tmp_path):
    client = topology.client()
    client.sign_in("sam")
    client.ring_now_result()
    for ref in ("B1-00001", "B1-00002"):
        r = client.post("/save", {**client.save_form(), "case_ref": ref})
        assert r.status_code == 302
    source = saved_rows(database)
    with fresh_database(postgres_url(), prefix="fsp_restored_") as restored:
        dump_and_restore(database, restored, tmp_path / "fsp.dump")
        app = create_app({"SECRET_KEY": "restore", "WTF_CSRF_ENABLED": False, "DATABASE_URL": restored})
        read_back = {}
        for user in USERS:
            web = app.test_client()
            assert web.post("/sign-in", data={"username": user, "password": PASSWORD}).status_code == 302
            listed = listed_cases(web)
            for ref in listed:
                r = web.get(f"/cases/{ref}/export.json")
                assert r.status_code == 200, (user, ref)
                read_back.update({(ref, e["id"]): (e["case"], e["decision"]) for e in r.get_json()["entries"]})
        app.extensions["fsp_store"].dispose()
    # every saved assessment, read back by the app from the restored copy, as it was saved
    assert read_back == {(ref, i): (json.loads(case), json.loads(decision)) for ref, i, case, decision in saved_rows(database, full=True)}
    assert len(read_back) == len(source) >= 2
