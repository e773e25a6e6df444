"""Whom a call's concern is about, as the synonyms file's tables say it: a parent's words said of the
parent (_said_of_parent), this child or another (`of_this_child`, `named_subject`, `not_the_child`),
a carer's threat, substance use or own history (`carer_threat`, `carer_substance`, `harm_by_adult`),
harm done to the child and by whom (`harm_to_child`, `offender`, `everyday_hitting`, `told_alone`),
a professional's role (`service_roles`, `role_abuse`, `role_condition`), the child's own disclosed act
(`disclosed_own_acts`) and a young person's pregnancy (`pregnant_young`): each read into a typed
table once, when the index is built.

Split out of pathway/search.py (split24): the tables, the plain functions of the words, and the
readings of whom a concern is about as the mixin `SubjectReadings` that SearchIndex is composed of
(_subject_first, _of_this_child_first, _not_the_child_first...); the readings of harm by carers and
other adults that use the other tables here are in pathway/search_carers.py. pathway.search
re-exports the names its tests import (_said_of_parent).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, Optional

from pathway import search_disabled_care
from pathway.levels import Level
from pathway.search_call import (
    KEPT_PLACES,
    _Call,
    _offered_last,
    _scores_follow_order,
)
from pathway.search_core import BLANK
from pathway.search_denials import (
    DENYING,
)
from pathway.search_senses import (
    _NamedReading,
)
from pathway.search_tables import (
    TableReader,
)
from pathway.search_text import (
    CLAUSE_WORDS,
    JOINING,
    STOPWORDS,
    _phrase_at,
    _says_exactly,
    _stop,
    normalise,
    said_just_before,
    stem,
)

if TYPE_CHECKING:
    from pathway.search import SearchIndex


OTHER_REACH = 3  # how near a child (or "he", "she") before a condition's word makes it theirs ("her son is drinking")
PARENT_WORDS = frozenset(
    "mum mums mom moms mummy mam mammy mother mothers dad dads daddy father fathers stepdad stepmum stepfather stepmother parent parents".split()
)
CHILD_ROLES = frozenset("son sons daughter daughters boy boys girl girls kid kids child children baby babies toddler lad lass teenager".split())
DETERMINERS = frozenset("my his her their our your the a new both neither".split())
# who a concern is about (issue 14, tune5): a clause whose subject is a parent ("dad has learning
# difficulties", "mum's bipolar") speaks of the parent, so its words count less for the child's
# own development ("Additional learning needs" is the child's); a parent named later in a clause
# ("looks after his mum", "does his mum's shopping") is not its subject and changes nothing


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


# fix33b (_telling_service_at): a preposition before a service's word makes it a place, not the one telling
_TELLER_PLACES = frozenset({"at", "of", "in", "on", "from", "to", "into", "with", "for", "by", "about", "after", "before", "around", "near"})
_AGE_SAID = re.compile(r"\d+(?:yo|yos|yr|yrs|y|m|mo|mth|mths|months?|years?)")  # "5yo", "9yrs": a child of that age


def _describes_other(words: list[str], i: int, other_child: frozenset[str], between: frozenset[str]) -> bool:
    """Whether the word at i describes another child it is said just before (Search49, review 29 Q11; the synonyms
    file's `subject.other_child` comment): next to it, or one of `between` between ("his disabled brother", "her deaf
    older sister"). The carer whose clause it is said in has not the condition."""
    return said_just_before(words, i, other_child.__contains__, between.__contains__)


def _describes_child(words: list[str], i: int, child_noun: frozenset[str]) -> bool:
    """Whether the word at i is said of a child it describes (search15b; the synonyms file's `named`
    comment): just before a word naming a child, at most one word between and no "and", clause word or
    determiner ("disabled son", "severely disabled grandson", "autistic 5yo"), or at most OTHER_REACH words
    after an age with none of those between ("mum of 9yo with severe cerebral palsy")."""

    def names_child(w: str) -> bool:
        return w in child_noun or bool(_AGE_SAID.fullmatch(w))

    blocking = JOINING | CLAUSE_WORDS | DETERMINERS
    if said_just_before(words, i, names_child, lambda w: w not in blocking):
        return True
    before = words[max(0, i - OTHER_REACH) : i]
    return any(_AGE_SAID.fullmatch(w) and not blocking & set(before[k + 1 :]) for k, w in enumerate(before))


_AGREES = {"his": "he", "her": "she", "their": "they"}  # a possessive and the pronoun that stands for the same person


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


class _OfThisChild(NamedTuple):
    """The synonyms file's `of_this_child` (search19p; SearchIndex._stated_of_this_child): each p9 row's phrases, the
    subjects that name this child, the determiners before one, the words between a subject and a phrase, and the
    words after which a clause states nothing (normalised words, phrases as tuples)."""

    rows: dict[int, tuple[tuple[str, ...], ...]]
    subjects: tuple[tuple[str, ...], ...]
    determiners: frozenset[str]
    between: frozenset[str]
    not_after: tuple[tuple[str, ...], ...]
    by_noun: dict[int, tuple[tuple[str, ...], ...]] = {}  # fix28a: phrases read only with a child's noun as subject


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
        {number_of(i): read.phrases(ws) for i, ws in (data.get("by_noun") or {}).items()},
    )


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
    carried_after: tuple[tuple[str, ...], ...] = ()  # fix25a: an act just after these takes the first clause's subject
    carried_between: frozenset[str] = frozenset()  # words that may stand between them and the act ("but then", "but still")
    # review 28 Q2: these are acts of harm only with the neck or throat named after them in the clause ("squeezes her
    # neck", "puts his hands round the boy's neck", "grabbed him by the throat"), within `neck_reach` words
    neck_acts: frozenset[str] = frozenset()
    necks: frozenset[str] = frozenset()
    neck_reach: int = 0
    # stop 47: these said "out at" ("lashes out at him") have their object after "at", with a doer just before them
    out_acts: frozenset[str] = frozenset()
    out_between: frozenset[str] = frozenset()  # words that may stand between the doer and one of `out_acts`
    # stop 48 (mut29): the doer carried over "and", at most `out_carried` words before it, none of `out_not_carried` between
    out_carried: int = 0
    out_not_carried: frozenset[str] = frozenset()
    # fix30a (mut29): a blow said by a phrasal verb, the object just after it ("went for him", "laid into her": "her"
    # only before one of `phrasal_after`, a clause, joining or stop word, or the call's end: "went for her tea" is no
    # blow); a hold, the object just after one of `hold_acts` and one of `holds` within `hold_reach` words after it
    # ("had him in a headlock"), or after one of `pin_acts` one of `pinned_to` ("pinned her down"), the word after the
    # object one of `hold_next`
    phrasal: tuple[tuple[str, ...], ...] = ()
    phrasal_after: frozenset[str] = frozenset()
    phrasal_not_before: frozenset[str] = frozenset()  # just after the object, no blow ("went for him to pick him up")
    hold_acts: frozenset[str] = frozenset()
    holds: frozenset[str] = frozenset()
    pin_acts: frozenset[str] = frozenset()
    pinned_to: frozenset[str] = frozenset()
    hold_next: frozenset[str] = frozenset()
    hold_reach: int = 0
    # fix31a (stop 50): a head struck against a thing ("bangs the baby's head on the wall", "smashed her head into the
    # door"): one of `head_acts`, the head (one of `heads`) named after it within `neck_reach` words, one of
    # `head_against` just after the head; the head's owner is the object
    head_acts: frozenset[str] = frozenset()
    heads: frozenset[str] = frozenset()
    head_against: frozenset[str] = frozenset()
    head_forced: frozenset[str] = frozenset()  # no one's own head: "his"/"her" head after one of these is another's
    # fix33c (stop 52): a carer's act that lands on no child (SearchIndex._act_on_no_child_below): the carer's self, another
    # adult, a thing; past at most two determiners or `object_before` words
    own_objects: frozenset[str] = frozenset()
    adult_objects: frozenset[str] = frozenset()
    thing_objects: frozenset[str] = frozenset()
    object_before: frozenset[str] = frozenset()
    # fix33c: a carer violent to the other carer (SearchIndex._violent_to_carer_first): its words, what joins the other
    # carer, the rows that lead (in order: the first the age admits)
    violent_words: frozenset[str] = frozenset()
    violent_to: frozenset[str] = frozenset()
    violent_leads: tuple[int, ...] = ()
    # fix34a (review 33 Q1): the caller is the child where one of `speaker_reasons` ("when i", "if i") gives one of
    # `speaker_faults` ("naughty", "answer back") as the reason for the act: "my neck" is then the child's
    speaker_reasons: tuple[tuple[str, ...], ...] = ()
    speaker_faults: tuple[tuple[str, ...], ...] = ()
    # fix35d (review 33 Q8): a carer's act on the other carer (SearchIndex._act_on_carer_in_sight): one of `acts` with
    # one of `carer_act_after` (or the end) after the carer object; one of `carer_pushes` with one of `carer_pushed_to`
    carer_act_after: frozenset[str] = frozenset()
    carer_pushes: frozenset[str] = frozenset()
    carer_pushed_to: frozenset[str] = frozenset()
    # fix37b (review 34 Q10): a pull or twist of the child's hair or ear ("pulls his hair") is an act of harm only with
    # the child's fault given as its reason after it ("when he's been cheeky": one of `fault_reasons` or
    # `speaker_reasons`, one of `speaker_faults` within `neck_reach` words after it)
    fault_acts: frozenset[str] = frozenset()
    fault_bodies: frozenset[str] = frozenset()
    fault_reasons: tuple[tuple[str, ...], ...] = ()


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
        read.phrases(data.get("carried_after"), empty=True),
        read.words(data.get("carried_between")),
        read.words(data.get("neck_acts")),
        read.words(data.get("necks")),
        int(data.get("neck_reach", 0)),
        read.words(data.get("out_acts")),
        read.words(data.get("out_between")),
        int(data.get("out_carried", 0)),
        read.words(data.get("out_not_carried")),
        read.phrases(data.get("phrasal"), empty=True),
        read.words(data.get("phrasal_after")),
        read.words(data.get("phrasal_not_before")),
        read.words(data.get("hold_acts")),
        read.words(data.get("holds")),
        read.words(data.get("pin_acts")),
        read.words(data.get("pinned_to")),
        read.words(data.get("hold_next")),
        int(data.get("hold_reach", 0)),
        read.words(data.get("head_acts")),
        read.words(data.get("heads")),
        read.words(data.get("head_against")),
        read.words(data.get("head_forced")),
        read.words(data.get("own_objects")),
        read.words(data.get("adult_objects")),
        read.words(data.get("thing_objects")),
        read.words(data.get("object_before")),
        read.words(data.get("violent_words")),
        read.words(data.get("violent_to")),
        read.ordered_rows(data.get("violent_leads")),
        read.phrases(data.get("speaker_reasons"), empty=True),
        read.phrases(data.get("speaker_faults"), empty=True),
        read.words(data.get("carer_act_after")),
        read.words(data.get("carer_pushes")),
        read.words(data.get("carer_pushed_to")),
        read.words(data.get("fault_acts")),
        read.words(data.get("fault_bodies")),
        read.phrases(data.get("fault_reasons"), empty=True),
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
    named: frozenset[tuple[str, ...]] = frozenset()  # fix33d: "she's the one doing the", "he's the": the child names itself the doer


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
        _named_doer_phrases(doers.get("named"), read),
    )


def _named_doer_phrases(named: Optional[dict], read: TableReader) -> frozenset[tuple[str, ...]]:
    """`not_the_child.doers.named` (fix33d, review 32 K4): every phrase a child's subject (`subjects`), an optional verb of
    being (`be`) and a `tails` phrase make ("she the one doing the", "he is the"; "she's" is "she" once normalised), said
    just before an act to name the child the one who does it."""
    if not named:
        return frozenset()
    subjects, be, tails = read.words_in_order(named["subjects"]), read.words_in_order(named["be"]), read.phrases(named["tails"])
    return frozenset((s, *b, *t) for s in subjects for b in ((), *((v,) for v in be)) for t in tails)


class _Roles(NamedTuple):
    """The synonyms file's `service_roles` (fix19c; SearchIndex._role_word, _role_at), words as said (normalised)."""

    endings: tuple[str, ...]
    not_: frozenset[str]
    modifiers: int
    own_rows: frozenset[int]
    tellers: frozenset[str]
    teller_between: frozenset[str]


def _service_roles(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_Roles]:
    """The synonyms file's `service_roles` as SearchIndex reads it, or None where the file has none."""
    data, read = synonyms.get("service_roles"), TableReader(normalise, number_of)
    if not data:
        return None
    return _Roles(
        read.words_in_order(data["endings"]),
        read.words(data["not"]),
        int(data["modifiers"]),
        read.rows(data["own_rows"]),
        read.words(data["tellers"]),
        read.words(data["teller_between"]),
    )


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
    with_child: Optional[_WithChild] = None
    alone_with: tuple[tuple[str, ...], ...] = ()  # fix30c: the carer in the child's company ("she is alone with the toddler")
    telling: frozenset[str] = frozenset()  # fix30c: the words of who told of it ("the nursery phoned")


class _WithChild(NamedTuple):
    """The synonyms file's `carer_threat.with_child` (fix28a, review 27 Q2; SearchIndex._takes_child_with_first)."""

    acts: tuple[tuple[str, ...], ...]  # a carer's act of killing self said by the act ("set fire", "jump off")
    placed: tuple[tuple[str, ...], ...]  # such an act only with one of `places` after it ("drive off" a bridge)
    places: tuple[tuple[str, ...], ...]
    taken: tuple[tuple[str, ...], ...]  # "take them with": only with one of `gone` after it, or `not_mine` said
    gone: tuple[tuple[str, ...], ...]
    having: tuple[tuple[str, ...], ...]  # "cannot have the kids" before one of `not_mine` ("nobody will")
    not_mine: tuple[tuple[str, ...], ...]
    said: frozenset[str]  # a reporting or threat word before an act, beside the reading's `threats`
    children: tuple[tuple[str, ...], ...]  # "us", "them", "all of us": a child beside the act, with the child's words
    reach: int
    leads: int
    # fix30a (mut29): a carer's act of killing self (`carer_threat.acts` and these: "end it", "ends her life") with a
    # child taken along: right after it (one of `along`, then the child: "and the kids", "and take them") or one of
    # `taken` or `going` within `reach` words of it ("take the kids with her if she ends it", "the kids are going with
    # her"); `ends_not_before` just after the act with no child next is another sense ("end it with dad": the relationship)
    ends: tuple[tuple[str, ...], ...] = ()
    ends_not_before: frozenset[str] = frozenset()
    along: tuple[tuple[str, ...], ...] = ()
    going: tuple[tuple[str, ...], ...] = ()


def _with_child(data: Optional[dict], read: TableReader) -> Optional[_WithChild]:
    """`carer_threat.with_child` as SearchIndex reads it, or None where the file has none."""
    if not data:
        return None
    lead = read.row(data["leads"])
    assert lead is not None
    acts, placed, places, taken, gone, having, not_mine, children = (
        read.phrases(data[k]) for k in ("acts", "placed", "places", "taken", "gone", "having", "not_mine", "children")
    )
    return _WithChild(
        acts,
        placed,
        places,
        taken,
        gone,
        having,
        not_mine,
        read.words(data["said"]),
        children,
        int(data["reach"]),
        lead,
        read.phrases(data.get("ends"), empty=True),
        read.words(data.get("ends_not_before")),
        read.phrases(data.get("along"), empty=True),
        read.phrases(data.get("going"), empty=True),
    )


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
        _with_child(data.get("with_child"), read),
        read.phrases(data.get("alone_with") or [], empty=True),
        read.words(data.get("telling") or []),
    )


_YEARS_SAID = re.compile(r"(\d+)(?:yo|yos|yr|yrs|y|years?)")  # "12yo", "12yrs": a child of that many years


class _PregnantYoung(NamedTuple):
    """The synonyms file's `pregnant_young` (fix19d; SearchIndex._pregnant_young_first), words as said (normalised)."""

    words: frozenset[str]
    rows: frozenset[int]
    leads: int
    under: int
    said_after: frozenset[str]
    older: Optional[_OlderPartner] = None
    banded: Optional[_PregnantBanded] = None  # fix28b


class _PregnantBanded(NamedTuple):
    """The synonyms file's `pregnant_young.banded` (fix28b, review 27 Q5; SearchIndex._pregnant_banded_first)."""

    said: tuple[tuple[str, ...], ...]  # a pregnancy said ("pregnant", "up the duff", "missed her period")
    expecting: frozenset[str]  # "expecting": a pregnancy unless one of `not_before` follows it
    not_before: frozenset[str]
    denies: frozenset[str]  # a word that says the pregnancy is not ("negative")
    others: frozenset[str]  # just before the pregnancy said, another's ("his girlfriend is expecting")
    others_reach: int
    from_years: int  # the youngest age read: under it the pregnancy said is another's (a baby's mother)
    under: tuple[tuple[int, int], ...]  # (row, the age in years it is under), highest level first
    # fix30a (mut29): "carrying" a baby ("she's carrying his baby", "carrying twins"): one of `carrying`, then only
    # `carrying_owners` words ("her" before one of them), then one of `carried`, and none of `carrying_not_before` after
    carrying: frozenset[str] = frozenset()
    carrying_owners: frozenset[str] = frozenset()
    carried: frozenset[str] = frozenset()
    carrying_not_before: frozenset[str] = frozenset()


class _OlderPartner(NamedTuple):
    """The synonyms file's `pregnant_young.older_partner` (fix25a, review 25 Q2; SearchIndex._older_partner_offered)."""

    partners: frozenset[str]  # the man the child is with or pregnant by ("father", "boyfriend", "man")
    parents: frozenset[str]  # of `partners`, the words that after one of `owners` are the child's own parent ("her dad")
    owners: frozenset[str]
    older: tuple[tuple[str, ...], ...]  # an adult said without a number ("much older", "grown man", "twice her age")
    relationship: tuple[tuple[str, ...], ...]  # a pregnancy or a relationship said ("pregnant", "boyfriend", "seeing")
    numbers: frozenset[str]  # words for an adult's age ("thirty", "thirties")
    age_alone_before: frozenset[str]  # fix27b: after "N year old" with no noun ("talking to a 30 year old off snap")
    states_contact: frozenset[int]  # fix27b: rows that state the contact: first, they keep the lead
    under: int
    adult_from: int
    reach: int
    offers: tuple[int, ...]


def _pregnant_young(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_PregnantYoung]:
    """The synonyms file's `pregnant_young` as SearchIndex reads it, or None where the file has none."""
    data, read = synonyms.get("pregnant_young"), TableReader(normalise, number_of)
    if not data:
        return None
    op = data.get("older_partner")
    older = (
        _OlderPartner(
            read.words(op["partners"]),
            read.words(op["parents"]),
            read.words(op["owners"]),
            read.phrases(op["older"]),
            read.phrases(op["relationship"]),
            read.words(op["numbers"]),
            read.words(op["age_alone_before"]),
            read.rows(op["states_contact"]),
            int(op["under"]),
            int(op["adult_from"]),
            int(op["reach"]),
            read.ordered_rows(op["offers"]),
        )
        if op
        else None
    )
    bd = data.get("banded")
    banded = (
        _PregnantBanded(
            read.phrases(bd["said"]),
            read.words(bd["expecting"]),
            read.words(bd["expecting_not_before"]),
            read.words(bd["denies"]),
            read.words(bd["others"]),
            int(bd["others_reach"]),
            int(bd["from"]),
            tuple((number_of(n), int(u)) for n, u in bd["under"].items()),
            read.words(bd["carrying"]),
            read.words(bd["carrying_owners"]),
            read.words(bd["carried"]),
            read.words(bd["carrying_not_before"]),
        )
        if bd
        else None
    )
    return _PregnantYoung(
        read.words(data["words"]), read.rows(data["rows"]), number_of(data["leads"]), int(data["under"]), read.words(data["said_after"]), older, banded
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
    harms: tuple[tuple[str, ...], ...]  # fix27c: what is told names a harm where one of these is said in it
    secrecy: Optional[_Secrecy] = None  # fix28a: a secret an adult told the child to keep
    affection: tuple[tuple[str, ...], ...] = ()  # fix30b: a carer's kiss of affection, read as no word of `harms`


class _Secrecy(NamedTuple):
    """The synonyms file's `told_alone.secrecy` (fix28a; SearchIndex._told_secret_first), words as said (normalised)."""

    phrases: tuple[tuple[str, ...], ...]
    says: tuple[tuple[str, ...], ...]
    innocent: frozenset[str]
    reach: int


def _told_alone(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_ToldAlone]:
    """The synonyms file's `told_alone` as SearchIndex reads it, or None where the file has none."""
    data = synonyms.get("told_alone")
    if not data:
        return None
    harms = {tuple(normalise(p).split()) for p in data["harms"]}
    return _ToldAlone(
        number_of(data["row"]),
        frozenset(normalise(" ".join(data["verbs"])).split()),
        frozenset(normalise(" ".join(data["words"])).split()),
        tuple(sorted((p for p in harms if p), key=lambda p: (-len(p), p))),
        _secrecy(data.get("secrecy")),
        tuple(p for p in (tuple(normalise(w).split()) for w in data.get("affection") or []) if p),
    )


def _secrecy(data: Optional[dict]) -> Optional[_Secrecy]:
    """`told_alone.secrecy` as SearchIndex reads it (fix28a), or None where the file has none."""
    if not data:
        return None

    def phrases(listed: list[str]) -> tuple[tuple[str, ...], ...]:
        return tuple(p for p in (tuple(normalise(w).split()) for w in listed) if p)

    return _Secrecy(phrases(data["phrases"]), phrases(data["says"]), frozenset(normalise(" ".join(data["innocent"])).split()), int(data["reach"]))


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


def said_you(words: list[str], you: frozenset[str]) -> bool:
    """Whether the words say one of `you` ("you", not "your": "your son" is the child)."""
    return not you.isdisjoint(words)


class _EverydayHitting(NamedTuple):
    """The synonyms file's `everyday_hitting` (fix20b, review 20 N2; SearchIndex._everyday_hitting_first), normalised."""

    phrases: tuple[tuple[str, ...], ...]  # the idioms and single words for hitting, each as a phrase
    children: tuple[tuple[str, ...], ...]  # a caller's words for the child beyond CHILD_ROLES ("the little un")
    body: frozenset[str]  # fix26a: "his" before one of these is the child's (no other male carer named)
    listeners: frozenset[str]  # fix27c: a carer just after one of these is the one told ("told her nan that ..."), no doer's object
    reported: frozenset[str]  # fix27c: one of these before the act: it is told or said (_everyday_hitting_again)
    doer_reach: int
    reach: int
    leads: tuple[int, ...]  # in order: the first the age admits leads
    # fix31a: the p9 rows behind which the lead comes second where one of them is first ("dad gave her a good hiding":
    # p9's disclosure row on "gave"); behind any other (the adults' violence line: _core_first's) it stands aside
    second_behind: frozenset[int] = frozenset()


def _everyday_hitting(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_EverydayHitting]:
    """The synonyms file's `everyday_hitting` as SearchIndex reads it, or None where the file has none."""
    data = synonyms.get("everyday_hitting")
    if not data:
        return None
    said = [tuple(normalise(p).split()) for p in [*data["phrases"], *data["words"]]]
    return _EverydayHitting(
        tuple(p for p in said if p),
        tuple(tuple(normalise(p).split()) for p in data["children"] if normalise(p).split()),
        frozenset(normalise(w) for w in data["body"]),
        frozenset(normalise(w) for w in data["listeners"]),
        frozenset(normalise(w) for w in data["reported"]),
        int(data["doer_reach"]),
        int(data["reach"]),
        tuple(number_of(i) for i in data["leads"]),
        frozenset(number_of(i) for i in data.get("second_behind") or []),
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
    # fix34a (review 33 Q1): a carer's temper said before the drink ("my stepdad gets angry when he drinks"): the
    # pronoun after one of `temper_after` is the carer, and the child's behaviour rows (`temper_rows`) are no lead
    temper: tuple[tuple[str, ...], ...] = ()
    temper_after: frozenset[str] = frozenset()
    temper_rows: frozenset[int] = frozenset()
    # fix36b (review 34 Q4): the carer's next act after "and" ("loses her temper AND THROWS things when ..."): no end
    # of the temper's clause
    temper_and: frozenset[str] = frozenset()
    # fix39c (review 35 Q10): a drink said by a bare measure ("had a few"), a use only where its clause ends after it
    measure_end: tuple[tuple[str, ...], ...] = ()


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
        tuple(p for p in (tuple(normalise(w).split()) for w in data.get("temper") or []) if p),
        frozenset(normalise(" ".join(data.get("temper_after") or [])).split()),
        frozenset(number_of(i) for i in data.get("temper_rows") or []),
        frozenset(normalise(" ".join(data.get("temper_and") or [])).split()),
        tuple(p for p in (tuple(normalise(w).split()) for w in data.get("measure_end") or []) if p),
    )


FIRST_PERSON = frozenset("me us".split())  # the caller is the child: "... raped me" (_not_now_first)


CHILD_WORDS = frozenset("baby babies toddler toddlers infant newborn".split())
# words that say how old the child is: once an age (or unborn) is entered they count only for the
# indicators written for an age band ("under 1 year old...", "under two..."), so "the baby has had
# all her injections" is about the injections, while "mum drunk with the baby" still finds the
# under-1 criterion
PEER = "\x00peer"  # a young person's boyfriend or girlfriend, said as another child (SearchIndex._peers_as_others)


class SubjectReadings:
    """The readings of whom a concern is about (composed into SearchIndex): a carer's condition over the
    child's rows (_subject_first), this child or another (_of_this_child_first, _said_of_other,
    _said_of_no_child, _peers_as_others), an animal, a thing or a professional (_not_the_child_first), the
    child's own disclosed act (_disclosed_own_act_first) and who does what (_doer_at). Each method is
    typed on SearchIndex (`self: SearchIndex`), whose __init__ declares the tables and attributes they
    read, so mypy checks each body against the real index; mypy wants a self type to be a supertype of
    the class, hence the `type: ignore[misc]` on each `def` line (that check alone: the bodies are still
    checked).
    """

    def _subject_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
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
        # a lasting condition (`out_of_sight`: a disability) said just before another child's word is that child's (Search49)
        lasting = frozenset(w for place in subject.unsighted for w in subject.conditions[place][0])
        described = [stems[i] in lasting and _describes_other(words, i, subject.other_child, subject.before_other) for i in range(len(words))]
        of_other = [o or d for o, d in zip(self._said_of_other(words), described)]
        if subject.parents.isdisjoint(words) and not any(of_other):
            return
        of_parent = [p and not d for p, d in zip(_said_of_parent(words, subject.parents, subject.opens, subject.ends, subject.clauses), described)]
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
        c.not_to_lead = set(barred)
        if ranked[0] not in barred and not strength:
            return
        # a core the caller denies leads no carer's condition (review 30 Q11, H6: "mum's boyfriend drinks but he's never
        # violent" put p9's repeated domestic violence back first after _denied_first had taken it out)
        undenied_words, undenied_stems = self._undenied(core_words, core_stems)
        said_core = {n for n in self.core if self._core_said(n, undenied_words, undenied_stems, core_typing)}
        leads |= said_core
        # ...and one whose core is said as written (no typo, no words table: that generous reading holds rows back, it
        # does not lift them; "dad ... mum ... about" is no "da" nor "abuse") leads before the condition's carers' rows
        # (a word said of oneself is no core of an immediate criterion: "kill himself", as _says_core reads it)
        selves = self.subject.reflexives
        exact = [BLANK if undenied_words[i + 1 : i + 2] and undenied_words[i + 1] in selves else st for i, st in enumerate(undenied_stems)]
        stated_core = {n for n in said_core if _says_exactly(self.core[n], exact)}
        gone = self._gone(words, stems)
        free = [n for n in ranked if n in leads and n not in barred and not self._rests_on_denial(n, matched, gone)]
        lead = free[0] if free else None
        if lead is not None and not self.entries[lead].indicator.immediate:  # a p9 row of the leads keeps its place among them
            lead = next((n for n in free if n in stated_core), lead)
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

    def _resting_on_other(  # type: ignore[misc]
        self: SearchIndex, words: list[str], stems: list[str], of_other: list[bool], of_parent: list[bool], ranked: list[int], matched: dict[int, set[str]]
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

    def _disabled_child_carer_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """A carer caring for a disabled child (Search49, review 29 Q11; the synonyms file's `disabled_child_carer`, this
        tool's reading, declared there; pathway/search_disabled_care.py): "mum looks after his disabled brother round
        the clock and never gets a single break" is the carer's break and substantial care (p13-14, p15-16), not a
        parent's ill health nor a young carer. Its `offers` lead after the p9 rows of the first three (offered where
        the words did not find them; for a child's own word, "her blind baby girl", only with a break or constant care
        said); the young carer rows go below them unless the child's help is said."""
        d, ranked, final, words = self.disabled_child_carer, c.ranked, c.final, c.words
        if d is None or not ranked:
            return
        of_carer = _said_of_parent(words, self.subject.parents, self.subject.opens, self.subject.ends, self.subject.clauses)
        at = search_disabled_care.carer_at(d, words, of_carer, JOINING | CLAUSE_WORDS | DETERMINERS, CLAUSE_WORDS)
        if at is None:
            return
        # not `c.hidden`: _subject_first hides them where the disability is another child's ("his disabled brother"),
        # which is this reading's call, the carer's care named
        offers = [n for n in search_disabled_care.offers_in_order(d, words) if c.admits(n)] if at.leads else []
        for n in offers:
            c.matched.setdefault(n, set()).add(at.said)
            _offered_last(n, ranked, final)
        young = set() if search_disabled_care.helped(d, words) else d.young
        kept = [n for n in ranked[:KEPT_PLACES] if self.entries[n].indicator.immediate]
        rest = [n for n in ranked if n not in kept and n not in offers]
        ranked[:] = kept + offers + [n for n in rest if n not in young] + [n for n in rest if n in young]
        _scores_follow_order(ranked, final)

    def _of_this_child_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
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

    def _stated_of_this_child(self: SearchIndex, words: list[str], stems: list[str], unborn: bool, age: Optional[int]) -> Optional[int]:  # type: ignore[misc]
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

        def subject_at(i: int, by_noun: bool) -> Optional[int]:  # where the phrase's subject starts, `between` skipped
            k = i - 1
            while k >= 0 and words[k] in ot.between:
                k -= 1
            if k < 0:
                return None
            start = next((k + 1 - len(p) for p in ot.subjects if k + 1 >= len(p) and tuple(words[k + 1 - len(p) : k + 1]) == p), None)
            if start is not None:  # a child's noun after one of `determiners` ("the boy"; "a boy in his class" is another)
                pronoun = self.subject.clauses is not None and words[start] in self.subject.clauses.pronouns
                if by_noun:  # fix28a: a child's noun after a determiner, never a pronoun ("she's getting slapped")
                    return start if not pronoun and start > 0 and words[start - 1] in ot.determiners else None
                return start if pronoun or (start > 0 and words[start - 1] in ot.determiners) else None
            if by_noun:
                return None  # never a name: a word the index does not know ("shes") may be a pronoun
            opens = k == 0 or words[k - 1] in bounds
            known = stems[k] in self.postings or stems[k] in self.word_synonyms or words[k] in self.known_words
            return k if opens and not known and not _stop(words[k], stems[k]) and words[k] not in self.subject.parents | self.subject.other_child else None

        for n, phrases, by_noun in [*((n, ps, False) for n, ps in ot.rows.items()), *((n, ps, True) for n, ps in ot.by_noun.items())]:
            if not self._admits(n, unborn, age):
                continue
            for phrase in phrases:
                for i in _phrase_at(phrase, words):
                    start = subject_at(i, by_noun)
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

    def _of_this_child_not_before(self: SearchIndex, words: list[str], end: int) -> bool:  # type: ignore[misc]
        """Whether one of the synonyms file's `of_this_child_not_before` follows a phrase ending at `end` (search20): "she
        has been cut off", "he has been hit by a car", "he has been kicked out" state no p9 criterion."""
        return any(tuple(words[end : end + len(p)]) == p for p in self.of_this_child_not_before)

    def _self_harm_only(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """The rows of the synonyms file's `subject.self_harm.not` (harm to others) matched only by self-harm's words: one
        of `then` said just after one of `after` ("self harms"), and those words (search18n; this tool's reading)."""
        words, matched = c.words, c.matched
        subject = self.subject
        said = [i for i, w in enumerate(words) if w in subject.self_then]
        if not said or any(i == 0 or words[i - 1] not in subject.self_after for i in said):
            return
        own = subject.self_after | subject.self_then
        c.unsighted |= {n for n in subject.self_not if matched.get(n) and all(w in own for label in matched[n] for w in label.split())}

    def _peers_as_others(self: SearchIndex, words: list[str], age_in_months: Optional[int]) -> list[str]:  # type: ignore[misc]
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

    def _said_of_other(self: SearchIndex, words: list[str], only_placed: bool = False) -> list[bool]:  # type: ignore[misc]
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

    def _a_carers(self: SearchIndex, words: list[str], i: int) -> bool:  # type: ignore[misc]
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

    def _object_after(self: SearchIndex, words: list[str], i: int) -> bool:  # type: ignore[misc]
        """Whether this child is the object of a condition's word said in another child's clause ("his brother
        bullies him"): "him" or "them" at most OTHER_REACH words after it, or "her" ending the call or followed by
        a clause word or "and"/"or" ("her sister cuts her arms" is the sister's own)."""
        for k in range(i + 1, min(len(words), i + 1 + OTHER_REACH)):
            if words[k] in ("him", "them") or (words[k] == "her" and (k + 1 == len(words) or words[k + 1] in CLAUSE_WORDS | JOINING)):
                return True
        return False

    def _says_no_child(self: SearchIndex, words: list[str], stems: list[str], matched: set[str], parental: set[str]) -> bool:  # type: ignore[misc]
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

    def _not_the_child_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
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
                lead = self._lowest_elsewhere(at, words, ranked, matched, hidden)
                self._rest_below(at, rows.__contains__, words, ranked, final, matched, hidden, lead, unmatched=True, lead_for_first=True)
        teller = self._telling_service_at(words)
        if teller and self.entries[ranked[0]].indicator.level is Level.UNIVERSAL:
            # fix33b (review 32 Q3): "the children's centre staff have noticed bruises": who tells, no service used
            self._rest_below(teller, lambda n: self.entries[n].indicator.level is Level.UNIVERSAL, words, ranked, final, matched, hidden)
        doer = self._doer_at(words)
        if doer:  # fix33d: ...or on words the call denies ("she isn't being bullied, she's the one doing the bullying")
            doer |= set(self._denials(words, c.stems))
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

    def _telling_service_at(self: SearchIndex, words: list[str]) -> set[int]:  # type: ignore[misc]
        """The places of the words naming a professional or a service who tells the concern (review 32 Q3; fix33b; the
        synonyms file's `service_roles.tellers`, this tool's reading, declared there): a role (_role_word, `not_the_child.
        adults`) or one of `tellers` ("staff", "nursery", "school") just before one of the subject reading's `opens`
        ("thinks", "says", "noticed", "worried"), only `teller_between` words between ("have", "is"), with the words of its
        clause before it ("the children's centre staff", "his youth offending worker"), none of them one of _TELLER_PLACES
        ("proud of his school reports", "at school, knows": a place, no teller). p11-12 lists youth provision,
        children's centres and health visiting among the universal providers: the one calling names the service, the
        family is not said to use it (_not_the_child_first: a Universal row resting only on them does not lead)."""
        r, nc = self.roles, self.not_child
        if r is None or nc is None:
            return set()
        opens = self.subject.opens
        bounds = CLAUSE_WORDS | JOINING | opens
        at: set[int] = set()
        for i, w in enumerate(words):
            if w not in opens:
                continue
            k = i - 1
            while k >= 0 and words[k] in r.teller_between:
                k -= 1
            if k < 0 or not (self._role_word(words[k]) or words[k] in r.tellers or words[k] in nc.adults):
                continue
            start = k
            while start > 0 and words[start - 1] not in bounds:
                start -= 1
            if not _TELLER_PLACES.isdisjoint(words[start:k]):
                continue  # no name but a place or a time: "proud of his school reports", "at home and at school, knows"
            at.update(range(start, k + 1))
        return at

    def _role_word(self: SearchIndex, w: str) -> bool:  # type: ignore[misc]
        """Whether w names an adult by a role in the child's services (review 19 N4; fix19c; the synonyms file's
        `service_roles`): it ends in one of `endings`, or in one and "s" or "es" ("childminder", "keyworker",
        "coaches"), and is none of `not`."""
        r = self.roles
        if r is None or w in r.not_:
            return False
        return any(w.endswith(e) or w.endswith(e + "s") or w.endswith(e + "es") for e in r.endings)

    def _role_at(self: SearchIndex, words: list[str], k: int, end: int) -> bool:  # type: ignore[misc]
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

    def _disclosed_own_act_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
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

    def _condition_rows(self: SearchIndex, carers_too: bool) -> frozenset[int]:  # type: ignore[misc]
        """The subject reading's conditions' `child` rows (_not_the_child_first), with their carers' rows that are no
        immediate criterion where `carers_too` (an adult who is no carer)."""
        rows = {n for _, child, _ in self.subject.conditions for n in child}
        if carers_too:
            rows |= {n for _, _, leads in self.subject.conditions for n in leads if not self.entries[n].indicator.immediate}
        return frozenset(rows)

    def _names_child(self: SearchIndex, words: list[str], start: int, end: int) -> bool:  # type: ignore[misc]
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

    def _said_of_no_child(self: SearchIndex, words: list[str]) -> tuple[set[int], set[int]]:  # type: ignore[misc]
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

    def _doer_at(self: SearchIndex, words: list[str]) -> set[int]:  # type: ignore[misc]
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
                # fix33d: the child named the one who does it, just before the act ("she's the one doing the bullying",
                # "he's the bully"): the act is the child's, whoever its object
                doer = any(tuple(words[max(0, i - len(p)) : i]) == p for p in nc.named)
                for k in range(i + 1, min(end, i + 1 + nc.reach) if not doer else 0):
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

    def _placed_others(self: SearchIndex, words: list[str]) -> dict[int, int]:  # type: ignore[misc]
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
