"""fix37c (stop 54; docs/adviser.md "Search37c"): review 34 K1, review 25 Q6's class: a call with no word of concern
preselected (put first) a p9, Protection (p17) or Extensive (p15-16) row ("she helps her grandad with his garden on
saturdays" -> p9 "Lives or has contact with adults who are known to pose a risk" first), or offered a p9 row in three.

Oracles: tests/pathway/search_fix37c_cases.yaml, calls in words of my own beside the review's, written before the
reading changed: `preselect` (no p9 / p15-17 row first), `in_three` (no p9 row in the first three), and `safety`
(the same people, places and words with a concern said: the p9 row stays first)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pathway.models import Level
from pathway.search import KEPT_PLACES, default_index
from tests.pathway.cases import check

CASES = yaml.safe_load((Path(__file__).parent / "search_fix37c_cases.yaml").read_text())

KNOWN: dict[str, str] = {}


def _found(q: str, age: int | str | None) -> list[str]:
    unborn = age == "unborn"
    months = None if unborn or age is None else int(age)
    return [h.id for h in default_index().search(q, age_in_months=months, unborn=unborn, limit=KEPT_PLACES + 2, finished=True)]


def _calls(*keys: str) -> list:
    return [
        pytest.param(*c, marks=pytest.mark.xfail(strict=True, reason=KNOWN[f"{key}:{c[0]}"]), id=f"{key}:{c[0][:40]}")
        if f"{key}:{c[0]}" in KNOWN
        else pytest.param(*c, id=f"{key}:{c[0][:40]}")
        for key in keys
        for c in CASES[key]
    ]


@pytest.mark.parametrize(("q", "age", "want"), _calls("preselect", "in_three", "safety"))
def test_fix37c_call(q: str, age: int | str | None, want: dict) -> None:
    ids = _found(q, age)
    check(ids, want)
    if want.get("low_first"):
        rows = {e.indicator.id: e.indicator for e in default_index().entries}
        first = rows[ids[0]] if ids else None
        assert first is None or (not first.immediate and first.level in (Level.UNIVERSAL, Level.ADDITIONAL)), ids
    if want.get("p9_none"):
        assert not any(n.startswith("immediate.") for n in ids[:3]), ids
