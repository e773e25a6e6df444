"""fix30a (stop 49; docs/adviser.md "Search30a"): the under-calls mut29 found probing stop 47's readings
(docs/safety/mutation.md "Review 28 (stop 47)", items 3, 4, 8, 9), each mended as a class, not as its example:

1. a carer's threat to end it (kill self) taking the children: p9's significant harm leads (fix28a's
   `carer_threat.with_child`, its acts and `gone` read with the carer's own threat acts);
2. a child under 13 whose own pregnancy is said in other words ("expecting", "up the duff", "missed her period and the
   test was positive"): p17's "Sexual activity under 13" as "she is pregnant" gives it (fix19d's reading, now reading
   fix28b's `pregnant_young.banded` too);
3. a carer's blow or hold in other words ("went for him", "laid into him", "had him in a headlock", "pinned her down"):
   p9's significant harm (`harm_to_child.phrasal`, `harm_to_child.held`), and an everyday word for hitting beside
   another p9 row first keeps p9's significant harm in the first three;
4. a child's pregnancy said as "carrying a baby": the pregnancy rows her age is under (fix28b's `banded.carrying`).

Oracles: tests/pathway/search_fix30a_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls (the same words in their ordinary sense, another's
pregnancy or relationship) that must not change."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pathway.search import default_index, normalise
from tests.pathway.cases import found_as_wanted, keyed, refused_where_set

CASES = yaml.safe_load((Path(__file__).parent / "search_fix30a_cases.yaml").read_text())

KNOWN: dict[str, str] = {
    "she is 15 and carrying her boyfriend's baby": (
        "left: named_rows' `young_parent` reads 'she is 15' and 'baby' as a teenage parent's baby and moves the pregnancy"
        " rows out of the first three after the pregnancy reading put them first (fix28b's KNOWN 'she is 15 years old and"
        " has found out she is having a baby': that reading's class, not this one's)"
    ),
}


@pytest.mark.parametrize(
    ("q", "age", "want"),
    keyed(CASES, KNOWN, "threat", "threat_controls", "expecting", "expecting_controls", "blow", "blow_controls", "carrying", "carrying_controls"),
)
def test_fix30a_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)


@pytest.mark.parametrize(
    ("said", "pregnancy"),
    [
        ("she's carrying a baby", "carrying a baby"),
        ("she is carrying his child", "carrying his child"),
        ("she's carrying her boyfriend's baby", "carrying her boyfriend baby"),
        ("she's carrying twins", "carrying twins"),
        ("she's carrying the baby upstairs", None),  # "the baby": a baby held
        ("she is carrying her baby brother", None),
        ("she's always carrying a baby doll around", None),
        ("she was carrying a baby in her arms", None),
        ("she was carrying a knife", None),
    ],
)
def test_a_baby_carried_is_the_childs_own_pregnancy(said: str, pregnancy: str | None) -> None:
    """`pregnant_young.banded.carrying` (item 4): the words _pregnancy_of_child returns, or None."""
    assert default_index()._pregnancy_of_child(normalise(said).split()) == pregnancy


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("carer_threat", "with_child", "ends"), []),
        (("carer_threat", "with_child", "along"), "and"),
        (("harm_to_child", "phrasal"), []),
        (("harm_to_child", "hold_reach"), 0),
        (("harm_to_child", "holds"), [""]),
        (("pregnant_young", "banded", "carried"), []),
    ],
)
def test_the_new_lists_are_checked(path: tuple[str, ...], value: object) -> None:
    """The synonyms file's new lists are refused where they are not as their readers read them."""
    refused_where_set(path, value)


def test_the_readings_are_declared_in_the_synonyms_file() -> None:
    """Each new list is declared where it stands, naming this branch's adviser.md section."""
    text = (Path(__file__).parents[2] / "pathway" / "data" / "search_synonyms.yaml").read_text()
    for block_start, key in (("\ncarer_threat:", "    ends:"), ("\nharm_to_child:", "  phrasal:"), ("\npregnant_young:", "    carrying:")):
        block = text[text.index(block_start) :]
        before = block[: block.index(key)]
        assert "fix30a" in before[-2500:] and "Search30a" in before[-2500:], key


def test_a_child_with_a_verb_of_its_own_after_a_carers_threat_is_not_taken_along() -> None:
    """fix19d's call, found on the merge: "and her son self harms too" is the son's own clause, not a child taken
    along (the carer-threat reading moved nothing for it before fix30a); "and the kids" at the call's end is taken."""
    from pathway.search import search

    assert [h.id for h in search("mum says she will kill herself and her son self harms too", age_in_months=150)][0] != "immediate.significant_harm"
    assert [h.id for h in search("mum says she will kill herself and the kids tonight", age_in_months=60)][0] == "immediate.significant_harm"
