"""The level rules restated in plain Python: a test oracle and the benchmark's baseline.

It never decides anything for a user. Keeping a second, independent statement of the level
logic lets property tests catch a durable-rules rule that silently stops matching.
"""
from __future__ import annotations

from pathway.catalogue import Catalogue, Indicator
from pathway.levels import Level, highest
from pathway.models import Case


def reference_level(case: Case, indicators: list[Indicator], catalogue: Catalogue) -> tuple[Level, bool]:
    """(level, immediate) for already-checked indicators."""
    interp = catalogue.interpretations
    combo = interp["combination"]
    caf_bad = case.context.caf == "open_not_improving"
    levels = [i.level for i in indicators]
    immediate = any(i.immediate for i in indicators)
    additional = [i for i in indicators if i.level is Level.ADDITIONAL and not i.immediate]
    extensive = [i for i in indicators if i.level is Level.EXTENSIVE]
    combination = (len(additional) >= combo["min_indicators"]
                   and len({i.domain for i in additional}) >= combo["min_domains"])
    if combination:
        levels.append(Level.EXTENSIVE)
    if caf_bad and additional:
        levels.append(Level.EXTENSIVE)
    current = case.context.current_level.rank if case.context.current_level else 0
    if caf_bad and (extensive or (combination and (current == 0 or current >= 3))):
        levels.append(Level.CHILD_IN_NEED)
    with_disability = set(interp["cin_disability"]["with_substantial_lifelong_disability"])
    if any(i.specialist_disability_need for i in indicators) or (
            case.context.disability == "substantial_lifelong" and any(i.id in with_disability for i in indicators)):
        levels.append(Level.CHILD_IN_NEED)
    return highest(levels), immediate
