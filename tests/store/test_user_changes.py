"""mut16: `enable_user`, `set_role` and `set_team` (review 16 surfaces, N2) as the store gives them, beside the CLI's
own checks (tests/store/test_cli.py): the audit trail says who changed which account and when, and a refusal names
the field and says why. The oracle is docs/security.md's audit log (who did what, to which record, when) and the
store's own contract for bad input (`Invalid.field` names the field the form points at)."""

from __future__ import annotations

import pytest

from store import Invalid, oversight, sso
from store.audit import entries
from store.users import create_user, disable_user, enable_user, find_user, set_role, set_team
from tests.store.conftest import PASSWORD, T0


@pytest.fixture
def accounts(engine):
    admin = create_user(engine, "ada", "admin", "Admin", PASSWORD)
    meg = create_user(engine, "meg", "manager", "North", PASSWORD)
    create_user(engine, "sol", "practitioner", "South", PASSWORD)
    return admin, meg


def test_each_change_is_audited_with_who_made_it_to_which_account_and_when(engine, accounts):
    admin, meg = accounts
    oversight.grant(engine, "meg", "South")
    disable_user(engine, "meg")
    enable_user(engine, "meg", actor_id=admin.id, now=T0)
    set_team(engine, "meg", "East", actor_id=admin.id, now=T0)
    set_role(engine, "meg", "practitioner", actor_id=admin.id, now=T0)
    said = {
        (e.action, e.user_id, e.record_id, e.at, e.detail)
        for e in entries(engine)
        if e.action in ("user.enable", "user.team", "user.role", "user.oversee_remove")
    }
    assert said == {
        ("user.enable", admin.id, meg.id, T0, None),
        ("user.team", admin.id, meg.id, T0, "team=North->East"),
        ("user.role", admin.id, meg.id, T0, "role=manager->practitioner"),
        ("user.oversee_remove", admin.id, meg.id, T0, "team=South role"),
    }


def test_a_refused_change_names_the_field_and_says_why(engine, accounts):
    with pytest.raises(Invalid) as raised:
        set_role(engine, "meg", "director")
    assert raised.value.field == "role" and raised.value.message == "must be one of practitioner, trainer, adviser, manager, admin"  # docs/storage.md's roles
    with pytest.raises(Invalid) as raised:
        set_team(engine, "meg", "!bad")
    assert raised.value.field == "team" and raised.value.message.startswith("1-64 characters")
    with pytest.raises(Invalid) as raised:
        set_team(engine, "meg", "North")
    assert (raised.value.field, raised.value.message) == ("team", "meg's team is already North")
    with pytest.raises(Invalid) as raised:
        enable_user(engine, "meg")
    assert (raised.value.field, raised.value.message) == ("username", "meg is not disabled")
    u = sso.sign_in_user(engine, "https://idp.example", "sub-1", role="manager", team="North", username_hint="mia")
    for change, what in ((lambda: set_role(engine, u.username, "practitioner"), "role"), (lambda: set_team(engine, u.username, "South"), "team")):
        with pytest.raises(Invalid) as raised:
            change()
        assert raised.value.field == "username" and f"its {what} comes from the identity provider" in raised.value.message
    assert find_user(engine, "meg").role == "manager" and not entries(engine, action="user.role")
