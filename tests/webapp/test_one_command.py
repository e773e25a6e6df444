"""One production gunicorn command (issue 16, finding 12): docs/web.md and docs/benchmarks.md
disagreed (3 workers against 2 x 4 threads). The command carries no options; gunicorn.conf.py holds
them, and the benchmarks and tests run the same command (benchmarks/_gunicorn.py)."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

from benchmarks import _gunicorn

ROOT = Path(__file__).resolve().parents[2]


def test_the_docs_give_the_one_command_with_no_options_of_its_own():
    for doc in ("docs/web.md", "docs/benchmarks.md"):
        text = (ROOT / doc).read_text()
        assert _gunicorn.PRODUCTION_COMMAND in text, doc
        assert not re.search(r"gunicorn (--|-[a-z] )", text), f"{doc}: options belong in gunicorn.conf.py"


def test_the_configuration_is_gthread_two_workers_of_four_threads_on_loopback(monkeypatch):
    for name in ("FSP_BIND", "WEB_CONCURRENCY", "FSP_THREADS"):
        monkeypatch.delenv(name, raising=False)
    conf = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert (conf["worker_class"], conf["workers"], conf["threads"], conf["bind"]) == ("gthread", 2, 4, "127.0.0.1:8000")
    assert conf["logger_class"] == "webapp.access_log.RedactingLogger"


def test_benchmarks_and_tests_start_the_same_command(monkeypatch):
    started = {}

    class Stop(Exception):
        pass

    def popen(cmd, cwd, env, **_kw):
        started.update(cmd=cmd, cwd=cwd, env=env)
        raise Stop

    monkeypatch.setattr(_gunicorn.subprocess, "Popen", popen)
    try:
        with _gunicorn.gunicorn(_gunicorn.APP, {}, 3, lambda base: None, threads=5):
            pass
    except Stop:
        pass
    assert started["cmd"][1:] == ["-m", "gunicorn", "webapp:create_app()"] and started["cwd"] == ROOT
    assert started["env"]["WEB_CONCURRENCY"] == "3" and started["env"]["FSP_THREADS"] == "5"


def test_the_systemd_unit_runs_the_same_command():
    """Audit of finding 12: deploy/systemd/fsp@.service ran a second production command, with
    its own options (--bind, --workers, --threads, --worker-class, --graceful-timeout); each
    instance's address now comes through FSP_BIND, and the options live in gunicorn.conf.py."""
    import shlex

    from benchmarks import _topology

    unit = (ROOT / "deploy/systemd/fsp@.service").read_text()
    [exec_start] = re.findall(r"^ExecStart=(.+)$", unit, re.M)
    assert shlex.split(exec_start) == ["/srv/fsp/.venv/bin/gunicorn", "webapp:create_app()"]
    assert _topology.unit_environment(8001) == {"FSP_BIND": "127.0.0.1:8001"}
    assert _topology.gunicorn_command(8001)[1:] == ["-m", "gunicorn", "webapp:create_app()"]
    conf = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert conf["graceful_timeout"] < int(re.search(r"^TimeoutStopSec=(\d+)$", unit, re.M)[1])  # workers finish before systemd kills them
