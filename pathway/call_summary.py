"""Plain-text call summary an adviser copies into the case system (issue 5).

It records what was decided and why, in the document's words, so the record can be checked
against the threshold document later. It takes no details of the child at all: the case system
already holds who the child is, and a copied text should not carry them a second time. The only
free text is the adviser's own note, and it appears only when the adviser typed one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Iterable, Optional, Sequence
from zoneinfo import ZoneInfo

from pathway import written_text
from pathway.catalogue import Catalogue, load_catalogue
from pathway.choices import Caller
from pathway.dates import weekday_time_words, zone_words
from pathway.models import Case, Decision
from pathway.settings import OfficeHours
from pathway.surfaces import decided_without, hours_words, route_words
from pathway.wording import cited

NOT_RECORDED = "Not recorded"  # no caller given
MAX_NOTE = 2000


def call_summary(
    decision: Decision,
    *,
    caller: Optional[str],
    indicators: Iterable[str],
    time: Optional[datetime] = None,
    note: Optional[str] = None,
    timezone: str = "Europe/London",
    catalogue: Optional[Catalogue] = None,
    without: Sequence[str] = (),
    office_hours: Optional[OfficeHours] = None,
) -> str:
    """The summary text. `time` defaults to the moment the decision was made for. `without`: the
    answers the rules refused and the decision left out (the call screen's `Screen.without`), said
    right under the level so the record never gives the level as if every answer were kept.
    `office_hours`: the ones the decision was made with (default: the environment's, as
    rules.evaluate's), for the name of a day closed all day on the Time line."""
    catalogue = catalogue or load_catalogue()
    _check_caller(caller)
    chosen = _indicators(indicators, catalogue)
    one_child = catalogue.guidance.one_child
    lines = [
        *_head(decision, caller, time, timezone, office_hours),
        "Indicators:",
        *([f"- {ind.text} ({ind.level.label}; {ind.source.cite()})" for ind in chosen] or ["- none chosen"]),
        f"Level: {decision.level_name}" + (" - immediate referral" if decision.immediate else ""),
        *([decided_without(without, record="call")] if without else []),
        # the via contact and "closed now" as every surface says them (review 7, surfaces F6, F11)
        f"Route: {route_words(decision.route, catalogue)}",
        f"  {decision.route.why} {cited(decision.route.source, decision.route)}",
        "Reasons:",
        *([f"- {r.explanation} {cited(r.source, r)}" for r in decision.reasons] or ["- no indicators: universal services"]),
        # the tool decides one child (review 14, K1): after the route and reasons, as on every surface
        f"Other children: {one_child.text} {cited(one_child.source.cite(), one_child)}",
    ]
    return _with_tail(lines, note, decision.ruleset)


def undecided_summary(
    decision: Decision,
    *,
    caller: Optional[str],
    without: Sequence[str],
    held: bool,
    said: Sequence[str] = (),
    time: Optional[datetime] = None,
    note: Optional[str] = None,
    timezone: str = "Europe/London",
    office_hours: Optional[OfficeHours] = None,
) -> str:
    """The summary for a call whose concerns the screen cannot use (a p9 box a release renamed, a concern
    the age given does not admit: `held`) or with none chosen, and answers left out (`without`): no
    level, never the empty case's Universal as if nothing had been ticked, and what it was decided
    without, then the screen's own sentences (`said`); the title, time, caller, note and ruleset as in
    `call_summary` (review 12 surfaces, W1)."""
    _check_caller(caller)
    one = len(without) == 1
    lines = [
        *_head(decision, caller, time, timezone, office_hours),
        "Indicators:",
        "- none that could be used" if held else "- none chosen",
        "Level: none decided, no route",
        f"Decided without {' and '.join(without)}: check {'it' if one else 'them'} with the caller.",
        *said,
    ]
    return _with_tail(lines, note, decision.ruleset)


def _check_caller(caller: Optional[str]) -> None:
    callers = [c.value for c in Caller]
    if caller is not None and caller not in callers:
        raise ValueError(f"caller must be one of {sorted(callers)} or None, not {caller!r}")


def _head(decision: Decision, caller: Optional[str], time: Optional[datetime], timezone: str, office_hours: Optional[OfficeHours]) -> list[str]:
    """The title, the time (the decision's moment unless given, on the named clock) and the caller. Out
    of hours the time says so, naming a day closed all day (pathway.surfaces.hours_words: a bank
    holiday's name; review 17 surfaces, S2)."""
    moment = time or decision.contact_time
    if moment.tzinfo is None:
        raise ValueError("time must carry a time zone, so the record says which clock it is")
    local = moment.astimezone(ZoneInfo(timezone))
    hours = hours_words(decision, office_hours or OfficeHours.from_env())
    return [
        "Children and Families Direct: call summary",
        # the call screen's own words for the moment (pathway.dates: review 18 surfaces, S5)
        f"Time: {weekday_time_words(local)} ({zone_words(local)}" + (f", {hours})" if hours else ")"),
        f"Caller: {Caller.of(caller).label if caller else NOT_RECORDED}",
    ]


def _with_tail(lines: list[str], note: Optional[str], ruleset: str) -> str:
    """The summary's lines with the adviser's note, when one was typed, and the ruleset last."""
    note = _note(note)
    if note:
        lines += ["Adviser note:", *(f"  {line}" for line in note.splitlines())]
    lines.append(f"Ruleset: {ruleset}")
    return "\n".join(lines) + "\n"


def summarise_case(case: Case, decision: Decision, *, note: Optional[str] = None, **kwargs) -> str:
    """The summary for a case and its decision; reads only the caller and indicators from the case."""
    return call_summary(decision, caller=case.context.caller, indicators=case.indicators, note=note, **kwargs)


def _indicators(ids: Iterable[str], catalogue: Catalogue):
    ids = list(dict.fromkeys(ids))
    unknown = [i for i in ids if not catalogue.has_indicator(i)]
    if unknown:
        raise ValueError(f"unknown indicators: {unknown}")
    chosen = [catalogue.indicator(i) for i in ids]
    return sorted(chosen, key=lambda ind: (not ind.immediate, -ind.level.rank, ind.text))


def _note(note: Optional[str]) -> str:
    if note is None:
        return ""
    if not isinstance(note, str):
        raise TypeError("note must be text")
    note = written_text.or_empty(note.replace("\r\n", "\n")).strip()  # nothing visible is no note (review 19 surfaces, S4)
    if len(note) > MAX_NOTE:
        raise ValueError(f"note is {len(note)} characters; keep it to {MAX_NOTE} or fewer")
    return note
