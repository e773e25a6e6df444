"""The database locked on PostgreSQL (production's database): another session holds a lock on the
assessments table while a practitioner saves. lock_timeout bounds the wait, the user gets the
fault page, nothing is half-written, and the same save succeeds once the lock is released."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy import text as sql

from store.assessments import history
from store.config import StoreConfig
from store.models import assessments
from store.users import create_user
from tests.store.conftest import postgres_schema_url
from tests.webapp.conftest import ALWAYS_OPEN, drawn, post_drawn
from tests.webapp.faults.conftest import PASSWORD, SECOND, assert_unavailable_page, bounded, put_answers, sign_in
from webapp import create_app

LOCK_MS = 300


@pytest.fixture
def pg_url():
    with postgres_schema_url("faults_") as url:
        yield url


def test_a_locked_postgres_table_fails_within_the_bound_and_the_retry_saves(pg_url, catalogue):
    app = create_app(
        {
            "SECRET_KEY": "faults",
            "WTF_CSRF_ENABLED": False,
            "OFFICE_HOURS": ALWAYS_OPEN,
            "DATABASE_URL": pg_url,
            "STORE_CONFIG": StoreConfig(pg_lock_timeout_ms=LOCK_MS),
        }
    )
    engine = app.extensions["fsp_store"]
    pat = create_user(engine, "pat", "practitioner", "North", PASSWORD)
    client = app.test_client()
    sign_in(client, "pat")
    put_answers(client, SECOND)

    page = drawn(client, "/save")  # drawn before the lock, as a browser holds it
    holder = create_engine(pg_url).connect()
    try:
        holder.execute(sql("LOCK TABLE assessments IN ACCESS EXCLUSIVE MODE"))  # what a long migration does
        started = time.monotonic()
        r = bounded(client.post, "/save", data={**page, "case_ref": "FSP-0009"})
        waited = time.monotonic() - started
        assert_unavailable_page(r, catalogue)
        assert waited < 10, f"waited {waited:.1f} s for a lock bounded at {LOCK_MS} ms"
    finally:
        holder.rollback()
        holder.close()
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(assessments)).scalar_one() == 0  # nothing half-written

    r = post_drawn(client, "/save", {"case_ref": "FSP-0009"})  # the same app, no restart
    assert r.status_code == 302 and r.headers["Location"].startswith("/cases/FSP-0009")
    [entry] = history(engine, pat, "FSP-0009")
    assert entry.case["indicators"] == sorted(i for ids in SECOND.values() for i in ids)
