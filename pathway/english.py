"""English words, by how often they are used (spell21): pyspellchecker's English word-frequency list.

The adviser search's p9 spelling reading (pathway/search.py, SearchIndex._p9_spelling) respells only a word this list
does not know as English, so a real word one letter from a p9 word ("march", "shipped", "rapid") is never read as the
p9 word ("match", "whipped", "raped"). The list is loaded once, on the first word that needs it, not at import or when
the search index is built (about half a second, so neither the app's start-up nor a call that respells nothing pays
for it).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache


@cache
def _counts() -> Mapping[str, int]:
    from spellchecker import SpellChecker  # imported here too: nothing of it is loaded before a word needs it

    return SpellChecker(language="en", distance=1).word_frequency.dictionary


def english_count(word: str) -> int:
    """How often the list saw `word` (lower case), 0 if it does not know it."""
    return _counts().get(word, 0)


def english_loaded() -> bool:
    """Whether the list has been loaded in this process (for the test that start-up does not load it)."""
    return _counts.cache_info().currsize > 0
