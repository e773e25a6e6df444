"""fix38a (stop 54; docs/adviser.md "Search54a"): review 35's Q1 (safety), Q7 and Q11 (inflation), each mended as a
class, not as its example:

1. a child's wish not to exist or wake up, to be gone ("everyone would be happier if he wasn't around any more"),
   things given away with goodbyes, a tiny amount eaten with bones shown, food hidden with over-exercise: p15-16
   "Behaviour puts own life at risk-self harming / suicide attempts", p17 "Endangers own life ... eating disorder" or a
   mental health row in the first three, no unsaid row (sexual exploitation, a Universal row, missing, p9) first;
2. a diet chosen (vegetarian, vegan, for a sport), a cold, a fussy eater: no eating-disorder or suicide row first;
3. a child caring for a parent who drinks: a young carer row in the first three, not the child's own substance row first.

Oracles: tests/pathway/search_fix38a_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls (the same words in a harmless or the opposite sense)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix38a_cases.yaml").read_text())

AS_ON_MAIN = "as on main 8826f505, unchanged by this branch (an over-call of another reading, not this brief's class): "
KNOWN: dict[str, str] = {
    "he drinks with his mates and his dad looks after him when he is sick": AS_ON_MAIN
    + "p13-14 'Young carers' first (the child the one cared for; fix28b's personal care reading, not fix38a_cares_for_user)",
}

GROUPS = ("own_death", "starving", "diet_choice", "young_carer")
CALLS = keyed(
    CASES,
    KNOWN,
    *(f"{group}{kind}" for group in GROUPS for kind in ("", "_held", "_controls") if f"{group}{kind}" in CASES),
)


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix38a_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)
