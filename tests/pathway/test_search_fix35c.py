"""fix35c (stop 53; docs/adviser.md "Search35c"): mut33's under-call probes (review 32's mutation run), each mended as a
class, not as its example:

1. a young child (under 12) alone in the home for hours while the carer is away ("the 6 year old walks home and waits
   in the empty flat until mum gets back at 10"): p9's home-alone row first (`young_minder.alone`, read by
   pathway/search_minded.py's `alone_at`, SearchIndex._young_alone_first); an older child with a key (review 33 K1), a
   child with another adult, a lone carer with the children, an empty house viewed: not read;
2. a carer's state in slang with a hedge ("dad's gone a bit loopy", "mum's a bit bonkers"): the carer's mental health
   (`said_as_meant.unwell.read` gains the slang word alone, read only of a person's state as fix32a's phrases are);
3. locked out of an account, a phone or a game (fix34b's strict xfail): no child shut out of the home
   (`said_as_meant.plain` reads it as "logged out of"); locked out of the house still leads with p9's home alone.

Oracles: tests/pathway/search_fix35c_cases.yaml, calls in words of my own written before the readings were changed,
with controls (an older child, another adult there, the child's excitement, a film, a food)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed, refused_where_set

CASES = yaml.safe_load((Path(__file__).parent / "search_fix35c_cases.yaml").read_text())

AS_ON_MAIN = "as on main a43bc16, unchanged by this branch (not this reading's class): "
KNOWN: dict[str, str] = {
    "he's 14 and lets himself in after school until mum gets home from work": AS_ON_MAIN
    + "p9 home alone first at 14 (inflation: 'lets himself in' and 'home' reach the row; this reading reads only a child"
    " under 12 and moves nothing for an older one)",
    "the 7 year old stays with his grandad after school until mum gets home": AS_ON_MAIN
    + "p9 home alone third on 'until mum gets home' with an adult said ('with his grandad'); this reading leads with"
    " nothing there (no word of the child alone) and moves nothing down",
    "nan who looks after them is getting a bit loopy": (
        "left: 'loopy' is read only with a person right before it (past hedges and be/get verbs), so 'the film was"
        " loopy' stays as said; here the relative clause ('who looks after them') stands between nan and the word"
        " (fix32a reads such a call only for words of no everyday sense, `unwell.alone`: 'doolally')"
    ),
}

GROUPS = ("young_alone", "young_alone_controls", "loopy", "loopy_controls", "locked_account", "locked_account_controls")
CALLS = keyed(CASES, KNOWN, *GROUPS)


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix35c_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("young_minder", "alone"), "empty flat"),
        (("young_minder", "until"), []),
        (("young_minder", "back"), [""]),
        (("young_minder", "carers"), "mum"),
        (("young_minder", "elsewhere"), [3]),
    ],
)
def test_the_new_lists_are_checked(path: tuple[str, ...], value: object) -> None:
    """`young_minder`'s new lists (fix35c) are refused where they are not as alone_at reads them."""
    refused_where_set(path, value)


@pytest.mark.parametrize(
    ("said", "age", "read"),
    [
        ("the 6 year old waits in the empty flat until mum gets back", None, True),
        ("she lets herself in and is on her own till mum gets home", 96, True),  # the age entered
        ("she lets herself in and is on her own till mum gets home", 168, False),  # 14
        ("she is 15 and lets herself in till mum gets home", 96, False),  # an age said of 12 or more
        ("the 6 year old waits in the empty flat", 72, False),  # no carer away said
        ("the 6 year old is not on his own until mum gets back", 72, False),  # denied
        ("mum is at home on her own until dad gets back", 72, False),  # the carer alone
        ("mum is on her own with the kids until dad gets back", 72, False),  # a lone carer with them
        ("the 7 year old waits on his own at the bus stop until dad gets back", 84, False),  # out of the home
        ("the 6 year old is at home by herself while mum is at work", 72, True),  # 'is at home' the child's place
        ("the 6 year old is on his own till mum gets back but nan is at home", 72, False),  # an adult there
    ],
)
def test_a_young_child_alone_is_read_as_said(said: str, age: int | None, read: bool) -> None:
    """`young_minder.alone` (item 1): search_minded.alone_at finds the child alone, or not."""
    from pathway import search_minded
    from pathway.search import default_index, normalise

    assert (search_minded.alone_at(default_index().young_minder, normalise(said).split(), age) is not None) == read
