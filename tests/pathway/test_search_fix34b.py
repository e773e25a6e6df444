"""fix34b (stop 52; docs/adviser.md "Search52b"): review 33 Q3 (safety), Q4 and Q5 (inflation), each as a class:

1. a child locked or shut out of the home, left on the doorstep, not let in till late: p9's home-alone row first, no
   trafficking row and no carer's substance row (`named_rows` reading `locked_out`);
2. "arrive(s/d)" says no unaccompanied asylum seeker: p17's row offered only with a word of asylum or of a child come
   alone from abroad (`offered_with.protection.unaccompanied_asylum_seeker`);
3. "arranged" says no forced marriage: the words table's `arranged: [marriage]` and the row's `offered_with` "arranged"
   removed (a marriage word is needed).

Oracles: tests/pathway/search_fix34b_cases.yaml, calls in words of my own written before the readings were changed,
with controls (a child locked in, one's own locking out, an account; a child come alone from abroad; a marriage
arranged)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix34b_cases.yaml").read_text())

KNOWN: dict[str, str] = {
    # "he's locked out of his xbox account" holds since fix35c (stop 53: `said_as_meant.plain` reads "locked out of his
    # xbox/account/phone ..." as "logged out of", no child shut out of the home): its strict xfail is taken off
    "she arrived at breakfast club with bruises on her arms": (
        "left: p17's asylum row is gone (this branch), but 'breakfast club' leads with p13 'Concerns about diet'"
        " (the words' own row), p9's injuries second: another word's reading, not this brief's class"
    ),
}

GROUPS = ("locked_out", "locked_out_older", "locked_out_controls", "arrived", "arrived_controls", "arranged", "arranged_controls")
CALLS = keyed(CASES, KNOWN, *GROUPS)


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix34b_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)
