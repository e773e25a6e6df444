"""Review 17 (rules): run every case of docs/review17-rules-cases.yaml with review 12's runner.

Usage: .venv/bin/python docs/review17-rules-cases.py [-v] [case-id-substring ...]

The checks are review 12's, loaded from docs/review12-rules-cases.py rather than copied: its `check` with every
`expect` key its docstring lists, the three what-if oracles, the p23 oracle (every contact's number as Key
contacts, p23, gives it, from a table copied by hand from the document, and every phone number written in the
decision one of p23's six) and the CLI/API `surfaces` check. Only the case file and the finding's document
(docs/review17-rules.md) differ. contact_time defaults to 2027-01-12T10:00:00+00:00, a Tuesday in office hours.
"""

from __future__ import annotations

import importlib.util
import pathlib
import sys

import yaml

HERE = pathlib.Path(__file__).resolve().parent


def _review12():
    """Review 12's runner, loaded as a module (its `check` is the one used)."""
    spec = importlib.util.spec_from_file_location("review12_rules_cases", HERE / "review12-rules-cases.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def report(item: dict, bad: list[str], said: str) -> str:
    """One item's lines: FAIL or ok, its id and finding, what failed, what the tool said."""
    tag = f"  [{item['finding']}]" if item.get("finding") else ""
    return "\n".join([("FAIL " if bad else "ok   ") + item["id"] + tag, *("     - " + b for b in bad), "     " + said])


def main(argv: list[str]) -> int:
    r12 = _review12()
    wanted = [a for a in argv if a != "-v"]
    items = [x for x in yaml.safe_load((HERE / "review17-rules-cases.yaml").read_text()) if not wanted or any(w in x["id"] for w in wanted)]
    results = [(item, *r12.check(item)) for item in items]
    for item, bad, said in results:
        if bad or "-v" in argv:
            print(report(item, bad, said))
    failed = sum(1 for _, bad, _ in results if bad)
    print(f"{len(results)} cases, {len(results) - failed} as expected, {failed} not")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
