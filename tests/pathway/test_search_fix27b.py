"""Review 26's findings Q2 (safety), Q12, Q9, Q11 (inflation) (fix27b; docs/adviser.md "Search27b").

Oracles: tests/pathway/search_fix27b_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls where the concern is there."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pathway.search import default_index
from tests.pathway.cases import check, found, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix27b_cases.yaml").read_text())

# "they're on insta with their friends all weekend" was KNOWN ('all weekend' read as p9 home alone); it passes since
# Search51 (stop 51: p9's home alone with no child left said does not lead)
# "he watches tiktok with his friends at lunch" (a strict xfail at the merge of stop 55, Search55m: p9's disclosure
# line third) passes since fix41a (stop 56, docs/adviser.md Search41a)
KNOWN: dict[str, str] = {}


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "q2", "q2_controls"))
def test_q2_contact_slang(q: str, age: int | None, want: dict) -> None:
    check(found(q, age), want)


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "q12", "q12_controls"))
def test_q12_app_with_peers(q: str, age: int | None, want: dict) -> None:
    check(found(q, age), want)


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "q9", "q9_controls"))
def test_q9_bought_for_the_child(q: str, age: int | None, want: dict) -> None:
    check(found(q, age), want)


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "q11", "q11_controls"))
def test_q11_possessive_own(q: str, age: int | None, want: dict) -> None:
    check(found(q, age), want)


def test_the_structures_read_a_gift_and_a_possessive_own_only() -> None:
    """Q9 and Q11's structures themselves: the verb of a gift to a person, and "own" after an owner not after "on"."""
    from pathway import search_structures

    s = default_index().everyday_structures

    def at(q: str) -> set[int]:
        return search_structures.everyday_structures_at(s, q.split(), 120)[0]

    assert at("her aunt bought her a phone") == {2}
    assert at("he bought a 13 year old a phone") == {1}
    assert at("men brought her to houses in other towns") == set()
    assert at("she was bought by a man") == set()
    assert at("he has his own phone") == {3}
    assert at("he is on his own all night") == set()
    assert at("he was left with his own phone") == set()  # a word of being left: not read
