"""Search55 (stop 55; docs/adviser.md "Search55"): review 36 Q7. A drink or drug slang word that is also an everyday
word ("things smashing", "hammering", "wasted formula") said beside a repetition no longer states p9's under-1
substance criterion in full: "smashed", "hammered", "wasted" and "stoned" leave `stated.concept`'s substance words, and
are counted where the `intoxicated` and `high` readings read them as a person's state (they rewrite them as "drunk" /
"using drugs" before _stated_first reads the call). "high" stays: its reading is strict ("mum is high with the
baby"). Oracles: tests/pathway/search_lead55_cases.yaml, with
the slang said of a carer as controls."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_lead55_cases.yaml").read_text())

KNOWN: dict[str, str] = {
    # the lawnmower call and "the neighbours dog bit him on the leg" pass since fix41a (stop 56, docs/adviser.md
    # Search41a): their strict xfails (stop 55's) are taken off
    "there's hammering from next door every day and it wakes the baby": (
        "left: the words table reads the stem of 'hammered' as drunk, so 'hammering' finds the under-1 row by its words"
        " (by_words first), before any step; not the stated reading this change mends"
    ),
    "we wasted a lot of formula every week until we found one he liked": (
        "left: the under-1 row is first by the words ('wasted' read as drunk through the row's own synonyms) before any"
        " step; not the stated reading this change mends"
    ),
}

CALLS = keyed(CASES, KNOWN, "everyday", "state", "merge")


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_lead55_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)
