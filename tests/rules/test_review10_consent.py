"""Review 10 (rules) H5: consent to early help refused. p7: "Children and Families practitioners
gain informed consent to share information about the child / family through the CAF process", and
where parents or children do not consent to Early Help, the lead professional judges (with the line
manager) whether the needs will escalate without help, and then considers a referral. So, oracle:

- with consent refused and no CAF open, no nearby case opens a CAF (the what-if offers no CAF flip);
  a CAF said to be open is read as given, its own lines kept and flagged (review 22, N11); p4's
  judgement stays (p7's own route is a referral);
- consent refused beside a CAF said to be open is named as a contradiction (guidance `context.*`),
  not refused: a CAF may have been open before consent was withdrawn;
- with consent refused and no CAF open, no action speaks of a CAF failing; p4's Child in Need test
  still leads to a referral."""

from __future__ import annotations

import itertools

import pytest

from rules import evaluate
from rules.what_if import nearby
from tests.conftest import make_case

NEEDS = {
    "universal": ["universal.supports_development_through_interaction"],
    "additional": ["additional.lack_routine"],
    "extensive": ["extensive.behaviour_problems_school_likely"],
}
CAF_FLIPS = ("A CAF open and not improving", "The CAF improving outcomes")
JUDGEMENT = "Your judgement that the child is unlikely to achieve a reasonable standard"
# a parent, carer or member of the public: the same judgement, said as theirs (review 13, J3)
JUDGEMENT_THEIRS = "Your own judgement, as a parent, carer or member of the public, that the child is unlikely to achieve a reasonable standard"
CONTRADICTION = "context.consent_refused_caf_open"


def _lines(case):
    w = nearby(case, evaluate(case))
    return [c.text for c in w.up + w.down]


CAFS = [None, "none", "open_improving", "open_not_improving"]


@pytest.mark.parametrize("level, caf, caller", list(itertools.product(NEEDS, CAFS, [None, "professional", "parent_carer"])))
def test_consent_refused_offers_no_caf_flip_and_keeps_the_judgement(level, caf, caller):
    """With no CAF open, none is opened (H5). A CAF said to be open beside the refusal is read as given by
    the level, so its own line stays where it moves the level (review 22, N11: without it the list said
    "No single change to these answers would change the level" beside a failing CAF at Extensive), flagged
    as the tool's reading; at Extensive with the support now not given, p15-16's failing CAF is Child in Need."""
    context = {k: v for k, v in {"caf": caf, "caller": caller}.items() if v is not None}
    case = make_case(NEEDS[level], age_years=12, consent_to_early_help=False, **context)
    w = nearby(case, evaluate(case))
    lines = [c.text for c in w.up + w.down]
    flips = [c for c in w.up + w.down if c.text.startswith(CAF_FLIPS)]
    if caf in ("open_improving", "open_not_improving") and level == "extensive":
        assert [(c.text, c.level.value, c.interpretation) for c in flips] == [
            ("A CAF open and not improving outcomes", "child_in_need", True) if caf == "open_improving" else ("The CAF improving outcomes", "extensive", True)
        ]
    else:
        assert not flips, lines
    if evaluate(case).level.value != "child_in_need":
        assert any(line.startswith(JUDGEMENT_THEIRS if caller == "parent_carer" else JUDGEMENT) for line in lines), lines


@pytest.mark.parametrize("consent", [None, True])
def test_with_consent_not_refused_the_caf_flip_is_still_offered(consent):
    context = {} if consent is None else {"consent_to_early_help": consent}
    lines = _lines(make_case(NEEDS["extensive"], age_years=12, **context))
    assert any(line.startswith("A CAF open and not improving") for line in lines), lines


@pytest.mark.parametrize("caf", ["open_improving", "open_not_improving"])
@pytest.mark.parametrize("caller", [None, "professional", "parent_carer", "public"])
@pytest.mark.parametrize("level", list(NEEDS))
def test_consent_refused_beside_a_caf_open_is_named_not_refused(caf, caller, level):
    context = {"caller": caller} if caller else {}
    d = evaluate(make_case(NEEDS[level], age_years=12, consent_to_early_help=False, caf=caf, **context))
    named = [g for g in d.guidance if g.rule == CONTRADICTION]
    assert len(named) == 1, [g.rule for g in d.guidance]
    assert "withdrawn consent" in named[0].text and "p7" in named[0].source


@pytest.mark.parametrize("caf", [None, "none", "open_improving", "open_not_improving"])
def test_the_contradiction_is_only_for_consent_refused_beside_a_caf(caf):
    for consent in (None, True):
        context = {k: v for k, v in {"caf": caf, "consent_to_early_help": consent}.items() if v is not None}
        d = evaluate(make_case(NEEDS["extensive"], age_years=12, **context))
        assert not any(g.rule == CONTRADICTION for g in d.guidance)
    if caf in (None, "none"):
        d = evaluate(make_case(NEEDS["extensive"], age_years=12, consent_to_early_help=False, **({"caf": caf} if caf else {})))
        assert not any(g.rule == CONTRADICTION for g in d.guidance)


@pytest.mark.parametrize("caf", [None, "none"])
def test_consent_refused_with_no_caf_speaks_of_no_caf_failing(caf):
    context = {"caf": caf} if caf else {}
    d = evaluate(make_case(NEEDS["extensive"], age_years=12, consent_to_early_help=False, caller="professional", **context))
    assert d.level.value == "extensive"
    assert not any("CAF is not improving" in a for a in d.actions), d.actions
    referral = [a for a in d.actions if "unlikely to achieve a reasonable standard" in a and "refer to Children's Social Care" in a]
    assert len(referral) == 1, d.actions


# Appendix 3, Information Sharing and Consent (p37): "In cases where agencies encounter concerns about a
# child's welfare that may constitute a criminal offence against the child, they must always consider
# sharing that information with children's Social Care or the police ... If agencies decide not to share
# this information, the reasons for this must be recorded." Said where consent is refused at a referral
# into Social Care (the lead's addition this session; the page's words, not a reading).
CRIMINAL_OFFENCE = (
    "Where a concern may be a criminal offence against the child, always consider sharing it with Children's "
    "Social Care or the police; if you decide not to share it, record the reasons."
)


@pytest.mark.parametrize("consent", [False, True, None])
def test_a_possible_criminal_offence_is_considered_for_sharing_where_consent_is_refused(consent):
    case = make_case(["protection.chronic_substance_misuse"], caller="professional", consent_to_early_help=consent)
    said = [g for g in evaluate(case).guidance if CRIMINAL_OFFENCE in g.text]
    assert len(said) == (1 if consent is False else 0)
    if said:
        assert said[0].source == "Appendix 3 - Information Sharing and Consent, p37"
