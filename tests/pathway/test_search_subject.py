"""Whose condition it is (review 11, H6; search11b): a parent's self-harm, suicide, mental health,
serious illness or substance use is not the child's own need. The tables (p11-18) keep the child's own
health and behaviour ("Child and Young Person Health and Development") apart from the parents' ("Parents
and Carers"); but the words are the same, and "dad has cancer and is in hospital" led with the child's "Life
threatening conditions" (Extensive). The synonyms file's `subject` (this tool's reading, declared
there) lets none of the child's own rows for a condition lead where the condition is said of a parent.

Oracles: review 11's four calls and the document's rows; the held-out calls of
search_heldout_parent_subject.yaml (written before the rule from the document and the brief, never
tuned on; docs/adviser.md gives the before and after); and the index without the rule, for the p9
floor and for calls the rule must leave alone."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms, search
from pathway.search_model import example_calls

HELD_OUT = yaml.safe_load((Path(__file__).parent / "search_heldout_parent_subject.yaml").read_text(encoding="utf-8"))
SELF_HARM = ["extensive.behaviour_puts_life_risk", "protection.endangers_life_through_self"]
ILLNESS = ["extensive.life_threatening_conditions", "protection.severe_chronic_health_problems", "extensive.chronic_recurring_health_problems"]
MENTAL = ["additional.mental_health_concerns_about", "extensive.significant_mental_health_needs", "protection.acute_mental_physical_health"]


def _age(p: dict) -> dict:
    return {"unborn": p.get("unborn", False), "age_in_months": p.get("age_in_months")}


@cache
def _without_rule() -> SearchIndex:
    # search14b's `looked_after` reads a carer's clause with the subject's words: off with them
    return SearchIndex(load_catalogue(), {k: v for k, v in {**load_synonyms(), "subject": {}}.items() if k != "looked_after"}, example_calls())


# review 11, H6 (docs/review11-rules.md): the words, the age, and the child's own rows the call is not
@pytest.mark.parametrize(
    "q, age, childs",
    [
        ("father suicidal and has threatened to take the kids with him", 84, SELF_HARM),
        ("dad has cancer and is in hospital", 100, ILLNESS + ["protection.acute_mental_physical_health"]),
        ("mum self harms in front of the kids", 90, SELF_HARM),
        ("dad is psychotic and hearing voices telling him to hurt the children", 60, MENTAL),
    ],
)
def test_the_reviews_calls_do_not_lead_with_the_childs_own_row(q, age, childs):
    hits = search(q, age_in_months=age, limit=KEPT_PLACES)
    assert hits[0].id not in childs
    # and the parents' row for the condition, or p9, leads (p13-14; p9 "Child is at immediate risk")
    assert hits[0].indicator.immediate or hits[0].indicator.domain == "parents_carers"


def test_a_suicidal_fathers_threat_to_the_children_leads_with_p9():
    # p9, "Child is at immediate risk or has suffered significant harm": third before the rule
    assert search("father suicidal and has threatened to take the kids with him", age_in_months=84, limit=1)[0].indicator.immediate


def test_the_held_out_parent_calls():
    # measured before the rule: the child's own row first for 13 of 20, and one of the two calls
    # with a threat to the children had no immediate criterion in the first three; after: none, none
    calls = HELD_OUT["parent"]
    assert len(calls) >= 15
    hits = [[h.id for h in search(p["q"], limit=KEPT_PLACES, **_age(p))] for p in calls]
    assert sum(found[0] in p["child"] for p, found in zip(calls, hits)) == 0
    assert all(any(i.startswith("immediate.") for i in found) for p, found in zip(calls, hits) if p.get("p9"))


def test_the_held_out_child_calls_keep_the_childs_row_in_sight():
    # the same conditions said of the child, or by a parent about the child: one of its rows in the
    # first three (8 of 8 before and after)
    calls = HELD_OUT["child"]
    for p in calls:
        assert set(p["child"]) & {h.id for h in search(p["q"], limit=KEPT_PLACES, **_age(p))}, p["q"]


def test_no_immediate_criterion_leaves_the_first_three():
    # safety first: every p9 criterion the search without the rule put in the first three stays there
    calls = [(p["q"], _age(p)) for p in HELD_OUT["parent"] + HELD_OUT["child"]]
    calls += [("mum self harms in front of the kids", {"age_in_months": 90}), ("dad tried to strangle mum and the kids saw", {"age_in_months": 80})]
    for q, age in calls:
        before = {h.id for h in _without_rule().search(q, limit=KEPT_PLACES, **age) if h.indicator.immediate}
        assert before <= {h.id for h in default_index().search(q, limit=KEPT_PLACES, **age)}, q


@pytest.mark.parametrize(
    "q, age",
    [
        ("mum says he has been cutting himself", 170),  # reported by a parent, the child's
        ("dad found her after she took an overdose", 180),
        ("her son is drinking every weekend", 180),
        ("she self harms and mum drinks", 170),  # the self-harm is hers, said first
        ("teenager is depressed and not going to school", 180),  # no parent named
        ("mum is worried about her weight and diet", 100),
    ],
)
def test_the_rule_leaves_the_childs_own_condition_alone(q, age):
    assert [h.id for h in default_index().search(q, age_in_months=age, limit=5)] == [h.id for h in _without_rule().search(q, age_in_months=age, limit=5)]


def test_dad_drinks_and_she_self_harms_keeps_her_self_harm_first():
    # the self-harm row is also a substance row (p17: "Endangers own life through self harm/substance
    # misuse"): said of the child it is hers, whatever the father drinks
    assert search("dad drinks and she has started self harming", age_in_months=170, limit=1)[0].id in SELF_HARM


@pytest.mark.parametrize(
    "condition, match",
    [
        ({"child": ["immediate.significant_harm"]}, "child's own"),
        ({"child": ["additional.mental_physical_health_needs"]}, "child's own"),
        ({"leads": ["extensive.behaviour_puts_life_risk"]}, "parents' rows"),
        ({"child": ["extensive.no_such_row"]}, "unknown"),
    ],
)
def test_the_subject_data_is_checked(condition, match):
    synonyms = load_synonyms()
    first = {**synonyms["subject"]["conditions"][0], **condition}
    bad = {**synonyms, "subject": {**synonyms["subject"], "conditions": [first]}}
    with pytest.raises(SearchDataError, match=match):
        SearchIndex(load_catalogue(), bad)


def test_the_rule_is_declared_as_the_tools_reading():
    text = (Path(__file__).parents[2] / "pathway" / "data" / "search_synonyms.yaml").read_text(encoding="utf-8")
    comment = []
    for line in reversed(text[: text.index("\nsubject:")].splitlines()):  # the comment just above it
        if not line.startswith("#"):
            break
        comment.insert(0, line.lstrip("# "))
    said = " ".join(comment)
    assert "tool's reading" in said and "H6" in said and "p11-18" in said


KINSHIP = yaml.safe_load((Path(__file__).parent / "search_heldout_kinship_subject.yaml").read_text(encoding="utf-8"))


def test_the_held_out_kinship_carer_calls():
    # review 12 H1 (search12b): a kinship or foster carer's own condition. Measured before the carers
    # were listed: the child's own row first for 10 of 16; after: 3, each a limit stated in
    # docs/adviser.md ("special guardian", and a relative clause between the carer and the condition:
    # "the grandfather he lives with has cancer", "auntie who looks after them has terminal cancer")
    calls = KINSHIP["carer"]
    hits = [[h.id for h in search(p["q"], limit=KEPT_PLACES, **_age(p))] for p in calls]
    assert sum(found[0] in p["child"] for p, found in zip(calls, hits)) <= 3
    led = {p["q"] for p, found in zip(calls, hits) if found[0] in p["child"]}
    assert led <= {
        "special guardian is very depressed and not coping",
        "the grandfather he lives with has lung cancer and is having chemo",
        "auntie who looks after them has terminal cancer",
    }
    # p9 never below third (p9: "Child is at immediate risk or has suffered significant harm")
    assert all(any(i.startswith("immediate.") for i in found) for p, found in zip(calls, hits) if p.get("p9"))


@pytest.mark.parametrize("p", KINSHIP["child"], ids=lambda p: p["q"])
def test_the_held_out_kinship_child_calls_keep_the_childs_row_in_sight(p):
    # the condition said of the child as well, in a call naming a kinship carer: 6 of 6 before and after
    assert set(p["child"]) & {h.id for h in search(p["q"], limit=KEPT_PLACES, **_age(p))}


@pytest.mark.parametrize("p", KINSHIP["carer"] + KINSHIP["child"], ids=lambda p: p["q"])
def test_no_immediate_criterion_leaves_the_first_three_for_kinship_calls(p):
    before = {h.id for h in _without_rule().search(p["q"], limit=KEPT_PLACES, **_age(p)) if h.indicator.immediate}
    assert before <= {h.id for h in default_index().search(p["q"], limit=KEPT_PLACES, **_age(p))}
