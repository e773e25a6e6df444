"""fix31a (stop 50; docs/adviser.md "Search31a"): under-calls left as strict xfails or KNOWN at the end of stop 49, each
mended as a class, not as its example:

1. a carer's blow said in slang ("decked him", "clobbered the little one"): p9's significant harm in the first three
   (`said_as_meant.struck.words`); "gave him a good hiding" behind p9's disclosure row (`everyday_hitting.second_behind`);
2. a carer going for the child with a weapon ("pulled a knife on her", "came at her with a bat", "swung a hammer at
   him"): p9's significant harm first (`harm_to_child.phrasal`; _harm_by_adult_first leads past a p9 row found only by
   the act's own words, _found_by_act_alone);
3. a carer striking the child's head against a thing ("bangs the baby's head on the wall"): p9's significant harm first
   (`harm_to_child.head_acts`, `heads`, `head_against`, `head_forced`);
4. a carer driving the children after drinking, the drink said by its measure ("after six pints", "a bottle of wine",
   "three sheets to the wind"): a p9 row first (`named_rows.readings.fix29d_drunk_driving`'s first group).

Oracles: tests/pathway/search_fix31a_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls (the same words in their ordinary sense, another's
act, a child's own bump) that must not change."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed, refused_where_set

CASES = yaml.safe_load((Path(__file__).parent / "search_fix31a_cases.yaml").read_text())

AS_ON_MAIN = "as on main 867fed5, unchanged by this branch (an over-call of another word, not this brief's class): "
KNOWN: dict[str, str] = {
    "we decked the halls with the kids for christmas": AS_ON_MAIN + "p9 significant harm on 'halls' (the words table's near word)",
    "she belted out a song at the school concert": AS_ON_MAIN + "'belted' is hit in the words table (fix20b's everyday words)",
    "he walloped the ball over the fence at cricket": AS_ON_MAIN + "'walloped' is hit in the words table; 'ball' too",
    "mum cuts the bread with a knife": AS_ON_MAIN + "p9 significant harm third on 'cuts' and 'knife' (the words' own rows)",
    "he got a new cricket bat for his birthday": AS_ON_MAIN + "p9 significant harm second, the learned model's (no word of it)",
    # "mum bangs her head against the wall when she is stressed" holds since fix33c (stop 52: _act_on_no_child_below,
    # the doer's own head struck against a thing): its strict xfail is taken off
    "stepdad banged his head off the table": (
        "left (inflation against safety): 'his head' after a male carer struck by 'banged' may be his own head ('dad"
        " banged his head on the cupboard'); only `head_forced` acts ('slammed', 'smashed', 'shoved') are read so; the"
        " practitioner reads the rest"
    ),
    "dad drove the baby to his mum's after a few beers": (
        "left: `named_rows.apart` reads 'mum' (a place here: 'to his mum's') as a second person between the drink and the"
        " driving, as it reads 'dad was drunk so mum drove'"
    ),
    "dad had a few cans of coke and drove the kids to the park": (
        "an over-call this branch brings (declared in Search31a): 'few cans' is read as drink whatever follows it; the"
        " reading's groups are phrases, with no word after them that undoes them"
    ),
}


CALLS = keyed(CASES, KNOWN, *(f"{group}{kind}" for group in ("blow", "weapon", "head", "driving") for kind in ("", "_controls")))


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix31a_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("harm_to_child", "head_acts"), "bang"),
        (("harm_to_child", "heads"), [""]),
        (("harm_to_child", "head_against"), 3),
        (("harm_to_child", "head_forced"), [["slam"]]),
        (("everyday_hitting", "second_behind"), ["additional.suspected_domestic_violence"]),
        (("everyday_hitting", "second_behind"), ["no.such_row"]),
    ],
)
def test_the_new_lists_are_checked(path: tuple[str, ...], value: object) -> None:
    """The synonyms file's new lists are refused where they are not as their readers read them."""
    refused_where_set(path, value)


def test_the_readings_are_declared_in_the_synonyms_file() -> None:
    """Each new list or word group is declared where it stands, naming this branch's adviser.md section."""
    text = (Path(__file__).parents[2] / "pathway" / "data" / "search_synonyms.yaml").read_text()
    for block_start, key in (
        ("\nharm_to_child:", "  head_acts:"),
        ("\nharm_to_child:", "            came at,"),
        ("\neveryday_hitting:", "  second_behind:"),
        ("\nsaid_as_meant:", "            decked,"),
        ("    - name: fix29d_drunk_driving", "              pints,"),
    ):
        block = text[text.index(block_start) :]
        before = block[: block.index(key)]
        assert "fix31a" in before[-1500:] and "Search31a" in before[-1500:], key


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("dad banged his head on the cupboard", False),  # his own head: 'banged' is no forced act
        ("dad slammed his head against the wall", True),
        ("mum bangs her head against the wall", False),
        ("mum smashed her head into the door", True),
        ("dad banged her head on the table", True),  # another's head: no own-head doubt
        ("mum's boyfriend bangs the baby's head on the wall", True),
        ("nan knocked the toddler's head against the cot", True),
        ("dad bangs on the door", False),  # no head
        ("the baby banged his head on the table", False),  # no carer the doer
        ("dad patted his head", False),  # no act of `head_acts`
    ],
)
def test_a_head_struck_against_a_thing_is_read_as_a_carers_act(said: str, read: bool) -> None:
    """`harm_to_child.head_acts` (item 3): _harm_by_adult_at finds the act, or not."""
    from pathway.search import default_index, normalise

    assert (default_index()._harm_by_adult_at(normalise(said).split()) is not None) == read
