"""Gaps mut14's mutation run of review 13's code found (docs/safety/mutation.md, "Review 13's code"): each test
here fails under the mutant named beside it.

The oracle is the case's own answers: the needs the practitioner chose, written out here."""

from __future__ import annotations

import pytest

from rules import evaluate
from tests.conftest import make_case

DV = "immediate.repeated_domestic_violence"  # p9's seventh criterion, which this tool reads one way (review 13 J1)
PERSISTENT = "protection.persistent_domestic_abuse"  # p17, cross-walked to it (p17 -> p9)


@pytest.mark.parametrize(
    "chosen, named",
    [
        ([DV], [DV]),  # chosen: the criterion itself
        ([PERSISTENT], [PERSISTENT]),  # met by the cross-walk: the p17 need that meets it, not the criterion unchosen
        ([DV, PERSISTENT], [DV, PERSISTENT]),  # both: the criterion, then the need that also meets it
        ([PERSISTENT, DV], [DV, PERSISTENT]),
    ],
)
def test_the_reading_names_the_needs_chosen_that_reach_the_criterion(chosen, named):
    """rules.facts.criterion_readings 17 (`i in ids` for `i not in ids`): the reading's reason named no need
    when the criterion was met by a cross-walk, and only the criterion beside it when both were chosen; the
    tests looked at the reading's words, never at whose answers it reads."""
    d = evaluate(make_case(chosen, age_years=10))
    [reading] = [r for r in d.reasons if r.rule == "immediate.reading"]
    assert reading.indicators == named
