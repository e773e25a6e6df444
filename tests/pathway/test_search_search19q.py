"""Search19q: the other p9 criteria stated of this child lead, as search19p's "significant harm" does.

Oracles: the document, by hand. p9 (immediate referral) lists "Unexplained injuries ...", "Under two years old and
has unexplained bruising", "Allegations or disclosures of abuse including sexually abused or evidence of grooming",
"Left 'home alone' ... certainly all children 'home alone' aged 5 years old and under should be referred", and "Child
is at immediate risk or has suffered significant harm" (this tool's reading, search_synonyms.yaml review 9 G6: FGM).
Another person's condition is not this child's, and a strength (Universal, p11-14) is no concern, so a call stating
one of these of this child leads with its p9 row. The calls below were written for search19q (none is in the grid
of docs/adviser.md's Search19q) and each led with a strength on main (c9164eb).

The other direction: the same words said of another child, by this child of someone else ("he abused his sister"),
denied, ended, hedged or supposed are not stated of this child (_stated_of_this_child gives None)."""

from __future__ import annotations

from typing import Optional

import pytest

from pathway.search import default_index, normalise, stem

STATED_OF_THIS_CHILD: list[tuple[str, int, str]] = [
    ("she has unexplained bruises, her aunt is bipolar and she is physically well", 10, "immediate.unexplained_bruising_under_2"),
    (
        "she has been sexually abused, her sister is bulimic and she has good stable relationships with her carers",
        140,
        "immediate.allegation_or_disclosure",
    ),
    (
        "he has been groomed, he has good stable relationships with his carers and his cousin drinks every day",
        150,
        "immediate.allegation_or_disclosure",
    ),
    ("she has had fgm, her stepsister smokes cannabis and she is physically well", 120, "immediate.significant_harm"),
    (
        "he has been left home alone, he has good stable relationships with his carers and his sister is bulimic",
        48,
        "immediate.home_alone_5_and_under",
    ),
    (
        "she was left home alone, her uncle takes heroin and she has good stable relationships with her carers",
        40,
        "immediate.home_alone_5_and_under",
    ),
]


@pytest.mark.parametrize(("q", "age", "row"), STATED_OF_THIS_CHILD)
def test_p9_row_stated_of_this_child_leads(q: str, age: int, row: str) -> None:
    ids = [h.id for h in default_index().search(q, age_in_months=age, limit=10)]
    assert ids[0] == row, ids


def _stated(q: str, age: Optional[int] = None) -> Optional[str]:
    index = default_index()
    words = normalise(q).split()
    n = index._stated_of_this_child(words, [stem(w) for w in words], False, age)
    return None if n is None else index.entries[n].indicator.id


@pytest.mark.parametrize(
    ("q", "age", "row"),
    [
        ("he has unexplained injuries", 100, "immediate.unexplained_injuries"),
        ("the baby has unexplained bruising", 9, "immediate.unexplained_bruising_under_2"),
        ("he has unexplained bruising", 100, "immediate.unexplained_injuries"),  # the under-2 row does not admit him
        ("she disclosed abuse", None, "immediate.allegation_or_disclosure"),
        ("he is being abused", None, "immediate.allegation_or_disclosure"),
        ("he is left home alone", 48, "immediate.home_alone_5_and_under"),
        ("he is left home alone", 130, "immediate.home_alone_at_risk"),
        ("she has undergone fgm", None, "immediate.significant_harm"),
    ],
)
def test_stated_of_this_child(q: str, age: Optional[int], row: str) -> None:
    assert _stated(q, age) == row


@pytest.mark.parametrize(
    "q",
    [
        "he abused his sister",  # he is the abuser: only the passive is read
        "he groomed a younger girl",
        "his brother disclosed abuse",
        "her sister has unexplained injuries",
        "he has not been left home alone",
        "mum denies she has unexplained bruises",
        "I think he may have been abused",
        "if he is left home alone",
        "he is no longer being groomed",
        "she wants to be left alone",
        "huge delay because she's been left alone in a room most of the day",  # a labelled call: not "home alone"
    ],
)
def test_not_stated_of_this_child(q: str) -> None:
    assert _stated(q) is None
