"""A learned reading of callers' words for the adviser's search (issue 14).

Word matching (pathway/search.py) scores each word alone, so a call that describes a situation
("mum's new fella has a record for kids") reaches the indicators that share its words, not the
one it describes. A linear classifier trained on every labelled way of saying each indicator
reads the words together: scikit-learn's LinearSVC over the query's stemmed words and word pairs
(with the words table's document words for a caller's word) and its character n-grams (typos,
half-typed words). It only re-ranks: search.py blends its shares with the word matching's
scores, and offers nothing when word matching finds nothing.

Trained from data only: the catalogue's text and keywords, the caller phrasings of
search_synonyms.yaml and the labelled example calls in data/search_examples/ (the development and
spent sets, and calls written for it; the held-back set in tests/ is never read). Deterministic:
a fixed seed and locked library versions. The weights are kept sparse (the smallest are dropped)
so a worker holds a few MB, not the dense matrix.

Training takes a few seconds, so the trained model is kept in a cache file (FSP_CACHE_DIR, systemd's
CacheDirectory, or the user's cache folder) named by a digest of everything it is trained from and with: a change to
the data, the parameters or scikit-learn's version names another file, so a stale model is never
read. The file is numpy's npz without pickle (loading it runs no code); one that cannot be read
is trained again, and a folder that cannot be written is only a slower start.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any, NamedTuple, cast

import numpy as np

from pathway import yaml_load
from pathway.shipped import shipped

EXAMPLES_DIR = shipped("search_examples")

C = 0.5  # LinearSVC's regularisation (chosen by leave-one-set-out over the examples: docs/adviser.md)
SHARPNESS = 5.0  # softmax over the decision values: how sharply the best class leads
KEPT_WEIGHT = 0.02  # weights smaller than this (absolute) are dropped: accuracy unchanged, memory a tenth
SEED = 0
CHARS = (3, 5)  # character n-grams within words
CACHE_PREFIX = "search-model-"
CACHE_KEPT = 8  # models kept in the cache folder, the newest (a test that leaves out a set trains its own)
ARRAYS = frozenset("data indices indptr shape bias classes word_terms word_idf char_terms char_idf".split())


class ExampleCall(NamedTuple):
    """A labelled call: what the caller said, the indicator ids it names, and the child's age where given."""

    said: str
    ids: tuple[str, ...]
    age_in_months: int | None = None
    unborn: bool = False


def example_calls(files: Iterable[Path] | None = None) -> list[ExampleCall]:
    """The labelled calls of these example files (all of them by default)."""
    calls: list[ExampleCall] = []
    for path in sorted(EXAMPLES_DIR.glob("*.yaml")) if files is None else files:
        data = yaml_load.load(path.read_text(encoding="utf-8"))
        calls.extend(ExampleCall(p["q"], tuple(p["expect"]), p.get("age_in_months"), bool(p.get("unborn", False))) for p in data["phrasings"])
    return calls


def cache_dir() -> Path:
    """Where trained models are kept: FSP_CACHE_DIR; else the folder systemd made for the service
    (CacheDirectory=, named in CACHE_DIRECTORY); else $XDG_CACHE_HOME or ~/.cache, in a folder of ours."""
    for variable in ("FSP_CACHE_DIR", "CACHE_DIRECTORY"):
        if os.environ.get(variable):
            return Path(os.environ[variable].split(":")[0])  # systemd lists several folders with ":"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "family-support-pathway"


def char_ngrams(text: str) -> list[str]:
    """The character n-grams of each word, padded with a space at each end: scikit-learn's
    "char_wb" analyser (lower-cased), written out so that a worker reading a kept model needs
    numpy only, not scikit-learn and scipy (about 100 MB a process; tested equal)."""
    grams: list[str] = []
    for word in text.lower().split():
        padded = f" {word} "
        for n in range(CHARS[0], CHARS[1] + 1):
            grams.extend(padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
            if len(padded) <= n:  # a short word counts once, as it is
                break
    return grams


class CallerModel:
    """Shares over the indicators (numbered as the catalogue lists them) for a query."""

    def __init__(self, words: Callable[[str], list[str]], arrays: dict[str, np.ndarray]):
        """`words`: the word features of a prepared text; `arrays`: what training gave (see _train)."""
        self._data, self._indices, self._indptr = arrays["data"].astype(np.float64), arrays["indices"], arrays["indptr"]  # features x classes, CSR
        self._bias = arrays["bias"].astype(np.float64)
        self._classes = arrays["classes"].tolist()
        word_vocabulary = {t: j for j, t in enumerate(arrays["word_terms"].tolist())}
        char_vocabulary = {t: j for j, t in enumerate(arrays["char_terms"].tolist())}
        self._parts = [(words, word_vocabulary, arrays["word_idf"], 0), (char_ngrams, char_vocabulary, arrays["char_idf"], len(word_vocabulary))]

    @classmethod
    def trained(
        cls, texts: Sequence[tuple[str, int]], prepare: Callable[[str], str], words: Callable[[str], list[str]], cache: Path | None = None
    ) -> CallerModel:
        """The model for these texts ((a way of saying an indicator, its number)); `prepare` gives a
        text as the model reads it (search.py decides which words). Read from the cache where it
        was trained before on the same texts, features and parameters; trained and kept otherwise."""
        docs = [prepare(t) for t, _ in texts]
        labels = [n for _, n in texts]
        digest = _digest(docs, [words(d) for d in docs], labels)
        path = (cache or cache_dir()) / f"{CACHE_PREFIX}{digest}.npz"
        arrays = _read(path)
        if arrays is None:
            arrays = _train(docs, labels, words)
            _keep(path, arrays)
        return cls(words, arrays)

    def _features(self, said: str) -> tuple[list[int], list[float]]:
        """The query's tf-idf features, as scikit-learn's fitted TfidfVectorizer.transform gives
        them (sublinear term frequency, idf, each part scaled to unit length), read from the kept
        vocabularies without its per-call checks, which cost ten times the arithmetic for a
        one-line query (tested equal)."""
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
        decision = self._bias
        if columns:  # the kept weights of the query's features, summed per indicator
            rows = [slice(self._indptr[j], self._indptr[j + 1]) for j in columns]
            at = np.concatenate([self._indices[r] for r in rows])
            weights = np.concatenate([self._data[r] * v for r, v in zip(rows, values)])
            decision = decision + np.bincount(at, weights=weights, minlength=len(self._bias))
        e = np.exp((decision - decision.max()) * SHARPNESS)
        e /= e.sum()
        return dict(zip(self._classes, e.tolist()))


def vectorizers(words: Callable[[str], list[str]]):
    """The two feature readers the model is trained with: words (and pairs), and character n-grams."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return (
        TfidfVectorizer(analyzer=words, sublinear_tf=True),
        TfidfVectorizer(analyzer="char_wb", ngram_range=CHARS, sublinear_tf=True, min_df=2, dtype=np.float32),
    )


def _train(docs: list[str], labels: list[int], words: Callable[[str], list[str]]) -> dict[str, np.ndarray]:
    from scipy import sparse
    from sklearn.svm import LinearSVC

    word, char = vectorizers(words)
    features = sparse.hstack([word.fit_transform(docs), char.fit_transform(docs)]).tocsr()
    classifier = LinearSVC(C=C, random_state=SEED).fit(features, np.array(labels))
    weights = classifier.coef_.astype(np.float32)
    weights[np.abs(weights) < KEPT_WEIGHT] = 0.0
    kept = sparse.csr_matrix(weights.T)
    return {
        "data": kept.data,  # kept.indices/indptr: each feature's indicators and where its row starts
        "indices": kept.indices,
        "indptr": kept.indptr,
        "shape": np.array(kept.shape),
        "bias": classifier.intercept_.astype(np.float32),
        "classes": classifier.classes_,
        "word_terms": np.array(word.get_feature_names_out(), dtype=str),
        "word_idf": word.idf_,
        "char_terms": np.array(char.get_feature_names_out(), dtype=str),
        "char_idf": char.idf_.astype(np.float64),
    }


def _digest(docs: list[str], features: list[list[str]], labels: list[int]) -> str:
    """Everything the trained model depends on, as one digest."""
    said = json.dumps([docs, features, labels, [C, KEPT_WEIGHT, SEED, list(CHARS)], version("scikit-learn"), version("scipy"), np.__version__])
    return hashlib.sha256(said.encode("utf-8")).hexdigest()[:32]


def _read(path: Path) -> dict[str, np.ndarray] | None:
    try:
        with np.load(path, allow_pickle=False) as kept:
            if set(kept.files) != ARRAYS:
                return None
            return {name: kept[name] for name in kept.files}
    except (OSError, ValueError, EOFError, zipfile.BadZipFile):  # absent, unreadable or damaged: train again
        return None


def _keep(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write the model beside (never over) a reader: a temporary file, then renamed; only the
    newest CACHE_KEPT models of ours stay in the folder. A folder that cannot be written is left alone."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".npz")
        with os.fdopen(handle, "wb") as out:
            np.savez(out, **cast(dict[str, Any], arrays))  # arrays only: savez's keyword options are not among them
        os.replace(temporary, path)
        temporary = None
        kept = sorted(path.parent.glob(f"{CACHE_PREFIX}*.npz"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[CACHE_KEPT:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


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
