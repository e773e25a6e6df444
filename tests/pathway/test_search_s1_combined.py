"""Review 8 S1 under combination (stop 48): a p9 row word matching alone puts in the first three stays there after the
whole search, when an ordinary clause or another concern is said beside the concern. test_search_keep_immediate holds
this for every labelled phrasing; calls joining two clauses broke it on d8799f5 in two places: a reading that leads with
a row that is no p9 criterion when the first three were all p9 rows (_lead_with, through the model's "no concern":
"dad has a beer on a friday, she has bruises and says the man she lives with hits her" lost "Unexplained injuries"),
and _harm_by_adult_first putting significant harm second past a p9 row third ("she says her dad lashes out at her,
mum's boyfriend hits her and says he will kill her" lost repeated domestic violence to the child's own disruptive
behaviour).

The oracle is test_search_keep_immediate's: the index with no learned model and no severity words, on the same call."""

from __future__ import annotations

import itertools

import pytest

from pathway.search import KEPT_PLACES, search
from tests.pathway.test_search_keep_immediate import _words_alone

BESIDE = [
    "dad has a beer on a friday",
    "they went bowling on saturday",
    "she says her dad lashes out at her",
    "she is expecting",
]
CONCERNS = [
    "she has bruises and says the man she lives with hits her",
    "mum's boyfriend hits her and says he will kill her",
    "dad grabbed her by the throat",
    "her uncle touches her at night",
    "she has a burn mark nobody can explain",
]
CALLS = [f"{b}, {q}" for b, q in itertools.product(BESIDE, CONCERNS)] + [f"{q} and {b}" for b, q in itertools.product(BESIDE, CONCERNS)]


@pytest.fixture(scope="module")
def words_alone():
    return _words_alone()


def _lost(index, call: str, months: int) -> tuple[list[str], list[str]]:
    kept = [h.id for h in index.search(call, age_in_months=months, limit=KEPT_PLACES) if h.indicator.immediate]
    whole = [h.id for h in search(call, age_in_months=months, limit=KEPT_PLACES)]
    return [i for i in kept if i not in whole], whole


@pytest.mark.parametrize("months", [96, 180])
def test_no_clause_beside_a_concern_puts_a_p9_row_out_of_the_first_three(words_alone, months: int) -> None:
    lost = []
    for call in CALLS:
        gone, whole = _lost(words_alone, call, months)
        if gone and not all(w.startswith("immediate.") for w in whole):  # three p9 rows leave no place for a fourth
            lost.append((call, gone, whole))
    assert not lost, lost


@pytest.mark.parametrize(
    ("call", "months"),
    [
        ("dad has a beer on a friday, she has bruises and says the man she lives with hits her", 96),
        ("she has bruises and says the man she lives with hits her and they went bowling on saturday", 96),
        ("she says her dad lashes out at her, mum's boyfriend hits her and says he will kill her", 96),
        # a labelled call: an offered row put in the place of the last row that was no p9 row pushed a p9 row after
        # it out (search_senses' unsaid-facts offer; search_core's stated criterion and fix22a's night-time lead the same)
        ("girl came in starving, says nobody's fed her since friday, skin and bone", 120),
    ],
)
def test_the_calls_found_keep_their_p9_rows(words_alone, call: str, months: int) -> None:
    gone, whole = _lost(words_alone, call, months)
    assert not gone, whole
    assert sum(h.startswith("immediate.") for h in whole) >= 2


@pytest.mark.xfail(
    strict=True,
    reason="left (stop 48): the learned model's blend, before any reading step, ranks 'works nights' rows (trafficking, "
    "unemployment) above the allegation row; the everyday-sense reading then moves them out and Protection rows come in, "
    "not the p9 row word matching had third. A p9 row (injuries) stays in the first three.",
)
def test_mum_works_nights_beside_a_concern() -> None:
    gone, _ = _lost(_words_alone(), "mum works nights, she is drinking heavily and has bruises on her arms", 96)
    assert not gone
