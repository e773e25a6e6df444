"""Search51q (stop 51; docs/adviser.md "Search51q"): review 32 Q2, a word of being well beside a concern read as a disabled
child's needs met.

Oracles: tests/pathway/search_lead51q_cases.yaml, calls in words of my own written before the reading was changed, each
with what the document's row says must hold (p11 "Child with disabilities and all needs are met by universal support":
a disability said), and controls that say a disability, which keep the row."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_lead51q_cases.yaml").read_text())

KNOWN: dict[str, str] = {}


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "no_disability"))
def test_a_word_of_being_well_beside_a_concern_offers_no_disabled_childs_strength(q: str, age: int | None, want: dict) -> None:
    """No disability said: the disabled child's Universal row is not in the first three."""
    found_as_wanted(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "disability"))
def test_a_disability_said_with_its_needs_met_keeps_the_row(q: str, age: int | None, want: dict) -> None:
    """Controls: a disability said, its needs met: the row in the first three."""
    found_as_wanted(q, age, want)
