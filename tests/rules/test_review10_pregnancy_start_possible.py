"""Review 10, H1 follow-up: between 'certainly under 13 when the pregnancy began' (counted back by the
catalogue's declared shortest pregnancy, `min_gestation`) and the longest pregnancy, past term (`term_gestation`, 10 months),
the young parent may have been, not certainly, under 13 when it began: a parent of 13 with a baby of 0-7
months, 14 with 3-19 months, ... (the youngest the whole years allow at the start of the longest pregnancy; at
first the oldest, which left out a parent of 13 with a newborn). Those cases got no word. Now the level is not raised, but the decision
says, as this tool's reading, that if the pregnancy began before the parent was 13 it is 'Sexual activity
under 13' (Protection, p17), an immediate referral (p9), and whom to ring for it now.

The oracle is the arithmetic, written here (not the rules'): whole years for the parent (13 is 13y0m to
13y11m), whole months for the child, so the oldest the parent can have been when a pregnancy of g months
began is parent_years + 11/12 - child_months/12 - g/12, and the youngest parent_years - child_months/12 - g/12.
    certain:  the oldest < 13 at g = 4 (the shortest) -> immediate (as before)
    possible: not certain, but the youngest < 13 at g = 9 (term) -> the prompt, the level unchanged
    otherwise neither.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from pathway import Case, CaseError
from rules import evaluate
from tests.conftest import IN_HOURS, OUT_OF_HOURS

SHORTEST, TERM = 4, 10  # months: the catalogue's declared readings, checked below
PLAIN = "universal.physically_well"
TEENAGE = "extensive.teenage_parents_with_concerns"
LEVEL = {PLAIN: "universal", TEENAGE: "extensive"}
PROMPT = "age.entailment_pregnancy_start_possible"
UNKNOWN = "age.entailment_age_unknown"
# the child's-own-age path: the oldest young parent each need's words allow, in months (p13-16; teenage
# read as 13 to 19); a parent at least 10 at the birth (the catalogue's age.parent)
OLDEST_PARENT = {"additional.pregnant_under_17": 16 * 12 + 11, "extensive.pregnant_under_16": 15 * 12 + 11, TEENAGE: 19 * 12 + 11}


def case(indicators, child, parent_years=None, **context):
    body = {"child": child, "indicators": list(indicators), "context": {"contact_time": IN_HOURS, **context}}
    if parent_years is not None:
        body["parent"] = {"age_years": parent_years}
    return Case.parse(body)


def child_of(months):
    return {"age_years": months // 12, "age_months": months % 12}


def oldest_at_start(parent_years: int, child_months: int, gestation: int) -> Fraction:
    return parent_years + Fraction(11, 12) - Fraction(child_months, 12) - Fraction(gestation, 12)


def youngest_at_start(parent_years: int, child_months: int, gestation: int) -> Fraction:
    return parent_years - Fraction(child_months, 12) - Fraction(gestation, 12)


def prompts(d, rule=PROMPT):
    return [g for g in d.guidance if g.rule == rule]


def test_the_windows_edges_are_the_catalogues_declared_readings(catalogue):
    [entry] = catalogue.age_entailments
    assert entry.min_gestation.months == SHORTEST
    term = entry.term_gestation
    assert term.months == TERM and term.interpretation is True and "reading" in term.why
    g = catalogue.guidance.age_entailment_pregnancy_start_possible
    assert g.interpretation is True and g.why and "This tool's reading" in g.text


@pytest.mark.parametrize("indicator", [PLAIN, TEENAGE])
@pytest.mark.parametrize("parent", range(10, 20))
def test_every_parent_and_child_age_against_the_arithmetic(catalogue, indicator, parent):
    windows = []
    for months in [None, *range(72)]:
        child = {"unborn": True} if months is None else child_of(months)
        c = case([indicator], child, parent)
        if not catalogue.admits(catalogue.indicator(indicator), c.child.unborn, c.child.age_in_months, c.parent.age_in_months):
            continue
        if months is not None and parent * 12 + 11 - months < 10 * 12:  # too young at the birth: refused
            with pytest.raises(CaseError):
                evaluate(c)
            continue
        if months is None:  # unborn: it began between now and a term ago (fix10u; the oracle is test_review10_pregnancy_start_unborn.py's)
            certain = parent + Fraction(11, 12) < 13
            possible = not certain and parent - Fraction(TERM, 12) < 13
        else:
            certain = parent < 13 or oldest_at_start(parent, months, SHORTEST) < 13
            # at the youngest the years allow, the child at the oldest its months allow (exclusive: review 12, H3)
            possible = not certain and youngest_at_start(parent, months + 1, TERM) < 13
        d = evaluate(c)
        said = prompts(d)
        assert (d.level == "protection" and d.immediate) is certain, (indicator, parent, months, d.level)
        assert bool(said) is possible, (indicator, parent, months, [g.text for g in d.guidance])
        if possible and months is None:
            assert (d.level, d.immediate) == (LEVEL[indicator], False) and len(said) == 1 and "may have been under 13" in said[0].text
        elif possible:
            windows.append(months)
            assert (d.level, d.immediate) == (LEVEL[indicator], False)
            [g] = said
            assert "This tool's reading" in g.text and "'Sexual activity under 13' (Protection, p17)" in g.text
            assert "immediate referral (p9)" in g.text and "If it did, ring Children and Families Direct now on 0115 876 4800" in g.text
            child_words = f"with a child of {months // 12} years {months % 12} months"
            assert f"may have been under 13 when the pregnancy began: {child_words}, a parent of {parent} years was " in g.text
            assert not d.reasons or all(r.rule != "age.entailment" for r in d.reasons)
    if parent >= 13:  # a parent of 13: 0 to 7 months; of 14: 2 to 19; of 15: 14 to 31 ... (review 12, H3)
        first = max(0, (parent - 13) * 12 - TERM)
        last = (parent - 13) * 12 + 11 - SHORTEST
        expected = [m for m in range(first, last + 1) if m < 72]
        assert windows == expected, (parent, windows)


# whom to ring for the referral the prompt names: the route an immediate referral of the same case takes
# (a parent of 12: certainly under 13), by the decision's own route rules
@pytest.mark.parametrize(
    "context",
    [
        {},
        {"contact_time": OUT_OF_HOURS},
        {"open_to_social_care": True},
        {"open_to_social_care": True, "caller": "public"},
        {"open_to_social_care": True, "contact_time": OUT_OF_HOURS},
        {"disability": "substantial_lifelong"},
        {"disability": "substantial_lifelong", "large_sibling_group": True},
        {"disability": "substantial_lifelong", "caller": "parent_carer"},  # review 10 H4: Children and Families Direct
        {"disability": "substantial_lifelong", "caller": "public"},
    ],
)
def test_the_prompt_names_whom_an_immediate_referral_of_this_case_rings_now(context):
    referral = evaluate(case([PLAIN], child_of(5), 12, **context))
    assert referral.immediate
    d = evaluate(case([PLAIN], child_of(5), 13, **context))
    [g] = prompts(d)
    assert not d.immediate
    first = referral.actions[0]  # "Ring X now on N: do not wait ..." or the open case's own words
    assert referral.route.via.lower() in g.text.lower(), (context, referral.route.via, g.text)
    if first.startswith("Ring "):
        assert "If it did, r" + first.split(":")[0][1:] in g.text, (first, g.text)


def test_a_decision_already_immediate_says_it_in_the_call():
    d = evaluate(case([PLAIN, "protection.sexual_exploitation"], child_of(5), 13))
    assert d.immediate
    [g] = prompts(d)
    assert "ring " not in g.text.lower() and "If it did, say so in the referral you are making now" in g.text


def test_sexual_activity_under_13_chosen_needs_no_prompt():
    d = evaluate(case([PLAIN, "protection.sexual_activity_under_13"], child_of(5), 13))
    assert d.immediate and not prompts(d)


@pytest.mark.parametrize("indicator", sorted(OLDEST_PARENT))
def test_the_childs_own_age_path_is_asked_across_the_window(catalogue, indicator):
    """No parent's age: the child is the young person (under 13 if the child is) or the young person's child,
    whose parent is at most the oldest the need's words allow. Certain at the shortest pregnancy ->
    immediate; possible at term but not certain -> asked (the readings differ: the existing prompt, which
    asks for the parent's age), the level unchanged; otherwise neither."""
    oldest_parent = OLDEST_PARENT[indicator]
    youngest_parent = catalogue.band(catalogue.indicator(indicator).age_band).min_months or 0
    for months in range(20 * 12):
        if not catalogue.admits(catalogue.indicator(indicator), False, months):
            continue
        if months < 13 * 12:
            shortest, term = {True}, {True}
        elif indicator == TEENAGE:  # 13 or more: her child's age not given, the start not bounded (asked, review 12 H8)
            shortest, term = {None}, {None}
        else:  # pregnant now: it began between now and a term ago, at the youngest her age allows (review 12 H8)
            shortest, term = {False}, {months - TERM < 13 * 12}
        if (months < youngest_parent or youngest_parent == 0) and oldest_parent - months >= 10 * 12:
            shortest.add(Fraction(oldest_parent - months - SHORTEST, 12) < 13)
            term.add(Fraction(oldest_parent - months - TERM, 12) < 13)
        certain = shortest == {True}
        possible = not certain and True in term
        d = evaluate(case([indicator], child_of(months)))
        asked = prompts(d, UNKNOWN) + prompts(d)
        assert (d.level == "protection" and d.immediate) is certain, (indicator, months)
        assert bool(asked) is (not certain and (len(shortest) > 1 or None in shortest or possible)), (indicator, months)
        if possible:
            assert (d.level, d.immediate) == (catalogue.indicator(indicator).level.value, False)
    # the window itself (a parent at the oldest probably under 13): 'Teenage parents with concerns', 6y3m-6y7m
    if indicator == TEENAGE:
        for months in range(75, 80):
            d = evaluate(case([TEENAGE], child_of(months)))
            assert not d.immediate and prompts(d, UNKNOWN), months


def test_beside_an_immediate_referral_it_is_said_in_the_call_not_after_it(catalogue):
    d = evaluate(case([PLAIN, "protection.sexual_exploitation"], child_of(5), 13))
    [g] = prompts(d)
    assert not g.text.startswith(catalogue.guidance.after_the_call.text), g.text
