"""Review 15 (rules): run every case of docs/review15-rules-cases.yaml with review 12's runner.

Usage: .venv/bin/python docs/review15-rules-cases.py [-v] [case-id-substring ...]

The checks are review 12's, loaded from docs/review12-rules-cases.py rather than copied: its `check` with every
`expect` key its docstring lists, the three what-if oracles, the p23 oracle (every contact's number as Key
contacts, p23, gives it, from a table copied by hand from the document, and every phone number written in the
decision one of p23's six) and the CLI/API `surfaces` check. Only the case file and the finding's document
(docs/review15-rules.md) differ. contact_time defaults to 2027-01-12T10:00:00+00:00, a Tuesday in office hours.
"""

from __future__ import annotations

import importlib.util
import pathlib
import sys

import yaml

HERE = pathlib.Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("review12_rules_cases", HERE / "review12-rules-cases.py")
assert _spec is not None and _spec.loader is not None
r12 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(r12)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    only = [a for a in argv if a != "-v"]
    items = yaml.safe_load((HERE / "review15-rules-cases.yaml").read_text())
    n = fails = 0
    for item in items:
        if only and not any(o in item["id"] for o in only):
            continue
        n += 1
        bad, said = r12.check(item)
        if bad or verbose:
            print(("FAIL " if bad else "ok   ") + item["id"] + (f"  [{item['finding']}]" if item.get("finding") else ""))
            for b in bad:
                print("     -", b)
            print("     " + said)
        fails += bool(bad)
    print(f"{n} cases, {n - fails} as expected, {fails} not")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
