"""The audit trail: who did what, when, to which record. Never answers, reasons or passwords.

Rows are written on the caller's connection, so an action and its audit row commit together
(or not at all). The table is append-only (triggers in the migration).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, insert, select

from store.clock import aware
from store.models import audit_log


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    user_id: int | None
    action: str
    outcome: str
    record_id: int | None
    case_ref: str | None
    detail: str | None


def record(
    conn: Connection,
    action: str,
    *,
    user_id: int | None,
    outcome: str = "ok",
    record_id: int | None = None,
    case_ref: str | None = None,
    detail: str | None = None,
    now: datetime | None = None,
) -> None:
    """Append one row. `detail` is for counts and reasons codes, never free text from a user."""
    conn.execute(
        insert(audit_log).values(
            at=aware(now), user_id=user_id, action=action, outcome=outcome, record_id=record_id, case_ref=case_ref, detail=(detail or None) and detail[:255]
        )
    )


def entries(engine: Engine, *, action: str | None = None, user_id: int | None = None) -> list[AuditEntry]:
    """The audit rows, oldest first (for the admin and the tests)."""
    q = select(audit_log).order_by(audit_log.c.id)
    if action:
        q = q.where(audit_log.c.action == action)
    if user_id is not None:
        q = q.where(audit_log.c.user_id == user_id)
    with engine.connect() as conn:
        return [AuditEntry(**{**r._mapping, "at": aware(r.at)}) for r in conn.execute(q)]
