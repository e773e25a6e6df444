"""Needs the document lists in more than one place, often in the same words ("twins").

The one place the journey asks which twins a need has and what tells them apart (the catalogue's
twins API), so the needs pages and check your answers say the same.
"""

from __future__ import annotations

from pathway.catalogue import Indicator, load_catalogue


def hint(indicator: Indicator) -> str | None:
    """For a twin: its level, where else the need is listed and what tells them apart (always shown)."""
    others = load_catalogue().twins_of(indicator.id)
    if not others:
        return None
    levels = sorted({t.other.level for t in others}, key=lambda lv: lv.rank)
    where = ", ".join(lv.label for lv in levels)
    apart = " ".join(dict.fromkeys(t.tells_apart for t in others))
    return f"Level: {indicator.level.label}. The document also lists this need at {where}. {apart}"
