"""scripts/quietly.sh, which keeps `make run` and `make test` quiet while setting up: silent when
set-up works, and on failure the step it failed at, the end of the log and the log's path."""

from __future__ import annotations

import subprocess
from pathlib import Path

QUIETLY = Path(__file__).resolve().parents[1] / "scripts" / "quietly.sh"


def _run(log: Path, script: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(QUIETLY), str(log), "bash", "-c", script], capture_output=True, text=True, timeout=60, check=False)


def test_a_set_up_that_works_says_nothing_and_keeps_its_log(tmp_path):
    log = tmp_path / "logs" / "setup.log"
    proc = _run(log, 'echo "== the packages"; echo "Collecting pip noise"')
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")
    assert "Collecting pip noise" in log.read_text()


def test_a_failing_step_is_named_with_the_log(tmp_path):
    log = tmp_path / "setup.log"
    proc = _run(log, 'echo "== the packages"; echo fine; echo "== the front-end assets (npm ci)"; echo "npm ERR! network" >&2; exit 7')
    assert proc.returncode == 7 and proc.stdout == ""
    assert "failed (exit 7) at: the front-end assets (npm ci)" in proc.stderr
    assert "npm ERR! network" in proc.stderr and str(log) in proc.stderr


def test_setup_names_every_step_it_takes():
    """Every step of scripts/setup.sh announces itself first, so a failure is never put down to the step before."""
    lines = [line.strip() for line in (QUIETLY.parent / "setup.sh").read_text().splitlines()]
    steps = [n for n, line in enumerate(lines) if line.startswith('echo "== ')]
    announced = set()
    for command in ('"$PY" -m venv', ".venv/bin/pip install", "npm ci", "scripts/setup_test_system.sh", "scripts/setup_postgres.sh"):
        runs = [n for n, line in enumerate(lines) if line.startswith(command)]
        assert runs and any(step < runs[0] for step in steps), command
        announced.add(max(step for step in steps if step < runs[0]))
    assert len(announced) == 5  # each command under its own step
