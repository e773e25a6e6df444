"""surf16: review 15's leftovers. Z1's class was a form behind sign-in sent after the sign-in ended; the
running session's trainer forms (End, Remove) were left out: not behind `auth.signed_in`, they answered 404,
and the trainer token went with the ended sign-in, so the trainer could never reach the session again. Now
every POST route is either public by design (PUBLIC_POSTS below) or, after the sign-in ended, does nothing,
says so on the sign-in page and once on the page after, never a 404 or a 500; the trainer, signed in again,
is back in the session. The header's sign-in line fits the part of the tool it is on.
Oracle: rows read with SQL, the routes from the app's URL map, and the pages' words written here."""

from __future__ import annotations

import re
from html import unescape

import pytest
from flask import url_for
from sqlalchemy import select
from sqlalchemy import text as sql

from store.models import practice_sessions, practice_trainees
from tests.webapp.conftest import PASSWORD, sign_in, signed_in_client, text
from tests.webapp.test_practice import join, start_session
from tests.webapp.test_review14_surfaces import _assessed
from webapp.access import ANYONE, SESSION_TRAINEE, SESSION_TRAINER, SIGNED_IN, of

ENDED = "Your sign-in ended before"
CLEARED = "Your earlier sign-in ended, so the answers you had typed were cleared"  # review 14 Y2: Save's words

# POST routes anyone may use, by design: the journey and the call screen keep nothing saved, the API
# saves nothing, signing in and out, and a trainee's join and answer (trainees have no account).
PUBLIC_POSTS = {
    "accounts.sign_in",
    "accounts.sign_out",
    "adviser.new_call",
    "adviser.search",
    "adviser.undo_new_call",
    "adviser.update",
    "api.assess",
    "api.search",
    "journey.child",
    "journey.needs",
    "journey.note",
    "journey.safety",
    "journey.settings",
    "journey.start_again",
    "practice.answer",
    "practice.join",
}
ROLE_FOR = ("practitioner", "manager", "trainer", "admin")  # the first the route lets in signs in to send it


def _end_sign_ins(app) -> None:
    """As 30 minutes idle, or the sign-in's maximum age, would."""
    with app.extensions["fsp_store"].begin() as conn:
        conn.execute(sql("update sign_ins set expires_at = :t, last_seen = :t"), {"t": "2000-01-01 00:00:00"})


def _ended(app, code: str) -> bool:
    with app.extensions["fsp_db"].connect() as conn:
        return bool(conn.execute(select(practice_sessions.c.ended).where(practice_sessions.c.code == code)).scalar_one())


def _trainee_ids(app, code: str) -> list[int]:
    with app.extensions["fsp_db"].connect() as conn:
        return list(conn.execute(select(practice_trainees.c.id).where(practice_trainees.c.code == code)).scalars())


def _posts(app) -> dict[str, object]:
    return {r.endpoint: r for r in app.url_map.iter_rules() if "POST" in (r.methods or ())}


def test_every_post_route_is_public_by_design_or_behind_a_sign_in():
    from webapp import create_app

    app = create_app({"TESTING": True, "SECRET_KEY": "test", "DATABASE_URL": "sqlite://"})
    who = {endpoint: of(app, endpoint).who for endpoint in _posts(app)}  # type: ignore[union-attr]
    assert {e for e, w in who.items() if w in (ANYONE, SESSION_TRAINEE)} == PUBLIC_POSTS
    assert {w for e, w in who.items() if e not in PUBLIC_POSTS} == {SIGNED_IN, SESSION_TRAINER}


def test_every_form_sent_after_the_sign_in_ended_does_nothing_and_says_so(app):
    """The class, from the URL map: each POST route not public by design, sent by a browser whose sign-in
    ended, goes to the sign-in page, which says what was not done; signing in leads to a page that says
    it once. Never a 404 or a 500."""
    tess = signed_in_client(app, "tess", "trainer")
    code = start_session(tess)
    join(app, code, "Alex")
    [trainee_id] = _trainee_ids(app, code)
    clients = {"trainer": tess} | {role: signed_in_client(app, f"{role[:3]}16", role) for role in ROLE_FOR if role != "trainer"}
    args = {"case_ref": "S16-0001", "entry_id": 1, "override_id": 1, "code": code, "trainee_id": trainee_id}
    sent = []
    for endpoint, rule in sorted(_posts(app).items()):
        if endpoint in PUBLIC_POSTS:
            continue
        access = of(app, endpoint)
        role = "trainer" if access.who == SESSION_TRAINER else next(r for r in ROLE_FOR if r in access.roles)
        client = clients[role]
        username = "tess" if role == "trainer" else f"{role[:3]}16"
        assert sign_in(client, username).status_code == 302  # signed in now (the last round ended every sign-in)
        if endpoint == "cases.save":
            _assessed(client, [])  # answers typed: Save's own words (review 14 Y2) say they were cleared
        with app.test_request_context():
            url = url_for(endpoint, **{a: args[a] for a in rule.arguments})
        _end_sign_ins(app)
        posted = client.post(url, data={"reason": "S16REASON", "note": "S16NOTE"})
        assert posted.status_code == 302 and posted.location == "/sign-in", (endpoint, posted.status_code, posted.location)
        page = text(client.get("/sign-in"))
        said = CLEARED if endpoint == "cases.save" else ENDED
        assert said in page, (endpoint, page)
        signed = sign_in(client, username)
        landed = client.get(signed.location, follow_redirects=True)  # Save with no answers: the start page
        assert landed.status_code == 200 and said in text(landed), (endpoint, signed.location, landed.status_code)
        sent.append(endpoint)
    assert {"practice.end", "practice.remove_trainee", "cases.override", "cases.save"} <= set(sent)
    assert not _ended(app, code) and _trainee_ids(app, code) == [trainee_id]  # nothing was done


def test_ending_a_session_after_the_sign_in_ended_ends_nothing_and_leads_back_to_the_session(app, trainer):
    code = start_session(trainer)
    join(app, code, "Alex")
    _end_sign_ins(app)
    posted = trainer.post(f"/practice/session/{code}/end")
    assert posted.location == "/sign-in" and not _ended(app, code)
    page = text(trainer.get("/sign-in"))
    assert "Your sign-in ended before the practice session was ended. The session was not ended: it is still open to trainees." in page
    assert "Sign in to go back to your practice session." in page
    signed = sign_in(trainer, "tess")
    assert signed.location == f"/practice/session/{code}"
    session_page = text(trainer.get(signed.location))
    assert "End it again below." in session_page and "Alex" in session_page and code in session_page
    assert "End it again below." not in text(trainer.get(signed.location))  # said once
    assert trainer.post(f"/practice/session/{code}/end").location == f"/practice/session/{code}/summary"
    assert _ended(app, code)


def test_removing_a_trainee_after_the_sign_in_ended_removes_nobody(app, trainer):
    code = start_session(trainer)
    join(app, code, "Alex")
    [tid] = _trainee_ids(app, code)
    _end_sign_ins(app)
    assert trainer.post(f"/practice/session/{code}/trainees/{tid}/remove").location == "/sign-in"
    assert "Your sign-in ended before the trainee was removed. Nobody was removed from the session." in text(trainer.get("/sign-in"))
    assert sign_in(trainer, "tess").location == f"/practice/session/{code}" and _trainee_ids(app, code) == [tid]
    assert "Nobody was removed from the session: remove them again below." in text(trainer.get(f"/practice/session/{code}"))


def test_the_session_pages_opened_after_the_sign_in_ended_ask_to_sign_in_and_come_back(app, trainer):
    code = start_session(trainer)
    for path, back in (
        (f"/practice/session/{code}", f"/practice/session/{code}"),
        (f"/practice/session/{code}/summary", f"/practice/session/{code}/summary"),
        (f"/practice/session/{code}/summary.csv", f"/practice/session/{code}/summary"),
    ):
        _end_sign_ins(app)
        asked = trainer.get(path)
        assert asked.status_code == 302 and asked.location == "/sign-in", path
        assert ENDED not in text(trainer.get("/sign-in"))  # nothing was sent: nothing to say was not done
        assert sign_in(trainer, "tess").location == back
        assert trainer.get(back).status_code == 200


def test_the_kept_trainer_token_opens_nothing_for_another_account_or_after_signing_out(app, trainer):
    code = start_session(trainer)
    join(app, code, "Alex")
    _end_sign_ins(app)
    assert "The username or password is not right" in text(sign_in(trainer, "tess", "wrong"))  # refused: still nobody
    signed_in_client(app, "tom", "trainer")  # the account exists
    sign_in(trainer, "tom")  # another trainer signs in at the same browser
    for path in (f"/practice/session/{code}", f"/practice/session/{code}/summary"):
        r = trainer.get(path)
        assert r.status_code == 404 and "Alex" not in text(r), path
    assert trainer.post(f"/practice/session/{code}/end").status_code == 404 and not _ended(app, code)
    trainer.post("/sign-out")
    assert trainer.get(f"/practice/session/{code}").status_code == 404  # signed out, the entry dropped: as an unused code
    sign_in(trainer, "tess")
    # the session is the account's (review 19 surfaces, S3): signed in again, tess opens it; it was 404 for good
    assert "Alex" in text(trainer.get(f"/practice/session/{code}"))


# --- the header's sign-in line ------------------------------------------------------------------


def _header(client, path: str) -> tuple[str, str]:
    page = client.get(path).get_data(as_text=True)
    bar = re.search(r'<nav class="govuk-width-container app-account-bar".*?</nav>', page, re.S)
    if bar is None:
        return "", ""
    href = re.search(r'href="([^"]+)"', bar.group(0))
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", bar.group(0))).strip()), href.group(1).replace("&amp;", "&") if href else ""


ELSEWHERE = "Sign in to save assessments or review your team's levels (you can assess without signing in)"
PRACTICE = "Sign in to run a practice session or use the scenario library (trainees join with a code, without signing in)"
# the page: the header's words there, and where its link leads once signed in
HEADER_WORDS = {
    "/": (ELSEWHERE, "/cases"),
    "/safety": (ELSEWHERE, "/cases"),
    "/adviser/": ("Sign in to save assessments and see your cases (the call screen needs no sign-in)", "/cases"),
    "/practice/": (PRACTICE, "/practice/"),
    "/practice/join": (PRACTICE, "/practice/"),
}


@pytest.mark.parametrize("path", HEADER_WORDS)
def test_the_header_sign_in_line_fits_the_page_and_its_link_leads_back_there(app, path):
    from store.users import create_user

    words, leads = HEADER_WORDS[path]
    create_user(app.extensions["fsp_store"], "tina", "trainer", "Training", PASSWORD)
    client = app.test_client()
    said, href = _header(client, path)
    assert said == words, said
    page = text(client.get(href))
    if leads == "/practice/":
        assert "Sign in to run a practice session or use the scenario library. Trainees do not sign in" in page
    else:
        assert "Sign in to save assessments and see your cases." in page
    assert sign_in(client, "tina").location == leads


def test_the_sign_in_page_has_no_header_link_to_itself(client):
    assert _header(client, "/sign-in") == ("", "")
    assert "Sign in to save" in _header(client, "/signed-out")[0]


def test_the_header_link_does_not_take_the_way_back_of_a_form_sent_after_the_sign_in_ended(app, trainer):
    code = start_session(trainer)
    _end_sign_ins(app)
    trainer.post(f"/practice/session/{code}/end")
    _, href = _header(trainer, "/practice/")
    trainer.get(href)
    assert sign_in(trainer, "tess").location == f"/practice/session/{code}"


# --- one more of the class: a trainee's answer sent after the session ended ------------------------


def test_an_answer_sent_after_the_trainer_ended_the_session_is_not_recorded_and_the_trainee_is_told(app, trainer):
    from store.models import practice_answers
    from tests.webapp.test_practice import BRUISING, MONDAYS

    code = start_session(trainer)
    alex = join(app, code, "Alex")
    alex.get(f"/practice/s/{code}/{BRUISING}")  # reading the narrative
    trainer.post(f"/practice/session/{code}/end")
    sent = alex.post(f"/practice/s/{code}/{BRUISING}", data={"level": "protection", "confirm_empty": "1"})
    assert sent.location == f"/practice/s/{code}"
    page = text(alex.get(sent.location))
    assert "The session ended before your answer to" in page and "was not recorded" in page
    assert "The session ended before" not in text(alex.get(sent.location))  # said once
    with app.extensions["fsp_db"].connect() as conn:
        assert conn.execute(select(practice_answers)).first() is None
    assert "The session ended before" not in text(alex.get(f"/practice/s/{code}/{MONDAYS}", follow_redirects=True))  # opening is not sending
