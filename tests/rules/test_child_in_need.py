"""Child in Need (Children Act 1989 as the document gives it: p4, p15-16, p23, Appendix 3)."""
from __future__ import annotations

from rules import evaluate
from tests.conftest import make_case

EXTENSIVE = "extensive.persistent_absenteeism_school_without"


def test_extensive_needs_with_a_caf_not_improving_outcomes_is_child_in_need():
    d = evaluate(make_case([EXTENSIVE], caf="open_not_improving"))
    assert d.level == "child_in_need" and d.level_name == "Child in Need"
    reason = d.reasons[0]
    assert reason.rule == "child_in_need.caf_not_improving" and reason.indicators == [EXTENSIVE]
    assert "p15-16" in reason.source and reason.interpretation is False
    assert d.actions[0].startswith("Refer to Children's Social Care for further assessment")
    assert d.contacts[0].name == "Children and Families Direct"


def test_extensive_needs_with_a_caf_that_is_improving_stay_extensive():
    assert evaluate(make_case([EXTENSIVE], caf="open_improving")).level == "extensive"
    assert evaluate(make_case([EXTENSIVE], caf="none")).level == "extensive"
    assert evaluate(make_case([EXTENSIVE])).level == "extensive"


def test_additional_needs_with_a_caf_not_improving_step_up_to_extensive_not_child_in_need():
    d = evaluate(make_case(["additional.lack_routine"], caf="open_not_improving"))
    assert d.level == "extensive"
    assert d.reasons[0].rule == "escalation.caf_not_improving" and "p25" in d.reasons[0].source


def test_short_breaks_disability_is_child_in_need_with_the_disabled_childrens_team():
    d = evaluate(make_case(["extensive.substantial_lifelong_disability_short_breaks"], disability="substantial_lifelong"))
    assert d.level == "child_in_need"
    assert d.reasons[0].rule == "child_in_need.disability"
    assert "Disabled Children's Team" in [c.name for c in d.contacts]
    assert any("Disabled Children's Team" in s for s in d.services)


def test_substantial_disability_and_need_for_adaptations_is_child_in_need():
    d = evaluate(make_case(["extensive.inaccessible_housing_need_aids"], disability="substantial_lifelong"))
    assert d.level == "child_in_need"


def test_the_same_need_with_a_mild_disability_is_not_child_in_need():
    assert evaluate(make_case(["extensive.inaccessible_housing_need_aids"], disability="mild_moderate")).level == "extensive"


def test_a_disabled_child_whose_needs_are_met_by_universal_services_stays_universal():
    d = evaluate(make_case(["universal.child_disabilities_all_needs"], disability="substantial_lifelong"))
    assert d.level == "universal"


def test_child_in_need_never_lowers_protection():
    d = evaluate(make_case([EXTENSIVE, "protection.persistent_domestic_abuse"], caf="open_not_improving"))
    assert d.level == "protection"
    assert {r.level for r in d.reasons} >= {"protection", "child_in_need"}
