"""How often search puts the right indicator first, over caller phrasings written as data.

Prints the hit rates (run with -s to see them) and fails below the floors, so a change that
breaks ranking is caught. The floors are set a little under what the search achieved.
"""
from pathlib import Path

import pytest
import yaml

from pathway.catalogue import load_catalogue
from pathway.search import search

PHRASINGS = yaml.safe_load((Path(__file__).parent / "search_phrasings.yaml").read_text(encoding="utf-8"))["phrasings"]
FLOORS = {"tuning": (0.90, 0.95), "held_out": (0.75, 0.85), "all": (0.85, 0.95)}  # (rank 1, top 3)


def rank_of(p) -> int | None:
    hits = search(p["q"], age_in_months=p.get("age_in_months"), unborn=p.get("unborn", False), limit=10)
    for n, hit in enumerate(hits, 1):
        if hit.id in p["expect"]:
            return n
    return None


def hit_rates(phrasings):
    ranks = [rank_of(p) for p in phrasings]
    at1 = sum(r == 1 for r in ranks) / len(ranks)
    top3 = sum(r is not None and r <= 3 for r in ranks) / len(ranks)
    return at1, top3, ranks


def test_phrasings_are_well_formed():
    cat = load_catalogue()
    assert len(PHRASINGS) >= 40
    for p in PHRASINGS:
        assert p["set"] in ("tuning", "held_out"), p
        for iid in p["expect"]:
            assert cat.has_indicator(iid), iid
            band = cat.indicator(iid).age_band
            assert band is None or cat.band(band).admits(p.get("unborn", False), p.get("age_in_months")), p


@pytest.mark.parametrize("which", ["tuning", "held_out", "all"])
def test_hit_rate_floor(which):
    chosen = [p for p in PHRASINGS if which == "all" or p["set"] == which]
    if not chosen:
        pytest.skip(f"no {which} phrasings")
    at1, top3, ranks = hit_rates(chosen)
    misses = [(p["q"], r) for p, r in zip(chosen, ranks) if r != 1]
    print(f"\n{which}: n={len(chosen)} rank-1 {at1:.0%} top-3 {top3:.0%}; not first: {misses}")
    floor1, floor3 = FLOORS[which]
    assert at1 >= floor1 and top3 >= floor3, misses
