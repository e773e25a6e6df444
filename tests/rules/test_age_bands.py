"""Age bands carried by the indicators' words; ages 0-25 accepted, older refused."""
from __future__ import annotations

import pytest

from pathway import CaseError
from rules import evaluate
from tests.conftest import make_case

# (indicator, an age inside the band, an age outside it); ages as (years, months) or "unborn"
BANDS = [
    ("immediate.unexplained_bruising_under_2", (1, 11), (2, 0)),
    ("immediate.substance_use_under_1", (0, 11), (1, 0)),
    ("immediate.unborn_significant_harm", "unborn", (0, 1)),
    ("immediate.home_alone_5_and_under", (5, 11), (6, 0)),
    ("additional.pregnant_under_17", (16, 11), (17, 0)),
    ("extensive.pregnant_under_16", (15, 11), (16, 0)),
    ("extensive.teenage_parents_with_concerns", (13, 0), (12, 11)),
    ("protection.sexual_activity_under_13", (12, 11), (13, 0)),
    ("protection.forced_marriage_under_18", (17, 11), (18, 0)),
    ("extensive.pre_school_under_stimulated", (4, 11), (5, 0)),
    ("extensive.pregnant_care_leavers", (25, 11), (15, 11)),
]


def _case(indicator, age):
    if age == "unborn":
        return make_case([indicator], unborn=True)
    return make_case([indicator], age_years=age[0], age_months=age[1])


@pytest.mark.parametrize("indicator, inside, outside", BANDS)
def test_inside_the_band_is_assessed(indicator, inside, outside):
    assert evaluate(_case(indicator, inside)).level in ("additional", "extensive", "protection")


@pytest.mark.parametrize("indicator, inside, outside", BANDS)
def test_outside_the_band_is_refused_naming_the_indicator_and_the_band(catalogue, indicator, inside, outside):
    with pytest.raises(CaseError) as err:
        evaluate(_case(indicator, outside))
    [e] = err.value.errors
    band = catalogue.band(catalogue.indicator(indicator).age_band)
    assert e.field == "indicators[0]"
    assert indicator in e.message and band.label in e.message


def test_an_unborn_child_cannot_have_a_bruising_indicator():
    with pytest.raises(CaseError, match="under 2 years old"):
        evaluate(make_case(["immediate.unexplained_bruising_under_2"], unborn=True))


def test_home_alone_at_any_age_when_vulnerable_is_accepted_for_an_older_child():
    d = evaluate(make_case(["immediate.home_alone_at_risk"], age_years=11))
    assert d.level == "protection" and d.immediate


def test_age_not_given_accepts_a_banded_indicator_because_its_words_carry_the_age():
    from pathway import Case
    d = evaluate(Case.parse({"indicators": ["immediate.unexplained_bruising_under_2"]}))
    assert d.immediate


@pytest.mark.parametrize("years", [0, 1, 17, 18, 25])
def test_ages_up_to_25_are_accepted(years):
    assert evaluate(make_case(age_years=years)).level == "universal"


def test_an_age_over_25_is_refused_naming_the_field():
    with pytest.raises(CaseError) as err:
        make_case(age_years=26)
    assert err.value.errors[0].field == "child.age_years"


def test_every_error_is_reported_at_once():
    with pytest.raises(CaseError) as err:
        evaluate(make_case(["nope", "immediate.substance_use_under_1"], age_years=3))
    assert [e.field for e in err.value.errors] == ["indicators[0]", "indicators[1]"]
