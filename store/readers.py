"""Who may read a saved entry, and what everyone else gets: the one rule `store.assessments` (entries,
histories, case lists, overrides, reviews), `store.marks` (marking an entry saved in error) and
`store.dashboard` (a manager's counts) each apply; and who may read a case's audit (`store.audit_trail`).

Everyone but admin reads their own entries; a manager also reads their team's (the saver's team
when saved) and those of any team an admin has given them oversight of (store.oversight, read
from the database each time, so a grant or removal counts from the next request). Anything else
is NotFound, exactly as if it did not exist, and the attempt is audited.

What a manager is shown of one case reference's audit (review 22 surfaces, S2; `audit_sight`; two teams may have
chosen the same reference, and neither may learn of the other's case): the rows naming an entry they may read (its
id in `record_id`: opening, saving, a level recorded or reviewed, a mark), and the rows about the reference as a
whole (a history read, an export, a refused read, the audit page's own reads), which name no entry, only when the
account that made them is in the manager's sight: the manager, the saver of an entry they may read, an account of
the manager's teams or of an entry's team, or a manager given oversight of an entry's team. Other roles read no
case's audit (`require_audit_reader`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, and_, or_, select

from store import audit
from store.errors import AccessDenied, NotFound
from store.models import assessments, audit_log, manager_teams, users
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


def require_audit_reader(user: User) -> None:
    """Only managers read who opened a case (AccessDenied); what they are shown is `audit_sight`'s."""
    if user.role != "manager":
        raise AccessDenied("only managers read who opened a case")


def audit_sight(conn, manager: User, ref: str):
    """The audit rows of case reference `ref` the manager is shown (the module's rule), as a clause on `audit_log`, or
    None when they may read no entry under it."""
    seen = conn.execute(select(assessments.c.id, assessments.c.team, assessments.c.user_id).where(assessments.c.case_ref == ref, visible(manager))).all()
    if not seen:
        return None
    ids, teams, savers = [r.id for r in seen], sorted({r.team for r in seen}), sorted({r.user_id for r in seen})
    in_sight = select(users.c.id).where(
        or_(
            users.c.id == manager.id,
            users.c.id.in_(savers),
            users.c.team == manager.team,
            users.c.team.in_(overseen_query(manager.id)),
            users.c.team.in_(teams),
            users.c.id.in_(select(manager_teams.c.user_id).where(manager_teams.c.team.in_(teams))),
        )
    )
    return and_(
        audit_log.c.case_ref == ref,
        or_(audit_log.c.record_id.in_(ids), and_(audit_log.c.record_id.is_(None), audit_log.c.user_id.in_(in_sight))),
    )
