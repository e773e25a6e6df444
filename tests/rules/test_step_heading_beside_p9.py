"""The heading the step's words go under, beside a new immediate (p9) concern (left12; review 11 H2's rest).

Review 11 H2 gave the step's words for a family supported at Protection with a new p9 concern: the referral
is made without delay (p9), what follows for the plan is the allocated social worker's (p37). The result page
still put them under "Staying at the same level", the heading of a plan that simply continues. The heading now
comes with the decision (`Decision.step_heading`, the catalogue's words) where the step's own label would
contradict its words; every surface shows `pathway.surfaces.step_heading`.

The oracle is the document's p9 ("without delay") and a hand-written table: for each level the family is
supported at now, what a p9 concern's heading must say.
"""

from __future__ import annotations

import pathlib

import pytest

from pathway import Case, load_catalogue, surfaces
from rules import evaluate
from tests.conftest import IN_HOURS, OUT_OF_HOURS

DOCUMENT = " ".join((pathlib.Path(__file__).resolve().parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())
STAYING = "Staying at the same level"
# level supported at now -> (the step, the heading) with a new p9 concern today (hand-written): a p9 concern
# is Protection (p9, p17), so below it the family steps up (Appendix 1, p24; within social care from Child
# in Need, Appendix 3, p37); at Protection the level stays, but the heading must not say the plan just goes on
UP = ("up", "Stepping up")
TABLE = {
    "universal": UP,
    "additional": UP,
    "extensive": UP,
    "child_in_need": UP,
    "protection": ("same", None),  # None: not STAYING; names the new immediate concern and p9's "without delay"
}
ROADS = [
    ("direct", {"age_years": 7}, ["immediate.unexplained_injuries"]),
    ("cross-walk", {"age_years": 15}, ["protection.child_victim_trafficking"]),
]
CALLERS = ["professional", "parent_carer", "public", None]


def _decision(level, child, indicators, caller, moment):
    context = {"current_level": level, "contact_time": moment, **({"caller": caller} if caller else {})}
    return evaluate(Case.parse({"child": child, "indicators": indicators, "context": context}))


def test_p9_says_without_delay():
    assert "a referral should be made" in DOCUMENT and "without delay" in DOCUMENT


@pytest.mark.parametrize("moment", [IN_HOURS, OUT_OF_HOURS], ids=["day", "night"])
@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize("road,child,indicators", ROADS, ids=[r[0] for r in ROADS])
@pytest.mark.parametrize("level", list(TABLE))
def test_the_heading_beside_a_new_p9_concern_agrees_with_the_step_s_words(level, road, child, indicators, caller, moment):
    d = _decision(level, child, indicators, caller, moment)
    assert d.immediate, (level, road)
    step, heading = TABLE[level]
    assert d.step == step
    said = surfaces.step_heading(d)
    if heading:
        assert said == heading, said
    else:
        assert said != STAYING and "immediate concern" in said and "without delay" in said, said


def test_without_a_p9_concern_a_protection_family_stays_at_the_same_level():
    """The neighbour unchanged: a Protection need today for a family at Protection continues its plan."""
    d = _decision("protection", {"age_years": 9}, ["protection.frozen_watchfulness"], "professional", IN_HOURS)
    assert not d.immediate and d.step == "same"
    assert surfaces.step_heading(d) == STAYING
    assert d.step_heading is None


def test_the_heading_is_catalogue_data_beside_the_words_it_heads():
    entry = load_catalogue().guidance.step_same_immediate
    assert entry.heading and "without delay" in entry.heading and "without delay" in entry.text
    d = _decision("protection", {"age_years": 7}, ["immediate.unexplained_injuries"], "professional", IN_HOURS)
    assert d.step_heading == entry.heading


def test_no_step_no_heading():
    d = evaluate(Case.parse({"child": {"age_years": 7}, "indicators": ["immediate.unexplained_injuries"], "context": {"contact_time": IN_HOURS}}))
    assert d.step is None and surfaces.step_heading(d) is None
