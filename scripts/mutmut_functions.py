"""Make mutmut's mutants of a few named functions only, in a scratch copy of the tree (review 22, docs/safety/mutation.md).

`mutmut run` mutates every function of a file it is given: pathway/search.py (5,400 lines) became a 63 MB module that
took mutmut over 6 minutes and 5 GB to write, before a test had run. This asks mutmut's own generator
(`mutate_file_contents`) for the mutants of the lines of the functions named only, writes the module it gives (the
trampolines: `MUTANT_UNDER_TEST` picks a mutant) over the file in a scratch copy of the tracked tree, and prints each
function's mutant numbers as scripts/mutmut_narrow.py takes them:

    .venv/bin/python scripts/mutmut_functions.py SCRATCH pathway/search_senses.py:SenseReadings._named_rows_below \
        pathway/search_p9.py:P9Readings._p9_spelt pathway/english.py:english_count
    cd SCRATCH && .venv/bin/python scripts/mutmut_narrow.py pathway.search_senses.xǁSenseReadingsǁ_named_rows_below:1:N ... -- TEST ...

The names are mutmut's (`x_FUNCTION__mutmut_N`, `xǁCLASSǁMETHOD__mutmut_N`), so `mutmut show`'s reading of a mutant is
the same; `scripts/mutmut_functions.py --show SCRATCH NAME` prints a mutant's diff.
"""

from __future__ import annotations

import ast
import difflib
import os
import re
import subprocess
import sys
from pathlib import Path

from mutmut.mutation.file_mutation import mutate_file_contents

ROOT = Path(__file__).resolve().parent.parent


def _lines(source: str, names: list[str]) -> set[int]:
    tree = ast.parse(source)
    spans: dict[str, tuple[int, int]] = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            spans[node.name] = (node.lineno, node.end_lineno or node.lineno)
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    spans[f"{node.name}.{item.name}"] = (item.lineno, item.end_lineno or item.lineno)
    out: set[int] = set()
    for name in names:
        if name not in spans:
            raise SystemExit(f"no top-level function or method {name}")
        first, last = spans[name]
        out |= set(range(first, last + 1))
    return out


def make(scratch: Path, specs: list[str]) -> None:
    scratch.mkdir(parents=True, exist_ok=False)
    files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True, check=True)
    listed = "\n".join(f for f in files.stdout.splitlines() if f not in {".venv", "node_modules"} and (ROOT / f).is_file())
    subprocess.run(f"tar -cf - -T - | tar -xf - -C {scratch}", shell=True, cwd=ROOT, input=listed, text=True, check=True)
    os.symlink(ROOT / ".venv", scratch / ".venv")
    for spec in specs:
        path, _, names = spec.partition(":")
        source = (ROOT / path).read_text()
        mutated = mutate_file_contents(path, source, covered_lines=_lines(source, names.split(",")))
        (scratch / path).write_text(mutated.code)
        module = path.removesuffix(".py").replace("/", ".")
        counts: dict[str, int] = {}
        for name in mutated.mutant_names:
            base, _, n = name.rpartition("__mutmut_")
            counts[base] = max(counts.get(base, 0), int(n))
        for base, n in counts.items():
            print(f"{module}.{base}:1:{n}")


def show(scratch: Path, name: str) -> None:
    """The diff of one mutant against the function it mutates (read from the scratch tree's mutated module)."""
    module, _, mutant = name.rpartition(".")
    base = mutant.rpartition("__mutmut_")[0]
    text = (scratch / (module.replace(".", "/") + ".py")).read_text()

    def function(fname: str) -> list[str]:
        m = re.search(rf"^(\s*)def {re.escape(fname)}\(.*?(?=^\1(?:def |@|\S)|\Z)", text, re.S | re.M)
        if not m:
            raise SystemExit(f"no {fname}")
        return [line.replace(fname, "FUNCTION") for line in m.group(0).splitlines()]

    sys.stdout.writelines(line + "\n" for line in difflib.unified_diff(function(base + "__mutmut_orig"), function(mutant), lineterm="", n=1))


if __name__ == "__main__":
    if sys.argv[1] == "--show":
        for mutant_name in sys.argv[3:]:
            print(f"== {mutant_name}")
            show(Path(sys.argv[2]), mutant_name)
    else:
        make(Path(sys.argv[1]), sys.argv[2:])
