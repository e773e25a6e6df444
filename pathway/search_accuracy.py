"""How often search puts the right indicator first, over a file of caller phrasings (issue 14).

    .venv/bin/python -m pathway.search_accuracy FILE.yaml [FILE.yaml ...] [--set NAME] [--misses]

A file is YAML with a `phrasings:` list; each phrasing has `q` (what the caller said), `expect`
(indicator ids, any of which counts as right), and optionally `age_in_months` or `unborn: true`,
`level` (the level it aims at, for the per-level lines) and `set` (chosen with --set). Prints n,
right first (top-1), in the top 3 and found in 10, per file and per level, and how often the right
indicator is in the first result's block: the best match with its twins at other levels, which
the call screen shows together with what tells them apart. The misses are printed
only with --misses, so a held-back set can be measured without showing anyone what it missed.
A malformed file (an unknown id, an age its indicator's band refuses) is refused, naming the line.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pathway import yaml_load
from pathway.catalogue import load_catalogue
from pathway.search import search
from pathway.search_offers import offered

TOP = 10  # how deep a miss is looked for


class PhrasingsError(ValueError):
    """A phrasings file that cannot be measured (names the file and the line)."""


def load_phrasings(path: Path | str, only_set: str | None = None) -> list[dict[str, Any]]:
    """The file's phrasings, checked against the catalogue (and only those of `only_set`, if given)."""
    data = yaml_load.load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("phrasings"), list):
        raise PhrasingsError(f"{path}: expected a mapping with a 'phrasings' list")
    cat = load_catalogue()
    chosen = []
    for n, p in enumerate(data["phrasings"], 1):
        where = f"{path}: phrasing {n}"
        if not isinstance(p, dict) or not isinstance(p.get("q"), str) or not isinstance(p.get("expect"), list) or not p["expect"]:
            raise PhrasingsError(f"{where}: needs 'q' (text) and 'expect' (a list of indicator ids)")
        for iid in p["expect"]:
            if not cat.has_indicator(iid):
                raise PhrasingsError(f"{where} ({p['q']!r}): unknown indicator {iid!r}")
            band = cat.indicator(iid).age_band
            if band and not cat.band(band).admits(p.get("unborn", False), p.get("age_in_months")):
                raise PhrasingsError(f"{where} ({p['q']!r}): the age given rules out {iid!r}")
        if only_set is None or p.get("set") == only_set:
            chosen.append(p)
    return chosen


def rank_of(p: dict[str, Any]) -> int | None:
    """1 for right first, None if no expected indicator is in the top ten."""
    return outcome(p)[0]


def outcome(p: dict[str, Any]) -> tuple[int | None, bool]:
    """(rank as rank_of gives it, whether an expected indicator is in the first result's block:
    the best match or one of its twins at another level that the call screen shows with it
    (pathway.search_offers.offered: those this age admits, the words reached, and room left)."""
    unborn, age = p.get("unborn", False), p.get("age_in_months")
    hits = search(p["q"], age_in_months=age, unborn=unborn, limit=TOP)
    rank = next((n for n, hit in enumerate(hits, 1) if hit.id in p["expect"]), None)
    if not hits:
        return rank, False
    block = {o.id for o in offered(p["q"], age_in_months=age, unborn=unborn) if o.id == hits[0].id or o.twin_of}
    return rank, bool(block & set(p["expect"]))


@dataclass(frozen=True)
class Rates:
    n: int
    top1: float
    top3: float
    top10: float
    ranks: tuple[int | None, ...]
    block1: float | None = None  # right in the first result's block (None where not measured)

    @classmethod
    def of(cls, ranks: Sequence[int | None], blocks: Sequence[bool] | None = None) -> Rates:
        """The rates of these ranks (1 for right first, None if not in the top ten), and of the
        first-block answers where given."""
        n = len(ranks) or 1

        def share(k: int) -> float:
            return sum(r is not None and r <= k for r in ranks) / n

        block1 = None if blocks is None else sum(blocks) / n
        return cls(len(ranks), share(1), share(3), share(TOP), tuple(ranks), block1)

    def line(self, label: str) -> str:
        block = "" if self.block1 is None else f" in the first block {self.block1:.1%} ({round(self.block1 * self.n)}/{self.n})"
        return (
            f"{label}: n={self.n} top-1 {self.top1:.1%} ({round(self.top1 * self.n)}/{self.n}) "
            f"top-3 {self.top3:.1%} ({round(self.top3 * self.n)}/{self.n}) found in {TOP} {self.top10:.1%}{block}"
        )


def hit_rates(phrasings: Sequence[dict[str, Any]]) -> Rates:
    found = [outcome(p) for p in phrasings]
    return Rates.of([r for r, _ in found], [b for _, b in found])


def report(path: str, only_set: str | None = None, misses: bool = False) -> list[str]:
    phrasings = load_phrasings(path, only_set)
    rates = hit_rates(phrasings)
    lines = [rates.line(path + (f" [{only_set}]" if only_set else ""))]
    levels = sorted({p["level"] for p in phrasings if "level" in p})
    for level in levels:
        group = [r for p, r in zip(phrasings, rates.ranks) if p.get("level") == level]
        top1, top3 = sum(r == 1 for r in group), sum(r is not None and r <= 3 for r in group)
        lines.append(f"  {level:<11} n={len(group):<3} top-1 {top1}/{len(group)}  top-3 {top3}/{len(group)}")
    if misses:
        for p, r in zip(phrasings, rates.ranks):
            if r != 1:
                age = "unborn" if p.get("unborn") else p.get("age_in_months", "-")
                top = [h.id for h in search(p["q"], age_in_months=p.get("age_in_months"), unborn=p.get("unborn", False), limit=3)]
                lines.append(f"  rank {r or '-':>2}  age {age!s:<6} {p['q']!r} -> {top}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+", metavar="FILE", help="YAML with a 'phrasings' list")
    parser.add_argument("--set", dest="only_set", help="only the phrasings with this 'set' value")
    parser.add_argument("--misses", action="store_true", help="also list what was not right first (not for a held-back set)")
    args = parser.parse_args(argv)
    try:
        for path in args.files:
            print("\n".join(report(path, args.only_set, args.misses)))
    except (OSError, PhrasingsError, yaml.YAMLError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
