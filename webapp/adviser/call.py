"""The call in the server-side session, and the case and decision it makes.

Nothing here decides anything: the level, route and guidance come from rules.evaluate.
The session holds the answers as typed (so an invalid age is shown back as typed, with its error).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from flask import current_app

from pathway import clock, surfaces
from pathway.call_summary import call_summary, undecided_summary
from pathway.catalogue import load_catalogue
from pathway.checks import child_only_answers, disability_clashes, why_not
from pathway.choices import Disability
from pathway.levels import Level
from pathway.models import Case, CaseError, Context, Decision, FieldError
from pathway.search_offers import SHOWN, Offer, offered
from rules import evaluate
from rules.refusals import decide_despite_refusals
from webapp import session_state
from webapp.adviser import forms
from webapp.adviser.forms import Posted
from webapp.sessions import require_readable

OPTIONAL = ("social_care", "disability", "consent", "current_level", "siblings", "cin_test")
# why a concern is set aside (`apply`), as the panel, the status line and the summary say it
NOT_THIS_AGE = "does not fit the age given"
# what the adviser does about a p9 box the call lost (`_gone`), in the status line and the summary too
P9_AGAIN = "ask the p9 questions again, tick any that apply, then press ‘I have asked the p9 questions again’"
CALL, UNDO = session_state.call, session_state.call_undo  # UNDO: the call "New call" cleared


def load() -> dict:
    """The call so far (webapp.session_state.Call) as a dict; an empty call if none. A need id today's
    catalogue does not have (chosen before a release renamed it) is moved out of the case into `gone`
    (`gone_immediate` for a p9 box), so nothing reads it as a need, and the screen names it (`screen`)."""
    require_readable()  # an adviser mid-call must not be shown an empty call
    state = (CALL.get() or session_state.Call()).model_dump()
    catalogue = load_catalogue()
    for held, gone in (("immediate", "gone_immediate"), ("concerns", "gone"), ("aside", "gone")):
        unknown = [i for i in state[held] if not catalogue.has_indicator(i)]
        if unknown:
            state[held] = [i for i in state[held] if catalogue.has_indicator(i)]
            state[gone] = list(dict.fromkeys(state[gone] + unknown))
    return state


def _keep(state: dict) -> None:
    CALL.set(session_state.Call.model_validate(state))


def clear() -> None:
    """Start a new call; the old one can be brought back until the new one is changed."""
    old = CALL.pop()
    if old and (old.immediate or old.concerns or old.aside or old.note or old.age_years):
        UNDO.set(old)
    else:
        UNDO.pop()


def can_undo() -> bool:
    return UNDO.present()


def undo() -> None:
    """Bring back the call "New call" cleared (a newer version than any page shows, so no tab overwrites it)."""
    old = UNDO.pop()
    if old is not None:
        CALL.set(old.model_copy(update={"rev": old.rev + 1, "conflict": False}))


def shown(state: dict) -> None:
    """After the screen for `state` was shown: the warning about a change made elsewhere is shown once, and
    so is a renamed concern's problem (`_gone`): from then on it is said only in what the call was decided
    without, so the next press does not land on the error summary again (left12). A lost p9 concern is not
    marked: it stays a problem until the adviser says the p9 questions were asked again (`apply`)."""
    unnamed = [i for i in state["gone"] if i not in state["gone_named"]]
    if state["conflict"] or unnamed:
        _keep({**state, "conflict": False, "gone_named": state["gone_named"] + unnamed})


def p9_again_sentence() -> str:
    return f"{P9_AGAIN[0].upper()}{P9_AGAIN[1:]}."


def _holds_unused(state: dict) -> bool:
    return bool(state["aside"] or state["gone"] or state["gone_immediate"])


def _p9_to_ask_again(state: dict) -> bool:
    return any(i not in state["gone_asked"] for i in state["gone_immediate"])


def now() -> datetime:
    """The app's one clock (pathway.clock), which tests set."""
    return clock.utcnow()


def admitted(indicator_id: str, age: forms.Age) -> bool:
    return load_catalogue().admits(indicator_id, age.unborn, age.months)


def apply(posted: Posted) -> dict:
    """Save one POST of the form into the session; returns the new state."""
    catalogue = load_catalogue()
    state = load()
    if posted.rev is not None and posted.rev != state["rev"]:
        # the page was showing an older version of this call (another tab or window changed it,
        # or the page came back from the browser's history): change nothing, show the call as it is
        state["conflict"] = True
        _keep(state)
        return state
    immediate = list(posted.immediate)
    # the concerns counted and those set aside for the age are one list here: only the adviser's
    # Remove takes a concern off the call
    concerns = [i for i in state["concerns"] + state["aside"] if i != posted.remove]
    if posted.remove in immediate:
        immediate.remove(posted.remove)
    if posted.add:
        target = immediate if catalogue.indicator(posted.add).immediate else concerns
        if posted.add not in target:
            target.append(posted.add)
    age = forms.age(posted.age_years, posted.age_months, posted.unborn)
    # a concern the age given rules out is set aside, never dropped: said in what the call is decided
    # without (`screen`) and counted again once the age admits it, so an age typed wrong and corrected
    # loses nothing (review 12 surfaces, W2). Immediate ones stay in the case: they are always offered
    # and never silently set aside; the page flags the clash and decides without the age instead.
    aside = [i for i in concerns if not admitted(i, age)]
    concerns = [i for i in concerns if i not in aside]
    state.update(
        immediate=immediate,
        concerns=concerns,
        age_years=posted.age_years,
        age_months=posted.age_months,
        unborn=posted.unborn,
        caller=posted.caller,
        caf=posted.caf,
        note=posted.note,
        q="" if posted.add else posted.q,
        aside=aside,
        # the adviser says the p9 questions were asked again: each p9 concern the call lost is acted on
        gone_asked=list(state["gone_immediate"]) if posted.action == forms.P9_ASKED else state["gone_asked"],
        rev=state["rev"] + 1,
        conflict=False,
        **{name: getattr(posted, name) for name in OPTIONAL},
    )
    _keep(state)
    UNDO.pop()  # the new call has begun: the old one is gone
    return state


@dataclass
class Screen:
    """Everything the page shows for the current answers."""

    state: dict
    age: forms.Age
    decision: Decision
    chosen: list[str]
    summary: str
    errors: list[tuple[str, str]] = field(default_factory=list)
    fallback: bool = False  # the decision left out what clashed (see errors)
    # what the decision left out, in words: the one list the panel, the status line and the summary
    # to copy all say (pathway.surfaces.decided_without; review 11 surfaces, W1)
    without: list[str] = field(default_factory=list)

    @property
    def p9_to_ask_again(self) -> bool:
        """The call lost a p9 concern (a release renamed it) and the adviser has not yet said the p9
        questions were asked again (`_gone`): the screen offers the button that says so."""
        return _p9_to_ask_again(self.state)

    @property
    def holds_unused(self) -> bool:
        """The call holds concerns the screen cannot decide on (set aside for the age, or renamed by a
        release): with none counted, "no concerns chosen" would be untrue (review 12 surfaces, W1, W2)."""
        return _holds_unused(self.state)

    @property
    def no_route(self) -> str:
        """What the screen says with no route (the status line, and the route bar while the call holds
        concerns it cannot use: it said "No route yet: add a concern" then, left13)."""
        return "No concern chosen can be used yet: no route." if self.holds_unused else "No concerns chosen yet: no route."

    @property
    def put_through_now(self) -> bool:
        """Whether the screen says "Put the call through now": the decision's own fact, as the journey's
        ring-now (pathway.surfaces.ring_now: Protection, p4; a safeguarding concern is put through
        immediately, Appendix 2, p25). Never the ticked p9 boxes alone: a cross-walked need makes an
        immediate referral with none ticked (review 7, surfaces F2)."""
        return self.has_route and surfaces.ring_now(self.decision)

    @property
    def has_route(self) -> bool:
        """A route is shown only once the caller has described a concern (the empty call has none)."""
        return bool(self.chosen)


def _case(indicators: list[str], child: dict, state: dict, moment: datetime) -> Case:
    context = {**_context(state), "contact_time": moment.isoformat()}
    return Case.parse({"child": child, "indicators": indicators, "context": context})


def _context(state: dict) -> dict:
    """The case's context (pathway.models.Context, as JSON) that the screen's answers give."""
    context: dict = {}
    if state["caller"]:
        context["caller"] = state["caller"]
    if state["caf"]:
        context["caf"] = state["caf"]
    if state["disability"]:
        context["disability"] = state["disability"]
    if state["consent"]:
        context["consent_to_early_help"] = state["consent"] == "yes"
    if state["current_level"]:
        context["current_level"] = state["current_level"]
    if state["siblings"] and state["disability"] == "substantial_lifelong":  # asked with that answer, as the journey does
        context["large_sibling_group"] = state["siblings"] == "yes"
    if state["cin_test"]:
        context["health_development_impaired_without_services"] = state["cin_test"] == "yes"
    if state["social_care"] and "open_to_social_care" in Context.model_fields:  # the lead's field (safety issue)
        context["open_to_social_care"] = state["social_care"] == "yes"
    return context


def _without_contradiction(state: dict, errors: list) -> dict:
    """Supported at a social-care level now but 'not open' (refused by the rules, pathway.checks): say
    so beside the question, and decide as if it were not answered (taken as open, the rules' reading)."""
    entry = load_catalogue().open_from_current_level
    level = Level(state["current_level"]) if state["current_level"] else None
    if entry.contradicts(level, False if state["social_care"] == "no" else None) is None:
        return state
    errors.append(("social_care", entry.form_contradiction.format(level=level.label)))
    return {**state, "social_care": ""}


# the call screen's questions for the context answers that exist only for a child (pathway.checks)
_CHILD_ONLY_QUESTIONS = {
    "caf": "caf",
    "health_development_impaired_without_services": "cin_test",
    "current_level": "current_level",
    "open_to_social_care": "social_care",
}


def _without_child_only_answers(state: dict, age: forms.Age, errors: list) -> dict:
    """A young person past the children's ages (a care leaver of 20 to 25): the answers that exist only
    for a child are refused by the rules (pathway.checks, review 8 F1). Say so beside each question, with
    the unborn baby's hint, and decide as if it were not answered, as for a contradiction."""
    catalogue = load_catalogue()
    words = catalogue.age.child_only_answers.form_refusal
    for entry in child_only_answers(catalogue, None if age.unborn else age.months, _context(state)):
        question = _CHILD_ONLY_QUESTIONS[entry.field]
        errors.append((question, words.format(what=entry.what, years=(age.months or 0) // 12)))
        state = {**state, question: ""}
    return state


# the call screen's question for each context answer the rules may refuse (pathway.checks)
_CONTEXT_QUESTIONS = {
    "caller": "caller",
    "caf": "caf",
    "disability": "disability",
    "consent_to_early_help": "consent",
    "current_level": "current_level",
    "large_sibling_group": "siblings",
    "health_development_impaired_without_services": "cin_test",
    "open_to_social_care": "social_care",
}


# how the status names an answer it decided without
_QUESTION_WORDS = {
    "caf": "the CAF answer",
    "disability": "the disability answer",
    "consent": "the consent answer",
    "current_level": "the level now",
    "siblings": "the sibling-group answer",
    "cin_test": "the Child in Need test answer",
    "social_care": "the open-to-social-care answer",
}


def _without_disability_clash(state: dict, chosen: list[str], errors: list) -> dict:
    """A concern whose words state a substantial, life-long disability, with the disability answered
    'No' or 'mild or moderate', is refused by the rules (pathway.checks.disability_clashes says which):
    say so beside the disability question, naming each concern, and decide as if the disability were
    not answered, so the concern keeps its level and its put-through-now (review 10 surfaces, W1: the
    screen once decided an empty case, Universal, without a word)."""
    catalogue = load_catalogue()
    clash = disability_clashes(catalogue, state["disability"] or None, chosen)
    if not clash:
        return state
    named = " and ".join(f"‘{catalogue.indicator(i).text}’" for i in clash)
    errors.append(
        (
            "disability",
            f"The disability is answered ‘{Disability(state['disability']).label}’, but {named} "
            f"describe{'s' if len(clash) == 1 else ''} a substantial and lifelong disability: correct the disability, "
            "choose ‘Not sure’, or remove the concern. Until then the level is decided as if the disability were not answered",
        )
    )
    return {**state, "disability": ""}


def _misfit(indicator_id: str, age: forms.Age) -> tuple[str, str]:
    """A chosen need the child's age as entered does not fit, named beside its question (the p9 questions
    for a p9 box, the age for any other) with whom its words are for."""
    catalogue = load_catalogue()
    ind = catalogue.indicator(indicator_id)
    band = catalogue.band(ind.age_band) if ind.age_band else None
    why = f"it is for: {band.label}" if band and not band.admits(age.unborn, age.months) else why_not(catalogue, ind, age.unborn, age.months)
    why = why if age.given else f"no age is entered; {why}"
    return ("immediate" if ind.immediate else "age_years", f"‘{ind.text}’ does not fit the child's age as entered ({why}): check the child's age")


def _context_refused(error: FieldError) -> tuple[str, str]:
    """A refused context answer, named beside the screen's question that gives it."""
    name = error.field.removeprefix("context.")
    return _CONTEXT_QUESTIONS.get(name, "immediate"), f"{name.replace('_', ' ').capitalize()} {error.message}"


def _refusals(exc: CaseError, chosen: list[str], age: forms.Age) -> tuple[list[tuple[str, str]], set[str], bool]:
    """Each refusal the rules made of a screen's case that is no immediate referral without it (an
    immediate one is decided by `rules.refusals`, `_decided_without`): an indicator's age band, its
    meaningful-age floor or the pathway's ages, the child's age, a context answer, named beside the
    question it concerns; the context questions to decide without; whether to decide without the age.
    Whatever is refused, the screen then decides without it and says so: never a lower level without a
    word (review 10 surfaces, W1's class)."""
    catalogue = load_catalogue()
    errors: list[tuple[str, str]] = []
    questions: set[str] = set()
    without_age = False
    for error in exc.errors:
        at = error.indicator_position()
        if at is not None and at < len(chosen) and catalogue.has_indicator(chosen[at]):
            errors.append(_misfit(chosen[at], age))
            without_age = True
        elif error.field.startswith("context."):
            errors.append(_context_refused(error))
            questions.add(errors[-1][0])
        elif error.field.startswith(("child.", "parent.")):
            errors.append(("age_years", f"Age {error.message}"))
            without_age = True
        else:  # pragma: no cover - every refusal pathway.checks makes is one of the above
            errors.append(("immediate", f"{error.field} {error.message}"))
            without_age = True
    return errors, questions, without_age


def _decided_without(given: Case, decided: Case, decision: Decision, age: forms.Age) -> tuple[list[tuple[str, str]], set[str], list[str]]:
    """What `rules.refusals` decided an immediate referral without (`Decision.decided_without`, the API's
    and the journey's reading, left14), as the screen says it: each refusal named beside its question; the
    context questions decided without; the boxes and the age left out, in what the decision was made
    without. A box is left out when another p9 box bears the age out; the age is left out when a p9 box it
    does not fit is kept (that box named beside the p9 questions), or when it is refused itself."""
    catalogue = load_catalogue()
    errors: list[tuple[str, str]] = []
    questions: set[str] = set()
    said: list[str] = []
    for error in decision.decided_without:
        at = error.indicator_position()
        if at is not None and at < len(given.indicators) and catalogue.has_indicator(given.indicators[at]):
            errors.append(_misfit(given.indicators[at], age))
            said.append(f"‘{catalogue.indicator(given.indicators[at]).text}’ ({NOT_THIS_AGE})")
        elif error.field.startswith("context."):
            errors.append(_context_refused(error))
            questions.add(errors[-1][0])
        else:  # the child's age (the call screen asks no parent's age, and gives each need once)
            kept = [i for i in decided.indicators if catalogue.indicator(i).immediate and not admitted(i, age)]
            errors += [_misfit(i, age) for i in kept] or [("age_years", f"Age {error.message}")]
            said.append("the child's age" if age.given else "the child's age (none entered)")  # the unborn baby's box alone
    return list(dict.fromkeys(errors)), questions, list(dict.fromkeys(said))


def _gone(state: dict) -> tuple[list[tuple[str, str]], list[str]]:
    """What the call held that today's catalogue does not have (`load`): in what the decision was made
    without until a new call, and named as a problem beside the p9 questions or the search. A concern is a
    problem once (`shown`); a p9 box is never dropped without a word: it stays a problem, the adviser asked
    to put the p9 questions again (Responsive immediate protection, p9), until they say they have."""
    errors = [
        (
            "immediate",
            f"A p9 question ticked earlier in this call (‘{i}’) is not one of today's questions (the tool has been updated since it was ticked): {P9_AGAIN}",
        )
        for i in state["gone_immediate"]
        if i not in state["gone_asked"]
    ]
    errors += [
        (
            "q",
            f"A concern chosen earlier in this call (‘{i}’) is no longer one of today's needs (the tool has been updated since "
            "it was chosen): search for what the caller described and add it again",
        )
        for i in state["gone"]
        if i not in state["gone_named"]
    ]
    asked = "; the p9 questions were asked again"
    without = [f"‘{i}’ (no longer one of today's questions{asked if i in state['gone_asked'] else ''})" for i in state["gone_immediate"]]
    without += [f"‘{i}’ (no longer one of today's questions)" for i in state["gone"]]
    return errors, without


def screen(state: dict) -> Screen:
    age = forms.age(state["age_years"], state["age_months"], state["unborn"])
    errors = list(age.errors) + forms.note_errors(state["note"]) + forms.query_errors(state["q"])
    gone_errors, gone = _gone(state)
    errors += gone_errors
    chosen = list(dict.fromkeys(state["immediate"] + state["concerns"]))
    moment = now()
    office_hours = current_app.config["OFFICE_HOURS"]
    fallback = False
    deciding = _without_child_only_answers(_without_contradiction(state, errors), age, errors)
    deciding = _without_disability_clash(deciding, chosen, errors)
    without = [_QUESTION_WORDS[q] for q in _QUESTION_WORDS if state[q] and not deciding[q]]
    try:
        # the one reading of a refused case below every surface (the API's, the journey's): where what is
        # left is an immediate referral, decided without the refused answers, each named (left14)
        given = _case(chosen, age.child(), deciding, moment)
        case, decision = decide_despite_refusals(given, office_hours=office_hours)
    except CaseError as exc:
        # no immediate referral without what the rules refused: the screen decides without it all the same,
        # named beside its question (without the age for a concern that does not fit it, without a refused
        # context answer), so the adviser sees a level while the answer is corrected
        fallback = True
        refused, questions, without_age = _refusals(exc, chosen, age)
        errors += refused
        deciding = {**deciding, **{q: "" for q in questions}}
        without = [_QUESTION_WORDS[q] for q in _QUESTION_WORDS if state[q] and not deciding[q]]
        without += ["the child's age"] if without_age and age.given else []
        case = _case(chosen, {} if without_age else age.child(), deciding, moment)
        decision = evaluate(case, office_hours=office_hours)
    else:
        if decision.decided_without:
            fallback = True
            refused, questions, said = _decided_without(given, case, decision, age)
            errors += refused
            deciding = {**deciding, **{q: "" for q in questions}}
            without = [_QUESTION_WORDS[q] for q in _QUESTION_WORDS if state[q] and not deciding[q]] + said
    note = state["note"] if not forms.note_errors(state["note"]) else None
    # a need today's questions lack (left11), a concern set aside for the age (review 12 W2) and every
    # refused answer (review 11 W1)
    left_out = gone + [f"‘{load_catalogue().indicator(i).text}’ ({NOT_THIS_AGE})" for i in state["aside"]] + without
    caller, timezone = state["caller"] or None, office_hours.timezone
    if not chosen and left_out:  # concerns none of which can be used: no level to record (review 12 surfaces, W1)
        said = [p9_again_sentence()] if _p9_to_ask_again(state) else []
        summary = undecided_summary(
            decision, caller=caller, without=left_out, held=_holds_unused(state), said=said, note=note, timezone=timezone, office_hours=office_hours
        )
    else:
        summary = call_summary(decision, caller=caller, indicators=case.indicators, note=note, timezone=timezone, without=left_out, office_hours=office_hours)
    return Screen(state=state, age=age, decision=decision, chosen=chosen, summary=summary, errors=errors, fallback=fallback, without=left_out)


def search(query: str, age: forms.Age, exclude=(), limit: int = SHOWN) -> list[Offer]:
    """The search's rows for what the caller said, for this child's age, not already chosen, with
    the best match's twins grouped after it: pathway.search_offers.offered, which keeps the search's
    safety order (no rule here)."""
    return offered(query, age_in_months=None if age.unborn else age.months, unborn=age.unborn, exclude=exclude, limit=limit)
