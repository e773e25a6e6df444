"""fix39b (stop 55; review 35 K1, review 25 Q6's class; docs/adviser.md "Search39b"): a call with no concern said
offers or preselects a p9 row. The preselecting end first:

1. a concern learned about as a school topic ("she's learning about fgm in pshe and asked me what it meant" (156) led
   with p9's significant harm on "fgm"): `ordinary_call.readings.fix39b_lesson_topic` takes the topic's words out
   where a lesson is said, never where a disclosure, a person who would do it, a trip or a hurt is said;
2. an ordinary pregnancy with its length said ("she's 22 weeks pregnant and has just had a lovely scan" (unborn) led
   with p9's unborn row): fix20u's `unborn_calm` reads a number that counts the pregnancy's weeks or months as no
   word of concern (`SearchIndex._unborn_calm`), every other word still as strictly as before.

Oracles: tests/pathway/search_fix39b_cases.yaml, written before the readings were changed, with controls (a concern
said beside the same words) that keep their p9 row."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pathway.search import KEPT_PLACES, default_index
from tests.pathway.cases import check

CASES = yaml.safe_load((Path(__file__).parent / "search_fix39b_cases.yaml").read_text())

LEFT = "left (review 35 K1's in-three end; p9 row second or third, as on main de3c9cec): "
KNOWN: dict[str, str] = {
    "her grandad is teaching her to ride a bike without stabilisers on sundays": LEFT + "p9 significant harm second; not traced in time",
    "she video calls her cousins in australia every sunday morning": LEFT + "p9 repeated domestic violence second; not traced in time",
    "he told me his daddy reads him three stories every night": LEFT
    + "p9 allegation second on 'told me' (a disclosure's words; what is told is read by no reading)",
    "the class teacher wants to know about holiday activity clubs in the area": LEFT + "p9 home alone third; not traced in time",
}


def _found(q: str, age: int | str | None) -> list[str]:
    unborn = age == "unborn"
    months = None if unborn or age is None else int(age)
    return [h.id for h in default_index().search(q, age_in_months=months, unborn=unborn, limit=KEPT_PLACES + 2, finished=True)]


def _calls(*keys: str) -> list:
    return [
        pytest.param(*c, marks=pytest.mark.xfail(strict=True, reason=KNOWN[c[0]]), id=c[0][:40]) if c[0] in KNOWN else pytest.param(*c, id=c[0][:40])
        for key in keys
        for c in CASES[key]
    ]


@pytest.mark.parametrize(("q", "age", "want"), _calls("lesson", "unborn", "in_three"))
def test_fix39b_no_concern_said(q: str, age: int | str | None, want: dict) -> None:
    ids = _found(q, age)
    check(ids, want)
    if want.get("first"):
        assert ids and ids[0] == want["first"], ids


@pytest.mark.parametrize(("q", "age", "want"), _calls("lesson_controls", "unborn_controls", "in_three_controls"))
def test_fix39b_concern_said_keeps_its_p9_row(q: str, age: int | str | None, want: dict) -> None:
    check(_found(q, age), want)
