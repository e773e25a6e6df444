"""`--password-stdin` with standard input closed (`<&-`, as from cron): one line naming the password,
exit 2, no account made or changed, for both commands that read one (review 22 surfaces, S5).
Oracle: a real process's exit code and streams, and the database itself."""

from __future__ import annotations

import os
import subprocess
import sys

from store.db import connect
from store.users import authenticate, list_users
from tests.store.conftest import PASSWORD

CLI = [sys.executable, "-m", "cli.main"]
SAID = ["error: password: standard input is closed, nothing was given"]


def closed_stdin(argv):
    closed = lambda: os.close(0)  # noqa: E731 (fd 0 closed in the child, as `<&-` does)
    return subprocess.run([*CLI, *argv], stdin=subprocess.DEVNULL, capture_output=True, text=True, preexec_fn=closed, timeout=120)


def test_users_create_with_stdin_closed_is_one_line_and_no_account(db_url):
    done = closed_stdin(["users", "create", "r22x", "--role", "practitioner", "--team", "T", "--password-stdin", "--database-url", db_url])
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == SAID and done.stdout == ""
    assert "r22x" not in [u.username for u in list_users(connect(db_url))]


def test_users_reset_password_with_stdin_closed_changes_nothing(db_url):
    made = subprocess.run(
        [*CLI, "users", "create", "pam", "--role", "practitioner", "--team", "T", "--password-stdin", "--database-url", db_url],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    done = closed_stdin(["users", "reset-password", "pam", "--password-stdin", "--database-url", db_url])
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == SAID and done.stdout == ""
    assert authenticate(connect(db_url), "pam", PASSWORD).username == "pam"  # the old password still signs in
