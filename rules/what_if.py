"""What would change the level: the nearest changes to a case and the level each gives.

Every effect here is computed by calling `evaluate` on a nearby case (one more need in another
CAF domain, the CAF not improving, a need taken away...), never written by hand, so the list
cannot drift from the rules. Each change says exactly what it adds, removes or sets, so a test
can apply it on its own and check the level it names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from pathway.catalogue import Catalogue, Indicator, load_catalogue
from pathway.levels import Level
from pathway.models import Case, CaseError, Decision
from rules.evaluate import Needs, decide_levels


@dataclass(frozen=True)
class Change:
    """One nearby case: what differs from the case given, and the level it would get."""

    text: str  # what changes, in words ("One more Additional need in Parents and carers")
    level: Level  # the level the changed case gets
    source: str  # the citation of the reason that sets that level
    interpretation: bool  # that reason is this tool's reading of the document
    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    context: dict = field(default_factory=dict)
    kind: str = ""  # changes of one kind with one effect are listed once

    def apply(self, case: Case) -> Case:
        """The case with this change made (what the test applies independently of `nearby`)."""
        indicators = [i for i in case.indicators if i not in self.remove] + [i for i in self.add if i not in case.indicators]
        context = case.context.model_copy(update=self.context) if self.context else case.context  # unchanged: shared (frozen)
        return case.model_copy(update={"indicators": indicators, "context": context})


@dataclass(frozen=True)
class WhatIf:
    up: list[Change]  # changes that would raise the level
    down: list[Change]  # changes that would lower it: what holds the level where it is
    fixed: Optional[str] = None  # why nothing listed can change it (an immediate referral)


def nearby(case: Case, decision: Decision) -> WhatIf:
    """The nearest changes that move this case's level, up and down (a level never depends on the
    clock, so no office hours are needed)."""
    catalogue = load_catalogue()
    if decision.immediate:
        return WhatIf([], [], catalogue.what_if.immediate)
    level = Level(decision.level)

    def level_of(change: Change, d: "Needs | CaseError") -> Optional[Change]:
        if isinstance(d, CaseError):
            return None
        moved = d.level
        if moved is level:
            return None
        top = next((r for r in d.reasons if Level(r["level"]) is moved), None)
        return Change(
            change.text,
            moved,
            top["source"] if top else catalogue.level(moved).source.cite(),
            bool(top and top["interpretation"]),
            change.add,
            change.remove,
            change.context,
            change.kind,
        )

    candidates = _additions(case, catalogue) + _context_changes(case, catalogue) + _removals(case, catalogue)
    # the level and its reasons alone: exactly evaluate()'s, without the guidance; all at once
    decided = decide_levels([c.apply(case) for c in candidates], catalogue=catalogue)
    found = [c for c in (level_of(c, d) for c, d in zip(candidates, decided, strict=True)) if c is not None]
    up = _one_per_effect([c for c in found if c.level.rank > level.rank])
    down = _one_per_effect([c for c in found if c.level.rank < level.rank])
    return WhatIf(up, down)


def _one_per_effect(changes: list[Change]) -> list[Change]:
    """Keep the first change for each (kind of change, level): the list stays short."""
    seen, out = set(), []
    for c in changes:
        kind = (c.kind or c.text, c.level)
        if kind not in seen:
            seen.add(kind)
            out.append(c)
    return sorted(out, key=lambda c: c.level.rank)


def _plain(ind: Indicator, catalogue: Catalogue, case: Case, special: set[str]) -> bool:
    """A need that stands for "one more need at this level": no twins, no disability reading
    (`special`: the catalogue's needs the Child in Need disability rules read)."""
    return (
        not ind.immediate
        and not ind.same_words_as
        and ind.id not in special
        and ind.id not in case.indicators
        and catalogue.admits(ind, case.child.unborn, case.child.age_in_months)
    )


def _additions(case: Case, catalogue: Catalogue) -> list[Change]:
    chosen = [catalogue.indicator(i) for i in case.indicators if catalogue.has_indicator(i)]
    domains = {d.id: d.name for d in catalogue.domains}
    words = catalogue.what_if
    cin_disability = catalogue.interpretations.cin_disability
    special = {*cin_disability.indicators, *cin_disability.with_substantial_lifelong_disability}
    out = []
    for level in (Level.ADDITIONAL, Level.EXTENSIVE):
        have = {i.domain for i in chosen if i.level is level}
        # a domain without a need at this level first: that is what the combination rule counts
        order = sorted(domains, key=lambda d: (d in have, list(domains).index(d)))
        for domain in order:
            pick = next((i for i in catalogue.indicators if i.level is level and i.domain == domain and _plain(i, catalogue, case, special)), None)
            if pick:
                said = {
                    "level": level.label,
                    "domain": domains[domain],
                    "example": words.example.format(text=pick.text),
                    "article": "An" if level.label[0] in "AEIOU" else "A",
                }
                if not have:
                    text, kind = words.new_level.format(**said), f"new {level}"
                elif domain not in have:
                    text, kind = words.further_domain.format(**said), f"other domain {level}"
                else:
                    text, kind = words.same_domain.format(**said), f"same domain {level}"
                out.append(Change(text, level, "", False, add=(pick.id,), kind=kind))
    return out


def _context_changes(case: Case, catalogue: Catalogue) -> list[Change]:
    ctx = case.context
    words = catalogue.what_if
    out = []
    if ctx.caf != "open_not_improving":
        out.append(Change(words.caf_not_improving, Level.UNIVERSAL, "", False, context={"caf": "open_not_improving"}))
    else:
        out.append(Change(words.caf_improving, Level.UNIVERSAL, "", False, context={"caf": "open_improving"}))
    if ctx.disability != "substantial_lifelong":
        out.append(Change(words.substantial_disability, Level.UNIVERSAL, "", False, context={"disability": "substantial_lifelong"}))
    return out


def _removals(case: Case, catalogue: Catalogue) -> list[Change]:
    return [
        Change(
            catalogue.what_if.without.format(text=catalogue.indicator(i).text, level=catalogue.indicator(i).level.label),
            Level.UNIVERSAL,
            "",
            False,
            remove=(i,),
        )
        for i in case.indicators
        if catalogue.has_indicator(i) and not catalogue.indicator(i).immediate
    ]
