"""fix36b (stop 53; docs/adviser.md "Search53b"): review 34 Q2, Q4, Q5 (safety) and Q6 (inflation), each as a class:

1. a young child gone out and not back, no one knowing where: p15-16 "Children who go missing" (or p9) in three;
2. a carer's temper or throwing with drink ("mum loses her temper ... when she's had wine"): the child's own behaviour
   rows not first, the carer's substance row (p13-14) or a p9 row in three (fix34a's `carer_substance.temper`);
3. a young child put, shut or made to stay outside the home: p9's home-alone or harm row first (fix34b's `locked_out`);
4. "locked" of a thing (keys, a door, a phone): no p9 harm or trafficking row in three.

Oracles: tests/pathway/search_fix36b_cases.yaml, calls in words of my own written before the readings were changed,
with controls."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix36b_cases.yaml").read_text())

KNOWN: dict[str, str] = {
    # "the 8 year old still hasn't come home and it's getting dark" passes since stop 55's merge (Search55m)
    "my 6 year old went to the park after school and hasn't come back": (
        "left: `not_back_child` leads with p15-16 'Children who go missing', then the everyday senses' reading"
        " (_everyday_senses_below, after it: 'park', 'after school') takes it out of sight and p9 'Unexplained injuries'"
        " (no injury said, K1) leads; another reading's order, not this brief's words"
    ),
}

GROUPS = ("not_back", "not_back_controls", "temper_drink", "temper_drink_controls", "put_out", "put_out_controls", "locked_thing", "locked_thing_controls")
CALLS = keyed(CASES, KNOWN, *GROUPS)


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix36b_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)
