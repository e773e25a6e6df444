"""fix39c (stop 55; docs/adviser.md "Search39c"): the search's under-calls left open at stop 54 (mut35's probes in
tests/pathway/test_search_review34_mut.py; review 35 Q10, Q12, K6), each mended as a class, not as its example:
a concern after a contrast word beside a strength; a carer's act on the other carer told by the child or with the doer
said before "and then"; the place of the act ("against the fridge"); a carer's temper with drink said in slang; a threat
to kill over an engagement; a carer's wish the child were gone read as the child's wish to die.

Oracles: tests/pathway/search_fix39c_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls that must not change."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix39c_cases.yaml").read_text())

KNOWN: dict[str, str] = {}

GROUPS = ("contrast", "dv_act", "dv_place", "temper_drink", "threat_engagement", "wish_speaker")
CALLS = keyed(CASES, KNOWN, *(f"{group}{kind}" for group in GROUPS for kind in ("", "_controls")))


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix39c_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)
