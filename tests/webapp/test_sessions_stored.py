"""Anonymous page views store nothing, and the CSRF secret changes with the session at sign-in and
sign-out (issue 16, findings 8 and 9). CSRF is on, as in production."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from store import users
from tests.webapp.conftest import ALWAYS_OPEN, PASSWORD, text
from webapp import create_app, db


@pytest.fixture
def app(tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "sessions", "OFFICE_HOURS": ALWAYS_OPEN, "DATABASE_URL": f"sqlite:///{tmp_path / 'web.sqlite3'}"})
    assert app.config["WTF_CSRF_ENABLED"]
    users.create_user(app.extensions["fsp_store"], "pat", "practitioner", "North", PASSWORD)
    return app


def rows(app) -> int:
    with app.extensions["fsp_db"].connect() as conn:
        return conn.execute(select(func.count()).select_from(db.web_sessions)).scalar_one()


def token(client, path="/sign-in") -> str:
    html = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)


def test_cookieless_page_views_write_no_session_row(app):
    """3,000 cookieless GETs added 3,000 rows (each only for its CSRF token)."""
    for i in range(300):
        client = app.test_client()  # a new visitor each time, no cookie
        path = ["/", "/sign-in", "/safety", "/practice/join", "/adviser/", "/settings"][i % 6]
        assert client.get(path).status_code == 200
    assert rows(app) == 0


def test_the_cookie_carries_the_csrf_token_until_there_is_something_to_keep(app):
    client = app.test_client()
    csrf = token(client, "/safety")
    assert client.get_cookie("fsp_session").value.startswith("c.")  # signed, no row
    assert client.post("/safety", data={"immediate": "none"}).status_code == 400  # still needs the token
    assert rows(app) == 0
    assert client.post("/safety", data={"immediate": "none", "csrf_token": csrf}).status_code == 302
    assert rows(app) == 1  # answers: now a row
    assert not client.get_cookie("fsp_session").value.startswith("c.")
    assert client.get("/child").status_code == 200  # and they are kept


def test_a_tampered_cookie_session_is_a_new_one(app):
    client = app.test_client()
    token(client)
    value = client.get_cookie("fsp_session").value
    client.set_cookie("fsp_session", value[:-2] + ("AA" if not value.endswith("AA") else "BB"))
    assert client.post("/sign-in", data={"username": "pat", "password": PASSWORD, "csrf_token": "x"}).status_code == 400


def test_signing_in_changes_the_csrf_secret(app):
    """The CSRF secret survived sign-in and sign-out."""
    client = app.test_client()
    before = token(client)
    r = client.post("/sign-in", data={"username": "pat", "password": PASSWORD, "csrf_token": before})
    assert r.status_code == 302 and rows(app) == 1
    after = token(client, "/")
    assert after != before
    # a form made before signing in (a token an attacker may have planted or read) no longer works
    assert client.post("/safety", data={"immediate": "none", "csrf_token": before}).status_code == 400
    assert client.post("/safety", data={"immediate": "none", "csrf_token": after}).status_code == 302


def test_signing_out_changes_the_csrf_secret(app):
    client = app.test_client()
    client.post("/sign-in", data={"username": "pat", "password": PASSWORD, "csrf_token": token(client)})
    signed_in = token(client, "/")
    assert client.post("/sign-out", data={"csrf_token": signed_in}).status_code == 302
    assert "Signed in as" not in text(client.get("/"))
    assert client.post("/safety", data={"immediate": "none", "csrf_token": signed_in}).status_code == 400
    assert rows(app) == 0  # signed out with no answers: nothing kept


def test_both_kinds_of_session_age_by_the_apps_clock(app, clock):
    """The cookie session (signed, timed) and the stored one end after SESSION_LIFETIME_HOURS (8)
    of the app's one clock, which the test moves."""
    cookie, stored = app.test_client(), app.test_client()
    cookie.post("/settings", data={"show_levels": "yes", "csrf_token": token(cookie, "/settings")})
    stored.post("/safety", data={"immediate": "none", "csrf_token": token(stored, "/safety")})
    assert cookie.get_cookie("fsp_session").value.startswith("c.") and rows(app) == 1
    clock.advance(hours=7, minutes=59)
    with cookie.session_transaction() as kept:
        assert kept.get("show_levels") is True
    assert stored.get("/child").status_code == 200  # the answers are there
    clock.advance(minutes=2)
    with cookie.session_transaction() as kept:
        assert "show_levels" not in kept
    ended = stored.get("/child")  # expired: none, and the page says so (review 18 surfaces, S4)
    assert ended.status_code == 200 and "Your answers have expired" in ended.get_data(as_text=True)
