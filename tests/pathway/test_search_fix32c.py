"""fix32c (stop 51; docs/adviser.md "Search32c"): review 31's Q2, Q7 and Q11, each mended (or left) as a class:

1. Q2 (safety): a concern said as the absence of a strength ("nobody in that house ever plays with her or talks to
   her"): the strength is never first, the concern row of the words' lack leads;
2. Q7 (inflation): a strength said as the absence of a concern ("she's never been in any bother at school or with the
   police"): the concern the call denies is not first;
3. Q11 (wording): three concerns in three clauses: each clause a place in the first three.

Oracles: tests/pathway/search_fix32c_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls (the same words in the other sense)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix32c_cases.yaml").read_text())

KNOWN: dict[str, str] = {
    "she's never once been excluded": (
        "left (Q7's class): the first row, p13-14 'Condone absence from school', is the learned model's alone (no word"
        " matched it), and _denied_first reads a row as resting on a denial only where words matched it"
    ),
    "he's never been in any bother with the law": (
        "left (Q7's class): p17 'Inconsistent parenting/highly critical/apathetic' first on 'never ... bother' (its"
        " vocabulary's 'not bothered'); _denied_first now reads it as resting on the denial (_matched_on_named) but finds"
        " no Universal row the denial names ('law') or the model alone found to lead (_named_strength): nothing moves"
    ),
    "she's been cutting herself, mum is drunk from morning to night and they're about to be evicted": (
        "left (Q11; cause found, Search32c): mum's 'drunk' is counted for the child's own p17 'Endangers own life through"
        " self harm/substance misuse', second with the self-harm row; the parent's row (p15-16 'Mental or physical health"
        " problems ... chaotic substance misuse') is fifth. No reading gives each clause a place in the first three"
    ),
    "he's stopped going to school, dad's in prison and there's no money for the gas": (
        "left (Q11; cause found, Search32c): 'no money' brings two rows (p15-16 debts, p13-14 'Needs assistance to access"
        " leisure'); the school clause's own first, p13-14 'Poor school attendance', is fifth (the trafficking row, now"
        " sixth, is no longer in three on main). No reading gives each clause a place in the first three"
    ),
}


CALLS = keyed(
    CASES,
    KNOWN,
    *(f"{group}{kind}" for group in ("absent_strength", "absent_concern", "three_domains") for kind in ("", "_controls") if f"{group}{kind}" in CASES),
)


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix32c_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)


@pytest.mark.parametrize(
    ("said", "lacks"),
    [
        ("nobody in that house ever plays with her or talks to her", {"plays", "talks"}),
        ("no one ever reads to him", {"reads"}),
        ("nobody bothers to talk to the baby", {"talk"}),
        ("none of them ever cuddle him", {"cuddle"}),
        ("nobody could fault how much she plays with her", set()),  # a content word between: the reach ends
        ("nobody hits her and she plays with her brother", set()),  # an "and", and a subject: a new clause
        ("not at all, she is settled", set()),  # a subject pronoun between
        ("she plays with her every day", set()),
    ],
)
def test_a_denial_reaches_a_strength_over_words_that_say_nothing(said: str, lacks: set[str]) -> None:
    """search_denial_only.lacking (Q2): a denial before a strength's own words, past stop words and `LACK_BRIDGES`."""
    from pathway.search import default_index, normalise
    from pathway.search_denial_only import lacking

    d = default_index().denial_only
    assert d is not None
    assert lacking(normalise(said).split(), d.positive) == lacks
