"""Consent (p7, Appendix 3), disabled children with protection concerns (Appendix 3, p37), step up/down (p24)."""

from __future__ import annotations

import pytest

from rules import evaluate
from tests.conftest import make_case

CP = "protection.frozen_watchfulness"  # a Protection need that is not on the immediate-referral list


def rules_of(decision):
    return {g.rule for g in decision.guidance}


def test_consent_refused_for_early_help_brings_the_page_7_guidance():
    d = evaluate(make_case(["additional.lack_routine"], consent_to_early_help=False))
    assert d.level == "additional"  # consent guides what to do; it does not change the level
    g = next(g for g in d.guidance if g.rule == "consent.refused_early_help")
    assert "line manager" in g.text and "escalate" in g.text and g.source.endswith("p7")
    assert any(a.startswith("The family does not consent to early help: discuss with your line manager") for a in d.actions)


def test_consent_refused_above_the_social_care_threshold_brings_appendix_3_guidance():
    d = evaluate(make_case([CP], consent_to_early_help=False))
    assert "consent.social_care" in rules_of(d) and "consent.refused_early_help" not in rules_of(d)


def test_consent_given_brings_no_consent_guidance():
    d = evaluate(make_case(["additional.lack_routine"], consent_to_early_help=True))
    assert not any(r.startswith("consent.") for r in rules_of(d))


def test_disabled_child_with_protection_concerns_goes_to_the_disabled_childrens_team():
    d = evaluate(make_case([CP], disability="substantial_lifelong"))
    assert "disabled_children.dct" in rules_of(d)
    # Appendix 3, p37: "a referral should be made immediately to the Disabled Children's Team"
    assert d.contacts[0].name == "Disabled Children's Team" == d.route.team
    assert d.actions[0] == "Make the referral to the Disabled Children's Team on 0115 883 8266."


def test_the_protection_table_disability_indicator_itself_says_the_disability_is_substantial():
    d = evaluate(make_case(["protection.substantial_lifelong_disability_safeguarding"]))
    assert d.route.team == "Disabled Children's Team" and "disabled_children.dct" in rules_of(d)
    sibling = evaluate(make_case(["protection.substantial_lifelong_disability_safeguarding"], large_sibling_group=True))
    assert sibling.route.team == "Screening and Duty Team"
    uncertain = evaluate(make_case(["protection.substantial_lifelong_disability_safeguarding"], disability="uncertain"))
    assert uncertain.route.team == "Screening and Duty Team"


def test_large_sibling_group_puts_the_duty_team_in_the_lead():
    d = evaluate(make_case([CP], disability="substantial_lifelong", large_sibling_group=True))
    g = next(g for g in d.guidance if g.rule == "disabled_children.large_sibling_group")
    assert "Duty team" in g.text and "secondary" in g.text and g.source.endswith("p37")
    assert "disabled_children.dct" not in rules_of(d)


def test_uncertainty_about_the_disability_puts_safeguarding_first_with_the_duty_team():
    d = evaluate(make_case([CP], disability="uncertain"))
    g = next(g for g in d.guidance if g.rule == "disabled_children.uncertain")
    assert "Duty team" in g.text and "must not delay" in g.text


def test_mild_to_moderate_disability_at_social_care_threshold_goes_to_the_duty_team():
    d = evaluate(make_case([CP], disability="mild_moderate"))
    assert "disabled_children.mild_moderate" in rules_of(d)
    assert "Disabled Children's Team" not in [c.name for c in d.contacts]


def test_disability_routing_does_not_apply_below_protection_concerns():
    # only the reading that the tables' level is kept is said (review 17, N6: on every road); no routing of
    # Appendix 3 (p37), no Disabled Children's Team, the route the level's own
    d = evaluate(make_case(["additional.lack_routine"], disability="uncertain"))
    assert [r for r in rules_of(d) if r.startswith("disabled_children.")] == ["disabled_children.below_child_in_need"]
    assert "disabled_childrens_team" not in [c.id for c in d.contacts]
    assert d.route == evaluate(make_case(["additional.lack_routine"], disability="none")).route


@pytest.mark.parametrize(
    "current, indicators, step",
    [
        ("additional", ["extensive.children_who_go_missing"], "up"),
        ("extensive", ["additional.lack_routine"], "down"),
        ("protection", ["additional.lack_routine"], None),
        ("child_in_need", [], None),
        ("extensive", ["extensive.children_who_go_missing"], "same"),
        (None, ["additional.lack_routine"], None),
    ],
)
def test_step_against_the_level_supported_at_now(current, indicators, step):
    context = {"current_level": current} if current else {}
    d = evaluate(make_case(indicators, **context))
    assert d.step == step
    if step:
        assert f"step.{step}" in rules_of(d)


CASE_MANAGEMENT = "Family Community Team's Case Management Guidance"  # Appendix 2, as written
UP_TO = {
    "additional": ["additional.lack_routine"],
    "extensive": ["extensive.children_who_go_missing"],
    "child_in_need": ["extensive.substantial_lifelong_disability_short_breaks"],
    "protection": [CP],
}


STEPS_UP = [(current, decided) for n, current in enumerate(["universal", "additional", "extensive"]) for decided in list(UP_TO)[n:]]


@pytest.mark.parametrize("current, decided", STEPS_UP)
def test_a_step_across_the_social_care_threshold_uses_appendix_1_and_within_early_help_the_family_community_teams_guidance(current, decided):
    """Review 6, F7, against the document's words: p4 keeps the step up/step down process (Appendix 1)
    for moves 'between a CAF and Social Care threshold'; Appendix 2's 'Escalation to Protection
    Services and de-escalation to Family Community Teams' places early help's 'step up and step
    down' process in the Family Community Team's Case Management Guidance."""
    from pathway.document import sections

    ranks = {"universal": 1, "additional": 2, "extensive": 3, "child_in_need": 4, "protection": 5}
    [appendix_2] = [sec for sec in sections() if sec.title.startswith("Appendix 2")]
    assert CASE_MANAGEMENT in " ".join(appendix_2.lines)
    d = evaluate(make_case(UP_TO[decided], current_level=current))
    [g] = [g for g in d.guidance if g.rule == "step.up"]
    if ranks[decided] >= 4 and current == "universal":  # no CAF to step up from (review 8, F5): declared
        assert "This tool's reading" in g.text and "Follow the step-up process" not in g.text and g.source.endswith("p4, 5, 37")
    elif ranks[decided] >= 4:  # across the threshold
        assert "Appendix 1" in g.text and g.source.endswith("p4, 5, 24")
    else:
        assert CASE_MANAGEMENT in g.text and "Appendix 1 -" not in g.source and g.source.endswith(f"p{appendix_2.first_page}-{appendix_2.last_page}")


def test_step_down_within_early_help_cites_the_section_that_names_its_guidance():
    """Review 6, F7: the step-down cited p25, the first page of Appendix 2, for a section near its
    end; it cites Appendix 2's pages from the document's contents list, and Appendix 1 not at all."""
    from pathway.document import sections

    [appendix_2] = [sec for sec in sections() if sec.title.startswith("Appendix 2")]
    for current, ticked in (("extensive", ["additional.lack_routine"]), ("additional", ["universal.physically_well"])):
        d = evaluate(make_case(ticked, current_level=current))
        g = next(g for g in d.guidance if g.rule == "step.down")
        assert CASE_MANAGEMENT in g.text and "step down" in g.text
        assert "Appendix 1" not in g.source and f"{appendix_2.first_page}-{appendix_2.last_page}" in g.source


@pytest.mark.parametrize("current", ["child_in_need", "protection"])
@pytest.mark.parametrize("ticked", [[], ["additional.lack_routine"], ["extensive.children_who_go_missing"]])
def test_a_short_checklist_never_suggests_step_down_from_a_social_care_level(current, ticked):
    """p5; Appendix 1 (p24): step-down from social care is managed with the allocated social worker."""
    d = evaluate(make_case(ticked, current_level=current))
    assert d.step is None and "step.down" not in rules_of(d)
    g = next(g for g in d.guidance if g.rule == "step.social_care_managed")
    assert "allocated social worker" in g.text and g.source.endswith("p5, 24, 37")  # p37: who holds the case (review 9 G4)


def test_professional_referrer_is_told_to_confirm_in_writing():
    d = evaluate(make_case([CP], caller="professional"))
    assert "referral.confirm_in_writing" in rules_of(d)


def test_a_member_of_the_public_is_not_told_to_start_a_caf():
    d = evaluate(make_case(["additional.lack_routine"], caller="public"))
    assert "guidance.not_caf_trained" in rules_of(d)


def test_the_route_for_a_disabled_child_with_protection_concerns_is_the_disabled_childrens_team():
    d = evaluate(make_case([CP], disability="substantial_lifelong"))
    assert d.route.team == "Disabled Children's Team" and d.route.phone == "0115 883 8266"


@pytest.mark.parametrize("context", [{"disability": "substantial_lifelong", "large_sibling_group": True}, {"disability": "uncertain"}])
def test_large_sibling_group_or_uncertain_disability_routes_to_screening_and_duty(context):
    assert evaluate(make_case([CP], **context)).route.team == "Screening and Duty Team"


def test_out_of_hours_the_emergency_duty_team_takes_a_disabled_childs_protection_call():
    from tests.conftest import OUT_OF_HOURS

    d = evaluate(make_case([CP], disability="substantial_lifelong", contact_time=OUT_OF_HOURS))
    assert d.route.team == "Emergency Duty Team"


# the document's own words the F10 guidance rests on (Thresholds / Levels of support, p4; Extensive, p15-16)
THRESHOLDS = ["No threshold\tUniversal", "CAF threshold\tAdditional"]
EXTENSIVE_ACTION = "Continue a multi agency CAF and consider more support services."


def _guidance_rules(**context):
    return [g.rule for g in evaluate(make_case(["additional.lack_routine"], **context)).guidance if g.rule.startswith("context.")]


def test_the_mismatch_guidance_rests_on_the_documents_words():
    from pathlib import Path

    text = (Path(__file__).parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8")
    assert all(t in text for t in THRESHOLDS) and EXTENSIVE_ACTION in text


def test_a_caf_failing_at_universal_is_named_not_decided_silently():
    """Review 6, F10 (c53): a CAF is the Additional threshold (p4); supported at Universal with a CAF open
    and not improving was accepted with no word. Named, never refused, the level unchanged."""
    assert _guidance_rules(current_level="universal", caf="open_not_improving") == ["context.caf_failing_at_universal"]
    d = evaluate(make_case(["additional.lack_routine"], current_level="universal", caf="open_not_improving"))
    [g] = [g for g in d.guidance if g.rule == "context.caf_failing_at_universal"]
    assert g.source.endswith("p4, 5, 13-14") and "CAF threshold is Additional" in g.text
    assert d.level == evaluate(make_case(["additional.lack_routine"], current_level="universal")).level
    for fits in ({"current_level": "additional", "caf": "open_not_improving"}, {"current_level": "universal", "caf": "none"}, {"caf": "open_not_improving"}):
        assert _guidance_rules(**fits) == [], fits


def test_supported_at_extensive_with_no_caf_is_named_not_decided_silently():
    """Review 6, F10 (c52): Extensive continues a multi-agency CAF (p15-16)."""
    assert _guidance_rules(current_level="extensive", caf="none") == ["context.extensive_without_caf"]
    d = evaluate(make_case(["additional.lack_routine"], current_level="extensive", caf="none"))
    [g] = [g for g in d.guidance if g.rule == "context.extensive_without_caf"]
    assert g.source.endswith("p4, 15-16") and "continues a multi-agency CAF" in g.text
    for fits in ({"current_level": "extensive", "caf": "open_improving"}, {"current_level": "extensive"}, {"current_level": "additional", "caf": "none"}):
        assert _guidance_rules(**fits) == [], fits
