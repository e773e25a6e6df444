"""Review 18 rules, N6: the referral-not-accepted guidance (p18's first disagreement route) names every
stage p18 names, in p18's order, instead of stopping at "the later stages follow". The oracle is p18's
own words, typed here from the document (seed lines 1824-1828), not read from the catalogue."""

from __future__ import annotations

import pytest

from rules import evaluate
from tests.conftest import make_case

CP = "protection.frozen_watchfulness"  # a Protection need not on the immediate-referral list
CIN = "protection.victim_crime"  # the review's own case (e_route1_later_stages_named)

# p18, route 1: who each stage goes to, in the order the page gives them
P18_STAGES = [
    "Screening or Duty Manager",
    "Screening or Duty Team Manager",
    "Screening or Duty Service Manager",
    "Head of Service, Neighbourhood Fieldwork",
    "Director of Safeguarding Services and their equivalent in the agency concerned",
]


@pytest.mark.parametrize("indicator", [CP, CIN])
def test_route_1_names_every_stage_p18_names_in_its_order(indicator):
    d = evaluate(make_case([indicator], caller="professional"))
    [g] = [g for g in d.guidance if g.rule == "disagreement.referral_not_accepted"]
    where = [g.text.find(stage) for stage in P18_STAGES]
    assert all(i >= 0 for i in where), dict(zip(P18_STAGES, where))
    assert where == sorted(where), "stages out of p18's order"
    assert "later stages follow" not in g.text
    assert g.text.endswith("(p18).") and g.source.endswith("p18")
