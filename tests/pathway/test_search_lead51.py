"""Search51 (stop 51; docs/adviser.md "Search51"): review 31 Q1, a carer's repeated violence said with a time word.

Oracles: tests/pathway/search_lead51_cases.yaml, calls in words of my own written before the reading was changed, each
with what the document's rows say must hold (p9 "There is evidence of repeated domestic violence witnessed and/or
experienced by child"; "Left 'home alone' and their age and vulnerability places them at risk", a child left), and
controls that say a child left, which keep the home-alone row."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_lead51_cases.yaml").read_text())

KNOWN: dict[str, str] = {}


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "violence"))
def test_repeated_violence_said_with_a_time_word_keeps_domestic_violence_in_sight(q: str, age: int | None, want: dict) -> None:
    """p9's domestic violence row in the first three; the home-alone row, no child left being said, not first."""
    found_as_wanted(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "nights"))
def test_a_time_word_alone_does_not_lead_with_home_alone(q: str, age: int | None, want: dict) -> None:
    """A time word ('nights') with no child left said: the home-alone row of any age is not first."""
    found_as_wanted(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "left", "calm"))
def test_a_child_left_keeps_home_alone_and_a_calm_call_no_p9_lead(q: str, age: int | None, want: dict) -> None:
    """Controls: a child left said keeps the home-alone row; a time word in a calm call, or a door slammed, leads with no p9 row."""
    found_as_wanted(q, age, want)
