"""A case's history for the page: table rows and a small SVG chart of the levels over time.

Pure functions over `store.assessments` entries (no database, no Flask), so they test alone.
The chart is drawn on the server with SVG attributes only (the CSP allows no inline styles) and
carries a text alternative; the table beside it holds the same facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import get_args
from zoneinfo import ZoneInfo

from pathway.catalogue import load_catalogue
from pathway.choices import Step
from pathway.dates import day_time_words, day_words, short_day_words, time_words
from pathway.levels import LEVELS, Level
from pathway.models import Context
from pathway.surfaces import level_words
from store.assessments import CaseSummary, Change, Entry, compare

CONTEXT_NAMES = {
    "child.age_years": "age (years)",
    "child.age_months": "age (months)",
    "child.unborn": "unborn",
    "context.caf": "CAF",
    "context.consent_to_early_help": "consent to early help",
    "context.disability": "disability",
    "context.large_sibling_group": "large sibling group",
    "context.current_level": "level supported at now",
    "context.caller": "caller",
    "context.contact_time": "contact time",
}


def label(level: str) -> str:
    return Level(level).label


def tool_label(saved: Entry | CaseSummary) -> str:
    """The tool's level of a saved entry (or a case's latest), "Protection (immediate referral)" when
    its decision was one: wherever it is shown beside a recorded level (review 7, surfaces F3)."""
    return level_words(saved.level, saved.immediate)


@dataclass(frozen=True)
class Row:
    entry: Entry
    saved: datetime  # local time
    step: Step | None  # on the recorded levels, from the previous entry
    added: list[str]  # indicator wording
    removed: list[str]
    context: list[str]  # "CAF: No CAF → CAF open, things not improving"
    ruleset_changed: bool

    @property
    def overridden(self) -> bool:
        return bool(self.entry.overrides)


def _labelled_answers() -> dict[str, type[Enum]]:
    """`context.<answer>` -> its enum, for every context answer the contract gives labels
    (pathway/choices.py, Level): read from the model, so a new labelled answer is shown by its label too."""
    out = {}
    for name, field in Context.model_fields.items():
        for kind in get_args(field.annotation) or (field.annotation,):
            if isinstance(kind, type) and issubclass(kind, Enum):
                out[f"context.{name}"] = kind
    return out


# a contract answer is shown by its label, as the journey words it
LABELLED = _labelled_answers()


def _value(v, key: str = "") -> str:
    if v is None:
        return "not given"
    if isinstance(v, bool):
        return "yes" if v else "no"
    try:
        return LABELLED[key](v).label
    except (KeyError, ValueError):  # not a labelled answer, or a value from an older contract
        return str(v).replace("_", " ")


def rows(entries: list[Entry], timezone: str) -> list[Row]:
    catalogue = load_catalogue()
    tz = ZoneInfo(timezone)

    def words(ids):
        return [catalogue.indicator(i).text for i in ids]

    out = []
    previous: Entry | None = None  # the latest entry before this one not marked saved in error
    for entry in entries:
        # an entry saved in error (store.marks) is compared with nothing, and nothing with it
        change: Change | None = compare(previous, entry) if previous is not None and entry.in_error is None else None
        if entry.in_error is None:
            previous = entry
        out.append(
            Row(
                entry=entry,
                saved=entry.created_at.astimezone(tz),
                step=Step.of(change.step) if change else None,
                added=words(change.indicators_added) if change else [],
                removed=words(change.indicators_removed) if change else [],
                context=[f"{CONTEXT_NAMES.get(k, k)}: {_value(a, k)} → {_value(b, k)}" for k, (a, b) in (change.context_changes.items() if change else [])],
                ruleset_changed=bool(change and change.ruleset_changed),
            )
        )
    return out


# The chart's geometry, in SVG user units. RIGHT leaves room for half of the last point's
# date label, which is centred on it ("24 Nov 2026" at 13px Arial is about 75 units wide).
LEFT, RIGHT, TOP, ROW_H, BOTTOM = 130, 60, 20, 40, 50
MIN_WIDTH, STEP_W = 480, 90


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    level: str
    tool_y: float | None  # where the tool's level sits, when a professional recorded another
    label: str  # the x-axis label (date)
    time: str = ""  # a second line, the time, when another save shares the date


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    levels: list[tuple[str, float]]  # (label, y) for the axis, lowest at the bottom
    points: list[Point]
    description: str

    @property
    def path(self) -> str:
        return " ".join(f"{p.x:g},{p.y:g}" for p in self.points)


def chart(table: list[Row]) -> Chart:
    """The recorded level of each entry, oldest on the left; a hollow marker shows the tool's
    level where it was overridden. An entry marked saved in error is left out: it has no level to show."""
    left_out = sum(r.entry.in_error is not None for r in table)
    table = [r for r in table if r.entry.in_error is None]
    n = len(table)
    width = max(MIN_WIDTH, LEFT + RIGHT + STEP_W * max(n - 1, 1))
    height = TOP + ROW_H * (len(LEVELS) - 1) + BOTTOM

    def y(level: str) -> float:
        return TOP + ROW_H * (len(LEVELS) - Level(level).rank)

    span = width - LEFT - RIGHT
    dates = [r.saved.date() for r in table]
    points = []
    for i, r in enumerate(table):
        x = LEFT + (span / 2 if n == 1 else span * i / (n - 1))
        e = r.entry
        shared = dates.count(r.saved.date()) > 1
        points.append(
            Point(
                x=round(x, 1),
                y=y(e.recorded_level),
                level=e.recorded_level,
                tool_y=y(e.level) if e.overrides else None,
                label=short_day_words(r.saved),
                time=time_words(r.saved) if shared else "",
            )
        )
    parts = []
    for r in table:
        e = r.entry
        when = day_time_words(r.saved) if dates.count(r.saved.date()) > 1 else day_words(r.saved)
        text = f"{when}: {label(e.recorded_level) if e.overrides else tool_label(e)}"  # the tool's own, marked (Z6)
        if e.overrides:
            text += f" (recorded by a professional; the tool said {tool_label(e)})"
        parts.append(text)
    description = f"Level over time, {n} saved assessment{'s' if n != 1 else ''}, oldest first. " + "; ".join(parts) + ("." if parts else "")
    if left_out:
        description += f" {left_out} marked saved in error {'is' if left_out == 1 else 'are'} not shown."
    return Chart(width=width, height=height, levels=[(lv.label, y(lv.value)) for lv in LEVELS], points=points, description=description)
