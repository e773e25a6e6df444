"""The share of the search's time spent by fix35a's contrast reading (docs/adviser.md "Search35a"), run on demand:
`python -m benchmarks.contrast_cost`. Not a test: timings depend on the machine, so only the share within one run
is read.

The reading searches each clause that opens with "but", "though", "although" or "except" alone, where a call's first
row is Universal (SearchIndex._contrast_concern_first). Over every labelled and held-back call, this counts those
clause searches and times them against the whole run.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import yaml

from pathway.search import SearchIndex, default_index

ROOT = Path(__file__).resolve().parent.parent


def _calls() -> list[dict[str, Any]]:
    files = sorted((ROOT / "pathway/data/search_examples").glob("*.yaml")) + sorted((ROOT / "tests/pathway").glob("search_heldout_*.yaml"))
    calls = []
    for f in files:
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("phrasings"), list):
            calls += [p for p in data["phrasings"] if isinstance(p, dict) and "q" in p and "expect" in p]
    return calls


def main() -> dict[str, float]:
    index = default_index()
    plain = SearchIndex.search
    depth, clause = [0], {"searches": 0, "seconds": 0.0}

    def counted(self: SearchIndex, q: str, **kw: Any) -> Any:
        if depth[0] and kw.get("part") == {}:  # only the contrast reading searches a part with part={}
            t = time.perf_counter()
            try:
                return plain(self, q, **kw)
            finally:
                clause["searches"] += 1
                clause["seconds"] += time.perf_counter() - t
        depth[0] += 1
        try:
            return plain(self, q, **kw)
        finally:
            depth[0] -= 1

    calls = _calls()
    SearchIndex.search = counted  # type: ignore[method-assign, assignment]
    try:
        start = time.perf_counter()
        for p in calls:
            index.search(p["q"], age_in_months=p.get("age_in_months"), unborn=p.get("unborn", False), limit=3, finished=True)
        whole = time.perf_counter() - start
    finally:
        SearchIndex.search = plain  # type: ignore[method-assign]
    report = {"calls": len(calls), "clause_searches": clause["searches"], "clause_seconds": clause["seconds"], "whole_seconds": whole}
    report["share"] = clause["seconds"] / whole
    share = f"{report['share']:.1%} of the run's search time ({clause['seconds']:.1f} s of {whole:.1f} s)"
    print(f"{len(calls)} calls: {clause['searches']} contrast clauses searched alone, {share}")
    return report


if __name__ == "__main__":
    main()
