"""Saved assessments: append-only entries under a case reference, their history, and
professional-judgement overrides.

Who sees what: everyone but admin saves and reads their own entries; a manager also reads
their team's (the saver's team when saved) and those of any team an admin has given them
oversight of (store.oversight). Anything else is NotFound, exactly as if it did
not exist, and the attempt is audited (that rule is store.readers', which store.marks and
store.dashboard apply too). There is no update or delete here: an entry, once
saved, is never rewritten (the database triggers refuse it too); only retention deletes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, Engine, Row, and_, func, select

from pathway import written_text
from pathway.levels import Level
from pathway.models import Case, Decision
from store import audit, form_tokens
from store.case_ref import lookup_case_ref, validate_case_ref
from store.clock import aware
from store.errors import AccessDenied, Invalid
from store.models import assessments, entry_marks, override_reviews, overrides, users
from store.readers import not_found, require_reader, visible
from store.users import User

MAX_REASON = 4000


@dataclass(frozen=True)
class Review:
    """A manager's review of an override: who, when, and a note (may be empty)."""

    id: int
    override_id: int
    user_id: int
    username: str
    created_at: datetime
    note: str


# an override's direction against the tool's level: lower, higher, or back to the tool's own (a later override)
DIRECTIONS = ("down", "up", "same")


@dataclass(frozen=True)
class Override:
    id: int
    assessment_id: int
    user_id: int
    username: str
    created_at: datetime
    tool_level: str
    level: str
    reason: str
    reviews: tuple[Review, ...] = field(default=())

    @property
    def direction(self) -> str:
        """ "down" when the professional recorded a lower level than the tool's (the one to look
        at first: safety), "up" when higher, "same" when a later override went back to the tool's own
        level (tool Additional, Protection recorded, then Additional again: neither higher nor lower)."""
        mine, tool = Level(self.level).rank, Level(self.tool_level).rank
        return "down" if mine < tool else "up" if mine > tool else "same"

    @property
    def reviewed(self) -> bool:
        return bool(self.reviews)


MARK_KINDS = ("in_error", "withdrawn")


@dataclass(frozen=True)
class Mark:
    """An entry marked "saved in error" (kind "in_error"), or that mark taken back ("withdrawn"):
    who, when and why. Rows are only ever added (store.marks); the latest one says where the entry stands."""

    id: int
    assessment_id: int
    user_id: int
    username: str
    created_at: datetime
    kind: str
    reason: str


@dataclass(frozen=True)
class Entry:
    """One saved assessment. `case` and `decision` are the contract's JSON shapes."""

    id: int
    case_ref: str
    user_id: int
    username: str
    team: str
    created_at: datetime
    ruleset: str
    level: str  # the tool's level
    case: dict
    decision: dict
    overrides: tuple[Override, ...] = field(default=())
    marks: tuple[Mark, ...] = field(default=())  # oldest first (store.marks)

    @property
    def in_error(self) -> Mark | None:
        """The mark that says this entry was saved in error, or None: the latest mark, unless it was
        withdrawn. An entry in error is shown as such everywhere and counted in no figure of levels."""
        return self.marks[-1] if self.marks and self.marks[-1].kind == "in_error" else None

    @property
    def recorded_level(self) -> str:
        """The level the professional recorded: the latest override, else the tool's."""
        return self.overrides[-1].level if self.overrides else self.level

    @property
    def immediate(self) -> bool:
        """Whether the tool's decision was an immediate referral (p9): the stored decision's own fact."""
        return bool(self.decision.get("immediate"))

    @property
    def immediate_overridden(self) -> bool:
        """A professional recorded a level against an immediate referral (p9): what a manager looks
        at first, set apart wherever overrides are reported (the dashboard, the overrides list, exports)."""
        return self.immediate and bool(self.overrides)


@dataclass(frozen=True)
class Change:
    """What changed from one entry to the next of the same case reference."""

    from_id: int
    to_id: int
    step: str  # "up", "down" or "same", on the recorded levels
    tool_step: str  # the same on the tool's levels
    indicators_added: tuple[str, ...]
    indicators_removed: tuple[str, ...]
    context_changes: dict  # field -> [before, after], for context and child fields
    ruleset_changed: bool


@dataclass(frozen=True)
class CaseSummary:
    case_ref: str
    entries: int
    last_saved: datetime
    level: str  # latest tool level
    recorded_level: str  # latest recorded level (after any override)
    immediate: bool = False  # the latest tool decision was an immediate referral (p9)
    # entries marked saved in error: the levels above are the latest entry's not so marked; when every
    # entry is, there is no level to show (`level` and `recorded_level` are then "")
    in_error: int = 0


def save_assessment(engine: Engine, user: User, case_ref: str, case: Case | dict | str, decision: Decision | dict, *, now: datetime | None = None) -> Entry:
    """Save the answers and the decision shown to the user, with the ruleset and the time.

    Pass the Decision that `rules.evaluate(case)` gave (the one the user saw). Re-saving a case
    reference adds a new entry to its history; nothing is overwritten.
    """
    return save_assessment_once(engine, user, case_ref, case, decision, token=None, now=now)[0]


def save_assessment_once(
    engine: Engine, user: User, case_ref: str, case: Case | dict | str, decision: Decision | dict, *, token: str | None, now: datetime | None = None
) -> tuple[Entry, bool]:
    """`save_assessment` for a form carrying a one-time token (store.form_tokens): (the entry, False)
    when saved now; (the entry its first post saved, True) when the same form, with the same reference
    and answers, was posted before, even at the same moment (the unique index decides). A token
    with another reference or other answers is another save, kept without the token."""
    require_reader(user)
    if user.disabled:
        raise AccessDenied("account disabled")
    ref = validate_case_ref(case_ref)
    case = case if isinstance(case, Case) else Case.parse(case)
    try:
        decision = decision if isinstance(decision, Decision) else Decision.model_validate(decision)
    except ValueError as exc:
        raise Invalid("decision", f"not a decision from the rules: {exc.__class__.__name__}") from None
    now = aware(now)
    token = form_tokens.posted(token)
    case_json = case.model_dump_json()
    values = dict(
        case_ref=ref,
        user_id=user.id,
        team=user.team,
        created_at=now,
        ruleset=decision.ruleset,
        level=decision.level.value,
        case_json=case_json,
        decision_json=decision.model_dump_json(),
    )

    def write(conn: Connection) -> int:
        aid = form_tokens.insert_with(conn, assessments, values, token)
        audit.record(conn, "assessment.save", user_id=user.id, record_id=aid, case_ref=ref, now=now)
        return aid

    def repeated(aid: int) -> tuple[Entry, bool]:
        with engine.begin() as conn:
            audit.record(conn, "assessment.save", user_id=user.id, outcome="repeat", record_id=aid, case_ref=ref, now=now)
        return get_assessment(engine, user, aid, _audit=False), True

    return form_tokens.insert_once(
        engine,
        token,
        write,
        table=assessments,
        same=dict(user_id=user.id, case_ref=ref, case_json=case_json),
        done=lambda aid: (get_assessment(engine, user, aid, _audit=False), False),
        repeated=repeated,
        again=lambda: save_assessment_once(engine, user, ref, case, decision, token=None, now=now),  # another reference or other answers
    )


def _rows_by(conn, key, keys, *order) -> dict[int, list[Row]]:
    """The rows of `key`'s table (overrides, entry_marks, override_reviews) whose `key` column is one of
    `keys`, each with its author's username (`users` by the row's `user_id`), grouped by `key`, each
    group in `order`. No keys, no query."""
    out: dict[int, list[Row]] = {}
    if not keys:
        return out
    table = key.table
    q = select(table, users.c.username).join(users, users.c.id == table.c.user_id).where(key.in_(keys)).order_by(*order)
    for r in conn.execute(q):
        out.setdefault(r._mapping[key], []).append(r)
    return out


def _reviews_for(conn, override_ids) -> dict[int, list[Review]]:
    rows = _rows_by(conn, override_reviews.c.override_id, override_ids, override_reviews.c.id)
    return {
        oid: [Review(id=r.id, override_id=r.override_id, user_id=r.user_id, username=r.username, created_at=aware(r.created_at), note=r.note) for r in rs]
        for oid, rs in rows.items()
    }


def _overrides_for(conn, ids) -> dict[int, list[Override]]:
    rows = _rows_by(conn, overrides.c.assessment_id, ids, overrides.c.id)
    reviews = _reviews_for(conn, [r.id for rs in rows.values() for r in rs])
    return {
        aid: [
            Override(
                id=r.id,
                assessment_id=r.assessment_id,
                user_id=r.user_id,
                username=r.username,
                created_at=aware(r.created_at),
                tool_level=r.tool_level,
                level=r.level,
                reason=r.reason,
                reviews=tuple(reviews.get(r.id, ())),
            )
            for r in rs
        ]
        for aid, rs in rows.items()
    }


def _marks_for(conn, ids) -> dict[int, list[Mark]]:
    rows = _rows_by(conn, entry_marks.c.assessment_id, ids, entry_marks.c.created_at, entry_marks.c.id)
    return {
        aid: [
            Mark(id=r.id, assessment_id=r.assessment_id, user_id=r.user_id, username=r.username, created_at=aware(r.created_at), kind=r.kind, reason=r.reason)
            for r in rs
        ]
        for aid, rs in rows.items()
    }


def entries_where(conn, where) -> list[Entry]:
    """The entries matching `where` (a clause on `assessments`), oldest first (by the moment saved, then
    by saving order), each with its overrides and their reviews, and its marks. No access check and
    no audit: callers narrow `where` to what the user may read (store.readers) and audit the read."""
    rows = conn.execute(
        select(assessments, users.c.username).join(users, users.c.id == assessments.c.user_id).where(where).order_by(assessments.c.created_at, assessments.c.id)
    ).all()
    ovr = _overrides_for(conn, [r.id for r in rows])
    marks = _marks_for(conn, [r.id for r in rows])
    return [
        Entry(
            id=r.id,
            case_ref=r.case_ref,
            user_id=r.user_id,
            username=r.username,
            team=r.team,
            created_at=aware(r.created_at),
            ruleset=r.ruleset,
            level=r.level,
            case=json.loads(r.case_json),
            decision=json.loads(r.decision_json),
            overrides=tuple(ovr.get(r.id, ())),
            marks=tuple(marks.get(r.id, ())),
        )
        for r in rows
    ]


def get_assessment(engine: Engine, user: User, assessment_id: int, *, now: datetime | None = None, _audit: bool = True) -> Entry:
    """One entry by id, or NotFound (also for someone else's: audited either way)."""
    require_reader(user)
    with engine.connect() as conn:
        found = entries_where(conn, and_(assessments.c.id == assessment_id, visible(user)))
    if not found:
        raise not_found(engine, user, "assessment.read", record_id=assessment_id, now=now)
    if _audit:
        with engine.begin() as conn:
            audit.record(conn, "assessment.read", user_id=user.id, record_id=assessment_id, case_ref=found[0].case_ref, now=now)
    return found[0]


def history(engine: Engine, user: User, case_ref: str, *, now: datetime | None = None) -> list[Entry]:
    """The entries `user` may see under `case_ref`, oldest first; NotFound if none (audited). The
    reference is looked up by its shape only (`lookup_case_ref`): one saved before a rule for new
    input was added still opens."""
    require_reader(user)
    ref = lookup_case_ref(case_ref)
    with engine.connect() as conn:
        found = entries_where(conn, and_(assessments.c.case_ref == ref, visible(user)))
    if not found:
        raise not_found(engine, user, "history.read", case_ref=ref, now=now)
    with engine.begin() as conn:
        audit.record(conn, "history.read", user_id=user.id, case_ref=ref, detail=f"entries={len(found)}", now=now)
    return found


def _step(before: str, after: str) -> str:
    a, b = Level(before).rank, Level(after).rank
    return "up" if b > a else "down" if b < a else "same"


def _flat(case: dict) -> dict:
    out = {f"child.{k}": v for k, v in (case.get("child") or {}).items()}
    out.update({f"context.{k}": v for k, v in (case.get("context") or {}).items()})
    return out


def compare(before: Entry, after: Entry) -> Change:
    """The step and the answer changes between two entries (no database access)."""
    old, new = set(before.case.get("indicators", [])), set(after.case.get("indicators", []))
    fb, fa = _flat(before.case), _flat(after.case)
    ctx = {k: [fb.get(k), fa.get(k)] for k in sorted(set(fb) | set(fa)) if fb.get(k) != fa.get(k)}
    return Change(
        from_id=before.id,
        to_id=after.id,
        step=_step(before.recorded_level, after.recorded_level),
        tool_step=_step(before.level, after.level),
        indicators_added=tuple(sorted(new - old)),
        indicators_removed=tuple(sorted(old - new)),
        context_changes=ctx,
        ruleset_changed=before.ruleset != after.ruleset,
    )


def changes(entries: list[Entry]) -> list[Change]:
    """A Change for each consecutive pair of `history(...)`'s entries."""
    return [compare(a, b) for a, b in zip(entries, entries[1:])]


def list_case_refs(engine: Engine, user: User, *, limit: int | None = None, offset: int = 0) -> list[CaseSummary]:
    """The case references `user` may see, most recently saved first (no audit: no answers shown);
    `limit` and `offset`: one page of them (review 15 surfaces, Z3), read without the others."""
    require_reader(user)
    query = (
        select(assessments.c.case_ref)
        .where(visible(user))
        .group_by(assessments.c.case_ref)
        .order_by(func.max(assessments.c.created_at).desc(), assessments.c.case_ref)  # a stable order to page by
        .limit(limit)
        .offset(offset)
    )
    with engine.connect() as conn:
        refs = [r[0] for r in conn.execute(query)]
        out = []
        for ref in refs:
            found = entries_where(conn, and_(assessments.c.case_ref == ref, visible(user)))
            kept = [e for e in found if e.in_error is None]  # an entry saved in error gives the case no level
            last = kept[-1] if kept else None
            out.append(
                CaseSummary(
                    case_ref=ref,
                    entries=len(found),
                    last_saved=found[-1].created_at,
                    level=last.level if last else "",
                    recorded_level=last.recorded_level if last else "",
                    immediate=last.immediate if last else False,
                    in_error=len(found) - len(kept),
                )
            )
    return out


def count_case_refs(engine: Engine, user: User) -> int:
    """How many case references `list_case_refs` lists for `user`, every page."""
    require_reader(user)
    with engine.connect() as conn:
        return conn.execute(select(func.count(func.distinct(assessments.c.case_ref))).where(visible(user))).scalar_one()


def record_override(engine: Engine, user: User, assessment_id: int, level: str, reason: str, *, now: datetime | None = None) -> Override:
    """Record the professional's level where it differs from the tool's, with a written reason.

    Both are kept: the entry is untouched and the override is a new row. Anyone who can read
    the entry may record one. The reason is stored but never copied to the audit log.
    """
    return record_override_once(engine, user, assessment_id, level, reason, token=None, now=now)[0]


def _override_of(engine: Engine, user: User, assessment_id: int, override_id: int) -> Override:
    return next(o for o in get_assessment(engine, user, assessment_id, _audit=False).overrides if o.id == override_id)


def record_override_once(
    engine: Engine, user: User, assessment_id: int, level: str, reason: str, *, token: str | None, now: datetime | None = None
) -> tuple[Override, bool]:
    """`record_override` for a form carrying a one-time token (store.form_tokens): (the override,
    False) when recorded now; (the one its first post recorded, True) when the same form was posted
    before, looked for before the check that the level is not already the recorded one (which the
    first post made it) and decided by the unique index when both come at the same moment."""
    entry = get_assessment(engine, user, assessment_id, now=now, _audit=False)
    token = form_tokens.posted(token)
    same = _same_override(entry, user, level, reason)
    first = form_tokens.saved_with(engine, overrides, token, **same)
    if first is not None:
        return _override_repeated(engine, user, entry, first, now)
    try:
        chosen = Level(level)
    except ValueError:
        raise Invalid("level", f"must be one of {', '.join(lv.value for lv in Level)}") from None
    if not isinstance(reason, str) or not written_text.visible(reason):  # spaces or zero-width alone are no reason
        raise Invalid("reason", "a written reason is required to record a different level")
    if len(reason) > MAX_REASON:
        raise Invalid("reason", f"at most {MAX_REASON} characters")
    if written_text.fault(reason, "reason"):  # the one rule for free text (a NUL cannot be stored in PostgreSQL)
        raise Invalid("reason", "must be written text: no control characters or direction overrides")
    if chosen.value == entry.recorded_level:
        raise Invalid("level", "is already the recorded level; choose a different level")
    now = aware(now)
    detail = f"{entry.level}->{chosen.value}"

    def write(conn: Connection) -> Override:
        values = dict(assessment_id=entry.id, user_id=user.id, created_at=now, tool_level=entry.level, level=chosen.value, reason=reason.strip())
        oid = form_tokens.insert_with(conn, overrides, values, token)
        audit.record(conn, "override.create", user_id=user.id, record_id=entry.id, case_ref=entry.case_ref, detail=f"override={oid} {detail}", now=now)
        return Override(
            id=oid,
            assessment_id=entry.id,
            user_id=user.id,
            username=user.username,
            created_at=now,
            tool_level=entry.level,
            level=chosen.value,
            reason=reason.strip(),
        )

    def repeated(oid: int) -> tuple[Override, bool]:
        return _override_repeated(engine, user, entry, oid, now)

    return form_tokens.insert_once(
        engine,
        token,
        write,
        table=overrides,
        same=same,
        done=lambda new: (new, False),
        repeated=repeated,
        again=lambda: record_override_once(engine, user, assessment_id, level, reason, token=None, now=now),  # another level or reason
    )


def _same_override(entry: Entry, user: User, level: str, reason: str) -> dict:
    return {"assessment_id": entry.id, "user_id": user.id, "level": level, "reason": reason.strip() if isinstance(reason, str) else reason}


def override_posted_before(engine: Engine, user: User, entry: Entry, level: str, reason: str, token: str | None) -> Override | None:
    """The override an earlier post of the same form (the same token, level and reason) recorded on
    `entry`, or None: the page asks before its own checks, which the first post's level would refuse."""
    first = form_tokens.saved_with(engine, overrides, form_tokens.posted(token), **_same_override(entry, user, level, reason))
    return None if first is None else _override_of(engine, user, entry.id, first)


def _override_repeated(engine: Engine, user: User, entry: Entry, override_id: int, now: datetime | None) -> tuple[Override, bool]:
    with engine.begin() as conn:
        audit.record(
            conn, "override.create", user_id=user.id, outcome="repeat", record_id=entry.id, case_ref=entry.case_ref, detail=f"override={override_id}", now=now
        )
    return _override_of(engine, user, entry.id, override_id), True


def list_overrides(engine: Engine, manager: User, *, now: datetime | None = None) -> list[tuple[Entry, Override]]:
    """Every override on the manager's teams' entries (own and overseen), newest first. Managers only."""
    if manager.role != "manager":
        raise AccessDenied("only managers list overrides")
    with engine.connect() as conn:
        ids = [
            r[0]
            for r in conn.execute(
                select(overrides.c.assessment_id).join(assessments, assessments.c.id == overrides.c.assessment_id).where(visible(manager)).distinct()
            )
        ]
        found = entries_where(conn, assessments.c.id.in_(ids)) if ids else []
    pairs = [(e, o) for e in found for o in e.overrides]
    pairs.sort(key=lambda p: (p[1].created_at, p[1].id), reverse=True)
    with engine.begin() as conn:
        audit.record(conn, "override.list", user_id=manager.id, detail=f"count={len(pairs)}", now=now)
    return pairs


def override_to_review(engine: Engine, manager: User, override_id: int, *, now: datetime | None = None) -> tuple[Entry, Override]:
    """One override on the manager's teams' entries with its entry, read by its own id (not by reading
    every override to find one); NotFound if it is not one the manager can see (audited either way,
    as reading the entry). Managers only."""
    if manager.role != "manager":
        raise AccessDenied("only managers review overrides")
    with engine.connect() as conn:
        owned = select(overrides.c.assessment_id).join(assessments, assessments.c.id == overrides.c.assessment_id)
        owner = conn.execute(owned.where(overrides.c.id == override_id, visible(manager))).scalar()
        found = entries_where(conn, assessments.c.id == owner) if owner is not None else []
    if not found:
        raise not_found(engine, manager, "override.read", record_id=override_id, now=now)
    entry = found[0]
    with engine.begin() as conn:
        audit.record(conn, "override.read", user_id=manager.id, record_id=entry.id, case_ref=entry.case_ref, detail=f"override={override_id}", now=now)
    return entry, next(o for o in entry.overrides if o.id == override_id)


MAX_NOTE = 2000


def record_review(engine: Engine, manager: User, override_id: int, note: str = "", *, now: datetime | None = None) -> Review:
    """A manager records that they reviewed an override on their teams' entry (a new row each
    time; nothing is rewritten). The note is stored, never copied to the audit log."""
    return record_review_once(engine, manager, override_id, note, token=None, now=now)[0]


def record_review_once(
    engine: Engine, manager: User, override_id: int, note: str = "", *, token: str | None, now: datetime | None = None
) -> tuple[Review, bool]:
    """`record_review` for a form carrying a one-time token (store.form_tokens): (the review, False)
    when recorded now; (the one its first post recorded, True) when the same form, with the same
    note, was posted before, even at the same moment (the unique index decides)."""
    if manager.role != "manager":
        raise AccessDenied("only managers review overrides")
    note = written_text.or_empty(note).strip()  # nothing visible is no note (review 19 surfaces, S4)
    if len(note) > MAX_NOTE:
        raise Invalid("note", f"at most {MAX_NOTE} characters")
    if written_text.fault(note, "note"):
        raise Invalid("note", "must be written text: no control characters or direction overrides")
    with engine.connect() as conn:
        found = conn.execute(
            select(overrides.c.assessment_id, assessments.c.case_ref)
            .join(assessments, assessments.c.id == overrides.c.assessment_id)
            .where(overrides.c.id == override_id, visible(manager))
        ).first()
    if found is None:
        raise not_found(engine, manager, "override.review", record_id=override_id, now=now)
    now = aware(now)
    token = form_tokens.posted(token)

    def write(conn: Connection) -> Review:
        values = dict(override_id=override_id, user_id=manager.id, created_at=now, note=note)
        rid = form_tokens.insert_with(conn, override_reviews, values, token)
        detail = f"override={override_id} review={rid}"
        audit.record(conn, "override.review", user_id=manager.id, record_id=found.assessment_id, case_ref=found.case_ref, detail=detail, now=now)
        return Review(id=rid, override_id=override_id, user_id=manager.id, username=manager.username, created_at=now, note=note)

    def repeated(rid: int) -> tuple[Review, bool]:
        with engine.begin() as conn:
            detail = f"override={override_id} review={rid}"
            audit.record(
                conn, "override.review", user_id=manager.id, outcome="repeat", record_id=found.assessment_id, case_ref=found.case_ref, detail=detail, now=now
            )
        with engine.connect() as conn:
            return next(r for r in _reviews_for(conn, [override_id])[override_id] if r.id == rid), True

    return form_tokens.insert_once(
        engine,
        token,
        write,
        table=override_reviews,
        same=dict(override_id=override_id, user_id=manager.id, note=note),
        done=lambda new: (new, False),
        repeated=repeated,
        again=lambda: record_review_once(engine, manager, override_id, note, token=None, now=now),  # another note
    )


def filter_overrides(
    pairs: list[tuple[Entry, Override]], *, team: str | None = None, direction: str | None = None, reviewed: bool | None = None
) -> list[tuple[Entry, Override]]:
    """`list_overrides`' pairs narrowed by the saver's team, the direction (one of `DIRECTIONS`) and
    whether a manager has reviewed the override; None keeps all."""
    if direction is not None and direction not in DIRECTIONS:  # a typo is never an empty list
        raise Invalid("direction", f"must be one of {', '.join(DIRECTIONS)}")
    return [
        (e, o)
        for e, o in pairs
        if (team is None or e.team == team) and (direction is None or o.direction == direction) and (reviewed is None or o.reviewed == reviewed)
    ]


def immediate_first(pairs: list[tuple[Entry, Override]]) -> tuple[list[tuple[Entry, Override]], list[tuple[Entry, Override]]]:
    """`list_overrides`' pairs split in two, each keeping its order: those recorded against an
    immediate referral (p9), which the managers' pages show apart and first, and the rest."""
    return [p for p in pairs if p[0].immediate], [p for p in pairs if not p[0].immediate]


@dataclass(frozen=True)
class SavedAnswers:
    """A saved assessment's answers and the moment it was decided at, for trying a draft ruleset."""

    id: int
    case_ref: str
    ruleset: str
    case: dict
    contact_time: str  # the stored decision's contact_time (ISO 8601)
    level: str = ""  # the stored decision's level and immediacy: what it was decided then (review 15 surfaces, Z5)
    immediate: bool = False


def answers_for_ruleset_review(engine: Engine, admin: User | None, *, now: datetime | None = None) -> list[SavedAnswers]:
    """Every saved assessment's answers, oldest first, so the document's owners can see what a
    catalogue change would do. Admins only; `None` is the command line, run by whoever holds
    the database. Audited with the count, never the answers."""
    if admin is not None and admin.role != "admin":
        raise AccessDenied("only admins review a ruleset change against saved assessments")
    with engine.connect() as conn:
        rows = conn.execute(
            select(assessments.c.id, assessments.c.case_ref, assessments.c.ruleset, assessments.c.case_json, assessments.c.decision_json).order_by(
                assessments.c.created_at, assessments.c.id
            )
        ).all()
    found = []
    for r in rows:
        decided = json.loads(r.decision_json)
        found.append(
            SavedAnswers(
                id=r.id,
                case_ref=r.case_ref,
                ruleset=r.ruleset,
                case=json.loads(r.case_json),
                contact_time=decided["contact_time"],
                level=decided.get("level", ""),
                immediate=bool(decided.get("immediate")),
            )
        )
    with engine.begin() as conn:
        audit.record(conn, "ruleset.review", user_id=admin.id if admin else None, detail=f"count={len(found)}{'' if admin else ' cli'}", now=now)
    return found
