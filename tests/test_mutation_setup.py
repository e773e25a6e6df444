"""`make mutate` can only notice a wrong rule if each mutant's rules are the ones registered and
each mutant is tried against every rule test.

durable-rules registers a ruleset once per process. A test module that registers the rules (or
decides a case) at import would register the unmutated rules wherever the tests are collected
before a worker forks (mutmut's fork server does so with `forkserver_warmup = "collect"`): every
worker would inherit them and no mutant of a rule could be noticed. And the stats script must
give every test to every top-level function of the rule files, and forget the first run's
results (2026-12-01: 37 false survivors, each tried against one test only)."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# what registers the product rules
REGISTERS = {"ensure_registered", "evaluate", "evaluate_despite_refusals", "decide_despite_refusals", "decide_level", "decide_levels", "nearby", "create_app"}


def _selected_test_files(config_file: str = "pyproject.toml") -> list[Path]:
    config = tomllib.loads((ROOT / config_file).read_text())["tool"]["mutmut"]
    files: list[Path] = []
    for item in config["pytest_add_cli_args_test_selection"]:
        path = ROOT / item
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return files


def _calls_at_import(tree: ast.Module) -> set[str]:
    """Names called by module-level statements (not inside a def or class)."""
    called = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for sub in ast.walk(node):
            if isinstance(sub, ast.Call):
                f = sub.func
                called.add(f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", ""))
    return called


# make mutate-review7's and -review8's tables have their fork server collect the tests too; -review10's forks
# from the process that collected them (scripts/mutmut-review*.toml)
@pytest.mark.parametrize("config_file", ["pyproject.toml", "scripts/mutmut-review7.toml", "scripts/mutmut-review8.toml", "scripts/mutmut-review10.toml"])
def test_no_test_mutmut_runs_registers_or_decides_at_import(config_file):
    offenders = {str(p.relative_to(ROOT)): sorted(_calls_at_import(ast.parse(p.read_text())) & REGISTERS) for p in _selected_test_files(config_file)}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_guard_sees_a_module_level_registration():
    assert _calls_at_import(ast.parse("from rules import ensure_registered\nensure_registered()\n")) & REGISTERS
    assert not _calls_at_import(ast.parse("def f():\n    ensure_registered()\n")) & REGISTERS


def test_every_top_level_function_of_the_rule_files_gets_every_test():
    names = set()
    for module in ("needs", "guidance"):
        tree = ast.parse((ROOT / "rules" / f"{module}.py").read_text())
        names |= {f"rules.{module}.x_{n.name}" for n in tree.body if isinstance(n, ast.FunctionDef)}
    script = ROOT / "scripts" / "mutmut_rules_stats.py"
    whole = ast.parse(script.read_text())
    assigned = next(n for n in whole.body if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "WHOLE_RULESET")
    assert set(ast.literal_eval(assigned.value)) == names


def test_every_once_per_process_function_named_for_every_rule_test_exists():
    """A renamed function would silently drop out of `ONCE` and be tried against one test again."""
    defined = set()
    for module in ("engine", "facts", "evaluate"):
        tree = ast.parse((ROOT / "rules" / f"{module}.py").read_text())
        defined |= {f"rules.{module}.x_{n.name}" for n in tree.body if isinstance(n, ast.FunctionDef)}
        defined |= {f"rules.{module}.xǁ{c.name}ǁ{f.name}" for c in tree.body if isinstance(c, ast.ClassDef) for f in c.body if isinstance(f, ast.FunctionDef)}
    script = ast.parse((ROOT / "scripts" / "mutmut_rules_stats.py").read_text())
    assigned = next(n for n in script.body if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "ONCE")
    assert set(ast.literal_eval(assigned.value)) <= defined


def test_the_rule_condition_mutants_are_tried_against_every_rule_test(monkeypatch):
    """scripts/mutate_rules.py once ran a hand-kept list that missed the newer rule tests, so a
    mutant those tests kill (the age entailment's rule never firing) was reported as surviving."""
    import importlib.util

    monkeypatch.syspath_prepend(str(ROOT / "scripts"))  # the script imports its neighbour mutation_report
    spec = importlib.util.spec_from_file_location("mutate_rules", ROOT / "scripts" / "mutate_rules.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    every = {str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "rules").glob("test_*.py")}
    for rel in module.FILES:
        assert set(module.TESTS[rel]) == every, rel
        assert len(module.TESTS[rel]) == len(every), rel  # each once


@pytest.mark.parametrize("config_file", ["pyproject.toml", "scripts/mutmut-review7.toml", "scripts/mutmut-review8.toml", "scripts/mutmut-review10.toml"])
def test_every_project_directory_the_selected_tests_import_is_copied_for_mutmut(config_file):
    """mutmut runs the tests inside mutants/, which holds only `source_paths` and `also_copy`: a test
    importing another of the project's directories fails to collect there, and the run stops before
    any mutant (2026-12-02: tests/rules/test_decision_coherence.py imports scripts.decision_oracle,
    and `make mutate` lacked scripts/)."""
    config = tomllib.loads((ROOT / config_file).read_text())["tool"]["mutmut"]
    copied = {p.strip("/") for p in config["source_paths"] + config["also_copy"]}
    project = {p.name for p in ROOT.iterdir() if p.is_dir() and any(p.glob("*.py"))}
    imported = set()
    for path in _selected_test_files(config_file):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add(node.module.split(".")[0])
            elif isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
    assert (imported & project) - copied == set()
