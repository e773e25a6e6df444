"""Review 33 (rules): docs/review33-rules-cases.yaml through review 32's runner, its case file swapped for this one.

Usage: .venv/bin/python docs/review33-rules-cases.py [-v] [case-id-substring ...]

Nothing is added: review 32's runner (itself review 27's, loaded) reads its module-level CASES when `main` runs, so
this file loads it, sets CASES to this review's YAML and calls it. Findings: docs/review33-rules.md.
"""

from __future__ import annotations

import importlib.util
import pathlib
import sys

_DOCS = pathlib.Path(__file__).resolve().parent


def _review32():
    spec = importlib.util.spec_from_file_location("review32_rules_cases", _DOCS / "review32-rules-cases.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    module.CASES = _DOCS / "review33-rules-cases.yaml"
    return module


if __name__ == "__main__":
    sys.exit(_review32().main(sys.argv[1:]))
