"""gunicorn config for benchmarks/assess_profile.py (benchmark-only): the production configuration
plus what the benchmark needs to see inside each worker.

- Ready marks: each worker, once it has loaded the app, touches $FSP_READY_DIR/<pid>. wrk opens its
  200 keep-alive connections at once and keeps them for the whole run, so a worker still loading
  the app when wrk starts never gets one: the product (seconds to load) was measured on one
  worker of two against a bare app on both (issue 17). The benchmark waits for every mark.
- Where the CPU goes: the thread CPU time spent inside the app (the WSGI call) against the
  worker process's whole CPU time (gunicorn's parsing, threads and writing besides).
- The rules lock ($FSP_LOCK_PROBE set): rules.engine's lock is replaced with one that counts how
  often a thread found it taken and how long threads waited for it and held it.

On exit each worker writes its totals to $FSP_PROBE_DIR/<pid>.json.
"""

import json
import os
import resource
import runpy
import threading
import time
from pathlib import Path

# the production configuration first (bind, workers, threads, logger, hooks): `-c` replaces it, not adds to it
PRODUCTION = {k: v for k, v in runpy.run_path(str(Path(__file__).resolve().parents[1] / "gunicorn.conf.py")).items() if not k.startswith("_") and k != "os"}
globals().update(PRODUCTION)


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


class AppTime:
    """The WSGI app, timed: thread CPU seconds spent inside it, and how many requests."""

    def __init__(self, app):
        self.app, self.requests, self.cpu = app, 0, 0.0
        self._count = threading.Lock()

    def __call__(self, environ, start_response):
        start = time.thread_time()
        answer = self.app(environ, start_response)
        try:
            return list(answer)  # the body is built inside the app
        finally:
            if hasattr(answer, "close"):
                answer.close()
            spent = time.thread_time() - start
            with self._count:
                self.requests += 1
                self.cpu += spent


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def post_worker_init(worker):
    if "post_worker_init" in PRODUCTION:
        PRODUCTION["post_worker_init"](worker)
    worker.wsgi = worker._fsp_app_time = AppTime(worker.wsgi)
    worker._fsp_cpu_at_start = _cpu_seconds()  # loading the app is not a request's cost
    if os.environ.get("FSP_LOCK_PROBE"):
        import rules.engine

        rules.engine._LOCK = worker._fsp_probe = ProbeLock()
    if os.environ.get("FSP_READY_DIR"):
        Path(os.environ["FSP_READY_DIR"], str(os.getpid())).touch()


def worker_exit(server, worker):
    app_time = getattr(worker, "_fsp_app_time", None)
    if app_time is None or not os.environ.get("FSP_PROBE_DIR"):
        return
    report = {"requests": app_time.requests, "app_cpu_s": app_time.cpu, "worker_cpu_s": _cpu_seconds() - worker._fsp_cpu_at_start}
    probe = getattr(worker, "_fsp_probe", None)
    if probe is not None:
        report.update(calls=probe.calls, contended=probe.contended, wait_s=probe.wait, held_s=probe.held)
    with open(os.path.join(os.environ["FSP_PROBE_DIR"], f"{os.getpid()}.json"), "w") as fh:
        json.dump(report, fh)
