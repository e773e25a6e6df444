"""Indicator search for an adviser on a phone call (issue 5).

Callers do not use the document's words: they say "bruise", "drunk", "left alone". So each
indicator is indexed on its text, its catalogue `keywords` and the caller phrasings in
`data/search_synonyms.yaml`; a query is matched word by word (Snowball's English stemmer; a word
the index does not know is matched to the nearest indexed words, so "brusies" finds bruising; the
last word as a prefix so one or two keystrokes narrow the list) and phrase by phrase ("not at
school" is not "school"). The index is built once; a query touches only the posting lists of its
own words.

A multi-word phrasing also counts (for less) when its words come with others between or in
another order ("dad keeps on hitting mum" meets "hitting mum"), unless only one of the two says
"not" there ("immunisations were never done" is not "immunisations done").

A word few indicators use also reaches, for less, the indicators closest to those that use it
(by all their words), so a caller's word counts for a concern whose phrasings never happened to say
it. Chosen by cross-validation over the vocabulary (pathway/search_crossval.py, docs/adviser.md).

Who a concern is about (and, in _subject_first, whether it is another child's: "his brother self
harms"): words in a clause whose subject is a parent ("dad has learning
difficulties", "mum's bipolar") count less for the child's own development (the catalogue's
child_development domain), so the parent's indicator comes before the child's twin of it.

Ordering is by how well the words match (score, then how much of the indicator's own text they
cover); the level only breaks what is still a tie (immediate first, then the higher level).
Twins (the same concern at several levels, the catalogue's `twins`) are then put in order among
themselves by the caller's words for how bad or how often ("all the time", "might"; the
`severity` words of the synonyms file): they swap places only with each other, so no other
match moves. Indicators whose age band does not admit the child are never offered.

Two rules then choose the first result, which the call screen preselects: a call every word of which
is plain (the synonyms file's `plain`) does not lead with an immediate criterion or a Protection need
(_concern_first), and a parent's psychosis joined to harm to the child leads with p9's significant
harm (the synonyms file's `joined`, _joined_first); neither takes an immediate criterion out of the
first three (_lead_with). So do whose condition it is (_subject_first), the model's "no concern"
(_calm_first), a p9 row matched only by words the call denies ("there is no domestic violence",
_denied_first; since search16 any concern row the denial names, "never been trafficked"), and a p9
row whose own core the call does not say (the synonyms file's `core`: no violence word, no
domestic-violence lead, _core_first).
"""

from __future__ import annotations

import math
import re
import threading
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any, NamedTuple, Optional

import snowballstemmer
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError
from rapidfuzz import process
from rapidfuzz.distance import OSA

from pathway import search_fix24a, written_text, yaml_load
from pathway.catalogue import Catalogue, Indicator, load_catalogue
from pathway.english import english_count
from pathway.english import load as load_english
from pathway.levels import Level
from pathway.models import FieldError, field_error, refusal, refuse_duplicated_keys, without_bom
from pathway.search_model import CallerModel, ExampleCall, example_calls, training_texts
from pathway.search_tables import (  # noqa: F401 (SearchDataError: the callers and tests name it here)
    CHILD_DEVELOPMENT,
    OVERRULED_KEYS,
    SearchDataError,
    TableReader,
    check_above_universal,
    check_care_left,
    check_carer_substance,
    check_carer_threat,
    check_clause_reading,
    check_concern_to_lead,
    check_degrading_treatment,
    check_disclosed_own_acts,
    check_elsewhere,
    check_everyday_hitting,
    check_everyday_senses,
    check_explained_play,
    check_harm_by_adult,
    check_harm_to_child,
    check_harmless,
    check_locked_in,
    check_named_rows,
    check_named_subject,
    check_not_now,
    check_not_the_child,
    check_not_yet,
    check_of_this_child,
    check_of_this_child_not_before,
    check_offender,
    check_overruled,
    check_p9_parts,
    check_p9_spelling,
    check_pregnant_young,
    check_role_abuse,
    check_role_condition,
    check_said_as_meant,
    check_said_plainly,
    check_service_roles,
    check_stated,
    check_told_alone,
    check_turned_facts,
    check_unborn_calm,
    check_under_13_sex,
    check_unsaid_facts,
    check_young_out_at_night,
    strings,
)
from pathway.search_tables import flat as _flat
from pathway.shipped import shipped

SYNONYMS_FILE = shipped("search_synonyms.yaml")

# how much a match in each field counts; the document's wording was not written for search, so it
# weighs less; the catalogue's keywords count as much as the caller phrasings (1.3 before: 1.5 was
# better cross-validated and no worse on the development sets)
TEXT, KEYWORD, PHRASING = 1.0, 1.5, 1.5
PREFIX = 0.8  # a word still being typed counts less than a finished one
MIN_SHARE = 0.25  # ...and a rare completion of it counts less again, but never next to nothing
REPEATED, REPEATED_CAP = 0.1, 3  # each further field (keyword, phrasing) with the word: +10%, up to +30%
EXPANDED = 0.6  # a word reached through the word-synonym table
RELATED = 0.5  # ...or said only by indicators close to this one (their cosine counts too): see _related
RELATED_NEIGHBOURS, RELATED_MAX_USERS, RELATED_KEPT = 5, 10, 3  # chosen by cross-validation (pathway/search_crossval.py)
PHRASE_BONUS = 1.0  # a whole multi-word phrase matched in order counts its words once more
SCATTERED = 0.5  # ...and with other words between, or in another order, half as much again
MIN_PREFIX = 2
PREFIX_CACHE_SIZE = 10_000
TYPO = 0.7  # a word matched despite a typo counts less than one spelt right
MIN_TYPO = 4  # shorter words have too many neighbours one edit away
NEGATIONS, NEGATION = frozenset({"not", "no", "never"}), 0.4  # "not" on its own says little; in a phrase it counts in full
NEGATING = frozenset("not no never nobody nothing none cannot without".split())  # "don't" arrives as "do not", "can't" as "cannot"
CHILD_WORD = 0.5  # "baby", "toddler" once the age is given: half, and only for age-banded indicators
NEGATION_REACH = 3  # how many words after "not"/"never" it denies, within its clause ("not clean and well fed")
DENYING = NEGATING | frozenset("rarely hardly seldom".split())  # denies the words after it, in a call or a strength ("rarely poorly", "hardly at school")
NEGATED_STRENGTH = 0.3  # a strength (Universal) whose own words the caller denies ("not kept safe"): a concern, not a strength
SEVERITY = 0.5  # how far "all the time" lifts the higher twins (and "might" the lower) before they are reordered
PARENT_SAID = 0.6  # a word said of a parent ("dad drinks") counts this much for the child's own development (see _said_of_parent)
LEARNED = 0.8  # the blend: word matching's score against its best counts 1 - LEARNED, the model's share against its best LEARNED
LEARNED_OFFERED = 5  # the model's best this many (the age admits) join what word matching found
ADMITTED_KEPT = 100_000  # SearchIndex._admits keeps at most this many answers (178 indicators x every age to 19 is about 84,000)
PLAIN_GAP = 2  # small words a plain phrase's words may have between them ("drinking all her milk")
JOINED_REACH = 3  # how near the harm (or the belief) and the child must be said ("to hurt the baby")
OTHER_REACH = 3  # how near a child (or "he", "she") before a condition's word makes it theirs ("her son is drinking")
KEPT_PLACES = 3  # an immediate criterion in word matching's first this many stays among the first this many (SearchIndex._keep_immediate)
AGREED = 0.2  # ...and keeps its very place where the model gives the immediate criteria found, together, this much of its best share
MODEL_AGE_BANDS = ((11, "agebandunder1"), (23, "agebandunder2"), (71, "agebandunder6"), (155, "agebandunder13"), (191, "agebandunder16"))
# the learned model's age words: the document's age limits (under 1, under 2, 5 and under, under
# 13, under 16); older is "agebandover15" (chosen on the left-out sets: docs/adviser.md)
CALM = 1.5  # the model reads "no concern" where its share of the synonyms file's `harmless` calls is this much of its best indicator's or more
# (_calm_first): chosen on the left-out sets v2-v6, twice the most any call there naming a p9 criterion gave (0.77, "brusing on my
# grandsons bottom after he came back from his dads"), so none of them loses its first place
AGE_FIT = 1.5  # an immediate criterion written for this child's age (under 2, 5 and under...) fits
# better than the general one with the same words (safety first: never under-call)

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

BLANK = ""  # a place of the call read as no word (SearchIndex._stated_first): denied, or another child's
CHILD_WORDS = frozenset("baby babies toddler toddlers infant newborn".split())
# words that say how old the child is: once an age (or unborn) is entered they count only for the
# indicators written for an age band ("under 1 year old...", "under two..."), so "the baby has had
# all her injections" is about the injections, while "mum drunk with the baby" still finds the
# under-1 criterion
MODEL_SKIPS = frozenset(
    "my year years yr yrs old aged age month months week weeks is are was were am be been being the a an has have had will would do does did".split()
)  # what the learned model does not read (see SearchIndex._for_model)

PARENT_WORDS = frozenset(
    "mum mums mom moms mummy mam mammy mother mothers dad dads daddy father fathers stepdad stepmum stepfather stepmother parent parents".split()
)
CHILD_ROLES = frozenset("son sons daughter daughters boy boys girl girls kid kids child children baby babies toddler lad lass teenager".split())
DETERMINERS = frozenset("my his her their our your the a new both neither".split())
CLAUSE_WORDS = frozenset("but so because cos when while if who".split())
DENIAL_KEYS = ("bridges", "hedges", "hedge_joins", "topics", "between", "use_verbs", "use_objects")  # the synonyms file's `denial`
LISTING = frozenset("or nor".split())  # a denial reaches on past these to the next thing listed ("does not drink or take drugs")
JOINING = frozenset("and or nor".split())  # a plain phrase's words are one thing only with no "and" between ("high and marks")
# who a concern is about (issue 14, tune5): a clause whose subject is a parent ("dad has learning
# difficulties", "mum's bipolar") speaks of the parent, so its words count less for the child's
# own development ("Additional learning needs" is the child's); a parent named later in a clause
# ("looks after his mum", "does his mum's shopping") is not its subject and changes nothing

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


def tokens(text: str) -> list[str]:
    """Stemmed words of a text, stopwords kept (phrases need them)."""
    return [stem(w) for w in normalise(text).split()]


@dataclass(frozen=True)
class Hit:
    """One indicator offered to the adviser, with the words that matched (for highlighting)."""

    indicator: Indicator
    score: float
    matched: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.indicator.id

    def as_dict(self) -> dict:
        """Plain JSON for the call screen's live search."""
        ind = self.indicator
        return {
            "id": ind.id,
            "text": ind.text,
            "level": ind.level.value,
            "level_label": ind.level.label,
            "immediate": ind.immediate,
            "age_band": ind.age_band,
            "hint": ind.hint,
            "source": ind.source.cite(),
            "matched": list(self.matched),
            "score": self.score,
        }


@dataclass(frozen=True)
class Twin:
    """An indicator with the same (or nearly the same) words at another level, and what tells them apart."""

    other: Indicator
    tells_apart: str


def twins_of(indicator_id: str, catalogue: Catalogue | None = None) -> list[Twin]:
    """The one place that knows where twins come from: the catalogue's `twins_of` (the lead's twin
    groups, with what tells them apart) when it has one, else its `same_words_as` with the two
    levels' definitions from the document. Only twins at another level: they are the adviser's choice."""
    catalogue = catalogue or load_catalogue()
    ind = catalogue.indicator(indicator_id)
    if hasattr(catalogue, "twins_of"):
        # a twin at the same level (and the same immediacy) is not a choice of level: left out
        return [Twin(t.other, t.tells_apart) for t in catalogue.twins_of(indicator_id) if (t.other.level, t.other.immediate) != (ind.level, ind.immediate)]
    twins = []
    for other_id in ind.same_words_as:
        other = catalogue.indicator(other_id)
        if other.level == ind.level:
            continue  # the same words at the same level (young carers): not a choice of level
        twins.append(
            Twin(
                other,
                f"The same words at two levels. {ind.level.label}: "
                f"{catalogue.level(ind.level).definition} {other.level.label}: "
                f"{catalogue.level(other.level).definition}",
            )
        )
    return twins


class _Joined(NamedTuple):
    """A rule of the synonyms file's `joined` (SearchIndex._joined_first), its words as stems."""

    leads: int
    parent: frozenset[str]
    harm: frozenset[str]
    about_child: frozenset[str]
    child: frozenset[str]
    says: frozenset[str]  # a parent who says or believes ("mum thinks ...") ...
    believed: frozenset[str]  # ... this of the child ("possessed", "a demon") needs no illness word (search12)


class _Clauses(NamedTuple):
    """The synonyms file's `subject` words for relative clauses and reported speech (_said_of_parent)."""

    relative: frozenset[str]  # "who", "that" and the subject pronouns of a relative clause said without one
    says: frozenset[str]  # reporting verbs ("says", "told")
    through: frozenset[str]  # words between a reporting verb and its pronoun ("told me she")
    female: frozenset[str]  # parent words "he" cannot stand for
    male: frozenset[str]  # ...and "she" cannot
    bare: frozenset[str] = frozenset()  # a determiner before a carer that opens a relative clause without "who" ("the nan she lives with")
    pronouns: frozenset[str] = frozenset()  # ...with one of these right after the carer
    named: frozenset[str] = frozenset()  # words that name a child ("kids", "daughter"): a call naming none has no child apart from its pronouns
    possessive: frozenset[str] = frozenset()  # ...or a possessive before a carer, with the pronoun it agrees with ("his nan he lives with")
    stranded: frozenset[str] = frozenset()  # ...where one of these ends the relative clause, a verb after it ("lives with is")

    def opens_relative(self, determiner: Optional[str], pronoun: str, rest: list[str]) -> bool:
        """Whether a carer word after `determiner`, then `pronoun`, opens a relative clause without "who"
        (search14: "the nan she lives with"; search15: "his nan he lives with is ...", the possessive's
        own pronoun, where a `stranded` word ends the clause and no determiner follows it: "told her mum
        she wants to live with her dad" is not one). `rest`: the words after the pronoun."""
        if pronoun not in self.pronouns:
            return False
        if determiner in self.bare:
            return True
        if determiner not in self.possessive or _AGREES.get(determiner) != pronoun:
            return False
        return any(w in self.stranded and (k + 1 == len(rest) or rest[k + 1] not in DETERMINERS) for k, w in enumerate(rest[:4]))

    def stands_for(self, pronoun: str, parent: str) -> bool:
        """Whether a pronoun may stand for a parent word ("she" for mum, "he" for dad, "they" for any)."""
        if pronoun == "they":
            return True
        return (pronoun == "she" and parent not in self.male) or (pronoun == "he" and parent not in self.female)


class _Subject(NamedTuple):
    """The synonyms file's `subject` (SearchIndex._subject_first): who may be a condition's subject, and
    each condition's words (as stems) with the child's own rows it must not lead with and the rows it
    leads with instead (as numbers)."""

    parents: frozenset[str]
    opens: frozenset[str]
    ends: frozenset[str]
    conditions: tuple[tuple[frozenset[str], frozenset[int], frozenset[int]], ...]
    clauses: Optional[_Clauses] = None
    about_child: frozenset[int] = frozenset()  # `leads` rows that lead only where the call says a child (search14)
    objects: frozenset[str] = frozenset()  # "him", "her", "them" said just after a condition's word: its object, a child
    reflexives: frozenset[str] = frozenset()  # "himself", "herself": a word just before one is said of oneself (_says_core)
    other_child: frozenset[str] = frozenset()  # another child ("brother", "cousin", "friend"): a condition said of one is not this child's (search16)
    other_phrases: tuple[tuple[str, ...], ...] = ()  # ...said in several words ("boy in his class")
    before_other: frozenset[str] = frozenset()  # words that may come between a determiner and another child ("big", "step", "best")
    peers: frozenset[str] = frozenset()  # "boyfriend", "girlfriend": after "her"/"his", a young person's peer (search16)
    peer_from_months: Optional[int] = None  # ...from this age, where the age is given
    other_only: frozenset[int] = frozenset()  # the conditions (by place) read only for another child, never a carer
    unsighted: frozenset[int] = frozenset()  # the conditions (by place) whose `child` rows leave the first three too (search16b)
    other_kept: Optional[frozenset[int]] = None  # rows about siblings another child's condition never moves; None: no such reading (search18n)
    self_after: frozenset[str] = frozenset()  # "self": a `self_then` word just after one is self-harm (search18n)
    self_then: frozenset[str] = frozenset()  # "harm", "harms"...
    self_not: frozenset[int] = frozenset()  # harm to others: not matched by self-harm's words (search18n)


@dataclass
class _Entry:
    indicator: Indicator
    order: tuple  # safety-first tie-break
    own: frozenset = frozenset()  # content stems of the document's own text (how much a query covers)
    phrases: list[tuple[tuple[str, ...], float]] = field(default_factory=list)


_CARER_DETERMINERS = frozenset({"his", "her", "their", "the", "my", "our", "your"})  # before a carer's word (fix20b)


@dataclass(eq=False)
class _Call:
    """One search's words and its running answer, built once in SearchIndex.search() and read (and moved) by its
    reading steps (STEPS): what was said, the child's age, the rows in order (`ranked`) with their scores (`final`)
    and the words that matched each, and the sets the steps leave for the later ones."""

    query: str  # as the caller sent it
    words: list[str]  # as read: spelled, regional words and care words taken out (SearchIndex.search)
    stems: list[str]
    typing: bool  # the last word may be unfinished
    unborn: bool
    age_in_months: Optional[int]
    ranked: list[int]  # the rows, best first: the steps move them
    final: dict[int, float]  # each row's score (shown, so it follows the order)
    matched: dict[int, set[str]]  # the words that matched each row
    negated: set[int]  # the strengths a denial negates
    unsaid_core: set[int]  # Protection rows whose core is unsaid (search16b)
    unstated: frozenset[int]  # rows leaving the first three at the end (search17p, fix21p, the carer's substance)
    admits: Callable[[int], bool]  # the child's age admits the row
    part: Optional[dict[str, Any]] = None  # given: the words are one part of a longer call (_p9_part_first)
    by_words: list[int] = field(default_factory=list)  # word matching's first results, before the blend
    blended: list[int] = field(default_factory=list)  # the blend's own first, before any reading moved it
    calm: float = 0.0  # the model's share of "no concern" against its best indicator's
    joined: Optional[int] = None  # the criterion a parent's psychosis joined to harm gives (_joined_first)
    unsighted: set[int] = field(default_factory=set)  # rows the carers' readings hold out of sight
    denied_from: Optional[int] = None  # the row a denial took first place from (fix21d)
    told_below: frozenset[int] = frozenset()  # rows "told" alone moved below the first three (fix21d)

    @property
    def hidden(self) -> set[int]:
        """The rows an earlier reading took out of sight: no reading leads with them."""
        return self.unsighted | self.unsaid_core

    @property
    def withheld(self) -> set[int]:
        """The hidden rows and those leaving the first three at the end."""
        return self.unsighted | self.unsaid_core | self.unstated


def _unjoined(c: _Call) -> bool:
    """No parent's psychosis joined to harm (_joined_first): its criterion's lead is not read again."""
    return c.joined is None


def _born(c: _Call) -> bool:
    """A child born (the unborn answer is a pregnancy)."""
    return not c.unborn


def _unborn(c: _Call) -> bool:
    """An unborn baby."""
    return c.unborn


def _whole_call_unmoved(c: _Call) -> bool:
    """A whole call (not one of its parts) whose words led as the blend did, with word matching's first results."""
    return c.part is None and c.ranked[:1] == c.blended and bool(c.by_words)


class _PartLead(NamedTuple):
    """One part of a call (a clause) searched alone whose first row is word matching's own first in the part and the
    model agrees (AGREED): what _p9_part_first and _clause_first each read further (SearchIndex._parts_agreed)."""

    at: range  # the part's places in the whole call's words
    part: list[str]  # its words, as read (_p9_spelt)
    hits: list[Hit]  # its search alone, best first
    n: int  # its first row
    words: set[str]  # the words that matched that row
    stood_in: bool = False  # the part's first was the model's alone; `n` is its first p9 row word matching found (p9_by_words)

    @property
    def hit(self) -> Hit:
        return self.hits[0]


def _whole_born(c: _Call) -> bool:
    """A whole call (not one of its parts) of a child born."""
    return c.part is None and not c.unborn


class _Step(NamedTuple):
    """One reading step at the end of SearchIndex.search(): the SearchIndex method it runs on the call (_Call), why it
    stands where it does, and the call it runs for (None: every call)."""

    name: str
    why: str
    when: Optional[Callable[[_Call], bool]] = None


# The reading steps, in order: each reads the call's words and moves the rows the blend ranked (SearchIndex.search);
# a later step sees what the earlier left (tests/pathway/test_search_steps.py states the order, and pairs whose order
# changes answers). docs/adviser.md, "Search steps".
STEPS: tuple[_Step, ...] = (
    _Step("_joined_first", "a parent's psychosis joined to harm to the child leads with p9; later steps read `joined`"),
    _Step("_subject_first", "whose condition it is: a carer's condition leads with no row of the child's; fills `unsighted`"),
    _Step("_self_harm_only", "harm to others matched only by self-harm's words joins `unsighted`"),
    _Step("_core_first_step", "a p9 criterion whose core is unsaid does not lead (after a joined criterion, that one leads)"),
    _Step("_concern_first", "a call of plain words alone puts no p9 criterion or Protection need first"),
    _Step("_stated_first", "a p9 criterion whose every part the call states leads over a first row that is none"),
    _Step("_denied_first_step", "a p9 row matched only by words the call denies does not lead; notes `denied_from`", _unjoined),
    _Step("_not_now_first", "a row resting only on words that are not this child's concern now does not lead", _unjoined),
    _Step("_overruled_first", "a row the call's own words overrule ('never left on her own') does not lead", _unjoined),
    _Step("_not_the_child_first", "a row resting on words said of an animal, a thing or a professional does not lead", _unjoined),
    _Step("_disclosed_own_act_first", "a disclosure of the child's own act is no disclosure of abuse", _unjoined),
    _Step("_calm_first_step", "the model's 'no concern': no p9 or Protection lead; the blend's first if none moved it", _unjoined),
    _Step("_harm_to_child_first", "a carer's harm to the child leads over violence between adults"),
    _Step("_harm_by_adult_first", "harm an adult of the household does to the child leads with p9"),
    _Step("_everyday_hitting_first", "everyday words for a carer hitting the child lead with p9"),
    _Step("_carer_substance_first", "a carer's own drink or drugs: the child's rows join `unsighted`, the carers' lead"),
    _Step("_offender_first", "the child as the offender: no 'Victim of crime' first"),
    _Step("_carer_threat_first", "a carer's own threat of suicide or self harm: the carers' rows first", _unjoined),
    _Step("_pregnant_young_first", "a pregnant child under 13: 'Sexual activity under 13' above the pregnancy rows", _born),
    _Step("_role_condition_first", "a professional's own condition is no carer's"),
    _Step("_role_abuse_first", "an adult by a role who abuses the children in their care leads"),
    _Step("_of_this_child_first", "a p9 criterion a clause states of this child leads: no earlier reading moves it"),
    _Step("_p9_part_first", "a p9 criterion a part of a long call states leads as in a short call", _whole_call_unmoved),
    _Step("_told_alone_below", "'told' alone is no disclosure: below the first three; notes `told_below`"),
    _Step("_unborn_calm_first", "an unborn baby's ordinary pregnancy preselects no row kept for a concern", _unborn),
    _Step("_care_leaver_first", "a care leaver with no concern said leads with p13-14's parent previously looked after"),
    _Step("_elsewhere_first", "a parent's past, long past, hypothetical or explained concern; adds to `unstated`"),
    _Step("_not_yet_below", "rows needing a fact a hypothetical says is not yet so leave the first three (fix23f)", _born),
    _Step("_explained_play_below", "an ordinary injury from the child's own play: p9's injury lines leave the first three (fix23f)", _born),
    _Step("_concern_unsaid_below", "a `concern_to_lead` row whose concern is unsaid does not lead"),
    _Step("_out_of_sight_step", "the rows the steps hid (`hidden`) and `unstated` leave the first three"),
    _Step("_said_plainly_last", "words read as said, after every placing: never back to `denied_from` nor to a held row"),
    _Step("_everyday_senses_below", "rows only a concern word's everyday sense reached leave the first three (fix23b)", _whole_born),
    _Step("_unsaid_facts_below", "rows an everyday word does not say ('again', a pet, an hour) leave the first three (fix22d)", _born),
    _Step(
        "_turned_facts_below",
        "a denial ('not being hit'), a parent's own childhood or crisis, the child's own violence: the rows they turn round"
        " leave the first three (fix23d); after the everyday words' reading, before `named_rows`'",
        _born,
    ),
    _Step("_named_rows_below", "last: rows a `named_rows` reading does not name leave the first three; its lead", _born),
    _Step("_degrading_first", "degrading treatment or confinement of the child (a cage, chains, a cellar) leads with p9 (fix23c)", _born),
    _Step("_under_13_sex_offered", "a young person's words for sex at an age under 13 offer p17's row; p9 stays first (fix23c)", _born),
    _Step("_above_universal_step", "last, safety first: a need above Universal said beside strengths, and a young child out alone at night, lead (fix22a)"),
)


class SearchIndex:
    """Built once from the catalogue and the synonyms table; `search` is then cheap."""

    def __init__(self, catalogue: Catalogue, synonyms: dict, examples: Optional[Sequence[ExampleCall]] = None):
        """`examples`: labelled calls (what was said, the indicator ids it names, the age) for the learned
        model besides the catalogue and the phrasings; no model at all when None."""
        extra, words = _check_synonyms(catalogue, synonyms)
        self.catalogue = catalogue
        self._admitted: dict[tuple[int, bool, Optional[int]], bool] = {}  # see _admits
        number_of = {ind.id: n for n, ind in enumerate(catalogue.indicators)}.__getitem__
        # words that alone carry no concern, for an immediate criterion (see _concern_first)
        plain = [tuple(tokens(w)) for w in synonyms.get("plain") or []]
        self.plain_words = frozenset(p[0] for p in plain if len(p) == 1)
        self.plain_phrases = [p for p in plain if len(p) > 1]  # "high marks", "picks up": plain together, not alone
        # a parent's psychosis joined to harm to the child (see _joined_first): (what leads, its word lists as stems)
        self.joined = [
            _Joined(number_of(j["leads"]), *(frozenset(stem(w) for w in normalise(" ".join(j[k])).split()) for k in JOINED_KEYS[1:]))
            for j in synonyms.get("joined") or []
        ]
        # whose condition it is (see _subject_first): the words as said (normalised), conditions' words as stems
        said = synonyms.get("subject") or {}
        listed = {k: frozenset(normalise(" ".join(said.get(k) or [])).split()) for k in SUBJECT_WORDS}
        # labelled calls that say no concern (see _calm_first): the learned model's answer "no concern"
        self.harmless = [ExampleCall(h["q"], (), h.get("age_in_months"), bool(h.get("unborn", False))) for h in synonyms.get("harmless") or []]
        self.no_concern = len(catalogue.indicators)  # the model's number for it, after the indicators'
        self.subject = _Subject(
            listed["parent"],
            listed["opens"],
            listed["ends"],
            tuple(
                (
                    frozenset(stem(w) for w in normalise(" ".join(c["words"])).split()),
                    frozenset(number_of(i) for i in [*c["child"], *(c.get("cared_for") or [])]),
                    frozenset(number_of(i) for i in c["leads"]),
                )
                for c in said.get("conditions") or []
            ),
            _Clauses(*(listed[k] for k in SUBJECT_WORDS[6:14]))._replace(possessive=listed["possessive"], stranded=listed["stranded"]),
            frozenset(number_of(i) for i in said.get("about_child") or []),
            listed["objects"],
            listed["reflexives"],
            frozenset(normalise(w).strip() for w in said.get("other_child") or [] if len(normalise(w).split()) == 1),
            tuple(tuple(normalise(p).split()) for p in said.get("other_child") or [] if len(normalise(p).split()) > 1),
            listed["before_other"],
            listed["peers"],
            said["peer_from_age"] * 12 if said.get("peer_from_age") else None,
            frozenset(k for k, c in enumerate(said.get("conditions") or []) if c.get("other_child_only")),
            frozenset(k for k, c in enumerate(said.get("conditions") or []) if c.get("out_of_sight")),
            None if said.get("other_kept") is None else frozenset(number_of(i) for i in said["other_kept"]),
            frozenset(normalise(" ".join((said.get("self_harm") or {}).get("after") or [])).split()),
            frozenset(normalise(" ".join((said.get("self_harm") or {}).get("then") or [])).split()),
            frozenset(number_of(i) for i in (said.get("self_harm") or {}).get("not") or []),
        )
        # the child's own rows a carer's words never reach (see _said_outside_carers): as numbers
        self.child_only = frozenset(number_of(i) for i in said.get("child_only") or [])
        # a child looked after now (see _in_care_places): its phrases, and the words that make them a care leaver's, as stems
        looked_after = synonyms.get("looked_after") or {}
        self.in_care = [tuple(tokens(p)) for p in looked_after.get("phrases") or []]
        self.in_care_unless = [tuple(tokens(p)) for p in looked_after.get("unless") or []]
        self.in_care_before = frozenset(normalise(" ".join(looked_after.get("before") or [])).split())
        # a carer taking the child to a service (see _carried): the words as said, the places as phrases
        carried = synonyms.get("carried") or {}
        self.carried_verbs, self.carried_objects, self.carried_owners, self.carried_to = (
            frozenset(normalise(" ".join(carried.get(k) or [])).split()) for k in ("verbs", "objects", "owners", "to")
        )
        self.carried_places = tuple(tuple(normalise(p).split()) for p in carried.get("places") or [])
        self.in_care_filler = frozenset(stem(w) for w in normalise(" ".join(looked_after.get("filler") or [])).split())
        # a refusal of the CAF or of early help (see says_early_help_refused): its phrases as stems in order
        early_help = synonyms.get("early_help") or {}
        self.early_help = [[tuple(tokens(p)) for p in early_help.get(k) or []] for k in ("said", "refusing")]
        # what an immediate criterion's own core is (see _core_first): its words as stems, its phrases as stems in order
        self.core = {number_of(i): [tuple(tokens(w)) for w in ws] for i, ws in (synonyms.get("core") or {}).items()}
        # ...and an immediate criterion's core from an age (see _core_first, search16b): (from months, its words as _says_core reads them)
        self.core_from_age = {number_of(i): (c["age"] * 12, [tuple(tokens(w)) for w in c["words"]]) for i, c in (synonyms.get("core_from_age") or {}).items()}
        # rows offered only where the call says one of their words (see _offered_only_with): as _says_core reads a core
        self.offered_with = {number_of(i): [tuple(tokens(w)) for w in ws] for i, ws in (synonyms.get("offered_with") or {}).items()}
        # ...and those of them the unborn answer itself says (fix19d, review 19 N10: the mother is pregnant)
        self.offered_unborn = frozenset(number_of(i) for i in synonyms.get("offered_unborn") or [])
        # what a p9 criterion states (search17p): an age-banded criterion's concern (_unstated), and the parts of one stated in full (_stated_first)
        stated = synonyms.get("stated") or {}
        self.concept = {number_of(i): [tuple(tokens(w)) for w in _flat(ws)] for i, ws in (stated.get("concept") or {}).items()}
        self.in_full = {number_of(i): [[tuple(tokens(w)) for w in _flat(part)] for part in parts] for i, parts in (stated.get("in_full") or {}).items()}
        self.doubt = [tuple(tokens(w)) for w in stated.get("doubt") or []]
        # what is not this child's concern now (search17s, review 17 N1-N3; see _not_now_first): as _NotNow reads them
        self.not_now = _not_now(synonyms, number_of, catalogue)
        # ...and ended by a verb, disproved by a finding, a child locked in a home (fix18b, review 18 N4, N5, N7; _ended_by_first)
        self.ends = _ends(synonyms, number_of)
        # who or what the words are said of beyond carers and other children (fix18a, review 18 N1-N3; see _not_the_child_first)
        self.not_child = _not_the_child(synonyms, number_of)
        # ...and what the call itself overrules: "never" + a verb, an ordinary amount, a past frame, a finding (fix19b; _overruled_first)
        self.overruled = _overruled(synonyms, number_of)
        # harm a carer does to the child is p9's, hedged or not (fix19a, review 19 N1; see _harm_to_child_first)
        self.harm_to_child = _harm_to_child(synonyms, number_of)
        # the child who commits a crime is not its victim (fix19a, review 19 N8; see _offender_first)
        self.offender = _offender(synonyms, number_of)
        # ...an adult named by a role in the child's services, and a disclosure of the child's own act (fix19c, review 19 N4, N9)
        self.roles = _service_roles(synonyms, number_of)
        self.disclosed = _disclosed_own_acts(synonyms, number_of)
        # a carer's own threat of suicide or self harm is the carer's (fix19d, review 19 N5; see _carer_threat_first)
        self.carer_threat = _carer_threat(synonyms, number_of)
        # ...and a child under 13 who is pregnant has had sexual activity under 13 (fix19d, review 19 N11; _pregnant_young_first)
        self.pregnant_young = _pregnant_young(synonyms, number_of)
        # ...and a row whose concern the document names leads only where the call says it (fix20c; _concern_unsaid_below)
        self.concern_to_lead = {number_of(i): [tuple(tokens(w)) for w in ws] for i, ws in (synonyms.get("concern_to_lead") or {}).items()}
        # an unborn baby's call saying only an ordinary pregnancy leads with a Universal row (fix20u; _unborn_calm_first)
        self.unborn_calm = _unborn_calm(synonyms, number_of)
        # ...and "left care" is read as a care leaver, not as left alone nor a loss (fix20u; _care_left)
        self.care_left = _care_left(synonyms, number_of)
        # a p9 criterion stated of this child (search19p; see _of_this_child_first): as _OfThisChild reads it
        self.of_this_child = _of_this_child(synonyms, number_of)
        # search20: harm another adult of the household does to the child (see _harm_by_adult_first)
        self.harm_by_adult = _harm_by_adult(synonyms, number_of)
        self.of_this_child_not_before = _of_this_child_not_before(synonyms)
        # search20: "told" alone is no disclosure; an adult by a role who abuses children; a role's own condition is no carer's
        self.told_alone = _told_alone(synonyms, number_of)
        self.role_abuse = _role_abuse(synonyms, number_of)
        self.role_condition = _role_condition(synonyms, number_of)
        # words read as said (fix20d, review 20 N5-N10; see _said_plainly_last): ages in words, pregnancy, "no convictions"...
        self.said_plainly = _said_plainly(synonyms, number_of)
        # everyday words for hitting a child, and a carer's own drink or drugs (fix20b, review 20 N2, N3; see
        # _everyday_hitting_first, _carer_substance_first)
        self.everyday_hitting = _everyday_hitting(synonyms, number_of)
        self.carer_substance = _carer_substance(synonyms, number_of)
        # the parent's own past, a concern long past, a hypothetical, an explained injury (fix21p, review 21; _elsewhere_first)
        self.elsewhere = _elsewhere(synonyms, number_of)
        self.named_rows, self.named_words = _named_rows(synonyms, number_of)  # fix21q: what the words name (_named_rows_below)
        self.named_subject = _named_subject(synonyms, number_of, self.named_rows)  # fix23a: whose belief (_named_subject_own)
        # the words for drunk or high, "dead" as "very", dialect words, and "looking after" read as meant (fix22b; _as_meant)
        self.as_meant = _as_meant_table(synonyms)
        self.unsaid_facts = _unsaid_facts(synonyms, number_of)  # fix22d: what an everyday word does not say (_unsaid_facts_below)
        self.turned_facts = _turned_facts(synonyms, number_of)  # fix23d: a denial, a parent's own harm, the child's own violence
        # fix24a: the same readings by shape, in other words (_turned_runs; pathway/search_fix24a.py)
        self.turned_names = tuple(r.get("name", "") for r in (synonyms.get("turned_facts") or {}).get("readings") or [])
        self.turned_words = search_fix24a.load(synonyms, normalise)
        # fix22a (review 22 N1, N3): a need above Universal said beside strengths; a young child out alone at night
        self.above_universal = _above_universal(synonyms, number_of)
        self.young_out_at_night = _young_out_at_night(synonyms, number_of)
        self.clause_reading = _clause_reading(synonyms)  # fix23c (review 23 N1): how the clause reading cuts a call, and a p9 clause's words
        self.degrading = _degrading(synonyms, number_of)  # fix23c (review 23 N2): degrading treatment and confinement (_degrading_first)
        self.under_13_sex = _under_13_sex(synonyms, number_of)  # fix23c (review 23 N10): a young person's words for sex under 13
        self.everyday_senses = _everyday_senses(synonyms, number_of)  # fix23b: the everyday senses of concern words
        # fix23f (review 21 N3, N6): a thing not yet so; an ordinary injury from the child's own play
        self.not_yet = _not_yet(synonyms, number_of)
        self.explained_play = _explained_play(synonyms, number_of)
        self.word_synonyms: dict[str, tuple[str, ...]] = {}
        for k, v in words.items():  # "hit", "hits" and "hitting" are one key: their alternatives join
            known = self.word_synonyms.get(stem(k), ())
            self.word_synonyms[stem(k)] = known + tuple(t for t in tokens(" ".join(v)) if t not in known)
        severity = synonyms.get("severity") or {}
        # severity phrases by their first word: (the rest of the phrase, +1 for "more" or -1 for "less")
        self.severity: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for sign, key in ((1, "more"), (-1, "less")):
            for phrase in severity.get(key, []):
                first, *rest = tokens(phrase)
                self.severity.setdefault(first, []).append((tuple(rest), sign))
        number = {ind.id: n for n, ind in enumerate(catalogue.indicators)}
        self.twin_place = {number[i]: place for i, place in _twin_places(catalogue).items()}
        self.twin_groups = [tuple(number[i] for i in g.ids) for g in catalogue.twins]
        self.entries: list[_Entry] = []
        postings: dict[str, dict[int, float]] = {}
        fields_with: dict[tuple[str, int], int] = {}  # how many of an indicator's fields say a word
        for n, ind in enumerate(catalogue.indicators):
            entry = _Entry(ind, (not ind.immediate, -ind.level.rank, len(ind.text), ind.id), frozenset(t for t in tokens(ind.text) if not _stop(t, t)))
            fields = [(ind.text, TEXT)] + [(k, KEYWORD) for k in ind.keywords] + [(p, PHRASING) for p in extra.get(ind.id, [])]
            for text, weight in fields:
                toks = tuple(tokens(text))
                content = [t for t in toks if not _stop(t, t)]
                for t in set(content):
                    best = postings.setdefault(t, {})
                    best[n] = max(best.get(n, 0.0), weight)
                    fields_with[t, n] = fields_with.get((t, n), 0) + 1
                if len(toks) > 1 and weight > TEXT:
                    entry.phrases.append((toks, weight))
            self.entries.append(entry)
        for (t, n), count in fields_with.items():  # a word many phrasings use is more that indicator's word
            postings[t][n] *= 1 + REPEATED * min(count - 1, REPEATED_CAP)
        total = len(self.entries)
        self.idf = {t: math.log(1 + total / len(p)) for t, p in postings.items()}
        self.postings = postings
        # each row's name: the content stems of its own text and the catalogue's keywords (_denied_first)
        self.named = [e.own | {t for k in e.indicator.keywords for t in tokens(k) if not _stop(t, t)} for e in self.entries]
        self.related = _related(postings, self.idf)
        # each strength (Universal) with the words its own text and phrasings say, and those they deny
        # ("never ill", "no money worries"): a caller who denies a word it says names the strength missing
        self.strength_words = {
            n: _said_and_denied([e.indicator.text, *extra.get(e.indicator.id, [])]) for n, e in enumerate(self.entries) if e.indicator.level is Level.UNIVERSAL
        }
        # the first content word each denial in a concern's own words denies ("no food", "not coping",
        # "nobody looking after them", "bruises nobody can explain"): a caller's denial of it is the concern
        # said, not denied (see _denied_first)
        self.concern_denials = frozenset(
            _first_denied(normalise(text).split())
            for e in self.entries
            if e.indicator.level is not Level.UNIVERSAL
            for text in (e.indicator.text, *e.indicator.keywords, *extra.get(e.indicator.id, []))
        ) - {""}
        # a concern's own phrase of two words or more with no denial in it ("out of control", "in trouble with the
        # police"): a denial right before it denies the concern, even where its first content word is one a concern's
        # own words deny ("control": "cannot control him"; search18, _phrase_denied). Not a phrase a strength says too
        # ("self care", "health visitor", "goes to clubs"): that names a topic, and its denial can be the concern
        strength_phrases = {
            tuple(normalise(text).split())
            for e in self.entries
            if e.indicator.level is Level.UNIVERSAL
            for text in (e.indicator.text, *e.indicator.keywords, *extra.get(e.indicator.id, []))
        }
        self.concern_phrases = frozenset(
            tuple(ws)
            for e in self.entries
            if e.indicator.level is not Level.UNIVERSAL
            for text in (e.indicator.text, *e.indicator.keywords)
            if len(ws := normalise(text).split()) >= 2 and not set(ws) & DENYING and tuple(ws) not in strength_phrases
        )
        # the words a denial reaches past without counting them ("never been any ...": see _denials)
        denial = synonyms.get("denial") or {}
        self.bridges = frozenset(normalise(" ".join(denial.get("bridges") or [])).split())
        # a denial's hedge ("no sign of", "no evidence of", "no history of": search16) and the words that join it to what
        # it denies; and the words that say whom or what a denied concern is about ("the family are not homeless")
        self.hedges, self.hedge_joins, self.topics, self.between = (
            frozenset(normalise(" ".join(denial.get(k) or [])).split()) for k in ("hedges", "hedge_joins", "topics", "between")
        )
        # a verb of using (search18: "take", "use", "smoke", a concern's own denial in "does not take her medication")
        # followed by a substance ("does not take drugs") denies the substance (_use_denied)
        self.use_verbs, self.use_objects = (frozenset(normalise(" ".join(denial.get(k) or [])).split()) for k in ("use_verbs", "use_objects"))
        # multi-word phrasings by their (alphabetically) first content word, for matching them with
        # words between: (indicator, content words, whether it says "not", weight)
        self.scattered_by_first: dict[str, list[tuple[int, frozenset[str], bool, float]]] = {}
        for n, entry in enumerate(self.entries):
            for toks, weight in entry.phrases:
                words_of = frozenset(t for t in toks if not _stop(t, t) and t not in NEGATING)
                if len(words_of) >= 2:
                    negated = any(t in NEGATING for t in toks)
                    self.scattered_by_first.setdefault(min(words_of), []).append((n, words_of, negated, weight))
        # phrases indexed by their first word, so a query checks only phrases that can start there
        self.phrases_by_first: dict[str, list[tuple[int, tuple[str, ...], float]]] = {}
        for n, entry in enumerate(self.entries):
            for toks, weight in entry.phrases:
                self.phrases_by_first.setdefault(toks[0], []).append((n, toks, weight))
        # surface words for prefix matching: "bru" -> bruise, bruising -> stem 'bruis'
        surface: set[str] = set()
        for ind in catalogue.indicators:
            for text in [ind.text, *ind.keywords, *extra.get(ind.id, [])]:
                surface.update(w for w in normalise(text).split() if stem(w) in postings)
        surface.update(w for w in words if stem(w) in self.word_synonyms)
        self.surface = sorted(surface)
        self.model = self._learn(extra, examples) if examples is not None else None
        self._prefix_cache: dict[str, tuple[str, ...]] = {}
        self._near_cache: dict[str, tuple[str, ...]] = {}
        # words spelled as typed, never read as a typo of an indexed word (search18: "rash" is not "wash")
        self.known_words = frozenset(normalise(" ".join(synonyms.get("known_words") or [])).split())
        self._shares_cache: dict[str, dict[str, float]] = {}
        self._p9_init(catalogue, synonyms, extra)

    # ---------------------------------------------------------------- query
    def search(
        self,
        query: str,
        *,
        age_in_months: Optional[int] = None,
        unborn: bool = False,
        limit: int = 10,
        finished: bool = False,
        part: Optional[dict[str, Any]] = None,
    ) -> list[Hit]:
        """Indicators for what the caller said, best first; only those the child's age admits. `finished`: the words
        were sent whole (the call screen's form submitted), so the last word is read as said, never as one still
        being typed (a last word under four letters, "GP", is otherwise left out until a space or stop follows).
        `part`: given, the words are one part of a longer call (_p9_part_first): no part of them is read alone, and
        word matching's first results and the model's shares are left in it ("by_words", "shares")."""
        if limit < 1:
            raise ValueError(f"limit must be at least 1, not {limit}")
        if unborn and age_in_months is not None:
            raise ValueError("give either an age or unborn, not both")
        if age_in_months is not None and age_in_months < 0:
            raise ValueError(f"age_in_months cannot be negative ({age_in_months})")
        rest = self._other_child_well(query)
        if rest is not None:  # "one twin is fine, the other has cuts on his arms": the child the concern is said of (fix20d)
            return self.search(rest, age_in_months=age_in_months, unborn=unborn, limit=limit, finished=finished)
        words = self._care_left(self._p9_spelt(self._regional_plainly(self._as_meant(normalise(query).split()))))
        if not words:
            return []
        typing = not finished and not query[-1:].isspace() and query[-1:] not in ".,;!?"  # the last word may be unfinished
        in_care, kept = self._in_care(words)
        if in_care:  # a child looked after now: the document has no row for it, so its words find none
            if self._nothing_else(words, in_care | kept):
                return []
            typing = typing and len(words) - 1 not in in_care
            words = [w for i, w in enumerate(words) if i not in in_care]
            if not words:
                return []
        carried = self._carried(words)
        if carried:  # "mum has not taken him to the GP": the verb carries the child to a service, no concern of its own
            words = [w for i, w in enumerate(words) if i not in carried]
        stems = [stem(w) for w in words]
        of_parent = _said_of_parent(words)
        scores: dict[int, float] = {}
        matched: dict[int, set[str]] = {}
        covered: dict[int, set[str]] = {}  # the indicator's own words the query reached

        def add(term: str, factor: float, label: str, table: dict[str, dict[int, float]] = self.postings) -> None:
            posting = table.get(term)
            if not posting:
                return
            idf = self.idf[term]
            own = table is self.postings  # a related indicator's words did not say it: no cover, no highlight
            for n, weight in posting.items():
                if only_banded and not self.entries[n].indicator.age_band:
                    continue
                if own:
                    covered.setdefault(n, set()).add(term)
                gain = idf * weight * factor
                gain *= self._whose(n, parents_word)
                if gain > best_for_word.get(n, 0.0):
                    scores[n] = scores.get(n, 0.0) + gain - best_for_word.get(n, 0.0)
                    best_for_word[n] = gain
                    if own:
                        matched.setdefault(n, set()).add(label)

        def add_with_synonyms(term: str, factor: float, label: str) -> None:
            add(term, factor, label)
            add(term, factor * RELATED, label, self.related)
            for alt in self.word_synonyms.get(term, ()):
                add(alt, factor * EXPANDED, label)

        last = len(words) - 1
        aged = unborn or age_in_months is not None
        for i, (word, s) in enumerate(zip(words, stems)):
            if _stop(word, s):
                continue
            parents_word = of_parent[i]
            only_banded = aged and word in CHILD_WORDS  # "baby" once the age is known: evidence for an age band only
            best_for_word: dict[int, float] = {}  # each query word counts once per indicator
            add_with_synonyms(s, CHILD_WORD if only_banded else NEGATION if word in NEGATIONS else 1.0, word)
            completions: tuple[str, ...] = ()
            if i == last and typing and len(word) >= MIN_PREFIX:
                completions = self._completions(word)
                shares = self._completion_shares(word, completions)
                for full in completions:
                    if full != word:
                        add_with_synonyms(stem(full), PREFIX * max(shares[full], MIN_SHARE), word)
            if not best_for_word and not completions and word not in self.known_words and not self._p9_real_word(word):  # a typo?
                for near in self._near(word):
                    add_with_synonyms(stem(near), TYPO, word)
        self._phrases(stems, words, typing, scores, matched, of_parent)
        self._scattered(words, stems, scores, matched, of_parent)

        def fit(n: int) -> float:
            ind = self.entries[n].indicator
            return AGE_FIT if ind.immediate and ind.age_band and (unborn or age_in_months is not None) else 1.0

        final = {n: scores[n] * fit(n) for n in scores if self._admits(n, unborn, age_in_months)}
        # "not safe at home" is a concern: the strength "safe at home" leads no more; "never poorly"
        # and "no money worries" deny what the strengths themselves deny, and are the strengths
        denied = {stems[i] for i in _denied_positions(words)}
        negated = {n for n, (says, denies) in self.strength_words.items() if denied & says and not denied & denies} if denied else set()
        for n in negated & final.keys():
            final[n] *= NEGATED_STRENGTH

        def coverage(n: int) -> float:
            own = self.entries[n].own
            return len(own & covered.get(n, set())) / len(own) if own else 0.0

        def rank() -> list[int]:
            return sorted(final, key=lambda n: (-round(final[n], 6), -round(coverage(n), 6), self.entries[n].order))

        lean = self._severity_said(stems)
        calm = 0.0  # the model's share of "no concern" against its best indicator's
        # a child's own row said only of a parent goes before the kept places are taken, or it holds one of
        # them and an immediate criterion word matching put in the first three is lost when it goes
        # ("dad has been sent to prison": "Placed in custody" held the third place trafficking then lost)
        self._said_outside_carers(words, stems, final)
        self._offered_only_with(words, stems, typing, final, unborn)
        # a Protection row whose core is unsaid (search16b) holds no kept place: it leaves the first three at the end
        unsaid_core = {n for n in self.core if not self.entries[n].indicator.immediate and not self._core_said(n, words, stems, typing)}
        # ...and so does an age-banded p9 row whose concern is unsaid (search17p): it leaves the first three at the end
        unstated = self._unstated(words, stems, typing)
        by_words: list[int] = []
        if final and self.model is not None:
            named_out = set() if unborn else {n for _, _, unnamed in self._named_readings(words, stems, typing) for n in unnamed}
            # fix21q: the rows a `named_rows` reading moves hold no kept place, so a p9 row word matching then puts
            # in its first three is kept there after the blend (_keep_immediate), as in word matching alone
            by_words = [n for n in rank() if n not in unsaid_core | unstated | named_out][:KEPT_PLACES]
            read = self._for_model(words, typing, aged)
            model_shares, calm = self._blend(read + _age_word(age_in_months, unborn) if read else read, final, negated, unborn, age_in_months)
            self._keep_immediate(by_words, model_shares, final, rank)
            if part is not None:
                part.update(by_words=by_words, shares=model_shares)
            self._said_outside_carers(words, stems, final)  # and again for a row the model brought in
            self._offered_only_with(words, stems, typing, final, unborn)
        ranked = rank()
        self._by_severity(lean, ranked, final)
        c = _Call(
            query, words, stems, typing, unborn, age_in_months, ranked, final, matched, negated, unsaid_core, unstated,
            lambda n: self._admits(n, unborn, age_in_months), part, by_words, ranked[:1], calm,
        )  # fmt: skip
        for step in STEPS:
            if step.when is None or step.when(c):
                getattr(self, step.name)(c)
        return [Hit(self.entries[n].indicator, round(final[n], 4), tuple(sorted(matched.get(n, ())))) for n in ranked[:limit]]

    def _named_readings(self, words: list[str], stems: list[str], typing: bool) -> list[tuple[_NamedReading, list[set[int]], frozenset[int]]]:
        """The synonyms file's `named_rows` readings the call makes (fix21q; _named_rows_below): each with the places of
        its `said` groups and its rows the call does not name (one word of each group of the row's `words`, read as a
        `core` is, the reading's own phrases not counted). Read from the words alone, before any ranking."""
        out = []
        for reading in self.named_rows:
            said = [{i + k for p in group for i in _phrase_at(p, stems) for k in range(len(p))} for group in reading.said]
            if not all(said):
                continue
            taken = set().union(*said)
            rest_w = [w for i, w in enumerate(words) if i not in taken]
            rest_s = [s for i, s in enumerate(stems) if i not in taken]
            # the word being typed is the call's last: where the reading's own phrase is, the word left last is finished
            # ("risk of fgm": "of" is no "offender" on its way; review 22)
            being_typed = typing and len(words) - 1 not in taken
            reading = self._named_subject_own(reading, words, said, taken)  # fix23a: the child's own belief, not an adult's branding
            unnamed = frozenset(n for n in reading.rows if not all(self._says_core(g, rest_w, rest_s, being_typed) for g in self.named_words[n]))
            out.append((reading, said, unnamed))
        return out

    def _named_subject_own(self, reading: _NamedReading, words: list[str], said: list[set[int]], taken: set[int]) -> _NamedReading:
        """Whose belief it is (fix23a; the synonyms file's `named_subject`, this tool's reading, declared there): a
        `named_rows` reading listed there, its first phrase said as the child's own belief, fear or experience ("my son
        thinks he is possessed", "she believes she is a witch", "he says he hears evil spirits"), is read as its `own`
        variant (the child's own mental health rows, p13-16), not as harm done in the belief's name. Own: one of
        `holders` (the child: "he", "my son", "she", "i"), then one of `verbs` ("thinks", "believes", "hears"), the
        first phrase at most `reach` words after the verb, every person word between them the holder's own ("he
        thinks he"; not "mum thinks she", nor "she thinks he"), and none of `others` (an adult, a faith leader, "they")
        said anywhere outside the reading's own phrases: "the pastor says he is possessed", "she thinks she is a
        witch because mum says so" stay the reading's (p9 leads). Otherwise the reading as it is."""
        own_of = self.named_subject.variants.get(reading)
        if own_of is None:
            return reading
        ns = self.named_subject
        if any(w in ns.others for i, w in enumerate(words) if i not in taken):
            return reading
        starts = [i for i in said[0] if i - 1 not in said[0]]
        for start in starts:
            for v in range(max(0, start - ns.reach - 1), start):
                if words[v] not in ns.verbs:
                    continue
                h = v - 1
                while h >= 0 and words[h] in ns.fillers:
                    h -= 1
                group = next((g for g in ns.holders if h >= 0 and words[h] in g), None)
                if group is None:
                    continue
                persons = [w for w in words[v + 1 : start] if any(w in g for g in ns.holders)]
                if all(w in group for w in persons):
                    return own_of
        return reading

    def _named_rows_below(self, c: _Call) -> None:
        """Who the words are about, and what they name (fix21q, review 21 N4, N5, N7-N11; the synonyms file's
        `named_rows`, this tool's reading, declared there). Each reading whose `said` is said (one phrase of each
        group, in order) moves its `rows` out of the first three where the call does not name them: one word of each
        group of the row's `words`, read as a `core` is (generous: the words table, a typo, a word being typed), the
        reading's own phrases not counted ("no DV" names no violence, "sex offender" no child's sexual activity).
        A row moved goes just below the first three (with every other row of the reading not named: none rises into
        them), in its order: still offered, no longer in sight first. Then
        the reading's `leads` takes first place (_lead_with: an immediate criterion in the first three stays there)
        unless an immediate criterion leads and the lead is none; its `offers`, where a row left, comes into the third place, in place
        of the lowest row there that is no immediate criterion; neither where the first group's phrases are all denied
        ("no concerns about fgm", _denied_positions: a phrase is denied where the denial reaches its first word, so
        "no concerns about female genital mutilation" is denied as "no concerns about fgm" is; review 22). The last step of the search: what it says is what
        the call screen shows. Not for an unborn baby (the unborn answer is a pregnancy)."""
        words, stems, typing, ranked, final, admits = c.words, c.stems, c.typing, c.ranked, c.final, c.admits
        denied = set(_denied_positions(words))
        for reading, said, unnamed in self._named_readings(words, stems, typing):
            leaving = unnamed & set(ranked)
            moved = leaving & set(ranked[:KEPT_PLACES])
            if moved:
                first = [n for n in ranked if n not in leaving][:KEPT_PLACES]
                ranked[:] = first + [n for n in ranked if n not in first]
                for k in range(len(ranked) - 1, 0, -1):  # scores follow the order (the score is shown)
                    if final[ranked[k]] >= final[ranked[k - 1]]:
                        final[ranked[k - 1]] = round(final[ranked[k]], 6) + 1e-6
            # "no concerns about fgm": what is denied leads nothing and offers nothing; a phrase is denied where the
            # denial reaches its first word ("no concerns about female genital mutilation": NEGATION_REACH ends at "female")
            if {i for i in said[0] if i - 1 not in said[0]} <= denied:
                continue
            lead = reading.leads
            if lead is not None and admits(lead) and ranked[:1] != [lead]:
                if not (ranked and self.entries[ranked[0]].indicator.immediate and not self.entries[lead].indicator.immediate):
                    final.setdefault(lead, 0.0)
                    self._lead_with(lead, ranked, final)
            offer = reading.offers
            if offer is not None and moved and admits(offer) and offer not in ranked[:KEPT_PLACES]:
                places = [k for k in range(min(len(ranked), KEPT_PLACES)) if not self.entries[ranked[k]].indicator.immediate]
                if len(ranked) < KEPT_PLACES or places:
                    if offer in ranked:
                        ranked.remove(offer)
                    at = len(ranked) if len(ranked) < KEPT_PLACES else places[-1]
                    below = final[ranked[at]] if at < len(ranked) else 0.0
                    final[offer] = round(below, 6) + 1e-6
                    ranked.insert(at, offer)

    def _unsaid_facts_at(self, reading: _UnsaidFact, words: list[str], stems: list[str]) -> list[list[int]]:
        """Where an `unsaid_facts` reading is said (fix22d; _unsaid_facts_below): the places of each run of one phrase of
        each of its `said` groups, in order, each next phrase starting within `reach` words after the last ends and
        every word between them one of `between`; a reading of one group: each of its phrases wherever said."""
        runs: list[list[int]] = []
        first, *rest = reading.said
        for phrase in first:
            for at in _phrase_at(phrase, stems):
                run = list(range(at, at + len(phrase)))
                for group in rest:
                    end = run[-1] + 1
                    nxt = next(
                        (
                            (k, p)
                            for k in range(end, min(len(words), end + reading.reach + 1))
                            for p in group
                            if tuple(stems[k : k + len(p)]) == p and all(stems[j] in reading.between for j in range(end, k))
                        ),
                        None,
                    )
                    if nxt is None:
                        run = []
                        break
                    run += list(range(nxt[0], nxt[0] + len(nxt[1])))
                if run:
                    runs.append(run)
        return runs

    def _unsaid_facts_below(self, c: _Call) -> None:
        """What an everyday word does not say (fix22d, review 22 N5, N6, N8; review 21 N11's class; the synonyms file's
        `unsaid_facts`, this tool's reading, declared there). Each reading said (_unsaid_facts_at: "kicks the dog",
        "till 4 in the morning", "addicted to TikTok", "broken windows") moves each of its `rows` in the first three
        out of them unless the call names it outside the reading's own words: one phrase of each of the row's groups,
        read as a `core` is (_says_core: generous, the words table, a typo, a word being typed). A row moved goes just
        below the first three, in its order (with the reading's other rows not named: none rises into them): still
        offered, no longer in sight first. The reading's `offers` (no immediate criterion) take the places the rows
        left, highest first, where none of `doers` is said within `doer_reach` words before a run ("dad kicks the
        dog" offers no child's behaviour row). Read before _named_rows_below; not for an unborn baby."""
        words, stems, typing, ranked, final, admits = c.words, c.stems, c.typing, c.ranked, c.final, c.admits
        below: set[int] = set()  # the rows every reading so far moved: none rises into the first three again
        for reading in self.unsaid_facts:
            runs = self._unsaid_facts_at(reading, words, stems)
            if not runs:
                continue
            taken = {i for run in runs for i in run}
            rest_w = [w for i, w in enumerate(words) if i not in taken]
            rest_s = [s for i, s in enumerate(stems) if i not in taken]
            leaving = {n for n, groups in reading.rows.items() if n in final and not all(self._says_core(g, rest_w, rest_s, typing) for g in groups)}
            places = [k for k, n in enumerate(ranked[:KEPT_PLACES]) if n in leaving]
            if not places:
                continue
            below |= leaving
            seen = set(ranked[:KEPT_PLACES])
            doer = any(words[j] in reading.doers for run in runs for j in range(max(0, run[0] - reading.doer_reach), run[0]))
            offers = [] if doer else [n for n in reading.offers if admits(n) and n not in seen and n not in below]
            # ...and a place a row left is taken by a Protection need out of sight before only where no lower row can take it
            # (it rests on the same everyday words); an immediate criterion (p9) rises as it would
            keep = [n for n in ranked if n not in below and n not in offers]
            keep = [n for n in keep if n in seen or not self._out_of_sight_protection(n)] + [
                n for n in keep if n not in seen and self._out_of_sight_protection(n)
            ]
            first: list[int] = []
            for k in range(KEPT_PLACES):
                if k in places and offers:
                    first.append(offers.pop(0))
                elif keep:
                    first.append(keep.pop(0))
            for n in first:
                final.setdefault(n, 0.0)
            ranked[:] = first + [n for n in ranked if n not in first]
            for k in range(len(ranked) - 1, 0, -1):  # scores follow the order (the score is shown)
                if final[ranked[k]] >= final[ranked[k - 1]]:
                    final[ranked[k - 1]] = round(final[ranked[k]], 6) + 1e-6

    def _everyday_senses_at(self, words: list[str]) -> tuple[set[int], Optional[frozenset[int]]]:
        """Where the words say a concern word in its everyday sense (fix23b; the synonyms file's `everyday_senses`,
        declared there): the places of those words, and the rows such a reading may move (None: any). A reading is not
        made where any of its `concern` is said in the call. Its `said` phrases wherever said; each of its `verbs`
        whose object (the first word after it that is none of `between`, within `reach`) is one of `things`, and no
        person is aimed at after it (one of `persons` just after one of `aimed`, within `reach`: "hit the ball at the
        baby"), or a `games` phrase starts within `reach` after it ("beat his brother at chess"). A person or
        `property` as its object ("kicked the door in") is never an everyday sense."""
        es = self.everyday_senses
        at: set[int] = set()
        rows: Optional[set[int]] = set()
        if es is None:
            return at, None
        for r in es.readings:
            if any(_phrase_at(p, words) for p in r.concern):
                continue
            found = {i + k for p in r.said for i in _phrase_at(p, words) for k in range(len(p))}
            for i, w in enumerate(words):
                if w not in r.verbs:
                    continue
                end = min(len(words), i + 1 + es.reach)
                game = next((j + k for j in range(i + 1, end) for p in r.games if tuple(words[j : j + len(p)]) == p for k in range(len(p))), None)
                if game is not None:
                    found |= {i, game}
                    continue
                obj = next((j for j in range(i + 1, end) if words[j] not in es.between), None)
                if obj is None or words[obj] not in es.things or any(_phrase_at(p, words[obj : obj + len(p)]) for p in es.property):
                    continue
                aimed = any(
                    words[k] in es.persons and any(words[m] in es.aimed for m in range(max(obj + 1, k - 2), k))
                    for k in range(obj + 1, min(len(words), obj + 1 + es.reach))
                )
                if not aimed:
                    found |= {i, obj}
                    # fix23e: a second thing the first goes into or onto ("cracked an egg into the pan") is as said
                    k = obj + 1
                    while k < min(len(words), obj + 1 + es.reach) and (words[k] in es.between or words[k] in es.aimed):
                        k += 1
                    if k < len(words) and k > obj + 1 and words[k] in es.things:
                        found.add(k)
            if found:
                at |= found
                rows = None if rows is None or r.rows is None else rows | r.rows
        return at, (None if rows is None else frozenset(rows))

    def _everyday_senses_below(self, c: _Call) -> None:
        """A concern word said in its everyday sense (fix23b; _everyday_senses_at: "the crack of dawn", "a pot noodle",
        "burned the toast") stops only the rows it alone reached from being offered in the first three. The call is
        read again without those words (a whole search, so every reading holds); a row of the first three leaves them
        (just below, still offered; an immediate criterion too) where it is among the rows the reading may move, none of
        the call's other words matched it, and the call read without them does not offer it in its first three. A row
        another word supports stays, and so does a p9 row any other word of the call matched. The rows earlier steps
        held out of the first three stay out. fix23e: where the words left are plain or none ("the kids went" of "the
        kids went ice skating"), a p9 row or Protection need leaves too; where too few rows stay to fill the first three,
        a lower row that left fills before a p9 row or Protection need; and where every row rests on the everyday words
        and the call read without them offers nothing ("she burned the toast" is "she"), nothing is offered, as for the
        call read without them (a reading bounded to its `rows` never empties the answer). Read after _said_plainly_last,
        before _unsaid_facts_below."""
        words, ranked, final, matched = c.words, c.ranked, c.final, c.matched
        if self.everyday_senses is None or not ranked:
            return
        at, rows = self._everyday_senses_at(words)
        if not at:
            return
        kept_words = {w for i, w in enumerate(words) if i not in at}
        rest = [w for i, w in enumerate(words) if i not in at]
        rest_stems = [s for i, s in enumerate(c.stems) if i not in at]
        # fix23e: where the words left are plain or none ("the kids went", "she"), no p9 or Protection row rests on them
        again = self.search(" ".join(rest), age_in_months=c.age_in_months, limit=KEPT_PLACES, finished=True) if rest else []
        without = {h.indicator.id for h in again}
        plain = not any(s in WORRY or w.isdigit() or not _stop(w, s) for w, s in zip(rest, rest_stems)) or self._only_plain(rest, rest_stems)
        leaving = {
            n
            for n in ranked
            if (rows is None or n in rows)
            and (
                (self.entries[n].indicator.id not in without and not any(w in kept_words for label in matched.get(n, ()) for w in label.split()))
                or (plain and self._high(n))
            )
        }
        if leaving.isdisjoint(ranked[:KEPT_PLACES]):
            return
        if not [n for n in ranked if n not in leaving] and not without and rows is None:
            # fix23e: nothing but the everyday sense was said ("she burned the toast"): the call answers as it does
            # read without those words, with nothing (as "she" alone does); the practitioner chooses from the list
            ranked.clear()
            return
        held = {n for n in c.withheld if n not in ranked[:KEPT_PLACES]}
        moved = leaving | held
        self._out_of_sight(moved, ranked, final, frozenset(n for n in moved if self.entries[n].indicator.immediate))
        # fix23e: too few rows stayed to fill the first three: a row that left fills them before one the everyday words
        # themselves matched ("coke": the alcohol row), and a lower row before a p9 row or Protection need
        pulled = {n for n in moved if any(w not in kept_words for label in matched.get(n, ()) for w in label.split())}
        for rows_last in (pulled, {n for n in moved if self._high(n)}):
            if not rows_last.isdisjoint(ranked[:KEPT_PLACES]):
                self._out_of_sight(rows_last, ranked, final, frozenset(n for n in rows_last if self.entries[n].indicator.immediate))

    def _turned_runs(self, t: _TurnedFact, words: list[str], stems: list[str]) -> list[list[int]]:
        """Where a `turned_facts` reading is said (fix23d): its runs (_unsaid_facts_at) with none of `not_before` within
        `not_before_reach` words before the run and none of `not_after` within `not_after_reach` words after it."""

        def near(phrases: tuple[tuple[str, ...], ...], start: int, end: int) -> bool:
            return any(tuple(words[k : k + len(p)]) == p for p in phrases for k in range(max(0, start), min(len(words), end)))

        name = next((self.turned_names[k] for k, u in enumerate(self.turned_facts) if u is t and k < len(self.turned_names)), "")
        shaped = [r for r in self.turned_words if r.reading == name]  # fix24a: the reading said in other words
        denied = set(self._denials(words, stems)) if any(r.shape == "denial" for r in shaped) else set()
        said = self._unsaid_facts_at(t.fact, words, stems) + [run for r in shaped for run in search_fix24a.runs(r, words, denied, DENYING)]
        return [
            run
            for run in said
            if not near(t.not_before, run[0] - t.not_before_reach, run[0]) and not near(t.not_after, run[-1] + 1, run[-1] + 1 + t.not_after_reach)
        ]

    def _unsaid_rows(self, c: _Call) -> set[int]:
        """The rows `unsaid_facts` readings said in the call do not name (as _unsaid_facts_below reads them, which ran
        before): _turned_facts_below brings none of them back into the first three (fix23d)."""
        out: set[int] = set()
        for reading in self.unsaid_facts:
            taken = {i for run in self._unsaid_facts_at(reading, c.words, c.stems) for i in run}
            if taken:
                rest_w = [w for i, w in enumerate(c.words) if i not in taken]
                rest_s = [s for i, s in enumerate(c.stems) if i not in taken]
                out |= {n for n, groups in reading.rows.items() if n in c.final and not all(self._says_core(g, rest_w, rest_s, c.typing) for g in groups)}
        return out

    def _turned_facts_below(self, c: _Call) -> None:
        """A harm word whose subject or sense turns the fact round (fix23d, review 23 N3, N4, N5; the synonyms file's
        `turned_facts`, this tool's reading, declared there): a denial ("he's not being hit", "nobody touches her", "was
        not left alone"), a parent's own childhood ("dad was beaten by his own father") or crisis ("mum took an
        overdose", "admitted to a psychiatric ward"), the child's own violence ("he punched his dad", "kept in at
        playtime for hitting"). Each reading said (_turned_runs) moves each of its `rows` in the first three just below
        them unless the call names the row outside the reading's words (_says_core: generous). The readings' `offers`
        (no immediate criterion) take the places left, never above a p9 row still in the first three: still offered,
        the rows moved are no longer in sight first; a p9 row the words do not turn never moves. Not for an unborn baby."""
        words, stems, ranked, final = c.words, c.stems, c.ranked, c.final
        top = ranked[:KEPT_PLACES]
        leaving: set[int] = set()
        not_first: set[int] = set()  # p9 rows a reading that `keeps_p9_in_sight` turns: below the first row only (H6)
        first_offers: list[int] = []  # ...and that reading's offers, for the first row
        offers: list[int] = []
        for t in self.turned_facts:
            runs = self._turned_runs(t, words, stems)
            if not runs:
                continue
            taken = {i for run in runs for i in run}
            rest_w = [w for i, w in enumerate(words) if i not in taken]
            rest_s = [s for i, s in enumerate(stems) if i not in taken]
            out = {n for n, groups in t.fact.rows.items() if n in final and not all(self._says_core(g, rest_w, rest_s, c.typing) for g in groups)}
            if t.keeps_p9_in_sight:
                turned = {n for n in out if self.entries[n].indicator.immediate}
                not_first |= turned
                if turned & set(top):
                    first_offers += [n for n in t.fact.offers if n not in first_offers]
                out = {n for n in out if not self.entries[n].indicator.immediate}
            if out & set(top):  # the rows not named move from the first three, and none of them rises into them
                leaving |= out
                offers += [n for n in t.fact.offers if n not in offers]
        not_first -= leaving
        if not leaving:
            self._not_first(not_first, ranked, final, [n for n in first_offers if c.admits(n) and n not in c.withheld])
            return
        barred = leaving | self._unsaid_rows(c)  # ...nor any row the everyday words' reading moved before (fix22d)
        offers = [n for n in offers if c.admits(n) and n not in top and n not in c.withheld and n not in barred]
        offered = set(offers)
        keep = [n for n in ranked if (n in top or n not in barred) and n not in leaving and n not in offered]
        # a place left is taken by a Protection need out of sight only where no lower row can take it (as _unsaid_facts_below)
        keep = [n for n in keep if n in top or not self._out_of_sight_protection(n)] + [n for n in keep if n not in top and self._out_of_sight_protection(n)]
        first: list[int] = []
        for k in range(KEPT_PLACES):
            if top[k] in leaving and offers:
                first.append(offers.pop(0))
            elif keep:
                first.append(keep.pop(0))
        order: list[int] = []  # an offer never above a p9 row still in sight (safety first)
        waiting: list[int] = []
        for n in first:
            if n in offered:
                waiting.append(n)
            elif self.entries[n].indicator.immediate:
                order.append(n)
            else:
                order += waiting + [n]
                waiting = []
        order += waiting
        for n in order:
            final.setdefault(n, 0.0)
        ranked[:] = order + [n for n in ranked if n not in order]
        for k in range(len(ranked) - 1, 0, -1):  # scores follow the order (the score is shown)
            if final[ranked[k]] >= final[ranked[k - 1]]:
                final[ranked[k - 1]] = round(final[ranked[k]], 6) + 1e-6
        self._not_first(not_first, ranked, final, [n for n in first_offers if c.admits(n) and n not in c.withheld])

    def _not_first(self, rows: set[int], ranked: list[int], final: dict[int, float], offers: list[int]) -> None:
        """Review 12 H6 for fix23d's readings that `keeps_p9_in_sight` (a denial; the child hurting a brother or sister):
        a p9 row of `rows` first gives first place to the reading's first offer where every p9 row of the first three
        stays in them, else to the first row of the first three not among `rows`; it stays in the first three (such a
        reading stops a p9 row leading, never puts it out of sight)."""
        if not ranked or ranked[0] not in rows:
            return
        p9_in_sight = [n for n in ranked[:KEPT_PLACES] if self.entries[n].indicator.immediate]
        offer = next((n for n in offers if n not in ranked[:KEPT_PLACES]), None)
        if offer is None or len(p9_in_sight) == KEPT_PLACES:
            offer = next((n for n in ranked[:KEPT_PLACES] if n not in rows), None)
        if offer is not None:  # else the first three are all rows the reading turns: nothing else to put first
            self._lead_with(offer, ranked, final)  # every p9 row of the first three stays in them

    def _out_of_sight_protection(self, n: int) -> bool:
        """A Protection need (no immediate criterion): what a place an `unsaid_facts` row left does not bring into sight
        before a lower row (_unsaid_facts_below)."""
        ind = self.entries[n].indicator
        return not ind.immediate and ind.level is Level.PROTECTION

    def says_child_in_care(self, query: str) -> bool:
        """Whether what the caller said names the child's own looked-after status now (_in_care_places):
        the call screen then says how such a child is routed (the open-to-social-care answer)."""
        return bool(self._in_care(normalise(query).split())[0])

    def says_early_help_refused(self, query: str) -> bool:
        """Whether what the caller said refuses the CAF or early help, or consent to it (review 15 L3; the
        synonyms file's `early_help`, this tool's reading): a phrase of `said` with one of `refusing` at most
        REFUSAL_BEFORE words before it ("refused the CAF", "would not sign the consent") or REFUSAL_AFTER
        after it ("the CAF was refused"); not "she has not been to school, CAF open". The call screen then
        says the consent answer asks it (p7)."""
        stems = tokens(query)

        def at(phrases: list[tuple[str, ...]]) -> list[tuple[int, int]]:  # (start, end) of each phrase said
            return [(i, i + len(p)) for p in phrases for i in _phrase_at(p, stems, empty_everywhere=True)]

        said, refusing = (at(phrases) for phrases in self.early_help) if len(self.early_help) == 2 else ([], [])
        return any(0 <= a - e <= REFUSAL_BEFORE or 0 <= b - f <= REFUSAL_AFTER for a, f in said for b, e in refusing)

    def _carried(self, words: list[str]) -> set[int]:
        """The places of a verb that takes (or brings) the child to a service (search17c; the synonyms file's
        `carried`, this tool's reading): one of `verbs`, then the child (one of `objects`, or one of `owners`
        and a word: "the baby", "his son"), then one of `to`, then within two words one of `places`. "mum has
        not taken him to the GP": "taken" is how the labelled calls say a child taken into care or off a
        parent ("had kids taken off her") and a passport taken (trafficking), and led with p17's "previously
        removed". Said without the child as object ("taken into care", "being taken abroad", "was not brought
        to appointments"), or to a place not listed ("taken him to pakistan"), the verb is read as before."""
        out: set[int] = set()
        for i, w in enumerate(words):
            if w not in self.carried_verbs:
                continue
            j = i + 1
            if j < len(words) and words[j] in self.carried_owners:
                j += 2
            elif j < len(words) and words[j] in self.carried_objects:
                j += 1
            else:
                continue
            if j >= len(words) or words[j] not in self.carried_to:
                continue
            rest = words[j + 1 : j + 4]
            if rest and any(_phrase_at(p, rest, empty_everywhere=True) for p in self.carried_places):
                out.add(i)
        return out

    def _nothing_else(self, words: list[str], care: set[int]) -> bool:
        """Whether a call that says a child is looked after now says nothing else (search15; the synonyms
        file's `looked_after.filler`, this tool's reading): every word outside the care words (`care`) a
        stopword, a number, a plain word or one of `filler` (when and how long: "last month", "for a
        while"). "he was placed with foster carers last month" led with "Loss of significant adult" on
        "last"; such a call offers no row, and the call screen's note says how the child is routed."""
        return all(
            _stop(w, s) or w.isdigit() or s in self.plain_words or s in self.in_care_filler
            for i, (w, s) in enumerate((w, stem(w)) for w in words)
            if i not in care
        )

    def _in_care_places(self, words: list[str]) -> set[int]:
        """The places of the care phrases said of the child (_in_care)."""
        return self._in_care(words)[0]

    def _in_care(self, words: list[str]) -> tuple[set[int], set[int]]:
        """The places of the synonyms file's `looked_after` phrases said of the child (review 14 K3;
        search14b; this tool's reading, declared there): "she is in foster care", "he lives in a children's
        home". The document has no row for a child looked after now: its only rows are a parent's history
        ("Parent previously looked after by Local Authority", p13-14) and a care leaver's pregnancy (p15-16),
        and the words found them, the parent's history first, preselected. A phrase said in a carer's clause
        ("mum was in care as a child", _said_of_parent) is the carer's history and stays; a call that says
        one of `unless` (a pregnancy, a care leaver) keeps every phrase, a care leaver's history. Gives the
        places, and those of the carers the phrases name, which stay in the search (search15: "her foster
        dad is depressed" keeps "dad", so the carer's clause is read)."""
        if not self.in_care:
            return set(), set()
        stems = [stem(w) for w in words]

        def at(phrase: tuple[str, ...]) -> list[int]:
            return _phrase_at(phrase, stems, empty_everywhere=True)

        if any(at(u) for u in self.in_care_unless):
            return set(), set()
        subject = self.subject
        of_parent = _said_of_parent(words, subject.parents, subject.opens, subject.ends, subject.clauses)
        # whose the phrase is, the word before tells: a phrase opening with a child's word ("children's home")
        # would end a carer's clause, and one opening with a carer's ("foster carers") would open one
        # (search15: "her foster carers are ..." is the child's care, not the carers' history)
        said = [(i, len(phrase)) for phrase in self.in_care for i in at(phrase) if not (i > 0 and of_parent[i - 1])]
        said = [(i, n) for i, n in said if not self._caring_at(words, i, n)]  # "is looking after" is no "is looked after" (fix22b)
        # the carer a phrase names stays, with the words before it, so the carer's clause is still read ("her
        # foster dad is depressed", "the foster carer he has been placed with is depressed")
        named = {i for i, n in said if n > 1 and words[i + n - 1] in subject.parents}
        places = {k for i, n in said for k in range(i, i + n - (i in named))}
        for i in sorted(places - named, reverse=True):  # "lives in a children's home": the words before that say the same
            k = i - 1
            while k >= 0 and k not in places and words[k] in self.in_care_before and not of_parent[k]:
                places.add(k)
                k -= 1
        return places, {i + n - 1 for i, n in said if i in named} - places

    def _said_outside_carers(self, words: list[str], stems: list[str], final: dict[int, float]) -> None:
        """A row of the synonyms file's `subject.child_only` (review 14 K3; search14b: "Placed in custody",
        p15-16, the child's own) is offered only where a word of its own is said outside a carer's clause
        (_said_of_parent): "his dad is in prison" is the father's custody, not the child's; "he is in
        prison and his dad is in prison too" is both. Never an immediate criterion (the file is checked)."""
        subject = self.subject
        rows = self.child_only & final.keys()
        if not rows or subject.parents.isdisjoint(words):
            return
        of_parent = _said_of_parent(words, subject.parents, subject.opens, subject.ends, subject.clauses)
        said = set()
        for i, (w, s) in enumerate(zip(words, stems)):
            if not of_parent[i] and not _stop(w, s):
                said |= {s, *self.word_synonyms.get(s, ())}
        for n in rows:
            if not any(n in self.postings.get(s, {}) for s in said):
                del final[n]

    def _offered_only_with(self, words: list[str], stems: list[str], typing: bool, final: dict[int, float], unborn: bool = False) -> None:
        """A row of the synonyms file's `offered_with` (search15; this tool's reading, declared there) is
        offered only where the call says one of its words, read as a `core` is (_says_core: generous, a
        typo, the words table, a word being typed, a phrase in order). p9's "Adults who pose a risk" was
        offered second for "mum is in prison" on its phrasing "just out of prison for child cruelty": a
        parent in prison is not by itself an adult who poses a risk to children. "Pregnant care-leavers"
        (p15-16) was offered for "dad grew up in a children's home": no pregnancy said. Gone before the
        kept places are taken (as _said_outside_carers), and again for a row the model brings in. Since fix19d (review 19
        N10) a row of `offered_unborn` is offered for an unborn baby without its words: the unborn answer is one."""
        for n in self.offered_with.keys() & final.keys():
            if unborn and n in self.offered_unborn:
                continue  # the unborn answer says the mother is pregnant (fix19d, review 19 N10)
            if not self._says_core(self.offered_with[n], words, stems, typing):
                del final[n]

    def _core_first(
        self,
        words: list[str],
        stems: list[str],
        typing: bool,
        ranked: list[int],
        final: dict[int, float],
        joined: Optional[int] = None,
        age: Optional[int] = None,
    ) -> None:
        """Safety first without inflation (review 13 J1; search13b): an immediate criterion with a `core` in
        the synonyms file (this tool's reading, declared there) does not lead unless the call says one of
        its core words (_says_core). p9's "repeated domestic violence witnessed and/or experienced by
        child; adult mental health issues or substance use issues" is one criterion, and its row's own
        text and phrasings ("violent partner and she drinks") led "mum has mental health issues and drinks
        a lot" with it, preselected, for a call that said no violence. Where the first result is such a
        criterion and its core is not said, the first result that is not one takes first place (_lead_with:
        the others one place lower, and an immediate criterion in the first KEPT_PLACES, this one too, stays
        there, so the practitioner still sees it); after a parent's psychosis joined to harm, the joined
        criterion (_joined_first). Where nothing else was found, nothing moves.

        Since search16b a criterion of the synonyms file's `core_from_age` has its core from that age on (review 11 H3:
        "leaves her 17 year old at home when she works nights" led with p9's home alone, whose "their age and
        vulnerability places them at risk" the call does not say): read as a `core` is where the child's age is given
        and is the entry's or more."""
        aged = {n: c for n, (months, c) in self.core_from_age.items() if age is not None and age >= months}
        core = self.core | aged
        if not ranked or ranked[0] not in core:
            return

        def unsaid(n: int) -> bool:
            return n in core and not self._core_said(n, words, stems, typing, core)

        if not unsaid(ranked[0]):
            return
        lead = joined if joined is not None and not unsaid(joined) else next((n for n in ranked if not unsaid(n)), None)
        if lead is not None:
            self._lead_with(lead, ranked, final)

    def _out_of_sight(self, rows: set[int], ranked: list[int], final: dict[int, float], unstated: frozenset[int] = frozenset()) -> None:
        """Move each of `rows` out of the first KEPT_PLACES (search16b): the first KEPT_PLACES results that are none of
        them come first, in their order, then the rest in theirs; never an immediate criterion (a p9 row keeps its
        sight), but for those of `unstated` (search17p: an age-banded p9 row whose concern the call does not say,
        _unstated). Still in the list, so the practitioner who reads the call otherwise can still choose it; no longer
        among the first three the call screen offers (review 15 L1-L3's "offered")."""
        moved = {n for n in rows if not self.entries[n].indicator.immediate} | unstated
        if moved.isdisjoint(ranked[:KEPT_PLACES]):
            return
        front = [n for n in ranked if n not in moved][:KEPT_PLACES]
        rest = [n for n in ranked if n not in front]
        if not front:
            return  # nothing else was found: nothing moves
        floor = final[front[-1]]
        for n in rest:  # scored below the last of the first three, keeping their order
            if final[n] >= floor:
                final[n] = round(floor - 1e-6, 6)
            floor = final[n]
        ranked[:] = front + rest

    def _unstated(self, words: list[str], stems: list[str], typing: bool) -> frozenset[int]:
        """The age-banded p9 rows of the synonyms file's `stated.concept` whose concern the call does not say (review 17
        N5; search17p; this tool's reading, declared there): none of its words said, read as a `core` is (_says_core),
        whatever denies it (generous: it holds a row back). The age word alone ("baby", "new baby") is the band, which the
        age already gives: "mum is struggling to cope with the new baby" (3 months) is no parent's substance use, and
        "baby has a fractured arm, parents say he rolled off the sofa" (8) leads with the injury criterion it states.
        Such a row holds no kept place and leaves the first three at the end (_out_of_sight)."""
        if not self.concept:
            return frozenset()
        return frozenset(n for n, concept in self.concept.items() if not self._says_core(concept, words, stems, typing))

    def _stated_first(self, c: _Call) -> None:
        """Safety first (review 17 N4; search17p; this tool's reading, declared in the synonyms file's `stated.in_full`):
        a p9 criterion whose every part the call states leads over a first result that is not an immediate criterion.
        A part is said where one of its words is, read strictly since it lifts a row (_says_exactly), outside a denial
        (_denials) and outside another child's clause (_said_of_other); an age-banded criterion is stated only where the
        child's age is given (the search admits it only in its band); none is where the call says a `doubt` ("I think",
        "possible": p9 asks for evidence, and the document's "Suspected ..." rows are the suspicion's). "every weekend he
        sees dad hit mum" (5) states p9's "repeated domestic violence witnessed and/or experienced by child" whole, and
        led with the Extensive "Child witnessing and experiencing domestic abuse", preselected: Enter decided Extensive,
        no ring-now. The best-placed criterion stated leads (_lead_with: the others one place lower), found by the
        words or not ("he watches dad push mum every weekend" found none of its words). Where an immediate criterion is
        first already, it stays first, and the one stated comes second if it is not in the first KEPT_PLACES ("he hears
        dad slap mum many times" led with p9's first criterion and had the domestic-violence criterion fifth). Where
        none is stated, nothing moves."""
        words, stems, ranked, final, age, unborn = c.words, c.stems, c.ranked, c.final, c.age_in_months, c.unborn
        if not ranked or not self.in_full or _says_exactly(self.doubt, stems):
            return
        skip = set(self._denials(words, stems)) | {i for i, other in enumerate(self._said_of_other(words)) if other}
        said_stems = [BLANK if i in skip else s for i, s in enumerate(stems)]
        place = {n: k for k, n in enumerate(ranked)}  # the best-placed first; one the words stated but matching missed, after
        for n in sorted(self.in_full, key=lambda n: place.get(n, len(ranked))):
            if (self.entries[n].indicator.age_band and age is None and not unborn) or not self._admits(n, unborn, age):
                continue
            if not all(_says_exactly(part, said_stems) for part in self.in_full[n]):
                continue
            if not self.entries[ranked[0]].indicator.immediate:
                self._lead_with(n, ranked, final)
            elif n not in ranked[:KEPT_PLACES]:  # second, just below the immediate criterion first
                if n in ranked:
                    ranked.remove(n)
                final[n] = round(final[ranked[0]], 6) - 1e-6
                ranked.insert(1, n)
            return

    def _says_core(self, core: list[tuple[str, ...]], words: list[str], stems: list[str], typing: bool, of_oneself: bool = False) -> bool:
        """Whether the call says one of a criterion's core words or phrases. Generous (safety first): a
        word counts through what the words table gives for it, the words one typo from it when the index
        does not know it, and the last word's completions while it is typed; a phrase's words said in order.
        `of_oneself`: a word said of oneself counts too (a Protection need's core, search15b: "neglecting
        herself" is the young carer's neglect; "tried to kill himself" is no violence)."""
        single = {c[0] for c in core if len(c) == 1}
        last = len(words) - 1
        for i, (w, s) in enumerate(zip(words, stems)):
            if not of_oneself and words[i + 1 : i + 2] and words[i + 1] in self.subject.reflexives:
                continue  # said of oneself: "tried to kill himself" is no violence (search15)
            said = {s, *self.word_synonyms.get(s, ())}
            if s not in self.postings and s not in self.word_synonyms:
                said.update(stem(near) for near in self._near(w))
            if i == last and typing and len(w) >= MIN_PREFIX:
                said.update(stem(full) for full in self._completions(w))
            if said & single:
                return True
        return any(_phrase_at(c, stems) for c in core if len(c) > 1)

    def _core_said(self, n: int, words: list[str], stems: list[str], typing: bool, core: Optional[dict[int, list[tuple[str, ...]]]] = None) -> bool:
        """Whether the call says row n's `core` (_says_core; `core`: the cores read, the index's own unless given):
        for a Protection need, a word said of oneself counts ("neglecting herself"); for an immediate criterion it
        does not ("kill himself")."""
        return self._says_core((self.core if core is None else core)[n], words, stems, typing, of_oneself=not self.entries[n].indicator.immediate)

    def _concern_first(self, c: _Call) -> None:
        """Safety first without inflation (review 10, H2; search11): the first result is preselected on
        the call screen and one keystroke adds it, so neither an immediate criterion (p9) nor a
        Protection need is put first for a call every word of which is plain (the synonyms file's
        `plain`: words that alone carry no concern, "new partner moved in and the kids like him", "she
        told me about her new school", "high marks", "expecting again"). Both levels name harm or its
        risk ("known to pose a risk", "previous child protection concerns", "forced", "chronic"), which
        a plain call does not say. The best result below Protection takes first place and the others
        keep their order, one place lower: still in sight, no longer the one preselected (and an
        immediate criterion in the first KEPT_PLACES stays there, _lead_with). One word that is not
        plain (a concern, "worried", a typo, a word still being typed, a number) and nothing moves; where
        nothing below Protection was found, nothing moves. No labelled call naming a p9 concern or a
        Protection need is plain (tests/pathway/test_search_plain_words.py)."""
        words, stems, ranked, final = c.words, c.stems, c.ranked, c.final
        if not ranked or not self._high(ranked[0]) or not self._only_plain(words, stems):
            return
        lead = next((n for n in ranked if not self._high(n)), None)
        if lead is not None:
            self._lead_with(lead, ranked, final)

    def _denied_first(
        self,
        words: list[str],
        stems: list[str],
        ranked: list[int],
        final: dict[int, float],
        matched: dict[int, set[str]],
        negated: frozenset[int] | set[int] = frozenset(),
        barred: frozenset[int] = frozenset(),
    ) -> None:
        """Safety first without inflation (review 12, H6; search13): a concern the words deny ("there is no
        domestic violence in the home", "mum says she has no bruises and is fine") does not lead with the
        immediate criterion (p9) it names. A word is denied where a "no", "not", "never"... comes at most
        NEGATION_REACH words before it in its clause (_denied_positions: the denial is scoped, never the
        whole call), unless the denial's first content word is one a concern's own words deny ("no food",
        "not coping", "nobody looking after them", "nobody can explain": `concern_denials`, from the
        catalogue and the synonyms file): that is the concern said, not denied. Where the first result is
        an immediate criterion and every word (or phrase) that matched it is denied, the first result
        that rests on a word said takes first place, unless that is itself an immediate criterion or a
        Protection need (the call then says a harm it does not deny, "no food in the house, she's skin
        and bone": nothing moves); where none rests on a word said, the best below Protection (_lead_with: the
        others one place lower, an immediate criterion in the first KEPT_PLACES kept there, so the
        practitioner still sees it; where the first KEPT_PLACES are all immediate criteria nothing moves,
        so none leaves them). A result the words did not match (the model's alone) is never read
        as denied. Never after a parent's psychosis joined to harm (_joined_first).

        Since search16 (review 16 M4) a row above Universal first is read too, where the denial names it (a word
        of its own text or catalogue keywords right after the denial: _named_denied) and none of its matched
        words is said: the first result resting on a word said leads, never a higher one; else a strength whose
        own denial the call says ("not homeless") or a concern the model alone found, no higher; else the best
        concern of the lowest level found, where it is lower than the first; else nothing moves. `negated`: the
        strengths the call says missing, which never lead for a denial. `barred`: rows that leave the first three at the
        end whatever is said (fix21d: a pregnancy row with no pregnancy word, _not_pregnant), never a denial's new lead:
        the lead is the next undenied row below them, or nothing moves."""
        if not ranked or not self._concern(ranked[0]):
            return
        denied = set(self._denials(words, stems))
        if not denied:
            return
        said = {w for i, w in enumerate(words) if i not in denied}
        gone = {words[i] for i in denied} - said  # a word denied wherever it is said
        empty = DENYING | CLAUSE_WORDS | JOINING | self.subject.opens  # "not", "but", "says", "seen": no concern of their own
        if not self.entries[ranked[0]].indicator.immediate:  # below p9 (search16): "sign of", "family" neither
            empty |= self.hedges | self.hedge_joins | self.topics
            # ...and the first rests on a denial only where the denial names it: a word of its own text said right after it
            if self.named[ranked[0]].isdisjoint(self._named_denied(words, stems)):
                return

        def content(n: int) -> list[set[str]]:
            return [ws for ws in (set(label.split()) - empty for label in matched.get(n, ())) if ws]

        def said_on(n: int) -> bool:  # matched by a word (or phrase) of concern that is not denied
            return any(ws.isdisjoint(gone) for ws in content(n))

        def rests_on_denial(n: int) -> bool:  # matched by words, and by none of concern but denied ones
            return bool(matched.get(n)) and not said_on(n)

        if not rests_on_denial(ranked[0]) or all(self.entries[n].indicator.immediate for n in ranked[:KEPT_PLACES]):
            return  # (the first three all immediate: a new first would push one out of sight)
        cands = [n for n in ranked if n not in barred]  # fix21d
        lead = next((n for n in cands if said_on(n)), None)
        if self.entries[ranked[0]].indicator.immediate:  # review 12 H6 (search13-15), as it was
            if lead is not None and self._high(lead):
                return  # the call says a harm in words it does not deny: not a denial to read
            if lead is None:
                lead = next((n for n in cands if not self._high(n) and not rests_on_denial(n)), None)
            if lead is None:
                lead = next((n for n in cands if not self._high(n)), None)
        elif lead is not None and self._height(lead) > self._height(ranked[0]):
            return  # below p9 (search16): never a higher row for a denial ("not neglected, always clean and fed")
        elif lead is None:  # below p9 (search16): a strength whose own denial the call says, or a concern the model alone found
            denied_stems = {stems[i] for i in denied}
            # search18: a strength whose words the call denies only inside a concern's own phrase denied whole
            # ("not out of control": "Age appropriate behaviour and self control") is that concern's absence
            whole = {stem(w) for j in range(len(words)) if words[j] in DENYING for w in self._phrase_denied(words, j)}

            def opposite(n: int) -> bool:  # the strength "not out of control" says
                return n in self.strength_words and bool(denied_stems & self.strength_words[n][0]) and denied_stems & self.strength_words[n][0] <= whole

            def strength_said(n: int) -> bool:  # "not homeless": the strength "appropriate accommodation" ("not homeless") said
                return n in self.strength_words and (n not in negated and bool(denied_stems & self.strength_words[n][1]) or opposite(n))

            top = self._height(ranked[0])  # never a higher row for a denial ("no fighting, no violence": no p9 row the model alone found)
            lead = next((n for n in cands if opposite(n)), None)  # search18: the denied phrase's own strength first
            if lead is None:
                lead = next((n for n in cands if strength_said(n) or (self._concern(n) and not matched.get(n) and self._height(n) <= top)), None)
            if lead is None:  # ...else the best concern of the lowest level found, where it is lower than the first's
                lowest = min((self._height(n) for n in cands if self._concern(n)), default=self._height(ranked[0]))
                lead = next((n for n in cands if self._concern(n) and self._height(n) == lowest), None)
                if lowest == self._height(ranked[0]):  # ...else a strength of the first's own domain found (search16b: "mum does not drink")
                    domain = self.entries[ranked[0]].indicator.domain

                    def strength(n: int) -> bool:
                        return not self._concern(n) and (n not in negated or opposite(n))

                    lead = next((n for n in cands if strength(n) and self.entries[n].indicator.domain == domain), None)
                    if lead is None and (whole or any(self._use_denied(words, stems, k) for k in denied)):
                        # search18: ...else, for a substance's use or a concern's own phrase denied, any strength found
                        # ("mum does not take drugs or drink"); an absence's denial stays the concern ("never goes to clubs")
                        lead = next((n for n in cands if strength(n)), None)
        if lead is not None:
            self._lead_with(lead, ranked, final)

    def _named_denied(self, words: list[str], stems: list[str]) -> set[str]:
        """The stems a denial names (search16): the first word after a "no", "not", "never"... that is not a
        stopword, a bridge, a hedge or its join, or one of the synonyms file's `denial.between` ("gone", "involved"),
        within its clause: "never been trafficked", "not in a gang", "has never gone missing", "no sign of self
        harm". None where that word is a concern's own denial ("no food", "not coping": `concern_denials`)."""
        light = self.bridges | self.hedges | self.hedge_joins | self.between
        out: set[str] = set()
        for j, w in enumerate(words):
            if w not in DENYING:
                continue
            hedged = named = False
            phrase = self._phrase_denied(words, j)  # search18: "not out of control" names the phrase
            out |= {stems[j + 1 + i] for i, w in enumerate(words[j + 1 :]) if w in phrase and not _stop(w, stems[j + 1 + i])}
            for k in range(j + 1, len(words)):
                if words[k] in LISTING and named:  # search18: "not drink or take drugs" names "drugs" too
                    named = False
                    continue
                if words[k] in CLAUSE_WORDS or words[k] in DENYING or words[k] in JOINING:
                    break
                hedged = hedged or words[k] in self.hedges
                if words[k] in light or _stop(words[k], stems[k]) or named or self._use_denied(words, stems, k):
                    continue
                if hedged or stems[k] not in self.concern_denials:
                    out.add(stems[k])
                    named = True
                    continue
                break
        return out

    def _phrase_denied(self, words: list[str], j: int) -> tuple[str, ...]:
        """The concern's own phrase (`concern_phrases`) that starts right after the denial at words[j], past
        `denial.bridges` ("he is not out of control", "has never been out of control"; search18), or ()."""
        k = j + 1
        while k < len(words) and words[k] in self.bridges:
            k += 1
        return next((ph for ph in sorted(self.concern_phrases, key=len, reverse=True) if tuple(words[k : k + len(ph)]) == ph), ())

    def _use_denied(self, words: list[str], stems: list[str], k: int) -> bool:
        """Whether words[k] is a verb of using (`denial.use_verbs`) whose next content word is a substance
        (`denial.use_objects`): "does not take drugs", "never smokes weed" (search18). "does not take her
        medication" stays a concern's own denial."""
        if words[k] not in self.use_verbs:
            return False
        nxt = next((i for i in range(k + 1, len(words)) if not _stop(words[i], stems[i])), None)
        return nxt is not None and words[nxt] in self.use_objects

    def _height(self, n: int) -> tuple[bool, int]:
        """How high a row is (_height_of; _denied_first)."""
        return _height_of(self.entries[n].indicator)

    def _concern(self, n: int) -> bool:
        """A row above Universal (an immediate criterion or a need at Additional, Extensive or Protection):
        a concern the words may deny (_denied_first)."""
        ind = self.entries[n].indicator
        return ind.immediate or ind.level is not Level.UNIVERSAL

    def _concern_or_first(self, ranked: list[int], excluded: set[int]) -> Optional[int]:
        """The first row of `ranked` not in `excluded` that is a concern (_concern), else the first not in it, else None
        (search19: row 0 is p9's "Child is at immediate risk or has suffered significant harm", so the concern found is
        tested against None: `next(...) or next(...)` read row 0 as none found and a strength before it led)."""
        concern = next((n for n in ranked if n not in excluded and self._concern(n)), None)
        return concern if concern is not None else next((n for n in ranked if n not in excluded), None)

    def _denials(self, words: list[str], stems: list[str]) -> list[int]:
        """The places a denial covers (_denied_positions; and, search14, past the synonyms file's
        `denial.bridges`, which do not count towards NEGATION_REACH: "there has never been any domestic
        violence", "there has not been any sexual abuse"), but not those of a denial whose first content
        word is one of `concern_denials` ("no food in the house" is a concern). A verb of seeing or finding
        (the `subject` file's `opens`: "seen", "noticed", "found") is not that first word (search15, this
        tool's reading, declared in the synonyms file's `denial`): "no one has ever seen any bruises on her"
        denies the bruises, though "not seen" is a concern's own words ("Family do not access")."""
        out: list[int] = []
        for j, w in enumerate(words):
            if w not in DENYING:
                continue
            reach = sorted(set(_denied_positions(words[j:])) | set(_bridged_reach(words[j:], self.bridges)))
            first = next(
                (k for k in reach if words[j + k] in self.hedges or (not _stop(words[j + k], stems[j + k]) and words[j + k] not in self.subject.opens)), None
            )
            if first is not None and words[j + first] in self.hedges:  # "no sign of self harm": a denial, whatever follows (search16)
                reach = sorted(set(reach) | set(_bridged_reach(words[j:], self.bridges | self.hedges | self.hedge_joins)))
            elif first is not None and stems[j + first] in self.concern_denials and not self._use_denied(words, stems, j + first):
                if not self._phrase_denied(words, j):
                    continue
            # "not X or Y" denies Y too (search16b: "mum does not drink or take drugs"); not "and" ("not eating and has bruises")
            at = j
            while True:
                last = max([at - j, *(k for k in reach if j + k > at)]) + 1
                listing = next((k for k in range(at - j + 1, last + 1) if j + k < len(words) and words[j + k] in LISTING), None)
                if listing is None:
                    break
                at = j + listing
                reach = sorted(set(reach) | {listing + k for k in _bridged_reach(words[at:], self.bridges)})
            out += [j + k for k in reach if j + k not in out]
        return out

    def _calm_first(self, calm: float, ranked: list[int], final: dict[int, float]) -> None:
        """Safety first without inflation (review 11, H3; search12): where the learned model's answer is
        "no concern" (its share of the synonyms file's `harmless` calls, ordinary injuries from sport and
        play, a parent's ordinary drinking, a young person's ordinary independence, ordinary discipline
        and news, is CALM of its best indicator's or more), neither an immediate criterion nor a
        Protection need is put first: "she got a bruise playing netball", "mum drinks a glass of wine at
        christmas". As _concern_first: the best result below Protection leads, the others keep their
        order one place lower, and an immediate criterion in the first KEPT_PLACES stays there
        (_lead_with). Never after a parent's psychosis joined to harm (_joined_first)."""
        if calm < CALM or not ranked or not self._high(ranked[0]):
            return
        lead = next((n for n in ranked if not self._high(n)), None)
        if lead is not None:
            self._lead_with(lead, ranked, final)

    def _high(self, n: int) -> bool:
        """An immediate criterion (p9) or a Protection need: what a plain call does not lead with."""
        ind = self.entries[n].indicator
        return ind.immediate or ind.level is Level.PROTECTION

    def _everyday_hitting_first(self, c: _Call) -> None:
        """Everyday words for hitting a child (review 20 N2, safety; fix20b; the synonyms file's `everyday_hitting`, this
        tool's reading, declared there): where _everyday_hitting_at finds one ("dad gives him a good hiding", "her nan
        gives her a good hiding with a slipper") and the first result is no immediate criterion, the first of `leads`
        the age admits (p9's "has suffered significant harm including physical") leads, offered where the words did
        not find it; the others one place lower, an immediate criterion in the first three kept there (_lead_with).
        Never one `hidden`."""
        words, ranked, final, matched, hidden, admits = c.words, c.ranked, c.final, c.matched, c.hidden, c.admits
        eh = self.everyday_hitting
        if eh is None or not ranked or self.entries[ranked[0]].indicator.immediate:
            return
        at = self._everyday_hitting_at(words)
        if at is None:
            return
        lead = next((n for n in eh.leads if n not in hidden and admits(n)), None)
        if lead is not None:
            _offered_last(lead, ranked, final)
            matched.setdefault(lead, set()).add(" ".join(words[at[0] : at[1]]))
            self._lead_with(lead, ranked, final)

    def _everyday_hitting_at(self, words: list[str]) -> Optional[tuple[int, int]]:
        """The span of an everyday word for hitting a carer does to the child (_everyday_hitting_first), or None: one of
        the `phrases` or `words`, none of its words denied nor put in the past or ended (as _harm_to_child_at reads
        them), a carer (the subject reading's `parent`) the nearest of them at most `doer_reach` words before it in its
        clause, no other carer between them nor within `reach` words after it (before a clause word or "and"), and the
        child its object between them or within those words after it: a word naming a child (or one of `children`),
        an age, "him", "them", or "her" not before a carer where no female carer but the one who acts is named before."""
        eh, carers, clauses = self.everyday_hitting, self.subject.parents, self.subject.clauses
        assert eh is not None
        female, named = (clauses.female, CHILD_ROLES | clauses.named) if clauses is not None else (frozenset(), CHILD_ROLES)
        out = self._not_now_at(words)
        child_at = {i + k for p in eh.children for i in _phrase_at(p, words) for k in range(len(p))}
        for phrase in eh.phrases:
            for i in _phrase_at(phrase, words):
                end = i + len(phrase)
                if any(k in out for k in range(i, end)):
                    continue
                doer = next((k for k in range(i - 1, max(-1, i - 1 - eh.doer_reach), -1) if words[k] in carers or words[k] in CLAUSE_WORDS), None)
                if doer is None or words[doer] not in carers or any(k in out or words[k] in NEGATIONS for k in range(doer + 1, i)):
                    continue  # "dad never gives him a good hiding": denied between the carer and the words
                after = next(
                    (k for k in range(end, min(len(words), end + eh.reach)) if words[k] in CLAUSE_WORDS or words[k] in JOINING), min(len(words), end + eh.reach)
                )
                between = [k for k in [*range(doer + 1, i), *range(end, after)] if not (words[k] in carers and k > 0 and words[k - 1] in ("her", "his"))]
                if any(words[k] in carers for k in between if k != doer):
                    continue  # another carer its object: the adults' violence, read as before
                for k in between:
                    v = words[k]
                    nxt = words[k + 1] if k + 1 < len(words) else ""
                    if k in child_at or v in named or _AGE_SAID.fullmatch(v) or (v.isdigit() and nxt in AGE_UNITS) or v in HARMED_PRONOUNS:
                        return i, end
                    if v == "her" and nxt not in carers and not any(words[j] in female for j in range(k) if j != doer):
                        return i, end
        return None

    def _carer_substance_first(self, c: _Call) -> None:
        """A carer's own drink or drugs (review 20 N3, safety and inflation; fix20b; the synonyms file's
        `carer_substance`, this tool's reading, declared there): where every one of `uses` said is said of a carer
        (_carer_substance_said), none denied nor ended (_carer_substance_ended), and p9's repeated-violence line's core
        is not (violence said beside the drink is read as before): the child's own rows (`child`) leave the first
        three; a first result that is one of them or that line gives way to the best placed of `offers` (else the
        first the age admits, offered); that line leaves the first three; where a child's row or that line was in the
        first three (the search's misreading), the first of `offers` (p14's "may impact") comes
        into them in place of the lowest that is no immediate criterion; and with no age given, an age under 1 said
        (_under_1_said), `under_1` in the first three or the call misread, and no other immediate criterion first,
        `under_1` leads. Never one `hidden`; every other p9 row in the first three stays there (_lead_with,
        _out_of_sight). The child's rows join the call's `unsighted`: out of the first three to the end."""
        words, stems, typing, ranked, final, hidden, unborn = c.words, c.stems, c.typing, c.ranked, c.final, c.hidden, c.unborn
        age_in_months = c.age_in_months
        cs = self.carer_substance
        if cs is None or not ranked or not self._carer_substance_said(words) or self._carer_substance_ended(words):
            return  # no carer's use now ("mum no longer drinks": the search's own past reading)
        violence = cs.violence
        alone = violence in self.core and not self._core_said(violence, words, stems, typing)
        if not alone:
            return  # violence said beside it: p9's repeated-violence line and the adults' rows, read as before
        misread = any(n in cs.child or n == violence for n in ranked[:KEPT_PLACES])
        self._out_of_sight(set(cs.child), ranked, final)  # p9's line loses first place below, never its sight
        if ranked[0] in cs.child or ranked[0] == violence:
            lead = next((n for n in ranked if n in cs.offers and n not in hidden), None)
            if lead is None:
                lead = next((n for n in cs.offers if n not in hidden and self._admits(n, unborn, age_in_months)), None)
            if lead is not None:
                _offered_last(lead, ranked, final)
                self._lead_with(lead, ranked, final)
        least = cs.offers[0]  # the carers' first rung ("may impact", p14): in sight where the search had misread the call
        if misread and least not in hidden and least not in ranked[:KEPT_PLACES] and len(ranked) >= KEPT_PLACES and self._admits(least, unborn, age_in_months):
            # the lowest of the first three that is no immediate criterion (never the first) gives way; p9 rows keep theirs
            yielding = next((ranked[k] for k in range(KEPT_PLACES - 1, 0, -1) if not self.entries[ranked[k]].indicator.immediate), None)
            if yielding is not None:
                if least in ranked:
                    ranked.remove(least)
                final[least] = round(final[ranked[KEPT_PLACES - 1]], 6)
                ranked.insert(KEPT_PLACES, least)
                self._out_of_sight({yielding}, ranked, final)
        # an age under 1 said in the words and none given (the age given, the search's own readings decide: past
        # frames, an ordinary amount); the use neither denied nor ended, and p9's line in sight or the call misread
        under_1 = age_in_months is None and not unborn and _under_1_said(words) and (misread or cs.under_1 in ranked[:KEPT_PLACES])
        if under_1 and cs.under_1 not in hidden:
            _offered_last(cs.under_1, ranked, final)
            if not self.entries[ranked[0]].indicator.immediate:  # another p9 row first keeps its place ("a bruise and mum's drinking")
                self._lead_with(cs.under_1, ranked, final)
        c.unsighted |= set(cs.child)

    @cached_property
    def _child_words(self) -> frozenset[str]:
        """The words naming a child (CHILD_ROLES and the subject reading's `clauses.named`), read by every reading of
        who a word is: made once per index, not on every call."""
        clauses = self.subject.clauses
        return CHILD_ROLES | (clauses.named if clauses is not None else frozenset())

    @cached_property
    def _female_carers(self) -> frozenset[str]:
        """The subject reading's female carers (`clauses.female`), for "her" as a pronoun (_harm_to_child_at, _harm_by_adult_at)."""
        clauses = self.subject.clauses
        return clauses.female if clauses is not None else frozenset()

    @cached_property
    def _possessors(self) -> frozenset[str]:
        """The words after which "his"/"her" is a possessive, not a pronoun: carers, a child's words, another child's."""
        return self.subject.parents | self._child_words | self.subject.other_child | self.subject.before_other

    def _not_now_at(self, words: list[str]) -> set[int]:
        """The places of words denied, put in the past or ended (_denied_positions, _ended_at, _ended_by_at): no reading
        of harm or of a carer's use moves anything on them (_harm_to_child_at, _harm_by_adult_at, fix20b's)."""
        ended_by, placed_before = self._ended_by_at(words)
        return set(_denied_positions(words)) | self._ended_at(words) | ended_by | placed_before

    def _carer_substance_ended(self, words: list[str]) -> bool:
        """Whether one of `carer_substance.uses` said is denied, put in the past or ended (as _harm_to_child_at reads them)."""
        cs = self.carer_substance
        assert cs is not None
        out = self._not_now_at(words)
        return any(i + k in out for p in cs.uses for i in _phrase_at(p, words) for k in range(len(p)))

    def _carer_substance_said(self, words: list[str]) -> bool:
        """Whether one of `carer_substance.uses` is said and each said is a carer's: scanning back from it at most
        `reach` words, before a clause word or "and", the first subject met is a carer (the subject reading's
        `parent`), not one of `child_subjects`, a word naming a child or another child. A carer's word just after
        "her", "his" or "their" is still the carer ("her mum drinks")."""
        cs = self.carer_substance
        assert cs is not None
        carers = self.subject.parents
        children = self._child_words | self.subject.other_child | cs.child_subjects
        said = sorted({i for p in cs.uses for i in _phrase_at(p, words) if not ({words[i - 1] if i else "", *words[i + len(p) : i + len(p) + 1]} & cs.trade)})
        if not said:
            return False
        for i in said:
            subject = None
            for k in range(i - 1, max(-1, i - 1 - cs.reach), -1):
                v = words[k]
                if v in CLAUSE_WORDS or v in JOINING:
                    break
                if v in carers or v in children:
                    subject = v
                    break
            if subject is None or subject not in carers:
                return False
            # a child joined to the carer as one subject ("both he and his uncle smoke weed"): the child's use too
            j = k - 1
            while j >= 0 and words[j] in _CARER_DETERMINERS:
                j -= 1
            if j >= 1 and words[j] == "and" and words[j - 1] in children:
                return False
        return True

    def _lead_with(self, n: int, ranked: list[int], final: dict[int, float]) -> None:
        """Put n first (scored just above the first) and every other result one place lower, in its
        order, except that an immediate criterion in the first KEPT_PLACES stays among them: a result
        that is not one gives way to it (safety first: never out of the first three by a rule that
        moves another result up)."""
        kept = [m for m in ranked[:KEPT_PLACES] if m != n and self.entries[m].indicator.immediate]
        if n in ranked:
            ranked.remove(n)
        final[n] = (round(final[ranked[0]], 6) if ranked else 0.0) + 1e-5
        ranked.insert(0, n)
        for m in kept:
            k = ranked.index(m)
            if k < KEPT_PLACES:
                continue
            yielding = [i for i in range(1, KEPT_PLACES) if not self.entries[ranked[i]].indicator.immediate]
            if yielding:  # the last result in the first KEPT_PLACES that is not immediate goes just below m
                y = ranked.pop(yielding[-1])
                final[y] = round(final[m], 6) - 1e-6
                ranked.insert(k, y)

    def _core_first_step(self, c: _Call) -> None:
        """_core_first on the call (tests call it with its own arguments)."""
        self._core_first(c.words, c.stems, c.typing, c.ranked, c.final, c.joined, c.age_in_months)

    def _denied_first_step(self, c: _Call) -> None:
        """_denied_first on the call (_leave_sight reads it again); the row the denial took first place from is the
        call's `denied_from` (fix21d: never first again, _said_plainly_last)."""
        before = c.ranked[:1]
        self._denied_first(c.words, c.stems, c.ranked, c.final, c.matched, c.negated, self._not_pregnant(c.words, c.unborn))
        c.denied_from = before[0] if before and c.ranked[:1] != before else None

    def _calm_first_step(self, c: _Call) -> None:
        """_calm_first on the call; where no reading since the blend moved its first, the calm reading's first is the
        blend's own (a long call's ordinary words make the whole call read calm: its parts are read, _p9_part_first)."""
        led = c.ranked[:1]
        self._calm_first(c.calm, c.ranked, c.final)
        if led == c.blended:
            c.blended = c.ranked[:1]

    def _out_of_sight_step(self, c: _Call) -> None:
        """_out_of_sight on the call: the rows the steps hid, and those of `unstated`."""
        self._out_of_sight(c.hidden, c.ranked, c.final, c.unstated)

    def _joined_first(self, c: _Call) -> None:
        """Safety first (review 8, surfaces S2): a parent's psychosis joined in one call to harm to the
        child ("mum hearing voices telling her to hurt the baby", "mum is psychotic and says the baby is
        the devil") is an immediate risk (p9), this tool's reading, declared in the synonyms file's
        `joined`. The illness words pulled such calls to the parent's mental health (Additional to
        Protection) and p9 came fourth. Where a `parent` word is said in a parent's clause and a `harm`
        word comes at most JOINED_REACH words before a `child` word ("hurt herself" is not it), or an
        `about_child` word within JOINED_REACH of one, and the first result is not an immediate
        criterion, the joined criterion takes first place (_lead_with: the others one place lower, an
        immediate criterion in the first three kept there). The joined criterion, if the call is such a
        call, is the call's `joined`."""
        words, stems, ranked, final, matched, unborn, age_in_months = c.words, c.stems, c.ranked, c.final, c.matched, c.unborn, c.age_in_months
        joined = self._joined(words, stems, unborn, age_in_months)
        if joined is None:
            return
        n, said = joined
        if not (ranked and self.entries[ranked[0]].indicator.immediate):
            matched.setdefault(n, set()).update(said)
            self._lead_with(n, ranked, final)
        c.joined = n

    def _joined(self, words: list[str], stems: list[str], unborn: bool, age_in_months: Optional[int]) -> Optional[tuple[int, list[str]]]:
        """The immediate criterion a `joined` rule leads with for this call, and the words that said it; None if none."""
        of_parent = _said_of_parent(words)
        for rule in self.joined:
            n, parent, harm, about, child = rule[:5]
            ill = [i for i, s in enumerate(stems) if s in parent and of_parent[i]]
            kids = [i for i, s in enumerate(stems) if s in child]
            threat = [i for i, s in enumerate(stems) if s in harm and any(0 < k - i <= JOINED_REACH for k in kids)]
            belief = [i for i, s in enumerate(stems) if s in about and any(0 < abs(k - i) <= JOINED_REACH for k in kids)]
            if ill and (threat or belief) and self._admits(n, unborn, age_in_months):
                return n, [words[i] for i in ill + threat + belief]
            # a parent's belief that the child is possessed, a demon, evil or a witch is itself the delusion
            # ("mum thinks the baby is possessed", "dad thinks his daughter is a demon")
            says = [i for i, s in enumerate(stems) if s in rule.says and of_parent[i]]
            held = [i for i, s in enumerate(stems) if s in rule.believed and any(0 < abs(k - i) <= JOINED_REACH for k in kids)]
            if says and held and self._admits(n, unborn, age_in_months):
                return n, [words[i] for i in says + held]
        return None

    def _subject_first(self, c: _Call) -> None:
        """Whose condition it is (review 11, H6): the tables (p11-18) keep the child's own health and
        behaviour apart from the parents', but the words are the same ("dad has cancer" led with the child's "Life threatening
        conditions", "mum self harms in front of the kids" with the child's self-harm). Where a word of
        one of the synonyms file's `subject` conditions is said with a parent as its subject
        (_said_of_parent with the file's own parents, openers and ends) and none is said of someone
        else (a child or "he"/"she" at most OTHER_REACH words before it), no row of that condition's
        `child` leads: the first result that is none of them takes first place (_lead_with: the others
        one place lower, still in sight; an immediate criterion in the first KEPT_PLACES stays there).
        A criterion of the synonyms file's `core` whose core the call says leads as one of the `leads`
        ("dad is paranoid and keeps attacking mum": the violence is the call's own concern; review 13 J1).
        A row of the file's `about_child` (p9's "Child is at immediate risk") leads a carer's condition
        only where the call says a child (search14, _says_no_child): "stepmum self harms" is the
        carer's, as "mum is suicidal" is. Nor does a strength (Universal) lead a call that says a carer's
        condition ("the aunt she stays with drinks" led with "positive attachment to significant other"
        on "aunt"): the first of the condition's `leads` found does. Since search15 a word said in the
        carer's clause just before a condition's word is the condition's ("stepfather has tried to hang
        himself" led with p9 on "tried"), and where a carer's condition is said a `core` criterion whose
        core is not said does not lead it either ("her dad has tried to kill himself": no violence). Where
        nothing else was found, nothing moves.

        Since search16 (review 16 M1) another child is a condition's subject as a carer is: a clause whose
        subject is one of the file's `other_child` ("his brother self harms", "her best friend is being
        sexually exploited", "a boy in his class"), or a young person's boyfriend or girlfriend (`peers`,
        after "her"/"his", from `peer_from_age` where the age is given and no carer the possessive could
        stand for is named before it), bars the condition's `child` rows and its carers' rows (`leads`:
        a brother is no carer) where no word of the condition is said of this child; the lead is the
        first result that is none of them. "his brother hits him" names no condition and moves nothing."""
        words, stems, typing, ranked, final, matched, joined = c.words, c.stems, c.typing, c.ranked, c.final, c.matched, c.joined
        age_in_months = c.age_in_months
        subject = self.subject
        if not ranked or not subject.conditions:
            return
        words = self._peers_as_others(words, age_in_months)
        of_other = self._said_of_other(words)
        if subject.parents.isdisjoint(words) and not any(of_other):
            return
        of_parent = _said_of_parent(words, subject.parents, subject.opens, subject.ends, subject.clauses)
        others = (CHILD_ROLES | subject.ends) - subject.other_child
        barred: set[int] = set()
        leads: set[int] = set()
        own: set[int] = set()  # the rows of a condition said of the child too ("dad drinks and she self harms")
        unsighted: set[int] = set()  # the `child` rows of an `out_of_sight` condition said of a carer or another child alone (search16b)
        parental: set[str] = set()  # the words (stems) of the conditions said of a carer
        child_noun = CHILD_ROLES | (subject.clauses.named if subject.clauses is not None else frozenset())
        for place, (said, child, parents_rows) in enumerate(subject.conditions):
            at = [i for i, s in enumerate(stems) if s in said]
            theirs = [
                i
                for i in at
                if (not of_parent[i] and not of_other[i] and any(words[k] in others for k in range(max(0, i - OTHER_REACH), i)))
                or _describes_child(words, i, child_noun)
                or (of_other[i] and self._object_after(words, i))
            ]
            carers = place not in subject.other_only and any(of_parent[i] for i in at)
            other = any(of_other[i] and not of_parent[i] for i in at)
            if (carers or other) and not theirs:
                barred |= child
                unsighted |= child if place in subject.unsighted else set()
                leads |= parents_rows if carers else set()
                barred |= {n for n in parents_rows if not self.entries[n].indicator.immediate} if other and not carers else set()
                parental |= said
            elif at:
                own |= child
        barred -= own
        unsighted -= own
        other_alone = (
            subject.other_kept is not None and bool(barred) and not leads and any(of_other)
        )  # a condition said of another child, none of a carer (search18n)
        on_other = self._resting_on_other(words, stems, of_other, of_parent, ranked, matched) if other_alone else set()
        condition_rows = set(barred)  # the conditions' own rows: never the lead, not even the lowest found
        added = {n for n in on_other if not self.entries[n].indicator.immediate} - barred
        barred |= added
        core_words, core_stems, core_typing = words, stems, typing
        if barred:  # p9's "Child is at immediate risk" neither leads nor is led with for a carer's condition alone
            # a word said in the carer's clause just before a condition's word is part of it ("tried to hang himself")
            attached_at = {
                i
                for i in range(len(words))
                if of_parent[i]
                and not _stop(words[i], stems[i])
                and any(
                    stems[k] in parental and all(of_parent[m] and words[m] not in JOINING for m in range(i, k))
                    for k in range(i + 1, min(len(words), i + 1 + OTHER_REACH))
                )
            }
            attached = {stems[i] for i in attached_at}
            barred |= {n for n in subject.about_child if self._says_no_child(words, stems, matched.get(n, set()), parental | attached)}
            # ...and is no core word either ("her mum is registered blind": no register of offenders; search15b)
            core_words = [w for i, w in enumerate(words) if i not in attached_at]
            core_stems = [s for i, s in enumerate(stems) if i not in attached_at]
            core_typing = typing and len(words) - 1 not in attached_at
            # nor a criterion whose core is not said (_core_first would move it; the carer's rows lead instead),
            # except after a parent's psychosis joined to harm, where _core_first gives the joined criterion the lead
            if joined is None:
                barred |= {n for n in self.core if not self._core_said(n, core_words, core_stems, core_typing)}
        strength = bool(barred) and self.entries[ranked[0]].indicator.level is Level.UNIVERSAL  # "the aunt she stays with drinks": not a strength
        c.unsighted = unsighted
        if ranked[0] not in barred and not strength:
            return
        leads |= {n for n in self.core if self._core_said(n, core_words, core_stems, core_typing)}
        lead = next((n for n in ranked if n in leads and n not in barred), None)
        if lead is None and not strength:  # a concern before a strength: a condition said of anyone names no strength (search16)
            lead = self._concern_or_first(ranked, barred)
        if other_alone and (lead is None or (lead in on_other and self._height(lead) > self._height(ranked[0]))):  # never higher (search18n)
            # never the condition's own rows, nor a strength (search16: a condition said of anyone names no strength)
            # ...nor any condition's own row (gang culture for "his cousin smokes weed every day")
            own_rows = condition_rows | self._condition_rows(carers_too=False)  # the barred carers' rows too (search16)
            lowest = min((n for n in ranked if n not in own_rows and self._concern(n)), key=self._height, default=ranked[0])
            earlier = barred - added  # nothing lower found: the lead as before search18n
            lead = lowest if self._height(lowest) <= self._height(ranked[0]) else self._concern_or_first(ranked, earlier)
        if lead is not None:
            self._lead_with(lead, ranked, final)

    def _resting_on_other(
        self, words: list[str], stems: list[str], of_other: list[bool], of_parent: list[bool], ranked: list[int], matched: dict[int, set[str]]
    ) -> set[int]:
        """The rows (not the synonyms file's `subject.other_kept`) that rest only on the words of another child's clauses or
        on none (the model's alone), where a condition is said of another child alone (search18n; this tool's reading,
        declared there): "his brother takes drugs and self harms" led with "Involved in gang culture". _subject_first bars
        those that are not p9's, and lets a p9 row among them lead only where it is no higher than the first."""
        at = {i for i, flag in enumerate(of_other) if flag and not of_parent[i]}
        for i in sorted(at):  # ...with the words that name that child ("her older sister": "older" is the sister's)
            k = i - 1
            while k >= 0 and k not in at and words[k] in self.subject.before_other:
                at.add(k)
                k -= 1
        theirs = {stems[i] for i in at}
        elsewhere = {stems[i] for i in range(len(words)) if i not in at}
        empty = DENYING | CLAUSE_WORDS | JOINING | self.subject.opens | self.subject.parents | self.subject.ends | CHILD_ROLES | self.topics

        naming = self.subject.before_other | self.subject.other_child  # "older", "sister": whom, not what

        def content(n: int, excluded: frozenset[str]) -> list[str]:  # the words that matched n, but `excluded` and stop words
            return [w for label in matched.get(n, ()) for w in label.split() if w not in excluded and not _stop(w, stem(w))]

        def rests(n: int) -> bool:  # the rows about siblings rest on them only where no word but a sibling's name matched
            if n in (self.subject.other_kept or ()):
                return not content(n, empty | naming)
            return all(s in theirs and s not in elsewhere for s in map(stem, content(n, empty)))

        return {n for n in ranked if rests(n)}

    def _of_this_child_first(self, c: _Call) -> None:
        """Safety first (search19p; the synonyms file's `of_this_child`, this tool's reading, declared there): a p9
        criterion a clause states of this child leads, whatever another person's condition or a strength elsewhere in
        the call says, and read last, so no earlier reading (another child's condition, a carer's, a strength, a calm
        call) moves it from first place: "his brother is anorexic, he has good stable relationships with his carers
        and he has suffered significant harm" led with the child's own "Endangers own life through self harm ..."
        (p17) and p9 was out of the first three. The first row stated (_stated_of_this_child) takes first place
        (_lead_with: the others one place lower, an immediate criterion in the first KEPT_PLACES kept there); where
        none is stated, or it is first already, nothing moves."""
        words, stems, ranked, final, matched, unborn, age = c.words, c.stems, c.ranked, c.final, c.matched, c.unborn, c.age_in_months
        n = self._stated_of_this_child(words, stems, unborn, age)
        if n is None or (ranked and ranked[0] == n):
            return
        matched.setdefault(n, set())
        self._lead_with(n, ranked, final)

    def _stated_of_this_child(self, words: list[str], stems: list[str], unborn: bool, age: Optional[int]) -> Optional[int]:
        """The first of `of_this_child.rows` a clause states of this child (the synonyms file's `of_this_child`), else
        None: one of its phrases with a subject just before it ("he", "she", "the child", or a name: a word the index
        does not know opening its clause), only `between` words in between; outside another child's and a carer's
        clauses, after none of `not_after` in its clause, not denied, ended or disproved, and no doubt in its clause."""
        ot = self.of_this_child
        if ot is None:
            return None
        of_other = self._said_of_other(words)
        of_parent = _said_of_parent(words, self.subject.parents, self.subject.opens, self.subject.ends, self.subject.clauses)
        away = set(self._denials(words, stems)) | self._ended_at(words) | self._disproved_at(words)
        away |= self._ended_by_at(words)[0] if self.ends is not None else set()
        bounds = CLAUSE_WORDS | JOINING

        def subject_at(i: int) -> Optional[int]:  # where the phrase's subject starts, the `between` words skipped
            k = i - 1
            while k >= 0 and words[k] in ot.between:
                k -= 1
            if k < 0:
                return None
            start = next((k + 1 - len(p) for p in ot.subjects if k + 1 >= len(p) and tuple(words[k + 1 - len(p) : k + 1]) == p), None)
            if start is not None:  # a child's noun after one of `determiners` ("the boy"; "a boy in his class" is another)
                pronoun = self.subject.clauses is not None and words[start] in self.subject.clauses.pronouns
                return start if pronoun or (start > 0 and words[start - 1] in ot.determiners) else None
            opens = k == 0 or words[k - 1] in bounds
            known = stems[k] in self.postings or stems[k] in self.word_synonyms or words[k] in self.known_words
            return k if opens and not known and not _stop(words[k], stems[k]) and words[k] not in self.subject.parents | self.subject.other_child else None

        for n, phrases in ot.rows.items():
            if not self._admits(n, unborn, age):
                continue
            for phrase in phrases:
                for i in _phrase_at(phrase, words):
                    start = subject_at(i)
                    if start is None or self._of_this_child_not_before(words, i + len(phrase)):
                        continue
                    span = range(start, i + len(phrase))
                    if any(of_other[k] or of_parent[k] or k in away for k in span):
                        continue
                    opening = next((k + 1 for k in range(start - 1, -1, -1) if words[k] in bounds), 0)
                    clause = words[opening:start]
                    if any(_phrase_at(p, clause) for p in ot.not_after) or (opening > 0 and (words[opening - 1],) in ot.not_after):
                        continue
                    if _says_exactly(self.doubt, [stem(w) for w in words[opening : i + len(phrase)]]):
                        continue
                    return n
        return None

    def _of_this_child_not_before(self, words: list[str], end: int) -> bool:
        """Whether one of the synonyms file's `of_this_child_not_before` follows a phrase ending at `end` (search20): "she
        has been cut off", "he has been hit by a car", "he has been kicked out" state no p9 criterion."""
        return any(tuple(words[end : end + len(p)]) == p for p in self.of_this_child_not_before)

    # ---------------------------------------------------------------- fix20a: a long call's p9 part; a misspelt p9 word
    def _p9_init(self, catalogue: Catalogue, synonyms: dict, extra: dict[str, list[str]]) -> None:
        """The synonyms file's `p9_parts` and `p9_spelling` (fix20a, this tool's readings, declared there): where a long
        call is cut into parts, and the p9 words a one-edit misspelling is read as (_p9_part_first, _p9_spelt)."""
        parts = synonyms.get("p9_parts") or {}
        self.p9_cuts = re.compile(parts["cuts"]) if parts else None
        self.p9_part_words = int(parts.get("min_words", 1)) if parts else 1
        self.p9_long = int(parts.get("long", 0)) if parts else 0
        spelling = synonyms.get("p9_spelling") or {}
        self.p9_real_words = frozenset(normalise(" ".join(spelling.get("real_words") or [])).split())
        self.p9_english_floor = int(spelling.get("english_floor", 0))
        shortest = int(spelling.get("min_length", 0))
        vocab: set[str] = set()
        for ind in catalogue.indicators if spelling else ():
            if ind.immediate:
                for text in [ind.text, *ind.keywords, *extra.get(ind.id, [])]:
                    vocab.update(w for w in normalise(text).split() if len(w) >= shortest and not _stop(w, stem(w)) and stem(w) in self.postings)
        self.p9_words = frozenset(vocab)
        # an index built on fewer phrasings (cross-validation's folds) may lack a spelling's p9 word: that spelling is left
        spelt = {normalise(k): normalise(v) for k, v in (spelling.get("spellings") or {}).items()}
        self.p9_spellings = {k: v for k, v in spelt.items() if v in self.p9_words}
        self._p9_spelling_cache: dict[str, str] = {}
        self._row_number = {e.indicator.id: n for n, e in enumerate(self.entries)}

    def _p9_spelt(self, words: list[str]) -> list[str]:
        """The call's words with each one-edit misspelling of a p9 word spelt right (fix20a; review 20 N4: "she was
        molestid by a neighbour" put p9 fourth, spelt right it leads): so word matching, the model and every reading
        read the word the caller meant. Only a word the index does not know (nor the synonyms file's `known_words` or
        `p9_spelling.real_words`, real words a letter from a p9 word: "amused" is not "abused"), whose every indexed
        word one edit away (OSA: transposed letters are one) is a p9 word of one stem; and (spell21) not a word the English
        word list knows (`p9_spelling.english_floor`: "march" is not "match", "rapid" not "raped")."""
        return [self._p9_spelling(w) for w in words] if self.p9_words else words

    def _p9_spelling(self, word: str) -> str:
        spelt = self.p9_spellings.get(word)
        if spelt:
            return spelt
        near = self._p9_near(word)
        return word if near == word or self._english(word) else near

    def _p9_real_word(self, word: str) -> bool:
        """A real word one edit from a p9 word (`p9_spelling.real_words`, or one the English word list knows: spell21),
        which is spelt as typed and not read as a typo of the p9 word either ("drawn" is not "drown")."""
        return word in self.p9_real_words or (self._p9_near(word) != word and self._english(word))

    def _english(self, word: str) -> bool:
        # asked only of a word one edit from a p9 word; the shipped index loads the list when it is built (pathway/english.py)
        return bool(self.p9_english_floor) and english_count(word) >= self.p9_english_floor

    def _p9_near(self, word: str) -> str:
        """The p9 word `word` is one edit from, if it is a word the index does not know, else `word`."""
        if not self.p9_words or len(word) < MIN_TYPO or word.isdigit() or word in self.known_words or word in self.p9_real_words:
            return word
        s = stem(word)
        if _stop(word, s) or s in self.postings or s in self.word_synonyms:
            return word
        cached = self._p9_spelling_cache.get(word)
        if cached is None:
            found = [w for w, _, _ in process.extract(word, self.surface, scorer=OSA.distance, score_cutoff=1, limit=5)]
            right = bool(found) and all(w in self.p9_words for w in found) and len({stem(w) for w in found}) == 1
            if len(self._p9_spelling_cache) >= PREFIX_CACHE_SIZE:
                self._p9_spelling_cache.clear()
            cached = self._p9_spelling_cache[word] = found[0] if right else word
        return cached

    def _p9_part_first(self, c: _Call) -> None:
        """Safety first (fix20a; review 20 N1; the synonyms file's `p9_parts`, this tool's reading, declared there): a
        p9 criterion a part of a long call states is placed as it is in a short call that says only that part. In a
        long call the learned model reads all the words at once, so the early narrative's rows take its share from the
        p9 part at the end ("kids look clean, go to school, ..., house warm; the 2 year old has a black eye and the
        story keeps changing" led with "Stress factors", p9 second). Where the blend's own first (no reading moved it)
        is not an immediate criterion, each part (cut at `p9_parts.cuts`) holding a word some immediate criterion
        matched is searched alone; the first row of a part that leads with an immediate criterion (the one highest in
        this call's own order where parts differ) takes first place (_lead_with). Not a part whose matched words a
        denial elsewhere in the call covers ("no concerns about: bruises"), nor a row an earlier reading hid."""
        query, ranked, final, matched, hidden = c.query, c.ranked, c.final, c.matched, c.hidden
        if self.p9_cuts is None or not ranked or self.entries[ranked[0]].indicator.immediate:
            return
        pieces = [p for p in self.p9_cuts.split(query) if normalise(p).split()]
        found = {w for n in final if self.entries[n].indicator.immediate for label in matched.get(n, ()) for w in label.split()}
        if len(pieces) < 2 or not found or len(normalise(query).split()) < self.p9_long:
            return  # a short call: its own words and readings place it (the dilution is a long call's)
        agreed = self._parts_agreed(c, pieces, found, limit=1)
        if agreed is None:
            return  # the parts do not add up to the call's words ("not at all" across a cut): read nothing
        whole, parts = agreed
        denied = set(self._denials(whole, [stem(w) for w in whole]))
        leads: list[_PartLead] = []
        for p in parts:
            if not p.hit.indicator.immediate:
                continue
            if len({w for w in p.words if not _stop(w, stem(w))}) < self.p9_part_words:
                continue  # a word or two of a fragment ("they're terrified") is not a criterion stated
            own = {p.at.start + i for i in self._denials(p.part, [stem(w) for w in p.part])}  # the part's own denials: read by its search
            if p.n in hidden or any(i in denied and i not in own and whole[i] in p.words for i in p.at):
                continue
            leads.append(p)
        self._part_leads(c, leads, key=lambda p: ranked.index(p.n) if p.n in ranked else len(ranked))

    def _parts_agreed(
        self,
        c: _Call,
        pieces: list[str],
        found: set[str],
        *,
        limit: int,
        skip: Optional[Callable[[list[str]], bool]] = None,
        p9_by_words: bool = False,
    ) -> Optional[tuple[list[str], list[_PartLead]]]:
        """The clause reading _p9_part_first and _clause_first share: (the call's words as read, its parts that state a
        row), or None where the parts (`pieces`, the call cut) do not add up to the call's words. Each part holding a
        word of `found` (and not `skip`ped on its words) is searched alone (its own readings, `limit` rows, the last
        part unfinished where the call is being typed); it states its first row where that row is word matching's own
        first in the part alone and the model agrees on the part (AGREED); with `p9_by_words`, where the part's first is
        the model's alone, its first p9 row that word matching found and the model agrees on (_clause_first: "dad hits
        her", whose first is the model's allegation line, states p9's repeated domestic violence line)."""
        said = [self._p9_spelt(normalise(p).split()) for p in pieces]
        whole = [w for part in said for w in part]
        if whole != self._p9_spelt(normalise(c.query).split()):
            return None
        parts: list[_PartLead] = []
        start = 0
        for k, (piece, part) in enumerate(zip(pieces, said)):
            at, start = range(start, start + len(part)), start + len(part)
            if found.isdisjoint(part) or (skip is not None and skip(part)):
                continue
            probe: dict[str, Any] = {}
            finished = not (c.typing and k == len(pieces) - 1)
            hits = self.search(piece, age_in_months=c.age_in_months, unborn=c.unborn, limit=limit, finished=finished, part=probe)
            if not hits:
                continue
            shares = probe.get("shares") or {}
            by_words = probe.get("by_words", [])

            def agreed(h: Hit) -> bool:
                m = self._row_number[h.indicator.id]
                return m in by_words and shares.get(m, 0.0) >= AGREED * max(shares.values(), default=0.0)

            lead = hits[0]
            if not agreed(lead) and p9_by_words and self._row_number[lead.indicator.id] not in by_words:
                lead = next((h for h in hits[1:] if h.indicator.immediate and agreed(h)), lead)
            if not agreed(lead):
                continue
            n = self._row_number[lead.indicator.id]
            words = {w for label in lead.matched for w in label.split()}
            parts.append(_PartLead(at, part, hits if lead is hits[0] else [lead, *hits], n, words, lead is not hits[0]))
        return whole, parts

    def _part_leads(self, c: _Call, leads: list[_PartLead], key: Callable[[_PartLead], Any]) -> None:
        """The lead a clause reading found (the least by `key`, the first of equals) takes first place (_lead_with),
        with the words its part matched."""
        if not leads:
            return
        lead = min(leads, key=key)
        c.matched.setdefault(lead.n, set()).update(lead.hit.matched)
        self._lead_with(lead.n, c.ranked, c.final)

    def _self_harm_only(self, c: _Call) -> None:
        """The rows of the synonyms file's `subject.self_harm.not` (harm to others) matched only by self-harm's words: one
        of `then` said just after one of `after` ("self harms"), and those words (search18n; this tool's reading)."""
        words, matched = c.words, c.matched
        subject = self.subject
        said = [i for i, w in enumerate(words) if w in subject.self_then]
        if not said or any(i == 0 or words[i - 1] not in subject.self_after for i in said):
            return
        own = subject.self_after | subject.self_then
        c.unsighted |= {n for n in subject.self_not if matched.get(n) and all(w in own for label in matched[n] for w in label.split())}

    def _peers_as_others(self, words: list[str], age_in_months: Optional[int]) -> list[str]:
        """The words with a young person's boyfriend or girlfriend said as another child (search16; the synonyms
        file's `subject.peers`, this tool's reading): one of `peers` just after "her" or "his", where the age is
        given and is `peer_from_age` or more, and no carer the possessive could stand for is named before it
        ("mum is lovely but her boyfriend drinks" is mum's; with no age a carer's, as before)."""
        subject = self.subject
        if subject.peer_from_months is None or age_in_months is None or age_in_months < subject.peer_from_months or subject.peers.isdisjoint(words):
            return words
        out = list(words)
        earlier = [v if v not in subject.peers else "" for v in words]  # another boyfriend named earlier is no carer it could stand for
        for i, w in enumerate(words):
            if w in subject.peers and i > 0 and words[i - 1] in ("her", "his") and not self._a_carers(earlier[:i] + words[i:], i):
                out[i] = PEER
        return out

    def _said_of_other(self, words: list[str], only_placed: bool = False) -> list[bool]:
        """For each word, whether its clause's subject is another child (search16; the synonyms file's
        `subject.other_child`): the clause (from the start, or from a clause word or one of `opens`) opens with
        one, after a determiner and `before_other` words at most ("his older brother", "her best friend", "a
        classmate", "a boy in his class"), or an "and"/"or" does ("mum drinks and his brother self harms"), and runs
        until a carer, a child, "he", "she" or "they" is named (the file's `ends` and the carers), a clause word
        or one of `opens`. `only_placed`: only the clauses a child named by place opens (search17s, _placed_others)."""
        subject = self.subject
        flags = [False] * len(words)
        if not subject.other_child and not subject.other_phrases and self.not_now is None:
            return flags
        starts: dict[int, int] = {i: 1 for i, w in enumerate(words) if w in subject.other_child or w == PEER}
        for phrase in subject.other_phrases:
            for i in _phrase_at(phrase, words, empty_everywhere=True):
                starts[i] = max(starts.get(i, 0), len(phrase))
        if only_placed:
            starts = {}
        for i, n in self._placed_others(words).items():  # a child named by place (search17s, review 17 N3)
            starts[i] = max(starts.get(i, 0), n)
        starts = {i: n for i, n in starts.items() if words[i] == PEER or not self._a_carers(words, i)}
        if not starts:
            return flags
        ending = (subject.ends | CHILD_ROLES | subject.parents) - subject.other_child
        other, opening, i = False, True, 0
        while i < len(words):
            w = words[i]
            if w in CLAUSE_WORDS or w in subject.opens:
                other, opening = False, True
            elif w in JOINING:  # "mum drinks and his brother self harms"; "his brother drinks and self harms" stays his
                opening = True
            elif opening and i in starts:
                for k in range(i, i + starts[i]):
                    flags[k] = True
                other, opening = True, False
                i += starts[i]
                continue
            elif opening and (w in DETERMINERS or w in subject.before_other):
                pass
            else:
                opening = False
                other = other and w not in ending
            flags[i] = other
            i += 1
        return flags

    def _a_carers(self, words: list[str], i: int) -> bool:
        """Whether the person at i is a carer's ("mum and her sister both drink": mum's sister, an adult): "her" or
        "his" before it (past `before_other` words) where a carer that possessive could stand for is named before."""
        k = i - 1
        while k >= 0 and words[k] in self.subject.before_other:
            k -= 1
        if k < 0 or words[k] not in ("her", "his"):
            return False
        clauses = self.subject.clauses
        carers = [c for c in words[:k] if c in self.subject.parents]
        return clauses is not None and any(clauses.stands_for("she" if words[k] == "her" else "he", c) for c in carers)

    def _object_after(self, words: list[str], i: int) -> bool:
        """Whether this child is the object of a condition's word said in another child's clause ("his brother
        bullies him"): "him" or "them" at most OTHER_REACH words after it, or "her" ending the call or followed by
        a clause word or "and"/"or" ("her sister cuts her arms" is the sister's own)."""
        for k in range(i + 1, min(len(words), i + 1 + OTHER_REACH)):
            if words[k] in ("him", "them") or (words[k] == "her" and (k + 1 == len(words) or words[k + 1] in CLAUSE_WORDS | JOINING)):
                return True
        return False

    def _says_no_child(self, words: list[str], stems: list[str], matched: set[str], parental: set[str]) -> bool:
        """Whether a call whose first result is an `about_child` row says nothing of a child but a carer's
        condition (search14; review 12 H6): no word of `named` ("kids", "the baby", "my daughter"), no
        "him", "her" or "them" just after a condition's word ("threatened to kill them"), and every word
        that matched the row a word of the carer's condition ("harms" of "self harms"). p9's "Child is at
        immediate risk or has suffered significant harm" is about the child; the tables grade a carer's
        own condition (p13-17). Since search15 a result the words did not match (the model's alone) is read
        so too: the rule's `leads` had lifted it to first from below the first three ("dad attempted to hang
        himself in the garage")."""
        clauses, objects = self.subject.clauses, self.subject.objects
        if clauses is not None and not clauses.named.isdisjoint(words):
            return False
        if any(w in objects and any(stems[k] in parental for k in range(max(0, i - OTHER_REACH), i)) for i, w in enumerate(words)):
            return False
        return all(stem(w) in parental for label in matched for w in label.split() if not _stop(w, stem(w)))

    def _not_now_first(self, c: _Call) -> None:
        """Safety first without inflation (review 17 N1-N3; search17s; the synonyms file's `not_now`, this tool's
        reading, declared there): a row that rests only on words that are not this child's concern now does not
        lead. Three readings, each of its own words and rows, read in turn:
        - a carer's own victimisation (N2): "mum was sexually abused as a child", "dad was beaten as a child": the
          victimisation word said in the passive (or after "victim of", "survivor of") of a carer (_said_of_parent),
          or of "she"/"he" standing for a carer named earlier where a childhood marker follows ("mum has told the
          school she was abused by her father as a child"); the rows of `victim.rows` (p9's allegation and harm
          rows, p17's exploitation and trafficking rows) do not lead on it. Where the abuser named is a relative
          ("by her father"), `victim.abuser_leads` (p9's "Lives or has contact with adults who are known to pose a
          risk") leads where found: that is the child's concern;
        - another child named by place (N3): a clause opened by a child named by where they live or play (_placed_others:
          "the boy next door", "a girl in the same foster home", "the neighbours daughter") is another child's
          (_said_of_other, which reads it as it reads "his brother"); an immediate criterion resting only on such a
          clause's words does not lead (the child's own rows are barred by _subject_first's conditions);
        - a concern the call puts in the past or says has ended (N1): "used to", "no longer", "years ago", "sober
          for", "before the baby was born", "when he was 4" (_ended_at); any row above Universal resting only on
          such words does not lead, except the rows a past event still makes (`ended.kept`: an allegation or
          disclosure of abuse, adults known to pose a risk) and those whose own text is history (`ended.own_past`);
          a present word anywhere ("again", "still", "relapsed") and nothing is read as ended.
        A row rests on such words where every word (or phrase) that matched it is said only there (_denied_first's
        reading of a denial). The first three are then reordered: those that do not rest on them first, in their
        order, the others after them (still in sight); where all three do, the first result that does not leads
        (_lead_with: an immediate criterion in the first three stays there). Never a higher row that the words
        did not match (the model's alone), nor one leaving the first three (`hidden`: _out_of_sight's). For a carer's
        victimisation and another child, a row of theirs the model alone found rests on them too (it read the same
        words). Where nothing else was found, nothing moves."""
        words, ranked, final, matched, hidden = c.words, c.ranked, c.final, c.matched, c.hidden
        nn = self.not_now
        if nn is None or not ranked:
            return
        victim, abuser = self._victim_at(words)
        self._rest_below(victim, nn.victim_rows.__contains__, words, ranked, final, matched, hidden, abuser, unmatched=True)
        of_placed = self._said_of_other(words, only_placed=True)
        placed = {
            i for i, flag in enumerate(of_placed) if flag and not self._object_after(words, i) and not FIRST_PERSON & set(words[i + 1 : i + 1 + OTHER_REACH])
        }
        self._rest_below(placed, lambda n: self.entries[n].indicator.immediate, words, ranked, final, matched, hidden, unmatched=True)
        ended = self._ended_at(words)
        self._rest_below(ended, lambda n: self._concern(n) and n not in nn.kept, words, ranked, final, matched, hidden)
        self._ended_by_first(words, ranked, final, matched, hidden)

    def _not_the_child_first(self, c: _Call) -> None:
        """Who or what the call's words are said of (review 18 N1-N3; fix18a; the synonyms file's `not_the_child`, this
        tool's reading, declared there): a row resting only on words said of an animal or a thing (`things`: "the dog
        is left home alone all day"), or of a professional or volunteer adult (`adults`: "his football coach drinks
        heavily"), does not lead; nor does a row of something done to the child (`doers.victim_rows`) resting only on
        words that make the child the one who does it ("she is bullying other girls"), where the best placed of
        `doers.doer_leads` the words matched leads instead, else the first (offered where not found). Where the first
        result rests on a thing's or an adult's words, the lead is _lowest_elsewhere's. Read with _rest_below (search17s's reordering: an immediate criterion
        in the first three stays there; never a higher row the words did not match, nor one `hidden`). No p9 row is
        moved for an adult (one who harms or poses a risk keeps p9's rows), and a part that names a child is the
        child's. Where nothing else was found, nothing moves."""
        words, ranked, final, matched, hidden, unborn, age_in_months = c.words, c.ranked, c.final, c.matched, c.hidden, c.unborn, c.age_in_months
        nc = self.not_child
        if nc is None or not ranked:
            return
        things, adults = self._said_of_no_child(words)
        thing_rows = nc.thing_rows | self._condition_rows(False)
        if self._names_child(words, 0, len(words)):  # a child named anywhere keeps p9's rows ("... and so is the 4 year old")
            thing_rows = frozenset(n for n in thing_rows if not self.entries[n].indicator.immediate)
        for at, rows in ((things, thing_rows), (adults, self._condition_rows(True) | (self.roles.own_rows if self.roles else frozenset()))):
            if ranked[0] in rows:
                self._rest_below(
                    at, rows.__contains__, words, ranked, final, matched, hidden, self._lowest_elsewhere(at, words, ranked, matched, hidden), unmatched=True
                )
        doer = self._doer_at(words)
        if doer and ranked[0] in nc.victim_rows:
            # the best placed behaviour row the words matched ("threatening other kids with a knife": violent), else the first,
            # the document's row for a child who bullies, offered where the words did not find it
            lead = next((n for n in ranked if n in nc.doer_leads and matched.get(n) and n not in hidden), None)
            first = nc.doer_leads[0]
            if lead is None and first not in hidden and self._admits(first, unborn, age_in_months):
                if first not in ranked:
                    final[first] = round(final[ranked[-1]], 6) - 1e-6
                    ranked.append(first)
                lead = first
            self._rest_below(doer, set(nc.victim_rows).__contains__, words, ranked, final, matched, hidden, lead)

    def _role_word(self, w: str) -> bool:
        """Whether w names an adult by a role in the child's services (review 19 N4; fix19c; the synonyms file's
        `service_roles`): it ends in one of `endings`, or in one and "s" or "es" ("childminder", "keyworker",
        "coaches"), and is none of `not`."""
        r = self.roles
        if r is None or w in r.not_:
            return False
        return any(w.endswith(e) or w.endswith(e + "s") or w.endswith(e + "es") for e in r.endings)

    def _role_at(self, words: list[str], k: int, end: int) -> bool:
        """Whether words[k:end] open with an adult of `not_the_child.adults` (fix18a) or a role (_said_of_no_child;
        `service_roles`): a role word at k, or after up to
        `modifiers` words that are no stopword, no person's word (a child's, a carer's, another child's or one of
        `not_the_child`'s things) and no clause or joining word ("nursery worker", "family support worker")."""
        r, nc = self.roles, self.not_child
        if nc is None or k >= end:
            return False
        if words[k] in nc.adults:
            return True
        if r is None:
            return False
        persons = CHILD_ROLES | CHILD_WORDS | self.subject.parents | self.subject.ends | self.subject.other_child | nc.things | FIRST_PERSON
        for j in range(k, min(end, k + r.modifiers + 1)):
            if self._role_word(words[j]):
                return True
            w = words[j]
            if w in STOPWORDS or w in persons or w in CLAUSE_WORDS or w in JOINING or w in self.subject.opens or w.isdigit() or _AGE_SAID.fullmatch(w):
                return False
        return False

    def _disclosed_own_act_first(self, c: _Call) -> None:
        """A disclosure of the child's own act is no disclosure of abuse (review 19 N9; fix19c; the synonyms file's
        `disclosed_own_acts`, this tool's reading, declared there): where the first result is its `row`, found only by
        one of its `verbs` ("disclosed") and words of its `acts` ("SH", "self harm", "suicidal"), the call says one of
        `acts` and no other immediate criterion is found by a word beyond `verbs` and `acts`, the best placed of `leads`
        the words matched leads (_lead_with: the p9 row stays in the first three)."""
        words, ranked, final, matched, hidden = c.words, c.ranked, c.final, c.matched, c.hidden
        d = self.disclosed
        if d is None or not ranked or ranked[0] != d.row:
            return
        labels = matched.get(d.row) or set()
        allowed = d.verbs | {w for a in d.acts for w in a}
        if not any(set(label.split()) & d.verbs for label in labels) or not all(set(label.split()) <= allowed for label in labels):
            return
        if not any(_phrase_at(a, words) for a in d.acts):
            return
        for n in ranked:
            if n != d.row and self.entries[n].indicator.immediate and any(not set(label.split()) <= allowed for label in matched.get(n, ())):
                return  # harm or abuse said beside it ("... because dad hits her"): p9 as found
        lead = next((n for n in ranked if n in d.leads and matched.get(n) and n not in hidden), None)
        if lead is None:
            return
        self._lead_with(lead, ranked, final)

    def _lowest_elsewhere(self, at: set[int], words: list[str], ranked: list[int], matched: dict[int, set[str]], hidden: set[int]) -> Optional[int]:
        """The result of the lowest level (the best placed of them) that words said outside `at` matched, no higher than
        the first result: the lead where the first rests on words said of a thing or an adult (_not_the_child_first), so
        that the lead is never raised by it. None where there is none (_rest_below then reorders the first three)."""
        there = {words[i] for i in at} - {w for i, w in enumerate(words) if i not in at}
        found = [n for n in ranked if n not in hidden and matched.get(n) and not all(set(label.split()) & there for label in matched[n])]
        lowest = min(found or [n for n in ranked if n not in hidden], key=self._height, default=None)  # nothing else said: the lowest found
        return lowest if lowest is not None and self._height(lowest) <= self._height(ranked[0]) else None

    def _condition_rows(self, carers_too: bool) -> frozenset[int]:
        """The subject reading's conditions' `child` rows (_not_the_child_first), with their carers' rows that are no
        immediate criterion where `carers_too` (an adult who is no carer)."""
        rows = {n for _, child, _ in self.subject.conditions for n in child}
        if carers_too:
            rows |= {n for _, _, leads in self.subject.conditions for n in leads if not self.entries[n].indicator.immediate}
        return frozenset(rows)

    def _parts(self, words: list[str]) -> list[tuple[int, int, str]]:
        """The call cut into parts (_not_the_child_first): (start, end, the word that opened it, "" at the start) at a
        clause word, one of the subject reading's `opens`, or "and" or "or" before a subject (a determiner, a person, a
        thing, a pronoun, a number)."""
        nc = self.not_child
        assert nc is not None
        cuts = CLAUSE_WORDS | self.subject.opens
        subjects = (
            DETERMINERS | self.subject.parents | CHILD_ROLES | self.subject.ends | self.subject.other_child | nc.things | nc.adults | {"i", "we", "you", "it"}
        )
        parts, start, opener = [], 0, ""
        for i, w in enumerate(words):
            # "and" opens a part only where a subject follows ("... and she is upset"; not "neglected and filthy")
            if w in cuts or (w in JOINING and i + 1 < len(words) and (words[i + 1] in subjects or words[i + 1].isdigit() or self._role_word(words[i + 1]))):
                if i > start:
                    parts.append((start, i, opener))
                start, opener = i + 1, w
        if start < len(words):
            parts.append((start, len(words), opener))
        return parts

    def _names_child(self, words: list[str], start: int, end: int) -> bool:
        """Whether words[start:end] name a child (_not_the_child_first): a child's word, "he", "she", "they", "him",
        "them", "me", "her" not before a noun of `before` or `things`, or an age ("4 year old", "5yo")."""
        nc = self.not_child
        assert nc is not None
        named = CHILD_ROLES | self.subject.ends | self.subject.objects | FIRST_PERSON | {"i", "my"}
        if self.subject.clauses is not None:
            named |= self.subject.clauses.named
        for k in range(start, end):
            w = words[k]
            if w == "her" and k + 1 < end and (words[k + 1] in nc.before or words[k + 1] in nc.things or self._role_at(words, k + 1, end)):
                continue  # "her dog", "her teacher": a possessive, the thing's or adult's owner
            if w in named or _AGE_SAID.fullmatch(w) or (w in ("year", "years", "month", "months") and k > start and words[k - 1].isdigit()):
                return True
        return False

    def _said_of_no_child(self, words: list[str]) -> tuple[set[int], set[int]]:
        """The places of the parts said of a thing and of an adult who is no carer (_not_the_child_first; the synonyms
        file's `not_the_child`): a part opening with one of `things` or `adults` (after determiners, carers or `before`
        words only) that names no child; for a thing, nor does the part before it where "and" or "or" joins them."""
        nc = self.not_child
        assert nc is not None
        lead_in = DETERMINERS | self.subject.parents | nc.before
        things: set[int] = set()
        adults: set[int] = set()
        parts = self._parts(words)
        for p, (start, end, opener) in enumerate(parts):
            k = start  # past the lead-in ("the", "her", "his football"), to the part's first noun
            while k < end and words[k] in lead_in and words[k] not in nc.things | nc.adults and not self._role_word(words[k]):
                k += 1
            if k >= end or self._names_child(words, start, end):
                continue
            if words[k] in nc.things:
                joined = opener in JOINING and p > 0 and self._names_child(words, parts[p - 1][0], parts[p - 1][1])
                if not joined:
                    things |= set(range(start, end))
            elif self._role_at(words, k, end):
                # ...nor, for an adult, the parts joined to it either side ("the coach drinks and drives the kids")
                beside = [q for q in (p - 1, p + 1) if 0 <= q < len(parts) and (parts[q][2] if q > p else opener) in JOINING]
                if not any(self._names_child(words, parts[q][0], parts[q][1]) for q in beside):
                    adults |= set(range(start, end))
        return things, adults

    def _doer_at(self, words: list[str]) -> set[int]:
        """The places from an act the child does to others to the end of its part (_not_the_child_first; `not_the_child.doers`):
        one of `acts`, not passive (just after one of `passive`, or a participle just after one of `passive_be`), followed
        within `reach` words by one of `others` (or the subject reading's `other_child`) before "by", "from" or this
        child as its object."""
        nc = self.not_child
        assert nc is not None
        others = nc.others | self.subject.other_child
        at: set[int] = set()
        for start, end, _ in self._parts(words):
            for i in range(start, end):
                w = words[i]
                if w not in nc.acts:
                    continue
                before = words[i - 1] if i > 0 else ""
                if before in nc.passive or (before in nc.passive_be and (w.endswith("ed") or w == "sent")):
                    continue
                doer = False
                for k in range(i + 1, min(end, i + 1 + nc.reach)):
                    v = words[k]
                    if v in ("by", "from") or v in ("him", "me", "us", "them") or (v == "her" and not (k + 1 < end and words[k + 1] in others)):
                        break
                    if v in others:
                        doer = True
                        break
                if doer:
                    at |= set(range(i, end))
                    break
        return at

    def _rest_below(
        self,
        at: set[int],
        rows: Callable[[int], bool],
        words: list[str],
        ranked: list[int],
        final: dict[int, float],
        matched: dict[int, set[str]],
        hidden: set[int],
        lead: Optional[int] = None,
        unmatched: bool = False,
    ) -> bool:
        """Where the first result is one of `rows` and rests only on the words at `at` (_not_now_first), the first
        three are reordered, or `lead` (or the first result that does not rest on them) leads. `unmatched`: a row of
        `rows` the words did not match (the model's alone) rests on them too. Whether it moved."""
        if not at or not ranked:
            return False
        gone = {words[i] for i in at} - {w for i, w in enumerate(words) if i not in at}
        # a person named is no concern said ("boyfriend used to hit her mum": "boyfriend" matched the violence rows), nor
        # whom it is about (`denial.topics`: "the family were living in a hostel a year ago")
        empty = DENYING | CLAUSE_WORDS | JOINING | self.subject.opens | self.subject.parents | self.subject.ends | CHILD_ROLES | self.topics

        def rests(n: int) -> bool:  # matched, and by no word (or phrase) of concern said elsewhere
            labels = [ws for ws in (set(label.split()) - empty for label in matched.get(n, ())) if ws]
            if not matched.get(n):
                return unmatched and rows(n)
            return all(not ws.isdisjoint(gone) for ws in labels)

        front = ranked[:KEPT_PLACES]
        demoted = [n for n in front if rows(n) and rests(n)]
        if not demoted:
            return False
        height = self._height(demoted[0])

        def may_lead(n: int) -> bool:  # resting on a word said, or the model's alone and never higher
            return not rests(n) and n not in hidden and (bool(matched.get(n)) or self._height(n) <= height)

        promoted = [n for n in front if n not in demoted and may_lead(n)]
        if lead in ranked or (ranked[0] in demoted and not promoted):
            lead = lead if lead in ranked else next((n for n in ranked if may_lead(n)), None)
            if lead is None:  # ...else the best row of the lowest level found, where it is lower than the first (as a denial's)
                lowest = min((n for n in ranked if n not in hidden), key=self._height, default=ranked[0])
                lead = lowest if self._height(lowest) < self._height(ranked[0]) else None
            if lead is None:
                return False  # nothing lower was found: nothing moves
            self._lead_with(lead, ranked, final)
            return True
        # the others after, in their order, those resting on them last, the lowest level first (as a denial's, search16)
        order = promoted + [n for n in front if n not in promoted and n not in demoted] + sorted(demoted, key=self._height)
        if order == front:
            return False
        scores = sorted((final[n] for n in front), reverse=True)
        for n, score in zip(order, scores):
            final[n] = score
        ranked[: len(front)] = order
        return True

    def _ended_at(self, words: list[str]) -> set[int]:
        """The places of the words the call puts in the past or says have ended (_not_now_first; `not_now.ended`):
        after one of `opens` ("used to", "no longer") to the end of its clause, ENDED_REACH words at most; the
        whole clause of one of `marks` ("two years ago", "clean for", "before the baby was born"); and the clause of
        one of `when` followed by an age or one of `young` ("when he was 4", "when she was little"), with the
        clause before it. None where one of `present` is said ("again", "still", "relapsed")."""
        nn = self.not_now
        if nn is None or any(_phrase_at(p, words) for p in nn.present):
            return set()
        bounds = CLAUSE_WORDS | JOINING | nn.bounds

        def clause(i: int) -> range:
            start = next((k + 1 for k in range(i - 1, -1, -1) if words[k] in bounds), 0)
            end = next((k for k in range(i + 1, len(words)) if words[k] in bounds), len(words))
            return range(start, end)

        out: set[int] = set()
        for phrase in nn.opens:
            for i in _phrase_at(phrase, words):
                end = clause(i).stop
                out.update(range(i, min(end, i + len(phrase) + ENDED_REACH)))
        for phrase in nn.marks:  # its clause, ENDED_REACH + 2 words either side at most (a call is often one long clause)
            for i in _phrase_at(phrase, words):
                out.update(k for k in clause(i) if i - ENDED_REACH - 2 <= k < i + len(phrase) + ENDED_REACH + 2)
        for phrase in nn.when:
            for i in _phrase_at(phrase, words):
                after = [w for w in words[i + len(phrase) : i + len(phrase) + 2] if w not in ("a", "an")]
                if after and (after[0] in nn.young or after[0].isdigit()):
                    out.update(clause(i + len(phrase) - 1) if len(phrase) > 1 else ())
                    out.update(range(i, clause(i + 1).stop))
                    if i > 0:
                        out.update(clause(i - 1))
        return out

    def _ended_by_first(self, words: list[str], ranked: list[int], final: dict[int, float], matched: dict[int, set[str]], hidden: set[int]) -> None:
        """Review 18 N4, N5, N7 (fix18b; the synonyms file's `not_now.ended_by`, `not_now.disproved` and `locked_in`,
        this tool's readings, declared there), read after _not_now_first's three, as they are (_rest_below):
        - a verb of ending (N4, _ended_by_at): any row above Universal resting only on the words it ends does not lead,
          except `ended.kept` and the history rows (as an ending's); a clause placing the concern before a change
          ("after being homeless" after "rehoused") moves no immediate criterion (it is read less surely);
        - a finding that disproves a concern (N5, _disproved_at): "ruled out fabricated illness", "tested negative for
          drugs": read as a denial of the rows resting only on its words, `ended.kept` and history rows never moved;
        - a young child locked in a home (N7, _locked_in_first).
        Neither of the first two moves `ended_by.kept` (p9's "has suffered" significant harm), nor ever makes a higher
        first result than before; where the one now first is the model's alone and no lower, the first lower leads."""
        nn, ends = self.not_now, self.ends
        if nn is None or ends is None or not ranked:
            return
        said, changed = self._ended_by_at(words)
        if said:  # one ending with N1's (_ended_at): "ended when they separated three years ago"
            said |= self._ended_at(words)
        kept = nn.kept | ends.kept

        # never a higher first result than before; and where the one now first is the model's alone and no lower
        # (a wrong fact: "dad tested negative for cocaine" led with p9's disclosure), the first lower result leads
        def no_higher(at: set[int], rows: Callable[[int], bool]) -> None:
            self._rest_no_higher(at, rows, words, ranked, final, matched, hidden)

        no_higher(said, lambda n: self._concern(n) and n not in kept)
        no_higher(changed, lambda n: self._concern(n) and n not in kept and not self.entries[n].indicator.immediate)
        no_higher(self._disproved_at(words), lambda n: self._concern(n) and n not in kept)
        self._locked_in_first(words, ranked, final, matched, hidden)

    def _ended_by_at(self, words: list[str]) -> tuple[set[int], set[int]]:
        """The places of the words a verb of ending says are over (`not_now.ended_by`), and those a clause places before
        a change: (1) one of `verbs` ("ended", "stopped", "finished") ends the words before it in its clause
        (ENDED_REACH + 2 at most), where the call ends there or the next word is one of `follows` ("last year", "when",
        "after", "in march") or a clause word: "stopped eating", "stopped him", "finished school" are not endings; (2) one
        of `out_of` ("released from", "came out of") ends the words after it in its clause (ENDED_REACH at most); (3) one
        of `frames` ("after being", "after having been") ends the words after it (ENDED_REACH) where one of `changes`
        ("rehoused", "separated", "moved") was said before it in the call. None where `ended.present` is said
        ("again", "still", "relapsed", "started"), as an ending's (_ended_at)."""
        nn, ends = self.not_now, self.ends
        if nn is None or ends is None or any(_phrase_at(p, words) for p in nn.present):
            return set(), set()
        bounds = CLAUSE_WORDS | JOINING | nn.bounds

        def start_of(i: int) -> int:
            return next((k + 1 for k in range(i - 1, -1, -1) if words[k] in bounds), 0)

        def end_of(i: int) -> int:
            return next((k for k in range(i + 1, len(words)) if words[k] in bounds), len(words))

        said: set[int] = set()
        for phrase in ends.verbs:
            for i in _phrase_at(phrase, words):
                after = i + len(phrase)
                if _negated_before(words, i):  # "has not stopped", "never ended": a concern now
                    continue
                if after < len(words) and not (words[after] in ends.follows or words[after] in bounds or words[after].isdigit()):
                    continue
                said.update(range(max(start_of(i), i - ENDED_REACH - 2), after))
                if after < len(words):  # ...and when: "ended last year", "stopped after she moved schools"
                    stop = end_of(after) if words[after] in bounds else end_of(after - 1)
                    said.update(range(after, min(stop, after + ENDED_REACH + 2)))
        for phrase in ends.out_of:
            for i in _phrase_at(phrase, words):
                if _negated_before(words, i):
                    continue
                said.update(range(i, min(end_of(i + len(phrase) - 1), i + len(phrase) + ENDED_REACH)))
        changed: set[int] = set()
        for phrase in ends.frames:
            for i in _phrase_at(phrase, words):
                if any(_phrase_at(c, words[:i]) for c in ends.changes):
                    changed.update(range(i, min(end_of(i + len(phrase) - 1), i + len(phrase) + ENDED_REACH)))
        return said, changed

    def _disproved_at(self, words: list[str]) -> set[int]:
        """The places of the words a finding disproves (`not_now.disproved.findings`: "ruled out", "tested negative",
        "came back clear"): the finding's clause, ENDED_REACH + 2 words either side at most (as an ending's `marks`);
        not where a denial comes within the two words before it ("not ruled out", "cannot be ruled out": a concern)."""
        ends = self.ends
        if ends is None:
            return set()
        bounds = CLAUSE_WORDS | JOINING
        out: set[int] = set()
        for phrase in ends.findings:
            for i in _phrase_at(phrase, words):
                if _negated_before(words, i) or (i > 1 and words[i - 1] == "be" and words[i - 2] in NEGATING):
                    continue
                start = next((k + 1 for k in range(i - 1, -1, -1) if words[k] in bounds), 0)
                end = next((k for k in range(i + len(phrase), len(words)) if words[k] in bounds), len(words))
                out.update(k for k in range(start, end) if i - ENDED_REACH - 2 <= k < i + len(phrase) + ENDED_REACH + 2)
        return out

    def _locked_in_first(self, words: list[str], ranked: list[int], final: dict[int, float], matched: dict[int, set[str]], hidden: set[int]) -> None:
        """Review 18 N7 (`locked_in`, this tool's reading): a child locked in a home ("locked in the flat", "shut in
        her room") while a carer is out or at work is p9's home-alone concern, not trafficking. Where one of `words`
        is followed, within two words, by one of `places`, those words, and the clause a carer opens after a clause
        word ("while mum goes to work"), are read as the home-alone rows' (`leads`): a row of `rows` (trafficking)
        resting only on them gives the first place to the first of `leads` found (an immediate criterion for an
        immediate one: the call rings now either way). Trafficking said in its own words (moved, brought, sold,
        made to work, a cannabis farm) rests on more and keeps its place."""
        ends = self.ends
        if ends is None or not ranked:
            return
        at: set[int] = set()
        for phrase in ends.locked:
            for i in _phrase_at(phrase, words):
                end = i + len(phrase)
                if any(w in ends.places for w in words[end - 1 : end + 2]) and not _negated_before(words, i):
                    at.update(range(i, end + 2))
        if not at:
            return
        for k, w in enumerate(words):  # "while mum goes to work": the carer's own going out
            if w in CLAUSE_WORDS and k + 1 < len(words) and words[k + 1] in self.subject.parents:
                end = next((j for j in range(k + 1, len(words)) if words[j] in CLAUSE_WORDS | JOINING), len(words))
                at.update(range(k, end))
        lead = next((n for n in ends.locked_leads if n in ranked[:KEPT_PLACES]), None)
        if lead is not None:
            self._rest_below(at, ends.locked_rows.__contains__, words, ranked, final, matched, hidden, lead)

    def _overruled_first(self, c: _Call) -> None:
        """Review 19 N2, N3, N6, N7 (fix19b; the synonyms file's `overruled`, this tool's readings, declared there), read
        after _not_now_first's, through the same _rest_below and never making a higher first result than before:
        - "never" + a verb denies the row the verb names, to the end of its clause (N2, _never_at): "she is never left on
          her own" moves p9's home alone; "never fed", "never takes him to the doctor" stay the concern;
        - an ordinary amount of drinking is not p9's "significant substance use issues" (N3, _ordinary_first);
        - a past frame or a "last year, but now" contrast (N6, _past_at): the kept and history rows never move, and the
          contrast moves no immediate criterion nor Protection need;
        - a finding that re-identifies the concern as no concern, or finds an allegation unfounded or false (N7,
          _disproves_at); a withdrawn allegation is not read."""
        words, stems, ranked, final, matched, hidden = c.words, c.stems, c.ranked, c.final, c.matched, c.hidden
        ov = self.overruled
        if ov is None or not ranked:
            return
        nn, ends = self.not_now, self.ends
        kept = (nn.kept if nn is not None else frozenset()) | (ends.kept if ends is not None else frozenset())
        self._rest_no_higher(self._never_at(words, stems), self._concern, words, ranked, final, matched, hidden)
        self._ordinary_first(words, ranked, final)
        past, contrast = self._past_at(words)
        self._rest_no_higher(past, lambda n: self._concern(n) and n not in kept, words, ranked, final, matched, hidden)
        self._rest_no_higher(contrast, lambda n: self._concern(n) and n not in kept and not self._high(n), words, ranked, final, matched, hidden)
        found, alleged = self._disproves_at(words)
        self._rest_no_higher(found, lambda n: self._concern(n) and n not in kept, words, ranked, final, matched, hidden)
        self._rest_no_higher(alleged, lambda n: self._concern(n) and (n not in kept or n in ov.allegation_rows), words, ranked, final, matched, hidden)

    def _rest_no_higher(
        self,
        at: set[int],
        rows: Callable[[int], bool],
        words: list[str],
        ranked: list[int],
        final: dict[int, float],
        matched: dict[int, set[str]],
        hidden: set[int],
    ) -> None:
        """_rest_below, never a higher first result than before; where the one now first is the model's alone and no
        lower, the first lower result leads (fix18b's endings and disproofs, fix19b's overruled readings)."""
        if not at or not ranked:
            return
        before, scores = list(ranked), dict(final)
        if not self._rest_below(at, rows, words, ranked, final, matched, hidden):
            return
        old, new = self._height(before[0]), self._height(ranked[0])
        if new > old or (not matched.get(ranked[0]) and new >= old):
            final.clear()
            ranked[:] = before
            final.update(scores)
            if new <= old:
                lower = next((n for n in ranked if n not in hidden and self._height(n) < old), None)
                if lower is not None:
                    self._lead_with(lower, ranked, final)

    def _never_at(self, words: list[str], stems: list[str]) -> set[int]:
        """The places "never" + a verb denies (`overruled.never`): from "never" through the verb and the rest of its
        clause (NEVER_REACH words after the verb at most), where the verb (the word right after "never" past `bridges`,
        ending "ed"/"en" or one of `verbs`) is a word of a concern row's own text or keywords and neither a row's own
        denial (`concern_denials`: "never fed") nor a strength's word (a care act: "never takes him to the doctor")."""
        ov = self.overruled
        if ov is None:
            return set()
        out: set[int] = set()
        stop = CLAUSE_WORDS | JOINING | DENYING | ov.never_ends
        for j, w in enumerate(words):
            if w not in ov.never:
                continue
            k = j + 1
            while k < len(words) and words[k] in ov.never_bridges:
                k += 1
            if k >= len(words):
                continue
            verb, s = words[k], stems[k]
            if (
                not (verb in ov.never_verbs or verb.endswith(("ed", "en")))
                or s in self.concern_denials
                or any(s in said for said, _ in self.strength_words.values())
            ):
                continue
            if not any(s in self.named[n] for n in range(len(self.entries)) if self._concern(n)):
                continue
            end = next((i for i in range(k + 1, len(words)) if words[i] in stop), len(words))
            out.update(range(j, min(end, k + 1 + NEVER_REACH)))
        return out

    def _ordinary_first(self, words: list[str], ranked: list[int], final: dict[int, float]) -> None:
        """An ordinary amount or time of drinking (`overruled.ordinary`, N3): where the first result is one of `rows`
        (p9's under-1 "significant substance use issues", p17's "Chronic substance misuse"), one of `small` or `seldom` is said with one of `drinks`, and
        none of `significant` nor `drugs`, and no other immediate criterion or Protection need (none of `rows`) is in the first three,
        `leads` (p14's "Substance misuse may impact ...") leads (_lead_with: the p9 row stays in the first three)."""
        ov = self.overruled
        if ov is None or not ranked or ranked[0] not in ov.ordinary_rows or ov.ordinary_leads is None:
            return

        def said(phrases: tuple[tuple[str, ...], ...]) -> bool:
            return any(_phrase_at(p, words) for p in phrases)

        if not said(ov.drinks) or not (said(ov.small) or said(ov.seldom)) or said(ov.significant) or said(ov.drugs):
            return
        if any(self._high(n) for n in ranked[:KEPT_PLACES] if n not in ov.ordinary_rows):
            return  # the call says harm besides: never an amount read as harmless then
        self._lead_with(ov.ordinary_leads, ranked, final)

    def _past_at(self, words: list[str]) -> tuple[set[int], set[int]]:
        """The places a past frame makes past (`overruled.past`, N6): (1) the clause of one of `marks` ("all in the past
        now", "a thing of the past"), ENDED_REACH + 2 words either side; (2) a clause with one of `times` ("last year")
        followed by one of `now` ("but now have a council flat"): the clause before "now". None where
        `not_now.ended.present` or `past.present` is said."""
        ov, nn = self.overruled, self.not_now
        if ov is None or any(_phrase_at(p, words) for p in ov.past_present + (nn.present if nn is not None else ())):
            return set(), set()
        bounds = CLAUSE_WORDS | JOINING

        def clause(i: int) -> range:
            start = next((k + 1 for k in range(i - 1, -1, -1) if words[k] in bounds), 0)
            end = next((k for k in range(i + 1, len(words)) if words[k] in bounds), len(words))
            return range(start, end)

        marks: set[int] = set()
        for phrase in ov.past_marks:
            for i in _phrase_at(phrase, words):
                if _negated_before(words, i):
                    continue
                marks.update(k for k in clause(i) if i - ENDED_REACH - 2 <= k < i + len(phrase) + ENDED_REACH + 2)
        contrast: set[int] = set()
        for phrase in ov.past_now:
            for i in _phrase_at(phrase, words):
                start = next((k + 1 for k in range(i - 1, -1, -1) if words[k] in CLAUSE_WORDS and words[k] != "but"), 0)
                before = words[start:i]
                if any(_phrase_at(t, before) for t in ov.past_times) or any(_year(w) for w in before):
                    contrast.update(range(start, i))
        return marks, contrast

    def _disproves_at(self, words: list[str]) -> tuple[set[int], set[int]]:
        """The places a finding disproves (`overruled.disproves`, N7): (1) one of `reidentify` ("turned out to be")
        whose re-identified thing (its clause's content words up to a "not") names no row above Universal: the clause;
        (2) one of `allegation` in one clause with one of `findings` ("unfounded", "false") not denied: the clause."""
        ov = self.overruled
        if ov is None:
            return set(), set()
        bounds = CLAUSE_WORDS | JOINING

        def clause(i: int) -> range:
            start = next((k + 1 for k in range(i - 1, -1, -1) if words[k] in bounds), 0)
            end = next((k for k in range(i + 1, len(words)) if words[k] in bounds), len(words))
            return range(start, end)

        concern_words = {s for n in range(len(self.entries)) if self._concern(n) for s in self.named[n]}
        found: set[int] = set()
        for phrase in ov.reidentify:
            for i in _phrase_at(phrase, words):
                if _negated_before(words, i):
                    continue
                span = clause(i)
                after = i + len(phrase)
                thing = list(range(after, next((k for k in range(after, span.stop) if words[k] in NEGATING), span.stop)))
                if not thing or any(not _stop(words[k], stem(words[k])) and stem(words[k]) in concern_words for k in thing):
                    continue
                found.update(span)
        alleged: set[int] = set()
        for phrase in ov.findings:
            for i in _phrase_at(phrase, words):
                if _negated_before(words, i) and phrase[0] not in NEGATING:
                    continue
                span = clause(i)
                if any(words[k] in ov.allegation for k in span):
                    alleged.update(span)
        return found, alleged

    def _victim_at(self, words: list[str]) -> tuple[set[int], Optional[int]]:
        """The places of a carer's own victimisation (_not_now_first; `not_now.victim`), and the row that leads
        where a relative is named as the abuser (`abuser_leads`), if any."""
        nn = self.not_now
        subject = self.subject
        out: set[int] = set()
        abuser = None
        if nn is None or subject.parents.isdisjoint(words):
            return out, abuser
        of_parent = _said_of_parent(words, subject.parents, subject.opens, subject.ends, subject.clauses)
        bounds = CLAUSE_WORDS | JOINING
        for i, w in enumerate(words):
            if w not in nn.victim_words and w not in nn.victim_nouns:
                continue
            k = i - 1
            while k >= 0 and words[k] in nn.victim_between:
                k -= 1
            if w in nn.victim_words:  # "was (sexually) abused"
                opened: Optional[int] = k if k >= 0 and words[k] in nn.victim_passive else None
            else:  # "a survivor of (childhood) abuse"
                opened = next((k + 1 - len(p) for p in nn.victim_suffered if k + 1 - len(p) >= 0 and tuple(words[k + 1 - len(p) : k + 1]) == p), None)
            if opened is None:
                continue
            start = opened
            end = next((m for m in range(i + 1, len(words)) if words[m] in bounds), len(words))
            end = min(end, i + 1 + VICTIM_REACH)
            childhood = any(_phrase_at(p, words[i + 1 :]) for p in nn.childhood)
            carer = of_parent[i] or (childhood and start > 0 and self._stands_for_a_carer(words, start - 1))
            if not carer:
                continue
            span = set(range(start, end))
            if childhood:  # "when she was a teenager": the marker's own words are the carer's past too
                for p in nn.childhood:
                    for m in _phrase_at(p, words[i + 1 :]):
                        span.update(range(i + 1 + m, i + 1 + m + len(p)))
            out |= span
            after = words[i + 1 : end]
            if "by" in after:
                named = after[after.index("by") + 1 :][:3]
                if any(v in subject.parents for v in named):
                    abuser = nn.abuser_leads
        return out, abuser

    def _stands_for_a_carer(self, words: list[str], k: int) -> bool:
        """Whether the pronoun at k ("she", "he", "they") may stand for a carer named before it in the call."""
        clauses = self.subject.clauses
        if clauses is None or words[k] not in ("she", "he", "they"):
            return False
        return any(clauses.stands_for(words[k], c) for c in words[:k] if c in self.subject.parents)

    def _placed_others(self, words: list[str]) -> dict[int, int]:
        """Where a child named by place opens a clause, and how many words name them (search17s, review 17 N3;
        `not_now.placed`, this tool's reading): a child's word after one of `determiners` (not "his", "her", "my":
        those are this child's or the caller's own) followed by one of `preps` then, within two words, one of
        `relations` ("a girl in the same foster home", "a lad from his football team"); and any child's word after
        one of `always` ("another child", "other kids"). The naming words run to the first of `verbs` ("is", "has",
        "was") or a clause word. Not "the boy next door" (declared in the file: a neighbour's call is about him)."""
        nn = self.not_now
        out: dict[int, int] = {}
        if nn is None or nn.children.isdisjoint(words):
            return out
        for j, w in enumerate(words):
            if w not in nn.children:
                continue
            before = j - 1
            while before >= 0 and words[before] in self.subject.before_other:
                before -= 1
            det = words[before] if before >= 0 else None
            if det in nn.always:
                out[before] = max(out.get(before, 0), j + 1 - before)
            elif det in nn.determiners and j + 1 < len(words) and words[j + 1] in nn.preps and any(v in nn.relations for v in words[j + 2 : j + 4]):
                end = next((m for m in range(j + 2, len(words)) if words[m] in nn.verbs or words[m] in CLAUSE_WORDS), len(words))
                out[before] = max(out.get(before, 0), end - before)
        return out

    def _harm_to_child_first(self, c: _Call) -> None:
        """Harm a carer does to the child (review 19 N1, safety; fix19a; the synonyms file's `harm_to_child`, this tool's
        reading, declared there): where the first result is one of `between` (violence between adults: "Suspected
        domestic violence") and the call says one of `acts` done by a carer to the child (_harm_to_child_at: "dad might
        be hitting the boy", "i think her stepdad may be hitting her"), the first of `leads` the age admits (p9's
        "has suffered significant harm including physical") leads, offered where the words did not find it; the others
        one place lower, an immediate criterion in the first three kept there (_lead_with). Never one `hidden`."""
        words, ranked, final, matched, hidden, admits = c.words, c.ranked, c.final, c.matched, c.hidden, c.admits
        hc = self.harm_to_child
        if hc is None or not ranked or ranked[0] not in hc.between:
            return
        act = self._harm_to_child_at(words)
        if act is None:
            return
        lead = next((n for n in hc.leads if n not in hidden and admits(n)), None)
        if lead is None:
            return
        if lead not in ranked:
            final[lead] = round(final[ranked[-1]], 6) - 1e-6
            ranked.append(lead)
        matched.setdefault(lead, set()).add(words[act])
        self._lead_with(lead, ranked, final)

    def _harm_to_child_at(self, words: list[str]) -> Optional[int]:
        """The place of an act of harm a carer does to the child (_harm_to_child_first), or None: one of `acts`, not
        denied nor put in the past or ended (_denied_positions, _ended_at, _ended_by_at), with a carer (the subject
        reading's `parent`) at most `doer_reach` words before it in its clause, and within `reach` words after it, before
        a clause word, "and", "or", a preposition or a carer (the adults' violence: "hitting mum"), the child: a word
        naming a child or an age, or, where the one who acts is none of `partners` ("her partner is hitting her": the
        partner's partner), "him", "them", or "her" as a pronoun (not before a carer, a child, another child or their
        describing word) where no female carer but the one who acts is named before it and none of `witnessed` is
        said ("mum says dad hits her", "dad hits her in front of the kids" are about mum)."""
        hc = self.harm_to_child
        assert hc is not None
        carers = self.subject.parents
        female, named, possessed = self._female_carers, self._child_words, self._possessors
        out = self._not_now_at(words)
        witnessed = any(_phrase_at(p, words) for p in hc.witnessed)
        stops = CLAUSE_WORDS | JOINING | HARM_STOPS
        for i, w in enumerate(words):
            if w not in hc.acts or i in out:
                continue
            doer = next((k for k in range(i - 1, max(-1, i - 1 - hc.doer_reach), -1) if words[k] in carers or words[k] in CLAUSE_WORDS), None)
            if doer is None or words[doer] not in carers:
                continue
            for k in range(i + 1, min(len(words), i + 1 + hc.reach)):
                v = words[k]
                nxt = words[k + 1] if k + 1 < len(words) else ""
                if v in stops or v in carers:
                    break
                if v in named or _AGE_SAID.fullmatch(v) or (v.isdigit() and nxt in AGE_UNITS):
                    return i
                if v in HARMED_PRONOUNS and words[doer] not in hc.partners:
                    return i
                if v == "her" and nxt not in possessed:
                    if not witnessed and words[doer] not in hc.partners and not any(words[j] in female for j in range(k) if j != doer):
                        return i
                    break
        return None

    def _offender_first(self, c: _Call) -> None:
        """The child as the offender (review 19 N8; fix19a; the synonyms file's `offender`, this tool's reading, declared
        there): where the first result is one of a kind's `not_first` ("Victim of crime") and the call says one of the
        kind's `acts` done by the child (_offender_at: "he robbed another boy of his phone"), the best placed of the
        kind's `leads` found leads, else the first of them the age admits (offered); the others one place lower, an
        immediate criterion in the first three kept there (_lead_with). Never one `hidden`."""
        words, ranked, final, hidden, admits = c.words, c.ranked, c.final, c.hidden, c.admits
        of = self.offender
        if of is None or not ranked:
            return
        for kind in of.kinds:
            if ranked[0] not in kind.not_first or self._offender_at(words, kind.acts) is None:
                continue
            lead = next((n for n in ranked if n in kind.leads and n not in hidden), None)
            if lead is None:
                lead = next((n for n in kind.leads if n not in hidden and admits(n)), None)
                if lead is None:
                    return
                final[lead] = round(final[ranked[-1]], 6) - 1e-6
                ranked.append(lead)
            self._lead_with(lead, ranked, final)
            return

    def _offender_at(self, words: list[str], acts: frozenset[str]) -> Optional[int]:
        """The place of one of `acts` the child does (_offender_first), or None: not just after one of `passive`, its
        subject just before it past `between` words one of `subjects`, or a word naming a child or an age ("14 year old")
        with an object just after the act (a determiner or one of `object_starts`: "12yo mugged on the way home" is
        the victim, "was" dropped), and no child its object within `reach` words after it ("him", "me", "us", "her" not before a noun, or "my" or
        "our" before a child's word), not denied."""
        of = self.offender
        assert of is not None
        named = self._child_words
        denied = set(_denied_positions(words))
        for i, w in enumerate(words):
            if w not in acts or i in denied:
                continue
            k = i - 1
            while k >= 0 and words[k] in of.between:
                k -= 1
            if k < 0 or words[k] in of.passive:
                continue
            subject = words[k]
            if not (subject in of.subjects or subject in named or _AGE_SAID.fullmatch(subject) or (subject == "old" and k > 0 and words[k - 1] in AGE_UNITS)):
                continue
            if subject not in of.subjects and not (i + 1 < len(words) and (words[i + 1] in DETERMINERS or words[i + 1] in of.object_starts)):
                continue  # "13 yr old mugged and stabbed", "12yo mugged on the way home": "was" dropped, the victim
            after = words[i + 1 : i + 1 + of.reach]
            victim = any(
                v in OFFENDED_PRONOUNS
                or (v == "her" and (j + 1 == len(after) or after[j + 1] not in named))
                or (v in ("my", "our") and j + 1 < len(after) and after[j + 1] in named)
                for j, v in enumerate(after)
            )
            if not victim:
                return i
        return None

    def _carer_threat_first(self, c: _Call) -> None:
        """A carer's own threat of suicide or self harm (review 19 N5; fix19d; the synonyms file's `carer_threat`, this
        tool's reading, declared there): where _carer_threat_at finds one, the carers' rows (`offers`, the one found
        higher first, offered where the words did not find them) come first, after any immediate criterion in the
        first three and above them that is stated by a word outside the threat (_threat_stated), and any row there
        but the child's so stated; another immediate criterion in the first three stays among them, below them. Said of the carer for certain, the
        child's own rows (`child`) leave the first three (_out_of_sight); said after a reporting verb with no child
        named apart, the best of `offers` alone comes first and the child's rows in the first three stay there."""
        words, stems, ranked, final, matched, admits = c.words, c.stems, c.ranked, c.final, c.matched, c.admits
        ct = self.carer_threat
        if ct is None or not ranked:
            return
        found = self._carer_threat_at(words, stems)
        if found is None:
            return
        span, certain = found
        carers = sorted((n for n in ct.offers if admits(n)), key=lambda n: (ranked.index(n) if n in ranked else len(ranked), ct.offers.index(n)))
        if not carers:
            return
        top = ranked[:KEPT_PLACES]
        immediate = [n for n in top if self.entries[n].indicator.immediate]
        first_carer = min((top.index(n) for n in carers if n in top), default=KEPT_PLACES)
        # a row (not the child's own) stated and above the carers' rows already stays above them, never moved up ("the
        # grandma he lives with": p9 on "lives"); "mum injects heroin and says ...": p17's chronic substance misuse
        stated = [
            n for n in top if n not in ct.child and n not in carers and top.index(n) < first_carer and self._threat_stated(matched.get(n, set()), words, span)
        ]
        unstated = [n for n in immediate if n not in stated]
        room = KEPT_PLACES - len(stated) - len(unstated)
        if room < 1:
            return  # the first three are stated rows or immediate criteria: nothing moves (safety first)
        # said for certain both carers' rows where there is room; else the best, and the child's rows kept in sight
        carers = carers[:room] if certain else carers[:1]
        front = stated + carers + unstated + ([] if certain else [n for n in top if n in ct.child])
        highest = max(final[n] for n in ranked)
        for n in carers:
            if n not in ranked:
                final[n] = 0.0
                ranked.append(n)
        rest = [n for n in ranked if n not in front]
        for k, n in enumerate(front):
            final[n] = round(highest + (len(front) - k) * 1e-5, 6)
        ranked[:] = front + rest
        if certain:
            self._out_of_sight(set(ct.child), ranked, final)

    def _threat_stated(self, labels: set[str], words: list[str], span: set[int]) -> bool:
        """Whether a row's matched words say something beyond a carer's threat (_carer_threat_first): a content word
        that is not the threat's own, a reporting or threat word, a person's word or a pronoun."""
        ct = self.carer_threat
        assert ct is not None
        clauses = self.subject.clauses
        people = self.subject.parents | self.subject.opens | CHILD_ROLES | self.subject.objects | self.subject.reflexives | ct.threats
        people |= (clauses.named | clauses.says | clauses.through) if clauses is not None else frozenset()
        own = {words[i] for i in span}
        return any(w not in own and w not in people and not _stop(w, stem(w)) for label in labels for w in label.split())

    def _carer_threat_at(self, words: list[str], stems: list[str]) -> Optional[tuple[set[int], bool]]:
        """A carer's threat of suicide or self harm (_carer_threat_first): the places of its acts, and whether it is
        the carer's for certain; None where the call says none, says it of the child too, or takes a child with it."""
        ct = self.carer_threat
        assert ct is not None
        subject = self.subject
        clauses = subject.clauses
        if clauses is None or subject.parents.isdisjoint(words):
            return None
        denied = set(_denied_positions(words))
        acts = [(i, len(a)) for a in ct.acts for i in _phrase_at(a, words) if i not in denied]
        if not acts:
            return None
        of_parent = _said_of_parent(words, subject.parents, subject.opens, subject.ends, clauses)
        apart = not clauses.named.isdisjoint(words)
        span: set[int] = set()
        certain = True
        for i, size in acts:
            if of_parent[i]:
                span |= set(range(i, i + size))
                continue
            reported = self._reported_threat(words, i, size, of_parent)
            if reported is None:
                return None  # the act said of someone else: the child's (search14), or another's
            span |= set(range(reported, i + size))
            certain = certain and apart
        self_harm = subject.conditions[0][0] if subject.conditions else frozenset()
        if any(s in self_harm and i not in span and not of_parent[i] for i, s in enumerate(stems)):
            return None  # the act said of the child too
        child = CHILD_ROLES | clauses.named | subject.objects
        for i, size in acts:
            for k in range(i + size, len(words)):  # the rest of the act's clause
                if words[k] in CLAUSE_WORDS:
                    break
                if words[k] in child:
                    return None  # a threat that takes a child with it: p9's, the search's order
        return span, certain

    def _reported_threat(self, words: list[str], i: int, size: int, of_parent: list[bool]) -> Optional[int]:
        """Where a reported threat opens (_carer_threat_at): the pronoun after a carer's reporting verb ("dad keeps
        saying he is going to end it all", "told the school she will ...") that can stand for that carer, with one of
        `threats` after it, up to the end
        of the act at i (of `size` words: "wants to die"), and at most `reach` words between; None where not so said."""
        ct = self.carer_threat
        clauses = self.subject.clauses
        assert ct is not None and clauses is not None
        for p in range(i - 1, max(-1, i - 2 - ct.reach), -1):
            if words[p] in CLAUSE_WORDS:
                return None
            if words[p] not in clauses.pronouns:
                continue
            if not any(words[m] in ct.threats for m in range(p + 1, i + size)):  # "going to", "wants to die"
                return None
            v = p - 1
            while v >= 0 and words[v] in clauses.through:
                v -= 1
            if v >= 2 and words[v - 1] in DETERMINERS and words[v - 2] in clauses.says:  # "told the school she ..."
                v -= 2
            if v < 1 or words[v] not in clauses.says or not of_parent[v - 1]:  # the reporting verb's clause is a carer's
                return None
            carer = next((words[k] for k in range(v - 1, -1, -1) if words[k] in self.subject.parents), None)
            return p if carer is not None and clauses.stands_for(words[p], carer) else None
        return None

    def _pregnant_young_first(self, c: _Call) -> None:
        """A child under `under` years who is pregnant (review 19 N11; fix19d; the synonyms file's `pregnant_young`, this
        tool's reading, declared there): where one of `words` is said of the child (no carer's or other child's clause,
        not denied) and the age given, or else said ("she is 12 and pregnant", "12yo"), is under `under`, `leads` ("Sexual
        activity under 13", p17) goes just above the first of `rows` ("Pregnant under 16", "Pregnant under 17") where it
        was below it or not found; never above a row that was above that one (so never above a p9 row), and an
        immediate criterion in the first three stays there."""
        words, ranked, final, matched, age = c.words, c.ranked, c.final, c.matched, c.age_in_months
        py = self.pregnant_young
        if py is None or not ranked:
            return
        at = next((k for k, n in enumerate(ranked) if n in py.rows), None)
        if at is None or (py.leads in ranked and ranked.index(py.leads) < at):
            return
        years = age / 12 if age is not None else self._age_said(words)
        if years is None or years >= py.under or not self._admits(py.leads, False, age):
            return
        of_parent = _said_of_parent(words, self.subject.parents, self.subject.opens, self.subject.ends, self.subject.clauses)
        of_other = self._said_of_other(words)
        denied = set(_denied_positions(words))
        if not any(w in py.words and not of_parent[i] and not of_other[i] and i not in denied for i, w in enumerate(words)):
            return
        kept = [m for m in ranked[:KEPT_PLACES] if self.entries[m].indicator.immediate]
        if py.leads in ranked:
            ranked.remove(py.leads)
        above = final[ranked[at - 1]] if at > 0 else final[ranked[at]] + 2e-5
        final[py.leads] = round((above + final[ranked[at]]) / 2, 7) if at > 0 else round(above, 6)
        ranked.insert(at, py.leads)
        matched.setdefault(py.leads, set()).update(w for w in words if w in py.words)
        for m in kept:  # an immediate criterion the move put out of the first three goes back, the last other one below it
            k = ranked.index(m)
            if k < KEPT_PLACES:
                continue
            yielding = [i for i in range(KEPT_PLACES) if not self.entries[ranked[i]].indicator.immediate and ranked[i] != py.leads]
            if yielding:
                y = ranked.pop(yielding[-1])
                final[y] = round(final[m], 7) - 1e-7
                ranked.insert(k, y)

    def _concern_unsaid_below(self, c: _Call) -> None:
        """Without inflation (fix20c; this tool's reading, declared in the synonyms file's `concern_to_lead`): a row there
        is a need only where the concern its own words name exists (p15-16: "Pregnant care-leavers where concerns exist
        about lifestyle and ability to provide suitable care"), so it does not lead, preselected, a call that says none of
        its concern words (read as a `core` is, _says_core: generous, a typo, the words table, a word being typed, a phrase
        in order; said of oneself counts). Since fix19d the unborn answer stands for its pregnancy word, and "mum is 19 and
        left care last year" (unborn) led with the Extensive row. Where such a row is first and its concern unsaid, the
        first result after it in the first KEPT_PLACES that is neither an immediate criterion nor a Protection need (so no
        p9 row or Protection need gains the lead by this move), nor a row leaving the first three at the end
        (`leaving`, _out_of_sight), nor another such row, takes first place, and the row takes that result's place: still
        offered among the first three, no longer preselected; every other row keeps its place, so every p9 row keeps its
        own. Where there is no such result, nothing moves ("mum is pregnant and happy about the new baby", unborn: the
        results after it are p9's and Protection's; a plain call leads with no p9 row, search11)."""
        words, stems, typing, ranked, final, leaving = c.words, c.stems, c.typing, c.ranked, c.final, c.withheld
        if not ranked or ranked[0] not in self.concern_to_lead:
            return

        def unsaid(n: int) -> bool:
            return n in self.concern_to_lead and not self._says_core(self.concern_to_lead[n], words, stems, typing, of_oneself=True)

        if not unsaid(ranked[0]):
            return
        k = next((k for k in range(1, min(KEPT_PLACES, len(ranked))) if not self._high(ranked[k]) and ranked[k] not in leaving and not unsaid(ranked[k])), None)
        if k is None:
            return
        row, lead = ranked[0], ranked[k]
        final[row], final[lead] = final[lead], final[row] + 1e-5
        ranked[0], ranked[k] = lead, row

    def _care_left(self, words: list[str]) -> list[str]:
        """The call's words with each phrase of the synonyms file's `care_left` said in full ("left care", "came out of
        care") read as its `read_as` ("care leaver"; fix20u, this tool's reading): a mother who left care is a care
        leaver (p13-14's "Parent previously looked after by Local Authority", p15-16's "Pregnant care-leavers ..."),
        neither p9's child "left 'home alone'" nor "Loss of significant adult" ("dad left"), which "left" alone found
        ("mum is 19 and left care last year" led with the loss, p9's home alone second). "left" said otherwise ("left
        on his own", "left home alone") is read as before."""
        if self.care_left is None:
            return words
        phrases, read_as, _ = self.care_left
        out: list[str] = []
        i = 0
        while i < len(words):
            said = next((p for p in phrases if tuple(words[i : i + len(p)]) == p), None)
            if said is None:
                out.append(words[i])
                i += 1
            else:
                out.extend(read_as)
                i += len(said)
        return out

    def _care_leaver_first(self, c: _Call) -> None:
        """A care leaver with no concern said meets p13-14's "Parent previously looked after by Local Authority" (fix20u;
        the synonyms file's `care_left.row`, this tool's reading, as fix20c's oracle says). Where the call says
        `care_left.read_as` ("care leaver", or a phrase read as it: "mum left care and is expecting her first baby") and
        the first result is a row of `concern_to_lead` whose concern is unsaid (p15-16's "Pregnant care-leavers where
        concerns exist about lifestyle ...", _concern_unsaid_below) while the row is not among the first KEPT_PLACES
        (where it is, _concern_unsaid_below puts it first), the row takes first place and every other result keeps
        its order one place lower, an immediate criterion in the first KEPT_PLACES staying there (_lead_with). Said
        with its concern ("left care last year and can't cope") the row does not move; and where `row` is first and a
        row of `concern_to_lead` after it among the first KEPT_PLACES has its concern said ("mum is a care leaver and
        has no home", unborn), the two swap places: the Extensive need the call states leads (never under-call), no
        other result moves, so no p9 row loses or gains a place."""
        words, stems, typing, ranked, final, admits = c.words, c.stems, c.typing, c.ranked, c.final, c.admits
        if self.care_left is None or not ranked:
            return
        _, said, row = self.care_left
        if not any(tuple(words[i : i + len(said)]) == tuple(said) for i in range(len(words))):
            return
        if ranked[0] == row:  # ...and said with its concern, the row whose concern it is leads (its place swapped with row's)
            k = next((k for k in range(1, min(KEPT_PLACES, len(ranked))) if ranked[k] in self.concern_to_lead), None)
            if k is not None and self._says_core(self.concern_to_lead[ranked[k]], words, stems, typing, of_oneself=True):
                final[row], final[ranked[k]] = final[ranked[k]], final[row] + 1e-5
                ranked[0], ranked[k] = ranked[k], row
            return
        if ranked[0] not in self.concern_to_lead or row in ranked[:KEPT_PLACES] or not admits(row):
            return
        if self._says_core(self.concern_to_lead[ranked[0]], words, stems, typing, of_oneself=True):
            return
        final.setdefault(row, 0.0)
        self._lead_with(row, ranked, final)

    def _unborn_calm(self, words: list[str], stems: list[str]) -> bool:
        """Whether an unborn baby's call says only an ordinary pregnancy (fix20u; the synonyms file's `unborn_calm`,
        this tool's reading): every word a stopword, a plain word (`plain`) or one of its `words`; a number, a denial
        ("not", "no", "never"...), a worry word ("worried", "scared") or a `severity: more` phrase ("always", "every
        day") makes it a call that may say a concern, and so does any other word."""
        if self.unborn_calm is None:
            return False
        calm = self.unborn_calm[0]
        said = [s for w, s in zip(words, stems) if s in WORRY or w.isdigit() or w in NEGATING or not _stop(w, s)]
        return bool(said) and all(s in self.plain_words or s in calm for s in said) and not self._says_more(stems)

    def _unborn_calm_first(self, c: _Call) -> None:
        """Without inflation for an unborn baby (fix20u; the synonyms file's `unborn_calm`, this tool's reading): a call
        that says only an ordinary pregnancy ("mum is pregnant and happy about the new baby", _unborn_calm) preselects
        no row the document keeps for a concern on the unborn answer alone. p9's "serious concerns regarding the risk
        of significant harm to an unborn baby", Protection's "Pregnancy where there have been previous child
        protection concerns", p15-16's "Pregnant care-leavers where concerns exist ..." and p13-14's "Poor maternal
        health - not accessing ante or post natal health care" each name a concern such a call does not say. A
        Universal row first stays first; else the first Universal row among the first KEPT_PLACES, else the file's
        `leads` ("Family accessing universal services", p11-12: the midwife is a universal service, Appendix 2
        p25-36), takes first place and every other result keeps its order one place lower, an immediate criterion or
        a Protection need in the first KEPT_PLACES staying there (_lead_with; safety first, the adviser still sees
        p9's unborn row, and search11 keeps what a plain call moves in sight): a row below Protection gives way. Called
        for an unborn baby only; for a born child search11's and search12's plain and harmless readings stand."""
        words, stems, ranked, final = c.words, c.stems, c.ranked, c.final
        if not ranked or self.unborn_calm is None or not self._unborn_calm(words, stems):
            return
        if self.entries[ranked[0]].indicator.level is Level.UNIVERSAL:
            return
        lead = next((n for n in ranked[:KEPT_PLACES] if self.entries[n].indicator.level is Level.UNIVERSAL), self.unborn_calm[1])
        kept = [m for m in ranked[:KEPT_PLACES] if self._high(m)]
        self._lead_with(lead, ranked, final)
        for m in kept:  # a Protection need in sight stays in sight too (search11: what a plain call moves is still offered)
            k = ranked.index(m)
            yielding = [i for i in range(1, KEPT_PLACES) if not self._high(ranked[i])]
            if k >= KEPT_PLACES and yielding:
                y = ranked.pop(yielding[-1])
                final[y] = round(final[m], 6) - 1e-6
                ranked.insert(k, y)

    _WELL_FILLER = frozenset(
        "is are was seems seem looks look doing really very quite perfectly absolutely totally completely just".split()
        + "he she they herself himself twin twins one all".split()
    )

    _OTHER_ONE = re.compile(r"^\s*(?:the\s+)?other(?:\s+(?:twin|one|child|kid))?\b", re.IGNORECASE)  # "the other twin": the child assessed

    def _other_child_well(self, query: str) -> Optional[str]:
        """Two children in one call (fix20d, review 20 N5; the synonyms file's `said_plainly.other_child_well`, this
        tool's reading, declared there): the call less each clause (ended by , . ; or "but") that opens with one of
        `others` and says only that that child is well ("one twin is fine", "the older one is fine"), or None where
        there is no such clause or nothing else is said. The child the concern is said of is the child assessed: a clause
        after it that opens "the other (twin/one)" is read as "the child" ("twin" alone pulled a developmental row)."""
        sp = self.said_plainly
        if sp is None or not any(w in query.lower() for w in ("fine", "ok", "okay", "alright", "all right", "well", "grand", "happy", "thriving")):
            return None
        clauses = re.split(r"[,.;]|\bbut\b", query)
        kept, dropped = [], False
        for clause in clauses:
            words = normalise(clause).split()
            opener = next((len(p) for p in sp.others if tuple(words[: len(p)]) == p or (words[:1] == ["the"] and tuple(words[1 : 1 + len(p)]) == p)), None)
            if opener is not None and words[:1] == ["the"] and not any(tuple(words[: len(p)]) == p for p in sp.others):
                opener += 1
            if opener is not None and len(words) - opener <= sp.well_reach:
                rest = words[opener:]
                wells = {k for p in sp.well for i in _phrase_at(p, rest) for k in range(i, i + len(p))}
                if wells and all(k in wells or w in self._WELL_FILLER for k, w in enumerate(rest)):
                    dropped = True
                    continue
            kept.append(self._OTHER_ONE.sub(" the child", clause, count=1) if dropped else clause)
        left = ",".join(kept)
        return left.strip() if dropped and normalise(left).split() else None

    def _regional_plainly(self, words: list[str]) -> list[str]:
        """The Nottingham words read as what they mean (fix20d, review 20 N8; `said_plainly.regional`): "nesh" is "feels
        the cold", "mi duck" a greeting (left out)."""
        sp = self.said_plainly
        if sp is None:
            return words
        for said, meant in sp.regional:
            if said[0] not in words:
                continue
            at = _phrase_at(said, words)
            for i in reversed(at):
                words = [*words[:i], *meant, *words[i + len(said) :]]
        return words

    def _as_meant(self, words: list[str]) -> list[str]:
        """The call's words with the synonyms file's `said_as_meant` read as meant (fix22b, review 22 N7; this tool's
        reading, declared there), before anything else reads them: a phrase for drunk or high said of someone's state
        ("mum's off her face", "his mum's always mashed", "dad gets smashed") read as `intoxicated.read_as`, not where
        an object follows it ("smashed the window") or no person is its subject ("her face was smashed" is read as
        said); "dead" right before a word of `very.before` ("dead mardy", "dead tired") read as `very.read_as`
        (left out); each phrase of `plain` ("skriking", "a cob") read as what it means."""
        table = self.as_meant
        if table is None:
            return words
        for said, meant in table.plain:
            for i in reversed(_phrase_at(said, words)):
                words = [*words[:i], *meant, *words[i + len(said) :]]
        very = [i for i, w in enumerate(words[:-1]) if w in table.very and words[i + 1] in table.very_before]
        for i in reversed(very):  # "dead mardy": "dead" read as very_read_as (nothing)
            words = [*words[:i], *table.very_read_as, *words[i + 1 :]]
        for said in table.intoxicated:
            for i in reversed(_phrase_at(said, words)):
                if self._in_a_state(words, i, i + len(said)):
                    words = [*words[:i], *table.read_as, *words[i + len(said) :]]
        return words

    def _in_a_state(self, words: list[str], start: int, end: int) -> bool:
        """Whether the words from `start` to `end` (a phrase of `said_as_meant.intoxicated`) are said of someone's
        state (_as_meant): no object right after them, and before them, past adverbs and be/get verbs, a person (one
        of `subjects`) who is not the object of one of `not_after` ("leave mum out of it")."""
        table = self.as_meant
        assert table is not None
        if end < len(words) and words[end] in table.objects:
            return False
        k = start - 1
        while k >= 0 and (words[k] in table.adverbs or words[k] in table.before):
            k -= 1
        return k >= 0 and words[k] in table.subjects and not (k > 0 and words[k - 1] in table.not_after)

    def _caring_at(self, words: list[str], start: int, size: int) -> bool:
        """Whether a `looked_after` phrase said at `start` ("is looked after", its stems) says, in place of
        "looked", one of `said_as_meant.caring` ("she is looking after her little brothers"): the child cares for
        someone, is not looked after by the local authority (fix22b, review 22 N10)."""
        return self.as_meant is not None and any(w in self.as_meant.caring for w in words[start : start + size])

    def _said_plainly_last(self, c: _Call) -> None:
        """Words read as said (fix20d, review 20 N6-N10; the synonyms file's `said_plainly`, this tool's readings, declared
        there), last: the child's own pregnancy rows leave the first three where no pregnancy word is said or the child
        is a boy (N9); the adult-risk rows where the risk words are all denied ("no convictions", "not on any
        register": N7); the loss and adult-risk rows matched by kin words alone (N8); with no age entered, the age the
        caller states orders p9's banded lines (N10); and a condition "you" is the subject of is the carer's (N6).

        fix21d: a row leaving the first three gives its place to the next row an earlier reading left where it stood; never
        to one of `held`, the rows the earlier readings put below the first three (_out_of_sight's, _unstated's,
        _told_alone_below's), and never back to `denied_from`, the row a denial took first place from (_denied_first):
        where it would lead again, the denial is read again with the rows gone barred (a lower, undenied row leads, or
        the first three are as the denial left them)."""
        words, ranked, final, matched, unborn, age_in_months = c.words, c.ranked, c.final, c.matched, c.unborn, c.age_in_months
        denied_from, negated = c.denied_from, frozenset(c.negated)
        held = frozenset(n for n in c.hidden if not self.entries[n].indicator.immediate) | c.unstated | c.told_below
        sp = self.said_plainly
        if sp is None or not ranked:
            return

        def immediate(n: int) -> bool:
            return self.entries[n].indicator.immediate

        leaving: set[int] = set()
        leaving |= self._not_pregnant(words, unborn)  # N9
        spans = _phrases_at(sp.denials, words)  # N7
        if spans:
            inside = {k for a, b in spans for k in range(a, b)}
            if not any(w in sp.risk for k, w in enumerate(words) if k not in inside):
                leaving |= sp.risk_rows
                denied = {words[k] for k in inside} - {words[k] for k in range(len(words)) if k not in inside}
                for n in ranked[:KEPT_PLACES]:  # ...and a row the denied words alone brought ("register": a school's)
                    by = {w for label in matched.get(n, ()) for w in label.split()}
                    if by and by <= denied and not immediate(n):
                        leaving.add(n)
        for n in ranked[:KEPT_PLACES]:  # N8
            by = {w for label in matched.get(n, ()) for w in label.split()}
            if n in sp.kin_rows and by and by <= sp.kin_words and by & sp.kin:
                if not immediate(n) or not any(immediate(m) for m in ranked[:KEPT_PLACES] if m != n and m not in sp.kin_rows):
                    leaving.add(n)
        age = age_in_months
        if age is None and not unborn:  # N10
            age = _age_in_words(sp, words)
            if age is not None:
                front = [n for n in ranked if n not in leaving][:KEPT_PLACES]
                out = {n for n in front if immediate(n) and self.entries[n].indicator.age_band and not self._admits(n, False, age)}
                if out and any(immediate(n) for n in front if n not in out):
                    leaving |= out
        if leaving & set(ranked[:KEPT_PLACES]):
            self._leave_sight(words, ranked, final, matched, leaving, held, denied_from, negated)
        if age is not None and age_in_months is None and ranked and immediate(ranked[0]) and not self.entries[ranked[0]].indicator.age_band:
            stems = [stem(w) for w in words]
            unstated = self._unstated(words, stems, False)
            k = next(
                (
                    k
                    for k in range(1, min(KEPT_PLACES, len(ranked)))
                    if immediate(ranked[k]) and self.entries[ranked[k]].indicator.age_band and ranked[k] not in unstated and self._admits(ranked[k], False, age)
                ),
                None,
            )
            if k is not None:
                final[ranked[0]], final[ranked[k]] = final[ranked[k]], final[ranked[0]]
                ranked[0], ranked[k] = ranked[k], ranked[0]
        self._you_the_carer(words, ranked, final, unborn, age)

    def _leave_sight(
        self,
        words: list[str],
        ranked: list[int],
        final: dict[int, float],
        matched: dict[int, set[str]],
        leaving: set[int],
        held: frozenset[int],
        denied_from: Optional[int],
        negated: frozenset[int],
    ) -> None:
        """`leaving` out of the first three (fix20d), its places taken by rows none of `held` (fix21d; see _said_plainly_last);
        where `denied_from` would lead again, the denial read again with every row moved barred."""
        top = ranked[:KEPT_PLACES]
        gone = frozenset(leaving) | frozenset(n for n in held if n not in top)
        order = list(ranked)
        self._out_of_sight(set(gone), ranked, final, frozenset(n for n in gone if self.entries[n].indicator.immediate))
        if denied_from is None or ranked[:1] != [denied_from] or order[:1] == [denied_from]:
            return
        self._denied_first(words, [stem(w) for w in words], ranked, final, matched, negated, gone)
        if ranked[:1] == [denied_from]:  # nothing lower to lead: the first three as the denial left them
            ranked[:] = order
            for k in range(len(order) - 1):
                final[order[k + 1]] = min(final[order[k + 1]], round(final[order[k]], 6) - 1e-6)

    def _not_pregnant(self, words: list[str], unborn: bool) -> frozenset[int]:
        """The child's own pregnancy rows where the call says no pregnancy word or the child is a boy (fix20d, review 20
        N9; `said_plainly.pregnancy`): they leave the first three at the end (_said_plainly_last), and from fix21d no
        earlier reading makes one of them a lead in the meantime (_denied_first's `barred`)."""
        sp = self.said_plainly
        if sp is None or unborn:
            return frozenset()
        said = set(words)
        pregnancy = bool(_phrases_at(sp.pregnancy_words, words)) or any(w.startswith(("preg", "expect")) for w in words)
        male = bool(said & sp.male) or (bool(said & sp.male_pronouns) and not said & sp.female)
        return sp.pregnancy_rows if not pregnancy or male else frozenset()

    def _you_the_carer(self, words: list[str], ranked: list[int], final: dict[int, float], unborn: bool, age: Optional[int]) -> None:
        """The second person (fix20d, review 20 N6; `said_plainly.you`): a condition whose nearest subject before it
        (within `reach` words, in its clause) is "you" is the carer's: the child's own rows leave the first three and the
        carer's row leads (_lead_with: every p9 row in the first three stays)."""
        sp = self.said_plainly
        assert sp is not None
        if not said_you(words, sp.you):
            return
        subjects = sp.you | CHILD_ROLES | {"he", "she", "they", "him", "them"}
        carers, childs = False, False
        for c, _end in _phrases_at(sp.conditions, words):
            for k in range(c - 1, max(-1, c - 1 - sp.you_reach), -1):
                if words[k] in CLAUSE_WORDS:
                    break
                if words[k] in subjects:
                    carers, childs = carers or words[k] in sp.you, childs or words[k] not in sp.you
                    break
        if not carers or childs:
            return
        baby = (age is not None and age < 12) or bool(set(words) & sp.baby_words)
        lead = sp.baby_leads if baby else sp.leads
        if not self._admits(lead, unborn, age):
            lead = sp.leads
        if not self._admits(lead, unborn, age):
            return
        if lead not in ranked:
            final[lead] = round(final[ranked[-1]], 6) - 1e-6
            ranked.append(lead)
        self._lead_with(lead, ranked, final)
        self._out_of_sight(set(sp.child_rows), ranked, final)

    def _age_said(self, words: list[str]) -> Optional[float]:
        """The child's age in years as the words say it, or None: "12yo", "12 years old", "she is 12", "aged 12"
        (the synonyms file's `pregnant_young.said_after`); the first said."""
        py = self.pregnant_young
        assert py is not None
        for i, w in enumerate(words):
            m = _YEARS_SAID.fullmatch(w)
            if m:
                return float(m.group(1))
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if w.isdigit() and ((nxt in ("year", "years", "yr", "yrs")) or (i > 0 and words[i - 1] in py.said_after and nxt not in AGE_UNITS)):
                return float(w)
        return None

    def _harm_by_adult_first(self, c: _Call) -> None:
        """Harm an adult of the household does to the child (search20; the synonyms file's `harm_by_adult`, this tool's
        reading, declared there): where the call says one of `harm_to_child.acts` done by a carer, a carer's partner or
        friend ("mum's boyfriend", "her stepdad's mate") or one of `adults` ("the lodger") to the child
        (_harm_by_adult_at), the first of `leads` the age admits (p9's "has suffered significant harm including
        physical") leads where the first result is below Protection, one of `yields` (the adults' "repeated domestic
        violence": not what the call says) or one of `harm_to_child.between`, offered where the words did not find it
        (_lead_with: an immediate criterion in the first three stays there); where another immediate criterion or a
        Protection need is first ("... severe learning disabilities ... and I think his dad hurts him"), the lead goes
        second unless it is in the first three already. Never one `hidden`."""
        words, ranked, final, matched, hidden, admits = c.words, c.ranked, c.final, c.matched, c.hidden, c.admits
        ha, hc = self.harm_by_adult, self.harm_to_child
        if ha is None or hc is None or not ranked:
            return
        lead = next((n for n in ha.leads if n not in hidden and admits(n)), None)
        if lead is None or ranked[0] == lead:
            return
        act = self._harm_by_adult_at(words)
        if act is None:
            return
        if lead not in ranked:
            final[lead] = round(final[ranked[-1]], 6) - 1e-6
            ranked.append(lead)
        matched.setdefault(lead, set()).add(words[act])
        if not self._high(ranked[0]) or ranked[0] in ha.yields or ranked[0] in hc.between:
            self._lead_with(lead, ranked, final)
        elif ranked.index(lead) >= KEPT_PLACES:
            ranked.remove(lead)
            final[lead] = round((final[ranked[0]] + final[ranked[1]]) / 2, 7) if len(ranked) > 1 else round(final[ranked[0]], 6) - 1e-6
            ranked.insert(1, lead)

    def _harm_by_adult_at(self, words: list[str]) -> Optional[int]:
        """The place of an act of harm an adult of the household does to the child (_harm_by_adult_first), or None: one of
        `harm_to_child.acts`, not denied, ended or put in the past, nor just after one of `not_after` ("convictions
        for hurting children"), whose doer (the nearest carer, `companions` or
        `adults` word at most `harm_to_child.doer_reach` words before it in its clause) is a carer who is none of
        `companions`, one of `companions` after a carer (up to one of `modifiers` between: "mum's new boyfriend", "her
        stepdad's mate"), or one of `adults`; and whose object, within `harm_to_child.reach` words after it before a
        clause word, "and", "or", a preposition or a carer, is the child: a child's word or an age; "them"; "him"
        where no `male` carer but the doer is named before, the companion's owner counted (a carer after "his" or
        "her" is the child's own and counts for no one: "his dad's mate hits him"; "dad's girlfriend hits him" and
        "mum's boyfriend hits her" may be about the owner); "her" as a pronoun where no female carer but the doer is
        named before, so counted, and none of `harm_to_child.witnessed` is said; never before one of
        `of_this_child_not_before` ("mum kicked her out")."""
        ha, hc = self.harm_by_adult, self.harm_to_child
        assert ha is not None and hc is not None
        carers = self.subject.parents
        female, named, possessed = self._female_carers, self._child_words, self._possessors
        out = self._not_now_at(words)
        witnessed = any(_phrase_at(p, words) for p in hc.witnessed)
        stops = CLAUSE_WORDS | JOINING | HARM_STOPS
        doers = carers | ha.companions | ha.adults

        def rival(k: int, doer: int, kinds: frozenset[str]) -> bool:  # another carer the pronoun may stand for (the owner too)
            return any(words[j] in kinds and j != doer and not (j > 0 and words[j - 1] in ("his", "her")) for j in range(k))

        for i, w in enumerate(words):
            if w not in hc.acts or i in out or (i > 0 and words[i - 1] in ha.not_after):
                continue  # "convictions for hurting children": another child, in the past (p9's adults who pose a risk)
            doer = next((k for k in range(i - 1, max(-1, i - 1 - hc.doer_reach), -1) if words[k] in doers or words[k] in CLAUSE_WORDS), None)
            if doer is None or words[doer] not in doers:
                continue
            if words[doer] in ha.companions:
                b = doer - 1
                while b >= 0 and words[b] in ha.modifiers:
                    b -= 1
                if b < 0 or words[b] not in carers:
                    continue  # "her partner is hitting her", "his mate hits him": fix19a's and the other child's
            elif words[doer] not in ha.adults and words[doer] in hc.partners:
                continue
            for k in range(i + 1, min(len(words), i + 1 + hc.reach)):
                v = words[k]
                nxt = words[k + 1] if k + 1 < len(words) else ""
                if v in stops or v in carers:
                    break
                if v in named or _AGE_SAID.fullmatch(v) or (v.isdigit() and nxt in AGE_UNITS) or v == "them":
                    if self._of_this_child_not_before(words, k + 1):
                        break  # "kicked them out", "hit the boy by accident"
                    return i
                if v == "him":
                    if not rival(k, doer, ha.male) and not self._of_this_child_not_before(words, k + 1):
                        return i
                    break
                if v == "her" and nxt not in possessed:
                    if not witnessed and not rival(k, doer, female) and not self._of_this_child_not_before(words, k + 1):
                        return i
                    break
        return None

    def _told_alone_below(self, c: _Call) -> None:
        """ "Told" alone is no disclosure (search20; the synonyms file's `told_alone`, this tool's reading, declared there):
        where `row` (p9's "Allegations or disclosures of abuse") is in the first three and every word that matched it is
        one of `words` ("she told me about her weekend": "told", "told me"), it goes just below the first three; not
        where a carer, a carer's companion, another child or an age is named after the first of `verbs` in its clause,
        past whom the child told ("told her mum"): whom the child told of ("... with a 19 year old"). What is told of
        abuse or harm matches the row by its own words ("she told her teacher that her uncle touches her") and nothing
        moves."""
        words, ranked, final, matched = c.words, c.ranked, c.final, c.matched
        ta = self.told_alone
        if ta is None or ta.row not in ranked[:KEPT_PLACES] or len(ranked) <= KEPT_PLACES:
            return
        labels = matched.get(ta.row) or set()
        if not labels or not all(set(label.split()) <= ta.words for label in labels):
            return
        told = next((i for i, w in enumerate(words) if w in ta.verbs), None)
        persons = self.subject.parents | (self.harm_by_adult.companions if self.harm_by_adult else frozenset())
        end = next((k for k in range(told + 1, len(words)) if words[k] in CLAUSE_WORDS or words[k] in JOINING), len(words)) if told is not None else 0
        start = told + 1 if told is not None else 0  # past whom the child told ("told mum", "told her mum", "told me")
        if start < end and words[start] in DETERMINERS and start + 1 < end and words[start + 1] in persons:
            start += 2
        elif start < end and (words[start] in persons or words[start] in FIRST_PERSON):
            start += 1
        if told is None or any(w in persons or w in self.subject.other_child or w.isdigit() or _AGE_SAID.fullmatch(w) for w in words[start:end]):
            return  # "she told me her stepdad comes in her room at night": whom she told of
        ranked.remove(ta.row)
        final[ta.row] = (
            round((final[ranked[KEPT_PLACES - 1]] + final[ranked[KEPT_PLACES]]) / 2, 7) if len(ranked) > KEPT_PLACES else round(final[ranked[-1]], 6) - 1e-6
        )
        ranked.insert(KEPT_PLACES, ta.row)
        c.told_below = frozenset({ta.row})  # fix21d: held below by _said_plainly_last too

    def _role_abuse_first(self, c: _Call) -> None:
        """An adult by a role who abuses the children in their care (search20; the synonyms file's `role_abuse`, this tool's
        reading, declared there): where the first result is no immediate criterion and the call says one of `acts`, not
        denied nor ended, with an adult named by a role (_role_word, `not_the_child.adults`) at most `reach` words before
        it in its clause, no reporting word (the subject reading's `opens`), pronoun or child's word between ("the nursery
        worker says she touches other children" is the child's act), and a child (one of `objects`, a child's word, an age) at most `reach` words after it ("the
        nursery worker has been touching the children"), `lead` (p9's "Allegations or disclosures of abuse") leads,
        offered where the words did not find it (_lead_with). Never one `hidden`."""
        words, ranked, final, matched, hidden, admits = c.words, c.ranked, c.final, c.matched, c.hidden, c.admits
        ra, nc = self.role_abuse, self.not_child
        if ra is None or nc is None or not ranked or self.entries[ranked[0]].indicator.immediate or ra.lead in hidden or not admits(ra.lead):
            return
        at = self._role_abuse_at(words)
        if at is None:
            return
        if ra.lead not in ranked:
            final[ra.lead] = round(final[ranked[-1]], 6) - 1e-6
            ranked.append(ra.lead)
        matched.setdefault(ra.lead, set()).add(words[at])
        self._lead_with(ra.lead, ranked, final)

    def _role_abuse_at(self, words: list[str]) -> Optional[int]:
        """The place of an act of abuse an adult named by a role does to a child (_role_abuse_first), or None."""
        ra, nc = self.role_abuse, self.not_child
        assert ra is not None and nc is not None
        out = set(_denied_positions(words)) | self._ended_at(words)
        children = ra.objects | CHILD_ROLES
        ends = CLAUSE_WORDS | self.subject.opens | CHILD_ROLES | {"he", "she", "they", "i", "we"}
        for i, w in enumerate(words):
            if w not in ra.acts or i in out:
                continue
            before = range(i - 1, max(-1, i - 1 - ra.reach), -1)
            doer = next((k for k in before if words[k] in ends or self._role_word(words[k]) or words[k] in nc.adults), None)
            if doer is None or words[doer] in ends:  # "the nursery worker says she touches other children": the child's act
                continue
            if any(v in children or _AGE_SAID.fullmatch(v) for v in words[i + 1 : i + 1 + ra.reach]):
                return i
        return None

    def _role_condition_first(self, c: _Call) -> None:
        """A professional's own condition is no carer's (search20; the synonyms file's `role_condition`, this tool's reading,
        declared there): fix18a and fix19c's reading (_not_the_child_first) moves no p9 row for an adult who is no carer,
        so "the health visitor drinks a lot" (10 months) led with p9's "under 1 ... parental/carer substance use". Where
        the first result is one of `rows` and rests only on the words of a part said of such an adult (_said_of_no_child)
        whose role is none of `carers` (a childminder looks after the child), it rests below as the other conditions'
        rows do (_rest_below, the lead _lowest_elsewhere's)."""
        words, ranked, final, matched, hidden = c.words, c.ranked, c.final, c.matched, c.hidden
        rc = self.role_condition
        if rc is None or self.not_child is None or not ranked or ranked[0] not in rc.rows:
            return
        _, adults = self._said_of_no_child(words)
        if not adults or any(words[i] in rc.carers for i in adults):
            return
        self._rest_below(
            adults, rc.rows.__contains__, words, ranked, final, matched, hidden, self._lowest_elsewhere(adults, words, ranked, matched, hidden), unmatched=True
        )

    def says_only_plain(self, query: str) -> bool:
        """Whether every word of what the caller said is plain (see _concern_first)."""
        words = normalise(query).split()
        return self._only_plain(words, [stem(w) for w in words])

    def _only_plain(self, words: list[str], stems: list[str]) -> bool:
        covered: set[int] = set()  # the places a plain phrase ("high marks") covers
        of_parent = _said_of_parent(words)
        for phrase in self.plain_phrases:
            for i in range(len(stems)):
                places = self._plain_phrase_at(phrase, words, stems, i)
                # said of a parent the words take their other sense: "mum high, marks on the baby"
                if places and not any(of_parent[k] for k in places):
                    covered.update(range(places[0], places[-1] + 1))
        if self._says_more(stems):  # how often or how long ("keeps moving", "out of work for years") is a concern
            return False
        # a number is said as well: an age gap ("14 and her boyfriend is 24") or how often may be the concern
        said = [s for i, (w, s) in enumerate(zip(words, stems)) if (s in WORRY or w.isdigit() or not _stop(w, s)) and i not in covered]
        return bool(said or covered) and all(s in self.plain_words for s in said)  # a plain phrase alone is plain too

    def _says_more(self, stems: list[str]) -> bool:
        """Whether a `severity: more` phrase is said ("always", "keeps", "for years", "every day")."""
        return any(sign > 0 and tuple(stems[i + 1 : i + 1 + len(rest)]) == rest for i, s in enumerate(stems) for rest, sign in self.severity.get(s, ()))

    @staticmethod
    def _plain_phrase_at(phrase: tuple[str, ...], words: list[str], stems: list[str], i: int) -> list[int]:
        """Where a plain phrase's words are said from place i, in order, with at most PLAIN_GAP small
        words between each two ("drinking all her milk"): stopwords, but not "and", "or", a clause word,
        a denial, a worry or a number, which make two things of them. Empty if it is not said there."""
        places: list[int] = []
        k = i
        for t in phrase:
            gap = 0
            while k < len(stems) and stems[k] != t and places and gap < PLAIN_GAP and _small(words[k], stems[k]):
                k, gap = k + 1, gap + 1
            if k >= len(stems) or stems[k] != t:
                return []
            places.append(k)
            k += 1
        return places

    def _learn(self, extra: dict[str, list[str]], examples: Sequence[ExampleCall]) -> CallerModel:
        number = {e.indicator.id: n for n, e in enumerate(self.entries)}
        own = [(n, (e.indicator.text, e.indicator.document_text or "", *e.indicator.keywords)) for n, e in enumerate(self.entries)]
        calls = [(" ".join([c.said, *_age_word(c.age_in_months, c.unborn)]), [number[i] for i in c.ids]) for c in examples]
        # "no concern" (_calm_first), without the age word: a harmless call's age says nothing about harm,
        # and with it the model learned that a baby's age band itself leans to "no concern"
        calls += [(c.said, [self.no_concern]) for c in self.harmless]
        texts = training_texts(own, {number[i]: said for i, said in extra.items()}, calls)
        return CallerModel.trained(texts, lambda text: " ".join(self._for_model(normalise(text).split())), self._model_words)

    def _model_words(self, text: str) -> list[str]:
        """The learned model's word features of a normalised text: each stem, the document words
        the words table gives for it, each pair of neighbouring stems, and each stem a "not" or
        "never" denies, marked as denied ("never poorly" is not "poorly")."""
        words = text.split()
        stems = [stem(w) for w in words]
        out = list(stems)
        for s in stems:
            out.extend(self.word_synonyms.get(s, ()))
        out.extend(f"{a} {b}" for a, b in zip(stems, stems[1:]))
        out.extend(f"not_{stems[i]}" for i in _denied_positions(words))
        return out

    def _for_model(self, words: list[str], typing: bool = False, aged: bool = False) -> list[str]:
        """The words the learned model reads, in training and in a query alike: all the caller said
        (pronouns and family roles tell whose concern it is, how often and how badly which twin) but
        what word matching reads its own way: the words of an age and numbers (the age has its own
        field) and the grammar words contractions leave behind ("she's" is "she", "she is" too). In
        a query, also "baby" once the age is given, and a last word short enough to be half typed
        (word matching completes it)."""
        skip = {i for i, w in enumerate(words) if w in MODEL_SKIPS or w.isdigit()}
        last = len(words) - 1
        return [w for i, w in enumerate(words) if i not in skip and not (aged and w in CHILD_WORDS) and not (i == last and typing and len(w) < MIN_TYPO)]

    def _keep_immediate(self, by_words: list[int], shares: dict[int, float], final: dict[int, float], rank: Callable[[], list[int]]) -> None:
        """Safety first: an immediate criterion that word matching put in its first KEPT_PLACES stays
        among the first KEPT_PLACES after the blend, and keeps at least its very place where the
        model gives the immediate criteria word matching found, together, AGREED of its best share
        or more (the model may lift it, never lower it; "left alone all night" at 3 keeps word
        matching's under-5 criterion first, which its age fit put there, whatever the model prefers
        between the two home-alone criteria).
        A criterion the model all but rules out ("clubs for the kids" matching home alone's words)
        may give its place, never its sight. `shares`: the model's, empty when it read nothing."""
        best = max(shares.values(), default=0.0)
        immediate = [n for n in by_words if self.entries[n].indicator.immediate]
        agreed = not shares or sum(shares[n] for n in immediate) >= AGREED * best
        # where each is kept: its own place, or (the model all but ruling them out) the last places of
        # the first KEPT_PLACES, in word matching's order, so that two kept criteria never take one
        # place and push each other out (review 8, surfaces S1: "kids saw dad hit mum" lost
        # repeated domestic violence from the top three to significant harm kept at the same place)
        places = [place for place, n in enumerate(by_words) if self.entries[n].indicator.immediate]
        keeps = places if agreed else list(range(KEPT_PLACES - len(places), KEPT_PLACES))
        for n, keep in zip(immediate, keeps):
            ranked = rank()
            if ranked.index(n) > keep:
                final[n] = round(final[ranked[keep]], 6) + 1e-5

    def _blend(self, said: list[str], final: dict[int, float], negated: set[int], unborn: bool, age_in_months: Optional[int]) -> tuple[dict[int, float], float]:
        """Word matching's scores, against its best, blended with the learned model's shares,
        against its best; the model's own best few that the age admits join what word matching
        found. A strength the caller said is missing (`negated`) gets no share, whatever the
        model read, and keeps word matching's lowered score. Nothing changes when the model has
        no words to read. Gives the indicators' shares used (empty when none) and the model's share of
        "no concern" (the synonyms file's `harmless` calls) against its best indicator's (0 when none)."""
        assert self.model is not None
        if not said:
            return {}, 0.0
        shares = self.model.shares(" ".join(said))
        calm = shares.pop(self.no_concern, 0.0)  # not an indicator: it joins nothing, and is read by _calm_first
        for n in negated:
            shares[n] = 0.0
        admitted = sorted((n for n in shares if self._admits(n, unborn, age_in_months)), key=lambda n: -shares[n])
        if not admitted:
            return {}, 0.0
        top_words, top_share = max(final.values()) or 1.0, shares[admitted[0]] or 1.0  # 0 when every match is a strength said missing
        for n in set(final) | set(admitted[:LEARNED_OFFERED]):
            final[n] = (1 - LEARNED) * final.get(n, 0.0) / top_words + LEARNED * shares[n] / top_share
        return shares, calm / top_share

    def _scattered(self, words, stems, scores, matched, of_parent) -> None:
        """A phrasing whose content words all appear in the query, with other words between
        ("dad keeps on hitting mum" for "hitting mum"), counts them again, for less than a phrase
        said whole; only when both or neither say "not" there ("immunisations were never done" is
        not "immunisations done"). A word stands for its word-synonym alternatives too, for less
        ("mum was walloped" meets "mum hit", through walloped -> hit)."""
        at: dict[str, list[int]] = {}
        for i, (w, s) in enumerate(zip(words, stems)):
            if not _stop(w, s) and w not in NEGATING:
                at.setdefault(s, []).append(i)
        said = set(at)
        for s in list(at):  # in the order said, and each word's places in order: [0] is where it is first said, [-1] last
            for alt in self.word_synonyms.get(s, ()):
                if alt not in said and not _stop(alt, alt):
                    at.setdefault(alt, []).extend(at[s])
        for places in at.values():
            places.sort()
        negations = [i for i, w in enumerate(words) if w in NEGATING]
        done = set()
        for s in at:
            for n, content, negated, weight in self.scattered_by_first.get(s, ()):
                if (n, content) in done or not content <= at.keys():
                    continue
                done.add((n, content))
                start = min(at[t][0] for t in content)
                end = max(at[t][-1] for t in content)
                if any(start - 1 <= i <= end for i in negations) != negated:
                    continue
                through = 1.0 if content <= said else EXPANDED
                gain = through * SCATTERED * weight * sum(self.idf.get(t, 0.0) for t in content)
                scores[n] = scores.get(n, 0.0) + gain * self._whose(n, of_parent[start])
                matched.setdefault(n, set()).update(words[at[t][0]] for t in content)

    def _severity_said(self, stems: list[str]) -> float:
        """How bad or how often the caller said it is, from -1 ("might", "once") to 1 ("all the time"):
        each severity phrase said counts +1 ("more") or -1 ("less")."""
        said = sum(sign for i, s in enumerate(stems) for rest, sign in self.severity.get(s, ()) if tuple(stems[i + 1 : i + 1 + len(rest)]) == rest)
        return max(-2, min(2, said)) / 2

    def _by_severity(self, lean: float, ranked: list[int], final: dict[int, float]) -> None:
        """Among twins found, the caller's words for how bad or how often ("all the time",
        "might"; `lean`, from _severity_said) put the matching level first. The twins only swap
        places (and scores) among themselves, so no other match moves."""
        if not lean:
            return
        where = {n: k for k, n in enumerate(ranked)}
        moved: set[int] = set()
        for group in self.twin_groups:
            places = sorted(where[n] for n in group if n in where and n not in moved)
            if len(places) < 2:
                continue
            found = [ranked[k] for k in places]
            scores = [final[n] for n in found]
            lifted = sorted(found, key=lambda n: -final[n] * (1 + SEVERITY * max(0.0, self.twin_place[n] * lean)))
            # safety first: an immediate criterion in the first KEPT_PLACES stays there ("maybe violent"
            # lifts the suspected twins, never past a kept criterion out of sight: review 8, surfaces S1)
            room = sum(k < KEPT_PLACES for k in places)
            held = [n for n in found if where[n] < KEPT_PLACES and self.entries[n].indicator.immediate]
            for n in held:
                if lifted.index(n) >= room:
                    lifted.remove(n)
                    last = max(i for i in range(room) if lifted[i] not in held)
                    lifted.insert(last, n)
            for k, n, score in zip(places, lifted, scores):
                ranked[k], final[n] = n, score
            moved.update(found)

    def _phrases(self, stems, words, typing, scores, matched, of_parent) -> None:
        """A multi-word keyword or phrasing met in order earns its content words once more."""
        last = len(stems) - 1
        for i, s in enumerate(stems):
            for n, toks, weight in self.phrases_by_first.get(s, ()):
                end = i + len(toks) - 1
                if end > last:
                    continue
                ok = all(stems[i + k] == toks[k] for k in range(len(toks) - 1))
                final = stems[end] == toks[-1] or (
                    # a phrase of three words or more is specific enough to complete from one letter ("not at s")
                    end == last and typing and (len(words[end]) >= MIN_PREFIX or len(toks) >= 3) and self._completes(words[end], toks[-1])
                )
                if ok and final and not (_negated_before(words, i) and not any(t in NEGATING for t in toks)):
                    bonus = sum(self.idf.get(t, 0.0) for t in toks if not _stop(t, t)) * weight * PHRASE_BONUS
                    scores[n] = scores.get(n, 0.0) + bonus * self._whose(n, of_parent[i])
                    matched.setdefault(n, set()).add(" ".join(words[i : end + 1]))

    def _whose(self, n: int, of_parent: bool) -> float:
        """What a word (or phrase) counts for indicator n: less for the child's own development when
        it was said of a parent."""
        return PARENT_SAID if of_parent and self.entries[n].indicator.domain == CHILD_DEVELOPMENT else 1.0

    def _completions(self, prefix: str) -> tuple[str, ...]:
        cached = self._prefix_cache.get(prefix)
        if cached is None:
            start = bisect_left(self.surface, prefix)
            out = []
            for w in self.surface[start:]:
                if not w.startswith(prefix):
                    break
                out.append(w)
            if len(self._prefix_cache) >= PREFIX_CACHE_SIZE:  # what callers type is unbounded
                self._prefix_cache.clear()
            cached = self._prefix_cache[prefix] = tuple(out)
        return cached

    def _completion_shares(self, prefix: str, completions: tuple[str, ...]) -> dict[str, float]:
        """How likely each completion of a word still being typed is, against the commonest one
        (its share of indicators, the commonest counting 1). Without it "sch" counted as the rarest
        word it could become ("schedule", "schoolgirl") and outranked the common one the adviser
        is most likely typing ("school")."""
        cached = self._shares_cache.get(prefix)
        if cached is None:
            df = {full: len(self.postings.get(stem(full), ())) for full in completions}
            top = max(df.values(), default=0) or 1
            if len(self._shares_cache) >= PREFIX_CACHE_SIZE:
                self._shares_cache.clear()
            cached = self._shares_cache[prefix] = {full: n / top for full, n in df.items()}
        return cached

    def _near(self, word: str) -> tuple[str, ...]:
        """Indexed words within a typo or two of `word` (transposed letters count as one edit)."""
        cached = self._near_cache.get(word)
        if cached is None:
            allowed = max_typos(word)
            found = process.extract(word, self.surface, scorer=OSA.distance, score_cutoff=allowed, limit=3) if allowed else []
            best = min((d for _, d, _ in found), default=None)
            if len(self._near_cache) >= PREFIX_CACHE_SIZE:
                self._near_cache.clear()
            cached = self._near_cache[word] = tuple(w for w, d, _ in found if d == best)
        return cached

    def _completes(self, prefix: str, target_stem: str) -> bool:
        return any(stem(w) == target_stem for w in self._completions(prefix))

    # ------------------------------------------------------------ fix21p: words about another person's time, or no time

    def _elsewhere_first(self, c: _Call) -> None:
        """Review 21 N1, N2, N3, N6 (fix21p; the synonyms file's `elsewhere`, this tool's readings, declared there): words
        that put a concern in the parent's own past (N1, _adult_past_first), long past and ended (N2, _long_past_first),
        in a hypothetical (N3, _hypothetical_first) or in an ordinary accident explained (N6, _explained_first). Each
        reads only the rows matched by those words alone; a row matched by a word said outside them is read as before.
        Leads are given here (_lead_with: a p9 row in the first three stays there); returns the rows that leave the
        first three at the end (the search's last _out_of_sight, as `unstated`): p9 rows only for N1 (not this child)
        and N2 (not now), never for N3 or N6."""
        ranked, matched, hidden = c.ranked, c.matched, c.withheld
        if self.elsewhere is None or not ranked:
            return
        before, first = set(ranked[:KEPT_PLACES]), ranked[0]
        out = self._adult_past_first(c, hidden)
        if not out:
            out = self._long_past_first(c, hidden)
        out |= self._hypothetical_first(c, hidden | out)
        out |= self._explained_first(c, hidden | out)
        # no inflation by the rows left: one coming into the first three as others leave is no p9 row, no Protection
        # need and no row of concern the words did not match (the model's alone); such a row stays where it was
        led = {ranked[0]} - {first}  # a lead a reading gave (_lead_with) is no newcomer
        while out:
            front = [n for n in ranked if n not in out and n not in hidden and n not in led][:KEPT_PLACES]
            newcomers = {
                n for n in front if n not in before and (self._height(n) >= (False, Level.PROTECTION.rank) or (self._concern(n) and not matched.get(n)))
            }
            if not newcomers:
                break
            out |= newcomers
        c.unstated = c.unstated | frozenset(out)

    def _elsewhere_rests(
        self, at: set[int], words: list[str], matched: dict[int, set[str]], denials: bool = False, youth: bool = False
    ) -> Callable[[int], bool]:
        """Whether a row rests only on the words at `at`: matched, and every label of its match (less a person, a
        clause word or a denial, as _rest_below reads them; with `denials`, a denial is a word of the match) has a
        word said only there."""
        outside = {w for i, w in enumerate(words) if i not in at}
        gone = {words[i] for i in at} - outside
        empty = CLAUSE_WORDS | JOINING | self.subject.opens | self.subject.parents | self.subject.ends | self.topics
        if not youth:  # with `youth`, a child's word is a word of the match: "as a teenager" is the parent's youth (N1)
            empty = empty | CHILD_ROLES
        if not denials:
            empty = empty | DENYING

        def rests(n: int) -> bool:
            labels = [ws for ws in (set(label.split()) - empty for label in matched.get(n, ())) if ws]
            return bool(labels) and all(not ws.isdisjoint(gone) for ws in labels)

        return rests

    def _elsewhere_said(self, at: set[int], words: list[str], matched: dict[int, set[str]]) -> Callable[[int], bool]:
        """Whether a row is matched by a word of concern said outside `at`: a label of its match (less a person, a clause
        word, a denial and `long_past.filler`) none of whose words is said only at `at`. Such a row may lead."""
        el = self.elsewhere
        assert el is not None
        outside = {w for i, w in enumerate(words) if i not in at}
        gone = {words[i] for i in at} - outside
        empty = DENYING | CLAUSE_WORDS | JOINING | self.subject.opens | self.subject.parents | self.subject.ends | CHILD_ROLES | self.topics | el.filler

        def said(n: int) -> bool:
            return any(ws and ws.isdisjoint(gone) for ws in (set(label.split()) - empty for label in matched.get(n, ())))

        return said

    def _elsewhere_quiet(self, at: set[int], words: list[str]) -> bool:
        """Whether the call says nothing outside `at` but stopwords, persons, numbers and `long_past.filler`."""
        el = self.elsewhere
        assert el is not None
        empty = DENYING | CLAUSE_WORDS | JOINING | self.subject.parents | CHILD_ROLES | el.filler
        return all(i in at or w in empty or w.isdigit() or _stop(w, stem(w)) for i, w in enumerate(words))

    def _adult_past_at(self, words: list[str]) -> tuple[set[int], list[tuple[int, int]]]:
        """The places of a carer's own past (N1): each of `adult_past.marks` or `victim.childhood` said with a carer
        the nearest subject before it (at most ADULT_PAST_REACH words back, not past "and", "but", "so", "because";
        a nearer "he", "she", "they", a child's word, an object ("me", "him", "them": "grandad who abused me as a kid"
        is the grandad's act) or "by" (the abuser named: the not_now reading's own) is not the carer's own past): from
        the carer to the marker's end, and on over the words after it that say nothing new (stopwords, numbers,
        `long_past.filler`, a child's word, a care phrase's words). Gives the places and each span's (start, end)."""
        el, nn = self.elsewhere, self.not_now
        assert el is not None
        marks = el.past_marks + (nn.childhood if nn is not None else ())
        parents, others = self.subject.parents, self._child_words | ADULT_PAST_OTHERS
        stops = JOINING | (CLAUSE_WORDS - {"when", "if", "who"})
        care_words = {w for p in el.care for w in p}
        out: set[int] = set()
        spans: list[tuple[int, int]] = []
        for phrase in marks:
            for i in _phrase_at(phrase, words):
                carer = None
                for k in range(i - 1, max(-1, i - 1 - ADULT_PAST_REACH), -1):
                    w = words[k]
                    if w in stops or (w in others and not (k > 0 and words[k - 1] in ("her", "his", "their") and w in parents)):
                        break
                    if w in parents:
                        carer = k
                        break
                if carer is None:
                    continue
                end = i + len(phrase)
                while end < len(words) and words[end] not in stops:
                    w = words[end]
                    if not (w.isdigit() or w in el.filler or w in care_words or w in CHILD_ROLES or _stop(w, stem(w))):
                        break
                    end += 1
                out.update(range(carer, end))
                spans.append((carer, end))
        return out, spans

    def _adult_past_first(self, c: _Call, hidden: set[int]) -> set[int]:
        """N1 (`elsewhere.adult_past`): the parent's own childhood or past is not this child's harm. Every row of
        concern resting only on the carer's past (_adult_past_at), and, where the call says nothing else (_elsewhere_quiet),
        every row of concern the words did not match (the model's alone), leaves the first three, p9's too, but the
        parent's own rows (`kept`, and the history rows of `not_now` below Protection). Where one of `care` is said in the carer's clause
        (read in the words as sent: the looked-after reading may have taken them as the child's), `care_leads` leads."""
        query, words, ranked, final, matched, unborn, age_in_months = c.query, c.words, c.ranked, c.final, c.matched, c.unborn, c.age_in_months
        el, nn = self.elsewhere, self.not_now
        assert el is not None
        at, clauses = self._adult_past_at(words)
        if not at:
            return set()
        rests, quiet = self._elsewhere_rests(at, words, matched, youth=True), self._elsewhere_quiet(at, words)
        history = {n for n in (nn.kept if nn is not None else ()) if self._height(n) < (False, Level.PROTECTION.rank)}
        kept = el.past_kept | history
        out = {n for n in ranked if self._concern(n) and n not in kept and (rests(n) or (quiet and not matched.get(n)))}
        sent = normalise(query).split()
        sent_at, sent_clauses = self._adult_past_at(sent)
        care = any(a <= i < b for p in el.care for i in _phrase_at(p, sent) for a, b in sent_clauses)
        lead = el.care_leads
        if care and lead is not None and lead not in hidden and self._admits(lead, unborn, age_in_months):
            _offered_last(lead, ranked, final)
            matched.setdefault(lead, set())
            self._lead_with(lead, ranked, final)
            out.discard(lead)
        return out

    def _long_past_first(self, c: _Call, hidden: set[int]) -> set[int]:
        """N2 (`elsewhere.long_past`): a concern the call puts long in the past and ended (_ended_at: "years ago", "when
        he was a toddler"), the call saying nothing else (_elsewhere_quiet). p9's rows resting only on the past, or on
        nothing the call said, leave the first three, but the not_now readings' `kept` (a disclosure long ago is an
        allegation now; "has suffered significant harm"); so do rows of concern the words did not match, and rows of
        any level matched only by `filler` (the time words: "toddler", "baby", "years", "well"). A Protection need
        resting only on the past does not lead: the first other row that stays leads. The past concern's own rows
        below Protection may lead (whether it is offered is the practitioner's)."""
        words, ranked, final, matched = c.words, c.ranked, c.final, c.matched
        el, nn, ends = self.elsewhere, self.not_now, self.ends
        assert el is not None
        at = self._ended_at(words)
        if not at or not self._elsewhere_quiet(at, words):
            return set()
        kept = (nn.kept if nn is not None else frozenset()) | (ends.kept if ends is not None else frozenset())
        fill = {i for i, w in enumerate(words) if w in el.filler}
        rests, on_filler = self._elsewhere_rests(at | fill, words, matched), self._elsewhere_rests(fill, words, matched, denials=True)
        out = set()
        for n in ranked:
            ind = self.entries[n].indicator
            if n in kept:
                continue
            if on_filler(n) or (self._concern(n) and not matched.get(n)) or (ind.immediate and rests(n)):
                out.add(n)
        first = next((n for n in ranked if n not in out), None)
        protection = first is not None and first not in kept and self._height(first) == (False, Level.PROTECTION.rank) and rests(first)
        if protection or (first is not None and first != ranked[0] and self.entries[first].indicator.immediate):  # no p9 row newly first
            lead = next((n for n in ranked if n not in out and n not in hidden and n != first and self._height(n) < (False, Level.PROTECTION.rank)), None)
            if lead is not None:
                self._lead_with(lead, ranked, final)
        return out

    def _hypothetical_at(self, words: list[str]) -> set[int]:
        """The places of a hypothetical (N3, `elsewhere.hypothetical`): from one of `marks` to the end of its clause,
        HYPOTHETICAL_REACH words at most; not where one of `present` is said in them ("might be being hurt", "may have
        been", "again"), a denial follows the mark ("could not"), "may" is a month ("in may"), or one of `asking`
        comes just before "if" ("not sure if", "asked if": a suspicion of now)."""
        el = self.elsewhere
        assert el is not None
        bounds = (CLAUSE_WORDS | JOINING) - {"if"}
        out: set[int] = set()
        for phrase in el.if_marks:
            for i in _phrase_at(phrase, words):
                after = i + len(phrase)
                if after < len(words) and (words[after] in NEGATIONS or words[after] in DENYING):
                    continue
                if phrase == ("may",) and i > 0 and words[i - 1] in ("in", "of", "since", "last", "next", "this"):
                    continue
                if i > 0 and words[i - 1] in el.asking:
                    continue
                end = next((m for m in range(after, len(words)) if words[m] in bounds), len(words))
                end = min(end, after + HYPOTHETICAL_REACH)
                span = words[i:end]
                if any(_phrase_at(p, span) for p in el.if_present):
                    continue
                out.update(range(i, end))
        return out

    def _hypothetical_first(self, c: _Call, hidden: set[int]) -> set[int]:
        """N3: a p9 row first resting only on a hypothetical (_hypothetical_at) gives the lead to the best placed of
        `risk_leads` in the first three and stays among them. Nothing leaves the first three on a hypothetical: "may be
        pregnant", "may be involved in ..." are suspicions of now (fix19d's under-13 pregnancy, a carer's threat), and a
        worry of likely harm is p9's "likely to suffer significant harm" (the arguable members, review 21 N3)."""
        words, ranked, final, matched = c.words, c.ranked, c.final, c.matched
        el = self.elsewhere
        assert el is not None
        at = self._hypothetical_at(words)
        if not at:
            return set()
        rests = self._elsewhere_rests(at, words, matched)
        front = ranked[:KEPT_PLACES]
        if self.entries[front[0]].indicator.immediate and rests(front[0]):
            lead = next((n for n in front if n in el.risk_leads and n not in hidden), None)
            if lead is not None:
                self._lead_with(lead, ranked, final)
        return set()

    def _explained_first(self, c: _Call, hidden: set[int]) -> set[int]:
        """N6 (`elsewhere.explained`): an ordinary injury (one of `injuries`) with its cause said (one of `causes`),
        none of `severe`, no carer's account (one of `reported` before the cause), the child not under `under_months`
        (nor unborn). A row of concern below p9 resting only on the cause's words leaves the first three; `rows` (p9's
        unexplained injuries) do not lead where a row matched by a word of the call stays to lead, and stay in the
        first three: whether the explanation is consistent is the practitioner's."""
        words, ranked, final, matched, unborn, age_in_months = c.words, c.ranked, c.final, c.matched, c.unborn, c.age_in_months
        el = self.elsewhere
        assert el is not None
        if unborn or (age_in_months is not None and age_in_months < el.under_months):
            return set()
        if el.injuries.isdisjoint(words) or not el.severe.isdisjoint(words):
            return set()
        causes = [(i, len(p)) for p in el.causes for i in _phrase_at(p, words)]
        if not causes or any(w in el.reported for w in words[: min(i for i, _ in causes)]):
            return set()
        at = {i + k for i, n in causes for k in range(n + EXPLAINED_REACH) if i + k < len(words) and words[i + k] not in el.injuries}
        fill = {i for i, w in enumerate(words) if w in el.filler}
        rests = self._elsewhere_rests(at | fill, words, matched)
        out = {n for n in ranked if self._concern(n) and not self.entries[n].indicator.immediate and rests(n)}
        first = next((n for n in ranked if n not in out), None)
        if first in el.explained_rows:  # the lead: a row below p9 matched by a word of the call outside the cause and the injury
            said = self._elsewhere_said(at | {i for i, w in enumerate(words) if w in el.injuries}, words, matched)
            lead = next((n for n in ranked if n not in out and n not in hidden and not self.entries[n].indicator.immediate and said(n)), None)
            if lead is not None:
                self._lead_with(lead, ranked, final)
        return out

    # ------------------------------------------------------------ fix23f: a thing not yet so; an injury from the child's play

    def _not_yet_below(self, c: _Call) -> None:
        """Review 21 N3 (fix23f; the synonyms file's `not_yet`, this tool's reading, declared there): a hypothetical
        (fix21p's _hypothetical_at) of a thing not yet so (no word of `now` in it), where the call says no harm by
        another (_harm_by_another_said), moves out of the first three the rows that need the fact and rest only on
        its words (_elsewhere_rests): p9's rows, Protection needs and `fact_rows`; where the call says nothing else
        but `worry` words, also the rows of concern the words did not match. `kept` stay. Adds to `unstated`
        (_out_of_sight_step moves them just below the first three: still offered); no p9 row, Protection need or
        unmatched concern comes into the first three in their place (_no_newcomers)."""
        ny = self.not_yet
        if ny is None or self.elsewhere is None or not c.ranked:
            return
        words = c.words
        at = self._hypothetical_at(words)
        if not at or not ny.now.isdisjoint(words[i] for i in at) or self._harm_by_another_said(words):
            return
        rests = self._elsewhere_rests(at, words, c.matched)
        quiet = self._elsewhere_quiet(at | {i for i, w in enumerate(words) if w in ny.worry}, words)
        out = set()
        for n in c.ranked:
            if n in ny.kept or n in ny.fact_rows or not self._concern(n):
                continue
            if (self._height(n) >= (False, Level.PROTECTION.rank) and rests(n)) or (quiet and not c.matched.get(n)):
                out.add(n)
        # a fact row first on the hypothetical alone ("might get pregnant") does not lead: `fact_leads` does, where the
        # child's age admits it; the fact row stays in sight, next
        stay = [n for n in c.ranked if n not in out and n not in c.withheld][:KEPT_PLACES]
        first = stay[0] if stay else None
        # a row of `kept` in sight leads before `fact_leads` ("Sexual activity under 13" for a girl of 12)
        lead = next((n for n in stay if n in ny.kept), ny.fact_leads)
        if first is not None and first in ny.fact_rows and rests(first) and lead is not None and lead not in c.withheld and c.admits(lead):
            _offered_last(lead, c.ranked, c.final)
            c.matched.setdefault(lead, set())
            self._lead_with(lead, c.ranked, c.final)
            out.discard(lead)
        self._no_newcomers(c, out)

    def _harm_by_another_said(self, words: list[str]) -> bool:
        """Whether the words say harm by another or a threat (fix23f, `not_yet`): a word of `lethal` anywhere, or one of
        `harm_to` not beside one of `own` ("self harming", "hurt himself" are the child's own)."""
        ny = self.not_yet
        assert ny is not None
        for i, w in enumerate(words):
            if w in ny.lethal:
                return True
            if w in ny.harm_to:
                near = words[max(0, i - 1) : i] + words[i + 1 : i + 2]
                if ny.own.isdisjoint(near):
                    return True
        return False

    def _no_newcomers(self, c: _Call, out: set[int]) -> None:
        """Add `out` to the call's `unstated`, and with it every row that would come into the first three in their
        place and is p9's, a Protection need or a concern the words did not match (fix23f; as _elsewhere_first)."""
        if not out:
            return
        hidden = c.withheld
        before = set(c.ranked[:KEPT_PLACES])
        while True:
            front = [n for n in c.ranked if n not in out and n not in hidden][:KEPT_PLACES]
            newcomers = {
                n for n in front if n not in before and (self._height(n) >= (False, Level.PROTECTION.rank) or (self._concern(n) and not c.matched.get(n)))
            }
            if not newcomers:
                break
            out |= newcomers
        c.unstated = c.unstated | frozenset(out)
        # just below the first three rows that stay (however few others the earlier readings left in sight), in their
        # order: still offered fourth or lower, not after every row the list holds; scores follow the order
        ranked, final = c.ranked, c.final
        stay = [n for n in ranked if n not in out][:KEPT_PLACES]
        ranked[:] = stay + [n for n in ranked if n in out] + [n for n in ranked if n not in out and n not in stay]
        for k in range(len(ranked) - 1, 0, -1):
            if final[ranked[k]] >= final[ranked[k - 1]]:
                final[ranked[k - 1]] = round(final[ranked[k]], 6) + 1e-6

    def _explained_play_below(self, c: _Call) -> None:
        """Review 21 N6 (fix23f; the synonyms file's `explained_play`, this tool's reading, declared there): fix21p's
        explained injury (_explained_first's own test: a minor injury, a cause, nothing severe, no carer's account)
        whose cause is the child's own play (one of `play`), none of `many` said, the child at least `min_months` old
        (given; no age given, not read): `injury_rows` leave the first three, and `rows` unless the call names them
        (their `named_rows.words`, read as _named_readings reads them). Adds to `unstated` (_no_newcomers)."""
        ep, el = self.explained_play, self.elsewhere
        if ep is None or el is None or not c.ranked:
            return
        words, age = c.words, c.age_in_months
        if age is None or age < max(ep.min_months, el.under_months):
            return
        if el.injuries.isdisjoint(words) or not el.severe.isdisjoint(words) or ep.play.isdisjoint(words):
            return
        if any(_phrase_at(p, words) for p in ep.many):
            return
        causes = [i for p in el.causes for i in _phrase_at(p, words)]
        if not causes or any(w in el.reported for w in words[: min(causes)]):
            return
        out = {n for n in ep.injury_rows if n in c.ranked}
        for n in ep.rows:
            groups = self.named_words.get(n)
            if n in c.ranked and not (groups and all(self._says_core(g, words, c.stems, c.typing) for g in groups)):
                out.add(n)
        self._no_newcomers(c, out)

    def _above_universal_step(self, c: _Call) -> None:
        """Safety first (fix22a, review 22 N1 and N3; the synonyms file's `above_universal` and `young_out_at_night`,
        this tool's readings, declared there), last in search(): a child of 5 or under out alone at night is p9's
        5-and-under home-alone line, which leads (_young_out_at_night_first); a Universal row's opposite is not offered
        beside it on its words (_opposite_below); and a clause that alone leads with a row above Universal makes it
        lead over a Universal row, and with a p9 row over a table row first on one word (_clause_first; not in a part
        a longer call searches)."""
        if not c.ranked:
            return
        self._young_out_at_night_first(c.words, c.ranked, c.final, c.matched, c.unborn, c.age_in_months)
        if self.above_universal is None:
            return
        self._opposite_below(c.ranked, c.final, c.matched, frozenset(c.negated))
        if c.part is None:
            self._clause_first(c)

    def _clause_first(self, c: _Call) -> None:
        """Where the first row is Universal, or is no immediate criterion and was matched by fewer than `min_words` words
        that are no stop words: a row of the call's first three (no earlier reading held it back) leads where one clause
        of the call (cut at `above_universal.cuts`), searched alone, leads with it by word matching, the model agreeing
        (AGREED), on `min_words` such words or more, and no denial elsewhere in the call covers them; above Universal for
        a Universal first, an immediate criterion (p9) otherwise; a p9 row before any other (fix20a's _p9_part_first
        for a call of any length; the clause keeps its own readings: "years ago", "if", "no"; _parts_agreed). None of
        the rows an earlier step hid or held below (`withheld`, `told_below`) leads, nor the row a denial took first
        place from (fix21d's `denied_from`: never first again, as _said_plainly_last keeps it)."""
        au = self.above_universal
        assert au is not None
        query, ranked, matched = c.query, c.ranked, c.matched
        hidden = c.withheld | c.told_below | ({c.denied_from} if c.denied_from is not None else set())
        first = self.entries[ranked[0]].indicator
        if first.immediate:
            return
        universal = first.level is Level.UNIVERSAL
        if not universal and (first.level is not Level.ADDITIONAL or not self._clause_read_over_additional(ranked[0], matched)):
            return
        strengths = self._matched_words(ranked[0], matched) if universal else set()

        def may_lead(n: int) -> bool:  # above Universal: a p9 row, or a need of `levels` where the Universal row meets no need
            ind = self.entries[n].indicator
            return n not in hidden and (ind.immediate or (universal and ranked[0] not in au.needs_met and ind.level in au.levels))

        top = [n for n in ranked[:KEPT_PLACES] if may_lead(n)]
        # or a p9 row from further down or not offered, where its clause says harm done in a word of `p9_words`
        # (fix23c's residual, the lead: "good family relationships mum very loving dad hits her" offered no p9 row in five)
        harm_said = {w for w in normalise(query).split() if self._says_harm_done({w})}
        if not top and not harm_said:
            return
        pieces = self._clause_pieces(query, universal)
        if len(pieces) < 2:
            return
        found = {w for n in top for w in self._matched_words(n, matched)} | harm_said
        otc = self.of_this_child
        agreed = self._parts_agreed(
            c,
            pieces,
            found,
            limit=KEPT_PLACES,
            # "mum denies he has suffered ...", "if he is ...": not stated of this child (of_this_child's not_after)
            skip=None if otc is None else lambda part: any(_phrase_at(p, part) for p in otc.not_after),
            p9_by_words=True,
        )
        if agreed is None:
            return  # the clauses do not add up to the call's words: read nothing
        whole, parts = agreed
        denied = set(self._denials(whole, [stem(w) for w in whole])) | self._ended_at(whole)  # denied, or ended in the whole call ("two years ago")
        leads: list[_PartLead] = []
        for p in parts:
            if any(h.indicator.level is Level.UNIVERSAL and h.score >= au.clear * p.hit.score for h in p.hits[1:]):
                continue  # a strength the clause says as much ("teacher says she's making great progress") is no fact above it
            beyond = p.n not in top and self.entries[p.n].indicator.immediate and may_lead(p.n)
            if p.n not in top and not beyond:
                continue
            concern = self._concern_words(p.words) - strengths
            if (beyond or p.stood_in) and not self._says_harm_done(concern):
                continue  # from beyond the first three, or standing in for the model's first, only on a word that alone says harm done ("hits", not "hood up")
            if len(concern) < self._clause_min_words(p.n, concern) or all(stem(w) in self.plain_words for w in concern):
                continue  # a word, the Universal row's own words ("has downs syndrome but doing fine"), or plain ones ("a new boyfriend")
            if any(i in denied and whole[i] in p.words for i in p.at):
                continue  # a denied word lifts no row ("no damp"), in the clause or outside it, nor one the call puts in the past
            leads.append(p)
        self._part_leads(c, leads, key=lambda p: (not self.entries[p.n].indicator.immediate, ranked.index(p.n) if p.n in ranked else len(ranked)))

    def _under_13_sex_offered(self, c: _Call) -> None:
        """fix23c (review 23 N10; the synonyms file's `under_13_sex`, this tool's reading, declared there): with the age
        entered under `under_months` and one of `words` said ("have done stuff") with one of `partners` ("boyfriend"), `leads` (p17's "Sexual activity under
        13") leads where no p9 row is first, else comes second; `not_offered` rows leave the first `places` unless one of
        `unless` is said (the other party's act is no offence of the child's)."""
        us = self.under_13_sex
        if us is None or c.age_in_months is None or c.age_in_months >= us.under_months or not c.ranked:
            return
        if not _phrases_at(us.words, c.words) or us.partners.isdisjoint(c.words) or not c.admits(us.leads):
            return
        if all(self.entries[n].indicator.immediate for n in c.ranked[:KEPT_PLACES]) and us.leads not in c.ranked[:KEPT_PLACES]:
            return  # the first three are all p9 rows: none gives way (safety first)
        _offered_last(us.leads, c.ranked, c.final)
        first = c.ranked[0]
        self._lead_with(us.leads, c.ranked, c.final)
        if self.entries[first].indicator.immediate and first != us.leads:
            self._lead_with(first, c.ranked, c.final)
        if us.unless.isdisjoint(c.words):
            low = [n for n in c.ranked[: us.places] if n in us.not_offered]
            rest = [n for n in c.ranked if n not in low]
            if low and len(rest) >= us.places:  # just below the first `places`, in order: still in the list
                c.ranked[:] = rest[: us.places] + low + rest[us.places :]
                for n in low:
                    c.final[n] = round(c.final[rest[us.places - 1]], 6) - 1e-6

    def _degrading_first(self, c: _Call) -> None:
        """Safety first (fix23c, review 23 N2; the synonyms file's `degrading_treatment`, this tool's reading, declared
        there): where the words say a child is caged, chained, tied to furniture, locked in a cellar or shed, made to
        sleep outside or to eat off the floor (_degrading_said), p9's significant harm line leads (offered if the words
        did not find it) where no p9 row is first, else it comes into the first three (_lead_with keeps the first)."""
        dt = self.degrading
        said = self._degrading_said(c.words) if dt is not None else None
        if dt is None or said is None:
            return
        if not c.ranked:  # no word of it matched a row ("she's kept in the cellar"): the line the words state, alone
            c.ranked.append(dt.leads)
            c.final[dt.leads] = 1.0
            return
        _offered_last(dt.leads, c.ranked, c.final)
        first = c.ranked[0]
        self._lead_with(dt.leads, c.ranked, c.final)
        second = self.entries[first].indicator.immediate or (said == "tied" and bool(_phrases_at(dt.care, c.words)))
        if second and first != dt.leads:
            self._lead_with(first, c.ranked, c.final)  # the row first stays first; this one second (in the first three)

    def _degrading_said(self, words: list[str]) -> Optional[str]:
        """ "tied" where one of `tied` is said, "confined" where one of `places` or `cages` is said, within `reach` words
        after one of `acts` (or a `cages` word is the act: "they chain him", "he is caged") done to the child: a child's
        word or one of `objects` within `object_reach` words after the act, or a child's word or one of `subjects`
        within `subject_reach` words before one of `passive`; no `animals` word between the act and the place ("put
        the puppy in a crate"); else None."""
        dt = self.degrading
        assert dt is not None
        objects, subjects = self._child_words | dt.objects, self._child_words | dt.subjects
        passive = _phrases_at(dt.passive, words)
        acts = [(i, i + 1) for i, w in enumerate(words) if w in dt.acts] + passive
        places = [(p, q, "confined") for p, q in _phrases_at(dt.places + dt.cages, words)] + [(p, q, "tied") for p, q in _phrases_at(dt.tied, words)]
        for a, b in acts:
            done = any(w in objects for w in words[b : b + dt.object_reach])
            done = done or ((a, b) in passive and any(w in subjects for w in words[max(0, a - dt.subject_reach) : a]))
            if not done:
                continue
            if words[a] in dt.cage_words:
                return "confined"  # "they chain him", "he is caged"
            for p, _, kind in places:
                if b <= p <= b + dt.reach and not any(w in dt.animals for w in words[b:p]):
                    return kind
        return None

    def _clause_pieces(self, query: str, universal: bool) -> list[str]:
        """The clauses _clause_first reads alone (fix22a's `above_universal.cuts`, `universal_cuts`), each cut again
        (fix23c, review 23 N1; `clause_reading`) before a contrast word (`before`: "although", "except", "apart from",
        "mind you", "oh and") and, in a list said without commas (`run_on`), before a carer named after a word that is
        no stop word (_run_on_cut). The raw words are kept: the pieces add up to the call's words."""
        au = self.above_universal
        assert au is not None
        pieces = [p for p in (au.universal_cuts if universal else au.cuts).split(query) if p and normalise(p).split()]
        cr = self.clause_reading
        if cr is None:
            return pieces
        pieces = [q for p in pieces for q in cr.before.split(p) if q and normalise(q).split()]
        return [q for p in pieces for q in (self._run_on_cut(p) if cr.run_on else [p])]

    def _run_on_cut(self, piece: str) -> list[str]:
        """A clause said as a list without commas cut before each carer (the subject reading's `parent` words: "lovely
        family close knit mum works hard | dad hits her") said just after a word that is no stop word, no carer ("mum's
        boyfriend") and none that opens what is said (`subject.opens`: "says dad"); none after a word that makes the
        clause no statement of this child (`of_this_child.not_after`: "if", "denies") or opens reported words: the
        clause stays whole, so its own reading still sees them (fix23c)."""
        carers, opens = self.subject.parents, self.subject.opens
        held = set(opens) | ({w for p in self.of_this_child.not_after for w in p} if self.of_this_child is not None else set())
        out: list[list[str]] = [[]]
        prev: Optional[str] = None
        stopped = False
        for tok in piece.split(" "):
            ws = normalise(tok).split()
            if ws and prev is not None and not stopped and ws[0] in carers and out[-1]:
                if not _stop(prev, stem(prev)) and prev not in carers and prev not in opens:
                    out.append([])
            out[-1].append(tok)
            if ws:
                prev = ws[-1]
                stopped = stopped or not held.isdisjoint(ws)
        return [" ".join(p) for p in out if p]

    def _says_harm_done(self, concern: set[str]) -> bool:
        """Whether one of a clause's words is one of `clause_reading.p9_words`, a word that alone says harm done."""
        cr = self.clause_reading
        return cr is not None and any(stem(w) in cr.p9_words for w in concern)

    def _clause_min_words(self, n: int, concern: set[str]) -> int:
        """The words (no stop words) a clause's first row must be matched by to lead (_clause_first): `above_universal.min_words`,
        and `clause_reading.p9_min_words` for a p9 row matched by one of `clause_reading.p9_words`, a word that alone says
        harm done (fix23c: "though the bruises on his back keep appearing"; not "and explain why")."""
        au, cr = self.above_universal, self.clause_reading
        assert au is not None
        if cr is not None and self.entries[n].indicator.immediate and self._says_harm_done(concern):
            return cr.p9_min_words
        return au.min_words

    def _clause_read_over_additional(self, first: int, matched: dict[int, set[str]]) -> bool:
        """Whether an Additional row first has its call read clause by clause (_clause_first: only a p9 row may lead over
        it): fix22a's, where fewer than `min_words` words matched it; fix23c's, whatever its words where it is the
        child's own (its domain one of `clause_reading.over_additional_domains`: "low self esteem poor attendance no
        friends uncle raped her"; not the carers' "suspected domestic violence", whose injury words are the mother's)."""
        au, cr = self.above_universal, self.clause_reading
        assert au is not None
        if cr is not None and self.entries[first].indicator.domain in cr.over_additional_domains:
            return True
        return len(self._concern_words(self._matched_words(first, matched))) < au.min_words

    def _opposite_below(self, ranked: list[int], final: dict[int, float], matched: dict[int, set[str]], negated: frozenset[int]) -> None:
        """A Universal row first (not denied) keeps its opposites (`above_universal.opposites`) out of the first three
        where every word that matched one, but stop words and `plain` words, matched the Universal row too: the words
        say the strength, not its absence (_out_of_sight; still in the list)."""
        au = self.above_universal
        assert au is not None
        u = ranked[0]
        if u in negated or not self._matched_words(u, matched):
            return
        strength = self._matched_words(u, matched)
        opposite = {
            o
            for o in au.opposites.get(u, ())
            if o in ranked[1:KEPT_PLACES]
            and {w for w in self._matched_words(o, matched) if not _stop(w, stem(w)) and stem(w) not in self.plain_words} <= strength
        }
        if opposite:
            self._out_of_sight(opposite, ranked, final)

    def _young_out_at_night_first(
        self, words: list[str], ranked: list[int], final: dict[int, float], matched: dict[int, set[str]], unborn: bool, age: Optional[int]
    ) -> None:
        """A child of 5 or under (the age entered, else the age the words state or a `young` word) said to be outside
        (`place`), unsupervised (`unsupervised`), at night (_night_said), with no carer said with them (`with`): where no
        immediate criterion is first, the table's p9 line leads (_lead_with, found or not), or one of `or_leads` in the
        first three does, the line second; where one is first, the line is among the first three. Its `rows` matched
        by nothing but the words of place, supervision and time leave the first three (_out_of_sight)."""
        yo = self.young_out_at_night
        if yo is None or unborn:
            return
        if age is not None:
            young = age < yo.under_months
        else:
            stated = _age_in_words(self.said_plainly, words) if self.said_plainly is not None else None
            young = stated < yo.under_months if stated is not None else not yo.young.isdisjoint(words)
        if not young or not self._admits(yo.leads, False, age):
            return
        place, alone = _phrases_at(yo.place, words), _phrases_at(yo.unsupervised, words)
        if not place or not alone or not self._night_said(words) or _phrases_at(yo.with_, words):
            return
        _offered_last(yo.leads, ranked, final)
        if not self.entries[ranked[0]].indicator.immediate:
            instead = next((n for n in ranked[:KEPT_PLACES] if n in yo.or_leads), None)
            self._lead_with(yo.leads, ranked, final)
            if instead is not None:
                self._lead_with(instead, ranked, final)
        yielding = [k for k in range(1, min(KEPT_PLACES, len(ranked))) if not self.entries[ranked[k]].indicator.immediate]
        if yo.leads not in ranked[:KEPT_PLACES] and yielding:  # in the place of the last row there that is no p9 row
            k = yielding[-1]
            ranked.remove(yo.leads)
            final[yo.leads] = round(final[ranked[k]], 6) + 1e-6
            ranked.insert(k, yo.leads)
        said = {words[k] for a, b in [*place, *alone] for k in range(a, b)} | {w for p in yo.night for w in p}
        pulled = {n for n in ranked if n in yo.rows and all(w in said or _stop(w, stem(w)) for w in self._matched_words(n, matched))}
        if pulled:
            self._out_of_sight(pulled, ranked, final)

    @staticmethod
    def _concern_words(ws: set[str]) -> set[str]:
        """The words that are no stop words (fix22a)."""
        return {w for w in ws if not _stop(w, stem(w))}

    @staticmethod
    def _matched_words(n: int, matched: dict[int, set[str]]) -> set[str]:
        return {w for label in matched.get(n, ()) for w in label.split()}

    def _night_said(self, words: list[str]) -> bool:
        """Whether the words say night (fix22a; `young_out_at_night`): a `night` word or phrase, or a time from `pm_from`
        pm to `am_to` am ("2am", "11 pm", "11.30pm" normalised "11 30pm", "12am")."""
        yo = self.young_out_at_night
        assert yo is not None
        if _phrases_at(yo.night, words):
            return True
        for i, w in enumerate(words):
            m = re.fullmatch(r"(\d{1,2})(am|pm)", w)
            hour, half = (
                (int(m.group(1)), m.group(2)) if m else (int(w), words[i + 1]) if w.isdigit() and words[i + 1 : i + 2] in (["am"], ["pm"]) else (None, "")
            )
            if hour is None:
                continue
            if hour > 12 and i > 0 and words[i - 1].isdigit():  # "11 30pm": the hour is the word before
                hour = int(words[i - 1])
            if (half == "pm" and yo.pm_from <= hour <= 11) or (half == "am" and (hour == 12 or hour <= yo.am_to)):
                return True
        return False

    def _admits(self, n: int, unborn: bool, age_in_months: Optional[int]) -> bool:
        """The catalogue's answer, kept: it does not change for an indicator and an age, and asking it again was
        search()'s largest cost of its own (about 230 times a call). Emptied when full, so no run of ages a client
        sends can grow it without end."""
        key = (n, unborn, age_in_months)
        known = self._admitted.get(key)
        if known is None:
            if len(self._admitted) >= ADMITTED_KEPT:
                self._admitted.clear()
            known = self._admitted[key] = self.catalogue.admits(self.entries[n].indicator, unborn, age_in_months)
        return known


def _related(postings: dict[str, dict[int, float]], idf: dict[str, float]) -> dict[str, dict[int, float]]:
    """For each word few indicators use, the indicators closest to those that use it (but not
    using it themselves), with how close: a caller's word reaches a concern whose phrasings never
    happened to say it ("drinking" finds chronic substance misuse through the alcohol indicators).
    Closeness is the cosine of two indicators' words weighted as the search weighs them (plain
    code: 178 indicators, a few thousand words), and each indicator keeps only its nearest few."""
    vectors: dict[int, dict[str, float]] = {}
    for t, posting in postings.items():
        for n, weight in posting.items():
            vectors.setdefault(n, {})[t] = weight * idf[t]
    for vector in vectors.values():
        length = math.sqrt(sum(x * x for x in vector.values()))
        for t in vector:
            vector[t] /= length
    closeness: dict[int, dict[int, float]] = {}
    for t, posting in postings.items():  # through the inverted lists: only pairs that share a word
        for a in posting:
            row = closeness.setdefault(a, {})
            for b in posting:
                if a != b:
                    row[b] = row.get(b, 0.0) + vectors[a][t] * vectors[b][t]
    nearest = {n: sorted(row.items(), key=lambda kv: (-kv[1], kv[0]))[:RELATED_NEIGHBOURS] for n, row in closeness.items()}
    related: dict[str, dict[int, float]] = {}
    for t, posting in postings.items():
        if len(posting) > RELATED_MAX_USERS:  # a common word is evidence enough where it is said
            continue
        reached: dict[int, float] = {}
        for n, weight in posting.items():
            for m, close in nearest.get(n, ()):
                if m not in posting:
                    reached[m] = max(reached.get(m, 0.0), weight * close)
        if reached:
            related[t] = dict(sorted(reached.items(), key=lambda kv: (-kv[1], kv[0]))[:RELATED_KEPT])
    return related


def _said_of_parent(
    words: list[str],
    parents: frozenset[str] = PARENT_WORDS,
    opens: frozenset[str] = frozenset(),
    ends: frozenset[str] = frozenset(),
    clauses: Optional[_Clauses] = None,
) -> list[bool]:
    """For each word, whether its clause's subject is a parent: the clause (from the start or from
    but, so, because, when, while, if, who, or one of `opens`) opens with a parent word, after a
    determiner at most ("dad drinks", "my mum's bipolar", "neither parent has worked"); it runs until
    a child is named, or one of `ends` ("mum shouts at the baby when he cries": the crying is the
    baby's). Punctuation does not end it: what an adviser types while listening is punctuated by
    chance, and results must not depend on it. `parents`, `opens`, `ends` and `clauses`: the synonyms
    file's `subject` reads whose condition it is with its own (_subject_first); the other readings with
    PARENT_WORDS and none.

    With `clauses` (review 12 H1, search13), two more: a relative clause said right after a parent word
    ("grandma who looks after him is suicidal", "the gran he lives with") is the parent's, and so is the
    rest of its clause, which neither a child nor `ends` end (the child there is the relative clause's
    object; a condition said just after one is still the child's, _subject_first's OTHER_REACH);
    and after a reporting verb said by a parent ("dad says", "her mum told me"), a pronoun that can stand
    for that parent ("he" for a dad, "she" for a mum, "they"; a word of neither list for any) is the
    parent ("dad says he will kill himself"), while one that cannot is not ("mum says he has been
    cutting himself")."""
    flags: list[bool] = []
    if parents.isdisjoint(words):  # most queries name no parent
        return [False] * len(words)
    parent, opening, within = False, True, False
    named: Optional[str] = None  # the parent word a clause opened with ("her mum" -> "mum")
    speaker: Optional[str] = None  # ...where that clause's reporting verb opened this one
    determiner: Optional[str] = None  # ...and the determiner before it ("the nan" -> "the")
    apart = clauses is not None and not clauses.named.isdisjoint(words)  # the call names a child ("the children")
    for i, w in enumerate(words):
        after_parent = i > 0 and flags[-1] and words[i - 1] in parents
        if clauses is not None and after_parent and (w in clauses.relative or clauses.opens_relative(determiner, w, words[i + 1 :])):
            parent, opening, within = True, False, True  # "grandma who ...", "the nan she lives with ..."
        elif w in CLAUSE_WORDS or w in opens:
            speaker = named if clauses is not None and parent and w in clauses.says else None
            parent, opening, within, named, determiner = False, True, False, None, None
        elif opening and w in DETERMINERS:
            determiner = w
        elif speaker is not None and opening and clauses is not None and w in clauses.through:
            pass  # "told me she ...", "said that he ..."
        elif speaker is not None and opening and clauses is not None and apart and clauses.stands_for(w, speaker):
            parent, opening, named = True, False, speaker
        else:
            if w in parents and (opening or (named is not None and words[i - 1] == named)):
                named = w  # "foster mum": the last of the words that name the parent
            parent = (opening and w in parents) or (parent and (within or (w not in CHILD_ROLES and w not in ends)))
            opening = False
        if not opening:
            speaker = None
        flags.append(parent)
    return flags


_AGE_SAID = re.compile(r"\d+(?:yo|yos|yr|yrs|y|m|mo|mth|mths|months?|years?)")  # "5yo", "9yrs": a child of that age


def _describes_child(words: list[str], i: int, child_noun: frozenset[str]) -> bool:
    """Whether the word at i is said of a child it describes (search15b; the synonyms file's `named`
    comment): just before a word naming a child, at most one word between and no "and", clause word or
    determiner ("disabled son", "severely disabled grandson", "autistic 5yo"), or at most OTHER_REACH words
    after an age with none of those between ("mum of 9yo with severe cerebral palsy")."""

    def names_child(w: str) -> bool:
        return w in child_noun or bool(_AGE_SAID.fullmatch(w))

    blocking = JOINING | CLAUSE_WORDS | DETERMINERS
    after = words[i + 1 : i + 3]
    if (after and names_child(after[0])) or (len(after) == 2 and after[0] not in blocking and names_child(after[1])):
        return True
    before = words[max(0, i - OTHER_REACH) : i]
    return any(_AGE_SAID.fullmatch(w) and not blocking & set(before[k + 1 :]) for k, w in enumerate(before))


def _age_word(age_in_months: Optional[int], unborn: bool) -> list[str]:
    """The child's age band as one word the learned model reads (none when no age is given): the
    age decides between criteria written for an age ("under 1", "5 and under") and the general
    ones, and callers name a baby's concerns in a baby's words. Training calls carry their age
    the same way; the catalogue's own texts carry none."""
    if unborn:
        return ["agebandunborn"]
    if age_in_months is None:
        return []
    return [next((word for top, word in MODEL_AGE_BANDS if age_in_months <= top), "agebandover15")]


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


def _says_exactly(part: list[tuple[str, ...]], stems: list[str]) -> bool:
    """Whether the call's stems say one of a part's words or phrases as written (SearchIndex._stated_first): no typo,
    no words table, no completion (those are _says_core's, for a rule that holds a row back, not one that lifts it)."""
    return any(_phrase_at(p, stems, empty_everywhere=True) for p in part)


def _height_of(indicator: Indicator) -> tuple[bool, int]:
    """How high a row is: an immediate criterion above Protection above Extensive above Additional above Universal."""
    return (indicator.immediate, indicator.level.rank)


def _twin_places(catalogue: Catalogue) -> dict[str, float]:
    """Each twin's place among its twins by level, from -1 (the lowest) to 1 (the highest; an
    immediate criterion is above Protection). Twins at one level share a place."""
    places: dict[str, float] = {}
    for group in catalogue.twins:
        heights = {i: _height_of(catalogue.indicator(i)) for i in group.ids}
        steps = sorted(set(heights.values()))
        if len(steps) < 2:
            continue
        for i, h in heights.items():
            place = -1 + 2 * steps.index(h) / (len(steps) - 1)
            places[i] = place if i not in places else max(places[i], place, key=abs)
    return places


REFUSAL_BEFORE = 2  # words between a refusal and the CAF or early help it refuses ("would not sign the consent")
REFUSAL_AFTER = 2  # ...or between the CAF and a refusal said after it ("the CAF was refused")


def _check_synonyms(catalogue: Catalogue, data: dict) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Refuse a synonyms table that names an unknown indicator, so a typo is not silently unsearchable."""
    if not isinstance(data, dict) or set(data) - {
        "indicators",
        "words",
        "severity",
        "plain",
        "joined",
        "subject",
        "core",
        "denial",
        "harmless",
        "looked_after",
        "offered_with",
        "early_help",
        "core_from_age",
        "stated",
        "not_now",
        "carried",
        "known_words",
        "locked_in",
        "not_the_child",
        "overruled",
        "harm_to_child",
        "offender",
        "service_roles",
        "disclosed_own_acts",
        "of_this_child",
        "carer_threat",
        "offered_unborn",
        "pregnant_young",
        "concern_to_lead",
        "harm_by_adult",
        "of_this_child_not_before",
        "told_alone",
        "role_abuse",
        "role_condition",
        "p9_parts",
        "p9_spelling",
        "unborn_calm",
        "care_left",
        "said_plainly",
        "everyday_hitting",
        "carer_substance",
        "elsewhere",
        "named_rows",
        "said_as_meant",
        "unsaid_facts",
        "above_universal",
        "young_out_at_night",
        "named_subject",
        "clause_reading",
        "degrading_treatment",
        "under_13_sex",
        "everyday_senses",
        "not_yet",
        "explained_play",
        "turned_facts",
        "turned_words",
    }:
        raise SearchDataError(
            "synonyms file must be a mapping with 'indicators', 'words', 'severity', 'plain', 'joined', 'subject', 'core', 'denial', 'harmless',"
            " 'looked_after', 'offered_with', 'early_help', 'core_from_age', 'stated', 'not_now', 'carried', 'known_words', 'locked_in',"
            " 'not_the_child', 'overruled', 'harm_to_child', 'offender', 'service_roles', 'disclosed_own_acts', 'of_this_child',"
            " 'carer_threat', 'offered_unborn', 'pregnant_young', 'concern_to_lead', 'harm_by_adult', 'of_this_child_not_before',"
            " 'told_alone', 'role_abuse', 'role_condition', 'p9_parts', 'p9_spelling', 'unborn_calm', 'care_left', 'said_plainly',"
            " 'everyday_hitting', 'carer_substance', 'elsewhere', 'named_rows', 'said_as_meant', 'unsaid_facts', 'above_universal',"
            " 'young_out_at_night', 'named_subject', 'clause_reading', 'degrading_treatment', 'under_13_sex', 'everyday_senses', 'not_yet',"
            " 'explained_play', 'turned_facts' and 'turned_words'"
        )
    known = data.get("known_words") or []
    if not isinstance(known, list) or not all(isinstance(w, str) and len(normalise(w).split()) == 1 for w in known):
        raise SearchDataError("known_words must be a list of single words")
    carried = data.get("carried") or {}
    if (
        not isinstance(carried, dict)
        or (carried and set(carried) != {"verbs", "objects", "owners", "to", "places"})
        or not all(isinstance(v, list) and v and all(isinstance(w, str) and w.strip() for w in v) for v in carried.values())
    ):
        raise SearchDataError("carried must be a mapping of 'verbs', 'objects', 'owners', 'to' and 'places', each a list of words")
    stated = check_stated(catalogue, data.get("stated") or {})
    check_not_now(catalogue, data.get("not_now"))
    check_locked_in(catalogue, data.get("locked_in"))
    check_not_the_child(catalogue, data.get("not_the_child"))
    check_overruled(catalogue, data.get("overruled"))
    check_harm_to_child(catalogue, data.get("harm_to_child"))
    check_offender(catalogue, data.get("offender"))
    check_service_roles(catalogue, data.get("service_roles"), normalise)
    check_disclosed_own_acts(catalogue, data.get("disclosed_own_acts"))
    check_of_this_child(catalogue, data.get("of_this_child"), normalise)
    check_carer_threat(catalogue, data.get("carer_threat"))
    check_pregnant_young(catalogue, data.get("pregnant_young"))
    check_concern_to_lead(catalogue, data.get("concern_to_lead"), normalise)
    check_harm_by_adult(catalogue, data.get("harm_by_adult"))
    check_of_this_child_not_before(catalogue, data.get("of_this_child_not_before"), normalise)
    check_told_alone(catalogue, data.get("told_alone"))
    check_role_abuse(catalogue, data.get("role_abuse"))
    check_role_condition(catalogue, data.get("role_condition"))
    check_p9_parts(catalogue, data.get("p9_parts"))
    check_p9_spelling(catalogue, data.get("p9_spelling"), normalise, MIN_TYPO)
    check_unborn_calm(catalogue, data.get("unborn_calm"), normalise)
    check_care_left(catalogue, data.get("care_left"), normalise)
    check_said_plainly(catalogue, data.get("said_plainly"), normalise)
    check_everyday_hitting(catalogue, data.get("everyday_hitting"), normalise)
    check_carer_substance(catalogue, data.get("carer_substance"), normalise)
    check_elsewhere(catalogue, data.get("elsewhere"))
    check_named_rows(catalogue, data.get("named_rows"))
    check_named_subject(catalogue, data.get("named_subject"), data.get("named_rows"))  # fix23a
    check_said_as_meant(catalogue, data.get("said_as_meant"), normalise)
    check_unsaid_facts(catalogue, data.get("unsaid_facts"), normalise)
    check_above_universal(catalogue, data.get("above_universal"))  # fix22a
    check_clause_reading(data.get("clause_reading"))  # fix23c
    check_degrading_treatment(catalogue, data.get("degrading_treatment"), normalise)  # fix23c
    check_under_13_sex(catalogue, data.get("under_13_sex"), normalise)  # fix23c
    check_young_out_at_night(catalogue, data.get("young_out_at_night"), normalise)  # fix22a
    check_everyday_senses(catalogue, data.get("everyday_senses"), normalise)  # fix23b
    check_not_yet(catalogue, data.get("not_yet"), normalise)  # fix23f
    check_explained_play(catalogue, data.get("explained_play"), normalise)  # fix23f
    check_turned_facts(catalogue, data.get("turned_facts"), normalise)  # fix23d
    try:  # fix24a
        search_fix24a.check(data, [str(r.get("name")) for r in (data.get("turned_facts") or {}).get("readings") or [] if isinstance(r, dict)])
    except ValueError as e:
        raise SearchDataError(str(e)) from e
    early_help = data.get("early_help") or {}
    if not isinstance(early_help, dict) or set(early_help) - {"said", "refusing"}:
        raise SearchDataError("early_help must be a mapping with 'said' and 'refusing'")
    looked_after = data.get("looked_after") or {}
    if not isinstance(looked_after, dict) or set(looked_after) - {"phrases", "before", "unless", "filler"}:
        raise SearchDataError("looked_after must be a mapping with 'phrases', 'before', 'unless' and 'filler'")
    denial = data.get("denial") or {}
    if not isinstance(denial, dict) or set(denial) - set(DENIAL_KEYS):
        raise SearchDataError(f"denial must be a mapping with keys among {', '.join(DENIAL_KEYS)}")
    check_harmless(data.get("harmless") or [])
    core = data.get("core") or {}
    if not isinstance(core, dict) or not all(
        isinstance(i, str) and catalogue.has_indicator(i) and (catalogue.indicator(i).immediate or catalogue.indicator(i).level is Level.PROTECTION)
        for i in core
    ):
        raise SearchDataError(
            f"core must be a mapping from immediate criteria or Protection needs to their core words: {sorted(core) if isinstance(core, dict) else core!r}"
        )
    core_from_age = data.get("core_from_age") or {}
    if not isinstance(core_from_age, dict) or not all(
        isinstance(i, str)
        and catalogue.has_indicator(i)
        and catalogue.indicator(i).immediate
        and i not in core
        and isinstance(c, dict)
        and set(c) == {"age", "words"}
        and type(c["age"]) is int
        and 0 < c["age"] < 19
        for i, c in core_from_age.items()
    ):
        raise SearchDataError(f"core_from_age must be a mapping from immediate criteria without a core to {{age: years, words: [...]}}: {core_from_age!r}")
    offered_with = data.get("offered_with") or {}
    if not isinstance(offered_with, dict) or not all(isinstance(i, str) and catalogue.has_indicator(i) for i in offered_with):
        raise SearchDataError(f"offered_with must be a mapping from indicators to the words they are offered with: {offered_with!r}")
    offered_unborn = data.get("offered_unborn") or []
    if not isinstance(offered_unborn, list) or not all(isinstance(i, str) and i in offered_with for i in offered_unborn):
        raise SearchDataError(f"offered_unborn must list rows of offered_with (fix19d): {offered_unborn!r}")
    severity = data.get("severity") or {}
    if not isinstance(severity, dict) or set(severity) - {"more", "less"}:
        raise SearchDataError("severity must be a mapping with 'more' and 'less'")
    extra = data.get("indicators") or {}
    words = data.get("words") or {}
    unknown = sorted(i for i in extra if not catalogue.has_indicator(i))
    if unknown:
        raise SearchDataError(f"synonyms name unknown indicators: {unknown}")
    joined = data.get("joined") or []
    if not isinstance(joined, list) or not all(isinstance(j, dict) and set(j) == set(JOINED_KEYS) for j in joined):
        raise SearchDataError(f"joined must be a list of mappings with {', '.join(JOINED_KEYS)}")
    for j in joined:
        if not isinstance(j["leads"], str) or not catalogue.has_indicator(j["leads"]) or not catalogue.indicator(j["leads"]).immediate:
            raise SearchDataError(f"joined leads with an unknown indicator or one that is not an immediate criterion: {j['leads']!r}")
    subject = data.get("subject") or {}
    conditions = subject.get("conditions") or [] if isinstance(subject, dict) else None
    if (
        not isinstance(subject, dict)
        or set(subject) - {*SUBJECT_WORDS, "conditions", "about_child", "child_only", "peer_from_age", "other_kept", "self_harm"}
        or not isinstance(conditions, list)
        or not all(
            isinstance(c, dict) and {"words", "child", "leads"} <= set(c) <= {"words", "child", "leads", "cared_for", "other_child_only", "out_of_sight"}
            for c in conditions
        )
        or not all(c.get(k, False) is True or k not in c for c in conditions for k in ("other_child_only", "out_of_sight"))
        or not (subject.get("peer_from_age") is None or (type(subject.get("peer_from_age")) is int and 0 < subject["peer_from_age"] < 19))
    ):
        raise SearchDataError(
            f"subject must be a mapping with {', '.join(SUBJECT_WORDS)} and 'conditions' (each with 'words', 'child' and 'leads', and 'cared_for' at most)"
        )
    for c in conditions:
        for key in ("child", "leads", "cared_for"):
            if not isinstance(c.get(key, []), list) or not all(isinstance(i, str) and catalogue.has_indicator(i) for i in c.get(key, [])):
                raise SearchDataError(f"subject conditions name unknown indicators: {c.get(key)!r}")
        if any(catalogue.indicator(i).immediate or i in c["leads"] for i in c.get("cared_for", [])):
            raise SearchDataError(f"a subject condition's cared_for rows are a child's carer's, never an immediate criterion nor its leads: {c['cared_for']!r}")
        if any(catalogue.indicator(i).domain == CHILD_DEVELOPMENT for i in c["leads"]):
            raise SearchDataError(f"a subject condition leads with the parents' rows or p9's, never the child's own: {c['leads']!r}")
        if any(catalogue.indicator(i).immediate for i in c["child"]) or (
            not c.get("other_child_only") and any(catalogue.indicator(i).domain != CHILD_DEVELOPMENT for i in c["child"])
        ):
            raise SearchDataError(
                "a subject condition's child rows must be the child's own (a young person's own pregnancy too where it is read only for"
                f" another child), never an immediate criterion: {c['child']!r}"
            )
    about_child = subject.get("about_child") or []
    if not isinstance(about_child, list) or not all(
        isinstance(i, str) and catalogue.has_indicator(i) and catalogue.indicator(i).immediate for i in about_child
    ):
        raise SearchDataError(f"subject.about_child must list immediate criteria: {about_child!r}")
    for key, listed in (("other_kept", subject.get("other_kept") or []), ("self_harm.not", (subject.get("self_harm") or {}).get("not") or [])):
        if not isinstance(listed, list) or not all(isinstance(i, str) and catalogue.has_indicator(i) and not catalogue.indicator(i).immediate for i in listed):
            raise SearchDataError(f"subject.{key} must list rows of the tables, never an immediate criterion: {listed!r}")
    self_harm = subject.get("self_harm") or {}
    if not isinstance(self_harm, dict) or set(self_harm) - {"after", "then", "not"}:
        raise SearchDataError("subject.self_harm must be a mapping with 'after', 'then' and 'not'")
    child_only = subject.get("child_only") or []
    if not isinstance(child_only, list) or not all(
        isinstance(i, str) and catalogue.has_indicator(i) and not catalogue.indicator(i).immediate and catalogue.indicator(i).domain == CHILD_DEVELOPMENT
        for i in child_only
    ):
        raise SearchDataError(f"subject.child_only must list the child's own rows, never an immediate criterion: {child_only!r}")
    lists = [(f"joined.{k}", j[k]) for j in joined for k in JOINED_KEYS if k != "leads"]
    lists += [(f"subject.{k}", subject.get(k) or []) for k in SUBJECT_WORDS] + [("subject.conditions.words", c["words"]) for c in conditions]
    lists += [("subject.conditions.cared_for", c["cared_for"]) for c in conditions if "cared_for" in c]
    lists += [(f"subject.self_harm.{k}", (subject.get("self_harm") or {}).get(k) or []) for k in ("after", "then")]
    lists += (
        [(f"core.{i}", v) for i, v in core.items()]
        + [(f"core_from_age.{i}", c["words"]) for i, c in core_from_age.items()]
        + [(f"offered_with.{i}", v) for i, v in offered_with.items()]
        + [(f"denial.{k}", denial.get(k) or []) for k in DENIAL_KEYS]
    )
    lists += [(f"looked_after.{k}", looked_after.get(k) or []) for k in ("phrases", "before", "unless", "filler")]
    lists += [(f"early_help.{k}", early_help.get(k) or []) for k in ("said", "refusing")]
    lists += stated
    for key, value in [*extra.items(), *words.items(), *((f"severity.{k}", v) for k, v in severity.items()), ("plain", data.get("plain") or []), *lists]:
        if not strings(value):
            raise SearchDataError(f"synonyms for {key!r} must be a list of non-empty strings")
    return extra, words


SUBJECT_WORDS = (
    "parent",
    "other_child",
    "before_other",
    "peers",
    "opens",
    "ends",
    "relative",
    "says",
    "through",
    "female",
    "male",
    "bare",
    "pronouns",
    "named",
    "objects",
    "possessive",
    "stranded",
    "reflexives",
)  # the `subject` word lists (_Subject, _Clauses)
_AGREES = {"his": "he", "her": "she", "their": "they"}  # a possessive and the pronoun that stands for the same person
PEER = "\x00peer"  # a young person's boyfriend or girlfriend, said as another child (SearchIndex._peers_as_others)
JOINED_KEYS = ("leads", "parent", "harm", "about_child", "child", "says", "believed")


ENDED_REACH = 4  # words after "used to", "no longer" that the ending reaches, within its clause (_ended_at)
FIRST_PERSON = frozenset("me us".split())  # the caller is the child: "... raped me" (_not_now_first)
VICTIM_REACH = 6  # words after a carer's victimisation word that are still its telling ("abused by her father as a child")


class _NotNow(NamedTuple):
    """The synonyms file's `not_now` (search17s, review 17 N1-N3; SearchIndex._not_now_first): words normalised,
    phrases as tuples of words, rows as numbers."""

    opens: tuple[tuple[str, ...], ...]
    marks: tuple[tuple[str, ...], ...]
    when: tuple[tuple[str, ...], ...]
    young: frozenset[str]
    present: tuple[tuple[str, ...], ...]
    bounds: frozenset[str]
    kept: frozenset[int]
    victim_words: frozenset[str]
    victim_passive: frozenset[str]
    victim_between: frozenset[str]
    victim_nouns: frozenset[str]
    victim_suffered: tuple[tuple[str, ...], ...]
    childhood: tuple[tuple[str, ...], ...]
    victim_rows: frozenset[int]
    abuser_leads: Optional[int]
    determiners: frozenset[str]
    children: frozenset[str]
    preps: frozenset[str]
    relations: frozenset[str]
    always: frozenset[str]
    verbs: frozenset[str]


class _Ends(NamedTuple):
    """The synonyms file's `not_now.ended_by`, `not_now.disproved` and `locked_in` (fix18b, review 18 N4, N5, N7;
    SearchIndex._ended_by_first): words normalised, phrases as tuples of words, rows as numbers."""

    verbs: tuple[tuple[str, ...], ...]
    follows: frozenset[str]
    out_of: tuple[tuple[str, ...], ...]
    frames: tuple[tuple[str, ...], ...]
    changes: tuple[tuple[str, ...], ...]
    findings: tuple[tuple[str, ...], ...]
    locked: tuple[tuple[str, ...], ...]
    places: frozenset[str]
    locked_rows: frozenset[int]
    locked_leads: tuple[int, ...]
    kept: frozenset[int]


def _ends(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_Ends]:
    """The synonyms file's `not_now.ended_by`, `not_now.disproved` and `locked_in` as _Ends reads them; None where the
    file has no `not_now` (search_tables.check_not_now and check_locked_in checked them)."""
    data, read = synonyms.get("not_now"), TableReader(normalise, number_of)
    if not data:
        return None
    ended_by, disproved, locked = data.get("ended_by") or {}, data.get("disproved") or {}, synonyms.get("locked_in") or {}
    return _Ends(
        read.phrases(ended_by.get("verbs")),
        read.words(ended_by.get("follows")),
        read.phrases(ended_by.get("out_of")),
        read.phrases(ended_by.get("frames")),
        read.phrases(ended_by.get("changes")),
        read.phrases(disproved.get("findings")),
        read.phrases(locked.get("words")),
        read.words(locked.get("places")),
        read.rows(locked.get("rows")),
        read.ordered_rows(locked.get("leads")),
        read.rows(ended_by.get("kept")),
    )


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


class _NamedReading(NamedTuple):
    """One reading of the synonyms file's `named_rows` (fix21q; SearchIndex._named_rows_below)."""

    said: tuple[tuple[tuple[str, ...], ...], ...]
    rows: frozenset[int]
    leads: Optional[int]
    offers: Optional[int]


def _named_rows(synonyms: dict, number_of: Callable[[str], int]) -> tuple[tuple[_NamedReading, ...], dict[int, list[list[tuple[str, ...]]]]]:
    """The synonyms file's `named_rows` (fix21q) as _named_rows_below reads it, phrases and words as stems: its readings,
    and its `words` (each row's groups of words, one of each said names the row)."""
    data = synonyms.get("named_rows") or {}
    readings = tuple(
        _NamedReading(
            tuple(tuple(tuple(tokens(p)) for p in group) for group in r["said"]),
            frozenset(number_of(i) for i in r["rows"]),
            number_of(r["leads"]) if r["leads"] else None,
            number_of(r["offers"]) if r["offers"] else None,
        )
        for r in data.get("readings") or []
    )
    words = {number_of(i): [[tuple(tokens(w)) for w in group] for group in groups] for i, groups in (data.get("words") or {}).items()}
    return readings, words


class _NamedSubject(NamedTuple):
    """The synonyms file's `named_subject` (fix23a; SearchIndex._named_subject_own): the child as holder (groups of
    words, one person each), the belief verbs, the words that may stand between holder and verb, the reach from the
    verb to the reading's phrase, the adults whose saying keeps the reading, and each listed reading's own variant."""

    holders: tuple[frozenset[str], ...]
    verbs: frozenset[str]
    fillers: frozenset[str]
    reach: int
    others: frozenset[str]
    variants: dict[_NamedReading, _NamedReading]


def _named_subject(synonyms: dict, number_of: Callable[[str], int], readings: tuple[_NamedReading, ...]) -> _NamedSubject:
    """The synonyms file's `named_subject` (fix23a) as _named_subject_own reads it (search_tables.check_named_subject
    checked it): each listed `named_rows` reading (by name) with its own variant (its `said`, its `rows`, `leads` and
    `offers` from `named_subject`)."""
    data = synonyms.get("named_subject") or {}
    by_name = {r["name"]: k for k, r in enumerate((synonyms.get("named_rows") or {}).get("readings") or [])}
    words = lambda xs: frozenset(normalise(" ".join(xs)).split())  # noqa: E731
    variants = {}
    for v in data.get("readings") or []:
        if v["name"] not in by_name:  # a file without that reading (check_named_subject): nothing to read as own
            continue
        base = readings[by_name[v["name"]]]
        variants[base] = _NamedReading(
            base.said,
            frozenset(number_of(i) for i in v["rows"]),
            number_of(v["leads"]) if v["leads"] else None,
            number_of(v["offers"]) if v["offers"] else None,
        )
    return _NamedSubject(
        tuple(words(g) for g in data.get("holders") or []),
        words(data.get("verbs") or []),
        words(data.get("fillers") or []),
        int(data.get("reach") or 0),
        words(data.get("others") or []),
        variants,
    )


class _UnsaidFact(NamedTuple):
    """One reading of the synonyms file's `unsaid_facts` (fix22d; SearchIndex._unsaid_facts_below): phrases and words
    as stems, rows as numbers."""

    said: tuple[tuple[tuple[str, ...], ...], ...]
    between: frozenset[str]
    reach: int
    rows: dict[int, list[list[tuple[str, ...]]]]
    offers: tuple[int, ...]
    doers: frozenset[str]
    doer_reach: int


def _unsaid_facts(synonyms: dict, number_of: Callable[[str], int]) -> tuple[_UnsaidFact, ...]:
    """The synonyms file's `unsaid_facts` (fix22d) as _unsaid_facts_below reads it (search_tables.check_unsaid_facts checked it)."""
    data = synonyms.get("unsaid_facts") or {}
    return tuple(
        _UnsaidFact(
            tuple(tuple(dict.fromkeys(tuple(tokens(p)) for p in group)) for group in r["said"]),  # "kicks", "kicking": one stem
            frozenset(stem(w) for w in tokens(" ".join(r["between"]))),
            r["reach"],
            {number_of(i): [[tuple(tokens(w)) for w in group] for group in groups] for i, groups in r["rows"].items()},
            tuple(number_of(i) for i in r["offers"]),
            frozenset(normalise(" ".join(r["doers"])).split()),
            r["doer_reach"],
        )
        for r in data.get("readings") or []
    )


class _TurnedFact(NamedTuple):
    """One reading of the synonyms file's `turned_facts` (fix23d; SearchIndex._turned_facts_below): an `unsaid_facts`
    reading (no doers) and the words before or after a run that keep it from being read (normalised phrases)."""

    fact: _UnsaidFact
    not_before: tuple[tuple[str, ...], ...]
    not_before_reach: int
    not_after: tuple[tuple[str, ...], ...]
    not_after_reach: int
    keeps_p9_in_sight: bool  # review 12 H6: its p9 rows lose first place only, never the first three


def _turned_facts(synonyms: dict, number_of: Callable[[str], int]) -> tuple[_TurnedFact, ...]:
    """The synonyms file's `turned_facts` (fix23d) as _turned_facts_below reads it (search_tables.check_turned_facts
    checked it): each reading's `unsaid_facts` part read as `unsaid_facts` is (_unsaid_facts)."""
    readings = (synonyms.get("turned_facts") or {}).get("readings") or []
    facts = _unsaid_facts({"unsaid_facts": {"readings": [{**r, "doers": [], "doer_reach": 0} for r in readings]}}, number_of)
    return tuple(
        _TurnedFact(
            fact,
            tuple(tuple(normalise(p).split()) for p in r["not_before"]),
            r["not_before_reach"],
            tuple(tuple(normalise(p).split()) for p in r["not_after"]),
            r["not_after_reach"],
            r["keeps_p9_in_sight"],
        )
        for fact, r in zip(facts, readings)
    )


class _OfThisChild(NamedTuple):
    """The synonyms file's `of_this_child` (search19p; SearchIndex._stated_of_this_child): each p9 row's phrases, the
    subjects that name this child, the determiners before one, the words between a subject and a phrase, and the
    words after which a clause states nothing (normalised words, phrases as tuples)."""

    rows: dict[int, tuple[tuple[str, ...], ...]]
    subjects: tuple[tuple[str, ...], ...]
    determiners: frozenset[str]
    between: frozenset[str]
    not_after: tuple[tuple[str, ...], ...]


def _of_this_child(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_OfThisChild]:
    data, read = synonyms.get("of_this_child"), TableReader(normalise, number_of)
    if not data:
        return None
    return _OfThisChild(
        {number_of(i): read.phrases(ws) for i, ws in data["rows"].items()},
        read.phrases(data["subjects"]),
        read.words(data["determiners"]),
        read.words(data["between"]),
        read.phrases(data["not_after"]),
    )


def _not_now(synonyms: dict, number_of: Callable[[str], int], catalogue: Catalogue) -> Optional[_NotNow]:
    """The synonyms file's `not_now` as _NotNow reads it; None where the file has none (search_tables.check_not_now checked it)."""
    data, read = synonyms.get("not_now"), TableReader(normalise, number_of)
    if not data:
        return None
    ended, victim, placed = (data.get(k) or {} for k in ("ended", "victim", "placed"))
    own_past = read.words(ended.get("own_past"))
    history = {number_of(ind.id) for ind in catalogue.indicators if own_past & set(normalise(ind.text).split())}
    return _NotNow(
        read.phrases(ended.get("opens")),
        read.phrases(ended.get("marks")),
        read.phrases(ended.get("when")),
        read.words(ended.get("young")),
        read.phrases(ended.get("present")),
        read.words(ended.get("bounds")),
        read.rows(ended.get("kept")) | history,
        read.words(victim.get("words")),
        read.words(victim.get("passive")),
        read.words(victim.get("between")),
        read.words(victim.get("nouns")),
        read.phrases(victim.get("suffered")),
        read.phrases(victim.get("childhood")),
        read.rows(victim.get("rows")),
        read.row(victim.get("abuser_leads")),
        *(read.words(placed.get(k)) for k in ("determiners", "children", "preps", "relations", "always", "verbs")),
    )


def load_synonyms(path: Path = SYNONYMS_FILE) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml_load.load(fh) or {}


_BUILDING = threading.Lock()


@cache
def _built() -> SearchIndex:
    index = SearchIndex(load_catalogue(), load_synonyms(), example_calls())
    if index.p9_english_floor:
        # dict22: the English word list with the index (gunicorn's master builds it before the fork, so every worker
        # shares both), not on an adviser's first word one edit from a p9 word (0.1-0.5 s: docs/benchmarks.md)
        load_english()
    return index


def default_index() -> SearchIndex:
    """The index over the shipped catalogue and synonyms, with the English word list its p9 spelling
    reading asks (pathway/english.py), built once per process (the first requests may arrive
    together on several threads: one builds, the others wait for it)."""
    with _BUILDING:
        return _built()


def says_child_in_care(query: str) -> bool:
    """Whether the words name the child's own looked-after status now (SearchIndex.says_child_in_care)."""
    return default_index().says_child_in_care(query)


def says_early_help_refused(query: str) -> bool:
    """Whether the words refuse the CAF or early help (SearchIndex.says_early_help_refused)."""
    return default_index().says_early_help_refused(query)


def search(query: str, *, age_in_months: Optional[int] = None, unborn: bool = False, limit: int = 10, finished: bool = False) -> list[Hit]:
    """Search the shipped catalogue; see SearchIndex.search."""
    return default_index().search(query, age_in_months=age_in_months, unborn=unborn, limit=limit, finished=finished)


# ---------------------------------------------------------------- the contract (CLI and API)
MAX_WORDS = 200  # characters: what an adviser types, not a document
MAX_LIMIT = 50
MAX_AGE_MONTHS = load_catalogue().age.care_leaver_max_years * 12 + 11  # the pathway's oldest, in months


class SearchRequest(BaseModel):
    """`pathway search` and `POST /api/v1/search` take the same request (issue 14)."""

    model_config = ConfigDict(extra="forbid")

    words: str = Field(min_length=1, max_length=MAX_WORDS, description="what the caller said")
    age_months: Optional[int] = Field(default=None, ge=0, le=MAX_AGE_MONTHS, strict=True, description="the child's age in whole months; leave out if not known")
    unborn: bool = Field(default=False, strict=True, description="the child is not yet born (no age_months)")
    limit: int = Field(default=10, ge=1, le=MAX_LIMIT, strict=True)

    @field_validator("words")
    @classmethod
    def _written_text(cls, words: str) -> str:
        """The one rule for free text (pathway.written_text; review 18 surfaces, S1): a NUL, a terminal
        escape or a direction override is refused naming `words`, never searched on."""
        message = written_text.fault(words, "words")
        if message:
            raise PydanticCustomError("written_text", message)
        return words

    @model_validator(mode="after")
    def _one_age(self):
        if not self.words.strip():
            raise PydanticCustomError("blank", "words: type what the caller said")
        if self.unborn and self.age_months is not None:
            raise PydanticCustomError("age_and_unborn", "give either age_months or unborn, not both")
        return self

    @classmethod
    def parse(cls, raw: str | bytes | dict) -> "SearchRequest":
        """Parse a request, turning every problem into a CaseError naming its field."""
        try:
            if isinstance(raw, dict):
                return cls.model_validate(raw)
            raw = without_bom(raw)
            refuse_duplicated_keys(raw)  # raises CaseError naming the key (review 8 surfaces D1)
            return cls.model_validate_json(raw)
        except ValidationError as exc:
            raise refusal(exc, raw, _search_field_error) from None

    def run(self) -> list[dict]:
        """The hits as the contract's rows: best first."""
        hits = search(self.words, age_in_months=self.age_months, unborn=self.unborn, limit=self.limit)
        return [contract_row(h) for h in hits]


def contract_row(hit: Hit) -> dict:
    ind = hit.indicator
    return {"id": ind.id, "text": ind.text, "level": ind.level.value, "immediate": ind.immediate, "score": hit.score}


def _search_field_error(err: Mapping[str, Any]) -> FieldError:
    """pydantic's error in the case format; a whole-request check names the field in its message."""
    if err.get("type") in ("blank", "age_and_unborn"):
        field = "words" if err["type"] == "blank" else "unborn"
        return FieldError(field=field, message=err["msg"].removeprefix("words: "))
    if err.get("type") == "model_type" and not err.get("loc"):
        return FieldError(field="(body)", message="a search must be a JSON object")
    return field_error(err)


HARM_STOPS = frozenset("by with at in on to from".split())  # an act's object is said before these ("hits him with a belt")
HARMED_PRONOUNS = frozenset("him them".split())  # the child as an act's object ("her" is read apart: _harm_to_child_at)
AGE_UNITS = frozenset("year years yr yrs month months week weeks".split())  # "hitting the 4 year old"


class _HarmToChild(NamedTuple):
    """The synonyms file's `harm_to_child` (fix19a; SearchIndex._harm_to_child_first), words as said (normalised)."""

    acts: frozenset[str]
    partners: frozenset[str]  # a pronoun after one of these as the one who acts is their partner ("her partner is hitting her")
    doer_reach: int
    reach: int
    witnessed: tuple[tuple[str, ...], ...]
    between: frozenset[int]
    leads: tuple[int, ...]  # in order: the first the age admits leads


def _harm_to_child(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_HarmToChild]:
    """The synonyms file's `harm_to_child` as SearchIndex reads it, or None where the file has none."""
    data, read = synonyms.get("harm_to_child"), TableReader(normalise, number_of)
    if not data:
        return None
    return _HarmToChild(
        read.words(data["acts"]),
        read.words(data["partners"]),
        int(data["doer_reach"]),
        int(data["reach"]),
        read.phrases(data["witnessed"], empty=True),
        read.rows(data["between"]),
        read.ordered_rows(data["leads"]),
    )


OFFENDED_PRONOUNS = frozenset("him me us".split())  # the child as a crime's object (_offender_at): "they robbed him"


class _OffenceKind(NamedTuple):
    """One of the synonyms file's `offender.kinds` (fix19a): its acts (as said), the rows it does not lead with and
    those it leads with instead, in order."""

    acts: frozenset[str]
    not_first: frozenset[int]
    leads: tuple[int, ...]


class _Offender(NamedTuple):
    """The synonyms file's `offender` (fix19a; SearchIndex._offender_first), words as said (normalised)."""

    subjects: frozenset[str]
    object_starts: frozenset[str]  # a subject that is no pronoun needs one of these (or a determiner) just after the act
    between: frozenset[str]
    passive: frozenset[str]
    reach: int
    kinds: tuple[_OffenceKind, ...]


def _offender(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_Offender]:
    """The synonyms file's `offender` as SearchIndex reads it, or None where the file has none."""
    data, read = synonyms.get("offender"), TableReader(normalise, number_of)
    if not data:
        return None
    kinds = tuple(_OffenceKind(read.words(k["acts"]), read.rows(k["not_first"]), read.ordered_rows(k["leads"])) for k in data["kinds"])
    said = read.words
    return _Offender(said(data["subjects"]), said(data["object_starts"]), said(data["between"]), said(data["passive"]), int(data["reach"]), kinds)


class _NotChild(NamedTuple):
    """The synonyms file's `not_the_child` (fix18a; SearchIndex._not_the_child_first), words as said (normalised)."""

    things: frozenset[str]
    adults: frozenset[str]
    before: frozenset[str]
    thing_rows: frozenset[int]
    acts: frozenset[str]
    passive: frozenset[str]
    passive_be: frozenset[str]
    others: frozenset[str]
    reach: int
    victim_rows: frozenset[int]
    doer_leads: tuple[int, ...]  # in order: the first found leads; where none is, the first is offered


def _not_the_child(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_NotChild]:
    """The synonyms file's `not_the_child` as SearchIndex reads it, or None where the file has none."""
    data, read = synonyms.get("not_the_child"), TableReader(normalise, number_of)
    if not data:
        return None
    doers = data["doers"]
    said = read.words
    return _NotChild(
        said(data["things"]),
        said(data["adults"]),
        said(data["before"]),
        read.rows(data["thing_rows"]),
        said(doers["acts"]),
        said(doers["passive"]),
        said(doers["passive_be"]),
        said(doers["others"]),
        int(doers["reach"]),
        read.rows(doers["victim_rows"]),
        read.ordered_rows(doers["doer_leads"]),
    )


class _Roles(NamedTuple):
    """The synonyms file's `service_roles` (fix19c; SearchIndex._role_word, _role_at), words as said (normalised)."""

    endings: tuple[str, ...]
    not_: frozenset[str]
    modifiers: int
    own_rows: frozenset[int]


def _service_roles(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_Roles]:
    """The synonyms file's `service_roles` as SearchIndex reads it, or None where the file has none."""
    data, read = synonyms.get("service_roles"), TableReader(normalise, number_of)
    if not data:
        return None
    return _Roles(read.words_in_order(data["endings"]), read.words(data["not"]), int(data["modifiers"]), read.rows(data["own_rows"]))


class _Disclosed(NamedTuple):
    """The synonyms file's `disclosed_own_acts` (fix19c; SearchIndex._disclosed_own_act_first), words as said."""

    row: int
    verbs: frozenset[str]
    acts: tuple[tuple[str, ...], ...]
    leads: tuple[int, ...]


def _disclosed_own_acts(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_Disclosed]:
    """The synonyms file's `disclosed_own_acts` as SearchIndex reads it, or None where the file has none."""
    data, read = synonyms.get("disclosed_own_acts"), TableReader(normalise, number_of)
    if not data:
        return None
    return _Disclosed(number_of(data["row"]), read.words(data["verbs"]), read.phrases(data["acts"], empty=True), read.ordered_rows(data["leads"]))


class _CarerThreat(NamedTuple):
    """The synonyms file's `carer_threat` (fix19d; SearchIndex._carer_threat_first), words as said (normalised)."""

    acts: tuple[tuple[str, ...], ...]
    threats: frozenset[str]
    reach: int
    child: tuple[int, ...]
    offers: tuple[int, ...]


def _carer_threat(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_CarerThreat]:
    """The synonyms file's `carer_threat` as SearchIndex reads it, or None where the file has none."""
    data, read = synonyms.get("carer_threat"), TableReader(normalise, number_of)
    if not data:
        return None
    return _CarerThreat(
        read.phrases(data["acts"], empty=True),
        read.words(data["threats"]),
        int(data["reach"]),
        read.ordered_rows(data["child"]),
        read.ordered_rows(data["offers"]),
    )


_YEARS_SAID = re.compile(r"(\d+)(?:yo|yos|yr|yrs|y|years?)")  # "12yo", "12yrs": a child of that many years


class _PregnantYoung(NamedTuple):
    """The synonyms file's `pregnant_young` (fix19d; SearchIndex._pregnant_young_first), words as said (normalised)."""

    words: frozenset[str]
    rows: frozenset[int]
    leads: int
    under: int
    said_after: frozenset[str]


def _pregnant_young(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_PregnantYoung]:
    """The synonyms file's `pregnant_young` as SearchIndex reads it, or None where the file has none."""
    data, read = synonyms.get("pregnant_young"), TableReader(normalise, number_of)
    if not data:
        return None
    return _PregnantYoung(read.words(data["words"]), read.rows(data["rows"]), number_of(data["leads"]), int(data["under"]), read.words(data["said_after"]))


def _unborn_calm(synonyms: dict, number_of: Callable[[str], int]) -> Optional[tuple[frozenset[str], int]]:
    """The synonyms file's `unborn_calm` as SearchIndex reads it (fix20u): its words' stems and the row that leads."""
    data = synonyms.get("unborn_calm")
    if not data:
        return None
    return frozenset(stem(w) for w in data["words"]), number_of(data["leads"])


def _care_left(synonyms: dict, number_of: Callable[[str], int]) -> Optional[tuple[tuple[tuple[str, ...], ...], list[str], int]]:
    """The synonyms file's `care_left` as SearchIndex._care_left reads it (fix20u): its phrases as said (normalised),
    longest first, and the words each is read as."""
    data = synonyms.get("care_left")
    if not data:
        return None
    phrases = sorted({tuple(normalise(p).split()) for p in data["phrases"]}, key=lambda p: -len(p))
    return tuple(phrases), normalise(data["read_as"]).split(), number_of(data["row"])


class _AsMeant(NamedTuple):
    """The synonyms file's `said_as_meant` (fix22b; SearchIndex._as_meant), normalised; phrases longest first."""

    intoxicated: tuple[tuple[str, ...], ...]
    before: frozenset[str]
    subjects: frozenset[str]
    adverbs: frozenset[str]
    not_after: frozenset[str]
    objects: frozenset[str]
    read_as: tuple[str, ...]
    very: frozenset[str]
    very_before: frozenset[str]
    very_read_as: tuple[str, ...]
    plain: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    caring: frozenset[str]


def _as_meant_table(synonyms: dict) -> Optional[_AsMeant]:
    """The synonyms file's `said_as_meant` as SearchIndex._as_meant reads it, or None where the file has none."""
    data = synonyms.get("said_as_meant")
    if not data:
        return None
    read = TableReader(normalise, lambda i: 0)
    tox, very = data["intoxicated"], data["very"]
    return _AsMeant(
        tuple(sorted(read.phrases(tox["phrases"]), key=lambda p: -len(p))),
        read.words(tox["before"]),
        read.words(tox["subjects"]),
        read.words(tox["adverbs"]),
        read.words(tox["not_after"]),
        read.words(tox["objects"]),
        tuple(normalise(tox["read_as"]).split()),
        read.words(very["words"]),
        read.words(very["before"]),
        tuple(normalise(very["read_as"]).split()),
        tuple(sorted(((tuple(normalise(k).split()), tuple(normalise(v).split())) for k, v in data["plain"].items()), key=lambda kv: -len(kv[0]))),
        read.words(data["caring"]),
    )


NEVER_REACH = 5  # words after the verb a "never" frame denies, within its clause (_never_at)


def _year(word: str) -> bool:
    """A year said as four digits from 1990 to 2099 ("in 2022"): a time a contrast places in the past (_past_at)."""
    return len(word) == 4 and word.isdigit() and 1990 <= int(word) <= 2099


class _Overruled(NamedTuple):
    """The synonyms file's `overruled` (fix19b, review 19 N2, N3, N6, N7; SearchIndex._overruled_first): words
    normalised, phrases as tuples of words, rows as numbers."""

    never: frozenset[str]
    never_bridges: frozenset[str]
    never_verbs: frozenset[str]
    never_ends: frozenset[str]
    ordinary_rows: frozenset[int]
    ordinary_leads: Optional[int]
    drinks: tuple[tuple[str, ...], ...]
    small: tuple[tuple[str, ...], ...]
    seldom: tuple[tuple[str, ...], ...]
    significant: tuple[tuple[str, ...], ...]
    drugs: tuple[tuple[str, ...], ...]
    past_marks: tuple[tuple[str, ...], ...]
    past_times: tuple[tuple[str, ...], ...]
    past_now: tuple[tuple[str, ...], ...]
    past_present: tuple[tuple[str, ...], ...]
    reidentify: tuple[tuple[str, ...], ...]
    allegation: frozenset[str]
    findings: tuple[tuple[str, ...], ...]
    allegation_rows: frozenset[int]


ALLEGATION_ROWS = ("immediate.allegation_or_disclosure",)  # p9's row a finding about an allegation disproves (_overruled_first)


def _overruled(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_Overruled]:
    """The synonyms file's `overruled` as _Overruled reads it; None where the file has none (search_tables.check_overruled checked it)."""
    data, read = synonyms.get("overruled"), TableReader(normalise, number_of)
    if not data:
        return None
    never, ordinary, past, disproves = (data.get(k) or {} for k in OVERRULED_KEYS)
    words, phrases = read.words, read.phrases
    return _Overruled(
        words(never.get("words")),
        words(never.get("bridges")),
        words(never.get("verbs")),
        words(never.get("ends")),
        read.rows(ordinary.get("rows")),
        read.row(ordinary.get("leads")),
        phrases(ordinary.get("drinks")),
        phrases(ordinary.get("small")),
        phrases(ordinary.get("seldom")),
        phrases(ordinary.get("significant")),
        phrases(ordinary.get("drugs")),
        phrases(past.get("marks")),
        phrases(past.get("times")),
        phrases(past.get("now")),
        phrases(past.get("present")),
        phrases(disproves.get("reidentify")),
        words(disproves.get("allegation")),
        phrases(disproves.get("findings")),
        read.rows(ALLEGATION_ROWS),
    )


class _HarmByAdult(NamedTuple):
    """The synonyms file's `harm_by_adult` (search20; SearchIndex._harm_by_adult_first), words as said (normalised)."""

    companions: frozenset[str]
    modifiers: frozenset[str]
    adults: frozenset[str]
    male: frozenset[str]
    not_after: frozenset[str]
    yields: frozenset[int]
    leads: tuple[int, ...]  # in order: the first the age admits leads


def _harm_by_adult(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_HarmByAdult]:
    """The synonyms file's `harm_by_adult` as SearchIndex reads it, or None where the file has none."""
    data = synonyms.get("harm_by_adult")
    if not data:
        return None
    return _HarmByAdult(
        frozenset(normalise(" ".join(data["companions"])).split()),
        frozenset(normalise(" ".join(data["modifiers"])).split()),
        frozenset(normalise(" ".join(data["adults"])).split()),
        frozenset(normalise(" ".join(data["male"])).split()),
        frozenset(normalise(" ".join(data["not_after"])).split()),
        frozenset(number_of(i) for i in data["yields"]),
        tuple(number_of(i) for i in data["leads"]),
    )


def _of_this_child_not_before(synonyms: dict) -> tuple[tuple[str, ...], ...]:
    """The synonyms file's `of_this_child_not_before` (search20; SearchIndex._of_this_child_not_before) as phrases."""
    return tuple(p for p in (tuple(normalise(w).split()) for w in synonyms.get("of_this_child_not_before") or []) if p)


class _ToldAlone(NamedTuple):
    """The synonyms file's `told_alone` (search20; SearchIndex._told_alone_below)."""

    row: int
    verbs: frozenset[str]
    words: frozenset[str]


def _told_alone(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_ToldAlone]:
    """The synonyms file's `told_alone` as SearchIndex reads it, or None where the file has none."""
    data = synonyms.get("told_alone")
    if not data:
        return None
    return _ToldAlone(number_of(data["row"]), frozenset(normalise(" ".join(data["verbs"])).split()), frozenset(normalise(" ".join(data["words"])).split()))


class _RoleAbuse(NamedTuple):
    """The synonyms file's `role_abuse` (search20; SearchIndex._role_abuse_first), words as said (normalised)."""

    acts: frozenset[str]
    objects: frozenset[str]
    reach: int
    lead: int


def _role_abuse(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_RoleAbuse]:
    """The synonyms file's `role_abuse` as SearchIndex reads it, or None where the file has none."""
    data = synonyms.get("role_abuse")
    if not data:
        return None
    return _RoleAbuse(
        frozenset(normalise(" ".join(data["acts"])).split()),
        frozenset(normalise(" ".join(data["objects"])).split()),
        int(data["reach"]),
        number_of(data["lead"]),
    )


class _RoleCondition(NamedTuple):
    """The synonyms file's `role_condition` (search20; SearchIndex._role_condition_first), words as said (normalised)."""

    rows: frozenset[int]
    carers: frozenset[str]


def _role_condition(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_RoleCondition]:
    """The synonyms file's `role_condition` as SearchIndex reads it, or None where the file has none."""
    data = synonyms.get("role_condition")
    if not data:
        return None
    return _RoleCondition(frozenset(number_of(i) for i in data["rows"]), frozenset(normalise(" ".join(data["carers"])).split()))


class _SaidPlainly(NamedTuple):
    """The synonyms file's `said_plainly` (fix20d, review 20 N5-N10; SearchIndex._said_plainly_last), normalised."""

    others: tuple[tuple[str, ...], ...]  # other_child_well: a clause about another child...
    well: tuple[tuple[str, ...], ...]  # ...who is well
    well_reach: int
    regional: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # a regional phrase and what it means
    kin_words: frozenset[str]
    kin: frozenset[str]
    kin_rows: frozenset[int]
    pregnancy_rows: frozenset[int]
    pregnancy_words: tuple[tuple[str, ...], ...]
    male: frozenset[str]
    male_pronouns: frozenset[str]
    female: frozenset[str]
    denials: tuple[tuple[str, ...], ...]
    risk: frozenset[str]
    risk_rows: frozenset[int]
    numbers: Mapping[str, int]
    units: Mapping[str, float]
    age_subjects: frozenset[str]
    adults: frozenset[str]
    you: frozenset[str]
    conditions: tuple[tuple[str, ...], ...]
    you_reach: int
    child_rows: frozenset[int]
    baby_leads: int
    leads: int
    baby_words: frozenset[str]


def _said_plainly(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_SaidPlainly]:
    """The synonyms file's `said_plainly` as SearchIndex reads it, or None where the file has none."""
    d = synonyms.get("said_plainly")
    if not d:
        return None

    def phrases(ws: Iterable[str]) -> tuple[tuple[str, ...], ...]:
        return tuple(p for p in (tuple(normalise(w).split()) for w in ws) if p)

    def single(ws: Iterable[str]) -> frozenset[str]:
        return frozenset(normalise(w) for w in ws)

    ocw, kin, preg, den, ages, you = d["other_child_well"], d["kin"], d["pregnancy"], d["denied_risk"], d["ages"], d["you"]
    return _SaidPlainly(
        others=phrases(ocw["others"]),
        well=phrases(ocw["well"]),
        well_reach=int(ocw["reach"]),
        regional=tuple((tuple(normalise(k).split()), tuple(normalise(v).split())) for k, v in d["regional"].items()),
        kin_words=single(kin["words"]),
        kin=single(kin["kin"]),
        kin_rows=frozenset(number_of(i) for i in kin["rows"]),
        pregnancy_rows=frozenset(number_of(i) for i in preg["rows"]),
        pregnancy_words=phrases(preg["words"]),
        male=single(preg["male"]),
        male_pronouns=single(preg["male_pronouns"]),
        female=single(preg["female"]),
        denials=phrases(den["denials"]),
        risk=single(den["risk"]),
        risk_rows=frozenset(number_of(i) for i in den["rows"]),
        numbers={normalise(k): int(v) for k, v in ages["numbers"].items()},
        units={normalise(k): float(v) for k, v in ages["units"].items()},
        age_subjects=single(ages["subjects"]),
        adults=single(ages["adults"]),
        you=single(you["you"]),
        conditions=phrases(you["conditions"]),
        you_reach=int(you["reach"]),
        child_rows=frozenset(number_of(i) for i in you["child_rows"]),
        baby_leads=number_of(you["baby_leads"]),
        leads=number_of(you["leads"]),
        baby_words=single(you["baby_words"]),
    )


def _phrases_at(phrases: Iterable[tuple[str, ...]], words: list[str]) -> list[tuple[int, int]]:
    """Each place (start, end) one of the phrases is said in the words."""
    return [(i, i + len(p)) for p in phrases for i in _phrase_at(p, words)]


def _age_in_words(sp: _SaidPlainly, words: list[str]) -> Optional[int]:
    """The child's age in months as the words state it (fix20d, review 20 N10; the synonyms file's `said_plainly.ages`),
    or None: a number (digits or a word) then a unit then "old" ("eighteen months old", "six month old", "a four year
    old"), or a child's word ("he", "she", "your son") then "is"/"aged" then a number followed by no other unit ("he is
    seven"); not an age an adult's or another child's word follows ("a 25 year old man"); None where two ages differ."""
    found: set[int] = set()
    for i, w in enumerate(words):
        n = int(w) if w.isdigit() and len(w) < 4 else sp.numbers.get(w)
        if n is None:
            continue
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if nxt in sp.units and i + 2 < len(words) and words[i + 2] == "old":
            after = words[i + 3] if i + 3 < len(words) else ""
            if after not in sp.adults and not (w in ("a", "an") and nxt not in ("year", "week", "month", "day")):
                found.add(int(n * sp.units[nxt]))
            continue
        if w in ("a", "an"):
            continue
        if i >= 2 and words[i - 1] in ("is", "aged") and words[i - 2] in sp.age_subjects and nxt not in sp.units and nxt not in sp.adults:
            found.add(n * 12)
        elif nxt in ("years", "yrs") and i >= 2 and words[i - 1] in ("is", "aged") and words[i - 2] in sp.age_subjects:
            found.add(n * 12)
    return found.pop() if len(found) == 1 else None


def said_you(words: list[str], you: frozenset[str]) -> bool:
    """Whether the words say one of `you` ("you", not "your": "your son" is the child)."""
    return not you.isdisjoint(words)


class _EverydayHitting(NamedTuple):
    """The synonyms file's `everyday_hitting` (fix20b, review 20 N2; SearchIndex._everyday_hitting_first), normalised."""

    phrases: tuple[tuple[str, ...], ...]  # the idioms and single words for hitting, each as a phrase
    children: tuple[tuple[str, ...], ...]  # a caller's words for the child beyond CHILD_ROLES ("the little un")
    doer_reach: int
    reach: int
    leads: tuple[int, ...]  # in order: the first the age admits leads


def _everyday_hitting(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_EverydayHitting]:
    """The synonyms file's `everyday_hitting` as SearchIndex reads it, or None where the file has none."""
    data = synonyms.get("everyday_hitting")
    if not data:
        return None
    said = [tuple(normalise(p).split()) for p in [*data["phrases"], *data["words"]]]
    return _EverydayHitting(
        tuple(p for p in said if p),
        tuple(tuple(normalise(p).split()) for p in data["children"] if normalise(p).split()),
        int(data["doer_reach"]),
        int(data["reach"]),
        tuple(number_of(i) for i in data["leads"]),
    )


class _CarerSubstance(NamedTuple):
    """The synonyms file's `carer_substance` (fix20b, review 20 N3; SearchIndex._carer_substance_first), normalised."""

    uses: tuple[tuple[str, ...], ...]  # drink and drug words, each as a phrase
    child_subjects: frozenset[str]
    trade: frozenset[str]  # just before or after a drug word, a trade in it, no use ("dealing drugs", "drug dealer")
    reach: int
    child: frozenset[int]  # the child's own substance rows
    offers: tuple[int, ...]  # a carer's substance rows, by level
    violence: int  # p9's repeated-domestic-violence line (its core unsaid: not offered for substance use alone)
    under_1: int  # p9's under-1 substance line


def _carer_substance(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_CarerSubstance]:
    """The synonyms file's `carer_substance` as SearchIndex reads it, or None where the file has none."""
    data = synonyms.get("carer_substance")
    if not data:
        return None
    return _CarerSubstance(
        tuple(p for p in (tuple(normalise(w).split()) for w in data["uses"]) if p),
        frozenset(normalise(" ".join(data["child_subjects"])).split()),
        frozenset(normalise(" ".join(data["trade"])).split()),
        int(data["reach"]),
        frozenset(number_of(i) for i in data["child"]),
        tuple(number_of(i) for i in data["offers"]),
        number_of(data["violence"]),
        number_of(data["under_1"]),
    )


def _offered_last(n: int, ranked: list[int], final: dict[int, float]) -> None:
    """Offer row n the words did not find: last in the results, scored just below the last (fix20b's readings)."""
    if n not in ranked:
        final[n] = round(final[ranked[-1]], 6) - 1e-6
        ranked.append(n)


_UNDER_1_NUMBERS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())} | {"a": 1}
_UNDER_1_UNITS = {"day": 365, "days": 365, "week": 52, "weeks": 52, "month": 12, "months": 12}  # the count under which a unit is under 1 year


def _under_1_said(words: list[str]) -> bool:
    """Whether the words say an age under 1 year (fix20b; SearchIndex._carer_substance_first): a number (digits or a
    word, "a") then "day(s)", "week(s)" or "month(s)" then "old" ("eleven month old", "9 month old baby", "three
    weeks old", "a week old"), or "only" before the number ("the little un is only 7 month"); "9m", "7mths"
    (_AGE_SAID in months). "6 months ago", "for 3 weeks" are no age: "old" or "only" is needed."""
    for i, w in enumerate(words):
        m = re.fullmatch(r"(\d+)(?:m|mo|mth|mths|months?|wks?|weeks?)", w)
        if m and int(m.group(1)) < (52 if "w" in w else 12):
            return True
        n = int(w) if w.isdigit() else _UNDER_1_NUMBERS.get(w)
        if n is None or i + 1 >= len(words) or words[i + 1] not in _UNDER_1_UNITS or n >= _UNDER_1_UNITS[words[i + 1]]:
            continue
        if (i + 2 < len(words) and words[i + 2] == "old") or (i > 0 and words[i - 1] == "only"):
            return True
    return False


ADULT_PAST_REACH = 10  # words back from a marker of the past to the carer it is said of (_adult_past_at)
ADULT_PAST_OTHERS = frozenset("he she they i we him me us them her by".split())  # a nearer subject: the past is not the carer's named before (_adult_past_at)
HYPOTHETICAL_REACH = 8  # words after a hypothetical's mark that it still reaches, within its clause (_hypothetical_at)
EXPLAINED_REACH = 3  # words from the start of an injury's cause that are the cause ("fell off his bike") (_explained_first)


class _Elsewhere(NamedTuple):
    """The synonyms file's `elsewhere` (fix21p, review 21 N1, N2, N3, N6; SearchIndex._elsewhere_first), normalised."""

    past_marks: tuple[tuple[str, ...], ...]
    care: tuple[tuple[str, ...], ...]
    care_leads: Optional[int]
    past_kept: frozenset[int]
    filler: frozenset[str]
    if_marks: tuple[tuple[str, ...], ...]
    if_present: tuple[tuple[str, ...], ...]
    asking: frozenset[str]
    risk_leads: tuple[int, ...]
    injuries: frozenset[str]
    causes: tuple[tuple[str, ...], ...]
    severe: frozenset[str]
    reported: frozenset[str]
    explained_rows: frozenset[int]
    under_months: int


def _elsewhere(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_Elsewhere]:
    """The synonyms file's `elsewhere` as SearchIndex reads it; None where the file has none (search_tables.check_elsewhere checked it)."""
    data, read = synonyms.get("elsewhere"), TableReader(normalise, number_of)
    if not data:
        return None
    past, long_past, hyp, exp = (data[k] for k in ("adult_past", "long_past", "hypothetical", "explained"))
    return _Elsewhere(
        read.phrases(past["marks"]),
        read.phrases(past["care"]),
        read.row(past["care_leads"]),
        read.rows(past["kept"]),
        read.words(long_past["filler"]),
        read.phrases(hyp["marks"]),
        read.phrases(hyp["present"]),
        read.words(hyp["asking"]),
        read.ordered_rows(hyp["risk_leads"]),
        read.words(exp["injuries"]),
        read.phrases(exp["causes"]),
        read.words(exp["severe"]),
        read.words(exp["reported"]),
        read.rows(exp["rows"]),
        int(exp["under_months"]),
    )


class _NotYet(NamedTuple):
    """The synonyms file's `not_yet` (fix23f, review 21 N3; SearchIndex._not_yet_below), read."""

    now: frozenset[str]
    harm_to: frozenset[str]
    lethal: frozenset[str]
    own: frozenset[str]
    worry: frozenset[str]
    fact_rows: frozenset[int]
    kept: frozenset[int]
    fact_leads: Optional[int]


def _not_yet(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_NotYet]:
    """The synonyms file's `not_yet` as SearchIndex reads it; None where the file has none (search_tables.check_not_yet checked it)."""
    data, read = synonyms.get("not_yet"), TableReader(normalise, number_of)
    if not data:
        return None
    w = read.words
    return _NotYet(
        w(data["now"]),
        w(data["harm_to"]),
        w(data["lethal"]),
        w(data["own"]),
        w(data["worry"]),
        read.rows(data["fact_rows"]),
        read.rows(data["kept"]),
        read.row(data["fact_leads"]),
    )


class _ExplainedPlay(NamedTuple):
    """The synonyms file's `explained_play` (fix23f, review 21 N6; SearchIndex._explained_play_below), read."""

    play: frozenset[str]
    many: tuple[tuple[str, ...], ...]
    min_months: int
    injury_rows: frozenset[int]
    rows: frozenset[int]


def _explained_play(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_ExplainedPlay]:
    """The synonyms file's `explained_play` as SearchIndex reads it; None where the file has none (search_tables.check_explained_play checked it)."""
    data, read = synonyms.get("explained_play"), TableReader(normalise, number_of)
    if not data:
        return None
    return _ExplainedPlay(
        read.words(data["play"]), read.phrases(data["many"]), int(data["min_months"]), read.rows(data["injury_rows"]), read.rows(data["rows"])
    )


class _AboveUniversal(NamedTuple):
    """The synonyms file's `above_universal` (fix22a, review 22 N1; SearchIndex._above_universal_step), read."""

    cuts: re.Pattern[str]  # where a call's clauses are cut (_clause_first)
    universal_cuts: re.Pattern[str]  # ...and where a Universal row is first
    min_words: int  # words (no stop words) a clause's row is matched by, at least
    clear: float  # a Universal row in the clause's first three scoring this share of its first makes it no fact above it
    levels: frozenset[Level]  # the levels of a table row that may lead over a Universal row
    needs_met: frozenset[int]  # Universal rows that name a need met: only a p9 row leads over them
    opposites: Mapping[int, frozenset[int]]  # a Universal row to its opposites above Universal


def _above_universal(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_AboveUniversal]:
    """The synonyms file's `above_universal` as SearchIndex reads it; None where the file has none (search_tables.check_above_universal checked it)."""
    data, read = synonyms.get("above_universal"), TableReader(normalise, number_of)
    if not data:
        return None
    return _AboveUniversal(
        re.compile(data["cuts"], re.IGNORECASE),
        re.compile(data["universal_cuts"], re.IGNORECASE),
        int(data["min_words"]),
        float(data["clear"]),
        frozenset(Level(v) for v in data["levels"]),
        read.rows(data["needs_met"]),
        {number_of(u): read.rows(os) for u, os in data["opposites"].items()},
    )


class _ClauseReading(NamedTuple):
    """The synonyms file's `clause_reading` (fix23c, review 23 N1; SearchIndex._clause_pieces, _clause_min_words,
    _clause_read_over_additional), read."""

    before: re.Pattern[str]  # a contrast word a clause is cut before
    run_on: bool  # a list said without commas is cut before a carer (_run_on_cut)
    p9_min_words: int  # words a clause's p9 row is matched by, at least, where one of them is one of `p9_words`
    p9_words: frozenset[str]  # stems of words that alone say harm done ("bruises", "raped")
    over_additional_domains: frozenset[str]  # an Additional row of these domains first: its call read clause by clause


def _clause_reading(synonyms: dict) -> Optional[_ClauseReading]:
    """The synonyms file's `clause_reading`; None where the file has none (search_tables.check_clause_reading checked it)."""
    data = synonyms.get("clause_reading")
    if not data:
        return None
    before = "|".join(r"(?=\b" + r"\s+".join(map(re.escape, w.split())) + r"\b)" for w in data["before"])
    return _ClauseReading(
        re.compile(before, re.IGNORECASE),
        bool(data["run_on"]),
        int(data["p9_min_words"]),
        frozenset(stem(w) for w in data["p9_words"]),
        frozenset(data["over_additional_domains"]),
    )


class _Under13Sex(NamedTuple):
    """The synonyms file's `under_13_sex` (fix23c, review 23 N10; SearchIndex._under_13_sex_offered), read."""

    words: tuple[tuple[str, ...], ...]
    partners: frozenset[str]
    under_months: int
    leads: int
    not_offered: frozenset[int]
    unless: frozenset[str]
    places: int


def _under_13_sex(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_Under13Sex]:
    """The synonyms file's `under_13_sex`; None where the file has none (search_tables.check_under_13_sex checked it)."""
    data, read = synonyms.get("under_13_sex"), TableReader(normalise, number_of)
    if not data:
        return None
    return _Under13Sex(
        read.phrases(data["words"]),
        read.words(data["partners"]),
        int(data["under_months"]),
        number_of(data["leads"]),
        read.rows(data["not_offered"]),
        read.words(data["unless"]),
        int(data["places"]),
    )


class _Degrading(NamedTuple):
    """The synonyms file's `degrading_treatment` (fix23c, review 23 N2; SearchIndex._degrading_said), read."""

    acts: frozenset[str]
    passive: tuple[tuple[str, ...], ...]
    objects: frozenset[str]
    subjects: frozenset[str]
    object_reach: int
    subject_reach: int
    reach: int
    places: tuple[tuple[str, ...], ...]
    tied: tuple[tuple[str, ...], ...]
    care: tuple[tuple[str, ...], ...]
    cages: tuple[tuple[str, ...], ...]
    cage_words: frozenset[str]  # the one-word `cages` that are also an act ("chained", "caged")
    animals: frozenset[str]
    leads: int


def _degrading(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_Degrading]:
    """The synonyms file's `degrading_treatment`; None where the file has none (search_tables.check_degrading_treatment checked it)."""
    data, read = synonyms.get("degrading_treatment"), TableReader(normalise, number_of)
    if not data:
        return None
    acts, cages = read.words(data["acts"]), read.phrases(data["cages"])
    return _Degrading(
        acts,
        read.phrases(data["passive"]),
        read.words(data["objects"]),
        read.words(data["subjects"]),
        int(data["object_reach"]),
        int(data["subject_reach"]),
        int(data["reach"]),
        read.phrases(data["places"]),
        read.phrases(data["tied"]),
        read.phrases(data["care"]),
        cages,
        frozenset(p[0] for p in cages if len(p) == 1) & acts,
        read.words(data["animals"]),
        number_of(data["leads"]),
    )


class _YoungOutAtNight(NamedTuple):
    """The synonyms file's `young_out_at_night` (fix22a, review 22 N3; SearchIndex._young_out_at_night_first), read."""

    place: tuple[tuple[str, ...], ...]
    unsupervised: tuple[tuple[str, ...], ...]
    night: tuple[tuple[str, ...], ...]
    pm_from: int
    am_to: int
    young: frozenset[str]
    under_months: int
    with_: tuple[tuple[str, ...], ...]
    leads: int
    or_leads: frozenset[int]
    rows: frozenset[int]


def _young_out_at_night(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_YoungOutAtNight]:
    """The synonyms file's `young_out_at_night` as SearchIndex reads it; None where the file has none (search_tables.check_young_out_at_night checked it)."""
    data, read = synonyms.get("young_out_at_night"), TableReader(normalise, number_of)
    if not data:
        return None
    return _YoungOutAtNight(
        read.phrases(data["place"]),
        read.phrases(data["unsupervised"]),
        read.phrases(data["night"]),
        int(data["pm_from"]),
        int(data["am_to"]),
        read.words(data["young"]),
        int(data["under_months"]),
        read.phrases(data["with"]),
        number_of(data["leads"]),
        read.rows(data["or_leads"]),
        read.rows(data["rows"]),
    )


class _EverydaySenses(NamedTuple):
    """The synonyms file's `everyday_senses` (fix23b; SearchIndex._everyday_senses_at), normalised."""

    between: frozenset[str]
    reach: int
    things: frozenset[str]
    property: tuple[tuple[str, ...], ...]
    persons: frozenset[str]
    aimed: frozenset[str]
    readings: tuple["_EverydaySense", ...]


class _EverydaySense(NamedTuple):
    """One reading of `everyday_senses`: its phrases, verbs, games and concern as words; its rows as numbers (None: any)."""

    said: tuple[tuple[str, ...], ...]
    verbs: frozenset[str]
    games: tuple[tuple[str, ...], ...]
    concern: tuple[tuple[str, ...], ...]
    rows: Optional[frozenset[int]]


def _everyday_senses(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_EverydaySenses]:
    """The synonyms file's `everyday_senses` as SearchIndex reads it, or None where the file has none."""
    data = synonyms.get("everyday_senses")
    if not data:
        return None

    def phrases(ws: Iterable[str]) -> tuple[tuple[str, ...], ...]:
        return tuple(p for p in (tuple(normalise(w).split()) for w in ws) if p)

    def single(ws: Iterable[str]) -> frozenset[str]:
        return frozenset(normalise(" ".join(ws)).split())

    return _EverydaySenses(
        single(data["between"]),
        int(data["reach"]),
        single(data["things"]),
        phrases(data["property"]),
        single(data["persons"]),
        single(data["aimed"]),
        tuple(
            _EverydaySense(
                phrases(r.get("said") or []),
                single(r.get("verbs") or []),
                phrases(r.get("games") or []),
                phrases(r["concern"]),
                frozenset(number_of(i) for i in r["rows"]) if "rows" in r else None,
            )
            for r in data["readings"]
        ),
    )
