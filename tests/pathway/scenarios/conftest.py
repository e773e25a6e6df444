"""Helpers for the scenario tests: a valid scenario to break one field at a time."""

from __future__ import annotations

import copy

import pytest
import yaml

VALID = {
    "id": "valid-one",
    "title": "A valid scenario",
    "narrative": "Sam, 8, misses school most Mondays.",
    "child": {"age_years": 8},
    "answers": {"indicators": ["additional.poor_school_attendance_exclusion"], "context": {"caf": "none"}},
    "model": {"level": "additional"},
    "teaching": {"why": "Poor attendance is an Additional need.", "pages": "13-14", "common_mistake": "Choosing persistent absenteeism."},
}


@pytest.fixture
def scenario_dict():
    """A fresh, valid scenario as plain data (what a trainer writes in YAML)."""
    return copy.deepcopy(VALID)


@pytest.fixture
def write_yaml(tmp_path):
    """Write data as a YAML file in a temporary folder and return its path."""

    def write(data, name="s.yaml"):
        path = tmp_path / name
        path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        return path

    return write
