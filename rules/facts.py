"""Turn a checked case into durable-rules facts (plain JSON values only, no personal data).

What the facts carry is computed here from the catalogue's data (twins, cross-walks, age bands),
so the rulesets stay small: they match on these attributes, never one rule per indicator.
"""

from __future__ import annotations

from typing import Callable, Optional

from pathway.catalogue import Catalogue, Indicator
from pathway.levels import Level
from pathway.models import Case


def subject_age_in_months(case: Case) -> Optional[int]:
    """The young parent's age for a parent's band: the parent's if given, else the child's own."""
    if case.parent.age_in_months is not None:
        return case.parent.age_in_months
    return None if case.child.unborn else case.child.age_in_months


def crosswalk_hits(case: Case, indicators: list[Indicator], catalogue: Catalogue) -> list[dict]:
    """Table indicators that, with this child's age, meet an immediate-referral criterion (p9).

    An age band on a cross-walk needs the age to be known and inside it: an unknown age gives
    guidance instead (see `age_unknown_crosswalks`), never a silent guess either way.
    """
    hits: dict[str, dict] = {}  # one per cross-walk, listing the indicators that reach it
    for ind in indicators:
        if ind.immediate:
            continue
        for cw in catalogue.crosswalks_for(ind):
            if cw.age_band and not _age_known_in(case, catalogue, cw.age_band):
                continue
            hit = hits.setdefault(
                cw.id,
                {
                    "id": cw.id,
                    "ids": [],
                    "meets": catalogue.indicator(cw.meets).text,
                    "source": cw.source.cite(),
                    "why": cw.why,
                    "interpretation": cw.interpretation,
                },
            )
            hit["ids"].append(ind.id)
    return [hits[k] for k in sorted(hits)]


def age_unknown_crosswalks(case: Case, indicators: list[Indicator], catalogue: Catalogue) -> list[str]:
    """Cross-walks that would apply at an age not given (the child's age is unknown)."""
    if case.child.unborn or case.child.age_in_months is not None:
        return []
    return sorted({cw.id for ind in indicators if not ind.immediate for cw in catalogue.crosswalks_for(ind) if cw.age_band and cw.age_band != "unborn"})


def _age_known_in(case: Case, catalogue: Catalogue, band_id: str) -> bool:
    band = catalogue.band(band_id)
    if band.unborn == "only":
        return case.child.unborn
    months = case.child.age_in_months
    return months is not None and band.admits(case.child.unborn, months)


def counted_additional(indicators: list[Indicator]) -> list[Indicator]:
    """Additional needs as the combination rule counts them: the same words listed twice count once,
    and one whose twin at a higher level is also chosen is counted there, not again."""
    chosen = {i.id: i for i in indicators}
    out: dict[str, Indicator] = {}
    for ind in sorted(indicators, key=lambda i: i.id):
        if ind.level is not Level.ADDITIONAL or ind.immediate:
            continue
        if any(chosen[o].level.rank > ind.level.rank for o in ind.same_words_as if o in chosen):
            continue
        out.setdefault(ind.text.strip().lower(), ind)
    return list(out.values())


def effective_disability(case: Case, indicators: list[Indicator], catalogue: Catalogue) -> str:
    """The context's answer; where none is given, an indicator whose words state a substantial,
    life-long disability says it (the contradiction check refuses none or mild beside one)."""
    stated = set(catalogue.interpretations.cin_disability.states_substantial_lifelong_disability)
    given = case.context.disability
    if given in (None, "unknown") and any(i.id in stated for i in indicators):
        return "substantial_lifelong"
    return given or "unknown"


def need_facts(case: Case, indicators: list[Indicator], catalogue: Catalogue) -> list[dict]:
    """The needs ruleset's input: one fact carrying every attribute its rules read (see rules/needs.py)."""
    ctx = case.context
    cin_dis = catalogue.interpretations.cin_disability
    with_disability = set(cin_dis.with_substantial_lifelong_disability)
    specialist = set(cin_dis.indicators)
    groups: dict[str, list[str]] = {}
    immediate: list[str] = []
    for ind in indicators:
        if ind.immediate:
            immediate.append(ind.id)
        else:
            groups.setdefault(ind.level.value, []).append(ind.id)
    # a reason keeps the first explanation its rule gave: the cross-walk last by id, as when each
    # was a fact of its own (durable-rules fired the last posted first)
    crosswalks = crosswalk_hits(case, indicators, catalogue)[::-1]
    specialist_ids = [ind.id for ind in indicators if ind.id in specialist]
    with_disability_ids = [ind.id for ind in indicators if ind.id in with_disability]
    additional = counted_additional(indicators)
    extensive = [i for i in indicators if i.level is Level.EXTENSIVE]
    return [
        {
            "kind": "case",
            "groups": [{"level": level, "ids": ids} for level, ids in sorted(groups.items())],
            "table_count": len(indicators) - len(immediate),
            "immediate_ids": immediate,
            "immediate_count": len(immediate),
            "crosswalks": crosswalks,
            "crosswalk_count": len(crosswalks),
            "specialist_disability_ids": specialist_ids,
            "specialist_disability_count": len(specialist_ids),
            "cin_with_disability_ids": with_disability_ids,
            "cin_with_disability_count": len(with_disability_ids),
            "disability": ctx.disability or "unknown",
            "caf": ctx.caf or "unknown",
            "current_rank": ctx.current_level.rank if ctx.current_level else 0,
            "additional_count": len(additional),
            "additional_domains": len({i.domain for i in additional}),
            "additional_ids": [i.id for i in additional],
            "extensive_count": len(extensive),
            "extensive_ids": [i.id for i in extensive],
            "impaired_without_services": bool(ctx.health_development_impaired_without_services),
        }
    ]


def twin_notes(indicators: list[Indicator], catalogue: Catalogue) -> list[dict]:
    """One note per twin group touched where the document lists the need elsewhere too: what was
    chosen and the other places, as ids. The words (`twin_note_drawer`) are drawn only by the rule that
    gives them: the decision fact crosses durable-rules' JSON on every firing, so it stays small."""
    chosen = {i.id for i in indicators}
    notes: dict[str, tuple[set[str], set[str]]] = {}
    for ind in indicators:
        for link in catalogue.twins_of(ind.id):
            ours, others = notes.setdefault(link.group, (set(), set()))
            ours.add(ind.id)
            if link.other.id not in chosen:
                others.add(link.other.id)
    return [{"group": group, "chosen": sorted(ours), "others": sorted(others)} for group, (ours, others) in sorted(notes.items()) if others]


def twin_note_drawer(catalogue: Catalogue) -> Callable[[dict], dict]:
    """`draw(note)`: a twin note's source and words (what was chosen, where else the document lists
    the need: catalogue guidance.twins), each indicator's description and each group's link looked
    up once per catalogue."""
    words = catalogue.guidance.twins
    described = {i.id: f"'{i.text}' ({_where(i, words)})" for i in catalogue.indicators}
    links = {link.group: link for i in catalogue.indicators for link in catalogue.twins_of(i.id)}

    def describe(ids):
        return "; ".join(described[i] for i in ids)

    def draw(note: dict) -> dict:
        link = links[note["group"]]
        return {
            "group": note["group"],
            "source": link.source.cite(),
            "text": words.note.format(chosen=describe(note["chosen"]), others=describe(note["others"]), tells_apart=link.tells_apart),
        }

    return draw


def _where(ind: Indicator, words) -> str:
    return words.place_immediate if ind.immediate else words.place.format(level=ind.level.label, page=ind.source.page)


def age_pointers(case: Case, indicators: list[Indicator], catalogue: Catalogue) -> list[str]:
    """Twins at a higher level whose own age band the known age meets (a 15-year-old choosing
    'Pregnant under 17' is pointed to 'Pregnant under 16')."""
    chosen = {i.id for i in indicators}
    months = subject_age_in_months(case)
    if months is None:
        return []
    out = set()
    for ind in indicators:
        if not ind.age_band:
            continue
        for link in catalogue.twins_of(ind.id):
            other = link.other
            if other.id in chosen or not other.age_band or other.level.rank <= ind.level.rank:
                continue
            if catalogue.band(other.age_band).contains(months):
                out.add(other.id)
    return sorted(out)


def decision_fact(
    case: Case,
    level: Level,
    immediate: bool,
    out_of_hours: bool,
    indicators: list[Indicator],
    catalogue: Catalogue,
    cin_by_disability: bool,
    additional_count: int,
) -> dict:
    """The guidance ruleset's one fact; `additional_count` is the needs fact's (`counted_additional`)."""
    ctx = case.context
    consent = {True: "yes", False: "no", None: "unknown"}[ctx.consent_to_early_help]
    notes = twin_notes(indicators, catalogue)
    pointers = age_pointers(case, indicators, catalogue)
    unknown_age = age_unknown_crosswalks(case, indicators, catalogue)
    return {
        "kind": "decision",
        "level": level.value,
        "level_rank": level.rank,
        "immediate": immediate,
        "out_of_hours": out_of_hours,
        "consent": consent,
        "disability": effective_disability(case, indicators, catalogue),
        "cin_by_disability": cin_by_disability,
        "large_sibling_group": bool(ctx.large_sibling_group),
        "current_rank": ctx.current_level.rank if ctx.current_level else 0,
        "caller": ctx.caller or "unknown",
        "open_case": bool(ctx.open_to_social_care),
        "caf_single_need_not_improving": ctx.caf == "open_not_improving" and additional_count == 1 and level is Level.ADDITIONAL,
        "age_unknown_crosswalk_count": len(unknown_age),
        "age_pointers": pointers,
        "age_pointer_count": len(pointers),
        "twin_notes": notes,
        "twin_count": len(notes),
    }
