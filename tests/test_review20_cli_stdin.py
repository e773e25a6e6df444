"""`pathway assess -` with standard input closed, and `assess --help` (review 20 surfaces, S5).
Oracle: the exit code and the streams of a real process."""

from __future__ import annotations

import os
import subprocess
import sys

CLI = [sys.executable, "-m", "cli.main"]


def test_assess_with_stdin_closed_is_one_line_and_exit_2():
    closed = lambda: os.close(0)  # noqa: E731 (fd 0 closed in the child, as `<&-` does)
    done = subprocess.run([*CLI, "assess", "-"], stdin=subprocess.DEVNULL, capture_output=True, text=True, preexec_fn=closed)
    assert done.returncode == 2, done.stderr
    assert done.stdout == "" and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == ["error: stdin: closed, nothing was given"]


def test_assess_with_a_case_on_stdin_still_reads_it():
    done = subprocess.run([*CLI, "assess", "-"], input='{"indicators": ["additional.dental_decay_not_accessing"]}', capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "additional" in done.stdout.lower()


def test_assess_help_says_dash_reads_standard_input():
    done = subprocess.run([*CLI, "assess", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "- to read it from standard input" in " ".join(done.stdout.split())
