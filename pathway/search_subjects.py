"""Whom a call's concern is about, as the synonyms file's tables say it: a parent's words said of the
parent (_said_of_parent), this child or another (`of_this_child`, `named_subject`, `not_the_child`),
a carer's threat, substance use or own history (`carer_threat`, `carer_substance`, `harm_by_adult`),
harm done to the child and by whom (`harm_to_child`, `offender`, `everyday_hitting`, `told_alone`),
a professional's role (`service_roles`, `role_abuse`, `role_condition`), the child's own disclosed act
(`disclosed_own_acts`) and a young person's pregnancy (`pregnant_young`): each read into a typed
table once, when the index is built.

Split out of pathway/search.py (split24): the tables and the plain functions of the words are here;
the readings that use them are SearchIndex's (_subject_first, _of_this_child_first,
_harm_to_child_first, _offender_first, _carer_threat_first...). pathway.search re-exports the names
its tests import (_said_of_parent).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple, Optional

from pathway.search_senses import (
    _NamedReading,
)
from pathway.search_tables import (
    TableReader,
)
from pathway.search_text import (
    CLAUSE_WORDS,
    JOINING,
    normalise,
)

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


FIRST_PERSON = frozenset("me us".split())  # the caller is the child: "... raped me" (_not_now_first)
