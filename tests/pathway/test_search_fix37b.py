"""fix37b (stop 54; docs/adviser.md "Search37b"): review 34 Q9, Q10, Q12, K3 and mut34's probes, each as a class:

1. a threat to kill or hurt a young person over a marriage (Q9): a p9 row of harm or of the adults in the first three,
   beside p17's "Forced marriage" where a marriage is said;
2. an act of violence between carers relayed by a grandparent (Q12): a DV row in the first three, no Universal row;
3. a carer's act on the child with the child's behaviour as its reason (Q10; mut34's "squeezes my neck when i'm
   naughty"): p9 harm or the disclosure row in the first three, the child's behaviour rows not first;
4. a carer's drink or drugs said in slang (K3: "on the pop", "off her face on something", "high"): a carer's
   substance row in the first three.

Oracles: tests/pathway/search_fix37b_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls (the same words in a harmless or the opposite sense)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix37b_cases.yaml").read_text())

KNOWN: dict[str, str] = {}

CALLS = keyed(CASES, KNOWN, *(f"{group}{kind}" for group in ("threat", "relayed", "reason", "slang") for kind in ("", "_controls")))


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix37b_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)
