"""rules15: one reading of "open to Children's Social Care", and what an open child's words tell the user to do.

1. A child open to Children's Social Care whose support now is not given at a social-care level was taken as
   supported at Child in Need or above by the what-if list only; the decision gave no step and no
   `step.social_care_managed` (review 14, "Noted, not findings"). The reading is now one parameter
   (catalogue open_from_current_level.taken_as), and the decision's step and the what-if list both say it.
2. For a child already open, no action or guidance item sends the referral to Children's Social Care without
   saying it goes to those holding the case (Appendix 3, p37; route 2 of the disagreements, p18-21), and the
   ring-now still rings (p9).

The oracles are the document's words and the declared reading's, written here.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from pathway import load_catalogue
from pathway.levels import LEVELS as ALL_LEVELS
from rules import evaluate
from rules.what_if import nearby
from tests.conftest import IN_HOURS, OUT_OF_HOURS, make_case

CAT = load_catalogue()
DOCUMENT = " ".join((Path(__file__).resolve().parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())


def _norm(text: str) -> str:
    return " ".join(text.replace("“", '"').replace("”", '"').replace("’", "'").split())


# the document, as written
P4_THRESHOLD = "Social care assessment threshold"
P15_REFER = "then they should be referred to Children's Social Care for further assessment"
P37_NOT_OPEN = (
    "all enquiries in relation to children/young people who aren't already open to Children's Services Social Care are initially dealt"
    " with by Children and Families Direct"
)
ROUTE_2 = "Where agencies have concerns about families already open to Social Care and this concern is not shared by the allocated social worker"
P7_REFERRAL = "consideration will need to be given to a Children's Social Care referral"
# the declared reading (open_from_current_level.taken_as), as every surface says it
READING = "taken as supported at Child in Need or above"
MANAGED = "step-down from Child in Need or Protection is a managed process (p5; Appendix 1, p24)"
HOLDERS = ("allocated social worker", "team holding the case")

# a decided level, by its needs and answers
LEVELS = {
    "universal": ([], {}),
    "additional": (["additional.lack_routine"], {}),
    "extensive": (["extensive.life_threatening_conditions"], {}),
    "child_in_need": (["additional.lack_routine"], {"health_development_impaired_without_services": True}),
    "protection": (["protection.chronic_substance_misuse"], {}),
    "immediate": (["immediate.unexplained_injuries"], {}),
}
CURRENT = [None, "universal", "additional", "extensive", "child_in_need", "protection"]


def test_the_oracles_are_the_documents_words():
    for words in (P4_THRESHOLD, P15_REFER, P37_NOT_OPEN, ROUTE_2, P7_REFERRAL, MANAGED.split(" (")[0].replace("step-down", "Step-Down")):
        assert _norm(words).lower() in _norm(DOCUMENT).lower() or words.startswith("Step-Down"), words
    assert "well managed transfer between Protection and Extensive/Additional" in DOCUMENT  # p5, MANAGED's source


def test_the_reading_is_one_declared_parameter():
    taken = CAT.open_from_current_level.taken_as
    assert taken.level.value == "child_in_need" and taken.interpretation and "p37" in taken.why.replace(" ", "")
    # wherever it is applied it is declared, with its why
    for words in (CAT.guidance.step_open_support, CAT.what_if.support_now.open_level_unknown):
        assert words.interpretation and words.why, words


def _decide(level, current, caller, open_=True, when=IN_HOURS):
    needs, extra = LEVELS[level]
    context = {"open_to_social_care": open_, "caller": caller, "contact_time": when, **extra}
    if current:
        context["current_level"] = current
    case = make_case(needs, age_years=9, **context)
    return case, evaluate(case)


@pytest.mark.parametrize("caller", ["professional", "public"])
@pytest.mark.parametrize("current", CURRENT)
@pytest.mark.parametrize("level", sorted(LEVELS))
def test_the_decisions_step_and_the_what_if_list_read_an_open_child_alike(level, current, caller):
    case, d = _decide(level, current, caller)
    w = nearby(case, d)
    steps = [g for g in d.guidance if g.rule.startswith("step.")]
    in_decision = [g for g in steps if READING in g.text]
    in_what_if = READING in w.up_heading or any(READING in (c.step or "") for c in w.down)
    if current in ("child_in_need", "protection"):  # the support now given at a social-care level: the answer, not the reading
        assert not in_decision and not in_what_if, (steps, w)
        return
    # taken as supported at Child in Need or above: the decision says so, once, as a reading, with no step value
    assert d.step is None, d.step
    assert [g.rule for g in steps] == ["step.social_care_managed"], steps
    [g] = in_decision
    assert "this tool's reading" in g.text.lower(), g.text
    if caller == "professional" and d.level.value != "protection":
        assert MANAGED in g.text and "agreed with the allocated social worker" in g.text, g.text
    if caller == "public":
        assert "your part is the contact above" in g.text, g.text
    if d.immediate:
        assert w.fixed and not w.down  # an immediate referral: the what-if list names no change, so no reading to compare
        return
    # the what-if list says the same reading wherever it names the support now (a change below it, or "higher than")
    below = [c for c in w.down if c.level.rank < 4]
    if below or d.level.rank <= 4:
        assert in_what_if, (w.up_heading, [c.step for c in w.down])
    for c in below:
        assert READING in c.step and MANAGED in c.step, c.step


@pytest.mark.parametrize("current", ["universal", "additional", "extensive"])
@pytest.mark.parametrize("level", ["universal", "additional", "extensive", "child_in_need", "protection"])
def test_the_early_help_support_the_user_gave_is_named_beside_the_reading(level, current):
    """mut16 (hand H2): the support now the user gave beside the open answer (an early-help level) was dropped
    from the reading's words unnoticed; the words then read as if the answer was not given. The words with the
    answer name its level once more than the same words without it."""
    label = {lv.value: lv.label for lv in ALL_LEVELS}[current]
    [given] = [g.text for g in _decide(level, current, "professional")[1].guidance if READING in g.text]
    [not_given] = [g.text for g in _decide(level, None, "professional")[1].guidance if READING in g.text]
    assert given.count(label) == not_given.count(label) + 1, given


@pytest.mark.parametrize("caf", [None, "open_improving", "open_not_improving", "none"])
@pytest.mark.parametrize("consent", [None, False])
@pytest.mark.parametrize("when", [IN_HOURS, OUT_OF_HOURS])
def test_an_open_childs_referral_goes_to_those_holding_the_case_at_every_level(caf, consent, when):
    """p15-16's and p7's referral to Children's Social Care, for a child already open, is to those holding the
    case (Appendix 3, p37), and Children and Families Direct is named only as p9's advice, the children it
    deals with (not already open), or the number when no one holding the case can be reached."""
    for level, current in itertools.product(sorted(LEVELS), CURRENT):
        needs, extra = LEVELS[level]
        context = {"open_to_social_care": True, "caller": "professional", "contact_time": when, **extra}
        if current:
            context["current_level"] = current
        if caf:
            context["caf"] = caf
        if consent is not None:
            context["consent_to_early_help"] = consent
        d = evaluate(make_case(needs, age_years=9, **context))
        for item in [*d.actions, *(g.text for g in d.guidance)]:
            lowered = item.lower()
            if "refer to children's social care" in lowered or "referral to children's social care" in lowered:
                assert any(h in item for h in HOLDERS), (level, current, item)
            if "Children and Families Direct" in item:
                assert any(w in item for w in ("not already open", "advice", "cannot be reached", "takes enquiries", "not CAF trained")), (level, current, item)


@pytest.mark.parametrize("caller, first", [("professional", "Ring the allocated social worker"), ("public", "Ring Children and Families Direct")])
def test_an_open_childs_p9_concern_still_rings_now(caller, first):
    """p9: without delay, by whichever road; an open child's professional rings those holding the case, a caller
    not CAF trained Children and Families Direct (p4, p9), out of hours the Emergency Duty Team (p23)."""
    for current in CURRENT:
        _, d = _decide("immediate", current, caller)
        assert d.immediate and d.actions[0].startswith(first), d.actions[0]
        _, d = _decide("immediate", current, caller, when=OUT_OF_HOURS)
        assert d.actions[0].startswith("Ring the Emergency Duty Team now"), d.actions[0]


# ------------------------------------------------------------------ 3. what a caller can do
P4_NOT_CAF_TRAINED = (
    "Should the concerned person not be CAF trained (such as a concerned neighbour or volunteer) then they should contact Children and Families Direct"
)
P9_DOUBT = "the case should be discussed with the line manager and/or agency safeguarding lead"


@pytest.mark.parametrize("open_", [None, True])
@pytest.mark.parametrize("caller", ["parent_carer", "public", "professional", None])
def test_a_protection_lower_line_asks_of_a_caller_only_what_they_can_do(caller, open_):
    """Under a Protection decision each lower line of the what-if list gave a parent or member of the public
    'your professional judgement' and 'discuss it with your line manager and/or agency safeguarding lead'
    (p9's words, a practitioner's). A caller not CAF trained is told p4's step and p9's advice instead."""
    assert _norm(P4_NOT_CAF_TRAINED) in _norm(DOCUMENT) and _norm(P9_DOUBT) in _norm(DOCUMENT)
    context = {"caller": caller} if caller else {}
    if open_:
        context["open_to_social_care"] = True
    case = make_case(["protection.chronic_substance_misuse"], age_years=9, **context)
    d = evaluate(case)
    what = nearby(case, d)
    assert d.level.value == "protection" and not d.immediate and what.down
    for change in what.down:
        words = change.judgement or ""
        if caller in ("parent_carer", "public"):
            for theirs_not in ("professional judgement", "line manager", "safeguarding lead", "Record a different level"):
                assert theirs_not not in words, (caller, words)
            assert "contact Children and Families Direct for advice (p4, p9" in words, words
        else:
            assert "professional judgement" in words and "line manager and/or agency safeguarding lead" in words, words
