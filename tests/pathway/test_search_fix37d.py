"""fix37d (stop 54; docs/adviser.md "Search37d"): review 34 K4 (review 31 Q7) and mut34's probes:

1. a concern said as absent ("no injuries at all", "hasn't had a drink in three years", "never left on her own", "no
   domestic violence") placed its own row high beside what is said (shouting, sleep, siblings fighting);
2. an adult alone with the children (the caller after "he left", "my brother's kids", a second lone phrase of an adult
   with an animal) read as a child left alone;
3. a sister's pregnancy read as the child's.

Oracles: tests/pathway/search_fix37d_cases.yaml, calls written before the readings were changed, with controls (a
denial doubted or contradicted, a child said left, the child's own pregnancy) that must keep their rows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found, found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix37d_cases.yaml").read_text())
HOME_ALONE = {"immediate.home_alone_5_and_under", "immediate.home_alone_at_risk"}

KNOWN: dict[str, str] = {}

CALLS = keyed(CASES, KNOWN, *(f"{group}{kind}" for group in ("denied", "lone", "carer", "sister") for kind in ("", "_controls")))


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix37d_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)
    ids = found(q, age)
    three = ids[:3]
    if want.get("no_p9_in_three"):
        assert not any(n.startswith("immediate.") for n in three), ids
    if want.get("no_home_alone_in_three"):
        assert not HOME_ALONE & set(three), ids
    if want.get("home_alone_first"):
        assert ids and ids[0] in HOME_ALONE, ids
