"""Search19p: a p9 criterion stated of this child leads, whatever another person's condition or a strength says.

Oracles: the document, by hand. p9 (immediate referral) names a child who "is at immediate risk or has suffered
significant harm", and its introduction sends a child "already suffering or likely to suffer significant harm" to
the same referral. Another child's or a relative's condition is not this child's (p11-17 keep the child's own rows
apart), and a strength (Universal, p11-14) is no concern. So a call saying, of this child, that he or she has
suffered significant harm or is at immediate risk leads with p9, ahead of the child's own self-harm, eating or
substance rows found on another person's condition. The calls below were written for search19p from the brief and
the document (none is in the grid of docs/adviser.md's Search19p), and each led with another row on main (6b200c2).

The other direction: a harm said of the brother, denied, ended, hedged or only supposed is not stated of this
child, and this reading moves nothing for it (_stated_of_this_child gives None; the search's lead is left as the
earlier readings make it)."""

from __future__ import annotations

from typing import Optional

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms, normalise, stem
from pathway.search_model import example_calls
from tests.pathway.p9_sight import p9_calls_lost

P9_HARM = "immediate.significant_harm"
# the child's own rows (p13-17) another person's self-harm, eating or substance use found on main
OWN_CONDITION = {
    "protection.endangers_life_through_self",
    "extensive.behaviour_puts_life_risk",
    "additional.uses_substances",
    "extensive.persistent_problematic_involvement_alcohol",
    "extensive.significant_mental_health_needs",
    "additional.mental_health_concerns_about",
}

STATED_OF_THIS_CHILD: list[tuple[str, Optional[int]]] = [
    ("his brother is anorexic, he has good stable relationships with his carers and he has suffered significant harm", 120),
    ("his cousin is an alcoholic and he is at immediate risk", None),
    ("her stepsister is bulimic and she is at immediate risk, she attends school every day", 150),
    ("kayden has suffered significant harm and his brother smokes cannabis", 100),
    ("his uncle is a heroin addict and the boy has suffered significant harm, he has good relationships with his carers", 90),
    ("her sister has an eating disorder and she is at immediate risk of significant harm", 160),
    ("she has been significantly harmed, her brother drinks and she has good friends", 140),
]


@pytest.mark.parametrize(("q", "age"), STATED_OF_THIS_CHILD)
def test_p9_stated_of_this_child_leads(q: str, age: Optional[int]) -> None:
    ids = [h.id for h in default_index().search(q, age_in_months=age, limit=10)]
    assert ids[0] == P9_HARM, ids
    # and another person's condition puts none of the child's own rows ahead of it
    assert not OWN_CONDITION & set(ids[: ids.index(P9_HARM)])


def _stated(q: str) -> Optional[str]:
    index = default_index()
    words = normalise(q).split()
    n = index._stated_of_this_child(words, [stem(w) for w in words], False, None)
    return None if n is None else index.entries[n].indicator.id


@pytest.mark.parametrize(
    "q",
    [
        "his brother is anorexic and he has suffered significant harm",
        "he has been seriously harmed",
        "the baby is in immediate danger",
        "jayden is at immediate risk and his cousin drinks",
        "mum says he has suffered significant harm",
    ],
)
def test_stated_of_this_child(q: str) -> None:
    assert _stated(q) == P9_HARM


@pytest.mark.parametrize(
    "q",
    [
        "his brother has suffered significant harm",  # the brother's (arguable: the brief; left to the earlier readings)
        "a boy in his class has suffered significant harm",
        "mum has suffered significant harm",
        "he has not suffered significant harm and his brother is anorexic",
        "he is no longer at immediate risk",
        "he was at immediate risk last year",
        "I think he is at immediate risk",
        "he may have suffered significant harm",
        "if he is at immediate risk we will ring",
        "mum denies he has suffered significant harm",
        "his brother is anorexic and he harms himself",
    ],
)
def test_not_stated_of_this_child(q: str) -> None:
    assert _stated(q) is None


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("he is no longer at immediate risk and he is physically well", 100),
        ("mum denies he has suffered significant harm, he is physically well", 100),
    ],
)
def test_an_ended_or_denied_harm_is_not_led_with(q: str, age: int) -> None:
    ids = [h.id for h in default_index().search(q, age_in_months=age, limit=KEPT_PLACES)]
    assert ids[0] != P9_HARM, ids


@pytest.mark.parametrize(
    "bad",
    [
        {"rows": {"universal.physically_well": ["is well"]}, "subjects": ["he"], "determiners": ["the"], "between": ["is"], "not_after": ["if"]},
        {"rows": {"immediate.significant_harm": []}, "subjects": ["he"], "determiners": ["the"], "between": ["is"], "not_after": ["if"]},
        {"rows": {"immediate.significant_harm": ["at immediate risk"]}, "subjects": ["he"]},
        ["at immediate risk"],
    ],
)
def test_a_malformed_of_this_child_is_refused(bad: object) -> None:
    with pytest.raises(SearchDataError):
        SearchIndex(load_catalogue(), {**load_synonyms(), "of_this_child": bad})


def test_no_labelled_p9_call_loses_first_place_or_sight() -> None:
    without = SearchIndex(load_catalogue(), {k: v for k, v in load_synonyms().items() if k != "of_this_child"}, example_calls())
    assert p9_calls_lost(default_index(), without) == []
