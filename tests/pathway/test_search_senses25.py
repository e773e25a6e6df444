"""senses25: senses24's structure reading (reverted in b5899a9: review 8 S1's kept rule broke) again, with a structure
word's HARM sense read as harm (pathway/search_structures.py; the synonyms file's `everyday_structures`).

Oracles, by hand: a call that says harm with a structure word (tests/pathway/search_senses25.yaml, written before the
change) keeps a p9 row or Protection need in its first three; an outing verb with "for"/"at" before a person or a body
part is read as no outing. Review 8 S1 (test_search_keep_immediate) compares word matching alone with the whole search:
here, for the two calls the fresh-clone CI caught and for every call of senses24's and senses25's cases, the structure
reading puts no p9 row or Protection need into word matching's first three that word matching without it does not."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pathway import search_structures
from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchIndex, default_index, load_synonyms, normalise, search

HERE = Path(__file__).parent
CASES = yaml.safe_load((HERE / "search_senses25.yaml").read_text())
EVERYDAY = yaml.safe_load((HERE / "search_senses24.yaml").read_text())
HIGH = ("immediate.", "protection.")
KNOWN = {"older lads are giving him drugs to sell": "fails on main too: 'older lads' is not read; p15's rows lead"}


def _top(q: str, age: int) -> list[str]:
    return [h.id for h in default_index().search(q, age_in_months=age, limit=KEPT_PLACES, finished=True)][:KEPT_PLACES]


@pytest.mark.parametrize(
    "q, age",
    [pytest.param(q, a, marks=pytest.mark.xfail(strict=True, reason=KNOWN[q])) if q in KNOWN else (q, a) for q, a in CASES["harm"]],
)
def test_a_harm_sense_keeps_a_p9_row_or_protection_need(q: str, age: int) -> None:
    top = _top(q, age)
    assert any(r.startswith(HIGH) for r in top), top


@pytest.mark.parametrize("q, age", [tuple(c) for c in CASES["attack"]])
def test_an_attack_is_no_outing(q: str, age: int) -> None:
    words = normalise(q).split()
    at = search_structures.everyday_structures_at(default_index().everyday_structures, words, age)[0]
    assert not {words[i] for i in at} & {"went", "took"}, sorted(words[i] for i in at)


@pytest.mark.parametrize(
    "q, age",
    [
        ("we went for a meal at the weekend", 120),  # an outing with "for": still read
        ("she went for a walk with her mum", 120),
        ("they went to his nan's for tea", 96),
    ],
)
def test_an_outing_with_for_is_still_read(q: str, age: int) -> None:
    words = normalise(q).split()
    at = search_structures.everyday_structures_at(default_index().everyday_structures, words, age)[0]
    assert "went" in {words[i] for i in at}


def test_older_ones_and_a_person_in_charge_are_read_as_before() -> None:
    s = default_index().everyday_structures
    assert not search_structures.everyday_structures_at(s, normalise("older ones were taken into care").split(), 24)[0]
    assert not search_structures.everyday_structures_at(s, normalise("the 8 year old is in charge of cooking and bathing the little ones").split(), 96)[0]
    assert search_structures.everyday_structures_at(s, normalise("the older one is doing great at school").split(), 96)[0]


def _words_alone(structures: bool) -> SearchIndex:
    """test_search_keep_immediate's oracle (word matching alone), with or without the structure reading."""
    extra = {} if structures else {"everyday_structures": None}
    return SearchIndex(load_catalogue(), {**load_synonyms(), "severity": {}, "joined": [], "above_universal": None, "young_out_at_night": None, **extra})


@pytest.mark.parametrize("q, months", [("punches walls and went for his mum", 168), ("older ones were taken into care", 24)])
def test_the_calls_the_ci_caught_keep_their_immediate_criteria(q: str, months: int) -> None:
    kept = [h.id for h in _words_alone(True).search(q, age_in_months=months, limit=KEPT_PLACES) if h.indicator.immediate]
    whole = [h.id for h in search(q, age_in_months=months, limit=KEPT_PLACES)]
    assert all(i in whole for i in kept), (kept, whole)


def test_the_reading_lifts_no_high_row_into_word_matchings_first_three() -> None:
    """Review 8 S1: the structure reading takes rows out of word matching's first three, and lifts no p9 row or
    Protection need into them (the two calls the CI caught did: word matching alone and the blend lift different rows)."""
    with_, without = _words_alone(True), _words_alone(False)
    lifted = []
    calls = EVERYDAY["everyday"] + EVERYDAY["controls"] + CASES["harm"]
    for q, age in calls:
        high = [h.id for h in with_.search(q, age_in_months=age, limit=KEPT_PLACES) if h.id.startswith(HIGH)]
        before = {h.id for h in without.search(q, age_in_months=age, limit=KEPT_PLACES)}
        lifted += [(q, i) for i in high if i not in before]
    assert len(calls) > 180
    assert not lifted, lifted


@pytest.mark.parametrize(
    "q, age, kept",
    [
        # written after the first change (a mutation of the relaxed rule's p9 guard showed these move), not before it
        ("the older one is hitting the little one", 36, {"immediate.allegation_or_disclosure"}),
        ("the older one hits the baby", 12, {"immediate.significant_harm", "immediate.allegation_or_disclosure"}),
        ("older brother punches him", 96, {"immediate.allegation_or_disclosure", "immediate.significant_harm"}),
        ("the older one has been beating the younger one", 96, {"immediate.allegation_or_disclosure", "immediate.significant_harm"}),
    ],
)
def test_older_kin_with_harm_keeps_its_p9_rows(q: str, age: int, kept: set[str]) -> None:
    """'older' before kin is everyday, and a p9 row "hitting", "punches" or "beating" also matched stays in the first
    three (senses24's relaxed rule moved it: the call read without "older" did not offer it there)."""
    assert kept <= set(_top(q, age)), _top(q, age)
