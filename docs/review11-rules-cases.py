"""Review 11 (rules): docs/review11-rules-cases.yaml, run by review 10's runner (the same checks, every `expect` key
and the three what-if oracles documented there; findings in docs/review11-rules.md).

Usage: .venv/bin/python docs/review11-rules-cases.py [-v] [case-id-substring ...]

Review 10's file is loaded, not copied: the two were line for line the same but for the case file's name.
"""

from __future__ import annotations

import importlib.util
import pathlib
import sys

DOCS = pathlib.Path(__file__).resolve().parent


def _review10():
    spec = importlib.util.spec_from_file_location("review10_rules_cases", DOCS / "review10-rules-cases.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    sys.exit(_review10().main(sys.argv[1:], DOCS / "review11-rules-cases.yaml"))
