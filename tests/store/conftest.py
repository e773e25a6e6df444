"""Every store test runs on SQLite and on PostgreSQL (skipped, saying why, without a server).

scripts/setup_postgres.sh writes the server's URL to .venv/postgres_url; each test gets its own
schema there (search_path), dropped afterwards, so tests never see each other's rows.
"""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from store.db import normalise_url

ROOT = Path(__file__).resolve().parents[2]
PG_URL_FILE = ROOT / ".venv" / "postgres_url"
T0 = datetime(2026, 11, 24, 10, 30, tzinfo=timezone.utc)


def postgres_url() -> str | None:
    if os.environ.get("FSP_TEST_POSTGRES_URL"):
        return os.environ["FSP_TEST_POSTGRES_URL"]
    if PG_URL_FILE.exists():
        return PG_URL_FILE.read_text().strip() or None
    return None


@contextmanager
def postgres_schema_url(prefix: str):
    """A URL to a fresh schema on the test PostgreSQL server, dropped afterwards; skips the test
    (saying why) when no server was set up."""
    base = postgres_url()
    if not base:
        pytest.skip(f"PostgreSQL not set up: {PG_URL_FILE} absent (run FSP_TEST_POSTGRES=1 scripts/setup_postgres.sh, or `make test` in CI)")
    base = normalise_url(base)
    schema = prefix + uuid.uuid4().hex[:12]
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch):
    """Tests create many accounts: hash at a low cost (the parameters are in each hash, so
    verification is unchanged). test_users checks the production cost separately."""
    from store import passwords

    monkeypatch.setattr(passwords, "N", 2**10)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh, empty database URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'fsp.sqlite3'}"
        return
    with postgres_schema_url("t_") as url:
        yield url


@pytest.fixture
def engine(db_url):
    from store.db import connect

    eng = connect(db_url)
    yield eng
    eng.dispose()


PASSWORD = "correct horse battery"


@pytest.fixture
def people(engine):
    """Two teams: north (two practitioners and their manager) and south (a practitioner), plus
    a trainer, an adviser and an admin."""
    from store.users import create_user

    spec = [
        ("pam", "practitioner", "north"),
        ("pete", "practitioner", "north"),
        ("mo", "manager", "north"),
        ("sue", "practitioner", "south"),
        ("mia", "manager", "south"),
        ("tia", "trainer", "north"),
        ("ada", "adviser", "north"),
        ("root", "admin", "it"),
    ]
    return {name: create_user(engine, name, role, team, PASSWORD, now=T0) for name, role, team in spec}


def assess(indicators=(), **kw):
    """A case and the decision the rules give for it, as the web page would have them."""
    from rules import evaluate
    from tests.conftest import make_case

    case = make_case(indicators, **kw)
    return case, evaluate(case)
