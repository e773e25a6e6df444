"""Review 10, H1, the unborn baby: the young parent's age given and the baby not yet born. There is no
birth to count back from: the pregnancy began at most the longest pregnancy ago, past term (the
catalogue's declared `term_gestation`, 10 months since review 11) and at least now. A parent given in whole years is N years 0 months
to N years 11 months now. The oracle is the arithmetic, written here (not the rules'), in years:

    certain:  even the latest start (now), the parent at the oldest (N + 11/12), under 13  -> N < 13:
              'Sexual activity under 13' (Protection, p17), cross-walked to p9: an immediate referral
    possible: not certain, but at the earliest start (term ago) the parent at the youngest (N - 10/12)
              under 13: the prompt `age.entailment_pregnancy_start_possible`, the level not raised
    otherwise neither (a parent of 14 was at least 13y2m when a pregnancy of at most 10 months began).

Before this, a pregnant parent of 13 was decided without a word that the pregnancy may have begun
before 13.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from pathway import Case, CaseError
from rules import evaluate
from tests.conftest import IN_HOURS, OUT_OF_HOURS

TERM = 10  # months: the catalogue's declared `term_gestation`, checked below
PROMPT = "age.entailment_pregnancy_start_possible"
# needs an unborn baby may have, with the level each gives alone (p9, p11-17): the parent's age states the
# parenthood whatever is chosen; the needs whose words state a pregnancy or parenthood; an immediate one
LEVEL = {
    "universal.parents_carers_provide_secure": ("universal", False),
    "additional.pregnant_under_17": ("additional", False),
    "extensive.pregnant_under_16": ("extensive", False),
    "extensive.teenage_parents_with_concerns": ("extensive", False),
    "immediate.allegation_or_disclosure": ("protection", True),
}


def unborn_case(indicators, parent_years, **context):
    body = {"child": {"unborn": True}, "indicators": list(indicators), "parent": {"age_years": parent_years}}
    return Case.parse({**body, "context": {"contact_time": IN_HOURS, **context}})


def certain(parent: int) -> bool:
    return parent + Fraction(11, 12) < 13  # the oldest now, the latest start


def possible(parent: int) -> bool:
    return not certain(parent) and parent - Fraction(TERM, 12) < 13  # the youngest now, the earliest start


def prompts(d):
    return [g for g in d.guidance if g.rule == PROMPT]


def test_the_term_is_the_catalogues_declared_reading(catalogue):
    [entry] = catalogue.age_entailments
    assert entry.term_gestation.months == TERM and entry.term_gestation.interpretation is True


def test_the_oracle_says_what_the_review_says():
    assert [p for p in range(10, 20) if certain(p)] == [10, 11, 12]
    assert [p for p in range(10, 20) if possible(p)] == [13]


@pytest.mark.parametrize("indicator", sorted(LEVEL))
@pytest.mark.parametrize("parent", range(10, 20))
def test_every_parent_age_of_an_unborn_baby_against_the_arithmetic(catalogue, indicator, parent):
    c = unborn_case([indicator], parent)
    if not catalogue.admits(catalogue.indicator(indicator), True, None, parent * 12):
        with pytest.raises(CaseError):
            evaluate(c)
        return
    d = evaluate(c)
    said = prompts(d)
    entailed = [r for r in d.reasons if r.rule == "age.entailment"]
    assert bool(entailed) is certain(parent), (indicator, parent, [r.rule for r in d.reasons])
    if certain(parent):
        assert (d.level, d.immediate) == ("protection", True), (indicator, parent)
        assert not said
        return
    assert (d.level, d.immediate) == LEVEL[indicator], (indicator, parent)  # never raised on "possible"
    assert bool(said) is possible(parent), (indicator, parent, [g.text for g in d.guidance])
    if said:
        [g] = said
        youngest_at_start = parent * 12 - TERM
        assert f"{parent} years" in g.text and f"up to {TERM} months ago" in g.text, g.text
        assert f"{youngest_at_start // 12} years {youngest_at_start % 12} months" in g.text, g.text
        assert "may have been under 13 when the pregnancy began" in g.text and "probably" not in g.text, g.text
        assert "a child of" not in g.text, g.text  # no birth yet
        assert "This tool's reading" in g.text and "'Sexual activity under 13' (Protection, p17), an immediate referral (p9)" in g.text
        if d.immediate:
            assert "If it did, say so in the referral you are making now" in g.text and " ring " not in g.text
        else:
            assert "If it did, ring Children and Families Direct now on 0115 876 4800" in g.text, g.text


@pytest.mark.parametrize(
    "context",
    [
        {},
        {"contact_time": OUT_OF_HOURS},
        {"open_to_social_care": True},
        {"open_to_social_care": True, "caller": "public"},
        {"disability": "substantial_lifelong"},
        {"disability": "substantial_lifelong", "caller": "parent_carer"},
    ],
)
def test_the_unborn_prompt_names_whom_an_immediate_referral_of_this_case_rings_now(context):
    need = ["extensive.pregnant_under_16"]
    referral = evaluate(unborn_case(need, 12, **context))  # certainly under 13: immediate
    assert referral.immediate
    d = evaluate(unborn_case(need, 13, **context))
    [g] = prompts(d)
    assert not d.immediate
    assert referral.route.via.lower() in g.text.lower(), (context, referral.route.via, g.text)
    first = referral.actions[0]
    if first.startswith("Ring "):
        assert "If it did, r" + first.split(":")[0][1:] in g.text, (first, g.text)
