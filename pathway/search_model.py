"""A learned reading of callers' words for the adviser's search (issue 14).

Word matching (pathway/search.py) scores each word alone, so a call that describes a situation
("mum's new fella has a record for kids") reaches the indicators that share its words, not the
one it describes. A linear classifier trained on every labelled way of saying each indicator
reads the words together: scikit-learn's LinearSVC over the query's stemmed words and word pairs
(with the words table's document words for a caller's word) and its character n-grams (typos,
half-typed words). It only re-ranks: search.py blends its shares with the word matching's
scores, and offers nothing when word matching finds nothing.

Trained when the index is built, from data only: the catalogue's text and keywords, the caller
phrasings of search_synonyms.yaml and the labelled example calls in data/search_examples/ (the
development and spent sets; the held-back sets in tests/ are never read). Deterministic: a fixed
seed and locked library versions. The weights are kept sparse (the smallest are dropped) so a
worker holds a few MB, not the dense matrix.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

from pathway import yaml_load
from pathway.shipped import shipped

EXAMPLES_DIR = shipped("search_examples")

C = 0.5  # LinearSVC's regularisation (chosen by leave-one-set-out over the examples: docs/adviser.md)
SHARPNESS = 5.0  # softmax over the decision values: how sharply the best class leads
KEPT_WEIGHT = 0.02  # weights smaller than this (absolute) are dropped: accuracy unchanged, memory a tenth
SEED = 0


def example_calls(directory: Path = EXAMPLES_DIR) -> list[tuple[str, tuple[str, ...]]]:
    """(what the caller said, the indicator ids it names) from every example file."""
    calls: list[tuple[str, tuple[str, ...]]] = []
    for path in sorted(directory.glob("*.yaml")):
        data = yaml_load.load(path.read_text(encoding="utf-8"))
        calls.extend((p["q"], tuple(p["expect"])) for p in data["phrasings"])
    return calls


class CallerModel:
    """Shares over the indicators (numbered as the catalogue lists them) for a query."""

    def __init__(self, texts: Sequence[tuple[str, int]], prepare: Callable[[str], str], words: Callable[[str], list[str]]):
        """`texts`: (a way of saying an indicator, its number); `prepare`: a text as the model reads
        it (search.py decides which words); `words`: the word features of a prepared text."""
        docs = [prepare(t) for t, _ in texts]
        labels = np.array([n for _, n in texts])
        self._word = TfidfVectorizer(analyzer=words, sublinear_tf=True)
        self._char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2, dtype=np.float32)
        features = sparse.hstack([self._word.fit_transform(docs), self._char.fit_transform(docs)]).tocsr()
        classifier = LinearSVC(C=C, random_state=SEED).fit(features, labels)
        weights = classifier.coef_.astype(np.float32)
        weights[np.abs(weights) < KEPT_WEIGHT] = 0.0
        self._weights = sparse.csr_matrix(weights.T)  # features x classes
        self._bias = classifier.intercept_.astype(np.float32)
        self._classes = classifier.classes_.tolist()
        # the fitted vocabularies, read directly for a query (see _features)
        self._parts = [
            (vectorizer.build_analyzer(), vectorizer.vocabulary_, vectorizer.idf_, offset)
            for vectorizer, offset in ((self._word, 0), (self._char, len(self._word.vocabulary_)))
        ]

    def _features(self, said: str) -> tuple[list[int], list[float]]:
        """The query's tf-idf features, as the fitted vectorizers' `transform` gives them (sublinear
        term frequency, idf, each part scaled to unit length), without scikit-learn's per-call
        checks, which cost ten times the arithmetic for a one-line query (tested equal)."""
        columns: list[int] = []
        values: list[float] = []
        for analyse, vocabulary, idf, offset in self._parts:
            counts = Counter(j for j in map(vocabulary.get, analyse(said)) if j is not None)
            part = {j: (1.0 + math.log(c)) * idf[j] for j, c in counts.items()}
            norm = math.sqrt(sum(v * v for v in part.values())) or 1.0
            columns.extend(j + offset for j in part)
            values.extend(v / norm for v in part.values())
        return columns, values

    def shares(self, said: str) -> dict[int, float]:
        """Each indicator's share (0 to 1, summing to 1) of a query, prepared as the texts were."""
        columns, values = self._features(said)
        decision = self._bias.astype(np.float64)
        if columns:
            decision = decision + np.asarray(self._weights[columns].T @ np.array(values)).ravel()
        e = np.exp((decision - decision.max()) * SHARPNESS)
        e /= e.sum()
        return dict(zip(self._classes, e.tolist()))


def training_texts(
    indicators: Iterable[tuple[int, Sequence[str]]],
    phrasings: dict[int, Sequence[str]],
    calls: Iterable[tuple[str, Sequence[int]]],
) -> list[tuple[str, int]]:
    """Every labelled text: each indicator's own words (its text, the document's wording, its
    keywords), its caller phrasings, and each example call once for every indicator it names."""
    texts = [(t, n) for n, own in indicators for t in own if t]
    texts += [(p, n) for n, said in phrasings.items() for p in said]
    texts += [(q, n) for q, numbers in calls for n in numbers]
    return texts
