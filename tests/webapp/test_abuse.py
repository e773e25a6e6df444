"""What an attacker on the network could repeat (issue 16, findings 1-4): sign-in floods and
password spraying, racing and triggering the lockout, and guessing or flooding join codes.

Each app here has real limits (the suite lifts them: tests/conftest.py). Flask-Limiter counts in
memory within a fixed window, so no test waits for time to pass.
"""
from __future__ import annotations

import pytest

from store import passwords, users
from tests.webapp.conftest import ALWAYS_OPEN, PASSWORD, text
from webapp import create_app

REFUSED = "The username or password is not right, or there have been too many attempts to sign in."


@pytest.fixture
def app(tmp_path):
    app = create_app({
        "TESTING": True, "WTF_CSRF_ENABLED": False, "SECRET_KEY": "test", "OFFICE_HOURS": ALWAYS_OPEN,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'web.sqlite3'}",
        "SIGN_IN_LIMIT_PER_ADDRESS": "10 per minute", "SIGN_IN_LIMIT_OVERALL": "25 per minute",
        "JOIN_LIMIT_PER_ADDRESS": "10 per minute", "PRACTICE_PAGE_LIMIT_PER_ADDRESS": "30 per minute",
    })
    from webapp.limits import limiter
    limiter.reset()
    users.create_user(app.extensions["fsp_store"], "pat", "practitioner", "North", PASSWORD)
    return app


def client_at(app, address: str):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def sign_in(client, username="pat", password=PASSWORD):
    return client.post("/sign-in", data={"username": username, "password": password})


def assert_too_many(r):
    assert r.status_code == 429
    assert int(r.headers["Retry-After"]) >= 1
    words = text(r)
    assert "Sorry, there have been too many attempts" in words and "Wait " in words and "try again" in words
    assert 'class="govuk-heading-l"' in r.get_data(as_text=True)        # the GOV.UK error page
    assert r.headers["Cache-Control"] == "no-store" and "default-src 'self'" in r.headers["Content-Security-Policy"]


# --- finding 1: rate limits and the hashing cap -----------------------------------------------

def test_password_spraying_from_one_address_meets_a_limit(app):
    """200 attempts from one address never met a limit."""
    spray = client_at(app, "203.0.113.9")
    answers = [sign_in(spray, f"user{i}", "Summer2026!").status_code for i in range(12)]
    assert answers[:10] == [200] * 10 and answers[10:] == [429, 429]
    assert_too_many(sign_in(spray))
    assert spray.get("/sign-in").status_code == 200           # reading the page is not limited
    assert sign_in(client_at(app, "198.51.100.4")).status_code == 302   # another address still signs in


def test_sign_in_is_limited_overall_across_addresses(app):
    answers = [sign_in(client_at(app, f"203.0.113.{i}"), "nobody", "Summer2026!").status_code for i in range(26)]
    assert answers[:25] == [200] * 25 and answers[25] == 429


def test_every_hashing_slot_taken_answers_429_at_once(app):
    """16 connections posting sign-ins kept every worker thread in scrypt; now at most
    MAX_CONCURRENT_HASHES hash at once and the rest are told to come back."""
    passwords.configure_slots(1, 0)
    with passwords.hashing_slot():          # another request is hashing
        r = sign_in(client_at(app, "198.51.100.4"))
    assert_too_many(r)
    assert r.headers["Retry-After"] == "5"
    assert sign_in(client_at(app, "198.51.100.4")).status_code == 302


def test_the_limits_and_the_cap_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("FSP_SIGN_IN_LIMIT_PER_ADDRESS", "3 per hour")
    monkeypatch.setenv("FSP_MAX_CONCURRENT_HASHES", "7")
    monkeypatch.setenv("FSP_TRUSTED_HOSTS", "fsp.example.org, .nottinghamcity.gov.uk")
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}", "SECRET_KEY": "t"})
    assert app.config["SIGN_IN_LIMIT_PER_ADDRESS"] == "3 per hour"
    assert app.config["TRUSTED_HOSTS"] == ["fsp.example.org", ".nottinghamcity.gov.uk"]
    assert passwords._slots._initial_value == 7
    monkeypatch.setenv("FSP_MAX_CONCURRENT_HASHES", "none")
    with pytest.raises(ValueError, match="max_concurrent_hashes"):
        create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}", "SECRET_KEY": "t"})


# --- findings 2 and 3: one message, and delays that only the guesser meets -----------------

def test_five_wrong_guesses_no_longer_lock_the_owner_out(app):
    attacker, owner = client_at(app, "203.0.113.9"), client_at(app, "198.51.100.4")
    for _ in range(8):
        assert REFUSED in text(sign_in(attacker, password="wrong password!"))
    assert sign_in(owner).status_code == 302
    assert "Signed in as pat" in text(owner.get("/"))


def test_every_refusal_reads_the_same_so_usernames_cannot_be_found(app):
    """Only real names used to get the "locked" message."""
    engine = app.extensions["fsp_store"]
    users.create_user(engine, "dee", "practitioner", "North", PASSWORD)
    users.disable_user(engine, "dee")
    pages = {}
    for name, password in [("pat", "wrong password!"), ("nobody", "wrong password!"), ("dee", PASSWORD)]:
        guesser = client_at(app, f"203.0.113.{len(pages) + 1}")
        pages[name] = [text(sign_in(guesser, name, password)) for _ in range(7)]   # past the free attempts
        assert all(REFUSED in page for page in pages[name])
    assert pages["pat"] == pages["nobody"] == pages["dee"]
    assert not any("locked" in page.lower() for page in pages["pat"])


def test_the_right_password_after_the_guesses_from_the_same_address_waits_too(app):
    guesser = client_at(app, "203.0.113.9")
    for _ in range(5):
        sign_in(guesser, password="wrong password!")
    r = sign_in(guesser)
    assert r.status_code == 200 and REFUSED in text(r)
    assert "Signed in as" not in text(guesser.get("/"))
