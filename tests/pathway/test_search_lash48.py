"""Stop 47 (safety): a carer lashing out at the child, told by the child ("he says his dad lashes out at him"), is p9's
significant harm; the child lashing out, reported by a carer ("dad says she lashes out at him"), is the child's
behaviour (fix27c's F5). docs/adviser.md "Search28e"; the synonyms file's `harm_to_child.out_acts`/`out_between`.
Oracles: tests/pathway/search_lash48_cases.yaml (fix28a's calls, written before any reading)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import check, found, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_lash48_cases.yaml").read_text())
KNOWN: dict[str, str] = {}


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "lashes"))
def test_a_carer_lashing_out_at_the_child_is_p9_harm(q: str, age: int | None, want: dict) -> None:
    check(found(q, age), want)


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "lashes_controls"))
def test_the_child_lashing_out_is_the_child_s(q: str, age: int | None, want: dict) -> None:
    check(found(q, age), want)
