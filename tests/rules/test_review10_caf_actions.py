"""Review 10 (rules) H6, H7 and review 10 (surfaces) W6: a level's actions for what the case already
says. Oracles are the document's words, stated here:

- H7: Additional and Extensive are the "CAF threshold" (p4); a CAF is initiated when additional needs
  emerge (p13-14) and continued at Extensive (p15-16). A family supported at either now, the CAF answer
  not given, is not told to start one; the tool's reading that a CAF is open is said in the words.
- H6: "THE CAF IS NOT TO BE USED FOR CHILDREN IN NEED WHERE THERE ARE SIGNIFICANT OR IMMEDIATE CHILD
  PROTECTION CONCERNS" (p6); an open child's case is held by the allocated social worker (p37). None
  of the CAF's process steps (p11-16) is offered for an open child, at any level needed today.
- W6: "When a referral is made to Social Care by a professional, the referrer should confirm this in
  writing within 24 hours" (p37): a caller known not to be a professional is not given that step."""

from __future__ import annotations

import itertools

import pytest

from rules import evaluate
from tests.conftest import make_case
from tests.rules.caf_steps import CAF_PROCESS

# a need at each level today (Universal's is a strength: no need)
TODAY = {
    "universal": ["universal.supports_development_through_interaction"],
    "additional": ["additional.lack_routine"],
    "extensive": ["extensive.children_who_go_missing"],
}
AGREE = "The child is already open to Children's Social Care: agree with the allocated social worker"
OPEN = [{"open_to_social_care": True}, {"current_level": "child_in_need"}, {"current_level": "protection"}]


@pytest.mark.parametrize("today, opened, caller, caf", list(itertools.product(TODAY, OPEN, [None, "professional"], [None, "none", "open_improving"])))
def test_no_caf_process_step_is_offered_for_an_open_child(today, opened, caller, caf):
    context = {k: v for k, v in {"caller": caller, "caf": caf}.items() if v is not None}
    d = evaluate(make_case(TODAY[today], age_years=7, **opened, **context))
    assert d.level.value == today
    offered = [a for a in d.actions if a.startswith(CAF_PROCESS)]
    assert offered == [], offered
    if today != "universal":  # whether a CAF is needed is agreed with the social worker (p37, p6)
        assert sum(a.startswith(AGREE) for a in d.actions) == 1


@pytest.mark.parametrize("supported", ["additional", "extensive"])
@pytest.mark.parametrize("today", ["additional", "extensive"])
def test_a_family_supported_at_the_caf_threshold_is_not_told_to_start_a_caf(supported, today):
    d = evaluate(make_case(TODAY[today], age_years=7, current_level=supported, caller="professional"))
    assert d.level.value == today
    assert not any(a.startswith(("Initiate a CAF", "Start a multi-agency CAF")) for a in d.actions), d.actions
    said = [a for a in d.actions if "did not say whether a CAF is open" in a]
    assert len(said) == 1 and "This tool's reading" in said[0] and "p4" in said[0], d.actions


@pytest.mark.parametrize("today", ["additional", "extensive"])
def test_the_caf_answer_given_is_taken_as_given(today):
    """The reading is only for the answer not given: 'none' is no CAF (start one), a parent is told
    to contact Children and Families Direct, consent refused drops the CAF as before."""
    none = evaluate(make_case(TODAY[today], age_years=7, current_level="additional", caf="none"))
    start = "Initiate a CAF" if today == "additional" else "Start a multi-agency CAF"
    assert any(a.startswith(start) for a in none.actions), none.actions
    parent = evaluate(make_case(TODAY[today], age_years=7, current_level="additional", caller="parent_carer"))
    assert not any("did not say whether a CAF is open" in a for a in parent.actions)
    refused = evaluate(make_case(TODAY[today], age_years=7, current_level="additional", consent_to_early_help=False))
    assert not any(a.startswith(CAF_PROCESS) or "did not say whether a CAF is open" in a for a in refused.actions), refused.actions
    below = evaluate(make_case(TODAY[today], age_years=7, current_level="universal", caller="professional"))
    assert any(a.startswith(start) for a in below.actions), below.actions


CONFIRM = "If you are a professional, confirm the referral in writing"
# a Child in Need and a Protection need, and an immediate one (p9), by level decided
REFERRALS = {
    "child_in_need": ["extensive.substantial_lifelong_disability_short_breaks"],
    "protection": ["protection.victim_crime"],
    "immediate": ["immediate.significant_harm"],
}


@pytest.mark.parametrize("needs", list(REFERRALS))
@pytest.mark.parametrize("caller", [None, "professional", "parent_carer", "public"])
@pytest.mark.parametrize("opened", [{}, {"open_to_social_care": True}])
def test_the_written_confirmation_is_the_professionals_only(needs, caller, opened):
    context = {"caller": caller} if caller else {}
    d = evaluate(make_case(REFERRALS[needs], age_years=7, **context, **opened))
    assert d.level.value == ("protection" if needs == "immediate" else needs)
    confirm = [a for a in d.actions if CONFIRM in a]
    if caller in ("parent_carer", "public"):
        assert confirm == [], d.actions
    else:
        assert len(confirm) == 1, d.actions


@pytest.mark.parametrize("level", list(TODAY))
@pytest.mark.parametrize("caller", [None, "professional", "parent_carer", "public"])
def test_below_the_social_care_threshold_no_one_is_told_to_confirm_a_referral(level, caller):
    context = {"caller": caller} if caller else {}
    d = evaluate(make_case(TODAY[level], age_years=7, **context))
    assert not any(CONFIRM in a for a in d.actions)


def test_every_step_the_oracle_names_is_offered_somewhere():
    """tests/rules/caf_steps.py is matched by the start of the words: a step written there that no
    decision offers would make every 'not offered' above pass without meaning it."""
    from tests.rules.caf_steps import CAF_PROCESS, PROFESSIONALS_STEPS

    cases = [
        make_case(["universal.physically_well"], age_years=7, caller="professional"),
        make_case(TODAY["additional"], age_years=7, caller="professional", caf="none"),
        make_case(TODAY["additional"], age_years=7, caller="professional", caf="open_improving"),
        make_case(TODAY["extensive"], age_years=7, caller="professional", caf="open_improving"),
        make_case(TODAY["extensive"], age_years=7, caller="professional", current_level="additional", caf="none"),
    ]
    offered = [a for case in cases for a in evaluate(case).actions]
    for step in set(CAF_PROCESS + PROFESSIONALS_STEPS):
        assert any(a.startswith(step) for a in offered), step
