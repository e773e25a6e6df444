"""Review 15's search findings (search15b): a carer's disability offered as the child's (L1), young-carer words
leading with the Protection row that needs neglect (L2), a refusal of early help offered as Protection (L3).

Oracles: the document's rows, written here and in search_heldout_search15b.yaml (written before the change
from the brief and the document by the engineer making it, before the search was run on them; never
training data):
- the child's own disability rows (p11, p13, p15, p17) and p17's "Unable to make positive choices for
  self"; the carers' rows (p13-14 "Mental / physical health needs may affect ability to provide basic
  care", p15-16 "Mental or physical health problems, learning disability ...");
- "Young carers" (p13, p14, p15-16), "Young carer has significant responsibilities that result in neglect"
  (p17);
- p7 (consent to early help refused: a judgement about escalation), p17 "Family refuses appropriate
  services", "Parents/Carers do not accept concerns, fail to or are unwilling to engage in extensive
  support offered".
Each test of a moved row was seen failing on the code before the change (884d90a) for at least one of its
calls (docs/adviser.md, Search15b, has the counts), except where a comment says it held before."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms
from pathway.search_model import example_calls
from tests.pathway.p9_sight import p9_calls_lost
from tests.pathway.synonyms_comment import comment_above

HELD_OUT = yaml.safe_load((Path(__file__).parent / "search_heldout_search15b.yaml").read_text(encoding="utf-8"))
# held-out calls the change did not fix, left (docs/adviser.md, Search15b "Left"); strict, so a fix shows
LEFT = {"his stepdad is partially sighted": "no word of it is indexed: no row at all, before and after (the model is not retrained)"}
CAT = load_catalogue()
CHILD_DISABILITY = {
    "universal.child_disabilities_all_needs",
    "additional.child_disabilities_whose_needs",
    "extensive.substantial_lifelong_disability_short_breaks",
    "protection.substantial_lifelong_disability_safeguarding",
}
NOT_FIRST_FOR_A_CARER = CHILD_DISABILITY | {"protection.unable_make_positive_choices", "additional.additional_learning_needs"}
CARERS = {"additional.mental_physical_health_needs", "extensive.mental_physical_health_problems"}
YOUNG_CARER_NEGLECT = "protection.young_carer_significant_responsibilities"
YOUNG_CARERS = {"additional.young_carers_child", "additional.young_carers_family", "extensive.young_carers"}
REFUSES = {"protection.family_refuses_appropriate_services", "protection.parents_carers_do_not"}


def _ids(p: dict, limit: int = KEPT_PLACES) -> list[str]:
    return [h.id for h in default_index().search(p["q"], age_in_months=p.get("age_in_months"), limit=limit)]


def _calls(key: str) -> list:
    return [pytest.param(p, marks=pytest.mark.xfail(reason=LEFT[p["q"]], strict=True)) if p["q"] in LEFT else p for p in HELD_OUT[key]]


# ---------------------------------------------------------------- L1: a carer's disability


@pytest.mark.parametrize("p", _calls("carer_disability"), ids=lambda p: p["q"])
def test_a_carers_disability_leads_with_the_carers_row(p):
    found = _ids(p)
    assert found and found[0] not in NOT_FIRST_FOR_A_CARER, found
    assert found[0] in CARERS, found


@pytest.mark.parametrize("p", _calls("child_disability"), ids=lambda p: p["q"])
def test_the_childs_own_disability_keeps_its_row_in_sight(p):  # held before
    found = _ids(p)
    assert set(found) & (CHILD_DISABILITY | {"additional.additional_learning_needs"}), found


# ---------------------------------------------------------------- L2: a young carer, neglect not said


@pytest.mark.parametrize("p", _calls("plain_carer"), ids=lambda p: p["q"])
def test_a_young_carer_with_no_neglect_said_leads_with_young_carers(p):
    found = _ids(p)
    assert found[0] in YOUNG_CARERS, found


@pytest.mark.parametrize("p", _calls("carer_condition"), ids=lambda p: p["q"])
def test_caring_for_a_carers_condition_does_not_lead_with_neglect(p):
    found = _ids(p)
    assert found[0] != YOUNG_CARER_NEGLECT, found


@pytest.mark.parametrize("p", _calls("neglected_carer"), ids=lambda p: p["q"])
def test_a_neglected_young_carer_keeps_the_protection_row_in_sight(p):
    found = _ids(p)
    assert YOUNG_CARER_NEGLECT in found, found


# ---------------------------------------------------------------- L3: a refusal of early help


@pytest.mark.parametrize("p", _calls("refused_early_help"), ids=lambda p: p["q"])
def test_a_refusal_of_early_help_does_not_lead_with_protection(p):
    found = _ids(p)
    assert found[0] not in REFUSES, found


@pytest.mark.parametrize("p", _calls("refused_services"), ids=lambda p: p["q"])
def test_refused_services_or_a_plan_keeps_the_protection_rows_in_sight(p):
    found = _ids(p)
    assert set(found) & REFUSES, found


# ---------------------------------------------------------------- the readings are data, declared, and safe


def test_the_readings_are_declared_with_their_why():
    synonyms = load_synonyms()
    disability = [c for c in synonyms["subject"]["conditions"] if "disability" in c["words"]]
    assert len(disability) == 1 and set(disability[0]["leads"]) == CARERS
    assert NOT_FIRST_FOR_A_CARER <= set(disability[0]["child"])
    said = comment_above("core")
    assert "L2" in said and "L3" in said and "tool's reading" in said and "p7" in said
    assert YOUNG_CARER_NEGLECT in synonyms["core"] and REFUSES <= set(synonyms["core"])


def test_a_core_for_a_row_below_protection_is_refused():
    with pytest.raises(SearchDataError, match="core"):
        SearchIndex(CAT, {**load_synonyms(), "core": {"extensive.young_carers": ["neglect"]}})


@cache
def _without_change() -> SearchIndex:
    synonyms = load_synonyms()
    core = {k: v for k, v in synonyms["core"].items() if k != YOUNG_CARER_NEGLECT and k not in REFUSES}
    conditions = [c for c in synonyms["subject"]["conditions"] if "disability" not in c["words"]]
    return SearchIndex(CAT, {**synonyms, "core": core, "subject": {**synonyms["subject"], "conditions": conditions}}, example_calls())


def test_no_labelled_p9_call_loses_its_first_place_or_its_sight_to_the_change():
    lost = p9_calls_lost(default_index(), _without_change())
    assert not lost, lost[:5]


# ---------------------------------------------------------------- a disability word that describes the child


@pytest.mark.parametrize(
    "q",
    [
        "dad of an autistic girl is worn out and needs a break",
        "gran is caring day and night for her profoundly disabled granddaughter",
        "mum of 7yo with cerebral palsy needs respite",
    ],
)
def test_a_disability_said_of_the_child_a_carer_looks_after_is_the_childs(q):
    # the carer's own health rows do not lead a call about caring for a disabled child (p13-14 "Carer is not
    # getting a break", p15-16 "Providing substantial care to a child ...", or the child's own rows)
    found = [h.id for h in default_index().search(q, age_in_months=90, limit=KEPT_PLACES)]
    assert found[0] not in CARERS, found
    assert found[0] in CHILD_DISABILITY | {"additional.carer_not_getting_break", "extensive.providing_substantial_care_child"}, found


@pytest.mark.parametrize(
    "bad",
    [
        {"cared_for": ["immediate.significant_harm"]},
        {"cared_for": ["additional.mental_physical_health_needs"]},  # one of its own leads
        {"cared_for": ["nothing.here"]},
        {"cared_for": "additional.carer_not_getting_break"},
    ],
)
def test_a_malformed_cared_for_is_refused(bad):
    synonyms = load_synonyms()
    disability = next(c for c in synonyms["subject"]["conditions"] if "disability" in c["words"])
    conditions = [{**disability, **bad}]
    with pytest.raises(SearchDataError):
        SearchIndex(CAT, {**synonyms, "subject": {**synonyms["subject"], "conditions": conditions}})


@pytest.mark.parametrize("bad", [{"said": ["caf"], "other": ["x"]}, ["caf"], {"said": [""]}])
def test_a_malformed_early_help_is_refused(bad):
    with pytest.raises(SearchDataError, match="early_help"):
        SearchIndex(CAT, {**load_synonyms(), "early_help": bad})
