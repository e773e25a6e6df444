"""A saved entry reopened: its stored decision shown as the result page showed it, the journey's
answers rebuilt from its stored case ("assess again"), and whether today's ruleset would decide
it differently. The stored decision is never re-decided for display: it is what was shown."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from types import SimpleNamespace

from pydantic import ValidationError

from pathway.catalogue import Catalogue, load_catalogue
from pathway.models import Case, CaseError, Context, Decision
from pathway.settings import OfficeHours
from pathway.surfaces import level_words
from store.assessments import Entry
from training.ruleset_diff import COMPARED, WORDS, Outcome, changed_fields
from webapp.journey.forms import NOT_KNOWN
from webapp.journey.pages import needs_pages
from webapp.journey.widgets import NONE


@dataclass(frozen=True)
class _Gone:
    """An indicator today's catalogue no longer has: shown by its id, never a broken page."""

    id: str

    @property
    def text(self) -> str:
        return f"{self.id} (not in today's catalogue)"

    level = None  # not known today: the reason card shows no level beside it
    source = SimpleNamespace(page="", cite=lambda: "an earlier ruleset")  # cited as text, with no page to link


class StoredCatalogue:
    """The catalogue look-ups the result template makes, tolerant of ids since removed."""

    def __init__(self, catalogue: Catalogue):
        self._catalogue = catalogue

    def indicator(self, iid: str):
        return self._catalogue.indicator(iid) if self._catalogue.has_indicator(iid) else _Gone(iid)

    def level(self, level):
        return self._catalogue.level(level)


def stored_decision(entry: Entry) -> Decision:
    return Decision.model_validate(entry.decision)


def _yes_no(answer) -> str | None:
    return None if answer is None else ("yes" if answer else "no")


def unknown_indicators(case: dict) -> list[str]:
    """The saved case's indicators today's catalogue does not have (renamed or removed since): the
    journey cannot ask them, so "assess again" is not offered rather than leave them out without a
    word (review 9 surfaces, V1's class)."""
    catalogue = load_catalogue()
    return [i for i in case.get("indicators", []) if not catalogue.has_indicator(i)]


# the saved context answers as the child page asks them (webapp.journey.forms.ChildForm)
_QUESTIONS = {
    "caf": "CAF",
    "disability": "Disability",
    "current_level": "Level supported at now",
    "consent_to_early_help": "Consent to early help",
    "large_sibling_group": "Large sibling group",
    "open_to_social_care": "Open to Children's Social Care",
    "health_development_impaired_without_services": "Child in Need test",
}


def unknown_answers(case: dict) -> list[str]:
    """The saved case's context answers today's questions do not offer (a value renamed or removed
    since, or a question no longer asked), each as "question: 'value'" (review 10 surfaces, W5: the
    check page showed the raw value and the result looped to a child page with no error). Unlike an
    unknown indicator, "assess again" is still offered: the child page names the answer and asks it
    again."""
    ctx = case.get("context") or {}
    if not isinstance(ctx, dict):
        return []
    try:
        Context.model_validate_json(json.dumps({k: v for k, v in ctx.items() if k != "contact_time"}, default=str))
    except ValidationError as exc:
        fields = list(dict.fromkeys(str(e["loc"][0]) for e in exc.errors() if e["loc"]))  # in the questions' order
        return [f"{_QUESTIONS.get(f, f)}: ‘{ctx.get(f)}’" for f in fields]
    return []


def journey_answers(case: dict) -> dict:
    """The journey's session answers that rebuild this case (webapp.journey.answers.full_case's inverse)."""
    catalogue = load_catalogue()
    ids = [i for i in case.get("indicators", []) if catalogue.has_indicator(i)]
    immediate = [i for i in ids if catalogue.indicator(i).immediate]
    answers: dict = {"immediate": immediate or [NONE]}
    child, ctx = case.get("child") or {}, case.get("context") or {}
    if ctx.get("disability") is None or ctx.get("caf") is None:
        return answers  # saved from the ring-now page: only the safety answers were asked
    unborn = bool(child.get("unborn"))
    consent = ctx.get("consent_to_early_help")
    sibling = ctx.get("large_sibling_group")
    answers["child"] = {
        "born": "no" if unborn else "yes",
        "age_years": None if unborn else child.get("age_years"),
        "age_months": None if unborn else child.get("age_months"),  # None: the months were not given
        "disability": ctx["disability"],
        "caf": ctx["caf"],
        "large_sibling_group": None if sibling is None else ("yes" if sibling else "no"),
        "consent": NOT_KNOWN if consent is None else ("yes" if consent else "no"),
        "current_level": ctx.get("current_level") or NOT_KNOWN,
        # the optional answers too: "assess again" once dropped them, so an open child was routed
        # through Children and Families Direct instead of to the allocated social worker
        **{optional: _yes_no(ctx.get(optional)) for optional in ("open_to_social_care", "health_development_impaired_without_services")},
    }
    answers["needs"] = {p.id: sorted(set(ids) & p.indicator_ids()) for p in needs_pages()}
    return answers


@dataclass(frozen=True)
class Later:
    """How today's ruleset would decide an entry saved under an earlier one."""

    ruleset: str
    fields: tuple[str, ...]
    level: str | None  # None: today's catalogue refuses the answers
    refused: str | None = None
    immediate: bool = False  # today's decision is an immediate referral (p9): named so beside its level

    def level_words(self) -> str:
        """Today's level as every surface names it, "Protection (immediate referral)" when it is one
        (pathway.surfaces.level_words; review 15 surfaces, Z6); '' when today's ruleset refuses the answers."""
        return level_words(self.level, self.immediate) if self.level else ""


# the fields Later.fields names, as a sentence says them
_FIELD_WORDS = {"level": "level", "immediate": "immediate referral", "route": "route", "first_contact": "first contact"}


def today_words(later: Later | None, entry: Entry, recorded: str | None = None) -> str | None:
    """Where a recorded level is shown beside the tool's (the overrides table, the review page, the
    override form): how today's ruleset decides an entry saved under an earlier one, and whether that
    is the level recorded (review 12 surfaces, W3). None when it decides the entry the same."""
    if later is None:
        return None
    head = f"Today's ruleset, {later.ruleset},"
    if later.level is None:
        return f"{head} cannot decide these answers as they are: {later.refused}"
    if later.level != entry.level:
        return f"{head} decides {later.level_words()}" + (": the level recorded" if recorded == later.level else "")
    return f"{head} decides the same level with a different " + ", ".join(_FIELD_WORDS.get(f, f) for f in later.fields)


def decision_now(entry: Entry, office_hours: OfficeHours) -> Decision | None:
    """The saved answers decided at this request, as the result page decides them (the app's office hours,
    the present moment, every refusal the rules decide despite: rules.evaluate_despite_refusals), for the
    saved entry's live line: whom to ring now if a saved ring-now referral has not been made (review 16
    surfaces, N1). The moment the case was saved (`context.contact_time`) is left out, or it would decide
    for then. None when today's ruleset refuses the answers: the page then names no team."""
    from rules import RulesError, evaluate_despite_refusals

    case = {**entry.case, "context": {k: v for k, v in (entry.case.get("context") or {}).items() if k != "contact_time"}}
    try:
        return evaluate_despite_refusals(Case.parse(case), office_hours=office_hours)
    except CaseError:
        return None
    except RulesError:
        logging.getLogger(__name__).exception("rules failed deciding a saved entry at this moment")
        return None


def later_decision(entry: Entry, office_hours: OfficeHours) -> Later | None:
    """None when the entry was decided under today's ruleset, or today's would decide the same: the same
    level, immediacy, route and first contact, the same words beside a ring-now and the same teams named
    in the actions (training.ruleset_diff.WORDS, review 12 H5: a fix of those words was never tagged)."""
    from rules import RulesError, evaluate

    catalogue = load_catalogue()
    if entry.ruleset == catalogue.version:
        return None
    stored = stored_decision(entry)
    try:
        fresh = Outcome.of(evaluate(Case.parse(entry.case), office_hours=office_hours, now=stored.contact_time))
    except (CaseError, RulesError) as exc:
        return Later(catalogue.version, ("refused",), None, str(exc))
    fields = changed_fields(Outcome.of(stored), fresh, COMPARED + WORDS)
    return Later(catalogue.version, tuple(fields), fresh.level, immediate=bool(fresh.immediate)) if fields else None
