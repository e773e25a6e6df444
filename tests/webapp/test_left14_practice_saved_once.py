"""left14: practice mode's two saving forms posted twice (a double click, the browser sending it again) make
one thing, as left13b's save, override and review forms do (store.form_tokens, revision 0008).

"Save to the library" (the scenario editor) made a second version of the scenario, and "Start the
session" a second session with its own join code, the trainer's browser holding only one of them. Now
the second post is shown what the first made: the same version, or the same session (its join code,
its pages open to the trainer). The same page drawn again, or the form changed, is another save.
Oracle: rows counted here with SQL, and the pages' words. On SQLite, and on PostgreSQL when a test server
is set up (skipped, saying why, otherwise).
"""

from __future__ import annotations

from sqlalchemy import func, select

from store.models import practice_scenario_versions, practice_sessions
from tests.webapp.conftest import signed_in_client, text
from tests.webapp.test_left13b_saved_once import _token, any_app  # noqa: F401 - the fixture: SQLite, and PostgreSQL when set up
from tests.webapp.test_practice_library import NEW, TICKS
from webapp.practice.forms import indicator_data

SCENARIO = "age-under-2-bruising"  # a shipped scenario


def _count(app, table) -> int:
    with app.extensions["fsp_db"].connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_start_the_session_posted_twice_starts_one_session_and_opens_it(any_app):
    tess = signed_in_client(any_app, "tess", "trainer")
    body = {"scenarios": [SCENARIO], "cohort": "Spring course", "form_token": _token(tess.get("/practice/new").get_data(as_text=True))}
    first = tess.post("/practice/new", data=body)
    second = tess.post("/practice/new", data=body)
    assert first.status_code == second.status_code == 302
    assert first.location == second.location  # the same session's page
    assert _count(any_app, practice_sessions) == 1
    page = tess.get(second.location)
    assert page.status_code == 200, page.location  # the trainer's browser holds the token of the one session
    words = text(page)
    assert "This session was already started by the same form" in words
    code = second.location.rsplit("/", 1)[-1]
    assert code in words  # its join code


def test_start_the_session_drawn_again_or_changed_starts_another(any_app):
    tess = signed_in_client(any_app, "tess", "trainer")
    body = {"scenarios": [SCENARIO], "cohort": "", "form_token": _token(tess.get("/practice/new").get_data(as_text=True))}
    one = tess.post("/practice/new", data=body).location
    other = tess.post("/practice/new", data={**body, "cohort": "Another course"}).location  # the same page, changed
    again = tess.post("/practice/new", data={**body, "form_token": _token(tess.get("/practice/new").get_data(as_text=True))}).location
    assert len({one, other, again}) == 3 and _count(any_app, practice_sessions) == 3
    for where in (one, other, again):
        assert tess.get(where).status_code == 200


def test_another_trainer_posting_the_same_token_gets_a_session_of_their_own(any_app):
    tess = signed_in_client(any_app, "tess", "trainer")
    body = {"scenarios": [SCENARIO], "cohort": "", "form_token": _token(tess.get("/practice/new").get_data(as_text=True))}
    mine = tess.post("/practice/new", data=body).location
    theirs = signed_in_client(any_app, "toby", "trainer").post("/practice/new", data=body).location
    assert mine != theirs and _count(any_app, practice_sessions) == 2


def test_save_to_the_library_posted_twice_saves_one_version(any_app):
    tess = signed_in_client(any_app, "tess", "trainer")
    token = _token(tess.get("/practice/scenarios/new").get_data(as_text=True))
    body = {**NEW, **indicator_data(TICKS), "save": "1", "form_token": token}
    first = tess.post("/practice/scenarios/new", data=body)
    second = tess.post("/practice/scenarios/new", data=body)
    assert first.status_code == second.status_code == 302
    assert _count(any_app, practice_scenario_versions) == 1
    words = text(tess.get(second.location))
    assert "was already saved to the library as toothache-and-a-cold-house, version 1, by the same form" in words, words
    # changed and saved with the same page: another version, never merged with the first
    third = tess.post("/practice/scenarios/new", data={**body, "why": NEW["why"] + " Check the housing too."})
    assert third.status_code == 302 and _count(any_app, practice_scenario_versions) == 2
    assert "Saved ‘Toothache and a cold house’ to the library as toothache-and-a-cold-house, version 2." in text(tess.get(third.location))


def test_a_preview_keeps_the_token_so_a_save_after_it_posted_twice_saves_once(any_app):
    tess = signed_in_client(any_app, "tess", "trainer")
    token = _token(tess.get("/practice/scenarios/new").get_data(as_text=True))
    preview = tess.post("/practice/scenarios/new", data={**NEW, **indicator_data(TICKS), "preview": "1", "form_token": token}, follow_redirects=True)
    assert _token(preview.get_data(as_text=True)) == token
    body = {**NEW, **indicator_data(TICKS), "save": "1", "form_token": token}
    tess.post("/practice/scenarios/new", data=body)
    tess.post("/practice/scenarios/new", data=body)
    assert _count(any_app, practice_scenario_versions) == 1
