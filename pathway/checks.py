"""Checks of a parsed case against the catalogue: every indicator known, every age band met.

Refusing an out-of-band indicator (rather than ignoring it) makes a wrongly entered age or a
wrongly chosen indicator visible to the person, who knows the child.
"""
from __future__ import annotations

from pathway.catalogue import Catalogue, Indicator
from pathway.models import Case, CaseError, FieldError


def resolve_indicators(case: Case, catalogue: Catalogue) -> list[Indicator]:
    """The case's indicators, de-duplicated and in catalogue-independent (sorted) order."""
    errors: list[FieldError] = []
    chosen: dict[str, Indicator] = {}
    for position, indicator_id in enumerate(case.indicators):
        field = f"indicators[{position}]"
        if not catalogue.has_indicator(indicator_id):
            errors.append(FieldError(field=field, message=f"unknown indicator {indicator_id!r}"))
            continue
        indicator = catalogue.indicator(indicator_id)
        refused = catalogue.refusal(indicator, case.child.unborn, case.child.age_in_months)
        if refused:
            errors.append(FieldError(field=field, message=refused))
            continue
        chosen[indicator_id] = indicator
    errors += _contradictions(case, chosen, catalogue)
    if errors:
        raise CaseError(errors)
    return [chosen[i] for i in sorted(chosen)]


def _contradictions(case: Case, chosen: dict[str, Indicator], catalogue: Catalogue) -> list[FieldError]:
    """Answers that cannot both be true: asking the person beats guessing which one is wrong."""
    stated = catalogue.interpretations["cin_disability"]["states_substantial_lifelong_disability"]
    disability = case.context.disability
    if disability in ("none", "mild_moderate"):
        clash = sorted(i for i in chosen if i in stated)
        if clash:
            return [FieldError(field="context.disability", message=(
                f"is {disability!r}, but {', '.join(repr(c) for c in clash)} describes a substantial and "
                f"life-long disability: correct one of them, or choose 'uncertain'"))]
    return []
