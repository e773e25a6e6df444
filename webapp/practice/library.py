"""The scenario library: the shipped scenarios plus those trainers saved in the database."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from flask import current_app

from pathway.scenarios import Scenario, ScenarioError, ScenarioErrors, default_paths, dump_scenarios, loads
from training.batch import load_paths
from training.runner import disagreements
from webapp.practice import records


@dataclass(frozen=True)
class Entry:
    scenario: Scenario
    shipped: bool


@cache
def shipped() -> tuple[Scenario, ...]:
    return tuple(item.scenario for item in load_paths(default_paths()))


def shipped_ids() -> set[str]:
    return {s.id for s in shipped()}


def saved() -> list[Scenario]:
    """The saved scenarios that are still valid (a catalogue change can refuse an old one: it is
    logged and left out, never a broken page; export and re-import it after fixing)."""
    out = []
    for _id, text in records.saved_scenarios():
        try:
            out += loads(text, name=f"library:{_id}")
        except ScenarioErrors as exc:
            current_app.logger.warning("saved scenario %s no longer loads: %s", _id, exc)
    return out


def entries() -> list[Entry]:
    """Every scenario a trainer can pick: shipped first (in file order), then saved ones by id."""
    return [Entry(s, True) for s in shipped()] + [Entry(s, False) for s in saved() if s.id not in shipped_ids()]


def by_id() -> dict[str, Entry]:
    return {e.scenario.id: e for e in entries()}


def contradicted(scenarios, name: str = "library") -> list[ScenarioError]:
    """Each field of these scenarios' model answers the rules contradict (training.runner.disagreements),
    named as the loader names a problem: `scenario: model.level: the rules decide ...`."""
    return [ScenarioError(name, s.id, field, message) for s in scenarios for field, message in disagreements(s)]


def flags(entries_: list[Entry]) -> dict[str, list[ScenarioError]]:
    """The scenarios in the library the rules now contradict (saved before the check, or moved by a
    catalogue change since): shown flagged, kept (never deleted) and refused for a new session."""
    found: dict[str, list[ScenarioError]] = {}
    for e in contradicted([e.scenario for e in entries_]):
        found.setdefault(e.scenario or "", []).append(e)
    return found


def as_the_rules_decide(scenario: Scenario) -> Scenario:
    """The scenario as a session practises it: its model level and `immediate` the rules' decision.
    Where they agree that only fills in `immediate` (so every surface can say "Protection (immediate
    referral)"); where they contradict it (a session's snapshot taken before the check, or a catalogue
    change since) the rules' level replaces the written one, so practice never teaches a level the
    rules contradict, nor marks down the trainee who chose the rules' level."""
    from rules import RulesError
    from training.runner import decide

    try:
        decision = decide(scenario)
    except RulesError:  # a defect: the feedback page reports it (500); the lists still show the scenario
        return scenario
    model = scenario.model.model_copy(update={"level": decision.level, "immediate": decision.immediate})
    return scenario.model_copy(update={"model": model})


def save(scenario: Scenario, author=None, how: str = "written") -> records.Version:
    """Save a scenario to the library: the one way in, so every way a trainer adds one (the editor,
    the import) is checked against the rules here too. Raises ScenarioErrors naming each field the
    rules contradict."""
    return save_once(scenario, author, how, token=None)[0]


def save_once(scenario: Scenario, author=None, how: str = "written", *, token: str | None) -> tuple[records.Version, bool]:
    """`save` for a form carrying a one-time token (records.save_scenario_once): (the version, whether
    the same form saved it before: posted twice, saved once, left14)."""
    if scenario.id in shipped_ids():
        raise ValueError(f"{scenario.id!r} is the id of a shipped scenario")
    refused = contradicted([scenario], how)
    if refused:
        raise ScenarioErrors(refused)
    return records.save_scenario_once(scenario.id, dump_scenarios([scenario]), author, how, token=token)
