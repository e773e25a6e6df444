"""Review 10 (rules) H4: a caller not CAF trained about a child with a substantial, life-long
disability. p4: "Should the concerned person not be CAF trained (such as a concerned neighbour or
volunteer) then they should contact Children and Families Direct"; p9: immediate concerns via
Children and Families Direct or, out of hours, the Emergency Duty Team. Appendix 3 (p37) gives a
professional's child protection referral about such a child to the Disabled Children's Team, with
exceptions (a large sibling group, an uncertain disability) a parent cannot judge. A disabled Child in
Need (short breaks, p15-16) keeps the team, whose number p23 gives for help and advice (the shipped
scenario cin-disability-short-breaks, a parent asking for short breaks). Oracle, by hand: callers x
disability x in/out of hours x p9, Protection and Child in Need."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from rules import evaluate
from tests.conftest import make_case

SUNDAY = datetime(2027, 1, 17, 10, 0, tzinfo=timezone.utc)
TUESDAY = datetime(2027, 1, 19, 10, 0, tzinfo=timezone.utc)
NEEDS = {
    "immediate": ["immediate.significant_harm"],
    "protection": ["protection.victim_crime"],
    "child_in_need": ["additional.lack_routine"],  # with p4's judgement (below)
}
CFD, DCT, EDT = "Children and Families Direct", "Disabled Children's Team", "Emergency Duty Team"
DUTY = "Screening and Duty Team"


def expected_route(needs, caller, disability, in_hours: bool) -> str:
    if not in_hours:
        return EDT
    if disability != "substantial_lifelong":
        return DUTY
    if needs == "child_in_need":  # a disabled Child in Need: the team p23 gives for help, to anyone
        return DCT
    return CFD if caller in ("parent_carer", "public") else DCT


@pytest.mark.parametrize("needs", list(NEEDS))
@pytest.mark.parametrize("caller", [None, "professional", "parent_carer", "public"])
@pytest.mark.parametrize("disability", [None, "none", "mild_moderate", "substantial_lifelong"])
@pytest.mark.parametrize("moment", [TUESDAY, SUNDAY], ids=["in_hours", "out_of_hours"])
def test_a_caller_not_caf_trained_rings_children_and_families_direct_and_says_the_disability(needs, caller, disability, moment):
    context = {k: v for k, v in {"caller": caller, "disability": disability}.items() if v is not None}
    if needs == "child_in_need":
        context["health_development_impaired_without_services"] = True
    d = evaluate(make_case(NEEDS[needs], age_years=11, contact_time=moment, **context))
    assert d.level.value == ("protection" if needs == "immediate" else needs)
    in_hours = moment == TUESDAY
    wanted = expected_route(needs, caller, disability, in_hours)
    if needs == "child_in_need" and not in_hours:
        wanted = EDT
    assert wanted in d.route.team, (d.route.team, wanted)
    if wanted == CFD:
        assert d.route.interpretation
        assert "substantial, life-long disability" in d.route.team
        first = d.actions[0]
        assert first.startswith(("Ring Children and Families Direct now", "Make the referral to Children and Families Direct")), first
        said = [g for g in d.guidance if g.rule == "disabled_children.not_caf_trained"]
        assert len(said) == 1 and "This tool's reading" in said[0].text
        assert DCT in [c.name for c in d.contacts]  # still named, for Children and Families Direct to pass it to
    if caller in ("parent_carer", "public") and needs != "child_in_need":
        assert not any(a.startswith(("Ring the Disabled Children's Team", "Make the referral to the Disabled Children's Team")) for a in d.actions)
        assert not any("Refer immediately to the Disabled Children's Team" in g.text for g in d.guidance)
