"""How often search puts the right indicator first, over caller phrasings written as data.

Prints the hit rates (run with -s to see them) and fails below the floors, so a change that
breaks ranking is caught. The floors are set a little under what the search achieved.
"""

import pytest

from pathway.search_accuracy import hit_rates, load_phrasings
from pathway.search_model import EXAMPLES_DIR

PHRASINGS = load_phrasings(EXAMPLES_DIR / "phrasings.yaml")  # checked against the catalogue
FLOORS = {"tuning": (0.90, 0.95), "held_out": (0.75, 0.85), "all": (0.85, 0.95)}  # (rank 1, top 3)


def test_phrasings_are_well_formed():
    assert len(PHRASINGS) >= 40
    for p in PHRASINGS:
        assert p["set"] in ("tuning", "held_out"), p


@pytest.mark.parametrize("which", ["tuning", "held_out", "all"])
def test_hit_rate_floor(which):
    chosen = [p for p in PHRASINGS if which == "all" or p["set"] == which]
    if not chosen:
        pytest.skip(f"no {which} phrasings")
    rates = hit_rates(chosen)
    misses = [(p["q"], r) for p, r in zip(chosen, rates.ranks) if r != 1]
    print(f"\n{rates.line(which)}; not first: {misses}")
    floor1, floor3 = FLOORS[which]
    assert rates.top1 >= floor1 and rates.top3 >= floor3, misses
