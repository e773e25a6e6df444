"""Kill a saving process mid-way (SIGKILL): every entry it reported saved is still there, and
the SQLite file passes its integrity check."""

import os
import signal
import subprocess
import sys
import textwrap
import time

from sqlalchemy import select, text

from store.models import assessments
from store.users import create_user
from tests.store.conftest import PASSWORD, ROOT

WRITER = textwrap.dedent("""
    import sys
    from rules import evaluate
    from store.assessments import save_assessment
    from store.db import connect
    from store.users import find_user
    from tests.conftest import make_case

    engine = connect(sys.argv[1])
    user = find_user(engine, "pam")
    case = make_case(["additional.concerns_about_diet_poor"])
    decision = evaluate(case)
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        entry = save_assessment(engine, user, f"CR-{i % 7}", case, decision)
        print(entry.id, flush=True)   # only after the commit has returned
""")


def test_sigkill_mid_save_loses_nothing_reported(db_url, engine):
    create_user(engine, "pam", "practitioner", "north", PASSWORD)
    proc = subprocess.Popen([sys.executable, "-c", WRITER, db_url], stdout=subprocess.PIPE, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    reported = []
    try:
        assert proc.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 60
        while len(reported) < 40 and time.monotonic() < deadline:
            line = proc.stdout.readline()
            assert line, "the writer died on its own"
            reported.append(int(line))
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL and len(reported) == 40
    with engine.connect() as conn:
        present = set(conn.execute(select(assessments.c.id)).scalars())
        assert set(reported) <= present
        if engine.dialect.name == "sqlite":
            assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
            assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
    # and the database still takes writes after the crash
    from store.assessments import history
    from store.users import find_user

    assert history(engine, find_user(engine, "pam"), "CR-1")
