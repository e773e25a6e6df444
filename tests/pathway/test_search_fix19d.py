"""Review 19's search findings N5, N10 and N11 (fix19d): a carer's own threat of suicide or self harm is the carer's;
an unborn baby's mother is pregnant; a child under 13 who is pregnant has had sexual activity under 13.

Oracles: the document's rows, written here by hand; the calls below were written by fix19d from the brief and the
document, not copied from review 19's cases (never training data):
- p15 "Behaviour puts own life at risk - self harming / suicide attempts" and p17 "Endangers own life through self
  harm" are the child's own acts; a carer's mental health is p13-14 "Mental / physical health needs may affect
  ability to provide basic care" or p15-16 "Mental or physical health problems ... that severely impacts on ability
  to provide appropriate care";
- p15-16 "Pregnant care-leavers where concerns exist about lifestyle ... (25yrs)" is a pregnant mother's: for an
  unborn baby the mother is pregnant, whatever the words say;
- p17 "Sexual activity under 13": a child under 13 who is pregnant has had it (p15-16 "Pregnant under 16" and p13-14
  "Pregnant under 17" are true too, but the younger row is the one the age states);
- p9's criteria, where the search had one in its first three, stay there (safety first)."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms
from pathway.search_model import example_calls
from tests.pathway.p9_sight import p9_calls_lost
from tests.pathway.synonyms_comment import comment_above

CAT = load_catalogue()
SYNONYMS = load_synonyms()
MINE = ("carer_threat", "offered_unborn", "pregnant_young")
# the search before fix19d: without its three readings
WITHOUT = SearchIndex(CAT, {k: v for k, v in SYNONYMS.items() if k not in MINE}, example_calls())

CARERS = ["extensive.mental_physical_health_problems", "additional.mental_physical_health_needs"]
SELF_HARM = {"extensive.behaviour_puts_life_risk", "protection.endangers_life_through_self"}


def _ids(q: str, age: int | None = None, limit: int = KEPT_PLACES, index: SearchIndex | None = None, unborn: bool = False) -> list[str]:
    return [h.id for h in (index or default_index()).search(q, age_in_months=age, unborn=unborn, limit=limit)]


def _p9(ids: list[str]) -> set[str]:
    return {i for i in ids if CAT.indicator(i).immediate}


# ---------------------------------------------------------------- N5: a carer's own threat, the carer's for certain

CERTAIN = [
    ("dad has threatened to take his own life", 84),
    ("grandad who looks after her says he is going to end it all", 72),
    ("foster carer said she would kill herself if the kids were moved", 110),
    ("mum says she will overdose if the baby is taken off her", 3),
    ("stepmum is threatening to hang herself", 130),
    ("her mum told the school she will kill herself if the children are taken", 100),
]


@pytest.mark.parametrize("q,age", CERTAIN)
def test_a_carers_threat_offers_the_carers_rows_and_not_the_childs(q, age):
    got, before = _ids(q, age), _ids(q, age, index=WITHOUT)
    assert set(CARERS) & set(got), (got, before)
    assert not SELF_HARM & set(got), (got, before)
    assert _p9(before) <= set(got), (got, before)  # no p9 row the search offered leaves the first three


# ---------------------------------------------------------------- reported with no child named: either's
AMBIGUOUS = [("dad keeps telling me he is going to kill himself", 96), ("mum said she wants to end her life", 120)]


@pytest.mark.parametrize("q,age", AMBIGUOUS)
def test_a_reported_threat_with_no_child_named_leads_with_a_carers_row_and_keeps_the_childs(q, age):
    got, before = _ids(q, age), _ids(q, age, index=WITHOUT)
    assert got[0] in CARERS or CAT.indicator(got[0]).immediate, (got, before)
    assert set(CARERS) & set(got)
    assert SELF_HARM & set(before) <= set(got), (got, before)
    assert _p9(before) <= set(got), (got, before)


# ---------------------------------------------------------------- the child's own threat: the child's row kept
CHILDS = [
    ("she keeps saying she is going to kill herself", 168),
    ("mum says he is going to kill himself", 132),
    ("he told his mum he wants to end it all", 180),
    ("mum says she has been cutting herself", 150),
    ("mum says she will kill herself and her son self harms too", 150),
]


@pytest.mark.parametrize("q,age", CHILDS)
def test_the_childs_own_threat_keeps_the_childs_row(q, age):
    got = _ids(q, age)
    assert SELF_HARM & set(got), got
    assert got == _ids(q, age, index=WITHOUT)


# ---------------------------------------------------------------- not read: a threat to the child, a denial, no act
UNREAD = [
    ("dad says he will kill himself and the kids", 60),
    ("mum is suicidal and keeps saying she will run off and take the children with her", 84),
    ("mum has never threatened to kill herself", 120),
    ("mum wants to end it with dad", 120),
    ("dad is going to die, he has cancer", 120),
]


@pytest.mark.parametrize("q,age", UNREAD)
def test_not_read_where_the_threat_takes_a_child_is_denied_or_is_no_act(q, age):
    assert _ids(q, age, limit=10) == _ids(q, age, limit=10, index=WITHOUT)


@pytest.mark.parametrize(
    "q,age",
    [
        ("mum injects heroin and says she will kill herself if they take the kids", 60),  # p17's chronic substance misuse
        ("mum says she will kill herself if the kids are taken because her partner is a registered sex offender", 60),  # p9
    ],
)
def test_a_row_the_call_states_beside_the_threat_stays_first(q, age):
    got, before = _ids(q, age), _ids(q, age, index=WITHOUT)
    assert before[0] not in SELF_HARM
    assert got[0] == before[0], (got, before)
    assert _p9(before) <= set(got), (got, before)


def test_the_reading_is_declared_and_checked():
    said = comment_above("carer_threat")
    assert "this tool's reading" in said and "review 19 N5" in said and "p15-16" in said
    bad = {**SYNONYMS, "carer_threat": {**SYNONYMS["carer_threat"], "offers": ["immediate.significant_harm"]}}
    with pytest.raises(SearchDataError):
        SearchIndex(CAT, bad)
    with pytest.raises(SearchDataError):
        SearchIndex(CAT, {**SYNONYMS, "carer_threat": {**SYNONYMS["carer_threat"], "reach": 0}})


# ---------------------------------------------------------------- N10: the unborn answer says the mother is pregnant
LEAVER = "extensive.pregnant_care_leavers"


@pytest.mark.parametrize(
    "q",
    [
        "mum left care two years ago and her lifestyle is a worry",
        "the mother is a care leaver aged 21 and her lifestyle is chaotic",
        "mum is a care leaver, 20, lifestyle concerns",
    ],
)
def test_for_an_unborn_baby_a_care_leaver_mothers_row_is_offered_without_a_pregnancy_word(q):
    assert LEAVER in _ids(q, unborn=True), _ids(q, unborn=True, index=WITHOUT)


@pytest.mark.parametrize(
    "q,age", [("mum is a care leaver aged 22 and worries about her lifestyle", 30), ("dad left care at 18 and his lifestyle is chaotic", 96)]
)
def test_for_a_born_child_the_row_still_needs_a_pregnancy_word(q, age):
    assert LEAVER not in _ids(q, age, limit=10)


# ---------------------------------------------------------------- N11: pregnant under 13
SEXUAL_13 = "protection.sexual_activity_under_13"
PREGNANT_ROWS = {"extensive.pregnant_under_16", "additional.pregnant_under_17"}


@pytest.mark.parametrize(
    "q,age",
    [
        ("my daughter is pregnant", 146),
        ("the school think she may be pregnant", 138),
        ("she is 11 and pregnant", None),
        ("aged 12, pregnant by an older boy", None),
        ("pregnant 12yo", None),
    ],
)
def test_under_13_and_pregnant_puts_sexual_activity_under_13_above_the_pregnancy_rows(q, age):
    got = _ids(q, age, limit=10)
    first = min(got.index(n) for n in PREGNANT_ROWS if n in got)
    assert got.index(SEXUAL_13) < first, got
    before = _ids(q, age, index=WITHOUT)
    assert _p9(before) <= set(_ids(q, age)), (got, before)


@pytest.mark.parametrize(
    "q,age",
    [
        ("my daughter is pregnant", 160),  # 13 and over: the document's own age line
        ("she is 14 and pregnant", None),
        ("mum is pregnant with twins", 120),  # a carer's pregnancy
        ("her older sister is pregnant", 130),  # another child's
        ("she is not pregnant", 140),  # denied
    ],
)
def test_from_13_or_another_persons_or_a_denied_pregnancy_moves_nothing(q, age):
    assert _ids(q, age, limit=10) == _ids(q, age, limit=10, index=WITHOUT)


@pytest.mark.parametrize("q,age", [("she is 12 and pregnant and has bruises nobody can explain", 150), ("my daughter is pregnant and dad hits her", 146)])
def test_never_above_a_p9_row_that_was_above_and_p9_keeps_its_sight(q, age):
    got, before = _ids(q, age, limit=10), _ids(q, age, limit=10, index=WITHOUT)
    above = before[: min(before.index(n) for n in PREGNANT_ROWS if n in before)]
    assert got[: len(above)] == above, (got, before)
    assert got.index(SEXUAL_13) == len(above), (got, before)
    assert _p9(before[:KEPT_PLACES]) <= set(got[:KEPT_PLACES]), (got, before)


def test_the_n10_n11_readings_are_declared_and_checked():
    for key, finding in (("offered_unborn", "review 19 N10"), ("pregnant_young", "review 19 N11")):
        said = comment_above(key)
        assert "this tool's reading" in said and finding in said, key
    with pytest.raises(SearchDataError):
        SearchIndex(CAT, {**SYNONYMS, "offered_unborn": ["extensive.pregnant_under_16"]})  # not an offered_with row
    with pytest.raises(SearchDataError):
        SearchIndex(CAT, {**SYNONYMS, "pregnant_young": {**SYNONYMS["pregnant_young"], "leads": "immediate.significant_harm"}})
    with pytest.raises(SearchDataError):
        SearchIndex(CAT, {**SYNONYMS, "pregnant_young": {**SYNONYMS["pregnant_young"], "under": 0}})


def test_no_labelled_p9_call_loses_first_place_or_sight():
    assert p9_calls_lost(default_index(), WITHOUT) == []
