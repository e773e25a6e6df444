"""The third held-back search set (issue 14): 217 phrasings written blind on 2026-12-01, before that
evening's search and vocabulary work, by someone who read neither the search code, its vocabulary,
nor any earlier phrasing set, and never ran one of them through the search. Its figures are
published in docs/adviser.md; this test holds them as a floor and prints totals only, never the
misses (read them and the set is spent: write a v4 first)."""

from pathlib import Path

from pathway.catalogue import load_catalogue
from pathway.search_accuracy import hit_rates, load_phrasings

HELD_BACK = load_phrasings(Path(__file__).parent / "search_heldout_v3.yaml")
# measured 2026-12-01 after the evening's search work and the review's fixes, negation and "keeps"
# (aim 90% / 97%): 163 and 192 before those fixes; 132 and 171 (60.8% / 78.8%) before the evening
FIRST, IN_TOP3 = 165, 192


def test_the_held_back_set_covers_every_level_and_age_band():
    cat = load_catalogue()
    assert len(HELD_BACK) >= 160
    assert len({i for p in HELD_BACK for i in p["expect"]}) >= 110
    assert {p["level"] for p in HELD_BACK} >= {"immediate", "protection", "child_in_need", "extensive", "additional", "universal"}
    assert any(p.get("unborn") for p in HELD_BACK)
    ages = {p.get("age_in_months") for p in HELD_BACK}
    assert {a // 60 for a in ages if a is not None} >= {0, 1, 2, 3}  # under 5, 5-9, 10-14, 15-19
    assert all(cat.has_indicator(i) for p in HELD_BACK for i in p["expect"])


def test_held_back_hit_rates_do_not_fall():
    rates = hit_rates(HELD_BACK)
    print("\n" + rates.line("held back v3"))
    assert round(rates.top1 * rates.n) >= FIRST
    assert round(rates.top3 * rates.n) >= IN_TOP3
