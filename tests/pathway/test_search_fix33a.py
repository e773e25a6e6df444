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
from tests.pathway.cases import check, found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix33a_cases.yaml").read_text())

KNOWN: dict[str, str] = {}

CALLS = keyed(CASES, KNOWN, "minded_by_child", "minded_by_child_controls", "lone_carer", "lone_carer_controls")


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix33a_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix33a_call_as_typed(q: str, age: int | None, want: dict) -> None:
    """The same calls as the API reads them by default (`finished` False: the last word may be unfinished)."""
    ids = [h.id for h in default_index().search(q, age_in_months=age, limit=KEPT_PLACES + 2)]
    check(ids, want)
