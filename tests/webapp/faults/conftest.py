"""Faults (issue 7): the database locked, gone or full, a worker killed mid-request.

Each test asserts three things: the user gets a clear page (no stack trace, the safeguarding
contacts from the catalogue), nothing saved is lost or half-written, and the same app recovers
by itself once the fault clears. Real SQLite files and the errors SQLite really raises; the app
is configured as in production (errors are handled, not propagated into the test).
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

from store.config import StoreConfig
from store.users import create_user
from tests.webapp.accounts.conftest import PASSWORD, put_answers, sign_in  # noqa: F401
from tests.webapp.conftest import ALWAYS_OPEN, post_drawn, text
from webapp import create_app, faults

BUSY_MS = 300  # SQLite's wait for a lock in these tests (production: 5000)
HANG = 60  # a request still running after this long would be waiting without bound
SECOND = {"health": ["additional.dental_decay_not_accessing"], "parents_carers": ["additional.lack_routine"]}


@pytest.fixture
def db_path(tmp_path) -> Path:
    """In a folder of its own, beside which test_gone moves it away."""
    (tmp_path / "data").mkdir()
    return tmp_path / "data" / "fsp.sqlite3"


@pytest.fixture
def app(db_path):
    return create_app(
        {
            "SECRET_KEY": "faults",
            "WTF_CSRF_ENABLED": False,
            "OFFICE_HOURS": ALWAYS_OPEN,
            "DATABASE_URL": f"sqlite:///{db_path}",
            "STORE_CONFIG": StoreConfig(sqlite_busy_ms=BUSY_MS),
        }
    )


@pytest.fixture
def engine(app):
    return app.extensions["fsp_store"]


@pytest.fixture
def pat(engine):
    return create_user(engine, "pat", "practitioner", "North", PASSWORD)


@pytest.fixture
def saved_before(client, pat) -> dict[str, int]:
    """pat signed in, with one assessment saved before any fault, and other answers in the session."""
    sign_in(client, "pat")
    put_answers(client)
    r = post_drawn(client, "/save", {"case_ref": "FSP-0001"})
    assert r.status_code == 302, text(r)
    put_answers(client, SECOND)
    return {"FSP-0001": int(r.headers["Location"].rsplit("saved=", 1)[1])}


@contextmanager
def locked(db_path):
    """What a long migration, a backup tool or a stuck CLI does: hold SQLite's write lock."""
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def bounded(call, *args, **kwargs):
    """Run a request in a thread and fail, rather than hang, if it waits without bound."""
    out = {}
    worker = threading.Thread(target=lambda: out.setdefault("r", call(*args, **kwargs)), daemon=True)
    worker.start()
    worker.join(HANG)
    assert "r" in out, f"the request was still waiting after {HANG} s"
    return out["r"]


def assert_unavailable_page(r, catalogue) -> None:
    """The fault page: 503, says there is a problem and to try again, gives whom to ring."""
    words = text(r)
    assert r.status_code == 503, words[:300]
    assert r.headers["Retry-After"]
    assert faults.TITLE in words and "Try again in a few minutes" in words and "before you save it again" in words
    for contact_id in ("children_families_direct", "emergency_duty_team"):
        contact = catalogue.contact(contact_id)
        assert contact.name in words and contact.phone in words
    body = r.get_data(as_text=True)
    for leak in ("Traceback", "OperationalError", "sqlite", "SELECT", "INSERT", "UPDATE"):
        assert leak not in body
    assert "Signed in as" not in words and "Sign out" not in words  # drawn without the database


def assert_saved_and_consistent(db_path: Path, saved: dict[str, int]) -> None:
    """Every save that was confirmed is there; each assessment has its one audit row and each
    audited save its assessment (nothing half-written); the file passes SQLite's own checks."""
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = set(conn.execute("SELECT case_ref, id FROM assessments"))
        audited = set(conn.execute("SELECT case_ref, record_id FROM audit_log WHERE action = 'assessment.save' AND outcome = 'ok'"))
    finally:
        conn.close()
    assert set(saved.items()) <= rows
    assert rows == audited
    assert len(audited) == len({i for _, i in audited})


def saved_refs(db_path: Path) -> set[str]:
    conn = sqlite3.connect(db_path)
    try:
        return {ref for (ref,) in conn.execute("SELECT case_ref FROM assessments")}
    finally:
        conn.close()
