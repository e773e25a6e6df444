"""A child already open to Children's Social Care: Children and Families Direct deals with children
who are not (Appendix 3, p37); the concern goes to the allocated social worker or the team holding
the case, and out of hours to the Emergency Duty Team."""

from __future__ import annotations

import pytest

from pathway import CaseError
from rules import evaluate
from tests.conftest import OUT_OF_HOURS, make_case
from tests.rules.oracle import oracle_open_case

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


# Appendix 3 (p37), in the document's words: the front door is for children NOT already open
FRONT_DOOR = (
    "all enquiries in relation to children/young people who aren't already open to Children's Services Social Care "
    "are initially dealt with by Children and Families Direct"
)


@pytest.mark.parametrize("current", ["child_in_need", "protection"])
@pytest.mark.parametrize("kind", ["additional", "extensive", "protection"])
def test_supported_at_a_social_care_level_is_open_to_social_care_when_not_said(current, kind):
    """Review 6, F4: a family supported at Child in Need or Protection has an allocated social worker
    (Appendix 2, p25: Protection is offered by statutory services); it was sent through Children and
    Families Direct to early help. Taken as open, declared as this tool's reading."""
    case = make_case(LEVELS[kind], current_level=current)
    assert oracle_open_case(case) is True
    d = evaluate(case)
    assert d.route.team == "Allocated social worker, or the team holding the case"
    assert "children_families_direct" not in [c.id for c in d.contacts]
    [read] = [a for a in d.assumptions if a.id == "open_from_current_level"]
    assert "this tool's reading" in read.text and read.source.endswith("p37, 25, 6")


@pytest.mark.parametrize("current", ["universal", "additional", "extensive"])
def test_supported_in_early_help_keeps_the_front_door(current):
    case = make_case(LEVELS["additional"], current_level=current)
    assert oracle_open_case(case) is False
    d = evaluate(case)
    assert d.route.team == "Family Support Services"
    assert not [a for a in d.assumptions if a.id == "open_from_current_level"]


def test_the_answer_given_is_not_read_again_as_a_reading():
    d = evaluate(make_case(LEVELS["additional"], current_level="protection", open_to_social_care=True))
    assert d.route.team == "Allocated social worker, or the team holding the case"
    assert not [a for a in d.assumptions if a.id == "open_from_current_level"]


@pytest.mark.parametrize("current", ["child_in_need", "protection"])
def test_supported_at_a_social_care_level_but_not_open_is_refused_naming_both_fields(current):
    with pytest.raises(CaseError) as err:
        evaluate(make_case(LEVELS["additional"], current_level=current, open_to_social_care=False))
    [e] = err.value.errors
    assert e.field == "context.open_to_social_care" and "context.current_level" in e.message


def test_the_reading_rests_on_the_documents_front_door_rule(catalogue):
    from pathlib import Path

    text = " ".join((Path(__file__).parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())
    assert FRONT_DOOR in text and "Protection: offered by statutory services" in text
    assert [lv.value for lv in catalogue.open_from_current_level.levels] == ["child_in_need", "protection"]
