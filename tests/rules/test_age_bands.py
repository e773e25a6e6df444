"""Age bands carried by the indicators' words; the pathway's scope: pre-birth to 19, care leavers to 25."""

from __future__ import annotations

import pytest

from pathway import CaseError
from rules import evaluate
from tests.conftest import make_case

# (indicator, an age inside the band, an age outside it); ages as (years, months) or "unborn"
BANDS = [
    ("immediate.unexplained_bruising_under_2", (1, 11), (2, 0)),
    ("immediate.substance_use_under_1", (0, 11), (1, 0)),
    ("immediate.unborn_significant_harm", "unborn", (0, 1)),
    ("immediate.home_alone_5_and_under", (5, 11), (6, 0)),
    ("additional.pregnant_under_17", (16, 11), (17, 0)),
    ("extensive.pregnant_under_16", (15, 11), (16, 0)),
    ("protection.sexual_activity_under_13", (12, 11), (13, 0)),
    ("protection.forced_marriage_under_18", (17, 11), (18, 0)),
    ("extensive.pre_school_under_stimulated", (4, 11), (5, 0)),
]
# a parent's band: the words are the young parent's age, so a baby assessed (unborn or younger
# than the band) is admitted, and the parent's own age, where given, decides
PARENT_BANDS = ["additional.pregnant_under_17", "extensive.pregnant_under_16", "extensive.teenage_parents_with_concerns", "extensive.pregnant_care_leavers"]


def _case(indicator, age):
    if age == "unborn":
        return make_case([indicator], unborn=True)
    return make_case([indicator], age_years=age[0], age_months=age[1])


@pytest.mark.parametrize("indicator, inside, outside", BANDS)
def test_inside_the_band_is_assessed(indicator, inside, outside):
    assert evaluate(_case(indicator, inside)).level in ("additional", "extensive", "protection")


@pytest.mark.parametrize("indicator, inside, outside", BANDS)
def test_outside_the_band_is_refused_naming_the_indicator_and_the_band(catalogue, indicator, inside, outside):
    with pytest.raises(CaseError) as err:
        evaluate(_case(indicator, outside))
    [e] = err.value.errors
    band = catalogue.band(catalogue.indicator(indicator).age_band)
    assert e.field == "indicators[0]"
    assert indicator in e.message and band.label in e.message


def test_an_unborn_child_cannot_have_a_bruising_indicator():
    with pytest.raises(CaseError, match="under 2 years old"):
        evaluate(make_case(["immediate.unexplained_bruising_under_2"], unborn=True))


def test_home_alone_at_any_age_when_vulnerable_is_accepted_for_an_older_child():
    d = evaluate(make_case(["immediate.home_alone_at_risk"], age_years=11))
    assert d.level == "protection" and d.immediate


def test_age_not_given_accepts_a_banded_indicator_because_its_words_carry_the_age():
    from pathway import Case

    d = evaluate(Case.parse({"indicators": ["immediate.unexplained_bruising_under_2"]}))
    assert d.immediate


@pytest.mark.parametrize("years", [0, 1, 17, 18, 19])
def test_ages_up_to_19_are_accepted(years):
    assert evaluate(make_case(age_years=years)).level == "universal"


@pytest.mark.parametrize("years", [20, 25, 26, 40])
def test_an_age_over_19_is_refused_naming_the_field_and_the_scope(catalogue, years):
    with pytest.raises(CaseError) as err:
        evaluate(make_case(age_years=years))
    [e] = err.value.errors
    assert e.field == "child.age_years"
    assert "pre-birth to 19" in e.message and f"is {years}" in e.message
    assert catalogue.age.max_years == 19  # the ceiling is the catalogue's, read by the check


@pytest.mark.parametrize("years", [20, 25])
def test_a_care_leaver_is_covered_to_25(years):
    assert evaluate(make_case(["extensive.pregnant_care_leavers"], age_years=years)).level == "extensive"


def test_a_care_leaver_over_25_is_refused():
    with pytest.raises(CaseError, match="child.age_years|is 26"):
        evaluate(make_case(["extensive.pregnant_care_leavers"], age_years=26))


@pytest.mark.parametrize("indicator", PARENT_BANDS)
def test_a_parents_band_is_accepted_for_an_unborn_baby(indicator):
    assert evaluate(make_case([indicator], unborn=True)).level in ("additional", "extensive")


@pytest.mark.parametrize("indicator", ["additional.pregnant_under_17", "extensive.teenage_parents_with_concerns"])
def test_a_parents_band_is_accepted_for_an_infant(indicator):
    assert evaluate(make_case([indicator], age_years=0, age_months=9)).level in ("additional", "extensive")


@pytest.mark.parametrize(
    "indicator, parent_years",
    [
        ("extensive.teenage_parents_with_concerns", 12),
        ("extensive.teenage_parents_with_concerns", 20),
        ("extensive.pregnant_care_leavers", 15),
        ("extensive.pregnant_care_leavers", 26),
    ],
)
def test_a_parents_age_outside_the_parents_band_is_refused(indicator, parent_years):
    from pathway import Case

    with pytest.raises(CaseError) as err:
        evaluate(Case.parse({"child": {"age_years": 0, "age_months": 3}, "parent": {"age_years": parent_years}, "indicators": [indicator]}))
    [e] = err.value.errors
    assert e.field == "indicators[0]" and f"parent is {parent_years} years" in e.message


def test_the_parents_age_where_given_decides_the_parents_band():
    from pathway import Case

    ok = Case.parse({"child": {"unborn": True}, "parent": {"age_years": 15}, "indicators": ["extensive.pregnant_under_16"]})
    assert evaluate(ok).level == "extensive"
    too_old = Case.parse({"child": {"unborn": True}, "parent": {"age_years": 17}, "indicators": ["extensive.pregnant_under_16"]})
    with pytest.raises(CaseError) as err:
        evaluate(too_old)
    assert "parent is 17 years" in err.value.errors[0].message


def test_a_15_year_old_choosing_pregnant_under_17_is_pointed_to_pregnant_under_16():
    d = evaluate(make_case(["additional.pregnant_under_17"], age_years=15))
    assert d.level == "additional"  # pointed to, not raised: the practitioner chooses
    [pointer] = [g for g in d.guidance if g.rule == "age.pointer.extensive.pregnant_under_16"]
    assert "Pregnant under 16" in pointer.text and "Extensive" in pointer.text
    assert not [g for g in evaluate(make_case(["additional.pregnant_under_17"], age_years=16)).guidance if g.rule.startswith("age.pointer")]


def test_every_error_is_reported_at_once():
    with pytest.raises(CaseError) as err:
        evaluate(make_case(["nope", "immediate.substance_use_under_1"], age_years=3))
    assert [e.field for e in err.value.errors] == ["indicators[0]", "indicators[1]"]


@pytest.mark.parametrize("other", ["additional.experiencing_bullying", "universal.physically_well"])
def test_the_pointer_is_given_whatever_else_is_chosen_beside_it(other):
    """Mutation run, 2026-12-01: stopping at the first chosen need without an age band went unnoticed."""
    d = evaluate(make_case([other, "additional.pregnant_under_17"], age_years=15))
    assert [g.rule for g in d.guidance if g.rule.startswith("age.pointer")] == ["age.pointer.extensive.pregnant_under_16"]


DOCUMENT = " ".join((__import__("pathlib").Path(__file__).resolve().parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())
UNDER_1 = "Under 1 year old where the parents/carers have significant substance use issues"  # p9, as written
UNBORN = "serious concerns regarding the risk of significant harm to an unborn baby"  # p9, as written


@pytest.mark.parametrize("months, pointed", [(0, True), (6, True), (11, True), (12, False), (30, False)])
def test_a_baby_whose_parent_may_misuse_substances_is_pointed_to_the_under_1_criterion(months, pointed):
    """Review 6, F6: the Additional entry has no age band of its own, but its twin on the p9 list has
    one. Under 1 the decision points to p9's words (the practitioner judges whether the use is
    'significant'); it never decides: the level stays Additional and the referral is not immediate."""
    assert UNDER_1 in DOCUMENT
    d = evaluate(make_case(["additional.substance_misuse_impact_ability"], age_years=months // 12, age_months=months % 12))
    assert d.level == "additional" and not d.immediate
    pointers = [g for g in d.guidance if g.rule.startswith("age.pointer")]
    assert bool(pointers) == pointed
    if pointed:
        [pointer] = pointers
        assert pointer.rule == "age.pointer.immediate.substance_use_under_1"
        assert UNDER_1 in pointer.text and "immediate referral, p9" in pointer.text


def test_an_unborn_babys_parental_substance_note_names_the_unborn_criterion_the_tool_accepts():
    """Review 6, F6: the twin note named only the under-1 criterion, which the tool refuses for an
    unborn baby; it names p9's unborn criterion too (the document's words)."""
    assert UNBORN in DOCUMENT
    d = evaluate(make_case(["extensive.mental_physical_health_problems"], unborn=True))
    [note] = [g for g in d.guidance if g.rule == "twins.parental_substance_misuse"]
    assert UNBORN in note.text


AGES = ["unborn", (0, 3), (0, 11), (1, 0), (3, 0), (4, 11), (8, 0), (14, 0), (15, 0), (16, 0)]


def test_a_pointer_never_names_what_the_tool_would_refuse_for_this_child(catalogue):
    """Every age pointer, for every twin-group member at every age, names an indicator the catalogue
    admits for this child, at a higher place (an immediate referral above any table level)."""
    ids = sorted({i for t in catalogue.twins for i in t.ids})
    checked = 0
    for age in AGES:
        for iid in ids:
            case = make_case([iid], unborn=True) if age == "unborn" else make_case([iid], age_years=age[0], age_months=age[1])
            try:
                d = evaluate(case)
            except CaseError:
                continue
            for g in d.guidance:
                if g.rule.startswith("age.pointer."):
                    other, chosen = catalogue.indicator(g.rule.removeprefix("age.pointer.")), catalogue.indicator(iid)
                    months = None if age == "unborn" else age[0] * 12 + age[1]
                    assert catalogue.admits(other, age == "unborn", months), (age, iid, other.id)
                    assert (other.level.rank, other.immediate) > (chosen.level.rank, chosen.immediate), (age, iid, other.id)
                    checked += 1
    assert checked >= 10
