"""A caller who says a strength is missing ("not safe at home") names a concern: search must not
offer the strength itself first (hazard H8). Found by the review of 2026-12-01: "not" before a
strength's own words put that Universal strength first for 67 of 70 strength phrasings."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.levels import Level
from pathway.search import load_synonyms, search

CATALOGUE = load_catalogue()
STRENGTHS = [i for i in CATALOGUE.indicators if i.level is Level.UNIVERSAL]
PHRASINGS = sorted(
    {
        p
        for i in STRENGTHS
        for p in [*i.keywords, *(load_synonyms().get("indicators") or {}).get(i.id, [])]
        if not set(p.lower().split()) & {"not", "no", "never"}
    }
)


def _first(query: str, age: int = 96) -> str:
    hits = search(query, age_in_months=age)
    return hits[0].indicator.level.value if hits else "none"


def test_there_are_strength_phrasings_to_negate():
    assert len(PHRASINGS) >= 50


@pytest.mark.parametrize("negation", ["not", "never"])
def test_a_negated_strength_rarely_leads(negation):
    """Before the fix 261 of 319 ("not") and 266 ("never") put a strength first; after, 58 and
    48: most that still do are strengths no concern shares a word with ("not cadets", "not
    aggressive", which is itself the strength "no concerns about aggressive behaviour")."""
    first_strength = [p for p in PHRASINGS if _first(f"{negation} {p}") == "universal"]
    assert len(first_strength) <= len(PHRASINGS) // 5


@pytest.mark.parametrize(
    ("query", "concern"),
    [("not clean and well fed", "additional.receiving_poor_inconsistent_standards"), ("parents aren't reliable", None), ("he isn't growing well", None)],
)
def test_a_strength_said_missing_gives_way_to_the_concern(query, concern):
    hits = search(query, age_in_months=96)
    assert hits[0].indicator.level is not Level.UNIVERSAL
    if concern:  # first or second: "not clean" is also the child's own self-care (extensive.poor_self_care_skills)
        assert concern in [h.id for h in hits[:2]]


@pytest.mark.parametrize(
    "query",
    ["not safe at home", "he's not safe at home", "home isn't safe", "not kept safe", "never kept safe", "she is in danger at home"],
)
def test_saying_a_child_is_not_safe_names_a_concern_not_a_strength(query):
    hits = search(query, age_in_months=96)
    assert hits and hits[0].indicator.level is not Level.UNIVERSAL
    assert "immediate.significant_harm" in [h.id for h in hits[:3]]


def test_a_strength_said_plainly_is_still_found_first():
    for phrase in ("safe and secure home", "kept safe", "secure home life"):
        hits = search(phrase, age_in_months=96)
        assert hits[0].indicator.level is Level.UNIVERSAL, phrase


@pytest.mark.parametrize(
    ("query", "strength"),
    [
        ("never poorly, healthy boy", "universal.physically_well"),
        ("no worries about money at all", "universal.not_living_poverty"),
        ("he never hits anyone", "universal.no_concerns_about_aggressive"),
        ("no health problems", "universal.physically_well"),
    ],
)
def test_denying_what_the_strength_itself_denies_is_the_strength(query, strength):
    # "never poorly" denies a concern, as "never ill" (a phrasing of the strength) does: found by
    # the left-out sets on 2026-12-02, where any "not" outside a strength's own text had taken its
    # share, whatever it denied
    assert search(query, age_in_months=96)[0].indicator.id == strength


@pytest.mark.parametrize("query", ["no money", "not kept safe", "not clean and well fed", "never well"])
def test_denying_a_word_the_strength_says_is_not_the_strength(query):
    # "no money" denies "money", which the strength says ("managing for money"); "no money worries"
    # denies "worries", which it only denies
    assert search(query, age_in_months=96)[0].indicator.level is not Level.UNIVERSAL


def test_what_a_not_denies_ends_at_its_reach_or_its_clause():
    from pathway.search import NEGATION_REACH, _denied_positions, _said_and_denied

    assert NEGATION_REACH == 3
    words = "not clean and well fed but happy".split()
    assert [words[i] for i in _denied_positions(words)] == ["clean", "and", "well"]
    assert _denied_positions("happy but never poorly".split()) == [3]
    says, denies = _said_and_denied(["Not living in poverty", "managing for money", "no money worries"])
    assert "money" in says and "money" not in denies  # said somewhere: denying it is denying the strength
    assert {"poverti", "worri"} <= denies
