"""fix21d: fix20d's readings (said_plainly) take rows out of the first three without undoing what earlier readings did.

The oracle is the catalogue's levels and the calls' own words: a denied concern's row (search16) never leads again once
the row that had led for it leaves (a pregnancy row with no pregnancy said, N9), and the row that leads instead is no
higher than the denied one; a row an earlier reading put below the first three ("told" alone, search20; a p9 baby row
whose concern is unsaid, search17p) is not brought back into them by a row leaving.
"""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import default_index

CAT = load_catalogue()
PREGNANT = {"extensive.pregnant_under_16", "additional.pregnant_under_17"}


def ids(q: str, age: int | None = None, top: int = 3) -> list[str]:
    return [h.id for h in default_index().search(q, age_in_months=age, limit=top)]


def height(i: str) -> int:
    return CAT.indicator(i).level.rank


@pytest.mark.parametrize(
    "q, denied",
    [
        ("not gang", "extensive.involved_gang_culture"),
        ("she has never been in a gang", "extensive.involved_gang_culture"),
        ("not bills", "extensive.serious_debts_poverty_impacting"),
        ("never invisible", "protection.family_do_not_access"),
        ("not disabled", "protection.substantial_lifelong_disability_safeguarding"),
    ],
)
def test_a_denial_with_no_pregnancy_said_leads_with_a_lower_row(q, denied):
    found = ids(q, 168)
    assert found[0] != denied and found[0] not in PREGNANT, found
    assert height(found[0]) <= height(denied) and not CAT.indicator(found[0]).immediate, found
    assert not PREGNANT & set(found), found  # N9 still holds: no pregnancy said


@pytest.mark.parametrize("q", ["she is not in a gang but she is pregnant", "not gang, she is expecting a baby"])
def test_a_pregnancy_said_with_a_denial_keeps_its_row(q):
    assert PREGNANT & set(ids(q, 168)), ids(q, 168, 6)


@pytest.mark.parametrize("q, age", [("my 15 year old told me she wants to go to college", 180), ("she told me about her holiday", 180)])
def test_told_alone_stays_below_when_a_pregnancy_row_leaves(q, age):
    assert "immediate.allegation_or_disclosure" not in ids(q, age), ids(q, age, 6)


def test_what_a_child_told_of_still_leads_the_same_call_shape():
    assert "immediate.allegation_or_disclosure" in ids("my 15 year old told me her stepdad touches her at night", 180)


def test_an_unsaid_baby_p9_row_stays_below_when_a_pregnancy_row_leaves():
    found = ids("young first time mum with a newborn", 0)
    assert not any(CAT.indicator(i).immediate for i in found), found
    assert not PREGNANT & set(found), found


def test_a_baby_p9_row_said_keeps_its_place():
    found = ids("young first time mum with a newborn, she was drinking heavily while feeding him", 0)
    assert any(CAT.indicator(i).immediate for i in found), found
