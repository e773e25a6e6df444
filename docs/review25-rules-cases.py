"""Review 25 (rules): every case of docs/review25-rules-cases.yaml through review 12's `check`, and the written referral.

Usage: .venv/bin/python docs/review25-rules-cases.py [-v] [case-id-substring ...]

Review 24's runner (docs/review24-rules-cases.py) is loaded, not copied, and its `main` run with the hook that points
review 23's runner at a case file swapped for one that points it at this review's: everything below is unchanged
(review 22's `main` with the `referral` items, review 20's and 17's reporting, review 12's `check` with every `expect`
key, the three what-if oracles applying every claim, the p23 oracle and the CLI/API `surfaces` check). The findings
are in docs/review25-rules.md. contact_time defaults to 2027-01-12T10:00:00+00:00, a Tuesday in office hours.
"""

from __future__ import annotations

import importlib.util
import pathlib
import sys
import types

HERE = pathlib.Path(__file__).resolve().parent


def _point_at_review25(self: types.ModuleType, key: str, value) -> None:
    types.ModuleType.__setattr__(self, key, HERE / "review25-rules-cases.yaml" if key == "CASES" else value)


def main(argv: list[str]) -> int:
    spec = importlib.util.spec_from_file_location("review24_rules_cases", HERE / "review24-rules-cases.py")
    r24 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(r24)  # type: ignore[union-attr]
    r24._this_reviews_cases = _point_at_review25  # type: ignore[attr-defined]
    return r24.main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
