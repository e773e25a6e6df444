"""The words a decision's guidance and actions say: each a citation and a text, a reading with its why."""

from __future__ import annotations

from typing import Optional

from pydantic import model_validator

from pathway.catalogue.blocks import _Block
from pathway.catalogue.sources import Source, _Strict


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


class AgePointerGuidance(GuidanceText):
    """The age pointer (`text`: {text}, {level}, {page}); `immediate`, its words where the twin pointed to is on
    the immediate-referral list (p9): a reading, with whom an immediate referral of this case rings now
    (`ring`: {contact}, {phone}) or, beside an immediate referral already, `in_the_call` (review 33, Q10)."""

    immediate: PossibleEntailmentGuidance

    @model_validator(mode="after")
    def _the_immediate_pointer_is_a_reading(self):
        if not self.immediate.interpretation:
            raise ValueError("age_pointer.immediate: the level is not raised on the words chosen, a reading: interpretation: true")
        return self


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
    age_pointer: AgePointerGuidance
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
