"""The threshold document as data: loaded once from `data/fsp_2014.yaml` and checked on load.

The YAML is the reviewable source; these models make a malformed edit fail at start-up with the
entry named, rather than mid-assessment.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Generic, Literal, NamedTuple, Optional, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from pathway import yaml_load
from pathway.levels import Level
from pathway.shipped import shipped

DATA_FILE = shipped("fsp_2014.yaml")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    section: str
    page: str

    def cite(self) -> str:
        return f"{self.section}, p{self.page}"


class ParentAgeHint(_Strict):
    """What describes the concern for a parent whose age (parent.age_years) is outside a parent's band:
    the needs that admit a parent of `min_months` to `max_months` (review 11, H4)."""

    min_months: Optional[int] = None
    max_months: Optional[int] = None
    text: str

    def contains(self, months: int) -> bool:
        return (self.min_months is None or months >= self.min_months) and (self.max_months is None or months <= self.max_months)


class AgeBand(_Strict):
    id: str
    label: str
    min_months: Optional[int] = None
    max_months: Optional[int] = None
    unborn: Literal[False, "only"]
    # "parent": the band is the young parent's age (pregnant under 16/17, teenage parents, pregnant
    # care leavers), not the age of the child the assessment is about (an unborn baby, an infant)
    subject: Literal["child", "parent"] = "child"
    source: Source
    interpretation: bool = False
    why: Optional[str] = None
    # what still applies to a child outside the band (a born child; an unborn baby), named in the
    # refusal so a practitioner refused a p9 criterion by age is pointed to the one that fits
    outside: Optional[str] = None
    outside_unborn: Optional[str] = None
    # a parent's band ("subject: parent") refused for the parent's age given: what fits that age
    outside_parent: list[ParentAgeHint] = Field(default_factory=list)

    def parent_hints(self, parent_age_in_months: int) -> list[str]:
        """The `outside_parent` words for a parent of this age, in the catalogue's order."""
        return [h.text for h in self.outside_parent if h.contains(parent_age_in_months)]

    def contains(self, months: int) -> bool:
        """Whether an age in whole months is inside the band's limits."""
        return (self.min_months is None or months >= self.min_months) and (self.max_months is None or months <= self.max_months)

    def admits(self, unborn: bool, age_in_months: Optional[int], parent_age_in_months: Optional[int] = None) -> bool:
        """Whether a case with this child (and, for a parent's band, this parent) may have the indicator.

        The one place that decides it: the rules' checks, the journey, the call screen and the
        search all ask here. An age that is not given is admitted: the indicator's words carry it.
        """
        if self.unborn == "only":
            return unborn
        if self.subject == "parent":
            if parent_age_in_months is not None:
                return self.contains(parent_age_in_months)
            if unborn or age_in_months is None:
                return True
            # a child younger than the band is the young parent's baby; in the band, the child is
            # the young parent; older than the band, the words cannot be about either
            return age_in_months < (self.min_months or 0) or self.contains(age_in_months)
        if unborn:
            return False
        if age_in_months is None:
            return True
        return self.contains(age_in_months)


class AgedHint(_Strict):
    """Words a refusal's hint adds from an age: the needs they name are admitted from `min_months`."""

    min_months: int = Field(ge=0)
    text: str


class MeaningfulAge(_Strict):
    """Whom an indicator's words can describe (this project's reading: the document gives no age):
    whether an unborn baby, and the youngest child (`min_months`, 0 from birth). The document's own
    age bands stay in AgeBand; below this a child is neither offered the indicator nor may be given
    it, and the refusal says what describes that child's concern (`outside`, `outside_unborn`).
    Every child-development indicator is declared in exactly one entry (review 8, F2). An entry whose
    words end at an age (review 9 G1: the duty to be in education ends at 18) declares the oldest it
    admits (`max_months`), whom it then refuses (`older_label`) and what describes their concern
    (`outside_older`)."""

    id: str
    label: str
    min_months: int = Field(ge=0)
    unborn: bool = False
    why: str
    indicators: list[str]
    outside: Optional[str] = None
    # words added to `outside` for a child of at least each entry's age (review 8 recheck, R4, R5)
    outside_from: list[AgedHint] = Field(default_factory=list)
    outside_unborn: Optional[str] = None
    max_months: Optional[int] = Field(default=None, ge=0)
    older_label: Optional[str] = None
    outside_older: Optional[str] = None
    interpretation: Literal[True] = True

    @model_validator(mode="after")
    def _older_is_described(self) -> "MeaningfulAge":
        if self.max_months is not None and not (self.older_label and self.outside_older):
            raise ValueError(f"meaningful_ages.{self.id}: max_months needs older_label and outside_older (whom it refuses, and what describes their concern)")
        return self

    def admits(self, unborn: bool, age_in_months: Optional[int]) -> bool:
        if unborn:
            return self.unborn
        return age_in_months is None or (age_in_months >= self.min_months and not self.too_old(age_in_months))

    def too_old(self, age_in_months: Optional[int]) -> bool:
        """Past the oldest age the words describe (`max_months`, inclusive)."""
        return self.max_months is not None and age_in_months is not None and age_in_months > self.max_months

    def hint(self, age_in_months: Optional[int]) -> Optional[str]:
        """What describes a younger child's concern, at their age: `outside`, and each `outside_from`
        entry they have reached (an age not given: `outside` alone)."""
        words = [self.outside] if self.outside else []
        words += [h.text for h in self.outside_from if age_in_months is not None and age_in_months >= h.min_months]
        return ". ".join(words) or None


class OfferFilter(_Strict):
    """Assessments and services of a level that do not fit a child's age, with the reason
    (this project's reading): the result lists them apart, never hides the whole list."""

    id: str
    contains: list[str]
    min_months: Optional[int] = None
    max_months: Optional[int] = None
    disabled_only: bool = False
    why: str
    interpretation: Literal[True] = True

    def matches(self, item: str) -> bool:
        return any(c.lower() in item.lower() for c in self.contains)

    def fits(self, unborn: bool, age_in_months: Optional[int], disability: Optional[str] = None) -> bool:
        if self.disabled_only and disability in ("none",):
            return False
        if unborn:  # a disabled-only filter is decided by the disability answer alone: its `why` says so
            return self.min_months is None
        if age_in_months is None:
            return True
        return (self.min_months is None or age_in_months >= self.min_months) and (self.max_months is None or age_in_months <= self.max_months)


class OfferForNeeds(_Strict):
    """Assessments and services that answer needs the practitioner chose: listed first for the
    child, with the needs that brought them up (this project's reading, by the needs' words)."""

    id: str
    contains: list[str]  # items whose text holds any of these
    needs_mention: list[str]  # chosen needs whose words hold any of these
    interpretation: Literal[True] = True

    def matches(self, item: str) -> bool:
        return any(c.lower() in item.lower() for c in self.contains)

    def needs(self, chosen: list["Indicator"]) -> list["Indicator"]:
        return [i for i in chosen if any(w.lower() in i.text.lower() for w in self.needs_mention)]


class CriterionReading(_Strict):
    """How this tool reads an immediate-referral criterion whose words admit more than one reading
    (review 13, J1): declared beside it, and carried by the decision wherever the criterion is decided
    (rule `immediate.reading`) or pointed to (`criterion_pointers`)."""

    interpretation: Literal[True] = True
    source: Source
    why: str


class Indicator(_Strict):
    id: str
    text: str
    document_text: Optional[str] = None
    level: Level
    immediate: bool = False
    domain: Optional[str]
    dimension: Optional[str]
    age_band: Optional[str] = None
    source: Source
    hint: Optional[str] = None
    same_words_as: list[str] = Field(default_factory=list)  # derived from the catalogue's `twins` block
    related_contacts: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    reading: Optional[CriterionReading] = None  # an immediate criterion's declared reading (review 13, J1)

    @model_validator(mode="after")
    def _immediate_is_protection(self):
        if self.immediate and self.level is not Level.PROTECTION:
            raise ValueError(f"{self.id}: an immediate indicator must be level protection")
        if not self.immediate and (self.domain is None or self.dimension is None):
            raise ValueError(f"{self.id}: a need indicator needs a domain and a dimension")
        if self.reading is not None and not self.immediate:
            raise ValueError(f"{self.id}: a reading is declared beside an immediate-referral criterion only")
        return self


class LevelInfo(_Strict):
    id: Level
    name: str
    rank: int
    threshold: str
    definition: str
    source: Source
    actions: list[str]
    assessments: list[str]
    services: list[str]
    further_information: list[str] = Field(default_factory=list)
    services_intro: Optional[str] = None  # the document's "Relevant services at previous levels plus:"
    assessments_intro: Optional[str] = None
    # where a level's lists are not one of the document's own (Child in Need has no table, p11-18; review
    # 9, G5): the reading that composes them, with its why and sources; its text is said before both lists
    lists_reading: Optional[GuidanceText] = None

    @model_validator(mode="after")
    def _composed_lists_say_so(self) -> "LevelInfo":
        reading = self.lists_reading
        if reading is not None and not (reading.interpretation and reading.text == self.services_intro == self.assessments_intro):
            raise ValueError(
                f"levels.{self.id.value}: lists_reading must be a reading (interpretation, why) whose text is services_intro and assessments_intro"
            )
        return self


class ResolvedAction(_Strict):
    """A level's action said for what the practitioner already told the tool (a CAF open, consent
    refused): `text` instead of the action, or nothing. `when` names an answer rules/resolved_actions.py reads."""

    action: str  # the start of the level's action
    when: Literal[
        "caf_open",
        "no_caf_open",
        "consent_refused",
        "caf_not_improving",
        "not_caf_trained",
        "open_case",
        "open_case_professional",
        "open_case_not_caf_trained",
        "open_case_caf_not_improving",
        "supported_at_social_care",
        "beyond_childhood",
        "caf_read_from_current_level",
        "consent_refused_no_caf",
        "disabled_large_sibling_group",
        "disability_uncertain",
        "disability_mild_moderate",
        "young_adult",
    ]
    text: Optional[str] = None  # None: left out (other guidance says what follows)
    source: Source


class ConcernMember(_Strict):
    """One need in a contact's class of concern, with why it is one; `interpretation` where its words do
    not name the class themselves and the membership is this tool's reading."""

    indicator: str
    why: str
    interpretation: bool = False


class ContactConcerns(_Strict):
    """A contact the document defines by a class of concern (review 16, M3: p23's Mental Health single
    point of access, 'For all emotional/mental health concerns or support needs regarding children and
    young people'; review 17, N7: the Family Information Service's subjects): the needs of `domain` (of any
    domain where none is given) in it, each with its why. The members' `related_contacts` are
    derived from it by the catalogue's loader; a need listing the contact by hand is refused."""

    # every member is of this domain (the child's own, for a contact for children and young people); None: of any
    # domain (the Family Information Service, for parents on their children's activities, review 17 N7)
    domain: Optional[str] = None
    why: str
    members: list[ConcernMember]


class Contact(_Strict):
    id: str
    name: str
    in_sentence: Optional[str] = None  # the name inside an action's sentence, where `name` is a title
    phone: Optional[str]  # None where the document gives no number (the allocated social worker)
    email: Optional[str] = None
    hours: Literal["office", "out_of_hours"]  # day service, or the Emergency Duty Team
    # the document gives no hours for this service: its office hours are this tool's reading,
    # which a decision listing it says (assumptions.contact_hours)
    hours_assumed: bool = False
    when: str
    source: Source
    concerns: Optional[ContactConcerns] = None  # the needs it is related to, derived onto them (review 16, M3)

    def named_in_a_sentence(self) -> str:
        """The contact inside a sentence ("Ring ... now"): its in-sentence words where its name is a title."""
        return self.in_sentence or self.name


class Ruleset(_Strict):
    """Which document (and which edition of this catalogue) the decisions rest on."""

    id: str
    version: str
    title: str
    publisher: str
    approved: str


class ParentAge(_Strict):
    """`parent.age_years` (the young parent's age): the youngest parent at a child's birth the tool
    decides on (this tool's reading, review 7 F1), and the refusal's words."""

    min_years_at_birth: int
    interpretation: Literal[True] = True
    why: str
    impossible: str  # {parent}, {child}, {at_birth}, {min}, {why}


class ChildOnlyAnswer(_Strict):
    """A context answer (`field`, one of `values`) that exists only for a child."""

    field: str
    values: list[str | bool]
    what: str  # why it is a child's, with the page


class ChildOnlyAnswers(_Strict):
    """Answers about a child's situation that reach a child's level or case whatever else is said:
    refused for a young person past the children's ages (review 8, F1; this tool's reading)."""

    interpretation: Literal[True] = True
    why: str
    source: Source
    answers: list[ChildOnlyAnswer]
    refusal: str  # the API's and CLI's message: {value}, {what}, {years}, {scope}
    form_refusal: str  # the journey's child page: {what}, {years}

    def given(self, answers: dict) -> list[ChildOnlyAnswer]:
        """The entries an answer given meets (`answers`: context field -> value, None where not given)."""
        return [a for a in self.answers if answers.get(a.field) is not None and any(_same(answers[a.field], v) for v in a.values)]


def _same(answer, value) -> bool:
    """A context answer (an enum member, a string or a bool) against a catalogue value (a string or a bool)."""
    if isinstance(value, bool) or isinstance(answer, bool):
        return answer is value
    return getattr(answer, "value", answer) == value


class AgeScope(_Strict):
    """Who the pathway covers: pre-birth to `max_years`, care leavers to `care_leaver_max_years`."""

    max_years: int
    care_leaver_max_years: int
    care_leaver_bands: list[str]
    source: Source
    scope: str
    describe_the_baby: str  # the way in for a care leaver's unborn baby, with every refusal at 20 to 25 (review 8 recheck, R2)
    adult_care_leaver: str  # a need not a care leaver's, for a young person over max_years: {indicator}, {years}, {scope}
    child_only_answers: ChildOnlyAnswers
    parent: ParentAge


E = TypeVar("E")
D = TypeVar("D")


class _Block(_Strict, Generic[E]):
    """A block whose keys the rules name: each key is a field, so a misspelt or missing key fails at
    load with its name. `block[key]` is for a key the rules choose at run time (a route, an action)."""

    def __getitem__(self, key: str) -> E:
        if key not in type(self).model_fields:
            raise KeyError(key)
        return getattr(self, key)


class GuidanceText(_Strict):
    source: Source
    text: str
    interpretation: bool = False  # this project's reading, not the document's words (its text says so)
    why: Optional[str] = None

    @model_validator(mode="after")
    def _a_reading_says_why(self):
        if self.interpretation and not self.why:
            raise ValueError("a reading (interpretation: true) needs its why")
        return self


class HeadedGuidanceText(GuidanceText):
    """Step words with their own heading, where the step's label (pathway.choices.Step) would contradict
    them: the decision carries it (`Decision.step_heading`) and every surface shows it above the words."""

    heading: str


class StepOpenSupport(GuidanceText):
    """The step's words for an open child taken as supported at a social-care level (open_from_current_level
    .taken_as; rules15): `text` at or below that level, `protection` above it, `not_caf_trained` for a caller
    not CAF trained, `given` where an early-help level was given beside the open answer."""

    protection: str
    not_caf_trained: str
    given: str


class SupportNowWords(GuidanceText):
    """What a nearby change below the support the family has now says (rules/what_if.py), and the
    heading of the changes above it."""

    heading: str


class SupportNow(_Strict):
    """The support the family has now, by what the answers say (review 7, F4): the first that applies."""

    social_care: SupportNowWords  # context.current_level Child in Need or Protection
    open_level_unknown: SupportNowWords  # open to Children's Social Care, the level not given
    early_help: SupportNowWords  # context.current_level Additional or Extensive
    caf_open: SupportNowWords  # a CAF open, the level not given


class ProtectionWords(GuidanceText):
    """What each lower line says under a Protection decision (review 7 surfaces, F4): that another
    reading is the practitioner's professional judgement, recorded as such; and the list's heading.
    `not_professional`: the same for a parent, carer or member of the public, who has no professional
    judgement, line manager or safeguarding lead (rules15)."""

    heading: str
    not_professional: str


class WhatIfWords(_Strict):
    """The words naming each nearby change (rules/what_if.py finds the changes and their levels)."""

    immediate: str
    immediate_crosswalk: str
    immediate_entailment: str
    immediate_criterion: str
    immediate_for_child: str
    immediate_for_unborn: str
    immediate_rests_on_age: str
    immediate_each: str
    immediate_parent_age: str
    immediate_reading: str
    immediate_other: str
    up_heading: str
    nothing: str
    nothing_above_support: str
    new_level: str
    further_domain: str
    same_domain: str
    example: str
    caf_not_improving: str
    caf_improving: str
    substantial_disability: str
    judgement: str
    without_judgement: str
    # the same for a caller who is not a professional (review 13, J3): the judgement is theirs, and
    # Children's Social Care decides whether the child is in need (p37)
    judgement_not_professional: str
    without_judgement_not_professional: str
    without: str
    twin: str
    protection: ProtectionWords
    support_now: SupportNow


class TwinsGuidance(GuidanceText):
    """The twins guidance, and the note before it naming what was chosen and where else it is listed."""

    note: str
    place: str  # where a table need is listed ({level}, {page})
    place_immediate: str  # where an immediate-referral need is
    not_caf_trained: str  # `text` for a caller who is not CAF trained (no line manager or safeguarding lead)


class NotPrefixed(_Strict):
    guidance: list[str]  # guidance rule ids; one ending in "." is a prefix of rule ids (twins.)
    actions: list[str]  # the opening words of actions


class RewordedAction(_Strict):
    opening: str  # the opening words of the action (after resolved_actions)
    text: str


class RewordedGuidance(_Strict):
    rule: str  # the guidance item's rule id
    text: str


class Reworded(_Strict):
    actions: list[RewordedAction]
    guidance: list[RewordedGuidance]


class AfterTheCall(GuidanceText):
    """Beside an immediate referral (p9), the words every other action and guidance item begins with,
    except those `not_prefixed`: their words are the call itself, or already say when (review 8, F4).
    Items whose words are advice before a referral are first worded for after it (`reworded`, left9)."""

    not_prefixed: NotPrefixed
    reworded: Reworded


class PossibleEntailmentGuidance(GuidanceText):
    """An age entailment possible, not certain (review 10, H1 follow-up): `text` ({age}, {ring}), with
    `ring` ({contact}, {phone}: the route an immediate referral of this case would take) or, beside an
    immediate referral already, `in_the_call`."""

    ring: str
    in_the_call: str


# the roads other than a substantial, life-long disability (DisabledBelowChildInNeed's fields; review 17, N6)
DISABLED_ROADS = ("mild_moderate", "uncertain", "stated")


class DisabledBelowChildInNeed(GuidanceText):
    """A disabled child decided below Child in Need (review 6 F11; review 17 N6): the tables' level kept on
    every road by which the case says the child is disabled, said as a reading in the road's words. `text`
    and its why are a substantial, life-long disability's; `mild_moderate` and `uncertain` the answers';
    `stated` a chosen need whose own words state the disability (`states_disability`, the class), with none
    answered or 'No disability'."""

    mild_moderate: GuidanceText
    uncertain: GuidanceText
    stated: GuidanceText
    states_disability: list[str]

    def road(self, road: str) -> GuidanceText:
        """The words for a road (rules/facts.py disabled_road): this entry's own for a substantial one."""
        return self if road == "substantial_lifelong" else getattr(self, road)

    @model_validator(mode="after")
    def _every_road_is_a_reading(self):
        for name in ("substantial_lifelong", *DISABLED_ROADS):
            if not self.road(name).interpretation:
                raise ValueError(f"disabled_below_child_in_need: the {name} road keeps the tables' level, a reading: interpretation: true")
        return self


class Guidance(_Block[GuidanceText]):
    """Guidance the rules attach to a decision (rules/guidance.py says when)."""

    consent_refused: GuidanceText
    consent_refused_open: GuidanceText
    consent_refused_beyond_childhood: GuidanceText
    consent_social_care: GuidanceText
    not_caf_trained: GuidanceText
    twins: TwinsGuidance
    open_to_social_care: GuidanceText
    day_services_closed: GuidanceText
    caf_single_need_not_improving: GuidanceText
    caf_single_need_not_caf_trained: GuidanceText
    open_not_caf_trained: GuidanceText
    consent_refused_extensive: GuidanceText
    consent_refused_extensive_beyond_childhood: GuidanceText
    age_unknown_under_1: GuidanceText
    age_entailment_age_unknown: GuidanceText
    age_entailment_pregnancy_start_possible: PossibleEntailmentGuidance
    age_pointer: GuidanceText
    one_child: GuidanceText
    confirm_in_writing: GuidanceText
    social_care_assessment: GuidanceText
    s47_assessment: GuidanceText
    s47_assessment_young_adult: GuidanceText  # at 18 or 19, in its place (review 16, M2)
    pre_birth_planning: GuidanceText
    referral_not_accepted: GuidanceText
    step_up: GuidanceText
    step_up_within_social_care: GuidanceText
    step_up_from_universal: GuidanceText
    step_up_without_caf: GuidanceText
    after_the_call: AfterTheCall
    step_not_caf_trained: GuidanceText
    step_not_caf_trained_child_in_need: GuidanceText
    step_up_early_help: GuidanceText
    step_down: GuidanceText
    step_social_care: GuidanceText
    step_open_support: StepOpenSupport
    step_same: GuidanceText
    step_same_immediate: HeadedGuidanceText
    caf_failing_at_universal: GuidanceText
    extensive_without_caf: GuidanceText
    consent_refused_caf_open: GuidanceText
    caf_at_social_care_level: GuidanceText
    caf_improving_at_social_care_level: GuidanceText
    disabled_below_child_in_need: DisabledBelowChildInNeed
    disability_not_routed: GuidanceText
    disabled_open_case: GuidanceText
    disabled_open_case_not_caf_trained: GuidanceText
    disabled_not_caf_trained: GuidanceText


class Actions(_Block[GuidanceText]):
    """Actions the rules put first or next in a decision."""

    ring_now: GuidanceText
    refer_by_route: GuidanceText
    open_case: GuidanceText
    open_case_not_caf_trained: GuidanceText
    social_care_out_of_hours: GuidanceText
    consent_refused: GuidanceText
    consent_refused_open: GuidanceText
    consent_refused_beyond_childhood: GuidanceText


class RuleWords(_Strict):
    """A rule cited by the indicators it reads (their own page): its name and what a decision says."""

    rule: str
    explanation: str


class Wording(_Strict):
    """A second case of one rule: its own explanation; its flag, where it differs from the rule's."""

    explanation: str
    interpretation: Optional[bool] = None


class ContactNote(GuidanceText):
    """A rule's words for a contact. `says_reopen`: they already say to contact it when day
    services reopen, so out of hours they need no "Closed now" before them."""

    says_reopen: bool = False


class ContactNotes(_Block[ContactNote]):
    """What a rule says about a contact it adds, in place of the contact's own `when`."""

    reopen_follow_up: ContactNote
    edt_cannot_wait: ContactNote
    cfd_can_wait: ContactNote
    edt_social_worker_away: ContactNote
    edt_significant_harm: ContactNote
    closed_now: ContactNote
    service_manager_fallback: ContactNote  # added after the contact's own words (a "contact_note")
    cfd_case_holder_unreachable: ContactNote
    social_worker_if_known: ContactNote
    dct_open_case: ContactNote


class Interpretation(_Strict):
    """A rule's parameters, with its citation and the explanation a decision gives for it (the rule
    fills {why} and its counts); `interpretation: true` (with its why) marks this project's reading
    rather than the document's words."""

    rule: str
    interpretation: bool = False
    source: Source
    why: str
    explanation: str


class Combination(Interpretation):
    min_indicators: int
    min_domains: int
    raises_to: Level
    # a need listed more than once at one level in the same words counts once, in every domain listed (review 8, F3)
    same_words_domains: Literal["all_listed"]


class CafRange(Interpretation):
    min_needs: int
    raises_to: Level


class CinDisability(Interpretation):
    indicators: list[str]  # their own words state a specialist disability need
    states_substantial_lifelong_disability: list[str]  # a context of none or mild beside one is refused
    with_substantial_lifelong_disability: list[str]  # Child in Need with context substantial_lifelong
    with_disability: Wording


class CafStep(Interpretation):
    raises_to: Level


class CinTestReading(_Strict):
    """p4's Child in Need judgement given for someone p4's words ("a child") may not name (review 10,
    H3): read all the same, as this tool's reading, with its own citation, why and explanation."""

    interpretation: bool = True
    source: Source
    why: str
    explanation: str  # {why}


class CinTestYoungAdult(CinTestReading):
    from_months: int  # the youngest age, in whole months, this reading applies from


class CinCafNotImproving(Interpretation):
    supported_at_extensive: Wording
    combination_level_unknown: Wording
    extensive_level_unknown: Wording
    # review 15, L4: p15-16's step ("i.e. they could be considered a Child in Need", p4's test) for an unborn
    # baby or a young person of 18 or 19 (whom CinTest.reading names): declared on every road above, its
    # explanation ({said}, {why}) following the road's own words
    unborn: CinTestReading
    young_adult: CinTestReading


class CinTest(Interpretation):
    """p4's Child in Need judgement (the context answer): for a child, the document's words; for an
    unborn baby or a young person of 18 or 19, a declared reading."""

    unborn: CinTestReading
    young_adult: CinTestYoungAdult
    # review 13, J3: the judgement given by a caller who is not a professional (pathway.choices.NOT_PROFESSIONAL):
    # the level is kept, and declared; its explanation follows the words above ({said}) with its own {why}
    not_professional: CinTestReading

    def reading(self, unborn: bool, age_in_months: Optional[int]) -> Optional[CinTestReading]:
        """The declared reading that applies to this child, or None where p4's words do."""
        if unborn:
            return self.unborn
        if age_in_months is not None and age_in_months >= self.young_adult.from_months:
            return self.young_adult
        return None


class ProtectionYoungAdult(_Strict):
    """Review 16, M2: Protection (p4, p9, p17) decided for a young person of 18 or 19 (CinTest.reading's
    young_adult, before `Catalogue.beyond_childhood`), by whichever road: the level and the ring-now are
    kept, and every Protection reason says this reading after its own words ({said}, {why}), its source
    after the reason's own (rules/needs.py `declared_for_age`)."""

    interpretation: Literal[True] = True
    source: Source
    why: str
    explanation: str  # {said}: the reason's own words; {why}


class Interpretations(_Strict):
    level: RuleWords
    immediate_referral: RuleWords
    combination: Combination
    caf_not_improving_additional: CafRange
    cin_disability: CinDisability
    cin_caf_not_improving: CinCafNotImproving
    caf_not_improving_below_extensive: CafStep
    cin_unlikely_reasonable_standard: CinTest
    crosswalk: RuleWords
    age_entailment: RuleWords
    immediate_reading: RuleWords  # {text}, {why}: a met criterion's declared reading (review 13, J1)
    protection_young_adult: ProtectionYoungAdult  # every Protection reason at 18 or 19 (review 16, M2)


class DisabledChildrenRouting(_Strict):
    """Disabled children with child-protection concerns (Appendix 3, p37): one text per case."""

    source: Source
    substantial_lifelong: str
    large_sibling_group: str
    uncertain: str
    mild_moderate: str
    team_substantial_lifelong: str
    team_large_sibling_group: str
    team_uncertain: str
    team_not_caf_trained: str  # the team, for a caller not CAF trained who rings Children and Families Direct
    out_of_hours: str  # the day teams above are closed: who covers now, and when they take the referral


class SavedPhrase(_Strict):
    now: str  # words of a decision true at the moment it was decided ("closed now")
    saved: str  # the same said of a record read later


class SavedWords(GuidanceText):
    """A stored decision's words of the moment it was decided, said as a record (review 16 surfaces, N1's
    class): each `now` phrase, wherever a saved entry shows the stored decision, reads as its `saved`."""

    phrases: list[SavedPhrase]


class Surfaces(_Block[GuidanceText]):
    """What the user-facing surfaces say beside a decision's facts (pathway/surfaces.py): never read
    by the rules, each with its citation."""

    immediate_level: GuidanceText
    route_closed_now: GuidanceText
    immediate_put_through: GuidanceText
    protection_put_through: GuidanceText
    before_details: GuidanceText
    child_in_care_search: GuidanceText
    refused_early_help_search: GuidanceText
    override_immediate: GuidanceText
    one_child_hint: GuidanceText
    out_of_hours: GuidanceText
    out_of_hours_closed: GuidanceText
    saved_ring_now_live: GuidanceText
    saved_ring_now_decided: GuidanceText
    saved_ring_now_record: GuidanceText
    saved_ring_now_undecided: GuidanceText
    saved_first_contact: GuidanceText
    route_closed_when_saved: GuidanceText
    saved_actions_heading: GuidanceText
    saved_time_words: SavedWords


class Timescale(_Strict):
    what: str
    within: str
    source: Source


class NoReferral(GuidanceText):
    """What the written-referral page says when the decision makes no referral (its route is one of
    `routes`, the routing keys of Universal): no team to send it to, nothing to confirm in writing,
    where to find services. Keyed on the route, not the level: an open child at Universal is referred
    to the allocated social worker (review 8 recheck, R1)."""

    routes: list[str]


class BelowThresholdSteps(_Strict):
    """Each level's own step below the social-care threshold, in the document's words (p4, p13-16, p25)."""

    universal: str
    additional: str
    extensive: str


class BelowThreshold(GuidanceText):
    """What the written page says at a level below the social-care threshold (`levels`) when it is not
    `no_referral`: not a referral into Social Care, so none of Appendix 3's timescales (p37); the level's
    own step (`steps`, by level id: {step}), where the summary goes ({contact}) and what p9 says in doubt."""

    levels: list[str]
    steps: BelowThresholdSteps

    @model_validator(mode="after")
    def _a_step_for_each_level(self):
        missing = [lv for lv in self.levels if lv not in type(self.steps).model_fields]
        if missing:
            raise ValueError(f"in_writing.below_threshold.levels: no step for {missing}")
        return self

    def step(self, level: str) -> str:
        return str(getattr(self.steps, level))


class InWriting(_Strict):
    """Where the written confirmation of a referral goes (Appendix 3, p37): the words, filled with the
    team the referral was made to ({contact}) and the email the document gives for it ({email});
    for the levels at which no referral is made, what is said instead (`no_referral`); and below the
    social-care threshold, what is said instead of Appendix 3's steps (`below_threshold`)."""

    source: Source
    send_to: str  # {contact}; this tool's reading (p37 does not say where the writing goes), said in its words
    interpretation: bool = True
    why: str
    email: str
    ask: str
    no_email: str
    no_referral: NoReferral
    below_threshold: BelowThreshold
    pre_birth: GuidanceText  # an unborn baby at Protection: the planning meeting's timescales, not the Children's Assessment's (K4)


class Timescales(_Block[Timescale]):
    """Social-care timescales (Appendix 3, p37), named so words can quote them: {confirm_in_writing}."""

    confirm_in_writing: Timescale
    acknowledgement: Timescale
    chase_acknowledgement: Timescale
    next_steps: Timescale
    assessment_started: Timescale
    assessment_completed: Timescale

    def words(self) -> dict[str, str]:
        """Each timescale's `within`, by name, to fill a text that quotes them."""
        return {name: timescale.within for name, timescale in self}


class Stage(_Strict):
    who: str
    step: str
    when: Optional[str] = None


class DisagreementRoute(_Strict):
    id: str
    title: str
    timescale: str
    stages: list[Stage]


class Disagreements(_Strict):
    """Resolving inter-agency disagreements (p18-21): the two routes, stage by stage."""

    principle: str
    source: Source
    routes: list[DisagreementRoute]


class RouteEntry(_Strict):
    team: str
    via: str
    source: Source
    why: str
    interpretation: bool = False


class Routing(_Block[RouteEntry]):
    """Where a call or referral goes: one route per level, and the routes the rules choose over it."""

    protection: RouteEntry
    child_in_need: RouteEntry
    extensive: RouteEntry
    additional: RouteEntry
    universal: RouteEntry
    open_to_social_care: RouteEntry
    open_not_caf_trained: RouteEntry
    disabled_child_protection: RouteEntry
    disabled_child_in_need: RouteEntry
    disabled_not_caf_trained: RouteEntry
    out_of_hours: RouteEntry
    out_of_hours_social_care: RouteEntry


class Twin(_Strict):
    """One need listed in more than one place (near-identical words, usually at two levels)."""

    id: str
    ids: list[str]
    source: Source
    tells_apart: str


class TwinLink(_Strict):
    group: str
    other: "Indicator"
    tells_apart: str
    source: Source


class Crosswalk(_Strict):
    """Table indicators (or a level) that, with an age band, meet an immediate-referral criterion (p9)."""

    id: str
    indicators: list[str] = Field(default_factory=list)
    level: Optional[Level] = None
    age_band: Optional[str] = None
    meets: str
    source: Source
    interpretation: bool = False
    why: str

    @model_validator(mode="after")
    def _indicators_or_level(self):
        if bool(self.indicators) == (self.level is not None):
            raise ValueError(f"crosswalk {self.id}: give either indicators or a level")
        return self


def years_months(months: int) -> str:
    """An age in whole months as a decision says it: "7 years 0 months"."""
    return f"{months // 12} years {months % 12} months"


def child_age_words(months: int, months_given: bool = True) -> str:
    """A child's age as answered: "1 years 2 months", or with the years alone "1 year (months not given)",
    never a precision the user did not give (review 12, H3)."""
    if months_given:
        return years_months(months)
    years = months // 12
    return f"{years} year{'' if years == 1 else 's'} (months not given)"


class EntailmentAges(_Strict):
    """How a decision says the young person's age an entailment read: now ({years}); under 13 when the
    pregnancy began, by the parent's and the child's ages and the shortest pregnancy counted back from
    the birth ({parent}, {child}, {gestation}); or under 13 whichever the child is, the young person or
    the young person's child ({parent}, {child}, {gestation})."""

    now: str
    at_start: str
    either: str
    # may have been under 13 when the pregnancy began (the longest pregnancy (past term), the youngest the years
    # given allow), not certainly ({years}, {child}, {start_youngest}, {start_oldest}, {gestation}, {term};
    # review 10 H1 follow-up)
    possible: str
    # an unborn baby: under 13 when the pregnancy began if it began far enough back, up to a pregnancy of
    # the longest pregnancy ago ({years}, {parent}, {start}, {term}; fix10u)
    possible_unborn: str
    # the child assessed is the pregnant young person, 13 or more now: the pregnancy began up to the longest
    # pregnancy ago ({age}, {start}, {term}; review 12, H8)
    possible_own: str


class Gestation(_Strict):
    """A time from the start of a pregnancy to the birth, in whole months, that an entailment counts back
    from the child's birth (review 10, H1): a reading, with its why. As `min_gestation`, the shortest
    pregnancy of a baby who lives: the shorter, the less often the entailment is reached, so it must be no
    longer than any pregnancy a living child may have had. As `term_gestation`, the longest pregnancy,
    past term (overdue) included: the edge of the window where the entailment is possible, and
    guidance only asks."""

    months: int = Field(ge=0, le=10)  # 10: a pregnancy past term, counted in whole months from conception
    interpretation: bool = True
    why: str


class YoungPerson(NamedTuple):
    """What an age entailment knows of the young person's age: `inside` True (inside the subject
    band: under 13), False (outside it), None (not known here); `words`, how a decision says it;
    `possible`, with `inside` False, how a decision says that the young person may have been inside it
    when the pregnancy began (the child's own age, review 12 H8), else ""."""

    inside: Optional[bool]
    words: str = ""
    possible: str = ""


_POSSIBLE = "possible"  # a reading of the child's own age: under 13 at the start of the longest pregnancy, not now


class AgeEntailment(_Strict):
    """Needs whose words state a pregnancy or parenthood that, with the young person's age inside
    `subject_band`, entail the need `adds` (a reading)."""

    id: str
    indicators: list[str]
    subject_band: str
    adds: str
    source: Source
    interpretation: bool = True
    why: str  # {gestation_months}, {gestation_why}, and {<band id>} for each parent's band: see stated_why
    min_gestation: Gestation
    # the longest pregnancy (past term): where the parent was under 13 at its start but not certainly at the
    # shortest's, guidance says what it would mean, and the level is not raised (review 10, H1 follow-up)
    term_gestation: Gestation
    # the needs (of `indicators`) whose words state a pregnancy now: where the child assessed is the
    # pregnant young person, it began between now and `term_gestation` ago; the others state a
    # parenthood (or a maternity) whose child's age the case does not give, so her own age bounds no start
    # (review 12, H8)
    pregnant_now: list[str]
    pregnant_now_why: str
    ages: EntailmentAges
    by_parent_age: str  # the explanation where the parent's age alone states the parenthood ({age}, {adds}, {level}, {page}, {why})
    pointer: str  # added to the refusal of a parent's age (band or field) for a parent of this age

    def _certain_by_parents_age(self, limit: int, unborn: bool, child_months: Optional[int], parent_years: int) -> Optional[str]:
        """Where the young parent's age given makes them certainly at or under `limit` (in months), at
        the bound that cannot over-call (a parent of 13 is 13y0m-13y11m): 'now', or 'at_start' (of a
        pregnancy of `min_gestation`, counted back from a born child's age); else None. The one
        statement of certainty `young_person` (the entailment) and `possible_at_start` (the prompt
        where it is not certain) both read."""
        if parent_years * 12 <= limit:
            return "now"
        if not unborn and child_months is not None and parent_years * 12 + 11 - child_months - self.min_gestation.months <= limit:
            return "at_start"
        return None

    def young_person(
        self,
        subject: AgeBand,
        band: Optional[AgeBand],
        min_months_at_birth: int,
        unborn: bool,
        child_months: Optional[int],
        parent_years: Optional[int],
        *,
        pregnant_now: bool = False,
        months_given: bool = True,
        oldest_child_months: Optional[int] = None,
    ) -> YoungPerson:
        """The young person's age against the subject band (whose `max_months` is its upper limit),
        for a need with its own age band `band` (or none), whose words state a pregnancy now
        (`pregnant_now`) or a parenthood. Ages are whole years or months, so each bound is the one that
        cannot over-call: a parent of 13 is 13y0m-13y11m, a child of 8 at least 8y0m. The arithmetic is
        the catalogue's `why`. `oldest_child_months`: the oldest child the pathway covers (exclusive),
        which bounds the start where a parent's age is given and the child's is not."""
        limit = subject.max_months or 0
        ages = self.ages
        gestation = self.min_gestation.months  # the pregnancy began at least this long before the birth
        if parent_years is not None:  # the young parent's age, given
            certain = self._certain_by_parents_age(limit, unborn, child_months, parent_years)
            if certain == "now":
                return YoungPerson(True, ages.now.format(years=parent_years))
            if certain == "at_start" and child_months is not None:
                child = child_age_words(child_months, months_given)
                at_start = ages.at_start.format(parent=years_months(parent_years * 12 + 11), child=child, gestation=gestation)
                return YoungPerson(True, at_start)
            if not unborn and child_months is None and oldest_child_months is not None:
                # a child of no given age: the start is bounded only by the oldest child the pathway
                # covers (review 12, H8): asked where the parent may have been under 13 then
                if parent_years * 12 - oldest_child_months - self.term_gestation.months <= limit:
                    return YoungPerson(None)
            return YoungPerson(False)
        parents_band = band if band is not None and band.subject == "parent" else None
        if unborn:
            # the young person is this baby's parent: known only where the need's own band keeps the
            # young parent above the limit even when the pregnancy began, up to the longest pregnancy
            # ago (a teenage parent of 13 now may have been 12 then: the mutation run of review 10)
            floor = parents_band.min_months if parents_band else None
            return YoungPerson(False if floor is not None and floor - self.term_gestation.months > limit else None)
        if child_months is None:
            # a child of no given age: the pregnancy began at a time not known, so a young parent's age
            # now bounds nothing at its start (asked, never decided)
            return YoungPerson(None)
        # reading 1: the child is the young person (a young parent, or pregnant): under 13 now; else, 13
        # or more now, pregnant now: the pregnancy began up to the longest pregnancy ago, when she was
        # at least her youngest now less it (possible, not certain); a parenthood whose child's age is not
        # given: its start is not bounded (asked) (review 12, H8)
        first: Optional[bool] | str
        if child_months <= limit:
            first = True
        elif pregnant_now:
            first = _POSSIBLE if child_months - self.term_gestation.months <= limit else False
        else:
            first = None
        readings: list[Optional[bool] | str] = [first]
        # reading 2: the child is the young person's child
        if parents_band is None:
            if child_months <= limit:  # the words bound no parent's age
                readings.append(None)
        elif parents_band.min_months is None or child_months < parents_band.min_months:
            at_birth = (parents_band.max_months or 0) - child_months  # the parent at the birth, at most
            if at_birth >= min_months_at_birth:  # else a parent too young to have had the child: not a reading
                readings.append(at_birth - gestation <= limit)  # at the start of the pregnancy
        if _POSSIBLE in readings and set(readings) <= {_POSSIBLE, False}:
            start = child_months - self.term_gestation.months  # at the youngest her age allows
            words = ages.possible_own.format(age=child_age_words(child_months, months_given), start=years_months(start), term=self.term_gestation.months)
            return YoungPerson(False, possible=words)
        if None in readings or len(set(readings)) > 1:
            return YoungPerson(None)
        if not readings[0]:
            return YoungPerson(False)
        if len(readings) == 1 or parents_band is None:
            return YoungPerson(True, ages.now.format(years=child_months // 12))
        child = child_age_words(child_months, months_given)
        return YoungPerson(True, ages.either.format(child=child, parent=years_months(parents_band.max_months or 0), gestation=gestation))

    def possible_at_start(
        self, subject: AgeBand, unborn: bool, child_months: Optional[int], parent_years: Optional[int], *, months_given: bool = True
    ) -> Optional[str]:
        """Where the young parent's age is given and may have been under the subject band's limit when the
        longest pregnancy (past term, `term_gestation`) began (at the youngest the whole years given allow,
        and the child at the OLDEST its answer allows: "2 months" is up to 3, "1 year" with no months up to
        24, exclusive; review 12 H3), but not certainly (not at `min_gestation`, and not now): how a
        decision says the ages; else None. For an unborn baby the pregnancy began between now (the
        latest: certain only if the parent is under the limit now, as `young_person` reads it) and
        `term_gestation` ago (the earliest): possible where the youngest the parent's age allows was under
        the limit then. The child's own age (no parent's age) is `young_person`'s, need by need (H8)."""
        if parent_years is None:
            return None
        limit, youngest = subject.max_months or 0, parent_years * 12  # the parent now, at least
        if self._certain_by_parents_age(limit, unborn, child_months, parent_years) is not None:
            return None  # certain: the entailment itself
        if unborn:
            at_earliest_start = youngest - self.term_gestation.months
            if at_earliest_start > limit:
                return None  # not under the limit at any start
            return self.ages.possible_unborn.format(
                years=parent_years, parent=years_months(youngest), start=years_months(at_earliest_start), term=self.term_gestation.months
            )
        if child_months is None:
            return None
        oldest = youngest + 11  # the parent now, at most
        child_oldest = child_months + (1 if months_given else 12)  # exclusive: "2 months" is 2 to 3
        # the start, in whole months of the parent's age, at the youngest: the parent at the youngest less
        # the child at the oldest (exclusive, so the start is after it) less the longest pregnancy
        youngest_at_term_start = youngest - child_oldest - self.term_gestation.months
        if youngest_at_term_start > limit:
            return None  # not under the limit at the start of a term pregnancy, even at the youngest the ages allow
        return self.ages.possible.format(
            years=parent_years,
            child=child_age_words(child_months, months_given),
            start_youngest=years_months(max(youngest_at_term_start, 0)),
            start_oldest=years_months(oldest - child_months - self.term_gestation.months),
            gestation=self.min_gestation.months,
            term=self.term_gestation.months,
        )

    def first_child_months(self, subject: AgeBand, parents_band: AgeBand) -> int:
        """The youngest child whose parent, of the oldest age `parents_band` allows, was inside `subject`
        when the pregnancy began (the child's-own-age reading 2 of `young_person`)."""
        return (parents_band.max_months or 0) - self.min_gestation.months - (subject.max_months or 0)

    def stated_why(self, subject: AgeBand, bands: dict[str, AgeBand]) -> str:
        """The `why` as a decision says it: the gestation counted back and its why, and for each parent's
        band with an upper age the youngest child whose parent is known to have been under 13 when the
        pregnancy began (so the words follow the arithmetic, never a number typed twice)."""
        firsts = {b.id: years_months(self.first_child_months(subject, b)) for b in bands.values() if b.subject == "parent" and b.max_months}
        return self.why.format(gestation_months=self.min_gestation.months, gestation_why=self.min_gestation.why, **firsts)


class UnbornPointer(_Strict):
    """Needs whose words name a pregnancy: chosen for a child who is not unborn, a pointer to the
    immediate-referral criterion for the unborn baby (review 7, F11; the decision is unchanged)."""

    id: str
    indicators: list[str]
    points_to: str
    source: Source
    interpretation: bool = True
    why: str
    text: str  # {points_to}: the criterion's words


class CriterionPointer(_Strict):
    """Needs whose words name part of what an immediate-referral criterion (p9) describes: beside them, a
    pointer to the criterion, should the rest of it hold too (review 13, J1). Guidance only: the decision
    is unchanged, and nothing is said where the criterion is already chosen or met, or refused for the child."""

    id: str
    indicators: list[str]
    points_to: str  # an immediate criterion with a declared `reading`
    source: Source
    text: str  # {points_to}: the criterion's words; {why}: its reading's


class NotCrosswalked(_Strict):
    """Protection-table indicators deliberately not cross-walked to the p9 list, with why."""

    indicators: list[str]
    why: str


class Assumption(_Strict):
    text: str
    source: Source


class Assumptions(_Block[Assumption]):
    """What a decision rests on that is not in the document."""

    office_hours: Assumption
    bank_holidays: Assumption
    closed_today: Assumption
    contact_hours: Assumption
    unborn_disability: Assumption


class OpenTakenAs(_Strict):
    """The converse reading (rules15): a child open to Children's Social Care whose support now is not
    given at a social-care level is taken as supported at `level` or above."""

    level: Level
    interpretation: bool
    source: Source
    why: str


class OpenFromCurrentLevel(_Strict):
    """A family supported now at a social-care level is open to Children's Social Care (this tool's
    reading): the one place that says whether a case is open, which answers contradict, and the
    level an open child is taken as supported at (`taken_as`)."""

    levels: list[Level]
    interpretation: bool
    source: Source
    why: str
    text: str
    contradiction: str  # the API's and CLI's message, about context.open_to_social_care
    form_contradiction: str  # the same for the journey's question page
    taken_as: OpenTakenAs

    def support_taken_as(self, context) -> Optional[Level]:
        """The level the child is taken as supported at, at least (`taken_as`): open, and the support
        now not given at a social-care level (not given, or given at an early-help level); else None.
        The decision's step (rules/guidance.py) and the what-if list (rules/what_if.py) both read it."""
        if not self.is_open(context) or context.current_level in self.levels:
            return None
        return self.taken_as.level

    def is_open(self, context) -> bool:
        """`context.open_to_social_care` where given, else whether the current level is one of `levels`."""
        if context.open_to_social_care is not None:
            return context.open_to_social_care
        return self.read_from_level(context)

    def read_from_level(self, context) -> bool:
        """Whether the case is taken as open from its current level alone (the answer not given)."""
        return context.open_to_social_care is None and context.current_level in self.levels

    def contradicts(self, current_level: Optional[Level], open_to_social_care: Optional[bool]) -> Optional[str]:
        """The message (about `open_to_social_care`) when the two answers cannot both be true."""
        if open_to_social_care is False and current_level in self.levels:
            label = Level(current_level).label
            return self.contradiction.format(level=label)
        return None


class CafFromCurrentLevel(_Strict):
    """A family supported now at the CAF threshold (Additional or Extensive, p4), the CAF answer not
    given, is taken as having a CAF open (this tool's reading; review 10, H7)."""

    levels: list[Level]
    interpretation: bool
    source: Source
    why: str

    def read_from_level(self, context) -> bool:
        """Whether a CAF is taken as open from the current level alone (`context.caf` not given)."""
        return context.caf is None and context.current_level in self.levels


class Named(_Strict):
    id: str
    name: str
    domain: Optional[str] = None


def _related_contacts_derived(data: dict) -> dict:
    """The catalogue's raw data with each contact's class of concern (`concerns`, review 16 M3) derived onto
    its members' `related_contacts`. A need listing such a contact by hand is refused (the class is stated
    once, on the contact), and so is a member that is not a need of the class's domain."""
    classes = {c["id"]: c["concerns"] for c in data.get("contacts") or [] if isinstance(c, dict) and c.get("concerns")}
    if not classes:
        return data
    indicators = list(data.get("indicators") or [])
    at = {ind.get("id"): n for n, ind in enumerate(indicators) if isinstance(ind, dict)}
    for n, ind in enumerate(indicators):
        listed = set(ind.get("related_contacts") or []) if isinstance(ind, dict) else set()
        if hand := sorted(listed & set(classes)):
            raise ValueError(
                f"indicators[{n}].related_contacts: {hand[0]} is derived from contacts.{hand[0]}.concerns; state {ind.get('id')} there, with its why"
            )
    for cid, concerns in classes.items():
        for member in concerns.get("members") or []:
            name = member.get("indicator") if isinstance(member, dict) else None
            where = at.get(name)
            if where is None:
                raise ValueError(f"contacts.{cid}.concerns: unknown indicator {name!r}")
            ind = indicators[where]
            if cid in (ind.get("related_contacts") or []):
                raise ValueError(f"contacts.{cid}.concerns: {name} is listed twice")
            domain = concerns.get("domain")
            if (domain is not None and ind.get("domain") != domain) or ind.get("immediate"):
                of = f"domain {domain!r}" if domain is not None else "the Levels of need tables (a p9 criterion is not)"
                raise ValueError(f"contacts.{cid}.concerns: {name} is not a need of {of}")
            indicators[where] = {**ind, "related_contacts": [*(ind.get("related_contacts") or []), cid]}
    return {**data, "indicators": indicators}


class Catalogue(_Strict):
    """Everything the rules and views need from the document."""

    if TYPE_CHECKING:  # look-ups built in model_post_init (set on the frozen model, not fields)
        _twins: dict[str, list[TwinLink]]
        _by_id: dict[str, Indicator]
        _bands: dict[str, AgeBand]
        _contacts: dict[str, Contact]
        _floors: dict[str, MeaningfulAge]

    ruleset: Ruleset
    age: AgeScope
    domains: list[Named]
    dimensions: list[Named]
    age_bands: list[AgeBand]
    levels: list[LevelInfo]
    what_if: WhatIfWords
    resolved_actions: list[ResolvedAction]
    contacts: list[Contact]
    interpretations: Interpretations
    guidance: Guidance
    actions: Actions
    contact_notes: ContactNotes
    disabled_children_routing: DisabledChildrenRouting
    timescales: Timescales
    in_writing: InWriting
    surfaces: Surfaces
    disagreements: Disagreements
    routing: Routing
    twins: list[Twin]
    crosswalks: list[Crosswalk]
    age_entailments: list[AgeEntailment] = Field(default_factory=list)
    unborn_pointers: list[UnbornPointer] = Field(default_factory=list)
    criterion_pointers: list[CriterionPointer] = Field(default_factory=list)
    open_from_current_level: OpenFromCurrentLevel
    caf_from_current_level: CafFromCurrentLevel
    not_crosswalked: list[NotCrosswalked] = Field(default_factory=list)
    assumptions: Assumptions
    indicators: list[Indicator]
    meaningful_ages: list[MeaningfulAge] = Field(default_factory=list)
    offer_filters: list[OfferFilter] = Field(default_factory=list)
    offer_for_needs: list[OfferForNeeds] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _derived_links_are_not_given(cls, data):
        """`same_words_as` is derived from the twins block: given on an indicator it would be
        silently replaced, so it is refused (the link is stated once, in `twins`)."""
        for i, ind in enumerate(data.get("indicators") or [] if isinstance(data, dict) else []):
            if isinstance(ind, dict) and "same_words_as" in ind:
                raise ValueError(f"indicators[{i}].same_words_as: derived from the twins block; state the link there")
        return _related_contacts_derived(data) if isinstance(data, dict) else data

    @model_validator(mode="after")
    def _references_resolve(self):
        ids = [i.id for i in self.indicators]
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            raise ValueError(f"duplicate indicator ids: {sorted(dupes)}")
        bands = {b.id for b in self.age_bands}
        dims = {d.id: d.domain for d in self.dimensions}
        domains = {d.id for d in self.domains}
        contacts = {c.id for c in self.contacts}
        known = set(ids)
        for ind in self.indicators:
            if ind.age_band and ind.age_band not in bands:
                raise ValueError(f"{ind.id}: unknown age band {ind.age_band!r}")
            if ind.dimension and (ind.dimension not in dims or dims[ind.dimension] != ind.domain):
                raise ValueError(f"{ind.id}: dimension {ind.dimension!r} is not in domain {ind.domain!r}")
            if ind.domain and ind.domain not in domains:
                raise ValueError(f"{ind.id}: unknown domain {ind.domain!r}")
            for c in ind.related_contacts:
                if c not in contacts:
                    raise ValueError(f"{ind.id}: unknown contact {c!r}")
        below_cin = self.guidance.disabled_below_child_in_need
        if unknown := [i for i in below_cin.states_disability if i not in known]:
            raise ValueError(f"guidance.disabled_below_child_in_need.states_disability: unknown indicator {unknown[0]!r}")
        if missing := sorted(set(self.interpretations.cin_disability.states_substantial_lifelong_disability) - set(below_cin.states_disability)):
            raise ValueError(f"guidance.disabled_below_child_in_need.states_disability: {missing[0]} states a disability")
        for twin in self.twins:
            unknown = [i for i in twin.ids if i not in known]
            if unknown or len(set(twin.ids)) < 2:
                raise ValueError(f"twins.{twin.id}: needs two or more known indicators (unknown: {unknown})")
        for group in self.not_crosswalked:
            if any(i not in known for i in group.indicators):
                raise ValueError(f"not_crosswalked: unknown indicator in {group.indicators}")
        for cw in self.crosswalks:
            unknown = [i for i in cw.indicators + [cw.meets] if i not in known]
            if unknown or (cw.age_band and cw.age_band not in bands):
                raise ValueError(f"crosswalks.{cw.id}: unknown indicator or band {unknown or cw.age_band!r}")
        for ae in self.age_entailments:
            unknown = [i for i in ae.indicators + [ae.adds] if i not in known]
            if unknown or ae.subject_band not in bands:
                raise ValueError(f"age_entailments.{ae.id}: unknown indicator or band {unknown or ae.subject_band!r}")
            if not set(ae.pregnant_now) <= set(ae.indicators):
                raise ValueError(f"age_entailments.{ae.id}.pregnant_now: not among its indicators {sorted(set(ae.pregnant_now) - set(ae.indicators))}")
            if ae.term_gestation.months < ae.min_gestation.months:
                raise ValueError(f"age_entailments.{ae.id}: term_gestation shorter than min_gestation")
            try:
                by_id = {b.id: b for b in self.age_bands}
                ae.stated_why(by_id[ae.subject_band], by_id)
            except (KeyError, IndexError, ValueError) as err:
                raise ValueError(f"age_entailments.{ae.id}.why: a placeholder it cannot fill ({err})") from err
        for up in self.unborn_pointers:
            unknown = [i for i in up.indicators + [up.points_to] if i not in known]
            if unknown:
                raise ValueError(f"unborn_pointers.{up.id}: unknown indicator {unknown}")
        by_known = {i.id: i for i in self.indicators}
        for cp in self.criterion_pointers:
            unknown = [i for i in cp.indicators + [cp.points_to] if i not in known]
            if unknown:
                raise ValueError(f"criterion_pointers.{cp.id}: unknown indicator {unknown}")
            if by_known[cp.points_to].reading is None:
                raise ValueError(f"criterion_pointers.{cp.id}: points to {cp.points_to}, which declares no reading")
        for key, route in self.routing:
            if route.via not in contacts:
                raise ValueError(f"routing.{key}: unknown contact {route.via!r}")
        for key in self.in_writing.no_referral.routes:
            if key not in type(self.routing).model_fields:
                raise ValueError(f"in_writing.no_referral.routes: unknown route {key!r}")
        for level in self.in_writing.below_threshold.levels:
            if level not in {lv.value for lv in Level}:
                raise ValueError(f"in_writing.below_threshold.levels: unknown level {level!r}")
        for band in self.age.care_leaver_bands:
            if band not in bands:
                raise ValueError(f"age.care_leaver_bands: unknown band {band!r}")
        declared: dict[str, str] = {}
        for floor in self.meaningful_ages:
            for iid in floor.indicators:
                if iid not in known:
                    raise ValueError(f"meaningful_ages.{floor.id}: unknown {iid!r}")
                if iid in declared:
                    raise ValueError(f"meaningful_ages.{floor.id}: {iid!r} is also declared in {declared[iid]!r}")
                declared[iid] = floor.id
        # review 8, F2: whom a child-development need's words describe is a decision for each, never a default
        undeclared = [i.id for i in self.indicators if i.domain == "child_development" and i.id not in declared]
        if undeclared:
            raise ValueError(f"meaningful_ages: child-development indicators with no declaration of the ages their words describe: {undeclared}")
        if [lv.id for lv in self.levels] != list(Level):
            raise ValueError("levels must be listed once each, in order")
        cin_disability = self.interpretations.cin_disability
        for key in ("indicators", "with_substantial_lifelong_disability", "states_substantial_lifelong_disability"):
            for iid in getattr(cin_disability, key):
                if iid not in known:
                    raise ValueError(f"interpretations.cin_disability.{key}: unknown {iid!r}")
        return self

    # look-ups -------------------------------------------------------------
    def indicator(self, indicator_id: str) -> Indicator:
        return self._by_id[indicator_id]

    def has_indicator(self, indicator_id: str) -> bool:
        return indicator_id in self._by_id

    def band(self, band_id: str) -> AgeBand:
        return self._bands[band_id]

    def admits(self, indicator: Indicator | str, unborn: bool, age_in_months: Optional[int], parent_age_in_months: Optional[int] = None) -> bool:
        """Whether a case with this child (and parent) may have this indicator: the one answer every
        part uses (the contract's checks, the journey's pages, the call screen and its search). The
        indicator's own age band (the document's words) and the age below which its words mean nothing
        (`meaningful_ages`, this tool's reading) must both admit the child."""
        ind = self._by_id[indicator] if isinstance(indicator, str) else indicator
        if ind.age_band and not self._bands[ind.age_band].admits(unborn, age_in_months, parent_age_in_months):
            return False
        if not self.in_scope(ind, age_in_months):
            return False
        floor = self._floors.get(ind.id)  # self.floor(ind), without a second isinstance: called for every answer
        return floor is None or floor.admits(unborn, age_in_months)

    def in_scope(self, indicator: Indicator, age_in_months: Optional[int]) -> bool:
        """Whether the pathway covers this child for this need: a young person older than `age.max_years`
        is covered only as a care leaver, so only for the care-leaver needs (review 7, F6)."""
        if not self.beyond_childhood(age_in_months):
            return True
        return indicator.age_band in self.age.care_leaver_bands

    def beyond_childhood(self, age_in_months: Optional[int]) -> bool:
        """Whether an age is past the children's ages (pre-birth to `age.max_years`, read to the next
        birthday: 19y11m is still 19): covered only as a care leaver (review 7 F6, review 8 F1)."""
        return age_in_months is not None and age_in_months >= (self.age.max_years + 1) * 12

    def young_adult(self, unborn: bool, age_in_months: Optional[int]) -> bool:
        """Whether a child is a young person of 18 or 19: p4's test read for them (interpretations.
        cin_unlikely_reasonable_standard.young_adult's from_months), not yet past the children's ages.
        Protection at these ages is declared (interpretations.protection_young_adult; review 16, M2)."""
        test = self.interpretations.cin_unlikely_reasonable_standard
        return test.reading(unborn, age_in_months) is test.young_adult and not self.beyond_childhood(age_in_months)

    def young_person(
        self,
        entry: AgeEntailment,
        indicator: Optional[Indicator],
        unborn: bool,
        child_months: Optional[int],
        parent_years: Optional[int],
        months_given: bool = True,
    ) -> YoungPerson:
        """What `entry` knows of the young person's age, for one chosen need of it (None: the parent's
        age alone, which states a parenthood whatever need is chosen). `months_given`: whether the
        child's age gives the months (review 12, H3)."""
        band = self._bands[indicator.age_band] if indicator is not None and indicator.age_band else None
        return entry.young_person(
            self._bands[entry.subject_band],
            band,
            self.age.parent.min_years_at_birth * 12,
            unborn,
            child_months,
            parent_years,
            pregnant_now=indicator is not None and indicator.id in entry.pregnant_now,
            months_given=months_given,
            oldest_child_months=(self.age.max_years + 1) * 12,
        )

    def entailment_possible(
        self, entry: AgeEntailment, unborn: bool, child_months: Optional[int], parent_years: Optional[int], months_given: bool = True
    ) -> Optional[str]:
        """The ages as said where the entailment is possible, not certain (AgeEntailment.possible_at_start)."""
        return entry.possible_at_start(self._bands[entry.subject_band], unborn, child_months, parent_years, months_given=months_given)

    def entailment_why(self, entry: AgeEntailment) -> str:
        """An age entailment's `why` as a decision says it (AgeEntailment.stated_why)."""
        return entry.stated_why(self._bands[entry.subject_band], self._bands)

    def floor(self, indicator: Indicator | str) -> Optional["MeaningfulAge"]:
        """The age below which the indicator's words mean nothing, if the catalogue gives one."""
        return self._floors.get(indicator if isinstance(indicator, str) else indicator.id)

    def level(self, level: Level | str) -> LevelInfo:
        return self.levels[Level(level).rank - 1]

    def contact(self, contact_id: str) -> Contact:
        return self._contacts[contact_id]

    def has_contact(self, contact_id: str) -> bool:
        return contact_id in self._contacts

    @property
    def version(self) -> str:
        """The ruleset every decision and save carries: the edition, and for the shipped catalogue
        the fingerprint of its decisions, so a change to what the rules decide (or say) changes
        the string even where nobody bumped the edition, and a saved entry decided under other
        rules is compared with today's (webapp.cases.reopen.later_decision)."""
        decisions = self.__dict__.get("_decisions")
        edition = f"{self.ruleset.id} ({self.ruleset.version}" + (f", decisions {decisions}" if decisions else "")
        return edition + ")"

    @property
    def decisions_fingerprint(self) -> Optional[str]:
        """The recorded fingerprint of this catalogue's decisions (None for a draft or a copy)."""
        return self.__dict__.get("_decisions")

    def twins_of(self, indicator_id: str) -> list[TwinLink]:
        """The other places the document lists the same need, with what tells them apart."""
        return self._twins.get(indicator_id, [])

    def crosswalks_for(self, indicator: Indicator) -> list[Crosswalk]:
        """The immediate-referral criteria (p9) this table indicator may meet, given an age band."""
        return [
            cw for cw in self.crosswalks if indicator.id in cw.indicators or (cw.level is not None and cw.level is indicator.level and not indicator.immediate)
        ]

    def derived(self, key: str, make: Callable[[], D]) -> D:
        """`make()`, worked out once from this catalogue and kept on it as its own look-ups are
        (it is frozen, so the value cannot go stale): what another layer derives from catalogue
        data alone, such as the rules' ruleset names or prepared look-ups."""
        found = self.__dict__.get(key)
        if found is None:
            found = make()
            object.__setattr__(self, key, found)
        return found

    def model_post_init(self, _context) -> None:
        # same_words_as is derived from the twins block, so the YAML states each link once
        same: dict[str, set[str]] = {}
        for twin in self.twins:
            for iid in twin.ids:
                same.setdefault(iid, set()).update(o for o in twin.ids if o != iid)
        indicators = [i.model_copy(update={"same_words_as": sorted(same.get(i.id, ()))}) for i in self.indicators]
        object.__setattr__(self, "indicators", indicators)
        by_id = {i.id: i for i in indicators}
        links: dict[str, list[TwinLink]] = {}
        for twin in self.twins:
            for iid in twin.ids:
                links.setdefault(iid, []).extend(
                    TwinLink(group=twin.id, other=by_id[o], tells_apart=twin.tells_apart, source=twin.source) for o in twin.ids if o != iid
                )
        object.__setattr__(self, "_twins", links)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_bands", {b.id: b for b in self.age_bands})
        object.__setattr__(self, "_contacts", {c.id: c for c in self.contacts})
        object.__setattr__(self, "_floors", {i: f for f in self.meaningful_ages for i in f.indicators})


TwinLink.model_rebuild()


FINGERPRINT_SUFFIX = ".fingerprint"


def recorded_fingerprint(path: Path) -> Optional[str]:
    """The fingerprint recorded beside a catalogue file (`fsp_2014.fingerprint`), if any.

    It is written by `scripts/ruleset_fingerprint.py --record` and checked by
    tests/rules/test_ruleset_fingerprint.py: the decisions of a fixed set of varied cases, hashed.
    Lines starting with '#' are comments."""
    beside = path.with_suffix(FINGERPRINT_SUFFIX)
    if not beside.exists():
        return None
    lines = [line.strip() for line in beside.read_text(encoding="utf-8").splitlines()]
    found = [line for line in lines if line and not line.startswith("#")]
    return found[0] if found else None


@cache
def load_catalogue(path: Path = DATA_FILE) -> Catalogue:
    """Read and check the catalogue once per process, with its recorded decisions fingerprint."""
    with open(path, encoding="utf-8") as fh:
        catalogue = Catalogue.model_validate(yaml_load.load(fh))
    fingerprint = recorded_fingerprint(path)
    if fingerprint:
        object.__setattr__(catalogue, "_decisions", fingerprint)
    return catalogue
