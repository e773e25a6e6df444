"""The cross-validation over the vocabulary (pathway/search_crossval.py): a fold's phrasings are
really gone from the index that searches them, and near-copies are never split across folds."""

from pathway.catalogue import load_catalogue
from pathway.search import SearchIndex, load_synonyms
from pathway.search_crossval import folds, main, phrasings, run, without

UNIQUE = "zorblax quimbering"  # words in no indicator, keyword or other phrasing
TARGET = "universal.physically_well"


def _with(extra: dict[str, list[str]]) -> dict:
    synonyms = load_synonyms()
    indicators = {k: list(v) for k, v in synonyms["indicators"].items()}
    for iid, texts in extra.items():
        indicators[iid] = indicators.get(iid, []) + texts
    return {**synonyms, "indicators": indicators}


def test_a_removed_phrasing_is_not_found_by_its_own_words():
    synonyms = _with({TARGET: [UNIQUE]})
    whole = SearchIndex(load_catalogue(), synonyms)
    assert whole.search(UNIQUE)[0].id == TARGET  # the vocabulary alone finds it...
    outcome = next(o for o in run(k=2, synonyms=synonyms) if o.phrasing.text == UNIQUE)
    assert outcome.rank is None and outcome.expect == {TARGET}  # ...so, left out, nothing does


def test_a_fold_is_taken_out_and_nothing_else():
    synonyms = load_synonyms()
    items = phrasings(synonyms)
    first, *rest = folds(items, k=5)
    kept = without(synonyms, first)["indicators"]
    assert not any(p.text in kept[p.indicator] for p in first)
    assert all(p.text in kept[p.indicator] for fold in rest for p in fold)
    assert sum(len(f) for f in folds(items, k=5)) == len(items) == sum(len(v) for v in synonyms["indicators"].values())


def test_near_copies_and_shared_words_share_a_fold():
    synonyms = _with({TARGET: ["badly beaten up", "Beaten black and blue"], "additional.low_self_esteem": ["badly beaten up"]})
    grouped = {(p.indicator, p.text): p.group for p in phrasings(synonyms)}
    assert grouped[TARGET, "badly beaten up"] == grouped[TARGET, "Beaten black and blue"] == grouped["additional.low_self_esteem", "badly beaten up"]
    ungrouped = {(p.indicator, p.text): p.group for p in phrasings(synonyms, grouped=False)}
    assert ungrouped[TARGET, "badly beaten up"] == ungrouped["additional.low_self_esteem", "badly beaten up"]  # the same words, still together
    assert ungrouped[TARGET, "badly beaten up"] != ungrouped[TARGET, "Beaten black and blue"]
    outcome = next(o for o in run(k=2, synonyms=synonyms) if o.phrasing.text == "badly beaten up")
    assert outcome.expect == {TARGET, "additional.low_self_esteem"}  # the file says either is right


def test_the_command_prints_totals_and_levels(capsys):
    assert main(["--folds", "2", "--levels"]) == 0
    out = capsys.readouterr().out
    assert "vocabulary, 2 folds grouped, seed 14: n=" in out and "  protection" in out and "rank" not in out


# Counts out of the vocabulary's phrasings, 5 grouped folds, seed 14 (docs/adviser.md, "Cross-validated
# over the vocabulary"): the branch began at 1029 first and 1625 in the top 3 and reached 1160 and
# 1812; with lexicon4's words merged, 1206 and 1876. The floors sit a little under, so a change that
# loses on words the search was not given fails.
# Review 9 G6 (fix9r): one seed's deal is luck as much as words. Adding 8 phrasings re-deals every fold,
# and seed 14 alone went 1213 -> 1169 first, while over seeds 14-21 the mean was unchanged (1179.1 before,
# 1179.3 after; top 3 1865.3 and 1856.0; one seed to the next varies by up to 45). The test now takes the
# mean over seeds 14-17, which at main's b16db7f vocabulary is 1184.0 first and 1872.5 in the top 3; the
# floors sit a little under it, as before
SEEDS = (14, 15, 16, 17)
FLOOR_TOP1, FLOOR_TOP3 = 1170, 1845


def test_the_cross_validated_hit_counts_do_not_fall():
    top1 = top3 = 0.0
    for seed in SEEDS:
        outcomes = run(seed=seed)
        top1 += sum(o.rank == 1 for o in outcomes) / len(SEEDS)
        top3 += sum(o.rank is not None and o.rank <= 3 for o in outcomes) / len(SEEDS)
    print(f"\ncross-validated, mean of seeds {SEEDS}: {top1:.1f}/{len(outcomes)} first, {top3:.1f}/{len(outcomes)} in the top 3")
    assert top1 >= FLOOR_TOP1 and top3 >= FLOOR_TOP3
