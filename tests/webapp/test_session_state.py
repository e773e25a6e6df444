"""What the app keeps in Flask's session is typed (webapp.session_state): a part whose contents do
not fit (a session saved by an earlier version, or damaged) reads as empty and the page carries on,
never a 500. The oracle is the page an empty session gets."""

from __future__ import annotations

import pytest

from tests.webapp.conftest import CHILD, signed_in_client, text
from webapp import session_state

OLD_OR_DAMAGED = {
    # the journey's answers: a string where a list goes; a child from before the form had its fields
    "answers": [
        {"immediate": "immediate.significant_harm"},
        {"immediate": ["none"], "child": {"age": 7}},
        {"needs": {"health": "everything"}},
        "not even a mapping",
    ],
    "note": [{"text": "a note"}, 42],
    "show_levels": ["sometimes", [1]],
    "form_retry": [{"path": "/safety", "data": "immediate=none"}, {"data": []}],
    "answers_changed": [[1], {"shown": "x"}],
    "answers_cleared": [["yes"], {"cleared": 1}],
    "adviser_call": [{"immediate": "immediate.significant_harm", "rev": "three"}, ["a", "list"]],
    "adviser_call_undo": [{"concerns": 5}],
    "sign_in_token": [12345, {"token": "x"}],
    "after_sign_in": [["accounts.save"]],
    "after_sign_in_code": [["ABCDEF"], {"code": "ABCDEF"}],
    "not_recorded": [["cases.override"], {"endpoint": 1}],
    "kept_over_sign_in": [{"path": "/practice/scenarios/new", "data": "title=x"}, ["a", "list"]],
    "overrides_list": [["direction"], {"page": 2}],
    "practice_trainer": [["ABCD"], {"ABCD": ["token"]}],
    "practice_trainee": [{"ABCD": "first"}],
    "saved_in_session": [[{"id": "x", "case_ref": "A1"}], "not a list", [{"answers": 5}]],
    "reopened_in_error": [["a", "list"], {"marked_on": 1}, "saved in error"],
}
PAGES = ["/", "/safety", "/child", "/check", "/result", "/settings", "/adviser/", "/sign-in", "/cases", "/referral.txt"]


def _cases():
    return [(key, value) for key, values in OLD_OR_DAMAGED.items() for value in values]


def test_every_key_the_app_writes_has_a_part():
    parts = {p.key for p in vars(session_state).values() if isinstance(p, session_state.Part)}
    assert set(OLD_OR_DAMAGED) | {"ruleset_draft"} == parts


@pytest.mark.parametrize("key, value", _cases())
def test_a_part_that_does_not_fit_reads_as_empty_on_every_page(client, key, value):
    for path in PAGES:
        with client.session_transaction() as session:
            session[key] = value
        r = client.get(path)
        assert r.status_code in (200, 302, 303), (path, r.status_code)


def test_damaged_answers_restart_the_journey_and_a_new_answer_is_kept(app, client):
    empty = app.test_client().get("/check")
    with client.session_transaction() as session:
        session["answers"] = {"immediate": ["none"], "child": {"born": "perhaps"}}
    damaged = client.get("/check")
    assert (damaged.status_code, damaged.location) == (empty.status_code, empty.location)
    with client.session_transaction() as session:
        assert "answers" not in session  # dropped once read
    client.post("/safety", data={"immediate": "none"})
    assert client.post("/child", data=CHILD).status_code == 302
    with client.session_transaction() as session:
        assert session["answers"]["immediate"] == ["none"] and session["answers"]["child"]["born"] == "yes"


def test_a_call_saved_before_a_field_existed_gets_its_default(client):
    """A call kept by an earlier version, without the optional questions, still shows."""
    with client.session_transaction() as session:
        session["adviser_call"] = {"immediate": ["immediate.significant_harm"], "concerns": [], "rev": 4}
    words = text(client.get("/adviser/"))
    assert "Put the call through now" in words


def test_a_damaged_draft_sends_the_owner_back_to_upload(app):
    admin = signed_in_client(app, "ann", "admin")
    with admin.session_transaction() as session:
        session["ruleset_draft"] = {"text": None}
    r = admin.get("/admin/ruleset/report.json")
    assert r.status_code == 302 and r.headers["Location"].endswith("/admin/ruleset")


def test_a_damaged_sign_in_token_is_signed_out_not_a_fault(app):
    user = signed_in_client(app, "pat", "practitioner")
    assert "Signed in as pat" in text(user.get("/"))
    with user.session_transaction() as session:
        session["sign_in_token"] = ["not", "a", "token"]
    page = user.get("/")
    assert page.status_code == 200 and "Signed in as" not in text(page)
