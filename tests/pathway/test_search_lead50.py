"""Search50 (stop 50; docs/adviser.md "Search50"): review 30 Q11, a carer's violence denied beside a carer's condition.

Oracles: tests/pathway/search_lead50_cases.yaml, calls in words of my own written before the reading was changed, each
with what the document's rows say must hold (review 12 H6: a p9 row the caller denies loses first place), and controls
that say the violence, which keep p9's "repeated domestic violence" first."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_lead50_cases.yaml").read_text())

LEFT = "left (Search50): "
# "mum's girlfriend drinks every night but she is not violent" passes since fix33d (Search33d): `denial.unsays_core`
# reads the denied "violent" as no core said, so _subject_first leads with the carer's drink row (p9's row second)
KNOWN: dict[str, str] = {
    "mum's partner is depressed and very violent to her": LEFT
    + "the child's own 'Violent, aggressive and anti-social behaviour' (p15-16) leads; p9's domestic violence second (the cases file says what was tried)",
}


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "denied"))
def test_a_carers_violence_denied_does_not_lead(q: str, age: int | None, want: dict) -> None:
    """A carer's drink or drugs said and the carer's violence denied: no p9 row (nor p9's domestic violence) first."""
    found_as_wanted(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "said", "said_of_carer"))
def test_a_carers_violence_said_leads_with_domestic_violence(q: str, age: int | None, want: dict) -> None:
    """The same carers' conditions with the violence said (or said as going on): p9's domestic violence row first."""
    found_as_wanted(q, age, want)
