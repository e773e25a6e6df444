"""Dump the JSON API's answers to many varied requests, whole, to compare two versions (issue 17).

A change meant only to make POST /api/v1/assess cheaper must leave every answer identical: status,
every header in order, the body byte for byte, and the route left for the access log. Run this at the
starting commit and after the change, then compare the files (`cmp`). Requests are WSGI calls with the
environ gunicorn builds (no test client), drawn with a fixed seed: varied cases over every indicator
the age admits and every context answer (training.fingerprint.varied_case: decided, refused,
immediate referrals, in and out of office hours, a bank holiday), and then malformed ones: keys given
twice, unknown indicators and fields, wrong types, bodies that are not JSON, empty, too large, sent
chunked, with a byte order mark, the wrong content type or method, a cookie, a query string,
forwarded headers; a few calls of the other API endpoints. Each is run against the app as the tests
build it and as production does (HSTS on, one proxy hop, a default rate limit of 10,000 a minute).
Nothing varies between runs but a Set-Cookie's signed value and expiry, which are masked; "now" is a fixed
Wednesday morning (pathway.clock), and the hash seed is fixed (an OPTIONS answer lists a set of methods).

    .venv/bin/python -m scripts.api_response_oracle --out /tmp/api.jsonl [--cases 400]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from pathway import load_catalogue
from training.fingerprint import CONTACT_TIMES, varied_case

ASSESS = "/api/v1/assess"
ROUTE_KEY = "fsp.route"  # webapp.access_log.ROUTE_KEY, read here without importing the app's layer
EXTRA_TIMES = [
    "2026-12-01T08:59:59+00:00",  # a minute before the office opens
    "2026-12-01T17:00:00+00:00",  # closing time
    "2026-06-01T12:00:00+01:00",  # summer time
    "2026-12-28T09:30:00Z",  # the substitute bank holiday
]


def _environ(method: str, path: str, body: bytes, headers: dict[str, str], chunked: bool = False, query: str = "") -> dict:
    env = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "RAW_URI": path + (f"?{query}" if query else ""),
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "REMOTE_PORT": "40000",
        "HTTP_HOST": "127.0.0.1:8000",
        "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
        "wsgi.input_terminated": True,
    }
    if chunked:
        env["HTTP_TRANSFER_ENCODING"] = "chunked"
    elif method not in ("GET", "HEAD") or body:
        env["CONTENT_LENGTH"] = str(len(body))
    for name, value in headers.items():
        key = name.upper().replace("-", "_")
        env[key if key in ("CONTENT_TYPE", "CONTENT_LENGTH") else f"HTTP_{key}"] = value
    return env


JSON = {"Content-Type": "application/json"}


def requests(cases: int, seed: int):
    """(label, method, path, body, headers, options) for every request, in a fixed order."""
    catalogue = load_catalogue()
    rng = random.Random(seed)
    ids = sorted(i.id for i in catalogue.indicators)
    immediate = sorted(i.id for i in catalogue.indicators if i.immediate)
    times = CONTACT_TIMES + EXTRA_TIMES
    for k in range(cases):
        raw = varied_case(rng, ids, catalogue, times)
        if k % 5 == 0 and immediate:  # an immediate-referral criterion among the answers
            raw["indicators"] = [*raw["indicators"], rng.choice(immediate)]
        style = k % 4
        text = json.dumps(raw, indent=2 if style == 1 else None, separators=(",", ":") if style == 2 else None)
        body = text.encode()
        if style == 3 and k % 8 == 3:
            body = b"\xef\xbb\xbf" + body  # a byte order mark
        yield f"case {k}", "POST", ASSESS, body, JSON, {}
    # keys given twice, at every depth
    base = {"child": {"age_years": 1}, "indicators": ["immediate.unexplained_bruising_under_2"], "context": {"caf": "none"}}
    twice = [
        '{"child": {"age_years": 1}, "indicators": ["immediate.unexplained_bruising_under_2"], "indicators": []}',
        '{"child": {"age_years": 1, "age_years": 5}, "indicators": []}',
        '{"child": {"age_years": 1}, "context": {"caf": "none", "caf": "open_improving"}}',
        '{"indicators": [], "indicators": [], "child": {}, "child": {}}',
        '{"context": {"contact_time": "2026-12-01T10:00:00+00:00", "contact_time": "2026-12-01T22:00:00+00:00"}}',
        '{"a": 1, "a": 2}',
        '{"child": {"unborn": true, "unborn": false}, "parent": {"age_years": 15, "age_years": 16}}',
        '[{"x": 1, "x": 2}]',
        '{"indicators": [{"id": 1, "id": 2}]}',
    ]
    for n, text in enumerate(twice):
        yield f"twice {n}", "POST", ASSESS, text.encode(), JSON, {}
    # unknown indicators and fields, wrong types and values
    odd = [
        {**base, "indicators": ["additional.no_such_need"]},
        {**base, "indicators": ["nonsense"]},
        {**base, "indicators": ["additional.lack_routine", "additional.lack_routine"]},
        {**base, "indicators": [""]},
        {**base, "indicators": "additional.lack_routine"},
        {**base, "indicators": [1, 2]},
        {**base, "indicators": ["additional.lack_routine"] * 501},
        {**base, "extra": True},
        {**base, "child": {"age_years": -1}},
        {**base, "child": {"age_years": "seven"}},
        {**base, "child": {"age_years": 7.5}},
        {**base, "child": {"age_years": 200}},
        {**base, "child": {"age_months": 13, "age_years": 0}},
        {**base, "child": {"unborn": True, "age_years": 3}},
        {**base, "child": None},
        {**base, "context": {"caf": "maybe"}},
        {**base, "context": {"contact_time": "yesterday"}},
        {**base, "context": {"contact_time": "2026-12-01T10:00:00"}},
        {**base, "context": {"contact_time": "0001-01-01T00:00:00+14:00"}},
        {**base, "context": {"unknown": 1}},
        {**base, "parent": {"age_years": 9}},
        {"child": {"age_years": 14}, "indicators": ["extensive.children_who_go_missing"], "context": {"caller": "public", "open_to_social_care": True}},
        {},
        {"indicators": []},
    ]
    for n, case in enumerate(odd):
        yield f"odd {n}", "POST", ASSESS, json.dumps(case).encode(), JSON, {}
    bodies = [
        b"",
        b"   ",
        b"null",
        b"[]",
        b"1",
        b'"a case"',
        b"{",
        b'{"child": }',
        b"\xff\xfe{}",
        b"{}" + b" " * 10,
        b'{"indicators": ["\\ud800"]}',
        b"[" * 5000 + b"]" * 5000,
    ]
    for n, body in enumerate(bodies):
        yield f"body {n}", "POST", ASSESS, body, JSON, {}
    big = json.dumps({**base, "indicators": ["x" * 70_000]}).encode()
    yield "too large", "POST", ASSESS, big, JSON, {}
    yield "too large, chunked", "POST", ASSESS, big, JSON, {"chunked": True}
    yield "chunked", "POST", ASSESS, json.dumps(base).encode(), JSON, {"chunked": True}
    good = json.dumps(base).encode()
    for n, headers in enumerate(
        [
            {},
            {"Content-Type": "text/plain"},
            {"Content-Type": "application/json; charset=utf-8"},
            {"Content-Type": "application/x-www-form-urlencoded"},
            {**JSON, "Cookie": "fsp_session=not-a-session"},
            {**JSON, "Cookie": "other=1"},
            {**JSON, "X-Forwarded-For": "10.0.0.9", "X-Forwarded-Proto": "https"},
            {**JSON, "Origin": "https://elsewhere.example"},
            {**JSON, "Accept": "text/html"},
            {**JSON, "Host": "evil.example"},
            {**JSON, "Host": "a" * 64 + ".example"},
            {**JSON, "X-Requested-With": "fetch"},
        ]
    ):
        yield f"headers {n}", "POST", ASSESS, good, headers, {}
    yield "query", "POST", ASSESS, good, JSON, {"query": "level=protection"}
    for method in ("GET", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"):
        yield f"method {method}", method, ASSESS, good if method in ("PUT", "PATCH") else b"", JSON, {}
    for path in (ASSESS + "/", "/api/v1/Assess", "/api/v1/assess/x", "/api/v1/", "/api/v2/assess", "/api/v1//assess"):
        yield f"path {path}", "POST", path, good, JSON, {}
    yield "indicators", "GET", "/api/v1/indicators", b"", {}, {}
    yield "openapi", "GET", "/api/v1/openapi.json", b"", {}, {}
    for n, words in enumerate(["he hits her", "no food at home", ""]):
        yield f"search {n}", "POST", "/api/v1/search", json.dumps({"words": words}).encode(), JSON, {}


def _masked(headers: list[tuple[str, str]]) -> list[list[str]]:
    out = []
    for name, value in headers:
        if name.lower() == "set-cookie":
            value = re.sub(r"=([^;]*)", lambda m: "=<value>" if m.group(1) else "=", value, count=1)
            value = re.sub(r"Expires=[^;]*", "Expires=<date>", value)
        if name.lower() == "retry-after":
            value = "<n>"
        out.append([name, value])
    return out


def configurations(tmp: Path) -> dict[str, dict]:
    common = {"SECRET_KEY": "oracle"}
    return {
        "tests": {**common, "DATABASE_URL": f"sqlite:///{tmp / 'a.sqlite3'}", "TESTING": True},
        "production": {
            **common,
            "DATABASE_URL": f"sqlite:///{tmp / 'b.sqlite3'}",
            "HSTS": True,
            "PROXY_HOPS": 1,
            "RATELIMIT_DEFAULT": "10000 per minute",
        },
    }


def rows(cases: int, seed: int):
    from pathway import clock
    from webapp import create_app

    # a case without a contact time is decided at "now": a fixed Wednesday morning, so two runs agree
    clock.set_source(lambda: datetime(2026, 12, 2, 11, 0, tzinfo=timezone.utc))

    tmp = Path(tempfile.mkdtemp())
    for name, config in configurations(tmp).items():
        app = create_app(config)
        for label, method, path, body, headers, options in requests(cases, seed):
            env = _environ(method, path, body, headers, options.get("chunked", False), options.get("query", ""))
            seen: dict = {}

            def start_response(status, response_headers, exc_info=None, seen=seen):
                seen["status"], seen["headers"] = status, response_headers

            answer = app(env, start_response)
            try:
                data = b"".join(answer)
            finally:
                if hasattr(answer, "close"):
                    answer.close()
            yield {
                "app": name,
                "request": label,
                "status": seen["status"],
                "headers": _masked(seen["headers"]),
                "route": env.get(ROUTE_KEY),
                "body": data.decode("latin-1"),
            }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=400, help="varied cases (the malformed requests come on top)")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    if os.environ.get("PYTHONHASHSEED") != "0":  # an OPTIONS answer's Allow header lists a set of methods
        os.execve(sys.executable, [sys.executable, "-m", "scripts.api_response_oracle", *sys.argv[1:]], {**os.environ, "PYTHONHASHSEED": "0"})
    counts: dict[str, int] = {}
    with open(args.out, "w") as fh:
        for row in rows(args.cases, args.seed):
            counts[row["status"]] = counts.get(row["status"], 0) + 1
            fh.write(json.dumps(row, sort_keys=True) + "\n")
    print(json.dumps({"answers": sum(counts.values()), "by_status": dict(sorted(counts.items()))}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
