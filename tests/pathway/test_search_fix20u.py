"""An unborn baby's call that says no concern preselects no row kept for a concern, and "left care" is a care leaver
(fix20u; the synonyms file's `unborn_calm` and `care_left`, declared there as this tool's readings;
SearchIndex._unborn_calm_first, _care_left, _care_leaver_first).

Oracles: the rows' own words in the document. p9's "Where there are serious concerns regarding the risk of significant
harm to an unborn baby", Protection's "Pregnancy where there have been previous child protection concerns", p15-16's
"Pregnant care-leavers where concerns exist about lifestyle and ability to provide suitable care" and p13-14's "Poor
maternal health - not accessing ante or post natal health care" each name a concern; a call that says only an ordinary
pregnancy says none of them, so none of them is first (preselected), while p9's row stays among the first three
wherever it was there (safety first). A call that says the concern still leads with p9's row. p13-14's "Parent
previously looked after by Local Authority" is what "left care" says; p9's "Left 'home alone'" and p13-14's "Loss of
significant adult" are not. The calls are written here by hand, both directions, not copied from any review's cases
or the labelled calls."""

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
UNBORN_P9 = "immediate.unborn_significant_harm"
LOOKED_AFTER = "additional.parent_previously_looked_after"
CARE_LEAVERS = "extensive.pregnant_care_leavers"
HOME_ALONE = {"immediate.home_alone_at_risk", "immediate.home_alone_5_and_under"}
LOSS = "additional.loss_significant_adult"
# the search without fix20u's readings
WITHOUT = SearchIndex(CAT, {k: v for k, v in SYNONYMS.items() if k not in ("unborn_calm", "care_left")}, example_calls())


def _ids(q: str, index: SearchIndex | None = None, limit: int = KEPT_PLACES, **age) -> list[str]:
    return [h.id for h in (index or default_index()).search(q, limit=limit, **age)]


def _level(i: str) -> Level:
    return CAT.indicator(i).level


CALM = [
    "mum is pregnant and happy about the new baby",
    "first baby, attending scans and midwife appointments",
    "planned pregnancy, parents excited",
    "expecting twins in the summer and the family are delighted",
    "mum is pregnant and going to all her antenatal classes",
    "a wanted baby, due in march, mum is healthy",
]


@pytest.mark.parametrize("q", CALM)
def test_an_ordinary_pregnancy_leads_with_a_universal_row_and_keeps_p9_in_sight(q):
    got, before = _ids(q, unborn=True), _ids(q, WITHOUT, unborn=True)
    assert _level(got[0]) is Level.UNIVERSAL, (got, before)
    high = [i for i in before if CAT.indicator(i).immediate or _level(i) is Level.PROTECTION]
    assert all(i in got for i in high), (got, before)  # p9 and Protection stay in sight (search11 keeps what it moves in sight)


def test_the_first_call_led_with_a_concern_row_before():  # the inflation, as found
    q = CALM[0]
    before = _ids(q, WITHOUT, unborn=True)
    assert _level(before[0]) is not Level.UNIVERSAL and _level(before[0]) is not Level.ADDITIONAL, before


@pytest.mark.parametrize(
    "q",
    [
        "mum is pregnant and worried about the baby's safety",
        "dad was violent in her last pregnancy",
        "pregnant, previous children removed",
        "mum is pregnant and not going to her scans",
        "pregnant and happy but still drinking every day",
        "mum is expecting and the baby's dad is a sex offender",
        "she is pregnant and 30 weeks, no midwife",
    ],
)
def test_a_concern_said_moves_nothing(q):
    got, before = _ids(q, unborn=True), _ids(q, WITHOUT, unborn=True)
    assert got == before
    assert _level(got[0]) is not Level.UNIVERSAL


@pytest.mark.parametrize("q", ["worried about the unborn baby's safety", "dad was violent to her in her last pregnancy"])
def test_p9s_unborn_row_leads_where_its_concern_is_said(q):
    assert _ids(q, unborn=True)[0] == UNBORN_P9


@pytest.mark.parametrize("q, age", [(CALM[0], 6), (CALM[2], 24)])
def test_a_born_childs_call_is_read_as_before(q, age):
    assert _ids(q, age_in_months=age) == _ids(q, WITHOUT, age_in_months=age)


@pytest.mark.parametrize(
    "q, age",
    [
        ("mum is 19 and left care last year", {"age_in_months": 6}),
        ("mum is 19 and left care last year", {}),
        ("mum left care and is expecting her first baby", {"unborn": True}),
        ("mum left care and is expecting her first baby", {"age_in_months": 6}),
        ("dad left care at 18 and lives with us", {"age_in_months": 30}),
        ("mum left foster care two years ago", {"age_in_months": 14}),
    ],
)
def test_left_care_is_a_care_leaver_not_home_alone_nor_a_loss(q, age):
    got, before = _ids(q, **age), _ids(q, WITHOUT, **age)
    assert got[0] == LOOKED_AFTER, (got, before)
    assert not HOME_ALONE & set(got) and LOSS not in got, (got, before)


def test_left_care_read_as_before_found_home_alone_or_a_loss():  # the fault, as found
    before = _ids("mum is 19 and left care last year", WITHOUT)
    assert before[0] == LOSS and HOME_ALONE & set(before), before


@pytest.mark.parametrize("q", ["mum grew up in care", "dad was in care as a child", "mum is a care leaver", "mum was in care herself"])
def test_other_care_leavers_phrasings_find_the_row_not_home_alone(q):
    got = _ids(q, age_in_months=20)
    assert got[0] == LOOKED_AFTER and not HOME_ALONE & set(got) and LOSS not in got, got


@pytest.mark.parametrize(
    "q, age, home_alone",
    [
        ("mum left him home alone", 40, "immediate.home_alone_5_and_under"),
        ("the toddler was left on his own all night", 30, "immediate.home_alone_5_and_under"),
        ("she left the kids unsupervised and went out", 50, "immediate.home_alone_5_and_under"),
    ],
)
def test_left_alone_is_still_home_alone(q, age, home_alone):
    got = _ids(q, age_in_months=age)
    assert got[0] == home_alone and got == _ids(q, WITHOUT, age_in_months=age), got


@pytest.mark.parametrize("q", ["mum left care last year and has no home", "mum is a care leaver and has no home", "mum left care last year and can't cope"])
def test_a_care_leavers_pregnancy_with_its_concern_said_leads_with_the_extensive_row(q):
    got = _ids(q, unborn=True)
    assert got[0] == CARE_LEAVERS and LOOKED_AFTER in got, got


def test_the_readings_are_declared_and_checked():
    for key in ("unborn_calm", "care_left"):
        said = comment_above(key)
        assert "this tool's reading" in said and "fix20u" in said, key
    assert SYNONYMS["unborn_calm"]["leads"] == "universal.family_accessing_universal_services"
    assert SYNONYMS["care_left"]["row"] == LOOKED_AFTER and "left care" in SYNONYMS["care_left"]["phrases"]
    for key, bad in (
        ("unborn_calm", {"words": ["happy"], "leads": UNBORN_P9}),
        ("unborn_calm", {"words": ["happy"], "leads": "additional.poor_maternal_health_not"}),
        ("unborn_calm", {"words": ["new baby"], "leads": "universal.family_accessing_universal_services"}),
        ("unborn_calm", {"words": [], "leads": "universal.family_accessing_universal_services"}),
        ("care_left", {"phrases": ["left care"], "read_as": "care leaver", "row": "protection.pregnancy_where_there_have"}),
        ("care_left", {"phrases": ["left care"], "read_as": "care leaver", "row": "additional.no_such_row"}),
        ("care_left", {"phrases": [], "read_as": "care leaver", "row": LOOKED_AFTER}),
        ("care_left", ["left care"]),
    ):
        with pytest.raises(SearchDataError, match=key):
            SearchIndex(CAT, {**SYNONYMS, key: bad})


def test_no_labelled_p9_call_loses_first_place_or_sight():
    assert p9_calls_lost(default_index(), WITHOUT) == []
