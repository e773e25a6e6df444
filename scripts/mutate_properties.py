"""Hand mutants of the code mutmut cannot reach (`make mutate-properties`, docs/safety/mutation.md, review 19).

mutmut 3 does not mutate decorated functions: every `@property` that carries a decision (a level, the direction of
an override, immediate or not) and every Flask view (decorated by its route) is out of its reach. This script
applies, one at a time, the mutants mutmut would make there (operator swaps, boolean flips, constants changed,
`return None`), each in a scratch copy of the tree (the checkout is never touched), runs the tests named for it on
SQLite (`-x`), and records killed or survived. Raw results: docs/figures/review19-mutmut-properties.txt.

    python scripts/mutate_properties.py [--only ID-PREFIX ...] [--list] [--output FILE]

A mutant is (id, file, the exact text it replaces, what it puts there, the test group); the text must occur once
in the file (the script refuses a list that has gone stale). Each group's tests are first run unmutated and must pass.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "figures" / "review19-mutmut-properties.txt"

GROUPS: dict[str, list[str]] = {
    # the saved entry's and override's properties: overrides list, dashboard, export, reviews
    "entry": [
        "tests/store/test_immediate_overrides.py",
        "tests/webapp/accounts/test_immediate_oversight.py",
        "tests/store/test_reviews.py",
        "tests/store/test_retention_export.py",
        "tests/webapp/accounts/test_dashboard.py",
        "tests/webapp/accounts/test_override_immediate.py",
        "tests/webapp/accounts/test_review15_paging.py",
        "tests/store/test_assessments.py",
    ],
    "dashboard": [
        "tests/store/test_immediate_overrides.py",
        "tests/webapp/accounts/test_dashboard.py",
        "tests/webapp/accounts/test_chart.py",
    ],
    "diff": ["tests/pathway/test_ruleset_diff.py", "tests/webapp/test_review15_ruleset_report.py"],
    "age": [
        "tests/pathway/test_models.py",
        "tests/rules/test_age_bands.py",
        "tests/rules/test_review7_ages.py",
        "tests/rules/test_review8_ages.py",
        "tests/rules/test_young_pregnancy.py",
        "tests/rules/test_review12_pregnancy_mutants.py",
    ],
    "paging": [
        "tests/webapp/accounts/test_review15_paging.py",
        "tests/webapp/accounts/test_immediate_oversight.py",
        "tests/webapp/accounts/test_oversight_teams.py",
        "tests/webapp/accounts/test_review.py",
        "tests/webapp/accounts/test_cases.py",
    ],
}


@dataclass(frozen=True)
class Mutant:
    id: str
    file: str
    old: str
    new: str
    group: str


A = "store/assessments.py"
D = "store/dashboard.py"
R = "training/ruleset_diff.py"
M = "pathway/models.py"
P = "webapp/paging.py"
V = "webapp/cases/views.py"
DIRECTION = 'return "down" if mine < tool else "up" if mine > tool else "same"'
IMMEDIATE = 'return bool(self.decision.get("immediate"))'
OVERRIDDEN = "return self.immediate and bool(self.overrides)"
RECORDED = "return self.overrides[-1].level if self.overrides else self.level"
AGE = "return self.age_years * 12 + (self.age_months or 0)"

MUTANTS: list[Mutant] = [
    # --- immediate or not (p9): Entry.immediate, Entry.immediate_overridden
    Mutant("immediate-1", A, IMMEDIATE, 'return bool(self.decision.get("XXimmediateXX"))', "entry"),
    Mutant("immediate-2", A, IMMEDIATE, 'return bool(self.decision.get("IMMEDIATE"))', "entry"),
    Mutant("immediate-3", A, IMMEDIATE, "return bool(self.decision.get(None))", "entry"),
    Mutant("immediate-4", A, IMMEDIATE, "return bool(None)", "entry"),
    Mutant("immediate-5", A, IMMEDIATE, "return None", "entry"),
    Mutant("immediate-6", A, IMMEDIATE, 'return not bool(self.decision.get("immediate"))', "entry"),
    Mutant("immediate_overridden-1", A, OVERRIDDEN, "return self.immediate or bool(self.overrides)", "entry"),
    Mutant("immediate_overridden-2", A, OVERRIDDEN, "return self.immediate and bool(None)", "entry"),
    Mutant("immediate_overridden-3", A, OVERRIDDEN, "return None", "entry"),
    Mutant("immediate_overridden-4", A, OVERRIDDEN, "return self.immediate", "entry"),
    Mutant("immediate_overridden-5", A, OVERRIDDEN, "return bool(self.overrides)", "entry"),
    # --- the direction of an override: Override.direction
    Mutant("direction-1", A, DIRECTION, DIRECTION.replace(" < ", " <= "), "entry"),
    Mutant("direction-2", A, DIRECTION, DIRECTION.replace(" < ", " > "), "entry"),
    Mutant("direction-3", A, DIRECTION, DIRECTION.replace('"down"', '"XXdownXX"'), "entry"),
    Mutant("direction-4", A, DIRECTION, DIRECTION.replace('"up"', '"XXupXX"'), "entry"),
    Mutant("direction-5", A, DIRECTION, DIRECTION.replace('"up"', "None"), "entry"),
    Mutant("direction-6", A, DIRECTION, "return None", "entry"),
    # fix19o: the third direction, an override back to the tool's own level
    Mutant("direction-7", A, DIRECTION, DIRECTION.replace(" > ", " >= "), "entry"),
    Mutant("direction-8", A, DIRECTION, DIRECTION.replace('else "same"', 'else "up"'), "entry"),
    Mutant("direction-9", A, DIRECTION, DIRECTION.replace('"same"', '"XXsameXX"'), "entry"),
    Mutant("reviewed-1", A, "return bool(self.reviews)", "return bool(None)", "entry"),
    Mutant("reviewed-2", A, "return bool(self.reviews)", "return None", "entry"),
    # --- the level recorded: Entry.recorded_level
    Mutant("recorded_level-1", A, RECORDED, RECORDED.replace("[-1]", "[+1]"), "entry"),
    Mutant("recorded_level-2", A, RECORDED, RECORDED.replace("[-1]", "[-2]"), "entry"),
    Mutant("recorded_level-3", A, RECORDED, RECORDED.replace("[-1]", "[0]"), "entry"),
    Mutant("recorded_level-4", A, RECORDED, "return self.level", "entry"),
    Mutant("recorded_level-5", A, RECORDED, "return None", "entry"),
    # --- the dashboard's counts: overridden immediate referrals first (Dashboard properties)
    Mutant(
        "override_rate-1",
        D,
        "return None if not self.entries else 100 * self.overridden / self.entries",
        "return None if self.entries else 100 * self.overridden / self.entries",
        "dashboard",
    ),
    Mutant(
        "override_rate-2",
        D,
        "return None if not self.entries else 100 * self.overridden / self.entries",
        "return None if not self.entries else 101 * self.overridden / self.entries",
        "dashboard",
    ),
    Mutant(
        "override_rate-3",
        D,
        "return None if not self.entries else 100 * self.overridden / self.entries",
        "return None if not self.entries else 100 * self.overridden * self.entries",
        "dashboard",
    ),
    Mutant("override_rate-4", D, "return None if not self.entries else 100 * self.overridden / self.entries", "return None", "dashboard"),
    Mutant("differ_count-1", D, "if tool != recorded)", "if tool == recorded)", "dashboard"),
    Mutant("differ_count-2", D, "return sum(n for (tool, _immediate, recorded), n in self.differ.items() if tool != recorded)", "return None", "dashboard"),
    Mutant("tool_rows-1", D, "for tool, imm, _recorded in self.differ if imm}", "for tool, imm, _recorded in self.differ if not imm}", "dashboard"),
    Mutant("tool_rows-2", D, "immediate = {Level.PROTECTION.value} | {tool", "immediate = {Level.PROTECTION.value} & {tool", "dashboard"),
    Mutant("tool_rows-3", D, "[(lv.value, True) for lv in reversed(LEVELS)", "[(lv.value, False) for lv in reversed(LEVELS)", "dashboard"),
    Mutant("tool_rows-4", D, "[(lv.value, True) for lv in reversed(LEVELS)", "[(lv.value, True) for lv in LEVELS", "dashboard"),
    Mutant("tool_rows-5", D, "if lv.value in immediate]", "if lv.value not in immediate]", "dashboard"),
    Mutant("tool_rows-6", D, "return rows + [(lv.value, False) for lv in LEVELS]", "return rows + [(lv.value, True) for lv in LEVELS]", "dashboard"),
    Mutant("tool_rows-7", D, "return rows + [(lv.value, False) for lv in LEVELS]", "return rows", "dashboard"),
    Mutant("tool_rows-8", D, "return rows + [(lv.value, False) for lv in LEVELS]", "return None", "dashboard"),
    # --- the ruleset report's columns (levels): Report.columns, Report.saved_columns
    Mutant("columns-1", R, "return _columns(self.transitions)", "return _columns(None)", "diff"),
    Mutant("columns-2", R, "return _columns(self.transitions)", "return None", "diff"),
    Mutant("columns-3", R, "return _columns(self.transitions)", "return _columns(self.saved_transitions)", "diff"),
    Mutant("saved_columns-1", R, "return _columns(self.saved_transitions)", "return _columns(None)", "diff"),
    Mutant("saved_columns-2", R, "return _columns(self.saved_transitions)", "return None", "diff"),
    Mutant("saved_columns-3", R, "return _columns(self.saved_transitions)", "return _columns(self.transitions)", "diff"),
    # --- the child's age (p9's under-1 criterion, age bands): Child.age_in_months, months_given, Parent.age_in_months
    Mutant("age_in_months-1", M, "if self.unborn or self.age_years is None:", "if self.unborn and self.age_years is None:", "age"),
    Mutant("age_in_months-2", M, "if self.unborn or self.age_years is None:", "if self.unborn or self.age_years is not None:", "age"),
    Mutant("age_in_months-3", M, AGE, AGE.replace("* 12", "* 13"), "age"),
    Mutant("age_in_months-4", M, AGE, AGE.replace("* 12 +", "* 12 -"), "age"),
    Mutant("age_in_months-5", M, AGE, AGE.replace("or 0", "or 1"), "age"),
    Mutant("age_in_months-6", M, AGE, AGE.replace("or 0", "and 0"), "age"),
    Mutant("age_in_months-7", M, AGE, "return None", "age"),
    Mutant("months_given-1", M, "return self.age_months is not None", "return self.age_months is None", "age"),
    Mutant("months_given-2", M, "return self.age_months is not None", "return None", "age"),
    Mutant(
        "parent_age-1",
        M,
        "return None if self.age_years is None else self.age_years * 12",
        "return None if self.age_years is not None else self.age_years * 12",
        "age",
    ),
    Mutant(
        "parent_age-2",
        M,
        "return None if self.age_years is None else self.age_years * 12",
        "return None if self.age_years is None else self.age_years * 13",
        "age",
    ),
    Mutant("parent_age-3", M, "return None if self.age_years is None else self.age_years * 12", "return None", "age"),
    # --- paging: Page.pages, Page.start (properties)
    Mutant("pages-1", P, "return max(1, -(-self.total // self.size))", "return max(2, -(-self.total // self.size))", "paging"),
    Mutant("pages-2", P, "return max(1, -(-self.total // self.size))", "return max(0, -(-self.total // self.size))", "paging"),
    Mutant("pages-3", P, "return max(1, -(-self.total // self.size))", "return max(1, -(+self.total // self.size))", "paging"),
    Mutant("pages-4", P, "return max(1, -(-self.total // self.size))", "return max(1, (-self.total // self.size))", "paging"),
    Mutant("pages-5", P, "return max(1, -(-self.total // self.size))", "return max(1, -(-self.total / self.size))", "paging"),
    Mutant("pages-6", P, "return max(1, -(-self.total // self.size))", "return None", "paging"),
    Mutant("start-1", P, "return (self.number - 1) * self.size", "return (self.number + 1) * self.size", "paging"),
    Mutant("start-2", P, "return (self.number - 1) * self.size", "return (self.number - 2) * self.size", "paging"),
    Mutant("start-3", P, "return (self.number - 1) * self.size", "return (self.number - 1) / self.size", "paging"),
    Mutant("start-4", P, "return (self.number - 1) * self.size", "return None", "paging"),
    # --- paging views (decorated by their routes): cases.cases, cases.overrides
    Mutant("cases-1", V, "limit=page.size, offset=page.start)", "limit=None, offset=page.start)", "paging"),
    Mutant("cases-2", V, "limit=page.size, offset=page.start)", "limit=page.size, offset=None)", "paging"),
    Mutant("cases-3", V, 'url_for("cases.cases", page=n if n > 1 else None)', 'url_for("cases.cases", page=n if n >= 1 else None)', "paging"),
    Mutant("cases-4", V, 'url_for("cases.cases", page=n if n > 1 else None)', 'url_for("cases.cases", page=n if n > 2 else None)', "paging"),
    Mutant("cases-5", V, 'url_for("cases.cases", page=n if n > 1 else None)', 'url_for("cases.cases", page=None)', "paging"),
    Mutant("overrides-1", V, "on_page = page.of(immediate + others)", "on_page = page.of(others + immediate)", "paging"),
    Mutant("overrides-2", V, "page = paging.asked(len(immediate) + len(others))", "page = paging.asked(len(immediate) - len(others))", "paging"),
    Mutant("overrides-3", V, "page = paging.asked(len(immediate) + len(others))", "page = paging.asked(len(others))", "paging"),
    Mutant("overrides-4", V, "        if e.id not in later:", "        if e.id in later:", "paging"),
    Mutant(
        "overrides-5",
        V,
        'args = _list_args(user, {**request.args, "page": str(page.number)})',
        'args = _list_args(user, {**request.args, "XXpageXX": str(page.number)})',
        "paging",
    ),
    Mutant("overrides-6", V, 'args = _list_args(user, {**request.args, "page": str(page.number)})', "args = _list_args(user, {**request.args})", "paging"),
    Mutant("overrides-7", V, "state.overrides_list.set(args)", "state.overrides_list.set(None)", "paging"),
    Mutant("overrides-8", V, 'filters = {k: v for k, v in args.items() if k != "page"}', 'filters = {k: v for k, v in args.items() if k == "page"}', "paging"),
    Mutant("overrides-9", V, "immediate=[p for p in on_page if p[0].immediate],", "immediate=[p for p in on_page if not p[0].immediate],", "paging"),
    Mutant("overrides-10", V, "others=[p for p in on_page if not p[0].immediate],", "others=[p for p in on_page if p[0].immediate],", "paging"),
    Mutant("overrides-11", V, "immediate_total=len(immediate),", "immediate_total=None,", "paging"),
    Mutant(
        "overrides-12",
        V,
        "immediate_pages=paging.Page(1, page.size, len(immediate)).pages,",
        "immediate_pages=paging.Page(2, page.size, len(immediate)).pages,",
        "paging",
    ),
    Mutant(
        "overrides-13",
        V,
        "immediate_pages=paging.Page(1, page.size, len(immediate)).pages,",
        "immediate_pages=paging.Page(1, page.size, len(others)).pages,",
        "paging",
    ),
    Mutant("overrides-14", V, "others_total=len(others),", "others_total=None,", "paging"),
    Mutant("overrides-15", V, "others_first_page=len(immediate) // page.size + 1,", "others_first_page=len(immediate) // page.size + 2,", "paging"),
    Mutant("overrides-16", V, "others_first_page=len(immediate) // page.size + 1,", "others_first_page=len(immediate) // page.size - 1,", "paging"),
    Mutant("overrides-17", V, "page=len(immediate) // page.size + 1),", "page=len(immediate) // page.size + 2),", "paging"),
    Mutant("overrides-18", V, "page=len(immediate) // page.size + 1),", "page=len(immediate) * page.size + 1),", "paging"),
    Mutant("overrides-19", V, "shown=len(immediate) + len(others),", "shown=len(immediate) - len(others),", "paging"),
    Mutant("overrides-20", V, "total=len(pairs),", "total=None,", "paging"),
    Mutant(
        "overrides-21",
        V,
        'url_for("cases.overrides", **filters, page=n if n > 1 else None)',
        'url_for("cases.overrides", **filters, page=n if n >= 1 else None)',
        "paging",
    ),
    Mutant(
        "overrides-22",
        V,
        'url_for("cases.overrides", **filters, page=n if n > 1 else None)',
        'url_for("cases.overrides", **filters, page=n if n > 2 else None)',
        "paging",
    ),
    Mutant("overrides-23", V, 'first_page=url_for("cases.overrides", **filters),', "first_page=None,", "paging"),
    Mutant("overrides-24", V, "list_args=args,", "list_args=None,", "paging"),
    Mutant("overrides-25", V, 'review_again=request.args.get("again") == "review",', 'review_again=request.args.get("again") != "review",', "paging"),
]


def scratch_tree() -> Path:
    """A copy of the checkout's tracked and new files (as scripts/mutmut_scratch.sh makes), the venv linked."""
    work = Path(tempfile.mkdtemp(prefix="mutate-properties-"))
    files = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\n")
    for name in files:
        if not name or name in (".venv", "node_modules") or not (ROOT / name).is_file():
            continue
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, work / name)
    if (ROOT / "webapp/static/govuk").is_dir():
        shutil.copytree(ROOT / "webapp/static/govuk", work / "webapp/static/govuk", dirs_exist_ok=True)
    (work / ".venv").symlink_to(ROOT / ".venv")
    return work


def run_tests(work: Path, tests: list[str]) -> tuple[int, str]:
    cmd = [str(work / ".venv/bin/python"), "-m", "pytest", "-x", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", "-k", "not postgresql", *tests]
    done = subprocess.run(["nice", "-n", "10", *cmd], cwd=work, capture_output=True, text=True, timeout=1800)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("FAILED") or ln.startswith("ERROR")]
    return done.returncode, (lines[0] if lines else (done.stdout.strip().splitlines() or [""])[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", nargs="*", default=[], help="mutant ids starting with these")
    ap.add_argument("--list", action="store_true", help="list the mutants and stop")
    ap.add_argument("--output", type=Path, default=None, help=f"default: {OUTPUT.relative_to(ROOT)} for a whole run, none with --only")
    args = ap.parse_args(argv)
    chosen = [m for m in MUTANTS if not args.only or any(m.id.startswith(p) for p in args.only)]
    for m in chosen:
        text = (ROOT / m.file).read_text()
        if text.count(m.old) != 1:
            print(f"{m.id}: {m.file} has {text.count(m.old)} copies of {m.old!r}: the list is stale", file=sys.stderr)
            return 2
    if args.list:
        for m in chosen:
            print(f"{m.id}: {m.file}: {m.old!r} -> {m.new!r} [{m.group}]")
        return 0
    work = scratch_tree()
    out: list[str] = []
    try:
        for group in dict.fromkeys(m.group for m in chosen):
            rc, said = run_tests(work, GROUPS[group])
            if rc != 0:
                print(f"group {group}: the tests fail unmutated ({said})", file=sys.stderr)
                return 2
        for m in chosen:
            path = work / m.file
            original = path.read_text()
            path.write_text(original.replace(m.old, m.new, 1))
            started = time.monotonic()
            try:
                rc, said = run_tests(work, GROUPS[m.group])
            finally:
                path.write_text(original)
            status = {0: "survived", 1: "killed", 2: "killed (collection error)"}.get(rc, f"error (pytest exit {rc})")
            took = time.monotonic() - started
            line = f"{m.id}: {status}  [{m.file}: {m.old.strip()!r} -> {m.new.strip()!r}; {m.group}; {took:.0f}s] {said if rc else ''}".rstrip()
            print(line, flush=True)
            out.append(line)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    output = args.output or (None if args.only else OUTPUT)
    if output:
        output.write_text("\n".join(out) + "\n")
    killed = sum(": killed" in ln for ln in out)
    print(f"{len(out)} mutants, {killed} killed, {sum(': survived' in ln for ln in out)} survived")
    return 0


if __name__ == "__main__":
    sys.exit(main())
