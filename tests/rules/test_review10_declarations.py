"""Review 10, H3 and H8: readings the decision gave as the document's words.

H3: p4's Child in Need judgement ('A child is deemed as in need if they are ... unlikely to achieve a
reasonable standard of health or development unless services are provided (Children Act 1989)') was
read for an unborn baby as p4's own words. The document's pre-birth work is a CAF pre-birth assessment
(p6) or a Pre-Birth Assessment at Protection (p17, p37); it never calls an unborn baby a Child in Need.
The same question at 18 and 19: the document's own words put a child under 18 ('Forced marriage of a
child under 18 yrs', p17) while it covers young people to 19 (p25). The judgement is still read (a
refusal would stop a real concern being recorded), declared as this tool's reading.

The oracle is the document's text (tests/data/threshold_document.txt).
"""

from __future__ import annotations

import pathlib

import pytest

from pathway import Case, load_catalogue
from rules import evaluate
from rules.what_if import nearby
from tests.conftest import IN_HOURS

CAT = load_catalogue()
DOCUMENT = " ".join((pathlib.Path(__file__).resolve().parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())
CIN_TEST = "child_in_need.unlikely_reasonable_standard"
JUDGEMENT = {"health_development_impaired_without_services": True}


def _case(child, indicators=(), parent=None, **context):
    body = {"child": child, "indicators": list(indicators), "context": {"contact_time": IN_HOURS, **context}}
    if parent is not None:
        body["parent"] = {"age_years": parent}
    return Case.parse(body)


def _cin_reason(d):
    [r] = [r for r in d.reasons if r.rule == CIN_TEST]
    return r


# ------------------------------------------------------------------------------------------- H3
def test_the_documents_child_in_need_test_is_a_childs_and_its_pre_birth_work_is_a_caf_or_a_pre_birth_assessment():
    assert "A child is deemed as 'in need' if they are disabled or unlikely to achieve a reasonable standard" in DOCUMENT
    assert "the unborn child's needs (pre birth assessment)" in DOCUMENT and "Pre-Birth Assessment" in DOCUMENT
    assert "Forced marriage of a child under 18 yrs" in DOCUMENT and "From pre-birth to 19 years" in DOCUMENT


@pytest.mark.parametrize("indicators", [[], ["additional.poor_maternal_health_not"], ["extensive.family_child_homeless"]])
def test_the_judgement_for_an_unborn_baby_is_child_in_need_declared_as_this_tools_reading(indicators):
    d = evaluate(_case({"unborn": True}, indicators, 24, **JUDGEMENT))
    assert d.level == "child_in_need" and not d.immediate
    r = _cin_reason(d)
    assert r.interpretation is True and "This tool's reading" in r.explanation and "unborn baby" in r.explanation
    # its why names the document's own pre-birth work, in the document's words, and p9 for serious concerns
    assert "the unborn child's needs (pre birth assessment)" in r.explanation and "Pre-Birth Assessment" in r.explanation
    assert "p6" in r.explanation and "p9" in r.explanation and r.source.endswith("p4, 6, 17, 37")


def test_the_what_if_offering_the_judgement_for_an_unborn_baby_says_it_is_a_reading():
    case = _case({"unborn": True}, ["additional.poor_maternal_health_not"], 24)
    d = evaluate(case)
    [line] = [c for c in nearby(case, d).up if c.context == JUDGEMENT]
    assert line.level == "child_in_need" and line.interpretation is True and "6, 17, 37" in line.source
    given = _case({"unborn": True}, ["additional.poor_maternal_health_not"], 24, **JUDGEMENT)
    assert any(c.context == {"health_development_impaired_without_services": None} for c in nearby(given, evaluate(given)).down)


@pytest.mark.parametrize("months", [0, 5 * 12, 17 * 12 + 11, 18 * 12, 18 * 12 + 6, 19 * 12 + 11])
def test_the_judgement_is_p4s_words_for_a_child_under_18_and_a_declared_reading_at_18_and_19(months):
    """The document's own words put a child under 18 (p17); from 18 to 19y11m, the tool's reading."""
    case = _case({"age_years": months // 12, "age_months": months % 12}, **JUDGEMENT)
    d = evaluate(case)
    r = _cin_reason(d)
    assert d.level == "child_in_need"
    adult = months >= 18 * 12
    assert r.interpretation is adult, months
    assert ("This tool's reading" in r.explanation) is adult
    if adult:
        assert "'Forced marriage of a child under 18 yrs', p17" in r.explanation and "young person" in r.explanation
    else:
        assert r.explanation.startswith("You judge the child") and r.source.endswith("p4")
    [line] = [c for c in nearby(case, d).down if c.context]
    assert line.context == {"health_development_impaired_without_services": None}
    undone = _case({"age_years": months // 12, "age_months": months % 12})
    [offer] = [c for c in nearby(undone, evaluate(undone)).up if c.context == JUDGEMENT]
    assert offer.interpretation is adult


def test_the_readings_are_catalogue_data_with_their_why():
    test = CAT.interpretations.cin_unlikely_reasonable_standard
    assert test.interpretation is False  # a child: p4's own words
    for reading in (test.unborn, test.young_adult):
        assert reading.interpretation is True and reading.why and "{why}" in reading.explanation
    assert test.young_adult.from_months == 18 * 12


# ------------------------------------------------------------------------------------------- H8
# Every guidance, action and contact-note text, audited against its cited pages (review 10's citations
# audit and this fix): either the page says it (here, by key) or the entry is flagged as this tool's
# reading and says so in its words (tests/pathway/test_catalogue_readings.py). A new entry must be put in
# one or the other.
CITED_AND_TRUE = {
    "guidance": {
        "consent_social_care",
        "not_caf_trained",
        "twins",
        "day_services_closed",
        "caf_single_need_not_caf_trained",
        "consent_refused_extensive",
        "age_unknown_under_1",
        "age_pointer",
        "confirm_in_writing",
        # rules13: Appendix 3's consent to checks and feedback (p37); route 1's first stage (p18), the page's words
        "social_care_assessment",
        "referral_not_accepted",
        "step_up",
        "after_the_call",
        "step_not_caf_trained",
        "step_not_caf_trained_child_in_need",
        "extensive_without_caf",
    },
    "actions": {"ring_now", "refer_by_route", "consent_refused"},
    "contact_notes": {"reopen_follow_up", "edt_social_worker_away", "edt_significant_harm", "closed_now"},
}
# review 10, H8, and the class found beside them: readings that were given as the page's words
DECLARED_BY_H8 = {
    ("guidance", "caf_single_need_not_improving"),
    ("contact_notes", "service_manager_fallback"),
    ("guidance", "caf_failing_at_universal"),
    ("guidance", "age_entailment_age_unknown"),
    ("guidance", "caf_at_social_care_level"),
    # review 11, H5: who decides whether a CAF has a part at a social-care level is not p37's word
    ("guidance", "caf_improving_at_social_care_level"),
    # review 12, H4: the open child's route and the out-of-hours route below significant harm, declared in
    # routing but said as the page's words here (tests/rules/test_review12_declarations.py: wherever said)
    ("guidance", "open_to_social_care"),
    ("actions", "open_case"),
    ("actions", "social_care_out_of_hours"),
    ("contact_notes", "edt_cannot_wait"),
    ("contact_notes", "cfd_can_wait"),
}


def test_every_guidance_action_and_contact_note_is_cited_and_true_or_declared():
    for name, audited in CITED_AND_TRUE.items():
        block = getattr(CAT, name)
        keys = set(type(block).model_fields)
        declared = {k for k in keys if block[k].interpretation}
        assert audited <= keys, sorted(audited - keys)
        assert not audited & declared, sorted(audited & declared)
        assert keys == audited | declared, f"{name}: classify {sorted(keys - audited - declared)}"
        for key in declared:
            assert "This tool's reading" in block[key].text and block[key].why, (name, key)
    for name, key in DECLARED_BY_H8:
        assert getattr(CAT, name)[key].interpretation, (name, key)


def test_the_single_need_review_is_said_as_a_reading_in_the_decision():
    """Review 10 case b_one_additional_caf_failing: p25 does not say 'review the CAF plan with the TAC'."""
    assert "review the CAF plan" not in DOCUMENT and "Regular review meetings" in DOCUMENT and "Team around the Child (TAC)" in DOCUMENT
    d = evaluate(_case({"age_years": 10}, ["additional.mental_health_concerns_about"], caf="open_not_improving", current_level="additional"))
    assert d.level == "additional"
    [g] = [g for g in d.guidance if g.rule == "escalation.caf_single_need"]
    assert "review the CAF plan with the Team around the Child" in g.text and "This tool's reading" in g.text
    assert g.source.endswith("p25, 13-16")


def test_the_service_manager_fallback_for_an_immediate_referral_is_said_as_route_2_applied():
    """Route 2 (p18-21) is for disagreements about a family already open; the tool applies its words
    to reaching the case holder for an immediate referral."""
    assert "it may be difficult to contact the Social Worker or Team Manager in a timely manner" in DOCUMENT
    d = evaluate(_case({"age_years": 8}, ["immediate.significant_harm"], open_to_social_care=True, caller="professional"))
    assert d.immediate
    [worker] = [c for c in d.contacts if "relevant service manager" in c.when]
    assert "This tool's reading" in worker.when and "route 2" in worker.when


def test_where_the_written_referral_goes_is_said_as_a_reading():
    """p37: 'the referrer should confirm this in writing'; it does not say where the writing goes."""
    assert "the referrer should confirm this in writing within 24 hours" in DOCUMENT
    in_writing = CAT.in_writing
    assert in_writing.interpretation and in_writing.why and "p37" in in_writing.why
    said = in_writing.send_to.format(contact="Children and Families Direct")
    assert "This tool's reading" in said and "send the written referral to Children and Families Direct, where you made the referral" in said
