"""Review 12, H3 and H8: the "may have been under 13 when the pregnancy began" reading
(`age_entailments.pregnancy_under_13`), at the child's oldest age and for the young person's own age.

H3: the window counted back from the child's YOUNGEST age. "May have been" needs the OLDEST: a child of
"N months" is N to N+1 months old (exclusive), "Y years" with no months is 12Y to 12Y+12 months. A parent of
14 with a child of 2 months, 15 with 14 months, 15 with a child of "1" (years only) ... got no prompt.
H8: the reading was not applied where the pregnant young person is the child assessed (a girl of 13y0m-13y9m
"Pregnant under 16"), nor asked where the age it needs is not given (a teenage parent of 14 whose baby's age
is not given; a parent's age with a child of no given age).

The oracle is the arithmetic, written here, in whole months (under 13: a start before 156 months):
    parent of P years (12P to 12P+12), child cmin to cmax (exclusive):
        certain   12P < 156, or 12P + 12 - cmin - SHORTEST <= 156  (the oldest start, exclusive, at the shortest)
        possible  not certain and 12P - cmax - TERM < 156         (the youngest start, at the longest)
    the child's own age c (no parent's age): she is pregnant now, so the pregnancy began between now and TERM
        ago: certain under 13 now (c < 156); possible where c - TERM < 156 (c is her youngest); a parenthood
        whose child's age is not given bounds no start: asked.
"""

from __future__ import annotations

import pytest

from pathway import Case, CaseError
from rules import evaluate
from tests.conftest import IN_HOURS, OUT_OF_HOURS

SHORTEST, TERM, UNDER_13, AT_BIRTH = 4, 10, 156, 120  # months: the catalogue's declared readings, checked below
PROMPT = "age.entailment_pregnancy_start_possible"
ASK = "age.entailment_age_unknown"
PLAIN = "universal.physically_well"
TEENAGE = "extensive.teenage_parents_with_concerns"
U17, U16 = "additional.pregnant_under_17", "extensive.pregnant_under_16"
CARE_LEAVER, MATERNAL = "extensive.pregnant_care_leavers", "additional.poor_maternal_health_not"
PREVIOUS = "protection.pregnancy_where_there_have"
ENTAILING = [U17, U16, TEENAGE, CARE_LEAVER, MATERNAL, PREVIOUS]
# whose words state a pregnancy now (p13-17): the pregnancy began up to TERM ago
PREGNANT_NOW = {U17, U16, CARE_LEAVER, PREVIOUS}
LEVEL = {U17: "additional", U16: "extensive", TEENAGE: "extensive", CARE_LEAVER: "extensive"}
LEVEL |= {MATERNAL: "additional", PREVIOUS: "protection", PLAIN: "universal"}
# the young parent each need's words allow, in months (min, max), for the reading "the child is the
# young person's child" (p13-16; teenage read as 13 to 19, care leavers 16 to 25); None: no parent's age
PARENT_BAND = {U17: (None, 203), U16: (None, 191), TEENAGE: (156, 239), CARE_LEAVER: (192, 311), MATERNAL: None, PREVIOUS: None}


def case(indicators, child, parent_years=None, **context):
    body = {"child": child, "indicators": list(indicators), "context": {"contact_time": IN_HOURS, **context}}
    if parent_years is not None:
        body["parent"] = {"age_years": parent_years}
    return Case.parse(body)


def rules_of(d, rule):
    return [g for g in d.guidance if g.rule == rule]


def ages():
    """(child answer, cmin, cmax exclusive, words for the child): months given 0-71, years only 0-5, not given."""
    for m in range(72):
        yield {"age_years": m // 12, "age_months": m % 12}, m, m + 1, f"{m // 12} years {m % 12} months"
    for y in range(6):
        yield {"age_years": y}, 12 * y, 12 * y + 12, f"{y} year{'' if y == 1 else 's'} (months not given)"
    yield {}, None, None, None


def test_the_readings_are_the_catalogues(catalogue):
    [entry] = catalogue.age_entailments
    assert (entry.min_gestation.months, entry.term_gestation.months) == (SHORTEST, TERM)
    assert catalogue.band(entry.subject_band).max_months == UNDER_13 - 1
    assert catalogue.age.parent.min_years_at_birth * 12 == AT_BIRTH
    assert sorted(entry.indicators) == sorted(ENTAILING)
    assert sorted(entry.pregnant_now) == sorted(PREGNANT_NOW) and entry.pregnant_now_why


@pytest.mark.parametrize("indicator", [PLAIN, TEENAGE])
@pytest.mark.parametrize("parent", range(10, 20))
def test_h3_every_parent_and_child_age_at_the_childs_oldest(catalogue, indicator, parent):
    seen = {"certain": 0, "possible": 0, "asked": 0, "neither": 0}
    for child, cmin, cmax, words in ages():
        c = case([indicator], child, parent)
        if not catalogue.admits(catalogue.indicator(indicator), c.child.unborn, c.child.age_in_months, c.parent.age_in_months):
            continue
        try:
            d = evaluate(c)
        except CaseError:
            assert cmin is not None and 12 * parent + 11 - cmin < AT_BIRTH, (parent, child)  # too young at the birth
            continue
        prompt, ask = rules_of(d, PROMPT), rules_of(d, ASK)
        if cmin is None:  # a child of no given age: the start is not bounded by it
            certain = 12 * parent < UNDER_13
            assert (d.level == "protection" and d.immediate) is certain, (parent, d.level)
            assert bool(ask) is not certain and not prompt, (parent, [g.rule for g in d.guidance])
            seen["asked" if ask else "certain"] += 1
            continue
        certain = 12 * parent < UNDER_13 or 12 * parent + 12 - cmin - SHORTEST <= UNDER_13
        possible = not certain and 12 * parent - cmax - TERM < UNDER_13
        assert (d.level == "protection" and d.immediate) is certain, (parent, child, d.level)
        assert bool(prompt) is possible, (parent, child, [g.text for g in d.guidance])
        assert not ask, (parent, child)
        if possible:
            assert (d.level.value, d.immediate) == (LEVEL[indicator], False)
            [g] = prompt
            assert f"with a child of {words}, a parent of {parent} years was " in g.text, g.text
            start_youngest = max(12 * parent - cmax - TERM, 0)
            assert f"was {start_youngest // 12} years {start_youngest % 12} months to " in g.text, g.text
            assert "If it did, ring Children and Families Direct now on 0115 876 4800" in g.text
        seen["certain" if certain else "possible" if possible else "neither"] += 1
    if parent >= 13:  # a parent of 13: every child is certain or possible (168 - 0 - 10 < 156 ... certain from 8 months)
        assert seen["possible"] and seen["asked"] and (seen["neither"] or parent == 13), seen


@pytest.mark.parametrize(
    ("parent", "child", "prompted"),
    [
        # the review's misses, and the month either side: 12P - cmax - 10 < 156
        (14, {"age_years": 0, "age_months": 1}, False),  # 168 - 2 - 10 = 156
        (14, {"age_years": 0, "age_months": 2}, True),  # 168 - 3 - 10 = 155
        (15, {"age_years": 1, "age_months": 1}, False),  # 180 - 14 - 10 = 156
        (15, {"age_years": 1, "age_months": 2}, True),  # 180 - 15 - 10 = 155
        (16, {"age_years": 2, "age_months": 1}, False),  # 192 - 26 - 10 = 156
        (16, {"age_years": 2, "age_months": 2}, True),  # 192 - 27 - 10 = 155
        # years only: 12Y to 12Y + 12
        (15, {"age_years": 1}, True),  # 180 - 24 - 10 = 146
        (16, {"age_years": 2}, True),  # 192 - 36 - 10 = 146
        (17, {"age_years": 3}, True),  # 204 - 48 - 10 = 146
        (18, {"age_years": 4}, True),  # 216 - 60 - 10 = 146
        (18, {"age_years": 3}, False),  # 216 - 48 - 10 = 158
        (17, {"age_years": 2}, False),  # 204 - 36 - 10 = 158
    ],
)
def test_h3_the_edges_on_both_sides(parent, child, prompted):
    d = evaluate(case([TEENAGE], child, parent))
    assert not d.immediate and bool(rules_of(d, PROMPT)) is prompted


def test_h3_years_only_is_said_without_months_the_user_did_not_give():
    [g] = rules_of(evaluate(case([TEENAGE], {"age_years": 1}, 15)), PROMPT)
    assert "a child of 1 year (months not given)" in g.text and "1 years 0 months" not in g.text, g.text
    assert "a parent of 15 years was 12 years 2 months to 14 years 1 months old" in g.text, g.text  # 180-24-10; 191-12-10


def own_expected(indicator: str, c: int) -> str:
    """The child's own age c (youngest, months), no parent's age: 'immediate', 'prompt', 'ask' or 'none'."""
    if c < UNDER_13:
        r1 = "in"
    elif indicator in PREGNANT_NOW:
        r1 = "possible" if c - TERM < UNDER_13 else "out"
    else:
        r1 = "unknown"  # a parenthood (or a maternity) whose child's age is not given
    readings = {r1}
    band = PARENT_BAND[indicator]
    if band is None:
        if c < UNDER_13:
            readings.add("unknown")  # the child as the young person's baby: the parent's age is not bounded
    else:
        low, high = band
        if (low is None or c < low) and high - c >= AT_BIRTH:
            readings.add("in" if high - c - SHORTEST < UNDER_13 else "out")
    if readings == {"in"}:
        return "immediate"
    if readings == {"out"}:
        return "none"
    if readings in ({"possible"}, {"possible", "out"}):
        return "prompt"
    return "ask"


@pytest.mark.parametrize("indicator", ENTAILING)
def test_h8_the_childs_own_age_12y0m_to_16y11m_against_the_arithmetic(catalogue, indicator):
    seen = set()
    answers = [({"age_years": m // 12, "age_months": m % 12}, m, f"{m // 12} years {m % 12} months") for m in range(144, 204)]
    answers += [({"age_years": y}, 12 * y, f"{y} years (months not given)") for y in range(12, 17)]
    for child, c, words in answers:
        if not catalogue.admits(catalogue.indicator(indicator), False, c):
            continue
        expected = own_expected(indicator, c)
        seen.add(expected)
        d = evaluate(case([indicator], child))
        prompt, ask = rules_of(d, PROMPT), rules_of(d, ASK)
        got = "immediate" if d.immediate else "prompt" if prompt and not ask else "ask" if ask and not prompt else "none" if not (prompt or ask) else "both"
        assert got == expected, (indicator, child, got, expected)
        if expected != "immediate":
            assert d.level.value == LEVEL[indicator], (indicator, child, d.level)
        if expected == "prompt":
            [g] = prompt
            start = c - TERM
            assert f"a young person of {words} now" in g.text, g.text
            assert f"when she was {start // 12} years {start % 12} months" in g.text, g.text
            assert "If it did, ring Children and Families Direct now on 0115 876 4800" in g.text, g.text
    if indicator in (U16, U17):
        assert seen == {"immediate", "prompt", "none"}, seen
    if indicator in (TEENAGE, MATERNAL):
        assert "ask" in seen, seen


@pytest.mark.parametrize(
    ("indicator", "child", "expected"),
    [
        (U16, {"age_years": 13, "age_months": 0}, "prompt"),  # 156 - 10 = 146
        (U16, {"age_years": 13, "age_months": 9}, "prompt"),  # 165 - 10 = 155
        (U16, {"age_years": 13, "age_months": 10}, "none"),  # 166 - 10 = 156
        (U16, {"age_years": 14, "age_months": 0}, "none"),
        (U17, {"age_years": 13, "age_months": 5}, "prompt"),  # 161 - 10 = 151
        (U16, {"age_years": 13}, "prompt"),  # years only: at the youngest, 156 - 10
        (PREVIOUS, {"age_years": 13, "age_months": 9}, "prompt"),
        (MATERNAL, {"age_years": 13}, "ask"),  # her own concealed pregnancy or post natal depression: when, not given
        (TEENAGE, {"age_years": 14}, "ask"),  # her baby's age not given
        (TEENAGE, {"age_years": 15}, "ask"),
        (TEENAGE, {"age_years": 12, "age_months": 11}, "immediate"),
    ],
)
def test_h8_the_reviews_cases(indicator, child, expected):
    d = evaluate(case([indicator], child))
    assert d.immediate is (expected == "immediate")
    assert bool(rules_of(d, PROMPT)) is (expected == "prompt"), [g.rule for g in d.guidance]
    assert bool(rules_of(d, ASK)) is (expected == "ask"), [g.rule for g in d.guidance]


def test_h8_the_own_age_prompt_names_whom_to_ring_at_night():
    [g] = rules_of(evaluate(case([U16], {"age_years": 13, "age_months": 2}, contact_time=OUT_OF_HOURS)), PROMPT)
    assert "ring the Emergency Duty Team now on 0115 876 1000" in g.text, g.text


def test_h8_the_ask_says_when_the_pregnancy_began_is_needed():
    [g] = rules_of(evaluate(case([TEENAGE], {"age_years": 14})), ASK)
    assert "when the pregnancy began" in g.text, g.text
