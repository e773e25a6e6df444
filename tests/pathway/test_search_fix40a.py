"""fix40a (stop 55; docs/adviser.md "Search40a"): review 36's Q1 and Q2 (safety), the classes stop 54's readings
(fix38a's own-death and starving readings, fix38b's missing readings) held in their examples' words only, each mended
as a class:

1. a child's wish to die (a wish, thought or saying + not being here, being gone, ending, or a way of dying: drowning,
   the river, a bridge, pills, the train line): p15-16 "Behaviour puts own life at risk-self harming / suicide
   attempts", p17 "Endangers own life ..." or a mental health row in the first three, no unsaid row first;
2. a child starving themself (weight or food + the child's own act to lose or avoid it): p17 "Endangers own life
   through self harm/substance misuse/ eating disorder" (or p15-16's, or mental health) in three, no p9 row first;
3. a child missing (went out / last seen / never turned up + no word since / hours passed / overnight): p15-16
   "Children who go missing" in the first three.

Oracles: tests/pathway/search_fix40a_cases.yaml, calls in words of my own written before the readings were looked at
or changed, each with what the document's rows say must hold, and controls (the same words in a harmless sense)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix40a_cases.yaml").read_text())

KNOWN: dict[str, str] = {
    "he stayed at his friend's house last night and we knew where he was": (
        "left, as on main de3c9cec: p15-16 missing leads (the learned model's 'stayed', 'last night'); a reading moving"
        " the missing row out for a known whereabouts left p9 'contact with adults who pose a risk' first (no adult said,"
        " review 36 K1's class), no better: not made"
    ),
}

GROUPS = ("own_death", "starving", "missing")
CALLS = keyed(CASES, KNOWN, *(f"{group}{kind}" for group in GROUPS for kind in ("", "_controls") if f"{group}{kind}" in CASES))


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix40a_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)
