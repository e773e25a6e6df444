"""p15-16's "Pregnant care-leavers where concerns exist about lifestyle and ability to provide suitable care (25yrs)"
leads only where the call says such a concern, and stays in sight where it does not (fix20c; the synonyms file's
`concern_to_lead`, declared there as this tool's reading; SearchIndex._concern_unsaid_below).

Oracles: the row's own words in the document (p15-16): an Extensive need where those concerns exist; a care leaver
with none said meets p13-14's "Parent previously looked after" at most, so the row is not preselected, but it stays
among the first three the call screen offers (search14b keeps it there for a care leaver's pregnancy); p9's criteria
and Protection's never gain the lead by it and every p9 row keeps its place (safety first). The calls are written
here by hand, both directions, not copied from any review's cases or the labelled calls."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.levels import Level
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms
from pathway.search_model import example_calls
from tests.pathway.p9_sight import p9_calls_lost
from tests.pathway.synonyms_comment import comment_above

CAT = load_catalogue()
SYNONYMS = load_synonyms()
ROW = "extensive.pregnant_care_leavers"
# the search before fix20c: without its reading
WITHOUT = SearchIndex(CAT, {k: v for k, v in SYNONYMS.items() if k != "concern_to_lead"}, example_calls())


def _ids(q: str, index: SearchIndex | None = None, **age) -> list[str]:
    return [h.id for h in (index or default_index()).search(q, limit=KEPT_PLACES, **age)]


def _high(i: str) -> bool:
    ind = CAT.indicator(i)
    return ind.immediate or ind.level is Level.PROTECTION


NO_CONCERN = [
    "mum is 19 and left care last year",
    "the mother is a care leaver aged 20",
    "mum is 18 and was in foster care till last year",
    "mum is a care leaver and lives in supported lodgings",
    "pregnant care leaver",
    "mum is a care leaver and is excited about the baby",
]


@pytest.mark.parametrize("q", NO_CONCERN)
def test_no_concern_said_the_row_is_not_first_but_still_offered(q):
    got, before = _ids(q, unborn=True), _ids(q, WITHOUT, unborn=True)
    assert before[0] == ROW, before  # the inflation: led, preselected
    assert got[0] != ROW and ROW in got, (got, before)
    assert not _high(got[0]), got  # neither p9 nor Protection gains the lead
    assert [i for i in got if i != ROW and i != got[0]] == [i for i in before if i != ROW and i != got[0]]  # the rest keep their places
    assert {i for i in before if CAT.indicator(i).immediate} == {i for i in got if CAT.indicator(i).immediate}
    assert all(got.index(i) == before.index(i) for i in before if CAT.indicator(i).immediate), (got, before)


@pytest.mark.parametrize(
    "q",
    [
        "mum left care last year and her lifestyle is a worry",
        "mum left care last year and has no home",
        "mum left care last year and can't cope",
        "mum is a care leaver and sofa surfing",
        "care leaver, her lifestyle is chaotic",
        "care leaver not able to provide suitable care",
        "mum is a care leaver, we're worried about her",
        "mum is 19, left care last year and is sofa surfing",
        "mum is a care leaver aged 22 and worries about her lifestyle",
    ],
)
def test_a_concern_said_the_row_leads_as_before(q):
    got, before = _ids(q, unborn=True), _ids(q, WITHOUT, unborn=True)
    assert got[0] == ROW, (got, before)
    # the same first three, but for fix20u's care leaver's swap ("left care" is read as "care leaver", whose concern
    # said puts this row above p13-14's "Parent previously looked after"); every p9 row in its place
    assert got == before or (set(got) == set(before) and before[:2] == ["additional.parent_previously_looked_after", ROW]), (got, before)
    assert [(k, i) for k, i in enumerate(got) if CAT.indicator(i).immediate] == [(k, i) for k, i in enumerate(before) if CAT.indicator(i).immediate]


def test_the_concern_word_alone_makes_the_difference():
    assert _ids("mum is 19 and left care last year", unborn=True)[0] != ROW
    assert _ids("mum is 19 and left care last year and her lifestyle worries us", unborn=True)[0] == ROW


def test_a_born_young_persons_pregnancy_keeps_the_row_in_the_first_three():  # search14b
    got = _ids("she is 19, left care last year and is now pregnant", age_in_months=228)
    assert got[0] != ROW and ROW in got, got


@pytest.mark.parametrize("q", ["mum is pregnant and happy about the new baby", "mum left care and is expecting her first baby"])
def test_where_only_p9_and_protection_rows_follow_nothing_moves(q):
    # fix20u closed what this step left: the first call leads with a Universal row (`unborn_calm`), the second with
    # p13-14's "Parent previously looked after" (`care_left`); fix20c's own step still moves neither
    without_both = SearchIndex(CAT, {k: v for k, v in SYNONYMS.items() if k not in ("concern_to_lead", "unborn_calm", "care_left")}, example_calls())
    only_fix20c = SearchIndex(CAT, {k: v for k, v in SYNONYMS.items() if k not in ("unborn_calm", "care_left")}, example_calls())
    assert _ids(q, only_fix20c, unborn=True) == _ids(q, without_both, unborn=True)
    got = _ids(q, unborn=True)
    assert not _high(got[0]) and got[0] != ROW, got  # neither p9 nor Protection leads, nor the row (fix20u)


def test_the_reading_is_declared_and_checked():
    said = comment_above("concern_to_lead")
    assert "this tool's reading" in said and "where concerns exist about lifestyle and ability to provide suitable care" in said
    assert {"lifestyle", "no home", "cope", "drinking", "suitable care"} <= set(SYNONYMS["concern_to_lead"][ROW])
    for bad in (
        {"immediate.unborn_significant_harm": ["drink"]},
        {"protection.pregnancy_where_there_have": ["drink"]},
        {"extensive.no_such_row": ["drink"]},
        {ROW: []},
        [ROW],
    ):
        with pytest.raises(SearchDataError, match="concern_to_lead"):
            SearchIndex(CAT, {**SYNONYMS, "concern_to_lead": bad})


def test_no_labelled_p9_call_loses_first_place_or_sight():
    assert p9_calls_lost(default_index(), WITHOUT) == []
