"""fix30d (stop 49; docs/adviser.md "Search30d"): review 30's safety findings Q8, Q1, Q2, each read as a class.

Oracles: tests/pathway/search_fix30d_cases.yaml, calls in words of my own written before any reading was changed, each
with what the document's rows say must hold, and controls in the same shape that must not change."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from pathway import search_ingest
from pathway.catalogue import load_catalogue
from pathway.search import SearchDataError, SearchIndex, load_synonyms, normalise
from tests.pathway.cases import check, found, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix30d_cases.yaml").read_text())

AS_ON_MAIN = "as on main 2c8a7c4, not this branch's reading: "
KNOWN: dict[str, str] = {
    "she is 14 and swallowed a load of her mum's pills": (
        AS_ON_MAIN + "a young person's overdose in 'swallowed ... pills' words reaches no self-harm row (p9's harm not first either); left"
    ),
    "he found out his 14 year old is on onlyfans": (
        "this branch's reading, short of the case: 'onlyfans' reaches p17 'Sexual exploitation' fourth, behind "
        "'Inappropriate sexual behaviour' and p9's allegation row (main: no sexual row at all); left"
    ),
    # fix31b (stop 50) mended "she's been going on omegle and talking to men" and "he's in a whatsapp group where they
    # share knife videos and are planning to get someone" (docs/adviser.md "Search31b"): marks removed
}


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "q8", "q8_controls", "q8_teen", "q1", "q1_controls", "q2", "q2_controls"))
def test_fix30d_call(q: str, age: int | None, want: dict) -> None:
    """`check`'s expectations, and `first`: that row is the first."""
    ids = found(q, age)
    check(ids, want)
    if want.get("first"):
        assert ids and ids[0] == want["first"], ids


def _ingested() -> search_ingest.Ingested:
    t = search_ingest.load(load_synonyms()["ingested"], normalise, {ind.id: n for n, ind in enumerate(load_catalogue().indicators)}.__getitem__)
    assert t is not None
    return t


@pytest.mark.parametrize(
    ("said", "young", "read"),
    [
        ("the toddler swallowed some of my tablets", True, "swallowed some of my tablets"),
        ("the 2 year old got hold of my methadone", True, "got hold of my methadone"),
        ("he took some of his dad tablets", True, "took some of his dad tablets"),
        ("he took his tablets", True, None),  # the child's own
        ("she took tablets for her epilepsy", True, None),  # `owned_acts`: no carer's word said
        ("she swallowed her own medicine", True, None),  # `own`
        ("mum swallowed some pills", True, None),  # the carer's act
        ("i swallowed my tablets", True, None),  # the caller's act
        ("the toddler swallowed some of my tablets", False, None),  # not young
        ("he swallowed a grape", True, None),  # no substance
        ("he swallowed it because the tablets were there", True, None),  # a clause word between
    ],
)
def test_ingested_at_reads_the_structure(said: str, young: bool, read: str | None) -> None:
    carers = frozenset({"mum", "dad", "nan"})
    children = frozenset({"toddler", "he", "she"})
    assert search_ingest.ingested_at(_ingested(), normalise(said).split(), set(), carers, children, young) == read


def test_ingested_refuses_a_row_that_is_no_p9_criterion() -> None:
    data = copy.deepcopy(load_synonyms())
    data["ingested"]["leads"] = "protection.chronic_substance_misuse"
    with pytest.raises(SearchDataError, match="immediate criterion"):
        SearchIndex(load_catalogue(), data)
