"""Migrations create every table from an empty database, and running them again is harmless."""

from sqlalchemy import inspect, text

from store.db import connect

TABLES = {
    "users",
    "sign_ins",
    "assessments",
    "overrides",
    "override_reviews",
    "audit_log",
    "deletion_permits",
    "alembic_version",
    "sign_in_throttle",
    "oidc_identities",
    "web_sessions",
    "practice_scenarios",
    "practice_scenario_versions",
    "practice_sessions",
    "practice_trainees",
    "practice_answers",
    "practice_results",
    "manager_teams",
    "entry_marks",
}


def head() -> str:
    """The newest revision; there must be one head (each down_revision is the revision before)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from store.db import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    heads = ScriptDirectory.from_config(cfg).get_heads()
    assert len(heads) == 1, f"several heads: {heads}"
    return heads[0]


def test_migrate_creates_all_tables_from_empty(db_url):
    engine = connect(db_url)
    assert TABLES <= set(inspect(engine).get_table_names())
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head()
    engine.dispose()


def test_migrate_twice_is_a_no_op(db_url):
    connect(db_url).dispose()
    engine = connect(db_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
    engine.dispose()


def test_sqlite_is_wal_with_foreign_keys_and_the_configured_lock_wait(tmp_path, monkeypatch):
    monkeypatch.setenv("FSP_SQLITE_BUSY_MS", "1234")
    engine = connect(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar_one() == 1234
    engine.dispose()


def test_workers_starting_together_on_a_new_database_all_get_it(db_url):
    """Web workers are processes, each calling connect() at start-up on a new database."""
    import subprocess
    import sys

    from tests.store.conftest import ROOT

    code = (
        "import sys; from sqlalchemy import text; from store.db import connect; e = connect(sys.argv[1]); "
        "print(e.connect().execute(text('SELECT version_num FROM alembic_version')).scalar_one())"
    )
    procs = [subprocess.Popen([sys.executable, "-c", code, db_url], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    results = [p.communicate(timeout=60) for p in procs]
    assert [(p.returncode, out.strip()) for p, (out, _) in zip(procs, results)] == [(0, head())] * 4, results


def test_downgrade_to_empty_and_up_again(db_url):
    from alembic import command

    from store.db import _alembic_config

    engine = connect(db_url)
    cfg = _alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert not (TABLES - {"alembic_version"}) & set(inspect(engine).get_table_names())
    engine.dispose()
    engine = connect(db_url)
    assert TABLES <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_a_sign_in_made_before_0005_still_signs_in_after_it(db_url):
    """0005 renames store_sessions to sign_ins and keeps its rows: nobody is signed out by the upgrade."""
    from alembic import command

    from store.db import _alembic_config
    from store.users import create_user, signed_in_user, start_sign_in

    engine = connect(db_url)
    user = create_user(engine, "pat", "practitioner", "Team A", "correct horse battery staple")
    token = start_sign_in(engine, user)
    cfg = _alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004_web_tables")
    assert "store_sessions" in inspect(engine).get_table_names() and "sign_ins" not in inspect(engine).get_table_names()
    engine.dispose()
    engine = connect(db_url)  # migrates to head
    assert "sign_ins" in inspect(engine).get_table_names() and "store_sessions" not in inspect(engine).get_table_names()
    assert signed_in_user(engine, token).id == user.id
    engine.dispose()


def test_a_practice_session_started_before_0009_keeps_its_row_and_has_no_account(db_url):
    """0009 adds practice_sessions.trainer_id; a session started before keeps its row and its trainer_key
    (the old way: opened with its token) and has no account id (tests/webapp/practice: it still opens)."""
    from alembic import command

    from store.db import _alembic_config

    engine = connect(db_url)
    cfg = _alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0008_practice_form_tokens")
    assert "trainer_id" not in {c["name"] for c in inspect(engine).get_columns("practice_sessions")}
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO practice_sessions (code, trainer_key, scenario_ids, scenarios_yaml, ended, created_at) VALUES ('ABCD23', :key, '[]', '', :no, :at)"
            ),
            {"key": "k" * 64, "no": False, "at": "2026-12-01 10:00:00"},
        )
    engine.dispose()
    engine = connect(db_url)  # migrates to head
    with engine.connect() as conn:
        row = conn.execute(text("SELECT trainer_key, trainer_id FROM practice_sessions WHERE code = 'ABCD23'")).one()
    assert (row.trainer_key, row.trainer_id) == ("k" * 64, None)
    assert "ix_practice_sessions_trainer_id" in {i["name"] for i in inspect(engine).get_indexes("practice_sessions")}
    engine.dispose()
