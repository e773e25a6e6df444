"""Table indicators that, with the child's age, meet a criterion of the immediate-referral list
(p9): an immediate criterion wins by whichever indicator it is reached."""

from __future__ import annotations

import pytest

from rules import evaluate
from tests.conftest import make_case

EDT = "0115 876 1000"


@pytest.mark.parametrize(
    "indicator, age, p9_words",
    [
        ("protection.child_victim_trafficking", {"age_years": 14}, "Child victims of trafficking"),
        ("protection.child_victim_trafficking", {"age_years": 3}, "Child victims of trafficking"),
        ("protection.persistent_domestic_abuse", {"age_years": 10}, "repeated domestic violence"),
        ("extensive.mental_physical_health_problems", {"age_years": 0, "age_months": 11}, "Under 1 year old"),
        ("protection.chronic_substance_misuse", {"age_years": 0, "age_months": 2}, "Under 1 year old"),
        ("protection.pregnancy_where_there_have", {"unborn": True}, "unborn baby"),
        ("protection.chronic_substance_misuse", {"unborn": True}, "unborn baby"),
    ],
)
def test_a_table_indicator_that_meets_p9_is_an_immediate_referral(indicator, age, p9_words):
    d = evaluate(make_case([indicator], **age))
    assert d.level == "protection" and d.immediate is True
    [xw] = [r for r in d.reasons if r.rule == "immediate.crosswalk"]
    assert p9_words in xw.explanation and xw.indicators == [indicator] and xw.source.endswith("9")
    assert d.actions[0].startswith(f"Ring {d.contacts[0].name} now")


def test_a_crosswalk_out_of_hours_rings_the_emergency_duty_team_now():
    from tests.conftest import OUT_OF_HOURS

    d = evaluate(make_case(["protection.child_victim_trafficking"], contact_time=OUT_OF_HOURS))
    assert d.immediate and d.contacts[0].phone == EDT and d.actions[0].startswith("Ring the Emergency Duty Team now")


@pytest.mark.parametrize("indicator", ["extensive.mental_physical_health_problems", "protection.chronic_substance_misuse"])
def test_parental_substance_misuse_is_immediate_only_under_1(indicator):
    assert evaluate(make_case([indicator], age_years=0, age_months=11)).immediate
    older = evaluate(make_case([indicator], age_years=1))
    assert not older.immediate and older.level == ("extensive" if indicator.startswith("extensive") else "protection")


def test_an_unknown_age_gives_guidance_to_ring_now_if_under_1_without_guessing():
    from pathway import Case

    d = evaluate(Case.parse({"indicators": ["extensive.mental_physical_health_problems"]}))
    assert not d.immediate and d.level == "extensive"
    g = next(g for g in d.guidance if g.rule == "immediate.crosswalk_age_unknown")
    assert "under 1" in g.text and g.source.endswith("p9")


def test_the_additional_substance_entry_is_not_raised_to_immediate():
    """'may impact on ability to provide basic care' is not 'significant substance use issues'."""
    assert not evaluate(make_case(["additional.substance_misuse_impact_ability"], age_years=0, age_months=3)).immediate


def test_the_readings_are_declared_and_the_document_match_is_not():
    trafficking = evaluate(make_case(["protection.child_victim_trafficking"]))
    dv = evaluate(make_case(["protection.persistent_domestic_abuse"]))
    assert next(r for r in trafficking.reasons if r.rule == "immediate.crosswalk").interpretation is False
    assert next(r for r in dv.reasons if r.rule == "immediate.crosswalk").interpretation is True


@pytest.mark.parametrize("first", ["immediate.significant_harm", "protection.child_victim_trafficking"])
def test_a_crosswalk_is_named_beside_an_immediate_concern_chosen_with_it(first):
    """An immediate concern chosen as well must not hide the cross-walk: the reader is told that
    trafficking, from the Protection table, is itself on the p9 list (mutation run, 2026-12-01:
    stopping at the first immediate indicator went unnoticed)."""
    chosen = ["immediate.significant_harm", "protection.child_victim_trafficking"]
    d = evaluate(make_case(sorted(chosen, key=lambda i: i != first)))
    assert d.immediate and d.level == "protection"
    [xw] = [r for r in d.reasons if r.rule == "immediate.crosswalk"]
    assert xw.indicators == ["protection.child_victim_trafficking"] and "Child victims of trafficking" in xw.explanation


def _age_unknown_guidance(case) -> list:
    return [g for g in evaluate(case).guidance if g.rule == "immediate.crosswalk_age_unknown"]


@pytest.mark.parametrize(
    "indicator, child",
    [
        ("protection.child_victim_trafficking", None),  # its cross-walk has no age band: the age decides nothing
        ("protection.severe_chronic_health_problems", None),  # the unborn cross-walk: a child of unknown age is born
        ("protection.chronic_substance_misuse", {"age_years": 5}),  # the age is known: it has decided
        ("protection.chronic_substance_misuse", {"unborn": True}),  # unborn: the unborn cross-walk has decided
        ("extensive.mental_physical_health_problems", {"unborn": True}),
    ],
)
def test_the_age_unknown_guidance_is_given_only_where_an_age_not_given_would_decide(indicator, child):
    """The guidance "ring now if the child is under 1" is for a born child whose age was not given
    and a cross-walk with an age band; anywhere else it would send a family to a call the age has
    already ruled out (mutation run, 2026-12-01: each of these went unnoticed)."""
    from pathway import Case

    case = Case.parse({"indicators": [indicator], **({"child": child} if child else {})})
    assert _age_unknown_guidance(case) == []
    if child is None:  # the positive control: the same child with the under-1 cross-walk's indicator
        assert _age_unknown_guidance(Case.parse({"indicators": ["protection.chronic_substance_misuse"]}))


def test_two_crosswalks_are_two_reasons_each_with_its_own_criterion_and_reading(catalogue):
    """Trafficking and persistent domestic abuse meet two p9 criteria, one word for word and one by
    this tool's reading. Merged into one reason, the second's criterion and its interpretation flag
    were lost: the decision said 'Child victims of trafficking' for both and declared no reading
    (mutation run, 2026-12-01). The oracle is the catalogue's cross-walks."""
    chosen = ["protection.child_victim_trafficking", "protection.persistent_domestic_abuse"]
    d = evaluate(make_case(chosen, age_years=10))
    crosswalks = {r.indicators[0]: r for r in d.reasons if r.rule == "immediate.crosswalk"}
    assert sorted(crosswalks) == chosen and all(len(r.indicators) == 1 for r in crosswalks.values())
    for cw in catalogue.crosswalks:
        for iid in set(cw.indicators or []) & set(chosen):
            reason = crosswalks[iid]
            assert catalogue.indicator(cw.meets).text in reason.explanation and cw.why in reason.explanation
            assert reason.interpretation is cw.interpretation


DOCUMENT = " ".join((__import__("pathlib").Path(__file__).resolve().parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())
SUFFERED = "has suffered significant harm including physical, sexual, emotional harm or neglect"  # p9's first criterion, as written
# review 6, F13: Protection needs whose words state significant harm already suffered (or, for a
# forced marriage, the event itself), each with its words in the document's Protection table
HARM_STATED = {
    "protection.sexual_activity_under_13": "Sexual activity under 13",
    "protection.sexual_exploitation": "Sexual exploitation",
    "protection.fabricated_induced_illness": "Fabricated or induced illness",
    "protection.severe_significant_developmental_delay": "Severe and significant developmental delay due to neglect/poor parenting",
    "protection.forced_marriage_under_18": "Forced marriage of a child under 18 yrs",
}


@pytest.mark.parametrize("indicator", sorted(HARM_STATED))
def test_a_protection_need_whose_words_state_harm_suffered_is_an_immediate_referral(indicator):
    """The level was Protection already and stays so; what changes is `immediate` and the ring-now
    words. The oracle is the document: the need's own words and p9's first criterion."""
    assert SUFFERED in DOCUMENT and HARM_STATED[indicator] in DOCUMENT
    d = evaluate(make_case([indicator], age_years=12))
    assert d.level == "protection" and d.immediate is True
    [xw] = [r for r in d.reasons if r.rule == "immediate.crosswalk"]
    assert "Child is at immediate risk or has suffered significant harm" in xw.explanation and xw.interpretation
    assert d.actions[0].startswith("Ring Children and Families Direct now on 0115 876 4800")


def test_every_protection_need_is_cross_walked_or_says_why_not(catalogue):
    """The choice is made on purpose for each Protection-table need: a cross-walk to p9, or a
    `not_crosswalked` entry with its why; never both, never neither."""
    walked = {i for cw in catalogue.crosswalks for i in cw.indicators}
    left = [i for group in catalogue.not_crosswalked for i in group.indicators]
    assert len(left) == len(set(left)) and all(group.why for group in catalogue.not_crosswalked)
    table = {i.id for i in catalogue.indicators if i.level == "protection" and not i.immediate}
    assert walked & set(left) == set()
    assert table == (walked & table) | set(left)
    assert set(HARM_STATED) <= walked


def test_a_need_left_out_of_the_cross_walks_is_not_immediate(catalogue):
    from pathway import CaseError

    for group in catalogue.not_crosswalked:
        for iid in group.indicators:
            for age in (12, 15):
                try:
                    d = evaluate(make_case([iid], age_years=age))
                except CaseError:
                    continue
                assert d.level == "protection" and not d.immediate, iid
                break
            else:
                raise AssertionError(f"{iid}: no age admits it")
