"""fix40b (stop 55; docs/adviser.md "Search40b"): review 36 Q3, Q4, Q6 (safety; Q4, Q6 arguable), each as a class:

1. a carer who cannot be roused with a child there: a p9 harm / home-alone row first (and, where a drink, a needle or
   pills are said, a carer's substance row in three);
2. cutting or closing a girl's genitals in any words: p9 significant harm first;
3. a child sent or brought from abroad to a non-relative who makes them work and keeps them from school: p9
   trafficking in three.

Oracles: tests/pathway/search_fix40b_cases.yaml, calls in words of my own written before the readings were changed,
with controls."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix40b_cases.yaml").read_text())

KNOWN: dict[str, str] = {}

GROUPS = (
    "no_rouse",
    "no_rouse_substance",
    "no_rouse_controls",
    "fgm",
    "fgm_controls",
    "sent_over",
    "sent_over_controls",
)
CALLS = keyed(CASES, KNOWN, *GROUPS)


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix40b_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)
