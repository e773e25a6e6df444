"""Search19: row 0 is a row. `_subject_first` took "a concern before a strength" as `next(concern) or next(any)`, and
row 0 is p9's "Child is at immediate risk or has suffered significant harm": found first among the concerns it read
as none found, and the first row of any kind, a Universal strength, led.

Oracles: the document, by hand. p9 (immediate referral) names a child who "has suffered significant harm"; the
Universal rows (p11-14: "Physically well", "Good, stable relationships with carers ...") are no concern. A call that
says this child has been harmed, beside another child's condition and a strength, leads with p9, never with the
strength. The calls below were written for search19 from the brief and the document, each with a condition said of
another child (the subject reading's barred road), and checked to lead with a Universal row on main (d672f2b)."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, default_index

CAT = load_catalogue()
P9_HARM = "immediate.significant_harm"

HARMED_BESIDE_STRENGTH = [
    ("her older sister cuts herself and she has suffered significant harm, she is physically well", 30),
    ("her sister has leukaemia and she has been seriously harmed, she has good relationships with her carers", 100),
    ("her brother overdosed last week, she is physically well but she has been badly harmed", 170),
    ("his brother is in a wheelchair and he has suffered significant harm, he gets on well with his carers", 30),
]


@pytest.mark.parametrize(("q", "age"), HARMED_BESIDE_STRENGTH)
def test_harm_to_this_child_leads_not_a_strength(q: str, age: int) -> None:
    ids = [h.id for h in default_index().search(q, age_in_months=age, limit=KEPT_PLACES)]
    assert ids[0] == P9_HARM, ids


def _row(indicator_id: str) -> int:
    index = default_index()
    return next(n for n, e in enumerate(index.entries) if e.indicator.id == indicator_id)


def test_row_zero_is_p9_significant_harm() -> None:
    # the premise of the fault: the first row is the one a truth test loses
    assert _row(P9_HARM) == 0


def test_concern_or_first() -> None:
    index = default_index()
    strength, other_strength = _row("universal.physically_well"), _row("universal.good_stable_relationships_carers")
    extensive = _row("extensive.behaviour_puts_life_risk")
    concern_or_first = index._concern_or_first
    assert concern_or_first([strength, 0, extensive], set()) == 0  # row 0, a concern, before a strength
    assert concern_or_first([strength, extensive, 0], set()) == extensive
    assert concern_or_first([extensive, strength, 0], {extensive}) == 0
    assert concern_or_first([0, strength], {0}) == strength  # no concern left: the first not excluded
    assert concern_or_first([strength, other_strength], {strength}) == other_strength
    assert concern_or_first([strength, 0], {strength, 0}) is None
    assert concern_or_first([], set()) is None
