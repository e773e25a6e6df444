"""English words, by how often they are used (spell21): pyspellchecker's English word-frequency list.

The adviser search's p9 spelling reading (pathway/search.py, SearchIndex._p9_spelling) respells only a word this list
does not know as English, so a real word one letter from a p9 word ("march", "shipped", "rapid") is never read as the
p9 word ("match", "whipped", "raped"). The list is loaded once per process (0.1-0.5 s, about 24 MB), not at import: by `load()`
when the shipped search index is built (dict22: pathway.search.default_index, which gunicorn's master runs before it
forks the workers, so they share it and an adviser's first word one edit from a p9 word does not wait for it), or else
on the first word that needs it (an index built by hand: the tests' and cross-validation's).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache


@cache
def _counts() -> Mapping[str, int]:
    from spellchecker import SpellChecker  # imported here: nothing of it is loaded before the list is

    return SpellChecker(language="en", distance=1).word_frequency.dictionary


def load() -> None:
    """Load the list now, if it is not loaded yet (pathway.search's default index, when it is built)."""
    _counts()


def english_count(word: str) -> int:
    """How often the list saw `word` (lower case), 0 if it does not know it."""
    return _counts().get(word, 0)


def english_loaded() -> bool:
    """Whether the list has been loaded in this process (for the tests of when it is loaded)."""
    return _counts.cache_info().currsize > 0
