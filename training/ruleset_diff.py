"""A catalogue change, tried before it is made: every case decided under both catalogues.

The document's owners give a draft of `fsp_2014.yaml`; each case (shipped and saved scenarios,
and, for an admin, saved assessments' answers) is evaluated under the current catalogue and the
draft, at the same moment and office hours, so only the catalogue differs. A case is reported
when its level, immediacy, route (team or phone) or first contact (who or phone) changes, or when
one catalogue refuses it; the transition table counts every case from old level to new.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Iterable, Optional

import yaml
from pydantic import ValidationError

from pathway import written_text
from pathway.catalogue import Catalogue
from pathway.levels import LEVELS
from pathway.models import Case, CaseError, Decision, FieldError, _field_error
from pathway.settings import OfficeHours
from pathway.yaml_load import DuplicateKeyError, UniqueKeys

REFUSED = "refused"  # a transition-table column: the catalogue refused the case
COMPARED = ("level", "immediate", "route", "first_contact")
# what a saved entry is compared on besides (webapp.cases.reopen.later_decision; review 12, H5): the words
# beside a ring-now (a Protection decision's actions, guidance and contacts' notes, as said) and the teams
# every decision's actions name. A fix of those words never changed the four above, so an entry saved
# before it was never tagged. The draft-catalogue diff (owners) keeps to COMPARED, the decisions' outcomes.
WORDS = ("words_beside_the_ring_now", "teams_in_the_actions")
MAX_TEXT_ERRORS = 20  # a draft with control characters throughout is named by its first few fields


class _Loader(UniqueKeys, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML refusing a key given twice in one mapping, as the shipped catalogue's loader does
    (a draft's second `ruleset:` or indicator would otherwise replace the first unseen)."""


class DraftError(ValueError):
    """A draft catalogue that does not validate; each error names the field."""

    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))


def load_draft(text: str | bytes) -> Catalogue:
    """The draft catalogue, checked as the shipped one is at start-up, and its rules built."""
    from rules import RulesError, ensure_registered

    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        why = f": {exc.problem}" if isinstance(exc, DuplicateKeyError) else ""
        raise DraftError([FieldError(field="(file)", message=f"not valid YAML{where}{why}")]) from None
    except ValueError as exc:  # an integer of 4,300 digits or more, which Python refuses to read
        raise DraftError([FieldError(field="(file)", message=f"a value cannot be read: {str(exc)[:120]}")]) from None
    from pathway.scenarios.loader import _too_big  # the same guard as scenario files

    too_big = _too_big(data)
    if too_big:
        raise DraftError([FieldError(field="(file)", message=too_big)])
    if not isinstance(data, dict):
        raise DraftError([FieldError(field="(file)", message="a catalogue is a mapping (ruleset, levels, indicators...)")])
    # its texts reach every decision once released: the typed-text check every field has (review 19 surfaces, S2)
    not_written = written_text.faults_in(data)
    if not_written:
        raise DraftError([FieldError(field=field, message=message) for field, message in not_written[:MAX_TEXT_ERRORS]])
    try:
        draft = Catalogue.model_validate(data)
    except ValidationError as exc:
        raise DraftError([_catalogue_error(e, data) for e in exc.errors()]) from None
    try:
        ensure_registered(draft)
    except (KeyError, TypeError, ValueError, RulesError) as exc:
        key = exc.args[0] if isinstance(exc, KeyError) and exc.args else None
        raise DraftError(
            [
                FieldError(
                    field=f"interpretations/guidance/routing: {key}" if key else "(rules)",
                    message=f"the rules cannot be built from this draft ({type(exc).__name__})",
                )
            ]
        ) from None
    return draft


def _catalogue_error(err: Mapping[str, Any], data: dict) -> FieldError:
    """Pydantic's error with the field named; an indicator is named by its id as well."""
    found = _field_error(err)
    loc = err.get("loc", ())
    if len(loc) >= 2 and loc[0] == "indicators" and isinstance(loc[1], int):
        items = data.get("indicators") or []
        iid = items[loc[1]].get("id") if loc[1] < len(items) and isinstance(items[loc[1]], dict) else None
        if iid:
            found = FieldError(field=f"{found.field} ({iid})", message=found.message)
    if found.field == "(body)":  # a check across entries: its message names the entry
        found = FieldError(field="(catalogue)", message=found.message)
    return found


@dataclass(frozen=True)
class Saved:
    """A saved assessment's decision as it was saved: its level, immediacy and ruleset."""

    level: str
    immediate: bool
    ruleset: str

    def words(self) -> str:
        return f"{self.level}{' (immediate)' if self.immediate else ''} under {self.ruleset}"


@dataclass(frozen=True)
class Item:
    """One case to decide twice. `id` names it without personal data (a scenario id, an entry id)."""

    kind: str  # "shipped scenario", "saved scenario", "saved assessment"
    id: str
    case: Case
    now: datetime  # the moment it is decided at (a case's own contact_time wins)
    office_hours: OfficeHours = field(default_factory=OfficeHours)
    saved: Optional[Saved] = None  # a saved assessment's decision as saved (review 15 surfaces, Z5)


def _with_number(name: str, phone: Optional[str]) -> str:
    """'Name (phone)', or the name alone for a contact the document gives no number."""
    return f"{name} ({phone})" if phone else name


@dataclass(frozen=True)
class Outcome:
    """What one catalogue decided, reduced to what the diff compares (plus the reasons)."""

    level: str
    immediate: Optional[bool] = None
    route: Optional[str] = None
    first_contact: Optional[str] = None
    reasons: tuple[dict, ...] = ()
    ruleset: Optional[str] = None
    refused: Optional[str] = None  # why the catalogue refused the case
    words_beside_the_ring_now: tuple[str, ...] = ()  # (WORDS) empty below Protection
    teams_in_the_actions: tuple[str, ...] = ()

    @classmethod
    def of(cls, decision: Decision, catalogue: Optional[Catalogue] = None) -> "Outcome":
        from pathway.surfaces import ring_now

        first = decision.contacts[0] if decision.contacts else None
        said = [*decision.actions, *(g.text for g in decision.guidance), *(f"{c.name}: {c.when}" for c in decision.contacts)]
        return cls(
            level=decision.level.value,
            immediate=decision.immediate,
            route=_with_number(decision.route.team, decision.route.phone),
            first_contact=_with_number(first.name, first.phone) if first else None,
            reasons=tuple(
                {"rule": r.rule, "level": r.level.value, "indicators": list(r.indicators), "source": r.source, "explanation": r.explanation}
                for r in decision.reasons
            ),
            ruleset=decision.ruleset,
            words_beside_the_ring_now=tuple(said) if ring_now(decision) else (),
            teams_in_the_actions=teams_named(decision.actions, catalogue),
        )

    def as_dict(self) -> dict:
        return {
            "level": self.level,
            "immediate": self.immediate,
            "route": self.route,
            "first_contact": self.first_contact,
            "ruleset": self.ruleset,
            "refused": self.refused,
            "reasons": list(self.reasons),
        }


def scenario_items(scenarios, kind: str) -> list[Item]:
    """Scenarios as the runner decides them: default office hours, its fixed in-hours moment."""
    from training.runner import FIXED_NOW, OFFICE_HOURS

    return [Item(kind, s.id, s.case(), FIXED_NOW, OFFICE_HOURS) for s in scenarios]


def assessment_items(rows) -> list[Item]:
    """Saved assessments' answers (store.assessments.SavedAnswers), each decided at its stored
    contact time with the local office hours, named by case reference and entry id."""
    hours = OfficeHours.from_env()
    return [
        Item(
            "saved assessment",
            f"{r.case_ref}#{r.id}",
            Case.parse(r.case),
            datetime.fromisoformat(r.contact_time),
            hours,
            Saved(r.level, r.immediate, r.ruleset) if getattr(r, "level", "") else None,
        )
        for r in rows
    ]


def decide(item: Item, catalogue: Catalogue) -> Outcome:
    from rules import RulesError, evaluate

    try:
        return Outcome.of(evaluate(item.case, office_hours=item.office_hours, now=item.now, catalogue=catalogue))
    except CaseError as exc:
        return Outcome(level=REFUSED, refused=str(exc))
    except RulesError as exc:
        return Outcome(level=REFUSED, refused=f"the rules failed: {exc}")


def changed_fields(before: Outcome, after: Outcome, compared: tuple[str, ...] = COMPARED) -> list[str]:
    """Which of level, immediate, route and first contact differ ("refused" when one side refused);
    `compared`: those and others of Outcome's (WORDS, for a saved entry)."""
    if before.refused or after.refused:
        return [] if before.refused == after.refused else [REFUSED]
    return [name for name in compared if getattr(before, name) != getattr(after, name)]


def teams_named(actions: Iterable[str], catalogue: Optional[Catalogue] = None) -> tuple[str, ...]:
    """The teams and contacts (the catalogue's contacts and routing teams, each without its bracketed
    words) that the actions name, sorted: where they send the referral."""
    from pathway.catalogue import load_catalogue

    cat = catalogue or load_catalogue()
    names = {c.name for c in cat.contacts} | {getattr(cat.routing, key).team for key in type(cat.routing).model_fields}
    names = {n.split(" (")[0].split(",")[0].strip() for n in names}
    said = " ".join(actions).lower()
    return tuple(sorted(n for n in names if n.lower() in said))


@dataclass(frozen=True)
class Change:
    item: Item
    before: Outcome
    after: Outcome
    fields: tuple[str, ...]

    def as_dict(self) -> dict:
        return {"kind": self.item.kind, "id": self.item.id, "changed": list(self.fields), "current": self.before.as_dict(), "draft": self.after.as_dict()}


@dataclass(frozen=True)
class SinceSaved:
    """A saved assessment today's ruleset decides differently from the decision it was saved with
    (the case page's "Today's ruleset would decide differently"), and what the draft decides."""

    item: Item
    then: Saved
    today: Outcome
    draft: Outcome

    def as_dict(self) -> dict:
        then = {"level": self.then.level, "immediate": self.then.immediate, "ruleset": self.then.ruleset}
        return {"kind": self.item.kind, "id": self.item.id, "saved": then, "current": self.today.as_dict(), "draft": self.draft.as_dict()}


def _columns(transitions: dict) -> list[str]:
    """Levels lowest first, then `refused` when any case was refused."""
    cols = [lv.value for lv in LEVELS]
    if any(REFUSED in pair for pair in transitions):
        cols.append(REFUSED)
    return cols


@dataclass(frozen=True)
class Report:
    current: str  # ruleset versions
    draft: str
    cases: int
    counts: dict  # kind -> number of cases
    changes: tuple[Change, ...]
    transitions: dict  # (old level, new level) -> count, every case
    # saved assessments: (level as saved, today's level) -> count, and those today's decides otherwise (Z5)
    saved_transitions: dict = field(default_factory=dict)
    since_saved: tuple[SinceSaved, ...] = ()

    @property
    def columns(self) -> list[str]:
        """Levels lowest first, then `refused` when any case was refused."""
        return _columns(self.transitions)

    def table(self) -> list[tuple[str, list[int]]]:
        """The transition table: a row per current level, a count per draft level."""
        cols = self.columns
        return [(old, [self.transitions.get((old, new), 0) for new in cols]) for old in cols]

    @property
    def saved_columns(self) -> list[str]:
        return _columns(self.saved_transitions)

    def saved_table(self) -> list[tuple[str, list[int]]]:
        """Saved assessments: a row per level as saved, a count per level today's ruleset decides."""
        cols = self.saved_columns
        return [(then, [self.saved_transitions.get((then, now), 0) for now in cols]) for then in cols]

    def as_dict(self) -> dict:
        return {
            "current": self.current,
            "draft": self.draft,
            "cases": self.cases,
            "counts": self.counts,
            "changed": len(self.changes),
            "transitions": {old: dict(zip(self.columns, row)) for old, row in self.table()},
            "changes": [c.as_dict() for c in self.changes],
            "saved_transitions": {then: dict(zip(self.saved_columns, row)) for then, row in self.saved_table()} if self.saved_transitions else {},
            "changed_since_saved": len(self.since_saved),
            "since_saved": [c.as_dict() for c in self.since_saved],
        }


def diff(items: Iterable[Item], current: Catalogue, draft: Catalogue) -> Report:
    """Decide every item under both catalogues; report the changed ones and the transitions."""
    from training.fingerprint import with_fingerprint

    items = list(items)
    changes: list = []
    transitions: Counter = Counter()
    saved_transitions: Counter = Counter()
    since_saved: list = []
    for item in items:
        before, after = decide(item, current), decide(item, draft)
        transitions[(before.level, after.level)] += 1
        fields = changed_fields(before, after)
        if fields:
            changes.append(Change(item, before, after, tuple(fields)))
        if item.saved:  # what it was decided then, beside today's (review 15 surfaces, Z5)
            saved_transitions[(item.saved.level, before.level)] += 1
            if (item.saved.level, item.saved.immediate) != (before.level, bool(before.immediate)):
                since_saved.append(SinceSaved(item, item.saved, before, after))
    return Report(
        current=with_fingerprint(current).version,  # each named as the shipped one is: an identical draft reads as today's
        draft=with_fingerprint(draft).version,
        cases=len(items),
        counts=dict(Counter(i.kind for i in items)),
        changes=tuple(changes),
        transitions=dict(transitions),
        saved_transitions=dict(saved_transitions),
        since_saved=tuple(since_saved),
    )


def render_text(report: Report) -> str:
    """The report for a terminal (and the browser's download)."""
    out = [
        f"Current ruleset: {report.current}",
        f"Draft ruleset:   {report.draft}",
        f"Cases decided:   {report.cases} (" + ", ".join(f"{n} {k}" for k, n in sorted(report.counts.items())) + ")",
        f"Changed:         {len(report.changes)}",
        "",
        "Transitions (rows: current level; columns: draft level)",
    ]
    cols = report.columns
    width = max(len(c) for c in cols) + 2
    out.append(" " * width + "".join(c.rjust(width) for c in cols))
    for old, row in report.table():
        out.append(old.ljust(width) + "".join(str(n).rjust(width) for n in row))
    if report.saved_transitions:
        out += [
            "",
            f"Saved assessments today's ruleset decides differently from the decision they were saved with: {len(report.since_saved)}",
            "Saved assessments (rows: level as saved; columns: today's level)",
        ]
        cols = report.saved_columns
        out.append(" " * width + "".join(c.rjust(width) for c in cols))
        out += [then.ljust(width) + "".join(str(n).rjust(width) for n in row) for then, row in report.saved_table()]
        for s in report.since_saved:
            now = f"refused: {s.today.refused}" if s.today.refused else s.today.level + (" (immediate)" if s.today.immediate else "")
            draft = f"refused: {s.draft.refused}" if s.draft.refused else s.draft.level + (" (immediate)" if s.draft.immediate else "")
            out.append(f"  {s.item.kind} {s.item.id}: saved {s.then.words()}; today {now}; draft {draft}")
    for c in report.changes:
        out += ["", f"{c.item.kind} {c.item.id}: {', '.join(c.fields)} changed"]
        for name, o in (("current", c.before), ("draft", c.after)):
            if o.refused:
                out.append(f"  {name}: refused: {o.refused}")
                continue
            out.append(f"  {name}: {o.level}{' (immediate)' if o.immediate else ''}; route {o.route}; first contact {o.first_contact}")
            out += [f"    - {r['rule']} ({r['level']}; {r['source']}): {', '.join(r['indicators'])}" for r in o.reasons]
    return "\n".join(out) + "\n"
