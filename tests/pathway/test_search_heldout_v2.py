"""The held-back search set (issue 14): written before the follow-up's tuning by someone who saw
neither the search code nor its synonyms, and never tuned on. Its figures are published in
docs/adviser.md; this test holds them as a floor and prints totals only, never the misses (read
them and the set is spent: write a v3 first)."""

from pathlib import Path

from pathway.catalogue import load_catalogue
from pathway.search_accuracy import hit_rates, load_phrasings

HELD_BACK = load_phrasings(Path(__file__).parent / "search_heldout_v2.yaml")
# measured 2026-12-01 after the evening's search work and the review's fixes (negation, "keeps"): 117/169 first,
# 146/169 in the top 3 (119 and 148 before those fixes, which cost v2 two and two; v3 gains two first)
# (aim 90% / 97%; after the afternoon's follow-up it was 101 and 133)
FIRST, IN_TOP3 = 117, 146


def test_the_held_back_set_covers_every_level_and_age_band():
    cat = load_catalogue()
    assert len(HELD_BACK) >= 60
    assert {p["level"] for p in HELD_BACK} >= {"immediate", "protection", "child_in_need", "extensive", "additional", "universal"}
    ages = {p.get("age_in_months") for p in HELD_BACK}
    assert any(p.get("unborn") for p in HELD_BACK)
    assert {a // 60 for a in ages if a is not None} >= {0, 1, 2, 3}  # under 5, 5-9, 10-14, 15-19
    assert all(cat.has_indicator(i) for p in HELD_BACK for i in p["expect"])


def test_held_back_hit_rates_do_not_fall():
    rates = hit_rates(HELD_BACK)
    print("\n" + rates.line("held back v2"))
    # counts, not the Rates object: a failure must not print which phrasings missed
    assert round(rates.top1 * rates.n) >= FIRST
    assert round(rates.top3 * rates.n) >= IN_TOP3
