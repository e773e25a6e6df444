"""Review 18 (rules): every case of docs/review18-rules-cases.yaml through review 12's `check`.

Usage: .venv/bin/python docs/review18-rules-cases.py [-v] [case-id-substring ...]

Review 17's thin runner (docs/review17-rules-cases.py) is loaded, not copied: its `_review12` (review 12's `check`
with every `expect` key, the three what-if oracles, the p23 oracle and the CLI/API `surfaces` check) and its `report`
line. Only the case file and the findings' document (docs/review18-rules.md) differ. contact_time defaults to
2027-01-12T10:00:00+00:00, a Tuesday in office hours.
"""

from __future__ import annotations

import importlib.util
import pathlib
import sys

import yaml

HERE = pathlib.Path(__file__).resolve().parent


def _load(name: str, file: str):
    spec = importlib.util.spec_from_file_location(name, HERE / file)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str]) -> int:
    r17 = _load("review17_rules_cases", "review17-rules-cases.py")
    r12 = r17._review12()
    wanted = [a for a in argv if a != "-v"]
    cases = yaml.safe_load((HERE / "review18-rules-cases.yaml").read_text())
    items = [x for x in cases if not wanted or any(w in x["id"] for w in wanted)]
    results = [(item, *r12.check(item)) for item in items]
    for item, bad, said in results:
        if bad or "-v" in argv:
            print(r17.report(item, bad, said))
    failed = sum(1 for _, bad, _ in results if bad)
    print(f"{len(results)} cases, {len(results) - failed} as expected, {failed} not")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
