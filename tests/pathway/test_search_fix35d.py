"""fix35d (stop 53; review 33 Q8; docs/adviser.md "Search53d"): a carer's violence to the other carer said by its act
("I'm her grandmother and she told me her dad threw her mum down the stairs last night" (96) gave p9's significant
harm, allegation and unexplained injuries, no domestic-violence row in the first three). A DV row is offered in the
first three, the p9 rows that lead kept first (`harm_to_child.carer_acts`, `carer_pushes`, `carer_pushed_to`,
`carer_act_not_before`; SearchIndex._act_on_carer_in_sight).

Oracles: tests/pathway/search_fix35d_cases.yaml, written before the reading was changed, with controls."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix35d_cases.yaml").read_text())

KNOWN: dict[str, str] = {}

CALLS = keyed(CASES, KNOWN, "act", "controls")


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix35d_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)
