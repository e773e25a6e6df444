"""Several workers starting together on a new database: one creates the sessions table between
another's check and its CREATE TABLE (found when 4 gunicorn workers started on a new SQLite file).
The late worker must start, not fail to boot."""
from __future__ import annotations

import sqlite3

from sqlalchemy import event

from webapp import create_app, db


def test_a_worker_that_loses_the_race_to_create_the_tables_still_starts(tmp_path):
    path = tmp_path / "new.sqlite3"

    def another_worker_got_there_first(target, connection, **kw):
        other = sqlite3.connect(path)
        other.execute("CREATE TABLE web_sessions (id VARCHAR(64) PRIMARY KEY, data TEXT NOT NULL, "
                      "expires_at DATETIME NOT NULL)")
        other.commit()
        other.close()

    event.listen(db.web_sessions, "before_create", another_worker_got_there_first, once=True)
    try:
        app = create_app({"SECRET_KEY": "x", "WTF_CSRF_ENABLED": False, "DATABASE_URL": f"sqlite:///{path}"})
    finally:
        if event.contains(db.web_sessions, "before_create", another_worker_got_there_first):
            event.remove(db.web_sessions, "before_create", another_worker_got_there_first)
    client = app.test_client()   # and its sessions work, in the table the other worker made
    assert client.post("/safety", data={"immediate": "none"}).status_code == 302
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM web_sessions").fetchone() == (1,)
