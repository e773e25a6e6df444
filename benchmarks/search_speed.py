"""How long an indicator search takes (run on demand: `python -m benchmarks.search_speed`).

The call screen searches on every keystroke, so both whole phrasings and every prefix of them
(what the adviser has typed so far) are timed, for word matching alone and with the learned model
(pathway/search_model.py) in the same run, with the ratio; and what building each index costs in
time and memory (tracemalloc, which sees numpy's and scipy's arrays). Not a test: timings depend
on the machine.
"""

from __future__ import annotations

import statistics
import sys
import time
import tracemalloc

import yaml

from pathway.catalogue import load_catalogue
from pathway.search import SearchIndex, load_synonyms
from pathway.search_model import EXAMPLES_DIR, example_calls

PHRASINGS = EXAMPLES_DIR / "phrasings.yaml"


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


def _built(build) -> tuple[SearchIndex, float, float]:
    """The index, how long it took (ms) and the memory it holds (MB)."""
    tracemalloc.start()
    start = time.perf_counter()
    index = build()
    ms = (time.perf_counter() - start) * 1000
    held = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    return index, ms, held


def main(repeats: int = 20) -> None:
    catalogue, synonyms, examples = load_catalogue(), load_synonyms(), example_calls()
    phrasings = yaml.safe_load(PHRASINGS.read_text(encoding="utf-8"))["phrasings"]
    whole = [(p["q"], {"age_in_months": p.get("age_in_months"), "unborn": p.get("unborn", False)}) for p in phrasings]
    typed = [(q[:n], kw) for q, kw in whole for n in range(1, len(q) + 1)]
    medians = {}
    for name, build in (
        ("word matching alone", lambda: SearchIndex(catalogue, synonyms)),
        ("with the learned model", lambda: SearchIndex(catalogue, synonyms, examples)),
    ):
        index, build_ms, held_mb = _built(build)
        timings(index, whole, 1)  # warm the prefix cache as a running server would be
        print(f"{name}: index build {build_ms:.0f} ms, holding {held_mb:.1f} MB, {len(index.entries)} indicators (data already loaded)")
        for label, queries, times in (("whole phrasings", whole, repeats), ("every keystroke", typed, max(1, repeats // 10))):
            us = timings(index, queries, times)
            medians[name, label] = statistics.median(us)
            print("  " + report(label, us))
    for label in ("whole phrasings", "every keystroke"):
        ratio = medians["with the learned model", label] / medians["word matching alone", label]
        print(f"{label}: with the model / word matching alone = {ratio:.1f}x (medians)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
