"""A form sent after the browser session behind it has gone (review 20 surfaces, S2).

With CSRF on (production), the token is in the server-side session: when that session has ended (its
8 hours, or a sign-out in another tab of the same browser) the form is refused before its view runs. The
refusal stands; the page says what happened, that nothing was recorded, and where to go: for a signed-in
form, the words a form sent after an idle sign-in gets (auth.NOT_DONE) and a way to sign in that leads
back; for any other form, that it was too old, with its own page. Oracle: rows read with SQL and the
words written here."""

from __future__ import annotations

import re

from sqlalchemy import text as sql

from rules import evaluate
from store import assessments, users
from tests.conftest import make_case
from tests.webapp.conftest import PASSWORD, hidden, text

REF = "R20-S2"
ENDED = "Your sign-in ended before the level was recorded. Nothing was recorded, and the reason you wrote was not kept"


def _world(app):
    engine = app.extensions["fsp_store"]
    pat = users.create_user(engine, "pat", "practitioner", "North", PASSWORD)
    case = make_case(["additional.dental_decay_not_accessing"])
    entry = assessments.save_assessment(engine, pat, REF, case, evaluate(case))
    app.config["WTF_CSRF_ENABLED"] = True  # production's setting, read per request
    client = app.test_client()
    client.post("/sign-in", data={**hidden(client.get("/sign-in").get_data(as_text=True)), "username": "pat", "password": PASSWORD})
    return client, f"/cases/{REF}/entries/{entry.id}/level"


def _overrides(app) -> int:
    with app.extensions["fsp_store"].connect() as conn:
        return conn.execute(sql("select count(*) from overrides")).scalar_one()


def _send(client, url, form):
    return client.post(url, data={**form, "level": "child_in_need", "reason": "R20 typed reason"}, follow_redirects=False)


def test_the_server_side_session_ended_with_the_form_open(app):
    client, url = _world(app)
    form = hidden(client.get(url).get_data(as_text=True))
    with app.extensions["fsp_store"].begin() as conn:
        conn.execute(sql("update web_sessions set expires_at = :t"), {"t": "2000-01-01 00:00:00"})
    r = _send(client, url, form)
    words = text(r)
    assert r.status_code == 400 and ENDED in words and "R20 typed reason" not in r.get_data(as_text=True)
    assert re.search(rf'href="{url}"[^>]*>Sign in again', r.get_data(as_text=True))
    assert _overrides(app) == 0
    # the link: the form's page asks to sign in, and signing in leads where the level form's own sign-in leads
    asked = client.get(url)
    assert asked.status_code == 302 and asked.location == "/sign-in"
    signed = client.post("/sign-in", data={**hidden(client.get("/sign-in").get_data(as_text=True)), "username": "pat", "password": PASSWORD})
    assert signed.status_code == 302 and signed.location.endswith("/cases")
    assert _overrides(app) == 0


def test_signed_out_in_another_tab_with_the_form_open(app):
    client, url = _world(app)
    form = hidden(client.get(url).get_data(as_text=True))
    client.post("/sign-out", data=hidden(client.get("/cases").get_data(as_text=True)))
    r = _send(client, url, form)
    assert r.status_code == 400 and ENDED in text(r)
    assert _overrides(app) == 0


def test_signed_in_with_the_session_alive_a_form_without_its_token_is_refused_without_the_sign_in_words(app):
    client, url = _world(app)
    r = client.post(url, data={"level": "child_in_need", "reason": "R20 typed reason"})
    words = text(r)
    assert r.status_code == 400 and "The form could not be sent" in words and "Nothing was recorded" in words
    assert "sign-in ended" not in words and _overrides(app) == 0


def test_an_anonymous_form_whose_session_has_gone_says_it_was_too_old_and_links_its_page(app):
    app.config["WTF_CSRF_ENABLED"] = True
    form = hidden(app.test_client().get("/safety").get_data(as_text=True))
    r = app.test_client().post(  # the browser session gone: a client without its cookie
        "/safety", data={**form, "immediate": "none"}
    )
    words = text(r)
    assert r.status_code == 400 and "it was too old" in words and "Nothing was recorded" in words
    assert re.search(r'href="/safety"[^>]*>Open the form', r.get_data(as_text=True))
