"""A child already open to Children's Social Care: Children and Families Direct deals with children
who are not (Appendix 3, p37); the concern goes to the allocated social worker or the team holding
the case, and out of hours to the Emergency Duty Team."""

from __future__ import annotations

import pytest

from rules import evaluate
from tests.conftest import OUT_OF_HOURS, make_case

LEVELS = {
    "protection": ["protection.frozen_watchfulness"],
    "immediate": ["immediate.unexplained_injuries"],
    "child_in_need": ["extensive.substantial_lifelong_disability_short_breaks"],
    "extensive": ["extensive.children_who_go_missing"],
    "additional": ["additional.lack_routine"],
}


@pytest.mark.parametrize("kind", list(LEVELS))
def test_an_open_case_goes_to_the_allocated_social_worker_never_screening(kind):
    d = evaluate(make_case(LEVELS[kind], open_to_social_care=True))
    assert d.route.team == "Allocated social worker, or the team holding the case"
    assert d.route.phone is None  # the document gives no number: none is invented
    # ...and no action gives one either ("on None" went unnoticed in the mutation run, 2026-12-01)
    first = {
        "immediate": "Ring the allocated social worker (or the team holding the case) now:",
        "protection": "Make the referral to the allocated social worker (or the team holding the case).",
    }
    if kind in first:
        assert d.actions[0].startswith(first[kind])
    assert not any(" on None" in a for a in d.actions)
    assert d.contacts[0].id == "allocated_social_worker"
    assert "Children and Families Direct" not in [c.name for c in d.contacts]
    assert "Screening" not in d.route.team and d.route.source.endswith("p37")
    assert any(g.rule == "route.open_to_social_care" and "p18-21" in g.text for g in d.guidance)


@pytest.mark.parametrize("kind", list(LEVELS))
def test_an_open_case_out_of_hours_goes_to_the_emergency_duty_team(kind):
    d = evaluate(make_case(LEVELS[kind], open_to_social_care=True, contact_time=OUT_OF_HOURS))
    assert d.route.team == "Emergency Duty Team" and d.contacts[0].id == "emergency_duty_team"


def test_not_open_keeps_the_front_door():
    assert evaluate(make_case(LEVELS["protection"], open_to_social_care=False)).route.team == "Screening and Duty Team"
