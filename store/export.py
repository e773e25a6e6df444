"""Export a case reference's history as JSON (the contract's case and decision shapes) or CSV.

Goes through `assessments.history`, so the same visibility rules and audit apply; each export
is audited as well (it takes the answers out of the system).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from sqlalchemy import Engine

from store import audit
from store.assessments import Entry, Mark, Override, Review, changes, history
from store.users import User

CSV_COLUMNS = [
    "assessment_id",
    "saved_at",
    "saved_by",
    "team",
    "ruleset",
    "tool_level",
    "recorded_level",
    "step",
    "override_reason",
    "immediate",
    "immediate_referral_overridden",
    "indicators",
    "indicators_added",
    "indicators_removed",
    "child",
    "context",
    "todays_ruleset",
    "todays_level",
    "todays_changes",
    "earlier_overrides",  # every recorded level before the latest, oldest first, as JSON (review 13 surfaces, X7)
    # an entry marked saved in error (store.marks): the mark in force, and every mark and withdrawal as JSON
    "saved_in_error",
    "in_error_reason",
    "in_error_at",
    "in_error_by",
    "error_marks",
    # a manager's reviews of the entry's recorded levels (review 22 surfaces, S1), every one, oldest first, as JSON:
    # each names its recorded level (override id and level), who reviewed it, when, and the note
    "reviews",
]


class Today(Protocol):
    """How today's ruleset decides an entry saved under an earlier one (webapp.cases.reopen.Later):
    the store cannot decide (the rules' comparison lives above it), so the caller says."""

    @property
    def ruleset(self) -> str: ...

    @property
    def fields(self) -> tuple[str, ...]: ...  # of level, immediate, route, first_contact; or ("refused",)

    @property
    def level(self) -> str | None: ...  # None: today's ruleset refuses the answers


# None: the entry was decided under today's ruleset, or today's decides it the same
TodayOf = Callable[[Entry], Today | None]


def _todays(e: Entry, today: TodayOf) -> tuple[str | None, str | None, list[str]]:
    """todays_ruleset, todays_level and todays_changes (review 12 surfaces, W3): empty when today's
    ruleset decides the entry as it was decided; todays_level only when the level itself differs."""
    later = today(e)
    if later is None or not later.fields:
        return None, None, []
    return later.ruleset, later.level if "level" in later.fields else None, list(later.fields)


def csv_cell(text: str) -> str:
    """Free text in a CSV cell, defused so a spreadsheet never runs it as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _review(r: Review) -> dict:
    """One manager's review of a recorded level as both exports give it (review 22 surfaces, S1)."""
    return {"id": r.id, "by": r.username, "at": r.created_at.isoformat(), "note": r.note}


def _override(o: Override) -> dict:
    """One recorded level as both exports give it, with its reviews."""
    return {
        "id": o.id,
        "by": o.username,
        "at": o.created_at.isoformat(),
        "tool_level": o.tool_level,
        "level": o.level,
        "reason": o.reason,
        "reviews": [_review(r) for r in o.reviews],
    }


def _reviews(e: Entry) -> list[dict]:
    """Every review of the entry's recorded levels, oldest first, each naming the level it reviewed (the CSV's column)."""
    return [{"override": o.id, "level": o.level, **_review(r)} for o in e.overrides for r in o.reviews]


def _mark(m: Mark) -> dict:
    """One mark (saved in error) or withdrawal as both exports give it."""
    return {"id": m.id, "kind": m.kind, "by": m.username, "at": m.created_at.isoformat(), "reason": m.reason}


def _entry_json(e: Entry, today: TodayOf) -> dict:
    ruleset, level, changes = _todays(e, today)
    return {
        "id": e.id,
        "case_ref": e.case_ref,
        "saved_at": e.created_at.isoformat(),
        "saved_by": e.username,
        "team": e.team,
        "ruleset": e.ruleset,
        "case": e.case,
        "decision": e.decision,
        "recorded_level": e.recorded_level,
        "immediate_referral_overridden": e.immediate_overridden,
        "overrides": [_override(o) for o in e.overrides],
        "todays_ruleset": ruleset,
        "todays_level": level,
        "todays_changes": changes,
        "saved_in_error": _mark(e.in_error) if e.in_error else None,
        "error_marks": [_mark(m) for m in e.marks],
    }


def _audit_export(engine: Engine, user: User, case_ref: str, fmt: str, n: int, now) -> None:
    with engine.begin() as conn:
        audit.record(conn, "export", user_id=user.id, case_ref=case_ref, detail=f"format={fmt} entries={n}", now=now)


def export_json(engine: Engine, user: User, case_ref: str, *, today: TodayOf, now: datetime | None = None) -> str:
    """{"case_ref", "entries": [...], "changes": [...]} as JSON text. NotFound as history(). `today`
    says how today's ruleset decides each entry (todays_* fields)."""
    entries = history(engine, user, case_ref, now=now)
    doc = {
        "case_ref": entries[0].case_ref,
        "entries": [_entry_json(e, today) for e in entries],
        "changes": [
            {
                "from": c.from_id,
                "to": c.to_id,
                "step": c.step,
                "tool_step": c.tool_step,
                "indicators_added": list(c.indicators_added),
                "indicators_removed": list(c.indicators_removed),
                "context_changes": c.context_changes,
                "ruleset_changed": c.ruleset_changed,
            }
            for c in changes(entries)
        ],
    }
    _audit_export(engine, user, entries[0].case_ref, "json", len(entries), now)
    return json.dumps(doc, ensure_ascii=False, indent=1)


def export_csv(engine: Engine, user: User, case_ref: str, *, today: TodayOf, now: datetime | None = None) -> str:
    """One row per entry; lists joined with ';', child/context as compact JSON."""
    entries = history(engine, user, case_ref, now=now)
    steps = [None] + changes(entries)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for e, c in zip(entries, steps):
        ruleset, level, todays_changes = _todays(e, today)
        w.writerow(
            [
                e.id,
                e.created_at.isoformat(),
                e.username,
                e.team,
                e.ruleset,
                e.level,
                e.recorded_level,
                c.step if c else "",
                csv_cell(e.overrides[-1].reason) if e.overrides else "",
                e.decision.get("immediate"),
                e.immediate_overridden,
                ";".join(e.case.get("indicators", [])),
                ";".join(c.indicators_added) if c else "",
                ";".join(c.indicators_removed) if c else "",
                json.dumps(e.case.get("child", {}), sort_keys=True),
                json.dumps(e.case.get("context", {}), sort_keys=True),
                ruleset or "",
                level or "",
                ";".join(todays_changes),
                csv_cell(json.dumps([_override(o) for o in e.overrides[:-1]], ensure_ascii=False)) if len(e.overrides) > 1 else "",
                bool(e.in_error),
                csv_cell(e.in_error.reason) if e.in_error else "",
                e.in_error.created_at.isoformat() if e.in_error else "",
                e.in_error.username if e.in_error else "",
                csv_cell(json.dumps([_mark(m) for m in e.marks], ensure_ascii=False)) if e.marks else "",
                csv_cell(json.dumps(reviews, ensure_ascii=False)) if (reviews := _reviews(e)) else "",
            ]
        )
    _audit_export(engine, user, entries[0].case_ref, "csv", len(entries), now)
    return buf.getvalue()
