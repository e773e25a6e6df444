"""Review 20 (rules, noted): a p9 criterion whose ages the child's age as given does not fit is decided without that
age (left13: a mistyped age must not lose a ring-now). That is this tool's reading, so every reason the criterion
gives is declared (`interpretation: true`, the reading's why after the reason's words, p9 cited); where the age
fits, nothing is declared. Oracle: each criterion's own age band in the catalogue, read here, and p9's words."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.models import Case
from rules.refusals import evaluate_despite_refusals

CATALOGUE = load_catalogue()
READING = "This tool's reading, the age given left out:"
BANDED = [i for i in CATALOGUE.indicators if i.immediate and i.age_band]


def _child_outside(band_id: str) -> dict:
    """An age the band does not admit: 15 for every band here (the under-1, under-2, 5-and-under and unborn bands)."""
    assert not CATALOGUE.band(band_id).admits(False, 15 * 12, None)
    return {"age_years": 15}


def _child_inside(band_id: str) -> dict:
    band = CATALOGUE.band(band_id)
    return {"unborn": True} if band.unborn == "only" else {"age_years": 0, "age_months": 6}


@pytest.mark.parametrize("indicator", BANDED, ids=lambda i: i.id)
def test_a_banded_p9_criterion_given_with_an_age_it_does_not_fit_rings_now_and_says_it_is_this_tools_reading(indicator):
    decision = evaluate_despite_refusals(Case.parse({"child": _child_outside(indicator.age_band), "indicators": [indicator.id, "additional.lack_routine"]}))
    assert decision.immediate and [e.field for e in decision.decided_without] == ["child.age_years"]
    own = [r for r in decision.reasons if indicator.id in r.indicators]
    assert own and all(r.interpretation and READING in r.explanation and "p9" in r.source for r in own)
    others = [r for r in decision.reasons if indicator.id not in r.indicators]
    assert all(READING not in r.explanation for r in others)


@pytest.mark.parametrize("indicator", BANDED, ids=lambda i: i.id)
def test_the_same_criterion_with_an_age_it_fits_declares_nothing(indicator):
    decision = evaluate_despite_refusals(Case.parse({"child": _child_inside(indicator.age_band), "indicators": [indicator.id]}))
    assert decision.immediate and not decision.decided_without
    assert all(READING not in r.explanation for r in decision.reasons)


def test_a_p9_criterion_for_an_age_past_the_pathway_is_declared_once_with_p9_cited_once():
    decision = evaluate_despite_refusals(Case.parse({"child": {"age_years": 22}, "indicators": ["immediate.significant_harm"]}))
    assert decision.immediate and [e.field for e in decision.decided_without] == ["child.age_years"]
    [reason] = [r for r in decision.reasons if "immediate.significant_harm" in r.indicators]
    assert reason.interpretation and reason.explanation.count(READING) == 1 and reason.source.count("p9") == 1
