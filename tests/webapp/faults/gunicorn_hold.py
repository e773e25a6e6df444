"""gunicorn config for test_worker_killed (test-only; it lives beside the test, never in the product).

Each worker, once it has loaded the app, appends its pid to $FSP_TEST_WORKERS. When the test
creates the file $FSP_TEST_HOLD, the next save that reaches its audit row (both of its rows
written, not yet committed) claims that file, writes "pid case_ref" to $FSP_TEST_HELD and waits,
so the test can SIGKILL the worker at exactly that point of the transaction.
"""

import os
import re
import time

from sqlalchemy import event


def _write(path: str, line: str) -> None:
    with open(path, "a") as fh:
        fh.write(line + "\n")


def post_worker_init(worker):
    _write(os.environ["FSP_TEST_WORKERS"], str(os.getpid()))
    hold, held = os.environ["FSP_TEST_HOLD"], os.environ["FSP_TEST_HELD"]

    @event.listens_for(worker.wsgi.extensions["fsp_store"], "after_cursor_execute")
    def _hold(_conn, _cursor, statement, parameters, _context, _many):
        if not statement.startswith("INSERT INTO audit_log") or "assessment.save" not in parameters:
            return
        try:
            os.rename(hold, hold + ".claimed")  # one save only, whichever thread gets here first
        except FileNotFoundError:
            return
        case_ref = next(p for p in parameters if isinstance(p, str) and re.fullmatch(r"K\d+-\d+", p))
        _write(held + ".part", f"{os.getpid()} {case_ref}")
        os.rename(held + ".part", held)
        time.sleep(120)
