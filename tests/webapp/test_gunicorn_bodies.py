"""Oversized bodies through real gunicorn, which hands a chunked body on without a Content-Length:
it must be refused with 413 like any other, never cut short at the limit and used (issue 7)."""

from __future__ import annotations

import http.client
import json
import os

import pytest

from benchmarks._gunicorn import gunicorn as serve_gunicorn
from benchmarks.load_http import CASE, assess_request

LIMIT = 64 * 1024  # webapp.config MAX_CONTENT_LENGTH


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory):
    env = {**os.environ, "SECRET_KEY": "gunicorn-bodies", "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('gunicorn') / 'web.sqlite3'}"}
    with serve_gunicorn("webapp:create_app()", env, 1, assess_request) as served:
        yield int(served.base.rsplit(":", 1)[1])


def send(port: int, path: str, body: bytes, content_type: str, chunked: bool):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        if chunked:
            pieces = (body[i : i + 8192] for i in range(0, len(body), 8192))
            conn.request("POST", path, body=pieces, headers={"Content-Type": content_type}, encode_chunked=True)
        else:
            conn.request("POST", path, body=body, headers={"Content-Type": content_type})
        response = conn.getresponse()
        return response.status, response.getheader("Content-Type"), response.read().decode()
    finally:
        conn.close()


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_an_oversized_body_is_refused_with_413(gunicorn, chunked):
    padded = json.dumps({**CASE, "padding": "x" * LIMIT}).encode()
    status, ctype, body = send(gunicorn, "/api/v1/assess", padded, "application/json", chunked)
    assert (status, ctype) == (413, "application/json")
    assert json.loads(body) == {"errors": [{"field": "(request)", "message": "the body is too large"}]}
    status, ctype, body = send(gunicorn, "/safety", b"immediate=none&note=" + b"a" * LIMIT, "application/x-www-form-urlencoded", chunked)
    assert status == 413 and ctype.startswith("text/html")
    assert "What was sent is too large." in body and "Traceback" not in body


def test_a_chunked_body_within_the_limit_is_read_whole(gunicorn):
    """Up to the limit a chunked body is used as sent: here it ends past the 64 KB mark minus one."""
    padded = json.dumps({**CASE, "note": "x" * (LIMIT - 1000)}).encode()
    status, _ctype, body = send(gunicorn, "/api/v1/assess", padded, "application/json", chunked=True)
    assert status == 422 and '"note"' in body  # the whole document was read: the unknown field is named
    status, _ctype, body = send(gunicorn, "/api/v1/assess", json.dumps(CASE).encode(), "application/json", True)
    assert status == 200 and json.loads(body)["level"]
