"""A real OpenID Connect provider on loopback for the single sign-on tests: oidc-provider-mock
0.3.4 (Authlib's authorisation server: discovery, JWKS, RS256 ID tokens, PKCE), started in a
thread by the tests. Its sign-in form takes a subject ("sub"); the claims of predefined users
(roles, team) go into their ID tokens."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import oidc_provider_mock
import requests

CLIENT_ID = "fsp-tests"
ROLES = {"FSP.Manager": "manager", "FSP.Practitioner": "practitioner", "FSP.Trainer": "trainer"}
PEOPLE = [
    oidc_provider_mock.User(
        sub="alice-0001",
        claims={"roles": ["FSP.Practitioner"], "team": "North", "preferred_username": "Alice.Jones@council.example", "email": "alice@council.example"},
    ),
    oidc_provider_mock.User(sub="mo-0002", claims={"roles": ["FSP.Manager", "FSP.Practitioner"], "team": "South", "preferred_username": "mo@council.example"}),
    oidc_provider_mock.User(sub="norole-0003", claims={"roles": ["Finance.Reader"], "team": "North", "preferred_username": "nora@council.example"}),
    oidc_provider_mock.User(
        sub="pat-0004",
        claims={  # shares a local account's name
            "roles": ["FSP.Practitioner"],
            "team": "North",
            "preferred_username": "pat@council.example",
        },
    ),
]


@contextmanager
def provider(token_max_age: timedelta = timedelta(hours=1)):
    """The provider's issuer URL (http://localhost:PORT) while it runs."""
    with oidc_provider_mock.run_server_in_thread(user_claims=PEOPLE, require_nonce=True, access_token_max_age=token_max_age) as server:
        yield f"http://localhost:{server.server_port}"


def settings(issuer: str, **overrides) -> dict:
    """The app's configuration for this provider, as FSP_OIDC_* would give it."""
    return {
        "OIDC_ISSUER": issuer,
        "OIDC_CLIENT_ID": CLIENT_ID,
        "OIDC_CLIENT_SECRET": "not-a-real-secret",
        "OIDC_ROLE_CLAIM": "roles",
        "OIDC_ROLE_MAP": ROLES,
        "OIDC_TEAM_CLAIM": "team",
        **overrides,
    }


def approve(authorize_url: str, sub: str) -> str:
    """What the person does at the provider: sign in as `sub`. Returns the provider's redirect
    back to the app (the callback URL with the code and state)."""
    r = requests.post(authorize_url, data={"sub": sub}, allow_redirects=False, timeout=10)
    assert r.status_code == 302, r.text[:500]
    return r.headers["Location"]


def callback_path(location: str) -> str:
    parts = urlsplit(location)
    return f"{parts.path}?{parts.query}"


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
