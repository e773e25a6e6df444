"""What a scenario bank teaches: levels, ages, topics, rule families and indicators used, and where
it falls short of what a training programme needs (issue 19). `pathway scenarios coverage`
prints it; a test fails CI on any shortfall of the shipped bank."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from pathway.catalogue import Catalogue, load_catalogue
from pathway.levels import Level
from pathway.scenarios.model import Scenario

MIN_SCENARIOS = 80
MIN_PER_LEVEL = 10
# Age bands of the coverage table: (label, lowest months, highest months); unborn is its own band.
AGE_BANDS = (
    ("under 1", 0, 11),
    ("1", 12, 23),
    ("2-4", 24, 59),
    ("5-11", 60, 143),
    ("12-15", 144, 191),
    ("16-17", 192, 215),
    ("18-19", 216, 239),
    ("20-25 (care leavers)", 240, 311),
)


def age_band(scenario: Scenario) -> str:
    if scenario.child.unborn:
        return "unborn"
    months = scenario.child.age_in_months or 0
    return next(label for label, low, high in AGE_BANDS if low <= months <= high)


@dataclass
class Coverage:
    scenarios: int
    levels: dict[str, int]
    ages: dict[str, int]
    topics: dict[str, list[str]]
    families: dict[str, list[str]]
    indicators: dict[str, list[str]]  # indicator id -> scenarios that require or accept it
    unused: dict[str, list[str]]  # level -> indicator ids no scenario uses
    shortfalls: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def coverage(scenarios: list[Scenario], catalogue: Catalogue | None = None) -> Coverage:
    catalogue = catalogue or load_catalogue()
    levels = Counter(s.model.level.value for s in scenarios)
    ages = Counter(age_band(s) for s in scenarios)
    topics: dict[str, list[str]] = {}
    families: dict[str, list[str]] = {}
    used: dict[str, list[str]] = {}
    for s in scenarios:
        for t in s.topics:
            topics.setdefault(t, []).append(s.id)
        for f in s.covers:
            families.setdefault(f, []).append(s.id)
        for i in dict.fromkeys([*s.model.required, *s.model.also_acceptable]):
            used.setdefault(i, []).append(s.id)
    unused: dict[str, list[str]] = {}
    for ind in catalogue.indicators:
        if ind.id not in used:
            key = "immediate" if ind.immediate else ind.level.value
            unused.setdefault(key, []).append(ind.id)
    shortfalls = []
    if len(scenarios) < MIN_SCENARIOS:
        shortfalls.append(f"{len(scenarios)} scenarios, fewer than {MIN_SCENARIOS}")
    for level in Level:
        if levels[level.value] < MIN_PER_LEVEL:
            shortfalls.append(f"{levels[level.value]} scenarios at {level.value}, fewer than {MIN_PER_LEVEL}")
    shortfalls += [f"no scenario uses Protection indicator {i}" for i in unused.get("protection", [])]
    return Coverage(
        len(scenarios),
        {lv.value: levels[lv.value] for lv in Level},
        {label: ages[label] for label in ["unborn", *(b[0] for b in AGE_BANDS)]},
        dict(sorted(topics.items())),
        dict(sorted(families.items())),
        dict(sorted(used.items())),
        unused,
        shortfalls,
    )


def report(cov: Coverage) -> str:
    """Plain text for a trainer: counts first, then what is missing."""
    out = [f"{cov.scenarios} scenarios", "", "Levels (model answers):"]
    out += [f"  {level:<15} {n}" for level, n in cov.levels.items()]
    out += ["", "Ages:"] + [f"  {band:<22} {n}" for band, n in cov.ages.items()]
    out += ["", "Topics:"] + [f"  {t:<26} {len(ids)}" for t, ids in cov.topics.items()]
    out += ["", "Rule families:"] + [f"  {f:<36} {', '.join(ids)}" for f, ids in cov.families.items()]
    out += ["", f"Indicators used: {len(cov.indicators)}"]
    for level, ids in cov.unused.items():
        out.append(f"  not used at {level} ({len(ids)}): {', '.join(ids)}")
    out += ["", "Shortfalls:" if cov.shortfalls else "Shortfalls: none"] + [f"  {s}" for s in cov.shortfalls]
    return "\n".join(out) + "\n"
