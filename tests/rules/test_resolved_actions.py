"""A level's actions worded for what the case already says, the same on every surface (review 6,
F8): the API, the command line, the web page, a saved entry and the written referral all show
`evaluate()`'s actions. The oracle is the document's rule stated here in plain words, over every
caller, CAF status and consent answer at Additional and Extensive."""

from __future__ import annotations

import itertools

from rules import evaluate
from tests.conftest import make_case
from tests.rules.caf_steps import PROFESSIONALS_STEPS, START, START_AS_READ

OPEN_WORDS = "The child is already open to Children's Social Care: agree with the allocated social worker"
CAF_WORDS = START + START_AS_READ + (OPEN_WORDS,)
NEEDS = {"additional": ["additional.lack_routine"], "extensive": ["extensive.children_who_go_missing"]}
CALLERS = [None, "professional", "parent_carer", "public"]
CAFS = [None, "none", "open_improving", "open_not_improving"]
CONSENT = [None, True, False]
# open to Children's Social Care: answered, or read from being supported at Protection now (levels7, F4)
OPEN = [{}, {"open_to_social_care": True}, {"current_level": "protection"}]


def expected_caf_action(level: str, caller, caf, consent, open_case=False) -> str | None:
    """The start of the one CAF action the decision gives, or None for none (p4, p7, p13-16, p37)."""
    if caller in ("parent_carer", "public"):
        # p4: a concerned person not CAF trained contacts Children and Families Direct, for an open
        # child too: the document gives them no number for the social worker (review 7, F2)
        return "not CAF trained"
    if open_case:  # p37: the allocated social worker holds an open case; p6: no CAF where protection concerns
        return OPEN_WORDS
    caf_open = caf in ("open_improving", "open_not_improving")
    if level == "additional":
        if caf_open:
            return "A CAF is already open"
        return None if consent is False else "Initiate a CAF"
    if consent is False:  # p7: without consent, no CAF: the lead professional's judgement instead
        return None
    return "Continue a multi-agency CAF" if caf_open else "Start a multi-agency CAF"


def _context(caller, caf, consent) -> dict:
    given = {"caller": caller, "caf": caf, "consent_to_early_help": consent}
    return {k: v for k, v in given.items() if v is not None}


def test_every_caller_caf_and_consent_gets_the_caf_action_the_document_says():
    checked = 0
    for level, caller, caf, consent, opened in itertools.product(NEEDS, CALLERS, CAFS, CONSENT, OPEN):
        d = evaluate(make_case(NEEDS[level], **_context(caller, caf, consent), **opened))
        if d.level != level:  # a CAF not improving at Extensive is a Child in Need: no CAF action there
            assert level == "extensive" and caf == "open_not_improving"
            continue
        wanted = expected_caf_action(level, caller, caf, consent, open_case=bool(opened))
        shown = [a for a in d.actions if a.startswith(CAF_WORDS) or "not CAF trained" in a]
        where = (level, caller, caf, consent, opened)
        if wanted is None:
            assert shown == [], where
        else:
            assert len(shown) == 1 and wanted in shown[0], (where, shown)
        if wanted == "not CAF trained":
            assert "Children and Families Direct" in shown[0] and "p4" in shown[0], where
        checked += 1
    assert checked >= 240


# Extensive needs, and a range of Additional needs (two, across two domains) that a failing CAF raises to Extensive
FAILING_CAF_NEEDS = [["extensive.multiple_temporary_exclusions"], ["additional.poor_school_attendance_exclusion", "additional.lack_routine"]]
BELOW_EXTENSIVE = [{}, {"current_level": "universal"}, {"current_level": "additional"}]


def test_a_caf_failing_below_extensive_steps_up_and_is_not_told_to_refer_now():
    """An Extensive decision with a CAF not improving comes only from a CAF below Extensive (p25): its
    next step is Extensive support. The p15-16 referral is for a CAF failing at Extensive (then the
    decision is Child in Need), so the action must not tell the practitioner to refer now."""
    seen = 0
    for needs, below in itertools.product(FAILING_CAF_NEEDS, BELOW_EXTENSIVE):
        d = evaluate(make_case(needs, caf="open_not_improving", **below))
        if d.level != "extensive":
            assert d.level == "child_in_need" and not below, (needs, below)  # level not given, Extensive needs: the higher
            continue
        seen += 1
        said = [a for a in d.actions if a.startswith("You said the CAF is not improving")]
        assert len(said) == 1, (needs, below, d.actions)
        assert "the next step is Extensive support" in said[0] and "p25" in said[0], said
        assert "If the CAF at Extensive support then does not improve outcomes, refer to Children's Social Care" in said[0], said
        assert "the document says to refer" not in said[0]
    assert seen == 5


def test_a_concerned_person_not_caf_trained_is_not_given_the_professionals_steps():
    """p4: a concerned person who is not CAF trained contacts Children and Families Direct. The CAF's
    steps (a Team around the Child, a Lead Professional, the plan and its reviews) are the professionals'
    who then support the family; a parent or neighbour once read them as their own to-do list."""
    for level, caller, caf, consent, opened in itertools.product(NEEDS, CALLERS, CAFS, CONSENT, OPEN):
        d = evaluate(make_case(NEEDS[level], **_context(caller, caf, consent), **opened))
        if d.level != level:
            continue
        steps = [a for a in d.actions if a.startswith(PROFESSIONALS_STEPS)]
        where = (level, caller, caf, consent, opened)
        if caller in ("parent_carer", "public"):
            assert steps == [], (where, steps)
            said = [a for a in d.actions if "not CAF trained" in a or "already open to Children's Social Care" in a]
            assert said, (where, d.actions)
            if not opened:
                assert "are for the professionals who then support the family" in said[0], said
        elif consent is False:  # review 9 G2: the CAF's own steps are the early help the family refused
            assert all(a.startswith("If the CAF is not improving outcomes") for a in steps), (where, steps)
        elif opened:  # review 10 H6: for an open child the CAF's process is agreed with the social worker (p6, p37)
            assert all(a.startswith("If the CAF is not improving outcomes") for a in steps), (where, steps)
        else:
            assert steps, where  # a professional keeps the level's steps
