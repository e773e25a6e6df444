"""Review 15 (rules), L5: for a family already open to Social Care, route 2 of Resolving Inter-Agency
Disagreements ends with p19's fallback when the social worker or team manager cannot be reached in time. A
professional with a concern about an open child is told it at every level, not only beside a ring-now (where
the allocated social worker's contact carries it). The oracle is p19's words, written here."""

from __future__ import annotations

import pytest

from rules import evaluate
from tests.conftest import make_case
from tests.rules.test_review14_rules import DOCUMENT, _norm

P19_HARD_TO_REACH = "it may be difficult to contact the Social Worker or Team Manager in a timely manner"
P19_SERVICE_MANAGER = "If this is the case, contact should be made with the relevant service manager"
P19_HOURS = "(i.e. within a matter of hours) or within a 24 hour period depending on perceived level of risk"


def test_the_oracles_are_the_documents_words():
    for words in (P19_HARD_TO_REACH, P19_SERVICE_MANAGER, P19_HOURS):
        assert _norm(words) in _norm(DOCUMENT), words


def _route2_words(indicators, age, **context):
    d = evaluate(make_case(indicators, age_years=age, open_to_social_care=True, **context))
    return d, " ".join(g.text for g in d.guidance if g.rule == "route.open_to_social_care")


@pytest.mark.parametrize(
    ("indicators", "age", "context", "level"),
    [
        (["protection.victim_crime"], 8, {}, "protection"),
        (["extensive.children_who_go_missing"], 13, {}, "extensive"),
        (["extensive.substantial_lifelong_disability_short_breaks"], 8, {"disability": "substantial_lifelong"}, "child_in_need"),
    ],
)
def test_an_open_childs_route_says_whom_to_contact_when_the_social_worker_cannot_be_reached(indicators, age, context, level):
    d, words = _route2_words(indicators, age, **context)
    assert d.level.value == level and not d.immediate
    assert words, "route 2's words for an open child"
    low = words.lower()
    assert "in a timely manner" in low and "relevant service manager" in low, words
    assert "within a matter of hours" in low and "24 hour period" in low and "level of risk" in low, words
    assert "(p19)" in words
