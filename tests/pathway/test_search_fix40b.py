"""fix40b (stop 55; docs/adviser.md "Search40b"): review 36 Q3, Q4, Q6 (safety; Q4, Q6 arguable), each as a class:

1. a carer who cannot be roused with a child there: a p9 harm / home-alone row first (and, where a drink, a needle or
   pills are said, a carer's substance row in three);
2. cutting or closing a girl's genitals in any words: p9 significant harm first;
3. a child sent or brought from abroad to a non-relative who makes them work and keeps them from school: p9
   trafficking in three.

Oracles: tests/pathway/search_fix40b_cases.yaml, calls in words of my own written before the readings were changed,
with controls."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix40b_cases.yaml").read_text())

KNOWN: dict[str, str] = {
    # "mum took a load of tablets with her wine ..." holds since fix41b (stop 56: `fix41b_carer_unroused_drink_pills`,
    # pills and drink both said; docs/adviser.md Search41b): its strict xfail is taken off
    "my dad had a needle in his arm for a blood test and she held his hand": (
        "left, as on main de3c9cec: p9 significant harm leads with no harm said (review 35 K1's class: the learned"
        " model's 'needle', 'held'); fix40b's readings stand aside for a blood test (`unless`)"
    ),
    "her cousin is getting her ears pierced at the naming ceremony": (
        "left, as on main de3c9cec: p9 allegation leads on 'pierced' (K1's class); fix40b's `fix40b_fgm_closed` does not read it (no act on her genitals)"
    ),
    "his gran came over from jamaica to look after him while mum works": (
        "left, as on main de3c9cec: p9 trafficking third ('came over' is `protection.unaccompanied_asylum_seeker`'s"
        " word, the learned model's 'works'); fix40b's `fix40b_sent_over_to_work` does not read it (no sending)"
    ),
}

GROUPS = (
    "no_rouse",
    "no_rouse_substance",
    "no_rouse_controls",
    "fgm",
    "fgm_controls",
    "sent_over",
    "sent_over_controls",
)
CALLS = keyed(CASES, KNOWN, *GROUPS)


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix40b_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)
