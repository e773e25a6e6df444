"""Behaviour of the adviser's indicator search (pathway/search.py)."""

import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathway.catalogue import load_catalogue
from pathway.search import SearchDataError, SearchIndex, default_index, load_synonyms, normalise, search, stem

CAT = load_catalogue()
BANDED = [i for i in CAT.indicators if not CAT.admits(i, False, 0) or not CAT.admits(i, False, 300)]


def ids(query, **kw):
    return [h.id for h in search(query, **kw)]


def test_stemming_joins_word_forms():
    assert len({stem(w) for w in ["bruise", "bruises", "bruised", "bruising"]}) == 1
    assert stem("excluded") == stem("excluding") and stem("tantrums") == stem("tantrum")
    assert stem("hitting") == stem("hit")
    assert normalise("Self-harm, “home alone”") == "self harm home alone"


@pytest.mark.parametrize(
    "typed, said",
    [
        ("she's", "she"),
        ("shes", "she"),
        ("He\u2019s", "he"),
        ("they're", "they are"),
        ("theyre", "they are"),
        ("won't", "will not"),
        ("wont", "will not"),
        ("can't", "cannot"),
        ("cant", "cannot"),
        ("isn't", "is not"),
        ("doesnt", "does not"),
        ("I'm", "i am"),
        ("mum's", "mum"),
        ("were ill well", "were ill well"),  # words of their own, not contractions
    ],
)
def test_contractions_are_said_in_full(typed, said):
    assert normalise(typed) == said


def test_a_contraction_is_not_a_typo_for_another_word():
    # "shes" was a word the index did not know, one letter from "shoes"; "she's" is stopwords only
    assert search("shes ") == [] and search("she's ") == [] and search("hes ") == []
    for contracted, full in [("she's not eating ", "she is not eating "), ("he can't read ", "he cannot read ")]:
        assert [(h.id, h.score) for h in search(contracted)] == [(h.id, h.score) for h in search(full)]
    assert ids("can't afford food ")[:3] == ids("cannot afford food ")[:3]


@pytest.mark.parametrize("prefix", ["bru", "brui", "bruis"])
def test_a_few_keystrokes_find_bruising(prefix):
    assert ids(prefix)[0] == "immediate.unexplained_bruising_under_2"


def test_a_finished_word_followed_by_space_is_not_a_prefix():
    # "hit " is the word hit, not "history"
    assert not any("history" in i for i in ids("hit ")[:3])


def test_empty_and_stopword_queries_find_nothing():
    assert search("") == []
    assert search("   ") == []
    assert search("the and of ") == []


def test_unknown_word_finds_nothing():
    assert search("xylophone ") == []


def test_phrase_beats_its_words():
    # "no food" is about poverty, not diet
    assert ids("no food")[0] in {"extensive.serious_debts_poverty_impacting", "protection.extreme_poverty_debt_impacting"}
    # "not at school" is attendance; without the phrase, "school" alone finds "No educational provision"
    assert ids("not at school")[0] == "additional.poor_school_attendance_exclusion"


def test_age_filters_out_of_band_indicators():
    assert "immediate.unexplained_bruising_under_2" in ids("bruise", age_in_months=12)
    assert "immediate.unexplained_bruising_under_2" not in ids("bruise", age_in_months=24)
    assert ids("bruise", age_in_months=24)[0] == "immediate.unexplained_injuries"


def test_unborn_only_offers_unborn_band():
    # "pregnant" alone names no harm: the learned model may put the young parent's own indicators
    # first, and the criterion stays in sight (word matching put it first: test_search_learned.py)
    assert "immediate.unborn_significant_harm" in ids("pregnant", unborn=True)[:3]
    assert "immediate.unborn_significant_harm" not in ids("pregnant", age_in_months=180, limit=50)


def test_level_breaks_only_a_true_tie():
    # the document's twins have the same words: the higher level comes first
    assert ids("suspected domestic violence")[:2] == ["extensive.suspected_domestic_violence", "additional.suspected_domestic_violence"]
    # otherwise a lower level that matches better is not pushed down by a higher one
    hits = search("drunk", limit=50)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_a_strong_match_is_not_pushed_out_of_the_top_three_by_higher_levels():
    # issue 14: "behaviour" filled the top eight with Protection items
    assert "additional.disruptive_anti_social_behaviour" in ids("behaviour")[:3]


def test_the_age_specific_immediate_criterion_comes_first_for_a_child_of_that_age():
    # issue 14: "left alone" for a 4-year-old ranked the general home-alone item above "5 and under"
    assert ids("left alone", age_in_months=48)[0] == "immediate.home_alone_5_and_under"
    assert ids("left alone", age_in_months=120)[0] == "immediate.home_alone_at_risk"


@pytest.mark.parametrize(
    "query, age, wanted",
    [
        ("anger", 120, "additional.disruptive_anti_social_behaviour"),
        ("angry", 120, "additional.disruptive_anti_social_behaviour"),
        ("temper", 120, "additional.disruptive_anti_social_behaviour"),
        ("tantrums", 36, "additional.disruptive_anti_social_behaviour"),
        ("expelled", 150, "additional.poor_school_attendance_exclusion"),
        ("kicked out of school", 150, "additional.poor_school_attendance_exclusion"),
        ("faltering growth", 8, "additional.concerns_about_diet_poor"),
        ("not gaining weight", 8, "additional.concerns_about_diet_poor"),
        ("jabs", 14, "additional.not_accessing_appropriate_health"),
        ("nits", 84, "additional.not_always_adequate_self"),
        ("smells", 84, "additional.not_always_adequate_self"),
        ("sets fires", 120, "additional.disruptive_anti_social_behaviour"),
        ("runs off", 160, "extensive.children_who_go_missing"),
        ("sofa surfing", 200, "extensive.family_child_homeless"),
    ],
)
def test_callers_everyday_words_are_found(query, age, wanted):
    """Issue 14's words that found nothing: each finds its indicator in the top three."""
    assert wanted in ids(query + " ", age_in_months=age)[:3]


@pytest.mark.parametrize(
    "typo, age, wanted",
    [
        ("brusies", 10, "immediate.unexplained_bruising_under_2"),
        # a child of 7: 'Experiencing bullying' is not offered for a baby (review 8 F2, meaningful_ages past_infancy)
        ("bulied ", 84, "additional.experiencing_bullying"),
        ("neglectd ", 10, "extensive.presents_being_neglected_persistent"),
    ],
)
def test_a_typo_still_finds_the_word(typo, age, wanted):
    assert wanted in ids(typo, age_in_months=age)[:3]


def test_a_word_spelt_right_is_not_read_as_a_typo_of_another():
    # "hit" is a word of the index: it must not also pull "hot" or "kit"
    assert all("hit" in h.matched for h in search("hit "))


def test_limit_is_respected_and_scores_descend():
    hits = search("school", limit=5)
    assert len(hits) == 5
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_hits_say_which_words_matched():
    hit = search("dad keeps hitting mum")[0]
    assert "hitting" in hit.matched


def test_synonyms_naming_unknown_indicator_are_refused():
    with pytest.raises(SearchDataError, match="no.such"):
        SearchIndex(CAT, {"indicators": {"no.such": ["x"]}, "words": {}})
    with pytest.raises(SearchDataError, match="list"):
        SearchIndex(CAT, {"indicators": {}, "words": {"drunk": "alcohol"}})


def test_index_is_built_once():
    assert default_index() is default_index()


@settings(max_examples=200, deadline=None)
@given(query=st.text(max_size=40), age=st.one_of(st.none(), st.integers(0, 300)), unborn=st.booleans())
def test_search_never_offers_an_out_of_band_indicator(query, age, unborn):
    age = None if unborn else age
    for hit in search(query, age_in_months=age, unborn=unborn, limit=200):
        assert CAT.admits(hit.indicator, unborn, age)


@settings(max_examples=100, deadline=None)
@given(ind=st.sampled_from(BANDED), age=st.integers(0, 300), extra=st.sampled_from(["", " ", "x"]))
def test_an_indicators_own_text_never_offers_it_outside_its_band(ind, age, extra):
    found = ids(ind.text + extra, age_in_months=age, limit=200)
    assert (ind.id in found) == CAT.admits(ind, False, age)


@settings(max_examples=100, deadline=None)
@given(ind=st.sampled_from(CAT.indicators))
def test_every_indicator_is_found_by_its_own_text(ind):
    admitted_age = None
    unborn = ind.age_band == "unborn"
    assert ind.id in ids(ind.text, unborn=unborn, age_in_months=admitted_age, limit=10)


@settings(max_examples=100, deadline=None)
@given(ind=st.sampled_from(CAT.indicators), upper=st.booleans(), punct=st.sampled_from(["", "!", " - ", "'"]))
def test_case_and_punctuation_do_not_change_results(ind, upper, punct):
    query = " ".join(ind.text.split()[:3]) + " "
    variant = (query.upper() if upper else query).replace(" ", punct + " ", 1)
    assert ids(variant) == ids(query)


def test_caller_filler_words_alone_find_nothing():
    assert search("I'm really worried about my son ") == []


@pytest.mark.parametrize("prefix", ["sc", "sch", "scho", "school"])
def test_a_word_being_typed_is_read_as_its_common_completion_not_its_rarest(prefix):
    # "sch" could become "schedule" (one indicator) or "schoolgirl" (one phrasing), but "school"
    # is what callers say in a dozen indicators: school concerns come first for a 10-year-old
    first = search(prefix, age_in_months=120)[0].indicator
    assert "school" in (first.text + " ".join(first.keywords)).lower(), first.id


def test_a_word_many_of_an_indicators_phrasings_use_is_more_its_word():
    # "self" is in self harm, self esteem, self care and self image; callers say "self harm" most
    # (the keyword and several phrasings of the self-harm indicator), so it leads once typing starts
    assert ids("sel", age_in_months=168)[0] == "extensive.behaviour_puts_life_risk"


def test_once_the_age_is_given_baby_counts_only_for_indicators_written_for_an_age():
    assert all(h.indicator.age_band for h in search("baby ", age_in_months=6))
    assert ids("mum drunk with the baby", age_in_months=6)[0] == "immediate.substance_use_under_1"
    # without an age, "baby" is all there is to go on, and counts everywhere
    assert any(not h.indicator.age_band for h in search("baby ", limit=50))


@pytest.mark.parametrize("age", [None, 36, 144, 196])
def test_the_words_of_an_age_find_nothing_and_add_nothing(age):
    # the age has its own field: "my 12 year old" must not pull the age-banded indicators
    # ("Sexual activity under 13", "5 years old and under") into a call about something else
    assert search("my 12 year old, aged 3 months ", age_in_months=age) == []
    plain = search("bullied at school ", age_in_months=age)
    aged = search("my 16 year old is bullied at school ", age_in_months=age)
    assert [(h.id, h.score) for h in aged] == [(h.id, h.score) for h in plain]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"limit": 0}, "limit"),
        ({"unborn": True, "age_in_months": 3}, "either an age or unborn"),
        ({"age_in_months": -1}, "negative"),
    ],
)
def test_clear_errors_for_impossible_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        search("bruise", **kwargs)


def test_hit_as_json():
    import json

    hit = search("bru", age_in_months=10)[0].as_dict()
    assert json.loads(json.dumps(hit)) == hit
    assert hit["id"] == "immediate.unexplained_bruising_under_2"
    assert hit["immediate"] is True and hit["level_label"] == "Protection" and hit["source"].endswith("p9")
    assert hit["matched"] == ["bru"]


def test_twins_are_at_another_level_and_say_what_tells_them_apart():
    from pathway.search import twins_of

    for ind in CAT.indicators:
        for twin in twins_of(ind.id):
            assert (twin.other.level, twin.other.immediate) != (ind.level, ind.immediate)
            assert twin.tells_apart.strip()
    assert "extensive.suspected_domestic_violence" in {t.other.id for t in twins_of("additional.suspected_domestic_violence")}


def test_stemming_is_safe_on_many_threads():
    """The web server searches on several threads at once; a shared Snowball stemmer once failed there."""
    from concurrent.futures import ThreadPoolExecutor

    import snowballstemmer

    words = [
        f"{base}{n}{end}" for n in range(400) for base in ("bruis", "exclud", "neglect") for end in ("ing", "ed", "es", "ly")
    ]  # new words each: stem() caches what it has seen
    with ThreadPoolExecutor(max_workers=8) as pool:
        stems = list(pool.map(stem, words))
    fresh = snowballstemmer.stemmer("english")
    assert stems == [fresh.stemWord(w) for w in words]


# ---------------------------------------------------------------- twins by how bad, how often (issue 14)
DOMESTIC = [i for t in CAT.twins if t.id == "domestic_abuse" for i in t.ids]


def _without_severity() -> SearchIndex:
    """The shipped word matching with the severity words taken out: the oracle for what they change."""
    synonyms = {k: v for k, v in load_synonyms().items() if k != "severity"}
    return SearchIndex(CAT, synonyms)


PLAIN = _without_severity()
WORDS = SearchIndex(CAT, load_synonyms())  # word matching alone, without the learned model (pathway/search_model.py)


def _first_twin(hits, group):
    return next(h.id for h in hits if h.id in group)


@pytest.mark.parametrize(
    "query, wanted",
    [
        ("dad hits mum all the time ", {"protection.persistent_domestic_abuse", "immediate.repeated_domestic_violence"}),
        ("he has been hitting her for years, again and again ", {"protection.persistent_domestic_abuse", "immediate.repeated_domestic_violence"}),
        ("I think he might be hitting her ", {"additional.suspected_domestic_violence", "extensive.suspected_domestic_violence"}),
    ],
)
def test_how_bad_or_how_often_decides_which_twin_leads(query, wanted):
    assert _first_twin(search(query, limit=50), DOMESTIC) in wanted


@pytest.mark.parametrize(
    "query",
    ["dad hits mum all the time ", "I think he might be hitting her ", "she cuts herself every day ", "a bit smelly sometimes "],
)
def test_severity_words_only_reorder_twins_among_themselves(query):
    # never a weaker match lifted past a stronger one that is not its twin: every place keeps the
    # score it had without the severity words, and every non-twin keeps its place
    twins = {i for t in CAT.twins for i in t.ids}
    with_words, without = WORDS.search(query, limit=50), PLAIN.search(query, limit=50)
    assert [h.score for h in with_words] == [h.score for h in without]
    assert [h.id if h.id not in twins else None for h in with_words] == [h.id if h.id not in twins else None for h in without]
    assert {h.id for h in with_words} == {h.id for h in without}


def test_severity_words_alone_find_nothing():
    assert search("all the time, might be, once ") == []


# ---------------------------------------------------------------- a phrasing with words between
def test_a_phrasing_matches_with_other_words_between_but_not_when_the_caller_says_not():
    ind = "additional.dental_decay_not_accessing"
    index = SearchIndex(CAT, {"indicators": {ind: ["rotten teeth", "teeth not cleaned"]}, "words": {}})
    alone = SearchIndex(CAT, {"indicators": {}, "words": {}})

    def score(ix, query):
        return next((h.score for h in ix.search(query, limit=200) if h.id == ind), 0.0)

    # the phrasing's words, split by others, count for more than the same words in a field that
    # does not say them together
    gained = score(index, "her teeth are rotten ") - score(alone, "her teeth are rotten ")
    assert gained > score(index, "rotten ") + score(index, "teeth ") - 2 * score(alone, "teeth ")
    # "teeth not cleaned" is met by "teeth are never cleaned", and "rotten teeth" is not met when
    # the caller says the teeth are not rotten
    assert score(index, "teeth are never cleaned ") > score(index, "teeth are cleaned ")
    assert score(index, "teeth not at all rotten ") < score(index, "teeth all rotten ")


@pytest.mark.parametrize("severity", [["always"], {"more": "always"}, {"worse": ["always"]}])
def test_a_malformed_severity_section_is_refused(severity):
    with pytest.raises(SearchDataError, match="severity"):
        SearchIndex(CAT, {"indicators": {}, "words": {}, "severity": severity})


def test_keeps_is_how_often_so_the_repeated_twin_leads():
    """'dad keeps hitting mum' is violence again and again: the immediate criterion (repeated
    domestic violence, p9) leads its Additional twin ('suspected domestic violence'); said once, not."""
    assert search("dad keeps hitting mum", age_in_months=120)[0].id == "immediate.repeated_domestic_violence"
    assert search("dad hit mum once", age_in_months=120)[0].id != "immediate.repeated_domestic_violence"


def test_a_word_reaches_the_indicators_closest_to_those_that_say_it():
    # B is given all of A's phrasings but not A's one made-up word: the word still finds B, after
    # A, and B does not claim to have said it (nothing to highlight)
    synonyms = load_synonyms()
    a, b = "additional.experiencing_bullying", "universal.physically_well"
    indicators = {**synonyms["indicators"], a: [*synonyms["indicators"][a], "zorblaxed at the gates"], b: list(synonyms["indicators"][a])}
    hits = SearchIndex(CAT, {**synonyms, "indicators": indicators}).search("zorblaxed")
    assert [h.id for h in hits[:2]] == [a, b]
    assert hits[1].score < hits[0].score and hits[1].matched == () and hits[0].matched == ("zorblaxed",)


def test_word_keys_with_one_stem_join_their_alternatives():
    # "hit" and "hits" are one stem: the second key used to replace the first's alternatives
    synonyms = {**load_synonyms(), "words": {"zorbing": ["bullying"], "zorbs": ["underweight"]}}
    found = {h.id for h in SearchIndex(CAT, synonyms).search("zorb ", limit=50)}
    assert {"additional.experiencing_bullying", "additional.concerns_about_diet_poor"} <= found


def test_a_phrasing_met_with_words_between_counts_through_word_synonyms_too():
    # "quimbly zorbled" meets the phrasing "bullying quimbly" through zorbled -> bullying: the
    # indicator scores more than when the same two words are in separate phrasings
    def score(phrasings):
        synonyms = load_synonyms()
        data = {**synonyms, "words": {**synonyms["words"], "zorbled": ["bullying"]}}
        data["indicators"] = {**synonyms["indicators"], "universal.physically_well": phrasings}
        hits = SearchIndex(CAT, data).search("quimbly was zorbled ", limit=50)
        return next(h.score for h in hits if h.id == "universal.physically_well")

    assert score(["bullying at the quimbly"]) > score(["bullying", "the quimbly"])


def _score(query: str, indicator_id: str) -> float:
    return next((h.score for h in search(query, limit=50) if h.id == indicator_id), 0.0)


@pytest.mark.parametrize(
    "concern",
    ["has learning difficulties", "is depressed", "drinks every night"],
)
def test_a_concern_said_of_a_parent_counts_less_for_the_childs_own_development(concern):
    """Who the concern is about (issue 14, tune5), in word matching: the same words said of a
    parent and of a child. Every indicator in the catalogue's child_development domain scores less
    when a parent is the clause's subject; every other indicator (the parent's, the family's, the
    immediate criteria) scores the same. (The learned model reads "dad" and "son" itself: the whole
    search is held by the next test. The rule after the ranking that reads whose condition it is,
    the synonyms file's `subject`, is left out here: it lifts a parent's row above the child's own by
    its score, and tests/pathway/test_search_subject.py holds it.)"""
    cat = load_catalogue()
    words = SearchIndex(cat, {**load_synonyms(), "subject": {}})
    of_parent = {h.id: h.score for h in words.search(f"my dad {concern}", limit=50)}
    of_child = {h.id: h.score for h in words.search(f"my son {concern}", limit=50)}
    assert of_parent.keys() == of_child.keys()
    for iid, score in of_child.items():
        if cat.indicator(iid).domain == "child_development":
            assert of_parent[iid] < score, iid
        else:
            assert of_parent[iid] == pytest.approx(score), iid


@pytest.mark.parametrize("concern", ["has learning difficulties", "is depressed"])
def test_the_whole_search_finds_the_parents_concern_for_a_parent_and_the_childs_for_a_child(concern):
    assert CAT.indicator(ids(f"my dad {concern}")[0]).domain == "parents_carers"
    assert CAT.indicator(ids(f"my son {concern}")[0]).domain == "child_development"


@pytest.mark.parametrize(
    "query",
    [
        "looks after his mum who is disabled",  # the mum is named, but the child does the looking after
        "my son has learning difficulties, mum does her best",  # a later clause with a parent changes nothing before it
        "dad hits the baby when it cries",  # a child named after the parent: its words are the child's again
    ],
)
def test_a_parent_named_but_not_the_subject_changes_nothing(query):
    from pathway.search import _said_of_parent

    words = normalise(query).split()
    said = dict(zip(words, _said_of_parent(words)))
    assert not said.get("disabled", False) and not said.get("learning", False) and not said.get("cries", False)
    assert not said.get("looks", False)


def test_the_parents_words_leave_an_immediate_criterion_where_it_was():
    """Safety: immediate criteria have no domain; the parent's words count for them in full."""
    assert _score("mum hits him with a belt", "immediate.significant_harm") == pytest.approx(_score("he hits him with a belt", "immediate.significant_harm"))


def test_results_do_not_depend_on_pythons_string_hashing():
    """A word reached through two said words' synonyms ("sectioned" and "voices", say) had its
    places in the order a set happened to give them, so the first and last place of a phrasing
    met with words between, and so its score, changed with PYTHONHASHSEED from one process to the
    next. Each word's places are now in the order said."""
    queries = [
        "not sectioned last night, hearing voices telling her to hurt people",
        "not DV again, 3rd MARAC, mums mental health really poor, two kids in the home",
        "not bipolar, been sectioned, kids not being looked after",
        "mum's been on the drink for years, shes never sober and the kids are running wild",
    ]
    script = (
        "import json, sys; from pathway.search import SearchIndex, load_synonyms; from pathway.catalogue import load_catalogue; "
        "ix = SearchIndex(load_catalogue(), load_synonyms()); "
        "print(json.dumps([[(h.id, h.score, h.matched) for h in ix.search(q, age_in_months=a, limit=10)] "
        "for q in json.loads(sys.argv[1]) for a in (None, 96, 150)]))"
    )
    runs = set()
    for seed in ("1", "2", "3", "4", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        runs.add(subprocess.run([sys.executable, "-c", script, json.dumps(queries)], env=env, capture_output=True, text=True, check=True).stdout)
    assert len(runs) == 1
