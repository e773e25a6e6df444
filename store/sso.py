"""Accounts for people who sign in through the partnership's identity provider (OpenID Connect).

The provider's issuer and subject identify the person (never their name or email, which can be
reused or changed). Their role and team come from the provider on every sign-in, so a change
there (a move of team, a role withdrawn) takes effect at the next sign-in. An account here is
made only for someone the provider gives a role in this service; it has no usable password, so
it cannot be signed into with the local form, and an administrator disables it as any other.
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import Engine, delete, insert, select, update

from store import audit
from store.clock import aware
from store.errors import AuthError, Invalid
from store.models import ROLES, manager_teams, oidc_identities, users
from store.users import TEAM, USERNAME, User, user_from_row

NO_PASSWORD = "sso"  # not a password hash: no password ever matches it (store.passwords.is_password_hash)


def _username_base(hint: str) -> str:
    """A readable username from the provider's (e.g. "Pat.Smith@council.gov.uk" -> "pat.smith")."""
    local = (hint or "").split("@", 1)[0].lower()
    base = re.sub(r"[^a-z0-9._-]+", "-", local).strip("._-")[:56]
    return base if USERNAME.match(base or "") else "sso-user"


def sign_in_user(engine: Engine, issuer: str, subject: str, *, role: str, team: str, username_hint: str, now: datetime | None = None) -> User:
    """The account for this identity, created or brought up to date with the provider's role and
    team. AuthError("disabled") if an administrator disabled it. `role` must already be mapped."""
    if role not in ROLES:
        raise Invalid("role", f"must be one of {', '.join(ROLES)}")
    if not isinstance(team, str) or not TEAM.match(team):
        raise Invalid("team", "1-64 characters: letters, digits, spaces, '.', '_' or '-'")
    now = aware(now)
    with engine.begin() as conn:
        found = conn.execute(
            select(users)
            .join(oidc_identities, oidc_identities.c.user_id == users.c.id)
            .where(oidc_identities.c.issuer == issuer, oidc_identities.c.subject == subject)
        ).first()
        if found is not None:
            if found.disabled:
                audit.record(conn, "sign_in", user_id=found.id, outcome="refused", detail="sso disabled", now=now)
                raise AuthError("disabled")
            if (found.role, found.team) != (role, team):
                conn.execute(update(users).where(users.c.id == found.id).values(role=role, team=team))
                audit.record(conn, "user.sso_update", user_id=found.id, record_id=found.id, detail=f"role={role}", now=now)
                if role != "manager":  # oversight of further teams is a manager's only: it ends with the role
                    for (gone,) in conn.execute(delete(manager_teams).where(manager_teams.c.user_id == found.id).returning(manager_teams.c.team)):
                        audit.record(conn, "user.oversee_remove", user_id=None, record_id=found.id, detail=f"team={gone} sso", now=now)
            uid = found.id
        else:
            base, n = _username_base(username_hint), 1
            name = base
            while conn.execute(select(users.c.id).where(users.c.username == name)).first():
                n += 1
                name = f"{base[:60]}-{n}"
            uid = conn.execute(
                insert(users)
                .values(username=name, role=role, team=team, password_hash=NO_PASSWORD, disabled=False, failed_logins=0, created_at=now)
                .returning(users.c.id)
            ).scalar_one()
            conn.execute(insert(oidc_identities).values(issuer=issuer, subject=subject, user_id=uid))
            audit.record(conn, "user.sso_create", user_id=uid, record_id=uid, detail=f"role={role}", now=now)
        audit.record(conn, "sign_in", user_id=uid, outcome="ok", detail="sso", now=now)
        row = conn.execute(select(users).where(users.c.id == uid)).one()
    return user_from_row(row)


def refused(engine: Engine, reason: str, *, now: datetime | None = None) -> None:
    """Audit a single sign-on refused before any account was looked at (no role, bad token...)."""
    with engine.begin() as conn:
        audit.record(conn, "sign_in", user_id=None, outcome="refused", detail=f"sso {reason}"[:255], now=now)
