"""Entries saved in error (review 19 surfaces, noted): answers saved under a mistyped case reference,
which may be another child's, are marked so, with a written reason. Nothing is deleted or rewritten:
the mark is a new row (table entry_marks, append-only like overrides), with who and when, and the
audit trail records `entry.marked_in_error` with ids only.

Who may mark: whoever may read the entry (store.readers.visible): its author, and a manager of
the saver's team (own or overseen). Anyone else is NotFound, exactly as if it did not exist, audited.

A mark can be withdrawn, never silently: a mark put on the wrong entry would take a real assessment
out of every figure and label it in error, which is as unsafe as the slip it corrects. Withdrawing is
a further row ("withdrawn") with its own reason, by the same people; both rows stay and are shown.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, Engine, and_

from pathway import written_text
from store import audit, form_tokens
from store.assessments import MAX_REASON, Entry, Mark, entries_where
from store.clock import aware
from store.errors import AccessDenied, Invalid
from store.models import assessments, entry_marks
from store.readers import not_found, require_reader, visible
from store.users import User

ACTIONS = {"in_error": "entry.marked_in_error", "withdrawn": "entry.mark_withdrawn"}


def _readable(engine: Engine, user: User, assessment_id: int, action: str, now) -> Entry:
    require_reader(user)
    if user.disabled:
        raise AccessDenied("account disabled")
    with engine.connect() as conn:
        found = entries_where(conn, and_(assessments.c.id == assessment_id, visible(user)))
    if not found:
        raise not_found(engine, user, action, record_id=assessment_id, now=now)
    return found[0]


def _check_reason(reason: object) -> str:
    if not isinstance(reason, str) or not written_text.visible(reason):  # spaces or zero-width alone are no reason
        raise Invalid("reason", "a written reason is required")
    if len(reason) > MAX_REASON:
        raise Invalid("reason", f"at most {MAX_REASON} characters")
    if written_text.fault(reason, "reason"):  # the one rule for free text (a NUL cannot be stored in PostgreSQL)
        raise Invalid("reason", "must be written text: no control characters or direction overrides")
    return reason.strip()


def mark_in_error(engine: Engine, user: User, assessment_id: int, reason: str, *, now: datetime | None = None) -> Mark:
    """Mark an entry saved in error, with a written reason (a new row; the entry is untouched)."""
    return add_mark_once(engine, user, assessment_id, "in_error", reason, token=None, now=now)[0]


def withdraw_mark(engine: Engine, user: User, assessment_id: int, reason: str, *, now: datetime | None = None) -> Mark:
    """Take back an entry's "saved in error" mark, with a written reason (a further row; the mark stays)."""
    return add_mark_once(engine, user, assessment_id, "withdrawn", reason, token=None, now=now)[0]


def add_mark_once(
    engine: Engine, user: User, assessment_id: int, kind: str, reason: str, *, token: str | None, now: datetime | None = None
) -> tuple[Mark, bool]:
    """A mark of `kind` ("in_error" or "withdrawn") for a form carrying a one-time token (store.form_tokens):
    (the mark, False) when added now; (the one the first post added, True) when the same form was posted
    before, looked for before the check that the entry is not already so (which the first post made it)."""
    if kind not in ACTIONS:
        raise Invalid("kind", f"must be one of {', '.join(ACTIONS)}")
    action = ACTIONS[kind]
    entry = _readable(engine, user, assessment_id, action, now)
    token = form_tokens.posted(token)
    same: dict = {"assessment_id": entry.id, "user_id": user.id, "kind": kind, "reason": reason.strip() if isinstance(reason, str) else reason}
    first = form_tokens.saved_with(engine, entry_marks, token, **same)
    if first is not None:
        return _repeated(engine, user, entry, action, first, now)
    text = _check_reason(reason)
    if kind == "in_error" and entry.in_error is not None:
        raise Invalid("entry", "is already marked saved in error")
    if kind == "withdrawn" and entry.in_error is None:
        raise Invalid("entry", "is not marked saved in error")
    now = aware(now)

    def write(conn: Connection) -> Mark:
        values = dict(assessment_id=entry.id, user_id=user.id, created_at=now, kind=kind, reason=text)
        mid = form_tokens.insert_with(conn, entry_marks, values, token)
        audit.record(conn, action, user_id=user.id, record_id=entry.id, case_ref=entry.case_ref, detail=f"mark={mid}", now=now)
        return Mark(id=mid, assessment_id=entry.id, user_id=user.id, username=user.username, created_at=now, kind=kind, reason=text)

    return form_tokens.insert_once(
        engine,
        token,
        write,
        table=entry_marks,
        same=same,
        done=lambda new: (new, False),
        repeated=lambda mid: _repeated(engine, user, entry, action, mid, now),
        again=lambda: add_mark_once(engine, user, assessment_id, kind, reason, token=None, now=now),  # another reason
    )


def _repeated(engine: Engine, user: User, entry: Entry, action: str, mark_id, now) -> tuple[Mark, bool]:
    with engine.begin() as conn:
        audit.record(conn, action, user_id=user.id, outcome="repeat", record_id=entry.id, case_ref=entry.case_ref, detail=f"mark={mark_id}", now=now)
    with engine.connect() as conn:
        found = entries_where(conn, assessments.c.id == entry.id)
    return next(m for m in found[0].marks if m.id == mark_id), True
