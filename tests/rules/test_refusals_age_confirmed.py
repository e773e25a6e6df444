"""Two p9 criteria for two different children (p9: "Under two years old and has unexplained bruising";
"Where there are serious concerns regarding the risk of significant harm to an unborn baby"): whichever
child the case describes, the one whose criterion fits the age (or unborn answer) given is decided, and the
other criterion is named as left out; the age is left out only where no criterion with an age band of its
own fits it (review 13 X2's reading, the call screen's). Before this, an unborn child with both boxes was
decided without the unborn answer AND the unborn baby's criterion, and a baby of 0 without the age AND the
bruising box: the words named an age and a box together. Every one of these rings now (p9: without delay)."""

from __future__ import annotations

import pytest

from pathway.models import Case
from rules import evaluate_despite_refusals

UNBORN = "immediate.unborn_significant_harm"  # p9: an unborn baby
BRUISING = "immediate.unexplained_bruising_under_2"  # p9: under two years old
HOME_ALONE = "immediate.home_alone_5_and_under"  # p9: aged 5 years old and under
ALLEGATION = "immediate.allegation_or_disclosure"  # p9: no age band
IN_HOURS = "2026-11-24T10:30:00+00:00"  # a Tuesday morning


def _without(child: dict, indicators: list[str]) -> tuple[bool, list[str]]:
    case = Case.parse({"child": child, "indicators": indicators, "context": {"contact_time": IN_HOURS}})
    decision = evaluate_despite_refusals(case)
    return decision.immediate, [e.field for e in decision.decided_without]


@pytest.mark.parametrize(
    "child, indicators, left_out",
    [
        ({"unborn": True}, [UNBORN, BRUISING], ["indicators[1]"]),  # the bruising box, for a born child
        ({"unborn": True}, [BRUISING, UNBORN], ["indicators[0]"]),
        ({"age_years": 0}, [UNBORN, BRUISING], ["indicators[0]"]),  # the unborn baby's box, for a baby of 0
        ({"age_years": 1, "age_months": 11}, [BRUISING, UNBORN], ["indicators[1]"]),
        ({"age_years": 3}, [BRUISING, HOME_ALONE], ["indicators[0]"]),  # 3 fits 5 and under, not under 2
        ({}, [UNBORN, BRUISING], ["indicators[0]"]),  # no age: a born child's criterion is decided
    ],
)
def test_the_criterion_that_fits_the_child_is_decided_and_the_other_named(child, indicators, left_out):
    assert _without(child, indicators) == (True, left_out)


@pytest.mark.parametrize(
    "child, indicators, left_out",
    [
        ({"age_years": 8}, [BRUISING], ["child.age_years"]),  # alone: no other criterion bears the age out
        ({"age_years": 8}, [BRUISING, ALLEGATION], ["child.age_years"]),  # an allegation has no age band
        ({"age_years": 8}, [BRUISING, HOME_ALONE], ["child.age_years", "child.age_years"]),  # neither fits 8: once for each
        # a table need with a band that fits (pre-school, under 5, p15-16) is no p9 criterion: it bears out no age
        ({"age_years": 3}, [BRUISING, "extensive.pre_school_under_stimulated"], ["child.age_years"]),
    ],
)
def test_with_no_criterion_fitting_the_age_the_age_is_left_out_and_every_box_kept(child, indicators, left_out):
    assert _without(child, indicators) == (True, left_out)
