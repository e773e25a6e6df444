"""pathway/search.py has two readings of "not": `_denied_positions` (the words a denying word denies:
up to NEGATION_REACH after any of DENYING, within its clause) and `_negated_before` (whether a phrase
starting at a position has one of NEGATING in the two words before it). They look like the same
logic twice, but are not: merging them changes what search returns. These cases are why they were
left apart (session 8); a merge is a change to search to be measured on the held-out sets, not a tidy."""

from __future__ import annotations

import pytest

from pathway.search import _denied_positions, _negated_before, search


def _negated(words: list[str]) -> list[int]:
    return [i for i in range(len(words)) if _negated_before(words, i)]


@pytest.mark.parametrize(
    "said,denied,negated",
    [
        ("not kept safe", [1, 2], [1, 2]),  # where they agree
        ("rarely kept safe", [1, 2], []),  # "rarely" denies, but does not negate a phrase (DENYING is wider than NEGATING)
        ("not at all kept safe", [1, 2, 3], [1, 2]),  # a denial reaches three words, a phrase's negation two
        ("never but poorly", [], [1, 2]),  # a clause word ends a denial, not a phrase's negation
    ],
)
def test_the_two_readings_of_not_differ(said, denied, negated):
    words = said.split()
    assert (_denied_positions(words), _negated(words)) == (denied, negated)


def test_the_difference_shows_in_what_search_matches():
    """A phrase that starts three words after "not" still earns its bonus ("kept safe" is matched):
    read by `_denied_positions` it would not, and the ranking would change. ("not at all kept safe"
    showed it until "not at all" was read as "not", left9; "not really being kept safe" still does,
    and still puts the Universal strength first: a residual of that fault, reported, not fixed here.)"""
    hits = search("she is not really being kept safe", age_in_months=96, limit=3)
    assert any("kept safe" in h.matched for h in hits)
    assert not any("kept safe" in h.matched for h in search("not kept safe", age_in_months=96, limit=3))
