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

from pathway import load_catalogue
from rules.what_if import nearby
from training.fingerprint import CONTACT_TIMES, LEVEL_WEIGHTS, outcome, varied_case  # noqa: F401  (the generator lives there; re-exported for the tests)


def _what_if(what) -> dict:
    """Every field of the list, its headings and the words said when nothing is listed included."""
    return {**asdict(what), "up": [_change(c) for c in what.up], "down": [_change(c) for c in what.down]}


def _change(c) -> dict:
    out = asdict(c)
    out["level"] = c.level.value
    return out


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
