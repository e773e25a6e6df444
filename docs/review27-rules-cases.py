"""Review 27 (rules): every case of docs/review27-rules-cases.yaml through review 12's `check`, and the written referral.

Usage: .venv/bin/python docs/review27-rules-cases.py [-v] [case-id-substring ...]

Review 24's runner (docs/review24-rules-cases.py) is loaded, not copied, and its `main` run with the hook that points
review 23's runner at a case file swapped for one that points it at this review's, as reviews 25 and 26 do: everything
below is unchanged (review 22's `main` with the `referral` items, review 20's and 17's reporting, review 12's `check`
with every `expect` key, the three what-if oracles applying every claim, the p23 oracle and the CLI/API `surfaces`
check). Review 26's `surfaces_refused` key is kept, its check loaded from docs/review26-rules-cases.py (a refused case
is also sent to POST /api/v1/assess and to `python -m cli assess -`, and passes only when both refuse it and name the
field `refused_has` names). One key is added: a search's `has_any: [ids]` passes when at least one of the ids is in the
first `top` rows (where the document offers several rows for the words, any of them); review 24's runner is given the
case file with `has_any` taken out (written to a temporary file) and this runner checks it. The findings are in
docs/review27-rules.md. contact_time defaults to 2027-01-12T10:00:00+00:00, a Tuesday in office hours.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import pathlib
import re
import sys
import tempfile
import types

import yaml

HERE = pathlib.Path(__file__).resolve().parent
CASES = HERE / "review27-rules-cases.yaml"


def _load(name: str) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"), HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _without_has_any() -> pathlib.Path:
    """The case file with every search's `has_any` taken out, for review 24's runner (which sends the rest to the API)."""
    items = yaml.safe_load(CASES.read_text())
    for item in items:
        item.get("search", {}).pop("has_any", None)
    out = pathlib.Path(tempfile.mkdtemp(prefix="review27-")) / "cases.yaml"
    out.write_text(yaml.safe_dump(items, sort_keys=False, allow_unicode=True))
    return out


def _pointer(path: pathlib.Path):
    def _point_at_review27(self: types.ModuleType, key: str, value) -> None:
        types.ModuleType.__setattr__(self, key, path if key == "CASES" else value)

    return _point_at_review27


def has_any_missing(r12: types.ModuleType, item: dict) -> list[str]:
    """None of `has_any` in the first `top` rows of POST /api/v1/search."""
    s = {k: v for k, v in item["search"].items() if k not in ("top", "has", "lacks", "first_not", "has_any")}
    top, want = item["search"].get("top", 3), item["search"]["has_any"]
    rows = r12.client().post("/api/v1/search", json={**s, "limit": max(top, 5)}).get_json()
    ids = [x.get("id") for x in rows] if isinstance(rows, list) else []
    return [] if set(want) & set(ids[:top]) else [f"none of {want} in the first {top}: {ids[:top]}"]


def main(argv: list[str]) -> int:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        r24 = _load("review24-rules-cases")
        r24._this_reviews_cases = _pointer(_without_has_any())  # type: ignore[attr-defined]
        r24.main(argv)
    lines = out.getvalue().rstrip("\n").split("\n")
    total = re.match(r"(\d+) cases, (\d+) as expected", lines[-1])
    print("\n".join(lines[:-1]))
    wanted = [a for a in argv if a != "-v"]
    r12, r26 = _load("review12-rules-cases"), _load("review26-rules-cases")
    extra = 0
    for item in yaml.safe_load(CASES.read_text()):
        if wanted and not any(w in item["id"] for w in wanted):
            continue
        checks = []
        if "has_any" in item.get("search", {}):
            checks.append(("has_any", has_any_missing(r12, item)))
        if item.get("expect", {}).get("surfaces_refused"):
            checks.append(("API and CLI", r26.refused_on_surfaces(item)))
        for what, bad in checks:
            if bad and f"FAIL {item['id']}" not in out.getvalue():
                extra += 1
                out.write(f"FAIL {item['id']}\n")  # one failure counted once
            if bad or "-v" in argv:
                finding = f" [{item['finding']}]" if bad and item.get("finding") else ""
                print(("FAIL " if bad else "ok   ") + f"{item['id']} ({what}){finding}", *("\n     - " + b for b in bad))
    n, ok = int(total.group(1)), int(total.group(2)) - extra
    print(f"{n} cases, {ok} as expected, {n - ok} not")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
