"""gunicorn config for benchmarks/assess_profile.py (benchmark-only): times the rules lock.

Each worker replaces rules.engine's lock with one that counts how often a thread found it taken
and how long threads waited for it and held it; on exit it writes the totals to
$FSP_LOCK_PROBE/<pid>.json.
"""

import json
import os
import runpy
import threading
import time
from pathlib import Path

# the production configuration first (bind, workers, threads, logger): `-c` replaces it, not adds to it
globals().update(
    {k: v for k, v in runpy.run_path(str(Path(__file__).resolve().parents[1] / "gunicorn.conf.py")).items() if not k.startswith("_") and k != "os"}
)


class ProbeLock:
    def __init__(self):
        self._lock = threading.Lock()
        self.calls = self.contended = 0
        self.wait = self.held = 0.0

    def __enter__(self):
        start = time.perf_counter()
        if not self._lock.acquire(blocking=False):
            self._lock.acquire()
            self.contended += 1
        self._got = time.perf_counter()
        self.calls += 1
        self.wait += self._got - start

    def __exit__(self, *exc):
        self.held += time.perf_counter() - self._got
        self._lock.release()


def post_worker_init(worker):
    import rules.engine

    rules.engine._LOCK = worker._fsp_probe = ProbeLock()


def worker_exit(server, worker):
    probe = getattr(worker, "_fsp_probe", None)
    if probe is not None:
        with open(os.path.join(os.environ["FSP_LOCK_PROBE"], f"{os.getpid()}.json"), "w") as fh:
            json.dump({"calls": probe.calls, "contended": probe.contended, "wait_s": probe.wait, "held_s": probe.held}, fh)
