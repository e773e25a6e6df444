"""Review 11 (rules), H1, H2, H4 and H5: each fixed for its class.

The oracle is the document's text (tests/data/threshold_document.txt) and the hand-written tables
below, not the catalogue's words.

H2: a family supported at Protection with a new immediate (p9) concern, by any road (a direct
criterion, a cross-walk, an age entailment), was told "Needs match the level the family is supported
at now: continue the current plan and review it". p9: an immediate referral is made without delay.
H1: a disabled child in a large sibling group, or whose disability is uncertain, or mild to moderate,
with a child-protection concern: Appendix 3 (p37) gives the referral to the Duty team, but the
Protection action still named the Disabled Children's Team as the place for it.
H4: a parent's-age band refused for a parent whose age is given said "give the parent's age as
parent.age_years", which the case already did, and named no need that fits that age.
H5: `guidance.caf_improving_at_social_care_level` gave a reading as p37's words.
"""

from __future__ import annotations

import pathlib
import re

import pytest

from pathway import Case, CaseError, load_catalogue
from rules import evaluate
from tests.conftest import IN_HOURS, OUT_OF_HOURS

CAT = load_catalogue()
DOCUMENT = " ".join((pathlib.Path(__file__).resolve().parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())
CALLERS = ["professional", None, "parent_carer", "public"]
TRAINED = {"professional", None}


def _case(child, indicators=(), parent=None, **context):
    body = {"child": child, "indicators": list(indicators), "context": {k: v for k, v in context.items() if v is not None}}
    if parent is not None:
        body["parent"] = {"age_years": parent}
    return Case.parse(body)


def _words(d) -> list[str]:
    return list(d.actions) + [g.text for g in d.guidance] + [c.when or "" for c in d.contacts]


# ------------------------------------------------------------------------------------------- H2
# the p9 roads, by hand: a direct criterion, a cross-walk (a table row the document places at p9
# too), an age entailment (a young person's pregnancy under 13)
P9_ROADS = [
    ("direct: unexplained injuries", {"age_years": 7}, ["immediate.unexplained_injuries"], None),
    ("direct: home alone at 4", {"age_years": 4}, ["immediate.home_alone_5_and_under"], None),
    ("direct: significant harm", {"age_years": 12}, ["immediate.significant_harm"], None),
    ("cross-walk: trafficking", {"age_years": 15}, ["protection.child_victim_trafficking"], None),
    ("cross-walk: fabricated or induced illness", {"age_years": 6}, ["protection.fabricated_induced_illness"], None),
    ("cross-walk: sexual activity under 13", {"age_years": 11}, ["protection.sexual_activity_under_13"], None),
    ("entailment: a parent of 12", {"unborn": True}, ["extensive.pregnant_under_16"], 12),
]
CONTINUE = re.compile(r"continue the current plan|Needs match the level", re.I)


def test_p9_says_an_immediate_referral_is_made_without_delay():
    assert "a referral should be made" in DOCUMENT and "without delay" in DOCUMENT


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize("moment", [IN_HOURS, OUT_OF_HOURS])
@pytest.mark.parametrize("road, child, indicators, parent", P9_ROADS, ids=[r[0] for r in P9_ROADS])
def test_a_new_immediate_concern_at_protection_is_never_told_to_continue_the_plan(road, child, indicators, parent, moment, caller):
    d = evaluate(_case(child, indicators, parent, current_level="protection", caller=caller, contact_time=moment))
    assert d.immediate, road
    said = [w for w in _words(d) if CONTINUE.search(w)]
    assert not said, said
    # the level is the one supported at now; its words say the new concern is referred now, declared
    assert d.step == "same"
    [step] = [g for g in d.guidance if g.rule == "step.same"]
    if caller in TRAINED:
        assert "without delay" in step.text and "This tool's reading" in step.text, step.text
        assert "9" in step.source and "37" in step.source, step.source
    else:  # a caller not CAF trained: the step is the professionals' (review 7, F8)
        assert "your part is the contact above" in step.text


def test_the_declared_words_are_catalogue_data_with_their_why():
    entry = CAT.guidance.step_same_immediate
    assert entry.interpretation and entry.why and "This tool's reading" in entry.text
    assert "p9" in entry.why and "p37" in entry.why


@pytest.mark.parametrize("road, child, indicators, parent", P9_ROADS, ids=[r[0] for r in P9_ROADS])
def test_from_child_in_need_the_same_concern_is_still_a_step_up_within_social_care(road, child, indicators, parent):
    d = evaluate(_case(child, indicators, parent, current_level="child_in_need", caller="professional", contact_time=IN_HOURS))
    assert d.immediate and d.step == "up"
    [step] = [g for g in d.guidance if g.rule == "step.up"]
    assert "from Child in Need to Protection" in step.text


def test_without_an_immediate_concern_a_protection_family_still_continues_its_plan():
    """The neighbour left as it was: a Protection row today for a family supported at Protection."""
    d = evaluate(_case({"age_years": 9}, ["protection.frozen_watchfulness"], current_level="protection", caller="professional", contact_time=IN_HOURS))
    assert not d.immediate and d.step == "same"
    assert any("continue the current plan" in g.text for g in d.guidance if g.rule == "step.same")


# ------------------------------------------------------------------------------------------- H1
def test_appendix_3_gives_the_exceptions_to_the_duty_team():
    assert "Where the disabled child is part of a large sibling group, the case should be referred to the Duty team" in DOCUMENT
    assert "The Disabled Children's Team will remain as secondary worker for the disabled child" in DOCUMENT
    assert "the Duty team will be responsible for the resulting child protection enquiries whilst The Disabled Children's Team establish" in DOCUMENT
    mild = "Those children with mild to moderate disabilities who meet the threshold for Children's Services Social Care services"
    assert f"{mild} should be referred to the Duty team" in DOCUMENT


# Appendix 3 (p37), by hand: for a child not open to social care with a child-protection concern, the
# team the referral goes to in hours; out of hours the Emergency Duty Team covers (p23)
def duty_or_dct(disability: str, sibling_group: bool) -> str:
    if disability == "substantial_lifelong" and not sibling_group:
        return "Disabled Children's Team"
    return "Duty team"  # a large sibling group, an uncertain disability, a mild to moderate one


DISABILITIES = ["substantial_lifelong", "uncertain", "mild_moderate"]
PROTECTION_ROADS = [("p9", ["immediate.significant_harm"]), ("protection row", ["protection.frozen_watchfulness"])]


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize("moment", [IN_HOURS, OUT_OF_HOURS])
@pytest.mark.parametrize("sibling_group", [False, True])
@pytest.mark.parametrize("disability", DISABILITIES)
@pytest.mark.parametrize("road, indicators", PROTECTION_ROADS, ids=[r[0] for r in PROTECTION_ROADS])
def test_no_action_names_a_team_other_than_appendix_3s_as_the_place_for_the_referral(road, indicators, disability, sibling_group, moment, caller):
    d = evaluate(_case({"age_years": 8}, indicators, disability=disability, large_sibling_group=sibling_group, caller=caller, contact_time=moment))
    assert d.level == "protection"
    team = duty_or_dct(disability, sibling_group)
    sentences = [s for a in d.actions for s in re.split(r"(?<=[.;:])\s+", a)]
    if team == "Duty team":
        assert any("Duty team" in a for a in d.actions), d.actions
        for s in sentences:
            if "Disabled Children's Team" in s:
                # only as p37 has it: the secondary worker, or establishing the nature of the disability
                assert "secondary worker" in s or "establish" in s, s
        assert d.route.team in ("Screening and Duty Team", "Emergency Duty Team"), d.route.team
    else:
        assert not any("Duty team" in s and "Emergency Duty Team" not in s for s in sentences), d.actions


def test_a_disabled_child_in_need_in_a_large_sibling_group_stays_with_the_disabled_childrens_team():
    """p37's sibling-group exception is for child protection: a Child in Need's route is unchanged."""
    context = {"disability": "substantial_lifelong", "large_sibling_group": True, "caller": "professional", "contact_time": IN_HOURS}
    short_breaks = ["extensive.substantial_lifelong_disability_short_breaks"]
    d = evaluate(_case({"age_years": 8}, short_breaks, health_development_impaired_without_services=True, **context))
    assert d.level == "child_in_need" and d.route.team == "Disabled Children's Team"
    assert not any("Duty team" in a for a in d.actions), d.actions


# ------------------------------------------------------------------------------------------- H4
# a parent's-age band refused for the parent's age given, and the need (by hand, from p13-16) that
# fits that age: its id must be named, and the case's own answer never asked for again
PARENT_HINTS = [
    ("extensive.pregnant_care_leavers", 15, ["extensive.pregnant_under_16"]),
    ("extensive.pregnant_care_leavers", 14, ["extensive.pregnant_under_16"]),
    ("extensive.pregnant_care_leavers", 12, ["protection.sexual_activity_under_13"]),
    ("extensive.pregnant_under_16", 16, ["additional.pregnant_under_17", "extensive.pregnant_care_leavers"]),
    ("extensive.pregnant_under_16", 18, ["extensive.teenage_parents_with_concerns", "extensive.pregnant_care_leavers"]),
    ("additional.pregnant_under_17", 17, ["extensive.teenage_parents_with_concerns", "extensive.pregnant_care_leavers"]),
    ("extensive.teenage_parents_with_concerns", 21, ["extensive.pregnant_care_leavers"]),
    ("extensive.teenage_parents_with_concerns", 12, ["protection.sexual_activity_under_13"]),
]


@pytest.mark.parametrize("unborn", [True, False])
@pytest.mark.parametrize("indicator, parent, fits", PARENT_HINTS)
def test_a_refused_parents_band_names_the_need_that_fits_the_parents_age(indicator, parent, fits, unborn):
    child = {"unborn": True} if unborn else {"age_years": 0, "age_months": 3}
    with pytest.raises(CaseError) as refused:
        evaluate(_case(child, [indicator], parent, contact_time=IN_HOURS))
    message = str(refused.value)
    assert "give the parent's age as parent.age_years" not in message, message
    for iid in fits:
        assert iid in message, (iid, message)
        band = CAT.band(CAT.indicator(iid).age_band)
        if band.subject == "parent":  # it admits this case with this parent
            assert band.admits(unborn, None if unborn else 3, parent * 12), iid
        else:  # the young parent assessed as the child (p17's sexual activity under 13)
            assert band.admits(False, parent * 12), iid


def test_without_the_parents_age_the_hint_still_asks_for_it():
    """A born child past the band, no parent's age: the hint is not circular there."""
    with pytest.raises(CaseError) as refused:
        evaluate(_case({"age_years": 17}, ["extensive.pregnant_under_16"], contact_time=IN_HOURS))
    assert "give the parent's age as parent.age_years" in str(refused.value)


# ------------------------------------------------------------------------------------------- H5
def test_whether_a_caf_has_a_part_at_a_social_care_level_is_declared_as_this_tools_reading():
    # p37 says the social worker keeps case responsibility under a child protection plan; not who decides
    # whether a CAF has a part for a family supported at Child in Need or Protection
    assert "The social worker will retain their statutory responsibility as the case holder" in DOCUMENT
    assert "Whether a CAF" not in DOCUMENT
    entry = CAT.guidance.caf_improving_at_social_care_level
    assert entry.interpretation and entry.why and "p37" in entry.why
    context = {"current_level": "protection", "caf": "open_improving", "caller": "professional", "contact_time": IN_HOURS}
    d = evaluate(_case({"age_years": 7}, ["additional.child_not_exposed_new"], **context))
    [g] = [g for g in d.guidance if g.rule == "context.caf_at_social_care_level"]
    assert "This tool's reading" in g.text
