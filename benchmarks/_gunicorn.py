"""The app served by real gunicorn on 127.0.0.1, as in production (docs/web.md), for a benchmark."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served(NamedTuple):
    base: str  # http://127.0.0.1:PORT
    pid: int  # gunicorn's master (its workers are its children)


@contextmanager
def gunicorn(app_spec: str, env: dict, workers: int,
             probe: Callable[[str], urllib.request.Request], threads: int = 4,
             extra: tuple[str, ...] = ()) -> Iterator[Served]:
    """Serve `app_spec` with `workers` x `threads`; yields once every worker answers `probe`."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    cmd = [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
           "--threads", str(threads), "--log-level", "warning", *extra, app_spec]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env)
    try:
        _wait_until_answering(base, 4 * workers, probe)
        yield Served(base, proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _wait_until_answering(base: str, answers: int, probe) -> None:
    # gunicorn opens the port before its workers have loaded the app: wait for real answers
    answered = 0
    for _ in range(300):
        try:
            urllib.request.urlopen(probe(base), timeout=5).read()
            answered += 1
            if answered >= answers:
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"gunicorn at {base} did not start")
