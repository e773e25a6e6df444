"""Single sign-on end to end against a real OpenID Connect provider on loopback (issue 16):
authorisation code with PKCE, state and nonce, and the ID token's issuer, audience and expiry
checked; role and team from the provider's claims; no account for someone with no role here."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from store import users
from store.audit import entries as audit_entries
from store.models import oidc_identities
from store.models import users as users_table
from tests.webapp.conftest import ALWAYS_OPEN, PASSWORD, text
from tests.webapp.oidc_provider import (
    CLIENT_ID,
    approve,
    callback_path,
    provider,
    query,
    settings,
)
from webapp import create_app


@pytest.fixture(scope="module")
def issuer():
    with provider() as url:
        yield url


def make_app(tmp_path, issuer, **overrides):
    app = create_app(
        {
            "TESTING": True,
            "WTF_CSRF_ENABLED": False,
            "SECRET_KEY": "sso",
            "OFFICE_HOURS": ALWAYS_OPEN,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'web.sqlite3'}",
            **settings(issuer, **overrides),
        }
    )
    users.create_user(app.extensions["fsp_store"], "pat", "practitioner", "North", PASSWORD)
    return app


@pytest.fixture
def app(tmp_path, issuer):
    return make_app(tmp_path, issuer)


def go_to_provider(client) -> str:
    r = client.get("/sign-in/sso")
    assert r.status_code == 302
    return r.location


def sign_in_as(client, sub: str):
    return client.get(callback_path(approve(go_to_provider(client), sub)))


def count_users(app) -> int:
    with app.extensions["fsp_store"].connect() as conn:
        return conn.execute(select(func.count()).select_from(users_table)).scalar_one()


def test_the_request_to_the_provider_uses_pkce_state_and_nonce(client, issuer):
    asked = query(go_to_provider(client))
    assert go_to_provider(client).startswith(f"{issuer}/oauth2/authorize?")
    assert asked["response_type"] == "code" and asked["client_id"] == CLIENT_ID
    assert asked["code_challenge_method"] == "S256" and len(asked["code_challenge"]) >= 43
    assert len(asked["state"]) >= 20 and len(asked["nonce"]) >= 20 and "openid" in asked["scope"].split()
    assert asked["redirect_uri"] == "http://localhost/sign-in/sso/callback"


def test_a_person_with_a_role_signs_in_and_gets_an_account_with_their_role_and_team(app, client):
    before = count_users(app)
    r = sign_in_as(client, "alice-0001")
    assert r.status_code == 302 and r.location == "/cases"
    assert "Signed in as alice.jones (practitioner, North)" in text(client.get("/"))
    assert client.get("/cases").status_code == 200
    assert count_users(app) == before + 1
    # the account has no password: the local form cannot be used to get into it
    assert "Signed in as" not in text(client.post("/sign-in", data={"username": "alice.jones", "password": "sso"})).replace("Signed in as alice.jones", "")
    other = app.test_client()
    assert other.post("/sign-in", data={"username": "alice.jones", "password": ""}).status_code == 200


def test_the_next_sign_in_takes_the_providers_role_and_team_and_keeps_the_account(app, client, tmp_path):
    sign_in_as(client, "mo-0002")
    assert "Signed in as mo (manager, South)" in text(client.get("/"))  # the map's order: manager first
    client.post("/sign-out")
    sign_in_as(client, "mo-0002")
    with app.extensions["fsp_store"].connect() as conn:
        assert conn.execute(select(func.count()).select_from(oidc_identities)).scalar_one() == 1


def test_a_provider_name_that_matches_a_local_account_gets_its_own_account(app, client):
    sign_in_as(client, "pat-0004")
    assert "Signed in as pat-2 (practitioner, North)" in text(client.get("/"))


def test_someone_with_no_role_here_is_refused_and_no_account_is_made(app, client):
    before = count_users(app)
    r = sign_in_as(client, "norole-0003")
    assert r.status_code == 403 and "does not have a role in the Family Support Pathway tool" in text(r)
    assert count_users(app) == before and "Signed in as" not in text(client.get("/"))
    assert audit_entries(app.extensions["fsp_store"], action="sign_in")[-1].detail == "sso no_role"


def test_a_replayed_state_is_refused(app, client):
    back = callback_path(approve(go_to_provider(client), "alice-0001"))
    assert client.get(back).status_code == 302
    client.post("/sign-out")
    r = client.get(back)  # the same state and code again, in the same browser
    assert r.status_code == 400 and "Sorry, signing in did not work" in text(r)
    assert "Signed in as" not in text(client.get("/"))
    attacker = app.test_client()  # or in another browser that never started it
    r = attacker.get(callback_path(approve(go_to_provider(client), "alice-0001")))
    assert r.status_code == 400 and "Signed in as" not in text(attacker.get("/"))


def test_a_forged_state_is_refused(client):
    location = approve(go_to_provider(client), "alice-0001")
    forged = location.replace("state=", "state=x")
    r = client.get(callback_path(forged))
    assert r.status_code == 400 and "Signed in as" not in text(client.get("/"))


def test_an_id_token_for_another_audience_is_refused(tmp_path, issuer):
    app = make_app(tmp_path, issuer, OIDC_AUDIENCE="another-service")
    client = app.test_client()
    r = sign_in_as(client, "alice-0001")
    assert r.status_code == 400 and "Signed in as" not in text(client.get("/"))
    assert audit_entries(app.extensions["fsp_store"], action="sign_in")[-1].detail == "sso token invalid_claim"


def test_an_id_token_from_another_issuer_is_refused(tmp_path, issuer):
    app = make_app(
        tmp_path, issuer, OIDC_METADATA_URL=f"{issuer}/.well-known/openid-configuration", OIDC_ISSUER="https://login.microsoftonline.com/another-tenant/v2.0"
    )
    client = app.test_client()
    r = sign_in_as(client, "alice-0001")
    assert r.status_code == 400 and "Signed in as" not in text(client.get("/"))


def test_an_expired_id_token_is_refused(tmp_path):
    with provider(token_max_age=timedelta(minutes=-10)) as old_tokens:  # issued already expired
        app = make_app(tmp_path, old_tokens)
        client = app.test_client()
        r = sign_in_as(client, "alice-0001")
    assert r.status_code == 400 and "Signed in as" not in text(client.get("/"))
    assert audit_entries(app.extensions["fsp_store"], action="sign_in")[-1].detail == "sso token expired_token"


def test_a_disabled_account_stays_out(app, client):
    sign_in_as(client, "alice-0001")
    client.post("/sign-out")
    users.disable_user(app.extensions["fsp_store"], "alice.jones")
    r = sign_in_as(client, "alice-0001")
    assert r.status_code == 403 and "Signed in as" not in text(client.get("/"))


def test_without_settings_there_is_no_single_sign_on(tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "DATABASE_URL": f"sqlite:///{tmp_path / 'n.sqlite3'}"})
    client = app.test_client()
    assert client.get("/sign-in/sso").status_code == 404
    assert "organisation account" not in text(client.get("/sign-in"))


def test_the_sign_on_routes_declare_who_may_use_them(app):
    from webapp import access

    assert access.undeclared(app) == []
    assert {r.rule for r in app.url_map.iter_rules() if r.endpoint.startswith("sso.")} == {"/sign-in/sso", "/sign-in/sso/callback"}
    assert all(access.of(app, e).who == access.ANYONE for e in ("sso.start_view", "sso.callback"))


def test_an_id_token_whose_nonce_is_not_the_one_sent_is_refused(app, client):
    """The nonce the app sent travels inside the signed ID token; the app compares it with its own."""
    location = go_to_provider(client)
    state = query(location)["state"]
    with client.session_transaction() as session:
        kept = session[f"_state_partnership_{state}"]
        kept["data"]["nonce"] = "not-the-nonce-that-was-sent"
        session[f"_state_partnership_{state}"] = kept
    r = client.get(callback_path(approve(location, "alice-0001")))
    assert r.status_code == 400 and "Signed in as" not in text(client.get("/"))
    assert audit_entries(app.extensions["fsp_store"], action="sign_in")[-1].detail.startswith("sso token")
