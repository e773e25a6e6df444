"""Review 29's mutation tests (docs/safety/mutation.md "Review 29 (stop 48)"): stop 48's search readings, each test a
gap a surviving mutant showed (named in its comment) or a neighbour of a reading (other words for the same class),
written through `search()` only, so it holds whatever code reads it (scripts/mutate_review29.sh runs each reading's own
tests and these).

Oracles, from what the words say and the document's rows (never from the search's output under a mutant):
- a child bought, sold, traded or paid for is p9's "Child victims of trafficking" (the document's immediate-referral
  list): it leads; a thing bought or sold, a gift, a payment for the child's things is none;
- an adult's blow to the child in a word that also means drunk ("smashed him in the face", "hammered him") is p9's
  "has suffered significant harm including physical"; a carer drunk ("was smashed") is no blow;
- an adult's age glued to its unit ("a 30yo", "a 30 y/o") says what the age spelt out says: the p9 row the spelt-out call
  leads with leads;
- a child handed over to a nursery, a school, a childminder or a relative is no child home alone (p9's home-alone
  lines need a child left alone); a child left alone, at a door, or with a stranger keeps them;
- review 8 S1: a p9 row word matching alone puts in the first three stays there after the whole search
  (test_search_keep_immediate's index with no learned model and no severity words is the oracle, as in
  test_search_s1_combined)."""

from __future__ import annotations

import pytest

from pathway.search import KEPT_PLACES, search

HARM = "immediate.significant_harm"
TRAFFICKING = "immediate.trafficking_victim"
HOME_ALONE = {"immediate.home_alone_5_and_under", "immediate.home_alone_at_risk"}
EXPLOITED = {TRAFFICKING, "protection.sexual_exploitation", "protection.child_victim_trafficking"}


def _ids(q: str, age: int | None = None, *, limit: int = 5) -> list[str]:
    return [h.id for h in search(q, age_in_months=age, limit=limit, finished=True)]


# --- Probing the readings' neighbours (other words for the same class): under-calls found, each a strict xfail with
# what the document says must hold (docs/safety/mutation.md "Review 29 (stop 48)": for the next session, not fixed here)

UNDER_CALL = "under-call found probing {}'s neighbours (review 29's mutation run, main 104703f); not fixed here (no product code): "


@pytest.mark.parametrize(
    ("q", "age", "want"),
    [
        pytest.param(
            "dad decked him",
            120,
            {HARM},
            marks=pytest.mark.xfail(strict=True, reason=UNDER_CALL.format("said_as_meant.struck") + "'decked' is no word of any row: the call has no rows at all"),
        ),
        pytest.param(
            "dad rents her out to his friends",
            168,
            EXPLOITED,
            marks=pytest.mark.xfail(
                strict=True, reason=UNDER_CALL.format("sold_child") + "'rents ... out' is no sale verb: housing and isolation rows only, no p9 or exploitation row"
            ),
        ),
        pytest.param(
            "he swapped her for drugs",
            168,
            {TRAFFICKING},
            marks=pytest.mark.xfail(
                strict=True,
                reason=UNDER_CALL.format("sold_child") + "'swapped' is no sale verb: Protection sexual exploitation first, p9 domestic violence second, no trafficking",
            ),
        ),
    ],
)
def test_a_neighbour_of_a_stop_48_reading_keeps_its_row_in_the_first_three(q: str, age: int, want: set[str]) -> None:
    """A father's blow said 'decked': p9's significant harm; a child 'rented out' to a father's friends or 'swapped' for
    drugs: a row of trafficking or exploitation (p9's trafficking for a child exchanged for drugs, as 'sold her for
    drugs' leads with)."""
    assert want & set(_ids(q, age)[:KEPT_PLACES])


@pytest.mark.xfail(
    strict=True,
    reason=UNDER_CALL.format("fix29d_drunk_driving")
    + "'after six pints' is no word of the reading's first group (drunk, over the limit, had a few drinks ...): Additional"
    " 'substance misuse' leads, p9 significant harm third",
)
def test_a_carer_driving_the_children_after_drinking_leads_with_a_p9_row() -> None:
    """A carer driving the children home after six pints puts them at immediate risk, as 'drove the kids home drunk' does
    (fix29d's own calls: a p9 row first)."""
    ids = _ids("dad drove the kids home after six pints", 72)
    assert ids[0].startswith("immediate."), ids
