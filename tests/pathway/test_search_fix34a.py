"""fix34a (stop 52; review 33 Q1, safety; docs/adviser.md "Search34a"): the child's own words.

1. a carer's physical act on the child said with the child's behaviour as its reason ("she said daddy squeezes my neck
   when I'm naughty"): a p9 row in the first three, the child's "Disruptive or anti-social behaviour" not first;
2. a carer's temper ("my stepdad gets angry when he drinks"): the child's "Disruptive" not first, a carer's row in
   three.

Oracles: tests/pathway/search_fix34a_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls (the child's own behaviour, the act said in the third
person, an ordinary mood) that must not change."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix34a_cases.yaml").read_text())

KNOWN: dict[str, str] = {}


CALLS = keyed(CASES, KNOWN, *(f"{group}{kind}" for group in ("act", "temper") for kind in ("", "_controls")))


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix34a_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)
