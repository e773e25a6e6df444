"""fix41a (stop 56; docs/adviser.md "Search41a"): a p9 row rises into the first three only where the call's words
support it. Stop 55's merge (docs/adviser.md "Search55m") left the class: where a reading moves a row below, the next
rows take its place, and a p9 (`immediate.*`) row from below rose into the first three on no word of its own ("the
neighbours dog bit him on the leg": p9 significant harm second).

Oracles: tests/pathway/search_fix41a_cases.yaml, calls written before the change: the finding's calls and other
phrasings of the class (ordinary news with one word a named reading reads), and controls where the words do say a p9
concern (a child not home, a carer who cannot be woken, a blow, a child left alone) or stop 55's safety calls."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix41a_cases.yaml").read_text())

NOT_A_NEWCOMER = "left (not this class): the p9 row is in the first three from word matching before any reading moves a row ("
KNOWN: dict[str, str] = {
    "our neighbours dog nipped his finger": NOT_A_NEWCOMER + "p9 home alone on 'nipped', the words table's 'nipped out'"
    " = gone out); the ordinary call's move lifts it from third to second",
    "she tripped in PE and the teacher saw her cut her chin": NOT_A_NEWCOMER + "p9's disclosure line on 'teacher');"
    " the ordinary call moves p9 harm and injuries (the fall's cut) and the disclosure line rises from third to second",
}


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "inflated"))
def test_fix41a_no_p9_newcomer_unsaid(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "controls"))
def test_fix41a_p9_said_kept(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)
