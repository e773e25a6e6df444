"""An indicator indicates its level; the decision is the highest; immediate always wins."""
from __future__ import annotations

from rules import evaluate
from tests.conftest import IN_HOURS, OUT_OF_HOURS, make_case


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
    d = evaluate(make_case(["protection.fabricated_induced_illness"]))
    assert d.level == "protection" and d.immediate is False
    assert d.reasons[0].source == "Levels of need: Protection, p17"
    assert d.contacts[0].name == "Children and Families Direct"


def test_immediate_referral_in_office_hours_rings_children_and_families_direct_now():
    d = evaluate(make_case(["immediate.allegation_or_disclosure"], contact_time=IN_HOURS))
    assert d.level == "protection" and d.immediate is True and d.out_of_hours is False
    assert d.contacts[0].phone == "0115 876 4800"
    assert d.actions[0] == ("Ring Children and Families Direct now on 0115 876 4800: "
                            "do not wait and do not start a CAF first.")
    assert any("in writing within 24 hours" in a for a in d.actions)
    assert d.reasons[0].rule == "immediate.referral" and d.reasons[0].source.endswith("p9")


def test_immediate_referral_out_of_hours_rings_the_emergency_duty_team():
    d = evaluate(make_case(["immediate.trafficking_victim"], contact_time=OUT_OF_HOURS))
    assert d.out_of_hours is True
    assert d.contacts[0].name == "Emergency Duty Team" and d.contacts[0].phone == "0115 876 1000"
    assert d.actions[0].startswith("Ring Emergency Duty Team now on 0115 876 1000")
    assert d.route.team == "Emergency Duty Team"


def test_immediate_wins_over_lower_needs_and_keeps_them_as_reasons():
    d = evaluate(make_case(["additional.lack_routine", "immediate.adults_who_pose_risk"]))
    assert d.level == "protection" and d.immediate
    assert {r.rule for r in d.reasons} == {"immediate.referral", "level.additional"}


def test_the_ruleset_version_is_reported():
    assert evaluate(make_case()).ruleset == "fsp-2014 (1.0.0)"


def test_indicator_contacts_are_offered_for_domestic_abuse_and_mental_health():
    d = evaluate(make_case(["additional.suspected_domestic_violence", "additional.mental_health_concerns_about"]))
    names = [c.name for c in d.contacts]
    assert names[0] == "Children and Families Direct"
    assert "Domestic Abuse Referral Team (DART)" in names
    assert "Mental Health single point of access (Child and Adolescent Mental Health)" in names


def test_same_words_listed_higher_up_are_pointed_out_without_raising_the_level():
    d = evaluate(make_case(["additional.suspected_domestic_violence"]))
    assert d.level == "additional"
    note = next(g for g in d.guidance if g.rule == "guidance.same_words_higher")
    assert "'Suspected domestic violence' is chosen at Additional" in note.text and "Extensive" in note.text


def test_choosing_the_higher_of_two_same_word_entries_gives_no_such_note():
    d = evaluate(make_case(["extensive.suspected_domestic_violence"]))
    assert d.level == "extensive"
    assert not any(g.rule == "guidance.same_words_higher" for g in d.guidance)


def test_duplicate_answers_count_once():
    once = evaluate(make_case(["additional.lack_routine"]))
    twice = evaluate(make_case(["additional.lack_routine", "additional.lack_routine"]))
    assert once == twice
