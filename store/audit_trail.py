"""Reading the audit trail (review 22 surfaces, S2: reads and exports were audited, and nothing read them).

Two readers, each itself audited as `audit.read` (with the count, never a row's content):
- `case_reads`: for a manager, who read, exported or changed the entries of one case reference they may
  read (store.readers): the managers' page `/cases/<case_ref>/audit`, newest first, in pages. What a manager is
  shown of one reference is store.readers' rule (`require_audit_reader`, `audit_sight`).
- `audit_rows`: every row, filtered by case reference, account and time, for `pathway audit`, run by whoever
  holds the database (as `pathway users` and `pathway retention`): whoever holds the database sees every row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, and_, func, select, true

from store import audit
from store.case_ref import lookup_case_ref
from store.clock import aware
from store.models import audit_log, users
from store.readers import audit_sight, not_found, require_audit_reader
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


def case_reads(
    engine: Engine, manager: User, case_ref: str, *, size: int | None = None, page: int = 1, now: datetime | None = None
) -> tuple[str, list[AuditRow], int]:
    """(the reference as saved, one page of its audit rows newest first, how many rows in all) for a manager who may
    read an entry under it: page `page` (from 1; past the last, the last) of `size` rows (None: every row).
    Managers only (AccessDenied); NotFound, audited, as `history` for a reference they may not read, exactly as
    for one never used. The read is audited (`audit.read`, the reference, the count)."""
    require_audit_reader(manager)
    ref = lookup_case_ref(case_ref)
    with engine.connect() as conn:
        where = audit_sight(conn, manager, ref)
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
