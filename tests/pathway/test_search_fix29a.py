"""fix29a (stop 48; docs/adviser.md "Search29a"): safety under-calls the search still made, each read as a class.

Oracles: tests/pathway/search_fix29a_cases.yaml, calls in words of my own written before any reading was changed, each
with what the document's rows say must hold, and controls in the same shape that must not change."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from pathway import search_sale
from pathway.catalogue import load_catalogue
from pathway.search import SearchDataError, SearchIndex, default_index, load_synonyms, normalise
from pathway.search_denials import _denied_positions
from pathway.search_text import ages_glued, ages_unglued
from tests.pathway.cases import check, found, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix29a_cases.yaml").read_text())

AS_ON_MAIN = "as on main d8799f5, not this branch's reading: "
KNOWN: dict[str, str] = {
    "dad sold his car to pay his debts": AS_ON_MAIN + "'debts' alone offers p9's trafficking row (the call without 'sold' has it second); left",
    "mum sold her phone for money for food": (
        AS_ON_MAIN + "'phone' is a property word `everyday_senses` refuses as an object (a phone smashed is a concern); 'sold' still reaches trafficking"
    ),
    "he met a 50yo off an app": AS_ON_MAIN + "'met' is no `older_partner.relationship` word: '50 year old' offers no p9 row either (not the glued age)",
    "she is getting lifts from a 31yr old": AS_ON_MAIN + "'lifts from' is no relationship word: '31 year old' offers no p9 row either (not the glued age)",
    "she's chatting to a 15yo from her class": AS_ON_MAIN + "'chatting to a 15 year old' leads with p9's disclosure row too (a peer's age is not read); left",
    "she was promised a new bike if she did well": AS_ON_MAIN + "'promised' is a word of forced marriage (offered_with); a thing promised is not read; left",
}


@pytest.mark.parametrize(
    ("q", "age", "want"), keyed(CASES, KNOWN, "q1", "q1_controls", "q2", "q2_controls", "q3", "q3_controls", "q4", "q4_controls", "q5", "q5_controls")
)
def test_fix29a_call(q: str, age: int | None, want: dict) -> None:
    """`check`'s expectations, and `first`: that row is the first."""
    ids = found(q, age)
    check(ids, want)
    if want.get("first"):
        assert ids and ids[0] == want["first"], ids


@pytest.mark.parametrize(
    ("said", "sale"),
    [
        ("he bought her for 500", "bought"),
        ("he bought a child", "bought"),
        ("he bought a 13 year old girl for 500 pounds", "bought"),
        ("they sold her to a man for £200", "sold"),
        ("her dad sold her to pay his debts", "sold"),
        ("they paid her family for her", "paid"),
        ("he traded her for drugs", "traded"),
        ("she was sold for 500", "sold"),
        ("the girl was bought by a man", "bought"),
        ("mum bought a baby gate", None),
        ("bought the boy new trainers", None),
        ("the bike we bought him for christmas", None),
        ("the trainers we bought him for 60 quid", None),
        ("bought him a bike", None),
        ("sold his car", None),
        ("sold her old bike", None),
        ("paid for her school trip", None),
        ("her nan paid for her", None),
        ("we paid the childminder for him", None),
        ("she was sold a fake phone", None),
        ("he did not sell her", None),
        ("sold out", None),
    ],
)
def test_a_child_bought_or_sold_is_read(said: str, sale: str | None) -> None:
    """search_sale.sale_at: the verb of a sale whose whole object is a person, or None (a gift, a thing, a denial)."""
    words = normalise(said).split()
    at = search_sale.sale_at(default_index().sold_child, words, set(_denied_positions(words)))
    assert (words[at] if at is not None else None) == sale


@pytest.mark.parametrize(
    ("said", "struck"),
    [
        ("dad smashed mum's head into the wall", "smashed"),
        ("he smashed her face into the table", "smashed"),
        ("dad hammered him with his fists", "hammered"),
        ("he smashed her", "smashed"),
        ("her stepdad smashed the little one's head on the floor", "smashed"),
        ("dad is smashed, mum says he drank all day", None),
        ("he got smashed at the party", None),
        ("he was hammered last night", None),
        ("he smashed her phone", None),
        ("he smashed the window", None),
        ("he wasted his money", None),
        ("mum was smashed, dad had to put the kids to bed", None),
    ],
)
def test_a_blow_is_no_drink(said: str, struck: str | None) -> None:
    """SearchIndex._struck_at: a blow's word with a person or body part as its object, not after a be/get verb."""
    words = normalise(said).split()
    at = [w for i, w in enumerate(words) if default_index()._struck_at(words, i)]
    assert at == ([struck] if struck else [])


@pytest.mark.parametrize(
    ("said", "unglued", "glued"),
    [
        ("a 30yo off snapchat", "a 30 yo off snapchat", "a 30yo off snapchat"),
        ("a 28 y/o", "a 28 yo", "a 28yo"),
        ("her bf is 24yrs", "her bf is 24 yrs", "her bf is 24yrs"),
        ("a 25yr old", "a 25 yr old", "a 25yr old"),
        ("a y o b", "a y o b", "a y o b"),
        ("1990yo", "1990yo", "1990yo"),
    ],
)
def test_an_age_glued_to_its_unit(said: str, unglued: str, glued: str) -> None:
    words = normalise(said).split()
    assert (" ".join(ages_unglued(words)), " ".join(ages_glued(words))) == (unglued, glued)


def test_sold_child_is_checked() -> None:
    """A `sold_child` whose row is no p9 criterion, or with a key missing, is refused naming the table."""
    for change in ({"row": "additional.uses_substances"}, {"reach": 0}):
        synonyms = copy.deepcopy(load_synonyms())
        synonyms["sold_child"].update(change)
        with pytest.raises(SearchDataError, match="sold_child"):
            SearchIndex(load_catalogue(), synonyms)
    synonyms = copy.deepcopy(load_synonyms())
    del synonyms["sold_child"]["buyers"]
    with pytest.raises(SearchDataError, match="sold_child"):
        SearchIndex(load_catalogue(), synonyms)
