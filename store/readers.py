"""Who may read a saved entry, and what everyone else gets: the one rule `store.assessments` (entries,
histories, case lists, overrides, reviews), `store.marks` (marking an entry saved in error) and
`store.dashboard` (a manager's counts) each apply.

Everyone but admin reads their own entries; a manager also reads their team's (the saver's team
when saved) and those of any team an admin has given them oversight of (store.oversight, read
from the database each time, so a grant or removal counts from the next request). Anything else
is NotFound, exactly as if it did not exist, and the attempt is audited.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, or_

from store import audit
from store.errors import AccessDenied, NotFound
from store.models import assessments
from store.oversight import overseen_query
from store.users import User


def require_reader(user: User) -> None:
    """Admin accounts read no assessments (AccessDenied); every other role reads what `visible` gives it."""
    if user.role == "admin":
        raise AccessDenied("admin accounts manage users, not assessments")


def teams_clause(manager: User):
    """A manager's teams: their own and those they oversee (read from the database each time,
    so a grant or removal counts from the next request)."""
    return or_(assessments.c.team == manager.team, assessments.c.team.in_(overseen_query(manager.id)))


def visible(user: User):
    """The rows `user` may read: their own, and a manager's teams' (own and overseen)."""
    if user.role == "manager":
        return or_(assessments.c.user_id == user.id, teams_clause(user))
    return assessments.c.user_id == user.id


def not_found(engine: Engine, user: User, action: str, *, record_id: int | None = None, case_ref: str | None = None, now: datetime | None = None) -> NotFound:
    """The NotFound to raise for an entry `user` may not read or that does not exist (the two alike),
    the attempt audited as `action` with outcome "not_found"."""
    with engine.begin() as conn:
        audit.record(conn, action, user_id=user.id, outcome="not_found", record_id=record_id, case_ref=case_ref, now=now)
    return NotFound("no such saved assessment")
