"""Appendix 3's planning meeting for commissioned services, the step up's words for the level supported at and
the frozen-watchfulness hint, each in the document's words (rules14).

The oracle is the document's words, written here and checked against the document's text first."""

from __future__ import annotations

from pathlib import Path

import pytest

from pathway import load_catalogue
from rules import evaluate
from tests.conftest import make_case

ROOT = Path(__file__).resolve().parents[2]
DOCUMENT = " ".join((ROOT / "tests" / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())

CP = "protection.frozen_watchfulness"
CIN = "extensive.children_who_go_missing"  # with the p4 judgement: Child in Need
ADDITIONAL = "additional.lack_routine"
EXTENSIVE = "extensive.family_child_homeless"

# Appendix 3 (p37), Children's Assessments
LED = (
    "children's assessments should be led by Children's Social Care and completed in consultation with agencies relevant to the circumstances"
    " of the child and family"
)
COMMISSIONED = (
    "In order to ensure commissioned services are conducted safely and appropriately, a planning meeting should be held chaired by a Children"
    " and Families Team Manager"
)
# Thresholds / Levels of support (p4): the levels' names
NO_THRESHOLD = "No threshold Universal"
CAF_THRESHOLD = "CAF threshold Additional"
# Levels of need: Protection (p17) and p4's definition of Protection
FROZEN = "Frozen watchfulness"
PROTECTION = "Protection Children who are suffering or likely to suffer significant harm"


@pytest.mark.parametrize("words", [LED, COMMISSIONED, NO_THRESHOLD, CAF_THRESHOLD, FROZEN, PROTECTION])
def test_the_oracle_is_the_documents_words(words):
    assert words.lower() in DOCUMENT.lower()


def squash(text):
    return " ".join(text.split()).lower()


def said(decision, rule):
    return [g for g in decision.guidance if g.rule == rule]


# ------------------------------------------------------------------ Appendix 3: the planning meeting


@pytest.mark.parametrize("case", ["cin", "protection", "immediate", "open"])
def test_a_social_care_decision_says_the_assessment_is_led_by_social_care_with_the_planning_meeting(case):
    d = evaluate(
        {
            "cin": lambda: make_case([CIN], health_development_impaired_without_services=True),
            "protection": lambda: make_case([CP]),
            "immediate": lambda: make_case(["immediate.significant_harm"]),
            "open": lambda: make_case([CP], open_to_social_care=True),
        }[case]()
    )
    assert d.level in ("child_in_need", "protection")
    [g] = said(d, "referral.social_care_assessment")
    text = squash(g.text)
    assert "led by children's social care and completed in consultation with the agencies relevant to the circumstances of the child and family" in text
    assert "in order to ensure commissioned services are conducted safely and appropriately, a planning meeting should be held" in text
    assert "a planning meeting should be held, chaired by a children and families team manager" in text
    assert g.source.endswith("p37")


def test_below_the_social_care_threshold_the_planning_meeting_is_not_said():
    d = evaluate(make_case([EXTENSIVE]))
    assert d.level == "extensive"
    assert "children and families team manager" not in squash(" ".join([*d.actions, *(g.text for g in d.guidance)]))


# ------------------------------------------------------------------ the step up from Universal


@pytest.mark.parametrize("current, indicators", [("universal", [ADDITIONAL]), ("universal", [EXTENSIVE]), ("additional", [EXTENSIVE])])
def test_the_step_up_never_calls_the_level_supported_at_an_early_help_level(current, indicators):
    """p4 names Universal 'No threshold' and Additional and Extensive the 'CAF threshold'; the step up from
    Universal said the needs had risen above 'the early-help level the family is supported at'."""
    d = evaluate(make_case(indicators, current_level=current))
    assert d.step == "up"
    [g] = said(d, "step.up")
    text = squash(g.text)
    assert "early-help level" not in text
    assert text.startswith("needs have risen above the level the family is supported at, still below the social-care threshold")
    assert "case management guidance" in text and "this tool's reading" in text  # review 6, F7, kept


# ------------------------------------------------------------------ the frozen-watchfulness hint


def test_the_frozen_watchfulness_hint_says_what_the_document_says_of_it():
    ind = load_catalogue().indicator(CP)
    assert ind.text == FROZEN and ind.level.value == "protection"
    assert "recognised sign of abuse" not in ind.hint  # the document does not say it
    assert "listed at protection, where a child is suffering or likely to suffer significant harm (p4, p17)" in ind.hint.lower()
