"""Turn a checked case into durable-rules facts (plain JSON values only, no personal data)."""
from __future__ import annotations

from pathway.catalogue import Catalogue, Indicator
from pathway.levels import Level
from pathway.models import Case


def need_facts(case: Case, indicators: list[Indicator], catalogue: Catalogue) -> list[dict]:
    ctx = case.context
    with_disability = set(catalogue.interpretations["cin_disability"]["with_substantial_lifelong_disability"])
    # One fact per level (immediate apart): rules fire once per level, not once per indicator,
    # which keeps an evaluation under a millisecond (each firing costs a JSON round trip).
    groups: dict[tuple[str, bool], list[str]] = {}
    for ind in indicators:
        groups.setdefault((ind.level.value, ind.immediate), []).append(ind.id)
    facts = [{"kind": "group", "level": level, "immediate": immediate, "ids": ids}
             for (level, immediate), ids in sorted(groups.items())]
    # the few indicators the Child in Need disability rules look at, one fact each
    facts += [{
        "kind": "indicator",
        "id": ind.id,
        "specialist_disability_need": ind.specialist_disability_need,
        "cin_with_disability": ind.id in with_disability,
        "disability": ctx.disability or "unknown",
    } for ind in indicators if ind.specialist_disability_need or ind.id in with_disability]
    additional = [i for i in indicators if i.level is Level.ADDITIONAL and not i.immediate]
    extensive = [i for i in indicators if i.level is Level.EXTENSIVE]
    facts.append({
        "kind": "case",
        "caf": ctx.caf or "unknown",
        "current_rank": ctx.current_level.rank if ctx.current_level else 0,
        "additional_count": len(additional),
        "additional_domains": len({i.domain for i in additional}),
        "additional_ids": [i.id for i in additional],
        "extensive_count": len(extensive),
        "extensive_ids": [i.id for i in extensive],
    })
    return facts


def decision_fact(case: Case, level: Level, immediate: bool, out_of_hours: bool,
                  indicators: list[Indicator], catalogue: Catalogue) -> dict:
    ctx = case.context
    chosen = {i.id for i in indicators}
    twins_higher = sorted(
        f"'{i.text}' is chosen at {i.level.label}; the document also lists it at {catalogue.indicator(other).level.label}"
        for i in indicators
        for other in i.same_words_as
        if other not in chosen and catalogue.indicator(other).level.rank > i.level.rank
    )
    consent = {True: "yes", False: "no", None: "unknown"}[ctx.consent_to_early_help]
    return {
        "kind": "decision",
        "level": level.value,
        "level_rank": level.rank,
        "immediate": immediate,
        "out_of_hours": out_of_hours,
        "consent": consent,
        "disability": ctx.disability or "unknown",
        "large_sibling_group": bool(ctx.large_sibling_group),
        "current_rank": ctx.current_level.rank if ctx.current_level else 0,
        "caller": ctx.caller or "unknown",
        "twins_higher_count": len(twins_higher),
        "twins_higher": twins_higher,
    }
