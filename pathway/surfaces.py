"""How every surface words a decision's facts, in one place: whether its first contact is a call to
make now, its level with "(immediate referral)", its route with "(closed now: ...)".

The facts are the decision's own (rules.evaluate): nothing here decides or recomputes one. The words
are the catalogue's (`surfaces`). The result page, a saved entry, the call screen (its panel, bar and
status line), the call summary and the override pages all call these, so none of them can say the
route or the level another way (review 7, surfaces F2, F3, F6).
"""

from __future__ import annotations

from typing import Literal, Optional, Sequence

from pathway.catalogue import BelowThreshold, Catalogue, NoReferral, load_catalogue
from pathway.levels import Level
from pathway.models import Decision, Route
from pathway.settings import OfficeHours
from pathway.wording import route_to


def ring_now(decision: Decision) -> bool:
    """Whether the first contact is a call to make now, not one to contact first: a Protection
    decision (p4: suffering or likely to suffer significant harm), immediate or not. Appendix 2 (p25):
    a safeguarding concern is put through immediately. Every immediate decision is Protection."""
    return decision.level == Level.PROTECTION


def level_words(level: Level | str, immediate: bool, catalogue: Optional[Catalogue] = None) -> str:
    """A level's name, with "(immediate referral)" when the decision was one (p9)."""
    name = Level(level).label
    if not immediate:
        return name
    return (catalogue or load_catalogue()).surfaces.immediate_level.text.format(level=name)


def decision_level(decision: Decision, catalogue: Optional[Catalogue] = None) -> str:
    """The decision's level as every surface names it."""
    return level_words(decision.level, decision.immediate, catalogue)


def step_heading(decision: Decision) -> Optional[str]:
    """The heading above the step's words: the decision's own where the catalogue gives one (a new
    immediate concern at the level supported at now: the referral without delay, p9; left12), else the
    step's label ("Stepping up"); None without a step."""
    if decision.step is None:
        return None
    return decision.step_heading or decision.step.label


# Who a later reader of each written record checks a left-out answer with: the call record's reader,
# with the caller; the written referral's (Children's Social Care, from the practitioner), with the
# referrer: a referral has no caller (review 14 surfaces, Y3)
CHECK_WITH = {"call": "the caller", "referral": "the referrer"}


def decided_without(without: Sequence[str], *, record: Literal["call", "referral"] | None = None) -> str:
    """What a decision was made without, when the rules refused an answer as given and the screen
    decided without it ("" when nothing was left out). The call screen's panel and status line and the
    journey's result say it in the present ("until it is corrected"); a written record (`record`: the
    call summary to copy, or the journey's written referral) says it for a later reader: which answer
    was left out, that the level is decided without it, and whom that reader checks it with (CHECK_WITH).
    One list, one wording, so no output can give the level as if every answer were kept (review 11,
    surfaces W1)."""
    if not without:
        return ""
    names = " and ".join(without)
    one = len(without) == 1
    if record:
        return (
            f"Decided without {names}: the answers given could not all be used, so the level above is "
            f"decided without {'it' if one else 'them'}. Check {'it' if one else 'them'} with {CHECK_WITH[record]}."
        )
    return f"Decided without {names} until {'it is' if one else 'they are'} corrected"


def closed_now(route: Route, catalogue: Optional[Catalogue] = None, *, saved: bool = False) -> str:
    """The words after a route whose line is closed at this moment (a day service out of hours), or "".
    `saved`: the route is a saved entry's, decided for the moment it was saved, so its line was closed
    then, not now (review 16 surfaces, N1: "closed now" on a record read by day)."""
    if route.available_now:
        return ""
    words = (catalogue or load_catalogue()).surfaces
    return (words.route_closed_when_saved if saved else words.route_closed_now).text


def hours_words(decision: Decision, office_hours: OfficeHours, catalogue: Optional[Catalogue] = None) -> str:
    """How a record stating the decision's moment says it against the office hours: "" in office hours,
    else "out of hours", and on a day the office hours close all day "out of hours: <why>" (the
    catalogue's `surfaces.out_of_hours`, `out_of_hours_closed`). Whether it was out of hours, and
    whether the day was closed, are the decision's own facts (`out_of_hours`, its `closed_today`
    assumption); the name is the one that assumption gives, `OfficeHours.closure` for the decision's
    moment ("Christmas Day (observed), a bank holiday", "a locally set closed date"). The call
    summary, the call screen's time and the written referral say it so; a weekday at 10:00 called out
    of hours with no reason read as a mistake (review 17 surfaces, S2)."""
    if not decision.out_of_hours:
        return ""
    words = (catalogue or load_catalogue()).surfaces
    closed = any(a.id == "closed_today" for a in decision.assumptions)
    closure = office_hours.closure(decision.contact_time) if closed else None
    return words.out_of_hours_closed.text.format(closure=closure) if closure else words.out_of_hours.text


def as_recorded(decision: Decision, catalogue: Optional[Catalogue] = None) -> Decision:
    """A stored decision as a saved entry shows it: its words of the moment it was decided ("closed now",
    in its contacts, guidance and actions) said as a record of when it was saved (the catalogue's
    `surfaces.saved_time_words`; review 16 surfaces, N1's class). Its facts are unchanged."""
    phrases = (catalogue or load_catalogue()).surfaces.saved_time_words.phrases

    def said(text: str) -> str:
        for phrase in phrases:
            text = text.replace(phrase.now, phrase.saved)
        return text

    return decision.model_copy(
        update={
            "contacts": [c.model_copy(update={"when": said(c.when)}) for c in decision.contacts],
            "guidance": [g.model_copy(update={"text": said(g.text)}) for g in decision.guidance],
            "actions": [said(a) for a in decision.actions],
        }
    )


def route_words(route: Route, catalogue: Optional[Catalogue] = None) -> str:
    """The route as plain text, its number named with the contact it reaches (pathway.wording.route_to):
    "Team, through Children and Families Direct on 0115 876 4800 (closed now: when day services reopen)"."""
    said = str(route_to(route))
    closed = closed_now(route, catalogue)
    return f"{said} ({closed})" if closed else said


def no_referral(decision: Decision, catalogue: Optional[Catalogue] = None) -> Optional[NoReferral]:
    """The catalogue's words when the decision makes no referral: its route (first contact) is one of
    `in_writing.no_referral.routes` (Universal services: no threshold, p4), for the written-referral page
    to say instead of a team to send it to; None when there is a referral to put in writing. Read from the
    route, not the level: a child open to social care at Universal is referred to the allocated social
    worker or through Children and Families Direct (p37, p4), review 8 recheck R1."""
    cat = catalogue or load_catalogue()
    words = cat.in_writing.no_referral
    routes = [getattr(cat.routing, key) for key in words.routes]
    return words if any(decision.route.team == r.team for r in routes) else None


def below_threshold(decision: Decision, catalogue: Optional[Catalogue] = None) -> Optional[BelowThreshold]:
    """The catalogue's words when the decision's level is below the social-care threshold and it is not
    `no_referral`: the written page then is not a referral into Social Care and gives none of Appendix 3's
    timescales (p37), which are for one (left9: an Additional or Extensive page gave them). None at Child
    in Need and Protection, where the page is the social-care referral's."""
    cat = catalogue or load_catalogue()
    words = cat.in_writing.below_threshold
    if no_referral(decision, cat) is not None or decision.level.value not in words.levels:
        return None
    return words
