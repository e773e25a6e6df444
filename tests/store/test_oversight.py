"""A manager given oversight of further teams by an admin reads those teams' entries, overrides,
reviews and dashboard; without it, or once removed, they read only their own team's. Only
managers may be given it, and each grant and removal is audited."""

from __future__ import annotations

import pytest

from store import audit, oversight
from store.assessments import get_assessment, history, list_case_refs, list_overrides, record_override, record_review, save_assessment
from store.dashboard import team_dashboard
from store.errors import Invalid, NotFound
from tests.store.conftest import T0, assess


def _south_override(engine, people):
    case, decision = assess(["additional.dental_decay_not_accessing"])
    entry = save_assessment(engine, people["sue"], "STH-0001", case, decision, now=T0)
    o = record_override(engine, people["sue"], entry.id, "universal", "Needs met at school", now=T0)
    return entry, o


def test_oversight_lets_a_manager_read_another_teams_entries_overrides_and_dashboard(engine, people):
    entry, o = _south_override(engine, people)
    mo = people["mo"]
    with pytest.raises(NotFound):
        get_assessment(engine, mo, entry.id)
    assert list_overrides(engine, mo) == [] and team_dashboard(engine, mo).entries == 0
    assert oversight.teams_of(engine, mo) == ["north"]

    assert oversight.grant(engine, "mo", "south", now=T0) == ["south"]
    assert oversight.teams_of(engine, mo) == ["north", "south"]
    assert get_assessment(engine, mo, entry.id).team == "south"
    assert [e.id for e in history(engine, mo, "STH-0001")] == [entry.id]
    assert [c.case_ref for c in list_case_refs(engine, mo)] == ["STH-0001"]
    assert [x.id for _e, x in list_overrides(engine, mo)] == [o.id]
    assert record_review(engine, mo, o.id, "Seen").override_id == o.id
    assert team_dashboard(engine, mo).entries == 1
    assert team_dashboard(engine, mo, team="north").entries == 0
    assert team_dashboard(engine, mo, team="south").entries == 1
    with pytest.raises(Invalid) as refused:
        team_dashboard(engine, mo, team="east")
    assert refused.value.field == "team"

    assert oversight.remove(engine, "mo", "south", now=T0) == []
    with pytest.raises(NotFound):
        get_assessment(engine, mo, entry.id)
    assert list_overrides(engine, mo) == [] and team_dashboard(engine, mo).entries == 0


def test_oversight_is_for_managers_only_and_each_change_is_audited(engine, people):
    for name in ("sue", "tia", "ada", "root"):
        with pytest.raises(Invalid) as refused:
            oversight.grant(engine, name, "south")
        assert refused.value.field == "role"
    for team, why in (("north", "their own team"), ("Nowhere", "no account"), ("bad/team", "characters")):
        with pytest.raises(Invalid) as refused:
            oversight.grant(engine, "mo", team)
        assert refused.value.field == "team" and why in refused.value.message
    with pytest.raises(NotFound):
        oversight.grant(engine, "nobody", "south")
    oversight.grant(engine, "mo", "south", now=T0)
    with pytest.raises(Invalid, match="already"):
        oversight.grant(engine, "mo", "south")
    oversight.remove(engine, "mo", "south", now=T0)
    with pytest.raises(Invalid) as refused:
        oversight.remove(engine, "mo", "south")
    assert refused.value.field == "team"
    rows = [(a.action, a.record_id, a.detail) for a in audit.entries(engine) if a.action.startswith("user.oversee")]
    assert rows == [("user.oversee", people["mo"].id, "team=south"), ("user.oversee_remove", people["mo"].id, "team=south")]


def test_a_practitioner_reads_only_their_own_whatever_the_table_holds(engine, people):
    """The oversight table is read for managers only: a row for anyone else grants nothing."""
    from store.models import manager_teams

    entry, _o = _south_override(engine, people)
    with engine.begin() as conn:
        conn.execute(manager_teams.insert().values(user_id=people["pam"].id, team="south"))
    with pytest.raises(NotFound):
        get_assessment(engine, people["pam"], entry.id)
    assert oversight.teams_of(engine, people["pam"]) == ["north"]


def test_users_list_names_what_each_manager_oversees(engine, people):
    oversight.grant(engine, "mo", "south")
    assert oversight.overseen_by(engine) == {people["mo"].id: ["south"]}


def test_oversight_ends_when_single_sign_on_makes_the_manager_something_else(engine, people):
    from store.sso import sign_in_user

    boss = sign_in_user(engine, "https://idp", "s-1", role="manager", team="north", username_hint="boss")
    oversight.grant(engine, boss.username, "south")
    sign_in_user(engine, "https://idp", "s-1", role="manager", team="north", username_hint="boss")
    assert oversight.overseen_by(engine) == {boss.id: ["south"]}
    sign_in_user(engine, "https://idp", "s-1", role="practitioner", team="north", username_hint="boss")
    assert oversight.overseen_by(engine) == {}
    assert [a.detail for a in audit.entries(engine, action="user.oversee_remove")] == ["team=south sso"]
