"""The adviser search's learned model (pathway/search_model.py; issue 14).

The held-back figure is in test_search_heldout.py. Here: how well the search does on an example
set the model was NOT trained on (each spent set left out in turn: the independent oracle is the
set's own `expect` lists, written before the model existed), and the model's place in the search:
it re-ranks and adds to what word matching finds, never offers anything on its own, is the same
on every build, and never lowers an immediate criterion that word matching put in the top three.
"""

import os
import subprocess
import sys
from typing import NamedTuple

import numpy as np
import pytest
from scipy import sparse

from pathway import search_model
from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchIndex, default_index, load_synonyms, search
from pathway.search_accuracy import load_phrasings
from pathway.search_model import EXAMPLES_DIR, CallerModel, char_ngrams, example_calls, vectorizers

CAT = load_catalogue()


class Floor(NamedTuple):
    first: int  # right first, at least (counts, so a failure names no phrasing)
    in_top3: int
    words_first: int  # what word matching alone gets: the model must add to it


LEFT_OUT = {  # measured 2026-12-02 (docs/adviser.md); word matching alone was tuned on v2 and v3, so its figures there are flattering
    # first 155 -> 154, in_top3 167 -> 166 at stop 55's merge (fix39a's and fix40a's phrasings moved the model; the dump of the labelled and
    # held-back calls has 0 right -> wrong through the whole search; docs/adviser.md Search55m)
    "spent_heldout_v2.yaml": Floor(first=154, in_top3=166, words_first=122),
    "spent_heldout_v3.yaml": Floor(first=203, in_top3=211, words_first=167),
    "spent_heldout_v4.yaml": Floor(first=310, in_top3=325, words_first=254),
    "spent_heldout_v5.yaml": Floor(first=407, in_top3=431, words_first=313),
    # review 8 F2: 435, not 436. "mum tried to smother the baby" (2 months) was found only through
    # 'smother' in "Over protected/unable to develop independence", a need no longer offered for a baby
    # (meaningful_ages past_infancy); left out of training it is now 5th, in a tie; the shipped search,
    # trained on every set, still puts "Child is at immediate risk or has suffered significant harm" first.
    "spent_heldout_v6.yaml": Floor(first=411, in_top3=435, words_first=330),
}


def _calls_without(name: str) -> list[tuple[str, tuple[str, ...]]]:
    return example_calls(path for path in sorted(EXAMPLES_DIR.glob("*.yaml")) if path.name != name)


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
        ("brui", {}),
        ("left alone all night", {"age_in_months": 36}),
        ("bruise on his ear", {"age_in_months": 10}),
    ],
)
def test_an_immediate_criterion_word_matching_put_in_the_top_three_keeps_its_place(query, age):
    # the model agrees these are immediate matters (its shares of the criteria found are at least
    # AGREED of its best), so each keeps word matching's place: the model may lift it, never lower it
    words = SearchIndex(CAT, load_synonyms()).search(query, limit=KEPT_PLACES, **age)
    whole = [h.id for h in search(query, limit=KEPT_PLACES, **age)]
    kept = [(place, h.id) for place, h in enumerate(words) if h.indicator.immediate]
    assert kept, "the case must have an immediate criterion in word matching's top three"
    for place, iid in kept:
        assert iid in whole[: place + 1], (iid, whole)


@pytest.mark.parametrize(
    "query, age, immediate, meant",
    [
        (
            "what clubs are there for the kids in the holidays",
            100,
            "immediate.home_alone_at_risk",
            {"universal.access_leisure_services", "additional.needs_assistance_access_leisure"},
        ),
        ("mum is hard to get hold of and misses most of the meetings", 95, "immediate.significant_harm", {"additional.parental_engagement_services_poor"}),
    ],
)
def test_an_immediate_criterion_the_model_all_but_rules_out_may_give_its_place_never_its_sight(query, age, immediate, meant):
    # word matching puts an immediate criterion first on a stray word ("left alone" in "clubs for
    # the kids"); the model gives it next to nothing, so the call's own need may lead, and the
    # criterion still shows in the first three, where the adviser sees it
    assert [h.id for h in SearchIndex(CAT, load_synonyms()).search(query, age_in_months=age, limit=1)] == [immediate]
    whole = [h.id for h in search(query, age_in_months=age, limit=KEPT_PLACES)]
    assert whole[0] in meant
    assert immediate in whole


CORPUS = [
    ("bruises on the baby", 0),
    ("bruising nobody can explain", 0),
    ("dad drinks every night", 1),
    ("mum is drunk again and again", 1),
    ("not going to school", 2),
    ("bunking off school every week", 2),
]


def _words(text: str) -> list[str]:
    return text.split()


def test_the_models_own_feature_reading_equals_scikit_learns_transform(tmp_path):
    model = CallerModel.trained(CORPUS, str.lower, _words, cache=tmp_path)
    word, char = vectorizers(_words)
    docs = [t for t, _ in CORPUS]
    word.fit(docs)
    char.fit(docs)
    for said in ["bruises", "dad drinks", "drinks drinks school", "school again and again", "", "zzz qqq"]:
        expected = sparse.hstack([word.transform([said]), char.transform([said])]).toarray().ravel()
        columns, values = model._features(said)
        got = np.zeros_like(expected, dtype=np.float64)
        got[columns] = values
        assert np.allclose(got, expected, atol=1e-6), said


def test_a_model_trained_once_is_read_back_from_the_cache(tmp_path, monkeypatch):
    first = CallerModel.trained(CORPUS, str.lower, _words, cache=tmp_path)
    assert len(list(tmp_path.glob("search-model-*.npz"))) == 1

    def not_again(*args):
        raise AssertionError("trained again although the cache holds this model")

    monkeypatch.setattr(search_model, "_train", not_again)
    again = CallerModel.trained(CORPUS, str.lower, _words, cache=tmp_path)
    assert again.shares("bruises") == first.shares("bruises")


def test_other_texts_or_parameters_name_another_model(tmp_path, monkeypatch):
    CallerModel.trained(CORPUS, str.lower, _words, cache=tmp_path)
    CallerModel.trained(CORPUS[:-1], str.lower, _words, cache=tmp_path)
    monkeypatch.setattr(search_model, "C", 1.0)
    CallerModel.trained(CORPUS, str.lower, _words, cache=tmp_path)
    assert len(list(tmp_path.glob("search-model-*.npz"))) == 3


@pytest.mark.parametrize("damage", [b"", b"not a zip file", None])
def test_a_damaged_cache_file_is_trained_again(tmp_path, damage):
    good = CallerModel.trained(CORPUS, str.lower, _words, cache=tmp_path)
    [kept] = tmp_path.glob("search-model-*.npz")
    if damage is None:  # a readable file with an array missing
        arrays = dict(np.load(kept, allow_pickle=False))
        del arrays["bias"]
        np.savez(kept, **arrays)
    else:
        kept.write_bytes(damage)
    again = CallerModel.trained(CORPUS, str.lower, _words, cache=tmp_path)
    assert again.shares("dad drinks") == good.shares("dad drinks")
    assert set(np.load(kept, allow_pickle=False).files) == search_model.ARRAYS  # written again, whole


def test_a_cache_folder_that_cannot_be_written_only_means_training(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would be")
    model = CallerModel.trained(CORPUS, str.lower, _words, cache=blocked / "cache")
    assert max(model.shares("bunking off school"), key=model.shares("bunking off school").get) == 2


@pytest.mark.parametrize("text", ["bruises", "a b", "Dad  DRINKS\tevery night", "cant", "x", "self-harm and 1:1", "  "])
def test_the_character_ngrams_are_scikit_learns(text):
    from sklearn.feature_extraction.text import TfidfVectorizer

    assert char_ngrams(text) == TfidfVectorizer(analyzer="char_wb", ngram_range=search_model.CHARS).build_analyzer()(text)


def test_a_worker_reading_a_kept_model_needs_numpy_only(tmp_path):
    # training imports scikit-learn and scipy (about 100 MB a process); reading the kept model must not
    script = (
        "import sys; from pathway.search import default_index; default_index(); print(sorted({'sklearn', 'scipy'} & {m.split('.')[0] for m in sys.modules}))"
    )
    env = {**os.environ, "FSP_CACHE_DIR": str(tmp_path)}
    trained = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    read = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert trained.stdout.strip() == "['scipy', 'sklearn']"  # the first process trains
    assert read.stdout.strip() == "[]"


def test_the_cache_folder_is_ours_systemds_or_the_users(monkeypatch, tmp_path):
    monkeypatch.delenv("FSP_CACHE_DIR", raising=False)
    monkeypatch.setenv("CACHE_DIRECTORY", f"{tmp_path}/a:{tmp_path}/b")
    assert search_model.cache_dir() == tmp_path / "a"
    monkeypatch.setenv("FSP_CACHE_DIR", str(tmp_path / "mine"))
    assert search_model.cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("FSP_CACHE_DIR")
    monkeypatch.delenv("CACHE_DIRECTORY")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert search_model.cache_dir() == tmp_path / "xdg" / "family-support-pathway"


def test_the_model_reads_the_childs_age_band():
    # the same words for a baby and for a 10-year-old: the age, given in its own field, reaches the
    # model as one word of its own (pathway.search._age_word), so the criterion written for under-1s
    # can lead for the baby only
    from pathway.search import _age_word

    assert _age_word(None, False) == []
    assert _age_word(None, True) == ["agebandunborn"]
    assert [_age_word(m, False)[0] for m in (0, 11, 12, 23, 24, 71, 72, 155, 156, 191, 192)] == [
        "agebandunder1",
        "agebandunder1",
        "agebandunder2",
        "agebandunder2",
        "agebandunder6",
        "agebandunder6",
        "agebandunder13",
        "agebandunder13",
        "agebandunder16",
        "agebandunder16",
        "agebandover15",
    ]
    model = default_index().model
    assert model is not None
    said = "mum drinking vodka from first thing"
    baby, older = model.shares(f"{said} agebandunder1"), model.shares(f"{said} agebandunder13")
    under_1 = [n for n, e in enumerate(default_index().entries) if e.indicator.id == "immediate.substance_use_under_1"][0]
    assert baby[under_1] > older[under_1]


def test_a_search_gives_the_model_the_age_it_was_given(monkeypatch):
    index = default_index()
    assert index.model is not None
    read: list[str] = []
    shares = index.model.shares
    monkeypatch.setattr(index.model, "shares", lambda said: read.append(said) or shares(said))
    index.search("dad drinks all day ", age_in_months=5)
    index.search("dad drinks all day ", unborn=True)
    index.search("dad drinks all day ")
    assert [said.split()[-1] for said in read] == ["agebandunder1", "agebandunborn", "day"]


@pytest.mark.parametrize(
    "query, age, immediate",
    [
        ("my daughter is self harming", 170, "immediate.significant_harm"),
        ("the little one just stares and goes very still when dad walks in", 30, "immediate.unexplained_injuries"),
        ("preschooler left in cot all day, no toys, no talking", 30, "immediate.home_alone_5_and_under"),
    ],
)
def test_an_immediate_criterion_word_matching_found_stays_in_the_top_three(query, age, immediate):
    # the model ranks these below its own first three (it gives them less than AGREED of its best):
    # they may give their place, never their sight
    assert immediate in [h.id for h in SearchIndex(CAT, load_synonyms()).search(query, age_in_months=age, limit=KEPT_PLACES)]
    assert immediate in [h.id for h in search(query, age_in_months=age, limit=KEPT_PLACES)]
