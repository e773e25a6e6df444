"""A p9 row leads only where its criterion's own core is said (review 13 J1; search13b).

p9's seventh criterion: "There is evidence of repeated domestic violence witnessed and/or experienced by
child; adult mental health issues or substance use issues". This tool's reading (declared in the
catalogue and in the synonyms file's `core`): one criterion, repeated domestic violence witnessed or
experienced by the child, with adult mental health or substance use named beside it. A parent's mental
health or substance use alone is not it: the tables (p13-17) grade those at Additional to Protection.
The search read the second half as standing alone: "mum has mental health issues and drinks a lot" (8
years) led with the domestic-violence row, preselected, for a call that said no violence.

Oracles: the document's words (no violence, abuse or hitting word in the parent calls; such a word in
the domestic-violence calls); the held-out calls of search_heldout_dv_core.yaml (written before the
change from the brief and the document, never training data); and the same index with the rule
switched off, for every labelled call naming a p9 criterion (the rule may move none of them from first
place, and none out of the first three)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms, normalise, search, stem
from pathway.search_model import example_calls
from tests.pathway.p9_sight import p9_calls_lost
from tests.pathway.synonyms_comment import SYNONYMS_TEXT, comment_above

CAT = load_catalogue()
DV = "immediate.repeated_domestic_violence"
HELD_OUT = yaml.safe_load((Path(__file__).parent / "search_heldout_dv_core.yaml").read_text(encoding="utf-8"))


def _age(p: dict) -> dict:
    return {"unborn": p.get("unborn", False), "age_in_months": p.get("age_in_months")}


def _ids(q: str, age: int | None) -> list[str]:
    return [h.id for h in search(q, age_in_months=age, limit=KEPT_PLACES)]


# the brief's and review 13 J1's calls, at 8 years: no violence said
@pytest.mark.parametrize(
    "q",
    [
        "mum has mental health issues and drinks a lot",  # led with the domestic-violence row before
        "mum drinks and has mental health problems",  # led with it before
        "mum has schizophrenia",
        "mum has bipolar and stopped taking her medication",
        "mum has mental health problems",
        "mum uses heroin every day",
    ],
)
def test_a_parents_mental_health_or_substance_use_alone_does_not_lead_with_domestic_violence(q):
    assert _ids(q, 96)[0] != DV


@pytest.mark.parametrize("q", ["mum has mental health issues and drinks a lot", "mum drinks and has mental health problems"])
def test_where_it_led_it_stays_in_sight(q):
    # the pointer the decision gives ("if the child also witnesses or experiences repeated domestic
    # violence, ring now"): held back from first place, never out of the first three
    assert DV in _ids(q, 96)[1:]


@pytest.mark.parametrize(
    "q",
    ["dad is drunk and hits mum in front of the kids", "mum is suicidal and dad beats her", "mum drinks and dad hits her every weekend"],
)
def test_domestic_violence_said_beside_a_parents_condition_still_leads(q):
    assert _ids(q, 96)[0] == DV


def test_the_held_out_parent_calls():
    # measured before the change: the domestic-violence row first for 1 of 16, in the first three for 8
    calls = HELD_OUT["parent"]
    assert len(calls) >= 15
    assert sum(_ids(p["q"], p.get("age_in_months"))[0] == DV for p in calls) == 0


def test_the_held_out_domestic_violence_calls():
    # measured before the change: the domestic-violence row first for 8 of 12, in the first three for
    # 12, a p9 row first for 9; none may fall
    calls = HELD_OUT["dv"]
    found = [_ids(p["q"], p.get("age_in_months")) for p in calls]
    assert all(DV in f for f in found)
    assert sum(f[0] == DV for f in found) >= 8
    assert sum(f[0].startswith("immediate.") for f in found) >= 9


def test_a_parents_condition_does_not_lead_with_domestic_violence_by_the_subject_rule():
    # the subject rule's `leads` (search11b) named the domestic-violence row for a parent's self-harm,
    # mental health and substance use; under the reading it is not a parent's condition's row
    for c in load_synonyms()["subject"]["conditions"]:
        assert DV not in c["leads"], c["words"][:3]


@cache
def _without_rule() -> SearchIndex:
    return SearchIndex(CAT, {**load_synonyms(), "core": {}}, example_calls())


def test_no_labelled_p9_call_loses_its_first_place_or_its_sight_to_the_rule():
    lost = p9_calls_lost(default_index(), _without_rule())
    assert not lost, lost[:5]


def test_the_reading_is_declared_with_its_why():
    said = comment_above("core")
    assert "tool's reading" in said and "J1" in said and "ONE criterion" in said and "p9" in said
    assert "apart from the child" not in SYNONYMS_TEXT  # the second reading is no longer claimed anywhere in the file


@pytest.mark.parametrize("bad", [{"additional.suspected_domestic_violence": ["hit"]}, {"immediate.nothing": ["hit"]}, {DV: "hit"}, {DV: [""]}, ["hit"]])
def test_a_malformed_core_is_refused(bad):
    with pytest.raises(SearchDataError, match="core"):
        SearchIndex(CAT, {**load_synonyms(), "core": bad})


def test_a_typo_or_a_word_still_being_typed_says_the_core():
    # generous on purpose (safety first): a violence word misspelt, or half typed, or said in other words
    # the words table knows, is the core said, and the rule then moves nothing
    index = default_index()
    core = index.core[next(n for n, e in enumerate(index.entries) if e.indicator.id == DV)]

    def says(q: str, typing: bool = False) -> bool:
        words = normalise(q).split()
        return index._says_core(core, words, [stem(w) for w in words], typing)

    assert says("dad is voilent to mum") and says("dad hitts her") and says("dad is viol", typing=True)
    assert says("he goes for her when he has had a drink") and says("third call out this month")
    assert not says("mum has mental health issues and drinks a lot") and not says("mum uses heroin every day")
