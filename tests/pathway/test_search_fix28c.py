"""Search28c (fix28c; docs/adviser.md "Search28c"): words in their ordinary sense.

Oracles: tests/pathway/search_fix28c_cases.yaml, calls in words of my own written before the readings were changed, with
what the document's rows say must hold (tests/pathway/cases.py's check), and controls in the same shape where the
concern is said and must keep its rows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pathway.search import KEPT_PLACES, default_index
from tests.pathway import cases

CASES = yaml.safe_load((Path(__file__).parent / "search_fix28c_cases.yaml").read_text())
KNOWN: dict[str, str] = {}


def found(q: str, age: int | str | None) -> list[str]:
    """The rows the search gives for words sent whole; "unborn" for an unborn baby's call."""
    if age == "unborn":
        return [h.id for h in default_index().search(q, unborn=True, limit=KEPT_PLACES + 2, finished=True)]
    return cases.found(q, age)  # type: ignore[arg-type]


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "q12", "q12_controls"))
def test_the_object_decides(q: str, age: int | None, want: dict) -> None:
    """Q12 (inflation): a rattle shaken, spices cooked, hair cut, cars sold, gaming videos watched are no concern."""
    cases.check(found(q, age), want)


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "q11", "q11_controls"))
def test_an_idiom_is_not_the_act(q: str, age: int | None, want: dict) -> None:
    """Q11 (inflation): "killing himself laughing", "shooting hoops", "a killer headache" are idioms; the act done to a
    child is not."""
    cases.check(found(q, age), want)


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "q13", "q13_controls"))
def test_abbreviations_naming_a_job_or_course(q: str, age: int | None, want: dict) -> None:
    """Q13 (inflation): "a dv course", "an mh nurse" name a course or a job, not the concern."""
    cases.check(found(q, age), want)


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "q14", "q14_controls"))
def test_substance_use_long_over(q: str, age: int | None, want: dict) -> None:
    """Q14 (inflation): "clean for sixteen years", "years back", "five years sober now" is a past long over."""
    cases.check(found(q, age), want)


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "q15", "q15_controls"))
def test_an_ordinary_pregnancy(q: str, age: int | str | None, want: dict) -> None:
    """Q15 (inflation): "30 weeks gone", "her fella rubs her feet", "a beating heart at the scan" is no concern."""
    cases.check(found(q, age), want)
