"""The held-back search set (issue 14): written before the tuning it measures, by someone who saw
neither the search code nor its vocabulary, and never tuned on. Its figures are published in
docs/adviser.md; this test holds them as floors and prints totals only, never the misses (read them
and the set is spent: write the next version first).

- v5 and v6 are spent (training data since v7), their history kept here:
- v5 (444, all 178 indicators): written blind on 2026-12-02 by an engineer who read only the
  document and the indicators' wording (its header lists what), and measured first on the word
  matching of that morning: 312 first and 367 in the top 3 (70.3% / 82.7%). Then the learned model
  (pathway/search_model.py) was built, chosen by leaving the spent sets out in turn, never by v5:
  339 / 392 (76.4% / 88.3%) with v2 and v3 as its examples; 363 / 409 (81.8% / 92.1%) with v4 and
  573 calls written for it added; 372 / 412 (83.8% / 92.8%) with 787 more; 377 / 416 (84.9% /
  93.7%) with 925 more (the floor below). Each step was decided before v5 was measured again,
  and no parameter was chosen by it; still, it has been looked at five times.
- v6 (454, all 178 indicators): written blind on 2026-12-02 (late morning) the same way, and
  measured first on the search as it then shipped: 379 first and 420 in the top 3 (83.5% /
  92.5%; word matching alone 325 / 390, 71.6% / 85.9%). That is the unbiased figure of that
  search, and it agrees with v5's. Then 925 more written calls were added (decided before v6 was
  measured): 385 / 425 (84.8% / 93.6%), the floor below.
- Earlier sets are spent and are training data now (pathway/data/search_examples/): v2 and v3 were
  read for tuning on 2026-12-01; v4 (329) was measured, totals only, from 76.0% / 90.6% to 76.9% /
  91.5% on word matching and 84.8% / 93.3% with the learned model, then added to the model's
  examples on 2026-12-02 once v5 was written.
- v7 (460, all 178 indicators): written blind on 2026-12-02 (morning) the same way, and measured
  first on the search as it then shipped: 382 first and 429 in the top 3 (83.0% / 93.3%). Then
  the model was given the lead and a better reading of "not" (docs/adviser.md, "The model leads"),
  chosen on the left-out spent sets only: 410 / 446 (89.1% / 97.0%), the floor below; v5 399 /
  427 (89.9% / 96.2%) and v6 398 / 431 (87.7% / 94.9%) on the same search. (A first version, before
  two safety refinements made on other grounds, measured 412 / 447; see docs/adviser.md.) Then v5
  and v6 were spent into the model's examples (decided on the left-out sets: 655 to 664 of 715
  first): 415 / 445 (90.2% / 96.7%). Then 1,000 more written calls (written_2026-12-02f and g,
  decided on the left-out sets: 1,467 to 1,479 of 1,613 first): 426 / 447 (92.6% / 97.2%). Then
  the child's age band as a word the model reads (decided on the left-out sets: 1,479 to 1,486
  first, and immediate calls with no immediate criterion in the top 3 from 9 to 6): 428 / 447
  (93.0% / 97.2%), the floor below. v7 has been measured five times.
- v8 (460, all 178 indicators): written blind on 2026-12-02 (morning) the same way, while v7 was
  being spent on decisions, and measured first on the search as it then shipped (with v5 and v6
  in training): 417 first and 443 in the top 3 (90.7% / 96.3%). Then the 1,000 written calls
  above: 427 / 447 (92.8% / 97.2%); then the age band: 428 / 448 (93.0% / 97.4%), the floor
  below. Measured three times, totals only.
The aim is 90% first and 97% in the top 3.
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
    "search_heldout_v7.yaml": HeldBack(phrasings=460, indicators=178, first=428, in_top3=447),  # measured five times: v8 is the cleaner measure
    # measured three times; search12's "no concern" answer (review 11, H3) cost 2 first places, 428 -> 426, top 3
    # unchanged at 449, while the left-out sets gained one (1,488 -> 1,489) and their p9 calls two (199 -> 201):
    # the floor follows, for the lead to accept or refuse (docs/adviser.md, Search12); nothing was tuned on v8
    "search_heldout_v8.yaml": HeldBack(phrasings=460, indicators=178, first=426, in_top3=448),
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
