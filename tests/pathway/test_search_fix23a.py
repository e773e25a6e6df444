"""Whose belief it is (fix23a): fix22b's `belief_harm` and `shame_threat` readings said as the child's own belief,
fear or experience are read as the child's own mental health (the synonyms file's `named_subject`), while an adult
branding the child keeps p9's significant-harm line first.

Oracles: the document's rows, written here by hand. p9: "Child is at immediate risk or has suffered significant harm
including physical, sexual, emotional harm or neglect" (the tool's declared reading of harm done in a belief's name;
the document names neither possession nor witchcraft). p13-14 "Mental health concerns about the child/young person"
and p15-16 "Significant mental health needs, emotional and behavioural difficulties" are the child's own. The calls
below were written for this change from the brief, none copied from a review's case file."""

from __future__ import annotations

import copy

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms
from pathway.search_model import example_calls

CAT = load_catalogue()
HARM = "immediate.significant_harm"
OWN_MH = {"additional.mental_health_concerns_about", "extensive.significant_mental_health_needs"}


def _ids(q: str, age: int | None = None, index: SearchIndex | None = None) -> list[str]:
    return [h.id for h in (index or default_index()).search(q, age_in_months=age, limit=KEPT_PLACES, finished=True)]


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("my son thinks he is possessed", 168),
        ("she believes she is possessed by a jinn", 180),
        ("he says he hears an evil spirit telling him things", 168),
        ("she thinks she is a witch", 144),
        ("i think i am possessed", 180),
    ],
)
def test_the_childs_own_belief_is_the_childs_mental_health_not_p9_first(q: str, age: int) -> None:
    ids = _ids(q, age)
    assert ids[0] in OWN_MH, ids
    assert ids[0] != HARM


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("pastor says he is possessed", 96),
        ("mum thinks she is a witch and beats the devil out of her", 96),
        ("the church say he is possessed and did an exorcism on him", 120),
        ("she thinks she is a witch because mum says so", 120),
        ("she thinks he is possessed", 120),
        ("my daughter says she is possessed and the pastor did a deliverance on her", 132),
        ("dad says she brought shame on the family and threatened to kill her", 192),
    ],
)
def test_an_adult_branding_the_child_keeps_p9_first(q: str, age: int) -> None:
    """The control: the belief an adult holds, or an adult said beside it, is the class fix22b read as p9."""
    assert _ids(q, age)[0] == HARM


def test_the_childs_own_shame_and_suicidal_words_lead_with_the_childs_rows() -> None:
    ids = _ids("he thinks he brought shame on the family and wants to kill himself", 192)
    assert ids[0] != HARM
    assert "extensive.behaviour_puts_life_risk" in ids


def test_without_named_subject_the_childs_belief_led_with_p9() -> None:
    """The reading is what moves it: the synonyms file without `named_subject` leads with p9 (fix22b's reading)."""
    data = copy.deepcopy(load_synonyms())
    del data["named_subject"]
    without = SearchIndex(CAT, data, example_calls())
    assert _ids("my son thinks he is possessed", 168, without)[0] == HARM


def test_a_file_without_the_readings_it_names_is_read_as_before() -> None:
    """A synonyms file without named_rows (fix21q's tests build one) still builds; nothing is read as own."""
    data = {k: v for k, v in load_synonyms().items() if k != "named_rows"}
    assert SearchIndex(CAT, data).search("my son thinks he is possessed", age_in_months=168) is not None


def test_named_subject_refuses_a_p9_lead_and_a_reading_named_twice() -> None:
    data = copy.deepcopy(load_synonyms())
    data["named_subject"]["readings"][0]["leads"] = HARM
    with pytest.raises(SearchDataError):
        SearchIndex(CAT, data)
    data = copy.deepcopy(load_synonyms())
    data["named_subject"]["readings"][1]["name"] = data["named_subject"]["readings"][0]["name"]
    with pytest.raises(SearchDataError):
        SearchIndex(CAT, data)


ALLEGATION = "immediate.allegation_or_disclosure"


@pytest.mark.parametrize(("q", "age"), [("he wet the bed once", 72), ("he wets the bed", 72), ("she keeps wetting herself at school", 84)])
def test_wetting_the_bed_alone_offers_no_allegation_line(q: str, age: int) -> None:
    """p13-14 "Slow to develop age appropriate self-care skills" (toileting); no allegation or disclosure said."""
    assert ALLEGATION not in _ids(q, age)


@pytest.mark.parametrize(
    ("q", "age"),
    [("she wets the bed and says daddy touches her", 72), ("he started wetting the bed after the uncle stayed in his room", 72)],
)
def test_wetting_the_bed_with_an_allegation_said_keeps_the_allegation_line(q: str, age: int) -> None:
    """The control: an adult's touching, or the room, said beside it keeps p9's allegation line in the first three."""
    assert ALLEGATION in _ids(q, age)
