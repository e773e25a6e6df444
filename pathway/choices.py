"""The contract's closed sets of answers (docs/contract.md), each value with its label, as `Level` has.

A value is what the JSON carries and the rules match on; its label is how a screen or a summary
says it. Both live here, once, so a screen cannot word a value differently from the call summary.
"""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

L = TypeVar("L", bound="_Labelled")


class _Labelled(str, Enum):
    """A value (a string, as JSON writes it) with its label; it formats as its value."""

    label: str
    done: str  # Step's only: the label in a case's history ("Stepped up")

    def __new__(cls, value: str, label: str, done: str = ""):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        member.done = done
        return member

    @classmethod
    def of(cls: type[L], value: str) -> L:
        """The member for a value (`Caller("public")`, which type checkers misread with this __new__)."""
        return cls(value)  # type: ignore[call-arg]

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


class CafStatus(_Labelled):
    NONE = "none", "No CAF"
    OPEN_IMPROVING = "open_improving", "CAF open, things improving"
    OPEN_NOT_IMPROVING = "open_not_improving", "CAF open, things not improving"


class Disability(_Labelled):
    NONE = "none", "No disability"
    MILD_MODERATE = "mild_moderate", "Mild or moderate disability"
    SUBSTANTIAL_LIFELONG = "substantial_lifelong", "Substantial and lifelong disability"
    UNCERTAIN = "uncertain", "Not sure"


class Caller(_Labelled):
    PROFESSIONAL = "professional", "Professional"
    PARENT_CARER = "parent_carer", "Parent or carer"
    PUBLIC = "public", "Member of the public"


# the callers who are not professionals: not CAF trained (p4: "such as a concerned neighbour or volunteer"), and
# not the practitioners and managers whom p8 expects to apply professional judgment. Every rule that words a
# step, a route or p4's judgement for them reads this one list (rules/guidance.py, rules/facts.py, rules/what_if.py)
NOT_PROFESSIONAL: tuple[str, ...] = (Caller.PARENT_CARER.value, Caller.PUBLIC.value)


class Step(_Labelled):
    """A decision against the level the family is supported at now (Appendix 1, p24)."""

    UP = "up", "Stepping up", "Stepped up"
    DOWN = "down", "Stepping down", "Stepped down"
    SAME = "same", "Staying at the same level", "Same level"
