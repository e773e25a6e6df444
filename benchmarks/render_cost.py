"""CPU per request inside one process (Flask's test client, no server): the result page, a plain
page (the accessibility statement) and the bare page, so the render pipeline's own cost is seen
without gunicorn, sockets or other processes. `--profile` prints the result page's top functions.
`--parts` splits the result page's CPU without a profiler (which inflates small Python calls):
the page again with one part given its answer ready-made (the what-if list, then the decision
(`webapp.journey.decide`: evaluate() and the case), then the templates), and with a view that does nothing; each part is the difference.

    .venv/bin/python -m benchmarks.render_cost [--requests 300] [--profile] [--parts]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import pstats
import tempfile
import time
from pathlib import Path

from benchmarks._bare_app import create_bare_app
from benchmarks.load_http import _journey_cookie


def _cpu_ms(client, path: str, n: int) -> float:
    for _ in range(30):
        assert client.get(path).status_code == 200, path
    # Python's full garbage collection (about 60 ms over the app's objects, every few hundred
    # requests) otherwise lands in whichever page's run it happens to: each run starts from none
    gc.collect()
    start = time.process_time()
    for _ in range(n):
        client.get(path)
    return (time.process_time() - start) * 1000 / n


def _parts(app, client, cookie: str, n: int) -> dict:
    """The result page's CPU split by replacing, in turn, each part with its answer made in advance."""
    from webapp.journey import answers as store
    from webapp.journey import views

    real = {name: getattr(views, name) for name in ("nearby", "decide", "render_template")}
    whole = _cpu_ms(client, "/result", n)
    with app.test_request_context("/result", headers={"Cookie": f"fsp_session={cookie}"}):
        decided = real["decide"](store.get())  # the view's evaluate(), through rules.evaluate_despite_refusals
        what_if = real["nearby"](decided.case, decided.decision)
    try:
        views.nearby = lambda *a, **k: what_if
        without_what_if = _cpu_ms(client, "/result", n)
        views.decide = lambda *a, **k: decided
        without_rules = _cpu_ms(client, "/result", n)
        views.render_template = lambda *a, **k: ""
        view_only = _cpu_ms(client, "/result", n)
        view = app.view_functions["journey.result"]
        app.view_functions["journey.result"] = lambda: ""
        request_only = _cpu_ms(client, "/result", n)
        app.view_functions["journey.result"] = view
    finally:
        for name, fn in real.items():
            setattr(views, name, fn)
    return {
        "whole": round(whole, 3),
        "what_if_list": round(whole - without_what_if, 3),
        "evaluate": round(without_what_if - without_rules, 3),
        "templates": round(without_rules - view_only, 3),
        "view_own_work": round(view_only - request_only, 3),
        "request_without_view": round(request_only, 3),
    }


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--parts", action="store_true", help="split the result page's CPU by part")
    args = parser.parse_args(argv)
    from webapp import create_app

    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'render.sqlite3'}"
    cookie = _journey_cookie(url).split("=", 1)[1]
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "load-test"})
    product = app.test_client()
    product.set_cookie("fsp_session", cookie)
    bare = create_bare_app().test_client()
    report = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "requests": args.requests,
        "result_ms": round(_cpu_ms(product, "/result", args.requests), 3),
        "plain_page_ms": round(_cpu_ms(product, "/accessibility", args.requests), 3),
        "bare_page_ms": round(_cpu_ms(bare, "/", args.requests), 3),
    }
    report["result_to_bare"] = round(report["result_ms"] / report["bare_page_ms"], 1)
    if args.parts:
        report["result_parts_ms"] = _parts(app, product, cookie, args.requests)
    print(json.dumps(report, indent=1))
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.requests):
            product.get("/result")
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
    return report


if __name__ == "__main__":
    main()
