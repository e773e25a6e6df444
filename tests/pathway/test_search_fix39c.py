"""fix39c (stop 55; docs/adviser.md "Search39c"): the search's under-calls left open at stop 54 (mut35's probes in
tests/pathway/test_search_review34_mut.py; review 35 Q10, Q12, K6), each mended as a class, not as its example:
a concern after a contrast word beside a strength; a carer's act on the other carer told by the child or with the doer
said before "and then"; the place of the act ("against the fridge"); a carer's temper with drink said in slang; a threat
to kill over an engagement; a carer's wish the child were gone read as the child's wish to die.

Oracles: tests/pathway/search_fix39c_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls that must not change."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix39c_cases.yaml").read_text())

AS_ON_MAIN = "as on main de3c9cec, unchanged by this branch (an over-call of another word, review 34 K1's class): "
KNOWN: dict[str, str] = {
    "she's fine at school but mum's on meth": (
        "left: 'fine' matches the absence rows' 'fined' (one stem) and they lead; 'meth' is now a drug word (the carer's"
        " row leads 'dad is on meth') but the learned model does not know it, and the carers' reading moves only a"
        " child's row first"
    ),
    "dad grabbed mum by the hair and then dragged mum across the kitchen": (
        "left: 'grabbed' is none of `acts` or `carer_pushes`, so the earlier act's object ('mum') is still read as the"
        " doer of 'dragged' (_act_object reads only those acts)"
    ),
    "he says he saw his dad strangle his mum against the wardrobe": (
        "left (fix35d's merge): three p9 rows lead (significant harm, contact, disclosure) and no p9 row gives way to"
        " the DV row (test_search_keep_immediate's invariant)"
    ),
    "she told her teacher she saw dad choke mum against the cooker": (
        "left (fix35d's merge): three p9 rows lead and none gives way to the DV row (test_search_keep_immediate)"
    ),
    "his mum keeps saying life would be easier if he was gone": (
        "left: 'life would be easier' names no one better off; the child may say it of himself, so it stays the wish reading's (safety first)"
    ),
    "he'd kill for a new bike": AS_ON_MAIN + "p9 unexplained injuries first on 'kill'",
}

GROUPS = ("contrast", "dv_act", "dv_place", "temper_drink", "threat_engagement", "wish_speaker")
CALLS = keyed(CASES, KNOWN, *(f"{group}{kind}" for group in GROUPS for kind in ("", "_controls")))


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix39c_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)
