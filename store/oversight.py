"""Oversight of further teams: an admin gives a manager (e.g. a service manager) further named
teams, whose saved entries, overrides and dashboard they then read as well as their own team's.

Least privilege: only managers may be given it; a grant names one team that some account
belongs to; every grant and removal is audited. The rows are read on every request (a subquery in
`store.readers.visible`), so a removal takes effect on the next one.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, delete, insert, select

from store import audit
from store.errors import Invalid
from store.models import manager_teams, users
from store.users import TEAM, User, find_user


def overseen_query(user_id: int):
    """The teams `user_id` has been given, as a subquery (for `store.readers.visible` and the dashboard)."""
    return select(manager_teams.c.team).where(manager_teams.c.user_id == user_id)


def _overseen(conn, user_id: int) -> list[str]:
    return sorted(conn.execute(overseen_query(user_id)).scalars())


def teams_of(engine: Engine, user: User) -> list[str]:
    """The teams whose entries `user` reads as a team's: a manager's own and those they oversee,
    sorted; anyone else's own team only (they read their own entries, not their team's)."""
    if user.role != "manager":
        return [user.team]
    with engine.connect() as conn:
        return sorted({user.team, *_overseen(conn, user.id)})


def overseen_by(engine: Engine) -> dict[int, list[str]]:
    """Every account's overseen teams, by user id (for `pathway users list`)."""
    out: dict[int, list[str]] = {}
    with engine.connect() as conn:
        for uid, team in conn.execute(select(manager_teams.c.user_id, manager_teams.c.team).order_by(manager_teams.c.team)):
            out.setdefault(uid, []).append(team)
    return out


def grant(engine: Engine, username: str, team: str, *, actor_id: int | None = None, now: datetime | None = None) -> list[str]:
    """Give manager `username` oversight of `team`; the teams they now oversee (audited)."""
    user = find_user(engine, username)
    if user.role != "manager":
        raise Invalid("role", f"{user.username} is a {user.role}: only a manager may be given oversight of other teams")
    if not isinstance(team, str) or not TEAM.match(team):
        raise Invalid("team", "1-64 characters: letters, digits, spaces, '.', '_' or '-'")
    if team == user.team:
        raise Invalid("team", f"{team} is their own team: a manager reads it already")
    with engine.begin() as conn:
        if conn.execute(select(users.c.id).where(users.c.team == team).limit(1)).first() is None:
            raise Invalid("team", f"no account is in team {team} (teams are compared exactly, capitals too)")
        if team in _overseen(conn, user.id):
            raise Invalid("team", f"{user.username} already oversees {team}")
        conn.execute(insert(manager_teams).values(user_id=user.id, team=team))
        audit.record(conn, "user.oversee", user_id=actor_id, record_id=user.id, detail=f"team={team}", now=now)
        return _overseen(conn, user.id)


def remove(engine: Engine, username: str, team: str, *, actor_id: int | None = None, now: datetime | None = None) -> list[str]:
    """End `username`'s oversight of `team`; the teams they still oversee (audited)."""
    user = find_user(engine, username)
    with engine.begin() as conn:
        gone = conn.execute(delete(manager_teams).where(manager_teams.c.user_id == user.id, manager_teams.c.team == team)).rowcount
        if not gone:
            raise Invalid("team", f"{user.username} does not oversee {team}")
        audit.record(conn, "user.oversee_remove", user_id=actor_id, record_id=user.id, detail=f"team={team}", now=now)
        return _overseen(conn, user.id)
