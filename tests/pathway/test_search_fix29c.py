"""Search29c (fix29c; docs/adviser.md "Search29c"): ordinary family news read as a concern by one word.

Oracles: tests/pathway/search_fix29c_cases.yaml, calls in words of my own written before the readings were changed, with
what the document's rows say must hold (tests/pathway/cases.py's check, and this file's `first_at_most`: the first row's
level), and controls in the same shape where the concern is said and must keep its rows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway import cases

CASES = yaml.safe_load((Path(__file__).parent / "search_fix29c_cases.yaml").read_text())
LEFT = "left (fix29c): "
KNOWN: dict[str, str] = {}
HEIGHT = {"universal": 0, "additional": 1, "extensive": 2, "protection": 3, "immediate": 3}


def check(q: str, age: int | None, want: dict) -> None:
    """cases.check, and `first_at_most`: the first row is of that level or lower (a call with no row passes)."""
    ids = cases.found(q, age)
    rest = {k: v for k, v in want.items() if k != "first_at_most"}
    cases.check(ids, rest)
    if "first_at_most" in want and ids:
        assert HEIGHT[ids[0].split(".")[0]] <= HEIGHT[want["first_at_most"]], ids


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "happy", "happy_controls"))
def test_happier_is_a_strength(q: str, age: int | None, want: dict) -> None:
    """Q8's probe, Q9 (inflation): "the happiest he has ever been", "never been happier" is no abuse and no low self esteem."""
    check(q, age, want)


@pytest.mark.parametrize(
    ("q", "age", "want"),
    cases.keyed(
        CASES, KNOWN, "watching", "watching_controls", "lost", "lost_controls", "clubs", "clubs_controls", "hospital",
        "hospital_controls", "best", "best_controls", "taught", "taught_controls", "money", "money_controls",
    ),
)  # fmt: skip
def test_ordinary_news_preselects_no_need(q: str, age: int | None, want: dict) -> None:
    """Q8 (inflation): a show watched spellbound, a thing lost and found, a club, an operation, a personal best, a skill
    taught, a short month: no p15-17 row first, no p9 row in the first three."""
    check(q, age, want)
