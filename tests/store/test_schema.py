"""One schema, under Alembic: the migrated database is exactly the models (no drift), nothing
else creates a table, and several gunicorn workers starting on a new database all boot."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from benchmarks._gunicorn import free_port
from store.db import migrate
from store.models import metadata
from tests.store.conftest import postgres_schema_url

ROOT = Path(__file__).resolve().parents[2]


def _drift(url: str) -> list:
    engine = migrate(url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    engine.dispose()
    return diff


def test_the_migrated_sqlite_schema_is_the_models(tmp_path):
    assert _drift(f"sqlite:///{tmp_path / 'schema.sqlite3'}") == []


def test_the_migrated_postgres_schema_is_the_models():
    with postgres_schema_url("drift_") as url:
        assert _drift(url) == []


def test_no_table_is_created_outside_the_migrations():
    pattern = re.compile(r"create_all\(|\.create\(\s*(bind|engine)")
    offenders = [
        str(p.relative_to(ROOT))
        for folder in ("webapp", "store", "pathway", "rules")
        for p in (ROOT / folder).rglob("*.py")
        if pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def _start(url: str, tmp_path: Path, n: int) -> str:
    """gunicorn with 4 workers on `url`, by the production command; what went wrong, or ''."""
    port = free_port()
    log = tmp_path / f"error-{n}.log"
    env = {
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": url,
        "SECRET_KEY": "fresh-start-test",
        "FSP_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "4",
        "FSP_THREADS": "1",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--error-logfile", str(log), "webapp:create_app()"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        answered = 0
        deadline = time.monotonic() + 90
        while answered < 8 and proc.poll() is None and time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/accessibility", timeout=5).read()
                answered += 1
            except OSError:
                time.sleep(0.1)
        workers = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
        text = log.read_text() if log.exists() else ""
        if proc.poll() is not None:
            return f"start {n}: the master exited ({proc.returncode}): {text[-600:]}"
        if answered < 8 or len(workers) != 4 or "Worker failed to boot" in text or "Traceback" in text:
            return f"start {n}: {answered} answers, {len(workers)} workers: {text[-600:]}"
        return ""
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_four_workers_start_on_a_new_sqlite_database_every_time(tmp_path):
    failures = [_start(f"sqlite:///{tmp_path / f'new-{n}.sqlite3'}", tmp_path, n) for n in range(10)]
    assert [f for f in failures if f] == []


def test_four_workers_start_on_a_new_postgres_database_every_time(tmp_path):
    failures = []
    for n in range(10):
        with postgres_schema_url("start_") as url:
            failures.append(_start(url, tmp_path, n))
    assert [f for f in failures if f] == []
