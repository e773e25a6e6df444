"""What the support a family has now says of the case: open to Children's Social Care, a CAF open."""

from __future__ import annotations

from typing import Optional

from pathway.catalogue.sources import Source, _Strict
from pathway.levels import Level


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
