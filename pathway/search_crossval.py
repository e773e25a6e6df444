"""How well search finds caller words it was never given: k-fold cross-validation over the
vocabulary's caller phrasings (issue 14).

    .venv/bin/python -m pathway.search_crossval [--folds 5] [--seed 14] [--levels] [--ungrouped]

The held-back sets are spent by reading them, so ranking is tuned against this instead: the
phrasings of `search_synonyms.yaml` are split into folds; for each fold the index is built without
that fold's phrasings, and each of them is searched (as typed, no age) and counted right first,
in the top 3 and found in 10 for the indicator it is listed under (or any other indicator the
file lists the same words under: the file says either is right).

Phrasings of one indicator are often near-copies ("beaten", "beaten up", "beaten black and blue"):
left in, one copy finds the other and flatters the figure. So by default a fold holds whole groups:
an indicator's phrasings whose longest word has the same stem go together (the longest word, not
the first the search counts, so a change to the search's stopwords does not deal the folds anew and
two versions of the search are compared on the same folds), and identical words listed under
several indicators go together. `--ungrouped` splits phrasing by phrasing (the
flattering figure, for comparison). The catalogue's own text and keywords and the word synonyms
stay in every fold: they are the document's words and general equivalences, not phrasings.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from pathway.catalogue import Catalogue, load_catalogue
from pathway.search import SearchIndex, load_synonyms, normalise, stem
from pathway.search_accuracy import TOP, Rates

FOLDS, SEED = 5, 14


@dataclass(frozen=True)
class Phrasing:
    indicator: str
    text: str
    group: int  # phrasings in one group are always in the same fold


@dataclass(frozen=True)
class Outcome:
    phrasing: Phrasing
    expect: frozenset[str]
    rank: int | None  # 1 for right first, None if not in the top TOP
    first: str | None  # what search put first


def phrasings(synonyms: dict, grouped: bool = True) -> list[Phrasing]:
    """The vocabulary's caller phrasings, each with its group (see the module's docstring)."""
    listed = [(iid, text) for iid, texts in (synonyms.get("indicators") or {}).items() for text in texts]
    parent = list(range(len(listed)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_seen: dict[tuple, int] = {}
    if grouped:
        for i, (iid, text) in enumerate(listed):
            words = normalise(text).split()
            longest = stem(max(words, key=len)) if words else ""
            for key in ((iid, longest), ("same words", normalise(text))):
                j = first_seen.setdefault(key, i)
                parent[root(i)] = root(j)
    else:  # only identical words stay together: apart, each would find the other
        for i, (_, text) in enumerate(listed):
            parent[root(i)] = root(first_seen.setdefault(("same words", normalise(text)), i))
    return [Phrasing(iid, text, root(i)) for i, (iid, text) in enumerate(listed)]


def folds(items: Sequence[Phrasing], k: int = FOLDS, seed: int = SEED) -> list[list[Phrasing]]:
    """Whole groups dealt to k folds in a shuffled (seeded) order, so the folds are about equal."""
    groups = sorted({p.group for p in items})
    random.Random(seed).shuffle(groups)
    fold_of = {g: n % k for n, g in enumerate(groups)}
    out: list[list[Phrasing]] = [[] for _ in range(k)]
    for p in items:
        out[fold_of[p.group]].append(p)
    return out


def without(synonyms: dict, removed: Sequence[Phrasing]) -> dict:
    """The synonyms file with these phrasings taken out (the rest, and `words` and `severity`, kept)."""
    gone = {(p.indicator, p.text) for p in removed}
    kept = {iid: [t for t in texts if (iid, t) not in gone] for iid, texts in (synonyms.get("indicators") or {}).items()}
    return {**synonyms, "indicators": kept}


def run(k: int = FOLDS, seed: int = SEED, grouped: bool = True, catalogue: Catalogue | None = None, synonyms: dict | None = None) -> list[Outcome]:
    """Every phrasing searched once, by an index built without its fold."""
    catalogue = catalogue or load_catalogue()
    synonyms = synonyms if synonyms is not None else load_synonyms()
    items = phrasings(synonyms, grouped)
    said_by: dict[str, set[str]] = {}
    for p in items:
        said_by.setdefault(normalise(p.text), set()).add(p.indicator)
    outcomes = []
    for fold in folds(items, k, seed):
        index = SearchIndex(catalogue, without(synonyms, fold))
        for p in fold:
            expect = frozenset(said_by[normalise(p.text)])
            ids = [h.id for h in index.search(p.text, limit=TOP)]
            outcomes.append(Outcome(p, expect, next((n for n, i in enumerate(ids, 1) if i in expect), None), ids[0] if ids else None))
    return outcomes


def line(label: str, outcomes: Sequence[Outcome]) -> str:
    """The same line as `python -m pathway.search_accuracy` prints for a file."""
    return Rates.of([o.rank for o in outcomes]).line(label)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--ungrouped", action="store_true", help="split phrasing by phrasing (near-copies flatter the figure)")
    parser.add_argument("--levels", action="store_true", help="also a line per level")
    parser.add_argument("--misses", action="store_true", help="also list what was not right first")
    args = parser.parse_args(argv)
    if args.folds < 2:
        parser.error("--folds must be 2 or more")
    outcomes = run(args.folds, args.seed, not args.ungrouped)
    how = "ungrouped" if args.ungrouped else "grouped"
    print(line(f"vocabulary, {args.folds} folds {how}, seed {args.seed}", outcomes))
    if args.levels:
        for level in sorted({o.phrasing.indicator.split(".")[0] for o in outcomes}):
            print(line(f"  {level:<11}", [o for o in outcomes if o.phrasing.indicator.startswith(level + ".")]))
    if args.misses:
        for o in outcomes:
            if o.rank != 1:
                print(f"  rank {o.rank or '-':>2}  {o.phrasing.text!r} ({o.phrasing.indicator}) -> {o.first}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
