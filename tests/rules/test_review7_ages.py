"""Review 7, F1, F5, F6 and F11: the age, scope and entailment class.

F1: a pregnancy or parenthood of a young person under 13, reached through any need whose words state a
pregnancy or parenthood, is 'Sexual activity under 13' (Protection, p17; this tool's reading, declared)
when the young person's age, given or implied by arithmetic, is under 13; a parent's age that nothing
reads, or that is impossible beside the child's, is refused naming the field.
F5: the needs about the duty to be educated start at compulsory school age (after the fifth birthday).
F6: a care-leaver need does not open the other needs to an adult of 20 to 25.
F11: 'Pregnancy where there have been previous child protection concerns' chosen for a child who is
not unborn points to p9's unborn-baby criterion.

The oracles are the document's words (tests/data/threshold_document.txt) and plain arithmetic.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pathway import Case, CaseError
from rules import evaluate
from tests.conftest import IN_HOURS
from tests.rules.oracle import oracle_level

DOCUMENT = " ".join((Path(__file__).parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())
UNDER_13 = 13 * 12  # months
MATERNAL = "additional.poor_maternal_health_not"
TEENAGE = "extensive.teenage_parents_with_concerns"
CARE_LEAVER = "extensive.pregnant_care_leavers"
PREVIOUS_CP = "protection.pregnancy_where_there_have"
# words that state a pregnancy or a parenthood of the young person (not a parent's care of a child)
PREGNANCY_WORDS = re.compile(r"\bpregnan|\bmaternal\b|\bante or post natal\b|\bteenage parents\b|\bcare-leavers?\b", re.I)


def case(indicators, child, parent_years=None, **context):
    body = {"child": child, "indicators": list(indicators), "context": {"contact_time": IN_HOURS, **context}}
    if parent_years is not None:
        body["parent"] = {"age_years": parent_years}
    return Case.parse(body)


def entailed(d):
    return [r for r in d.reasons if r.rule == "age.entailment"]


def prompted(d):
    return [g for g in d.guidance if g.rule == "age.entailment_age_unknown"]


# ------------------------------------------------------------------------------------------ F1
def test_every_need_whose_words_state_a_pregnancy_or_parenthood_entails_sexual_activity_under_13(catalogue):
    """The class, found by the words: each such need is in an age entailment that adds the p17 need."""
    stated = {i.id for i in catalogue.indicators if PREGNANCY_WORDS.search(i.text)}
    assert {MATERNAL, TEENAGE, CARE_LEAVER, PREVIOUS_CP, "additional.pregnant_under_17", "extensive.pregnant_under_16"} <= stated
    covered = {i for e in catalogue.age_entailments if e.adds == "protection.sexual_activity_under_13" for i in e.indicators}
    assert stated <= covered, sorted(stated - covered)
    for iid in stated:
        assert catalogue.indicator(iid).text.split(" (")[0].split(" – ")[0].lower() in DOCUMENT.lower()


@pytest.mark.parametrize(
    "indicators, child, parent",
    [
        ([MATERNAL], {"unborn": True}, 12),  # review 7 a11: a concealed pregnancy of a 12-year-old
        ([MATERNAL], {"age_years": 0, "age_months": 2}, 12),  # y22: post natal depression, a mother of 12
        ([TEENAGE], {"age_years": 12}, None),  # a20: a teenage parent (19 at most) of a child of 12 was under 13 at the birth
        ([TEENAGE], {"age_years": 8}, None),  # y20
        ([TEENAGE], {"age_years": 7, "age_months": 0}, None),  # z02: 19y11m - 7y0m = 12y11m at most
        ([TEENAGE], {"age_years": 1, "age_months": 0}, 13),  # a parent of 13 (13y11m at most) with a child of 1 was under 13 at the birth
        (["extensive.pregnant_under_16"], {"age_years": 3}, None),  # a parent under 16 with a child of 3: under 13 at the birth
        ([PREVIOUS_CP], {"unborn": True}, 12),
        ([PREVIOUS_CP], {"age_years": 0, "age_months": 6}, 12),
        ([CARE_LEAVER], {"unborn": True}, 12),  # refused by the care-leaver band: see below
    ],
)
def test_a_pregnancy_or_parenthood_under_13_by_other_words_is_protection_and_an_immediate_referral(indicators, child, parent):
    c = case(indicators, child, parent)
    if indicators == [CARE_LEAVER]:  # a care leaver is 16 or more: a parent of 12 is refused, and told what applies
        with pytest.raises(CaseError) as err:
            evaluate(c)
        assert "protection.sexual_activity_under_13" in str(err.value)
        return
    d = evaluate(c)
    assert (d.level, d.immediate) == ("protection", True), [r.rule for r in d.reasons]
    [r] = entailed(d)
    assert r.indicators == indicators and r.interpretation is True and "'Sexual activity under 13' (Protection, p17)" in r.explanation
    assert d.actions[0].startswith("Ring Children and Families Direct now")


@pytest.mark.parametrize(
    "indicators, child, parent",
    [
        # review 10, H1: counted back to the start of the pregnancy, at least 4 months before the birth
        ([TEENAGE], {"age_years": 6, "age_months": 7}, None),  # 19y11m - 6y7m - 4m = 13y0m: not known to be under 13
        ([TEENAGE], {"age_years": 0, "age_months": 7}, 13),  # 13y11m - 0y7m - 4m = 13y0m
        ([TEENAGE], {"age_years": 0, "age_months": 3}, None),
        ([TEENAGE], {"age_years": 15}, None),  # the teenage parent is the child, 15
        (["extensive.pregnant_under_16"], {"age_years": 2, "age_months": 7}, None),  # 15y11m - 2y7m - 4m = 13y0m
        ([MATERNAL], {"age_years": 0, "age_months": 2}, 20),
        ([MATERNAL], {"age_years": 14}, None),
        ([CARE_LEAVER], {"unborn": True}, 19),
        ([CARE_LEAVER], {"age_years": 17}, None),
        ([PREVIOUS_CP], {"age_years": 15}, None),
    ],
)
def test_no_protection_where_the_young_person_is_not_known_to_be_under_13(indicators, child, parent):
    d = evaluate(case(indicators, child, parent))
    assert not entailed(d)


@pytest.mark.parametrize(
    "indicators, child",
    [
        ([MATERNAL], {"age_years": 12}),  # a19: the child's own concealed pregnancy, or her mother's post natal depression
        ([MATERNAL], {"unborn": True}),
        ([PREVIOUS_CP], {"age_years": 12}),
        ([TEENAGE], {"age_years": 3}),  # a teenage parent's baby, or the young parent: which is not known
    ],
)
def test_where_whose_pregnancy_it_is_is_not_known_the_person_is_asked_never_a_guess(indicators, child):
    """The words 'Poor maternal health ...' are the mother's (Parents and carers, p13-14) and bound no
    age: a child of 12 may be the mother or her child. The decision is not raised; the guidance asks."""
    d = evaluate(case(indicators, child))
    assert not entailed(d)
    [g] = prompted(d)
    assert "'Sexual activity under 13' (Protection, p17)" in g.text and "(p9" in g.text


@pytest.mark.parametrize("parent", [20, 30])
def test_a_parents_age_beside_other_needs_changes_nothing_else(parent):
    """The parent's age is the young parent's: beside needs that do not read it, an adult parent's
    age changes nothing (it is still checked against the child's, below)."""
    with_age = evaluate(case(["additional.lack_routine"], {"age_years": 0, "age_months": 2}, parent))
    without = evaluate(case(["additional.lack_routine"], {"age_years": 0, "age_months": 2}))
    assert (with_age.level, with_age.immediate, with_age.reasons) == (without.level, without.immediate, without.reasons)


@pytest.mark.parametrize(
    "child, parent",
    [({"age_years": 0, "age_months": 2}, 12), ({"unborn": True}, 11), ({"age_years": 2, "age_months": 0}, 14)],
)
def test_a_parent_under_13_now_or_at_the_birth_is_sexual_activity_under_13_whatever_need_is_chosen(child, parent):
    """Review 7 (F1): a parent's age of 12 was accepted and ignored beside a need that does not read it.
    The age states the parent of this child: a parent of 12, or of 14 (14y11m at most) with a child of 2,
    was under 13 at the birth."""
    d = evaluate(case(["additional.lack_routine"], child, parent))
    assert (d.level, d.immediate) == ("protection", True)
    [r] = entailed(d)
    assert r.indicators == [] and r.interpretation is True and "young parent's age given" in r.explanation
    assert "'Sexual activity under 13' (Protection, p17)" in r.explanation


@pytest.mark.parametrize(
    "indicators, child, parent",
    [
        (["additional.lack_routine"], {"age_years": 9}, 12),  # y23: 12y11m - 9y0m = 3y11m at the birth
        ([MATERNAL], {"age_years": 9}, 12),
        ([TEENAGE], {"age_years": 10}, 19),  # 19y11m - 10y0m = 9y11m
        (["extensive.pregnant_under_16"], {"unborn": True}, 9),
        ([MATERNAL], {"age_years": 14}, 14),
        ([MATERNAL], {"age_years": 30}, 25),
    ],
)
def test_an_impossible_parents_age_beside_the_childs_is_refused_naming_the_field(catalogue, indicators, child, parent):
    with pytest.raises(CaseError) as err:
        evaluate(case(indicators, child, parent))
    fields = [e.field for e in err.value.errors]
    assert "parent.age_years" in fields
    [e] = [e for e in err.value.errors if e.field == "parent.age_years"]
    assert f"is {parent}" in e.message and str(catalogue.age.parent.min_years_at_birth) in e.message


def test_the_youngest_parent_the_tool_accepts_is_its_declared_reading(catalogue):
    rule = catalogue.age.parent
    assert rule.interpretation is True and rule.why and rule.min_years_at_birth == 10
    ok = evaluate(case(["extensive.pregnant_under_16"], {"age_years": 0, "age_months": 11}, 11))  # 11y11m - 0y11m = 11y0m
    assert ok.immediate


ENTAILING = ["additional.pregnant_under_17", "extensive.pregnant_under_16", TEENAGE, CARE_LEAVER, MATERNAL, PREVIOUS_CP]
AGES = [{"unborn": True}, {}, {"age_years": 0, "age_months": 9}, {"age_years": 6, "age_months": 11}]
AGES += [{"age_years": y} for y in (0, 2, 3, 4, 6, 7, 8, 11, 12, 13, 15, 16, 19, 22)]


@pytest.mark.parametrize("indicator", ENTAILING)
def test_every_age_and_parents_age_agrees_with_the_plain_statement(catalogue, indicator):
    """The oracle (tests/rules/oracle.py) restates the arithmetic; refused cases are skipped."""
    checked = 0
    for child in AGES:
        for parent in (None, 9, 11, 12, 13, 14, 15, 16, 19, 24):
            try:
                c = case([indicator], child, parent)
                d = evaluate(c)
            except CaseError:
                continue
            checked += 1
            assert (d.level, d.immediate) == oracle_level(c, catalogue), (child, parent)
    assert checked > 10


# ------------------------------------------------------------------------------------------ F5
COMPULSORY = ["protection.no_educational_provision", "extensive.persistent_absenteeism_school_without", "additional.condone_absence_school"]


@pytest.mark.parametrize("indicator", COMPULSORY)
@pytest.mark.parametrize("months", [48, 59])
def test_needs_about_the_duty_to_be_educated_are_refused_below_compulsory_school_age(indicator, months):
    """Review 7 a04: a 4-year-old not in (optional) reception was decided Protection."""
    with pytest.raises(CaseError) as err:
        evaluate(case([indicator], {"age_years": months // 12, "age_months": months % 12}))
    [e] = err.value.errors
    assert e.field == "indicators[0]" and "compulsory school age" in e.message


@pytest.mark.parametrize("indicator", COMPULSORY)
def test_they_are_accepted_from_the_fifth_birthday(catalogue, indicator):
    d = evaluate(case([indicator], {"age_years": 5, "age_months": 0}))
    assert d.level == catalogue.indicator(indicator).level.value


def test_the_floor_is_where_the_tools_own_pre_school_band_ends(catalogue):
    """One reading of compulsory school age throughout: pre-school ends at 4y11m, school duty starts at 5y0m."""
    pre_school = catalogue.band("pre_school")
    for iid in COMPULSORY:
        assert catalogue.floor(iid).min_months == pre_school.max_months + 1 == 5 * 12


# ------------------------------------------------------------------------------------------ F6
@pytest.mark.parametrize("years", [20, 22, 25])
@pytest.mark.parametrize("other", ["immediate.significant_harm", "protection.persistent_domestic_abuse", "additional.lack_routine"])
def test_a_care_leaver_need_does_not_open_other_needs_to_an_adult(years, other):
    """Review 7 z01, y15: a 'child' of 20-25 was decided an immediate referral for the adult."""
    with pytest.raises(CaseError) as err:
        evaluate(case([CARE_LEAVER, other], {"age_years": years}))
    [e] = err.value.errors
    assert e.field == "indicators[1]" and other in e.message and "parent.age_years" in e.message and "unborn" in e.message


@pytest.mark.parametrize("years", [20, 25])
def test_the_care_leaver_need_alone_is_still_assessed_to_25(years):
    assert evaluate(case([CARE_LEAVER], {"age_years": years})).level == "extensive"


def test_a_care_leaver_of_19_is_in_the_pathways_scope_for_every_need():
    d = evaluate(case([CARE_LEAVER, "immediate.significant_harm"], {"age_years": 19}))
    assert d.immediate


def test_the_unborn_baby_of_a_care_leaver_of_22_is_the_immediate_referral():
    d = evaluate(case([CARE_LEAVER, "protection.persistent_domestic_abuse"], {"unborn": True}, 22))
    assert d.immediate and d.level == "protection"


# ------------------------------------------------------------------------------------------ F11
P9_UNBORN = "Where there are serious concerns regarding the risk of significant harm to an unborn baby"


@pytest.mark.parametrize("child", [{"age_years": 15}, {"age_years": 17}, {}])
def test_previous_concerns_in_a_pregnancy_chosen_for_the_young_person_point_to_the_unborn_baby(child):
    """Review 7 p11: Protection, no guidance; the same need for the unborn baby is an immediate referral."""
    assert P9_UNBORN in DOCUMENT
    d = evaluate(case([PREVIOUS_CP], child))
    [g] = [g for g in d.guidance if g.rule.startswith("unborn.pointer")]
    assert P9_UNBORN in g.text and "p9" in g.text and "unborn" in g.text and g.source.endswith("p17, 9")


def test_no_unborn_pointer_for_the_unborn_baby_itself():
    d = evaluate(case([PREVIOUS_CP], {"unborn": True}))
    assert d.immediate and not [g for g in d.guidance if g.rule.startswith("unborn.pointer")]


def test_a_parent_exactly_the_youngest_at_the_birth_is_accepted_and_a_month_younger_is_refused(catalogue):
    """The bound itself (age.parent, 10 at the birth): a parent of 10 (at most 10y11m) with a child of
    0y11m was at most 10y0m at the birth, accepted; with a child of 1y0m, at most 9y11m, refused."""
    assert catalogue.age.parent.min_years_at_birth == 10
    assert evaluate(case(["additional.lack_routine"], {"age_years": 0, "age_months": 11}, 10)).immediate
    with pytest.raises(CaseError) as err:
        evaluate(case(["additional.lack_routine"], {"age_years": 1, "age_months": 0}, 10))
    assert [e.field for e in err.value.errors] == ["parent.age_years"]
