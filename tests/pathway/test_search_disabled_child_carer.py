"""Search49 (review 29 Q11): a carer caring for a disabled child of the family is offered the carer's rows.

The oracle is the document's own rows for such a call: p13-14 "Carer is not getting a break from the care of their
disabled child ..." and p15-16 "Providing substantial care to a child with substantial and life long disabilities ...";
no word of these calls says the carer is ill or the child cares. Controls: a carer's own disability, a child who cares,
and a child's help said keep the young carer or the carer's own rows."""

from __future__ import annotations

import copy

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import SearchDataError, SearchIndex, load_synonyms, search

BREAK = "additional.carer_not_getting_break"
SUBSTANTIAL = "extensive.providing_substantial_care_child"
CARERS_HEALTH = {"additional.mental_physical_health_needs", "extensive.mental_physical_health_problems"}
YOUNG = {"additional.young_carers_child", "additional.young_carers_family", "extensive.young_carers", "protection.young_carer_significant_responsibilities"}


def first(query: str, age: int, n: int = 3) -> list[str]:
    return [h.id for h in search(query, age_in_months=age, limit=8)][:n]


CARERS_OF_A_DISABLED_CHILD = [
    ("mum looks after his disabled brother round the clock and never gets a single break", 120),
    ("mum cares for his disabled brother and never gets a break", 120),
    ("dad cares for her autistic sister full time and gets no respite", 96),
    ("nan looks after his severely disabled sister day and night, she never has a break", 84),
    ("mum is exhausted caring for his disabled twin", 60),
    ("mum has to look after her disabled brother all the time and gets no break", 132),
    ("mum is a full time carer for his disabled sister", 100),
    ("grandad takes care of her autistic brother on his own and is worn out", 110),
]


@pytest.mark.parametrize(("query", "age"), CARERS_OF_A_DISABLED_CHILD)
def test_a_carer_caring_for_a_disabled_child_is_offered_the_carers_rows_first(query: str, age: int) -> None:
    top = first(query, age)
    assert {BREAK, SUBSTANTIAL} == set(top[:2]), top
    assert not YOUNG & set(top), top  # no word says the child cares


@pytest.mark.parametrize(
    ("query", "age", "lead"),
    [
        ("mum looks after his disabled brother round the clock", 120, SUBSTANTIAL),
        ("dad cares for her disabled sister day and night", 120, SUBSTANTIAL),
        ("mum cares for his disabled brother and never gets a break", 120, BREAK),
        ("mum looks after her autistic son and gets no time off", 120, BREAK),
    ],
)
def test_substantial_care_said_leads_with_substantial_care_else_the_break(query: str, age: int, lead: str) -> None:
    assert first(query, age, 1) == [lead]


@pytest.mark.parametrize(
    ("query", "age", "kept"),
    [
        # the carer's own disability: the carers' health rows (review 15 L1)
        ("mum is disabled and cannot look after him", 100, CARERS_HEALTH),
        # the child cares: young carer rows (fix28b's class)
        ("he looks after his disabled mum", 150, YOUNG),
        ("she cares for her disabled brother after school every day", 150, YOUNG),
        # the child's help said beside the carer's care: the young carer rows stay in sight
        ("mum cares for his disabled brother and he has to help her every night", 140, YOUNG),
    ],
)
def test_a_carers_own_disability_or_a_childs_care_keeps_its_rows(query: str, age: int, kept: set[str]) -> None:
    assert kept & set(first(query, age)), first(query, age)


def test_a_p9_row_said_beside_the_care_keeps_first_place() -> None:
    top = first("mum looks after his disabled brother round the clock and dad hits him", 120)
    assert top[0].startswith("immediate."), top


def test_disabled_child_carer_is_checked() -> None:
    """A `disabled_child_carer` offering a p9 row, naming one offer, or with a key missing is refused naming the table."""
    for change in (
        {"offers": ["immediate.significant_harm", "extensive.providing_substantial_care_child"]},
        {"offers": ["additional.carer_not_getting_break"]},
        {"young": ["immediate.significant_harm"]},
        {"reach": 0},
    ):
        synonyms = copy.deepcopy(load_synonyms())
        synonyms["disabled_child_carer"].update(change)
        with pytest.raises(SearchDataError, match="disabled_child_carer"):
            SearchIndex(load_catalogue(), synonyms)
    synonyms = copy.deepcopy(load_synonyms())
    del synonyms["disabled_child_carer"]["helps"]
    with pytest.raises(SearchDataError, match="disabled_child_carer"):
        SearchIndex(load_catalogue(), synonyms)


@pytest.mark.parametrize(
    ("query", "age"),
    [
        ("nan looks after her blind baby girl", 8),
        ("mum cares for her autistic son", 100),
        ("dad looks after his deaf daughter", 130),
    ],
)
def test_the_childs_own_disability_with_no_break_or_constant_care_said_offers_no_young_carer_first(query: str, age: int) -> None:
    """The disabled child may be the child assessed ("her blind baby girl"): the carer's rows do not take first place
    from the child's own disability rows, but no word says the child cares."""
    top = first(query, age)
    assert top[0] not in YOUNG | CARERS_HEALTH, top
    assert not YOUNG & set(top), top


def test_the_childs_own_disability_keeps_first_place_where_no_break_or_constant_care_is_said() -> None:
    assert first("nan looks after her blind baby girl", 8, 1) == ["extensive.substantial_lifelong_disability_short_breaks"]
