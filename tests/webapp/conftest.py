"""Fixtures for the web app: an app per test with its own SQLite file, CSRF off (test config), and
accounts with cheap password hashing."""

from __future__ import annotations

import re
from datetime import time
from html import unescape

import pytest
from flask import Flask
from flask.testing import FlaskClient

from pathway.settings import OfficeHours
from webapp import create_app

ALWAYS_OPEN = OfficeHours(opens=time(0, 0), closes=time(23, 59, 59, 999999), weekdays=frozenset(range(7)))
NEVER_OPEN = OfficeHours(weekdays=frozenset())

PASSWORD = "correct horse battery"
CHILD = {"born": "yes", "age_years": "8", "age_months": "2", "disability": "none", "caf": "none", "consent": "yes", "current_level": "not_known"}


@pytest.fixture
def app(tmp_path):
    return create_app(
        {
            "TESTING": True,
            "WTF_CSRF_ENABLED": False,
            "SECRET_KEY": "test",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'web.sqlite3'}",
            "OFFICE_HOURS": ALWAYS_OPEN,
        }
    )


@pytest.fixture
def client(app):
    return app.test_client()


def clocked_client(tmp_path, clock, start) -> FlaskClient:
    """A client of an app with the real office hours (Mon-Fri 08:30-17:00 London), its clock set to
    `start` and kept as `client.clock` for the test to move."""
    clock.set(start)
    app = create_app(
        {
            "TESTING": True,
            "WTF_CSRF_ENABLED": False,
            "SECRET_KEY": "test",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'web.sqlite3'}",
            "OFFICE_HOURS": OfficeHours(),
        }
    )
    client = app.test_client()
    client.clock = clock
    return client


class RefusedFormsFollowed(FlaskClient):
    """A test client that, like a browser, follows a refused form's 303 back to its own page
    (post/redirect/get, webapp/prg.py), so a test of a refusal reads the page the user sees.
    Only when the test does not say `follow_redirects`; every other redirect is left to the test,
    and tests/webapp/test_prg_sweep.py checks the 303 itself with Flask's own client."""

    def post(self, *args, follow_redirects=None, **kwargs):
        response = super().post(*args, follow_redirects=bool(follow_redirects), **kwargs)
        if follow_redirects is None and response.status_code == 303 and response.location:
            asked = response.request.path
            if response.location.split("#")[0].split("?")[0] == asked and not asked.startswith("/adviser"):
                return self.get(response.location)
        return response


@pytest.fixture(autouse=True)
def browser_like_client(monkeypatch):
    monkeypatch.setattr(Flask, "test_client_class", RefusedFormsFollowed)


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch):
    """Many accounts per test: hash at a low cost (the parameters travel in each hash)."""
    from store import passwords

    monkeypatch.setattr(passwords, "N", 2**10)


def sign_in(client, username: str, password: str = PASSWORD):
    return client.post("/sign-in", data={"username": username, "password": password})


def signed_in_client(app, username: str, role: str, team: str = "Training"):
    """A new client signed in as a new user with this role."""
    from store.users import create_user

    create_user(app.extensions["fsp_store"], username, role, team, PASSWORD)
    client = app.test_client()
    assert sign_in(client, username).status_code == 302
    return client


@pytest.fixture
def trainer(app):
    """A client signed in as a trainer: practice sessions and the scenario library need one."""
    return signed_in_client(app, "tess", "trainer")


def text(response) -> str:
    """The page's visible words, tags stripped and whitespace collapsed, for assertions."""
    html = response.get_data(as_text=True)
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def csv_text(response) -> str:
    """A CSV download's text. It starts with the UTF-8 byte order mark, so a spreadsheet reads it as
    UTF-8 (review 15 surfaces, Z4): asserted here, for every test that reads one."""
    assert response.data[:3] == b"\xef\xbb\xbf", response.data[:12]
    return response.data[3:].decode("utf-8")


def hidden(page: str) -> dict[str, str]:
    """A page's hidden form fields (its one-time token, the digest of what it showed), as a browser
    sends them back with what the user typed."""
    fields = {}
    for tag in re.findall(r"<input[^>]*type=\"hidden\"[^>]*>", page):
        name, value = re.search(r'name="([^"]+)"', tag), re.search(r'value="([^"]*)"', tag)
        if name:
            fields[name.group(1)] = unescape(value.group(1)) if value else ""
    return fields


def drawn(client, path: str) -> dict[str, str]:
    """The hidden fields of the form the page at `path` draws now: what a browser holding it would post."""
    return hidden(client.get(path).get_data(as_text=True))


def post_drawn(client, path: str, data: dict, **kw):
    """Post `data` to a recording form (Save, Record a different level) as a browser does: from the page
    drawn just before, with its hidden fields (store15: a post with no digest of what its page showed
    records nothing). The digest is the page's own, never worked out by the test."""
    return client.post(path, data={**drawn(client, path), **data}, **kw)


def walk_needs(client, ticks: dict[str, list[str]] | None = None):
    """Answer every needs page, ticking `ticks[page_id]` (dimension -> ids), as the form posts them."""
    from pathway.catalogue import load_catalogue
    from webapp.journey.pages import needs_pages

    ticks = ticks or {}
    for p in needs_pages():
        data: dict[str, list[str]] = {}
        for iid in ticks.get(p.id, []):
            data.setdefault(load_catalogue().indicator(iid).dimension, []).append(iid)
        response = client.post(f"/needs/{p.id}", data=data)
        assert response.status_code == 302, text(response)
    return response
