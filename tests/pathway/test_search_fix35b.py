"""fix35b (stop 53; docs/adviser.md "Search35b"): p9 / p17 rows preselected by one ordinary word (inflation), each
mended as a class, not as its example:

1. a child asking to stay at a friend's (review 33 Q6): no p9 disclosure, no p17 sexual activity;
2. "having" a kitchen redone, a party, an operation (review 33 K2, the gravest): no p17 "Sexual activity under 13";
3. mut33's probes: a story read ("nobody ever reads him a story"), rooms shared, a shopping trolley, "cracking up" with
   laughter;
4. review 33 K1: a cricket ball through a window, abuse shouted at a referee.

Oracles: tests/pathway/search_fix35b_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls (the same word in its concerning sense) that keep
their rows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix35b_cases.yaml").read_text())

KNOWN: dict[str, str] = {
    "they're having an extension built on the back of the house": (
        "left: 'having' no longer reaches p17's sexual row (the class holds), but p9 'Unexplained injuries' leads on the"
        " learned model's words alone ('they', 'built', 'back'; no word of an injury): as 'they're building on the back of"
        " the house' on main"
    ),
    "he cracks up laughing every time he sees the dog": (
        "left: 'cracks' is no longer read as crack (p17's substance row is gone: the class holds), but p9's repeated"
        " domestic violence leads on 'sees' (its phrasings' witnessing) and 'every time': as 'every time he sees the dog'"
        " on main"
    ),
}

CALLS = keyed(CASES, KNOWN, *(f"{group}{kind}" for group in ("stay", "having", "story", "room", "trolley", "cracking", "sport") for kind in ("", "_controls")))


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix35b_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)
