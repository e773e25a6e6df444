"""Review 27's finding Q5 (safety; fix28b; docs/adviser.md "Search28b"): a child's own pregnancy said in other words
("expecting", "up the duff", "having a baby", "missed her period and the test was positive") with her age entered or
said ("she's 15", "fifteen", "she's only 14") offers the pregnancy rows her age is under, highest level first: under 16
"Pregnant under 16" (p15-16) above "Pregnant under 17" (p13-14), both in the first three; at 16 "Pregnant under 17"
alone leads (the synonyms file's `pregnant_young.banded`, read by SearchIndex._pregnant_banded_first).

Oracles: tests/pathway/search_fix28b_cases.yaml, calls in words of my own written before the reading was changed, each
with what the document's rows say must hold, and controls where the pregnancy is not the child's, is denied, or is
"expecting" in its other sense."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from pathway.catalogue import load_catalogue
from pathway.search import SearchDataError, SearchIndex, default_index, load_synonyms, normalise
from tests.pathway.cases import check, found, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix28b_cases.yaml").read_text())

AS_ON_MAIN = "as on main 96d81ce, not this branch's reading: "
KNOWN = {
    "she is 15 years old and has found out she is having a baby": (
        "named_rows' `young_parent` reads 'she is 15' and 'baby' as a teenage parent's baby and moves the pregnancy rows"
        " out of the first three after this reading (left: that reading's class, 'having a baby' is future)"
    ),
    "she's 15 and her mum is pregnant again": AS_ON_MAIN + "'her mum' after 'and' is not read as the carer's clause; 'Pregnant under 16' led on main",
}


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "q5", "q5_controls"))
def test_fix28b_call(q: str, age: int | None, want: dict) -> None:
    """`check`'s expectations, and `first`: that row is the first."""
    ids = found(q, age)
    check(ids, want)
    if want.get("first"):
        assert ids and ids[0] == want["first"], ids


@pytest.mark.parametrize(
    ("said", "pregnancy"),
    [
        ("she's 15 and expecting", "expecting"),
        ("she is expecting a baby in may", "expecting a baby"),
        ("she's up the duff", "up the duff"),
        ("she missed her period and the test was positive", "missed her period"),
        ("she's 15 and expecting to be excluded", None),
        ("she is expecting a call from the school", None),
        ("his girlfriend is expecting", None),
        ("her sister is pregnant", None),
        ("she is not pregnant", None),
        ("she did a test and it was negative, she is not pregnant", None),
        ("he's 15 and pregnant", None),
    ],
)
def test_the_childs_own_pregnancy_is_read(said: str, pregnancy: str | None) -> None:
    assert default_index()._pregnancy_of_child(normalise(said).split()) == pregnancy


def test_the_reading_moves_no_p9_row() -> None:
    """`banded.under` names no immediate criterion (p9): the table is refused."""
    synonyms = copy.deepcopy(load_synonyms())
    synonyms["pregnant_young"]["banded"]["under"] = {"immediate.significant_harm": 16}
    with pytest.raises(SearchDataError, match="moves no immediate criterion"):
        SearchIndex(load_catalogue(), synonyms)
