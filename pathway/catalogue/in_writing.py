"""What the written confirmation of a referral says, and Appendix 3's social-care timescales it quotes."""

from __future__ import annotations

from pydantic import model_validator

from pathway.catalogue.blocks import _Block
from pathway.catalogue.guidance import GuidanceText
from pathway.catalogue.sources import Source, _Strict


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
