"""Review 22's search findings N5, N6 and N8 (fix22d): what an everyday word does not say.

Oracles: the document's rows, written here by hand; the calls below were written by fix22d from the brief and the
document (none copied from review 22's cases, which its runner checks):
- the document names no animal (review 18 N1): a person's act to an animal is none of p9's abuse lines ("Child is at
  immediate risk or has suffered significant harm", "Allegations or disclosures of abuse", "Adults who pose a risk",
  "repeated domestic violence"), unless the call also says harm, a threat or a person; a child's own cruelty is p15
  "Violent / aggressive / anti-social behaviour" or p13 "Mental health concerns about the child/young person";
- p17 "Sexual activity under 13" needs sexual activity (sleeping in a car, with the dogs, is none);
- p9's "Left home alone" needs the child left alone: an hour of the night, lateness or a duration is p14's "Lack of
  routine", not it;
- p9 "repeated domestic violence" needs violence ("again" is none); p14-17's substance rows need drink or drugs (a
  screen habit or tiredness is none); p17 "Chronic and long term unemployment due to significant lack of basic skills
  or long standing issues" needs its length or cause (a job lost is none); p9's injuries need an injury (broken
  windows are none); p17 "Fabricated or induced illness" needs an illness made up or induced (glasses are none); the
  Universal "Developmental assessments / immunisations up to date" is the opposite of "none of his jabs".
Each reading is tested both ways: the row leaves the first three (and did so before fix22d: the test can fail), and
a control where the words give the fact keeps it."""

from __future__ import annotations

import copy

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms, normalise, stem
from pathway.search_model import example_calls
from tests.pathway.readings import Without

CAT = load_catalogue()
SYNONYMS = load_synonyms()
BEFORE = Without(sections=["unsaid_facts"])  # before fix22d

HARM = "immediate.significant_harm"
ALLEGATION = "immediate.allegation_or_disclosure"
DV = "immediate.repeated_domestic_violence"
ALONE = "immediate.home_alone_at_risk"
SEX_U13 = "protection.sexual_activity_under_13"
CHILD_SUBSTANCE = "extensive.persistent_problematic_involvement_alcohol"
UNEMPLOYED = "protection.chronic_long_term_unemployment"
FII = "protection.fabricated_induced_illness"
JABS_UP = "universal.developmental_assessments_immunisations_up"
VIOLENT = "extensive.violent_aggressive_anti_social"
MOOD = "additional.mental_health_concerns_about"
ROUTINE = "additional.lack_routine"
P9 = {i.id for i in CAT.indicators if i.immediate}


def _ids(q: str, age: int, limit: int = KEPT_PLACES) -> list[str]:
    return BEFORE.ids(q, age, limit=limit)


@pytest.mark.parametrize(
    "q, age, row",
    [
        ("she has been hurting the hamster", 96, ALLEGATION),  # N5: the child's act to an animal
        ("he strangled the kitten", 132, HARM),
        ("he strangled the kitten", 132, DV),
        ("the children sleep with the cats on a dirty mattress", 72, SEX_U13),  # N5
        # N8's "they are sleeping in the car most nights" (SEX_U13) is no longer here: since fix35b (stop 53) p17's
        # "Sexual activity under 13" has a `core` (a word of sex), so the row is not offered without fix22d's readings
        # either and the check could not fail; test_search_fix35b holds the class
        ("he's addicted to his xbox", 144, CHILD_SUBSTANCE),  # N8
        ("on the playstation until 3 in the morning", 144, ALONE),  # N6
        ("she has not had her jabs", 18, JABS_UP),  # N8
    ],
)
def test_an_everyday_word_no_longer_brings_a_row_it_does_not_name(q: str, age: int, row: str) -> None:
    BEFORE.gone(q, age, row)  # offered before fix22d


@pytest.mark.parametrize(
    "q, age",
    [("stepdad hits the puppy", 96), ("uncle punched the family cat", 96), ("dad kicks the dog", 96)],
)
def test_an_adults_act_to_an_animal_alone_preselects_no_p9_row(q: str, age: int) -> None:
    got = BEFORE.no_longer_first(q, age, P9)  # p9 first before fix22d
    assert MOOD not in got  # an adult's act offers no child's mood row


@pytest.mark.parametrize("q, age", [("she has been hurting the hamster", 96), ("he strangled the kitten", 132)])
def test_a_childs_cruelty_to_an_animal_offers_the_childs_behaviour_rows(q: str, age: int) -> None:
    got = _ids(q, age)
    assert got[:2] == [VIOLENT, MOOD]
    assert not set(got) & P9


@pytest.mark.parametrize(
    "q, age, row",
    [
        ("stepdad kicked the dog and then hit the kids", 96, HARM),  # the kids hit: harm stays first
        ("mum's boyfriend strangled the cat to frighten her", 96, HARM),  # a threat
        ("dad kicks the dog in front of the kids", 96, HARM),  # review 22's arguable reading: the children see it
        ("the dog bit him on the face", 60, HARM),  # the animal does it: no reading
        ("12 year old sleeping with her 19 year old boyfriend", 144, SEX_U13),
        ("dad hit mum again last night", 60, DV),
        ("dad comes home drunk at 2 in the morning and hits mum", 96, DV),
        ("addicted to his phone and smoking weed", 168, CHILD_SUBSTANCE),
        ("dad has been out of work for years, can't read or write", 96, UNEMPLOYED),
        ("all her jabs are up to date", 24, JABS_UP),
        ("mum keeps saying she's ill but tests come back clear", 96, FII),
        ("left on her own until midnight", 96, ALONE),
        ("left alone for weeks", 96, ALONE),
        ("kids are left home alone till late", 84, ALONE),
        ("a man on snapchat asked her for nudes", 156, ALLEGATION),
    ],
)
def test_a_row_the_words_give_stays(q: str, age: int, row: str) -> None:
    assert row in _ids(q, age)


def test_the_killed_dog_to_scare_mum_keeps_p9_harm_and_violence() -> None:
    got = _ids("dad drowned the puppy to scare mum and the kids watched", 84)
    assert HARM in got and DV in got


def test_an_hour_of_the_night_offers_routine_where_home_alone_left() -> None:
    got = _ids("on the playstation until 3 in the morning", 144)
    assert got[0] == ROUTINE


def test_the_groups_are_read_in_order_within_reach() -> None:
    index = default_index()
    animal = next(r for r, spec in zip(index.unsaid_facts, SYNONYMS["unsaid_facts"]["readings"]) if spec["name"] == "animal_harmed")

    def runs(q: str) -> list[list[int]]:
        words = normalise(q).split()
        return index._unsaid_facts_at(animal, words, [stem(w) for w in words])

    assert runs("he keeps kicking the family dog") == [[2, 5]]
    assert runs("the dog hurt him") == []  # the animal does it
    assert runs("he hit her and the dog") == []  # "and" is not between an act and its object
    assert runs("he kicked his little brother and then the big old dog") == []  # beyond reach


def _with(change) -> dict:
    data = copy.deepcopy(SYNONYMS)
    change(data["unsaid_facts"])
    return data


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda t: t["readings"][0].update(offers=[HARM]), "offers must be no immediate criterion"),
        (lambda t: t["readings"][0].update(between=["in the"]), "between and doers must be lists"),
        (lambda t: t["readings"][0].update(reach=-1), "reach and doer_reach must be whole numbers"),
        (lambda t: t["readings"][0]["rows"].update({"immediate.no_such_row": [["x"]]}), "unknown indicators"),
        (lambda t: t["readings"][0].pop("doers"), "unsaid_facts must map"),
    ],
)
def test_a_table_not_as_its_reader_reads_it_is_refused(change, message: str) -> None:
    with pytest.raises(SearchDataError, match=message):
        SearchIndex(CAT, _with(change), example_calls())
