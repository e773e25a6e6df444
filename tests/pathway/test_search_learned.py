"""The adviser search's learned model (pathway/search_model.py; issue 14).

The held-back figure is in test_search_heldout.py. Here: how well the search does on an example
set the model was NOT trained on (each spent set left out in turn: the independent oracle is the
set's own `expect` lists, written before the model existed), and the model's place in the search:
it re-ranks and adds to what word matching finds, never offers anything on its own, is the same
on every build, and never lowers an immediate criterion that word matching put in the top three.
"""

from typing import NamedTuple

import pytest

from pathway import yaml_load
from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchIndex, default_index, load_synonyms, search
from pathway.search_accuracy import load_phrasings
from pathway.search_model import EXAMPLES_DIR, example_calls

CAT = load_catalogue()


class Floor(NamedTuple):
    first: int  # right first, at least (counts, so a failure names no phrasing)
    in_top3: int
    words_first: int  # what word matching alone gets: the model must add to it


LEFT_OUT = {  # measured 2026-12-02 (docs/adviser.md); word matching alone was tuned on v2 and v3, so its figures are flattering
    "spent_heldout_v2.yaml": Floor(first=131, in_top3=155, words_first=121),
    "spent_heldout_v3.yaml": Floor(first=182, in_top3=202, words_first=168),
}


def _calls_without(name: str) -> list[tuple[str, tuple[str, ...]]]:
    calls = []
    for path in sorted(EXAMPLES_DIR.glob("*.yaml")):
        if path.name != name:
            calls += [(p["q"], tuple(p["expect"])) for p in yaml_load.load(path.read_text(encoding="utf-8"))["phrasings"]]
    return calls


def _counts(index: SearchIndex, phrasings: list[dict]) -> tuple[int, int]:
    first = top3 = 0
    for p in phrasings:
        found = [h.id for h in index.search(p["q"], age_in_months=p.get("age_in_months"), unborn=p.get("unborn", False), limit=3)]
        first += bool(found) and found[0] in p["expect"]
        top3 += bool(set(found) & set(p["expect"]))
    return first, top3


@pytest.mark.parametrize("name", sorted(LEFT_OUT))
def test_a_set_the_model_never_saw_is_found_better_than_by_word_matching_alone(name):
    phrasings, floor = load_phrasings(EXAMPLES_DIR / name), LEFT_OUT[name]
    words_first, _ = _counts(SearchIndex(CAT, load_synonyms()), phrasings)
    first, top3 = _counts(SearchIndex(CAT, load_synonyms(), _calls_without(name)), phrasings)
    print(f"\n{name} left out of training: {first}/{len(phrasings)} first, {top3} in the top 3 (word matching alone {words_first} first)")
    assert words_first >= floor.words_first
    assert first >= floor.first and top3 >= floor.in_top3
    assert first > words_first


def test_the_examples_are_the_shipped_sets_only():
    # every example names known indicators at ages their bands admit (load_phrasings refuses
    # anything else), and no held-back set is among them
    names = sorted(p.name for p in EXAMPLES_DIR.glob("*.yaml"))
    assert names and not any(n.startswith("search_heldout") for n in names)
    for name in names:
        load_phrasings(EXAMPLES_DIR / name)
    assert len(example_calls()) == sum(len(load_phrasings(EXAMPLES_DIR / n)) for n in names)


def test_the_model_is_the_same_on_every_build():
    again = SearchIndex(CAT, load_synonyms(), example_calls())
    for query in ("mums new bloke has a record", "he's been kicked out of school again", "baby not putting weight on"):
        assert [(h.id, h.score) for h in again.search(query)] == [(h.id, h.score) for h in search(query)]


@pytest.mark.parametrize("query", ["xqzv ", "the and of ", "my 12 year old "])
def test_the_model_offers_nothing_when_word_matching_finds_nothing(query):
    assert search(query) == []


def test_the_model_reorders_what_word_matching_found():
    # a call that describes a situation rather than naming it: word matching alone ranks it
    # elsewhere, the whole search finds it (the example is in the training data: this checks the
    # model is wired in, not how well it generalises, which the left-out sets above measure)
    query = "mums new boyfriend has been done for stuff with kids"
    assert default_index().model is not None
    whole = [h.id for h in search(query, limit=3)]
    assert {"immediate.contact_with_adults_risk", "immediate.adults_who_pose_risk"} & set(whole)


@pytest.mark.parametrize(
    "query, age",
    [
        ("never kept safe", {"age_in_months": 96}),
        ("pregnant", {"unborn": True}),
        ("brui", {}),
        ("left alone all night", {"age_in_months": 36}),
        ("bruise on his ear", {"age_in_months": 10}),
    ],
)
def test_an_immediate_criterion_word_matching_put_in_the_top_three_keeps_its_place(query, age):
    words = SearchIndex(CAT, load_synonyms()).search(query, limit=KEPT_PLACES, **age)
    whole = [h.id for h in search(query, limit=KEPT_PLACES, **age)]
    kept = [(place, h.id) for place, h in enumerate(words) if h.indicator.immediate]
    assert kept, "the case must have an immediate criterion in word matching's top three"
    for place, iid in kept:
        assert iid in whole[: place + 1], (iid, whole)


def test_the_models_own_feature_reading_equals_scikit_learns_transform():
    import numpy as np
    from scipy import sparse

    model = default_index().model
    texts = [p["q"] for p in load_phrasings(EXAMPLES_DIR / "phrasings.yaml")] + ["", "zzzz qqq", "bruises bruises bruises"]
    for text in texts:
        said = " ".join(default_index()._for_model(text.lower().split()))
        expected = sparse.hstack([model._word.transform([said]), model._char.transform([said])]).toarray().ravel()
        columns, values = model._features(said)
        got = np.zeros_like(expected)
        got[columns] = values
        assert np.allclose(got, expected, atol=1e-6), text
