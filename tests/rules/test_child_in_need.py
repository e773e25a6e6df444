"""Child in Need (Children Act 1989 as the document gives it: p4, p15-16, p23, Appendix 3)."""

from __future__ import annotations

import pytest

from pathway import CaseError
from rules import evaluate
from tests.conftest import make_case
from tests.rules.oracle import STATES_SUBSTANTIAL

EXTENSIVE = "extensive.persistent_absenteeism_school_without"


def test_extensive_needs_with_a_caf_not_improving_outcomes_at_extensive_is_child_in_need():
    d = evaluate(make_case([EXTENSIVE], caf="open_not_improving", current_level="extensive"))
    assert d.level == "child_in_need" and d.level_name == "Child in Need"
    [reason] = [r for r in d.reasons if r.rule == "child_in_need.caf_not_improving" and r.indicators == [EXTENSIVE]]
    assert "p15-16" in reason.source and reason.interpretation is False


# the document's words (p15-16, in the Extensive box; Appendix 2, p25), as data for the F5 tests
EXTENSIVE_BOX = "If the current CAF arrangements are not improving outcomes for the child"
P25 = "offered when the child and family are experiencing a range of increasing problems and the current level of support is not achieving the desired outcomes"


def test_the_document_puts_the_referral_in_the_extensive_box_and_the_step_to_extensive_on_p25():
    """What the F5 tests below rest on, checked in the document itself."""
    from pathlib import Path

    text = " ".join((Path(__file__).parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())
    assert " ".join(P25.split()) in text
    extensive_box = text[text.index("Continue a multi agency CAF") :]
    assert EXTENSIVE_BOX in extensive_box[:1000]


@pytest.mark.parametrize("current", ["universal", "additional"])
def test_an_extensive_need_with_a_caf_failing_below_extensive_steps_up_to_extensive_not_child_in_need(current):
    """Review 6, F5: a CAF failing at Universal or Additional level, with problems rising to an
    Extensive need, is Appendix 2's 'range of increasing problems and the current level of support is
    not achieving the desired outcomes' (p25): Extensive, one step, declared. It was Child in Need."""
    d = evaluate(make_case([EXTENSIVE], caf="open_not_improving", current_level=current))
    assert d.level == "extensive" and d.step == "up"
    [step] = [r for r in d.reasons if r.rule == "escalation.caf_not_improving_extensive"]
    assert step.level == "extensive" and step.interpretation is True and "p25" in step.source
    assert not [r for r in d.reasons if r.level == "child_in_need"]


def test_an_extensive_need_with_a_caf_failing_at_extensive_is_child_in_need_undeclared():
    d = evaluate(make_case([EXTENSIVE], caf="open_not_improving", current_level="extensive"))
    assert d.level == "child_in_need"
    assert all(r.interpretation is False for r in d.reasons if r.rule == "child_in_need.caf_not_improving")


@pytest.mark.parametrize("current", ["child_in_need", "protection"])
def test_a_caf_failing_beside_a_social_care_level_is_not_referred_again(current):
    """Review 7, F9: the p15-16 referral is in the Extensive box; a family supported at Child in Need or
    Protection already has a social worker, and the CAF is not for significant child-protection concerns
    (p6). The level is the needs' own (Extensive here), and the contradiction is named."""
    d = evaluate(make_case([EXTENSIVE], caf="open_not_improving", current_level=current))
    assert d.level == "extensive"
    assert not [r for r in d.reasons if r.rule == "child_in_need.caf_not_improving"]
    assert "context.caf_at_social_care_level" in [g.rule for g in d.guidance]


def test_an_extensive_need_with_a_caf_failing_and_no_current_level_takes_the_higher_and_says_so():
    """Review 6, F5: not knowing whether the CAF has been at Additional or at Extensive, the tool takes
    the higher (Child in Need), flagged as its reading, as it does for the combination rule."""
    d = evaluate(make_case([EXTENSIVE], caf="open_not_improving"))
    assert d.level == "child_in_need"
    [cin] = [r for r in d.reasons if r.rule == "child_in_need.caf_not_improving"]
    assert cin.indicators == [EXTENSIVE] and cin.interpretation is True
    assert "takes the higher" in cin.explanation and "p25" in cin.explanation
    assert d.actions[0] == "Make the referral to Children and Families Direct on 0115 876 4800."
    assert d.actions[1].startswith("Refer to Children's Social Care for further assessment")
    assert d.contacts[0].name == "Children and Families Direct"


def test_supported_at_extensive_with_a_caf_not_improving_is_child_in_need_whatever_is_ticked_today():
    """Extensive Support, p15-16: if the current CAF arrangements are not improving outcomes, refer."""
    for ticked in ([], ["additional.lack_routine"]):
        d = evaluate(make_case(ticked, caf="open_not_improving", current_level="extensive"))
        assert d.level == "child_in_need" and d.step == "up"
        [cin] = [r for r in d.reasons if r.level == "child_in_need"]
        assert cin.rule == "child_in_need.caf_not_improving" and "p15-16" in cin.source
    assert evaluate(make_case([], caf="open_improving", current_level="extensive")).level == "universal"
    assert evaluate(make_case([], caf="open_not_improving", current_level="additional")).level == "universal"


def test_unlikely_to_achieve_a_reasonable_standard_without_services_is_child_in_need():
    """p4: a child is in need if unlikely to achieve a reasonable standard of health or development
    unless services are provided (Children Act 1989)."""
    d = evaluate(make_case([], health_development_impaired_without_services=True))
    assert d.level == "child_in_need"
    [r] = d.reasons
    assert r.rule == "child_in_need.unlikely_reasonable_standard" and r.source.endswith("p4")
    assert r.interpretation is False
    assert evaluate(make_case([], health_development_impaired_without_services=False)).level == "universal"


def test_extensive_needs_with_a_caf_that_is_improving_stay_extensive():
    assert evaluate(make_case([EXTENSIVE], caf="open_improving")).level == "extensive"
    assert evaluate(make_case([EXTENSIVE], caf="none")).level == "extensive"
    assert evaluate(make_case([EXTENSIVE])).level == "extensive"


def test_a_range_of_additional_needs_with_a_caf_not_improving_steps_up_to_extensive_not_child_in_need():
    d = evaluate(make_case(["additional.lack_routine", "additional.experiencing_bullying"], caf="open_not_improving"))
    assert d.level == "extensive"
    assert d.reasons[0].rule == "escalation.caf_not_improving" and "p25" in d.reasons[0].source
    assert d.reasons[0].interpretation is True  # "a range" as 2 or more is the tool's reading


def test_one_additional_need_with_a_caf_not_improving_stays_additional_with_guidance_to_review():
    """p25 needs 'a range of increasing problems and' support not working: one need is not a range."""
    d = evaluate(make_case(["additional.lack_routine"], caf="open_not_improving"))
    assert d.level == "additional"
    assert [g.rule for g in d.guidance if g.rule == "escalation.caf_single_need"] == ["escalation.caf_single_need"]


def test_the_same_need_listed_twice_counts_once_toward_the_caf_rule():
    d = evaluate(make_case(["additional.young_carers_child", "additional.young_carers_family"], caf="open_not_improving"))
    assert d.level == "additional"


def test_short_breaks_disability_is_child_in_need_routed_to_the_disabled_childrens_team():
    d = evaluate(make_case(["extensive.substantial_lifelong_disability_short_breaks"], disability="substantial_lifelong"))
    assert d.level == "child_in_need"
    assert d.reasons[0].rule == "child_in_need.disability" and d.reasons[0].interpretation is True
    assert d.contacts[0].name == "Disabled Children's Team" and d.route.team == "Disabled Children's Team"
    assert d.route.phone == "0115 883 8266" and "p23" in d.route.source
    assert any("Disabled Children's Team" in s for s in d.services)


def test_substantial_disability_and_need_for_adaptations_is_child_in_need():
    d = evaluate(make_case(["extensive.inaccessible_housing_need_aids"], disability="substantial_lifelong"))
    assert d.level == "child_in_need"


@pytest.mark.parametrize("need", ["additional.carer_not_getting_break", "additional.child_disabilities_whose_needs"])
def test_a_substantial_disability_with_an_additional_need_is_not_raised_to_child_in_need(need):
    """The document offers short breaks and support at Additional: no reading raises these."""
    assert evaluate(make_case([need], disability="substantial_lifelong")).level == "additional"


def test_the_same_need_with_a_mild_disability_is_not_child_in_need():
    assert evaluate(make_case(["extensive.inaccessible_housing_need_aids"], disability="mild_moderate")).level == "extensive"


def test_a_disabled_child_whose_needs_are_met_by_universal_services_stays_universal():
    d = evaluate(make_case(["universal.child_disabilities_all_needs"], disability="substantial_lifelong"))
    assert d.level == "universal"


def test_child_in_need_never_lowers_protection():
    d = evaluate(make_case([EXTENSIVE, "protection.persistent_domestic_abuse"], caf="open_not_improving"))
    assert d.level == "protection"
    assert {r.level for r in d.reasons} >= {"protection", "child_in_need"}


COMBINATION = ["additional.experiencing_bullying", "additional.low_self_esteem", "additional.lack_routine", "additional.inconsistent_parenting"]


def test_a_failing_additional_caf_steps_up_one_level_not_two():
    """Appendix 2 (p25): from a failing Additional CAF the next step is Extensive."""
    d = evaluate(make_case(COMBINATION, caf="open_not_improving", current_level="additional"))
    assert d.level == "extensive" and d.step == "up"


def test_a_failing_caf_for_a_range_of_needs_already_at_extensive_is_child_in_need():
    d = evaluate(make_case(COMBINATION, caf="open_not_improving", current_level="extensive"))
    assert d.level == "child_in_need"


def test_when_the_current_level_is_unknown_the_tool_takes_the_higher_and_says_why():
    d = evaluate(make_case(COMBINATION, caf="open_not_improving"))
    assert d.level == "child_in_need"
    cin = next(r for r in d.reasons if r.level == "child_in_need")
    assert "takes the higher" in cin.explanation and cin.interpretation is True


@pytest.mark.parametrize("disability", ["none", "mild_moderate"])
def test_answers_that_contradict_each_other_about_disability_are_refused(disability):
    with pytest.raises(CaseError) as err:
        evaluate(make_case(["extensive.substantial_lifelong_disability_short_breaks"], disability=disability))
    [e] = err.value.errors
    assert e.field == "context.disability" and "substantial and life-long" in e.message


def test_an_uncertain_disability_does_not_contradict_a_disability_indicator():
    assert evaluate(make_case(["extensive.substantial_lifelong_disability_short_breaks"], disability="uncertain")).level == "child_in_need"


def test_a_reason_from_several_findings_cites_each_source_once():
    d = evaluate(
        make_case(["extensive.substantial_lifelong_disability_short_breaks", "extensive.inaccessible_housing_need_aids"], disability="substantial_lifelong")
    )
    # one reason per rule (review 8, F6): the indicator's own words and the indicator with the context's
    # disability are one reason naming both, citing Appendix 3 once
    [cin] = [r for r in d.reasons if r.rule == "child_in_need.disability"]
    assert cin.indicators == ["extensive.inaccessible_housing_need_aids", "extensive.substantial_lifelong_disability_short_breaks"]
    assert cin.source.count("Appendix 3") == 1


@pytest.mark.parametrize(
    "chosen, caf",
    [
        (["additional.lack_routine"], "open_improving"),  # one need, the CAF working
        (["additional.lack_routine"], None),  # one need, no CAF
        (["additional.lack_routine", "additional.experiencing_bullying"], "open_not_improving"),  # two needs
        (["extensive.young_carers"], "open_not_improving"),  # at Extensive
        (["additional.lack_routine", "extensive.young_carers"], "open_not_improving"),  # one additional need, the level Extensive
    ],
)
def test_the_single_need_review_guidance_is_only_for_one_additional_need_with_a_caf_not_improving(chosen, caf):
    """Its words ('one need is not a range', p25) fit only that case (mutation run, 2026-12-01: giving
    it to every Additional case, or to every CAF not improving, went unnoticed)."""
    d = evaluate(make_case(chosen, **({"caf": caf} if caf else {})))
    assert not [g for g in d.guidance if g.rule == "escalation.caf_single_need"]


def test_a_combination_with_a_caf_not_improving_is_declared_as_a_reading_beside_extensive_needs():
    """Additional needs read as a range (the combination rule, an interpretation) and an Extensive
    need, with a CAF not improving: two grounds for Child in Need. Merged, the additional needs were
    listed under 'Extensive needs with a CAF open' and the reading was not declared."""
    additional = ["additional.experiencing_bullying", "additional.lack_routine", "additional.low_self_esteem", "additional.stress_factors_poor_housing"]
    d = evaluate(make_case([*additional, "extensive.young_carers"], caf="open_not_improving"))
    # one reason per rule (review 8, F6): the Extensive need's, declared (no current level: the higher);
    # the additional needs read as a range are declared by the combination rule's own reason
    [cin] = [r for r in d.reasons if r.rule == "child_in_need.caf_not_improving"]
    assert cin.indicators == ["extensive.young_carers"] and cin.interpretation is True
    [combination] = [r for r in d.reasons if r.rule == "combination.additional_range"]
    assert set(combination.indicators) == set(additional) and combination.interpretation is True
    # without the Extensive need, the combination with a CAF not improving gives the reason, declared
    d = evaluate(make_case(additional, caf="open_not_improving"))
    [cin] = [r for r in d.reasons if r.rule == "child_in_need.caf_not_improving"]
    assert set(cin.indicators) == set(additional) and cin.interpretation is True and "combination rule" in cin.explanation


@pytest.mark.parametrize("stating", sorted(STATES_SUBSTANTIAL))
def test_an_indicator_stating_the_disability_reads_the_aids_need_as_the_context_would(stating):
    """The needs ruleset once read only the context's disability, the guidance ruleset also an
    indicator's words that state it: with the aids-and-adaptations need beside such an indicator
    and no disability answered, the aids need was listed under Extensive while the route went to
    the Disabled Children's Team. The oracle is the same case with the disability answered."""
    chosen = [stating, "extensive.inaccessible_housing_need_aids"]
    unanswered = evaluate(make_case(chosen))
    answered = evaluate(make_case(chosen, disability="substantial_lifelong"))
    assert unanswered.level == answered.level
    assert [(r.rule, r.level, r.indicators, r.explanation) for r in unanswered.reasons] == [
        (r.rule, r.level, r.indicators, r.explanation) for r in answered.reasons
    ]
    assert any("extensive.inaccessible_housing_need_aids" in r.indicators for r in unanswered.reasons if r.rule == "child_in_need.disability")


DOCUMENT = " ".join((__import__("pathlib").Path(__file__).resolve().parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())


@pytest.mark.parametrize(
    "ticked, level",
    [
        (["additional.carer_not_getting_break"], "additional"),
        (["universal.child_disabilities_all_needs"], "universal"),
        (["extensive.serious_obesity"], "extensive"),
    ],
)
def test_a_substantial_disability_below_child_in_need_says_why_p4_and_p37_do_not_raise_it(ticked, level):
    """Review 6, F11: p4 deems a disabled child 'in need' and Appendix 3 (p37) deems disabled children
    children in need at referral, yet the tables place these needs lower; the tool decides by the
    tables (the level does not change) and now says so, as a reading, with when to contact the
    Disabled Children's Team (its own criterion, p23). The oracle is the document's words."""
    assert "A child is deemed as 'in need' if they are disabled" in DOCUMENT
    assert "disabled children are, at the point of referral, deemed to be children in need" in DOCUMENT
    d = evaluate(make_case(ticked, disability="substantial_lifelong"))
    assert d.level == level  # unchanged
    [g] = [g for g in d.guidance if g.rule == "disabled_children.below_child_in_need"]
    level_name = {"universal": "Universal", "additional": "Additional", "extensive": "Extensive"}[level]
    assert f"at {level_name}" in g.text and "reading" in g.text and "p4" in g.text and "p37" in g.text and "p23" in g.text
    assert "specialist short breaks, support services, adaptations or equipment" in g.text and "4, 37, 23" in g.source
    assert ("disabled_childrens_team", "0115 883 8266") in [(c.id, c.phone) for c in d.contacts]


@pytest.mark.parametrize("disability", ["none", "mild_moderate", "uncertain", None])
def test_the_disabled_childrens_team_words_are_only_for_a_substantial_life_long_disability_below_child_in_need(disability):
    """The team's own criterion and the team listed are a substantial, life-long disability's only (p23: a
    permanent and substantial disability); every other road has its own words (review 17, N6:
    tests/rules/test_review17_disabled_roads.py), and no need saying the child is disabled with 'none' or
    nothing answered has none. At Child in Need the reading is not said: the level is not below it."""
    context = {"disability": disability} if disability else {}
    d = evaluate(make_case(["additional.carer_not_getting_break"], **context))
    [g] = [g for g in d.guidance if g.rule == "disabled_children.below_child_in_need"]
    assert "Disabled Children's Team" not in g.text and "disabled_childrens_team" not in [c.id for c in d.contacts]
    if disability in ("none", None):
        assert not [g for g in evaluate(make_case(["additional.lack_routine"], **context)).guidance if g.rule == "disabled_children.below_child_in_need"]
    cin = evaluate(make_case(["extensive.substantial_lifelong_disability_short_breaks"]))
    assert cin.level == "child_in_need" and "disabled_children.below_child_in_need" not in [g.rule for g in cin.guidance]


@pytest.mark.parametrize("caf", ["open_not_improving", "open_improving", "none"])
@pytest.mark.parametrize("current", [None, "universal", "additional", "extensive", "child_in_need", "protection"])
def test_the_step_up_for_a_caf_failing_below_extensive_is_given_only_below_extensive(current, caf):
    """p25: a CAF failing below Extensive steps up to Extensive; p15-16: failing at Extensive, a Child in
    Need referral. The step-up reason beside a CAF already at Extensive (or not known) would say 'not yet a
    referral' next to the referral itself, and a CAF that is improving or not open steps nothing up (the rule-condition mutants
    `current_rank <= 3`, `current_rank >= 0` and `caf == ... |` survived once)."""
    context = {"caf": caf} | ({"current_level": current} if current else {})
    d = evaluate(make_case(["extensive.multiple_temporary_exclusions"], **context))
    rules_given = [r.rule for r in d.reasons]
    below = current in ("universal", "additional") and caf == "open_not_improving"
    assert ("escalation.caf_not_improving_extensive" in rules_given) == below, rules_given
    if below:
        assert d.level == "extensive" and "child_in_need.caf_not_improving" not in rules_given
