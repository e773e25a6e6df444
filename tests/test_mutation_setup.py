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
TABLES = ["pyproject.toml", *(f"scripts/mutmut-review{n}.toml" for n in (7, 8, 10, 11, 12, 13, 14, 15, 17, 18, 19))]  # every [tool.mutmut] table
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


# make mutate-review7's and -review8's tables have their fork server collect the tests too; -review10's and
# -review11's fork from the process that collected them (scripts/mutmut-review*.toml)
@pytest.mark.parametrize("config_file", TABLES)
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


@pytest.mark.parametrize("config_file", TABLES)
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


# --- the scratch tree of `make mutate-review7`, -review8, -review10, ..., -review14 and -review15 (scripts/mutmut_scratch.sh)
REVIEW_SCRIPTS = [f"scripts/mutate_review{n}.sh" for n in (7, 8, 10, 11, 12, 13, 14, 15, 17, 18)]


@pytest.mark.parametrize("script", REVIEW_SCRIPTS)
def test_each_review_script_builds_its_scratch_tree_with_the_one_shared_block(script):
    """The block that copies the tree and splices the script's [tool.mutmut] in was written out three times."""
    text = (ROOT / script).read_text()
    assert 'source "$root/scripts/mutmut_scratch.sh"' in text
    assert "git ls-files" not in text and "pyproject.index" not in text
    config = f"scripts/mutmut-{Path(script).stem.removeprefix('mutate_')}.toml"
    assert (ROOT / config).is_file() and f"mutmut_scratch {config}" in text


def _git(cwd: Path, *args: str) -> None:
    import subprocess

    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env={"GIT_CONFIG_GLOBAL": "/dev/null", "HOME": str(cwd), "PATH": "/usr/bin:/bin"})


def test_the_shared_block_copies_the_tree_and_puts_the_script_s_mutmut_table_in_pyproject(tmp_path):
    import subprocess

    root = tmp_path / "project"
    (root / "scripts").mkdir(parents=True)
    (root / "webapp" / "static" / "govuk").mkdir(parents=True)
    (root / "webapp" / "static" / "app.js").write_text("tracked\n")
    (root / "webapp" / "static" / "govuk" / "x.css").write_text("copied, though untracked\n")
    (root / "pyproject.toml").write_text('[project]\nname = "p"\n\n[tool.mutmut]\npaths_to_mutate = ["rules/"]\n\n[tool.ruff]\nline-length = 1\n')
    (root / "scripts" / "mutmut-x.toml").write_text('[tool.mutmut]\npaths_to_mutate = ["pathway/x.py"]\n')
    (root / "scripts" / "mutmut_scratch.sh").write_text((ROOT / "scripts" / "mutmut_scratch.sh").read_text())
    (root / "new_test.py").write_text("untracked and new: copied too\n")
    (root / ".venv").symlink_to(ROOT / ".venv")
    (root / ".gitignore").write_text("webapp/static/govuk/\n")
    _git(root, "init", "-q")
    _git(root, "add", "pyproject.toml", "scripts", ".gitignore", "webapp")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    run = 'set -euo pipefail; root=$1; source "$root/scripts/mutmut_scratch.sh"; mutmut_scratch scripts/mutmut-x.toml; echo "$work $fresh"'
    env = {"PATH": "/usr/bin:/bin", "TMPDIR": str(scratch)}
    out = subprocess.run(["bash", "-c", run, "-", str(root)], env=env, check=True, capture_output=True, text=True).stdout.split()
    work, fresh = Path(out[0]), out[1]
    assert fresh == "1" and work.parent == scratch
    assert (work / "pyproject.toml").read_text() == (
        '[project]\nname = "p"\n\n[tool.mutmut]\npaths_to_mutate = ["pathway/x.py"]\n\n[tool.ruff]\nline-length = 1\n'
    )
    assert (work / "new_test.py").is_file() and (work / "webapp" / "static" / "govuk" / "x.css").is_file()
    assert (work / ".venv").is_symlink()
    # MUTMUT_SCRATCH: the tree already made is used as it is
    (work / "pyproject.toml").write_text("left as it is\n")
    out = subprocess.run(["bash", "-c", run, "-", str(root)], env={**env, "MUTMUT_SCRATCH": str(work)}, check=True, capture_output=True, text=True)
    assert out.stdout.split() == [str(work), "0"]
    assert (work / "pyproject.toml").read_text() == "left as it is\n"


def test_every_route_condition_is_mutated_by_the_rule_condition_script(monkeypatch):
    """left11 moved the route rules' conditions into ROUTE_WHEN (an annotated module-level table) and the
    rules now read `when_all(when[key])`: scripts/mutate_rules.py read only plain assignments and
    decorator arguments, so no route condition was mutated any more (found by mut12's run). Each entry of
    the table must give mutants, named by its key."""
    import importlib.util

    from rules.guidance import ROUTE_WHEN

    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location("mutate_rules", ROOT / "scripts" / "mutate_rules.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    named = {what.split(":", 1)[0] for what, _ in module.mutants((ROOT / "rules" / "guidance.py").read_text())}
    assert {f"ROUTE_WHEN[{key!r}]" for key in ROUTE_WHEN} <= named


@pytest.mark.parametrize(
    ("script", "at_least"),
    [
        ("mutate_review12.sh", 19),
        ("mutate_review13.sh", 13),
        ("mutate_review14.sh", 29),
        ("mutate_review15.sh", 28),
        ("mutate_review17.sh", 15),
        ("mutate_review18.sh", 24),
    ],
)
def test_every_function_the_review_script_names_exists(script, at_least):
    """mutmut silently tries nothing for a name that matches no function: a renamed function would drop out
    of `make mutate-review12` (or -review13, -review14, -review15) unnoticed (each name: module, then x_function or xǁClassǁmethod)."""
    import re

    text = (ROOT / "scripts" / script).read_text()
    names = re.findall(r'"([a-z_.]+)\.(x_[A-Za-z_]+|xǁ[A-Za-z_]+ǁ[A-Za-z_]+)\*"', text)
    assert len(names) >= at_least
    for module, name in names:
        tree = ast.parse((ROOT / (module.replace(".", "/") + ".py")).read_text())
        functions = {f"x_{n.name}" for n in tree.body if isinstance(n, ast.FunctionDef)}
        functions |= {f"xǁ{c.name}ǁ{f.name}" for c in tree.body if isinstance(c, ast.ClassDef) for f in c.body if isinstance(f, ast.FunctionDef)}
        assert name in functions, f"{module}.{name}"


def test_every_hand_mutant_still_names_text_its_file_has_once_and_tests_that_exist():
    """scripts/mutate_properties.py (review 19) replaces text it names: a change to the code must not leave a hand
    mutant matching nothing (never tried) or two places (the wrong one tried)."""
    from scripts import mutate_properties as mp

    assert len({m.id for m in mp.MUTANTS}) == len(mp.MUTANTS)
    for m in mp.MUTANTS:
        assert (ROOT / m.file).read_text().count(m.old) == 1, m.id
        assert m.new != m.old and m.group in mp.GROUPS, m.id
    assert all((ROOT / t).is_file() for tests in mp.GROUPS.values() for t in tests)


@pytest.mark.parametrize(
    ("script", "at_least"),
    [
        ("mutate_review23.sh", 16),
        ("mutate_review24.sh", 17),
        ("mutate_review26.sh", 12),
        ("mutate_review28.sh", 13),
        ("mutate_review29.sh", 22),
        ("mutate_review30.sh", 26),
        ("mutate_review31.sh", 24),
        ("mutate_review32.sh", 15),
        ("mutate_review33.sh", 26),
        ("mutate_review34.sh", 23),
        ("mutate_review35.sh", 35),
        ("mutate_review36.sh", 16),
    ],
)
def test_every_function_the_narrow_review_script_mutates_exists(script, at_least):
    """scripts/mutmut_functions.py refuses a name it does not find, but only when the script is run: a reading renamed
    or moved (split24 moved review 23's; tidy25 may merge review 24's) must be seen here first. Each spec is
    FILE:FUNCTION,Class.method,..."""
    import re

    from scripts.mutmut_functions import _lines

    text = (ROOT / "scripts" / script).read_text()
    specs = re.findall(r'"(pathway/[a-z_0-9]+\.py):([A-Za-z_0-9.,]+)"', text)
    assert sum(len(names.split(",")) for _, names in specs) >= at_least
    for path, names in specs:
        source = (ROOT / path).read_text()
        for name in names.split(","):
            assert _lines(source, [name]), f"{path}:{name}"
