"""Appendix 3 (p37) in the decision: the Children's Assessment by which a section 47 enquiry is carried out
and its timescales at Protection, the referral steps at both social-care levels, the pre-birth planning
meeting for an unborn baby at Protection, and the first disagreement route (p18) beside a referral (rules13).

The oracle is the document's own words, written here and checked against the document's text first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rules import evaluate
from tests.conftest import OUT_OF_HOURS, make_case

ROOT = Path(__file__).resolve().parents[2]
DOCUMENT = " ".join((ROOT / "tests" / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())

CP = "protection.frozen_watchfulness"  # a Protection need not on the immediate-referral list
CIN = "extensive.children_who_go_missing"  # with the p4 judgement below: Child in Need
IMMEDIATE = "immediate.significant_harm"
UNBORN_CP = "protection.pregnancy_where_there_have"

# Appendix 3 (p37), as the document says it
S47_MEANS = "The children's assessment is the means by which a S47 enquiry is carried out"
UNDERTAKEN = "undertaken within a maximum of 10 working days of the date of the referral"
COMPLETED = "Completed within a maximum of 45 working days"
WITHOUT_DELAY = "section 47 enquiries should be initiated without delay"
CONFERENCE = "the children's assessment will form the basis of the report to the Initial Child Protection Conference"
CHAIRED = "chaired by a Community Team Manager or a Children's Social Care Team Manager"
PLANNING = "This meeting should allocate key tasks, record risks, identify the timescales and review the process"
ACKNOWLEDGE = "acknowledge a written referral within one working day"
CHASE = "not received an acknowledgement within 3 working days"
NEXT_STEPS = "should decide and record next steps of action within one working day"
REASONS = "informed of this decision and the reasons for making it"
CONSENT_CHECKS = "override parents withholding of consent if concerns remain about the child's welfare"
TOLD_AFTER = "inform the family, the original referrer and other professionals and services involved in the assessment what action has been or will be taken"
# Resolving Inter-Agency Disagreements, route 1 (p18)
ROUTE1_FEEDBACK = "feedback should be made to the referrer verbally within 24 hours"
ROUTE1_FIRST = "they should seek to raise their concerns with the Screening or Duty Manager"
ROUTE1_WHEN = "attempts should be made to resolve this within 24-48 hours"


@pytest.mark.parametrize(
    "words",
    [S47_MEANS, UNDERTAKEN, COMPLETED, WITHOUT_DELAY, CONFERENCE, CHAIRED, PLANNING, ACKNOWLEDGE, CHASE, NEXT_STEPS, REASONS]
    + [CONSENT_CHECKS, TOLD_AFTER, ROUTE1_FEEDBACK, ROUTE1_FIRST, ROUTE1_WHEN],
)
def test_the_oracle_is_the_documents_words(words):
    assert words.lower() in DOCUMENT.lower()


def said(decision, rule):
    return [g for g in decision.guidance if g.rule == rule]


def squash(text):
    return " ".join(text.split()).lower()


# ------------------------------------------------------------------ 1. the s47 assessment at Protection


@pytest.mark.parametrize("indicators", [[CP], [IMMEDIATE]])
@pytest.mark.parametrize("caller", ["professional", None, "parent_carer"])
def test_a_protection_decision_says_how_the_s47_enquiry_is_carried_out_and_its_timescales(indicators, caller):
    context = {"caller": caller} if caller else {}
    d = evaluate(make_case(indicators, **context))
    assert d.level == "protection"
    [g] = said(d, "referral.s47_assessment")
    text = squash(g.text)
    assert "appendix 3" in g.source.lower() and g.source.endswith("p37")
    for words in ("children's assessment is the means by which a s47 enquiry is carried out", "10 working days", "45 working days"):
        assert words in text, words
    assert "section 47 enquiries should be initiated without delay" in text
    assert "initial child protection conference" in text
    # the page gives the 10 and 45 days where it describes the assessment that decides Child in Need: applying
    # them to a section 47 enquiry's assessment is declared, and never a reason to wait
    assert "this tool's reading" in text and "never a reason to wait" in text


def test_the_s47_words_are_protections_only():
    for indicators, context in (([CIN], {"health_development_impaired_without_services": True}), (["additional.lack_routine"], {})):
        d = evaluate(make_case(indicators, **context))
        assert d.level != "protection" and not said(d, "referral.s47_assessment")


def test_the_s47_timescales_are_the_catalogues():
    from pathway import load_catalogue

    words = load_catalogue().timescales.words()
    [g] = said(evaluate(make_case([CP])), "referral.s47_assessment")
    assert words["assessment_started"] in g.text and words["assessment_completed"] in g.text


# ------------------------------------------------------------------ 2. the referral steps at both levels


def cin_case(**context):
    return make_case([CIN], health_development_impaired_without_services=True, **context)


@pytest.mark.parametrize("level", ["child_in_need", "protection"])
def test_both_social_care_levels_carry_the_acknowledgement_and_next_steps(level):
    d = evaluate(cin_case() if level == "child_in_need" else make_case([CP]))
    assert d.level == level
    actions = squash(" ".join(d.actions))
    assert "acknowledged within one working day" in actions and "within 3 working days" in actions
    assert "next steps within one working day" in actions
    # p37: "informed of this decision and the reasons for making it"
    assert "no further action" in actions and "the reasons for it" in actions


@pytest.mark.parametrize("level", ["child_in_need", "protection"])
@pytest.mark.parametrize("caller", ["parent_carer", "public"])
def test_a_caller_not_caf_trained_is_not_told_of_a_written_referrals_acknowledgement(level, caller):
    """p37 acknowledges 'a written referral', which p37 asks of a professional; the next steps and the
    feedback are Social Care's for any referral, a public one's with the child's confidentiality respected."""
    d = evaluate(cin_case(caller=caller) if level == "child_in_need" else make_case([CP], caller=caller))
    actions = squash(" ".join(d.actions))
    assert "acknowledged within one working day" not in actions
    assert "next steps within one working day" in actions and "confidentiality of the child" in actions


@pytest.mark.parametrize("level", ["child_in_need", "protection"])
def test_both_social_care_levels_say_consent_to_checks_and_the_feedback_after_the_assessment(level):
    d = evaluate(cin_case() if level == "child_in_need" else make_case([CP]))
    [g] = said(d, "referral.social_care_assessment")
    text = squash(g.text)
    assert g.source.endswith("p37")
    assert "asked if they will consent" in text and "override" in text and "if concerns remain about the child's welfare" in text
    assert "the original referrer" in text and "what action has been or will be taken" in text


def test_below_the_social_care_threshold_no_referral_steps_are_said():
    d = evaluate(make_case(["additional.lack_routine"]))
    assert not said(d, "referral.social_care_assessment") and not said(d, "disagreement.referral_not_accepted")
    assert "acknowledged within one working day" not in squash(" ".join(d.actions))


# ------------------------------------------------------------------ the unborn baby at Protection


@pytest.mark.parametrize("indicators", [[UNBORN_CP], ["immediate.unborn_significant_harm"]])
def test_an_unborn_baby_at_protection_is_told_of_the_pre_birth_planning_meeting(indicators):
    d = evaluate(make_case(indicators, unborn=True))
    assert d.level == "protection"
    [g] = said(d, "unborn.pre_birth_planning")
    text = squash(g.text)
    assert "chaired by a community team manager or a children's social care team manager" in text
    assert "allocates key tasks, records risks, identifies the timescales and reviews the process" in text
    assert "family community team" in text and "Appendix 3" in g.source and "p37" in g.source
    assert "this tool's reading" in text  # a Protection decision read as 'identified safeguarding risks'


def test_the_pre_birth_meeting_is_not_said_for_a_child_born_or_below_protection():
    assert not said(evaluate(make_case([CP])), "unborn.pre_birth_planning")
    d = evaluate(make_case(["additional.pregnant_under_17"], unborn=True))
    assert d.level != "protection" and not said(d, "unborn.pre_birth_planning")


# ------------------------------------------------------------------ 3. the first disagreement route


@pytest.mark.parametrize("case", ["cin", "protection", "immediate", "cin_out_of_hours", "dct"])
@pytest.mark.parametrize("caller", ["professional", None])
def test_a_referral_to_social_care_says_what_to_do_if_it_is_not_accepted(case, caller):
    context = {"caller": caller} if caller else {}
    d = evaluate(
        {
            "cin": lambda: cin_case(**context),
            "protection": lambda: make_case([CP], **context),
            "immediate": lambda: make_case([IMMEDIATE], **context),
            "cin_out_of_hours": lambda: cin_case(contact_time=OUT_OF_HOURS, **context),
            "dct": lambda: make_case([CP], disability="substantial_lifelong", large_sibling_group=False, **context),
        }[case]()
    )
    assert d.level in ("child_in_need", "protection")
    [g] = said(d, "disagreement.referral_not_accepted")
    text = squash(g.text)
    assert "resolving inter-agency disagreements" in g.source.lower() and g.source.endswith("p18")
    assert "not to accept the referral" in text
    assert "verbally within 24 hours" in text  # the feedback p18 says is due
    assert "screening or duty manager" in text and "24-48 hours" in text  # the first stage and its time
    assert "within a much quicker time frame if the situation is high risk" in text  # p18: "a much quicker time frame"


def test_the_first_routes_words_are_the_catalogues():
    from pathway import load_catalogue

    route = next(r for r in load_catalogue().disagreements.routes if r.id == "referral_not_accepted")
    [g] = said(evaluate(make_case([CP])), "disagreement.referral_not_accepted")
    assert route.timescale in g.text and route.stages[0].step in g.text and route.stages[0].when in g.text


@pytest.mark.parametrize("caller", ["parent_carer", "public"])
def test_the_agencies_route_is_not_given_to_a_caller_not_caf_trained(caller):
    # p18: 'When agencies make referrals into Social Care'; the stages are a referrer's line manager's
    assert not said(evaluate(make_case([CP], caller=caller)), "disagreement.referral_not_accepted")


def test_an_open_child_keeps_the_second_route_not_the_first():
    d = evaluate(make_case([CP], open_to_social_care=True, caller="professional"))
    assert not said(d, "disagreement.referral_not_accepted")
    [g] = said(d, "route.open_to_social_care")
    assert "the second disagreement route in Resolving Inter-Agency Disagreements applies" in g.text


# ------------------------------------------------------------------ the same decision on every surface


def test_the_api_and_the_cli_carry_the_new_guidance(monkeypatch, capsys, tmp_path):
    import io
    import sys

    from cli.main import main
    from webapp import create_app

    case = {"child": {"unborn": True}, "indicators": [UNBORN_CP], "context": {"caller": "professional", "contact_time": "2026-11-24T10:30:00+00:00"}}
    # for an unborn baby the planning meeting in the place of the section 47 item (review 14, K4)
    want = {"referral.social_care_assessment", "unborn.pre_birth_planning", "disagreement.referral_not_accepted", "scope.one_child"}
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(case)))
    assert main(["assess", "-"]) == 0
    cli_rules = {g["rule"] for g in json.loads(capsys.readouterr().out)["guidance"]}
    assert want <= cli_rules and "referral.s47_assessment" not in cli_rules
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "DATABASE_URL": f"sqlite:///{tmp_path / 'web.sqlite3'}"})
    r = app.test_client().post("/api/v1/assess", json=case)
    api_rules = {g["rule"] for g in r.get_json()["guidance"]}
    assert r.status_code == 200 and want <= api_rules and "referral.s47_assessment" not in api_rules
