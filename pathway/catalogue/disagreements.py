"""Resolving inter-agency disagreements (p18-21): the two routes, stage by stage."""

from __future__ import annotations

from typing import Optional

from pathway.catalogue.sources import Source, _Strict


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
