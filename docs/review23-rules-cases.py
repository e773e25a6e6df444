"""Review 23 (rules): every case of docs/review23-rules-cases.yaml through review 12's `check`, and the written referral.

Usage: .venv/bin/python docs/review23-rules-cases.py [-v] [case-id-substring ...]

Review 22's runner (docs/review22-rules-cases.py) is loaded, not copied, and its `main` run with review 20's case
file pointed at this review's: review 20's runner loads review 17's, which reuses review 12's `check` with every
`expect` key, the three what-if oracles (every claim applied), the p23 oracle and the CLI/API `surfaces` check; review
22's adds the `referral` items (the case decided as the referral page decides it, its written referral's plain text
checked with `text_has` / `text_lacks` and its printable page, the one the PDF renders, with `page_has`; every phone
number in either one of p23's six). Only the case file and the findings' document (docs/review23-rules.md) differ.
contact_time defaults to 2027-01-12T10:00:00+00:00, a Tuesday in office hours.
"""

from __future__ import annotations

import importlib.util
import pathlib
import sys
import types

HERE = pathlib.Path(__file__).resolve().parent


class _Pointed(types.ModuleType):
    """Review 20's runner whose case file stays this review's, whatever review 22's `main` sets it to."""

    def __setattr__(self, key: str, value) -> None:
        super().__setattr__(key, HERE / "review23-rules-cases.yaml" if key == "CASES" else value)


def main(argv: list[str]) -> int:
    spec = importlib.util.spec_from_file_location("review22_rules_cases", HERE / "review22-rules-cases.py")
    r22 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(r22)  # type: ignore[union-attr]
    load = r22._runner

    def pointed(name: str):
        module = load(name)
        if name == "review20-rules-cases":
            module.__class__ = _Pointed
            module.CASES = None
        return module

    r22._runner = pointed
    return r22.main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
