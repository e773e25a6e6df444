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

A p9 criterion refused for the child's age (its own band, as the under-2 bruising criterion for a child of
3, or the pathway's ages past 19) is not left out: it is decided without the child's age instead, as the
call screen does, so the criterion keeps its ring-now (left13; the lead's choice for an age past the
pathway beside p9: a mistyped age must not lose a ring-now). `decided_without` then names the age (its
field as given, with the refusal's words and its pointer to the right criterion). The unborn baby's
criterion given for a born child, or with no age given (`decided_without` then names `child.unborn`, left14), is
decided for the unborn baby its words name. Any other answer refused
is left out as before. Where another p9 criterion given, with an age band of its own, fits the child as given, the
age is borne out and the criterion that does not fit it is left out instead (`_age_confirmed`).

A need given twice in the case is refused too, the repeat named by field (`_repeated`, left13), and routed
the same way: left out, and the case decided where the rest is an immediate referral.
"""

from __future__ import annotations

from datetime import datetime
from typing import Optional

from pathway.catalogue import Catalogue, load_catalogue
from pathway.models import Case, CaseError, Decision, FieldError
from pathway.settings import OfficeHours
from rules.evaluate import evaluate

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
    repeated = _repeated(case)
    try:
        decision = evaluate(case, office_hours=office_hours, now=now, catalogue=catalogue)
    except CaseError as exc:
        refusal = CaseError(exc.errors + repeated) if repeated else exc
    else:
        if not repeated:
            return case, decision
        refusal = CaseError(repeated)
    catalogue_used = catalogue or load_catalogue()
    refused: list[FieldError] = []
    kept: set[str] = set()  # p9 criteria decided without the child's age or unborn answer given (see _declared)
    positions = list(range(len(case.indicators)))  # each kept answer's position in the case as given
    current, errors = case, refusal.errors
    for _ in range(len(case.indicators) + 4):  # each round leaves out at least one answer, or stops
        reduced = _without(current, errors, positions, refused, kept, catalogue_used)
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
        return current, _declared(decision, kept, catalogue_used).model_copy(update={"decided_without": refused})
    raise refusal  # pragma: no cover - the loop runs out of answers to leave out first


def _without(
    case: Case, errors: list[FieldError], positions: list[int], refused: list[FieldError], kept: set[str], catalogue: Catalogue
) -> Optional[tuple[Case, list[int]]]:
    """The case without each refused answer, and the kept answers' positions in the case as first given;
    each refusal is added to `refused`, named by its field in the case as given. None when a refusal is
    of no single answer (a body, a duplicated key) or nothing can be left out. A p9 criterion refused
    for the child's age keeps its place and the age is left out instead (`_age_for_p9`); where an age or
    unborn answer was given, the criterion is added to `kept`."""
    raw = case.model_dump(mode="json", exclude_none=True)
    drop: set[int] = set()
    age_out_before = any(e.field.startswith("child.") for e in refused)
    for error in errors:
        name = error.field.removeprefix("context.")
        at_n = error.indicator_position()
        at_n = at_n if at_n is not None and at_n < len(positions) else None
        if at_n is not None and case.indicators[at_n] in case.indicators[:at_n]:  # a repeat (`_repeated`)
            drop.add(at_n)
        elif at_n is not None and (child := _age_for_p9(case, case.indicators[at_n], age_out_before, catalogue)) is not None:
            given = case.child.age_years is not None or case.child.unborn
            raw["child"] = {} if raw.get("child") == {} else child  # a born child's criterion beside the unborn one: born
            how = "without the child's age" if given else "for the unborn baby its words name, no age being given"
            if given:
                kept.add(case.indicators[at_n])
            said = f"indicators[{positions[at_n]}] kept: the immediate referral is decided {how}"
            error = FieldError(field="child.age_years" if case.child.age_years is not None else "child.unborn", message=f"{error.message} ({said})")
        elif at_n is not None:
            drop.add(at_n)
            error = error.model_copy(update={"field": f"indicators[{positions[at_n]}]"})
        elif error.field in _CHILD_AGE and case.child.age_years is not None:
            # the age is not known, as when it is not given (its months need its years); the unborn baby
            # its p9 criterion names, where that criterion was refused for the same age, stays
            raw["child"] = raw["child"] if raw["child"] == {"unborn": True} else {}
            kept.update(i for i in case.indicators if catalogue.has_indicator(i) and catalogue.indicator(i).immediate)
        elif error.field == _PARENT_AGE and case.parent.age_years is not None:
            raw["parent"] = {}
        elif error.field.startswith("context.") and getattr(case.context, name, None) is not None:
            raw["context"].pop(name, None)
        else:
            return None
        refused.append(error)
    raw["indicators"] = [i for n, i in enumerate(case.indicators) if n not in drop]
    return Case.parse(raw), [p for n, p in enumerate(positions) if n not in drop]


def _declared(decision: Decision, kept: set[str], catalogue: Catalogue) -> Decision:
    """Every reason a criterion in `kept` gives, declared (review 20, noted: the ring-now decided without the age
    given is this tool's reading, left13, and said only in `decided_without`): the reading's words after the
    reason's own, its source after the reason's, and the flag."""
    if not kept:
        return decision
    reading = catalogue.interpretations.immediate_age_left_out
    source = reading.source.cite()
    reasons = [
        r.model_copy(
            update={
                "explanation": reading.explanation.format(said=r.explanation, why=reading.why),
                "source": r.source if source in r.source else f"{r.source}; {source}",
                "interpretation": True,
            }
        )
        if kept & set(r.indicators)
        else r
        for r in decision.reasons
    ]
    return decision.model_copy(update={"reasons": reasons})


def _repeated(case: Case) -> list[FieldError]:
    """A need given more than once in the case's indicators, each repeat named by its field, with where it
    was first given (left13: the rules check a need once, and a repeat was taken without a word)."""
    first: dict[str, int] = {}
    errors = []
    for n, indicator_id in enumerate(case.indicators):
        if indicator_id in first:
            errors.append(FieldError(field=f"indicators[{n}]", message=f"repeats indicators[{first[indicator_id]}] ({indicator_id!r}): give each need once"))
        first.setdefault(indicator_id, n)
    return errors


def _age_for_p9(case: Case, indicator_id: str, age_out_before: bool, catalogue: Catalogue) -> Optional[dict]:
    """The child to decide a refused p9 criterion with, where it is refused for the child's age given
    (the child's age or unborn answer, once per case: a second refusal of a p9 criterion after the age
    is left out is of the criterion itself): no age, or for the unborn baby's criterion (band `unborn`)
    the unborn baby its words name. None: leave the answer out as any other."""
    if not catalogue.has_indicator(indicator_id) or not catalogue.indicator(indicator_id).immediate:
        return None
    if age_out_before or _age_confirmed(case, indicator_id, catalogue):
        return None
    band_id = catalogue.indicator(indicator_id).age_band
    unborn_only = band_id is not None and catalogue.band(band_id).unborn == "only"
    if case.child.age_years is None and not case.child.unborn:
        # no age given: only the unborn baby's criterion is refused (the others admit an age not given); it
        # is decided for the unborn baby its words name, never refused whole (left14)
        return {"unborn": True} if unborn_only else None
    return {"unborn": True} if unborn_only else {}


def _age_confirmed(case: Case, indicator_id: str, catalogue: Catalogue) -> bool:
    """Whether another p9 criterion given, one with an age band of its own, fits the child as given: the
    age (or unborn answer) is then borne out by that criterion, and the criterion that does not fit it is
    left out instead of the age. An unborn baby's criterion beside the under-2 bruising one for an unborn
    child, or the other way round for a baby of 0, named which answer was left out by turns, the age
    and a box together (the lead, after review 13's merges); both ring now either way."""
    return any(
        other != indicator_id
        and catalogue.has_indicator(other)
        and (ind := catalogue.indicator(other)).immediate
        and ind.age_band is not None
        and catalogue.admits(ind, case.child.unborn, case.child.age_in_months, case.parent.age_in_months)
        for other in case.indicators
    )
