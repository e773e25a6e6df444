"""An explained injury (sport, a tackle, an animal, a fall an adult saw), another person's wedding, and everyday words of
food, play and outings (fix25b; review 25 Q3, Q4, Q5; the synonyms file's `ordinary_call` readings
`sport_animal_injury` and `others_wedding`, and `everyday_senses` readings `fix25b_food_play_outings` and
`fix25b_soaked`: this tool's readings, declared there).

Oracles: tests/pathway/search_fix25b_cases.yaml, written by hand before any reading was changed; the document's rows:
p9 "Unexplained injuries or injuries where there is an inconsistent explanation of the injury", "Child is at immediate
risk or has suffered significant harm", "Allegation or disclosure", "Repeated incidents of domestic violence", "Child
victims of trafficking"; p17 "Forced marriage of a child under 18 yrs"; p13 "Uses substances". Every third call of each
list is held back (read only at the end, never tuned on)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pathway.search import KEPT_PLACES, SearchDataError, default_index, normalise
from pathway.search_ordinary import ordinary_at
from pathway.search_tables import check_everyday_senses
from tests.pathway.cases import check, split

CASES = yaml.safe_load((Path(__file__).parent / "search_fix25b_cases.yaml").read_text())


def _ids(q: str, age: int, limit: int = KEPT_PLACES) -> list[str]:
    return [h.id for h in default_index().search(q, age_in_months=age, limit=limit, finished=True)]


def _check(q: str, age: int, want: dict) -> None:
    check(_ids(q, age), want)


# Known misses, each with its reason (strict: a call that starts to pass says so); docs/adviser.md, Search25b.
KNOWN = {
    # "the neighbours dog bit her leg when she tried to stroke it" and "she tripped in PE and the teacher saw her cut
    # her chin" pass since fix41a (stop 56, docs/adviser.md Search41a): their strict xfails (stop 55's) are taken off
    "he clashed heads with another lad in the match and has a bruise on his forehead": "'another' (a repeated injury's"
    " word, outside the reading) keeps p9's injury row: not read away",
    "a bruise on his thigh from a tackle in the rugby match": "held back: a miss, not investigated (never tuned on)",
    "her teacher is getting married and the class made her a card": "'made her' (the call's own words, outside the"
    " wedding) reaches p17 forced marriage ('made to marry') and the model's p9 trafficking: both stay, as they must",
    "they went stargazing late at night with their dad": "'late at night' is not read ('out late at night' is p9's"
    " young child out at night: senses25's outings and fix22a's young_out_at_night are where it belongs)",
    "got soaked in the rain walking home from school": "'home' matches p9 significant harm by word (review 8 S1 keeps"
    " a row word matching put there): not this reading's to move",
    "she wont touch her dinner if peas are on it": "'wont' is 'will not': 'not' matches p9 significant harm by word as well as 'touch'; the row stays on 'not'",
    "he fell off the wall while i was watching and grazed his hands": "at the merge of stop 55 (docs/adviser.md"
    " Search55m): fix39a_watching moves p17 'Frozen watchfulness' (first here before, on 'watching', itself wrong) and"
    " p9 significant harm, third by then, leads; the explained-injury reading does not read it away (not its row alone)",
}


def _split(key: str, held: bool) -> list:
    return split(CASES[key], KNOWN, held)


@pytest.mark.parametrize(("q", "age", "want"), _split("explained", False))
def test_fix25b_explained_injury(q: str, age: int, want: dict) -> None:
    _check(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), _split("weddings", False))
def test_fix25b_another_persons_wedding(q: str, age: int, want: dict) -> None:
    _check(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), _split("everyday", False))
def test_fix25b_everyday_food_play_outings(q: str, age: int, want: dict) -> None:
    _check(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), _split("controls", False))
def test_fix25b_control(q: str, age: int, want: dict) -> None:
    _check(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), _split("explained", True) + _split("weddings", True) + _split("everyday", True) + _split("controls", True))
def test_fix25b_held_back(q: str, age: int, want: dict) -> None:
    _check(q, age, want)


# ---------------------------------------------------------------- each reading's own edge, both directions


def _taken(q: str, age: int) -> list[str]:
    oc = default_index().ordinary_call
    assert oc is not None
    words = normalise(q).split()
    at, _ = ordinary_at(oc, words, age)
    return [words[i] for i in sorted(at)]


def test_an_animal_injury_is_read_from_2_years_old_only() -> None:
    q = "the cat scratched his hand when he picked it up"
    assert {"cat", "scratched", "hand"} <= set(_taken(q, 60))
    assert _taken(q, 18) == []  # p9's bruising under 2 is never read away


@pytest.mark.parametrize(
    "q",
    [
        "he says the dog bit him but it looks like a hand mark",  # reported and doubted
        "dad set the dog on him and it bit his leg",  # harm by a person
        "the dog bit her when she was left alone with it",  # left
        "bruises all over his legs from football",  # many
        "he broke his arm falling off his horse",  # grave
    ],
)
def test_an_injury_with_a_cause_is_not_read_where_the_explanation_is_doubted_or_harm_said(q: str) -> None:
    assert _taken(q, 96) == [], q


@pytest.mark.parametrize(
    "q",
    [
        "the PE teacher noticed a bruise on her arm",  # where it was seen, not how it came
        "coach saw a bruise on his leg at training",
        "in pe she had a bruise on her leg",
    ],
)
def test_an_injury_seen_at_sport_is_no_cause_and_keeps_p9_unexplained_injuries_first(q: str) -> None:
    ids = _ids(q, 108)
    assert ids and ids[0] == "immediate.unexplained_injuries", (q, ids)


def test_a_doubted_sport_explanation_keeps_p9_unexplained_injuries_in_sight() -> None:
    q = "she has a black eye and says it was netball but it doesn't fit"
    assert "immediate.unexplained_injuries" in _ids(q, 120), _ids(q, 120)
    # the same injury and cause, explained, is not p9's
    assert "immediate.unexplained_injuries" not in _ids("she got a black eye playing netball at practice", 120)


def test_another_persons_wedding_is_read_and_the_childs_own_is_not() -> None:
    assert {"cousin", "getting", "married"} <= set(_taken("her cousin is getting married in may", 120))
    for q in (
        "she will be made to marry her cousin",
        "they are taking her to pakistan to get married",
        "her sister was forced to marry at 16 and now they are talking about her",
        "she is getting married to her cousin next year",
    ):
        assert _taken(q, 168) == [], q


def test_a_cousins_wedding_offers_no_forced_marriage_nor_trafficking_even_below() -> None:
    ids = _ids("her cousin is getting married next month and she's a bridesmaid", 120, limit=10)
    assert not {"protection.forced_marriage_under_18", "immediate.trafficking_victim", "protection.child_victim_trafficking"} & set(ids), ids
    # with a word of fear the reading is not made: forced marriage is offered first
    ids = _ids("her cousin is getting married next month and she is scared she will be next", 168)
    assert ids and ids[0] == "protection.forced_marriage_under_18", ids


def _senses_taken(q: str) -> list[str]:
    words = normalise(q).split()
    at, _ = default_index()._everyday_senses_at(words)
    return [words[i] for i in sorted(at)]


def test_a_readings_own_objects_are_its_own() -> None:
    assert {"rides", "pony"} <= set(_senses_taken("she rides her pony on saturdays"))
    assert {"touch", "vegetables"} <= set(_senses_taken("he will not touch any vegetables"))
    # "pony", "milk" are no `things` of the readings of harm: hitting or kicking them is not read as everyday here
    assert _senses_taken("he kicked the pony") == []
    # a person as the object of "touch" is never an everyday object
    assert _senses_taken("he touches her") == []


@pytest.mark.parametrize(
    "q",
    [
        "she drinks milk but dad is drunk every night",  # a drink said
        "he touched her fruit and then touched her",  # a person touched
        "they had a water fight and then he hit her",  # harm said
        "he came home soaked and freezing after a water fight",  # cold said
    ],
)
def test_the_everyday_reading_is_undone_by_its_concern(q: str) -> None:
    assert not {"milk", "fruit", "water", "soaked", "fight"} & set(_senses_taken(q)), (q, _senses_taken(q))


def test_water_before_fight_and_water_near_soaked_are_read() -> None:
    assert {"water", "fight"} <= set(_senses_taken("the kids had a water fight"))
    assert {"soaked", "puddles"} <= set(_senses_taken("he got soaked jumping in puddles"))
    assert "soaked" not in _senses_taken("he came home soaked")  # no water said: not read


def test_check_everyday_senses_refuses_a_person_or_property_as_a_readings_own_object() -> None:
    data = yaml.safe_load((Path(__file__).parents[2] / "pathway" / "data" / "search_synonyms.yaml").read_text())["everyday_senses"]
    catalogue = default_index().catalogue
    bad = {**data, "readings": [{"name": "x", "verbs": ["touch"], "objects": ["sister"], "concern": ["drunk"]}]}
    with pytest.raises(SearchDataError, match="no property and no person"):
        check_everyday_senses(catalogue, bad, normalise)
    bad = {**data, "readings": [{"name": "x", "said": ["a thing"], "objects": ["milk"], "concern": ["drunk"]}]}
    with pytest.raises(SearchDataError, match="with verbs"):
        check_everyday_senses(catalogue, bad, normalise)


def test_fix25b_readings_are_declared_in_the_synonyms_file() -> None:
    text = (Path(__file__).parents[2] / "pathway" / "data" / "search_synonyms.yaml").read_text()
    for name in ("sport_animal_injury", "others_wedding", "fix25b_food_play_outings", "fix25b_soaked"):
        assert f"name: {name}" in text
    assert text.count("fix25b (review 25 Q") >= 4
