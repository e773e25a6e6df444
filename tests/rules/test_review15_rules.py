"""Review 15 (rules), L4 and L6: each oracle is the document's words, written here, not the tool's.

L4: p15-16's referral when "the current CAF arrangements are not improving outcomes for the child" is for a
child who "could be considered a Child in Need", p4's test, which is a child's. For an unborn baby or a young
person of 18 or 19 review 10 H3 declared p4's judgement as this tool's reading; every road through a failing
CAF to Child in Need (supported at Extensive, the level supported at now not given, the combination) is
declared the same way, with the why, the citation and the what-if line's flag. A child of 9 is p15-16's own.
L6: p37's sharing sentence keeps "if the child consents" and the child's best interests as the overriding
consideration beside a ring-now, and p37 is not cited for a general duty to record the reasons for sharing
decisions: it asks for reasons only when agencies decide not to share a possible criminal offence.
"""

from __future__ import annotations

import pytest

from pathway.models import Case
from rules import evaluate
from rules.what_if import nearby
from tests.conftest import IN_HOURS, make_case
from tests.rules.test_review14_rules import DOCUMENT, _norm  # the document's text, and quotes and spaces made plain

# p15-16 and p4, as written
P15_CAF_FAILING = "If the current CAF arrangements are not improving outcomes for the child"
P15_CHILD_IN_NEED = "(i.e. they could be considered a Child in Need) then they should be referred to Children's Social Care for further assessment"
P4_A_CHILD = "A child is deemed as 'in need' if they are disabled or unlikely to achieve a reasonable standard of health or development"
P6_PRE_BIRTH = "the unborn child's needs (pre birth assessment)"
P17_UNDER_18 = "Forced marriage of a child under 18 yrs"
# p37, as written
P37_CHILD_CONSENTS = "professionals can lawfully share information if the child consents or if there is a public interest of sufficient force"
P37_BEST_INTERESTS = "The child's best interests must be the overriding consideration in making decisions about the need to share information."
P37_NOT_SHARED = "If agencies decide not to share this information, the reasons for this must be recorded."

CAF_RULE = "child_in_need.caf_not_improving"
FAILING = {"caf": "open_not_improving"}


def test_the_oracles_are_the_documents_words():
    for words in (P15_CAF_FAILING, P15_CHILD_IN_NEED, P4_A_CHILD, P6_PRE_BIRTH, P17_UNDER_18, P37_CHILD_CONSENTS, P37_BEST_INTERESTS, P37_NOT_SHARED):
        assert _norm(words) in _norm(DOCUMENT), words


# --- L4: every road to Child in Need through a failing CAF, declared for an unborn baby and at 18-19 ---------------


def _case(child: dict, indicators, parent=None, **context) -> Case:
    body = {"child": child, "indicators": list(indicators), "context": {"contact_time": IN_HOURS, "caller": "professional", **context}}
    if parent is not None:
        body["parent"] = {"age_years": parent}
    return Case.parse(body)


UNBORN_15 = ({"unborn": True}, ["extensive.pregnant_under_16"], 15)
UNBORN_CARE_LEAVER = ({"unborn": True}, ["extensive.pregnant_care_leavers"], 22)
AGED_18_4 = ({"age_years": 18, "age_months": 4}, ["extensive.children_who_go_missing"], None)
AGED_19 = ({"age_years": 19}, ["additional.not_employment_education_training"], None)
AGED_9 = ({"age_years": 9}, ["extensive.beyond_parental_control"], None)
# a range of additional needs (4 across 2 domains: the combination rule), no extensive need
RANGE = [
    "additional.not_employment_education_training",
    "additional.poor_school_attendance_exclusion",
    "additional.substance_misuse_impact_ability",
    "additional.young_carers_child",
]


def _caf_reason(d):
    [r] = [r for r in d.reasons if r.rule == CAF_RULE]
    return r


def _declared_for(r, unborn: bool) -> None:
    """The reason says this tool's reading, with the why written from the document's words, and cites its pages."""
    assert r.interpretation is True
    assert "This tool's reading" in r.explanation and "could be considered a Child in Need" in r.explanation, r.explanation
    assert "15-16" in r.source and "4" in r.source.split("p", 1)[-1], r.source
    if unborn:
        assert "unborn baby" in r.explanation and P6_PRE_BIRTH in r.explanation and "Pre-Birth Assessment" in r.explanation
    else:
        assert "young person" in r.explanation and f"'{P17_UNDER_18}', p17" in r.explanation


@pytest.mark.parametrize(("who", "unborn"), [(UNBORN_15, True), (UNBORN_CARE_LEAVER, True), (AGED_18_4, False), (AGED_19, False)])
def test_a_failing_caf_at_extensive_is_declared_for_an_unborn_baby_and_at_18_and_19(who, unborn):
    child, indicators, parent = who
    d = evaluate(_case(child, indicators, parent, current_level="extensive", **FAILING))
    assert d.level.value == "child_in_need" and not d.immediate
    _declared_for(_caf_reason(d), unborn)


@pytest.mark.parametrize(("who", "unborn"), [(UNBORN_15, True), (AGED_19, False)])
def test_a_failing_caf_with_the_level_unknown_is_declared_for_them_too(who, unborn):
    child, _, parent = who
    d = evaluate(_case(child, ["extensive.family_child_homeless"], parent, **FAILING))
    assert d.level.value == "child_in_need"
    r = _caf_reason(d)
    _declared_for(r, unborn)
    assert "Where it cannot tell, the tool takes the higher" in r.explanation  # the level reading's why kept


def test_the_combination_with_a_failing_caf_is_declared_at_19():
    d = evaluate(_case({"age_years": 19}, RANGE, **FAILING))
    assert d.level.value == "child_in_need"
    r = _caf_reason(d)
    _declared_for(r, unborn=False)
    assert "combination rule" in r.explanation


@pytest.mark.parametrize("context", [{"current_level": "extensive"}, {}])
def test_a_child_of_9_is_p15_16s_own_words(context):
    child, indicators, _ = AGED_9
    d = evaluate(_case(child, indicators, **context, **FAILING))
    r = _caf_reason(d)
    assert "This tool's reading" not in r.explanation and "Pre-Birth" not in r.explanation and "under 18" not in r.explanation
    assert r.source == "Levels of need: Extensive Support, p15-16"
    assert r.interpretation is (not context)  # the level unknown: that reading alone


@pytest.mark.parametrize(("who", "declared"), [(UNBORN_15, True), (AGED_19, True), (AGED_9, False)])
def test_the_what_if_line_offering_a_failing_caf_carries_the_flag(who, declared):
    child, indicators, parent = who
    case = _case(child, indicators, parent, current_level="extensive")
    [line] = [c for c in nearby(case, evaluate(case)).up if c.context == FAILING]
    assert line.level.value == "child_in_need" and line.interpretation is declared
    assert ("15-16, 4" in line.source) is declared, line.source


# --- L6: p37's sharing sentence, beside a ring-now and not ------------------------------------------------------------


def _sharing(indicators, age):
    d = evaluate(make_case(indicators, age_years=age, consent_to_early_help=False, caller="professional"))
    [item] = [g for g in d.guidance if g.rule == "consent.social_care"]
    return d, _norm(item.text)


@pytest.mark.parametrize(
    ("indicators", "age"), [(["immediate.significant_harm"], 8), (["immediate.allegation_or_disclosure"], 14), (["protection.victim_crime"], 8)]
)
def test_the_sharing_sentence_keeps_the_childs_consent_and_best_interests(indicators, age):
    d, text = _sharing(indicators, age)
    assert "if the child consents or if there is a public interest of sufficient force" in text, text
    assert "the child's best interests are the overriding consideration in making decisions about the need to share information" in text.lower(), text
    assert text.endswith("(Appendix 3, p37).") if d.immediate else "Appendix 3" not in text


@pytest.mark.parametrize(
    ("indicators", "age"), [(["immediate.significant_harm"], 8), (["immediate.allegation_or_disclosure"], 14), (["protection.victim_crime"], 8)]
)
def test_p37_is_not_cited_for_a_general_duty_to_record_sharing_decisions(indicators, age):
    d, text = _sharing(indicators, age)
    assert "decisions about sharing" not in text.lower(), text
    # the one record p37 asks for: a decision not to share a possible criminal offence (said below a ring-now;
    # beside one the referral is being made, so nothing is left unshared)
    said = "if you decide not to share it, record the reasons" in text
    assert said is (not d.immediate), text
