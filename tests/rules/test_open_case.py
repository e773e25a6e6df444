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
    # Children and Families Direct only as the next call if no one holding the case answers (F3)
    assert ("Children and Families Direct" in [c.name for c in d.contacts]) == (kind == "immediate")
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


DOCUMENT = " ".join((__import__("pathlib").Path(__file__).resolve().parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())


def test_an_open_childs_immediate_referral_in_hours_has_a_fallback_and_a_number():
    """Review 6, F3: ring the allocated social worker now, with the document's fallback if they or
    their team manager cannot be reached in time (the relevant service manager, route 2, p18-21), and
    Children and Families Direct next with its number if no one holding the case can be reached now
    (p9, p23; a declared reading, since p37 sends open cases elsewhere). The oracle is the document's
    own words, as data."""
    d = evaluate(make_case(["immediate.significant_harm"], age_years=7, open_to_social_care=True))
    assert "contact should be made with the relevant service manager" in DOCUMENT
    assert "For all concerns/support/safeguarding requirements for children and young people in Nottingham" in DOCUMENT
    worker, following = d.contacts[0], d.contacts[1]
    assert worker.id == "allocated_social_worker" and worker.phone is None
    assert "relevant service manager" in worker.when and "p18-21" in worker.when
    assert following.id == "children_families_direct" and following.phone == "0115 876 4800"
    assert "no one holding the case can be reached now" in following.when and "reading" in following.when
    # the actions do not both send the user to Children and Families Direct and forbid it
    words = " ".join(d.actions)
    assert "not through Children and Families Direct" not in words
    assert "Children and Families Direct" in words  # the exception is said, not hidden


def test_the_fallback_is_only_for_an_immediate_referral_in_hours():
    for case in (
        make_case(["protection.frozen_watchfulness"], open_to_social_care=True),
        make_case(["immediate.significant_harm"], open_to_social_care=True, contact_time=OUT_OF_HOURS),
        make_case(["immediate.significant_harm"]),
    ):
        d = evaluate(case)
        assert not any("relevant service manager" in c.when for c in d.contacts), case
        if case.context.open_to_social_care:
            assert "children_families_direct" not in [c.id for c in d.contacts], case
