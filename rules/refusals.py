"""A case the rules refuse in part, decided without the refused answers where the rest is an immediate
referral (review 12, H2).

`pathway.checks` refuses a whole case for any answer it cannot use: a need outside its age band or
below its meaningful age, a parent's band the parent's age is outside, an age outside the pathway's,
a context answer that contradicts another. That makes a wrongly entered answer visible to the person
who knows the child. But a refusal returns no decision, and so no ring-now: a case whose other
answers reach a p9 criterion (directly, by a cross-walk or by an age entailment) was refused whole
on the API and the command line, while the call screen decided without the refused answer and kept
its put-through-now. An immediate criterion always wins, by whichever road it is reached (p9:
"without delay").

`evaluate_despite_refusals` is the one place that reading lives, below every surface: where the
answers left after removing the refused ones reach an immediate referral, it returns that decision,
each refusal named by field in `Decision.decided_without`; where they do not, it raises the original
refusal unchanged (the case is refused as before, each error naming its field).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Optional

from pathway.catalogue import Catalogue
from pathway.models import Case, CaseError, Decision, FieldError
from pathway.settings import OfficeHours
from rules.evaluate import evaluate

_INDICATOR = re.compile(r"indicators\[(\d+)\]")
# a field the checks may refuse -> what deciding without it leaves out of the case
_CHILD_AGE = ("child.age_years", "child.age_months")
_PARENT_AGE = "parent.age_years"


def evaluate_despite_refusals(
    case: Case,
    *,
    office_hours: Optional[OfficeHours] = None,
    now: Optional[datetime] = None,
    catalogue: Optional[Catalogue] = None,
) -> Decision:
    """`rules.evaluate`, except that a case refused only for answers the rules cannot use is decided
    without them when what is left is an immediate referral (p9). The decision then names every refusal
    in `decided_without` (the field as given in the case, and the refusal's words). Otherwise the
    first refusal is raised unchanged: a case whose other answers are not an immediate referral is
    refused whole, as before, so the person corrects the answer rather than read a level decided
    without it."""
    return decide_despite_refusals(case, office_hours=office_hours, now=now, catalogue=catalogue)[1]


def decide_despite_refusals(
    case: Case,
    *,
    office_hours: Optional[OfficeHours] = None,
    now: Optional[datetime] = None,
    catalogue: Optional[Catalogue] = None,
) -> tuple[Case, Decision]:
    """`evaluate_despite_refusals`, with the case it decided: the case as given, or the case without the
    refused answers (for what is asked of a decision's case afterwards, the what-if list)."""
    try:
        return case, evaluate(case, office_hours=office_hours, now=now, catalogue=catalogue)
    except CaseError as exc:
        refusal = exc
    refused: list[FieldError] = []
    positions = list(range(len(case.indicators)))  # each kept answer's position in the case as given
    current, errors = case, refusal.errors
    for _ in range(len(case.indicators) + 4):  # each round leaves out at least one answer, or stops
        reduced = _without(current, errors, positions, refused)
        if reduced is None:
            raise refusal
        current, positions = reduced
        try:
            decision = evaluate(current, office_hours=office_hours, now=now, catalogue=catalogue)
        except CaseError as again:  # leaving one answer out may expose another (a care leaver's need gone)
            errors = again.errors
            continue
        if not decision.immediate:
            raise refusal
        return current, decision.model_copy(update={"decided_without": refused})
    raise refusal  # pragma: no cover - the loop runs out of answers to leave out first


def _without(case: Case, errors: list[FieldError], positions: list[int], refused: list[FieldError]) -> Optional[tuple[Case, list[int]]]:
    """The case without each refused answer, and the kept answers' positions in the case as first given;
    each refusal is added to `refused`, named by its field in the case as given. None when a refusal is
    of no single answer (a body, a duplicated key) or nothing can be left out."""
    raw = case.model_dump(mode="json", exclude_none=True)
    drop: set[int] = set()
    for error in errors:
        at = _INDICATOR.fullmatch(error.field)
        name = error.field.removeprefix("context.")
        if at and int(at.group(1)) < len(positions):
            drop.add(int(at.group(1)))
            error = error.model_copy(update={"field": f"indicators[{positions[int(at.group(1))]}]"})
        elif error.field in _CHILD_AGE and case.child.age_years is not None:
            raw["child"] = {}  # the age is not known, as when it is not given (its months need its years)
        elif error.field == _PARENT_AGE and case.parent.age_years is not None:
            raw["parent"] = {}
        elif error.field.startswith("context.") and getattr(case.context, name, None) is not None:
            raw["context"].pop(name, None)
        else:
            return None
        refused.append(error)
    raw["indicators"] = [i for n, i in enumerate(case.indicators) if n not in drop]
    return Case.parse(raw), [p for n, p in enumerate(positions) if n not in drop]
