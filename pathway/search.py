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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any, NamedTuple, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError
from rapidfuzz import process
from rapidfuzz.distance import OSA

from pathway import (
    search_collected,
    search_denial_only,
    search_disabled_care,
    search_ingest,
    search_minded,
    search_sale,
    search_structures,
    search_turned_words,
    written_text,
)
from pathway.catalogue import Catalogue, Indicator, load_catalogue
from pathway.english import load as load_english
from pathway.levels import Level
from pathway.models import FieldError, field_error, refusal, refuse_duplicated_keys, without_bom
from pathway.search_call import (
    KEPT_PLACES,
    Hit,
    _back_in_sight,
    _Call,
    _scores_follow_order,
)
from pathway.search_care import (
    CareReadings,
)
from pathway.search_carers import (
    CarerReadings,
)
from pathway.search_clauses import (
    ClauseReadings,
)
from pathway.search_core import (
    MIN_PREFIX,
    CoreReadings,
    _height_of,
)
from pathway.search_denials import (  # noqa: F401 (callers and tests import these from pathway.search)
    DENYING,
    LISTING,
    NEGATION_REACH,
    NEGATIONS,
    _bridged_reach,
    _denied_positions,
    _first_denied,
    _negated_before,
    _said_and_denied,
    affirmed,
    paired_denials,
)
from pathway.search_model import CallerModel, ExampleCall, example_calls, training_texts
from pathway.search_ordinary import OrdinaryCall, asks_only, joined, ordinary_call, readings_at
from pathway.search_p9 import (
    AGREED,
    PREFIX_CACHE_SIZE,
    P9Readings,
)
from pathway.search_senses import (  # noqa: F401 (callers and tests import these from pathway.search)
    SenseReadings,
    _above_universal,
    _age_in_words,
    _as_meant_table,
    _care_left,
    _care_withheld,
    _clause_reading,
    _degrading,
    _everyday_senses,
    _named_rows,
    _personal_care,
    _said_plainly,
    _turned_facts,
    _unborn_calm,
    _under_1_said,
    _under_13_sex,
    _unsaid_facts,
    _young_out_at_night,
)
from pathway.search_subjects import (
    _YEARS_SAID,
    AGE_UNITS,
    CHILD_ROLES,
    CHILD_WORDS,
    DETERMINERS,
    SubjectReadings,
    _carer_substance,
    _carer_threat,
    _Clauses,
    _disclosed_own_acts,
    _everyday_hitting,
    _harm_by_adult,
    _harm_to_child,
    _named_subject,
    _not_the_child,
    _of_this_child,
    _of_this_child_not_before,
    _offender,
    _pregnant_young,
    _role_abuse,
    _role_condition,
    _said_of_parent,
    _service_roles,
    _Subject,
    _told_alone,
    said_you,
)
from pathway.search_synonyms import (  # noqa: F401 (callers and tests import these from pathway.search)
    JOINED_KEYS,
    SUBJECT_WORDS,
    SYNONYMS_FILE,
    _check_synonyms,
    load_synonyms,
)
from pathway.search_tables import (  # noqa: F401 (callers and tests import these from pathway.search)
    CHILD_DEVELOPMENT,
    SearchDataError,
)
from pathway.search_tables import flat as _flat
from pathway.search_text import (  # noqa: F401 (callers and tests import these from pathway.search)
    _STOP_STEMS,
    CLAUSE_WORDS,
    JOINING,
    MIN_TYPO,
    NEGATING,
    WORRY,
    _phrase_at,
    _phrases_at,
    _says_exactly,
    _small,
    _stop,
    max_typos,
    normalise,
    stem,
    tokens,
)
from pathway.search_when import (
    WhenReadings,
    _elsewhere,
    _ends,
    _explained_play,
    _not_now,
    _not_yet,
    _overruled,
)

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
TYPO = 0.7  # a word matched despite a typo counts less than one spelt right
NEGATION = 0.4  # ...in a phrase it counts in full
CHILD_WORD = 0.5  # "baby", "toddler" once the age is given: half, and only for age-banded indicators
NEGATED_STRENGTH = 0.3  # a strength (Universal) whose own words the caller denies ("not kept safe"): a concern, not a strength
SEVERITY = 0.5  # how far "all the time" lifts the higher twins (and "might" the lower) before they are reordered
PARENT_SAID = 0.6  # a word said of a parent ("dad drinks") counts this much for the child's own development (see _said_of_parent)
LEARNED = 0.8  # the blend: word matching's score against its best counts 1 - LEARNED, the model's share against its best LEARNED
LEARNED_OFFERED = 5  # the model's best this many (the age admits) join what word matching found
ADMITTED_KEPT = 100_000  # SearchIndex._admits keeps at most this many answers (178 indicators x every age to 19 is about 84,000)
PLAIN_GAP = 2  # small words a plain phrase's words may have between them ("drinking all her milk")
JOINED_REACH = 3  # how near the harm (or the belief) and the child must be said ("to hurt the baby")
MODEL_AGE_BANDS = ((11, "agebandunder1"), (23, "agebandunder2"), (71, "agebandunder6"), (155, "agebandunder13"), (191, "agebandunder16"))
# the learned model's age words: the document's age limits (under 1, under 2, 5 and under, under
# 13, under 16); older is "agebandover15" (chosen on the left-out sets: docs/adviser.md)
CALM = 1.5  # the model reads "no concern" where its share of the synonyms file's `harmless` calls is this much of its best indicator's or more
# (_calm_first): chosen on the left-out sets v2-v6, twice the most any call there naming a p9 criterion gave (0.77, "brusing on my
# grandsons bottom after he came back from his dads"), so none of them loses its first place
AGE_FIT = 1.5  # an immediate criterion written for this child's age (under 2, 5 and under...) fits
# better than the general one with the same words (safety first: never under-call)

MODEL_SKIPS = frozenset(
    "my year years yr yrs old aged age month months week weeks is are was were am be been being the a an has have had will would do does did".split()
)  # what the learned model does not read (see SearchIndex._for_model)


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


@dataclass
class _Entry:
    indicator: Indicator
    order: tuple  # safety-first tie-break
    own: frozenset = frozenset()  # content stems of the document's own text (how much a query covers)
    phrases: list[tuple[tuple[str, ...], float]] = field(default_factory=list)


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
    _Step("_act_on_no_child_below", "a carer's act on himself, another adult or a thing: a p9 or Protection row on its words does not lead"),
    _Step("_violent_to_carer_first", "a carer violent to the other carer leads with p9's domestic violence"),
    _Step("_offender_first", "the child as the offender: no 'Victim of crime' first"),
    _Step("_carer_threat_first", "a carer's own threat of suicide or self harm: the carers' rows first", _unjoined),
    _Step("_pregnant_banded_first", "a child's own pregnancy and age: the pregnancy rows her age is under, highest first (fix28b)", _born),
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
    _Step("_denial_only_first", "a call whose only concern words are denied: a row it says, else the strength it states, leads (Search24d)", _born),
    _Step("_named_rows_below", "last: rows a `named_rows` reading does not name leave the first three; its lead", _born),
    _Step(
        "_everyday_hitting_again",
        "a carer's act `everyday_hitting` reads, told or said ('she said mum holds a lighter to her fingers'), leads with p9 where"
        " `named_rows` took the disclosure it stood behind out of the first three (fix27c)",
        _born,
    ),
    _Step(
        "_ordinary_call_below",
        "a meeting held, a small count of absence, a lesson, an outing, a thing done on one's own, a play injury: the rows"
        " only those words reached leave the first three; a question about what is normal: no p9 lead (fix24b); after"
        " `named_rows`' lead (which could lead again with a row they reached), before the safety-first readings",
        _whole_born,
    ),
    _Step("_left_unsaid_first", "p9's home alone with no child left said does not lead (Search51); after the rows the readings above put in its place"),
    _Step("_calm_kept_first", "the model's 'no concern' at the end of the moving readings: no p9, p15-16 or p17 lead (fix37c)"),
    _Step("_degrading_first", "degrading treatment or confinement of the child (a cage, chains, a cellar) leads with p9 (fix23c)", _born),
    _Step("_care_withheld_first", "a carer withholding the child's feeds, medicines or care leads with p9; a doctor refused is no strength (fix28b)", _born),
    _Step("_not_collected_first", "a child whose carers have not come for them for days leads with p9's home-alone row (fix30c)", _born),
    _Step(
        "_young_minder_first",
        "children minded by a child under 12 while the carer is out, or a child under 12 alone at home while the carer is"
        " away, lead with p9's home-alone row (fix33a, fix35c)",
        _born,
    ),
    _Step("_personal_care_first", "a child doing a parent's personal care is a young carer, not the child's own self care (fix28b)", _born),
    _Step("_disabled_child_carer_first", "a carer caring for a disabled child: the carer's break and substantial care rows lead (Search49)", _born),
    _Step("_takes_child_with_first", "a carer's threat to kill self said by its act, a child taken with it, leads with p9 (fix28a)", _born),
    _Step("_told_secret_first", "a secret an adult told the child to keep leads with p9's disclosure row (fix28a)", _born),
    _Step("_sold_child_first", "a child bought or sold (a person the sale's whole object) leads with p9's trafficking row (fix29a)", _born),
    _Step("_ingested_first", "a young child who swallowed a carer's drug, medicine or a household poison leads with p9's harm (fix30d)", _born),
    _Step("_under_13_sex_offered", "a young person's words for sex at an age under 13 offer p17's row; p9 stays first (fix23c)", _born),
    _Step("_above_universal_step", "last, safety first: a need above Universal said beside strengths, and a young child out alone at night, lead (fix22a)"),
)


class SearchIndex(WhenReadings, SenseReadings, ClauseReadings, CarerReadings, SubjectReadings, CoreReadings, P9Readings, CareReadings):
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
        # the words a denial's own reading takes as no concern: plain ones (_rests_on_denial), then with a child's words
        # (_no_concern_words), and with a carer's words too
        self.denial_plain_words = DENYING | CLAUSE_WORDS | JOINING | self.subject.opens
        self.no_concern_words = self.denial_plain_words | CHILD_WORDS
        self.no_concern_with_carers = self.no_concern_words | self.subject.parents
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
        # ...and one _core_first alone reads (Search51: no other reading takes the row for a core criterion)
        self.core_to_lead = {number_of(i): [tuple(tokens(w)) for w in ws] for i, ws in (synonyms.get("core_to_lead") or {}).items()}
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
        # fix24a: the same readings by shape, in other words (_turned_runs; pathway/search_turned_words.py)
        self.turned_names = tuple(r.get("name", "") for r in (synonyms.get("turned_facts") or {}).get("readings") or [])
        self.turned_words = search_turned_words.load(synonyms, normalise)
        self.denial_rows = search_denial_only.IndexRows(  # what _denial_only_first's reading tests of a row and a word
            frozenset(n for n, i in enumerate(catalogue.indicators) if i.level is Level.UNIVERSAL and not i.immediate),
            frozenset(n for n, i in enumerate(catalogue.indicators) if i.immediate),
            self.plain_words,
        )
        self.denial_only = search_denial_only.load(  # Search24d: a call whose only concern words are denied (_denial_only_first)
            synonyms.get("denial_only"),
            [r["name"] for r in (synonyms.get("turned_facts") or {}).get("readings") or []],
            number_of,
            lambda n: n in self.denial_rows.universal,
            normalise,
        )
        # fix22a (review 22 N1, N3): a need above Universal said beside strengths; a young child out alone at night
        self.above_universal = _above_universal(synonyms, number_of)
        self.young_out_at_night = _young_out_at_night(synonyms, number_of)
        self.clause_reading = _clause_reading(synonyms)  # fix23c (review 23 N1): how the clause reading cuts a call, and a p9 clause's words
        self.personal_care = _personal_care(synonyms, number_of)  # fix28b (review 27 Q3): a child doing a parent's personal care (_personal_care_first)
        self.care_withheld = _care_withheld(synonyms, number_of)  # fix28b (review 27 Q4): a carer withholding the child's care (_care_withheld_first)
        self.sold_child = search_sale.load(synonyms.get("sold_child"), normalise, number_of)  # fix29a: a child bought or sold (_sold_child_first)
        # Search49: a carer caring for a disabled child (_disabled_child_carer_first)
        self.disabled_child_carer = search_disabled_care.load(synonyms.get("disabled_child_carer"), normalise, number_of)
        self.not_collected = search_collected.load(synonyms.get("not_collected"), normalise, number_of)  # fix30c: a child not collected (_not_collected_first)
        self.young_minder = search_minded.load(synonyms.get("young_minder"), normalise, number_of)  # fix33a: a child under 12 minding (_young_minder_first)
        self.ingested = search_ingest.load(
            synonyms.get("ingested"), normalise, number_of
        )  # fix30d: a young child who swallowed a carer's drug (_ingested_first)
        self.degrading = _degrading(synonyms, number_of)  # fix23c (review 23 N2): degrading treatment and confinement (_degrading_first)
        self.under_13_sex = _under_13_sex(synonyms, number_of)  # fix23c (review 23 N10): a young person's words for sex under 13
        self.everyday_senses = _everyday_senses(synonyms, number_of)  # fix23b: the everyday senses of concern words
        self.everyday_structures = search_structures.structures(synonyms.get("everyday_structures"), normalise, number_of)  # senses24
        # fix23f (review 21 N3, N6): a thing not yet so; an ordinary injury from the child's own play
        self.not_yet = _not_yet(synonyms, number_of)
        self.explained_play = _explained_play(synonyms, number_of)
        # fix24b (review 24 P2, P6): an ordinary call read as said; a question about what is normal (_ordinary_call_below)
        self.ordinary_call: Optional[OrdinaryCall] = ordinary_call(synonyms, number_of, normalise)
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
        # "neither X nor Y" and "nor" said as the denials every reading reads (denial26, Search26a: paired_denials)
        self.pair_opens, self.pair_joins, self.pair_no_after = (
            frozenset(normalise(" ".join(denial.get(k) or [])).split()) for k in ("pair_opens", "pair_joins", "pair_no_after")
        )
        # "not just X", "not only X" said as X and more (fix27c F4: affirmed)
        self.affirm_denials, self.affirm_after = (frozenset(normalise(" ".join(denial.get(k) or [])).split()) for k in ("affirm_denials", "affirm_after"))
        # a denial's hedge ("no sign of", "no evidence of", "no history of": search16) and the words that join it to what
        # it denies; and the words that say whom or what a denied concern is about ("the family are not homeless")
        self.hedges, self.hedge_joins, self.topics, self.between = (
            frozenset(normalise(" ".join(denial.get(k) or [])).split()) for k in ("hedges", "hedge_joins", "topics", "between")
        )
        # a verb of using (search18: "take", "use", "smoke", a concern's own denial in "does not take her medication")
        # followed by a substance ("does not take drugs") denies the substance (_use_denied)
        self.use_verbs, self.use_objects = (frozenset(normalise(" ".join(denial.get(k) or [])).split()) for k in ("use_verbs", "use_objects"))
        # fix33d: the harm words a denial unsays as a `core` word ("no violence", "nobody has been hurt": _core_said)
        self.unsays_core = frozenset(normalise(" ".join(denial.get("unsays_core") or [])).split())
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
        said = paired_denials(normalise(query).split(), self.pair_opens, self.pair_joins, self.pair_no_after)  # Search26a
        said = affirmed(said, self.affirm_denials, self.affirm_after)  # fix27c: "not just X" says X
        words = self._care_left(self._p9_spelt(self._regional_plainly(self._as_meant(said))))
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

    def _denial_only_first(self, c: _Call) -> None:
        """Search24d (pathway/search_denial_only.py; the synonyms file's `denial_only`, this tool's reading, declared there): a
        call whose only concern words are denied ("nobody touches her and she's happy at home") leads with a Universal
        row its other words say, else with the strength the denial states; the denied p9 rows of the first three follow
        (review 12 H6: in sight, not first). A concern said elsewhere in the call, and nothing moves."""
        d = self.denial_only
        if d is None or not c.ranked or d.reading >= len(self.turned_facts):  # no `turned_facts` read (a test's index)
            return
        lacks = search_denial_only.lacking(c.words, d.positive)  # read once for both readings (Search26a)
        first = search_denial_only.denial_only_lead(d, self._turned_runs(self.turned_facts[d.reading], c.words, c.stems), c, self.denial_rows, lacks)
        if first is None:
            lead = search_denial_only.lacking_lead(d, c, self.denial_rows, self._concern, lacks)  # Search26a: "not happy"
            if lead is None:  # fix35a: "nobody could fault mum, she plays with them all day"
                lead = search_denial_only.praise_lead(d, c, self.denial_rows, self._concern, lacks)
            if lead is not None:
                self._lead_with(lead, c.ranked, c.final)
            return
        for n in first:
            c.final.setdefault(n, 0.0)
        c.ranked[:] = first + [n for n in c.ranked if n not in first]
        _scores_follow_order(c.ranked, c.final)

    def _ordinary_call_below(self, c: _Call) -> None:
        """Review 24 P2, P6 (fix24b; the synonyms file's `ordinary_call`, this tool's reading, declared there;
        pathway/search_ordinary.py): the words of an ordinary call ("TAC meeting HELD", "MISSED 2 DAYS with a cold", "SEX
        EDUCATION", "have a BATH ON THEIR OWN", "went CAMPING with CUBS", "a CUT knee from the MONKEY BARS") are taken
        out and the call read again without them (_read_without, as _everyday_senses_below); a row of concern (above
        Universal) leaves the first three (just below, still offered; a lower one does not come in) where the reading
        may move it and it rests on those words alone (_ReadWithout.alone: none of the call's other words matched it
        and the call read without them does not offer it in its first three; _no_newcomers: no p9 row or Protection
        need comes in its place). Then a
        question about what is normal ("can a 4 year old ...", asks_only) does not lead with a p9 row: the best other
        row leads and _lead_with keeps every p9 row of the first three in them (review 12 H6)."""
        oc = self.ordinary_call
        if oc is None or not c.ranked:
            return
        made = readings_at(oc, c.words, c.age_in_months)
        at, rows = joined(made)
        if at:
            before, first_before = set(c.ranked[:KEPT_PLACES]), c.ranked[0]
            again = self._read_without(c, at)
            without = again.offers
            out = {
                n
                for n in c.ranked  # a lower row they alone reached would come in: it stays out too
                if (rows is None or n in rows)
                and self._concern(n)  # a Universal row is no concern: "goes to brownies" keeps its leisure row
                and again.alone(n)
            }
            self._no_newcomers(c, out)
            # as fix23e: where too few rows stay to fill the first three, a lower row that left fills them before a p9
            # row or Protection need ("we went camping and he slept outside in a tent": two Universal rows stay)
            ranked, final, gone = c.ranked, c.final, c.unstated
            k = next((i for i, n in enumerate(ranked) if n in gone), len(ranked))
            if k < KEPT_PLACES:
                j = next((i for i in range(k, len(ranked)) if ranked[i] not in gone), len(ranked))
                # fix26b: only the lower rows the first three need rise (the same first three as sorting the run by
                # height); the rest keep their order, so no p9 row falls behind every other row that left
                fill = [n for n in ranked[k:j] if not self._high(n)][: KEPT_PLACES - k]
                ranked[k:j] = fill + [n for n in ranked[k:j] if n not in fill]
                _scores_follow_order(ranked, final)
            if out and rows is None and not without and c.ranked and c.ranked[0] in c.unstated:
                # as fix23e: nothing but the ordinary words reached a row and the call read without them offers
                # nothing ("did drugs awareness in PSHE"): nothing is offered, as for the words left
                c.ranked.clear()
                return
            if rows is not None and all(r.unoffered_alone for r, _ in made) and out & rows and not without:
                # fix25b (review 25 Q5): as fix23e's nothing above, for a reading marked `unoffered_alone` (others_wedding;
                # fix26b: that reading's alone, every reading made marked): where the call read without its words
                # offers nothing, the rows that left here (its own, and those _no_newcomers kept from coming in) are
                # not offered; the rows another word reached stay ("her cousin is getting married and she's a
                # bridesmaid": no forced marriage, no trafficking in their place)
                # fix37c (review 34 K1): a row of concern no word of the call matched (the learned model's alone) goes
                # with them: the call's only words are the reading's ("her sister's wedding is in june and she's going
                # to be a bridesmaid" kept p9's repeated domestic violence first, on no word)
                c.ranked[:] = [n for n in c.ranked if n not in out and not (self._concern(n) and not c.matched.get(n))]
            # at the merge (stop 54): a row a `turned_facts` reading moved below (the child's self-harm row for "grandma
            # took an overdose") does not rise into a place these words left ("the children stay with her": fix37a)
            risen = c.turned_out & set(c.ranked[:KEPT_PLACES]) - before
            # fix41a (stop 56): ...and neither does a p9 row these words alone reached (`out`, _no_newcomers' too) nor
            # one an earlier reading moved below (`c.p9_out`) that was not in the first three before: "the neighbours
            # dog bit him on the leg" (96) had p9 significant harm, which these words moved, back third in the place the
            # victimisation row (`c.turned_out`) left; "she tripped in PE and the teacher saw her cut her chin" (120)
            # p9's disclosure line, which the professional's reading (`named_rows`) had moved, second
            held = frozenset(n for n in c.ranked if self.entries[n].indicator.immediate and (n in out or (n in c.p9_out and n not in before)))
            if risen or held:
                self._out_of_sight(risen | held, c.ranked, c.final, held)
            # ...nor does a row _subject_first barred from leading (the child's drinking row for "the uncle they stay
            # with drinks heavily", search14) lead where the row these words moved led
            if c.ranked and c.ranked[0] != first_before and c.ranked[0] in c.not_to_lead:
                lead = next((n for n in c.ranked if n not in c.not_to_lead and n not in c.withheld), None)
                if lead is not None:
                    self._lead_with(lead, c.ranked, c.final)
        if c.ranked and self.entries[c.ranked[0]].indicator.immediate and asks_only(oc, c.words):
            lead = next((n for n in c.ranked if not self.entries[n].indicator.immediate and n not in c.withheld), None)
            if lead is not None:
                self._lead_with(lead, c.ranked, c.final)

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
        if len(ranked) >= KEPT_PLACES and all(self.entries[m].indicator.immediate for m in ranked[:KEPT_PLACES]):
            return  # stop 48: three p9 rows the words found outweigh the model's "no concern"; none gives way (review 8 S1)
        lead = next((n for n in ranked if not self._high(n)), None)
        if lead is not None:
            self._lead_with(lead, ranked, final)

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
        _back_in_sight(kept, lambda r: r == n or self.entries[r].indicator.immediate, ranked, final)

    def _calm_first_step(self, c: _Call) -> None:
        """_calm_first on the call; where no reading since the blend moved its first, the calm reading's first is the
        blend's own (a long call's ordinary words make the whole call read calm: its parts are read, _p9_part_first)."""
        led = c.ranked[:1]
        self._calm_first(c.calm, c.ranked, c.final)
        if led == c.blended:
            c.blended = c.ranked[:1]

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
        lead_for_first: bool = False,
    ) -> bool:
        """Where the first result is one of `rows` and rests only on the words at `at` (_not_now_first), the first
        three are reordered, or `lead` (or the first result that does not rest on them) leads. `unmatched`: a row of
        `rows` the words did not match (the model's alone) rests on them too. `lead_for_first`: `lead` leads only where
        the first result itself rests on them (fix33b, review 32 Q3: a lower row resting on a professional's words,
        "the youth worker" matching the offending rows, gave a Universal row the first place over the concern said
        after it; the first three are reordered instead). Whether it moved."""
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
        if (lead in ranked and (ranked[0] in demoted or not lead_for_first)) or (ranked[0] in demoted and not promoted):
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

    # ------------------------------------------------------------ fix23f: a thing not yet so; an injury from the child's play

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
    # read as the call screen reads them, the last word as one that may still be being typed, unless the client says the
    # words are whole (review 25 surfaces, R2, declined as the default on measurement: read whole, a labelled p9 row
    # leaves the first three in 3 of 6,609 calls and enters in 2; docs/adviser.md, Call screen)
    finished: bool = Field(
        default=False,
        strict=True,
        description="true: the words were sent whole, the last word is read as said; false (the default, as the call "
        "screen reads them): the last word may still be being typed",
    )
    with_note: bool = Field(
        default=False,
        strict=True,
        description='answer {"hits": [...], "note": ...}: the hits and what the call screen says beside them '
        "(a child looked after now, a refusal of the CAF or early help; null where neither is said)",
    )

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
        hits = search(self.words, age_in_months=self.age_months, unborn=self.unborn, limit=self.limit, finished=self.finished)
        return [contract_row(h) for h in hits]

    def answer(self) -> list[dict] | dict:
        """What `POST /api/v1/search` and `pathway search --json` give: the rows, or with `with_note` the rows and
        the search's note (pathway.search_offers.search_note, the call screen's; review 25 surfaces, R3)."""
        rows = self.run()
        return {"hits": rows, "note": self.note()} if self.with_note else rows

    def note(self) -> Optional[str]:
        """What the call screen says beside the rows for these words (pathway.search_offers.search_note)."""
        from pathway.search_offers import search_note  # it imports this module

        return search_note(self.words)


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
