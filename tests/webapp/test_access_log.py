"""gunicorn's access log, as production writes it, holds routes and never a case reference."""

from __future__ import annotations

import os
import urllib.request
from urllib.error import HTTPError

from benchmarks._gunicorn import gunicorn

SECRET = "CR-SECRET-4417"


def _get(base: str, path: str, **headers) -> int:
    request = urllib.request.Request(base + path, headers=headers)
    try:
        with urllib.request.build_opener(_NoRedirect).open(request, timeout=10) as response:
            return response.status
    except HTTPError as exc:
        return exc.code


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_the_access_log_names_routes_not_case_references(tmp_path):
    log = tmp_path / "access.log"
    env = {**os.environ, "SECRET_KEY": "access-log", "DATABASE_URL": f"sqlite:///{tmp_path / 'web.sqlite3'}"}
    # started from the project folder, as docs/web.md says: gunicorn.conf.py picks the logger
    with gunicorn("webapp:create_app()", env, 1, lambda base: urllib.request.Request(base + "/"), extra=("--access-logfile", str(log))) as (base, _pid):
        statuses = [
            _get(base, f"/cases/{SECRET}"),  # signed out: to sign-in
            _get(base, f"/cases/{SECRET}/export.csv?ref={SECRET}"),
            _get(base, f"/no-such-{SECRET}"),  # a guess is a reference too
            _get(base, "/disagreements", Referer=f"{base}/cases/{SECRET}", Cookie=f"fsp_session={SECRET}"),
        ]
    text = log.read_text()
    assert statuses == [302, 302, 404, 200]
    assert SECRET not in text
    assert "GET /cases/<case_ref> HTTP/1.1" in text
    assert "GET /cases/<case_ref>/export.csv HTTP/1.1" in text
    assert "GET (no such page) HTTP/1.1" in text
    assert "GET /disagreements HTTP/1.1" in text


def test_a_request_refused_for_its_host_is_logged_as_no_route(app):
    """Audit of finding 7: a request with an untrusted Host was matched against a stand-in URL
    map (so its 400 page could draw links) and logged as `GET /`, a page it never asked for."""
    from werkzeug.test import Client

    from webapp.access_log import NO_ROUTE, ROUTE_KEY

    seen = []

    def served(environ, start_response):  # the environ gunicorn's logger reads
        seen.append(environ)
        return app.wsgi_app(environ, start_response)

    client = Client(served)
    for host in ("evil.example.org", "localhost"):
        client.get(f"/cases/{SECRET}", headers={"Host": host}).close()
    assert [e[ROUTE_KEY] for e in seen] == [NO_ROUTE, "/cases/<case_ref>"]


def test_the_api_answers_an_untrusted_host_in_its_own_shape(client):
    """Errors under /api/ are JSON; the 400 for an untrusted Host was the HTML page."""
    r = client.post("/api/v1/assess", json={"indicators": []}, headers={"Host": "evil.example.org"})
    assert r.status_code == 400 and r.is_json and r.get_json()["errors"][0]["field"] == "(request)"
