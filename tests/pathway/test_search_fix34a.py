"""fix34a (stop 52; review 33 Q1, safety; docs/adviser.md "Search34a"): the child's own words.

1. a carer's physical act on the child said with the child's behaviour as its reason ("she said daddy squeezes my neck
   when I'm naughty"): a p9 row in the first three, the child's "Disruptive or anti-social behaviour" not first;
2. a carer's temper ("my stepdad gets angry when he drinks"): the child's "Disruptive" not first, a carer's row in
   three.

Oracles: tests/pathway/search_fix34a_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls (the child's own behaviour, the act said in the third
person, an ordinary mood) that must not change."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed, refused_where_set

CASES = yaml.safe_load((Path(__file__).parent / "search_fix34a_cases.yaml").read_text())

KNOWN: dict[str, str] = {}  # "my dad kicks off when he drinks": mended by fix36b (_tempered_violence_first)


CALLS = keyed(CASES, KNOWN, *(f"{group}{kind}" for group in ("act", "temper") for kind in ("", "_controls")))


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix34a_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("harm_to_child", "speaker_reasons"), 3),
        (("harm_to_child", "speaker_faults"), "naughty"),
        (("carer_substance", "temper"), 2),
        (("carer_substance", "temper_rows"), ["immediate.significant_harm"]),
        (("carer_substance", "temper_rows"), ["no.such_row"]),
    ],
)
def test_the_new_lists_are_checked(path: tuple[str, ...], value: object) -> None:
    """The synonyms file's new lists are refused where they are not as their readers read them."""
    refused_where_set(path, value)


def test_a_carers_temper_reads_the_pronoun_as_the_carer() -> None:
    """fix34a: the pronoun after "when" is the carer whose temper the clause before says, where it can stand for them."""
    from pathway.search import default_index
    from pathway.search_text import normalise

    index = default_index()
    for said, carer in (("my stepdad gets angry when he drinks", "stepdad"), ("mum gets angry when she drinks", "mum")):
        words = normalise(said).split()
        assert index._tempered_carer(words, words.index("when") + 1) == carer
    for said in ("mum gets angry when he drinks", "he gets angry when he drinks", "dad is fine when he drinks"):
        words = normalise(said).split()
        assert index._tempered_carer(words, words.index("when") + 1) is None
