"""Gaps mut14's mutation run of search13's core rule (SearchIndex._core_first) found (docs/safety/mutation.md,
"Review 13's code"): each test fails under the mutant named beside it. The first result is preselected on the
call screen; an immediate criterion (p9) the call states is the one to lead."""

from __future__ import annotations

import pytest

from pathway.search import KEPT_PLACES, search

DV = "immediate.repeated_domestic_violence"
HARM = "immediate.significant_harm"  # the criterion a parent's psychosis joined to the child leads with (synonyms `joined`)


def _ids(q: str) -> list[str]:
    return [h.id for h in search(q, age_in_months=96, limit=KEPT_PLACES)]


@pytest.mark.parametrize("q", ["mum is psychotic and drinks and believes the baby is evil", "dad drinks and is psychotic and believes the kids are evil"])
def test_a_parents_psychosis_joined_to_the_child_leads_when_the_domestic_violence_row_gives_way(q):
    """_core_first 20, 24 (the joined criterion never, or only when its own core is unsaid, taken as the lead):
    the domestic-violence row, first with no violence said, gave first place to the parent's mental health
    (Extensive) instead of the p9 criterion the psychosis joined to the child states."""
    assert _ids(q)[0] == HARM


def test_a_core_word_still_being_typed_keeps_the_domestic_violence_row_first():
    """_core_first 11 (`typing` not passed on to _says_core): "dad is viol" as it is typed said no violence,
    and the row gave way to the parent's mental health while the practitioner typed it."""
    assert _ids("mum drinks and has mental health problems and dad is viol")[0] == DV


def test_a_call_that_finds_nothing_finds_nothing():
    """_core_first 1 (`not ranked and ...`): with no result it read the first of none."""
    assert _ids("zzzq qqxz") == []
