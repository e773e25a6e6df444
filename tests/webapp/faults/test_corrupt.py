"""A database file the driver reads as no database (review 25 surfaces, R1): the SQLite file cut short or
overwritten, as a disk fault, a bad restore or a full disk mid-write leaves it. sqlite says `file is not a
database` (SQLAlchemy's bare DatabaseError, not an OperationalError) when the session is read. Oracle:
docs/faults.md and docs/web.md: a database fault is one 503 page with the safeguarding contacts, drawn
without the database, for a signed-in user on every page; the anonymous call screen and the API go on.
Control: the file deleted (sqlite's `no such table`, an OperationalError), the 503 as before.

And the 500 page never needs the session: whatever is raised while the session is opened, the page is
drawn (with the contacts), never the server's bare error.
"""

from __future__ import annotations

import logging

import pytest
from sqlalchemy.exc import DatabaseError, IntegrityError

from tests.webapp.conftest import text
from tests.webapp.faults.conftest import assert_unavailable_page, sign_in
from webapp import faults
from webapp.sessions import SqlSessionInterface

MODES = ("cut short", "overwritten", "deleted")
PAGES = ("/adviser/", "/", "/cases", "/result")


def spoil(app, db_path, mode: str) -> None:
    app.extensions["fsp_store"].dispose()  # no pooled connection holds the old file open
    raw = db_path.read_bytes()
    if mode == "cut short":
        db_path.write_bytes(raw[: len(raw) // 2])
    elif mode == "overwritten":
        db_path.write_bytes(b"\0" * 16 + b"x" * (len(raw) - 16))
    else:
        db_path.unlink()


@pytest.mark.parametrize("mode", MODES)
def test_a_signed_in_user_gets_the_fault_page_with_the_contacts_on_every_page(app, client, db_path, pat, catalogue, mode):
    sign_in(client, "pat")
    assert "Signed in as" in text(client.get("/adviser/"))
    spoil(app, db_path, mode)
    for page in PAGES:
        assert_unavailable_page(client.get(page), catalogue)
    assert_unavailable_page(client.post("/adviser/", data={"age_years": "8", "q": "mum hits"}), catalogue)


@pytest.mark.parametrize("mode", MODES)
def test_anonymous_the_call_screen_and_the_api_go_on(app, client, db_path, mode):
    client.get("/adviser/")  # made before the fault: the database exists
    spoil(app, db_path, mode)
    r = client.get("/adviser/")
    assert r.status_code == 200 and "Search for a concern" in text(r)
    r = client.post("/api/v1/search", json={"words": "mum hits the baby"})
    assert r.status_code == 200 and r.get_json()


def test_the_log_names_the_class_only(app, client, db_path, pat, caplog):
    sign_in(client, "pat")
    spoil(app, db_path, "overwritten")
    with caplog.at_level(logging.WARNING):
        assert client.get("/cases").status_code == 503
    lines = [r.getMessage() for r in caplog.records]
    assert any(line.startswith("database unavailable: DatabaseError sqlite3.DatabaseError") for line in lines), lines
    assert not any("not a database" in line or "SELECT" in line or "/cases" in line for line in lines), lines


def test_a_bare_database_error_in_a_view_is_the_fault_page(app, catalogue):
    """The driver's own DatabaseError (the file not a database) met in a view, as the session is: the 503."""

    @app.get("/test-corrupt")
    def corrupt():
        raise DatabaseError("SELECT 1", {}, Exception("file is not a database"))

    assert_unavailable_page(app.test_client().get("/test-corrupt"), catalogue)


def test_a_views_own_database_error_stays_the_500_with_the_contacts(app, catalogue, caplog):
    """Control: an IntegrityError in a view is the view's error, not the store's: a 500, logged whole."""

    @app.get("/test-integrity")
    def integrity():
        raise IntegrityError("INSERT", {}, Exception("UNIQUE constraint failed"))

    with caplog.at_level(logging.ERROR):
        r = app.test_client().get("/test-integrity")
    assert r.status_code == 500
    assert faults.TITLE in text(r) and catalogue.contact("children_families_direct").phone in text(r)
    assert any(rec.exc_info and rec.exc_info[0] is IntegrityError for rec in caplog.records)


@pytest.mark.parametrize("signed_in", (True, False))
def test_the_500_page_needs_no_session(app, client, pat, catalogue, monkeypatch, signed_in):
    """Anything raised while the session is opened: the 500 page in the layout with the contacts, drawn
    as for an unreadable session (no account bar), and nothing is written back."""
    if signed_in:
        sign_in(client, "pat")

    def broken(self, app, request):
        raise RuntimeError("a fault no one foresaw")

    monkeypatch.setattr(SqlSessionInterface, "_open", broken)
    for page in ("/adviser/", "/", "/cases"):
        r = client.get(page)
        words = text(r)
        assert r.status_code == 500, words[:300]
        assert faults.TITLE in words and catalogue.contact("children_families_direct").phone in words
        assert "Signed in as" not in words and "Set-Cookie" not in r.headers
