"""Review 14 (rules), K1, K4, K5, K6: each oracle is the document's words, written here, not the tool's.

K1: the tool decides one child; every decision says so, after the ring-now, naming p9's age-banded criteria
(declared: p9 speaks of "the child(ren)").
K4: an unborn baby at Protection is not given the Children's Assessment's 10/45 working days; the pre-birth
assessment's planning meeting, which identifies the timescales (p37), stands in their place.
K5: p37's feedback after a Children's Assessment keeps the page's next sentence, on confidentiality.
K6: a p9 criterion's reason says p9's heading words, never "has suffered" for a criterion that does not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pathway.models import Case
from rules import evaluate
from tests.conftest import IN_HOURS, OUT_OF_HOURS, make_case

DOCUMENT = " ".join((Path(__file__).resolve().parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())


def _norm(text: str) -> str:
    return " ".join(text.replace("“", '"').replace("”", '"').replace("’", "'").split())


# p9, as written: the heading's words and the four criteria for a child of an age or an unborn baby
P9_HEADING = "Where there are immediate concerns about a child's safety and a view that the child(ren) is suffering or likely to suffer significant harm"
P9_UNDER_2 = "Under two years old and has unexplained bruising"
P9_UNDER_1 = "Under 1 year old where the parents/carers have significant substance use issues"
P9_UNBORN = "Where there are serious concerns regarding the risk of significant harm to an unborn baby"
P9_HOME_ALONE_5 = 'certainly all children "home alone" aged 5 years old and under should be referred'
# p37, as written
P37_TIMESCALES_MEETING = "This meeting should allocate key tasks, record risks, identify the timescales and review the process."
P37_TEN_DAYS = "It should be undertaken within a maximum of 10 working days of the date of the referral."
P37_FORTY_FIVE = "Completed within a maximum of 45 working days."
P37_FEEDBACK = (
    "Following a children's assessment, Social Care should inform the family, the original referrer and other professionals and"
    " services involved in the assessment what action has been or will be taken."
)
P37_CONFIDENTIALITY = "Consideration should be given to respecting the confidentiality of the child and family where appropriate to do so."


def test_the_oracles_are_the_documents_words():
    for words in (
        P9_HEADING,
        P9_UNDER_2,
        P9_UNDER_1,
        P9_UNBORN,
        P9_HOME_ALONE_5,
        P37_TIMESCALES_MEETING,
        P37_TEN_DAYS,
        P37_FORTY_FIVE,
        P37_FEEDBACK,
        P37_CONFIDENTIALITY,
    ):
        assert _norm(words) in _norm(DOCUMENT), words


# --- K1: one child per decision ---------------------------------------------------------------------

ONE_CHILD = "scope.one_child"

# a decision at every level, and a ring-now in and out of hours, by every kind of caller
LEVEL_CASES = {
    "universal": ([], {}),
    "additional": (["additional.lack_routine"], {}),
    "extensive": (["extensive.child_witnessing_experiencing_domestic"], {}),
    "child_in_need": (["extensive.substantial_lifelong_disability_short_breaks"], {"disability": "substantial_lifelong"}),
    "protection": (["protection.chronic_substance_misuse"], {}),
    "ring_now_in_hours": (["immediate.significant_harm"], {"contact_time": IN_HOURS}),
    "ring_now_out_of_hours": (["immediate.significant_harm"], {"contact_time": OUT_OF_HOURS}),
}


def _one_child_item(d):
    found = [g for g in d.guidance if g.rule == ONE_CHILD]
    assert len(found) == 1, [g.rule for g in d.guidance]
    return found[0]


def _says_one_child(text: str) -> None:
    """Each child decided on their own answers, naming p9's criteria for a child of an age or unborn."""
    low = text.lower()
    assert "each child" in low and "their own answers" in low, text
    for words in ("under 1", "under 2", "5 or under", "home alone", "unborn", "brother or sister", "pregnancy"):
        assert words in low, (words, text)
    assert "(p9)" in text and "this tool's reading" in low, text


@pytest.mark.parametrize("caller", ["professional", "parent_carer", "public", None])
@pytest.mark.parametrize("name", sorted(LEVEL_CASES))
def test_every_decision_says_it_decides_one_child(name, caller):
    indicators, context = LEVEL_CASES[name]
    if caller:
        context = {**context, "caller": caller}
    d = evaluate(make_case(indicators, age_years=12, **context))
    if name.startswith("ring_now"):
        assert d.immediate and d.out_of_hours == (name == "ring_now_out_of_hours")
    else:
        assert d.level.value == name and not d.immediate
    item = _one_child_item(d)
    _says_one_child(item.text)
    assert "p9" in item.source


def test_an_unborn_baby_and_an_open_child_are_told_too():
    for case in (make_case(["immediate.unborn_significant_harm"], unborn=True), make_case(["additional.lack_routine"], open_to_social_care=True)):
        _says_one_child(_one_child_item(evaluate(case)).text)


def test_it_comes_after_the_ring_now_and_never_before_other_guidance():
    d = evaluate(make_case(["immediate.significant_harm"], caller="professional"))
    assert d.actions[0].startswith("Ring ") and "now" in d.actions[0]
    assert d.guidance[-1].rule == ONE_CHILD  # last of the guidance, which every surface shows after the actions and contacts
    assert d.guidance[-1].text.startswith("After the call:")


def test_it_is_declared_in_the_catalogue(catalogue):
    words = catalogue.guidance.one_child
    assert words.interpretation and "child(ren)" in words.why
    assert words.source.page == "9"
    hint = catalogue.surfaces.one_child_hint
    assert hint.interpretation and hint.why and "each child" in hint.text.lower()


# --- K4: an unborn baby at Protection is not given the Children's Assessment's 10/45 working days ----

UNBORN_PROTECTION = {
    "p9_unborn": ["immediate.unborn_significant_harm"],
    "chronic_substance_crosswalk": ["protection.chronic_substance_misuse"],
    "previously_removed_crosswalk": ["protection.child_children_previously_removed"],
}


def _timescale_words(d) -> list[str]:
    return [g.rule for g in d.guidance if "10 working days" in g.text or "45 working days" in g.text]


@pytest.mark.parametrize("name", sorted(UNBORN_PROTECTION))
def test_an_unborn_baby_at_protection_gets_the_planning_meeting_not_the_10_45_days(name):
    d = evaluate(make_case(UNBORN_PROTECTION[name], unborn=True, caller="professional"))
    assert d.level.value == "protection"
    rules = [g.rule for g in d.guidance]
    assert "referral.s47_assessment" not in rules
    assert _timescale_words(d) == []
    [meeting] = [g for g in d.guidance if g.rule == "unborn.pre_birth_planning"]
    assert "identifies the timescales" in meeting.text
    assert "10 working days" not in meeting.text and "45 working days" not in meeting.text


def test_the_pregnancy_entailment_road_to_protection_for_an_unborn_baby_too():
    # a parent of 12: 'Sexual activity under 13' (p17), an immediate referral by this tool's reading
    body = {"child": {"unborn": True}, "parent": {"age_years": 12}, "indicators": ["extensive.pregnant_under_16"]}
    d = evaluate(Case.parse({**body, "context": {"caller": "professional", "contact_time": IN_HOURS}}))
    assert d.level.value == "protection"
    assert "referral.s47_assessment" not in [g.rule for g in d.guidance] and _timescale_words(d) == []
    assert "unborn.pre_birth_planning" in [g.rule for g in d.guidance]


def test_the_planning_meeting_says_it_stands_in_the_s47_items_place(catalogue):
    words = catalogue.guidance.pre_birth_planning
    assert "10" in words.why and "45" in words.why and "section 47" in words.why


@pytest.mark.parametrize("indicators", [["immediate.significant_harm"], ["protection.chronic_substance_misuse"]])
def test_a_born_child_at_protection_keeps_the_10_45_days(indicators):
    d = evaluate(make_case(indicators, age_years=4, caller="professional"))
    assert d.level.value == "protection"
    [s47] = [g for g in d.guidance if g.rule == "referral.s47_assessment"]
    assert "10 working days" in s47.text and "45 working days" in s47.text
    assert "unborn.pre_birth_planning" not in [g.rule for g in d.guidance]


# --- K5: the feedback after a Children's Assessment keeps p37's confidentiality sentence ------------


@pytest.mark.parametrize("caller", ["professional", "parent_carer", "public", None])
@pytest.mark.parametrize(
    "indicators", [["immediate.significant_harm"], ["protection.victim_crime"], ["extensive.substantial_lifelong_disability_short_breaks"]]
)
def test_the_feedback_keeps_the_confidentiality_sentence_for_every_caller(indicators, caller):
    context = {"caller": caller} if caller else {}
    if indicators[0].startswith("extensive."):
        context["disability"] = "substantial_lifelong"
    d = evaluate(make_case(indicators, **context))
    [item] = [g for g in d.guidance if g.rule == "referral.social_care_assessment"]
    text = _norm(item.text)
    assert "inform the family, the original referrer" in text
    assert _norm(P37_CONFIDENTIALITY).rstrip(".") in text, text  # the page's sentence, its citation before the full stop
    assert text.index("inform the family") < text.index("confidentiality of the child and family")


# the class: p37's information-sharing words keep their qualifiers where the decision says sharing without consent
P37_PUBLIC_INTEREST = "professionals can lawfully share information if the child consents or if there is a public interest of sufficient force"
P37_FACTS = "This must be judged on the facts of each case but in cases where there is a clear risk of significant harm to a"


@pytest.mark.parametrize("indicators", [["protection.victim_crime"], ["immediate.significant_harm"]])
def test_sharing_without_consent_keeps_p37s_public_interest_qualifier(indicators):
    for words in (P37_PUBLIC_INTEREST, P37_FACTS):
        assert _norm(words) in _norm(DOCUMENT), words
    d = evaluate(make_case(indicators, consent_to_early_help=False, caller="professional"))
    [item] = [g for g in d.guidance if g.rule == "consent.social_care"]
    text = _norm(item.text)
    assert "without the family's consent" in text.lower()
    assert "public interest of sufficient force" in text and "judged on the facts of each case" in text, text
    assert "may share information without" not in text  # the page's condition, not a bare permission


# --- K6: the p9 reason in p9's heading words ----------------------------------------------------------

P9_CRITERIA = {
    "immediate.significant_harm": {},
    "immediate.unborn_significant_harm": {"unborn": True},
    "immediate.adults_who_pose_risk": {},
    "immediate.home_alone_5_and_under": {"age_years": 4},
    "immediate.substance_use_under_1": {"age_years": 0, "age_months": 6},
    "immediate.contact_with_adults_risk": {},
    "immediate.trafficking_victim": {},
}


@pytest.mark.parametrize("iid", sorted(P9_CRITERIA))
def test_the_p9_reason_says_p9s_heading_not_has_suffered(iid, catalogue):
    assert catalogue.indicator(iid).immediate
    d = evaluate(make_case([iid], **P9_CRITERIA[iid]))
    [reason] = [r for r in d.reasons if r.rule == "immediate.referral"]
    text = reason.explanation
    assert "has suffered" not in text and "at immediate risk of" not in text, text
    assert "immediate concerns about the child's safety" in text
    assert "suffering or likely to suffer significant harm" in text
    assert "p9" in reason.source
