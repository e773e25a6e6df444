"""left13: a refusal of a young parent's need for a parent of 12 says the under-13 pointer once, in the whole
list of refusals (and in what a ring-now was decided without): it was said in each parent's-band refusal and
again in the refusal of the parent's age itself.

Oracle: the pointer's own opening words, written here; a parent of 12 with a child of 5 was at most 7 at the
birth (arithmetic), which the tool refuses (a parent at least 10 at the birth, its declared reading)."""

from __future__ import annotations

import pytest

from pathway.models import Case, CaseError
from rules import evaluate, evaluate_despite_refusals

POINTER = "A parent under 13 meets 'Sexual activity under 13'"
TEEN = "extensive.teenage_parents_with_concerns"
CARE_LEAVER = "extensive.pregnant_care_leavers"


@pytest.mark.parametrize(
    "raw",
    [
        {"child": {"age_years": 5}, "parent": {"age_years": 12}, "indicators": [TEEN]},  # the parent's age refused too
        {"child": {"age_years": 5}, "parent": {"age_years": 12}, "indicators": [TEEN, CARE_LEAVER]},
        {"child": {"age_years": 0, "age_months": 3}, "parent": {"age_years": 12}, "indicators": [TEEN, CARE_LEAVER]},  # two bands
    ],
)
def test_the_under_13_pointer_is_said_once_in_a_refusal(raw):
    with pytest.raises(CaseError) as refused:
        evaluate(Case.parse(raw))
    said = " ".join(e.message for e in refused.value.errors)
    assert said.count(POINTER) == 1, said


def test_the_under_13_pointer_is_said_once_in_what_a_ring_now_was_decided_without():
    raw = {"child": {"age_years": 0, "age_months": 3}, "parent": {"age_years": 12}, "indicators": [TEEN, CARE_LEAVER]}
    decision = evaluate_despite_refusals(Case.parse(raw))
    assert decision.immediate and [e.field for e in decision.decided_without] == ["indicators[0]", "indicators[1]"]
    assert " ".join(e.message for e in decision.decided_without).count(POINTER) == 1
