"""The end-of-session summary: levels chosen per scenario, agreement with the model answer and
between trainees (Fleiss' kappa over scenarios x levels), and the bar chart's geometry."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from pathway.levels import LEVELS, Level
from pathway.scenarios import Scenario
from pathway.scenarios.agreement import fleiss_kappa, kappa_label, percent
from webapp.practice.store import Answer


@dataclass(frozen=True)
class ScenarioRow:
    scenario: Scenario
    counts: dict[Level, int]  # every level, in order
    answered: int
    agree: int

    @property
    def agree_percent(self) -> Optional[float]:
        return percent(self.agree, self.answered)


@dataclass(frozen=True)
class Summary:
    rows: list[ScenarioRow]
    answers: int
    agree: int
    kappa: Optional[float]

    @property
    def agree_percent(self) -> Optional[float]:
        return percent(self.agree, self.answers)

    @property
    def kappa_words(self) -> str:
        return kappa_label(self.kappa)

    @property
    def most(self) -> int:
        return max([max(r.counts.values()) for r in self.rows] + [1])


def summarise(scenarios: list[Scenario], answers: list[Answer]) -> Summary:
    rows = []
    for s in scenarios:
        mine = [a for a in answers if a.scenario_id == s.id]
        counts = {lv: sum(1 for a in mine if a.level == lv.value) for lv in LEVELS}
        rows.append(ScenarioRow(s, counts, len(mine), counts[s.model.level]))
    kappa = fleiss_kappa([[r.counts[lv] for lv in LEVELS] for r in rows])
    return Summary(rows, sum(r.answered for r in rows), sum(r.agree for r in rows), kappa)


# the SVG chart: one bar per level per scenario, widths in user units (no inline styles: strict CSP)
CHART_LABEL_WIDTH = 120
CHART_BAR_WIDTH = 360
CHART_ROW = 22


def bar_width(count: int, most: int) -> int:
    return round(CHART_BAR_WIDTH * count / most) if most else 0
