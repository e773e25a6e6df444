"""An ordinary activity, question, meeting, small count, lesson or everyday sense, and a child made to sleep where no
child is kept (fix24b; review 24 P2, P5, P6, P7; the synonyms file's `ordinary_call`, this tool's reading, declared
there).

Oracles: tests/pathway/search_fix24b_cases.yaml, written by hand before any reading was changed; the document's rows:
p9 "Child is at immediate risk or has suffered significant harm including physical, sexual, emotional harm or neglect",
"Unexplained injuries or injuries where there is an inconsistent explanation", "Left 'home alone' ..."; p15
"Persistent absenteeism"; p17 "Sexual activity under 13", "Forced marriage of a child under 18"; p13 "Uses
substances"; p15 "Behaviour puts own life at risk - self harming". Every third call of each list is held back (read
only at the end, never tuned on)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pathway.search import KEPT_PLACES, default_index

CASES = yaml.safe_load((Path(__file__).parent / "search_fix24b_cases.yaml").read_text())


def _ids(q: str, age: int) -> list[str]:
    return [h.id for h in default_index().search(q, age_in_months=age, limit=KEPT_PLACES, finished=True)]


def _check(q: str, age: int, want: dict) -> None:
    ids = _ids(q, age)
    three = ids[:3]
    if want.get("no_p9_first"):
        assert not (ids and ids[0].startswith("immediate.")), ids
    if want.get("first_p9"):
        assert ids and ids[0].startswith("immediate."), ids
    for row in want.get("lacks") or []:
        assert row not in three, (row, ids)
    for row in want.get("has") or []:
        assert row in three, (row, ids)


def _split(key: str, held: bool) -> list:
    return [c for k, c in enumerate(CASES[key], 1) if (k % 3 == 0) == held]


@pytest.mark.parametrize(("q", "age", "want"), _split("everyday", False))
def test_fix24b_everyday(q: str, age: int, want: dict) -> None:
    _check(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), _split("controls", False))
def test_fix24b_control(q: str, age: int, want: dict) -> None:
    _check(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), _split("everyday", True) + _split("controls", True))
def test_fix24b_held_back(q: str, age: int, want: dict) -> None:
    _check(q, age, want)
