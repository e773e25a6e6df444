"""The held-back search sets (issue 14): each written before the tuning it measures, by someone who
saw neither the search code nor its vocabulary, and never tuned on. Their figures are published in
docs/adviser.md; these tests hold them as floors and print totals only, never the misses (read them
and the set is spent: write the next version first).

- v2 (169): written before the afternoon follow-up of 2026-12-01. 101 first and 133 in the top 3
  after that follow-up; 119 and 148 after the evening's search work.
- v3 (217): written blind on the evening of 2026-12-01, before that evening's search work, by
  someone who had also read no earlier phrasing set: 132 and 171 (60.8% / 78.8%) before it, 163
  and 192 after it.
- v4 (329, all 178 indicators): written blind on 2026-12-01 (night) by someone who had read no
  search code, vocabulary or earlier set, and measured once before that night's search work: 250
  and 298 (76.0% / 90.6%). Its `expect` lists are more generous with twins than v3's.
The night's search work (branches `search4` and `lexicon4`: a cross-validation over the
vocabulary, and about 800 single-word equivalences) raised the cross-validated figure from 33.2% to
38.9% first but left the held-back sets nearly where they were, measured once after merging: v2
120 / 145 (+3 first, -1 in the top 3), v3 166 / 190 (+1, -2), v4 251 / 300 (+1, +2). Two top-3 floors went down by the one and two phrasings lost.
Then v2 and v3 were SPENT: branch `tune5` read their misses to find what search still gets wrong
(docs/adviser.md, "ranking among related indicators"), so they are tuning sets now, kept here as
floors. v4 alone is held back: after `tune5`, 253 first and 301 in the top 3 (76.9% / 91.5%). The
floors below are the figures after `tune5`.
Before that night, the v2 and v3 floors were as measured after the review's two fixes that evening (negation, "keeps"), which
cost v2 two and two and gained v3 two first. The aim is 90% first and 97% in the top 3.
"""

from pathlib import Path
from typing import NamedTuple

import pytest

from pathway.catalogue import load_catalogue
from pathway.search_accuracy import hit_rates, load_phrasings


class HeldBack(NamedTuple):
    phrasings: int  # at least this many
    indicators: int  # ...over at least this many distinct indicators
    first: int  # right first, a floor (a count: a failure must not print which phrasings missed)
    in_top3: int


SETS = {
    "search_heldout_v2.yaml": HeldBack(phrasings=60, indicators=0, first=121, in_top3=148),  # spent: a tuning set now
    "search_heldout_v3.yaml": HeldBack(phrasings=160, indicators=110, first=168, in_top3=190),  # spent: a tuning set now
    "search_heldout_v4.yaml": HeldBack(phrasings=300, indicators=170, first=253, in_top3=301),
}


def _held_back(name: str) -> list[dict]:
    return load_phrasings(Path(__file__).parent / name)


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_held_back_set_covers_every_level_and_age_band(name):
    cat, held_back, wanted = load_catalogue(), _held_back(name), SETS[name]
    assert len(held_back) >= wanted.phrasings
    assert len({i for p in held_back for i in p["expect"]}) >= wanted.indicators
    # every level an indicator has (Child in Need has none: it is reached by disability and context), and the p9 list
    assert {p["level"] for p in held_back} >= {"immediate"} | {i.level.value for i in cat.indicators}
    assert any(p.get("unborn") for p in held_back)
    ages = {p.get("age_in_months") for p in held_back}
    assert {a // 60 for a in ages if a is not None} >= {0, 1, 2, 3}  # under 5, 5-9, 10-14, 15-19
    assert all(cat.has_indicator(i) for p in held_back for i in p["expect"])


@pytest.mark.parametrize("name", sorted(SETS))
def test_held_back_hit_rates_do_not_fall(name):
    rates = hit_rates(_held_back(name))
    print("\n" + rates.line(name))
    assert round(rates.top1 * rates.n) >= SETS[name].first
    assert round(rates.top3 * rates.n) >= SETS[name].in_top3
