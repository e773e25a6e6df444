"""Sign in, sign out, lockout, expiry: the store session token lives in the server-side session."""

from __future__ import annotations

import pytest

from store import users
from store.roles import ROLES
from tests.webapp.accounts.conftest import PASSWORD, sign_in
from tests.webapp.conftest import text


def test_sign_in_shows_the_user_in_the_header_and_sign_out_ends_it(client, people):
    r = client.get("/")
    assert "Sign in to save assessments" in text(r)
    r = sign_in(client, "pat")
    assert r.status_code == 302 and r.headers["Location"] == "/cases"
    words = text(client.get("/"))
    assert "Signed in as pat (practitioner, North)" in words and "Sign out" in words
    r = client.post("/sign-out")
    assert r.status_code == 302
    assert "You have signed out" in text(client.get(r.headers["Location"]))
    assert "Signed in as" not in text(client.get("/"))
    assert client.get("/cases").headers["Location"] == "/sign-in"


def test_sign_out_is_a_post_only(client, people):
    sign_in(client, "pat")
    assert client.get("/sign-out").status_code == 405
    assert "Signed in as pat" in text(client.get("/"))


def test_wrong_password_and_unknown_user_read_the_same(client, people):
    wrong = sign_in(client, "pat", "not the password")
    unknown = sign_in(client, "nobody", "not the password")
    assert wrong.status_code == unknown.status_code == 200
    for r in (wrong, unknown):
        assert "There is a problem" in text(r)
        assert "The username or password is not right" in text(r)
        assert "Error: Sign in" in r.get_data(as_text=True)
    assert "locked" not in text(unknown).lower().replace("locked out?", "")


def test_empty_fields_are_named_in_the_error_summary(client, people):
    r = client.post("/sign-in", data={"username": "", "password": ""})
    body = r.get_data(as_text=True)
    assert "Enter your username" in body and 'href="#username"' in body
    assert "Enter your password" in body and 'href="#password"' in body


def test_after_five_failures_even_the_right_password_waits_and_says_nothing_of_a_lock(client, people):
    for _ in range(5):
        r = sign_in(client, "pat", "wrong password!")
    r = sign_in(client, "pat")  # right password, too soon
    assert r.status_code == 200 and "too many attempts to sign in" in text(r)
    assert "Signed in as" not in text(client.get("/"))
    for _ in range(6):
        r = sign_in(client, "nobody", "wrong password!")
    assert "too many attempts to sign in" in text(r) and "locked" not in text(r).lower()


def test_disabled_account_reads_like_a_wrong_password(client, people, engine):
    from store.users import disable_user

    disable_user(engine, "sam")
    r = sign_in(client, "sam")
    assert "The username or password is not right" in text(r)


def test_expired_store_session_is_treated_as_signed_out(client, people, clock):
    sign_in(client, "pat")
    assert "Signed in as pat" in text(client.get("/"))
    clock.advance(hours=11)
    assert "Signed in as" not in text(client.get("/"))
    assert client.get("/cases").headers["Location"] == "/sign-in"


def test_sign_in_gives_a_new_session_cookie_and_keeps_the_answers(client, people):
    client.post("/safety", data={"immediate": "none"})
    before = client.get_cookie("fsp_session").value
    sign_in(client, "pat")
    after = client.get_cookie("fsp_session").value
    assert before != after
    # the answers survived: the child page is reachable (it needs the safety answer)
    assert client.get("/child").status_code == 200


def test_nothing_typed_at_sign_in_is_logged(client, people, caplog):
    caplog.set_level("DEBUG")
    sign_in(client, "pat", "a secret password typed wrong")
    sign_in(client, "nobody-here", PASSWORD)
    logged = caplog.text
    assert "a secret password" not in logged and "nobody-here" not in logged and PASSWORD not in logged


def test_username_is_not_case_sensitive_at_sign_in(client, people):
    assert sign_in(client, " Pat ").status_code == 302


@pytest.mark.parametrize("role", ROLES)
def test_signing_in_with_no_page_asked_for_lands_on_a_page_the_role_may_open(app, engine, role):
    """The README's try-it steps sign each demo account in from the header: none lands on a 403."""
    users.create_user(engine, f"new-{role}", role, "North", PASSWORD)
    client = app.test_client()
    landing = sign_in(client, f"new-{role}")
    assert landing.status_code == 302
    assert client.get(landing.headers["Location"]).status_code == 200, landing.headers["Location"]
