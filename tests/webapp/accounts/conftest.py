"""Accounts fixtures: a few users in the app's own database, and helpers to sign in and to
reach a result (hashing is cheap for every web test: tests/webapp/conftest.py)."""

from __future__ import annotations

import pytest

from store import users
from tests.webapp.conftest import CHILD, PASSWORD, post_drawn, sign_in, walk_needs  # noqa: F401  (re-exported)


@pytest.fixture
def engine(app):
    return app.extensions["fsp_store"]


@pytest.fixture
def people(engine):
    """pat and meg (manager) in team North, sam in team South, ada an admin."""
    return {
        "pat": users.create_user(engine, "pat", "practitioner", "North", PASSWORD),
        "meg": users.create_user(engine, "meg", "manager", "North", PASSWORD),
        "sam": users.create_user(engine, "sam", "practitioner", "South", PASSWORD),
        "ada": users.create_user(engine, "ada", "admin", "Admin", PASSWORD),
    }


def reach_result(client, ticks=None, child=None):
    client.post("/safety", data={"immediate": "none"})
    assert client.post("/child", data=child or CHILD).status_code == 302
    walk_needs(client, ticks or {})
    r = client.get("/result")
    assert r.status_code == 200
    return r


ADDITIONAL = {"health": ["additional.dental_decay_not_accessing"]}


def put_answers(client, ticks=None):
    """The answers the journey would have stored (walking 8 needs pages per save is slow);
    test_saving walks the real journey once."""
    from webapp.journey.pages import needs_pages

    ticks = ticks or {}
    answers = {
        "immediate": ["none"],
        "child": {
            "born": "yes",
            "age_years": 8,
            "age_months": 2,
            "disability": "none",
            "caf": "none",
            "large_sibling_group": None,
            "consent": "yes",
            "current_level": "not_known",
        },
        "needs": {p.id: sorted(ticks.get(p.id, [])) for p in needs_pages()},
    }
    with client.session_transaction() as session:
        session["answers"] = answers


def save(client, case_ref: str, ticks=None):
    put_answers(client, ticks if ticks is not None else ADDITIONAL)
    return post_drawn(client, "/save", {"case_ref": case_ref}, follow_redirects=False)


def override_for_meg(client, people, engine, case_ref: str) -> int:
    """pat saves `case_ref` and records Universal with a reason; meg (manager) is then signed in on
    `client`. The override's id, for her review."""
    from store import assessments

    sign_in(client, "pat")
    save(client, case_ref)
    entry = assessments.history(engine, people["pat"], case_ref)[-1]
    post_drawn(client, f"/cases/{case_ref}/entries/{entry.id}/level", {"level": "universal", "reason": "a reason"})
    client.post("/sign-out")
    sign_in(client, "meg")
    return assessments.list_overrides(engine, people["meg"])[0][1].id


def refused_save(client, case_ref: str):
    """A refused reference: the POST redirects (post/redirect/get) to the page showing it and its error."""
    posted = save(client, case_ref)
    assert posted.status_code == 303 and posted.location.endswith("/save"), posted.status_code
    return client.get(posted.location)


EXTENSIVE = {"education_learning": ["extensive.persistent_absenteeism_school_without"], "parents_carers": ["additional.lack_routine"]}
