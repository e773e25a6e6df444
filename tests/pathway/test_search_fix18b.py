"""Review 18's search findings N4, N5, N7 (fix18b): a concern a verb says has ended, a concern a finding disproves, and
a young child locked in a home read as trafficked.

Oracles: the document's rows, written here by hand; the held-out calls below were written by fix18b from the brief and
the document, not copied from the review's cases (docs/review18-rules-cases.yaml holds those):
- p9's criteria and the tables' rows (p11-17) are this child's needs now; history is named where meant ("History of",
  "previously"); p9's "has suffered ... significant harm" takes in the past in its own words;
- p17's "Fabricated or induced illness" and p9's under-1 substance criterion are present concerns: a finding that
  disproves them ("ruled out", "tested negative") denies them as "no" does; "not ruled out" does not;
- p9's "Left 'home alone' ... 5 years old and under" is the criterion "locked in the flat while mum goes to work" states;
  trafficking is movement, work or exploitation in its own words (p9, p17)."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms
from pathway.search_model import example_calls
from tests.pathway.p9_sight import p9_calls_lost
from tests.pathway.test_search_search17s import DV, HOME_ALONE, HOMELESS, SUBSTANCE

CAT = load_catalogue()
SYNONYMS = load_synonyms()


def _ids(q: str, age: int | None) -> list[str]:
    return [h.id for h in default_index().search(q, age_in_months=age, limit=KEPT_PLACES)]


def _height(i: str) -> int:
    return 5 if CAT.indicator(i).immediate else {"universal": 1, "additional": 2, "extensive": 3, "protection": 4}[i.split(".")[0]]


BULLYING = {"additional.experiencing_bullying"}
CUSTODY = {"extensive.placed_custody"}
INJURIES = {"immediate.unexplained_injuries"}
EATING = {"protection.endangers_life_through_self"}

# ---------------------------------------------------------------- N4: a verb of ending (held out)

# call -> (age in months, the rows that must not lead)
ENDED_BY_CALLS = {
    "the cyber bullying stopped when she came off facebook": (130, BULLYING),
    "the domestic abuse finished when mum moved out with the kids": (120, DV),
    "they were rehoused after being street homeless": (80, HOMELESS),
    "he got out of the yoi last month": (190, CUSTODY),
    "she came out of the young offenders in may": (160, CUSTODY),
}
ENDED_BY = [(q, age, rows) for q, (age, rows) in ENDED_BY_CALLS.items()]
# the same words with the concern now: the row stays first ("stopped" + what she does is a concern, not an ending)
STILL_NOW_CALLS = {
    "the bullying has not stopped": (130, BULLYING),
    "the cyber bullying stopped but started again this term": (130, BULLYING),
    "she has stopped eating and is fainting": (170, EATING),
    "the domestic abuse stopped but dad is hitting mum again": (120, DV | {"immediate.significant_harm"}),
}
STILL_NOW = [(q, age, rows) for q, (age, rows) in STILL_NOW_CALLS.items()]


@pytest.mark.parametrize("q, age, rows", ENDED_BY, ids=[c[0] for c in ENDED_BY])
def test_a_concern_a_verb_says_has_ended_does_not_lead(q, age, rows):
    found, before = _ids(q, age), _main_first(q, age)
    assert found and found[0] not in rows, found
    assert _height(found[0]) <= _height(before), (found, before)  # never a higher first result


@pytest.mark.parametrize("q, age, rows", STILL_NOW, ids=[c[0] for c in STILL_NOW])
def test_the_same_concern_now_keeps_first_place(q, age, rows):
    found = _ids(q, age)
    assert found[0] in rows, found


def test_past_significant_harm_keeps_first_place():  # p9's "has suffered" takes in the past (ended_by.kept)
    found = _ids("the abuse finished when he moved out", 100)
    assert found[0] == "immediate.significant_harm", found


def test_a_clause_before_a_change_moves_no_p9_row_up():  # "found a flat" is a change; the p9 "found" row stays second
    found = _ids("mum found a flat after being in a hostel for months", 70)
    assert not CAT.indicator(found[0]).immediate, found


# ---------------------------------------------------------------- N5: a finding that disproves (held out)

DISPROVED = [
    ("mums drug test came back negative", 8, SUBSTANCE),
    ("dad tested negative for cocaine", 5, SUBSTANCE),
    ("the doctors ruled out non accidental injury", 100, INJURIES),
    ("the school nurse has ruled out an eating disorder", 90, EATING),
]
NOT_DISPROVED = [
    ("doctors have not ruled out non accidental injury", 100, INJURIES),
    ("non accidental injury cannot be ruled out", 100, INJURIES),
    ("mum tested positive for cocaine", 8, SUBSTANCE),
    # the lead's call (review 17, 18): the caller's account is what p9's "inconsistent explanation" judges
    ("the injury has a consistent explanation, she fell down the stairs", 60, INJURIES),
]


@pytest.mark.parametrize("q, age, rows", DISPROVED, ids=[c[0] for c in DISPROVED])
def test_a_concern_a_finding_disproves_does_not_lead(q, age, rows):
    found = _ids(q, age)
    assert found and found[0] not in rows, found
    assert not CAT.indicator(found[0]).immediate, found  # no other ring-now in its place


@pytest.mark.parametrize("q, age, rows", NOT_DISPROVED, ids=[c[0] for c in NOT_DISPROVED])
def test_a_finding_not_made_keeps_the_row_first(q, age, rows):
    found = _ids(q, age)
    assert found[0] in rows, found


def test_a_disclosure_is_never_disproved_by_a_test():  # ended.kept: an allegation stays an allegation
    found = _ids("she told her teacher her uncle raped her but the medical came back clear", 150)
    assert CAT.indicator(found[0]).immediate, found


# ---------------------------------------------------------------- N7: a young child locked in a home


@pytest.mark.parametrize(
    "q, age",
    [
        ("2 year old kept locked in the flat when mum goes to work", 24),
        ("4 year old locked in the house while mum is at work", 48),
        ("5 year old locked indoors while mum goes to work", 60),
    ],
)
def test_a_young_child_locked_in_a_home_leads_with_home_alone(q, age):
    found = _ids(q, age)
    assert found[0] in HOME_ALONE, found


@pytest.mark.parametrize(
    "q, age",
    [
        ("vietnamese boy locked in a flat and made to work on a cannabis farm", 160),
        ("she was brought from abroad and is locked in the house and made to clean", 150),
    ],
)
def test_trafficking_in_its_own_words_keeps_first_place(q, age):
    found = _ids(q, age)
    assert found[0] in {"immediate.trafficking_victim", "protection.child_victim_trafficking"}, found


# ---------------------------------------------------------------- the data, and the labelled calls

_WITHOUT = None


def _without() -> SearchIndex:
    global _WITHOUT
    if _WITHOUT is None:
        nn = {k: v for k, v in SYNONYMS["not_now"].items() if k not in ("ended_by", "disproved")}
        _WITHOUT = SearchIndex(CAT, {**{k: v for k, v in SYNONYMS.items() if k != "locked_in"}, "not_now": nn}, example_calls())
    return _WITHOUT


def _main_first(q: str, age: int | None) -> str:
    return _without().search(q, age_in_months=age, limit=1)[0].id


BEFORE = ENDED_BY[:2] + DISPROVED[:2] + [("4 year old locked in the house while mum is at work", 48, {"immediate.trafficking_victim"})]


@pytest.mark.parametrize("q, age, rows", BEFORE, ids=[c[0] for c in BEFORE])
def test_without_the_readings_the_row_led(q, age, rows):  # the tests above can fail: the row led before
    assert _main_first(q, age) in rows


def test_the_readings_are_declared_and_checked():
    text = (__import__("pathlib").Path(__file__).parents[2] / "pathway/data/search_synonyms.yaml").read_text(encoding="utf-8")
    assert "Review 18 N4 (fix18b; this tool's reading" in text and "Review 18 N5 (fix18b; this tool's reading" in text
    assert "Review 18 N7 (fix18b; this tool's reading" in text
    for bad in (
        {"not_now": {**SYNONYMS["not_now"], "ended_by": {"kept": ["immediate.no_such_row"]}}},
        {"not_now": {**SYNONYMS["not_now"], "disproved": {"findings": "ruled out"}}},
        {"locked_in": {**SYNONYMS["locked_in"], "leads": ["extensive.family_child_homeless"]}},
        {"locked_in": {"later": []}},
    ):
        with pytest.raises(SearchDataError):
            SearchIndex(CAT, {**SYNONYMS, **bad})


def test_no_labelled_p9_call_loses_first_place_or_sight():
    assert p9_calls_lost(default_index(), _without()) == []
