"""Review 28 Q1: a family supported at Child in Need or Protection (or a child answered open to Children's Social
Care) whose checklist today decides Universal was told, first, "Meet the child's needs within universal services".
p5 names a managed transfer "between Protection and Extensive/Additional", no step from social care to universal
services, and the decision's own step (step.social_care_managed) says a short checklist is not evidence that needs
have fallen. The oracle is the document's words (checked below) and a table written here: which contexts are open
to Children's Social Care (p4's social-care levels, or answered open), and which are not."""

from __future__ import annotations

import itertools
from datetime import datetime
from pathlib import Path

import pytest

from pathway.models import Case
from rules import evaluate
from webapp.journey import referral

DOCUMENT = " ".join((Path(__file__).resolve().parents[1] / "data" / "threshold_document.txt").read_text().split())
UNIVERSAL_ACTION = "Meet the child's needs within universal services"
CALLERS = ("professional", "parent_carer", "public", None)
# by hand: open to Children's Social Care (p4: Child in Need and Protection are the social-care levels; p37)
OPEN = [
    {"current_level": "child_in_need"},
    {"current_level": "protection"},
    {"open_to_social_care": True},
    {"open_to_social_care": True, "current_level": "additional"},
]
NOT_OPEN = [{}, {"current_level": "additional"}, {"current_level": "extensive"}, {"open_to_social_care": False}]


def _decide(context: dict, caller: str | None, indicators: tuple[str, ...] = ()):
    if caller:
        context = {**context, "caller": caller}
    case = Case.parse({"child": {"age_years": 8}, "indicators": list(indicators), "context": context})
    return case, evaluate(case)


def test_the_document_names_no_step_from_social_care_to_universal_services():
    """The oracle's ground: p5's managed transfer is between Protection and Extensive/Additional."""
    assert "well managed transfer between Protection and Extensive/Additional" in DOCUMENT


@pytest.mark.parametrize(("context", "caller"), list(itertools.product(OPEN, CALLERS)))
def test_an_open_family_at_universal_today_is_not_sent_to_universal_services(context, caller):
    _, d = _decide(context, caller)
    assert d.level.value == "universal"
    assert not any(a.startswith(UNIVERSAL_ACTION) for a in d.actions)
    said = [a for a in d.actions if "not a step down to universal services" in a]
    assert len(said) == 1, d.actions
    assert "allocated social worker" in said[0] and "p5" in said[0]  # who holds it (p37) and the managed transfer (p5)
    assert "step.social_care_managed" in {g.rule for g in d.guidance}


@pytest.mark.parametrize(("context", "caller"), list(itertools.product(NOT_OPEN, CALLERS)))
def test_a_family_not_open_to_social_care_keeps_universal_services(context, caller):
    _, d = _decide(context, caller)
    assert d.level.value == "universal"
    assert d.actions[0].startswith(UNIVERSAL_ACTION)
    assert not any("not a step down to universal services" in a for a in d.actions)


@pytest.mark.parametrize("context", OPEN)
def test_an_open_family_with_a_need_above_universal_is_not_given_the_words(context):
    """The words replace the Universal action only: at Additional the open child's CAF words say what follows."""
    _, d = _decide(context, "professional", ("additional.dental_decay_not_accessing",))
    assert d.level.value == "additional"
    assert not any("not a step down to universal services" in a for a in d.actions)


@pytest.mark.parametrize("context", OPEN)
def test_the_written_summary_for_an_open_family_at_universal_says_the_same(context):
    case, d = _decide(context, "professional")
    r = referral.build(case, d, "8 years", [], "", datetime(2026, 11, 24, 10, 30))
    got = referral.as_text(r)
    assert r.below_threshold is not None
    assert "not a step down to universal services" in r.below_threshold_text
    assert "the needs can be met within universal services" not in got
    assert UNIVERSAL_ACTION not in got
