"""How a decision says the young person's age when a pregnancy or parenthood under 13 is entailed (review
10, H1; mutation run of review 10, docs/safety/mutation.md): the tests checked that the entailment was
reached and that its words began "under 13 when the pregnancy began", so the ages inside the words (the
parent's oldest, the child's age, the parent's age now) could be dropped, be "None" or be computed
wrongly (a parent of 13 said to be "at most 12 years 1 months") unnoticed. The practitioner reads these
words to check the tool's reading against what they know.

Oracle: a hand-written table. Ages are whole years for the parent (13 is 13y0m to 13y11m, so "at most
13 years 11 months") and whole months for the child; the shortest pregnancy counted is the catalogue's
declared 4 months (test_review10_pregnancy_start.py checks it). The 'teenage' band is read as 13 to 19,
so its oldest parent is 19 years 11 months (declared)."""

from __future__ import annotations

import pytest

from pathway import Case
from rules import evaluate
from tests.conftest import IN_HOURS

PLAIN = "universal.physically_well"  # no need of the entailment: the parent's age alone states the parenthood


def case(indicators, child_months, parent_years=None):
    body = {"child": {"age_years": child_months // 12, "age_months": child_months % 12}, "indicators": list(indicators), "context": {"contact_time": IN_HOURS}}
    if parent_years is not None:
        body["parent"] = {"age_years": parent_years}
    return Case.parse(body)


@pytest.mark.parametrize(
    "indicators, child_months, parent_years, said",
    [
        # the parent's age now, under 13
        ([PLAIN], 5, 12, "The young parent's age given (12 years) states a parenthood under 13"),
        (["additional.pregnant_under_17"], 5, 11, "This need, with the young person's age (11 years), means 'Sexual activity under 13' (Protection, p17)"),
        # 13 now, certainly under 13 at the start: 13y11m - 10m - 4m = 12y9m
        (
            [PLAIN],
            10,
            13,
            "The young parent's age given (under 13 when the pregnancy began: a parent of at most 13 years 11 months with a child of "
            "0 years 10 months, born at least 4 months after the pregnancy began)",
        ),
        # 14 now: 14y11m - 1y10m - 4m = 12y9m
        (
            ["additional.pregnant_under_17"],
            22,
            14,
            "This need, with the young person's age (under 13 when the pregnancy began: a parent of at most 14 years 11 months with a "
            "child of 1 years 10 months, born at least 4 months after the pregnancy began), means 'Sexual activity under 13'",
        ),
        # no parent's age: the child of 8y4m is under 13, and a teenage parent of at most 19y11m was at most
        # 19y11m - 8y4m - 4m = 11y3m when the pregnancy began: under 13 either way
        (
            ["extensive.teenage_parents_with_concerns"],
            100,
            None,
            "This need, with the young person's age (under 13 either way: a child of 8 years 4 months, or a young parent of at most "
            "19 years 11 months with a child of that age, under 13 when the pregnancy began at least 4 months before the birth)",
        ),
        # the youngest child a teenage parent of at most 19y11m can have had at 10 (the catalogue's youngest parent
        # at a birth): 9y11m, both readings counted
        (
            ["extensive.teenage_parents_with_concerns"],
            119,
            None,
            "This need, with the young person's age (under 13 either way: a child of 9 years 11 months, or a young parent of at most "
            "19 years 11 months with a child of that age, under 13 when the pregnancy began at least 4 months before the birth)",
        ),
        # no parent's age: a child of 12 is the young person (a parent under 17 with a child of 12 would have
        # been at most 4y11m at the birth: not a reading), so the child's own age in whole years
        (["additional.pregnant_under_17"], 144, None, "This need, with the young person's age (12 years), means"),
        (["additional.pregnant_under_17"], 155, None, "This need, with the young person's age (12 years), means"),
    ],
)
def test_the_entailment_says_the_ages_it_read(indicators, child_months, parent_years, said):
    d = evaluate(case(indicators, child_months, parent_years))
    assert d.level == "protection" and d.immediate
    [r] = [r for r in d.reasons if r.rule == "age.entailment"]
    assert r.explanation.startswith(said), r.explanation[:400]


@pytest.mark.parametrize("iid", ["additional.poor_maternal_health_not", "protection.pregnancy_where_there_have"])
@pytest.mark.parametrize("child_months", [150, 155])
def test_a_need_that_bounds_no_parents_age_is_asked_up_to_12_years_11_months_never_decided(iid, child_months):
    """'Poor maternal health' and 'Pregnancy where there have been previous child protection concerns' bound no
    parent's age: a child under 13 (12y11m included) may be the young person or the young person's child, so the
    age is asked (age.entailment_age_unknown) and the level is the need's own (the catalogue's why says so)."""
    d = evaluate(case([iid], child_months))
    assert not d.immediate and [g.rule for g in d.guidance if g.rule == "age.entailment_age_unknown"]
    assert not [r for r in d.reasons if r.rule == "age.entailment"]


def test_an_unborn_babys_teenage_parent_of_no_given_age_is_asked_as_a_parent_of_13_is_prompted():
    """A teenage parent is 13 to 19 (declared); the pregnancy began up to the longest pregnancy (10 months,
    declared) ago, so a parent of 13y0m now may have been 12y2m when it began. Given as 13, the decision says so (fix10u's
    prompt); not given, it said nothing at all, nor asked for the parent's age (mutants 57-63 of young_person,
    which read the age as not known, survived because no test looked)."""
    teenage = "extensive.teenage_parents_with_concerns"
    unborn = {"child": {"unborn": True}, "indicators": [teenage], "context": {"contact_time": IN_HOURS}}
    given = evaluate(Case.parse({**unborn, "parent": {"age_years": 13}}))
    assert [g for g in given.guidance if g.rule == "age.entailment_pregnancy_start_possible"]  # the reading, as fix10u made it
    d = evaluate(Case.parse(unborn))
    assert not d.immediate
    assert [g for g in d.guidance if g.rule in ("age.entailment_age_unknown", "age.entailment_pregnancy_start_possible")]
