"""fix33a (stop 52; docs/adviser.md "Search33a"): the p9 home-alone rows read wrongly both ways.

1. review 32 Q1 (safety): a young child put to bed, minded or looked after by a sibling under 12 while the carer is out
   ("every night this week the 6 year old has been put to bed by his 9 year old sister because mum goes out") offered
   no p9 home-alone row in the first three; the call is children left home alone at night;
2. mut32's lone-carer probes and review 32 K2 (inflation): a carer alone WITH the children ("mum is on her own with the
   three kids", "i have the three kids on my own", "the grandparents have the kids on their own", "bringing them up
   alone") or a child minded by an adult ("not on his own, his big brother who's 19 watches him") preselected a p9
   home-alone row.

Oracles: tests/pathway/search_fix33a_cases.yaml, calls written before the readings were changed, with controls (an
adult or an older sibling minding, the carer at home, a child said left) that must hold. Each call is checked with the
words finished (the tests' way) and as the API reads them by default, the last word as if still being typed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pathway.search import KEPT_PLACES, default_index
from tests.pathway.cases import check, found_as_wanted, keyed, refused_where_set

CASES = yaml.safe_load((Path(__file__).parent / "search_fix33a_cases.yaml").read_text())

KNOWN: dict[str, str] = {
    "on school nights the 6 year old is put to bed by his 17 year old sister while mum is downstairs": (
        "as on main 049c7c6, unchanged by this branch (an over-call of other words, not this reading's): p9 home alone"
        " second on the learned model's 'put to bed', 'sister'; the minder is 17 and mum is at home, so the reading"
        " lifts nothing here and moves nothing down"
    ),
    # a lone phrase denied moves no home-alone row (review 12 H6: a denied p9 row stays in sight; review 13's guard
    # "not been left alone"): fix33a's reading of it was taken out at the merge, so these stay as on main
    "he's not on his own, his big brother who's 19 watches him": "left (review 12 H6): the denial keeps p9 home alone in sight",
    "the baby is never left on her own": "left (review 12 H6): the denial keeps p9 home alone in sight",
}

CALLS = keyed(CASES, KNOWN, "minded_by_child", "minded_by_child_controls", "lone_carer", "lone_carer_controls")


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix33a_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix33a_call_as_typed(q: str, age: int | None, want: dict) -> None:
    """The same calls as the API reads them by default (`finished` False: the last word may be unfinished)."""
    ids = [h.id for h in default_index().search(q, age_in_months=age, limit=KEPT_PLACES + 2)]
    check(ids, want)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("young_minder", "leads"), ["additional.young_carers_child"]),  # never a row below p9
        (("young_minder", "under_years"), "twelve"),
        (("young_minder", "minding"), "to bed"),
        (("young_minder", "leads"), ["no.such_row"]),
        (("everyday_structures", "lone_own"), "alone"),
        (("everyday_structures", "lone_rows"), ["no.such_row"]),
    ],
)
def test_the_new_lists_are_checked(path: tuple[str, ...], value: object) -> None:
    """The synonyms file's new lists are refused where they are not as their readers read them."""
    refused_where_set(path, value)


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("the 6 year old has been put to bed by his 9 year old sister because mum goes out", True),
        ("mum goes out and leaves the 6 year old with his 9 year old sister", True),
        ("his 9 year old brother puts him to bed while mum is at the pub", True),
        ("the 10yo looks after the baby when mum goes clubbing", True),
        ("the 6 year old is put to bed by his 17 year old sister while mum goes out", False),  # a minder of 12 or more
        ("the 6 year old is put to bed while mum goes out", False),  # the 6 year old is minded, not minding
        ("the 9 year old puts her sister to bed while mum is downstairs", False),  # no carer out
        ("the 9 year old puts her sister to bed while mum goes out and dad is downstairs", False),  # an adult there
        ("the 9 year old puts her sister to bed while mum goes out and no adult in the house", True),  # the adult denied
        ("the 6 year old plays with his 9 year old sister while mum goes out", False),  # no leaving, no minding
    ],
)
def test_a_young_minder_is_read_as_said(said: str, read: bool) -> None:
    """pathway/search_minded.minded_at finds the minder under 12 and the carer out, or not."""
    from pathway import search_minded
    from pathway.search import normalise

    assert (search_minded.minded_at(default_index().young_minder, normalise(said).split()) is not None) == read
