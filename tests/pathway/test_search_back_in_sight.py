"""`_back_in_sight`: the one "a p9 row of the first three stays there" loop the reorderings share (stop 48's re-read of
stop 47: _lead_with, _pregnant_young_first, _pregnant_banded_first and _unborn_calm_first each had their own copy, and
_pregnant_banded_first's could push one kept row out of the first three to bring another back).

The oracle is the invariant written out by hand for small lists: rows are letters, the held ones upper case."""

from __future__ import annotations

import pytest

from pathway.search_call import KEPT_PLACES, _back_in_sight


def _held(r: str) -> bool:
    return r.isupper()


@pytest.mark.parametrize(
    ("before", "kept", "after"),
    [
        # one kept row pushed to fourth: the last unheld row of the first three gives way, just below it
        (["a", "b", "c", "P"], ["P"], ["a", "b", "P", "c"]),
        (["a", "b", "Q", "P"], ["Q", "P"], ["a", "Q", "P", "b"]),
        # two rows put in front (fix28b's two pregnancy rows) pushed two kept rows to fourth and fifth: both come back,
        # neither at the other's cost (the old _pregnant_banded_first loop left Q fourth here)
        (["w", "x", "Q", "y", "P"], ["Q", "P"], ["w", "Q", "P", "x", "y"]),
        # a kept row still in the first three: nothing moves
        (["P", "a", "b", "c"], ["P"], ["P", "a", "b", "c"]),
        # every row of the first three held: nothing gives way
        (["A", "B", "C", "P"], ["P"], ["A", "B", "C", "P"]),
    ],
)
def test_kept_rows_come_back_without_pushing_another_out(before: list[str], kept: list[str], after: list[str]) -> None:
    ranked = list(before)
    _back_in_sight(kept, _held, ranked)  # type: ignore[arg-type]
    assert ranked == after
    assert sorted(ranked) == sorted(before)
    in_front_before = [r for r in before[:KEPT_PLACES] if _held(r)]
    assert set(in_front_before) <= set(ranked[:KEPT_PLACES])


def test_the_row_that_gave_way_is_scored_just_below_the_kept_row() -> None:
    ranked = ["a", "b", "c", "P"]
    final = {"a": 0.9, "b": 0.8, "c": 0.7, "P": 0.6}
    _back_in_sight(["P"], _held, ranked, final)  # type: ignore[arg-type]
    assert ranked == ["a", "b", "P", "c"]
    assert final["c"] == pytest.approx(0.6 - 1e-6)
    assert final["P"] == 0.6


@pytest.mark.parametrize(
    ("pregnancy", "concern"),
    [
        ("she is expecting, ", "she has bruises and says the man she lives with hits her"),
        ("she missed her period, ", "she is drinking heavily and has bruises on her arms"),
        ("she is expecting and ", "mum's boyfriend hits her and says he will kill her"),
    ],
)
def test_a_girl_of_15s_pregnancy_keeps_every_p9_row_her_concern_offers(pregnancy: str, concern: str) -> None:
    """fix28b's pregnancy rows come in at the front at 15; the p9 rows the concern alone offers in its first three
    stay in them when the pregnancy is said too (on d8799f5 one of them left: review 8 S1 and review 12 H6 broken)."""
    from pathway.search import search

    alone = {h.id for h in search(concern, age_in_months=180)[:KEPT_PLACES] if h.indicator.immediate}
    assert len(alone) >= 2
    both = [h.id for h in search(pregnancy + concern, age_in_months=180)[:KEPT_PLACES]]
    assert alone <= set(both), both
