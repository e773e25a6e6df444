"""The session's answers decided, and what the decision was made without (review 13 surfaces, X1).

The decision comes from `rules.evaluate_despite_refusals`, the one reading below every surface (review 12,
H2): where the rules refuse an answer and what is left is an immediate referral (p9), the case is decided
without the refused answer, and the decision names it in `decided_without`. The journey's pages ask here
whether refusing answers would hold back a ring-now the rules decide despite the refusal
(`holds_back_ring_now`): a p9 answer is never held back for another answer to be corrected; it is
recorded, the result rings now, and the result, the child page and the referral say what the decision
was made without, and why (`without_words`).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from pathway.catalogue import load_catalogue
from pathway.checks import why_not
from pathway.models import Case, CaseError, Decision
from rules.refusals import decide_despite_refusals
from webapp.journey import answers as store
from webapp.journey.forms import ChildForm, age_text, child_age

# a context answer (pathway.models.Context) -> the child page's question that gives it
_QUESTION = {
    "disability": "disability",
    "caf": "caf",
    "large_sibling_group": "large_sibling_group",
    "consent_to_early_help": "consent",
    "current_level": "current_level",
    "open_to_social_care": "open_to_social_care",
    "health_development_impaired_without_services": "health_development_impaired_without_services",
}


@dataclass(frozen=True)
class Decided:
    given: Case  # the case the answers make (every answer recorded)
    case: Case  # the case decided: `given`, or `given` without what the rules refused
    decision: Decision


def decide(answers: dict) -> Decided:
    """The session's case (answers.case) and its decision. Raises CaseError when the rules refuse the
    answers and what is left is not an immediate referral (the child page names what to correct)."""
    given = store.case(answers)
    decided, decision = decide_despite_refusals(given, office_hours=current_app.config["OFFICE_HOURS"])
    return Decided(given, decided, decision)


def holds_back_ring_now(changed: dict, stored: dict) -> bool:
    """Whether refusing a page's answers would hold back a ring-now: the rules decide the answers as
    `changed` by the page an immediate referral although the page would refuse one of them (a p9 box
    the recorded age does not admit beside another p9 box, a need outside its band beside a need that
    meets a p9 criterion), and the answers `stored` do not ring. Where they already ring, the refusal
    holds nothing back: the page asks for the answer to be corrected, as before (review 9 surfaces V1)."""
    return _rings(changed) and not _rings(stored)


def _rings(answers: dict) -> bool:
    """Whether the rules decide these answers an immediate referral, despite any refused. Asked of every
    answer recorded, the child's details included once given, so what a page accepts for it rings on the
    result page whatever is answered after it."""
    given = store.full_case(answers) if "child" in answers else store.immediate_case(answers)
    try:
        return decide_despite_refusals(given, office_hours=current_app.config["OFFICE_HOURS"])[1].immediate
    except CaseError:
        return False


def without_words(decided: Decided, answers: dict) -> list[str]:
    """Each answer the decision was made without, named as the journey asks it, with why the rules
    could not use it: for `pathway.surfaces.decided_without`, the call screen's words."""
    catalogue = load_catalogue()
    child = answers.get("child") or {}
    unborn, months = child_age(child) if child else (False, None)
    said: list[str] = []
    for error in decided.decision.decided_without:
        at = error.indicator_position()
        ids = decided.given.indicators
        if at is not None and at < len(ids) and catalogue.has_indicator(ids[at]):
            ind = catalogue.indicator(ids[at])
            why = f": {why_not(catalogue, ind, unborn, months)}" if child and not catalogue.admits(ind, unborn, months) else ""
            said.append(f"‘{ind.text}’ (does not fit the age recorded, {age_text(child)}{why})" if why else f"‘{ind.text}’")
        elif error.field.startswith("child."):
            misfits = [catalogue.indicator(i) for i in ids if catalogue.has_indicator(i) and not catalogue.admits(i, unborn, months)]
            why = "; ".join(f"‘{ind.text}’ does not fit it: {why_not(catalogue, ind, unborn, months)}" for ind in misfits)
            said.append(f"the child's age ({age_text(child)}" + (f"; {why})" if why else ")"))
        elif error.field.startswith("context.") and (question := _QUESTION.get(error.field.removeprefix("context."))):
            said.append(f"the answer to ‘{getattr(ChildForm, question).args[0]}’")
        else:
            said.append(error.field)
    return said
