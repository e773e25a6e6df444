"""The rules' parameters, each with its citation and explanation, and this project's readings marked as such."""

from __future__ import annotations

from typing import Literal, Optional

from pathway.catalogue.sources import Source, _Strict
from pathway.levels import Level


class RuleWords(_Strict):
    """A rule cited by the indicators it reads (their own page): its name and what a decision says."""

    rule: str
    explanation: str


class Wording(_Strict):
    """A second case of one rule: its own explanation; its flag, where it differs from the rule's."""

    explanation: str
    interpretation: Optional[bool] = None


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
    """A reading declared after the words of every reason it touches ({said}, {why}), its source after the reason's
    own. Review 16, M2 (`protection_young_adult`): Protection (p4, p9, p17) decided for a young person of 18 or 19
    (CinTest.reading's young_adult, before `Catalogue.beyond_childhood`), by whichever road, the level and the
    ring-now kept (rules/needs.py `declared_for_age`). Review 20 (`immediate_age_left_out`): a p9 criterion decided
    without the child's age given, which does not fit it (rules/refusals.py)."""

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
    immediate_age_left_out: ProtectionYoungAdult  # a p9 criterion decided without the age given (review 20, noted)
