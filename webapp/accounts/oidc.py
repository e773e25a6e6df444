"""Single sign-on with the partnership's identity provider (OpenID Connect, through Authlib).

The authorisation code flow with PKCE (S256): the app sends the browser to the provider with a
fresh `state` and `nonce` (kept in the server-side session), and on its return takes the state
back out of the session (a replayed or forged state finds nothing and is refused), swaps the
code and its verifier for tokens, and checks the ID token: the provider's signature (its
published keys), issuer, audience, expiry, issue time and nonce. The person's role comes from a
configured claim (app roles or groups) through a configured map, and their team from a claim or
a map; someone the provider gives no role here is refused, and no account is made for them.
Local accounts (the sign-in form) stay for small deployments and break-glass administration.

Settings: webapp.settings (FSP_OIDC_*); docs/security.md gives those for Microsoft Entra ID.
"""

from __future__ import annotations

import requests
from authlib.integrations.base_client.errors import OAuthError
from authlib.integrations.flask_client import OAuth
from flask import (
    Blueprint,
    Flask,
    current_app,
    g,
    redirect,
    render_template,
    session,
    url_for,
)
from joserfc.errors import (
    JoseError as TokenError,  # what Authlib 1.9 raises for a bad ID token (authlib.jose is deprecated, and warns on import)
)

from store import sso
from store.errors import AuthError, Invalid
from store.users import User
from webapp import limits
from webapp.access import public
from webapp.accounts import auth

CLIENT = "partnership"
NO_ACCESS = "Your organisation account does not have a role in the Family Support Pathway tool. Ask your administrator to give you access."
FAILED = "Go back to the sign-in page and try again. If it keeps happening, tell your administrator."

# Registered only when single sign-on is configured: otherwise the routes do not exist.
bp = Blueprint("sso", __name__)


class Refused(Exception):
    """Single sign-on did not end in an account; `.reason` is for the audit log (a code, no data)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def enabled(app: Flask | None = None) -> bool:
    config = (app or current_app).config
    return bool(config.get("OIDC_ISSUER") and config.get("OIDC_CLIENT_ID"))


def init_app(app: Flask) -> None:
    """Register the provider when configured (its metadata is fetched at the first sign-in)."""
    app.add_template_global(enabled, "sso_enabled")
    if not enabled(app):
        return
    c = app.config
    oauth = OAuth(app)
    oauth.register(
        CLIENT,
        client_id=c["OIDC_CLIENT_ID"],
        client_secret=c.get("OIDC_CLIENT_SECRET"),
        server_metadata_url=c.get("OIDC_METADATA_URL") or c["OIDC_ISSUER"].rstrip("/") + "/.well-known/openid-configuration",
        client_kwargs={"scope": c["OIDC_SCOPES"], "code_challenge_method": "S256", "timeout": 10},
    )
    app.extensions["fsp_oidc"] = oauth
    app.register_blueprint(bp)


def _client():
    return current_app.extensions["fsp_oidc"].create_client(CLIENT)


def start(redirect_uri: str):
    """The redirect to the provider; Authlib keeps the state, nonce and PKCE verifier in the session."""
    return _client().authorize_redirect(redirect_uri)


def _claims_options() -> dict:
    c = current_app.config
    return {
        "iss": {"essential": True, "values": [c["OIDC_ISSUER"]]},
        "aud": {"essential": True, "values": [c.get("OIDC_AUDIENCE") or c["OIDC_CLIENT_ID"]]},
        "exp": {"essential": True},
        "sub": {"essential": True},
    }


def _values(claims: dict, name: str | None) -> list[str]:
    value = claims.get(name) if name else None
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def role_and_team(claims: dict) -> tuple[str, str]:
    """The role and team the configured claims give, or Refused("no_role") / Refused("no_team").
    Several mapped roles: the first in the map's order wins (so the map sets the precedence)."""
    c = current_app.config
    held = set(_values(claims, c["OIDC_ROLE_CLAIM"]))
    role = next((mapped for value, mapped in c["OIDC_ROLE_MAP"].items() if value in held), None)
    if role is None:
        raise Refused("no_role")
    teams = _values(claims, c.get("OIDC_TEAM_CLAIM"))
    team = teams[0] if teams else next((t for value, t in c["OIDC_TEAM_MAP"].items() if value in held), None)
    if not team:
        raise Refused("no_team")
    return role, team.strip()


def finish() -> User:
    """Back from the provider: check everything, find or make the account, sign it in."""
    try:
        token = _client().authorize_access_token(claims_options=_claims_options(), leeway=current_app.config["OIDC_LEEWAY_SECONDS"])
    except OAuthError as exc:  # the provider's error, or a state that is not ours (replayed)
        raise Refused(f"oauth {exc.error or type(exc).__name__}"[:60]) from None
    except TokenError as exc:  # signature, issuer, audience, expiry, nonce
        raise Refused(f"token {exc.error}"[:60]) from None
    except (requests.RequestException, ValueError) as exc:
        raise Refused(f"provider {type(exc).__name__}") from None
    claims = token.get("userinfo")
    if not claims:  # no ID token came back: nothing was checked, nothing is trusted
        raise Refused("no_id_token")
    role, team = role_and_team(dict(claims))
    c = current_app.config
    hint = next(iter(_values(claims, c["OIDC_USERNAME_CLAIM"]) + _values(claims, "email")), "")
    try:
        user = sso.sign_in_user(auth.engine(), claims["iss"], claims["sub"], role=role, team=team, username_hint=hint)
    except AuthError as exc:
        raise Refused(exc.reason) from None
    except Invalid as exc:
        raise Refused(f"bad_{exc.field}") from None
    auth.start_sign_in_for(user)
    return user


def refuse(exc: Refused) -> None:
    current_app.logger.info("single sign-on refused (%s)", exc.reason)
    sso.refused(auth.engine(), exc.reason)
    g.fsp_user = None
    session.modified = True


@bp.get("/sign-in/sso")
@public
@limits.sso_per_address
def start_view():
    """Off to the partnership's identity provider."""
    return start(url_for("sso.callback", _external=True))


@bp.get("/sign-in/sso/callback")
@public
@limits.sso_per_address
def callback():
    try:
        finish()
    except Refused as exc:
        refuse(exc)
        if exc.reason in ("no_role", "no_team", "disabled"):
            return render_template("error.html", title="You cannot use this service with that account", message=NO_ACCESS), 403
        return render_template("error.html", title="Sorry, signing in did not work", message=FAILED), 400
    return redirect(auth.after_sign_in())
