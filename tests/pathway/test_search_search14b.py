"""A young person's own household, a child's own care status, a parent's custody (review 14 K2, K3; search14b).

Oracles: the document's rows, written here and in search_heldout_search14b.yaml (written before the change
from the brief and the document by the engineer making it, before the search was run on them; never
training data):
- p15-16 (Self Care Skills) "Independence beyond years"; p9 "Lives or has contact with adults who are known
  to pose a risk to children", "Left 'home alone' and their age and vulnerability places them at risk"; p17
  "No fixed abode or homeless";
- p13-14 "Parent previously looked after by Local Authority" is the parent's history; p15-16 "Placed in
  custody" is the child's own (Emotional and Behavioural Development); p15-16 "Pregnant care-leavers ...
  (25yrs)". The document has no row for a child looked after now.
Every test of a moved row was seen failing on the code before the change, except where a comment says it
held before."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms
from pathway.search_accuracy import load_phrasings
from pathway.search_model import EXAMPLES_DIR, example_calls

HELD_OUT = yaml.safe_load((Path(__file__).parent / "search_heldout_search14b.yaml").read_text(encoding="utf-8"))
INDEPENDENCE = "extensive.independence_beyond_years"
ADULT_RISK = {"immediate.contact_with_adults_risk", "immediate.adults_who_pose_risk"}
PARENT_IN_CARE = "additional.parent_previously_looked_after"
CUSTODY = "extensive.placed_custody"
PREGNANT_CARE_LEAVERS = "extensive.pregnant_care_leavers"
LOSS = "additional.loss_significant_adult"


def _ids(q: str, months: int | None) -> list[str]:
    return [h.id for h in default_index().search(q, age_in_months=months, limit=KEPT_PLACES)]


def _high(iid: str) -> bool:
    ind = default_index().catalogue.indicator(iid)
    return ind.immediate or ind.level.value == "protection"


def _calls(key: str) -> list[dict]:
    return HELD_OUT[key]


# ---------------------------------------------------------------- K2: a young person's own household


@pytest.mark.parametrize(
    "q, months",
    [
        ("16 year old has moved out and lives with his girlfriend", 198),  # contact with adults who pose a risk first before
        ("he is 16 and living on his own in a flat", 200),  # "No fixed abode or homeless" first before
    ],
)
def test_the_reviews_own_household_calls_lead_with_neither_p9_nor_protection(q, months):
    found = _ids(q, months)
    assert not _high(found[0])
    assert INDEPENDENCE in found


@pytest.mark.parametrize("p", _calls("own_household"), ids=lambda p: p["q"])
def test_a_young_persons_own_household_leads_with_neither_p9_nor_protection(p):
    found = _ids(p["q"], p["age_in_months"])
    assert not _high(found[0]), found
    assert INDEPENDENCE in found, found


@pytest.mark.parametrize("p", _calls("adult_risk"), ids=lambda p: p["q"])
def test_an_adult_known_to_pose_a_risk_keeps_its_p9_row_in_sight(p):
    assert ADULT_RISK & set(_ids(p["q"], p["age_in_months"]))


def test_an_adult_known_to_pose_a_risk_still_leads():
    # measured before the change: a p9 adult-risk row first for 7 of the 7; none may fall
    calls = _calls("adult_risk")
    assert sum(_ids(p["q"], p["age_in_months"])[0] in ADULT_RISK for p in calls) >= 7


@pytest.mark.parametrize("p", _calls("home_alone"), ids=lambda p: p["q"])
def test_a_child_left_alone_or_a_family_with_nowhere_to_live_keeps_its_row(p):  # held before
    assert set(p["top3"]) & set(_ids(p["q"], p["age_in_months"]))


def test_contact_with_adults_who_pose_a_risk_has_a_declared_core():
    index = default_index()
    numbers = {e.indicator.id: n for n, e in enumerate(index.entries)}
    assert numbers["immediate.contact_with_adults_risk"] in index.core


# ---------------------------------------------------------------- K3: a child's own care status


@pytest.mark.parametrize(
    "q, months",
    [
        ("she is looked after by the local authority and lives with foster carers", 96),
        ("she is in foster care", 144),
        ("he is a looked after child in a children's home", 144),
        ("she is privately fostered by a family friend", 192),
    ],
)
def test_the_reviews_child_in_care_calls_do_not_offer_the_parents_history(q, months):
    found = _ids(q, months)
    assert PARENT_IN_CARE not in found[:1]
    assert PREGNANT_CARE_LEAVERS not in found


@pytest.mark.parametrize("p", _calls("child_in_care"), ids=lambda p: p["q"])
def test_a_childs_own_care_status_is_not_the_parents_history(p):
    found = _ids(p["q"], p["age_in_months"])
    assert PARENT_IN_CARE not in found and PREGNANT_CARE_LEAVERS not in found, found
    if "top3" in p:
        assert set(p["top3"]) & set(found), found


@pytest.mark.parametrize("p", _calls("parent_in_care"), ids=lambda p: p["q"])
def test_a_parents_own_care_history_still_finds_the_parents_row(p):  # held before
    assert PARENT_IN_CARE in _ids(p["q"], p["age_in_months"])


@pytest.mark.parametrize(
    "q, expected",
    [
        ("she is in foster care", True),
        ("he is a looked after child in a children's home", True),
        ("she is privately fostered by a family friend", True),
        ("mum was in care as a child", False),
        ("dad grew up in a children's home", False),
        ("she was in foster care until 18 and is now pregnant", False),
        ("he has bruises on his arms", False),
    ],
)
def test_the_search_says_when_a_child_in_care_was_read(q, expected):
    assert default_index().says_child_in_care(q) is expected


# ---------------------------------------------------------------- K3: a parent's custody


@pytest.mark.parametrize("q", ["his dad is in prison", "mum is in prison"])
def test_the_reviews_parent_in_prison_calls_do_not_offer_the_childs_custody(q):
    found = _ids(q, 96)
    assert CUSTODY not in found
    assert found[0] == LOSS  # held before


@pytest.mark.parametrize("p", _calls("parent_custody"), ids=lambda p: p["q"])
def test_a_parents_custody_is_not_the_childs(p):
    assert CUSTODY not in _ids(p["q"], p["age_in_months"])


@pytest.mark.parametrize("p", _calls("child_custody"), ids=lambda p: p["q"])
def test_the_childs_own_custody_is_still_found(p):  # held before
    assert CUSTODY in _ids(p["q"], p["age_in_months"])


# ---------------------------------------------------------------- K3: "foster" is not a pregnancy


@pytest.mark.parametrize("p", _calls("foster_no_pregnancy"), ids=lambda p: p["q"])
def test_foster_without_a_pregnancy_does_not_offer_pregnant_care_leavers(p):
    assert PREGNANT_CARE_LEAVERS not in _ids(p["q"], p["age_in_months"])


@pytest.mark.parametrize("p", _calls("pregnant_care_leaver"), ids=lambda p: p["q"])
def test_a_care_leavers_pregnancy_still_finds_its_row(p):  # held before
    assert PREGNANT_CARE_LEAVERS in _ids(p["q"], p["age_in_months"])


# ---------------------------------------------------------------- safety first: no labelled p9 call loses


@cache
def _without() -> SearchIndex:
    """The index without search14b's data: no `looked_after`, no `subject.child_only`, no core for contact
    with adults who pose a risk, and none of the young person's household phrasings."""
    synonyms = load_synonyms()
    core = {k: v for k, v in synonyms["core"].items() if k != "immediate.contact_with_adults_risk"}
    subject = {k: v for k, v in synonyms["subject"].items() if k != "child_only"}
    indicators = dict(synonyms["indicators"])
    indicators[INDEPENDENCE] = [p for p in indicators[INDEPENDENCE] if p not in HOUSEHOLD_PHRASINGS]
    rest = {k: v for k, v in synonyms.items() if k != "looked_after"}
    return SearchIndex(load_catalogue(), {**rest, "core": core, "subject": subject, "indicators": indicators}, example_calls())


HOUSEHOLD_PHRASINGS = load_synonyms()["indicators"][INDEPENDENCE][:13]  # search14b's, first in the list


def test_the_household_phrasings_are_search14bs():
    assert HOUSEHOLD_PHRASINGS[0] == "lives independently" and HOUSEHOLD_PHRASINGS[-1] == "left home and lives elsewhere now"


def test_no_labelled_p9_call_loses_its_first_place_or_its_sight():
    cat = load_catalogue()
    calls = [p for path in sorted(EXAMPLES_DIR.glob("*.yaml")) for p in load_phrasings(path) if any(cat.indicator(i).immediate for i in p["expect"])]
    assert len(calls) > 700
    index, without = default_index(), _without()
    lost = []
    for p in calls:
        age = {"unborn": p.get("unborn", False), "age_in_months": p.get("age_in_months")}
        a = [h.id for h in index.search(p["q"], limit=KEPT_PLACES, **age)]
        b = [h.id for h in without.search(p["q"], limit=KEPT_PLACES, **age)]
        if (b[:1] and b[0] in p["expect"] and a[0] not in p["expect"]) or (set(b) & set(p["expect"]) and not set(a) & set(p["expect"])):
            lost.append(p["q"])
    assert not lost, lost[:5]


@pytest.mark.parametrize(
    "bad",
    [
        {"looked_after": {"phrases": ["in care"], "other": []}},
        {"looked_after": {"phrases": "in care"}},
        {"subject": {"child_only": ["immediate.significant_harm"]}},
        {"subject": {"child_only": ["additional.parent_previously_looked_after"]}},
    ],
)
def test_malformed_search14b_data_is_refused(bad):
    synonyms = load_synonyms()
    merged = {**synonyms, **{k: ({**synonyms[k], **v} if k == "subject" else v) for k, v in bad.items()}}
    with pytest.raises(SearchDataError):
        SearchIndex(load_catalogue(), merged)
