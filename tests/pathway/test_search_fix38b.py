"""fix38b (stop 54; docs/adviser.md "Search54b"): review 35 Q2-Q6 (safety; Q5, Q6 arguable), each as a class:

1. a child not come in after dark, or run off and not seen since: p15-16 "Children who go missing" (or p9) in three;
2. a carer covering a child's mouth or face, choking, holding under water: a p9 harm / allegation row first;
3. a young child who cannot wake the carer: a p9 harm / home-alone row first;
4. FGM said as "cutting" of a girl by family: a p9 row first, never the child's self-harm row;
5. a young child sent, pushed or kept out of the home: a p9 home-alone / harm row in three.

Oracles: tests/pathway/search_fix38b_cases.yaml, calls in words of my own written before the readings were changed,
with controls."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix38b_cases.yaml").read_text())

KNOWN: dict[str, str] = {
    "we haven't seen her since she moved to her dad's": (
        "left, as on main 8826f505: p9 significant harm leads with no harm said (review 35 K1's class, the learned"
        " model's); fix38b's `fix38b_not_seen_since` stands aside for a move (`unless`) and leads with nothing"
    ),
    "he choked on a grape but he's fine now": (
        "left, as on main 8826f505: p9 significant harm leads on 'choked' (the harm core's word; K1's class);"
        " fix38b's `fix38b_smother` does not read 'choked on'"
    ),
    "dad held her hand while she had her injection": (
        "left, as on main 8826f505: p9 significant harm leads (the learned model's 'held', 'dad'; K1's class); fix38b's readings do not read it"
    ),
    "he went out into the yard to play": (
        "left, as on main 8826f505: p9 home alone leads on `core_to_lead`'s 'went out' (Search51's home-alone core);"
        " fix38b's `fix38b_sent_out` does not read it (no sending verb; `unless` 'to play')"
    ),
}

GROUPS = (
    "missing",
    "missing_controls",
    "smother",
    "smother_controls",
    "no_wake",
    "no_wake_controls",
    "fgm_cut",
    "fgm_cut_controls",
    "sent_out",
    "sent_out_controls",
)
CALLS = keyed(CASES, KNOWN, *GROUPS)


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix38b_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)
