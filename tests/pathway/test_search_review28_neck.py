"""Review 28 Q2 (safety): a grip on a child's neck or throat said with an everyday verb ("squeezes her neck", "puts his
hands round the boy's neck") is p9's significant harm (docs/adviser.md "Search28d"; the synonyms file's
`harm_to_child.neck_acts`). Oracles: tests/pathway/search_review28_neck_cases.yaml, calls in words of my own written
before the reading, each with what the document's rows say must hold, and controls."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import check, found, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_review28_neck_cases.yaml").read_text())
KNOWN: dict[str, str] = {}  # "her dad grips her round the neck when she cries": p9 harm first since fix31a (stop 50)


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "neck"))
def test_a_grip_on_the_child_s_neck_is_p9_harm_first(q: str, age: int | None, want: dict) -> None:
    check(found(q, age), want)


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "neck_controls"))
def test_everyday_verbs_and_an_adult_s_neck_are_read_as_before(q: str, age: int | None, want: dict) -> None:
    check(found(q, age), want)
