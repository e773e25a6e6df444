"""An indicator indicates its level; the decision is the highest; immediate always wins."""

from __future__ import annotations

import pytest

from rules import evaluate
from tests.conftest import IN_HOURS, OUT_OF_HOURS, make_case
from tests.ruleset_string import RULESET


def test_no_indicators_is_universal_with_the_information_service_first():
    d = evaluate(make_case())
    assert d.level == "universal" and not d.immediate and d.reasons == []
    assert d.contacts[0].name == "Family Information Service"


def test_strengths_only_stay_universal():
    d = evaluate(make_case(["universal.physically_well", "universal.meets_developmental_milestones"]))
    assert d.level == "universal"
    assert d.reasons[0].rule == "level.universal" and d.reasons[0].source.endswith("p11-12")


def test_poor_attendance_is_additional_and_starts_a_caf():
    d = evaluate(make_case(["additional.poor_school_attendance_exclusion"]))
    assert d.level == "additional"
    assert d.actions[0].startswith("Initiate a CAF")
    assert any("Team around the Child" in a for a in d.actions)
    assert "Common Assessment Framework (CAF)" in d.assessments
    assert d.contacts[0].name == "Children and Families Direct"


def test_highest_level_wins_and_every_level_found_is_explained():
    d = evaluate(make_case(["additional.experiencing_bullying", "extensive.children_who_go_missing"]))
    assert d.level == "extensive"
    assert [r.level for r in d.reasons] == ["extensive", "additional"]
    assert d.reasons[0].indicators == ["extensive.children_who_go_missing"]


def test_a_protection_table_indicator_is_protection_but_not_immediate():
    # a need not cross-walked to p9 (fabricated or induced illness is since review 6, F13)
    d = evaluate(make_case(["protection.frozen_watchfulness"]))
    assert d.level == "protection" and d.immediate is False
    assert d.reasons[0].source == "Levels of need: Protection, p17"
    assert d.contacts[0].name == "Children and Families Direct"


def test_immediate_referral_in_office_hours_rings_children_and_families_direct_now():
    d = evaluate(make_case(["immediate.allegation_or_disclosure"], contact_time=IN_HOURS))
    assert d.level == "protection" and d.immediate is True and d.out_of_hours is False
    assert d.contacts[0].phone == "0115 876 4800"
    assert d.actions[0] == ("Ring Children and Families Direct now on 0115 876 4800: do not wait and do not start a CAF first.")
    assert any("in writing within 24 hours" in a for a in d.actions)
    assert d.reasons[0].rule == "immediate.referral" and d.reasons[0].source.endswith("p9")


def test_immediate_referral_out_of_hours_rings_the_emergency_duty_team():
    d = evaluate(make_case(["immediate.trafficking_victim"], contact_time=OUT_OF_HOURS))
    assert d.out_of_hours is True
    assert d.contacts[0].name == "Emergency Duty Team" and d.contacts[0].phone == "0115 876 1000"
    assert d.actions[0].startswith("Ring the Emergency Duty Team now on 0115 876 1000")
    assert d.route.team == "Emergency Duty Team"


def test_immediate_wins_over_lower_needs_and_keeps_them_as_reasons():
    d = evaluate(make_case(["additional.lack_routine", "immediate.adults_who_pose_risk"]))
    assert d.level == "protection" and d.immediate
    assert {r.rule for r in d.reasons} == {"immediate.referral", "level.additional"}


def test_the_ruleset_version_is_reported():
    assert evaluate(make_case()).ruleset == RULESET


def test_indicator_contacts_are_offered_for_domestic_abuse_and_mental_health():
    d = evaluate(make_case(["additional.suspected_domestic_violence", "additional.mental_health_concerns_about"]))
    names = [c.name for c in d.contacts]
    assert names[0] == "Children and Families Direct"
    assert "Domestic Abuse Referral Team (DART)" in names
    assert "Mental Health single point of access (Child and Adolescent Mental Health)" in names


@pytest.mark.parametrize(
    "chosen, other, other_level",
    [
        ("additional.suspected_domestic_violence", "extensive.suspected_domestic_violence", "Extensive"),
        ("extensive.suspected_domestic_violence", "additional.suspected_domestic_violence", "Additional"),
        ("extensive.behaviour_puts_life_risk", "protection.endangers_life_through_self", "Protection"),
        ("additional.inconsistent_parenting", "protection.inconsistent_parenting_highly_critical", "Protection"),
        ("additional.family_socially_isolated_excluded", "extensive.family_significantly_socially_excluded", "Extensive"),
        ("extensive.family_child_homeless", "protection.no_fixed_abode_homeless", "Protection"),
        ("additional.low_self_esteem", "protection.significantly_low_self_esteem", "Protection"),
    ],
)
def test_a_chosen_twin_names_the_others_with_their_level_without_changing_the_level(catalogue, chosen, other, other_level):
    d = evaluate(make_case([chosen]))
    assert d.level == catalogue.indicator(chosen).level  # named, never raised: the practitioner chooses
    notes = [g for g in d.guidance if g.rule.startswith("twins.")]
    assert len(notes) == 1
    text = catalogue.indicator(other).text
    assert f"'{text}' ({other_level}" in notes[0].text
    assert "line manager" in notes[0].text and "Responsive immediate protection, p11-18, 9" in notes[0].source


def test_both_twins_chosen_gives_no_note_for_that_pair():
    d = evaluate(make_case(["additional.attachment_issues", "extensive.attachment_issues"]))
    assert not any(g.rule == "twins.attachment" for g in d.guidance)


def test_no_guidance_tells_the_user_to_choose_the_higher():
    for ids in (["additional.suspected_domestic_violence"], ["additional.young_carers_child"]):
        assert not any("choose the higher" in g.text for g in evaluate(make_case(ids)).guidance)


def test_duplicate_answers_count_once():
    once = evaluate(make_case(["additional.lack_routine"]))
    twice = evaluate(make_case(["additional.lack_routine", "additional.lack_routine"]))
    assert once == twice


def test_a_twin_note_says_where_each_twin_is_listed_page_included_and_the_p9_entry_as_an_immediate_referral(catalogue):
    """The places are the document's own (Additional table p13-14, Protection table p17, the p9
    list): mutation run, 2026-12-01: a note with no page, or with the p9 entry given a table's
    level and page, went unnoticed."""
    [note] = [g for g in evaluate(make_case(["additional.suspected_domestic_violence"])).guidance if g.rule == "twins.domestic_abuse"]
    assert "You chose 'Suspected domestic violence' (Additional, p13-14)" in note.text
    assert "'Persistent domestic abuse' (Protection, p17)" in note.text
    p9 = catalogue.indicator("immediate.repeated_domestic_violence").text
    assert f"'{p9}' (immediate referral); 'Persistent domestic abuse'" in note.text  # the places, one after another
    [group] = [g for g in catalogue.twins if g.id == "domestic_abuse"]
    assert group.tells_apart in note.text  # what tells them apart, in the catalogue's words
