"""Review 8 surfaces V1: when a sign-in ends, what was typed about a child in that browser goes with it.

Sign-out is what a practitioner does on a shared or hot-desk computer before walking away. The
journey's answers, the free-text note, the call screen's call (and the one kept for Undo) and a
refused form's fields sat in the server-side session for up to 8 hours after it, readable at
/result and /referral.txt by the next person at that browser. Each way a sign-in ends is tested
with the real Flask session (the database-backed one, webapp.sessions): signing out, the sign-in
expiring (30 minutes idle, store.config), and signing in as another account. Signing in to save
answers typed before signing in keeps them (the journey's save flow)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from tests.webapp.conftest import PASSWORD, clocked_client, sign_in, text
from webapp import db
from webapp.journey.forms import NOTE_MAX

NEED = "immediate.home_alone_5_and_under"  # p9: "Left home alone ... 5 years old and under"
NOTE = "R8NOTE Kayden is alone at 14 Elm Road"
CALL_NOTE = "R8CALL mum says Jayden, 3, is on his own"
START = datetime(2026, 12, 7, 10, 0, tzinfo=timezone.utc)  # a Monday, in office hours


@pytest.fixture
def client(tmp_path, clock):
    c = clocked_client(tmp_path, clock, START)
    from store.users import create_user

    with c.application.app_context():
        for name in ("pat", "sam"):
            create_user(c.application.extensions["fsp_store"], name, "practitioner", "Training", PASSWORD)
    return c


def _type_about_a_child(c) -> None:
    c.post("/safety", data={"immediate": [NEED]})
    c.post("/note", data={"note": NOTE})
    c.post("/adviser/", data={"immediate": [NEED], "age_years": "3", "note": CALL_NOTE})
    assert NOTE in c.get("/referral.txt").get_data(as_text=True)  # there before the sign-in ends
    assert CALL_NOTE in c.get("/adviser/").get_data(as_text=True)


def _stored_rows(c, needle: str) -> list[str]:
    with c.application.app_context(), db.engine().connect() as conn:
        return [r.data for r in conn.execute(select(db.web_sessions.c.data)) if needle in r.data]


def _nothing_typed_is_left(c) -> None:
    """The first page asked for after the sign-in ended shows none of it, and no stored row holds it."""
    result = c.get("/result", follow_redirects=True).get_data(as_text=True)
    assert NOTE not in result and "Ring now" not in text_of(result)
    for needle in (NEED, NOTE, CALL_NOTE):
        assert _stored_rows(c, needle) == [], needle
    assert NOTE not in c.get("/referral.txt", follow_redirects=True).get_data(as_text=True)
    call = c.get("/adviser/").get_data(as_text=True)
    assert CALL_NOTE not in call
    assert CALL_NOTE not in c.post("/adviser/undo", follow_redirects=True).get_data(as_text=True)  # nor kept for Undo


def text_of(html: str) -> str:
    class R:
        def get_data(self, as_text=True):
            return html

    return text(R())


def test_signing_out_clears_the_answers_the_note_and_the_call_and_says_so(client):
    assert sign_in(client, "pat").status_code == 302
    _type_about_a_child(client)
    response = client.post("/sign-out", follow_redirects=True)
    page = text(response)
    assert "You have signed out" in page
    assert "Any answers, note or call you had not saved were cleared from this browser" in page
    assert "Your saved assessments are kept" in page
    _nothing_typed_is_left(client)


def test_a_refused_forms_fields_are_cleared_at_sign_out(client):
    assert sign_in(client, "pat").status_code == 302
    # a refused note (too long) is kept for the next GET of its page (webapp.prg): the words with it
    response = client.post("/note", data={"note": NOTE + " " + "x" * NOTE_MAX}, follow_redirects=False)
    assert response.status_code == 303 and _stored_rows(client, "R8NOTE")  # kept for the page to show again
    client.post("/sign-out")
    assert _stored_rows(client, "R8NOTE") == []


def test_a_sign_in_that_expires_clears_what_was_typed_under_it(client):
    assert sign_in(client, "pat").status_code == 302
    _type_about_a_child(client)
    client.clock.advance(minutes=31)  # store.config: session_idle_minutes 30
    _nothing_typed_is_left(client)
    assert "Sign in" in text(client.get("/"))


def test_signing_in_as_another_account_does_not_hand_over_the_answers(client):
    assert sign_in(client, "pat").status_code == 302
    _type_about_a_child(client)
    assert sign_in(client, "sam").status_code == 302  # without signing out first
    _nothing_typed_is_left(client)


def test_answers_typed_before_signing_in_are_kept_to_be_saved(client):
    """The journey's save flow: answer, then sign in to save. Nothing ended, so nothing is cleared."""
    client.post("/safety", data={"immediate": [NEED]})
    client.post("/note", data={"note": NOTE})
    assert sign_in(client, "pat").status_code == 302
    assert NOTE in client.get("/referral.txt").get_data(as_text=True)
