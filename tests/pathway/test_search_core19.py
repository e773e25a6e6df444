"""p15-16's "Pregnant care-leavers where concerns exist about lifestyle and ability to provide suitable care (25yrs)"
leads only where the call says such a concern (search_synonyms.yaml `core`, declared there as this tool's reading).

Oracle: the row's own words in the document (p15-16): an Extensive need where concerns exist; a care leaver with none
said meets p13-14's "Parent previously looked after" at most. Calls written by hand, both directions.
"""

from __future__ import annotations

import pytest

from pathway.search import default_index

ROW = "extensive.pregnant_care_leavers"


def _ids(query: str, **age) -> list[str]:
    return [h.indicator.id for h in default_index().search(query, limit=3, **age)]


@pytest.mark.parametrize(
    "query",
    [
        "mum is 19 and left care last year",
        "mum is a care leaver",
        "mum was in care until she was 18",
        "the mother is a care leaver aged 20",
    ],
)
def test_a_care_leaver_with_no_concern_said_is_not_the_extensive_row(query):
    assert ROW not in _ids(query, unborn=True)


@pytest.mark.parametrize(
    "query",
    [
        "mum is a care leaver aged 22 and worries about her lifestyle",
        "mum is a pregnant care leaver who is struggling to cope",
        "pregnant care leaver, concerns about her lifestyle",
        "mum is a care leaver and is drinking",
        "care leaver, 19, pregnant, using cannabis daily",
    ],
)
def test_a_care_leaver_with_a_concern_said_leads_with_the_row(query):
    assert _ids(query, unborn=True)[0] == ROW


def test_a_born_childs_call_with_the_pregnancy_and_the_concern_still_leads():
    assert _ids("pregnant care leaver, concerns about her lifestyle", age_in_months=200)[0] == ROW


def test_the_row_is_declared_with_a_core():
    from pathway.search import load_synonyms

    core = load_synonyms()["core"][ROW]
    assert {"lifestyle", "concerns", "drinking"} <= set(core)
