"""Review 9, G2: consent to early help refused, the actions still listed the CAF's own steps (a Team around
the Child, a Lead Professional, the CAF plan, review meetings, bringing services together) beside p7's
guidance that the lead professional judges whether the needs will escalate without help.

The oracle is the document's words: the CAF's steps are the Additional and Extensive boxes' actions
(p13-14, p15-16), written out here by hand; p7's judgement and its referral are kept. Every Additional
and Extensive need, alone, with consent refused, for a professional.
"""

from __future__ import annotations

import pytest

from pathway import Case, load_catalogue
from pathway.levels import Level
from rules import evaluate
from tests.conftest import IN_HOURS

CAT = load_catalogue()

# the CAF's own steps, in the boxes' words (p13-14 Additional; p15-16 Extensive)
CAF_STEPS = [
    "Initiate a CAF",
    "multi-agency CAF",
    "Bring services together",
    "Team around the Child",
    "Lead Professional",
    "CAF plan",
    "specialist assessments",
    "review meetings",
    "Multi-Agency Forum",
]
P7 = "discuss with your line manager whether the child's needs will escalate without help; if so, consider a referral to Children's Social Care"


def _decide(need, child=None, **context):
    raw = {"child": child or {"age_years": 9}, "indicators": [need], "context": {"contact_time": IN_HOURS, **context}}
    return evaluate(Case.parse(raw))


def _early_help_needs():
    out = []
    for ind in CAT.indicators:
        if ind.immediate or ind.level not in (Level.ADDITIONAL, Level.EXTENSIVE):
            continue
        if not CAT.admits(ind, False, 9 * 12):
            continue
        out.append(ind.id)
    return out


NEEDS = _early_help_needs()


def test_every_early_help_need_with_consent_refused_lists_p7s_judgement_and_none_of_the_cafs_steps():
    decided = {Level.ADDITIONAL: 0, Level.EXTENSIVE: 0}
    for need in NEEDS:
        d = _decide(need, consent_to_early_help=False, caller="professional")
        level = Level(d.level)
        if level not in decided:  # decided Child in Need by its own reading: p37's consent words apply
            assert "consent.social_care" in [g.rule for g in d.guidance], need
            continue
        decided[level] += 1
        for step in CAF_STEPS:
            hits = [a for a in d.actions if step.lower() in a.lower()]
            assert not hits, (need, step, hits)
        assert any(P7 in a for a in d.actions), (need, d.actions)
        [g] = [g for g in d.guidance if g.rule == "consent.refused_early_help"]
        assert "lead professional, with advice from their line manager" in g.text and "This tool's reading" in g.text
        # the level is the needs' own: consent changes what is done, not the level
        assert Level(_decide(need).level) is level, need
    assert decided[Level.ADDITIONAL] > 40 and decided[Level.EXTENSIVE] > 30, decided


@pytest.mark.parametrize("consent", [True, None])
def test_with_consent_given_or_not_answered_the_cafs_steps_are_still_listed(consent):
    context = {} if consent is None else {"consent_to_early_help": consent}
    additional = _decide("additional.lack_routine", **context).actions
    extensive = _decide("extensive.serious_obesity", **context).actions
    for step in ("Initiate a CAF", "Bring services together", "Team around the Child", "Lead Professional"):
        assert any(step in a for a in additional), step
    for step in ("multi-agency CAF", "Form a Team around the Child", "Allocate a Lead Professional", "CAF plan", "review meetings", "Multi-Agency Forum"):
        assert any(step in a for a in extensive), step


def test_the_extensive_escalation_and_the_protection_needs_to_consider_stay_with_consent_refused():
    d = _decide("extensive.serious_obesity", consent_to_early_help=False)
    # review 10 H5: with no CAF open (consent refused) the escalation is p4's test alone, still a referral
    assert any(a.startswith("If the child is unlikely to achieve a reasonable standard") and "refer to Children's Social Care" in a for a in d.actions)
    assert "consent.refused_extensive" in [g.rule for g in d.guidance]


def test_a_care_leaver_with_consent_refused_has_none_of_the_cafs_steps_either():
    d = _decide("extensive.pregnant_care_leavers", {"age_years": 22}, consent_to_early_help=False)
    for step in CAF_STEPS:
        assert not [a for a in d.actions if step.lower() in a.lower()], step
    [g] = [g for g in d.guidance if g.rule == "consent.refused_early_help"]
    assert "The CAF's own steps" in g.text and "This tool's reading" in g.text
