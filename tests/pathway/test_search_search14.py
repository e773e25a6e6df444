"""The call screen's remaining subject and denial calls (search14; review 12 H1 and H6, review 13 J1).

Oracles: the brief's calls with the rows a person would expect written here (the tables keep "Parents
and Carers", p13-17, apart from the child's own health, p11-12; p9's "Child is at immediate risk" is
about the child), and the calls of search_heldout_search14.yaml, written before the change by the
engineer making it (never tuned on; docs/adviser.md, Search14, gives the before and after). Every
test of a moved row was seen failing on the code before the change, except where a comment says it
held before."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms
from pathway.search_model import example_calls

HELD_OUT = yaml.safe_load((Path(__file__).parent / "search_heldout_search14.yaml").read_text(encoding="utf-8"))
P9_HARM = "immediate.significant_harm"
SELF_HARM = ["extensive.behaviour_puts_life_risk", "protection.endangers_life_through_self"]
# the carers' rows for a carer's mental health or self-harm (p13-14, p15-16) and for substance use (p13-17)
CARER_MENTAL = ["additional.mental_physical_health_needs", "extensive.mental_physical_health_problems"]
CARER_SUBSTANCE = ["additional.substance_misuse_impact_ability", "extensive.mental_physical_health_problems", "protection.chronic_substance_misuse"]


def _ids(q: str, months: int | None, index: SearchIndex | None = None) -> list[str]:
    return [h.id for h in (index or default_index()).search(q, age_in_months=months, limit=KEPT_PLACES)]


@cache
def _without() -> SearchIndex:
    """The index without search14's data: no `about_child`, no bare relative clause, no bridges (the
    code's other readings cannot be switched off by data: the before figures are docs/adviser.md's)."""
    synonyms = load_synonyms()
    subject = {k: v for k, v in synonyms["subject"].items() if k not in ("about_child", "bare", "pronouns")}
    return SearchIndex(load_catalogue(), {**{k: v for k, v in synonyms.items() if k != "denial"}, "subject": subject}, example_calls())


# ---------------------------------------------------------------- 1. step-parents and partners are carers


@pytest.mark.parametrize(
    "q, months, carers",
    [
        ("stepmum self harms", 96, CARER_MENTAL),  # p9's significant harm first before
        ("mum's boyfriend is suicidal", 96, CARER_MENTAL),  # held before
        ("stepdad drinks every night", 96, CARER_SUBSTANCE),  # held before
    ],
)
def test_a_step_parents_or_partners_condition_leads_with_the_carers_row(q, months, carers):
    found = _ids(q, months)
    assert found[0] in carers
    assert P9_HARM in found or P9_HARM not in _ids(q, months, _without())  # still in sight where it was


def test_the_held_out_partner_calls():
    # before: a carers' row first for 7 of 10 (p9's significant harm first for the other three); after: 9,
    # "stepfather has tried to hang himself" still led by p9 ("tried" is no condition's word)
    calls = HELD_OUT["partner"]
    assert sum(_ids(p["q"], p["age_in_months"])[0] in p["first"] for p in calls) >= 9


@pytest.mark.parametrize("p", HELD_OUT["partner_child"], ids=lambda p: p["q"])
def test_a_carers_condition_said_with_the_child_keeps_its_row_in_sight(p):
    assert set(p["top3"]) & set(_ids(p["q"], p["age_in_months"]))


@pytest.mark.parametrize(
    "q, months",
    [
        ("stepdad is suicidal and has threatened to kill them", 96),  # "them" just after a condition's word
        ("mum self harms in front of the kids", 96),
        ("dad says he will kill himself and take the children with him", 84),
    ],
)
def test_p9_still_leads_where_the_call_says_a_child(q, months):
    assert _ids(q, months)[0] == P9_HARM


# ---------------------------------------------------------------- 2. relative clauses without who/that


@pytest.mark.parametrize(
    "q, months, child",
    [
        ("the grandma he lives with is suicidal", 96, SELF_HARM),  # the child's self-harm first before
        ("the aunt she stays with drinks", 96, ["additional.uses_substances", "extensive.persistent_problematic_involvement_alcohol"]),
    ],
)
def test_a_relative_clause_without_who_is_the_carers(q, months, child):
    found = _ids(q, months)
    assert found[0] not in child
    assert found[0] in CARER_MENTAL + CARER_SUBSTANCE  # the carer's condition leads (before: a strength, "aunt")


def test_the_held_out_relative_clause_calls():
    # before: the child's own row first for 4 of 6; after: none
    assert not [p["q"] for p in HELD_OUT["relative"] if _ids(p["q"], p["age_in_months"])[0] in p["child"]]


@pytest.mark.parametrize("p", HELD_OUT["relative_child"], ids=lambda p: p["q"])
def test_the_childs_own_condition_beside_such_a_clause_stays_in_sight(p):
    assert set(p["child"]) & set(_ids(p["q"], p["age_in_months"]))


# whose clause each word is after "the" + a carer + a pronoun: test_search_clauses.py::test_whose_clause_each_word_is


# ---------------------------------------------------------------- 2b. "mum says she ...": the child's


def test_a_pronoun_that_may_be_the_daughter_is_read_as_the_childs():
    # the declared reading (search_synonyms.yaml `named`): the document names self-harm only of children
    # and young people (p15-16, p17); before, the mother's, and p9's significant harm led
    assert _ids("mum says she has been cutting herself", 168)[0] in SELF_HARM


def test_the_held_out_reported_calls():
    # before: 1 of 4 (the child's row in the first three and no carers' row first); after: 4
    for p in HELD_OUT["reported"]:
        found = _ids(p["q"], p["age_in_months"])
        assert set(p["child"]) & set(found) and found[0] not in p["parents"], p["q"]


# ---------------------------------------------------------------- 3. denials past three words


@pytest.mark.parametrize(
    "q, months, denied",
    [
        ("there has never been any domestic violence", 96, "immediate.repeated_domestic_violence"),  # held before (a strength first)
        ("there has not been any sexual abuse", 120, "immediate.allegation_or_disclosure"),
    ],
)
def test_a_denial_reaches_past_been_and_any(q, months, denied):
    found = _ids(q, months)
    assert found[0] != denied and not found[0].startswith("immediate.")


def test_the_held_out_denials():
    # before: the denied p9 row first for 2 of 5; after: 1, "no one at school has ever noticed any
    # injuries" (its first word, "school", is a concern's own denial: "not in school")
    led = [p["q"] for p in HELD_OUT["denied"] if _ids(p["q"], p["age_in_months"])[0] in p["not_first"]]
    assert len(led) <= 1


@pytest.mark.parametrize("p", HELD_OUT["concern"], ids=lambda p: p["q"])
def test_a_concern_said_beside_a_denial_keeps_its_p9_row(p):
    found = _ids(p["q"], p["age_in_months"])
    assert found[0] in p["p9"] if p.get("first") else set(p["p9"]) & set(found)


@pytest.mark.parametrize(
    "p", [p for k in ("partner", "partner_child", "relative", "relative_child", "reported", "denied", "concern") for p in HELD_OUT[k]], ids=lambda p: p["q"]
)
def test_no_immediate_criterion_leaves_the_first_three(p):
    before = {i for i in _ids(p["q"], p["age_in_months"], _without()) if i.startswith("immediate.")}
    assert before <= set(_ids(p["q"], p["age_in_months"]))


def test_the_bridges_are_data_and_checked():
    synonyms = load_synonyms()
    assert "been" in synonyms["denial"]["bridges"] and "tool's reading" in (Path(__file__).parents[2] / "pathway/data/search_synonyms.yaml").read_text()
    with pytest.raises(SearchDataError):
        SearchIndex(load_catalogue(), {**synonyms, "denial": {"bridges": [""]}})
    with pytest.raises(SearchDataError):
        SearchIndex(load_catalogue(), {**synonyms, "subject": {**synonyms["subject"], "about_child": ["extensive.behaviour_puts_life_risk"]}})
