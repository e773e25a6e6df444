"""Review 26 (rules): every case of docs/review26-rules-cases.yaml through review 12's `check`, and the written referral.

Usage: .venv/bin/python docs/review26-rules-cases.py [-v] [case-id-substring ...]

Review 24's runner (docs/review24-rules-cases.py) is loaded, not copied, and its `main` run with the hook that points
review 23's runner at a case file swapped for one that points it at this review's, as review 25's runner does: everything below is unchanged
(review 22's `main` with the `referral` items, review 20's and 17's reporting, review 12's `check` with every `expect`
key, the three what-if oracles applying every claim, the p23 oracle and the CLI/API `surfaces` check). One key is
added: a refused case whose `expect` has `surfaces_refused: true` is also sent to POST /api/v1/assess and to
`python -m cli assess -`, and passes only when both refuse it (the API with a 4xx, the CLI with a non-zero exit) and
both name the field `refused_has` names. The findings are in docs/review26-rules.md. contact_time defaults to
2027-01-12T10:00:00+00:00, a Tuesday in office hours.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import pathlib
import re
import subprocess
import sys
import types

import yaml

HERE = pathlib.Path(__file__).resolve().parent
CASES = HERE / "review26-rules-cases.yaml"


def _point_at_review26(self: types.ModuleType, key: str, value) -> None:
    types.ModuleType.__setattr__(self, key, CASES if key == "CASES" else value)


def _runner(name: str):
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"), HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def refused_on_surfaces(item: dict) -> list[str]:
    """The API and the CLI refuse the case and name the field, as Case.parse does."""
    raw, field = item["case"], item["expect"]["refused_has"].lower()
    r12 = _runner("review12-rules-cases")
    resp = r12.client().post("/api/v1/assess", json=raw)
    bad = [] if 400 <= resp.status_code < 500 else [f"API answered {resp.status_code}"]
    if field not in resp.get_data(as_text=True).lower():
        bad.append(f"API refusal lacks {field!r}")
    root = HERE.parent
    p = subprocess.run([str(root / ".venv/bin/python"), "-m", "cli", "assess", "-"], input=json.dumps(raw), capture_output=True, text=True, cwd=root)
    if p.returncode == 0:
        bad.append("CLI accepted it")
    if field not in (p.stderr + p.stdout).lower():
        bad.append(f"CLI refusal lacks {field!r}: {(p.stderr + p.stdout)[-200:]!r}")
    return bad


def main(argv: list[str]) -> int:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        spec = importlib.util.spec_from_file_location("review24_rules_cases", HERE / "review24-rules-cases.py")
        r24 = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(r24)  # type: ignore[union-attr]
        r24._this_reviews_cases = _point_at_review26  # type: ignore[attr-defined]
        r24.main(argv)
    lines = out.getvalue().rstrip("\n").split("\n")
    total = re.match(r"(\d+) cases, (\d+) as expected", lines[-1])
    print("\n".join(lines[:-1]))
    wanted = [a for a in argv if a != "-v"]
    extra = 0
    for item in yaml.safe_load(CASES.read_text()):
        if item.get("expect", {}).get("surfaces_refused") and (not wanted or any(w in item["id"] for w in wanted)):
            bad = refused_on_surfaces(item)
            if bad and f"FAIL {item['id']}" not in out.getvalue():
                extra += 1
            if bad or "-v" in argv:
                print(("FAIL " if bad else "ok   ") + item["id"] + " (API and CLI)", *("\n     - " + b for b in bad))
    n, ok = int(total.group(1)), int(total.group(2)) - extra
    print(f"{n} cases, {ok} as expected, {n - ok} not")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
