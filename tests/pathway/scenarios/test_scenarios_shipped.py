"""Every shipped scenario's model answer is what the rules decide, named by scenario id,
so a rule change that moves a teaching case fails loudly and says which one."""
from __future__ import annotations

from pathlib import Path

import pytest

from pathway.catalogue import load_catalogue
from pathway.scenarios import default_paths, load_paths
from pathway.scenarios.runner import FIXED_NOW, OFFICE_HOURS, compare
from rules import evaluate

SHIPPED = load_paths(default_paths())
BY_ID = {item.scenario.id: item.scenario for item in SHIPPED}

# rule families the library must teach (docs/scenarios.md has the table of which scenario covers which)
REQUIRED_FAMILIES = {
    "level.universal", "level.additional", "level.extensive", "level.child_in_need", "level.protection",
    "immediate.in_hours", "immediate.out_of_hours", "boundary.office_hours",
    "cin.disability", "cin.disability_context", "cin.caf_not_improving", "cin.combination_not_improving",
    "escalation.caf_not_improving", "combination", "combination.boundary", "boundary.disability",
    "consent.refused_early_help", "consent.social_care",
    "disabled.dct", "disabled.large_sibling_group", "disabled.uncertain", "disabled.mild_moderate",
    "step.up", "step.down", "step.social_care_managed", "step.same", "same_words", "rule.never_lowered",
    "caller.public", "caller.professional", "boundary.age_band",
}


@pytest.mark.parametrize("scenario_id", sorted(BY_ID))
def test_model_level_is_the_rules_level(scenario_id):
    scenario = BY_ID[scenario_id]
    decision = evaluate(scenario.case(), office_hours=OFFICE_HOURS, now=FIXED_NOW)
    assert decision.level == scenario.model.level, (
        f"scenario {scenario_id}: model answer {scenario.model.level.value}, rules now say {decision.level.value}")
    assert compare(scenario, decision) == [], f"scenario {scenario_id} disagrees with the rules"


def test_library_is_big_enough_and_ids_are_unique():
    assert len(SHIPPED) >= 30
    assert len(BY_ID) == len(SHIPPED)


def test_every_rule_family_is_covered():
    covered = {family for s in BY_ID.values() for family in s.covers}
    assert REQUIRED_FAMILIES - covered == set()


def test_every_age_band_is_taught():
    catalogue = load_catalogue()
    used = {catalogue.indicator(i).age_band for s in BY_ID.values() for i in s.answers.indicators}
    assert {b.id for b in catalogue.age_bands} - used == set()


def test_every_level_is_a_model_answer():
    assert {s.model.level.value for s in BY_ID.values()} == {
        "universal", "additional", "extensive", "child_in_need", "protection"}


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
