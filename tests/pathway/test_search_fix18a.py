"""Review 18's search findings N1-N3 (fix18a): who or what the call's words are said of. An animal or a thing read as
the child, a child who bullies read as bullied, a professional's or volunteer's condition read as the child's.

Oracles: the document's rows, written here by hand; the calls below were written by fix18a from the brief and the
document before the search was run on them (never training data, none copied from review 18's cases):
- p9's criteria and the tables' rows (p11-17) are "the level of need a child and his/her family may be experiencing"
  (p11): no row is about an animal or a thing; "Loss of significant adult" (p14) is an adult;
- "Experiencing bullying" (p13), "Victim of crime" (p17), "Escalating victimisation / harassment" (p15-16) are done to
  the child; a child who bullies is p13's "Disruptive or anti-social behaviour" or p15-16's "Violent / aggressive /
  anti-social behaviour";
- the child's own rows (mental health, substance misuse, self-harm, illness) are the child's; a teacher's or a coach's
  condition is no row unless the adult poses a risk to the child (p9), and an adult who harms keeps p9's rows."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms
from pathway.search_model import example_calls
from tests.pathway.p9_sight import p9_calls_lost

CAT = load_catalogue()
SYNONYMS = load_synonyms()
WITHOUT = SearchIndex(CAT, {k: v for k, v in SYNONYMS.items() if k != "not_the_child"}, example_calls())  # the search before fix18a

HOME_ALONE = {"immediate.home_alone_5_and_under", "immediate.home_alone_at_risk"}
NEGLECTED = {"extensive.presents_being_neglected_persistent"}
LOSS = {"additional.loss_significant_adult"}
HARM = {"immediate.significant_harm"}
BULLIED = {"additional.experiencing_bullying", "protection.victim_crime", "extensive.escalating_victimisation_harassment"}
DOES_IT = {"additional.disruptive_anti_social_behaviour", "extensive.violent_aggressive_anti_social"}
MENTAL = {"additional.mental_health_concerns_about", "extensive.significant_mental_health_needs", "protection.acute_mental_physical_health"}
SUBSTANCE = {"additional.uses_substances", "extensive.persistent_problematic_involvement_alcohol", "protection.endangers_life_through_self"}
SUBSTANCE_CARERS = {"protection.chronic_substance_misuse", "additional.substance_misuse_impact_ability"}
SELF_HARM = {"extensive.behaviour_puts_life_risk", "protection.endangers_life_through_self"}
ILLNESS = {"extensive.life_threatening_conditions", "protection.severe_chronic_health_problems", "extensive.chronic_recurring_health_problems"}


def _ids(q: str, age: int | None, limit: int = KEPT_PLACES, index: SearchIndex | None = None) -> list[str]:
    return [h.id for h in (index or default_index()).search(q, age_in_months=age, limit=limit)]


def _immediate(found: list[str]) -> bool:
    return any(CAT.indicator(i).immediate for i in found)


# ---------------------------------------------------------------- N1: an animal or a thing

THINGS = ["the dog", "our cat", "the puppy", "their hamster", "her pony", "the car", "his bike"]
SAID = [  # (what is said, age in months, the rows it would name for a child)
    ("is left home alone all day", 48, HOME_ALONE),
    ("has been left on its own for days", 36, HOME_ALONE),
    ("looks neglected and filthy", 60, NEGLECTED),
    ("died last week", 110, LOSS),
]


@pytest.mark.parametrize("thing", THINGS)
@pytest.mark.parametrize("said, age, rows", SAID, ids=[s[0] for s in SAID])
def test_a_thing_or_an_animal_is_not_the_child(thing, said, age, rows):
    found = _ids(f"{thing} {said}", age)
    assert found and found[0] not in rows, found


CHILD_SAID = [  # the same words said of the child: the row first
    ("the 4 year old is left home alone all day", 48, HOME_ALONE),
    ("he is left home alone all day", 48, HOME_ALONE),
    ("the 3 year old has been left on her own for days", 36, HOME_ALONE),
    ("she looks neglected and filthy", 60, NEGLECTED),
    ("her nan died last week", 110, LOSS),
    # the thing and the child together: the child's row still leads
    ("the dog and the 4 year old are left home alone all day", 48, HOME_ALONE),
    ("the 3 year old and the cat were left home alone", 36, HOME_ALONE),
    ("the dog is left home alone and so is the 4 year old", 48, HOME_ALONE),
]


@pytest.mark.parametrize("q, age, rows", CHILD_SAID, ids=[c[0] for c in CHILD_SAID])
def test_the_same_words_said_of_the_child_lead(q, age, rows):
    found = _ids(q, age)
    assert found and found[0] in rows, found


def test_an_animal_harmed_keeps_p9_in_sight_and_the_child_harmed_leads():
    assert _ids("the family dog was beaten with a belt", 84)[0] not in HARM
    assert _immediate(_ids("the family dog was beaten with a belt", 84))  # still in the first three (kept places)
    assert _ids("the dog bit the baby on the face", 8)[0] in {"immediate.unexplained_injuries", "immediate.significant_harm"}


def test_the_home_is_no_thing():  # the home's own condition is the child's (p13-16): the reading moves nothing
    assert _ids("the dog mess is everywhere in the house", 30) == _ids("the dog mess is everywhere in the house", 30, index=WITHOUT)


# ---------------------------------------------------------------- N2: the child who does it

DOERS = [
    ("he keeps bullying younger kids on the bus", 130),
    ("she harasses other girls online", 160),
    ("she teases the younger children in her class", 100),
    ("he bullies his little brother", 120),
    ("she has been intimidating other pupils at lunch", 170),
    ("he mocks other kids in his year", 140),
]
BULLIED_CALLS = [
    ("she is being bullied by other girls", 144),
    ("kids at school pick on him", 110),
    ("the other girls bully her", 144),
    ("he gets picked on by older boys", 130),
    ("she is picked on at school, other kids call her names", 120),
    ("he is bullied by his brother", 120),
]


@pytest.mark.parametrize("q, age", DOERS, ids=[c[0] for c in DOERS])
def test_a_child_who_does_it_is_not_the_victim(q, age):
    found = _ids(q, age)
    assert found and found[0] not in BULLIED, found
    if _ids(q, age, index=WITHOUT)[0] in BULLIED:  # where the victim row would have led, the behaviour row leads instead
        assert found[0] in DOES_IT, found


@pytest.mark.parametrize("q, age", BULLIED_CALLS, ids=[c[0] for c in BULLIED_CALLS])
def test_a_child_it_is_done_to_keeps_the_victim_row(q, age):
    found = _ids(q, age)
    assert found and found[0] == "additional.experiencing_bullying", found


def test_the_words_severity_chooses_the_behaviour_row():  # a knife: p15-16's violent behaviour, not p13's disruptive
    assert _ids("14 year old threatening other kids with a knife", 168)[0] == "extensive.violent_aggressive_anti_social"


# ---------------------------------------------------------------- N3: a professional or volunteer adult

ADULTS = ["his swimming instructor", "her tutor", "the youth worker", "her form teacher", "his scout leader", "the teaching assistant"]
CONDITIONS = [("is depressed", MENTAL), ("has a drink problem", SUBSTANCE | SUBSTANCE_CARERS), ("is suicidal", SELF_HARM), ("has cancer", ILLNESS)]


@pytest.mark.parametrize("adult", ADULTS)
@pytest.mark.parametrize("said, rows", CONDITIONS, ids=[c[0] for c in CONDITIONS])
def test_an_adult_who_is_no_carer_is_not_the_child(adult, said, rows):
    found = _ids(f"{adult} {said}", 130)
    assert found and found[0] not in rows, found


KEPT = [  # the child's own condition, and an adult who harms or poses a risk
    ("his teacher says he has been self harming", 150, SELF_HARM),
    ("her tutor is worried she is depressed", 150, MENTAL),
    ("the childminder slaps him", 30, {"immediate.significant_harm", "immediate.allegation_or_disclosure"}),
    ("her swimming coach has been sending her sexual messages", 160, {"immediate.allegation_or_disclosure", "immediate.significant_harm"}),
    ("the lodger has convictions for sexual offences against children", 90, {"immediate.adults_who_pose_risk", "immediate.contact_with_adults_risk"}),
]


@pytest.mark.parametrize("q, age, rows", KEPT, ids=[c[0] for c in KEPT])
def test_the_childs_own_condition_and_an_adult_who_harms_keep_their_rows(q, age, rows):
    found = _ids(q, age)
    assert found and found[0] in rows, found


def test_an_adult_beside_the_child_in_one_clause_keeps_the_order():  # "drives the kids": not split
    q = "the coach drinks and drives the kids to matches"
    assert _ids(q, 150) == _ids(q, 150, index=WITHOUT)


# ---------------------------------------------------------------- the data, and the labelled p9 calls


def test_the_reading_is_declared_and_checked():
    text = (__import__("pathlib").Path(__file__).parents[2] / "pathway/data/search_synonyms.yaml").read_text(encoding="utf-8")
    assert "review 18" in text and "N1-N3" in text and "this tool's reading" in text
    good = SYNONYMS["not_the_child"]
    for bad in (
        {**good, "thing_rows": ["immediate.no_such_row"]},
        {**good, "things": "dog"},
        {**good, "doers": {**good["doers"], "reach": 0}},
        {**good, "doers": {k: v for k, v in good["doers"].items() if k != "acts"}},
        {**good, "later": []},
    ):
        with pytest.raises(SearchDataError):
            SearchIndex(CAT, {**SYNONYMS, "not_the_child": bad})


def test_no_labelled_p9_call_loses_first_place_or_sight():
    assert p9_calls_lost(default_index(), WITHOUT) == []
