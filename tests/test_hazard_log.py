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


SEVERITY = {"catastrophic", "major", "considerable", "significant", "minor"}  # DCB0129's 5x5 matrix
LIKELIHOOD = {"very high", "high", "medium", "low", "very low"}
# issue 11, 'Proof that holds': the hazards the log must carry at least, by a word of each title
REQUIRED = [
    "under-called protection",
    "wrong or closed number",
    "out-of-hours misroute",
    "open case",
    "twin confusion",
    "age-band misuse",
    "printed result",
    "lower twin first",
    "stale ruleset",
    "lost saves",
]


def test_every_hazard_rates_its_risk_on_the_dcb0129_matrix_before_and_after_controls():
    for hazard in LOG["hazards"]:
        assert hazard["severity"] in SEVERITY and hazard["likelihood_before"] in LIKELIHOOD, hazard["id"]
        residual = hazard["residual_risk"]
        assert residual["severity"] in SEVERITY and residual["likelihood"] in LIKELIHOOD, hazard["id"]


def test_every_design_control_names_the_tests_that_prove_it():
    for hazard in LOG["hazards"]:
        for control in hazard["controls"]:
            assert {"design", "guidance"} & set(control), hazard["id"]
            if "design" in control:
                assert control.get("tests"), (hazard["id"], control["design"][:60])


def test_the_hazards_the_issue_names_are_all_logged():
    titles = " | ".join(h["title"].lower() for h in LOG["hazards"])
    assert [words for words in REQUIRED if words not in titles] == []
