"""fix35a (stop 53; docs/adviser.md "Search35a"): a strength said beside a concern must not lead it.

1. Review 33 Q2 (safety): a strength clause (school, health, the house, friends) joined by but / although / though /
   except to a concern clause led with a Universal row ("he's doing fine at school but dad smashes the house up when
   he's drunk": p11's "Appropriate accommodation and facilities" first, no domestic-abuse row in three);
2. mut33's strength-absence probes: a strength's verb said with a denying subject and a phrase between ("none of the
   adults ever play with the kids") read as the strength; a well-being word denied past an adverb ("she is not truly
   happy") led with a Universal row.

Oracles: tests/pathway/search_fix35a_cases.yaml, calls in words of my own written before the readings were changed,
with controls (the strength said alone, the concern said first, a harmless "but")."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found, found_as_wanted, keyed, refused_where_set

CASES = yaml.safe_load((Path(__file__).parent / "search_fix35a_cases.yaml").read_text())

MERGE = (
    "left at the merge (stop 53), as on main a43bc16: the contrast reading now leads only where the Universal row rests on"
    " a word of the contrast clause itself and the concern row is already in the first three (test_search_clause25's"
    " controls, 'he's never been aggressive but he is a bit shy', keep a Universal row first); here the strength is the"
    " first clause's own"
)
KNOWN: dict[str, str] = {
    "their house is really nice but dad trashes it when he's drunk": MERGE,
    "he's doing well at school but mum and dad argue all the time": MERGE,
    # fix39c (stop 55, Search39c): a contrast clause that says a carer's drink or drugs leads though the strength is the
    # first clause's (_contrast_carer_concern): "she's healthy and happy though mum is drinking heavily again", "the kids
    # are healthy although their mum is drinking every day", "the home is warm and clean though dad has started drinking
    # again and shouting at mum" pass and lose their strict xfail
}

CALLS = keyed(CASES, KNOWN, "strength_but_concern", "controls", "play_absence", "play_controls", "happy", "happy_controls")


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix35a_call(q: str, age: int | None, want: dict) -> None:
    """The call's rows hold the cases file's expectations; `no_universal_first`: the first row is no Universal row;
    `universal_first`: it is one."""
    found_as_wanted(q, age, want)
    ids = found(q, age)
    if want.get("no_universal_first"):
        assert ids and not ids[0].startswith("universal."), ids
    if want.get("universal_first"):
        assert ids and ids[0].startswith("universal."), ids


@pytest.mark.parametrize("value", [[], "but", [""], [3]])
def test_the_contrast_list_is_checked(value: object) -> None:
    """`clause_reading.contrast` (item 1) is refused where it is not a list of words or phrases."""
    refused_where_set(("clause_reading", "contrast"), value)


@pytest.mark.parametrize(
    ("said", "word", "lacking"),
    [
        ("none of the adults ever play with the kids", "play", True),
        ("neither of them ever play with him", "play", True),
        ("nobody in the family ever takes her to the park or plays with her", "plays", True),
        ("nobody at home ever sits down and plays with him", "plays", True),
        ("neither parent ever reads to her", "reads", True),
        ("nobody could fault how much she plays with them", "plays", False),  # a subject pronoun, and a verb of judging
        ("nobody stops him playing with his friends", "playing", False),  # a verb of stopping: no lack said
        ("nobody helps mum and the kids play outside", "play", False),  # an "and" with a new subject
        ("neither is great but they play with him", "play", False),  # "neither" no subject of the verb; a clause word
        ("none of this matters, they play with her every day", "play", False),  # "none" without "of"... a pronoun ends it
    ],
)
def test_a_denying_subject_reaches_its_verb_phrase(said: str, word: str, lacking: bool) -> None:
    """Item 2: search_denial_only.lacking reads a strength word denied by a denying subject over its own words."""
    from pathway.search import normalise
    from pathway.search_denial_only import lacking as lacking_words

    positive = frozenset({"play", "plays", "playing", "reads"})
    assert (word in lacking_words(normalise(said).split(), positive)) == lacking
