"""Search52 (stop 52; docs/adviser.md "Search52"): review 32 Q5, a child's (or a carer's) drug use said in slang.

Oracles: tests/pathway/search_lead52_cases.yaml, calls in words of my own written before the reading was changed, each
with what the document's rows say must hold (p13-14 "Uses substances", p15-16 "Persistent and problematic involvement
in alcohol / substance misuse"; a carer's p14, p17 and p9 under-1 rows), and controls with the same words in their
everyday sense ("she baked a cake")."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_lead52_cases.yaml").read_text())

KNOWN: dict[str, str] = {}


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "child"))
def test_a_childs_drug_slang_finds_the_childs_substance_rows(q: str, age: int | None, want: dict) -> None:
    """'baked', 'blazed', 'zooted', 'monged' said of the child's state: the child's substance rows in the first three."""
    found_as_wanted(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "carer"))
def test_a_carers_drug_slang_finds_the_carers_substance_rows(q: str, age: int | None, want: dict) -> None:
    """The same slang said of a carer: the carer's substance rows (and p9's under-1 row for a baby)."""
    found_as_wanted(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "calm"))
def test_the_words_in_their_everyday_sense_find_no_substance_row(q: str, age: int | None, want: dict) -> None:
    """Controls: a cake baked, a trail blazed: no substance row in the first three, no p9 row first."""
    found_as_wanted(q, age, want)
