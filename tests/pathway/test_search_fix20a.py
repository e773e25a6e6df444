"""Search20a (review 20 N1, N4): a p9 criterion said in one part of a long call; a misspelt p9 word.

Oracles: the document, by hand. p9 (immediate referral, "a referral should be made ... without delay") lists
"Allegations or disclosures of abuse including sexually abused", "Unexplained injuries or injuries where there is an
inconsistent explanation of the injury" and "Child is at immediate risk or has suffered significant harm including
physical". A call that states one of these leads with its p9 row however much ordinary family talk comes before or
after it (the long calls below were written for fix20a, none is in the grid of docs/adviser.md's Search20a, and each
led with a lower row on main, da2ad0a). A one-edit misspelling of a p9 word is read as the word (each misspelling
below is compared with its right spelling, the oracle); a real word one letter from a p9 word ("amused", "cruised",
"slipped") states nothing and is never read as one.

The other direction: long calls of ordinary talk alone, or whose p9 words are denied in another part, do not lead
with p9; the synonyms file's two keys are checked."""

from __future__ import annotations

import copy

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import SearchDataError, SearchIndex, default_index, load_synonyms, stem

LONG_CALLS: list[tuple[str, int, str]] = [
    (
        "she loves her new trainers, goes to brownies on a monday, her mum has just started college, they get by on benefits,"
        " the flat is small; she told her teacher her stepdad touches her at night",
        96,
        "immediate.allegation_or_disclosure",
    ),
    (
        "he plays rugby on saturdays, likes minecraft, mum and dad both work long hours, his reading is behind, nan picks"
        " him up; he came in with a burn on his hand and the story keeps changing",
        108,
        "immediate.unexplained_injuries",
    ),
]


def _ids(q: str, age: int | None = None) -> list[str]:
    return [h.id for h in default_index().search(q, age_in_months=age, limit=3, finished=True)]


@pytest.mark.parametrize(("q", "age", "row"), LONG_CALLS)
def test_p9_part_of_a_long_call_leads(q: str, age: int, row: str) -> None:
    assert len(q.split()) >= 26  # long: the reading's own threshold (p9_parts.long)
    assert _ids(q, age)[0] == row


@pytest.mark.parametrize(("q", "age", "row"), LONG_CALLS)
def test_p9_part_leads_said_first_too(q: str, age: int, row: str) -> None:
    head, tail = q.split(";")
    assert _ids(f"{tail.strip()}, {head}", age)[0] == row


ORDINARY_LONG = [
    "she loves her new trainers, goes to brownies on a monday, her mum has just started college, they get by on benefits,"
    " the flat is small and her teacher says she is doing well",
    "he plays rugby on saturdays, likes minecraft, mum and dad both work long hours, his reading is behind, nan picks him"
    " up and he has no bruises, no marks, no injuries at all",
]


@pytest.mark.parametrize("q", ORDINARY_LONG)
def test_long_call_without_a_p9_criterion_does_not_lead_with_p9(q: str) -> None:
    first = default_index().search(q, age_in_months=100, limit=1, finished=True)[0]
    assert not first.indicator.immediate, first.id


MISSPELT: list[tuple[str, str]] = [
    ("she was molestid by a neighbour", "she was molested by a neighbour"),
    ("he was abusd by his uncle", "he was abused by his uncle"),
    ("she has been groomd online", "she has been groomed online"),
    ("she was tuched by her uncle", "she was touched by her uncle"),
]


@pytest.mark.parametrize(("wrong", "right"), MISSPELT)
def test_misspelt_p9_word_reads_as_its_spelling(wrong: str, right: str) -> None:
    spelt = _ids(right, 96)
    assert default_index().search(right, age_in_months=96, limit=1)[0].indicator.immediate  # the oracle leads with p9
    assert _ids(wrong, 96)[0] == spelt[0]


def test_molestid_was_the_finding() -> None:
    assert _ids("she was molestid by a neighbour", 96)[0] == "immediate.allegation_or_disclosure"


@pytest.mark.parametrize("word", ["amused", "cruised", "slipped", "insured", "rated", "taped", "clapped", "starred"])
def test_real_near_word_is_never_read_as_a_p9_word(word: str) -> None:
    index = default_index()
    assert index._p9_spelling(word) == word
    assert index._p9_spelt(["she", "was", word]) == ["she", "was", word]


@pytest.mark.parametrize(("q", "age"), [("the kids were amused by the clown at the party", 96), ("she cruised through her exams", 180)])
def test_call_with_a_real_near_word_does_not_lead_with_p9(q: str, age: int) -> None:
    first = default_index().search(q, age_in_months=age, limit=1, finished=True)[0]
    assert not first.indicator.immediate, first.id


@pytest.mark.parametrize(("typed", "read"), [("molestid", "molest"), ("abusd", "abus"), ("scool", "scool")])
def test_only_a_p9_words_misspelling_is_respelt(typed: str, read: str) -> None:
    # "scool" is one edit from "school", no p9 word: left to the typo reading as before
    got = default_index()._p9_spelling(typed)
    assert (stem(got) if got != typed else got) == read  # a word of the p9 word's stem ("abusd": "abuse" or "abused")


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("p9_parts", {"cuts": "[", "min_words": 2, "long": 26, "why": "x"}),
        ("p9_parts", {"cuts": ",", "min_words": 0, "long": 26, "why": "x"}),
        ("p9_parts", {"cuts": ",", "why": "x"}),
        ("p9_spelling", {"min_length": 2, "english_floor": 50, "spellings": {}, "real_words": [], "why": "x"}),
        ("p9_spelling", {"min_length": 5, "english_floor": 50, "spellings": {}, "real_words": ["two words"], "why": "x"}),
    ],
)
def test_bad_p9_keys_are_refused(key: str, value: dict) -> None:
    data = copy.deepcopy(load_synonyms())
    data[key] = value
    with pytest.raises(SearchDataError):
        SearchIndex(load_catalogue(), data)
