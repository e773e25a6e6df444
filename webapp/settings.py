"""The web app's security settings, typed and read from the environment (FSP_*) by pydantic-settings.

Each has a default that suits one developer's machine; docs/security.md says what production sets.
The factory's `config` (tests) can override any of them by its upper-case name.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import NoDecode, SettingsConfigDict

from pathway.env_settings import EnvSettings

LOOPBACK = ["localhost", "127.0.0.1"]


class WebSettings(EnvSettings):
    # an empty FSP_TRUSTED_HOSTS means what it says: no Host check
    model_config = SettingsConfigDict(frozen=False, env_ignore_empty=False)

    # Host headers the app answers (Flask's TRUSTED_HOSTS); anything else is refused with 400.
    # Comma-separated; ".example.org" allows its subdomains. Production: the public host name.
    trusted_hosts: Annotated[list[str], NoDecode] = Field(default_factory=lambda: list(LOOPBACK))
    # The public host (and port) links are built from, e.g. the trainer's join link; unset: the
    # request's (already trusted) Host.
    server_name: str | None = None
    # Clients reach the app through this many proxies that set X-Forwarded-For/-Proto (0: none);
    # the per-address limits need the real client address.
    proxy_hops: int = Field(0, ge=0, le=5)

    # Flask-Limiter. memory:// is per process; several workers or servers share a Redis or
    # Memcached store (e.g. redis://localhost:6379), or each worker counts on its own.
    ratelimit_storage_uri: str = "memory://"
    sign_in_limit_per_address: str = "10 per minute; 60 per hour"
    sign_in_limit_overall: str = "300 per minute"
    join_limit_per_address: str = "10 per minute; 60 per hour"
    practice_page_limit_per_address: str = "120 per minute"

    # At most this many password hashes at once per process, and this many more sign-ins waiting
    # for one (a waiting sign-in holds a worker thread too: keep the two together below
    # FSP_THREADS, so a flood of sign-ins leaves threads for everything else); a sign-in that
    # finds no place, or waits longer than hash_wait_seconds, is answered 429.
    max_concurrent_hashes: int = Field(2, ge=1, le=64)
    max_waiting_sign_ins: int = Field(1, ge=0, le=64)
    hash_wait_seconds: float = Field(2.0, ge=0, le=30)

    practice_max_trainees: int = Field(60, ge=1, le=1000)  # per practice session
    # Rows a long list shows a page (the managers' /overrides, a practitioner's /cases; review 15 Z3):
    # each /overrides row saved under an older ruleset is decided again by today's when the page is drawn.
    list_page_size: int = Field(50, ge=5, le=500)

    # Single sign-on with the partnership's identity provider (OpenID Connect; docs/security.md
    # has the settings for Microsoft Entra ID). Off unless an issuer and a client id are set.
    oidc_issuer: str | None = None  # e.g. https://login.microsoftonline.com/<tenant-id>/v2.0
    oidc_metadata_url: str | None = None  # default: <issuer>/.well-known/openid-configuration
    oidc_client_id: str | None = None
    oidc_client_secret: str | None = None
    oidc_audience: str | None = None  # the ID token's aud must be this; default: the client id
    oidc_scopes: str = "openid profile email"
    oidc_label: str = "Sign in with your organisation account"
    oidc_leeway_seconds: int = Field(60, ge=0, le=300)  # clock difference allowed on exp and iat
    # Role: the claim holding the person's app roles or groups, and each value's role here.
    oidc_role_claim: str = "roles"
    oidc_role_map: dict[str, str] = Field(default_factory=dict)  # JSON: {"FSP.Practitioner": "practitioner"}
    # Team: a claim holding the team's name, or values of the role claim (e.g. groups) mapped to teams.
    oidc_team_claim: str | None = None
    oidc_team_map: dict[str, str] = Field(default_factory=dict)
    oidc_username_claim: str = "preferred_username"

    @field_validator("trusted_hosts", mode="before")
    @classmethod
    def _split(cls, value):
        if isinstance(value, str):
            return [h.strip() for h in value.split(",") if h.strip()]
        return value

    def flask_config(self) -> dict:
        """The settings as the app's config keys (upper case; Flask's own names where it has one)."""
        out = {name.upper(): value for name, value in self.model_dump().items()}
        out["TRUSTED_HOSTS"] = self.trusted_hosts or None
        out["SERVER_NAME"] = self.server_name
        out["RATELIMIT_STORAGE_URI"] = self.ratelimit_storage_uri
        return out

    @field_validator("oidc_role_map")
    @classmethod
    def _roles_known(cls, value):
        from store.roles import ROLES

        unknown = sorted(set(value.values()) - set(ROLES))
        if unknown:
            raise ValueError(f"roles must be among {', '.join(ROLES)}; got {', '.join(unknown)}")
        return value


class FlaskSettings(EnvSettings):
    """The three variables a Flask deployment names without FSP_ (docs/web.md)."""

    secret_key: str | None = Field(None, validation_alias="SECRET_KEY")  # else one kept in instance/
    database_url: str | None = Field(None, validation_alias="DATABASE_URL")  # else instance/fsp.sqlite3
    session_cookie_secure: bool = Field(False, validation_alias="SESSION_COOKIE_SECURE")  # 1 behind HTTPS


class ServerSettings(EnvSettings):
    """gunicorn.conf.py's numbers and address (docs/web.md)."""

    bind: str = "127.0.0.1:8000"  # FSP_BIND
    web_concurrency: int = Field(2, ge=1, le=64, validation_alias="WEB_CONCURRENCY")  # workers: one per core
    threads: int = Field(4, ge=1, le=64)  # FSP_THREADS


def load_web_settings() -> "WebSettings":
    """The settings from the environment; a wrong value stops the start naming its variable."""
    return WebSettings.from_env()


def check_environment() -> str | None:
    """What is wrong with the environment's settings, in one line naming the variable, or None.
    gunicorn's master asks before it starts a worker, so a bad value is one line, not a traceback
    from every worker it would keep restarting."""
    from pathway.env_settings import SettingsError
    from pathway.settings import OfficeHours
    from store.config import StoreConfig

    for model in (WebSettings, FlaskSettings, ServerSettings, StoreConfig, OfficeHours):
        try:
            model.from_env()
        except SettingsError as exc:
            return str(exc)
    return None
