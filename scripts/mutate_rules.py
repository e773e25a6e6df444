"""Mutation testing of the rules' conditions, which mutmut cannot reach.

mutmut 3 leaves decorated functions alone, and every rule here is a function decorated with
durable-rules' `when_all(...)`: its condition is the decorator's argument. This script mutates
each comparison in those conditions (and in the module-level condition parts of
rules/guidance.py) one at a time: == and != swapped, a boundary moved (>= to >, <= to <, and
back), True and False swapped, & and | swapped. The rule tests then run against a copy of the
project holding the mutated file; a mutant no test notices "survives".

    .venv/bin/python scripts/mutate_rules.py [--limit N] [--rules NAME,NAME --figure FILE] [--first TEST,TEST [--only-first]] [--timeout S]

Writes docs/figures/rule-condition-mutants.json (or --figure) and prints one line per mutant.
`--rules` keeps the conditions of the rules (and module-level parts) named: a round's new rules
on a shared machine (`make mutate-review7`).
"""

from __future__ import annotations

import argparse
import ast
import queue
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mutation_report import report  # scripts/, beside this file

ROOT = Path(__file__).resolve().parents[1]
FILES = ["rules/needs.py", "rules/guidance.py"]
# the tests most likely to notice a wrong rule in each file first (pytest -x stops at the first failure),
# then every other rule test: a mutant survives only if no test in tests/rules notices it
# (2026-12-02: a hand-kept list without the newer test files let an age-entailment mutant survive)
FIRST = {
    "rules/needs.py": [
        "tests/rules/test_levels.py",
        "tests/rules/test_crosswalks.py",
        "tests/rules/test_child_in_need.py",
        "tests/rules/test_combination.py",
        "tests/rules/test_age_bands.py",
        "tests/rules/test_properties.py",
    ],
    "rules/guidance.py": [
        "tests/rules/test_open_case.py",
        "tests/rules/test_routing.py",
        "tests/rules/test_guidance_rules.py",
        "tests/rules/test_guidance_oracle.py",
        "tests/rules/test_properties.py",
    ],
}


def rule_tests(rel: str) -> list[str]:
    """FIRST[rel], then every other test file of tests/rules, each once."""
    rest = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "rules").glob("test_*.py"))
    return FIRST[rel] + [t for t in rest if t not in FIRST[rel]]


TESTS = {rel: rule_tests(rel) for rel in FIRST}
SWAP = {ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.GtE: ast.Gt, ast.Gt: ast.GtE, ast.LtE: ast.Lt, ast.Lt: ast.LtE}


def _in_conditions(tree: ast.Module) -> list[tuple[str, ast.AST]]:
    """(rule name, expression) for each rule condition: the when_all(...) arguments (named by the
    decorated function), and module-level assignments of `m.` expressions (guidance.py's
    DECISION, IN_HOURS, ...: named by the constant)."""
    roots: list[tuple[str, ast.AST]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            for deco in node.decorator_list:
                if isinstance(deco, ast.Call) and getattr(deco.func, "id", "") == "when_all":
                    roots += [(node.name, arg) for arg in deco.args]
    for node in ast.walk(tree):  # when_all(...)(action) in a loop: the per-level rules
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Call) and getattr(node.func.func, "id", "") == "when_all":
            roots += [("level_<level>", arg) for arg in node.func.args]
    for node in tree.body:
        # annotated too (`ROUTE_WHEN: dict[...] = {...}`, left11: the route rules' conditions, stated once,
        # which the route rules read as `when_all(when[key])`: missed until review 11's run)
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        if value is None or "m." not in ast.unparse(value):
            continue
        name = ast.unparse(node.targets[0] if isinstance(node, ast.Assign) else node.target)
        if isinstance(value, ast.Dict):  # a table of conditions: each entry named by its key
            roots += [(f"{name}[{ast.unparse(k)}]", v) for k, v in zip(value.keys, value.values) if k is not None]
        else:
            roots.append((name, value))
    return roots


def mutants(source: str):
    """(description, mutated source) for each single change to a rule condition."""
    tree = ast.parse(source)
    for n in range(len(_sites(tree))):
        tree = ast.parse(source)  # fresh each time; find the same site by position
        rule, kind, node = _sites(tree)[n]
        before = ast.unparse(node)
        if kind == "op":
            node.ops = [SWAP[type(node.ops[0])]()]
        elif kind == "bool":
            node.value = not node.value
        else:
            node.op = ast.BitOr() if isinstance(node.op, ast.BitAnd) else ast.BitAnd()
        yield f"{rule}: {before} -> {ast.unparse(node)}", ast.unparse(tree)


def _sites(tree):
    """(rule, kind, node) for every place a condition can be mutated, in a stable order."""
    out = []
    for rule, root in _in_conditions(tree):
        for node in ast.walk(root):
            if isinstance(node, ast.Compare) and type(node.ops[0]) in SWAP:
                out.append((rule, "op", node))
            if isinstance(node, ast.Constant) and isinstance(node.value, bool):
                out.append((rule, "bool", node))
            if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.BitAnd, ast.BitOr)):
                out.append((rule, "andor", node))
    return out


def run_tests(copy: Path, rel: str, first: tuple[str, ...] = (), only_first: bool = False, timeout: int = 900) -> bool:
    """Whether the rule tests pass in `copy`: `first` (the tests most likely to notice, so -x stops soon),
    then every rule test of `rel` not among them (none with `only_first`: a survivor is then tried against
    the rest by hand, and said so)."""
    rest = () if only_first else tuple(t for t in TESTS[rel] if t not in first)
    cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *first, *rest]
    return subprocess.run(cmd, cwd=copy, capture_output=True, timeout=timeout).returncode == 0


def _copy(dest: Path) -> Path:
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(".venv*", "node_modules", "mutants", ".git", "instance", "test-artifacts", "benchmark-results"))
    return dest


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0, help="stop after this many mutants (0: all)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rules", default="", help="comma-separated rule (or condition part) names: only their conditions")
    parser.add_argument("--figure", default="rule-condition-mutants.json", help="the results' file in docs/figures/")
    parser.add_argument("--first", default="", help="comma-separated test files to run first (then every other rule test)")
    parser.add_argument("--only-first", action="store_true", help="run only the --first tests (a shared machine: survivors then by hand)")
    parser.add_argument("--timeout", type=int, default=900, help="seconds before a run is counted as noticed (hung)")
    args = parser.parse_args()
    first = tuple(t for t in args.first.split(",") if t)
    run = {"first": first, "only_first": args.only_first and bool(first), "timeout": args.timeout}
    work = [(rel, what, mutated) for rel in FILES for what, mutated in mutants((ROOT / rel).read_text(encoding="utf-8"))]
    if args.rules:
        named = set(args.rules.split(","))  # a table's entry by its own name (ROUTE_WHEN[None]) or the table's
        work = [w for w in work if {w[1].split(":", 1)[0], w[1].split(":", 1)[0].split("[", 1)[0]} & named]
    if args.limit:
        work = work[: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        copies = [_copy(Path(tmp) / f"project{i}") for i in range(args.workers)]
        if not all(run_tests(copies[0], rel, **run) for rel in sorted({w[0] for w in work})):  # the files mutated
            print("the rule tests fail on the unmutated rules: fix that first")
            return 2
        free: queue.Queue = queue.Queue()
        for c in copies:
            free.put(c)

        def one(item):
            rel, what, mutated = item
            copy = free.get()
            try:
                (copy / rel).write_text(mutated, encoding="utf-8")
                try:
                    killed = not run_tests(copy, rel, **run)
                except subprocess.TimeoutExpired:
                    killed = True  # a run that hangs is noticed, though not by an assertion
                (copy / rel).write_text((ROOT / rel).read_text(encoding="utf-8"), encoding="utf-8")
            finally:
                free.put(copy)
            print(f"{'killed  ' if killed else 'SURVIVED'} {rel} {what}", flush=True)
            return {"file": rel, "mutant": what, "killed": killed}

        with ThreadPoolExecutor(args.workers) as pool:
            results = list(pool.map(one, work))
    command = "python scripts/mutate_rules.py" + (f" --rules {args.rules}" if args.rules else "") + (f" --first {args.first}" if first else "")
    command += " --only-first" if run["only_first"] else ""
    return report(results, args.figure, command)


if __name__ == "__main__":
    raise SystemExit(main())
