"""Accounts, sign-in with lockout, and sign-ins (a signed-in account's token) that expire.

Roles: practitioner, trainer, adviser and manager save and read assessments (a manager also
reads their team's); admin manages accounts and retention but reads no assessments.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete, insert, select, update

from store import audit, throttle
from store.clock import aware
from store.config import StoreConfig
from store.errors import AuthError, Invalid, NotFound
from store.models import ROLES, manager_teams, oidc_identities, sign_ins, users
from store.passwords import MIN_LENGTH, dummy_hash, hash_password, hashing_slot, is_password_hash, needs_rehash, verify_password, weakness

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
TEAM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$")
TEAM_RULE = "1-64 characters: letters, digits, spaces, '.', '_' or '-'"


@dataclass(frozen=True)
class User:
    id: int
    username: str
    role: str
    team: str
    disabled: bool = False
    locked_until: datetime | None = None

    @property
    def can_save(self) -> bool:
        return self.role != "admin"


def user_from_row(row) -> User:
    """The User a row of `users` describes (store.sso builds one from the row it signs in)."""
    return User(
        id=row.id, username=row.username, role=row.role, team=row.team, disabled=row.disabled, locked_until=row.locked_until and aware(row.locked_until)
    )


def _check_password(password: str, username: str = "") -> None:
    if not isinstance(password, str) or len(password) < MIN_LENGTH:
        raise Invalid("password", f"must be at least {MIN_LENGTH} characters")
    if password.strip() != password or len(password) > 1024:
        raise Invalid("password", "must not start or end with spaces, and at most 1024 characters")
    why = weakness(password, username, "family support pathway", "nottingham")
    if why:
        raise Invalid("password", why)


def create_user(engine: Engine, username: str, role: str, team: str, password: str, *, actor_id: int | None = None, now: datetime | None = None) -> User:
    """A new enabled account. Usernames are lower case (no personal details beyond what HR uses)."""
    if not isinstance(username, str) or not USERNAME.match(username):
        raise Invalid("username", "2-64 characters: lower-case letters, digits, '.', '_' or '-'")
    if role not in ROLES:
        raise Invalid("role", f"must be one of {', '.join(ROLES)}")
    if not isinstance(team, str) or not TEAM.match(team):
        raise Invalid("team", TEAM_RULE)
    _check_password(password, username)
    now = aware(now)
    with engine.begin() as conn:
        if conn.execute(select(users.c.id).where(users.c.username == username)).first():
            raise Invalid("username", "already taken")
        uid = conn.execute(
            insert(users)
            .values(username=username, role=role, team=team, password_hash=hash_password(password), disabled=False, failed_logins=0, created_at=now)
            .returning(users.c.id)
        ).scalar_one()
        audit.record(conn, "user.create", user_id=actor_id, record_id=uid, detail=f"role={role}", now=now)
    return User(id=uid, username=username, role=role, team=team)


def _one_user(engine: Engine, condition) -> User:
    with engine.connect() as conn:
        row = conn.execute(select(users).where(condition)).first()
    if row is None:
        raise NotFound("user")
    return user_from_row(row)


def get_user(engine: Engine, user_id: int) -> User:
    return _one_user(engine, users.c.id == user_id)


def find_user(engine: Engine, username: str) -> User:
    return _one_user(engine, users.c.username == username)


def list_users(engine: Engine) -> list[User]:
    with engine.connect() as conn:
        return [user_from_row(r) for r in conn.execute(select(users).order_by(users.c.username))]


def disable_user(engine: Engine, username: str, *, actor_id: int | None = None, now: datetime | None = None) -> User:
    """Disable an account and end its sign_ins. Accounts are never deleted: records point at them."""
    user = find_user(engine, username)
    with engine.begin() as conn:
        conn.execute(update(users).where(users.c.id == user.id).values(disabled=True))
        conn.execute(update(sign_ins).where(sign_ins.c.user_id == user.id).values(revoked=True))
        audit.record(conn, "user.disable", user_id=actor_id, record_id=user.id, now=now)
    return get_user(engine, user.id)


def enable_user(engine: Engine, username: str, *, actor_id: int | None = None, now: datetime | None = None) -> User:
    """Enable a disabled account again (review 16 surfaces, N2: `disable` had no undo). Its earlier sign-ins
    stay ended: the person signs in again. Its role, team and entries are as they were."""
    user = find_user(engine, username)
    if not user.disabled:
        raise Invalid("username", f"{user.username} is not disabled")
    with engine.begin() as conn:
        conn.execute(update(users).where(users.c.id == user.id).values(disabled=False))
        audit.record(conn, "user.enable", user_id=actor_id, record_id=user.id, now=now)
    return get_user(engine, user.id)


def _local(conn, user: User, what: str) -> None:
    """Refuse to change what single sign-on owns: an account signed in through the provider takes its role
    and team from it at every sign-in (store.sso), so a change made here would be undone there."""
    if conn.execute(select(oidc_identities.c.user_id).where(oidc_identities.c.user_id == user.id)).first():
        raise Invalid(
            "username", f"{user.username} signs in through single sign-on: its {what} comes from the identity provider at each sign-in; change it there"
        )


def _change_local(engine: Engine, username: str, field: str, value: str, *, actor_id: int | None, now: datetime | None, then=None) -> User:
    """Set a local account's `field` (role or team) to `value`, audited as `user.<field>` with the old and new
    value; `then(conn, user)` runs in the same transaction. Read at the account's next request, as `disable` is."""
    user = find_user(engine, username)
    was = getattr(user, field)
    if was == value:
        raise Invalid(field, f"{user.username}'s {field} is already {value}")
    with engine.begin() as conn:
        _local(conn, user, field)
        conn.execute(update(users).where(users.c.id == user.id).values({field: value}))
        audit.record(conn, f"user.{field}", user_id=actor_id, record_id=user.id, detail=f"{field}={was}->{value}", now=now)
        if then is not None:
            then(conn, user)
    return get_user(engine, user.id)


def set_role(engine: Engine, username: str, role: str, *, actor_id: int | None = None, now: datetime | None = None) -> User:
    """Change a local account's role, read at its next request (the role is read on every request). A manager
    who is no longer one loses their oversight of further teams, each removal audited, as store.sso does."""
    if role not in ROLES:
        raise Invalid("role", f"must be one of {', '.join(ROLES)}")

    def oversight_ends(conn, user: User) -> None:
        if role == "manager":
            return
        for (team,) in conn.execute(delete(manager_teams).where(manager_teams.c.user_id == user.id).returning(manager_teams.c.team)):
            audit.record(conn, "user.oversee_remove", user_id=actor_id, record_id=user.id, detail=f"team={team} role", now=now)

    return _change_local(engine, username, "role", role, actor_id=actor_id, now=now, then=oversight_ends)


def set_team(engine: Engine, username: str, team: str, *, actor_id: int | None = None, now: datetime | None = None) -> User:
    """Move a local account to another team, read at its next request. Entries keep the team they were saved
    under (the saver's team at the time of saving): the person still reads their own, the old team's managers
    still read the old team's, and the new team's managers read what is saved from now on."""
    if not isinstance(team, str) or not TEAM.match(team):
        raise Invalid("team", TEAM_RULE)
    return _change_local(engine, username, "team", team, actor_id=actor_id, now=now)


def reset_password(engine: Engine, username: str, password: str, *, actor_id: int | None = None, now: datetime | None = None) -> User:
    """Set a new password, end every sign-in delay on the account and end existing sign_ins."""
    _check_password(password, username)
    user = find_user(engine, username)
    with engine.begin() as conn:
        conn.execute(update(users).where(users.c.id == user.id).values(password_hash=hash_password(password), failed_logins=0, locked_until=None))
        throttle.forget_account(conn, username)
        conn.execute(update(sign_ins).where(sign_ins.c.user_id == user.id).values(revoked=True))
        audit.record(conn, "user.reset_password", user_id=actor_id, record_id=user.id, now=now)
    return get_user(engine, user.id)


def authenticate(engine: Engine, username: str, password: str, *, address: str = "", config: StoreConfig | None = None, now: datetime | None = None) -> User:
    """The user if the password is right and the account enabled; else AuthError.

    Each attempt is counted for this username and `address` before its password is checked
    (store.throttle): after `config.max_failed_logins` the next must wait, longer each time, and
    an attempt made too soon is refused unchecked ("throttled"). The right password clears the
    count, unless attempts that arrived while it was being checked have made the key wait.
    At most a few hashes run at once (store.passwords.hashing_slot: Busy otherwise). A hash in an
    older format, or at another cost than today's, is rewritten after the right password.
    Unknown, wrong, disabled and throttled raise the same AuthError; `.reason` is for the audit.
    The typed username is never logged.
    """
    config = config or StoreConfig.from_env()
    now = aware(now)
    with hashing_slot():
        attempt = throttle.claim(engine, username, address, config=config, now=now)
        row = None
        if USERNAME.fullmatch(username):  # else no such account, and not sent (PostgreSQL refuses a NUL)
            with engine.connect() as conn:
                row = conn.execute(select(users).where(users.c.username == username)).first()
        failure: str | None
        stored, rehashed = None, None
        if attempt is None:
            failure = "throttled"
        else:
            # an unknown name, or a single sign-on account (no password), costs the same hash
            stored = row.password_hash if row is not None else None
            usable = is_password_hash(stored)
            ok = verify_password(password, stored if stored is not None and usable else dummy_hash()) and usable
            failure = "unknown_user" if row is None else None if ok else "bad_password"
            # an older format or cost is rewritten at today's, while the password is at hand
            rehashed = hash_password(password) if ok and stored and needs_rehash(stored) else None
    uid = row.id if row is not None else None
    with engine.begin() as conn:
        if failure is None:
            # re-checked after the hash, in the transaction that lets the person in
            current = conn.execute(select(users).where(users.c.id == uid)).first()
            if current is None or current.disabled:
                failure = "disabled"
            elif attempt is None or not throttle.succeed(conn, username, address, attempt, now=now):
                failure = "throttled"
            else:
                row = current
                if rehashed:  # unless the hash changed meanwhile (an administrator's reset)
                    conn.execute(update(users).where(users.c.id == uid, users.c.password_hash == stored).values(password_hash=rehashed))
        audit.record(conn, "sign_in", user_id=uid, outcome="refused" if failure else "ok", detail=failure, now=now)
    if failure:
        raise AuthError(failure)
    return user_from_row(row)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_sign_in(engine: Engine, user: User, *, config: StoreConfig | None = None, now: datetime | None = None) -> str:
    """A new sign-in: a random token for `user`; only its SHA-256 is stored."""
    config = config or StoreConfig.from_env()
    now = aware(now)
    token = secrets.token_urlsafe(32)
    with engine.begin() as conn:
        conn.execute(
            insert(sign_ins).values(
                token_hash=_token_hash(token),
                user_id=user.id,
                created_at=now,
                last_seen=now,
                expires_at=now + timedelta(minutes=config.session_max_minutes),
                revoked=False,
            )
        )
    return token


def sign_in(
    engine: Engine, username: str, password: str, *, address: str = "", config: StoreConfig | None = None, now: datetime | None = None
) -> tuple[User, str]:
    """authenticate + start_sign_in: what the sign-in page calls. Raises AuthError (or Busy)."""
    user = authenticate(engine, username, password, address=address, config=config, now=now)
    return user, start_sign_in(engine, user, config=config, now=now)


def signed_in_user(engine: Engine, token: str | None, *, config: StoreConfig | None = None, now: datetime | None = None) -> User | None:
    """The signed-in user for a sign-in token, or None if unknown, revoked, idle too long,
    past its maximum age, or the account is disabled. Using a sign-in keeps it alive."""
    if not token:
        return None
    config = config or StoreConfig.from_env()
    now = aware(now)
    th = _token_hash(token)
    with engine.begin() as conn:
        row = conn.execute(select(sign_ins, users.c.disabled).join(users, users.c.id == sign_ins.c.user_id).where(sign_ins.c.token_hash == th)).first()
        if row is None or row.revoked or row.disabled:
            return None
        if now >= aware(row.expires_at) or now >= aware(row.last_seen) + timedelta(minutes=config.session_idle_minutes):
            conn.execute(update(sign_ins).where(sign_ins.c.token_hash == th).values(revoked=True))
            return None
        conn.execute(update(sign_ins).where(sign_ins.c.token_hash == th).values(last_seen=now))
        user_id = row.user_id
    return get_user(engine, user_id)


def sign_out(engine: Engine, token: str, *, now: datetime | None = None) -> None:
    with engine.begin() as conn:
        row = conn.execute(select(sign_ins.c.user_id).where(sign_ins.c.token_hash == _token_hash(token))).first()
        conn.execute(update(sign_ins).where(sign_ins.c.token_hash == _token_hash(token)).values(revoked=True))
        if row:
            audit.record(conn, "sign_out", user_id=row.user_id, now=now)
