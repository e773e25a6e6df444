"""Search18: a denial over a verb of using and a substance, over words listed with "or", and of a state said in a
concern's own phrase ("he is not out of control").

Oracles: the document's rows, written here by hand. A row describes a concern present (p13-17): "Substance misuse
impact on ability to provide adequate care" and "Uses substances" (p13-14) are not said by a call saying a parent
does not take drugs or drink; "Beyond parental control" (p15-16) is not said by "he is not out of control". A row's
own negative is the concern said ("cannot control him", "not brought to appointments", "can't cope"). The held-out
calls below were written by search18 from the brief before the change was run on them (never training data); each
denial call but "mum doesn't drink or use drugs" (held before) was seen leading with its denied row on main (1a5f129)."""

from __future__ import annotations

from functools import cache

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms
from pathway.search_model import example_calls
from tests.pathway.p9_sight import p9_calls_lost

CAT = load_catalogue()
SYNONYMS = load_synonyms()
SUBSTANCE = {"additional.substance_misuse_impact_ability", "additional.uses_substances", "protection.chronic_substance_misuse"}
CONTROL = {"extensive.beyond_parental_control"}


def _ids(q: str, age: int | None, index: SearchIndex | None = None) -> list[str]:
    return [h.id for h in (index or default_index()).search(q, age_in_months=age, limit=KEPT_PLACES)]


DENIED = [  # search18's own held-out phrasings: the denied concern's rows do not lead, nor a p9 row
    ("mum does not take drugs or drink", 96, SUBSTANCE),
    ("mum does not smoke weed or drink", 100, SUBSTANCE),
    ("mum doesn't drink or use drugs", 100, SUBSTANCE),
    ("he is not out of control", 168, CONTROL),
    ("he's never been out of control at home", 150, CONTROL),
    ("he isn't out of control, just a normal teenager", 168, CONTROL),
    ("never out of control", 168, CONTROL),
]


@pytest.mark.parametrize("q, age, rows", DENIED, ids=[d[0] for d in DENIED])
def test_a_denied_concern_does_not_lead(q, age, rows):
    found = _ids(q, age)
    assert found[0] not in rows, found
    assert not CAT.indicator(found[0]).immediate, found


SAID = [  # "not" that is the concern said, or a concern said beside a denial: the row still leads
    ("dad does not take drugs but drinks every night", 96, SUBSTANCE),
    ("he is out of control", 150, CONTROL),
    ("dad cannot control him", 150, CONTROL),
    ("mum can't cope with him", 150, CONTROL),
    ("he is not brought to appointments", 40, {"additional.not_accessing_appropriate_health"}),
    ("he is not going to school", 120, {"additional.poor_school_attendance_exclusion", "extensive.persistent_absenteeism_school_without"}),
]


@pytest.mark.parametrize("q, age, rows", SAID, ids=[d[0] for d in SAID])
def test_a_concern_said_with_not_still_leads(q, age, rows):  # held before
    assert _ids(q, age)[0] in rows, _ids(q, age)


def test_a_use_verb_before_anything_else_stays_a_concerns_own_denial():  # held before
    assert "extensive.young_carers" in _ids("mum does not take her medication", 96)


def test_the_reading_is_declared_and_checked():
    text = (__import__("pathlib").Path(__file__).parents[2] / "pathway/data/search_synonyms.yaml").read_text(encoding="utf-8")
    assert "search18" in text and "this tool's reading" in text
    with pytest.raises(SearchDataError):
        SearchIndex(CAT, {**SYNONYMS, "denial": {**SYNONYMS["denial"], "use_verbs": "take"}})
    with pytest.raises(SearchDataError):
        SearchIndex(CAT, {**SYNONYMS, "denial": {**SYNONYMS["denial"], "unknown": ["x"]}})


def test_without_the_use_words_the_substance_row_leads():  # the data is what reads it
    denial = {k: v for k, v in SYNONYMS["denial"].items() if k not in ("use_verbs", "use_objects")}
    index = SearchIndex(CAT, {**SYNONYMS, "denial": denial}, example_calls())
    assert _ids("mum does not take drugs or drink", 96, index)[0] in SUBSTANCE


def test_no_labelled_p9_call_loses_first_place_or_sight():
    denial = {k: v for k, v in SYNONYMS["denial"].items() if k not in ("use_verbs", "use_objects")}
    assert p9_calls_lost(default_index(), SearchIndex(CAT, {**SYNONYMS, "denial": denial}, example_calls())) == []


@pytest.mark.parametrize("q, age", [("he is not out of control", 168), ("never out of control", 168), ("he's never been out of control at home", 150)])
def test_a_denied_concern_phrase_leads_with_its_strength(q, age):
    # "Age appropriate behaviour and self control" (p11-12, Universal) is what "not out of control" says
    assert _ids(q, age)[0] == "universal.age_appropriate_behaviour_self", _ids(q, age)


# ---------------------------------------------------------------- known words: no typo correction

KNOWN = SYNONYMS["known_words"]


@cache
def _without_known() -> SearchIndex:
    return SearchIndex(CAT, {k: v for k, v in SYNONYMS.items() if k != "known_words"}, example_calls())


@pytest.mark.parametrize("word", KNOWN)
def test_a_known_word_is_never_read_as_a_typo(word):
    index = default_index()
    hits = index.search(f"{word} ", limit=KEPT_PLACES)  # said alone, finished: only its own matching (or the model) finds rows
    if word in SYNONYMS["words"]:  # fix22c: "eaten" has its own entry (eat): it matches what its synonyms match, no typo's rows
        theirs = {h.id for alt in SYNONYMS["words"][word] for h in index.search(f"{alt} ", limit=2 * KEPT_PLACES) if alt in h.matched}
        assert {h.id for h in hits if word in h.matched} <= theirs, [(h.id, h.matched) for h in hits]
    else:
        assert all(word not in h.matched for h in hits), [(h.id, h.matched) for h in hits]
    without = _without_known()
    read_as_typo = any(word in h.matched for h in without.search(f"{word} ", limit=KEPT_PLACES))
    respelt = without._p9_spelt([word]) != [word]  # since fix20a a p9 word's misspelling is respelt before matching
    assert read_as_typo or respelt, "the word was read as a typo before"


@pytest.mark.parametrize(
    "q, age, row",
    [  # real typos are corrected as before (held before)
        ("he has bruses on his arms", 60, "immediate.unexplained_injuries"),
        ("not going to scool", 120, "additional.poor_school_attendance_exclusion"),
        ("she is pregant", 180, "extensive.pregnant_under_16"),
    ],
)
def test_a_real_typo_is_still_corrected(q, age, row):
    assert _ids(q, age)[0] == row, _ids(q, age)


def test_rash_finds_no_trafficking_row():
    assert not {"immediate.trafficking_victim", "protection.child_victim_trafficking"} & set(_ids("baby has a rash and mum is worried", 6))


def test_known_words_are_checked():
    with pytest.raises(SearchDataError):
        SearchIndex(CAT, {**SYNONYMS, "known_words": ["nappy rash"]})
