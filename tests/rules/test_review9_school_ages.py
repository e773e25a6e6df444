"""Review 9, G1: the needs about the duty to be educated had no upper age, so a young person of 18 or 19
out of education was decided Protection ('No educational provision', p17), Extensive or Additional.

The oracle is a hand table, decided need by need from the document's words (p13-17) and the age to which
education or training is compulsory in England (under 18; the document gives these needs no age, so the
bound is this tool's reading, declared in `meaningful_ages`): every need whose words are about school or
education, at 17y11m, 18y0m and 19y11m, accepted or refused.
"""

from __future__ import annotations

import pytest

from pathway import Case, CaseError, load_catalogue
from rules import evaluate
from tests.conftest import IN_HOURS

CAT = load_catalogue()
AGES = [(17, 11), (18, 0), (19, 11)]

# need -> admitted at (17y11m, 18y0m, 19y11m)
DUTY = (True, False, False)  # education the young person must have: compulsory to 18
STILL_FITS = (True, True, True)  # a young person of 18 or 19 still at school or in education has it
SCHOOLING = {
    # the duty to be educated (p13-14, p15-16, p17): refused from 18
    "protection.no_educational_provision": DUTY,
    "extensive.persistent_absenteeism_school_without": DUTY,
    "additional.condone_absence_school": DUTY,
    # the young person's own life at school: a sixth form, a special school to 19
    "universal.attends_school_sense_educational": STILL_FITS,
    "universal.sense_belonging_school_social": STILL_FITS,
    "additional.poor_school_attendance_exclusion": STILL_FITS,
    "additional.disengagement_school_education": STILL_FITS,
    "additional.not_achieving_key_stage": STILL_FITS,
    "additional.lack_confidence_self_learner": STILL_FITS,
    "extensive.behaviour_problems_school_likely": STILL_FITS,
    "extensive.multiple_temporary_exclusions": STILL_FITS,
    "extensive.high_level_intensive_support": STILL_FITS,
    # special educational needs and learning needs: in education to 19
    "additional.additional_learning_needs": STILL_FITS,
    "extensive.statement_educational_needs_requiring": STILL_FITS,
    # what an 18- or 19-year-old out of education is (p13-14)
    "additional.not_employment_education_training": STILL_FITS,
    # the document's own band (pre-school): never at these ages
    "extensive.pre_school_under_stimulated": (False, False, False),
}


def _decide(indicator_id, age):
    return evaluate(Case.parse({"child": {"age_years": age[0], "age_months": age[1]}, "indicators": [indicator_id], "context": {"contact_time": IN_HOURS}}))


def test_the_table_covers_every_need_whose_words_are_about_school_or_education():
    """Found from the words, so a need added later with such words is decided here too."""
    words = ("school", "educat", "learn", "key stage", "exclusion", "absence", "absentee")
    found = {
        i.id
        for i in CAT.indicators
        if any(w in i.text.lower() for w in words) and not i.id.startswith("immediate.") and i.id != "extensive.mental_physical_health_problems"
    }  # a parent's learning disability is not the young person's education
    found.discard("protection.substantial_lifelong_disability_safeguarding")  # 'significant learning disabilities': a disability
    assert found == set(SCHOOLING), (found - set(SCHOOLING), set(SCHOOLING) - found)


@pytest.mark.parametrize("indicator_id", sorted(SCHOOLING))
@pytest.mark.parametrize("age", AGES, ids=lambda a: f"{a[0]}y{a[1]}m")
def test_each_schooling_need_is_admitted_to_the_age_its_words_describe(indicator_id, age):
    expected = SCHOOLING[indicator_id][AGES.index(age)]
    assert CAT.admits(indicator_id, False, age[0] * 12 + age[1]) is expected
    if expected:
        _decide(indicator_id, age)
        return
    with pytest.raises(CaseError) as err:
        _decide(indicator_id, age)
    [e] = err.value.errors
    assert e.field == "indicators[0]" and indicator_id in e.message


@pytest.mark.parametrize("indicator_id", [i for i, v in SCHOOLING.items() if v == DUTY])
@pytest.mark.parametrize("age", [(18, 0), (19, 11)], ids=lambda a: f"{a[0]}y{a[1]}m")
def test_an_18_or_19_year_old_out_of_education_is_pointed_to_neet_and_to_the_needs_of_actual_harm(indicator_id, age):
    with pytest.raises(CaseError) as err:
        _decide(indicator_id, age)
    [e] = err.value.errors
    assert "young person of 18 or over" in e.message and "this tool's reading" in e.message
    assert "under 18" in e.message  # the why: education or training is compulsory to 18
    assert "additional.not_employment_education_training" in e.message and "p13-14" in e.message
    assert "immediate.significant_harm" in e.message and "p9" in e.message
    # the needs pointed to are ones this young person may be given
    for named in ("additional.not_employment_education_training", "immediate.significant_harm", "protection.young_carer_significant_responsibilities"):
        assert named in e.message
        _decide(named, age)


def test_no_educational_provision_at_17_is_still_protection_and_at_18_neet_is_additional():
    assert _decide("protection.no_educational_provision", (17, 11)).level.value == "protection"
    assert _decide("additional.not_employment_education_training", (18, 0)).level.value == "additional"


def test_the_upper_bound_is_declared_with_its_why():
    [entry] = [e for e in CAT.meaningful_ages if e.id == "compulsory_school_age"]
    assert entry.max_months == 18 * 12 - 1 and entry.interpretation is True
    assert "under 18" in entry.why and "review 9 G1" in entry.why
    [school] = [e for e in CAT.meaningful_ages if e.id == "school_age"]
    assert school.max_months is None and "No upper bound" in school.why


def test_an_upper_bound_without_whom_it_refuses_and_a_hint_is_a_catalogue_the_model_refuses():
    from pathway import yaml_load
    from pathway.catalogue import DATA_FILE, Catalogue

    data = yaml_load.load(DATA_FILE.read_text(encoding="utf-8"))
    data["meaningful_ages"] = [{k: v for k, v in e.items() if k != "outside_older"} for e in data["meaningful_ages"]]
    with pytest.raises(ValueError, match="outside_older"):
        Catalogue.model_validate(data)
