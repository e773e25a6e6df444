"""Demo mode: it refuses real settings, seeds every role's starting point, and says "Demo" on every page.

The launcher is also run as a real process (python -m webapp.serve), as `make run` and `make demo` do.
"""

from __future__ import annotations

import os
import queue
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import urllib.request
from pathlib import Path

import pytest

from store import assessments, users
from store.roles import ROLES
from tests.webapp.conftest import ALWAYS_OPEN, sign_in, text
from webapp import access, create_app, demo

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo_app(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "WTF_CSRF_ENABLED": False,
            "SECRET_KEY": "test",
            "DEMO": True,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
            "OFFICE_HOURS": ALWAYS_OPEN,
        }
    )
    app.seeded = demo.seed(app)
    return app


def _client(app, role: str):
    account = next(a for a in app.seeded.accounts if a.role == role)
    client = app.test_client()
    assert sign_in(client, account.username, account.password).status_code == 302, role
    return client


# --- refusals -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "environ, named",
    [
        ({"FSP_ENV": "production"}, "FSP_ENV=production"),
        ({"FSP_ENV": " Production "}, "FSP_ENV=production"),
        ({"DATABASE_URL": "postgresql+psycopg://fsp@db.example/fsp"}, "DATABASE_URL"),
        ({"FSP_DATABASE_URL": "sqlite:////var/lib/fsp/live.sqlite3"}, "FSP_DATABASE_URL"),
    ],
)
def test_demo_refuses_a_real_database_or_production(environ, named):
    assert named in demo.refusal(environ)


@pytest.mark.parametrize("environ", [{}, {"FSP_ENV": "development"}, {"DATABASE_URL": ""}])
def test_demo_starts_on_a_developers_machine(environ):
    assert demo.refusal(environ) is None


def _launcher_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "FSP_DATABASE_URL", "FSP_ENV", "FSP_DEMO"}}
    return {**env, "PORT": "0", **extra}


@pytest.mark.parametrize(
    "extra, named",
    [
        ({"DATABASE_URL": "postgresql+psycopg://fsp@127.0.0.1:1/nowhere"}, "DATABASE_URL"),
        ({"FSP_ENV": "production"}, "FSP_ENV=production"),
    ],
)
def test_the_launcher_refuses_before_touching_anything(extra, named):
    """Exit 2 with the setting named, no traceback, nothing served (a PostgreSQL URL that points
    nowhere would fail differently if it were tried)."""
    proc = subprocess.run(
        [sys.executable, "-m", "webapp.serve"], check=False, env=_launcher_env(FSP_DEMO="1", **extra), capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert proc.returncode == 2, proc.stderr
    assert named in proc.stderr and "Traceback" not in proc.stderr and proc.stdout == ""


def test_a_bad_port_is_named():
    proc = subprocess.run(
        [sys.executable, "-m", "webapp.serve"], check=False, env=_launcher_env(PORT="fivethousand"), capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert proc.returncode == 2 and proc.stderr.startswith("error: PORT:")


@pytest.mark.parametrize("mode, command", [("run", "make run"), ("demo", "make demo")])
def test_a_port_in_use_is_named_with_the_command_to_try_another(mode, command, tmp_path):
    """Two terminals, `make run` in one and `make demo` in the other: the second is told how to choose a port."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = _launcher_env(
            PORT=str(port), SECRET_KEY="t", **({"FSP_DEMO": "1"} if mode == "demo" else {"DATABASE_URL": f"sqlite:///{tmp_path / 'run.sqlite3'}"})
        )
        proc = subprocess.run([sys.executable, "-m", "webapp.serve"], check=False, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 2 and proc.stderr.startswith("error: PORT:"), proc.stderr
    assert f"PORT={port + 1} {command}\n" in proc.stderr and "Traceback" not in proc.stderr


# --- the seeded data -----------------------------------------------------------------------------


def test_one_account_per_role_in_one_team_each_signs_in_with_its_printed_password(demo_app):
    listed = users.list_users(demo_app.extensions["fsp_store"])
    assert sorted(u.role for u in listed) == sorted(ROLES)
    assert {u.team for u in listed} == {demo.TEAM}
    passwords = [a.password for a in demo_app.seeded.accounts]
    assert len(set(passwords)) == len(ROLES) and all(len(p) >= 16 for p in passwords)
    for role in ROLES:
        _client(demo_app, role)


def test_passwords_are_new_each_start(tmp_path):
    apps = [create_app({"TESTING": True, "SECRET_KEY": "t", "DEMO": True, "DATABASE_URL": f"sqlite:///{tmp_path / f'{n}.sqlite3'}"}) for n in (1, 2)]
    first, second = (demo.seed(app).accounts for app in apps)
    assert not {a.password for a in first} & {a.password for a in second}


def test_a_case_with_history_steps_up_and_shows_on_the_case_page(demo_app):
    engine = demo_app.extensions["fsp_store"]
    page = _client(demo_app, "practitioner").get("/cases/DEM-0001")
    assert page.status_code == 200
    words = text(page)
    for level in ("Additional", "Extensive", "Child in Need"):
        assert level in words
    manager = next(u for u in users.list_users(engine) if u.role == "manager")
    entries = assessments.history(engine, manager, "DEM-0001")
    assert [e.level for e in entries] == ["additional", "extensive", "child_in_need"]
    assert [c.step for c in assessments.changes(entries)] == ["up", "up"]


def test_the_manager_sees_the_teams_override_with_its_reason(demo_app):
    page = _client(demo_app, "manager").get("/overrides")
    assert page.status_code == 200
    assert "DEM-0002" in text(page) and demo.OVERRIDE_REASON in text(page)
    cases = _client(demo_app, "manager").get("/cases")
    assert all(ref in text(cases) for ref in ("DEM-0001", "DEM-0002", "DEM-0003"))


def test_the_trainer_opens_the_finished_practice_sessions_summary(demo_app):
    trainer = _client(demo_app, "trainer")
    response = trainer.get("/demo/practice-summary")
    code = demo_app.seeded.practice_code
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/practice/session/{code}/summary")
    summary = text(trainer.get(response.headers["Location"]))
    assert "kappa" in summary.lower() and "so far" not in summary  # ended, so not "so far"
    # 3 trainees x 3 scenarios; the first matches the model every time, the others miss one each: 7 of 9
    assert re.search(r"\b78\s?%", summary), summary


def test_the_demo_page_is_for_trainers_only(demo_app):
    assert demo_app.test_client().get("/demo/practice-summary").status_code == 302  # to sign-in
    assert _client(demo_app, "practitioner").get("/demo/practice-summary").status_code == 403
    assert access.undeclared(demo_app) == []


def test_every_page_says_demo_in_the_phase_banner(demo_app):
    client = _client(demo_app, "manager")
    for path in ("/", "/safety", "/adviser/", "/practice/", "/cases", "/cases/DEM-0001", "/overrides", "/no-such-page"):
        banner = re.search(r'class="govuk-phase-banner[ "].*?</div>', client.get(path).get_data(as_text=True), re.DOTALL)
        assert banner and "Demo" in banner.group(0), path


def test_outside_demo_mode_there_is_no_demo_page_or_banner(app):
    client = app.test_client()
    assert client.get("/demo/practice-summary").status_code == 404
    assert "Demo" not in client.get("/").get_data(as_text=True)


# --- the launcher as make runs it ------------------------------------------------------------------


def _lines_until_address(proc, out: queue.Queue) -> list[str]:
    lines = []
    while True:
        line = out.get(timeout=120)
        if line is None:
            raise AssertionError(f"the server stopped: {lines} {proc.stderr.read()}")
        lines.append(line.rstrip("\n"))
        if "(Ctrl-C stops it)" in line:
            return lines


def _serve(env):
    proc = subprocess.Popen([sys.executable, "-m", "webapp.serve"], env=env, cwd=ROOT, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out: queue.Queue = queue.Queue()

    def pump():
        for line in proc.stdout:
            out.put(line)
        out.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return proc, out


@pytest.mark.parametrize("mode", ["run", "demo"])
def test_the_launcher_prints_one_line_then_serves(mode, tmp_path):
    env = _launcher_env(SECRET_KEY="t", **({"FSP_DEMO": "1"} if mode == "demo" else {"DATABASE_URL": f"sqlite:///{tmp_path / 'run.sqlite3'}"}))
    scratch = set(Path(tempfile.gettempdir()).glob("fsp-demo-*"))
    proc, out = _serve(env)
    try:
        lines = _lines_until_address(proc, out)
        url = re.search(r"(http://127\.0\.0\.1:\d+)/", lines[-1]).group(1)
        page = urllib.request.urlopen(url + "/", timeout=60).read().decode()
        if mode == "run":
            assert len(lines) == 1 and "Beta" in page
        else:
            assert [line.split()[0] for line in lines[1:6]] == list(ROLES) and "Demo" in page
            assert set(Path(tempfile.gettempdir()).glob("fsp-demo-*")) - scratch  # its throwaway database
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 0
    assert proc.stderr.read() == ""  # nothing else on the terminal: no warnings, no request lines
    assert not set(Path(tempfile.gettempdir()).glob("fsp-demo-*")) - scratch  # deleted when it stopped
