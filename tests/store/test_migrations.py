"""Migrations create every table from an empty database, and running them again is harmless."""
from sqlalchemy import inspect, text

from store.db import connect

TABLES = {"users", "store_sessions", "assessments", "overrides", "audit_log", "deletion_permits", "alembic_version"}


def test_migrate_creates_all_tables_from_empty(db_url):
    engine = connect(db_url)
    assert TABLES <= set(inspect(engine).get_table_names())
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0001"
    engine.dispose()


def test_migrate_twice_is_a_no_op(db_url):
    connect(db_url).dispose()
    engine = connect(db_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
    engine.dispose()


def test_sqlite_is_wal_with_foreign_keys(tmp_path):
    engine = connect(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
    engine.dispose()
