"""Instructions executed by the rules' work or by in-process requests, counted by valgrind's callgrind
around the work alone (start-up, catalogue loading and warm-up not counted): a figure a loaded machine
does not blur, for comparing two commits when other processes share the cores (speed14, issue 17).
Needs valgrind (Debian's `valgrind`); not in `python -m benchmarks` (hence the underscore).

    .venv/bin/python -m benchmarks._instructions WORK [N]

WORK: `what_if` (the what-if lists of N realistic cases, benchmarks.rules_speed), `evaluate` (evaluate()
of N realistic cases), `result` (N GET /result of benchmarks.load_http's journey), `assess` (N POST
/api/v1/assess of benchmarks.load_http.CASE), `bare_page`, `bare_assess` (the bare app's, the same
requests), and the result page's own drawing without the rules: `result_drawn` (GET /result with the
decision and the what-if list made in advance, as `benchmarks.render_cost --parts` does: the view, its
templates and the request around them) and `result_empty` (the view replaced by one returning "": the
request around it). Requests run with the collector set as gunicorn.conf.py sets a production worker's.
PYTHONHASHSEED is fixed: the same code counted twice gives the same count.
"""

from __future__ import annotations

import gc
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

_INSIDE = "FSP_UNDER_CALLGRIND"
WORKS = ("what_if", "evaluate", "result", "result_drawn", "result_empty", "assess", "bare_page", "bare_assess")


def _rules_work(work: str, n: int) -> Callable[[], object]:
    from benchmarks.rules_speed import realistic_cases
    from rules import ensure_registered, evaluate
    from rules.what_if import nearby

    ensure_registered()
    cases = realistic_cases(n, 15)
    pairs = [(c, evaluate(c)) for c in cases]
    if work == "evaluate":
        return lambda: [evaluate(c) for c in cases]
    return lambda: [nearby(c, d) for c, d in pairs]


def _request_work(work: str, n: int) -> Callable[[], object]:
    from benchmarks._bare_app import create_bare_app
    from benchmarks.load_http import CASE, _journey_cookie

    body = json.dumps(CASE)
    if work.startswith("bare"):
        client = create_bare_app().test_client()
    else:
        from webapp import create_app

        url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'instructions.sqlite3'}"
        cookie = _journey_cookie(url).split("=", 1)[1]
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "load-test"})
        client = app.test_client()
        client.set_cookie("fsp_session", cookie)
        if work in ("result_drawn", "result_empty"):
            _without_rules(app, cookie, empty=work == "result_empty")
    if work in ("result", "result_drawn", "result_empty", "bare_page"):
        path = "/" if work == "bare_page" else "/result"

        def one():
            return client.get(path)
    else:

        def one():
            return client.post("/api/v1/assess", data=body, content_type="application/json")

    for _ in range(20):
        assert one().status_code == 200, work
    return lambda: [one() for _ in range(n)]


def _without_rules(app, cookie: str, empty: bool) -> None:
    """The result view's decision and what-if list made once in advance and handed back on every
    request (the rules' work left out, as render_cost --parts); `empty`: the view itself replaced."""
    from webapp.journey import answers as store
    from webapp.journey import views

    with app.test_request_context("/result", headers={"Cookie": f"fsp_session={cookie}"}):
        decided = views.decide(store.get())
        what_if = views.nearby(decided.case, decided.decision)
    views.decide = lambda *a, **k: decided
    views.nearby = lambda *a, **k: what_if
    if empty:
        app.view_functions["journey.result"] = lambda: ""


def _inside(work: str, n: int) -> None:
    """Under callgrind, started with instrumentation off: set up, warm, then count the work alone."""
    run = _rules_work(work, n) if work in ("what_if", "evaluate") else _request_work(work, n)
    run()  # warm
    gc.collect()
    gc.freeze()
    if work in ("what_if", "evaluate"):
        gc.disable()
    else:
        gc.set_threshold(10_000, 10, 10)  # as gunicorn.conf.py's post_worker_init
    control = ["callgrind_control", "-i"]
    subprocess.run([*control, "on", str(os.getpid())], check=True, capture_output=True)
    run()
    subprocess.run([*control, "off", str(os.getpid())], check=True, capture_output=True)


def count(work: str, n: int) -> int:
    """Instructions the work executes, counted in a child process under callgrind."""
    env = {**os.environ, _INSIDE: "1", "PYTHONHASHSEED": "0"}
    command = ["valgrind", "--tool=callgrind", "--instr-atstart=no", "--callgrind-out-file=/dev/null"]
    done = subprocess.run([*command, sys.executable, "-m", "benchmarks._instructions", work, str(n)], env=env, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if not found:
        raise RuntimeError(f"callgrind gave no count: {done.stderr[-500:]}")
    return int(found.group(1))


def main(argv: "list[str] | None" = None) -> dict:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] not in WORKS:
        raise SystemExit(f"usage: python -m benchmarks._instructions {{{','.join(WORKS)}}} [N]")
    work, n = args[0], int(args[1]) if len(args) > 1 else 40
    if os.environ.get(_INSIDE):
        _inside(work, n)
        return {}
    instructions = count(work, n)
    report = {"work": work, "n": n, "instructions": instructions, "per_item": round(instructions / n)}
    print(json.dumps(report))
    return report


if __name__ == "__main__":
    main()
