"""evaluate(case) -> Decision: the only entry point to the rules.

Level findings come from ruleset 1 (needs); the decision's level is the highest found, never
lowered. Ruleset 2 (guidance) then adds contacts, actions, guidance, step and route for that
level. Everything is sorted so the decision does not depend on the order of the answers.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import NamedTuple, Optional
from zoneinfo import ZoneInfo

from pathway import clock
from pathway.catalogue import Catalogue, Indicator, load_catalogue
from pathway.checks import resolve_changed, resolve_indicators
from pathway.dates import day_words
from pathway.levels import BY_VALUE, Level
from pathway.models import Case, CaseError, Decision
from pathway.settings import OfficeHours
from rules import engine, guidance, needs, resolved_actions
from rules.engine import RulesError
from rules.facts import NeedFacts, decision_fact, need_facts, unborn_disability_uncertain


def ruleset_names(catalogue: Catalogue) -> tuple[str, str]:
    """The (needs, guidance) ruleset names for a catalogue: the shipped one keeps the plain names;
    any other (a draft being tried) gets names suffixed by a hash of its content, since
    durable-rules registers a name once per process."""
    if catalogue is load_catalogue():
        return needs.NAME, guidance.NAME

    def make() -> tuple[str, str]:
        digest = hashlib.sha256(catalogue.model_dump_json().encode()).hexdigest()[:16]
        return f"{needs.NAME}_{digest}", f"{guidance.NAME}_{digest}"

    return catalogue.derived("_ruleset_names", make)


def ensure_registered(catalogue: Optional[Catalogue] = None) -> tuple[str, str]:
    catalogue = catalogue or load_catalogue()
    needs_name, guidance_name = ruleset_names(catalogue)
    engine.register(needs_name, lambda emit: needs.define(catalogue, emit))
    engine.register(guidance_name, lambda emit: guidance.define(catalogue, emit))
    return needs_name, guidance_name


def evaluate(case: Case, *, office_hours: Optional[OfficeHours] = None, now: Optional[datetime] = None, catalogue: Optional[Catalogue] = None) -> Decision:
    """Decide the level for a parsed case. Raises CaseError for a case the catalogue refuses.

    `catalogue` (default: the shipped one) lets the document's owners try a draft: its rules are
    registered under their own names on first use, as the shipped ones are if start-up did not."""
    catalogue = catalogue or load_catalogue()
    guidance_name = ruleset_names(catalogue)[1]
    needs = _needs(case, catalogue)
    indicators, reasons, level, immediate = needs.indicators, needs.reasons, needs.level, needs.immediate
    office_hours = office_hours or OfficeHours.from_env()
    moment = case.context.contact_time or now or clock.utcnow()
    out_of_hours = not office_hours.is_open(moment)

    extras = engine.run(guidance_name, [decision_fact(case, level, immediate, out_of_hours, indicators, catalogue, needs.additional_count)])
    routes = [f["key"] for f in extras if f["type"] == "route"]
    if not routes:
        raise RulesError("the guidance ruleset returned no route: it lost a result")
    if len(routes) > 1:  # the route rules exclude one another (rules/guidance.py)
        raise RulesError(f"the guidance ruleset returned {len(routes)} routes: the route rules overlap")
    route_key = routes[0]
    entry = catalogue.routing[route_key]
    via = catalogue.contact(entry.via)
    info = catalogue.level(level)
    extra_actions = sorted((f for f in extras if f["type"] == "action"), key=lambda f: (f["priority"], f["key"]))
    words = [(f["priority"], _action_text(catalogue, f["key"], via)) for f in extra_actions]
    actions = [text for priority, text in words if priority == guidance.FIRST]
    actions += info.actions
    actions += [text for priority, text in words if priority != guidance.FIRST]
    steps = [f for f in extras if f["type"] == "step"]
    contacts = _contacts(extras, indicators, catalogue, via.id, out_of_hours)
    actions = resolved_actions.resolve(_unique(actions), case, catalogue)
    said = _guidance(extras, indicators, catalogue)
    if immediate:
        actions, said = _after_the_call(catalogue, actions, said)

    # validated once, as a whole (one pass of pydantic-core, not one constructor per part)
    return Decision.model_validate(
        {
            "level": level,
            "level_name": info.name,
            "immediate": immediate,
            "reasons": reasons,
            "actions": actions,
            "contacts": contacts,
            "assessments": info.assessments,
            "services": info.services,
            "services_intro": info.services_intro,
            "guidance": said,
            "step": steps[0]["value"] if steps else None,
            "step_heading": steps[0].get("heading") if steps else None,
            "out_of_hours": out_of_hours,
            "contact_time": moment,
            "route": {
                "team": entry.team,
                "phone": via.phone,
                "via": via.name,
                "why": entry.why,
                "source": entry.source.cite(),
                "interpretation": entry.interpretation,
                "available_now": not (out_of_hours and via.hours == "office"),
            },
            "assumptions": _assumptions(catalogue, office_hours, moment, contacts)
            + _open_read_from_level(case, catalogue)
            + _unborn_disability(case, indicators, catalogue),
            "ruleset": catalogue.version,
        }
    )


class Needs(NamedTuple):
    """What ruleset 1 (needs) decides: the level and its reasons, before any guidance."""

    indicators: list[Indicator]
    reasons: list[dict]  # as in Decision.reasons, highest level first
    level: Level
    immediate: bool
    additional_count: int


def decide_level(case: Case, *, catalogue: Optional[Catalogue] = None) -> Needs:
    """The level a case reaches and why, from the needs ruleset alone: exactly evaluate()'s level,
    reasons and immediacy (they never depend on the clock or on guidance), at about half its cost,
    for callers that need only the level of many nearby cases (rules/what_if.py)."""
    return _needs(case, catalogue or load_catalogue())


def decide_levels(cases: list[Case], *, catalogue: Optional[Catalogue] = None) -> "list[Needs | CaseError]":
    """`decide_level` for each case (a refused case gives its CaseError in its place), from one
    engine call per `engine.BATCH` cases (rules/what_if.py decides its nearby cases with `decide_changes`)."""
    catalogue = catalogue or load_catalogue()
    needs_name = _needs_ruleset(catalogue)
    # Catalogue.admits for each child's and parent's ages, asked once per indicator for every case of
    # those ages (the nearby cases share them); dropped when this call returns
    admitted: dict[tuple, dict[str, bool]] = {}
    return _decided([_checked(case, catalogue, admitted) for case in cases], needs_name, catalogue)


def decide_changes(case: Case, changes: list, *, catalogue: Optional[Catalogue] = None) -> "list[Needs | CaseError | None]":
    """`decide_levels` of each change made to `case` (rules/what_if.py's `Change`: `change.apply(case)`), with
    None in place of a CaseError where a change of the answers alone is refused. A change of the answers
    alone (`add`, `remove`; the child, parent and context unchanged) is checked from the case's own checks
    (`pathway.checks.resolve_changed`) and its needs fact made with the case's part of it worked out once
    (`rules.facts.NeedFacts`), not each nearby case checked and made from scratch (issue 17). A change of
    the context, or any change of a case the checks refuse, is made and decided in full. Nothing is kept
    past the call."""
    catalogue = catalogue or load_catalogue()
    needs_name = _needs_ruleset(catalogue)
    admitted: dict[tuple, dict[str, bool]] = {}
    ages = (case.child.unborn, case.child.age_in_months, case.parent.age_in_months)
    try:
        base = resolve_indicators(case, catalogue, admitted.setdefault(ages, {}))
    except CaseError:
        base = None
    facts = NeedFacts(case, catalogue)
    if base is not None:  # the case's own fact: each nearby one reuses the parts its change does not touch
        chosen = {i.id for i in base}
        like = facts(base)
    prepared: list = []
    for change in changes:
        if base is None or change.context:
            prepared.append(_checked(change.apply(case), catalogue, admitted))
            continue
        indicators = resolve_changed(case, base, change.add, change.remove, catalogue, admitted[ages])
        prepared.append(None if indicators is None else (indicators, facts(indicators, (like, chosen.symmetric_difference(i.id for i in indicators)))))
    return _decided(prepared, needs_name, catalogue)


def _checked(case: Case, catalogue: Catalogue, admitted: dict[tuple, dict[str, bool]]) -> "tuple[list[Indicator], list[dict]] | CaseError":
    """A case's indicators and needs fact, or its refusal."""
    ages = (case.child.unborn, case.child.age_in_months, case.parent.age_in_months)
    try:
        indicators = resolve_indicators(case, catalogue, admitted.setdefault(ages, {}))
    except CaseError as exc:
        return exc
    return indicators, need_facts(case, indicators, catalogue)


def _decided(prepared: list, needs_name: str, catalogue: Catalogue) -> list:
    """Each prepared case (its indicators and needs fact) decided, from one engine call per `engine.BATCH`;
    a refusal (a CaseError, or None) kept in its place."""
    ready = [p for p in prepared if isinstance(p, tuple)]
    findings = iter(engine.run_each(needs_name, [need[0] for _, need in ready]))
    return [_concluded(p[0], p[1], next(findings), catalogue) if isinstance(p, tuple) else p for p in prepared]


def _needs_ruleset(catalogue: Catalogue) -> str:
    needs_name = ruleset_names(catalogue)[0]
    if not engine.is_registered(needs_name):
        ensure_registered(catalogue)
    return needs_name


def _needs(case: Case, catalogue: Catalogue) -> Needs:
    needs_name = _needs_ruleset(catalogue)
    indicators = resolve_indicators(case, catalogue)
    # the context alone can decide (a CAF failing at Extensive; p4's Child in Need test), so the
    # needs ruleset always runs, with or without indicators
    need = need_facts(case, indicators, catalogue)
    return _concluded(indicators, need, engine.run(needs_name, need), catalogue)


def _concluded(indicators: list[Indicator], need: list[dict], findings: list[dict], catalogue: Catalogue) -> Needs:
    reasons = needs.declared_for_age(_reasons(findings), need[0], catalogue)
    explained = {i for r in reasons for i in r["indicators"]}
    if not explained.issuperset([ind.id for ind in indicators]):
        raise RulesError("an indicator produced no finding: the needs ruleset lost a result")
    level = BY_VALUE[reasons[0]["level"]] if reasons else Level.UNIVERSAL  # reasons come highest level first
    return Needs(indicators, reasons, level, any(f.get("immediate") for f in findings), need[0]["additional_count"])


def _action_text(catalogue: Catalogue, key: str, via) -> str:
    phone = f" on {via.phone}" if via.phone else ""
    return catalogue.actions[key].text.format(contact=via.named_in_a_sentence(), phone=phone)


def _assumptions(catalogue: Catalogue, office_hours: OfficeHours, moment: datetime, contacts: list[dict]) -> list[dict]:
    """What the decision's routing rests on that the document does not say: every decision's
    route and contacts depend on the clock, so every decision lists the office hours it used, and
    a decision listing a service the document gives no hours for says it took office hours."""
    a = catalogue.assumptions
    standing: dict[OfficeHours, list[dict]] = catalogue.derived("_standing_assumptions", dict)  # per office-hours setting
    if office_hours not in standing:
        if len(standing) > 64:  # a few settings in practice; never unbounded
            standing.clear()
        standing[office_hours] = [
            {"id": "office_hours", "text": a.office_hours.text.format(hours=office_hours.describe()), "source": a.office_hours.source.cite()},
            {"id": "bank_holidays", "text": a.bank_holidays.text.format(closed=office_hours.describe_closures()), "source": a.bank_holidays.source.cite()},
        ]
    out = list(standing[office_hours])
    closure = office_hours.closure(moment)
    if closure:
        local = moment.astimezone(ZoneInfo(office_hours.timezone)).date()
        out.append({"id": "closed_today", "text": a.closed_today.text.format(date=day_words(local), name=closure), "source": a.closed_today.source.cite()})
    assumed = [c["name"] for c in contacts if catalogue.contact(c["id"]).hours_assumed]
    if assumed:
        names = assumed[0] if len(assumed) == 1 else ", ".join(assumed[:-1]) + " and " + assumed[-1]
        out.append({"id": "contact_hours", "text": a.contact_hours.text.format(names=names), "source": a.contact_hours.source.cite()})
    return out


def _open_read_from_level(case: Case, catalogue: Catalogue) -> list[dict]:
    """The case taken as open to social care from its current level (a reading the route rests on)."""
    entry, level = catalogue.open_from_current_level, case.context.current_level
    if level is None or not entry.read_from_level(case.context):
        return []
    text = entry.text.format(level=level.label, why=entry.why)
    return [{"id": "open_from_current_level", "text": text, "source": entry.source.cite()}]


def _unborn_disability(case: Case, indicators: list[Indicator], catalogue: Catalogue) -> list[dict]:
    """An unborn baby's disability routed as uncertain (a reading the route rests on)."""
    if not unborn_disability_uncertain(case, indicators, catalogue):
        return []
    entry = catalogue.assumptions.unborn_disability
    return [{"id": "unborn_disability", "text": entry.text, "source": entry.source.cite()}]


def _reasons(findings: list[dict]) -> list[dict]:
    """One reason per rule, level and explanation, listing every indicator that drove it; highest
    level first. Findings of one rule that say different things stay apart (two cross-walks meet two
    p9 criteria, one of them by this tool's reading): merged, the second's words and its
    interpretation flag were lost."""
    grouped: dict[tuple[str, str, str, bool], tuple[set[str], set[str]]] = {}
    for f in findings:
        key = (f["rule"], f["level"], f["explanation"], f["interpretation"])
        group = grouped.get(key)
        if group is None:  # most findings are their rule's only one: no empty sets made and thrown away
            grouped[key] = (set(f["indicators"]), {f["source"]})
        else:
            group[0].update(f["indicators"])
            group[1].add(f["source"])
    reasons = [
        {
            "rule": rule,
            "level": level,
            "indicators": sorted(ids),
            "source": "; ".join(sorted(sources)),
            "explanation": explanation,
            "interpretation": interpretation,
        }
        for (rule, level, explanation, interpretation), (ids, sources) in grouped.items()
    ]
    return sorted(reasons, key=lambda r: (-_RANK[r["level"]], r["rule"], r["indicators"]))


_RANK = {level.value: level.rank for level in Level}


def _contacts(extras: list[dict], indicators: list[Indicator], catalogue: Catalogue, first: str, out_of_hours: bool) -> list[dict]:
    """The route's contact first (the one to ring now), then the others by priority. Out of hours a
    day service is never offered as if open, the route's own included: its words say it is closed
    now, unless a rule's words for it already say to contact it when day services reopen. A rule's
    contact_note follows a listed contact's words (a fallback for the one to ring now)."""
    notes = catalogue.contact_notes
    says_reopen = catalogue.derived("_notes_saying_reopen", lambda: frozenset(n.text for n in notes.__dict__.values() if n.says_reopen))
    after = {f["id"]: f["text"] for f in extras if f["type"] == "contact_note"}
    wanted = [(-1, first, None)]
    wanted += [(f["priority"], f["id"], f.get("when")) for f in extras if f["type"] == "contact"]
    wanted += [(guidance.RELATED, cid, None) for ind in indicators for cid in ind.related_contacts]
    out: dict[str, dict] = {}
    for _priority, cid, when in sorted(wanted, key=lambda w: (w[0], w[1])):
        if cid not in out:
            c = catalogue.contact(cid)
            text = when or c.when
            if out_of_hours and c.hours == "office" and text not in says_reopen:
                text = f"{notes.closed_now.text} {text}"
            if cid in after:
                text = f"{text} {after[cid]}"
            out[cid] = {"id": c.id, "name": c.name, "phone": c.phone, "when": text}
    return list(out.values())


def _guidance(extras: list[dict], indicators: list[Indicator], catalogue: Catalogue) -> list[dict]:
    items = [{"rule": f["rule"], "source": f["source"], "text": f["text"]} for f in extras if f["type"] == "guidance"]
    related = sorted({cid for ind in indicators for cid in ind.related_contacts})
    for cid in related:
        c = catalogue.contact(cid)
        items.append({"rule": f"contact.{cid}", "source": c.source.cite(), "text": f"{c.name} ({c.phone}): {c.when}"})
    # by rule, the one-child item last (review 14, K1: it never comes before, or crowds, the rest)
    return sorted({(g["rule"], g["text"]): g for g in items}.values(), key=lambda g: (g["rule"] == guidance.ONE_CHILD, g["rule"]))


def _after_the_call(catalogue: Catalogue, actions: list[str], items: list[dict]) -> tuple[list[str], list[dict]]:
    """Beside an immediate referral (p9: without delay), every action after the first ("Ring ... now")
    and every guidance item comes after the call: begun with the catalogue's words for it, except
    those it names as the call itself (catalogue `guidance.after_the_call`; review 8, F4)."""
    after = catalogue.guidance.after_the_call
    rules = frozenset(after.not_prefixed.guidance)
    rule_prefixes = tuple(r for r in rules if r.endswith("."))
    opening = tuple(after.not_prefixed.actions)
    # advice for before a referral, worded for after it (p9: the referral is made without delay; left9)
    action_words = [(r.opening, r.text) for r in after.reworded.actions]
    guidance_words = {r.rule: r.text for r in after.reworded.guidance}

    def later(text: str) -> str:
        return text if text.startswith(after.text) else f"{after.text} {text}"

    def reworded(action: str) -> str:
        return next((text for start, text in action_words if action.startswith(start)), action)

    actions = actions[:1] + [a if a.startswith(opening) else later(reworded(a)) for a in actions[1:]]
    items = [g if g["rule"] in rules or g["rule"].startswith(rule_prefixes) else {**g, "text": later(guidance_words.get(g["rule"], g["text"]))} for g in items]
    return actions, items


def _unique(items: list[str]) -> list[str]:
    seen, out = set(), []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out
