"""The first search with a word one edit from a p9 word, in a fresh process (dict22): run on demand,
`python -m benchmarks.first_search [--repeats N]`. Not a test: timings depend on the machine.

The p9 spelling reading asks pyspellchecker's English word list of such a word (pathway/english.py).
Each repeat starts two fresh interpreters, one per way of building the index, and in each times,
after one plain call (so both have paid every other first-call cost), the first call with such a
word and then the same call again (the median of 5: the warm call), and says first / warm:
- "on first word" builds the index by hand (SearchIndex(...), as default_index did before dict22),
  so the list is loaded on that first word;
- "with the index" builds it by default_index(), which loads the list (as gunicorn's master does).
The list's resident size: VmRSS of the "on first word" process before and after that first call.
Per worker: a process builds the index either way and forks 2 children, as gunicorn's master forks
its workers; each child freezes the collector (gunicorn.conf.py post_worker_init), makes the call
and reports its private (unshared) resident memory, from /proc/self/smaps_rollup.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time

CALL = "she was molestid by a neighbour"  # "molestid": one edit from "molested", not an English word
PLAIN = "mum is struggling with money"  # no word one edit from a p9 word
MODES = ("on first word", "with the index")


def _kb(field: str, path: str = "/proc/self/status") -> int:
    with open(path, encoding="ascii") as fh:
        return sum(int(line.split()[1]) for line in fh if line.split(":")[0] in field.split("+"))


def _index(mode: str):
    if mode == "with the index":
        from pathway.search import default_index

        return default_index()
    from pathway.catalogue import load_catalogue
    from pathway.search import SearchIndex, load_synonyms
    from pathway.search_model import example_calls

    return SearchIndex(load_catalogue(), load_synonyms(), example_calls())


def _timed(index, query: str) -> float:
    start = time.perf_counter()
    index.search(query, limit=3)
    return time.perf_counter() - start


def child(mode: str) -> dict:
    from pathway.english import english_loaded

    index = _index(mode)
    index.search(PLAIN, limit=3)
    loaded_before = english_loaded()
    rss_before = _kb("VmRSS")
    first = _timed(index, CALL)
    rss_after = _kb("VmRSS")
    warm = statistics.median(_timed(index, CALL) for _ in range(5))
    return {"loaded_before": loaded_before, "first_s": first, "warm_s": warm, "rss_delta_mb": (rss_after - rss_before) / 1024}


def forked(mode: str, workers: int = 2) -> dict:
    index = _index(mode)
    private = []
    for _ in range(workers):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker
            os.close(read)
            gc.freeze()
            index.search(CALL, limit=3)
            os.write(write, str(_kb("Private_Clean+Private_Dirty", "/proc/self/smaps_rollup")).encode())
            os._exit(0)
        os.close(write)
        with os.fdopen(read) as fh:
            private.append(int(fh.read()) / 1024)
        os.waitpid(pid, 0)
    return {"worker_private_mb": private}


def _run(what: str, mode: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "benchmarks.first_search", what, mode], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {platform.node()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
    runs: dict[str, list[dict]] = {m: [] for m in MODES}
    for _ in range(args.repeats):
        for mode in MODES:  # alternated, so both see the same load
            runs[mode].append(_run("--child", mode))
    results = {}
    for mode in MODES:
        r = runs[mode]
        ratios = [x["first_s"] / x["warm_s"] for x in r]
        results[mode] = {"runs": r, "first_over_warm": ratios}
        print(
            f"{mode:<15} list loaded before the call: {sorted({x['loaded_before'] for x in r})}; first call "
            + ", ".join(f"{x['first_s'] * 1000:.0f}" for x in r)
            + " ms; warm "
            + ", ".join(f"{x['warm_s'] * 1000:.1f}" for x in r)
            + " ms; first / warm "
            + ", ".join(f"{q:.1f}" for q in ratios)
            + "; VmRSS across the first call "
            + ", ".join(f"{x['rss_delta_mb']:+.1f}" for x in r)
            + " MB"
        )
    for mode in MODES:
        f = _run("--fork", mode)
        results[mode]["worker_private_mb"] = f["worker_private_mb"]
        print(f"{mode:<15} 2 forked workers after the call, private resident: " + ", ".join(f"{m:.1f}" for m in f["worker_private_mb"]) + " MB")
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load {os.getloadavg()[0]:.2f}")
    return results


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] in ("--child", "--fork"):
        print(json.dumps((child if sys.argv[1] == "--child" else forked)(sys.argv[2])))
    else:
        main()
