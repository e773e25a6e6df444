"""Run scenarios through the rules and compare with their model answers.

Runs are reproducible: the documented default office hours are used (not the FSP_ environment
overrides) and a scenario without a contact_time is assessed at a fixed weekday, in-hours moment,
so a scenario's answer never depends on when or where the trainer runs it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable, Iterable, Optional
from zoneinfo import ZoneInfo

from pathway.models import Decision
from pathway.scenarios.loader import Loaded
from pathway.scenarios.model import Scenario
from pathway.settings import OfficeHours

# Wednesday 2 July 2014, 11:00 UK time: the day the Children's Partnership Board approved the pathway.
FIXED_NOW = datetime(2014, 7, 2, 11, 0, tzinfo=ZoneInfo("Europe/London"))
OFFICE_HOURS = OfficeHours()


DECIDED_LIMIT = 4096  # decisions kept (a library holds tens of scenarios; a bound all the same)
_decided: dict[str, Decision] = {}  # the rules' decision by the case's JSON, under one catalogue
_decided_under: list[Optional[tuple[object, object]]] = [None]  # that catalogue and rules.evaluate


def decide(scenario: Scenario, also_acceptable: bool = False) -> Decision:
    """The rules' decision for a scenario's model answers (with its also-acceptable needs when asked),
    at the fixed moment: evaluated once per case per catalogue, and kept. The practice pages decide
    every scenario of a session or the library on each request (the lists, flags, facets, feedback):
    the same case under the same catalogue is the same decision, so it is not evaluated again (left9).
    A new catalogue (a release, a test's) or another rules.evaluate starts afresh. Each caller gets its own copy."""
    from pathway.catalogue import load_catalogue
    from rules import evaluate

    catalogue = load_catalogue()
    under = (catalogue, evaluate)  # a new catalogue, or other rules (a test's), start afresh
    if _decided_under[0] is None or any(a is not b for a, b in zip(_decided_under[0], under)):
        _decided.clear()
        _decided_under[0] = under
    case = scenario.case(also_acceptable=also_acceptable)
    key = case.model_dump_json()
    found = _decided.get(key)
    if found is None:
        found = evaluate(case, office_hours=OFFICE_HOURS, now=FIXED_NOW)  # a RulesError is raised, not kept
        if len(_decided) >= DECIDED_LIMIT:
            _decided.clear()
        _decided[key] = found
    return found.model_copy(deep=True)


@dataclass(frozen=True)
class Result:
    id: str
    file: Optional[str]
    model_level: str
    rules_level: Optional[str]
    differences: list[str] = field(default_factory=list)
    error: Optional[str] = None  # the rules failed on this scenario (a defect, never the trainer's)

    @property
    def match(self) -> bool:
        return self.error is None and not self.differences

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "file": self.file,
            "model_level": self.model_level,
            "rules_level": self.rules_level,
            "match": self.match,
            "differences": self.differences,
            "error": self.error,
        }


def run(items: Iterable[Loaded | Scenario], progress: Optional[Callable[[int], None]] = None) -> list[Result]:
    """One result per scenario, in order; `progress(done)` is called after each."""
    from rules import RulesError, ensure_registered  # imported only when running

    ensure_registered()

    results = []
    for done, item in enumerate(items, start=1):
        file, scenario = (item.file, item.scenario) if isinstance(item, Loaded) else (None, item)
        try:
            decision = decide(scenario)
        except RulesError as exc:
            results.append(Result(scenario.id, file, scenario.model.level.value, None, error=str(exc)))
        except Exception as exc:  # noqa: BLE001  durable-rules can fail outside RulesError: report, never crash a batch
            results.append(
                Result(scenario.id, file, scenario.model.level.value, None, error=f"the rules engine failed ({type(exc).__name__}: {exc}); please report it")
            )
        else:
            differences = compare(scenario, decision)
            if scenario.model.also_acceptable:
                # ticking what the narrative also supports must not change the answer, or it is no "also"
                wider = decide(scenario, also_acceptable=True)
                if wider.level != decision.level:
                    differences.append(f"also_acceptable: with them the rules say {wider.level.value}, without them {decision.level.value}")
            results.append(Result(scenario.id, file, scenario.model.level.value, decision.level.value, differences))
        if progress:
            progress(done)
    return results


def compare(scenario: Scenario, decision: Decision) -> list[str]:
    """How the decision differs from the model answer (empty when it agrees)."""
    want = scenario.model
    diffs = []

    def check(name, expected, actual):
        if expected is not None and expected != actual:
            diffs.append(f"{name}: model {expected}, rules {actual}")

    check("level", want.level.value, decision.level.value)
    check("immediate", want.immediate, decision.immediate)
    check("step", want.step, decision.step)
    check("out_of_hours", want.out_of_hours, decision.out_of_hours)
    check("first_contact", want.first_contact, decision.contacts[0].id if decision.contacts else None)
    check("route_team", want.route_team, decision.route.team)
    named = {c.id for c in decision.contacts}
    diffs += [f"contacts: model expects {c}, rules did not name it" for c in want.contacts if c not in named]
    given = {g.rule for g in decision.guidance}
    for rule in want.guidance:
        if rule not in given:
            diffs.append(f"guidance: model expects {rule}, rules did not give it")
    return diffs


def disagreements(scenario: Scenario) -> list[tuple[str, str]]:
    """Where a scenario's model answer differs from what the rules decide, as (field, message) pairs
    naming the scenario's own field ("model.level", "model.also_acceptable", ...); empty when the
    scenario passes `pathway scenarios run`.

    Every way a scenario enters the practice library calls this before it is saved (the editor and the
    import, through webapp.practice.library.save), and the library flags a saved one the rules have
    since moved, so practice never teaches an answer the rules contradict (docs/practice.md: "a saved
    scenario always passes `pathway scenarios run`"). A trainer who thinks the rules are wrong reports
    it rather than teaching another answer: there are no "trainer's judgement" scenarios."""
    from pathway.surfaces import level_words

    [result] = run([scenario])
    if result.error is not None:
        return [("(rules)", result.error)]
    if not result.differences:
        return []
    decision = decide(scenario)
    said, model = level_words(decision.level, decision.immediate), scenario.model
    out = []
    for name, _, rest in (d.partition(": ") for d in result.differences):
        if name == "level":
            out.append(("model.level", f"the rules decide {said}, not {model.level.label}"))
        elif name == "immediate":
            out.append(("model.immediate", f"the rules decide {said}: immediate is {str(decision.immediate).lower()}"))
        else:
            out.append((f"model.{name}", rest))
    return out
