"""Search17c: a carer taking the child to a service ("mum has not taken him to the GP") is no concern of its own.

Oracles: the document's rows, written here by hand. p17's "Child / children previously removed" is a parent's other
children removed, and p9's trafficking a child trafficked: neither is said by a carer taking this child to a GP,
dentist or clinic. p12's "Not accessing appropriate health care" is what a child not taken there says. The held-out
calls below were written by search17c from the brief before the search was run on them (never training data).
"""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms
from pathway.search_model import example_calls
from tests.pathway.p9_sight import p9_calls_lost

CAT = load_catalogue()
SYNONYMS = load_synonyms()
TAKEN_ROWS = {"protection.child_children_previously_removed", "immediate.trafficking_victim", "protection.child_victim_trafficking"}
HEALTH = {"additional.not_accessing_appropriate_health", "additional.dental_decay_not_accessing", "additional.family_not_accessing_universal"}


def _ids(q: str, age: int | None, index: SearchIndex | None = None) -> list[str]:
    return [h.id for h in (index or default_index()).search(q, age_in_months=age, limit=KEPT_PLACES)]


CARRIED = [  # search17c's own held-out phrasings
    ("baby has a rash and mum has not taken him to the GP", 6),
    ("baby has a rash and mum has not taken him to the GP.", 6),
    ("mum has not taken her to the doctor about her cough.", 30),
    ("dad never takes them to the dentist.", 70),
    ("she hasn't brought the baby to the health visitor clinic.", 4),
    ("mum took him to the walk in centre yesterday.", 20),
]


@pytest.mark.parametrize("q, age", CARRIED, ids=[c[0] for c in CARRIED])
def test_taking_the_child_to_a_service_says_no_removal_or_trafficking(q, age):
    assert not set(_ids(q, age)) & TAKEN_ROWS, _ids(q, age)


@pytest.mark.parametrize(
    "q, age",
    [
        ("baby has a rash and mum has not taken him to the GP.", 6),
        ("mum has not taken her to the doctor about her cough.", 30),
        ("dad never takes them to the dentist.", 70),
    ],
)
def test_a_child_not_taken_to_health_care_leads_with_health_care(q, age):
    assert _ids(q, age)[0] in HEALTH, _ids(q, age)


@pytest.mark.parametrize(
    "q, age, row",
    [  # the verb said otherwise is read as before
        ("mum has had three kids taken off her", 2, "protection.child_children_previously_removed"),
        ("her older children were taken into care", 1, "protection.child_children_previously_removed"),
        ("dad has taken her to pakistan to marry her cousin", 180, "protection.forced_marriage_under_18"),
        ("she was brought over from abroad to clean for a family", 150, "immediate.trafficking_victim"),
    ],
)
def test_the_verb_said_of_removal_marriage_or_trafficking_still_finds_the_row(q, age, row):
    assert row in _ids(q, age), _ids(q, age)


def test_the_reading_is_declared_and_checked():
    text = (__import__("pathlib").Path(__file__).parents[2] / "pathway/data/search_synonyms.yaml").read_text(encoding="utf-8")
    assert "search17c" in text and "this tool's reading" in text
    for bad in ({"verbs": ["taken"]}, {"verbs": "taken", "objects": ["him"], "owners": ["the"], "to": ["to"], "places": ["gp"]}):
        with pytest.raises(SearchDataError):
            SearchIndex(CAT, {**SYNONYMS, "carried": bad})


def test_no_labelled_p9_call_loses_first_place_or_sight():
    without = SearchIndex(CAT, {k: v for k, v in SYNONYMS.items() if k != "carried"}, example_calls())
    assert p9_calls_lost(default_index(), without) == []


# ---------------------------------------------------------------- words sent whole (the call screen's form)


@pytest.mark.parametrize(
    "q, age",
    [
        ("mum has not taken him to the GP", 6),
        ("baby has a rash and mum has not taken him to the GP", 6),
        ("she is not registered with a GP", 30),
        ("he has missed his jabs at the GP", 14),
    ],
)
def test_finished_words_are_read_as_with_a_stop_after_them(q, age):
    index = default_index()
    assert [h.id for h in index.search(q, age_in_months=age, finished=True)] == [h.id for h in index.search(q + ".", age_in_months=age)]


def test_a_finished_short_last_word_is_read():
    index = default_index()
    typing = _ids("mum has not taken him to the GP", 6)
    whole = [h.id for h in index.search("mum has not taken him to the GP", age_in_months=6, limit=KEPT_PLACES, finished=True)]
    assert typing[0] not in HEALTH and whole[0] in HEALTH, (typing, whole)
