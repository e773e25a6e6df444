"""Denial as the search reads it: which words a "not", "never", "rarely"... denies (NEGATION_REACH words
on, stopping at a clause word, another denial or a listed "or"), a denial's reach over bridging words
("has not been trafficked"), and the stems a strength's texts say or only ever deny.

Split out of pathway/search.py (split24): these are plain functions of the words, shared by the
index's denial readings (SearchIndex._denied_first, _named_denied, _denials) and its strengths;
pathway.search re-exports the names its tests import.
"""

from __future__ import annotations

from collections.abc import Iterable

from pathway.search_text import (
    CLAUSE_WORDS,
    JOINING,
    NEGATING,
    _stop,
    normalise,
    stem,
)

NEGATION_REACH = 3  # how many words after "not"/"never" it denies, within its clause ("not clean and well fed")
DENYING = NEGATING | frozenset("rarely hardly seldom".split())  # denies the words after it, in a call or a strength ("rarely poorly", "hardly at school")
LISTING = frozenset("or nor".split())  # a denial reaches on past these to the next thing listed ("does not drink or take drugs")


def _denied_positions(words: list[str]) -> list[int]:
    """Where the words a "not", "never"... denies are: up to NEGATION_REACH words after it, until
    a clause word ("not clean and well fed"; "not eating but happy": "happy" is said)."""
    out = []
    for j, w in enumerate(words):
        if w in DENYING:
            for i in range(j + 1, min(len(words), j + 1 + NEGATION_REACH)):
                if words[i] in CLAUSE_WORDS or words[i] in DENYING:
                    break
                out.append(i)
    return out


def _bridged_reach(words: list[str], bridges: frozenset[str]) -> list[int]:
    """Where the denial at words[0] reaches when `bridges` ("been", "any", "ever") are not counted
    (search14): up to NEGATION_REACH other words, until a clause word, another denial or an "and"/"or"."""
    out: list[int] = []
    counted = 0
    for i in range(1, len(words)):
        if words[i] in CLAUSE_WORDS or words[i] in DENYING or words[i] in JOINING or counted >= NEGATION_REACH:
            break
        out.append(i)
        counted += words[i] not in bridges
    return out


def _first_denied(words: list[str]) -> str:
    """The stem of the first content word the first denial of a text denies ("" if none)."""
    for j, w in enumerate(words):
        if w in DENYING:
            for k in _denied_positions(words[j:]):
                if not _stop(words[j + k], stem(words[j + k])):
                    return stem(words[j + k])
    return ""


def _said_and_denied(texts: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The content stems texts say, and those they only ever deny ("never ill": "ill"; "money" is
    said by "managing for money", so "no money" denies a word of the strength, and
    "no money worries" one of its denials)."""
    said: set[str] = set()
    denied: set[str] = set()
    for text in texts:
        words = normalise(text).split()
        under = set(_denied_positions(words))
        for i, w in enumerate(words):
            s = stem(w)
            if i in under:  # stopwords too: "no money worries" denies "worries"
                denied.add(s)
            elif w not in DENYING and not _stop(w, s):
                said.add(s)
    return frozenset(said), frozenset(denied - said)


def _negated_before(words: list[str], i: int) -> bool:
    """Whether "not"/"never"... comes within the two words before position i ("not kept safe",
    "is not really safe"): a phrase met there says the opposite of itself."""
    return any(w in NEGATING for w in words[max(0, i - 2) : i])


def paired_denials(words: list[str], opens: frozenset[str], joins: frozenset[str], no_after: frozenset[str]) -> list[str]:
    """The call's words with a paired denial said as the denials every reading reads (denial26, Search26a; the synonyms
    file's `denial.pair_opens`, `pair_joins`, `pair_no_after`, this tool's reading, declared there): "neither X nor Y"
    is "no X no Y" after a word of `no_after` ("has neither friends nor family") and "not X not Y" elsewhere ("is
    neither happy nor settled"), where a "nor" follows in its clause ("neither parent works" is left as said); a "nor"
    with no "neither" is the denial said last in its clause again ("isn't hit nor loved": "not hit not loved"; none:
    "not"). Word for word (one word for one), so every place a later reading counts in the call's words is where it
    was."""
    if not (opens or joins) or (opens.isdisjoint(words) and joins.isdisjoint(words)):
        return words
    out = list(words)
    for i, w in enumerate(out):
        if w in opens and any(out[k] in joins for k in range(i + 1, next((k for k in range(i + 1, len(out)) if out[k] in CLAUSE_WORDS), len(out)))):
            out[i] = "no" if i and out[i - 1] in no_after else "not"
        elif w in joins:
            last = next((out[k] for k in range(i - 1, -1, -1) if out[k] in DENYING or out[k] in CLAUSE_WORDS), None)
            out[i] = "no" if last == "no" else "not"
    return out


AFFIRMED_AS = "also"  # fix27c: a denial that affirms ("not just"), said as a stopword


def affirmed(words: list[str], denials: frozenset[str], after: frozenset[str]) -> list[str]:
    """The call's words with a denial that affirms said as AFFIRMED_AS (fix27c F4, review 26 Q13; the synonyms file's
    `denial.affirm_denials`, `affirm_after`, this tool's reading, declared there): "not just X" and "not
    only X" say X and more ("it's not just school he loves": he loves school; "he is not just smacked, he is locked in
    his room": he is smacked), so a word of `denials` just before one of `after` denies nothing. Word for word, as
    paired_denials: every place a later reading counts is where it was."""
    if not denials or not after or denials.isdisjoint(words):
        return words
    return [AFFIRMED_AS if w in denials and i + 1 < len(words) and words[i + 1] in after else w for i, w in enumerate(words)]


NEGATIONS = frozenset({"not", "no", "never"})  # "not" on its own says little (NEGATION)...
