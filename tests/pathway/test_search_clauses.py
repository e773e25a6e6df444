"""Relative clauses and reported speech in whose condition it is (review 12 H1, search13), and
concerns the words deny (review 12 H6).

Oracles: the calls of search_heldout_clauses.yaml, written before the change from the document and
the briefs (never tuned on; docs/adviser.md, Search13, gives the before and after), each with the
rows a person would expect written beside it; review 12's own calls with their rows written here; and
the index without the new words, for the p9 floor."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchIndex, _said_of_parent, default_index, load_synonyms
from pathway.search_model import example_calls

HELD_OUT = yaml.safe_load((Path(__file__).parent / "search_heldout_clauses.yaml").read_text(encoding="utf-8"))
SELF_HARM = ["extensive.behaviour_puts_life_risk", "protection.endangers_life_through_self"]
MENTAL = ["additional.mental_health_concerns_about", "extensive.significant_mental_health_needs", "protection.acute_mental_physical_health"]


def _age(p: dict) -> dict:
    return {"unborn": p.get("unborn", False), "age_in_months": p.get("age_in_months")}


def _ids(q: str, age: dict, index: SearchIndex | None = None) -> list[str]:
    return [h.id for h in (index or default_index()).search(q, limit=KEPT_PLACES, **age)]


@cache
def _before_clauses() -> SearchIndex:
    """The index as it was: no relative clauses, no reported speech, no "kill"/"die" (nor fix19d's later reading of a
    carer's threat, `carer_threat`)."""
    synonyms = {k: v for k, v in load_synonyms().items() if k != "carer_threat"}
    subject = {k: v for k, v in synonyms["subject"].items() if k not in ("relative", "says", "through", "female", "male", "bare", "pronouns")}
    conditions = [{**c, "words": [w for w in c["words"] if w not in ("kill", "die")]} for c in subject["conditions"]]
    return SearchIndex(load_catalogue(), {**synonyms, "subject": {**subject, "conditions": conditions}}, example_calls())


# review 12 H1's calls (docs/review12-rules.md), the child's own rows written from the tables (p11-12)
@pytest.mark.parametrize(
    "q, months, childs",
    [
        ("grandma who looks after him is suicidal", 96, SELF_HARM),
        ("aunt who cares for her has an eating disorder", 60, SELF_HARM + MENTAL),
        ("she said her mum wants to kill herself", 72, SELF_HARM),
        # "her mum told me she wants to kill herself" (72): since search14, "she" may be the daughter and
        # is read as the child's (search_synonyms.yaml `named`; test_search_search14.py); since fix19d, a threat
        # ("wants to"), the carers' row leads and the child's stays in the first three (`carer_threat`)
        ("dad says he will kill himself and take the children with him", 84, SELF_HARM),
    ],
)
def test_a_carers_condition_through_a_clause_does_not_lead_with_the_childs_row(q, months, childs):
    assert _ids(q, {"age_in_months": months}, _before_clauses())[0] in childs  # failed so before
    assert _ids(q, {"age_in_months": months})[0] not in childs


def test_the_fathers_threat_to_the_children_leads_with_p9():
    # p9, "Child is at immediate risk or has suffered significant harm": second before
    assert _ids("dad says he will kill himself and take the children with him", {"age_in_months": 84})[0] == "immediate.significant_harm"


def test_the_held_out_carer_calls():
    # before: the child's own row first for 8 of 15; after: 1, "the gran he lives with is anorexic" (a
    # relative clause without "who", a limit declared in the synonyms file). Since search14 that one is
    # the carer's ("the" + carer + pronoun), and "dad keeps saying he wants to die" is read as the
    # child's: "he" may be a son and no child is named apart (search_synonyms.yaml `named`), against this
    # file's oracle, which read it as the father's
    calls = HELD_OUT["carer"]
    hits = [_ids(p["q"], _age(p)) for p in calls]
    led = {p["q"] for p, found in zip(calls, hits) if found[0] in p["child"]}
    assert led <= {"dad keeps saying he wants to die"}
    assert all(any(i.startswith("immediate.") for i in found) for p, found in zip(calls, hits) if p.get("p9"))


@pytest.mark.parametrize("p", HELD_OUT["child"], ids=lambda p: p["q"])
def test_the_held_out_child_calls_keep_the_childs_row_in_sight(p):
    # the pronoun that cannot stand for the carer ("mum says he ..."), or the child named after the
    # relative clause: 6 of 6 before and after
    assert set(p["child"]) & set(_ids(p["q"], _age(p)))


@pytest.mark.parametrize(
    "q, theirs",
    [
        # a relative clause after a carer is the carer's, the child in it its object
        ("grandma who looks after him is suicidal", "grandma who looks after him is suicidal"),
        # a pronoun after a carer's reporting verb that can stand for the carer is the carer
        # ...only where the call names a child apart (search14): else it may be the child
        ("her mum told me she wants to die", "mum"),
        ("dad says he will kill himself and take the kids", "dad he will kill himself and take the"),
        # one that cannot is someone else; so is a pronoun after a verb of finding or fearing
        ("mum says he has been cutting", "mum"),
        ("mum thinks she is depressed", "mum"),
        # the relative clause only after a carer who is the clause's subject
        ("she lives with nan who drinks", ""),
        # search14: "the" + a carer + "he"/"she"/"they" opens a relative clause without "who"
        ("the nan she lives with has cancer", "nan she lives with has cancer"),
        ("the foster carer he has been placed with is depressed", "foster carer he has been placed with is depressed"),
        ("mum he has been cutting himself", "mum"),  # no "the": a reporting verb dropped, the child's
        ("the nan she lives with says he has been cutting himself", "nan she lives with"),
    ],
)
def test_whose_clause_each_word_is(q, theirs):
    subject = default_index().subject
    words = q.split()
    flags = _said_of_parent(words, subject.parents, subject.opens, subject.ends, subject.clauses)
    assert [w for w, f in zip(words, flags) if f] == theirs.split()


def test_without_the_clauses_reading_nothing_changes_for_word_matching():
    # the readings of word matching (PARENT_SAID) and the psychosis rule do not take the clauses
    words = "grandma who looks after him is suicidal".split()
    assert not any(_said_of_parent(words)[1:])


# ---------------------------------------------------------------- denied concerns (review 12 H6)


@cache
def _before_denials() -> SearchIndex:
    index = SearchIndex(load_catalogue(), load_synonyms(), example_calls())
    index._denied_first = lambda *args, **kwargs: None  # type: ignore[method-assign]
    index.turned_facts = ()  # fix23d's `turned_facts` (its `denied` reading is a denial too; it keeps H6: p9 stays in sight)
    return index


# review 12 H6's calls with the p9 row each denies (docs/review12-rules.md), first before the rule
@pytest.mark.parametrize(
    "q, months, denied",
    [
        ("there is no domestic violence in the home", 96, "immediate.repeated_domestic_violence"),
        ("no injuries seen and mum is coping well", 96, "immediate.unexplained_injuries"),
        ("mum says she has no bruises and is fine", 36, "immediate.unexplained_injuries"),
    ],
)
def test_a_denied_concern_does_not_lead_with_its_p9_row(q, months, denied):
    assert _ids(q, {"age_in_months": months}, _before_denials())[0] == denied  # failed so before
    found = _ids(q, {"age_in_months": months})
    assert found[0] != denied and not found[0].startswith("immediate.")
    assert denied in found  # still in sight: the practitioner chooses


def test_a_carers_denied_condition_does_not_lead_with_p9():
    """Review 12 H6's "mum is not suicidal but is very low" (72): before search15 the subject rule lifted p9's
    significant harm, matched on "not" alone, from below the first three to first, and the denial rule put it
    second. Since search15 "not" said in the carer's clause just before her condition is the condition's, so
    p9 is not lifted at all: the carers' row leads and no immediate criterion is offered for a denial."""
    found = _ids("mum is not suicidal but is very low", {"age_in_months": 72})
    assert found[0] == "additional.mental_physical_health_needs"  # "Mental / physical health needs may affect ability to provide basic care", p13-14
    assert not any(i.startswith("immediate.") for i in found)


def test_the_held_out_denials():
    # before: the denied p9 row first for 6 of 8; after: 4 ("no sign of any injuries": "no sign" is a
    # concern's words, "not signed up with a dentist"; "not drinking any more"; "never been left on her
    # own": "own" is beyond the denial's reach; "nobody has hurt her and she has no bruises": the first
    # three are all immediate criteria, and a new first would push one out of sight)
    calls = HELD_OUT["denied"]
    led = [p["q"] for p in calls if _ids(p["q"], _age(p))[0] in p["not_first"]]
    assert len(led) <= 4


@pytest.mark.parametrize("p", HELD_OUT["concern"], ids=lambda p: p["q"])
def test_a_denial_word_that_says_the_concern_moves_nothing(p):
    # "no food", "not coping", "no one looking after them", "nobody can explain": the concern said
    assert _ids(p["q"], _age(p)) == _ids(p["q"], _age(p), _before_denials())


@pytest.mark.parametrize(
    "p, without",
    [(p, _before_clauses) for p in HELD_OUT["carer"] + HELD_OUT["child"]] + [(p, _before_denials) for p in HELD_OUT["denied"] + HELD_OUT["concern"]],
    ids=lambda x: x["q"] if isinstance(x, dict) else x.__name__,
)
def test_no_immediate_criterion_leaves_the_first_three(p, without):
    # safety first: every p9 criterion the search without the rule put in the first three stays there
    before = {i for i in _ids(p["q"], _age(p), without()) if i.startswith("immediate.")}
    assert before <= set(_ids(p["q"], _age(p)))


@pytest.mark.parametrize(
    "q, months",
    [
        ("no bruises but dad hits him with a belt", 90),  # the denial is scoped: the hitting is said
        ("mum is not coping and dad hits her in front of the kids", 80),
        ("she hasnt eaten for 3 days, no food in the house, shes skin and bone", 150),  # a harm said beside a denial
        ("kids crying next door for hours and no grown up there", 36),
    ],
)
def test_a_call_that_says_a_harm_beside_a_denial_keeps_its_first_row(q, months):
    assert _ids(q, {"age_in_months": months}) == _ids(q, {"age_in_months": months}, _before_denials())


def test_concern_denials_come_from_the_concerns_own_words():
    denials = default_index().concern_denials
    assert {"food", "cope", "look", "explain"} <= denials  # "no food", "not coping", "nobody looking after them", "nobody can explain"
    assert not {"violenc", "bruis", "injuri", "hit", "suicid"} & denials
