"""Review 12 H2's decision despite refusals (rules.refusals), at the places mut13's mutation run found no test:
each refusal kind `_without` can leave out beside a p9 criterion, not only the indicator and the child's age.

- a parent's age refused (too young to have had the child, the catalogue's `age.parent`) beside p9: hand mutant
  R2 (`_PARENT_AGE` misspelt) refused the whole case, so no ring-now;
- a context answer refused for contradicting another (the disability answer against a need that states a
  substantial, life-long disability; "not open to social care" when supported at Protection now) beside p9;
- a refused answer past the tenth (indicators[10]): hand mutant R3 (`indicators\\[(\\d)\\]`, one digit) refused
  the whole case;
- a refusal in a later round named by its place in the case as given, not in the case already reduced (mutmut's
  `_without` 27-29 left the field as the reduced case's). No shipped check refuses an answer only once another is
  left out (a second round, seen 90 times in 6,480 cases tried, refused a context answer after the age), so this
  is asked of `_without` directly, as a later round would ask it.

The oracle is the document: p9's criterion "Allegations or disclosures of abuse" is an immediate referral,
rung "without delay", and whom to ring is p23's and p4's, copied here by hand: the Emergency Duty Team 0115 876
1000 out of hours (a bank holiday night); in office hours Children and Families Direct 0115 876 4800, except for a
child with a permanent and substantial disability (the Disabled Children's Team, 0115 883 8266, p23 and p37) and a
child already open to social care, whose allocated social worker is rung (p37: Children and Families Direct takes
the children who are not already open), which the tool gives no number."""

from __future__ import annotations

import pytest

from pathway.catalogue import DATA_FILE, load_catalogue
from pathway.models import Case, CaseError, FieldError
from pathway.settings import OfficeHours
from rules import evaluate, evaluate_despite_refusals
from rules.refusals import _without, decide_despite_refusals

IN_HOURS = "2027-01-12T10:00:00+00:00"  # a Tuesday morning
BANK_HOLIDAY_NIGHT = "2026-12-28T22:00:00+00:00"  # the Boxing Day substitute, at night
NIGHT = ("Emergency Duty Team", "0115 876 1000")
DIRECT = ("Children and Families Direct", "0115 876 4800")
P9 = "immediate.allegation_or_disclosure"
SUBSTANTIAL = "extensive.substantial_lifelong_disability_short_breaks"  # its words state a substantial, life-long disability

# kind -> (the answers, the context answers, the field refused, whom to ring in office hours)
CASES = {
    # a parent of 11 with a child of 5 was at most 11y11m - 5y = 6y11m at the birth: refused (age.parent)
    "parent's age": ({"child": {"age_years": 5}, "parent": {"age_years": 11}, "indicators": [P9]}, {}, "parent.age_years", DIRECT),
    # no disability, beside a need that states one: the disability answer is left out, the need's words kept
    "disability answer": (
        {"child": {"age_years": 8}, "indicators": [SUBSTANTIAL, P9]},
        {"disability": "none"},
        "context.disability",
        ("Disabled Children's Team", "0115 883 8266"),
    ),
    # the same beside a parent's age the checks accept: only the disability answer is left out, once (mutmut's
    # `_without` 39 left out the parent's age in its place and named the disability answer twice)
    "disability answer, a parent's age given": (
        {"child": {"age_years": 8}, "parent": {"age_years": 30}, "indicators": [SUBSTANTIAL, P9]},
        {"disability": "none"},
        "context.disability",
        ("Disabled Children's Team", "0115 883 8266"),
    ),
    # supported at Protection now (so open to social care, the catalogue's reading), yet said not open
    "open to social care": (
        {"child": {"age_years": 8}, "indicators": [P9]},
        {"current_level": "protection", "open_to_social_care": False},
        "context.open_to_social_care",
        ("Allocated social worker (or the team holding the case)", None),
    ),
}


def _case(raw: dict, context: dict, moment: str) -> Case:
    return Case.parse({**raw, "context": {**context, "caller": "professional", "contact_time": moment}})


@pytest.mark.parametrize("kind", sorted(CASES))
@pytest.mark.parametrize("moment", [IN_HOURS, BANK_HOLIDAY_NIGHT], ids=["in-hours", "bank-holiday-night"])
def test_a_refused_parents_age_or_context_answer_beside_p9_rings_now_naming_it(kind, moment):
    raw, context, field, by_day = CASES[kind]
    case = _case(raw, context, moment)
    with pytest.raises(CaseError) as refused:  # the premise: refused as given, for that field
        evaluate(case, office_hours=OfficeHours())
    assert field in [e.field for e in refused.value.errors]
    decision = evaluate_despite_refusals(case, office_hours=OfficeHours())
    assert decision.immediate and decision.level.value == "protection"
    assert (decision.contacts[0].name, decision.contacts[0].phone) == (by_day if moment == IN_HOURS else NIGHT)
    assert [e.field for e in decision.decided_without] == [field]


def test_a_refused_answer_past_the_tenth_is_left_out_too():
    catalogue = load_catalogue()
    # ten answers a child of 3 may have (not p9 ones), then a need that is not p9 and does not fit 3: refused
    # (a p9 criterion refused for the age would keep its place and leave the age out instead, left13)
    fitting = [i.id for i in catalogue.indicators if not i.immediate and i.level.value in ("universal", "additional") and catalogue.admits(i, False, 36)][:9]
    unfitting = next(i.id for i in catalogue.indicators if not i.immediate and not catalogue.admits(i, False, 36))
    raw = {"child": {"age_years": 3}, "indicators": [P9, *fitting, unfitting]}
    assert len(raw["indicators"]) == 11
    case = _case(raw, {}, BANK_HOLIDAY_NIGHT)
    with pytest.raises(CaseError):
        evaluate(case, office_hours=OfficeHours())
    decision = evaluate_despite_refusals(case, office_hours=OfficeHours())
    assert decision.immediate and (decision.contacts[0].name, decision.contacts[0].phone) == NIGHT
    assert [e.field for e in decision.decided_without] == ["indicators[10]"]


def test_a_later_rounds_refusal_is_named_by_its_place_in_the_case_as_given():
    # the case as given had three answers; the one at place 1 was left out in an earlier round, so the
    # reduced case's indicators[1] is the given case's indicators[2]
    given = ["additional.lack_routine", "immediate.unexplained_bruising_under_2", "universal.physically_well"]
    reduced = Case.parse({"child": {"age_years": 3}, "indicators": [given[0], given[2]]})
    refused: list[FieldError] = []
    out = _without(reduced, [FieldError(field="indicators[1]", message="refused")], [0, 2], refused, set(), load_catalogue())
    assert out is not None
    case, positions = out
    assert case.indicators == [given[0]] and positions == [0]
    assert [(e.field, e.message) for e in refused] == [("indicators[2]", "refused")]


def test_the_hours_the_moment_and_the_catalogue_given_are_the_ones_decided_with():
    """mutmut's evaluate_despite_refusals 2-8 and decide_despite_refusals 2 dropped the office hours, the
    moment or the catalogue given (the tests gave the shipped ones, or a contact time in the case): a local
    closure, a moment asked about, or a draft catalogue would have been decided with the defaults."""
    from datetime import date, datetime, timezone

    from training.ruleset_diff import load_draft

    text = DATA_FILE.read_text(encoding="utf-8")
    draft = load_draft(text.replace('phone: "0115 876 1000"', 'phone: "0115 876 1001"'))  # a draft's number for the EDT
    closed = OfficeHours(closed_dates=frozenset({date(2027, 1, 12)}))  # a local closure on that Tuesday
    now = datetime(2027, 1, 12, 10, 0, tzinfo=timezone.utc)  # 10:00 on a Tuesday: in hours but for the closure
    whole = {"child": {"age_years": 3}, "indicators": [P9], "context": {"caller": "professional"}}  # no contact time
    refused = {**whole, "indicators": ["immediate.unexplained_bruising_under_2", P9]}  # under 2 only (p9): refused at 3
    # a p9 criterion refused for the age keeps its place; the case is decided without the age (left13)
    for raw, without in ((whole, []), (refused, ["child.age_years"])):
        for decide in (evaluate_despite_refusals, lambda *a, **k: decide_despite_refusals(*a, **k)[1]):
            decision = decide(Case.parse(raw), office_hours=closed, now=now, catalogue=draft)
            assert decision.contact_time == now and decision.out_of_hours
            assert (decision.contacts[0].name, decision.contacts[0].phone) == ("Emergency Duty Team", "0115 876 1001")
            assert [e.field for e in decision.decided_without] == without


def test_an_answer_refused_only_once_another_is_left_out_is_left_out_in_a_second_round():
    """A young person of 21 is covered only as a care leaver (p25): the age is refused first; then, the age left
    out, the disability answer 'none' beside a need that states a substantial, life-long disability is refused
    too. Both are left out and p9 rings now (mutmut's decide_despite_refusals 38 and 39 stopped after the
    first round: a crash, or the case refused whole)."""
    raw = {"child": {"age_years": 21}, "indicators": [SUBSTANTIAL, P9]}
    case = _case(raw, {"disability": "none"}, BANK_HOLIDAY_NIGHT)
    with pytest.raises(CaseError) as first:
        evaluate(case, office_hours=OfficeHours())
    assert "context.disability" not in [e.field for e in first.value.errors]  # the premise: not refused at first
    decision = evaluate_despite_refusals(case, office_hours=OfficeHours())
    assert decision.immediate and (decision.contacts[0].name, decision.contacts[0].phone) == NIGHT
    assert [e.field for e in decision.decided_without] == ["child.age_years", "context.disability"]
