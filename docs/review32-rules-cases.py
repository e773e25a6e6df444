"""Review 32 (rules): every case of docs/review32-rules-cases.yaml through review 27's runner.

Usage: .venv/bin/python docs/review31-rules-cases.py [-v] [case-id-substring ...]

Review 27's runner (docs/review27-rules-cases.py) is loaded, not copied, and its `main` run with its case file
(`CASES`) pointed at this review's: everything it does is unchanged (review 24's runner with review 22's `referral`
items, review 12's `check` with every `expect` key, the three what-if oracles, the p23 oracle, the CLI/API
`surfaces` check, review 26's `surfaces_refused` and review 27's `has_any`). No key is added. The findings are in
docs/review32-rules.md. contact_time defaults to 2027-01-12T10:00:00+00:00, a Tuesday in office hours.
"""

from __future__ import annotations

import importlib.util
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
CASES = HERE / "review32-rules-cases.yaml"


def main(argv: list[str]) -> int:
    spec = importlib.util.spec_from_file_location("review27_rules_cases", HERE / "review27-rules-cases.py")
    r27 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(r27)  # type: ignore[union-attr]
    r27.CASES = CASES
    return r27.main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
