"""The words of a call as the search reads them: normalising (case, quotes, contractions said in full,
a long denial said short), Snowball stemming, the stopwords, the typo allowance, and where a phrase
is said in a call's words (_phrase_at, _phrases_at).

Split out of pathway/search.py (split24) so that the tokeniser, which every reading family uses, is
one small module with no knowledge of the index; pathway.search re-exports its public names
(`normalise`, `stem`, `tokens`) for its callers.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from functools import cache

import snowballstemmer

MIN_TYPO = 4  # shorter words have too many neighbours one edit away


NEGATING = frozenset("not no never nobody nothing none cannot without".split())  # "don't" arrives as "do not", "can't" as "cannot"


STOPWORDS = frozenset(
    """
a an the and or of to in on at for with by from as is are was were be been being am it its this that
these those i im me my we our you your he him his she her they them their there here who what which
when where how about just really very so too also any some all has have had having do does did
doing will would can could should may might must shall think thinks thought keep keeps kept
after get gets got getting go goes going come comes came one little next door over yet still
three two four lots lot loads bit quite since then now today yesterday week weeks weekend month
again into out up worried worry concerned every hear heard there always day days night nights time times arm arms leg legs hand hands body
mum mom mummy dad daddy mother father son daughter boy girl kid kids brother sister stepdad uncle
year years yr yrs old aged age month months child children front until
become becomes during each ever more most mostly much only same such than through toward towards us
whatever whenever while whole whose within
everyone everything anyone anything someone something everybody somebody anybody
mam mammy bairn bairns wean weans kiddie kiddies kinda sorta gonna wanna gotta dunno wknd pls plz coz cuz cos tho thru bcos becos
""".split()
)
# family roles are stopwords: in "dad hits mum" the verb names the indicator, and a role word in a
# synonym phrasing would otherwise pull unrelated calls towards it. So are the words of an age
# ("my 12 year old", "the 3 month old") and any number: the age has its own field, and its words
# otherwise pulled every call that gives one towards the age-banded indicators ("under 13",
# "5 years old and under"). "child"/"children" are in most indicators and tell none apart, and
# "in front of" is how callers say "witnessed", not a concern of its own. The two lines from
# "become" are fillers the index had picked up from the phrasings ("while", "much", "only"), which matched
# calls about anything (measured on the development sets, docs/adviser.md). The last line is
# regional words for mum and child ("mam", "bairn") and text-speak fillers, which as unknown
# words of four letters or more were matched as typos ("kinda" reached "kind"). The line before it is the
# indefinite pronouns ("someone attacked him"): said of any concern, they pulled a call towards
# whichever phrasing happened to use one (cross-validated, docs/adviser.md)


CLAUSE_WORDS = frozenset("but so because cos when while if who".split())


JOINING = frozenset("and or nor".split())  # a plain phrase's words are one thing only with no "and" between ("high and marks")


_WORD = re.compile(r"[a-z0-9]+")


_APOSTROPHES = str.maketrans({c: "'" for c in "\u2018\u2019\u02bc`\u00b4"})


# Contractions said in full, so "she's" is "she is" (stopwords) rather than "shes", a word the index
# does not know and matched as a typo ("shoes"), and "won't", "wont" and "will not" are one thing
# (with the "not" that phrase matching and negation need). "can't" and "cant" are "cannot", one
# word: what a parent cannot do (cope, afford, control) is how callers say a need. With an apostrophe the ending says what
# it stands for ("'s" is dropped: "is", "has" or a possessive, none a concern of its own).
_CONTRACTED = re.compile(r"\b([a-z]+)'(s|re|ve|ll|d|m|t)\b")


_IRREGULAR = {"wo": "will not", "ca": "cannot", "sha": "shall not", "ai": "is not"}  # won't, can't, shan't, ain't


_ENDINGS = {"s": "", "re": " are", "ve": " have", "ll": " will", "d": " would", "m": " am"}


# ...and typed without one, only the forms that are not also words ("were", "ill", "well", "shed",
# "its", "lets" are left alone)
_UNMARKED = {
    **{w + "nt": w + " not" for w in "do does did is are was were has have had would could should must need".split()},
    **dict(wont="will not", cant="cannot", shant="shall not", aint="is not"),
    **dict(shes="she", hes="he", whos="who", thats="that", whats="what", theres="there"),  # as "'s" is
    **dict(theyre="they are", youre="you are", im="i am", ive="i have", theyve="they have", weve="we have", youve="you have"),
    **dict(theyll="they will", youll="you will", itll="it will", hed="he would", theyd="they would", youd="you would"),
}


_ONE_TO_ONE = re.compile(r"\b(?:1:1|1-1|1\s+to\s+1|one[\s-]+to[\s-]+one)\b")
# "1:1", "1-1" and "one to one" (support, a teaching assistant) are one word: said as digits or
# stopwords they would be lost


def _expand(match: re.Match) -> str:
    word, ending = match.groups()
    if ending == "t" and word.endswith("n"):
        base = word[:-1]
        return _IRREGULAR.get(base, f"{base} not")
    return word + _ENDINGS.get(ending, "")


_STEMMERS = threading.local()  # a Snowball stemmer keeps state while it works: one per thread


# A denial said with words between it and what it denies: "not at all kept safe" is "not kept safe",
# "no one keeps him safe" (or "no-one") is "nobody keeps him safe". Counted as words, "at all" and
# "one" carried "safe" out of the denial's reach (NEGATION_REACH), so the Universal strength "protect
# from danger and harm" ("kept safe") was offered first (left9)
_DENIALS_SAID_LONG = re.compile(r"\b(?:not at all|no one)\b")


_DENIALS_SAID_SHORT = {"not at all": "not", "no one": "nobody"}


def normalise(text: str) -> str:
    """Lower case, curly quotes and hyphens flattened, "self-harm" and "self harm" the same,
    contractions said in full ("she's" and "shes" are "she is", "won't" is "will not"), and a
    denial said long said short ("not at all" is "not", "no one" is "nobody")."""
    text = _CONTRACTED.sub(_expand, text.lower().translate(_APOSTROPHES)).replace("'", "")
    text = _ONE_TO_ONE.sub("onetoone", text)
    said = " ".join(_UNMARKED.get(w, w) for w in _WORD.findall(text))
    return _DENIALS_SAID_LONG.sub(lambda m: _DENIALS_SAID_SHORT[m.group(0)], said)


@cache
def stem(word: str) -> str:
    """Snowball (Porter 2) English: bruise/bruises/bruised/bruising all become 'bruis'.

    The stemmer object is not safe to share between threads (the web server's threads met in it
    and it failed), so each thread has its own."""
    stemmer = getattr(_STEMMERS, "english", None)
    if stemmer is None:
        stemmer = _STEMMERS.english = snowballstemmer.stemmer("english")
    return stemmer.stemWord(word)


def max_typos(word: str) -> int:
    """Edits allowed for a word the index does not know: one for short words, two for long ones."""
    return 0 if len(word) < MIN_TYPO else 1 if len(word) < 8 else 2


_STOP_STEMS = STOPWORDS | {stem(w) for w in STOPWORDS}  # "worried" and "worry" both stop


WORRY = frozenset(stem(w) for w in ("worried", "worry", "concerned", "frightened", "scared"))
# stopwords for matching (every caller says them), but a caller who says one has a concern: never
# a plain call (SearchIndex._concern_first)


def _stop(word: str, stemmed: str) -> bool:
    return stemmed in _STOP_STEMS or word in STOPWORDS or word.isdigit()


def _small(word: str, stemmed: str) -> bool:
    """A word that may come between a plain phrase's words: a stopword that does not join, deny,
    start a clause, worry or count."""
    return _stop(word, stemmed) and not word.isdigit() and word not in JOINING | CLAUSE_WORDS | NEGATING and stemmed not in WORRY


_GLUED_AGE = re.compile(r"(\d{1,2})(yo|yr|yrs)")


def _y_o(words: list[str], i: int) -> bool:
    """Whether "y" at i is "y/o" after a number (normalised "40 y o")."""
    return words[i] == "y" and 0 < i < len(words) - 1 and words[i + 1] == "o" and words[i - 1].isdigit()


def ages_unglued(words: list[str]) -> list[str]:
    """fix29a: an age said glued to its unit as typed ("30yo", "25yr", "24yrs") as two words ("30 yo"), and "y o"
    after a number (normalised "40 y/o") as "yo": for `unsaid_facts`' rows kept where the call says an age
    (_unsaid_facts_below), never in normalise (the index's own words, "(25yrs)", are read as written)."""
    out: list[str] = []
    for i, w in enumerate(words):
        m = _GLUED_AGE.fullmatch(w)
        if m:
            out += [m.group(1), m.group(2)]
        elif not (w == "o" and i > 0 and _y_o(words, i - 1)):
            out.append("yo" if _y_o(words, i) else w)
    return out


def ages_glued(words: list[str]) -> list[str]:
    """fix29a: "y o" after a number (normalised "28 y/o") glued to it as typed ("28yo"), as the older partner's reading
    reads an age (_older_partner_said: "30yo", "30yr")."""
    out: list[str] = []
    for i, w in enumerate(words):
        if w == "o" and i > 0 and _y_o(words, i - 1):
            continue
        if _y_o(words, i):
            out[-1] += "yo"
        else:
            out.append(w)
    return out


def tokens(text: str) -> list[str]:
    """Stemmed words of a text, stopwords kept (phrases need them)."""
    return [stem(w) for w in normalise(text).split()]


def _phrase_at(phrase: tuple[str, ...], words: list[str], *, empty_everywhere: bool = False) -> list[int]:
    """Where the phrase (normalised words, or stems where the words are stems) starts in the words. An empty
    phrase (a synonyms entry normalise leaves nothing of) is said nowhere; with `empty_everywhere`, at every
    place, the end too (0 to len(words)), as a slice comparison finds it: each caller keeps its own reading."""
    n = len(phrase)
    if not n:
        return list(range(len(words) + 1)) if empty_everywhere else []
    first, last = phrase[0], len(words) - n
    # Most phrases are not said at all, and most places fail at the first word: both are checked before any slice
    # is made (this helper was a quarter of search()'s time).
    if first not in words:
        return []
    return [i for i, word in enumerate(words) if word == first and i <= last and tuple(words[i : i + n]) == phrase]


def _phrases_at(phrases: Iterable[tuple[str, ...]], words: list[str]) -> list[tuple[int, int]]:
    """Each place (start, end) one of the phrases is said in the words."""
    return [(i, i + len(p)) for p in phrases for i in _phrase_at(p, words)]


def said_just_before(words: list[str], i: int, names: Callable[[str], bool], may_stand_between: Callable[[str], bool]) -> bool:
    """Whether the word at i is said just before a word `names` holds, or with one word between that
    `may_stand_between` allows ("disabled son", "severely disabled grandson", "his deaf older sister"): the reading
    of a word describing the person after it, which _describes_child, _describes_other and search_disabled_care share."""
    after = words[i + 1 : i + 3]
    return bool(after) and (names(after[0]) or (len(after) == 2 and may_stand_between(after[0]) and names(after[1])))


def _says_exactly(part: list[tuple[str, ...]], stems: list[str]) -> bool:
    """Whether the call's stems say one of a part's words or phrases as written (SearchIndex._stated_first): no typo,
    no words table, no completion (those are _says_core's, for a rule that holds a row back, not one that lifts it)."""
    return any(_phrase_at(p, stems, empty_everywhere=True) for p in part)
