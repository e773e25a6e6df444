"""How long an indicator search takes (run on demand: `python -m benchmarks.search_speed`).

The call screen searches on every keystroke, so both whole phrasings and every prefix of them
(what the adviser has typed so far) are timed. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import yaml

from pathway.catalogue import load_catalogue
from pathway.search import SearchIndex, load_synonyms

PHRASINGS = Path(__file__).resolve().parent.parent / "tests" / "pathway" / "search_phrasings.yaml"


def timings(index: SearchIndex, queries: list[tuple[str, dict]], repeats: int) -> list[float]:
    """Microseconds per query, each query timed separately `repeats` times."""
    out = []
    for _ in range(repeats):
        for q, kw in queries:
            start = time.perf_counter_ns()
            index.search(q, **kw)
            out.append((time.perf_counter_ns() - start) / 1000)
    return out


def report(name: str, us: list[float]) -> str:
    us = sorted(us)
    p95 = us[int(0.95 * (len(us) - 1))]
    return f"{name:<22} n={len(us):>6}  median {statistics.median(us):7.1f} us  p95 {p95:7.1f} us  max {us[-1]:8.1f} us"


def main(repeats: int = 20) -> None:
    catalogue, synonyms = load_catalogue(), load_synonyms()
    start = time.perf_counter()
    index = SearchIndex(catalogue, synonyms)
    build_ms = (time.perf_counter() - start) * 1000
    phrasings = yaml.safe_load(PHRASINGS.read_text(encoding="utf-8"))["phrasings"]
    whole = [(p["q"], {"age_in_months": p.get("age_in_months"), "unborn": p.get("unborn", False)}) for p in phrasings]
    typed = [(q[:n], kw) for q, kw in whole for n in range(1, len(q) + 1)]
    timings(index, whole, 1)  # warm the prefix cache as a running server would be
    print(f"index build: {build_ms:.1f} ms for {len(index.entries)} indicators (catalogue and synonyms already loaded)")
    print(report("whole phrasings", timings(index, whole, repeats)))
    print(report("every keystroke", timings(index, typed, max(1, repeats // 10))))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
