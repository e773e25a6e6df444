"""fix37a (stop 54; docs/adviser.md "Search37a"): review 34's inflation findings (Q7, Q11, K2), its "Noted, not counted"
calls and mut34's one-word probes, each mended as a class, not as its example: a row no word says was placed high.

1. staying (Q7): a child staying with a named relative or family for a stated time read as homeless;
2. asking (Q11): a child asking to come round for tea or to stay read as p9's disclosure;
3. topic (K2): a school assignment or a coding hobby read as exploitation;
4. home (K2): an untidy house after a move read as neglect, burnt toast as accommodation in danger;
5. traffic (K2): road traffic read as trafficking;
6. noted: "on the sofa" read as homeless, a pregnant 17 year old read as a care-leaver, a cupboard as housing;
7. probes: "high" of a kite, a wall punched, oneself locked out of a car, read as p9 rows.

Oracles: tests/pathway/search_fix37a_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls (the same words in the harmful sense) that must keep
their rows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix37a_cases.yaml").read_text())

KNOWN: dict[str, str] = {
    "he burnt the toast this morning and set off the smoke alarm": (
        "at the merge of stop 55 (docs/adviser.md Search55m): p17 'Accommodation places the child in physical danger'"
        " second, where rows the everyday senses moved are now held out of a later reading's places; inflation left"
    ),
    "i burnt the tea and the smoke alarm went off": (
        "at the merge of stop 55 (docs/adviser.md Search55m): p17 'Accommodation places the child in physical danger'"
        " second, where rows the everyday senses moved are now held out of a later reading's places; inflation left"
    ),
    "dad says they punched the wall": (
        "left (mut34's probe, as on main 22dcacb): a wall punched is violence at home by design (`everyday_senses`'"
        " `property`: 'dad kicked the door in' keeps p9 first); fix33c reads a carer's act on a thing only where a carer"
        " is the act's subject, and 'they' may be a carer or the child: the practitioner reads it"
    ),
}

GROUPS = ("staying", "asking", "topic", "home", "traffic", "noted", "probes")
CALLS = keyed(CASES, KNOWN, *(f"{group}{kind}" for group in GROUPS for kind in ("", "_controls")))


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix37a_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)
