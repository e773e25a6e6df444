"""SearchIndex._into_sight, the one way fix25a's two readings (an older partner, a home-alone pair) offer a row the
words did not rank among the first three: the lowest row there after the first that is no p9 criterion makes room,
a p9 row never leaves sight for it, and the scores shown follow the new order."""

from __future__ import annotations

import pytest

from pathway.search import KEPT_PLACES, default_index


@pytest.fixture(scope="module")
def index():
    return default_index()


@pytest.fixture(scope="module")
def rows(index):
    """Row numbers by kind, from the catalogue itself (p9 criteria are `immediate`)."""
    p9 = [n for n, e in enumerate(index.entries) if e.indicator.immediate]
    other = [n for n, e in enumerate(index.entries) if not e.indicator.immediate]
    return p9, other


def _scores(ranked: list[int]) -> dict[int, float]:
    return {n: 1.0 - k / 10 for k, n in enumerate(ranked)}


def test_the_lowest_other_row_makes_room_and_a_p9_row_stays_in_sight(index, rows):
    p9, other = rows
    a, b, d, offered = other[:4]
    ranked = [a, b, p9[0], d]
    final = _scores(ranked)
    assert index._into_sight(offered, 1, ranked, final)
    assert ranked == [a, offered, p9[0], b, d]  # b, not the p9 row, left the first three
    assert [final[n] for n in ranked] == sorted((final[n] for n in ranked), reverse=True)


def test_nothing_moves_where_the_first_three_are_all_p9_rows(index, rows):
    p9, other = rows
    ranked = [p9[0], p9[1], p9[2], other[0]]
    final = _scores(ranked)
    assert not index._into_sight(other[1], 1, ranked, final)
    assert ranked == [p9[0], p9[1], p9[2], other[0]]
    assert other[1] not in final


def test_a_short_list_takes_the_row_without_losing_one(index, rows):
    p9, other = rows
    ranked = [p9[0]]
    final = _scores(ranked)
    assert index._into_sight(other[0], 1, ranked, final)
    assert ranked == [p9[0], other[0]]
    assert final[p9[0]] > final[other[0]]


def test_a_row_already_lower_moves_up_rather_than_twice(index, rows):
    p9, other = rows
    a, b, c, offered = other[:4]
    ranked = [a, b, c, p9[0], offered]
    final = _scores(ranked)
    assert index._into_sight(offered, 2, ranked, final)
    assert ranked == [a, b, offered, c, p9[0]]
    assert len(ranked) == 5 and ranked[:KEPT_PLACES] == [a, b, offered]
