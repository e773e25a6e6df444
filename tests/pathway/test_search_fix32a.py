"""fix32a (stop 51; docs/adviser.md "Search32a"): review 31's Q3, K2, Q4 and Q5, each mended as a class, not as its
example:

1. a carer's low mood or paranoia said in slang ("on a downer", "gone doolally", "lost the plot", "cracking up"): a
   parent's mental-health row (p13-14, p15-16) in the first three;
2. a possessive "own" ("her own children", "my own baby") is no "on her own": no p9 home-alone row first;
3. a punishment said by its act ("puts her in a cold bath when she wets herself"): p9's significant harm or p17's
   "highly critical" in the first three, not the child's self-care row first;
4. a child singled out by carers ("not allowed to eat with everyone else"): p13-14 "Child perceived to be a problem by
   parent", p17 "highly critical" or p9's harm in the first three, poverty not first.

Oracles: tests/pathway/search_fix32a_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls (the same words in their ordinary sense) that must not
change."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed, refused_where_set

CASES = yaml.safe_load((Path(__file__).parent / "search_fix32a_cases.yaml").read_text())

KNOWN: dict[str, str] = {
    "stepdad doesn't let her have any tea if she answers back": (
        "left (Q4's class, food withheld as a punishment): 'doesn't let her have any tea' is none of `care_withheld`'s"
        " acts (a feed, a medicine, a service) nor `degrading_treatment`'s places; a reading of a meal withheld for the"
        " child's behaviour is not written (the practitioner reads 'answers back', offered first)"
    ),
    **{
        q: (
            "left (Q5's class, the under-call half): no row's words know a child kept apart by the carers; phrasings for"
            " p13-14 'Child perceived to be a problem by parent' put it first, but they are the learned model's examples"
            " too and moved 63 labelled calls' first threes (a young carer's call lost p13-14 'Young carers' family' to p17"
            " trafficking): not shipped. The inflation half holds (`apart_first`: poverty is not first)"
        )
        for q in (
            "he told me 'I'm not allowed to eat with everyone else, I have to eat in my room'",
            "he has to eat his meals alone in his room while the family eat together",
            "she isn't allowed to sit at the table with the others",
            "mum buys the other kids presents but never anything for him",
        )
    },
    "the family go on days out and leave her behind with a neighbour, but take her brothers": (
        "left (Q5's class, a child left out of outings): the Universal row 'Family included in social aspects of"
        " community' leads on 'family' and 'neighbour'; the new phrasings of p13-14 'Child perceived to be a problem by"
        " parent' do not reach the first three for this wording"
    ),
}


CALLS = keyed(CASES, KNOWN, *(f"{group}{kind}" for group in ("mood", "own", "punish", "apart") for kind in ("", "_controls")), "apart_first")


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix32a_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("said_as_meant", "unwell", "alone"), ["not a phrase of read"]),
        (("said_as_meant", "unwell", "read"), {"on a downer": ""}),
        (("said_as_meant", "unwell", "not_before"), ["at the"]),
    ],
)
def test_the_new_lists_are_checked(path: tuple[str, ...], value: object) -> None:
    """The synonyms file's `said_as_meant.unwell` is refused where it is not as _unwell_at reads it."""
    refused_where_set(path, value)


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("mum been on a real downer for weeks", True),
        ("dad gone doolally", True),
        ("nan who looks after them has gone a bit doolally", True),  # no everyday sense: no person needed before it
        ("mum has completely lost the plot", True),
        ("mum is in a dark place at the moment", True),  # `still_after`
        ("he lost the plot at the football", False),  # a temper: `not_before`
        ("she was in a dark place in the woods", False),  # a place
        ("we were cracking up laughing", False),
        ("the film lost the plot", False),  # no person
    ],
)
def test_slang_for_a_carers_mood_is_read_as_meant(said: str, read: bool) -> None:
    """`said_as_meant.unwell` (item 1): _as_meant reads the phrase as what it means, or leaves it as said."""
    from pathway.search import default_index, normalise

    words = normalise(said).split()
    meant = default_index()._as_meant(words)
    assert (("depressed" in meant or "mentally" in meant) and meant != words) == read, meant


def test_a_possessive_own_is_no_home_alone() -> None:
    """`search_structures.possessive_own` (item 2): "her own children" is possessive; "on her own", and any call that
    says a child left, is not."""
    from pathway import search_structures
    from pathway.search import default_index, normalise

    s = default_index().everyday_structures
    assert search_structures.possessive_own(s, normalise("before she had her own children").split())
    assert not search_structures.possessive_own(s, normalise("she was at home on her own").split())
    assert not search_structures.possessive_own(s, normalise("mum leaves her own kids on their own").split())
