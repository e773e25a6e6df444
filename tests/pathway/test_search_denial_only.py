"""Search24d (deny24): a call whose only concern words are denied preselects no row it does not positively say (the
synonyms file's `denial_only`, pathway/search_denial_only.py, SearchIndex._denial_only_first; docs/adviser.md "Search24d").

Oracles, written here by hand from the document and this tool's declared reading:
- a denial ("nobody touches her", "he doesn't get hit") says no concern: p9's lines are facts said, and no other row
  of p13-17 is said by "home", "told", "says" or "himself" ("Children who go missing", "Beyond parental control" led
  such calls before);
- the first row is a Universal row the call's other words positively say ("happy at home": p13 "Good, stable
  relationships with carers"; "doing well at school": "Attends school ..."), else the strength a denial of harm
  states: p13 "Parent / carers provide for children's needs and protect from danger and harm";
- review 12 H6: the denied p9 rows stay in the first three; a concern said elsewhere in the call leads as before."""

from __future__ import annotations

import copy

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms
from pathway.search_model import example_calls

CAT = load_catalogue()
SYNONYMS = load_synonyms()
LEVEL = {i.id: i.level.value for i in CAT.indicators}
P9 = {i.id for i in CAT.indicators if i.immediate}
STATES = "universal.parent_carers_provide_children"
CARERS = "universal.good_stable_relationships_carers"
SCHOOL = "universal.attends_school_sense_educational"


@pytest.fixture(scope="module")
def without() -> SearchIndex:
    return SearchIndex(CAT, {k: v for k, v in SYNONYMS.items() if k != "denial_only"}, example_calls())


def _ids(q: str, index: SearchIndex | None = None, age: int | None = None) -> list[str]:
    return [h.id for h in (index or default_index()).search(q, age_in_months=age, limit=5, finished=True)]


@pytest.mark.parametrize(
    "q, age, first",
    [
        ("she says nobody touches her and she's happy at home", None, CARERS),  # "Children who go missing" led
        ("he doesn't get hit at home, he told me that himself", None, STATES),  # "Beyond parental control" led
        ("he doesn't get hit at home, he told me that himself", 120, STATES),
        ("nobody touches him, he said so himself", None, STATES),  # a Protection row on "himself" led
        ("he has not been harmed", None, STATES),  # the model's "Substantial and lifelong disability" led
        ("he was not left alone, he told me", None, STATES),
        ("he was not left alone, he told me", 60, STATES),
        ("there's no evidence of injuries", None, STATES),
        # review 24 s_dn_never_smacked: "in her life" is no concern (p17's "lacks positive ... in life" led)
        ("she's never been smacked in her life", 72, STATES),
        ("nobody has ever hurt her in her life", 72, STATES),
    ],
)
def test_a_denial_alone_leads_with_what_it_says(q: str, age: int | None, first: str, without: SearchIndex) -> None:
    before, after = _ids(q, without, age), _ids(q, age=age)
    assert after[0] == first
    assert before[0] != first  # the test can fail: another row led without the reading
    # H6: every denied p9 row of the first three stays in them
    assert {n for n in before[:KEPT_PLACES] if n in P9} <= set(after[:KEPT_PLACES])


@pytest.mark.parametrize(
    "q, first",
    [
        ("nobody hits him but he has been missing from home twice this month", "extensive.children_who_go_missing"),
        ("she isn't hit at home but she is self harming", "extensive.behaviour_puts_life_risk"),
        ("nobody touches her but she is not going to school", "additional.poor_school_attendance_exclusion"),
        ("nobody hurts her at home but she is being bullied at school", "additional.experiencing_bullying"),
        ("he is never hit but he is beyond control and stays out all night", "extensive.beyond_parental_control"),
        # a denial of one thing and a p9 fact of another: the p9 row leads
        ("she isn't left alone but her dad hit her with a belt yesterday", "immediate.significant_harm"),
        ("he hasn't been hit but he has a broken arm nobody can explain", "immediate.unexplained_injuries"),
        ("she's not hit at home but she has been left alone overnight at 4", "immediate.home_alone_at_risk"),
        ("there's no bruising but he said his stepdad punched him", "immediate.significant_harm"),
    ],
)
def test_a_concern_said_beside_a_denial_still_leads(q: str, first: str, without: SearchIndex) -> None:
    assert _ids(q)[0] == first
    assert _ids(q)[:KEPT_PLACES] == _ids(q, without)[:KEPT_PLACES]


def test_a_positive_word_denied_is_a_concern() -> None:
    # "no friends" is no strength: the reading does not lead with "Good family relationships and good friendships"
    assert _ids("nobody hits her, she has no friends")[0] != "universal.good_family_relationships_good"
    assert _ids("nobody hits her, she has lots of friends")[0] == "universal.good_family_relationships_good"


def test_three_denied_p9_rows_keep_their_places(without: SearchIndex) -> None:
    # H6 first: where the first three are all p9 rows, no lead is put above them (one would leave sight)
    q = "there are no bruises on him"
    assert all(n in P9 for n in _ids(q, without)[:KEPT_PLACES])
    assert _ids(q)[:KEPT_PLACES] == _ids(q, without)[:KEPT_PLACES]


@pytest.mark.parametrize("q", ["he isn't hit, he's doing well at school", "no one touches him and he's happy at home"])
def test_a_strength_said_first_stays_first(q: str, without: SearchIndex) -> None:
    assert _ids(q)[:KEPT_PLACES] == _ids(q, without)[:KEPT_PLACES]
    assert _ids(q)[0] in {SCHOOL, CARERS}


def test_an_adults_denial_is_not_read(without: SearchIndex) -> None:
    # fix23d's `not_before`: "mum says he isn't hit" is no denial run: this reading does not act on it
    q = "mum says he doesn't get hit"
    assert _ids(q)[:KEPT_PLACES] == _ids(q, without)[:KEPT_PLACES]


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(reading="nonesuch"),
        lambda d: d.update(states="extensive.children_who_go_missing"),  # not a Universal row
        lambda d: d.update(filler=["two words"]),
        lambda d: d.pop("positive"),
    ],
)
def test_a_denial_only_of_another_shape_is_refused(change) -> None:
    syn = copy.deepcopy(SYNONYMS)
    change(syn["denial_only"])
    with pytest.raises(SearchDataError):
        SearchIndex(CAT, syn)
