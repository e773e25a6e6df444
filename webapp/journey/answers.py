"""The answers kept in the server-side session, and the case they make for the rules."""

from __future__ import annotations

from pathway.catalogue import load_catalogue
from pathway.checks import resolve_indicators
from pathway.models import Case, CaseError, FieldError
from webapp import session_state as state
from webapp.journey.forms import child_age, child_context
from webapp.journey.pages import needs_pages
from webapp.journey.widgets import NONE
from webapp.sessions import require_readable

CALLER = "professional"  # the journey is for practitioners; the public ring Children and Families Direct


def get() -> dict:
    """The answers so far (webapp.session_state.Answers), as the dict of the pages answered."""
    require_readable()  # never take answers the database cannot give back for no answers
    saved = state.answers.get()
    return saved.as_dict() if saved else {}


def put(**changes) -> None:
    state.answers.set(state.Answers.model_validate({**get(), **changes}))


def clear() -> None:
    state.answers.pop()
    state.note.pop()
    state.reopened_in_error.pop()  # a new assessment is no longer the one reopened from an entry saved in error


def show_levels() -> bool:
    return bool(state.show_levels.get())


def set_show_levels(shown: bool) -> None:
    state.show_levels.set(shown)


def immediate_chosen(answers: dict) -> list[str]:
    return [i for i in answers.get("immediate") or [] if i != NONE]


def needs_chosen(answers: dict) -> list[str]:
    return sorted({i for ids in (answers.get("needs") or {}).values() for i in ids})


def set_child(child: dict) -> None:
    """Save the child's details. The needs ticked are kept as they are: the child page refuses an age
    that rules one out (ChildForm._fits_needs, review 9 surfaces V1), never drops it."""
    put(child=child)


def misfits(answers: dict) -> list[str]:
    """The chosen concerns and needs the recorded child does not admit (none once the child page has
    accepted the age: answers saved under another catalogue, or kept from before that check)."""
    if "child" not in answers:
        return []
    unborn, months = child_age(answers["child"])
    catalogue = load_catalogue()
    chosen = immediate_chosen(answers) + needs_chosen(answers)
    return [i for i in chosen if catalogue.has_indicator(i) and not catalogue.admits(i, unborn, months)]


def immediate_case(answers: dict) -> Case:
    """The ring-now case: only the safety answers (the child's details are not asked first)."""
    chosen = immediate_chosen(answers)
    unborn = any(load_catalogue().indicator(i).age_band == "unborn" for i in chosen)
    return Case.parse({"child": {"unborn": True} if unborn else {}, "indicators": chosen, "context": {"caller": CALLER}})


def full_case(answers: dict) -> Case:
    c = answers["child"]
    child = {"unborn": True} if c["born"] == "no" else {"age_years": c["age_years"], "age_months": c["age_months"]}
    context = {**child_context(c), "caller": CALLER}
    return Case.parse({"child": child, "indicators": immediate_chosen(answers) + needs_chosen(answers), "context": context})


def case(answers: dict) -> Case:
    """The case the answers make: everything once every page is answered, else the ring-now case.
    The one case of the session: the result page, the referral and a save all decide this one."""
    return full_case(answers) if complete(answers) else immediate_case(answers)


def has_result(answers: dict) -> bool:
    """Whether the answers have a result to show: a p9 box ticked (the ring-now result, before the
    child's details), or every question page answered."""
    return bool(immediate_chosen(answers)) or complete(answers)


def note() -> str:
    """The practitioner's own note: kept in the session only (never logged, never in a URL)."""
    return state.note.get() or ""


def set_note(text: str) -> None:
    state.note.set(text)


def first_unanswered(answers: dict) -> str | None:
    """The endpoint and page of the first question not yet answered, or None when complete."""
    if not answers.get("immediate"):
        return "safety"
    if "child" not in answers:
        return "child"
    needs = answers.get("needs") or {}
    return next((p.id for p in needs_pages() if p.id not in needs), None)


def complete(answers: dict) -> bool:
    """Whether every question page has been answered (needs pages may be answered with nothing)."""
    needs = answers.get("needs") or {}
    return bool(answers.get("immediate")) and "child" in answers and all(p.id in needs for p in needs_pages())


def refusals(answers: dict) -> list[FieldError]:
    """What the rules' checks (pathway.checks) refuse in the case these answers make; empty when they
    accept it, or when there is no case yet. The pages ask here rather than re-encode a rule."""
    if not has_result(answers):
        return []
    try:
        resolve_indicators(case(answers), load_catalogue())
    except CaseError as exc:
        return list(exc.errors)
    return []


def age_refused(answers: dict) -> bool:
    """Whether the rules refuse the child's age itself for these answers: past 19 without a
    care-leaver need (review 10 surfaces, W3). Asked only of answers complete enough to decide."""
    return complete(answers) and any(e.field == "child.age_years" for e in refusals(answers))


def unknown_indicators(answers: dict) -> list[str]:
    """The chosen ids today's catalogue does not have (answers given under an earlier one)."""
    catalogue = load_catalogue()
    return [i for i in immediate_chosen(answers) + needs_chosen(answers) if not catalogue.has_indicator(i)]
