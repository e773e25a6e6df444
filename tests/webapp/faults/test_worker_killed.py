"""A worker killed mid-request: the real app under gunicorn (one worker, four threads), four
signed-in practitioners saving as fast as they can, and the worker SIGKILLed while one save is
inside its transaction (gunicorn_hold.py holds it there) and others are in flight.

A killed process cannot send a page: the clients whose requests it held get a broken connection
(behind a proxy, its "bad gateway" page). What is asserted: the held save and every other broken
one left nothing, every save that was confirmed is there, the audit matches, the file passes
SQLite's checks, and gunicorn's master starts a new worker that serves the same signed-in users'
next saves, without anyone restarting anything.
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
from collections import Counter
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, HTTPRedirectHandler, Request, build_opener

from benchmarks._gunicorn import free_port
from benchmarks._topology import wait_for
from store.db import connect
from store.users import create_user
from tests.webapp.faults.conftest import PASSWORD, assert_saved_and_consistent, saved_refs

ROOT = Path(__file__).resolve().parents[3]
HOOK = Path(__file__).with_name("gunicorn_hold.py")
CLIENTS = 4
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
BROKEN = (ConnectionError, http.client.HTTPException, URLError, socket.timeout)


class _NoRedirects(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One practitioner's cookies over real HTTP; redirects are answers, not followed."""

    def __init__(self, base: str):
        self.base = base
        self.opener = build_opener(HTTPCookieProcessor(CookieJar()), _NoRedirects)

    def request(self, path: str, form: dict | None = None) -> tuple[int, str, str]:
        data = urlencode(form).encode() if form is not None else None
        try:
            with self.opener.open(Request(self.base + path, data=data), timeout=30) as r:
                return r.status, r.headers.get("Location", ""), r.read().decode()
        except HTTPError as r:  # 3xx (not followed) and errors: still an answer from the server
            return r.code, r.headers.get("Location", ""), r.read().decode()

    def post_form(self, path: str, form: dict, token_from: str) -> tuple[int, str, str]:
        token = TOKEN.search(self.request(token_from)[2]).group(1)
        return self.request(path, {**form, "csrf_token": token})


def _lines(path: Path) -> list[str]:
    return path.read_text().split() if path.exists() else []


def _serving(base: str) -> bool:
    try:
        return Browser(base).request("/")[0] == 200
    except BROKEN:
        return False


class Saver(threading.Thread):
    """Signs in, reaches a ring-now result, then saves it again and again under new references."""

    def __init__(self, n: int, base: str, stop: threading.Event):
        super().__init__(daemon=True)
        self.n, self.browser, self.stop = n, Browser(base), stop
        self.outcomes: list[tuple[str, str, int | None]] = []  # (case_ref, "saved"/"broken"/status, id)
        self.error: BaseException | None = None

    def run(self):
        try:
            self._save_until_stopped()
        except BaseException as exc:  # reported by the test, not lost in the thread
            self.error = exc

    def _save_until_stopped(self):
        b = self.browser
        assert b.post_form("/sign-in", {"username": "pat", "password": PASSWORD}, "/sign-in")[0] == 302
        assert b.post_form("/safety", {"immediate": "immediate.significant_harm"}, "/safety")[0] == 302
        page = b.request("/save")[2]  # its CSRF token and the digest of what it showed, as a browser posts them
        drawn = {"csrf_token": TOKEN.search(page).group(1), "shown": re.search(r'name="shown" type="hidden" value="([^"]+)"', page).group(1)}
        i = 0
        while not self.stop.is_set():
            i += 1
            ref = f"K{self.n}-{i:04d}"
            try:
                status, location, _ = b.request("/save", {**drawn, "case_ref": ref})
            except BROKEN:
                self.outcomes.append((ref, "broken", None))
                continue
            if status == 302 and "saved=" in location:
                self.outcomes.append((ref, "saved", int(location.rsplit("saved=", 1)[1])))
            else:
                self.outcomes.append((ref, str(status), None))

    def summary(self) -> str:
        return f"saver {self.n}: {Counter(what for _, what, _ in self.outcomes)}, error {self.error!r}"

    def saved(self) -> int:
        return sum(1 for _, what, _ in self.outcomes if what == "saved")


def test_a_worker_killed_mid_save_loses_nothing_and_is_replaced(tmp_path):
    db = tmp_path / "fsp.sqlite3"
    engine = connect(f"sqlite:///{db}")
    create_user(engine, "pat", "practitioner", "North", PASSWORD)
    engine.dispose()
    workers, hold, held = tmp_path / "workers", tmp_path / "hold", tmp_path / "held"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "SECRET_KEY": "worker-killed",
        "PYTHONPATH": str(ROOT),
        "FSP_TEST_WORKERS": str(workers),
        "FSP_TEST_HOLD": str(hold),
        "FSP_TEST_HELD": str(held),
    }
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            str(HOOK),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--threads",
            "4",
            "--log-level",
            "warning",
            "webapp:create_app()",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    stop = threading.Event()
    savers = [Saver(n, base, stop) for n in range(1, CLIENTS + 1)]
    try:
        wait_for(lambda: _serving(base), "gunicorn to serve")
        [first] = _lines(workers)
        for s in savers:
            s.start()
        # all signed in and saving (a sign-in cut by the kill would end that client's part)
        wait_for(lambda: all(s.saved() >= 2 for s in savers), "saves before the fault", detail=lambda: [s.summary() for s in savers])
        hold.touch()
        pid, held_ref = wait_for(lambda: held.exists() and held.read_text().split(), "a save to be held")
        assert pid == first
        os.kill(int(pid), signal.SIGKILL)
        saved_at_kill = [s.saved() for s in savers]
        replacement = wait_for(lambda: len(_lines(workers)) == 2 and _lines(workers)[1], "a new worker")
        # every practitioner saves again, through the new worker, still signed in
        wait_for(lambda: all(s.saved() >= k + 2 for s, k in zip(savers, saved_at_kill)), "saves after the kill", detail=lambda: [s.summary() for s in savers])
    finally:
        stop.set()
        for s in savers:
            s.join(60)
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()

    assert [s.error for s in savers if s.error] == []
    assert replacement != first
    outcomes = [o for s in savers for o in s.outcomes]
    broken = {ref for ref, what, _ in outcomes if what == "broken"}
    saved = {ref: i for ref, what, i in outcomes if what == "saved"}
    assert held_ref in broken  # the held save's client got a broken connection
    assert {what for _, what, _ in outcomes} <= {"saved", "broken"}, "no other answer than saved or broken"
    assert_saved_and_consistent(db, saved)  # confirmed saves all there; audit matches; file ok
    present = saved_refs(db)
    assert held_ref not in present  # killed before its commit: no trace of it
    assert present - set(saved) <= broken  # anything unconfirmed was a broken request, whole
