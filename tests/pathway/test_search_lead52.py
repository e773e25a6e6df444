"""Search52 (stop 52; docs/adviser.md "Search52"): review 32 Q5, a child's (or a carer's) drug use said in slang.

Oracles: tests/pathway/search_lead52_cases.yaml, calls in words of my own written before the reading was changed, each
with what the document's rows say must hold (p13-14 "Uses substances", p15-16 "Persistent and problematic involvement
in alcohol / substance misuse"; a carer's p14, p17 and p9 under-1 rows), and controls with the same words in their
everyday sense ("she baked a cake")."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from pathway.catalogue import load_catalogue
from pathway.search import SearchDataError, SearchIndex, load_synonyms
from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_lead52_cases.yaml").read_text())

LEFT = "left (Search52): the slang after a motion verb and a place, no person right before it, is not read as a state: "
KNOWN: dict[str, str] = {
    "she comes in from school completely baked": LEFT + "'comes in from school completely baked'",
    "he turned up to college blazed again": LEFT + "'turned up to college blazed' ('zooted', with no everyday sense, is read there)",
    # controls this reading does not read (as said: no substance slang) that lead with a substance row on main 049c7c6
    # too, by another word (review 32 K2's class: ordinary news preselecting a row by one word)
    "mum baked all day for the party": "left (K2, on main too): 'party' leads with p17 'Chronic substance misuse' (the learned model)",
    "they stoned the bus on the estate": "left (K2, on main too): the stem 'stone' of the words table leads with the child's p15-16 substance row",
}


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


SYNONYMS = load_synonyms()


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.pop("read_as"),
        lambda t: t.update(phrases=[]),
        lambda t: t.update(alone=["not one of the phrases"]),
        lambda t: t.update(after="before"),
        lambda t: t.update(extra=[]),
    ],
)
def test_a_malformed_high_is_refused(change) -> None:
    """`said_as_meant.high` is read only as SearchIndex._high_at reads it; anything else is refused naming it."""
    data = copy.deepcopy(SYNONYMS)
    change(data["said_as_meant"]["high"])
    with pytest.raises(SearchDataError, match="said_as_meant"):
        SearchIndex(load_catalogue(), data, ())


def test_without_high_the_slang_is_read_as_said() -> None:
    """The reading is the file's: with no `high` the child's slang finds no substance row (the finding as it was)."""
    data = copy.deepcopy(SYNONYMS)
    del data["said_as_meant"]["high"]
    ids = [h.id for h in SearchIndex(load_catalogue(), data, ()).search("he's always baked before school", age_in_months=168, limit=3, finished=True)]
    assert not {"additional.uses_substances", "extensive.persistent_problematic_involvement_alcohol"} & set(ids), ids
