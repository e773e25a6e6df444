"""fix39a (stop 55; docs/adviser.md "Search39a"): review 35's inflation findings (K2, Q8, Q9), review 34 Q7 and Q11's
calls still failing, and mut35's one-word probes of the same class, each mended as a class, not as its example: one word
of ordinary news preselected a row the words do not say.

1. word: a concern's word in its everyday sense (watching a thing, asking for a treat, neighbours, colours, a school
   subject, a lift to work, ears pierced) put its row first;
2. told: ordinary news told whole (full attendance, an older sibling's own relationship, one drink at a celebration,
   a bike locked up, one move of house, pocket money for a chore, a party thrown) read as the concern's row.

Oracles: tests/pathway/search_fix39a_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls (the same words in the harmful sense) that must keep
their rows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix39a_cases.yaml").read_text())

# the lawnmower call (a strict xfail at the merge of stop 55, Search55m: p9's disclosure line third) passes since
# fix41a (stop 56, docs/adviser.md Search41a: a p9 row rises into a place a reading left only where the words say it)
KNOWN: dict[str, str] = {}

GROUPS = ("word", "told")
CALLS = keyed(CASES, KNOWN, *(f"{group}{kind}" for group in GROUPS for kind in ("", "_controls")))


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix39a_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)
