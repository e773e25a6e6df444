"""Review 16 surfaces, N2: a local account's role and team change (`pathway users set-role`, `set-team`) and a
disabled account is enabled again (`enable`), each taking effect at the account's next request, without signing in
again. The oracle is docs/storage.md's roles table: a manager reads /overrides and their team's entries, a
practitioner is refused /overrides (403) and reads their own entries, a disabled account cannot sign in."""

from __future__ import annotations

from store import audit, oversight, users
from tests.webapp.accounts.conftest import save, sign_in
from tests.webapp.conftest import PASSWORD


def test_a_manager_made_practitioner_is_refused_the_overrides_at_the_next_request(client, people, engine):
    users.create_user(engine, "sol", "practitioner", "South", PASSWORD)
    oversight.grant(engine, "meg", "South")
    sign_in(client, "meg")
    assert client.get("/overrides").status_code == 200
    users.set_role(engine, "meg", "practitioner")
    assert client.get("/overrides").status_code == 403  # the same sign-in, the next request
    assert client.get("/dashboard").status_code == 403
    assert oversight.teams_of(engine, users.find_user(engine, "meg")) == ["North"]  # no further team is left
    assert [e.detail for e in audit.entries(engine, action="user.role")] == ["role=manager->practitioner"]


def test_a_practitioner_made_manager_reads_the_overrides_at_the_next_request(client, people, engine):
    sign_in(client, "pat")
    assert client.get("/overrides").status_code == 403
    users.set_role(engine, "pat", "manager")
    assert client.get("/overrides").status_code == 200


def test_a_practitioner_moved_team_still_opens_what_they_saved(client, app, people, engine):
    """Entries keep the team they were saved under: the person still reads their own, the old team's manager
    still reads it, the new team's manager does not."""
    sign_in(client, "pat")
    assert save(client, "FSP-1620").status_code == 302
    users.set_team(engine, "pat", "South")
    assert client.get("/cases/FSP-1620").status_code == 200
    north, south = app.test_client(), app.test_client()
    sign_in(north, "meg")
    users.create_user(engine, "sid", "manager", "South", PASSWORD)
    sign_in(south, "sid")
    assert north.get("/cases/FSP-1620").status_code == 200
    assert south.get("/cases/FSP-1620").status_code == 404
    assert [e.detail for e in audit.entries(engine, action="user.team")] == ["team=North->South"]


def test_an_enabled_account_signs_in_again(client, people, engine):
    users.disable_user(engine, "pat")
    sign_in(client, "pat")
    assert client.get("/cases").status_code == 302  # not signed in: sent to sign in
    users.enable_user(engine, "pat")
    assert sign_in(client, "pat").status_code == 302
    assert client.get("/cases").status_code == 200
    assert len(audit.entries(engine, action="user.enable")) == 1
