"""Review 21 (rules): every case of docs/review21-rules-cases.yaml through review 12's `check`.

Usage: .venv/bin/python docs/review21-rules-cases.py [-v] [case-id-substring ...]

Review 20's runner (docs/review20-rules-cases.py) is loaded and pointed at this review's case file: it loads review
17's runner, which reuses review 12's `check` with every `expect` key, the three what-if oracles, the p23 oracle and
the CLI/API `surfaces` check. Only the case file and the findings' document (docs/review21-rules.md) differ.
contact_time defaults to 2027-01-12T10:00:00+00:00, a Tuesday in office hours.
"""

from __future__ import annotations

import importlib.util
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent


def _review20_pointed_here():
    """Review 20's runner as a module, its case file set to this review's."""
    spec = importlib.util.spec_from_file_location("review20_rules_cases", HERE / "review20-rules-cases.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.CASES = HERE / "review21-rules-cases.yaml"
    return module


if __name__ == "__main__":
    sys.exit(_review20_pointed_here().main(sys.argv[1:]))
