"""The held-back phrasings (search_heldout.yaml): a measure, never a tuning set.

Prints top-1 and top-3 (run with -s); fails only below floors set under the first measured
figures, so a change that makes search worse on words it was never tuned on is caught. Do not
raise the floors by tuning on this file: see its header.
"""
from pathlib import Path

import yaml

from pathway.catalogue import load_catalogue
from pathway.levels import Level
from tests.pathway.test_search_phrasings import hit_rates

HELD_OUT = yaml.safe_load((Path(__file__).parent / "search_heldout.yaml").read_text(encoding="utf-8"))["phrasings"]
FLOOR_TOP1, FLOOR_TOP3 = 0.62, 0.87


def test_the_held_back_set_covers_every_level_and_age_band():
    cat = load_catalogue()
    assert len(HELD_OUT) >= 60
    aimed = {p["level"] for p in HELD_OUT}
    assert aimed == {"immediate"} | {lv.value for lv in Level if lv is not Level.CHILD_IN_NEED}  # no indicator is CiN
    bands = {cat.indicator(i).age_band for p in HELD_OUT for i in p["expect"]} - {None}
    assert {"unborn", "under_1", "under_2", "home_alone_5_and_under", "pre_school", "pregnant_under_17",
            "teenage", "sexual_activity_under_13", "forced_marriage_under_18", "care_leaver"} <= bands
    ages = {p.get("age_in_months") for p in HELD_OUT}
    assert None in ages and any(p.get("unborn") for p in HELD_OUT)
    assert {a // 60 for a in ages if a is not None} >= {0, 1, 2, 3}  # under 5, 5-9, 10-14, 15-19
    for p in HELD_OUT:
        for iid in p["expect"]:
            band = cat.indicator(iid).age_band
            assert band is None or cat.band(band).admits(p.get("unborn", False), p.get("age_in_months")), p


def test_held_back_hit_rates():
    at1, top3, _ = hit_rates(HELD_OUT)
    print(f"\nheld back: n={len(HELD_OUT)} rank-1 {at1:.1%} top-3 {top3:.1%}")
    assert at1 >= FLOOR_TOP1 and top3 >= FLOOR_TOP3
