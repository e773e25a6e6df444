"""Review 37 (rules): docs/review37-rules-cases.yaml, run by the runner reviews 27-36 share.

Usage: .venv/bin/python docs/review37-rules-cases.py [-v] [case-id-substring ...]

Nothing is copied: review 34's file keeps the spec of review 33's (`_SPEC`); review 33's module hands back review 32's
runner (`_review32`), whose `main` reads its module-level CASES when called. This file follows that chain and points
CASES at review 37's YAML. Findings: docs/review37-rules.md.
"""

from __future__ import annotations

import importlib.util
import pathlib
import sys
import types

DOCS = pathlib.Path(__file__).resolve().parent


def _module(name: str, spec: importlib.machinery.ModuleSpec | None = None) -> types.ModuleType:
    spec = spec or importlib.util.spec_from_file_location(name.replace("-", "_"), DOCS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


if __name__ == "__main__":
    review34 = _module("review34-rules-cases")
    shared = _module("review33-rules-cases", review34._SPEC)._review32()
    shared.CASES = DOCS / "review37-rules-cases.yaml"
    sys.exit(shared.main(sys.argv[1:]))
