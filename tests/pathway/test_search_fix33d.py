"""fix33d (stop 52; docs/adviser.md "Search33d"; review 32 K4, review 31 Q7, mut32's denial probes): a concern the call
denies read as said, each mended as a class, not as its example:

1. an injury denied beside an ordinary question ("the baby has no marks on her at all, mum just wants advice about
   sleep"): no p9 row preselected;
2. violence denied, the parents' arguing said ("there's no violence in the house, they just argue a lot"): p13-14
   "Family conflicts" in the first three, no p9 row first;
3. the child denied a victim of bullying and said the one who bullies ("she isn't being bullied, she's the one doing
   the bullying"): no "Experiencing bullying" first, the bullying of others in the first three;
4. a carer's drink said, violence or abuse denied ("mum drinks but nobody has been hurt and there is no violence",
   "mum's partner drinks but there has been no abuse"): neither p9's domestic violence nor p17's persistent domestic
   abuse first.

Oracles: tests/pathway/search_fix33d_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls (the concern said, or denied beside a harm said) that
must keep their p9 rows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix33d_cases.yaml").read_text())

KNOWN: dict[str, str] = {}

CALLS = keyed(CASES, KNOWN, *(f"{group}{kind}" for group in ("marks", "argue", "bully", "drinks") for kind in ("", "_controls")))


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix33d_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)
