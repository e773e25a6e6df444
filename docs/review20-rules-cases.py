"""Review 20 (rules): every case of docs/review20-rules-cases.yaml through review 12's `check`.

Usage: .venv/bin/python docs/review20-rules-cases.py [-v] [case-id-substring ...]

Review 17's thin runner (docs/review17-rules-cases.py) is loaded, not copied, as review 18's runner loads it: its
`_review12` (review 12's `check` with every `expect` key, the three what-if oracles, the p23 oracle and the CLI/API
`surfaces` check) and its `report` line. Only the case file and the findings' document (docs/review20-rules.md)
differ. contact_time defaults to 2027-01-12T10:00:00+00:00, a Tuesday in office hours.
"""

from __future__ import annotations

import importlib.util
import pathlib
import sys

import yaml

HERE = pathlib.Path(__file__).resolve().parent
CASES = HERE / "review20-rules-cases.yaml"


def _review17():
    """Review 17's runner, loaded as a module: its `_review12` (review 12's `check`) and its `report`."""
    spec = importlib.util.spec_from_file_location("review17_rules_cases", HERE / "review17-rules-cases.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str]) -> int:
    r17 = _review17()
    check = r17._review12().check
    wanted = [a for a in argv if a != "-v"]
    items = [x for x in yaml.safe_load(CASES.read_text()) if not wanted or any(w in x["id"] for w in wanted)]
    failed = 0
    for item in items:
        bad, said = check(item)
        failed += bool(bad)
        if bad or "-v" in argv:
            print(r17.report(item, bad, said))
    print(f"{len(items)} cases, {len(items) - failed} as expected, {failed} not")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
