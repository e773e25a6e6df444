"""The database gone: its file (with its -wal and -shm) moved away while the app runs, as when a
volume is unmounted or the file deleted, then put back. Pages that need the database say the
service is unavailable (they never take missing answers for no answers, nor ask a signed-in
user to sign in); the app never creates an empty database in its place; once the file is back
the same app serves and saves again."""

from __future__ import annotations

from contextlib import contextmanager

from flask import jsonify
from sqlalchemy import func, select

from store.assessments import history
from store.models import assessments
from tests.webapp.conftest import drawn, text
from tests.webapp.faults.conftest import assert_saved_and_consistent, assert_unavailable_page, bounded

SUFFIXES = ("", "-wal", "-shm")


@contextmanager
def gone(db_path):
    away = db_path.parent.parent / "away"
    away.mkdir()
    moved = [(db_path.with_name(db_path.name + s), away / (db_path.name + s)) for s in SUFFIXES]
    moved = [(src, dst) for src, dst in moved if src.exists()]
    for src, dst in moved:
        src.rename(dst)
    try:
        yield
    finally:
        for src, dst in moved:
            dst.rename(src)


def test_a_database_gone_fails_clearly_creates_nothing_and_comes_back(client, app, db_path, engine, pat, saved_before, catalogue):
    save_page = drawn(client, "/save")  # the save page drawn before the fault: its post, and the retry, as a browser sends them
    with gone(db_path):
        r = bounded(client.post, "/save", data={**save_page, "case_ref": "FSP-0002"})
        assert_unavailable_page(r, catalogue)
        for page in ("/result", "/check", "/cases", "/adviser/"):  # they need the answers or the user
            assert_unavailable_page(bounded(client.get, page), catalogue)
        assert_unavailable_page(client.post("/safety", data={"immediate": "none"}), catalogue)
        for page in ("/disagreements", "/accessibility"):  # they need nothing saved
            r = client.get(page)
            assert r.status_code == 200 and "Sign in" not in text(r)
        missing = client.get("/no-such-page")
        assert missing.status_code == 404 and "Page not found" in text(missing)
        assert client.post("/api/v1/assess", json={"indicators": ["immediate.significant_harm"]}).status_code == 200
        assert not db_path.exists()  # no empty database made in its place

    # the same app, no restart: the session (signed in, answers) and the saves are all back
    r = client.post("/save", data={**save_page, "case_ref": "FSP-0002"})
    assert r.status_code == 302 and r.headers["Location"].startswith("/cases/FSP-0002")
    [entry] = history(engine, pat, "FSP-0002")
    assert_saved_and_consistent(db_path, {**saved_before, "FSP-0002": entry.id})


def test_under_api_a_database_fault_is_json_naming_the_field(app, db_path, pat):
    """No API endpoint reads the database today (the one above keeps answering); one that did
    would get the API's own error shape from the same handler, never an HTML page."""

    @app.get("/api/v1/saved-count")
    def saved_count():
        with app.extensions["fsp_store"].connect() as conn:
            return jsonify(conn.execute(select(func.count()).select_from(assessments)).scalar_one())

    client = app.test_client()
    assert client.get("/api/v1/saved-count").json == 0
    with gone(db_path):
        r = client.get("/api/v1/saved-count")
        assert r.status_code == 503 and r.headers["Retry-After"]
        [error] = r.json["errors"]
        assert error["field"] == "(server)" and "try again" in error["message"]
    assert client.get("/api/v1/saved-count").json == 0
