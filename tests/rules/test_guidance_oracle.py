"""The guidance and routing rules against a plain statement of them, over every combination of
level, immediacy, office hours, caller, disability, consent, current level, sibling group and
open case (tests/rules/oracle.py states the routing; the rest is stated here)."""
from __future__ import annotations

import itertools

from pathway.catalogue import load_catalogue
from pathway.levels import Level
from rules import engine, guidance
from tests.rules.oracle import oracle_route, oracle_step

CAT = load_catalogue()
CALLERS = ["professional", "parent_carer", "public", "unknown"]
DISABILITY = ["none", "mild_moderate", "substantial_lifelong", "uncertain", "unknown"]
CONSENT = ["yes", "no", "unknown"]


def _fact(level, immediate, ooh, caller, disability, consent, current, sibling, open_case):
    return {"kind": "decision", "level": level.value, "level_rank": level.rank, "immediate": immediate,
            "out_of_hours": ooh, "consent": consent, "disability": disability, "cin_by_disability": False,
            "large_sibling_group": sibling, "current_rank": current, "caller": caller, "open_case": open_case,
            "caf_single_need_not_improving": False, "age_unknown_crosswalk_count": 0, "age_pointers": [],
            "age_pointer_count": 0, "twin_notes": [], "twin_count": 0}


def _cases():
    for level in Level:
        for immediate in ([False, True] if level is Level.PROTECTION else [False]):
            yield from ((level, immediate) + rest for rest in itertools.product(
                [False, True], CALLERS, DISABILITY, CONSENT, range(6), [False, True], [False, True]))


def test_every_combination_agrees_with_the_plain_statement():
    checked = 0
    for level, immediate, ooh, caller, disability, consent, current, sibling, open_case in _cases():
        out = engine.run(guidance.NAME, [_fact(level, immediate, ooh, caller, disability, consent, current,
                                               sibling, open_case)])
        where = (level, immediate, ooh, caller, disability, consent, current, sibling, open_case)
        route = max((f for f in out if f["type"] == "route"), key=lambda f: f["precedence"])["key"]
        assert route == oracle_route(level, ooh, disability, sibling, open_case), where
        rules = {f["rule"] for f in out if f["type"] == "guidance"}
        actions = {f["key"] for f in out if f["type"] == "action"}
        contacts = {f["id"] for f in out if f["type"] == "contact"}
        steps = [f["value"] for f in out if f["type"] == "step"]
        assert (steps[0] if steps else None) == oracle_step(level, current), where
        assert ("step.social_care_managed" in rules) == (current >= 4 and level.rank < current), where
        early_help = level in (Level.ADDITIONAL, Level.EXTENSIVE)
        social_care = level.rank >= 4
        assert ("consent.refused_early_help" in rules) == (consent == "no" and early_help), where
        assert ("consent.refused_extensive" in rules) == (consent == "no" and level is Level.EXTENSIVE), where
        assert ("consent.social_care" in rules) == (consent == "no" and social_care), where
        assert ("guidance.not_caf_trained" in rules) == (caller in ("parent_carer", "public") and early_help), where
        assert ("referral.confirm_in_writing" in rules) == (caller == "professional" and social_care), where
        assert ("ring_now" in actions) == immediate, where
        assert ("open_case" in actions) == open_case, where
        assert ("guidance.day_services_closed" in rules) == (ooh and early_help and not open_case), where
        # the Disabled Children's Team: for protection concerns about a substantial or uncertain
        # disability (Appendix 3, p37), and for a disabled Child in Need (p23); never otherwise
        dct = ((level is Level.PROTECTION and disability in ("substantial_lifelong", "uncertain"))
               or (level is Level.CHILD_IN_NEED and disability == "substantial_lifelong"))
        assert ("disabled_childrens_team" in contacts) == dct, where
        assert ("disabled_children.mild_moderate" in rules) == (social_care and disability == "mild_moderate"), where
        # out of hours the first action never sends anyone to a day team
        if ooh and social_care and not immediate:
            first = "refer_by_route" if level is Level.PROTECTION else "social_care_out_of_hours"
            assert first in actions, where
            assert CAT.contact(CAT.routing[route].via).hours == "out_of_hours", where
        checked += 1
    assert checked == 6 * 2 * 4 * 5 * 3 * 6 * 2 * 2
