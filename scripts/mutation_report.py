"""The report both mutation scripts write (mutate_catalogue.py, mutate_rules.py): the raw results
in docs/figures/ with date and command, a one-line total, and the exit code (1 if any survived)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

FIGURES = Path(__file__).resolve().parents[1] / "docs" / "figures"


def report(results: list[dict], figure: str, command: str) -> int:
    survived = [r for r in results if not r["killed"]]
    (FIGURES / figure).write_text(
        json.dumps(
            {"date": date.today().isoformat(), "command": command, "mutants": len(results), "survived": len(survived), "results": results},
            indent=1,
        )
        + "\n"
    )
    print(f"{len(results)} mutants, {len(survived)} survived")
    return 1 if survived else 0
