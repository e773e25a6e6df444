"""Three more members of review 22's inflation classes (fix22u): what an everyday word does not say.

Oracles: the document's rows, written here by hand; the calls were written by fix22u from its brief and the document:
- p17 "Frozen watchfulness", p15 "Children who go missing" and p17 "Inappropriate sexual behaviour" each need their own
  fact: a young child up late watching telly with a carer says none of them; it is p14's "Lack of routine" or
  "Inconsistent boundaries offered";
- p9 "Left home alone and their age and vulnerability places them at risk" needs the child left home alone: a minute in
  the garden while mum gets the washing is not (p9's "all children home alone aged 5 years old and under" stays in
  sight, never under-called, but does not lead); p15 "History of concerns around offending" needs an offence;
- p17 "Experiences persistent discrimination due to race, sexuality, gender, culture" needs one of them: "I hate my
  brother" names none.
The first two are `unsaid_facts` readings, the third a `named_rows` reading (read last, after `reported_words`).
Each reading is tested both ways: the row leaves its place (and held it before fix22u: the test can fail), and a
control where the words give the fact keeps it."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import load_synonyms
from tests.pathway.readings import Without

CAT = load_catalogue()
READINGS = {"screen_at_home", "moment_at_hand"}
# before fix22u (and without fix39a_watching, stop 55, which moves "Frozen watchfulness" for the same calls: the oracle
# is the search without both)
BEFORE = Without(unsaid_facts=READINGS, named_rows=["hates", "fix39a_watching"])

FROZEN = "protection.frozen_watchfulness"
MISSING = "extensive.children_who_go_missing"
SEXUAL = "protection.inappropriate_sexual_behaviour"
ROUTINE = "additional.lack_routine"
BOUNDARIES = "additional.inconsistent_boundaries_offered"
ALONE = "immediate.home_alone_at_risk"
ALONE_5 = "immediate.home_alone_5_and_under"
OFFENDING = "extensive.history_concerns_around_offending"
PROTECTS = "universal.parent_carers_provide_children"
DISCRIMINATION = "protection.experiences_persistent_discrimination_due"
P9 = {i.id for i in CAT.indicators if i.immediate}


def _ids(q: str, age: int) -> list[str]:
    return BEFORE.ids(q, age)


def test_the_readings_are_declared() -> None:
    specs = {r["name"]: r for r in load_synonyms()["unsaid_facts"]["readings"]}
    assert READINGS <= set(specs)
    assert not {n for r in READINGS for n in specs[r]["offers"]} & P9  # a reading offers no ring-now row
    named = {r["name"]: r for r in load_synonyms()["named_rows"]["readings"]}
    assert named["hates"]["rows"] == [DISCRIMINATION]
    assert list(named).index("hates") > list(named).index("reported_words")  # "said" moving the allegation line first


@pytest.mark.parametrize(
    "q, age, row",
    [
        ("the 3 year old stays up till 10pm watching telly with mum", 36, FROZEN),
        ("the 3 year old stays up till 10pm watching telly with mum", 36, MISSING),
        ("he stays up watching telly with his dad every night", 48, FROZEN),
        ("she is up late watching tv with her mum", 30, FROZEN),
        ("she is up late watching tv with her mum", 30, SEXUAL),
        ("watches tv till midnight", 72, MISSING),
        ("the 2 year old watches telly in bed till 11", 24, MISSING),
        ("the 4 year old was in the garden alone for a minute while mum got the washing", 48, OFFENDING),
        ("the 4 year old was in the garden alone for a minute while mum got the washing", 48, ALONE),
        ("she said 'I hate my brother'", 108, DISCRIMINATION),
        ("he said i hate school", 120, DISCRIMINATION),
    ],
)
def test_an_everyday_word_no_longer_brings_a_row_it_does_not_name(q: str, age: int, row: str) -> None:
    BEFORE.gone(q, age, row)  # offered before fix22u


def test_up_late_watching_telly_is_routine_and_boundaries() -> None:
    assert _ids("the 3 year old stays up till 10pm watching telly with mum", 36)[:2] == [ROUTINE, BOUNDARIES]


def test_a_minute_in_the_garden_with_mum_at_hand_keeps_the_under_5_row_in_sight_not_first() -> None:
    q = "the 4 year old was in the garden alone for a minute while mum got the washing"
    got = BEFORE.no_longer_first(q, 48, {OFFENDING})  # first before fix22u
    assert got[0] not in P9
    assert got[0] == PROTECTS
    assert ALONE_5 in got  # never under-called: p9's 5 and under stays in the first three


def test_i_hate_my_brother_leads_with_no_discrimination() -> None:
    BEFORE.no_longer_first("she said 'I hate my brother'", 108, {DISCRIMINATION})  # first before fix22u


@pytest.mark.parametrize(
    "q, age, row, leads",
    [
        ("left home alone till 10pm", 36, ALONE_5, True),
        ("the 4 year old was found alone in the street", 48, ALONE_5, True),
        ("the 4 year old was left alone for a minute while mum went to the shop", 48, ALONE_5, True),
        ("the 4 year old was left alone for a minute while mum went to the shop", 48, ALONE, False),
        ("she said 'they call me names because I'm black'", 108, DISCRIMINATION, True),
        ("she said they hate me because i'm black", 108, DISCRIMINATION, True),
        ("the 3 year old watches tv and is frozen and watchful when dad is in", 36, FROZEN, True),
        ("he stays up watching porn", 120, SEXUAL, False),
    ],
)
def test_a_row_the_words_give_stays(q: str, age: int, row: str, leads: bool) -> None:
    got = _ids(q, age)
    assert row in got
    assert got[0] == row or not leads  # each reading's control keeps its row first
