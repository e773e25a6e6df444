"""Ruleset 2, guidance: given the level the needs reached, what to do, whom to ring, which route.

It runs after ruleset 1 because its rules depend on the final level (consent guidance differs
below and above the social-care threshold; disabled-children routing applies to protection).
Findings are typed: contact, action, guidance, step, route.
"""
from __future__ import annotations

from durable.lang import m, when_all

from pathway.catalogue import Catalogue

NAME = "fsp_2014_guidance"

# contact priorities: lower rings first
FIRST, NEXT, RELATED, LATER = 0, 10, 20, 30


def define(catalogue: Catalogue, emit) -> None:
    g = catalogue.guidance
    dcr = catalogue.disabled_children_routing
    dcr_src = _cite(dcr["source"])
    routing = catalogue.routing

    def guidance(sid, key, rule=None):
        emit(sid, {"type": "guidance", "rule": rule or f"guidance.{key}", "source": _cite(g[key]["source"]),
                   "text": g[key]["text"]})

    def contact(sid, contact_id, priority, when=None):
        emit(sid, {"type": "contact", "id": contact_id, "priority": priority, "when": when})

    def action(sid, text, priority):
        emit(sid, {"type": "action", "text": text, "priority": priority})

    # --- who to ring (Key contacts p23; Thresholds p4; Responsive immediate protection p9) ----
    @when_all((m.kind == "decision") & (m.level == "protection") & (m.out_of_hours == True))  # noqa: E712
    def ring_emergency_duty_team(c):
        contact(c.s.sid, "emergency_duty_team", FIRST)
        contact(c.s.sid, "children_families_direct", NEXT, "When day services reopen, and for any follow-up.")

    @when_all((m.kind == "decision") & (m.level == "protection") & (m.out_of_hours == False))  # noqa: E712
    def ring_front_door_protection(c):
        contact(c.s.sid, "children_families_direct", FIRST)
        contact(c.s.sid, "emergency_duty_team", LATER)

    @when_all((m.kind == "decision") & (m.level == "child_in_need"))
    def ring_front_door_cin(c):
        contact(c.s.sid, "children_families_direct", FIRST)
        contact(c.s.sid, "emergency_duty_team", LATER,
                "Out of hours only, if the situation cannot wait for Children and Families Direct to reopen.")

    @when_all((m.kind == "decision") & ((m.level == "additional") | (m.level == "extensive")))
    def ring_front_door_early_help(c):
        contact(c.s.sid, "children_families_direct", FIRST)

    @when_all((m.kind == "decision") & (m.level == "universal"))
    def universal_information(c):
        contact(c.s.sid, "family_information_service", FIRST)
        contact(c.s.sid, "children_families_direct", NEXT)

    @when_all((m.kind == "decision") & (m.immediate == True))  # noqa: E712
    def ring_now(c):
        who = catalogue.contact("emergency_duty_team" if c.m.out_of_hours else "children_families_direct")
        action(c.s.sid, f"Ring {who.name} now on {who.phone}: do not wait and do not start a CAF first.", FIRST)

    # --- step up / step down against the current level (Appendix 1, p24) ----------------------
    @when_all((m.kind == "decision") & (m.current_rank > 0) & (m.level_rank > m.current_rank))
    def step_up(c):
        emit(c.s.sid, {"type": "step", "value": "up"})
        guidance(c.s.sid, "step_up", "step.up")

    @when_all((m.kind == "decision") & (m.current_rank > 0) & (m.level_rank < m.current_rank))
    def step_down(c):
        emit(c.s.sid, {"type": "step", "value": "down"})
        guidance(c.s.sid, "step_down", "step.down")

    @when_all((m.kind == "decision") & (m.current_rank > 0) & (m.level_rank == m.current_rank))
    def step_same(c):
        emit(c.s.sid, {"type": "step", "value": "same"})
        guidance(c.s.sid, "step_same", "step.same")

    # --- consent (Assessment process and stages p7; Appendix 3 p37) ---------------------------
    @when_all((m.kind == "decision") & (m.consent == "no") & (m.level_rank >= 2) & (m.level_rank <= 3))
    def consent_refused_early_help(c):
        guidance(c.s.sid, "consent_refused", "consent.refused_early_help")
        action(c.s.sid, "The family does not consent to early help: discuss with your line manager whether the "
                        "child's needs will escalate without help; if so, consider a referral to Children's "
                        "Social Care.", NEXT)

    @when_all((m.kind == "decision") & (m.consent == "no") & (m.level_rank >= 4))
    def consent_refused_social_care(c):
        guidance(c.s.sid, "consent_social_care", "consent.social_care")

    # --- who may start a CAF (Thresholds / Levels of support p4) -------------------------------
    @when_all((m.kind == "decision") & ((m.caller == "parent_carer") | (m.caller == "public"))
              & (m.level_rank >= 2) & (m.level_rank <= 3))
    def not_caf_trained(c):
        guidance(c.s.sid, "not_caf_trained", "guidance.not_caf_trained")

    @when_all((m.kind == "decision") & (m.caller == "professional") & (m.level_rank >= 4))
    def professional_confirms_in_writing(c):
        emit(c.s.sid, {"type": "guidance", "rule": "referral.confirm_in_writing",
                       "source": "Appendix 3 - Referrals into Social Care, p37",
                       "text": "You are a professional referrer: confirm the referral in writing within 24 hours. "
                               "If it is not acknowledged within 3 working days, contact Children's Social Care again."})

    # --- same words at a higher level (Levels of need p11-17) ---------------------------------
    @when_all((m.kind == "decision") & (m.twins_higher_count > 0))
    def same_words_higher(c):
        emit(c.s.sid, {"type": "guidance", "rule": "guidance.same_words_higher",
                       "source": _cite(g["same_words_higher"]["source"]),
                       "text": g["same_words_higher"]["text"] + " Here: " + "; ".join(c.m.twins_higher) + "."})

    # --- disabled children (Appendix 3, p37) --------------------------------------------------
    @when_all((m.kind == "decision") & (m.level == "protection") & (m.disability == "substantial_lifelong")
              & (m.large_sibling_group == False))  # noqa: E712
    def disabled_cp_dct(c):
        emit(c.s.sid, {"type": "guidance", "rule": "disabled_children.dct", "source": dcr_src, "text": dcr["substantial_lifelong"]})
        contact(c.s.sid, "disabled_childrens_team", RELATED, "Child protection concerns about a child with a substantial and life-long disability: the referral goes to the Disabled Children's Team.")

    @when_all((m.kind == "decision") & (m.level == "protection") & (m.disability == "substantial_lifelong")
              & (m.large_sibling_group == True))  # noqa: E712
    def disabled_cp_sibling_group(c):
        emit(c.s.sid, {"type": "guidance", "rule": "disabled_children.large_sibling_group", "source": dcr_src, "text": dcr["large_sibling_group"]})
        contact(c.s.sid, "disabled_childrens_team", RELATED, "Secondary worker for the disabled child; the Duty team leads.")

    @when_all((m.kind == "decision") & (m.level == "protection") & (m.disability == "uncertain"))
    def disabled_cp_uncertain(c):
        emit(c.s.sid, {"type": "guidance", "rule": "disabled_children.uncertain", "source": dcr_src, "text": dcr["uncertain"]})
        contact(c.s.sid, "disabled_childrens_team", RELATED, "Establishes the nature of the disability; the Duty team leads the child protection enquiries.")

    @when_all((m.kind == "decision") & (m.level_rank >= 4) & (m.disability == "mild_moderate"))
    def disabled_mild_moderate(c):
        emit(c.s.sid, {"type": "guidance", "rule": "disabled_children.mild_moderate", "source": dcr_src, "text": dcr["mild_moderate"]})

    @when_all((m.kind == "decision") & (m.level == "child_in_need") & (m.disability == "substantial_lifelong"))
    def disabled_cin_dct(c):
        contact(c.s.sid, "disabled_childrens_team", RELATED)

    # --- the route a Children and Families Direct adviser puts the call through to -----------
    @when_all(m.kind == "decision")
    def route_by_level(c):
        r = routing[c.m.level]
        emit(c.s.sid, {"type": "route", "team": r["team"], "via": r["via"], "why": r["why"], "precedence": 0})

    @when_all((m.kind == "decision") & (m.level == "protection") & (m.disability == "substantial_lifelong")
              & (m.large_sibling_group == False) & (m.out_of_hours == False))  # noqa: E712
    def route_disabled_child_protection(c):
        r = routing["disabled_child_protection"]
        emit(c.s.sid, {"type": "route", "team": r["team"], "via": r["via"], "why": r["why"], "precedence": 1})

    @when_all((m.kind == "decision") & (m.level == "protection") & (m.out_of_hours == True))  # noqa: E712
    def route_out_of_hours(c):
        r = routing["out_of_hours"]
        emit(c.s.sid, {"type": "route", "team": r["team"], "via": r["via"], "why": r["why"], "precedence": 2})


def _cite(source: dict) -> str:
    return f"{source['section']}, p{source['page']}"
