"""fix31b (stop 50; docs/adviser.md "Search31b"): under-calls in other words than the readings knew, each read as a class.

Oracles: tests/pathway/search_fix31b_cases.yaml, calls in words of my own written before any reading was changed, each
with what the document's rows say must hold, and controls in the same shape that must not change."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pathway import search_sale
from pathway.search import default_index, normalise
from pathway.search_denials import _denied_positions
from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix31b_cases.yaml").read_text())

AS_ON_MAIN = "as on main 867fed5, not this branch's reading (sold_child reads neither call): "
KNOWN: dict[str, str] = {
    "lends her his car": AS_ON_MAIN + "word matching alone puts p9 'Child victims of trafficking' third (review 8 S1 keeps it); left",
    "she gave her a hug": AS_ON_MAIN + "p9 'Allegation or disclosure' first, from word matching ('gave', 'her'); left",
    "is it normal that she won't let anyone see her arms": (
        "left (q3, arguable): the concern's own words said plainly ('she won't let anyone see her arms') reach no "
        "self-harm or injury row either; the question words are not what under-calls"
    ),
    "should I be worried that she won't let anyone see her arms": (
        "left (q3, arguable): 'should I be worried that' pulls no row; the concern's words reach no self-harm row"
    ),
    "is it wrong that he sleeps in the same bed as his 13 year old daughter": (
        "left (q3, arguable): said plainly ('dad sleeps in the same bed as his 13 year old daughter') it reaches no p9 "
        "row either; 'is it wrong that' adds three Additional rows of its own"
    ),
    "she's doing her GCSEs and she's pregnant": (
        "left (q4, arguable): Universal 'Attends school' first, pregnancy rows third and fifth; GCSE phrases in "
        "'Pregnant under 16' (tried) put that row into 'she's doing her GCSEs' alone (a control)"
    ),
    "she's pregnant and sitting her gcses this summer": "left (q4, arguable): as 'she's doing her GCSEs and she's pregnant'",
    "he watches cooking videos and knife skills videos on youtube": (
        "as on main 867fed5: 'knife' alone brings 'Involved in gang culture' into the first three (second, behind "
        "'Extremist views'); this branch's gang phrases ('knife videos') put it first; left"
    ),
}


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "q1", "q1_controls", "q2", "q2_controls", "q3", "q3_controls", "q4", "q4_controls"))
def test_fix31b_call(q: str, age: int | None, want: dict) -> None:
    """`check`'s expectations, and `first`: that row is the first."""
    found_as_wanted(q, age, want)


@pytest.mark.parametrize(
    ("said", "verb"),
    [
        ("dad rents her out to his friends", "rents"),
        ("he swapped her for drugs", "swapped"),
        ("she was swapped for drugs", "swapped"),
        ("he's been lending the boy out to dealers", "lending"),
        ("pimps her out", None),
        ("they gave her to a man to pay off the rent", "gave"),
        ("hands her over to men to pay off what he owes", "hands"),
        ("she was given to a man for drugs", "given"),
        ("he exchanged his daughter for a debt", "exchanged"),
        ("rents out his spare room", None),
        ("swapped her bike for a scooter", None),
        ("lends her his car", None),
        ("we lent him to his nan for the summer", None),
        ("they swapped him to a different school", None),
        ("mum handed him over to his dad for the weekend", None),
        ("mum hands her over to the childminder at 8", None),
        ("he gave her to a man", None),
        ("she rents a flat with her boyfriend", None),
        ("dad gives him money for the bus", None),
        ("he never rented her out", None),
    ],
)
def test_a_child_exchanged_is_read(said: str, verb: str | None) -> None:
    """search_sale.sale_at: an exchange's verb (rented out, swapped, lent, pimped; given or handed with a buyer and a
    price) whose whole object is a person, or None (a thing, a carer, no price, a denial)."""
    words = normalise(said).split()
    at = search_sale.sale_at(default_index().sold_child, words, set(_denied_positions(words)))
    assert (words[at] if at is not None else None) == verb
