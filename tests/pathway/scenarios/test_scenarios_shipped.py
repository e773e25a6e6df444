"""Every shipped scenario's model answer is what the rules decide, named by scenario id,
so a rule change that moves a teaching case fails loudly and says which one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pathway.catalogue import load_catalogue
from pathway.levels import Level
from pathway.scenarios import default_paths, load
from pathway.scenarios.coverage import MIN_PER_LEVEL, MIN_SCENARIOS, age_band, coverage
from pathway.scenarios.review import citation_problems, unlisted_needs
from rules import evaluate
from training.batch import load_paths
from training.runner import FIXED_NOW, OFFICE_HOURS, compare, run

ROOT = Path(__file__).resolve().parents[3]
DOCUMENT = (ROOT / "tests" / "data" / "threshold_document.txt").read_text(encoding="utf-8").splitlines()

SHIPPED = load_paths(default_paths())
BY_ID = {item.scenario.id: item.scenario for item in SHIPPED}

# rule families the library must teach (docs/scenarios.md has the table of which scenario covers which)
REQUIRED_FAMILIES = {
    "level.universal",
    "level.additional",
    "level.extensive",
    "level.child_in_need",
    "level.protection",
    "immediate.in_hours",
    "immediate.out_of_hours",
    "boundary.office_hours",
    "cin.disability",
    "cin.disability_context",
    "cin.caf_not_improving",
    "cin.combination_not_improving",
    "escalation.caf_not_improving",
    "combination",
    "combination.boundary",
    "boundary.disability",
    "consent.refused_early_help",
    "consent.social_care",
    "disabled.dct",
    "disabled.large_sibling_group",
    "disabled.uncertain",
    "disabled.mild_moderate",
    "step.up",
    "step.down",
    "step.social_care_managed",
    "step.same",
    "same_words",
    "rule.never_lowered",
    "caller.public",
    "caller.professional",
    "boundary.age_band",
    # issue 19: rule families a training programme needs
    "caller.parent_carer",
    "disagreement.referral_not_accepted",
    "consent.young_person",
    "step.down",
    "escalation.single_need",
    "cin.extensive_not_improving",
    "boundary.age_dct",
    "boundary.bank_holiday",
    "age.under_2_below_protection",
    "age.sixteen_seventeen_extensive",
}
# issue 19: topics a training programme needs (the practice pages group scenarios by them)
REQUIRED_TOPICS = {
    "young-carers",
    "sexual-exploitation",
    "online-grooming",
    "radicalisation",
    "criminal-exploitation",
    "mental-health",
    "parental-mental-health",
    "self-harm",
    "eating-disorder",
    "neglect",
    "poverty",
    "homelessness",
    "substance-use",
    "parental-substance-misuse",
    "domestic-abuse",
    "pre-birth",
    "disability",
    "care-leaver",
    "trafficking",
    "exploitation",
}
LEVEL_WORDS = ("universal", "additional", "extensive", "child in need", "protection", "immediate", "referral", "threshold")


@pytest.mark.parametrize("scenario_id", sorted(BY_ID))
def test_model_level_is_the_rules_level(scenario_id):
    scenario = BY_ID[scenario_id]
    decision = evaluate(scenario.case(), office_hours=OFFICE_HOURS, now=FIXED_NOW)
    assert decision.level == scenario.model.level, f"scenario {scenario_id}: model answer {scenario.model.level.value}, rules now say {decision.level.value}"
    assert compare(scenario, decision) == [], f"scenario {scenario_id} disagrees with the rules"


@pytest.mark.parametrize("scenario_id", sorted(BY_ID))
def test_each_cited_line_range_holds_the_indicators_words(scenario_id):
    assert BY_ID[scenario_id].teaching.cites, "every shipped scenario cites the document lines it rests on"
    assert citation_problems(BY_ID[scenario_id], DOCUMENT) == []


@pytest.mark.parametrize("scenario_id", sorted(BY_ID))
def test_the_narrative_names_no_need_the_model_answer_ignores(scenario_id):
    # a need named by the search vocabulary must be required, also acceptable or ruled out (for a trainer to review)
    assert [str(u) for u in unlisted_needs(BY_ID[scenario_id])] == []


def test_library_meets_the_training_minimums_and_ids_are_unique():
    cov = coverage(list(BY_ID.values()))
    assert cov.shortfalls == []
    assert len(SHIPPED) >= MIN_SCENARIOS and min(cov.levels.values()) >= MIN_PER_LEVEL
    assert len(BY_ID) == len(SHIPPED)


def test_every_protection_indicator_is_taught():
    catalogue = load_catalogue()
    protection = {i.id for i in catalogue.indicators if i.level is Level.PROTECTION and not i.immediate}
    used = {i for s in BY_ID.values() for i in [*s.model.required, *s.model.also_acceptable]}
    assert protection - used == set()


def test_coverage_counts_what_it_is_given(scenario_dict):
    import yaml

    from pathway.scenarios import loads

    [one] = loads(yaml.safe_dump(scenario_dict))
    cov = coverage([one])
    assert cov.levels["additional"] == 1 and cov.scenarios == 1
    assert f"1 scenarios, fewer than {MIN_SCENARIOS}" in cov.shortfalls
    assert "no scenario uses Protection indicator protection.frozen_watchfulness" in cov.shortfalls


def test_every_scenario_has_topics_and_the_programme_topics_are_there():
    assert all(s.topics for s in BY_ID.values()), [s.id for s in BY_ID.values() if not s.topics]
    assert REQUIRED_TOPICS - {t for s in BY_ID.values() for t in s.topics} == set()


def test_titles_do_not_name_the_answer():
    for s in BY_ID.values():
        assert not any(word in s.title.lower() for word in LEVEL_WORDS), s.id


def test_the_ages_a_programme_needs_are_there():
    ages = {(age_band(s), s.model.level) for s in BY_ID.values()}
    assert {lv for band, lv in ages if band in ("under 1", "1")} - {Level.PROTECTION}, "a child under 2 below Protection"
    assert ("16-17", Level.EXTENSIVE) in ages
    assert any(s.child.age_years == 19 and s.model.first_contact == "disabled_childrens_team" for s in BY_ID.values())
    assert any("extensive.pregnant_care_leavers" in s.model.required for s in BY_ID.values())
    assert any(s.child.unborn for s in BY_ID.values())


def test_the_utc_time_check_is_a_software_test_not_a_teaching_case():
    # a time recorded in UTC is judged in UK time: 07:45 UTC in July is 08:45 BST, in office hours
    [utc] = load(Path(__file__).parent / "data" / "utc_contact_time.yaml")
    assert utc.id not in BY_ID
    [result] = run([utc])
    assert result.match, result.differences


def test_every_rule_family_is_covered():
    covered = {family for s in BY_ID.values() for family in s.covers}
    assert REQUIRED_FAMILIES - covered == set()


def test_every_age_band_is_taught():
    catalogue = load_catalogue()
    used = {catalogue.indicator(i).age_band for s in BY_ID.values() for i in s.answers.indicators}
    assert {b.id for b in catalogue.age_bands} - used == set()


def test_every_level_is_a_model_answer():
    assert {s.model.level.value for s in BY_ID.values()} == {"universal", "additional", "extensive", "child_in_need", "protection"}


def test_office_hours_scenarios_set_a_contact_time():
    # without one the runner's fixed in-hours moment decides, and the lesson would be hidden
    timed = {"immediate.in_hours", "immediate.out_of_hours", "boundary.office_hours"}
    for s in BY_ID.values():
        if timed & set(s.covers) or s.model.out_of_hours is not None or s.model.first_contact == "emergency_duty_team":
            assert s.answers.context.contact_time is not None, s.id


def test_teaching_points_are_filled_in():
    for s in BY_ID.values():
        assert s.teaching.why.strip() and s.teaching.common_mistake.strip() and s.teaching.pages.strip(), s.id


def test_docs_coverage_table_matches_the_scenarios():
    docs = (Path(__file__).resolve().parents[3] / "docs" / "scenarios.md").read_text(encoding="utf-8")
    families: dict[str, list[str]] = {}
    for s in BY_ID.values():
        for family in s.covers:
            families.setdefault(family, []).append(s.id)
    for family, ids in families.items():
        row = f"| `{family}` | " + ", ".join(f"`{i}`" for i in sorted(ids)) + " |"
        assert row in docs, f"docs/scenarios.md coverage table is out of date for {family}"


def test_every_protection_scenario_says_whether_it_is_an_immediate_referral():
    # review 6 (F13) cross-walked five Protection needs to p9, making them immediate referrals; model answers
    # that left `immediate` out still passed while their teaching said the opposite. Stated, a rule change that
    # flips it fails the run and sends a trainer back to the teaching.
    for s in BY_ID.values():
        decision = evaluate(s.case(), office_hours=OFFICE_HOURS, now=FIXED_NOW)
        if s.model.level is Level.PROTECTION or decision.immediate:
            assert s.model.immediate is not None, f"{s.id}: say immediate: {str(decision.immediate).lower()}"


# A name followed by an age ("Kai, 7", "Ellis is 18 months", "Dawit, who says he is 16") names a child.
CHILD_NAMED = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?),? (?:is |was |who says (?:he|she) is )?(?:\d+|six|eighteen)\b")
NOT_NAMES = {"At", "August", "December", "Monday", "Saturday", "Sunday", "Friday", "Year"}
# scenarios that tell one child's story at two moments, or from the parent's side and the baby's
SAME_CHILD = ({"age-teenage-parent", "age-teenage-parent-baby"}, {"same-words-suspected-dv-additional", "same-words-suspected-dv-extensive"})


def child_names(narrative: str) -> set[str]:
    return {m.group(1) for m in CHILD_NAMED.finditer(narrative)} - NOT_NAMES


def test_child_names_find_a_named_child():
    assert child_names("Kai, 7, and Dawit, who says he is 16, and Ellis is 18 months; Year 7 at 9am") == {"Kai", "Dawit", "Ellis"}


def test_no_name_is_used_for_two_different_children():
    # trainees meet the bank as a programme: a second 'Kai, 7' with a different story reads as the same child
    used: dict[str, set[str]] = {}
    for s in BY_ID.values():
        for name in child_names(s.narrative):
            used.setdefault(name, set()).add(s.id)
    reused = {name: sorted(ids) for name, ids in used.items() if len(ids) > 1 and not any(ids <= story for story in SAME_CHILD)}
    assert reused == {}
