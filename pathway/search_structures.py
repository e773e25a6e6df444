"""senses24: the everyday senses of concern words read from the sentence's structure, not from phrase lists.

fix23b/23e's `everyday_senses` reads phrases ("school trip", "ice skating") and a harm verb with a thing as its object.
The same situation said in other words was read as before: "we went to the cinema", "they went bowling" offered p9's
home-alone rows on "went"; "his older sister helps him" offered sexual exploitation on "older"; "he is in charge of the
school council" offered home alone on "charge". This module finds the structures (the synonyms file's
`everyday_structures`, declared there with each table's why; the tables hold only vocabulary):

- an outing: an outing verb ("went", "goes", "spent") whose object is an activity (an -ing word: "went bowling") or a
  place or event after a preposition ("went to the cinema", "went on a trip"), the outing the child's or the family's
  (its subject no carer going alone: "mum went to the pub" is read as before unless the children go too), and no word
  of a child being left, alone or unsupervised said anywhere in the call; under the document's "5 and under" a
  companion must be said ("with", "we", "they", "the family"). Its verb and the duration words near it ("hours",
  "weekend") are the everyday words; only the home-alone rows may move.
- a departure for school, college or work ("he left school at 16", "dad left for work"), with no word of a child left
  alone: "left" is the everyday word; only the home-alone rows may move.
- a comparative of kin or a friend ("older sister", "the older one", "younger kids"): "older"/"younger" is the
  everyday word (never "older man", "older lads", "older boyfriend": those are not kin).
- "in charge of" a thing, not a person ("in charge of the school council"): "charge" is the everyday word.
- "on his own" whose subject is a carer or an animal ("mum lives on her own", "the dog is walked by him on his own"),
  never where the child is under the document's "5 and under" or a danger word is said (night, a road): only the
  home-alone rows may move.
- fix27b: possessive "own" ("his own phone", "her own room", "their own bed": an owner before it, not "on" before the
  owner) with no word of a child left or alone said: "own" is the everyday word; only the home-alone rows may move.
- fix27b: a gift's verb ("bought", "brought") with a person as its first object and a thing as its second ("bought her
  a phone", "brought the kids presents", "bought a 13 year old a phone"): the verb is the everyday word; only the
  trafficking rows may move ("brought her to houses", "was bought by a man" are read as before).

- stop 48 (review 29 Q6): a handover: one of `handover_verbs` ("left", "dropped") whose object is a person and then
  "at"/"with" a setting or a carer (`handover_to`: "left him at nursery", "left her with her nan", "dropped the baby at
  her mum's"), and none of `handover_not` said (a door, outside, "never", a stranger): the verb is the everyday word;
  any row only it reached may move (p9's home-alone rows leave whatever else matched: "left" of a handover is no child
  left alone).

The caller (SearchIndex._everyday_senses_below) takes the words out, reads the call again without them and moves only
the rows those words alone reached (fix23b/23e's mechanism): never under-call. This tool's reading; the document does
not speak of words' senses.
"""

from __future__ import annotations

from typing import AbstractSet, Callable, Iterable, NamedTuple, Optional

Words = tuple[str, ...]


class Structures(NamedTuple):
    """The synonyms file's `everyday_structures`, normalised (rows as numbers)."""

    outing_verbs: frozenset[str]
    skip: frozenset[str]
    places: frozenset[str]
    not_activities: frozenset[str]
    durations: frozenset[str]
    carers: frozenset[str]
    companions: frozenset[str]
    left_alone: tuple[Words, ...]
    departures: tuple[Words, ...]
    kin: frozenset[str]
    comparatives: frozenset[str]
    charge: tuple[Words, ...]
    persons: frozenset[str]
    own: tuple[Words, ...]
    owners: frozenset[str]  # fix27b: "his own phone": one of these before "own", not after "on"
    gift_verbs: frozenset[str]  # fix27b: "bought", "brought" ...
    recipients: frozenset[str]  # ... a person given to ("her", "the kids", "our son", "a 13 year old") ...
    gift_things: frozenset[str]  # ... then what is given, or its first word ("a", "some", "presents")
    gift_determiners: frozenset[str]  # words before the person given to besides `owners` ("the kids", "a 13 year old")
    gift_age_units: frozenset[str]  # a person given to said by an age ("a 13 year old"): the words after the number
    gift_rows: frozenset[int]  # the rows a gift's verb may move (trafficking)
    attack_prepositions: frozenset[str]
    attacked: frozenset[str]
    animals: frozenset[str]
    danger: tuple[Words, ...]
    young_months: int
    reach: int
    home_alone_rows: frozenset[int]
    handover_verbs: frozenset[str]  # stop 48: "left", "dropped" ...
    handover_to: frozenset[str]  # ... a setting or a carer the child is left at or with ("nursery", "nan", "mums")
    handover_not: tuple[Words, ...]  # ... none of these said anywhere ("door", "outside", "never", "stranger")
    care_verbs: frozenset[str]  # fix31c: a lone carer "has", "looks after", "is bringing up" the children ...
    care_particles: frozenset[str]  # ... past "after", "for", "with", "up" ...
    care_counts: frozenset[str]  # ... the object's count words ("all four of them", "the two little ones") ...
    lone_carers: tuple[Words, ...]  # ... its subject a carer ("mum", "nan", "foster carer") ...
    lone_care_not: tuple[Words, ...]  # ... and none of these said anywhere ("went out", "pub", "unattended")
    lone_own: tuple[Words, ...]  # fix33a: the carer's own phrases ("on her own", "on my own", "on their own", "alone")
    lone_selves: frozenset[str]  # fix33a: the caller as the carer ("i have the kids on my own") ...
    lone_self_not: frozenset[str]  # ... never with a sibling as the object ("i look after my brother on my own": a child)
    lone_rows: frozenset[int]  # fix33a: the rows besides the home-alone ones a lone carer's words may move
    lone_leavers: tuple[Words, ...]  # fix37d: besides a carer, who "left" the family ("since he left", "my sister left")
    bed_verbs: frozenset[str]  # fix37d: a carer "puts" / "tucks" the children ...
    bed_ends: tuple[Words, ...]  # ... "to bed" / "into bed": a carer's bedtime, no young carer
    bed_rows: frozenset[int]  # ... the rows those words may move (the young carer rows) ...
    bed_not: tuple[Words, ...]  # ... never where a child's care or the carer out is said ("looks after", "because")


def structures(data: Optional[dict], normalise: Callable[[str], str], number_of: Callable[[str], int]) -> Optional[Structures]:
    """`everyday_structures` as the search reads it, or None where the file has none."""
    if not data:
        return None

    def single(key: str) -> frozenset[str]:
        return frozenset(normalise(" ".join(data[key])).split())

    def phrases(key: str) -> tuple[Words, ...]:
        return tuple(p for p in (tuple(normalise(w).split()) for w in data[key]) if p)

    return Structures(
        single("outing_verbs"),
        single("skip"),
        single("places"),
        single("not_activities"),
        single("durations"),
        single("carers"),
        single("companions"),
        phrases("left_alone"),
        phrases("departures"),
        single("kin"),
        single("comparatives"),
        phrases("charge"),
        single("persons"),
        phrases("own"),
        single("owners"),
        single("gift_verbs"),
        single("recipients"),
        single("gift_things"),
        single("gift_determiners"),
        single("gift_age_units"),
        frozenset(number_of(i) for i in data["gift_rows"]),
        single("attack_prepositions"),
        single("attacked"),
        single("animals"),
        phrases("danger"),
        int(data["young_months"]),
        int(data["reach"]),
        frozenset(number_of(i) for i in data["home_alone_rows"]),
        single("handover_verbs"),
        single("handover_to"),
        phrases("handover_not"),
        single("care_verbs"),
        single("care_particles"),
        single("care_counts"),
        phrases("lone_carers"),
        phrases("lone_care_not"),
        phrases("lone_own"),
        single("lone_selves"),
        single("lone_self_not"),
        frozenset(number_of(i) for i in data["lone_rows"]),
        phrases("lone_leavers"),
        single("bed_verbs"),
        phrases("bed_ends"),
        frozenset(number_of(i) for i in data["bed_rows"]),
        phrases("bed_not"),
    )


def _at(phrase: Words, words: list[str]) -> list[int]:
    n = len(phrase)
    return [i for i in range(len(words) - n + 1) if tuple(words[i : i + n]) == phrase]


def _said(phrases: Iterable[Words], words: list[str]) -> bool:
    return any(_at(p, words) for p in phrases)


def _outing_object(s: Structures, words: list[str], i: int) -> Optional[int]:
    """The place of an outing verb's object: an -ing activity ("went bowling") or a place or event after the verb's
    preposition ("went to the cinema", "went on a school trip", "went out for a meal"); None where there is none."""
    end = min(len(words), i + 1 + s.reach)
    for j in range(i + 1, end):
        w = words[j]
        # senses25: the verb's harm sense, an attack: "went for his mum", "went at him", "went for her throat"
        if w in s.attacked and any(words[k] in s.attack_prepositions for k in range(i + 1, j)):
            return None
        if w in s.skip or w in s.durations:  # "spent hours at the museum"
            continue
        if w in s.not_activities:
            return None
        if w.endswith("ing") and len(w) > 5:
            return j
        if w in s.places:
            return j
        # a preposition was said ("to", "on") and a noun follows: "went to his nan", "went on holiday"
        if any(words[k] in ("to", "on", "for") for k in range(i + 1, j)):
            return j
        return None
    return None


def _subject(s: Structures, words: list[str], i: int) -> Optional[str]:
    """The word before the verb at i, past any auxiliary ("have gone", "is going")."""
    k = i - 1
    while k >= 0 and words[k] in ("have", "has", "had", "is", "are", "was", "were", "be", "been", "will", "would", "all", "both", "then", "also"):
        k -= 1
    return words[k] if k >= 0 else None


def _gift_at(s: Structures, words: list[str], i: int) -> bool:
    """fix27b (review 26 Q9): the verb at i has a person as its first object and a thing as its second ("bought her a
    phone", "brought the kids presents", "bought a 13 year old a phone", "bought our son a scooter"): the person is
    given to, not bought or brought. "brought her to houses", "bought her for 500", "was bought by" are not."""
    if i + 2 < len(words) and words[i + 1] in s.recipients and words[i + 2] in s.gift_things:  # "brought her a teddy"
        return True
    j = i + 1
    while j < len(words) and (words[j] in s.owners or words[j] in s.gift_determiners):
        j += 1
    if j < len(words) and words[j].isdigit():  # "a 13 year old"
        j += 1
        while j < len(words) and words[j] in s.gift_age_units:
            j += 1
        j -= 1
        if words[j] not in ("old", "yo"):  # the age said whole: "13 year old", "13yo" (not "13 years")
            return False
    elif j >= len(words) or words[j] not in s.recipients:
        return False
    return j + 1 < len(words) and words[j + 1] in s.gift_things


def _handover_at(s: Structures, words: list[str], i: int) -> Optional[int]:
    """Whether the verb at i hands the child over (stop 48): a person as its object ("him", "the kids", "our son"),
    then "at", "with" or "to" (after "off" too: "dropped her off at"), up to two of `gift_determiners` or `owners`, and
    one of `handover_to` ("left him at nursery", "left her with her nan", "dropped the baby at her mum's"): the
    person's place, else None."""
    j = i + 1
    while j < len(words) and (words[j] in s.gift_determiners or words[j] in s.owners) and words[j] not in s.recipients:
        j += 1
    if j >= len(words) or words[j] not in s.recipients:
        return None
    person = j
    j += 1
    if j < len(words) and words[j] == "off":
        j += 1
    if j >= len(words) or words[j] not in ("at", "with", "to"):
        return None
    j += 1
    for _ in range(2):
        if j < len(words) and (words[j] in s.gift_determiners or words[j] in s.owners):
            j += 1
    return person if j < len(words) and words[j] in s.handover_to else None


def _carer_before(s: Structures, words: list[str], end: int) -> bool:
    """Whether one of `lone_carers` ends just before `end` ("mum", "foster carer")."""
    return any(end >= len(p) and tuple(words[end - len(p) : end]) == p for p in s.lone_carers)


_CARER_AUXILIARIES = ("have", "has", "had", "is", "are", "was", "were", "am", "be", "been", "will", "would", "also", "now", "still", "always")


def _lone_subject(s: Structures, words: list[str], end: int, obj: range) -> bool:
    """fix33a: the word or phrase ending just before `end` (past an auxiliary) is a lone carer: one of `lone_carers`, or
    the caller (one of `lone_selves`: "i", "we") where the object's words (`obj`) name no sibling (`lone_self_not`: "i
    look after my brother on my own" is a child minding)."""
    j = _past_auxiliaries(words, end)
    if j < 0:
        return False
    if words[j] in s.lone_selves:
        return not any(words[k] in s.lone_self_not and not _sibling_owns(s, words, k, obj) for k in obj)
    return _carer_before(s, words, j + 1)


def _sibling_owns(s: Structures, words: list[str], k: int, obj: range) -> bool:
    """fix37d (mut34's probe): the sibling at k is the owner of a person said after it in the object ("i look after my
    BROTHER's kids on my own": the possessive is gone from the words, "brother kid"), not the one minded: the caller is
    the children's aunt or uncle, an adult with them."""
    return any((words[m] in s.recipients or words[m] in s.persons) and words[m] not in s.lone_self_not | s.comparatives for m in range(k + 1, obj.stop))


def _lone_with_animal(s: Structures, words: list[str], i: int, n: int) -> bool:
    """fix37d (mut34's probe): the lone phrase at i (n words) said of a carer, then "with" and an animal ("grandad is on
    his own with the dog"): an adult with a pet, no child left; its words are no word of a child left or alone beside a
    lone carer ("nan is on her own with the kids and grandad is on his own with the dog")."""
    k = _with_whom(s, words, i + n)
    return k is not None and words[k] in s.animals and _carer_before(s, words, _past_auxiliaries(words, i) + 1)


def _with_whom(s: Structures, words: list[str], j: int) -> Optional[int]:
    """Where "with" is at j: the place of its object's first word past determiners, owners and count words ("with THE
    THREE kids"), else None (no "with", or nothing after those words)."""
    if j >= len(words) or words[j] != "with":
        return None
    k = j + 1
    while k < len(words) and (words[k] in s.gift_determiners or words[k] in s.owners or words[k] in s.care_counts):
        k += 1
    return k if k < len(words) else None


def _past_auxiliaries(words: list[str], end: int) -> int:
    """The place of the last word before `end` that is none of the carer's auxiliaries ("nan IS on her own"), or -1."""
    j = end - 1
    while j >= 0 and words[j] in _CARER_AUXILIARIES:
        j -= 1
    return j


def _lone_carer_at(s: Structures, words: list[str], i: int) -> Optional[int]:
    """fix31c (review 30 Q5): the `own` phrase at i is said of the carer who has the children ("mum has had the KIDS on
    her own", "nan has THEM on her own", "dad is bringing the BOYS UP on his own"): right before it the object of one of
    `care_verbs` (a person, with its determiners, owners and count words; past one of `care_particles`), whose subject
    (past an auxiliary) is one of `lone_carers` (fix33a: or the caller, _lone_subject). The verb's place, else None."""
    k = i - 1
    if k >= 0 and words[k] in s.care_particles:  # "brought her UP on his own"
        k -= 1
    person, last = False, k
    while k >= 0 and (words[k] in s.recipients or words[k] in s.persons or words[k] in s.kin or words[k] in s.gift_determiners
                      or words[k] in s.owners or words[k] in s.care_counts):  # fmt: skip
        person = person or words[k] in s.recipients or words[k] in s.persons or words[k] in s.kin
        k -= 1
    if not person or k < 0:
        return None
    obj = range(k + 1, last + 1)
    if words[k] in s.care_particles:  # "looks AFTER the three of them", "coping WITH the kids"
        k -= 1
    if k < 1 or words[k] not in s.care_verbs:
        return None
    return k if _lone_subject(s, words, k, obj) else None


def _lone_with_at(s: Structures, words: list[str], i: int, n: int) -> Optional[int]:
    """fix33a (mut32's probe): the lone phrase at i (n words) said of a carer, then "with" and the children ("mum is on
    her own WITH the three kids", "dad has been on his own with the twins", "i am on my own with them"): the carer is
    with them. The place of "with", else None."""
    j = i + n
    k = _with_whom(s, words, j)
    if k is None or not (words[k] in s.recipients or words[k] in s.persons or words[k] in s.kin):
        return None
    return j if _lone_subject(s, words, i, range(j + 1, k + 1)) else None


def _lone_care(s: Structures, words: list[str]) -> set[int]:
    """fix31c (review 30 Q5): the places of a lone carer's `own` phrase and its verb (_lone_carer_at), where no child is
    said left: none of `left_alone` outside those words, none of `lone_care_not`; "left" just after a carer with no
    person, "alone" or place after it is the carer leaving the family ("ever since dad LEFT"), no child left."""
    if _said(s.lone_care_not, words):
        return set()
    found: set[int] = set()
    for p in s.lone_own:
        for i in _at(p, words):
            verb = _lone_carer_at(s, words, i)
            if verb is not None:
                found |= {verb, *range(verb + 1, i + len(p))} - {j for j in range(verb + 1, i) if words[j] not in s.care_particles}
                found |= set(range(i, i + len(p)))
            with_ = _lone_with_at(s, words, i, len(p))
            if with_ is not None:
                found |= set(range(i, with_ + 1))
    if not found:
        return found
    # fix37d: an adult's own lone phrase with a pet is no word of a child left ("grandad is on his own with the dog")
    pets = {k for p in s.lone_own for i in _at(p, words) if _lone_with_animal(s, words, i, len(p)) for k in range(i, i + len(p))}
    placed = s.recipients | s.persons | s.kin | s.gift_determiners | s.owners | {"alone", "on", "in", "at", "with", "without", "by", "to"}
    gone = {k for k, w in enumerate(words) if w == "left" and _leaver_before(s, words, k) and (k + 1 == len(words) or words[k + 1] not in placed)}
    return found if not _said(s.left_alone, [w if k not in found and k not in gone and k not in pets else "" for k, w in enumerate(words)]) else set()


def _leaver_before(s: Structures, words: list[str], end: int) -> bool:
    """Whether a carer (`lone_carers`) or, fix37d (mut34's probes), one of `lone_leavers` ("he", "she", "my sister", "my
    partner") ends just before `end`: with "left" and no person, "alone" or place after it, someone leaving the family
    ("since HE left", "since my SISTER left"), no child left, beside a lone carer said with the children."""
    return _carer_before(s, words, end) or any(end >= len(p) and tuple(words[end - len(p) : end]) == p for p in s.lone_leavers)


def everyday_structures_at(
    s: Optional[Structures], words: list[str], age_in_months: Optional[int]
) -> tuple[set[int], Optional[frozenset[int]], frozenset[int]]:
    """Where the words say a concern word in its everyday sense by the sentence's structure (this module's readings):
    the places of those words, the rows they may move (None: any row only those words reached), and the rows whose
    fact is unsaid (an outing, a departure or a carer's or an animal's "on his own" made, and no word of a child left
    or alone said anywhere: the home-alone rows, which then leave the first three whatever else matched them; fix37d: a
    carer's bedtime care, _carer_bedtime: the young carer rows, `bed_rows`)."""
    at: set[int] = set()
    if s is None:
        return at, frozenset(), frozenset()
    bounded: set[int] = set()  # places whose reading moves only the home-alone rows
    departing = {i for p in s.departures for i in _at(p, words)}
    # stop 48: a child handed over to a setting or a carer; the verb may move any row only it reached
    handed: set[int] = set()
    if not _said(s.handover_not, words):
        for i, w in enumerate(words):
            whom = _handover_at(s, words, i) if w in s.handover_verbs else None
            if whom is not None:
                handed.update((i, whom))  # the verb and whom it hands over ("left him", "dropped the baby")
    # "left" of a departure or a handover is no child left: the other words say whether one is
    left_alone = _said(s.left_alone, [w if i not in departing and i not in handed else "" for i, w in enumerate(words)])
    young = age_in_months is not None and age_in_months < s.young_months
    companion = any(w in s.companions for w in words)
    if not left_alone:
        for i, w in enumerate(words):
            if w not in s.outing_verbs:
                continue
            obj = _outing_object(s, words, i)
            if obj is None:
                continue
            subject = _subject(s, words, i)
            # a carer's own outing ("mum went to the pub") is read as before unless the children go too
            if subject in s.carers and not companion:
                continue
            if young and not companion:
                continue
            bounded.add(i)
            for j in range(max(0, i - s.reach), min(len(words), i + 1 + 2 * s.reach)):
                if words[j] in s.durations:
                    bounded.add(j)
        bounded |= departing  # "left" of "left school", "left for work"
    # a comparative of kin: "older sister", "the older one" (never "older kids", "older boys", "younger kids")
    for i, w in enumerate(words[:-1]):
        if w in s.comparatives and words[i + 1] in s.kin:
            at.add(i)
    # in charge of a thing, not a person nor the home, and no child left or alone said
    charged = {i + k for p in s.charge for i in _at(p, words) for k in range(len(p))}
    if not _said(s.left_alone, [w if i not in charged else "" for i, w in enumerate(words)]):
        for p in s.charge:
            for i in _at(p, words):
                obj = next((j for j in range(i + len(p), min(len(words), i + len(p) + s.reach)) if words[j] not in s.skip), None)
                # senses25: a person anywhere in the object ("in charge of cooking and bathing the little ones")
                said_of = words[i + len(p) : i + len(p) + 2 * s.reach]
                if obj is not None and not any(w in s.persons or w in s.kin for w in said_of):
                    at.update(range(i, i + len(p)))
    # on his own of a carer or an animal
    if not young and not _said(s.danger, words):
        for p in s.own:
            for i in _at(p, words):
                before = [words[k] for k in range(max(0, i - 2 * s.reach), i)]
                person = next((b for b in reversed(before) if b in s.carers or b in s.animals or b in s.persons or b in s.kin), None)
                animal = any(b in s.animals for b in before)
                if person in s.carers or animal:
                    bounded.update(range(i, i + len(p)))
    # fix31c (review 30 Q5): a lone carer's "on her own" said of the carer who has the children, at any age
    # fix33a: besides the home-alone rows, `lone_rows` may move where they rest on the lone carer's words ("on his own"
    # of an unaccompanied child, "looks after" of a young carer)
    # (a lone phrase denied, "he is not on his own", "never left on her own", moves nothing: review 12 H6, a denied
    # p9 row stays in sight; fix33a's reading of it was taken out at the merge, review 13's guard)
    lone = _lone_care(s, words)
    bounded |= lone
    # fix37d (mut34's probe): a carer putting the children to bed ("nan puts the 6 year old to bed"): `bed_rows` (the
    # young carer rows) may move where they rest on those words; nothing else (not the home-alone rows)
    bedded = _carer_bedtime(s, words)
    # fix27b (review 26 Q11): possessive "own" ("his own phone", "her own room", "their own bed"), not "on his own", and
    # no word of a child left or alone said: "own" is the everyday word, only the home-alone rows may move, and they
    # move only where they rest on it (not `unsaid`: the call may say the child is left in other words)
    owned = possessive_own(s, words)
    # fix27b (review 26 Q9): a person as a gift's recipient ("bought her a phone"): only the trafficking rows may move,
    # where they rest on the verb
    gifts = {i for i, w in enumerate(words) if w in s.gift_verbs and _gift_at(s, words, i)}
    at |= bounded | owned | gifts | handed | bedded
    unsaid = (s.home_alone_rows if bounded or handed else frozenset()) | (s.bed_rows if bedded else frozenset())
    rows = (s.home_alone_rows if bounded | owned else frozenset()) | (s.gift_rows if gifts else frozenset()) | (s.lone_rows if lone else frozenset())
    rows |= s.bed_rows if bedded else frozenset()
    return at, (frozenset() if not at else None if at - bounded - owned - gifts - bedded else rows), unsaid


def _carer_bedtime(s: Structures, words: list[str]) -> set[int]:
    """fix37d (mut34's probe "nan puts the 6 year old to bed every night", p13-14 "Young carers" first): the places of
    one of `bed_verbs` and its one of `bed_ends` ("puts ... TO BED") where the verb's subject (past an auxiliary) is one
    of `lone_carers` and its object, at most `reach` + 2 words, is a person said with its determiners, owners, counts and
    an age ("the 6 year old", "the little one", "the twins"): the carer's own bedtime care, which no young carer row
    rests on. A child minding ("the 8 year old puts her little brother to bed") is read as before, and so is every call
    saying one of `lone_care_not` (the carer out: "puts the kids to bed and goes out") or `bed_not` (a child's care
    said in other words, a reason given: "because mum is drunk"). The young carer rows then leave the first three
    (`unsaid`): nothing else said makes a child a carer (word matching and the model read "every night" of a child
    putting another to bed)."""
    found: set[int] = set()
    if _said(s.lone_care_not, words) or _said(s.bed_not, words):
        return found
    for p in s.bed_ends:
        for i in _at(p, words):
            k = i - 1
            person = False
            while k >= 0 and i - k <= s.reach + 2 and words[k] not in s.bed_verbs:
                person = person or words[k] in s.recipients or words[k] in s.persons or words[k] in s.kin or words[k] in s.gift_age_units
                k -= 1
            if k >= 0 and words[k] in s.bed_verbs and person and _carer_before(s, words, _past_auxiliaries(words, k) + 1):
                found |= {k, *range(i, i + len(p))}
    return found


def possessive_own(s: Optional[Structures], words: list[str]) -> set[int]:
    """fix27b (review 26 Q11): the places of a possessive "own" ("his own phone", "her own children", "my own baby"):
    one of `owners` before it, not after "on" (so never "on his own"), and no word of `left_alone` said anywhere in the
    call (a child left is said in other words: "leaves her own kids on their own"). Empty with no structures read."""
    if s is None:
        return set()
    owned = {i for i, w in enumerate(words) if w == "own" and i > 0 and words[i - 1] in s.owners and (i < 2 or words[i - 2] != "on")}
    return set() if owned and _said(s.left_alone, words) else owned


def not_in_first_three(ranked: list[int], rows: Optional[frozenset[int]], offered: AbstractSet[str], id_of: Callable[[int], str]) -> set[int]:
    """Of `ranked` (the rows the everyday words matched, in the call's order: the caller passes those), the ones
    (bounded by `rows`; None: any) that the call read without the everyday words does not offer in its first three
    (`offered`, their ids): those leave the first three, or do not rise into them."""
    return {n for n in ranked if (rows is None or n in rows) and id_of(n) not in offered}
