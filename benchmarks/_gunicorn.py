"""The app served by real gunicorn on 127.0.0.1 with the production command (docs/web.md), for the
benchmarks and the tests: gunicorn.conf.py holds the configuration; only the port, the workers and
the threads change, through its environment variables."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
APP = "webapp:create_app()"
PRODUCTION_COMMAND = f"gunicorn '{APP}'"  # as docs/web.md and docs/benchmarks.md give it


def free_ports(n: int) -> list[int]:
    """`n` distinct free ports on loopback. Each socket is held until all are bound: ports asked one
    at a time can be the same port twice (the first closed before the next bind), which gave two
    instances of one topology the same port (the second could not bind, the CI waited on it)."""
    with ExitStack() as held:
        sockets = [held.enter_context(socket.socket()) for _ in range(n)]
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]


def free_port() -> int:
    return free_ports(1)[0]


class Served(NamedTuple):
    base: str  # http://127.0.0.1:PORT
    pid: int  # gunicorn's master (its workers are its children)


@contextmanager
def gunicorn(
    app_spec: str, env: dict, workers: int, probe: Callable[[str], urllib.request.Request], threads: int = 4, extra: tuple[str, ...] = ()
) -> Iterator[Served]:
    """Serve `app_spec` (the product's APP, or a test's) with `workers` x `threads` by the production
    command; `extra` adds test-only options (e.g. a log file). Yields once every worker answers `probe`."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**env, "FSP_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(workers), "FSP_THREADS": str(threads)}
    cmd = [sys.executable, "-m", "gunicorn", *extra, app_spec]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    try:
        _wait_until_answering(base, 4 * workers, probe)
        yield Served(base, proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _wait_until_answering(base: str, answers: int, probe) -> None:
    # gunicorn opens the port before its workers have loaded the app: wait for real answers (up to
    # two minutes: on a shared, loaded machine a worker took 12 s of wall time to load the app)
    answered = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(probe(base), timeout=5).read()
            answered += 1
            if answered >= answers:
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"gunicorn at {base} did not start")
