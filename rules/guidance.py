"""Ruleset 2, guidance: given the level the needs reached, what to do, whom to ring, which route.

It runs after ruleset 1 because its rules depend on the final level (consent guidance differs
below and above the social-care threshold; disabled-children routing applies to protection).
Findings are typed: contact, contact_note (words that follow a listed contact's own), action,
guidance, step, route. A route finding names a key of the
catalogue's `routing` block and its contact is rung first. The route rules' conditions exclude
one another, so exactly one route fires (each firing costs durable-rules a JSON round trip of
the state; evaluate() refuses a decision with none or two). The words come from the catalogue
(`guidance`, `actions`, `routing`); this file says when.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

from durable.lang import m, when_all

from pathway.catalogue import DISABLED_ROADS, Catalogue
from pathway.choices import NOT_PROFESSIONAL
from pathway.levels import LEVELS, Level
from rules import engine
from rules.facts import prepared, twin_note_drawer

NAME = "fsp_2014_guidance"

# review 14, K1: the rule id of the one-child item every decision carries, last of its guidance
ONE_CHILD = "scope.one_child"

# contact priorities: lower rings first (the route's own contact always comes first of all)
FIRST, NEXT, RELATED, LATER = 0, 10, 20, 30

DECISION = m.kind == "decision"
IN_HOURS = m.out_of_hours == False  # noqa: E712
OUT_OF_HOURS = m.out_of_hours == True  # noqa: E712
NOT_OPEN = m.open_case == False  # noqa: E712
OPEN = m.open_case == True  # noqa: E712
EARLY_HELP = (m.level_rank >= 2) & (m.level_rank <= 3)
SOCIAL_CARE = m.level_rank >= 4
CAF_OPEN = (m.caf == "open_improving") | (m.caf == "open_not_improving")  # as answered (context.caf)
# not an open child taken as supported at a social-care level (catalogue open_from_current_level.taken_as)
NOT_TAKEN = m.open_support_rank == 0
# callers not CAF trained (p4: a concerned neighbour or volunteer): rules/resolved_actions.py reads the same
NOT_CAF_TRAINED = NOT_PROFESSIONAL
UNTRAINED = (m.caller == NOT_CAF_TRAINED[0]) | (m.caller == NOT_CAF_TRAINED[1])
# a professional, or the caller not said: a practitioner's steps are theirs (p7, p9, p37)
TRAINED = (m.caller != NOT_CAF_TRAINED[0]) & (m.caller != NOT_CAF_TRAINED[1])
# the disabled children Appendix 3 (p37) routes: child-protection concerns with a substantial or an
# uncertain disability, and a mild to moderate disability at the social-care threshold
DISABLED_ROUTED = ((m.level == "protection") & ((m.disability == "substantial_lifelong") | (m.disability == "uncertain"))) | (
    (m.level_rank >= 4) & (m.disability == "mild_moderate")
)

# Appendix 3 (p37) gives these to the Disabled Children's Team: a child protection concern about a child
# with a substantial, life-long disability, not in a large sibling group
DCT_PROTECTION = (m.level == "protection") & (m.disability == "substantial_lifelong") & (m.large_sibling_group == False)  # noqa: E712

# The route rules' conditions, each stated once (Appendix 2 p25; Appendix 3 p37; p23): the route rule of
# each key fires on its own (durable-rules is the route's engine), and `route_at` reads the same
# conditions in Python to name the route a decision of this case would take at another level (the
# pregnancy-under-13 prompt; a Python twin of these drifted once, review 10 H4). None: the level's own
# route, wherever none of the others applies: early help and universal when not open to social care;
# in hours, a protection or Child in Need referral not for the Disabled Children's Team.
ROUTE_WHEN: dict[Optional[str], Any] = {
    None: DECISION
    & NOT_OPEN
    & (
        (m.level_rank <= 3)
        | (
            IN_HOURS
            & (m.level == "protection")
            & ((m.disability != "substantial_lifelong") | ((m.disability == "substantial_lifelong") & (m.large_sibling_group == True)))  # noqa: E712
        )
        | (IN_HOURS & (m.level == "child_in_need") & (m.disability != "substantial_lifelong"))
    ),
    "disabled_child_protection": DECISION & DCT_PROTECTION & IN_HOURS & NOT_OPEN & TRAINED,
    "disabled_child_in_need": DECISION & (m.level == "child_in_need") & (m.disability == "substantial_lifelong") & IN_HOURS & NOT_OPEN,
    "disabled_not_caf_trained": DECISION & DCT_PROTECTION & IN_HOURS & NOT_OPEN & UNTRAINED,
    "open_to_social_care": DECISION & OPEN & IN_HOURS & TRAINED,
    "open_not_caf_trained": DECISION & OPEN & IN_HOURS & UNTRAINED,
    "out_of_hours": DECISION & (m.level == "protection") & OUT_OF_HOURS,
    "out_of_hours_social_care": DECISION & OUT_OF_HOURS & ((m.level == "child_in_need") | (OPEN & (m.level_rank <= 3))),
}


def route_conditions(when: Mapping[Optional[str], Any]) -> dict[Optional[str], dict]:
    """The route conditions as durable-rules compiles them (each route key's)."""
    return {key: condition.define() for key, condition in when.items()}


def route_at(fact: Mapping[str, Any], level: Level, conditions: Mapping[Optional[str], dict]) -> str:
    """The route key the route rules give `fact` were its level `level`: their own conditions
    (`route_conditions(ROUTE_WHEN)`, as registered) read by `engine.holds`; exactly one holds, as
    evaluate() requires of the rules themselves."""
    at = {**fact, "level": level.value, "level_rank": level.rank}
    keys = [key or level.value for key, condition in conditions.items() if engine.holds(condition, at)]
    if len(keys) != 1:
        raise engine.RulesError(f"the route conditions give {len(keys)} routes at {level.value}: they must exclude one another")
    return keys[0]


def define(catalogue: Catalogue, emit) -> None:
    g = catalogue.guidance
    dcr = catalogue.disabled_children_routing
    dcr_src = dcr.source.cite()
    notes = catalogue.contact_notes
    in_writing = g.confirm_in_writing.text.format(**catalogue.timescales.words())

    def guidance(sid, key, rule=None, text=None):
        emit(sid, {"type": "guidance", "rule": rule or f"guidance.{key}", "source": g[key].source.cite(), "text": text or g[key].text})

    def contact(sid, contact_id, priority, when=None):
        emit(sid, {"type": "contact", "id": contact_id, "priority": priority, "when": when})

    def action(sid, key, priority):
        """An action from the catalogue's `actions`; {contact} and {phone} are filled from the route."""
        emit(sid, {"type": "action", "key": key, "priority": priority})

    def route(sid, key):
        emit(sid, {"type": "route", "key": key})

    # --- the route: where the call or referral goes now (Appendix 2 p25; Appendix 3 p37; p23) ---
    # each rule's condition is ROUTE_WHEN's (above), read once here so the prompt below reads the same
    when = dict(ROUTE_WHEN)
    conditions = route_conditions(when)

    @when_all(when[None])
    def route_by_level(c):
        route(c.s.sid, c.m.level)

    @when_all(when["disabled_child_protection"])
    def route_disabled_child_protection(c):
        route(c.s.sid, "disabled_child_protection")

    @when_all(when["disabled_child_in_need"])
    def route_disabled_child_in_need(c):
        route(c.s.sid, "disabled_child_in_need")

    # a child protection concern from a parent, carer or member of the public: Children and Families
    # Direct, told of the disability (p4, p9; review 10, H4), as for an open child (route_open_not_caf_trained);
    # out of hours the Emergency Duty Team. A disabled Child in Need (short breaks) keeps the team's own
    # number, which p23 gives for help and advice to anyone
    @when_all(when["disabled_not_caf_trained"])
    def route_disabled_not_caf_trained(c):
        route(c.s.sid, "disabled_not_caf_trained")

    @when_all(when["open_to_social_care"])
    def route_open_case(c):
        route(c.s.sid, "open_to_social_care")

    # a parent, carer or member of the public has no number for the social worker: the one p4 and p9
    # give them, in hours (review 7, F2; out of hours the Emergency Duty Team, as for everyone)
    @when_all(when["open_not_caf_trained"])
    def route_open_not_caf_trained(c):
        route(c.s.sid, "open_not_caf_trained")

    @when_all(when["out_of_hours"])
    def route_out_of_hours(c):
        route(c.s.sid, "out_of_hours")

    @when_all(when["out_of_hours_social_care"])
    def route_out_of_hours_social_care(c):
        route(c.s.sid, "out_of_hours_social_care")

    # --- who else to contact (Key contacts p23; Thresholds p4; Responsive immediate protection p9)
    @when_all(DECISION & (m.level == "protection") & IN_HOURS & NOT_OPEN)
    def protection_in_hours_contacts(c):
        contact(c.s.sid, "children_families_direct", NEXT)
        contact(c.s.sid, "emergency_duty_team", LATER)

    @when_all(DECISION & (m.level == "protection") & OUT_OF_HOURS & NOT_OPEN)
    def protection_out_of_hours_contacts(c):
        contact(c.s.sid, "children_families_direct", NEXT, notes.reopen_follow_up.text)

    @when_all(DECISION & (m.level == "child_in_need") & IN_HOURS & NOT_OPEN)
    def child_in_need_in_hours_contacts(c):
        contact(c.s.sid, "children_families_direct", NEXT)
        contact(c.s.sid, "emergency_duty_team", LATER, notes.edt_cannot_wait.text)

    @when_all(DECISION & (m.level == "child_in_need") & OUT_OF_HOURS & NOT_OPEN)
    def child_in_need_out_of_hours_contacts(c):
        contact(c.s.sid, "children_families_direct", NEXT, notes.cfd_can_wait.text)

    @when_all(DECISION & OPEN & IN_HOURS)
    def open_case_in_hours_contacts(c):
        contact(c.s.sid, "emergency_duty_team", LATER, notes.edt_social_worker_away.text)

    @when_all(DECISION & OPEN & IN_HOURS & TRAINED & (m.immediate == True))  # noqa: E712
    def open_case_immediate_in_hours_contacts(c):
        # ring now with no number: the document's fallback (route 2, p18-21) after the worker's own
        # words, and Children and Families Direct next if no one holding the case answers (a reading)
        emit(c.s.sid, {"type": "contact_note", "id": "allocated_social_worker", "text": notes.service_manager_fallback.text})
        contact(c.s.sid, "children_families_direct", NEXT, notes.cfd_case_holder_unreachable.text)

    @when_all(DECISION & OPEN & OUT_OF_HOURS & TRAINED)
    def open_case_out_of_hours_contacts(c):
        contact(c.s.sid, "allocated_social_worker", NEXT, notes.reopen_follow_up.text)

    # not CAF trained: Children and Families Direct is theirs (p4); the social worker if they know them
    @when_all(DECISION & OPEN & UNTRAINED)
    def open_case_not_caf_trained_contacts(c):
        contact(c.s.sid, "allocated_social_worker", RELATED, notes.social_worker_if_known.text)

    @when_all(DECISION & OPEN & OUT_OF_HOURS & UNTRAINED)
    def open_case_not_caf_trained_out_of_hours_contacts(c):
        contact(c.s.sid, "children_families_direct", NEXT, notes.reopen_follow_up.text)

    @when_all(DECISION & EARLY_HELP & OUT_OF_HOURS & NOT_OPEN)
    def early_help_out_of_hours_contacts(c):
        contact(c.s.sid, "emergency_duty_team", LATER, notes.edt_significant_harm.text)
        guidance(c.s.sid, "day_services_closed")

    @when_all(DECISION & (m.level == "universal") & NOT_OPEN)
    def universal_contacts(c):
        contact(c.s.sid, "children_families_direct", NEXT)

    # --- first actions --------------------------------------------------------------------
    @when_all(DECISION & (m.immediate == True))  # noqa: E712
    def ring_now(c):
        action(c.s.sid, "ring_now", FIRST)

    @when_all(
        DECISION
        & (m.immediate == False)  # noqa: E712
        & ((m.level == "protection") | ((m.level == "child_in_need") & IN_HOURS))
    )
    def refer_by_route(c):
        action(c.s.sid, "refer_by_route", FIRST)

    @when_all(DECISION & (m.level == "child_in_need") & OUT_OF_HOURS)
    def social_care_out_of_hours(c):
        action(c.s.sid, "social_care_out_of_hours", FIRST)

    # the second disagreement route's first stage and its time (p18-21), filled from `disagreements` (rules14)
    second_route = next(r for r in catalogue.disagreements.routes if r.id == "concern_not_shared")
    open_words = g.open_to_social_care.text.format(step=second_route.stages[0].step, when=second_route.stages[0].when or "")

    @when_all(DECISION & OPEN & TRAINED)
    def open_case(c):
        action(c.s.sid, "open_case", NEXT)
        guidance(c.s.sid, "open_to_social_care", "route.open_to_social_care", open_words)

    @when_all(DECISION & OPEN & UNTRAINED)
    def open_case_not_caf_trained(c):
        action(c.s.sid, "open_case_not_caf_trained", NEXT)
        guidance(c.s.sid, "open_not_caf_trained", "route.open_to_social_care_not_caf_trained")

    # --- step up / step down against the current level (Appendix 1, p24; p4, p5; Appendix 2) ----
    # up to a social-care level: Appendix 1; within early help: the Family Community Team's guidance;
    # Child in Need to Protection: the case holder's (a reading, review 7 F7); from Universal, where
    # there is no CAF, the referral itself (a reading, review 8 F5). Beside an immediate referral a
    # step's words come after the call, as every other item's do (rules/evaluate.py, review 8 F4); a
    # caller not CAF trained is told the step is the professionals' (review 7, F8). The rule id is the
    # step's whatever the words.
    level_labels = {lv.rank: lv.label for lv in LEVELS}

    def step_words(c, key, rule):
        if c.m.caller in NOT_CAF_TRAINED:
            # at Child in Need, whether the child is in need is Children's Social Care's to decide (p37; review 13, J3)
            words = g.step_not_caf_trained_child_in_need if c.m.level == "child_in_need" else g.step_not_caf_trained
            text = words.text.format(current=level_labels[c.m.current_rank], level=level_labels[c.m.level_rank])
        else:
            text = g[key].text
        emit(c.s.sid, {"type": "guidance", "rule": rule, "source": g[key].source.cite(), "text": text})

    # p4, p5: Appendix 1 is for a move between a CAF and the social-care threshold, so the step up to a
    # social-care level reads the CAF answer (review 8 recheck, R6): said open, Appendix 1 from any level
    # below the threshold; said none, the referral is the step (a reading); not said, a family supported at
    # Additional or Extensive (the CAF threshold, p4) is read as having one, and Universal as having none
    @when_all(DECISION & NOT_TAKEN & (m.current_rank > 0) & (m.current_rank < 4) & SOCIAL_CARE & (CAF_OPEN | ((m.caf == "unknown") & (m.current_rank > 1))))
    def step_up(c):
        emit(c.s.sid, {"type": "step", "value": "up"})
        step_words(c, "step_up", "step.up")

    @when_all(DECISION & NOT_TAKEN & (m.current_rank > 1) & (m.current_rank < 4) & SOCIAL_CARE & (m.caf == "none"))
    def step_up_without_caf(c):
        emit(c.s.sid, {"type": "step", "value": "up"})
        step_words(c, "step_up_without_caf", "step.up")

    @when_all(DECISION & NOT_TAKEN & (m.current_rank == 1) & SOCIAL_CARE & ((m.caf == "none") | (m.caf == "unknown")))
    def step_up_from_universal(c):
        emit(c.s.sid, {"type": "step", "value": "up"})
        step_words(c, "step_up_from_universal", "step.up")

    @when_all(DECISION & (m.current_rank == 4) & (m.level_rank > m.current_rank))
    def step_up_within_social_care(c):
        emit(c.s.sid, {"type": "step", "value": "up"})
        step_words(c, "step_up_within_social_care", "step.up")

    @when_all(DECISION & NOT_TAKEN & (m.current_rank > 0) & (m.level_rank > m.current_rank) & (m.level_rank <= 3))
    def step_up_early_help(c):
        emit(c.s.sid, {"type": "step", "value": "up"})
        step_words(c, "step_up_early_help", "step.up")  # the same rule id: every surface shows it as the step's words

    @when_all(DECISION & NOT_TAKEN & (m.current_rank > 0) & (m.current_rank <= 3) & (m.level_rank < m.current_rank))
    def step_down(c):
        emit(c.s.sid, {"type": "step", "value": "down"})
        step_words(c, "step_down", "step.down")

    @when_all(DECISION & (m.current_rank >= 4) & (m.level_rank < m.current_rank))
    def step_down_from_social_care(c):
        # not "down": a short checklist is not evidence that needs have fallen
        guidance(c.s.sid, "step_social_care", "step.social_care_managed")

    # an open child whose support now is not given at a social-care level (not given, or given at an early-help
    # level) is taken as supported at Child in Need or above (catalogue open_from_current_level.taken_as, a
    # reading): the words say so, as the what-if list does, and what a step from there is; no step value, as the
    # level supported at is not known (rules15). A caller not CAF trained is told the step is not theirs
    @when_all(DECISION & (m.open_support_rank > 0))
    def step_open_support(c):
        w = g.step_open_support
        taken, level = level_labels[c.m.open_support_rank], level_labels[c.m.level_rank]
        if c.m.caller in NOT_CAF_TRAINED:
            text = w.not_caf_trained.format(taken=taken, level=level)
        else:
            given = w.given.format(current=level_labels[c.m.current_rank]) if c.m.current_rank else ""
            words = w.protection if c.m.level_rank > c.m.open_support_rank else w.text
            text = words.format(taken=taken, level=level, given=given)
        guidance(c.s.sid, "step_open_support", "step.social_care_managed", text)

    # the same level beside an immediate referral (supported at Protection, a new p9 concern): not
    # "continue the current plan" but the referral without delay (a reading, review 11 H2)
    # its heading too: "Staying at the same level" above them read as the plan going on (left12)
    @when_all(DECISION & NOT_TAKEN & (m.current_rank > 0) & (m.level_rank == m.current_rank))
    def step_same(c):
        emit(c.s.sid, {"type": "step", "value": "same", "heading": g.step_same_immediate.heading if c.m.immediate else None})
        step_words(c, "step_same_immediate" if c.m.immediate else "step_same", "step.same")

    # --- the CAF and the level supported at now not fitting each other (p4, p5, p15-16): named ---
    @when_all(DECISION & (m.current_rank == 1) & (m.caf == "open_not_improving"))
    def caf_failing_at_universal(c):
        guidance(c.s.sid, "caf_failing_at_universal", "context.caf_failing_at_universal")

    @when_all(DECISION & (m.current_rank == 3) & (m.caf == "none"))
    def extensive_without_caf(c):
        guidance(c.s.sid, "extensive_without_caf", "context.extensive_without_caf")

    # supported at Child in Need or Protection with a CAF not improving (review 7, F9): the p15-16
    # referral is the Extensive CAF's (rules/needs.py no longer makes it here), and p6 keeps the CAF
    # from significant child-protection concerns
    @when_all(DECISION & (m.current_rank >= 4) & (m.caf == "open_not_improving"))
    def caf_at_social_care_level(c):
        text = g.caf_at_social_care_level.text.format(level=level_labels[c.m.current_rank])
        guidance(c.s.sid, "caf_at_social_care_level", "context.caf_at_social_care_level", text)

    # the same contradiction with the CAF improving (review 8, n01): p6 keeps the CAF from significant
    # child-protection concerns whatever its progress, and the case is the social worker's
    @when_all(DECISION & (m.current_rank >= 4) & (m.caf == "open_improving"))
    def caf_improving_at_social_care_level(c):
        text = g.caf_improving_at_social_care_level.text.format(level=level_labels[c.m.current_rank])
        guidance(c.s.sid, "caf_improving_at_social_care_level", "context.caf_at_social_care_level", text)

    # consent to early help refused beside a CAF open (review 10, H5): named, not refused (a CAF may have
    # been open before consent was withdrawn), whoever asks
    @when_all(DECISION & (m.consent == "no") & ((m.caf == "open_improving") | (m.caf == "open_not_improving")))
    def consent_refused_caf_open(c):
        guidance(c.s.sid, "consent_refused_caf_open", "context.consent_refused_caf_open")

    # --- consent (Assessment process and stages p7; Appendix 3 p37) ---------------------------
    # the lead professional's judgement and the professional's request for agreement (p7, p37): not
    # for a caller who is not CAF trained, whose step is the contact p4 gives them (review 7, F8)
    @when_all(DECISION & (m.consent == "no") & EARLY_HELP & TRAINED & (m.beyond_childhood == False))  # noqa: E712
    def consent_refused_early_help(c):
        # an open child: p7's referral is to those holding the case (Appendix 3, p37; rules15)
        key = "consent_refused_open" if c.m.open_case else "consent_refused"
        guidance(c.s.sid, key, "consent.refused_early_help")
        action(c.s.sid, key, NEXT)

    # a care leaver of 20 to 25: the needs that may escalate are the unborn baby's (review 8 recheck, R3)
    @when_all(DECISION & (m.consent == "no") & EARLY_HELP & TRAINED & (m.beyond_childhood == True))  # noqa: E712
    def consent_refused_early_help_beyond_childhood(c):
        guidance(c.s.sid, "consent_refused_beyond_childhood", "consent.refused_early_help")
        action(c.s.sid, "consent_refused_beyond_childhood", NEXT)

    @when_all(DECISION & (m.consent == "no") & (m.level == "extensive") & TRAINED & (m.beyond_childhood == False))  # noqa: E712
    def consent_refused_extensive(c):
        guidance(c.s.sid, "consent_refused_extensive", "consent.refused_extensive")

    # a care leaver of 20 to 25: the Protection needs named are the unborn baby's (review 8, F1)
    @when_all(DECISION & (m.consent == "no") & (m.level == "extensive") & TRAINED & (m.beyond_childhood == True))  # noqa: E712
    def consent_refused_extensive_beyond_childhood(c):
        guidance(c.s.sid, "consent_refused_extensive_beyond_childhood", "consent.refused_extensive")

    @when_all(DECISION & (m.consent == "no") & SOCIAL_CARE & TRAINED)
    def consent_refused_social_care(c):
        guidance(c.s.sid, "consent_social_care", "consent.social_care")

    # --- who may start a CAF (Thresholds / Levels of support p4) -------------------------------
    # an open child too: the caller's route is Children and Families Direct (review 7, F2)
    @when_all(DECISION & UNTRAINED & EARLY_HELP)
    def not_caf_trained(c):
        guidance(c.s.sid, "not_caf_trained", "guidance.not_caf_trained")

    @when_all(DECISION & (m.caller == "professional") & SOCIAL_CARE)
    def professional_confirms_in_writing(c):
        guidance(c.s.sid, "confirm_in_writing", "referral.confirm_in_writing", in_writing)

    # --- a referral into Social Care: what follows it (Appendix 3, p37) and if it is not accepted (p18) ---
    # rules13. One rule, so a social-care decision costs one firing more, not three (each firing is a JSON
    # round trip of the state): Social Care's checks, the parents' consent to them and the feedback after
    # the assessment, for every caller; at Protection, the assessment by which a section 47 enquiry is
    # carried out, with its timescales (a reading); and for an agency's referral of a child not open, the
    # first disagreement route's timescale and first stage, filled from `disagreements` (an open child's
    # concern not shared is route 2, named by route.open_to_social_care; a parent, carer or member of the
    # public is not an agency, p18)
    s47_words = g.s47_assessment.text.format(**catalogue.timescales.words())
    s47_young_adult = g.s47_assessment_young_adult  # at 18 or 19, in its place (review 16, M2)
    first_route = next(r for r in catalogue.disagreements.routes if r.id == "referral_not_accepted")
    first, *later = first_route.stages  # every later stage named, in p18's order (review 18 rules, N6)
    not_accepted = g.referral_not_accepted.text.format(
        timescale=first_route.timescale, step=first.step, when=first.when or "", later=" ".join(s.step for s in later).removesuffix(".")
    )

    # review 14, K4: not for an unborn baby, whose pre-birth assessment's timescales are identified at its
    # planning meeting (p37): pre_birth_planning, below, stands in its place, whatever the road to Protection
    @when_all(DECISION & SOCIAL_CARE)
    def referral_into_social_care(c):
        guidance(c.s.sid, "social_care_assessment", "referral.social_care_assessment")
        if c.m.level == "protection" and c.m.young_adult:
            guidance(c.s.sid, "s47_assessment_young_adult", "referral.s47_assessment", s47_young_adult.text)
        elif c.m.level == "protection" and not c.m.unborn:
            guidance(c.s.sid, "s47_assessment", "referral.s47_assessment", s47_words)
        if not c.m.open_case and c.m.caller not in NOT_CAF_TRAINED:
            guidance(c.s.sid, "referral_not_accepted", "disagreement.referral_not_accepted", not_accepted)

    # an unborn baby at Protection: the pre-birth assessment's planning meeting (p37; a reading, p17), in the
    # place of the section 47 item and its Children's Assessment timescales (review 14, K4)
    @when_all(DECISION & (m.level == "protection") & (m.unborn == True))  # noqa: E712
    def pre_birth_planning(c):
        guidance(c.s.sid, "pre_birth_planning", "unborn.pre_birth_planning")

    # --- a CAF not improving for a single additional need (Appendix 2, p25) -------------------
    # below the social-care levels only: there the CAF's contradiction is named (caf_at_social_care_level)
    @when_all(DECISION & (m.caf_single_need_not_improving == True) & (m.current_rank < 4))  # noqa: E712
    def caf_single_need_not_improving(c):
        key = "caf_single_need_not_caf_trained" if c.m.caller in NOT_CAF_TRAINED else "caf_single_need_not_improving"
        guidance(c.s.sid, key, "escalation.caf_single_need")

    # --- twins: the same need listed at more than one level (Levels of need p11-18) -----------
    twin_note = twin_note_drawer(catalogue)

    def twin_guidance(compact: dict, untrained: bool = False) -> dict:
        note = twin_note(compact)
        return {
            "type": "guidance",
            "rule": f"twins.{note['group']}",
            "source": f"{note['source']}; {g.twins.source.cite()}",
            "text": f"{note['text']} {g.twins.not_caf_trained if untrained else g.twins.text}",
        }

    # every note a case can give, drawn once here rather than on every decision (catalogue words only),
    # for a professional and for a caller not CAF trained (no line manager or safeguarding lead, review 7 F8)
    drawn = {
        (group, chosen, others, untrained): twin_guidance({"group": group, "chosen": list(chosen), "others": list(others)}, untrained)
        for (group, _), (chosen, others) in prepared(catalogue).twin_notes.items()
        for untrained in (False, True)
    }

    @when_all(DECISION & (m.twin_count > 0))
    def twins(c):
        untrained = c.m.caller in NOT_CAF_TRAINED
        for compact in c.m.twin_notes:
            found = drawn.get((compact["group"], tuple(compact["chosen"]), tuple(compact["others"]), untrained))
            emit(c.s.sid, dict(found) if found else twin_guidance(compact, untrained))

    # the tool decides one child (review 14, K1): every decision, whatever its level, caller or clock, says
    # so and names p9's age-banded criteria (declared); one rule over every decision, not one per level.
    # evaluate() puts it last of the guidance, after the ring-now, the contacts and every other item
    @when_all(DECISION)
    def one_child(c):
        guidance(c.s.sid, "one_child", ONE_CHILD)

    @when_all(DECISION & (m.age_entailment_unknown_count > 0))
    def age_entailment_age_unknown(c):
        guidance(c.s.sid, "age_entailment_age_unknown", "age.entailment_age_unknown")

    # possible, not certain, that a young parent was under 13 when the pregnancy began (review 10, H1
    # follow-up): the level is not raised; the words say what it would mean and whom an immediate
    # referral of this case would ring now (the route rules' conditions above, read at Protection)
    possible = g.age_entailment_pregnancy_start_possible

    def ring_words(fact, words=possible) -> str:
        """`words.ring` with whom an immediate referral of this case rings now, or `words.in_the_call` beside one."""
        if fact.immediate:
            return words.in_the_call
        # the route rules' own conditions (above), asked what route this case takes at Protection
        via = catalogue.contact(catalogue.routing[route_at(dict(fact.items()), Level.PROTECTION, conditions)].via)
        return words.ring.format(contact=via.named_in_a_sentence(), phone=f" on {via.phone}" if via.phone else "")

    # an age pointer to a twin on the immediate-referral list (review 33, Q10: p13's 'Substance misuse may impact'
    # at 5 months on Boxing Day named p9's under-1 criterion but not whom to ring for it): the declared
    # reading's words, with whom an immediate referral of this case rings now (ring_words, the route rules' own)
    pointer_now = g.age_pointer.immediate

    @when_all(DECISION & (m.age_pointer_count > 0))
    def age_pointer(c):
        for iid in c.m.age_pointers:
            ind = catalogue.indicator(iid)
            if ind.immediate:
                text = pointer_now.text.format(text=ind.text, ring=ring_words(c.m, pointer_now))
                emit(c.s.sid, {"type": "guidance", "rule": f"age.pointer.{iid}", "source": pointer_now.source.cite(), "text": text})
            else:
                text = g.age_pointer.text.format(text=ind.text, level=ind.level.label, page=ind.source.page)
                guidance(c.s.sid, "age_pointer", f"age.pointer.{iid}", text)

    @when_all(DECISION & (m.age_entailment_possible_count > 0))
    def age_entailment_pregnancy_start_possible(c):
        for age in c.m.age_entailment_possible:
            text = possible.text.format(age=age, ring=ring_words(c.m))
            guidance(c.s.sid, "age_entailment_pregnancy_start_possible", "age.entailment_pregnancy_start_possible", text)

    # a need naming a pregnancy, chosen for a child who is not unborn: the baby's own p9 criterion (review 7, F11)
    unborn_pointer_words = {
        p.id: {
            "type": "guidance",
            "rule": f"unborn.pointer.{p.id}",
            "source": p.source.cite(),
            "text": p.text.format(points_to=catalogue.indicator(p.points_to).text),
        }
        for p in catalogue.unborn_pointers
    }

    @when_all(DECISION & (m.unborn_pointer_count > 0))
    def unborn_pointer(c):
        for pid in c.m.unborn_pointers:
            emit(c.s.sid, dict(unborn_pointer_words[pid]))

    # a need naming a parent's mental health or substance use: p9's seventh criterion, as the tool reads it,
    # should the child also witness or experience repeated domestic violence (review 13, J1)
    criterion_pointer_words = {}
    for p in catalogue.criterion_pointers:
        criterion = catalogue.indicator(p.points_to)
        why = criterion.reading.why if criterion.reading else ""  # the catalogue refuses a pointer to a criterion without one
        words = {"type": "guidance", "rule": f"criterion.pointer.{p.id}", "source": p.source.cite(), "text": p.text.format(points_to=criterion.text, why=why)}
        criterion_pointer_words[p.id] = words

    @when_all(DECISION & (m.criterion_pointer_count > 0))
    def criterion_pointer(c):
        for pid in c.m.criterion_pointers:
            emit(c.s.sid, dict(criterion_pointer_words[pid]))

    @when_all(DECISION & (m.age_unknown_crosswalk_count > 0))
    def age_unknown_crosswalk(c):
        guidance(c.s.sid, "age_unknown_under_1", "immediate.crosswalk_age_unknown")

    # --- disabled children (Appendix 3, p37) --------------------------------------------------
    # a child not yet open: Appendix 3's routing as it says; an open child: one place to ring first
    # (the route's), and how the Disabled Children's Team is involved, declared (review 7, F3)
    @when_all(DECISION & NOT_OPEN & TRAINED & DCT_PROTECTION)
    def disabled_cp_dct(c):
        emit(c.s.sid, {"type": "guidance", "rule": "disabled_children.dct", "source": dcr_src, "text": dcr.substantial_lifelong})
        contact(c.s.sid, "disabled_childrens_team", RELATED, dcr.team_substantial_lifelong)

    # a caller not CAF trained: Children and Families Direct, told of the disability (review 10, H4)
    @when_all(DECISION & NOT_OPEN & UNTRAINED & DCT_PROTECTION)
    def disabled_not_caf_trained(c):
        guidance(c.s.sid, "disabled_not_caf_trained", "disabled_children.not_caf_trained")
        contact(c.s.sid, "disabled_childrens_team", RELATED, dcr.team_not_caf_trained)

    @when_all(DECISION & NOT_OPEN & (m.level == "protection") & (m.disability == "substantial_lifelong") & (m.large_sibling_group == True))  # noqa: E712
    def disabled_cp_sibling_group(c):
        emit(c.s.sid, {"type": "guidance", "rule": "disabled_children.large_sibling_group", "source": dcr_src, "text": dcr.large_sibling_group})
        contact(c.s.sid, "disabled_childrens_team", RELATED, dcr.team_large_sibling_group)

    @when_all(DECISION & NOT_OPEN & (m.level == "protection") & (m.disability == "uncertain"))
    def disabled_cp_uncertain(c):
        emit(c.s.sid, {"type": "guidance", "rule": "disabled_children.uncertain", "source": dcr_src, "text": dcr.uncertain})
        contact(c.s.sid, "disabled_childrens_team", RELATED, dcr.team_uncertain)

    @when_all(DECISION & (m.level == "protection") & ((m.disability == "substantial_lifelong") | (m.disability == "uncertain")) & OUT_OF_HOURS)
    def disabled_cp_closed_now(c):
        # the routing above names day teams: out of hours they are closed (Key contacts, p23)
        emit(c.s.sid, {"type": "guidance", "rule": "disabled_children.closed_now", "source": f"Key contacts, p23; {dcr_src}", "text": dcr.out_of_hours})

    @when_all(DECISION & NOT_OPEN & SOCIAL_CARE & (m.disability == "mild_moderate"))
    def disabled_mild_moderate(c):
        emit(c.s.sid, {"type": "guidance", "rule": "disabled_children.mild_moderate", "source": dcr_src, "text": dcr.mild_moderate})

    @when_all(DECISION & OPEN & TRAINED & DISABLED_ROUTED)
    def disabled_open_case(c):
        guidance(c.s.sid, "disabled_open_case", "disabled_children.open_case")
        if c.m.level == "protection" and c.m.disability in ("substantial_lifelong", "uncertain"):
            contact(c.s.sid, "disabled_childrens_team", RELATED, notes.dct_open_case.text)

    @when_all(DECISION & OPEN & UNTRAINED & DISABLED_ROUTED)
    def disabled_open_case_not_caf_trained(c):
        guidance(c.s.sid, "disabled_open_case_not_caf_trained", "disabled_children.open_case")

    @when_all(DECISION & (m.level == "child_in_need") & (m.disability == "substantial_lifelong"))
    def disabled_cin_dct(c):
        contact(c.s.sid, "disabled_childrens_team", RELATED)

    # a young person past the children's ages (a care leaver of 20 to 25): the disability is not
    # routed to a child's team (rules/facts.py effective_disability), and this says why (review 8, F1)
    @when_all(DECISION & (m.disability_not_routed == True))  # noqa: E712
    def disability_not_routed(c):
        guidance(c.s.sid, "disability_not_routed", "age.disability_not_routed")

    # below Child in Need: why p4 and p37 do not raise the level, on every road by which the case says the
    # child is disabled (review 17, N6: the facts' disabled_road), in that road's words; and, for a
    # substantial, life-long disability only (the route's answer, as before), when the team is for the child
    below = g.disabled_below_child_in_need
    roads = ("substantial_lifelong", *DISABLED_ROADS)
    below_cin = {
        (road, lv.id.value): (below.road(road).source.cite(), below.road(road).text.format(level=lv.name)) for road in roads for lv in catalogue.levels
    }

    @when_all(DECISION & (m.level_rank <= 3) & (m.disabled_road != "none"))
    def disabled_below_child_in_need(c):
        source, text = below_cin[(c.m.disabled_road, c.m.level)]
        emit(c.s.sid, {"type": "guidance", "rule": "disabled_children.below_child_in_need", "source": source, "text": text})
        if c.m.disability == "substantial_lifelong":
            contact(c.s.sid, "disabled_childrens_team", RELATED)
