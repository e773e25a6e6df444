"""Review 8 recheck, R4 and R5: a refusal's hint says what describes the concern instead, so every need
it names must be one this child may be given (R5: the NEET hint named 'No educational provision' and
'Poor school attendance / exclusion' to a child of 3, refusing both), and a hint for sexualised behaviour
names the sexual-harm needs the child may have (R4: under 2 it named frozen watchfulness and parenting;
at 4 the hint for harming others omitted 'Inappropriate sexual behaviour', admitted from 2).

The oracle is behaviour: each need a hint names is given alone for the same child and must be accepted.
"""

from __future__ import annotations

import re

import pytest

from pathway import Case, CaseError, load_catalogue
from rules import evaluate
from tests.conftest import IN_HOURS

CAT = load_catalogue()
NAMED = re.compile(r"\(((?:universal|additional|extensive|protection|immediate)\.[a-z0-9_]+)")
# unborn, every month to 5, each year to 19, and the last month of 19
AGES = [None, *((m // 12, m % 12) for m in range(60)), *((y, 0) for y in range(5, 20)), (19, 11)]


def _child(age):
    return {"unborn": True} if age is None else {"age_years": age[0], "age_months": age[1]}


def _refusals(indicator_id, age):
    try:
        evaluate(Case.parse({"child": _child(age), "indicators": [indicator_id], "context": {"contact_time": IN_HOURS}}))
    except CaseError as err:
        return [e.message for e in err.errors]
    return []


def _accepted(indicator_id, age) -> bool:
    return not _refusals(indicator_id, age)


def test_every_need_a_refusal_names_is_one_the_same_child_may_be_given():
    refused, checked, wrong = 0, 0, []
    for indicator in CAT.indicators:
        for age in AGES:
            for message in _refusals(indicator.id, age):
                refused += 1
                for named in NAMED.findall(message):
                    checked += 1
                    if named != indicator.id and not _accepted(named, age):
                        wrong.append((indicator.id, age, named))
    assert refused > 1000 and checked > 1000  # the sweep reaches the hints it is about
    assert not wrong, wrong[:10]


@pytest.mark.parametrize("months", range(0, 24))
def test_sexualised_behaviour_under_2_is_pointed_to_the_sexual_harm_needs_a_baby_may_have(months):
    [message] = _refusals("protection.inappropriate_sexual_behaviour", (months // 12, months % 12))
    named = [CAT.indicator(i) for i in NAMED.findall(message)]
    # beyond p9's catch-all "significant harm including physical, sexual, emotional harm or neglect"
    sexual = [i for i in named if "sexual" in i.text.lower() and i.id != "immediate.significant_harm"]
    assert sexual and all(_accepted(i.id, (months // 12, months % 12)) for i in sexual), message


@pytest.mark.parametrize("months", range(24, 60))
def test_harming_others_under_5_names_inappropriate_sexual_behaviour_from_2(months):
    [message] = _refusals("protection.causes_significant_harm_other", (months // 12, months % 12))
    assert "protection.inappropriate_sexual_behaviour" in NAMED.findall(message), message


# A hint's words from an age are added to the floor's own, never put in their place, and each is its own
# sentence (mutation testing of review 8: `outside` replaced by the words from an age, or the two run
# together, went unnoticed: the tests above look only for the needs named from an age). The needs each
# part names, by hand from the recheck's R4 and R5: for harming others under 5, what others do or fail to
# do and p9's harm (outside), and from 2 "Inappropriate sexual behaviour"; for NEET under 16, poor
# attendance from 4 and no educational provision from 5.
@pytest.mark.parametrize(
    "indicator_id, months, floor_names, from_age_names, from_age_opening",
    [
        (
            "protection.causes_significant_harm_other",
            24,
            {"protection.chronic_substance_misuse", "immediate.significant_harm"},
            {"protection.inappropriate_sexual_behaviour"},
            "For a young child's sexualised behaviour",
        ),
        (
            "protection.causes_significant_harm_other",
            59,
            {"protection.chronic_substance_misuse", "immediate.significant_harm"},
            {"protection.inappropriate_sexual_behaviour"},
            "For a young child's sexualised behaviour",
        ),
        ("additional.not_employment_education_training", 48, set(), {"additional.poor_school_attendance_exclusion"}, "For a child out of school"),
        (
            "additional.not_employment_education_training",
            60,
            set(),
            {"additional.poor_school_attendance_exclusion", "protection.no_educational_provision"},
            "With no school place",
        ),
    ],
)
def test_a_hint_from_an_age_is_added_to_the_floors_own_as_its_own_sentence(indicator_id, months, floor_names, from_age_names, from_age_opening):
    [message] = _refusals(indicator_id, (months // 12, months % 12))
    named = set(NAMED.findall(message))
    assert floor_names | from_age_names <= named, message
    assert any(sentence.startswith(from_age_opening) for sentence in message.split(". ")), message
    if not floor_names:  # NEET's own words name no need: "describe their education by the needs for their age"
        assert "For a younger child, describe their education by the needs for their age. " in message, message


# Whom the refusal says the need cannot describe: an unborn baby, or a child under the floor's age
# (mutation testing of review 8: the words for an unborn baby could be anything unnoticed).
def test_a_need_refused_for_an_unborn_baby_says_it_has_no_meaning_for_an_unborn_baby():
    [message] = _refusals("protection.significantly_low_self_esteem", None)  # review 8's m08
    assert "has no meaning for an unborn baby (" in message, message
    [message] = _refusals("protection.significantly_low_self_esteem", (1, 0))
    assert "has no meaning for a child under " in message and "this child is 1 year" in message, message


def test_a_floor_with_no_words_for_a_younger_child_adds_none():
    """The compulsory-school-age floor has no hint for a born child: the refusal ends at the child's age,
    with no empty or "None" hint after it (mutmut: the hint added whether or not there is one)."""
    [message] = _refusals("protection.no_educational_provision", (3, 0))
    assert message.endswith("this child is 3 years 0 months") or message.endswith("this child is 3 years"), message
    assert "None" not in message, message
