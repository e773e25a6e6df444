"""Dump many varied decisions and their what-if lists, every field, to compare two versions.

A change meant only to make `evaluate()` or the what-if list cheaper must leave every output
identical: run this at the starting commit and after each step, then compare the files
(`cmp`, or `--compare OLD` to name the first case that differs). Cases are drawn with a fixed
seed over every indicator the age admits, every context answer, ages from unborn to 25, and
refused cases too (their errors are part of the output).

    .venv/bin/python -m scripts.decision_oracle --cases 20000 --out /tmp/decisions.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import asdict

from pathway import Case, load_catalogue
from pathway.models import CaseError, Decision
from rules import evaluate
from rules.what_if import nearby

CONTACT_TIMES = [
    "2026-12-01T10:00:00+00:00",  # a Tuesday, in hours
    "2026-12-01T22:00:00+00:00",  # out of hours
    "2026-12-25T10:00:00+00:00",  # a bank holiday
    "2026-12-05T11:00:00+00:00",  # a Saturday
]

LEVEL_WEIGHTS = {"universal": 2, "additional": 6, "extensive": 4, "protection": 1.5, "immediate": 0.3}


def _maybe(rng: random.Random, values: list, none_weight: float = 0.3):
    return None if rng.random() < none_weight else rng.choice(values)


def varied_case(rng: random.Random, ids: list[str], catalogue, times: list[str] = CONTACT_TIMES) -> dict:
    """One case as the API would receive it (it may be refused: that is output too). `times`: the
    contact times drawn from (tests/rules/test_decision_coherence.py adds the clock's edges)."""
    child: dict = {}
    roll = rng.random()
    if roll < 0.05:
        child["unborn"] = True
    elif roll < 0.1:
        pass  # age unknown
    else:
        child["age_years"] = rng.choice([0, 0, 1, 2, 5, 8, 11, 13, 14, 15, 16, 17, 18, 19, 21])
        if child["age_years"] == 0:
            child["age_months"] = rng.randint(0, 11)
    parent = {"age_years": rng.randint(13, 30)} if rng.random() < 0.1 else {}
    unborn, months = child.get("unborn", False), (child["age_years"] * 12 + child.get("age_months", 0)) if "age_years" in child else None
    admitted = [
        i for i in ids if rng.random() < 0.9 and catalogue.admits(catalogue.indicator(i), unborn, months, (parent["age_years"] * 12) if parent else None)
    ]
    if rng.random() < 0.03 and ids:
        admitted = ids  # sometimes anything: refused cases
    size = rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 10, 15])
    by_level: dict[str, list[str]] = {}
    for i in admitted:
        ind = catalogue.indicator(i)
        by_level.setdefault("immediate" if ind.immediate else ind.level.value, []).append(i)
    weights = {k: w for k, w in LEVEL_WEIGHTS.items() if by_level.get(k)}
    chosen: set[str] = set()
    for _ in range(size if weights else 0):  # mostly additional and extensive needs, as real cases are
        chosen.add(rng.choice(by_level[rng.choices(list(weights), weights=list(weights.values()))[0]]))
    context = {
        "caf": _maybe(rng, ["none", "open_improving", "open_not_improving"]),
        "consent_to_early_help": _maybe(rng, [True, False]),
        "disability": _maybe(rng, ["none", "mild_moderate", "substantial_lifelong", "uncertain"]),
        "large_sibling_group": _maybe(rng, [True, False]),
        "current_level": _maybe(rng, ["universal", "additional", "extensive", "child_in_need", "protection"]),
        "caller": _maybe(rng, ["professional", "parent_carer", "public"]),
        "open_to_social_care": _maybe(rng, [True, False], 0.5),
        "health_development_impaired_without_services": _maybe(rng, [True, False], 0.6),
        "contact_time": rng.choice(times),
    }
    return {
        "child": child,
        "parent": parent,
        "indicators": rng.sample(sorted(chosen), len(chosen)),
        "context": {k: v for k, v in context.items() if v is not None},
    }


def _what_if(what) -> dict:
    """Every field of the list, its headings and the words said when nothing is listed included."""
    return {**asdict(what), "up": [_change(c) for c in what.up], "down": [_change(c) for c in what.down]}


def _change(c) -> dict:
    out = asdict(c)
    out["level"] = c.level.value
    return out


def outcome(raw: dict, **evaluate_with) -> tuple[dict, Case | None, Decision | None]:
    """What the rules make of one case as the API would receive it: {"decision": every field} or
    {"refused": the errors}, with the parsed case and decision (None when refused). Shared with
    scripts/ruleset_fingerprint.py, so both record a decision and a refusal the same way."""
    try:
        case = Case.parse(raw)
        decision = evaluate(case, **evaluate_with)
    except CaseError as exc:
        return {"refused": [e.model_dump() for e in exc.errors] if hasattr(exc, "errors") else str(exc)}, None, None
    return {"decision": decision.model_dump(mode="json")}, case, decision


def rows(n: int, seed: int, what_if_every: int):
    catalogue = load_catalogue()
    rng = random.Random(seed)
    ids = sorted(i.id for i in catalogue.indicators)
    for k in range(n):
        raw = varied_case(rng, ids, catalogue)
        found, case, decision = outcome(raw)
        row: dict = {"n": k, "case": raw, **found}
        if case is not None and decision is not None and k % what_if_every == 0:
            row["what_if"] = _what_if(nearby(case, decision))
        yield row


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--what-if-every", type=int, default=4, help="the what-if list of every k-th case")
    parser.add_argument("--out", required=True)
    parser.add_argument("--compare", help="an earlier dump: report the first case that differs")
    args = parser.parse_args(argv)
    counts = {"decided": 0, "refused": 0, "what_if": 0}
    with open(args.out, "w") as fh:
        for row in rows(args.cases, args.seed, args.what_if_every):
            counts["refused" if "refused" in row else "decided"] += 1
            counts["what_if"] += "what_if" in row
            fh.write(json.dumps(row, sort_keys=True) + "\n")
    print(json.dumps(counts))
    if args.compare:
        with open(args.compare) as old, open(args.out) as new:
            for a, b in zip(old, new, strict=True):
                if a != b:
                    print(f"DIFFERS at case {json.loads(a)['n']}:\n{a[:3000]}\n{b[:3000]}")
                    return 1
        print("identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
