"""Review 34 (rules): docs/review34-rules-cases.yaml through the runner review 33 already loads.

Usage: .venv/bin/python docs/review34-rules-cases.py [-v] [case-id-substring ...]

Nothing is added or copied: review 33's file hands back review 32's runner module (`_review32`), whose `main` reads
its module-level CASES when called; this file takes that module, points CASES at this review's YAML and runs it.
Findings: docs/review34-rules.md.
"""

from __future__ import annotations

import importlib.util
import pathlib
import sys

_HERE = pathlib.Path(__file__).resolve().parent
_SPEC = importlib.util.spec_from_file_location("review33_rules_cases", _HERE / "review33-rules-cases.py")


def main(argv: list[str]) -> int:
    review33 = importlib.util.module_from_spec(_SPEC)  # type: ignore[arg-type]
    _SPEC.loader.exec_module(review33)  # type: ignore[union-attr]
    runner = review33._review32()
    runner.CASES = _HERE / "review34-rules-cases.yaml"
    return runner.main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
