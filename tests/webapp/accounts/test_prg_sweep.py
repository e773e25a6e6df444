"""Issue 13 fault 5: every form that can be refused answers with post/redirect/get (webapp/prg.py).

Every POST route in the app's url_map is either declared here with a refused form, posted with
Flask's own client (no redirect followed) and checked for a 303 to the same page whose GET shows
the error summary, or listed in NOT_FORMS with why: a new form cannot be missed.
"""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from rules import evaluate
from store import users
from store.assessments import record_override, save_assessment
from tests.conftest import make_case
from tests.webapp.accounts.conftest import PASSWORD, put_answers
from tests.webapp.conftest import drawn, text

NOT_FORMS = {
    "accounts.sign_out": "a CSRF token only: a failure is a 400 (CSRF), nothing typed",
    "practice.end": "a CSRF token only",
    "practice.remove_trainee": "a CSRF token only",
    "cases.assess_again": "a CSRF token only",
    "journey.start_again": "a CSRF token only",
    "adviser.update": "always a 303 to the call screen (tests/webapp/test_adviser.py)",
    "adviser.new_call": "always a 303",
    "adviser.undo_new_call": "always a 303",
    "adviser.search": "JSON for the call screen's script",
    "api.assess": "the JSON API: a refusal is a 422 with its problems",
    "api.search": "the JSON API",
    "journey.needs": "post/redirect/get since issue 13's audit: tests/webapp/browser/test_result_keep.py",
    "journey.settings": "the same view as needs (journey.views._page)",
    "journey.note": "post/redirect/get to the result: test_result_keep.py::test_a_refused_note_is_summarised_at_the_top_of_the_result",
}


def _client(app, username=None) -> FlaskClient:
    client = FlaskClient(app, app.response_class, use_cookies=True)  # Flask's own: no redirect followed
    if username:
        assert client.post("/sign-in", data={"username": username, "password": PASSWORD}).status_code == 302
    return client


def _sign_in(app, engine):
    return _client(app), "/sign-in", {"username": "pat", "password": "not-the-password"}, "The username or password is not right"


def _override(app, engine):
    case = make_case(["additional.dental_decay_not_accessing"])
    entry = save_assessment(engine, _pat(engine), "FSP-0001", case, evaluate(case))
    client, path = _client(app, "pat"), f"/cases/FSP-0001/entries/{entry.id}/level"
    return client, path, {**drawn(client, path), "level": "universal", "reason": ""}, "Enter the reason"


def _mark(app, engine):
    case = make_case(["additional.dental_decay_not_accessing"])
    entry = save_assessment(engine, _pat(engine), "FSP-0001", case, evaluate(case))
    client, path = _client(app, "pat"), f"/cases/FSP-0001/entries/{entry.id}/in-error"
    return client, path, {**drawn(client, path), "reason": ""}, "Enter the reason"


def _withdraw_mark(app, engine):
    from store.marks import mark_in_error

    case = make_case(["additional.dental_decay_not_accessing"])
    entry = save_assessment(engine, _pat(engine), "FSP-0001", case, evaluate(case))
    mark_in_error(engine, _pat(engine), entry.id, "Saved under a mistyped reference")
    client, path = _client(app, "pat"), f"/cases/FSP-0001/entries/{entry.id}/in-error/withdraw"
    return client, path, {**drawn(client, path), "reason": "x" * 5000}, "Reason must be"


def _pat(engine):
    return next(u for u in users.list_users(engine) if u.username == "pat")


def _review(app, engine):
    case = make_case(["additional.dental_decay_not_accessing"])
    entry = save_assessment(engine, _pat(engine), "FSP-0001", case, evaluate(case))
    override = record_override(engine, _pat(engine), entry.id, "universal", "Needs met at school")
    oid = getattr(override, "id", None) or 1
    return _client(app, "meg"), f"/overrides/{oid}/review", {"note": "x" * 5000}, "Note"


def _save(app, engine):
    client = _client(app, "pat")
    put_answers(client)
    return client, "/save", {**drawn(client, "/save"), "case_ref": "!!"}, "Case reference"


def _ruleset(app, engine):
    return _client(app, "ada"), "/admin/ruleset", {"saved": "y"}, "Select a draft catalogue file"


def _trainer(app, engine):
    users.create_user(engine, "tess", "trainer", "Training", PASSWORD)
    return _client(app, "tess")


def _new_session(app, engine):
    return _trainer(app, engine), "/practice/new", {"cohort": "Spring"}, "Select at least one scenario"


def _join(app, engine):
    return _client(app), "/practice/join", {"code": "ZZZZZZ", "name": "Ann"}, "not for a practice session that is running"


def _answer(app, engine):
    trainer = _trainer(app, engine)
    started = trainer.post("/practice/new", data={"scenarios": ["age-under-2-bruising"]})
    code = started.location.rstrip("/").rsplit("/", 1)[-1]
    trainee = _client(app)
    assert trainee.post("/practice/join", data={"code": code, "name": "Ann"}).status_code == 302
    return trainee, f"/practice/s/{code}/age-under-2-bruising", {}, "There is a problem"


def _write(app, engine):
    return _trainer(app, engine), "/practice/scenarios/new", {"id": "Not An Id!", "preview": "1"}, "There is a problem"


def _import(app, engine):
    return _trainer(app, engine), "/practice/scenarios/import", {}, "There is a problem"


def _safety(app, engine):
    return _client(app), "/safety", {"immediate": "no-such-indicator"}, "There is a problem"


def _child(app, engine):
    client = _client(app)
    client.post("/safety", data={"immediate": "none"})
    return client, "/child", {"born": "yes", "age_years": "eight"}, "There is a problem"


REFUSED = {
    "accounts.sign_in": _sign_in,
    "cases.override": _override,
    "cases.review": _review,
    "cases.mark": _mark,
    "cases.withdraw_mark": _withdraw_mark,
    "cases.save": _save,
    "owners.ruleset": _ruleset,
    "practice.new_session": _new_session,
    "practice.join": _join,
    "practice.answer": _answer,
    "practice.write": _write,
    "practice.import_scenarios": _import,
    "journey.safety": _safety,
    "journey.child": _child,
}


def test_every_post_route_is_declared(app):
    posts = {r.endpoint for r in app.url_map.iter_rules() if "POST" in r.methods}
    assert posts == set(REFUSED) | set(NOT_FORMS), "a POST route must be in REFUSED (with a refused form) or NOT_FORMS (with why)"


@pytest.mark.parametrize("endpoint", sorted(REFUSED))
def test_a_refused_form_is_a_303_to_a_get_showing_the_error_summary(app, engine, people, endpoint):
    client, path, data, expected = REFUSED[endpoint](app, engine)
    posted = client.post(path, data=data)
    assert posted.status_code == 303, (endpoint, posted.status_code)
    assert posted.location.split("?")[0] == path.split("?")[0]
    with client.session_transaction() as session:
        kept = repr(session.get("form_retry"))
    assert "not-the-password" not in kept and "('password'" not in kept  # never a password, not even its field
    page = client.get(posted.location)
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "There is a problem" in text(page) and expected in text(page), endpoint
    assert re.search(r"<title>\s*Error:", html), endpoint
    again = client.get(posted.location)  # shown once: a later visit is the page afresh
    assert "There is a problem" not in text(again), endpoint
