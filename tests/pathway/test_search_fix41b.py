"""fix41b (stop 56; docs/adviser.md "Search41b"): review 36's remaining findings (Q5, Q8, Q9, Q10) and mut36's safety
probes, each as a class:

1. a carer's pull of the child's hair or ear with the child's fault named by the carer before the reason ("says she is
   cheeky when she asks for food", "calls him naughty when he cries"): p9 significant harm in the first three;
2. a young person eating almost nothing and exercising to exhaustion: a self-harm / eating / mental health row in three;
3. a threat to kill over a marriage in other words for a killing ("she'd end up buried in the garden if she refuses the
   marriage"): a p9 row in three;
4. an adult's or a relative's marriage (inflation), a young carer cleaning up after a parent's drink (wording), a carer
   leaving a young child with anyone (wording, arguable).

Oracles: tests/pathway/search_fix41b_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls that must not change."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix41b_cases.yaml").read_text())

KNOWN: dict[str, str] = {}

GROUPS = ("fault_before", "starving_exercise", "marriage_threat", "others_marriage", "young_carer", "left_with_strangers")
CALLS = keyed(CASES, KNOWN, *(f"{group}{kind}" for group in GROUPS for kind in ("", "_controls")))


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix41b_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)
