"""fix37b (stop 54; docs/adviser.md "Search37b"): review 34 Q9, Q10, Q12, K3 and mut34's probes, each as a class:

1. a threat to kill or hurt a young person over a marriage (Q9): a p9 row of harm or of the adults in the first three,
   beside p17's "Forced marriage" where a marriage is said;
2. an act of violence between carers relayed by a grandparent (Q12): a DV row in the first three, no Universal row;
3. a carer's act on the child with the child's behaviour as its reason (Q10; mut34's "squeezes my neck when i'm
   naughty"): p9 harm or the disclosure row in the first three, the child's behaviour rows not first;
4. a carer's drink or drugs said in slang (K3: "on the pop", "off her face on something", "high"): a carer's
   substance row in the first three.

Oracles: tests/pathway/search_fix37b_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls (the same words in a harmless or the opposite sense)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import declared_in_synonyms, found_as_wanted, keyed, refused_where_set

CASES = yaml.safe_load((Path(__file__).parent / "search_fix37b_cases.yaml").read_text())

AS_ON_MAIN = "as on main 22dcacb, unchanged by this branch (not this brief's class): "
KNOWN: dict[str, str] = {
    "her brothers say they'll kill her if she refuses the man they've chosen": (
        "left: p9's significant harm, 'Adults who pose a risk' and the disclosure row hold the first three (the threat's"
        " own rows); `fix37b_threat_over_marriage` offers p17's forced marriage only in a place a moved row left, never"
        " in place of a p9 row, and none left here (it is below the first five)"
    ),
    "she says she'll kill her brother if he reads her diary again": AS_ON_MAIN
    + "p9's disclosure row first on 'says' and 'kill' (review 34 K1's class: a call with no concern offering a p9 row)",
    "he said mummy brushes his hair when he's been good": AS_ON_MAIN
    + "p15-16 'Child witnessing ... domestic abuse' second and p13-14 'Suspected domestic violence' third, the learned"
    " model's and 'said' (review 34 Q10's control; no act of `fault_acts` is read here)",
    "he pulls his sister's hair when he's cross": AS_ON_MAIN + "p9 'Unexplained injuries' first on 'hair'/'pulls' (no carer the doer: no harm read)",
    "dad took the kids to a pop concert": AS_ON_MAIN
    + "p15-16 'Behaviour puts own life at risk' first, p13-14 carer's substance second on 'pop' (the words table's)",
}

CALLS = keyed(CASES, KNOWN, *(f"{group}{kind}" for group in ("threat", "relayed", "reason", "slang") for kind in ("", "_controls")))


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix37b_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("dad is high", True),
        ("worried about mum being high all the time", True),
        ("scared of dad when he is high", True),
        ("she is high functioning", False),  # `high.strict`: an everyday word after it
        ("dad is high risk", False),
        ("she was high up on the climbing frame", False),  # an object word after it
        ("the kite was flying high", False),  # no person before it
        ("she starts high school in september", False),
        ("mum was off her face on something", True),  # "on" after a phrase of several words: what was taken
        ("my son is off his face on spice", False),  # "on" after it, no carer its subject: as said (a labelled call)
        ("dad has been on the pop since friday", True),
        ("we had a pop at the fair", False),
        ("the sweets were wasted on him", False),  # a one-word phrase before "on": as said
    ],
)
def test_a_carers_slang_for_drink_or_drugs_is_read_as_meant(said: str, read: bool) -> None:
    """K3 (`said_as_meant.intoxicated`'s new phrases, "on" after a phrase of several words; `said_as_meant.high.strict`):
    the call's words read as meant say "drunk" or "using drugs", or not."""
    from pathway.search import default_index, normalise

    meant = default_index()._as_meant(normalise(said).split())
    assert (("drunk" in meant) or ("using" in meant and "drugs" in meant)) == read, meant


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("mummy pulls his hair when he is been cheeky", True),
        ("dad pulls her hair when she is naughty", True),
        ("mum drags her by the hair when she is naughty", True),
        ("dad twists his ear if he answers back", True),
        ("their dad squeezes my neck when i am naughty", True),  # "their": the children of the home's carer
        ("mum pulls her hair back into a ponytail", False),  # no fault given
        ("mummy brushes his hair when he is been good", False),  # no act of `fault_acts`, no fault
        ("he pulls his sister hair when he is cross", False),  # no carer the doer
    ],
)
def test_a_carers_act_with_the_childs_fault_as_its_reason_is_read_as_harm(said: str, read: bool) -> None:
    """Q10 (`harm_to_child.fault_acts`, `fault_bodies`, `fault_reasons`): _harm_by_adult_at finds the act, or not."""
    from pathway.search import default_index, normalise

    assert (default_index()._harm_by_adult_at(normalise(said).split()) is not None) == read


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("harm_to_child", "fault_acts"), "pull"),
        (("harm_to_child", "fault_bodies"), [""]),
        (("harm_to_child", "fault_reasons"), 3),
        (("said_as_meant", "high", "strict"), ["stoned"]),  # a phrase of `alone`
        (("said_as_meant", "high", "strict"), ["lofty"]),  # no phrase of `phrases`
    ],
)
def test_the_new_lists_are_checked(path: tuple[str, ...], value: object) -> None:
    """The synonyms file's new lists are refused where they are not as their readers read them."""
    refused_where_set(path, value)


def test_the_readings_are_declared_in_the_synonyms_file() -> None:
    """Each new list or reading is declared where it stands, naming this branch and its adviser.md section."""
    declared_in_synonyms(
        ("  fault_acts:", "    - name: fix37b_threat_over_marriage", "    strict: [high]", "              on the pop,"),
        "fix37b",
        "Search37b",
    )
