"""The five levels of the pathway, in order of need (Thresholds / Levels of support, p4)."""

from __future__ import annotations

from enum import Enum


class Level(str, Enum):
    UNIVERSAL = "universal"
    ADDITIONAL = "additional"
    EXTENSIVE = "extensive"
    CHILD_IN_NEED = "child_in_need"
    PROTECTION = "protection"

    @property
    def rank(self) -> int:
        return RANKS[self]  # LEVELS.index(self) + 1, looked up (asked for every nearby case of a what-if list)

    @property
    def label(self) -> str:
        return LABELS[self]


LEVELS: list[Level] = list(Level)
RANKS: dict[Level, int] = {level: k + 1 for k, level in enumerate(LEVELS)}
BY_VALUE: dict[str, Level] = {level.value: level for level in LEVELS}  # Level(value), for a value known to be one
LABELS = {
    Level.UNIVERSAL: "Universal",
    Level.ADDITIONAL: "Additional",
    Level.EXTENSIVE: "Extensive",
    Level.CHILD_IN_NEED: "Child in Need",
    Level.PROTECTION: "Protection",
}


def highest(levels) -> Level:
    """The highest of some levels; Universal when there are none (no threshold)."""
    return max((Level(x) for x in levels), key=lambda lv: lv.rank, default=Level.UNIVERSAL)
