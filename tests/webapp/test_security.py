"""Security headers, CSRF, cookies and server-side sessions."""

from __future__ import annotations

import logging
import re

from sqlalchemy import select

from tests.webapp.conftest import CHILD
from webapp import create_app, db


def test_security_headers_on_pages_and_api(client):
    for path in ("/", "/api/v1/indicators"):
        h = client.get(path).headers
        csp = h["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp
        assert "'unsafe-inline'" not in csp
        assert h["Referrer-Policy"] == "same-origin"
        assert h["X-Content-Type-Options"] == "nosniff"


def test_the_only_inline_script_carries_the_request_nonce(client):
    r = client.get("/")
    nonce = re.search(r"'nonce-([^']+)'", r.headers["Content-Security-Policy"]).group(1)
    html = r.get_data(as_text=True)
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline == [f' nonce="{nonce}"']
    assert client.get("/").headers["Content-Security-Policy"] != r.headers["Content-Security-Policy"]


def test_forms_refuse_a_post_without_csrf_token(tmp_path):
    app = create_app({"SECRET_KEY": "x", "DATABASE_URL": f"sqlite:///{tmp_path / 'c.sqlite3'}"})
    client = app.test_client()
    html = client.get("/safety").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    assert client.post("/safety", data={"immediate": "none"}).status_code == 400
    assert client.post("/safety", data={"immediate": "none", "csrf_token": token}).status_code == 302


def test_answers_are_kept_server_side_not_in_cookie_or_url(app, client):
    client.post("/safety", data={"immediate": "none"})
    r = client.post("/child", data=CHILD)
    assert "8" not in r.headers["Location"]
    cookie = client.get_cookie("fsp_session")
    assert cookie is not None and "age" not in cookie.value and len(cookie.value) >= 40
    assert cookie.http_only and cookie.same_site == "Lax"
    with app.app_context():
        with db.engine().connect() as conn:
            rows = conn.execute(select(db.web_sessions.c.id, db.web_sessions.c.data)).all()
    assert len(rows) == 1
    assert rows[0].id != cookie.value  # only a hash of the token is stored
    assert '"age_years": 8' in rows[0].data


def test_hsts_only_where_the_app_is_served_over_https(tmp_path):
    """The headers are built once when the app starts (issue 17), from its configuration."""
    for hsts in (True, False):
        app = create_app({"SECRET_KEY": "x", "HSTS": hsts, "DATABASE_URL": f"sqlite:///{tmp_path / 'h.sqlite3'}"})
        for path in ("/", "/api/v1/indicators"):
            assert ("Strict-Transport-Security" in app.test_client().get(path).headers) is hsts


def test_a_header_the_view_set_is_replaced_not_repeated(client, app):
    @app.get("/test-own-headers")
    def own_headers():
        return "x", {"X-Frame-Options": "SAMEORIGIN", "Cache-Control": "public, max-age=60"}

    h = client.get("/test-own-headers").headers
    assert h.getlist("X-Frame-Options") == ["DENY"] and h.getlist("Cache-Control") == ["no-store"]
    assert h.getlist("Content-Security-Policy") == [client.get("/api/v1/indicators").headers["Content-Security-Policy"]]


def test_secure_cookie_flag_is_configurable(tmp_path):
    app = create_app({"SECRET_KEY": "x", "WTF_CSRF_ENABLED": False, "SESSION_COOKIE_SECURE": True, "DATABASE_URL": f"sqlite:///{tmp_path / 's.sqlite3'}"})
    r = app.test_client().post("/safety", data={"immediate": "none"})
    assert "Secure" in r.headers["Set-Cookie"]


def test_a_forged_session_cookie_starts_a_new_session(client):
    client.set_cookie("fsp_session", "made-up-token")
    r = client.get("/child")  # no answers under it: the page says so (review 18 surfaces, S4)
    assert r.status_code == 200 and "Your answers have expired or were never given" in r.get_data(as_text=True)


def test_answers_are_not_logged(app, client, caplog):
    caplog.set_level(logging.DEBUG)
    client.post("/safety", data={"immediate": "none"})
    client.post("/child", data={**CHILD, "age_years": "17"})
    client.post("/api/v1/assess", json={"indicators": ["immediate.trafficking_victim"]})
    assert "17" not in caplog.text and "trafficking" not in caplog.text


def test_defaults_work_without_config(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'd.sqlite3'}")
    app = create_app()
    assert app.config["SECRET_KEY"] and app.config["WTF_CSRF_ENABLED"]
    assert app.config["MAX_CONTENT_LENGTH"] == 64 * 1024
    assert app.test_client().get("/").status_code == 200


def test_generated_secret_key_is_shared_by_every_app_in_the_instance(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'k.sqlite3'}")
    from pathlib import Path

    first, second = create_app(), create_app()
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert oct(Path(first.instance_path, "secret_key").stat().st_mode & 0o777) == "0o600"


def test_pages_and_api_answers_are_not_cached_but_assets_may_be(client):
    assert client.get("/safety").headers["Cache-Control"] == "no-store"
    assert client.post("/api/v1/assess", json={}).headers["Cache-Control"] == "no-store"
    assert "no-store" not in client.get("/static/app/app.css").headers.get("Cache-Control", "")
