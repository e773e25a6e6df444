"""A parent's psychosis joined in one call to harm to the child puts p9 first (review 8, surfaces S2;
search11). "mum hearing voices telling her to hurt the baby" (2 months) put a parent's mental health
(Extensive) first and "Child is at immediate risk or has suffered significant harm" 4th: the illness
words pulled the call. The synonyms file's `joined` rule (this tool's reading of p9, declared there)
lets the p9 criterion lead where the first result is not an immediate criterion.

Oracles: the document's p9 criterion for the review's two calls; the held-out calls of
search_heldout_plain_and_psychosis.yaml (written before the rule, never tuned on; docs/adviser.md
gives the before and after); and the index without the rule, for calls the rule must leave alone (the
child's own psychosis, harm to the parent themselves)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms, search
from pathway.search_model import example_calls

SIGNIFICANT_HARM = "immediate.significant_harm"
HELD_OUT = yaml.safe_load((Path(__file__).parent / "search_heldout_plain_and_psychosis.yaml").read_text(encoding="utf-8"))


def _age(p: dict) -> dict:
    return {"unborn": p.get("unborn", False), "age_in_months": p.get("age_in_months")}


@pytest.mark.parametrize(
    "q",
    ["mum hearing voices telling her to hurt the baby", "mum is psychotic and says the baby is the devil"],
)
def test_the_reviews_calls_put_immediate_risk_first(q):
    assert search(q, age_in_months=2, limit=1)[0].id == SIGNIFICANT_HARM


# search12: a parent's belief that the child is possessed, a demon, evil or a witch is itself the
# delusion (the `joined` rule's `says` and `believed`); search11 left the first two
@pytest.mark.parametrize(
    "q, age",
    [
        ("mum thinks the baby is possessed", 3),
        ("dad thinks his daughter is a demon", 70),
        ("mum believes her son has an evil spirit in him", 90),
        ("dad is convinced the toddler is a witch", 30),
        ("mum says the baby is possessed by spirits", 5),
    ],
)
def test_a_parents_belief_about_the_child_puts_immediate_risk_first(q, age):
    assert search(q, age_in_months=age, limit=1)[0].id == SIGNIFICANT_HARM
    without = [h.id for h in _without_rules().search(q, age_in_months=age, limit=1)]
    assert without != [SIGNIFICANT_HARM], (q, without)  # the rule (or fix22b's agreeing reading) is what put it there


def test_the_held_out_psychosis_calls():
    # measured before the rule: an immediate criterion first for 5 of 12, significant harm in the
    # first three for 7; after: docs/adviser.md. Counts only, as for a held-back set
    calls = HELD_OUT["psychosis"]
    first = [search(p["q"], limit=KEPT_PLACES, **_age(p)) for p in calls]
    assert len(calls) >= 10
    assert sum(any(h.indicator.immediate for h in hits) for hits in first) >= 11  # 11 before too
    # search12: 12 and 12 (a parent's belief about the child, said with no illness word, now counts)
    assert sum(hits[0].indicator.immediate for hits in first) >= 12
    assert sum(SIGNIFICANT_HARM in [h.id for h in hits] for hits in first) >= 11


def test_the_held_out_harmless_calls():
    # measured before and after search11: a Protection need or p9 criterion first for 14 of 28 (p9 for
    # 6): none of them is a plain call (hospital, police, marriage, gifts, twins...). After search12's
    # "no concern" answer (_calm_first; test_search_harmless.py): 11 of 28, p9 for 3. Held as a ceiling
    calls = HELD_OUT["harmless"]
    firsts = [search(p["q"], limit=1, **_age(p))[0].indicator for p in calls]
    assert len(calls) >= 20
    assert sum(i.immediate for i in firsts) <= 3
    assert sum(i.immediate or i.level.value == "protection" for i in firsts) <= 11


@cache
def _without_rule() -> SearchIndex:
    return SearchIndex(load_catalogue(), {**load_synonyms(), "joined": []}, example_calls())


def _without_rules() -> SearchIndex:
    """The index without the `joined` rule, nor fix22b's `belief_harm` reading (review 22 N2: a child branded a witch or
    possessed leads with p9's significant harm by itself too; two readings agree, so the joined rule is tested alone)."""
    synonyms = load_synonyms()
    named = synonyms["named_rows"]
    readings = [r for r in named["readings"] if r["name"] != "belief_harm"]
    return SearchIndex(load_catalogue(), {**synonyms, "joined": [], "named_rows": {**named, "readings": readings}}, example_calls())


@pytest.mark.parametrize(
    "q, age",
    [
        ("teenager psychotic, hearing voices telling her to hurt herself", 180),  # the child's own psychosis
        ("my son hears voices telling him to hurt his sister", 170),  # the child's, harm to another child
        ("mum hears voices telling her to hurt herself", 60),  # harm to the parent themselves
        ("mum is bipolar and the baby is feeding well", 3),  # no harm said
        ("mum says the baby is a little devil at bedtime", 10),  # no illness said, and "devil" is not a belief alone
        ("my son thinks he is possessed", 170),  # the child's own belief
        ("mum thinks the baby is lovely", 3),  # a parent's belief, of no harm
    ],
)
def test_the_rule_leaves_other_calls_alone(q, age):
    with_rule = [h.id for h in default_index().search(q, age_in_months=age, limit=5)]
    assert with_rule == [h.id for h in _without_rule().search(q, age_in_months=age, limit=5)]


def test_a_joined_rule_must_lead_with_an_immediate_criterion():
    bad = {**load_synonyms(), "joined": [{**load_synonyms()["joined"][0], "leads": "protection.acute_mental_physical_health"}]}
    with pytest.raises(SearchDataError, match="immediate"):
        SearchIndex(load_catalogue(), bad)


def test_the_rule_is_declared_as_the_tools_reading():
    text = (Path(__file__).parents[2] / "pathway" / "data" / "search_synonyms.yaml").read_text(encoding="utf-8")
    comment = []
    for line in reversed(text[: text.index("\njoined:")].splitlines()):  # the comment just above it
        if not line.startswith("#"):
            break
        comment.insert(0, line.lstrip("# "))
    said = " ".join(comment)
    assert "tool's reading" in said and "p9" in said and "S2" in said
