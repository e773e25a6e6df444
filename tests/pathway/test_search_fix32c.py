"""fix32c (stop 51; docs/adviser.md "Search32c"): review 31's Q2, Q7 and Q11, each mended (or left) as a class:

1. Q2 (safety): a concern said as the absence of a strength ("nobody in that house ever plays with her or talks to
   her"): the strength is never first, the concern row of the words' lack leads;
2. Q7 (inflation): a strength said as the absence of a concern ("she's never been in any bother at school or with the
   police"): the concern the call denies is not first;
3. Q11 (wording): three concerns in three clauses: each clause a place in the first three.

Oracles: tests/pathway/search_fix32c_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls (the same words in the other sense)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix32c_cases.yaml").read_text())

KNOWN: dict[str, str] = {}


CALLS = keyed(CASES, KNOWN, *(f"{group}{kind}" for group in ("absent_strength", "absent_concern", "three_domains") for kind in ("", "_controls") if f"{group}{kind}" in CASES))


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix32c_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)
