"""Review 29 Q6 (inflation; stop 48, docs/adviser.md "Search29r"): a child handed over to a setting or a carer ("I left
him at nursery at 8 and picked him up at 5") preselected p9's "home alone aged 5 and under" on "left", and "dropped him
at nursery" p9 harm on "dropped". `everyday_structures.handover_*` reads the handover; the controls say a child left
somewhere alone, abandoned at a door, or with another child or a stranger, and keep the home-alone rows.

Oracle: the document's p9 home-alone lines need a child left alone or unsupervised (p9); a nursery, a grandparent or a
parent has the child. Calls written before the reading (the three review 29 wrote are its own, reworded)."""

from __future__ import annotations

import pytest

from pathway.search import KEPT_PLACES, search

HOME_ALONE = {"immediate.home_alone_5_and_under", "immediate.home_alone_at_risk"}

HANDED_OVER = [
    ("I left him at nursery at 8 and picked him up at 5", 36),
    ("dropped him at nursery at 8 and collected him at 5", 36),
    ("I left him at nursery at 8", 36),
    # a strict xfail at stop 55's merge (Search55m: both home-alone rows rose into the places a named reading left);
    # passes since fix41a (stop 56, docs/adviser.md Search41a)
    ("left her with her nan for the weekend", 48),
    ("she dropped the baby at her mum's for the night", 10),
    ("we left the kids with grandma while we went to the wedding", 60),
    pytest.param(
        "I leave him at the creche while I go to the gym",
        24,
        marks=pytest.mark.xfail(
            strict=True, reason="left: with the handover read, the learned model's p9 harm (no word matched it) leads; home alone is out of three"
        ),
    ),
    ("left him with his auntie for the afternoon", 40),
    ("they left the twins with their dad for the weekend", 48),
    ("she leaves her at school at 8.45 and picks her up at 3", 60),
    pytest.param(
        "mum leaves them at the childminder's while she works",
        30,
        marks=pytest.mark.xfail(
            strict=True, reason="left: p9 trafficking leads on 'works' (a carer's job read as the child's labour), another class; home alone is out of three"
        ),
    ),
    ("dad drops her off at breakfast club at 7.30", 60),
]

LEFT_ALONE = [
    ("mum left him at home on his own all day", 36),
    ("they left the baby in the car at the shops", 8),
    ("left her at the park by herself", 48),
    ("she left the baby at the nursery door and walked off", 6),
    ("mum leaves them with their 10 year old brother every night", 48),
    ("he left the kids with a man they had never met", 60),
    ("left him at nursery and never came back for him", 36),
]


@pytest.mark.parametrize(("q", "months"), HANDED_OVER)
def test_a_child_handed_over_is_no_child_home_alone(q: str, months: int) -> None:
    hits = search(q, age_in_months=months, limit=KEPT_PLACES)
    assert HOME_ALONE.isdisjoint(h.id for h in hits), [h.id for h in hits]
    assert not (hits and hits[0].indicator.immediate), [h.id for h in hits]


@pytest.mark.parametrize(("q", "months"), LEFT_ALONE)
def test_a_child_left_alone_abandoned_or_with_a_child_keeps_the_home_alone_rows(q: str, months: int) -> None:
    ids = [h.id for h in search(q, age_in_months=months, limit=KEPT_PLACES)]
    assert not HOME_ALONE.isdisjoint(ids), ids
