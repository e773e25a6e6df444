"""docs/safety/hazard-log.yaml stays true: every test a control names exists, and every rule in
rules/ is claimed by a hazard or listed as hazard-free with a reason."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
LOG = yaml.safe_load((ROOT / "docs" / "safety" / "hazard-log.yaml").read_text(encoding="utf-8"))
FIELDS = {"id", "title", "description", "causes", "effect", "severity", "likelihood_before", "rules", "controls", "residual_risk", "status"}


def rule_ids() -> set[str]:
    """The name of every durable-rules rule: the functions decorated with when_all."""
    names: set[str] = set()
    for module in ("needs.py", "guidance.py"):
        tree = ast.parse((ROOT / "rules" / module).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and any(isinstance(d, ast.Call) and getattr(d.func, "id", "") == "when_all" for d in node.decorator_list):
                names.add(node.name)
    return names


def test_every_hazard_has_the_dcb0129_fields():
    for hazard in LOG["hazards"]:
        assert FIELDS <= set(hazard), hazard["id"]
        assert hazard["controls"], hazard["id"]


def test_every_test_a_control_names_exists():
    missing = []
    for hazard in LOG["hazards"]:
        for control in hazard["controls"]:
            for ref in control.get("tests", []):
                path, name = ref.split("::")
                source = (ROOT / path).read_text(encoding="utf-8") if (ROOT / path).exists() else ""
                if not re.search(rf"^def {re.escape(name)}\(", source, re.M):
                    missing.append(f"{hazard['id']}: {ref}")
    assert not missing, missing


def test_every_rule_is_claimed_by_a_hazard_or_listed_hazard_free():
    claimed = {r for hazard in LOG["hazards"] for r in hazard["rules"]} | set(LOG["hazard_free"])
    rules = rule_ids()
    assert len(rules) > 40  # the walk found the rulesets' rules
    assert rules - claimed == set(), "rules no hazard claims"
    assert claimed - rules == set(), "hazards claim rules that do not exist"
