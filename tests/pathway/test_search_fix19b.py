"""Review 19's search findings N2, N3, N6, N7 (fix19b): "never" + a verb as a denial, an ordinary amount of drinking,
past frames, findings that disprove.

Oracles: the document's rows, written here by hand; the held-out calls below were written by fix19b from the brief and
the document, not copied from the review's cases (docs/review19-rules-cases.yaml holds those):
- p9's criteria and the tables' rows (p11-17) are this child's needs now; "never" + the row's event denies it;
  "never" + a care act ("never fed", "never takes him to the doctor") is the neglect the rows name;
- p9 "Under 1 year old where the parents/carers have SIGNIFICANT substance use issues": an ordinary amount is not
  significant (p14's "Substance misuse may impact..." is the row below); drunk, daily, bottles or failing care are;
- a finding that re-identifies a mark as no injury, or finds an allegation unfounded, leaves no present concern; a
  withdrawn allegation may still be one (children retract), and "turned out to be a burn" is an injury."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms
from pathway.search_model import example_calls

CAT = load_catalogue()
SYNONYMS = load_synonyms()
HOME_ALONE = {"immediate.home_alone_5_and_under", "immediate.home_alone_at_risk"}
SUBSTANCE_P9 = "immediate.substance_use_under_1"
SUBSTANCE_BELOW = "additional.substance_misuse_impact_ability"
ALLEGATION = "immediate.allegation_or_disclosure"
BRUISING = {"immediate.unexplained_bruising_under_2", "immediate.unexplained_injuries"}


def _ids(q: str, age: int | None = None, unborn: bool = False) -> list[str]:
    return [h.id for h in default_index().search(q, age_in_months=age, unborn=unborn, limit=KEPT_PLACES)]


# ---------------------------------------------------------------- N2: "never" + a verb (held out)
NEVER_DENIED = [
    ("he is never left by himself in the flat", 40),
    ("the twins have never been left alone at home", 30),
    ("she has never once been left on her own in the house", 50),
    ("mum says the toddler is never left on his own, nan is always there", 26),
]


@pytest.mark.parametrize("q,age", NEVER_DENIED)
def test_never_with_the_rows_verb_denies_home_alone(q: str, age: int) -> None:
    got = _ids(q, age)
    assert got and got[0] not in HOME_ALONE, (q, got)


NEVER_CONCERN = [
    (
        "the baby is never fed properly",
        8,
        {"universal.parent_carers_provide_children", "additional.concerns_about_diet_poor", "extensive.presents_being_neglected_persistent"},
    ),
    ("he is left home alone and mum never checks on him", 48, HOME_ALONE),
    ("she is regularly left on her own, mum never comes home till late", 48, HOME_ALONE),
]


@pytest.mark.parametrize("q,age,rows", NEVER_CONCERN)
def test_never_as_a_frequency_of_care_or_beside_the_concern_keeps_it(q: str, age: int, rows: set[str]) -> None:
    got = _ids(q, age)
    assert rows & set(got), (q, got)


# ---------------------------------------------------------------- N3: an ordinary amount (held out)
ORDINARY = [
    ("dad has a can of lager on a saturday", 5),
    ("mum has the odd glass of prosecco at weekends", 9),
    ("her dad drinks a pint occasionally", 3),
    ("mum and dad have a couple of glasses of wine at christmas", 7),
]


@pytest.mark.parametrize("q,age", ORDINARY)
def test_an_ordinary_amount_does_not_lead_with_significant_use_but_keeps_it_in_sight(q: str, age: int) -> None:
    got = _ids(q, age)
    assert not got or got[0] != SUBSTANCE_P9, (q, got)
    if SUBSTANCE_P9 in _ids_unread(q, age):
        assert SUBSTANCE_P9 in got, (q, got)  # still offered: the practitioner judges


SIGNIFICANT = [
    ("mum drinks a bottle of wine every night", 6),
    ("dad has a couple of cans and then he is drunk and cannot look after the baby", 4),
    ("mum drinks a glass of vodka every day from the morning", 8),
    ("dad has one beer at the weekend and takes cocaine", 5),
]


@pytest.mark.parametrize("q,age", SIGNIFICANT)
def test_a_significant_amount_keeps_p9_first(q: str, age: int) -> None:
    got = _ids(q, age)
    if SUBSTANCE_P9 in _ids_unread(q, age)[:1]:
        assert got[0] == SUBSTANCE_P9, (q, got)
    assert SUBSTANCE_P9 in got, (q, got)


def _ids_unread(q: str, age: int | None) -> list[str]:
    """The first three without `overruled` (the oracle's before: what the reading may move)."""
    return [h.id for h in _plain_index().search(q, age_in_months=age, limit=KEPT_PLACES)]


_PLAIN: list[SearchIndex] = []


def _plain_index() -> SearchIndex:
    if not _PLAIN:
        _PLAIN.append(SearchIndex(CAT, {k: v for k, v in SYNONYMS.items() if k != "overruled"}, example_calls()))
    return _PLAIN[0]


# ---------------------------------------------------------------- N6: past frames (held out)
PAST = [
    pytest.param(
        "the bullying at her old school is a thing of the past",
        150,
        {"additional.experiencing_bullying"},
        marks=pytest.mark.xfail(strict=True, reason="left: the mark's reach (ENDED_REACH + 2 back) stops short of 'bullying'"),
    ),
    ("his time in the gang is all in the past now", 200, {"extensive.involved_gang_culture"}),
    pytest.param(
        "they were living in a hostel in 2021 but are now settled in a housing association house",
        40,
        {"extensive.family_child_homeless"},
        marks=pytest.mark.xfail(strict=True, reason="left: the present clause's housing words match the homeless row too"),
    ),
]


@pytest.mark.parametrize("q,age,rows", PAST)
def test_a_past_frame_does_not_lead(q: str, age: int, rows: set[str]) -> None:
    got = _ids(q, age)
    assert got[0] not in rows, (q, got)


PRESENT = [
    ("she was bullied in the past week and is scared to go in", 150, {"additional.experiencing_bullying", "extensive.escalating_victimisation_harassment"}),
    ("the gang stuff was in the past but he is back with them again", 200, {"extensive.involved_gang_culture"}),
    (
        "dad hit her last year but now he is back living with them",
        100,
        {"immediate.significant_harm", "immediate.repeated_domestic_violence", "immediate.contact_with_adults_risk", "immediate.adults_who_pose_risk"},
    ),
]


@pytest.mark.parametrize("q,age,rows", PRESENT)
def test_a_concern_now_is_not_read_as_past(q: str, age: int, rows: set[str]) -> None:
    assert _ids(q, age) == _ids_unread(q, age), q


# ---------------------------------------------------------------- N7: findings that disprove (held out)
DISPROVED = [
    ("the marks on his leg turned out to be pen, not bruises", 14, BRUISING),
    ("the allegation against her uncle was unsubstantiated", 130, {ALLEGATION}),
    ("police said the allegations about dad were malicious", 100, {ALLEGATION}),
]


@pytest.mark.parametrize("q,age,rows", DISPROVED)
def test_a_disproving_finding_does_not_lead(q: str, age: int, rows: set[str]) -> None:
    got = _ids(q, age)
    assert got[0] not in rows, (q, got)


KEPT = [
    ("the mark on the baby turned out to be a cigarette burn", 10),
    ("she has withdrawn the allegation against her stepdad", 130),
    ("the bruise was actually a fracture", 12),
    ("the allegation was not unfounded", 120),
]


@pytest.mark.parametrize("q,age", KEPT)
def test_a_finding_that_keeps_or_worsens_the_concern_moves_nothing(q: str, age: int) -> None:
    assert _ids(q, age) == _ids_unread(q, age), q


def test_the_file_refuses_a_lead_at_p9() -> None:
    bad = dict(SYNONYMS, overruled={**SYNONYMS["overruled"], "ordinary": {**SYNONYMS["overruled"]["ordinary"], "leads": SUBSTANCE_P9}})
    with pytest.raises(SearchDataError):
        SearchIndex(CAT, bad, example_calls())
