"""The end-of-session summary: levels chosen per scenario, agreement with the model answer and
between trainees (Fleiss' kappa over scenarios x levels), and the bar chart's geometry."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Optional, Sequence

from pathway.levels import LEVELS, Level
from pathway.scenarios import Scenario
from store.export import csv_cell
from training.agreement import fleiss_kappa, kappa_label, percent
from webapp.practice.records import Answer


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
class TraineeRow:
    name: str
    answered: int
    agree: int  # answers at the model level
    found: int  # model-answer indicators chosen
    model_indicators: int  # model-answer indicators in the scenarios answered

    @property
    def agree_percent(self) -> Optional[float]:
        return percent(self.agree, self.answered)

    @property
    def found_percent(self) -> Optional[float]:
        return percent(self.found, self.model_indicators)


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator across the session: how often trainees matched the model answer on it
    (chose it where the model has it, left it where the model does not, either where it is also acceptable), and Fleiss' kappa between
    trainees over the scenarios (chosen / not chosen) where it is defined."""

    id: str
    n: int  # ratings: answers to scenarios
    agree: int  # ratings that match the model answer
    missed: int  # in the model answer, not chosen
    over_called: int  # chosen, neither required nor also acceptable
    kappa: Optional[float]  # None: not defined (fewer than 2 scenarios with 2 or more answers)

    @property
    def agree_percent(self) -> Optional[float]:
        return percent(self.agree, self.n)


@dataclass(frozen=True)
class NotLoaded:
    """A scenario of an ended session that today's catalogue no longer reads (review 11 surfaces, W3): its
    answers are kept and shown as given (the levels chosen need no catalogue), never scored: agreement
    with a model answer the tool can no longer check cannot be worked out."""

    id: str
    counts: dict[Level, int]  # every level, in order
    answered: int


NOT_WORKED_OUT = "Not worked out: a scenario of this session no longer loads (see below)"
NOT_DEFINED = "Not defined: it needs at least two scenarios each answered by two or more trainees"


def kappa_where_defined(table: list[list[int]]) -> tuple[Optional[float], int, int]:
    """(kappa, subjects, ratings) over the rows rated by two or more trainees; kappa is None
    with fewer than two such rows: one subject's chance agreement is worked out from its own
    answers alone (two trainees who differ give -1), so the page does not call it agreement."""
    rated = [row for row in table if sum(row) >= 2]
    return (fleiss_kappa(rated) if len(rated) >= 2 else None), len(rated), sum(map(sum, rated))


@dataclass(frozen=True)
class Summary:
    rows: list[ScenarioRow]
    answers: int
    agree: int
    kappa: Optional[float]
    trainees: list[TraineeRow] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)  # every indicator in a model answer or chosen
    kappa_scenarios: int = 0  # the kappa's n: scenarios answered by two or more trainees
    kappa_answers: int = 0  # and the answers to them
    not_loaded: list[NotLoaded] = field(default_factory=list)  # scenarios that no longer load, with their answers

    @property
    def worked_out(self) -> bool:
        """Whether the session's own agreement can be worked out: not when an answered scenario no
        longer loads (its answers would be left out of a whole-session figure, or counted as 0)."""
        return not any(n.answered for n in self.not_loaded)

    @property
    def agree_percent(self) -> Optional[float]:
        return percent(self.agree, self.answers) if self.worked_out else None

    @property
    def session_kappa(self) -> Optional[float]:
        return self.kappa if self.worked_out else None

    @property
    def kappa_words(self) -> str:
        if not self.worked_out:
            return NOT_WORKED_OUT
        return NOT_DEFINED if self.kappa is None else kappa_label(self.kappa)

    @property
    def most(self) -> int:
        return max([max(r.counts.values()) for r in self.rows] + [1])

    @property
    def most_missed(self) -> list[IndicatorRow]:
        return sorted((i for i in self.indicators if i.missed), key=lambda i: (-i.missed, i.id))[:TOP]

    @property
    def most_over_called(self) -> list[IndicatorRow]:
        return sorted((i for i in self.indicators if i.over_called), key=lambda i: (-i.over_called, i.id))[:TOP]


TOP = 10


def summarise(scenarios: list[Scenario], answers: list[Answer], names: Optional[list[tuple[int, str]]] = None, not_loaded: Sequence[str] = ()) -> Summary:
    """`names`: the session's (trainee id, display name), for the per-trainee table. `not_loaded`: the
    ids of the session's scenarios that no longer load (an ended session only), shown with their answers."""
    rows = []
    for s in scenarios:
        mine = [a for a in answers if a.scenario_id == s.id]
        counts = {lv: sum(1 for a in mine if a.level == lv.value) for lv in LEVELS}
        rows.append(ScenarioRow(s, counts, len(mine), counts[s.model.level]))
    kappa, kappa_scenarios, kappa_answers = kappa_where_defined([[r.counts[lv] for lv in LEVELS] for r in rows])
    by_id = {s.id: s for s in scenarios}
    left = [_not_loaded(sid, answers) for sid in not_loaded]
    answers = [a for a in answers if a.scenario_id in by_id]
    return Summary(
        rows,
        sum(r.answered for r in rows),
        sum(r.agree for r in rows),
        kappa,
        _trainees(by_id, answers, names or []),
        _indicators(scenarios, answers),
        kappa_scenarios,
        kappa_answers,
        left,
    )


def _not_loaded(scenario_id: str, answers: list[Answer]) -> NotLoaded:
    mine = [a for a in answers if a.scenario_id == scenario_id]
    return NotLoaded(scenario_id, {lv: sum(1 for a in mine if a.level == lv.value) for lv in LEVELS}, len(mine))


def _trainees(by_id: dict[str, Scenario], answers: list[Answer], names: list[tuple[int, str]]) -> list[TraineeRow]:
    out = []
    for tid, name in names:
        mine = [a for a in answers if a.trainee_id == tid]
        model = [set(by_id[a.scenario_id].answers.indicators) for a in mine]
        out.append(
            TraineeRow(
                name=name,
                answered=len(mine),
                agree=sum(a.level == by_id[a.scenario_id].model.level.value for a in mine),
                found=sum(len(m & set(a.indicators)) for m, a in zip(model, mine)),
                model_indicators=sum(len(m) for m in model),
            )
        )
    return out


def _indicators(scenarios: list[Scenario], answers: list[Answer]) -> list[IndicatorRow]:
    ids = sorted({i for s in scenarios for i in s.answers.indicators} | {i for a in answers for i in a.indicators})
    per_scenario = {s.id: [set(a.indicators) for a in answers if a.scenario_id == s.id] for s in scenarios}
    out = []
    for iid in ids:
        n = agree = missed = over = 0
        table = []
        for s in scenarios:
            chosen_sets = per_scenario[s.id]
            in_model = iid in s.answers.indicators
            # also acceptable: the narrative supports it, so chosen or left both match (as feedback.py says)
            accepted = iid in s.model.also_acceptable
            chose = sum(iid in c for c in chosen_sets)
            n += len(chosen_sets)
            agree += len(chosen_sets) if accepted else chose if in_model else len(chosen_sets) - chose
            missed += (len(chosen_sets) - chose) if in_model else 0
            over += 0 if in_model or accepted else chose
            table.append([chose, len(chosen_sets) - chose])
        out.append(IndicatorRow(iid, n, agree, missed, over, kappa_where_defined(table)[0]))
    return out


def summary_csv(s: Summary, words) -> str:
    """The summary's tables as one CSV (long format: a `table` column says which); `words(id)`
    gives an indicator's wording."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["table", "item", "n", "agreement_with_model_percent", "fleiss_kappa", "missed", "over_called"])

    def pct(v):
        return "" if v is None else f"{v:.1f}"

    kappa = s.session_kappa
    w.writerow(["session", "all scenarios", s.answers, pct(s.agree_percent), "" if kappa is None else f"{kappa:.3f}", "", ""])
    for r in s.rows:
        w.writerow(["scenario", csv_cell(r.scenario.title), r.answered, pct(r.agree_percent), "", "", ""])
    for n in s.not_loaded:  # kept as answered, not scored (blank agreement: not worked out)
        w.writerow(["scenario_not_loaded", csv_cell(n.id), n.answered, "", "", "", ""])
        for lv, count in n.counts.items():
            if count:
                w.writerow(["scenario_not_loaded_level", csv_cell(f"{n.id}: {lv.label}"), count, "", "", "", ""])
    for t in s.trainees:
        w.writerow(["trainee", csv_cell(t.name), t.answered, pct(t.agree_percent), "", t.model_indicators - t.found, ""])
    for i in s.indicators:
        w.writerow(["indicator", csv_cell(words(i.id)), i.n, pct(i.agree_percent), "" if i.kappa is None else f"{i.kappa:.3f}", i.missed, i.over_called])
    return out.getvalue()


# the SVG chart: one bar per level per scenario, widths in user units (no inline styles: strict CSP)
CHART_LABEL_WIDTH = 120
CHART_BAR_WIDTH = 360
CHART_ROW = 22


def bar_width(count: int, most: int) -> int:
    return round(CHART_BAR_WIDTH * count / most) if most else 0
