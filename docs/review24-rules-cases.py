"""Review 24 (rules): every case of docs/review24-rules-cases.yaml through review 12's `check`, and the written referral.

Usage: .venv/bin/python docs/review24-rules-cases.py [-v] [case-id-substring ...]

Review 23's runner (docs/review23-rules-cases.py) is loaded, not copied, and run with the case file its pointed module
holds set to this review's instead of review 23's: the chain below it is unchanged (review 22's `main` with the
`referral` items, review 20's and 17's reporting, review 12's `check` with every `expect` key, the three what-if
oracles applying every claim, the p23 oracle and the CLI/API `surfaces` check). Only the case file and the findings'
document (docs/review24-rules.md) differ. contact_time defaults to 2027-01-12T10:00:00+00:00, a Tuesday in office hours.
"""

from __future__ import annotations

import importlib.util
import pathlib
import sys
import types

HERE = pathlib.Path(__file__).resolve().parent


def _this_reviews_cases(self: types.ModuleType, key: str, value) -> None:
    types.ModuleType.__setattr__(self, key, HERE / "review24-rules-cases.yaml" if key == "CASES" else value)


def main(argv: list[str]) -> int:
    spec = importlib.util.spec_from_file_location("review23_rules_cases", HERE / "review23-rules-cases.py")
    r23 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(r23)  # type: ignore[union-attr]
    r23._Pointed.__setattr__ = _this_reviews_cases  # type: ignore[method-assign]
    return r23.main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
