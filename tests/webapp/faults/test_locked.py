"""The database locked: another connection holds SQLite's write lock (BEGIN EXCLUSIVE) while a
practitioner saves. The save waits the bounded busy timeout, then gets the fault page; the answers
stay in the session, so the same save succeeds once the lock is released."""

from __future__ import annotations

from store.assessments import history
from tests.webapp.conftest import drawn, text
from tests.webapp.faults.conftest import SECOND, assert_saved_and_consistent, assert_unavailable_page, bounded, locked, saved_refs


def test_a_locked_database_fails_clearly_keeps_everything_and_the_retry_saves(client, db_path, engine, pat, saved_before, catalogue):
    page = drawn(client, "/save")  # the save page drawn before the fault: its post, and the retry, as a browser sends them
    with locked(db_path):
        r = bounded(client.post, "/save", data={**page, "case_ref": "FSP-0002"})
        assert_unavailable_page(r, catalogue)
        assert "FSP-0002" not in saved_refs(db_path)  # the failed save left no row
        # reading still works under a write lock: the result (and whom to ring) is still shown
        result = bounded(client.get, "/result")
        assert result.status_code == 200 and "Additional" in text(result)
        assert "Signed in as" not in text(result)  # the account bar is left out, not wrong
        assert client.post("/api/v1/assess", json={"indicators": ["immediate.significant_harm"]}).status_code == 200
    assert_saved_and_consistent(db_path, saved_before)

    r = client.post("/save", data={**page, "case_ref": "FSP-0002"})  # the same retry, the same app: no restart
    assert r.status_code == 302 and r.headers["Location"].startswith("/cases/FSP-0002")
    [entry] = history(engine, pat, "FSP-0002")
    assert entry.case["indicators"] == sorted(i for ids in SECOND.values() for i in ids)  # the answers kept
    assert "Signed in as pat" in text(client.get("/disagreements"))
    assert_saved_and_consistent(db_path, {**saved_before, "FSP-0002": entry.id})
