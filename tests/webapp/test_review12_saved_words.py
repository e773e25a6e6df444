"""Review 12, H5: an entry saved before a fix of the words beside a ring-now, or of the team an action
sends the referral to, is tagged on its case page (webapp.cases.reopen.later_decision); an entry today's
ruleset would decide the same, words and all, is not.

The comparison looked only at level, immediacy, route and first contact, so review 11's fixes (H2: "continue
the current plan and review it" beside a ring-now; H1: the Disabled Children's Team as the referral's place in
a sibling group's Protection action, where Appendix 3, p37, gives the case to the Duty team) never tagged an
entry saved before them. The oracle: the stored words, edited by hand to what was shown before each fix.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from pathway.models import Case
from pathway.settings import OfficeHours
from rules import evaluate
from store.assessments import Entry
from webapp.cases.reopen import later_decision

OLD = "fsp-2014 (1.1.0, decisions 798881c48e80)"  # a ruleset before review 11's fixes
IN_HOURS = "2027-01-12T10:00:00+00:00"
INJURIES_AT_PROTECTION = {
    "child": {"age_years": 7},
    "indicators": ["immediate.unexplained_injuries"],
    "context": {"current_level": "protection", "caller": "professional", "contact_time": IN_HOURS},
}
SIBLING_GROUP = {
    "child": {"age_years": 8},
    "indicators": ["protection.frozen_watchfulness"],
    "context": {"disability": "substantial_lifelong", "large_sibling_group": True, "caller": "professional", "contact_time": IN_HOURS},
}
CHILD_IN_NEED = {
    "child": {"age_years": 9},
    "context": {"health_development_impaired_without_services": True, "caller": "professional", "contact_time": IN_HOURS},
}


def _entry(raw: dict, edit=None, ruleset: str = OLD) -> Entry:
    decision = evaluate(Case.parse(raw), office_hours=OfficeHours()).model_dump(mode="json")
    decision["ruleset"] = ruleset
    if edit:
        edit(decision)
    return Entry(
        id=1,
        case_ref="R12",
        user_id=1,
        username="r12",
        team="t",
        created_at=datetime.now(timezone.utc),
        ruleset=ruleset,
        level=decision["level"],
        case=raw,
        decision=decision,
    )


def _old_step_words(decision: dict) -> None:
    """As shown before review 11's H2 fix: the step beside a ring-now told the practitioner to carry on."""
    for g in decision["guidance"]:
        if g["rule"] == "step.same":
            g["text"] = "After the call: Needs match the level the family is supported at now: continue the current plan and review it."


def _old_referral_place(decision: dict) -> None:
    """As shown before review 11's H1 fix: the Disabled Children's Team as the referral's place."""
    n = next(i for i, a in enumerate(decision["actions"]) if a.startswith("Without delay, refer to Children's Social Care"))
    decision["actions"][n] = (
        "Without delay, refer to Children's Social Care through the Disabled Children's Team (0115 883 8266). "
        "A CAF is not needed and is not to be used where there are significant or immediate child protection concerns."
    )


def _old_referral_team(decision: dict) -> None:
    """A Child in Need's referral sent, in the words of an action, to another team than today's."""
    decision["actions"] = [a.replace("Children and Families Direct", "Locality Access Point") for a in decision["actions"]]


def test_the_premise_each_old_entry_had_the_same_level_route_and_first_contact():
    for raw in (INJURIES_AT_PROTECTION, SIBLING_GROUP):
        today = evaluate(Case.parse(raw), office_hours=OfficeHours())
        assert today.level.value == "protection"
    today = evaluate(Case.parse(CHILD_IN_NEED), office_hours=OfficeHours())
    assert today.level.value == "child_in_need" and any("Children and Families Direct" in a for a in today.actions)


@pytest.mark.parametrize(
    "raw, edit, field",
    [
        (INJURIES_AT_PROTECTION, _old_step_words, "words_beside_the_ring_now"),
        (SIBLING_GROUP, _old_referral_place, "words_beside_the_ring_now"),
        (CHILD_IN_NEED, _old_referral_team, "teams_in_the_actions"),
    ],
    ids=["review11-H2-step-beside-ring-now", "review11-H1-dct-in-sibling-group", "team-in-a-child-in-need-action"],
)
def test_an_entry_saved_before_a_fix_of_words_beside_a_ring_now_or_a_route_is_tagged(raw, edit, field):
    later = later_decision(_entry(raw, edit), OfficeHours())
    assert later is not None and field in later.fields, later


@pytest.mark.parametrize("raw", [INJURIES_AT_PROTECTION, SIBLING_GROUP, CHILD_IN_NEED])
def test_an_entry_today_would_decide_and_word_the_same_is_not_tagged(raw):
    assert later_decision(_entry(raw), OfficeHours()) is None  # an earlier ruleset, nothing changed


def test_an_entry_of_todays_ruleset_is_not_tagged():
    from pathway.catalogue import load_catalogue

    assert later_decision(_entry(INJURIES_AT_PROTECTION, _old_step_words, load_catalogue().version), OfficeHours()) is None


def test_words_of_a_decision_below_a_ring_now_are_not_compared_unless_they_name_a_team():
    """H5 compares the words beside a ring-now, and below it only the teams the actions name: a Child in Need
    entry whose guidance was worded otherwise (no team named) is not tagged (mutmut's Outcome.of 45 gave every
    decision's words, so it was)."""

    def reworded(decision: dict) -> None:
        decision["guidance"][0]["text"] = "Worded otherwise before a fix."

    assert later_decision(_entry(CHILD_IN_NEED, reworded), OfficeHours()) is None


def test_an_entry_saved_as_no_immediate_referral_that_today_is_one_is_tagged_immediate():
    """Immediacy is compared too (training.ruleset_diff.COMPARED): mutmut's Outcome.of 7 and 15 dropped it from
    both sides, and the tag named only the words."""

    def not_immediate(decision: dict) -> None:
        decision["immediate"] = False

    later = later_decision(_entry(INJURIES_AT_PROTECTION, not_immediate), OfficeHours())
    assert later is not None and "immediate" in later.fields, later


def test_the_teams_an_action_names_are_named_whole():
    """The teams named, by the names the document gives them (Key contacts, p23; p37's allocated social worker),
    without their bracketed words: mutmut's teams_named 11-13 kept a name's first word ('Children', 'Disabled') or
    its bracket, so any action with the word 'children' named a team, or the allocated social worker none."""
    from training.ruleset_diff import teams_named

    said = ["Ring Children and Families Direct now on 0115 876 4800.", "Tell the allocated social worker today."]
    assert teams_named(said) == ("Allocated social worker", "Children and Families Direct")
    assert teams_named(["Refer through the Disabled Children's Team (0115 883 8266)."]) == ("Disabled Children's Team",)
    assert teams_named(["Ask how the children are, and how the family is managing."]) == ()
