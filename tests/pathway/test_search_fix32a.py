"""fix32a (stop 51; docs/adviser.md "Search32a"): review 31's Q3, K2, Q4 and Q5, each mended as a class, not as its
example:

1. a carer's low mood or paranoia said in slang ("on a downer", "gone doolally", "lost the plot", "cracking up"): a
   parent's mental-health row (p13-14, p15-16) in the first three;
2. a possessive "own" ("her own children", "my own baby") is no "on her own": no p9 home-alone row first;
3. a punishment said by its act ("puts her in a cold bath when she wets herself"): p9's significant harm or p17's
   "highly critical" in the first three, not the child's self-care row first;
4. a child singled out by carers ("not allowed to eat with everyone else"): p13-14 "Child perceived to be a problem by
   parent", p17 "highly critical" or p9's harm in the first three, poverty not first.

Oracles: tests/pathway/search_fix32a_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls (the same words in their ordinary sense) that must not
change."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix32a_cases.yaml").read_text())

KNOWN: dict[str, str] = {
    "stepdad doesn't let her have any tea if she answers back": (
        "left (Q4's class, food withheld as a punishment): 'doesn't let her have any tea' is none of `care_withheld`'s"
        " acts (a feed, a medicine, a service) nor `degrading_treatment`'s places; a reading of a meal withheld for the"
        " child's behaviour is not written (the practitioner reads 'answers back', offered first)"
    ),
    **{
        q: (
            "left (Q5's class, the under-call half): no row's words know a child kept apart by the carers; phrasings for"
            " p13-14 'Child perceived to be a problem by parent' put it first, but they are the learned model's examples"
            " too and moved 63 labelled calls' first threes (a young carer's call lost p13-14 'Young carers' family' to p17"
            " trafficking): not shipped. The inflation half holds (`apart_first`: poverty is not first)"
        )
        for q in (
            "he told me 'I'm not allowed to eat with everyone else, I have to eat in my room'",
            "he has to eat his meals alone in his room while the family eat together",
            "she isn't allowed to sit at the table with the others",
            "mum buys the other kids presents but never anything for him",
        )
    },
    "the family go on days out and leave her behind with a neighbour, but take her brothers": (
        "left (Q5's class, a child left out of outings): the Universal row 'Family included in social aspects of"
        " community' leads on 'family' and 'neighbour'; the new phrasings of p13-14 'Child perceived to be a problem by"
        " parent' do not reach the first three for this wording"
    ),
}


CALLS = keyed(CASES, KNOWN, *(f"{group}{kind}" for group in ("mood", "own", "punish", "apart") for kind in ("", "_controls")), "apart_first")


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix32a_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)
