"""tidy18: the one helper for "where is this phrase said" (pathway.search._phrase_at).

Oracle: the slice comparison each caller wrote inline before tidy18, written here again, over every word list
of up to five words from a three-word vocabulary and every phrase of up to three words, the empty one too.
"""

from __future__ import annotations

from itertools import product

from pathway.search import _phrase_at

VOCAB = ("a", "b", "c")
WORD_LISTS = [list(w) for n in range(6) for w in product(VOCAB, repeat=n)]
PHRASES = [tuple(p) for n in range(4) for p in product(VOCAB, repeat=n)]


def _slices(phrase: tuple[str, ...], words: list[str]) -> list[int]:
    return [i for i in range(len(words) - len(phrase) + 1) if tuple(words[i : i + len(phrase)]) == phrase]


def test_a_phrase_is_found_where_the_slices_find_it():
    for words in WORD_LISTS:
        for phrase in PHRASES:
            assert _phrase_at(phrase, words, empty_everywhere=True) == _slices(phrase, words), (phrase, words)
            assert _phrase_at(phrase, words) == (_slices(phrase, words) if phrase else []), (phrase, words)


def test_an_empty_phrase_is_nowhere_or_everywhere():
    assert _phrase_at((), ["a", "b"]) == []
    assert _phrase_at((), ["a", "b"], empty_everywhere=True) == [0, 1, 2]
    assert _phrase_at((), [], empty_everywhere=True) == [0]
