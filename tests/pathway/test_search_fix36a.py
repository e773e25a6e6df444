"""fix36a (stop 53; docs/adviser.md "Search53a"): review 34's Q1 and Q3 (safety), each mended as a class, not as its
example:

1. a child's own wish to die, farewell or starving said without the document's words ("she wishes she was dead and
   nobody would miss her", "written goodbye letters and given away his things", "websites that tell her how to starve
   herself"): p15-16 "Behaviour puts own life at risk-self harming / suicide attempts", p17 "Endangers own life through
   self harm ... eating disorder" or a mental health row in the first three, not a bereavement, missing or obesity row first;
2. a child fed from bins or with nothing to eat at home ("he gets his tea out of the bins behind the chip shop"): p13
   "Concerns about diet", "Receiving poor/inconsistent standards of care" or p9 neglect in the first three, not p15-16
   "Independence beyond years" first.

Oracles: tests/pathway/search_fix36a_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls (the same words in a harmless or the opposite sense)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import declared_in_synonyms, found_as_wanted, keyed, refused_where_set

CASES = yaml.safe_load((Path(__file__).parent / "search_fix36a_cases.yaml").read_text())

AS_ON_MAIN = "as on main 175ce3c, unchanged by this branch (an over-call of another word, not this brief's class): "
KNOWN: dict[str, str] = {
    "he says he would be better off at a different school": AS_ON_MAIN + "p9's unexplained injuries first (the learned model's)",
    "he was sick after eating too many sweets": AS_ON_MAIN + "p17's 'Endangers own life' first on 'sick after' (its eating words)",
    "she is cutting down on sugar": AS_ON_MAIN + "'cutting' is self-harm's word (Search15's 'cut' stays self-harm's)",
    "she works at the chip shop on saturdays": AS_ON_MAIN + "'chip' reaches the diet row's phrasing 'only eats chips'",
    "she and her boyfriend are ending it": AS_ON_MAIN
    + "p15-16 'Behaviour puts own life at risk' first on 'ending it' (its phrasing 'thinking of ending it all'); this"
    + " branch's reading takes 'ending it' only after 'about' or before 'all'",
}

CALLS = keyed(CASES, KNOWN, *(f"{group}{kind}" for group in ("death_wish", "starving_self", "food_from_bins") for kind in ("", "_controls")))


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix36a_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("named_rows", "unless"), {"no_such_reading": ["money"]}),
        (("named_rows", "unless"), {"fix36a_fed_from_bins": []}),
        (("named_rows", "unless"), ["money"]),
    ],
)
def test_the_new_list_is_checked(path: tuple[str, ...], value: object) -> None:
    """`named_rows.unless` is refused where it is not as _named_readings reads it (a reading's name to phrases)."""
    refused_where_set(path, value)


def test_the_readings_are_declared_in_the_synonyms_file() -> None:
    """Each new reading or list is declared where it stands, naming this branch's adviser.md section."""
    keys = ("    - name: fix36a_own_death_wish", "    - name: fix36a_own_starving", "    - name: fix36a_fed_from_bins")
    declared_in_synonyms((*keys, "  unless:\n    fix36a_fed_from_bins", "    extensive.serious_obesity:"), "fix36a", "Search53a")


@pytest.mark.parametrize(
    ("said", "made"),
    [
        ("he gets his tea out of the bins", True),
        ("he gets his tea out of the bins and mum has no money", False),  # the family's poverty said
        ("there is no food in the house", True),
        ("the bailiffs came and there is no food in the house", False),
        ("he took the bins out", False),  # no food's word
    ],
)
def test_a_food_reading_stands_aside_for_poverty(said: str, made: bool) -> None:
    """`named_rows.unless` (fix36a): a food reading is not made where the call says the family's poverty."""
    from pathway.search import default_index, normalise
    from pathway.search_text import stem

    index = default_index()
    words = normalise(said).split()
    names = {r.offers for r, _said, _unnamed in index._named_readings(words, [stem(w) for w in words], False)}
    care = next(n for n, e in enumerate(index.entries) if e.indicator.id == "additional.receiving_poor_inconsistent_standards")
    assert (care in names) == made
