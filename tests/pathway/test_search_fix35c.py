"""fix35c (stop 53; docs/adviser.md "Search35c"): mut33's under-call probes (review 32's mutation run), each mended as a
class, not as its example:

1. a young child (under 12) alone in the home for hours while the carer is away ("the 6 year old walks home and waits
   in the empty flat until mum gets back at 10"): p9's home-alone row first (`young_minder.alone`, read by
   pathway/search_minded.py's `alone_at`, SearchIndex._young_alone_first); an older child with a key (review 33 K1), a
   child with another adult, a lone carer with the children, an empty house viewed: not read;
2. a carer's state in slang with a hedge ("dad's gone a bit loopy", "mum's a bit bonkers"): the carer's mental health
   (`said_as_meant.unwell.read` gains the slang word alone, read only of a person's state as fix32a's phrases are).

Oracles: tests/pathway/search_fix35c_cases.yaml, calls in words of my own written before the readings were changed,
with controls (an older child, another adult there, the child's excitement, a film, a food)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found, found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix35c_cases.yaml").read_text())

KNOWN: dict[str, str] = {}

GROUPS = ("young_alone", "young_alone_controls", "loopy", "loopy_controls")
CALLS = keyed(CASES, KNOWN, *GROUPS)


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix35c_call(q: str, age: int | None, want: dict) -> None:
    want = dict(want)
    first_any = want.pop("first_any", None)
    found_as_wanted(q, age, want)
    if first_any:
        ids = found(q, age)
        assert ids and ids[0] in first_any, ids
