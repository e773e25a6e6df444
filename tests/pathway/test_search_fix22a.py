"""Review 22's search findings N1 and N3 (fix22a; the synonyms file's `above_universal` and `young_out_at_night`): a
Universal row preselected over a higher fact said in another clause, and a child of 5 or under out alone at night.

Oracles: the document's rows, written here by hand; the calls below were written by fix22a from the brief and the
document before the search was run on them (none copied from review 22's cases, which docs/review22-rules-cases.py runs):
- p11: Universal is "Child and family are doing well and there are no significant concerns"; a call that says a
  higher need is not a Universal call. p9: a referral "should be made ... without delay" where a criterion is met.
- p9 "Left 'home alone' and their age and vulnerability places them at risk, certainly all children 'home alone' aged
  5 years old and under should be referred": a child of 5 or under out unsupervised at night (this tool's reading).
- p13 "Poor school attendance / exclusion" is the opposite of p11 "Attends school": the words "attends school" say
  the strength, not its absence."""

from __future__ import annotations

import copy

import pytest

from pathway.catalogue import load_catalogue
from pathway.levels import Level
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms, normalise
from pathway.search_model import example_calls

CAT = load_catalogue()
SYNONYMS = load_synonyms()
# before fix22a; and without `young_minder` (fix33a, fix35c: a young child alone while the carer is away, a later reading
# that also leads with home alone for the street call: stop 53)
WITHOUT = SearchIndex(CAT, {k: v for k, v in SYNONYMS.items() if k not in ("above_universal", "young_out_at_night", "young_minder")}, example_calls())

P9 = {i.id for i in CAT.indicators if i.immediate}
UNIVERSAL = {i.id for i in CAT.indicators if i.level is Level.UNIVERSAL and not i.immediate}
UNEXPLAINED = "immediate.unexplained_injuries"
DISCLOSURE = "immediate.allegation_or_disclosure"
HARM = "immediate.significant_harm"
ALONE_5 = "immediate.home_alone_5_and_under"
ATTENDS = "universal.attends_school_sense_educational"
POOR_ATTENDANCE = "additional.poor_school_attendance_exclusion"
STREET_ROWS = {"protection.no_fixed_abode_homeless", "protection.victim_crime", "protection.unaccompanied_asylum_seeker", "extensive.family_child_homeless"}


def _ids(q: str, age: int | None, index: SearchIndex | None = None, limit: int = KEPT_PLACES) -> list[str]:
    return [h.id for h in (index or default_index()).search(q, age_in_months=age, limit=limit, finished=True)]


# ---------------------------------------------------------------- N1: strengths said beside a higher fact


@pytest.mark.parametrize(
    "q, age, p9",
    [
        ("she's doing really well at nursery, lovely and chatty, and she has a cigarette burn on her arm nobody can explain", 48, UNEXPLAINED),
        ("loves school and has lots of friends, and he told his teacher that his stepdad touched his private parts", 108, DISCLOSURE),
    ],
)
def test_a_p9_fact_said_after_strengths_leads(q, age, p9):
    assert _ids(q, age)[0] == p9


@pytest.mark.parametrize(
    "q, age",
    [
        ("attending school, doing well, happy, and has bruises on her arms that she says mum did", 108),
        ("good attendance, making progress, and he has a black eye he says his dad gave him", 120),
    ],
)
def test_no_universal_row_leads_where_a_p9_fact_is_said(q, age):
    before, after = _ids(q, age, WITHOUT), _ids(q, age)
    assert before[0] in UNIVERSAL  # the finding's class, on calls of our own
    assert after[0] in P9 and after[0] not in UNIVERSAL


def test_the_strengths_stay_offered_lower():
    """A Universal row may be offered lower: the list keeps it."""
    q = "attends school, happy, good friends, and she has burns on her hands she says mum did"
    ids = _ids(q, 120, limit=10)
    assert ids[0] in P9 and ATTENDS in ids


def test_a_universal_rows_opposite_is_not_offered_on_its_words():
    q = "attends school, happy, good friends, and she has burns on her hands she says mum did"
    assert POOR_ATTENDANCE not in _ids(q, 120)


@pytest.mark.parametrize(
    "q, age",
    [
        ("attends school every day and is happy", 120),
        ("meets all his milestones, immunisations up to date", 24),
        ("she's doing well at school and has a new boyfriend", 180),
    ],
)
def test_controls_a_call_of_strengths_alone_still_leads_with_a_universal_row(q, age):
    assert _ids(q, age)[0] in UNIVERSAL


def test_control_a_past_concern_in_its_own_clause_does_not_lead():
    """The clause alone keeps its own readings: "years ago" is not now (not_now), so no p9 row leads."""
    q = "dad hit her years ago, she's fine now and doing well at school"
    assert _ids(q, 120)[0] not in P9


def test_control_a_denied_concern_in_another_clause_does_not_lead():
    q = "no bruises or marks, attends school and is happy"
    assert _ids(q, 96)[0] not in P9


# ---------------------------------------------------------------- N3: 5 or under, out alone, at night


@pytest.mark.parametrize(
    "q, age",
    [
        ("the 4 year old was found in the road at 3am on his own", 48),
        ("the three year old was wandering in the street at 1am", None),  # the age in the words
        ("toddler was found outside alone at night", None),
        ("the 2 year old got out of the flat at 11.30pm and nobody noticed", 24),
    ],
)
def test_a_young_child_out_alone_at_night_leads_with_p9(q, age):
    ids = _ids(q, age)
    assert ids[0] in {ALONE_5, HARM}
    assert ALONE_5 in ids


def test_street_words_pull_no_homelessness_or_crime_row_into_the_first_three():
    q = "4 year old was out on the street on his own at 11pm"
    before, after = _ids(q, 48, WITHOUT), _ids(q, 48)
    assert before[0] in STREET_ROWS
    assert after[0] == ALONE_5 and not STREET_ROWS & set(after)


@pytest.mark.parametrize(
    "q, age",
    [
        ("the 3 year old was out with mum at 11pm", 36),  # a carer with the child
        ("the 4 year old was playing in the street on his own at 2pm", 48),  # the afternoon
        ("the 9 year old was out on the streets alone at midnight", 108),  # over 5
        ("the 10 year old was found in the street at 2am", None),  # over 5, in the words
    ],
)
def test_controls_the_reading_needs_its_age_its_night_and_no_carer(q, age):
    assert _ids(q, age) == _ids(q, age, WITHOUT)


def test_night_is_read_from_the_clock():
    index = default_index()
    for said, night in [
        ("at 2am", True),
        ("at 11 pm", True),
        ("at 11.30pm", True),
        ("at 12am", True),
        ("at 2pm", False),
        ("at 7am", False),
        ("at 10 at night", True),
    ]:
        assert index._night_said(normalise(said).split()) is night, said


# ---------------------------------------------------------------- the tables


def test_the_tables_refuse_a_p9_opposite_or_a_lead_that_is_no_p9_row():
    bad = copy.deepcopy(SYNONYMS)
    bad["above_universal"]["opposites"][ATTENDS] = [HARM]
    with pytest.raises(SearchDataError, match="no immediate criterion"):
        SearchIndex(CAT, bad, example_calls())
    bad = copy.deepcopy(SYNONYMS)
    bad["young_out_at_night"]["leads"] = "protection.victim_crime"
    with pytest.raises(SearchDataError, match="must be an immediate criterion"):
        SearchIndex(CAT, bad, example_calls())
    bad = copy.deepcopy(SYNONYMS)
    del bad["young_out_at_night"]["night"]
    with pytest.raises(SearchDataError, match="young_out_at_night must map"):
        SearchIndex(CAT, bad, example_calls())
