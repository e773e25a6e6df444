"""Reading the audit trail (review 22 surfaces, S2: reads and exports were audited, and nothing read them).

Two readers, each itself audited as `audit.read` (with the count, never a row's content):
- `case_reads`: for a manager, who read, exported or changed the entries of one case reference they may
  read (store.readers): the managers' page `/cases/<case_ref>/audit`, newest first, in pages.
- `audit_rows`: every row, filtered by case reference, account and time, for `pathway audit`, run by whoever
  holds the database (as `pathway users` and `pathway retention`).

What a manager is shown of one reference (two teams may have chosen the same reference; neither may learn of the
other's case, store.readers): the rows naming an entry they may read (its id in `record_id`: opening, saving, a
level recorded or reviewed, a mark), and the rows about the reference as a whole (a history read, an export, a
refused read, this page's own reads), which name no entry, only when the account that made them is in the
manager's sight: the manager, the saver of an entry they may read, an account of the manager's teams or of an
entry's team, or a manager given oversight of an entry's team. Whoever holds the database sees every row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, and_, func, or_, select, true

from store import audit
from store.case_ref import lookup_case_ref
from store.clock import aware
from store.errors import AccessDenied
from store.models import assessments, audit_log, manager_teams, users
from store.oversight import overseen_query
from store.readers import not_found, visible
from store.users import User, find_user

ACTION = "audit.read"


@dataclass(frozen=True)
class AuditRow:
    """One audit row as the readers show it: the account's username (None: the command line, no account)."""

    id: int
    at: datetime
    username: str | None
    action: str
    outcome: str
    record_id: int | None
    case_ref: str | None
    detail: str | None

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "at": self.at.isoformat(),
            "user": self.username,
            "action": self.action,
            "outcome": self.outcome,
            "record_id": self.record_id,
            "case_ref": self.case_ref,
            "detail": self.detail,
        }


def _rows(conn, where, *, newest_first: bool, limit: int | None = None, offset: int = 0) -> list[AuditRow]:
    order = (audit_log.c.at.desc(), audit_log.c.id.desc()) if newest_first else (audit_log.c.at, audit_log.c.id)
    q = select(audit_log, users.c.username).outerjoin(users, users.c.id == audit_log.c.user_id).where(where).order_by(*order).limit(limit).offset(offset)
    return [
        AuditRow(
            id=r.id,
            at=aware(r.at),
            username=r.username,
            action=r.action,
            outcome=r.outcome,
            record_id=r.record_id,
            case_ref=r.case_ref,
            detail=r.detail,
        )
        for r in conn.execute(q)
    ]


def _case_clause(conn, manager: User, ref: str):
    """The rows of `ref` the manager is shown (the module's rule), or None when they may read no entry under it."""
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


def case_reads(
    engine: Engine, manager: User, case_ref: str, *, size: int | None = None, page: int = 1, now: datetime | None = None
) -> tuple[str, list[AuditRow], int]:
    """(the reference as saved, one page of its audit rows newest first, how many rows in all) for a manager who may
    read an entry under it: page `page` (from 1; past the last, the last) of `size` rows (None: every row).
    Managers only (AccessDenied); NotFound, audited, as `history` for a reference they may not read, exactly as
    for one never used. The read is audited (`audit.read`, the reference, the count)."""
    if manager.role != "manager":
        raise AccessDenied("only managers read who opened a case")
    ref = lookup_case_ref(case_ref)
    with engine.connect() as conn:
        where = _case_clause(conn, manager, ref)
        if where is not None:
            total = conn.execute(select(func.count()).select_from(audit_log).where(where)).scalar_one()
            last = max(1, -(-total // size)) if size else 1
            offset = (min(max(page, 1), last) - 1) * size if size else 0
            found = _rows(conn, where, newest_first=True, limit=size, offset=offset)
    if where is None:
        raise not_found(engine, manager, ACTION, case_ref=ref, now=now)
    with engine.begin() as conn:
        audit.record(conn, ACTION, user_id=manager.id, case_ref=ref, detail=f"count={total}", now=now)
    return ref, found, total


def audit_rows(
    engine: Engine,
    *,
    case_ref: str | None = None,
    username: str | None = None,
    since: datetime | None = None,
    limit: int | None = None,
    now: datetime | None = None,
) -> list[AuditRow]:
    """Every audit row, oldest first, narrowed by case reference (any letter case), by the account that acted and
    by time (`since`, inclusive); `limit`: only the latest that many. For the command line, run by whoever holds the
    database: audited as `audit.read` with no account, the reference if given, the count and the account's id.
    NotFound for an unknown username, Invalid for a value no reference could have."""
    clauses = []
    ref = lookup_case_ref(case_ref) if case_ref is not None else None
    if ref is not None:
        clauses.append(audit_log.c.case_ref == ref)
    who = find_user(engine, username) if username is not None else None
    if who is not None:
        clauses.append(audit_log.c.user_id == who.id)
    if since is not None:
        clauses.append(audit_log.c.at >= aware(since))
    with engine.connect() as conn:
        found = _rows(conn, and_(true(), *clauses), newest_first=True, limit=limit)[::-1]
    detail = f"count={len(found)} cli" + (f" user={who.id}" if who else "")
    with engine.begin() as conn:
        audit.record(conn, ACTION, user_id=None, case_ref=ref, detail=detail, now=now)
    return found
