"""fix29a (stop 48; docs/adviser.md "Search29a"): safety under-calls the search still made, each read as a class.

Oracles: tests/pathway/search_fix29a_cases.yaml, calls in words of my own written before any reading was changed, each
with what the document's rows say must hold, and controls in the same shape that must not change."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import check, found, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix29a_cases.yaml").read_text())

AS_ON_MAIN = "as on main d8799f5, not this branch's reading: "
KNOWN: dict[str, str] = {
    "dad sold his car to pay his debts": AS_ON_MAIN + "'debts' alone offers p9's trafficking row (the call without 'sold' has it second); left",
    "mum sold her phone for money for food": (
        AS_ON_MAIN + "'phone' is a property word `everyday_senses` refuses as an object (a phone smashed is a concern); 'sold' still reaches trafficking"
    ),
    "he met a 50yo off an app": AS_ON_MAIN + "'met' is no `older_partner.relationship` word: '50 year old' offers no p9 row either (not the glued age)",
    "she is getting lifts from a 31yr old": AS_ON_MAIN + "'lifts from' is no relationship word: '31 year old' offers no p9 row either (not the glued age)",
    "she's chatting to a 15yo from her class": AS_ON_MAIN + "'chatting to a 15 year old' leads with p9's disclosure row too (a peer's age is not read); left",
    "she was promised a new bike if she did well": AS_ON_MAIN + "'promised' is a word of forced marriage (offered_with); a thing promised is not read; left",
}


@pytest.mark.parametrize(
    ("q", "age", "want"), keyed(CASES, KNOWN, "q1", "q1_controls", "q2", "q2_controls", "q3", "q3_controls", "q4", "q4_controls", "q5", "q5_controls")
)
def test_fix29a_call(q: str, age: int | None, want: dict) -> None:
    """`check`'s expectations, and `first`: that row is the first."""
    ids = found(q, age)
    check(ids, want)
    if want.get("first"):
        assert ids and ids[0] == want["first"], ids
