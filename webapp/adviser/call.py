"""The call in the server-side session, and the case and decision it makes.

Nothing here decides anything: the level, route and guidance come from rules.evaluate.
The session holds the answers as typed (so an invalid age is shown back as typed, with its error).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from flask import current_app, session

from pathway.call_summary import call_summary
from pathway.catalogue import load_catalogue
from pathway.models import Case, CaseError, Decision
from pathway.search import search as find
from rules import evaluate
from webapp.adviser import forms
from webapp.adviser.forms import Posted
from webapp.sessions import require_readable

KEY = "adviser_call"
EMPTY = {"immediate": [], "concerns": [], "age_years": "", "age_months": "", "unborn": False,
         "caller": "", "caf": "", "note": "", "q": "", "dropped": [], "rev": 0, "conflict": False}


def load() -> dict:
    require_readable()   # an adviser mid-call must not be shown an empty call
    return {**EMPTY, **(session.get(KEY) or {})}


def clear() -> None:
    session.pop(KEY, None)


def conflict_shown(state: dict) -> None:
    """The warning about a change made elsewhere is shown once."""
    if state["conflict"]:
        session[KEY] = {**state, "conflict": False}


def now() -> datetime:
    """The app's clock: config CLOCK (a callable giving an aware datetime) lets tests set the time."""
    clock = current_app.config.get("CLOCK")
    return clock() if clock else datetime.now(timezone.utc)


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
        session[KEY] = state
        return state
    immediate = list(posted.immediate)
    concerns = [i for i in state["concerns"] if i != posted.remove]
    if posted.remove in immediate:
        immediate.remove(posted.remove)
    if posted.add:
        target = immediate if catalogue.indicator(posted.add).immediate else concerns
        if posted.add not in target:
            target.append(posted.add)
    age = forms.age(posted.age_years, posted.age_months, posted.unborn)
    # a concern the child's age rules out is dropped, and the adviser told (immediate ones stay:
    # they are always offered and never silently taken away; the page flags the clash instead)
    dropped = [i for i in concerns if not admitted(i, age)]
    concerns = [i for i in concerns if i not in dropped]
    state.update(immediate=immediate, concerns=concerns, age_years=posted.age_years, age_months=posted.age_months,
                 unborn=posted.unborn, caller=posted.caller, caf=posted.caf, note=posted.note,
                 q="" if posted.add else posted.q, dropped=dropped, rev=state["rev"] + 1, conflict=False)
    session[KEY] = state
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

    @property
    def immediate(self) -> bool:
        return bool(self.state["immediate"])


def _case(indicators: list[str], child: dict, state: dict, moment: datetime) -> Case:
    context = {"contact_time": moment.isoformat()}
    if state["caller"]:
        context["caller"] = state["caller"]
    if state["caf"]:
        context["caf"] = state["caf"]
    return Case.parse({"child": child, "indicators": indicators, "context": context})


def screen(state: dict) -> Screen:
    catalogue = load_catalogue()
    age = forms.age(state["age_years"], state["age_months"], state["unborn"])
    errors = list(age.errors) + forms.note_errors(state["note"])
    chosen = list(dict.fromkeys(state["immediate"] + state["concerns"]))
    moment = now()
    office_hours = current_app.config["OFFICE_HOURS"]
    fallback = False
    try:
        case = _case(chosen, age.child(), state, moment)
        decision = evaluate(case, office_hours=office_hours)
    except CaseError:
        # only immediate indicators can clash with the age (the others are dropped when the age
        # changes): say so, and decide on the immediate concerns alone, without the age, so the
        # put-through-now state never waits for the age to be corrected
        fallback = True
        for i in state["immediate"]:
            if not admitted(i, age):
                band = catalogue.band(catalogue.indicator(i).age_band)
                errors.append(("immediate", f"‘{catalogue.indicator(i).text}’ does not fit the child's age as "
                                            f"entered (it is for: {band.label}): check the child's age"))
        unborn_ids = [i for i in state["immediate"] if catalogue.indicator(i).age_band == "unborn"]
        others = [i for i in state["immediate"] if i not in unborn_ids]
        case = _case(others, {}, state, moment) if others else _case(unborn_ids, {"unborn": True}, state, moment)
        decision = evaluate(case, office_hours=office_hours)
    note = state["note"] if not forms.note_errors(state["note"]) else None
    summary = call_summary(decision, caller=state["caller"] or None, indicators=case.indicators, note=note,
                           timezone=office_hours.timezone)
    return Screen(state=state, age=age, decision=decision, chosen=chosen, summary=summary, errors=errors,
                  fallback=fallback)


def search(query: str, age: forms.Age, exclude=(), limit: int = 8):
    """Indicators for what the caller said, for this child's age, not already chosen."""
    hits = find(query, age_in_months=None if age.unborn else age.months, unborn=age.unborn,
                limit=limit + len(exclude))
    return [h for h in hits if h.id not in set(exclude)][:limit]
