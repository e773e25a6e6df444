"""What a decision rests on that is not in the document."""

from __future__ import annotations

from pathway.catalogue.blocks import _Block
from pathway.catalogue.sources import Source, _Strict


class Assumption(_Strict):
    text: str
    source: Source


class Assumptions(_Block[Assumption]):
    """What a decision rests on that is not in the document."""

    office_hours: Assumption
    bank_holidays: Assumption
    closed_today: Assumption
    contact_hours: Assumption
    unborn_disability: Assumption
