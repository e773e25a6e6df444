"""Review 12, H2: a case whose answers reach a p9 immediate referral (directly, by a cross-walk or by an age
entailment) is decided, and rung now, when another answer is refused for its age, on the API and the command
line alike, from one function below them (rules.refusals.evaluate_despite_refusals). The refused answers are
named beside the decision by field (`decided_without`). A case whose other answers are not an immediate
referral is still refused, naming the field.

The oracle is the document, not the tool: p9 lists each criterion used here ("Allegations or disclosures of
abuse", "serious concerns regarding the risk of significant harm to an unborn baby"; the cross-walk and the
entailment are the catalogue's declared readings, tested in their own files). Whom to ring comes from p23 and
p4, copied here by hand: Children and Families Direct 0115 876 4800 in office hours, the Emergency Duty Team
0115 876 1000 out of hours.
"""

from __future__ import annotations

import io
import json
import sys

import pytest

from cli.main import EXIT_REFUSED, main
from pathway.models import Case, CaseError
from pathway.settings import OfficeHours
from rules import evaluate, evaluate_despite_refusals

IN_HOURS = "2027-01-12T10:00:00+00:00"  # a Tuesday morning
BANK_HOLIDAY_NIGHT = "2026-12-28T22:00:00+00:00"  # the Boxing Day substitute, at night
RING = {IN_HOURS: ("Children and Families Direct", "0115 876 4800"), BANK_HOLIDAY_NIGHT: ("Emergency Duty Team", "0115 876 1000")}

BABY = {"age_years": 0, "age_months": 3}
ABSENT = "extensive.persistent_absenteeism_school_without"  # below its meaningful age at 1
TEEN = "extensive.teenage_parents_with_concerns"  # a parent's band, 13-19
# the three roads to p9 (each reached by the answers left once the refused one is removed)
DIRECT = ["immediate.allegation_or_disclosure"]
CROSSWALK = ["protection.persistent_domestic_abuse"]  # -> p9 repeated domestic violence (crosswalk persistent_domestic_abuse)
# a parent under 13 states a parenthood under 13, whatever need is chosen (age_entailments.pregnancy_under_13)
ENTAIL_PARENT = {"age_years": 12}
ENTAIL = ["universal.physically_well"]

# (refusal kind, road) -> the case, and the field refused: hand-built, one per cell
CELLS = {
    # an indicator outside its age band: p9's bruising criterion is for a child under 2 (p9); being itself a
    # p9 criterion it is kept and the age left out instead (left13; test_a_p9_criterion_refused_for_the_age_...)
    ("age band", "direct"): ({"child": {"age_years": 3}, "indicators": ["immediate.unexplained_bruising_under_2", *DIRECT]}, "child.age_years"),
    ("age band", "cross-walk"): ({"child": {"age_years": 3}, "indicators": ["immediate.unexplained_bruising_under_2", *CROSSWALK]}, "child.age_years"),
    # the unborn baby's criterion (band unborn) for a born baby of a parent of 12: decided for the unborn baby,
    # for whom 'physically well' has no meaning (left out in its turn)
    ("age band", "entailment"): (
        {"child": BABY, "parent": ENTAIL_PARENT, "indicators": [*ENTAIL, "immediate.unborn_significant_harm"]},
        "child.age_years indicators[0]",
    ),
    # an indicator outside its age band that is no p9 criterion: left out (sexual activity, under 13)
    ("age band, no p9", "direct"): ({"child": {"age_years": 14}, "indicators": ["protection.sexual_activity_under_13", *DIRECT]}, "indicators[0]"),
    # an indicator below its meaningful age (school absence at 1)
    ("meaningful age", "direct"): ({"child": {"age_years": 1}, "indicators": [*DIRECT, ABSENT]}, "indicators[1]"),
    ("meaningful age", "cross-walk"): ({"child": {"age_years": 1}, "indicators": [ABSENT, *CROSSWALK]}, "indicators[0]"),
    ("meaningful age", "entailment"): (
        {"child": BABY, "parent": ENTAIL_PARENT, "indicators": [ABSENT, *ENTAIL]},
        "indicators[0]",
    ),
    # a parent's band the parent's age is outside (teenage parents, 13-19)
    ("parent's band", "direct"): ({"child": BABY, "parent": {"age_years": 25}, "indicators": [TEEN, *DIRECT]}, "indicators[0]"),
    ("parent's band", "cross-walk"): (
        {"child": BABY, "parent": {"age_years": 25}, "indicators": [*CROSSWALK, TEEN]},
        "indicators[1]",
    ),
    ("parent's band", "entailment"): ({"child": BABY, "parent": ENTAIL_PARENT, "indicators": [*ENTAIL, TEEN]}, "indicators[1]"),
    # the pathway's ages: past 25 (Appendix 2, p25: pre-birth to 19, care leavers to 25); the age is refused
    ("the pathway's ages", "direct"): ({"child": {"age_years": 30}, "indicators": DIRECT}, "child.age_years"),
    ("the pathway's ages", "cross-walk"): ({"child": {"age_years": 30}, "indicators": CROSSWALK}, "child.age_years"),
    # (the pathway's ages x entailment has no case: the age refused is the child's, and a parent of 12 is
    # then refused too, being too young to have a child past 19; see test_no_ring_now_is_made_from_refused_ages)
}


@pytest.fixture
def client(tmp_path):
    """The API with the real office hours (the shared fixture's are always open)."""
    from webapp import create_app

    app = create_app({"TESTING": True, "SECRET_KEY": "x", "OFFICE_HOURS": OfficeHours(), "DATABASE_URL": f"sqlite:///{tmp_path / 'h.sqlite3'}"})
    return app.test_client()


def _case(raw: dict, moment: str) -> dict:
    return {**raw, "context": {"caller": "professional", "contact_time": moment}}


def _api(client, raw: dict):
    return client.post("/api/v1/assess", json=raw)


def _cli(raw: dict, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(raw)))
    code = main(["assess", "-"])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("cell", sorted(CELLS), ids=lambda c: f"{c[0]}-{c[1]}")
@pytest.mark.parametrize("moment", [IN_HOURS, BANK_HOLIDAY_NIGHT], ids=["in-hours", "bank-holiday-night"])
def test_every_refusal_kind_beside_every_p9_road_rings_now(cell, moment, client, monkeypatch, capsys):
    raw, field = CELLS[cell]
    raw = _case(raw, moment)
    name, phone = RING[moment]
    with pytest.raises(CaseError):  # the case is refused by the rules as given (the premise)
        evaluate(Case.parse(raw), office_hours=OfficeHours())

    r = _api(client, raw)
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert body["immediate"] is True and body["level"] == "protection"
    assert (body["contacts"][0]["name"], body["contacts"][0]["phone"]) == (name, phone)
    assert [e["field"] for e in body["decided_without"]] == field.split()

    code, out, err = _cli(raw, monkeypatch, capsys)
    assert code == 0
    decision = json.loads(out)
    assert decision["immediate"] is True and (decision["contacts"][0]["name"], decision["contacts"][0]["phone"]) == (name, phone)
    assert [e["field"] for e in decision["decided_without"]] == field.split()
    assert all(f"decided without {f}:" in err for f in field.split())  # the person is told, beside the decision, what was left out


# review 12's own cases (docs/review12-rules-cases.yaml, H2), each refused whole before
REVIEW12 = [
    ({"child": {"age_years": 3}, "indicators": ["immediate.unexplained_bruising_under_2", "immediate.unexplained_injuries"]}, ["child.age_years"]),
    ({"child": {"age_years": 14}, "indicators": ["protection.sexual_activity_under_13", "immediate.allegation_or_disclosure"]}, ["indicators[0]"]),
    (
        {"child": {"unborn": True}, "parent": {"age_years": 15}, "indicators": ["extensive.pregnant_care_leavers", "immediate.unborn_significant_harm"]},
        ["indicators[0]"],
    ),
    ({"child": {"unborn": True}, "indicators": ["protection.frozen_watchfulness", "immediate.unborn_significant_harm"]}, ["indicators[0]"]),
    ({"child": BABY, "parent": {"age_years": 12}, "indicators": ["universal.physically_well", TEEN]}, ["indicators[1]"]),
]


@pytest.mark.parametrize("raw, fields", REVIEW12)
def test_review12s_cases_ring_now_naming_what_was_left_out(raw, fields):
    decision = evaluate_despite_refusals(Case.parse(_case(raw, BANK_HOLIDAY_NIGHT)), office_hours=OfficeHours())
    assert decision.immediate and decision.contacts[0].name == "Emergency Duty Team"
    assert [e.field for e in decision.decided_without] == fields


# refused cases whose other answers are no immediate referral: still refused, naming the field
STILL_REFUSED = [
    ({"child": {"age_years": 14}, "indicators": ["protection.sexual_activity_under_13", "additional.lack_routine"]}, "indicators[0]"),
    ({"child": {"age_years": 1}, "indicators": [ABSENT, "protection.frozen_watchfulness"]}, "indicators[0]"),
    ({"child": BABY, "parent": {"age_years": 25}, "indicators": [TEEN]}, "indicators[0]"),
    ({"child": {"age_years": 30}, "indicators": ["extensive.children_who_go_missing"]}, "child.age_years"),
    ({"indicators": ["not.an.indicator", "additional.lack_routine"]}, "indicators[0]"),
    # a child of 21 with a care-leaver need and a need for a child: no p9 criterion, still refused
    ({"child": {"age_years": 21}, "indicators": ["extensive.pregnant_care_leavers", "additional.lack_routine"]}, "indicators[1]"),
]


@pytest.mark.parametrize("raw, field", STILL_REFUSED)
def test_a_refused_case_that_is_no_immediate_referral_is_still_refused(raw, field, client, monkeypatch, capsys):
    raw = _case(raw, IN_HOURS)
    r = _api(client, raw)
    assert r.status_code == 422 and field in [e["field"] for e in r.get_json()["errors"]]
    code, out, err = _cli(raw, monkeypatch, capsys)
    assert code == EXIT_REFUSED and out == "" and f"error: {field}:" in err


def test_no_ring_now_is_made_from_refused_ages():
    """The pathway's ages beside the entailment: a parent of 12 cannot have a child of 30, so both ages are
    refused, and what is left (no age, no parent's age) states no parenthood under 13: still refused."""
    raw = _case({"child": {"age_years": 30}, "parent": ENTAIL_PARENT, "indicators": ENTAIL}, IN_HOURS)
    with pytest.raises(CaseError) as refused:
        evaluate_despite_refusals(Case.parse(raw), office_hours=OfficeHours())
    assert {"child.age_years", "parent.age_years"} <= {e.field for e in refused.value.errors}


def test_a_case_decided_whole_names_nothing_left_out(client):
    raw = _case({"child": {"age_years": 3}, "indicators": DIRECT}, IN_HOURS)
    assert _api(client, raw).get_json()["decided_without"] == []


# left13: a p9 criterion refused for the child's age given is itself the immediate referral: it is kept, and the
# case decided without the age, as the call screen does (the lead's choice for an age past the pathway beside p9:
# a mistyped age must not lose a ring-now). Every p9 criterion with an age band (the catalogue's four: under 2,
# under 1, unborn, 5 and under; p9 gives each its age) and the pathway's ages (p25: past 19 only a care
# leaver's needs). The pointer each refusal gives is p9's own words for the right criterion, copied by hand.
P9_REFUSED_FOR_AGE = {
    "bruising at 3": (
        {"age_years": 3},
        "immediate.unexplained_bruising_under_2",
        "child.age_years",
        "Unexplained injuries or injuries where there is an inconsistent explanation of the injury",
    ),
    "bruising, unborn": ({"unborn": True}, "immediate.unexplained_bruising_under_2", "child.unborn", "risk of significant harm to an unborn baby"),
    "substance misuse at 4": ({"age_years": 4}, "immediate.substance_use_under_1", "child.age_years", "Child is at immediate risk or has suffered"),
    "unborn baby's criterion at 3": ({"age_years": 3}, "immediate.unborn_significant_harm", "child.age_years", "unborn"),
    "home alone at 9": ({"age_years": 9}, "immediate.home_alone_5_and_under", "child.age_years", "Left home alone and their age and vulnerability"),
}
ROADS = {"alone": [], "beside a need": ["additional.lack_routine"], "beside a cross-walk": CROSSWALK}


@pytest.mark.parametrize("road", sorted(ROADS))
@pytest.mark.parametrize("name", sorted(P9_REFUSED_FOR_AGE))
@pytest.mark.parametrize("moment", [IN_HOURS, BANK_HOLIDAY_NIGHT], ids=["in-hours", "bank-holiday-night"])
def test_a_p9_criterion_refused_for_the_age_rings_now_decided_without_the_age(name, road, moment, client, monkeypatch, capsys):
    child, criterion, field, pointer = P9_REFUSED_FOR_AGE[name]
    raw = _case({"child": child, "indicators": [criterion, *ROADS[road]]}, moment)
    ring = RING[moment]
    with pytest.raises(CaseError):  # the premise: the rules refuse the criterion for the age given
        evaluate(Case.parse(raw), office_hours=OfficeHours())

    r = _api(client, raw)
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert body["immediate"] is True and body["level"] == "protection"
    assert (body["contacts"][0]["name"], body["contacts"][0]["phone"]) == ring
    assert criterion in [i for reason in body["reasons"] for i in reason["indicators"]]  # the criterion is kept
    assert [e["field"] for e in body["decided_without"]] == [field]
    assert pointer in body["decided_without"][0]["message"] and "indicators[0]" in body["decided_without"][0]["message"]

    code, out, err = _cli(raw, monkeypatch, capsys)
    assert code == 0, err
    decision = json.loads(out)
    assert decision["immediate"] is True and (decision["contacts"][0]["name"], decision["contacts"][0]["phone"]) == ring
    assert criterion in [i for reason in decision["reasons"] for i in reason["indicators"]]
    assert f"warning: decided without {field}:" in err


@pytest.mark.parametrize("moment", [IN_HOURS, BANK_HOLIDAY_NIGHT], ids=["in-hours", "bank-holiday-night"])
def test_a_p9_criterion_past_the_pathways_ages_rings_now_decided_without_the_age(moment, client, monkeypatch, capsys):
    """At 21 with a care-leaver need, an allegation is refused as past the children's ages (p25): kept."""
    raw = _case({"child": {"age_years": 21}, "indicators": ["extensive.pregnant_care_leavers", "immediate.allegation_or_disclosure"]}, moment)
    body = _api(client, raw).get_json()
    assert body["immediate"] is True and (body["contacts"][0]["name"], body["contacts"][0]["phone"]) == RING[moment]
    assert "immediate.allegation_or_disclosure" in [i for reason in body["reasons"] for i in reason["indicators"]]
    assert [e["field"] for e in body["decided_without"]] == ["child.age_years"]
    code, out, err = _cli(raw, monkeypatch, capsys)
    assert code == 0 and "warning: decided without child.age_years:" in err


def test_two_p9_criteria_refused_for_the_age_are_both_kept():
    """The under-2 bruising and the home-alone-5-and-under criteria for a child of 9: both kept, the age named
    once for each; the unborn baby's criterion beside a born child's is decided for the born child."""
    raw = _case({"child": {"age_years": 9}, "indicators": ["immediate.unexplained_bruising_under_2", "immediate.home_alone_5_and_under"]}, IN_HOURS)
    decision = evaluate_despite_refusals(Case.parse(raw), office_hours=OfficeHours())
    kept = {i for reason in decision.reasons for i in reason.indicators}
    assert decision.immediate and {"immediate.unexplained_bruising_under_2", "immediate.home_alone_5_and_under"} <= kept
    assert [e.field for e in decision.decided_without] == ["child.age_years", "child.age_years"]
    raw = _case({"child": {"age_years": 3}, "indicators": ["immediate.unexplained_bruising_under_2", "immediate.unborn_significant_harm"]}, IN_HOURS)
    decision = evaluate_despite_refusals(Case.parse(raw), office_hours=OfficeHours())
    assert decision.immediate and [e.field for e in decision.decided_without] == ["child.age_years", "child.age_years", "indicators[1]"]
