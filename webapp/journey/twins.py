"""Indicators the document lists in the same words at more than one level or place ("twins").

The one place the journey asks which twins an indicator has and what tells them apart, so the
needs pages, check your answers and the result all say the same. It uses the catalogue's twins
API when present and otherwise the indicators' `same_words_as` lists with their hints.
"""
from __future__ import annotations

from dataclasses import dataclass

from pathway.catalogue import Indicator, load_catalogue


@dataclass(frozen=True)
class Twin:
    other: Indicator
    tells_apart: str


def twins_of(indicator: Indicator) -> list[Twin]:
    catalogue = load_catalogue()
    if hasattr(catalogue, "twins_of"):
        return [Twin(t.other, t.tells_apart) for t in catalogue.twins_of(indicator.id)]
    return [Twin(catalogue.indicator(o), _where(catalogue.indicator(o))) for o in indicator.same_words_as]


def _where(ind: Indicator) -> str:
    dims = {d.id: d.name for d in load_catalogue().dimensions}
    where = f"{ind.level.label}, under {dims[ind.dimension]} ({ind.source.cite()})"
    return f"{where}: {ind.hint}" if ind.hint else where


def label(indicator: Indicator) -> str:
    """The indicator's words, with its level when the document uses the same words elsewhere."""
    return f"{indicator.text} ({indicator.level.label})" if twins_of(indicator) else indicator.text


def hint(indicator: Indicator) -> str | None:
    """For a twin: its level and where else the same words are, always shown (never optional)."""
    others = twins_of(indicator)
    if not others:
        return None
    also = "; ".join(t.tells_apart for t in others)
    return f"Level: {indicator.level.label}. The same words are also listed at {also}"
