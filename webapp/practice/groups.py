"""The scenario library grouped and filtered: by the model answer's level, the child's age, the
rule families of the rules' reasons for the model answer, and the scenario's `topics` when it has
them. Families come from the rules (not from `covers`), so a new scenario is grouped without
anyone tagging it."""

from __future__ import annotations

from dataclasses import dataclass

from pathway.scenarios import Scenario

FACETS = {"level": "Level of the model answer", "age": "Age of the child", "family": "Rule family", "topic": "Topic"}
# Age groups for trainers (not the document's bands, which are for single indicators): unborn,
# babies, pre-school, primary, secondary, and 16 and over.
AGES = [
    ("unborn", "Unborn", None),
    ("under-2", "Under 2", 24),
    ("2-4", "2 to 4", 60),
    ("5-10", "5 to 10", 132),
    ("11-15", "11 to 15", 192),
    ("16-plus", "16 and over", None),
]
FAMILY_NAMES = {
    "level": "A need's own level",
    "immediate": "Immediate referral",
    "combination": "Several needs together (combination)",
    "escalation": "A Common Assessment Framework (CAF) not improving",
    "child_in_need": "Child in Need",
}


def age_group(scenario: Scenario) -> str:
    child = scenario.child
    if child.unborn:
        return "unborn"
    months = child.age_in_months or 0
    return next((key for key, _name, below in AGES[1:-1] if months < below), "16-plus")


def families(scenario: Scenario) -> tuple[str, ...]:
    """The rule families of the rules' reasons for a scenario's model answer (the decision evaluated
    once per scenario and catalogue: training.runner.decide)."""
    from rules import RulesError
    from training.runner import decide

    try:
        decision = decide(scenario)
    except RulesError:
        return ()
    return tuple(sorted({r.rule.split(".")[0] for r in decision.reasons}))


def topics(scenario: Scenario) -> tuple[str, ...]:
    """The scenario's `topics` list, when the format has one (added by the scenario format's owner)."""
    return tuple(getattr(scenario, "topics", None) or ())


def family_name(key: str) -> str:
    return FAMILY_NAMES.get(key, key.replace("_", " ").capitalize())


@dataclass(frozen=True)
class Facets:
    level: tuple[str, ...]
    age: tuple[str, ...]
    family: tuple[str, ...]
    topic: tuple[str, ...]


def facets(scenario: Scenario) -> Facets:
    return Facets(level=(scenario.model.level.value,), age=(age_group(scenario),), family=families(scenario), topic=topics(scenario))


def name(facet: str, key: str) -> str:
    from pathway.levels import Level

    if facet == "level":
        return Level(key).label
    if facet == "age":
        return next(n for k, n, _b in AGES if k == key)
    if facet == "family":
        return family_name(key)
    return key.replace("_", " ").replace("-", " ").capitalize()


def options(entries, facet: str) -> list[tuple[str, str]]:
    """(key, name) of every value the facet takes in these entries, in a stable order."""
    keys = {k for e in entries for k in getattr(facets(e.scenario), facet)}
    if facet == "level":
        from pathway.levels import LEVELS

        order = [lv.value for lv in LEVELS]
    elif facet == "age":
        order = [k for k, _n, _b in AGES]
    else:
        order = sorted(keys)
    return [(k, name(facet, k)) for k in order if k in keys]


def matching(entries, chosen: dict[str, str]):
    """The entries whose facets include every chosen value (an empty choice keeps all)."""
    return [e for e in entries if all(not v or v in getattr(facets(e.scenario), f) for f, v in chosen.items())]


@dataclass(frozen=True)
class Group:
    key: str
    name: str
    entries: list


def grouped(entries, facet: str) -> list[Group]:
    """One group per value of `facet` (a scenario with several values is in each); those with none
    in "Other"."""
    out = [Group(k, n, [e for e in entries if k in getattr(facets(e.scenario), facet)]) for k, n in options(entries, facet)]
    rest = [e for e in entries if not getattr(facets(e.scenario), facet)]
    if rest:
        out.append(Group("other", "Other", rest))
    return [g for g in out if g.entries]
