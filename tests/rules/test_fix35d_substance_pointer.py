"""fix35d (stop 53), review 33 Q10: p13 'Substance misuse may impact on ability to provide basic / adequate care'
at 0y5m on Boxing Day 2033 was Additional, not immediate, with Family Support Services (closed) as the route.

p13's 'may impact' is not p9's 'significant', so the level is not raised (inflation). The decision already pointed to
p9's 'Under 1 year old where the parents/carers have significant substance use issues' (the age pointer, review 6 F6)
but said "choose it if it applies" and not whom to ring for it, out of hours when the route names a closed service.
The pointer to a twin on the immediate-referral list is now a declared reading (guidance.age_pointer.immediate) that
names whom an immediate referral of this case rings now, by the route rules (the Emergency Duty Team out of hours,
Children and Families Direct in office hours: the contacts' data, never a typed number), or, beside an immediate
referral already, to say so in that call. Shown wherever the decision's guidance is: the API, the command line,
the result page.
"""

from __future__ import annotations

import pytest

from pathway import load_catalogue
from rules import evaluate
from tests.conftest import make_case

CAT = load_catalogue()
NEED = "additional.substance_misuse_impact_ability"
RULE = "age.pointer.immediate.substance_use_under_1"
UNDER_1 = "Under 1 year old where the parents/carers have significant substance use issues"  # p9, as written
BOXING_DAY_33 = "2033-12-26T12:00:00+00:00"  # a bank holiday: out of hours
WEDNESDAY_33 = "2033-12-28T12:00:00+00:00"  # the first working day after Christmas 2033: office hours
EDT, CFD = CAT.contact("emergency_duty_team"), CAT.contact("children_families_direct")


def _decide(months, indicators=(NEED,), moment=BOXING_DAY_33, **context):
    return evaluate(
        make_case(
            list(indicators), age_years=months // 12, age_months=months % 12, caller=context.pop("caller", "professional"), contact_time=moment, **context
        )
    )


def _pointers(d):
    return [g for g in d.guidance if g.rule == RULE]


def test_the_finding_5_months_on_boxing_day_stays_additional_and_says_to_ring_the_emergency_duty_team_for_p9():
    d = _decide(5)
    assert d.level == "additional" and not d.immediate  # not raised: 'may impact' is not 'significant'
    [pointer] = _pointers(d)
    assert UNDER_1 in pointer.text and "(immediate referral, p9)" in pointer.text
    assert f"ring {EDT.named_in_a_sentence()} now on {EDT.phone}" in pointer.text
    assert CFD.phone not in pointer.text
    assert "This tool's reading" in pointer.text and "p9" in pointer.source and "13-17" in pointer.source


def test_in_office_hours_the_pointer_names_children_and_families_direct():
    [pointer] = _pointers(_decide(5, moment=WEDNESDAY_33))
    assert f"ring {CFD.named_in_a_sentence()} now on {CFD.phone}" in pointer.text
    assert EDT.phone not in pointer.text


@pytest.mark.parametrize("months, shown", [(0, True), (5, True), (11, True), (12, False), (13, False)])
def test_shown_under_1_only(months, shown):
    d = _decide(months)
    assert bool(_pointers(d)) is shown
    assert d.level == "additional" and not d.immediate


def test_not_shown_where_the_p9_criterion_is_chosen():
    d = _decide(5, indicators=(NEED, "immediate.substance_use_under_1"))
    assert d.immediate and not _pointers(d)


def test_not_shown_where_a_cross_walk_already_meets_it():
    d = _decide(5, indicators=(NEED, "protection.chronic_substance_misuse"))
    assert d.immediate and not _pointers(d)


def test_beside_another_immediate_referral_it_says_so_in_that_call_and_names_no_number():
    d = _decide(5, indicators=(NEED, "immediate.allegation_or_disclosure"))
    assert d.immediate
    [pointer] = _pointers(d)
    assert CAT.guidance.age_pointer.immediate.in_the_call in pointer.text
    assert EDT.phone not in pointer.text and CFD.phone not in pointer.text


def test_an_open_child_is_pointed_to_the_team_holding_the_case():
    [pointer] = _pointers(_decide(5, moment=WEDNESDAY_33, open_to_social_care=True))
    assert CFD.phone not in pointer.text and EDT.phone not in pointer.text
    assert "ring" in pointer.text


def test_a_table_twin_keeps_the_plain_age_pointer():
    """'Pregnant under 16' for a 15-year-old who chose 'Pregnant under 17': the table pointer, no ring-now."""
    d = evaluate(make_case(["additional.pregnant_under_17"], age_years=15))
    [pointer] = [g for g in d.guidance if g.rule == "age.pointer.extensive.pregnant_under_16"]
    assert "ring" not in pointer.text and "This tool's reading" not in pointer.text


def test_the_only_immediate_twin_with_an_age_band_is_the_under_1_substance_criterion():
    """The reading's why is written for the one immediate twin with an age band: a new one must be read again."""
    banded = {i for t in CAT.twins for i in t.ids if CAT.indicator(i).immediate and CAT.indicator(i).age_band}
    assert banded == {"immediate.substance_use_under_1"}
    reading = CAT.guidance.age_pointer.immediate
    assert reading.interpretation and reading.why and "{ring}" in reading.text
    assert not any(ch.isdigit() for ch in reading.ring + reading.in_the_call)  # the number is the contacts' data


def test_the_api_says_it(tmp_path):
    from pathway.settings import OfficeHours
    from webapp import create_app

    app = create_app({"TESTING": True, "SECRET_KEY": "x", "OFFICE_HOURS": OfficeHours(), "DATABASE_URL": f"sqlite:///{tmp_path / 'h.sqlite3'}"})
    body = {"child": {"age_years": 0, "age_months": 5}, "indicators": [NEED], "context": {"caller": "professional", "contact_time": BOXING_DAY_33}}
    got = app.test_client().post("/api/v1/assess", json=body).get_json()
    assert got["level"] == "additional" and got["immediate"] is False
    [pointer] = [g for g in got["guidance"] if g["rule"] == RULE]
    assert EDT.phone in pointer["text"]
