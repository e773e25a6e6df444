"""The scenario library: the shipped scenarios plus those trainers saved in the database."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from flask import current_app

from pathway.scenarios import Scenario, ScenarioErrors, default_paths, dump_scenarios, loads
from training.batch import load_paths
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


def save(scenario: Scenario, author=None, how: str = "written") -> records.Version:
    if scenario.id in shipped_ids():
        raise ValueError(f"{scenario.id!r} is the id of a shipped scenario")
    return records.save_scenario(scenario.id, dump_scenarios([scenario]), author, how)
