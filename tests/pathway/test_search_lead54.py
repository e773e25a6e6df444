"""Search54d (stop 54; docs/adviser.md "Search54d"): review 35 Q13. A young person put out of the home by a carer
("since his dad threw him out") and sleeping in a tent is homeless (p15-16 "Family / child homeless", p17 "No fixed
abode or homeless"), not on an outing: the ordinary call's `outing` reading is not made where the putting out is said.
Oracles: tests/pathway/search_lead54_cases.yaml, with an outing's controls."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_lead54_cases.yaml").read_text())

KNOWN: dict[str, str] = {
    "dad chucked him out last week and he's camping on the field behind the shops": (
        "left: the outing reading is no longer made, but nothing reads 'camping on the field' as where a homeless young"
        " person sleeps; the relationship and loss rows lead (the homeless rows are read from sleeping words, not camping)"
    ),
}

CALLS = keyed(CASES, KNOWN, "homeless", "outing")


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_lead54_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)
