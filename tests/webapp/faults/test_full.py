"""A full disk: SQLite's own SQLITE_FULL ("database or disk is full"), the error a full disk gives,
raised by capping the database at its present size (PRAGMA max_page_count) on every connection
the app takes from its pool; a tiny filesystem would need root to mount. A save that needs room
gets the fault page and leaves nothing behind; with room again, the same save works.

Unlike a full disk, the cap refuses only writes that grow the database, so the save here is one
that needs a new page (a second assessment does not fit beside the first in a 4 KiB page)."""

from __future__ import annotations

import logging
import sqlite3
from contextlib import contextmanager

from sqlalchemy import event

from store.assessments import history
from tests.webapp.conftest import post_drawn
from tests.webapp.faults.conftest import assert_saved_and_consistent, assert_unavailable_page, saved_refs

NO_LIMIT = 4294967294  # SQLite clamps this to its own largest page count


@contextmanager
def disk_full(engine, db_path):
    conn = sqlite3.connect(db_path)
    pages, free = conn.execute("PRAGMA page_count").fetchone()[0], conn.execute("PRAGMA freelist_count").fetchone()[0]
    conn.close()
    assert free == 0, "free pages would let a save through"
    limit = {"pages": pages}

    def cap(dbapi_conn, _record, _proxy):
        dbapi_conn.execute(f"PRAGMA max_page_count = {limit['pages']}")

    event.listen(engine, "checkout", cap)
    try:
        yield
    finally:
        limit["pages"] = NO_LIMIT  # room again; pooled connections are uncapped as they are used
    # (left listening with no limit: removing it would leave connections still capped)


def test_a_full_disk_fails_clearly_writes_nothing_and_saves_once_there_is_room(client, db_path, engine, pat, saved_before, catalogue, caplog):
    caplog.set_level(logging.WARNING)
    with disk_full(engine, db_path):
        assert_unavailable_page(post_drawn(client, "/save", {"case_ref": "FSP-0002"}), catalogue)
        assert "SQLITE_FULL" in caplog.text  # the error a full disk gives, not another
        assert client.get("/cases").status_code == 200  # what is saved can still be read
    assert saved_refs(db_path) == {"FSP-0001"}
    assert_saved_and_consistent(db_path, saved_before)

    r = post_drawn(client, "/save", {"case_ref": "FSP-0002"})
    assert r.status_code == 302 and r.headers["Location"].startswith("/cases/FSP-0002")
    [second] = history(engine, pat, "FSP-0002")
    assert_saved_and_consistent(db_path, {**saved_before, "FSP-0002": second.id})
