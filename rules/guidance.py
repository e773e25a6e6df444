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

from durable.lang import m, when_all

from pathway.catalogue import Catalogue
from rules.facts import prepared, twin_note_drawer

NAME = "fsp_2014_guidance"

# contact priorities: lower rings first (the route's own contact always comes first of all)
FIRST, NEXT, RELATED, LATER = 0, 10, 20, 30

DECISION = m.kind == "decision"
IN_HOURS = m.out_of_hours == False  # noqa: E712
OUT_OF_HOURS = m.out_of_hours == True  # noqa: E712
NOT_OPEN = m.open_case == False  # noqa: E712
OPEN = m.open_case == True  # noqa: E712
EARLY_HELP = (m.level_rank >= 2) & (m.level_rank <= 3)
SOCIAL_CARE = m.level_rank >= 4
# callers not CAF trained (p4: a concerned neighbour or volunteer): rules/resolved_actions.py reads the same
NOT_CAF_TRAINED = ("parent_carer", "public")


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
    # the level's own route, wherever none of the routes below applies: early help and universal
    # when not open to social care; in hours, a protection or Child in Need referral not for the
    # Disabled Children's Team
    @when_all(
        DECISION
        & NOT_OPEN
        & (
            (m.level_rank <= 3)
            | (
                IN_HOURS
                & (m.level == "protection")
                & ((m.disability != "substantial_lifelong") | ((m.disability == "substantial_lifelong") & (m.large_sibling_group == True)))  # noqa: E712
            )
            | (IN_HOURS & (m.level == "child_in_need") & (m.disability != "substantial_lifelong"))
        )
    )
    def route_by_level(c):
        route(c.s.sid, c.m.level)

    @when_all(DECISION & (m.level == "protection") & (m.disability == "substantial_lifelong") & (m.large_sibling_group == False) & IN_HOURS & NOT_OPEN)  # noqa: E712
    def route_disabled_child_protection(c):
        route(c.s.sid, "disabled_child_protection")

    @when_all(DECISION & (m.level == "child_in_need") & (m.disability == "substantial_lifelong") & IN_HOURS & NOT_OPEN)
    def route_disabled_child_in_need(c):
        route(c.s.sid, "disabled_child_in_need")

    @when_all(DECISION & OPEN & IN_HOURS)
    def route_open_case(c):
        route(c.s.sid, "open_to_social_care")

    @when_all(DECISION & (m.level == "protection") & OUT_OF_HOURS)
    def route_out_of_hours(c):
        route(c.s.sid, "out_of_hours")

    @when_all(DECISION & OUT_OF_HOURS & ((m.level == "child_in_need") | (OPEN & (m.level_rank <= 3))))
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

    @when_all(DECISION & OPEN & IN_HOURS & (m.immediate == True))  # noqa: E712
    def open_case_immediate_in_hours_contacts(c):
        # ring now with no number: the document's fallback (route 2, p18-21) after the worker's own
        # words, and Children and Families Direct next if no one holding the case answers (a reading)
        emit(c.s.sid, {"type": "contact_note", "id": "allocated_social_worker", "text": notes.service_manager_fallback.text})
        contact(c.s.sid, "children_families_direct", NEXT, notes.cfd_case_holder_unreachable.text)

    @when_all(DECISION & OPEN & OUT_OF_HOURS)
    def open_case_out_of_hours_contacts(c):
        contact(c.s.sid, "allocated_social_worker", NEXT, notes.reopen_follow_up.text)

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

    @when_all(DECISION & OPEN)
    def open_case(c):
        action(c.s.sid, "open_case", NEXT)
        guidance(c.s.sid, "open_to_social_care", "route.open_to_social_care")

    # --- step up / step down against the current level (Appendix 1, p24; p4, p5; Appendix 2) ----
    # up to a social-care level: Appendix 1; within early help: the Family Community Team's guidance
    @when_all(DECISION & (m.current_rank > 0) & (m.level_rank > m.current_rank) & SOCIAL_CARE)
    def step_up(c):
        emit(c.s.sid, {"type": "step", "value": "up"})
        guidance(c.s.sid, "step_up", "step.up")

    @when_all(DECISION & (m.current_rank > 0) & (m.level_rank > m.current_rank) & (m.level_rank <= 3))
    def step_up_early_help(c):
        emit(c.s.sid, {"type": "step", "value": "up"})
        guidance(c.s.sid, "step_up_early_help", "step.up")  # the same rule id: every surface shows it as the step's words

    @when_all(DECISION & (m.current_rank > 0) & (m.current_rank <= 3) & (m.level_rank < m.current_rank))
    def step_down(c):
        emit(c.s.sid, {"type": "step", "value": "down"})
        guidance(c.s.sid, "step_down", "step.down")

    @when_all(DECISION & (m.current_rank >= 4) & (m.level_rank < m.current_rank))
    def step_down_from_social_care(c):
        # not "down": a short checklist is not evidence that needs have fallen
        guidance(c.s.sid, "step_social_care", "step.social_care_managed")

    @when_all(DECISION & (m.current_rank > 0) & (m.level_rank == m.current_rank))
    def step_same(c):
        emit(c.s.sid, {"type": "step", "value": "same"})
        guidance(c.s.sid, "step_same", "step.same")

    # --- the CAF and the level supported at now not fitting each other (p4, p5, p15-16): named ---
    @when_all(DECISION & (m.current_rank == 1) & (m.caf == "open_not_improving"))
    def caf_failing_at_universal(c):
        guidance(c.s.sid, "caf_failing_at_universal", "context.caf_failing_at_universal")

    @when_all(DECISION & (m.current_rank == 3) & (m.caf == "none"))
    def extensive_without_caf(c):
        guidance(c.s.sid, "extensive_without_caf", "context.extensive_without_caf")

    # --- consent (Assessment process and stages p7; Appendix 3 p37) ---------------------------
    @when_all(DECISION & (m.consent == "no") & EARLY_HELP)
    def consent_refused_early_help(c):
        guidance(c.s.sid, "consent_refused", "consent.refused_early_help")
        action(c.s.sid, "consent_refused", NEXT)

    @when_all(DECISION & (m.consent == "no") & (m.level == "extensive"))
    def consent_refused_extensive(c):
        guidance(c.s.sid, "consent_refused_extensive", "consent.refused_extensive")

    @when_all(DECISION & (m.consent == "no") & SOCIAL_CARE)
    def consent_refused_social_care(c):
        guidance(c.s.sid, "consent_social_care", "consent.social_care")

    # --- who may start a CAF (Thresholds / Levels of support p4) -------------------------------
    # not for an open child: the allocated social worker holds the case, and Children and Families
    # Direct deals only with children not already open (Appendix 3, p37; route.open_to_social_care)
    @when_all(DECISION & ((m.caller == NOT_CAF_TRAINED[0]) | (m.caller == NOT_CAF_TRAINED[1])) & EARLY_HELP & NOT_OPEN)
    def not_caf_trained(c):
        guidance(c.s.sid, "not_caf_trained", "guidance.not_caf_trained")

    @when_all(DECISION & (m.caller == "professional") & SOCIAL_CARE)
    def professional_confirms_in_writing(c):
        guidance(c.s.sid, "confirm_in_writing", "referral.confirm_in_writing", in_writing)

    # --- a CAF not improving for a single additional need (Appendix 2, p25) -------------------
    @when_all(DECISION & (m.caf_single_need_not_improving == True))  # noqa: E712
    def caf_single_need_not_improving(c):
        guidance(c.s.sid, "caf_single_need_not_improving", "escalation.caf_single_need")

    # --- twins: the same need listed at more than one level (Levels of need p11-18) -----------
    twin_note = twin_note_drawer(catalogue)

    def twin_guidance(compact: dict) -> dict:
        note = twin_note(compact)
        return {
            "type": "guidance",
            "rule": f"twins.{note['group']}",
            "source": f"{note['source']}; {g.twins.source.cite()}",
            "text": f"{note['text']} {g.twins.text}",
        }

    # every note a case can give, drawn once here rather than on every decision (catalogue words only)
    drawn = {
        (group, chosen, others): twin_guidance({"group": group, "chosen": list(chosen), "others": list(others)})
        for (group, _), (chosen, others) in prepared(catalogue).twin_notes.items()
    }

    @when_all(DECISION & (m.twin_count > 0))
    def twins(c):
        for compact in c.m.twin_notes:
            found = drawn.get((compact["group"], tuple(compact["chosen"]), tuple(compact["others"])))
            emit(c.s.sid, dict(found) if found else twin_guidance(compact))

    @when_all(DECISION & (m.age_pointer_count > 0))
    def age_pointer(c):
        for iid in c.m.age_pointers:
            ind = catalogue.indicator(iid)
            level = g.twins.place_immediate if ind.immediate else ind.level.label  # "immediate referral, p9"
            guidance(c.s.sid, "age_pointer", f"age.pointer.{iid}", g.age_pointer.text.format(text=ind.text, level=level, page=ind.source.page))

    @when_all(DECISION & (m.age_entailment_unknown_count > 0))
    def age_entailment_age_unknown(c):
        guidance(c.s.sid, "age_entailment_age_unknown", "age.entailment_age_unknown")

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

    @when_all(DECISION & (m.age_unknown_crosswalk_count > 0))
    def age_unknown_crosswalk(c):
        guidance(c.s.sid, "age_unknown_under_1", "immediate.crosswalk_age_unknown")

    # --- disabled children (Appendix 3, p37) --------------------------------------------------
    @when_all(DECISION & (m.level == "protection") & (m.disability == "substantial_lifelong") & (m.large_sibling_group == False))  # noqa: E712
    def disabled_cp_dct(c):
        emit(c.s.sid, {"type": "guidance", "rule": "disabled_children.dct", "source": dcr_src, "text": dcr.substantial_lifelong})
        contact(c.s.sid, "disabled_childrens_team", RELATED, dcr.team_substantial_lifelong)

    @when_all(DECISION & (m.level == "protection") & (m.disability == "substantial_lifelong") & (m.large_sibling_group == True))  # noqa: E712
    def disabled_cp_sibling_group(c):
        emit(c.s.sid, {"type": "guidance", "rule": "disabled_children.large_sibling_group", "source": dcr_src, "text": dcr.large_sibling_group})
        contact(c.s.sid, "disabled_childrens_team", RELATED, dcr.team_large_sibling_group)

    @when_all(DECISION & (m.level == "protection") & (m.disability == "uncertain"))
    def disabled_cp_uncertain(c):
        emit(c.s.sid, {"type": "guidance", "rule": "disabled_children.uncertain", "source": dcr_src, "text": dcr.uncertain})
        contact(c.s.sid, "disabled_childrens_team", RELATED, dcr.team_uncertain)

    @when_all(DECISION & (m.level == "protection") & ((m.disability == "substantial_lifelong") | (m.disability == "uncertain")) & OUT_OF_HOURS)
    def disabled_cp_closed_now(c):
        # the routing above names day teams: out of hours they are closed (Key contacts, p23)
        emit(c.s.sid, {"type": "guidance", "rule": "disabled_children.closed_now", "source": f"Key contacts, p23; {dcr_src}", "text": dcr.out_of_hours})

    @when_all(DECISION & SOCIAL_CARE & (m.disability == "mild_moderate"))
    def disabled_mild_moderate(c):
        emit(c.s.sid, {"type": "guidance", "rule": "disabled_children.mild_moderate", "source": dcr_src, "text": dcr.mild_moderate})

    @when_all(DECISION & (m.level == "child_in_need") & (m.disability == "substantial_lifelong"))
    def disabled_cin_dct(c):
        contact(c.s.sid, "disabled_childrens_team", RELATED)

    # below Child in Need: why p4 and p37 do not raise the level, and when the team is for the child
    below_cin = {lv.id.value: g.disabled_below_child_in_need.text.format(level=lv.name) for lv in catalogue.levels}

    @when_all(DECISION & (m.level_rank <= 3) & (m.disability == "substantial_lifelong"))
    def disabled_below_child_in_need(c):
        guidance(c.s.sid, "disabled_below_child_in_need", "disabled_children.below_child_in_need", below_cin[c.m.level])
        contact(c.s.sid, "disabled_childrens_team", RELATED)
