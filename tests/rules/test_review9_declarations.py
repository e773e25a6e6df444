"""Review 9, G4 and G5: two readings the decision gave as the document's words.

G4: step-down from Child in Need or Protection 'agreed with the allocated social worker' (p5 says only
that the process ensures a well managed transfer). G5: the Child in Need services and assessments are
composed from the Extensive and Protection lists (the document's tables have no Child in Need column,
p11-18). The oracle is the document's text: the phrase the tool adds is not in it, so where the decision
says it, it says it is the tool's reading.
"""

from __future__ import annotations

import pathlib

from pathway import Case, load_catalogue
from rules import evaluate
from rules.what_if import nearby
from tests.conftest import IN_HOURS

CAT = load_catalogue()
DOCUMENT = " ".join((pathlib.Path(__file__).resolve().parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())


def _decide(indicators, **context):
    case = Case.parse({"child": {"age_years": 9}, "indicators": indicators, "context": {"contact_time": IN_HOURS, **context}})
    return case, evaluate(case)


def test_agreed_with_the_allocated_social_worker_is_not_the_documents_words():
    assert "agreed with the allocated social worker" not in DOCUMENT
    assert "well managed transfer between Protection and Extensive/Additional" in DOCUMENT


def test_step_down_from_a_social_care_level_says_who_agrees_it_is_the_tools_reading():
    for current in ("child_in_need", "protection"):
        case, d = _decide(["additional.lack_routine"], current_level=current)
        [g] = [g for g in d.guidance if g.rule == "step.social_care_managed"]
        assert "agreed with the allocated social worker" in g.text and "This tool's reading" in g.text, g.text
        assert "well managed transfer" in g.text
        for change in nearby(case, d).down:
            assert change.step and "agreed with the allocated social worker (the tool's reading" in change.step, change.step
    entry = CAT.guidance.step_social_care
    assert entry.interpretation and "well managed transfer" in (entry.why or "")
    for words in (CAT.what_if.support_now.social_care, CAT.what_if.support_now.open_level_unknown):
        assert words.interpretation and "review 9, G4" in (words.why or "")
