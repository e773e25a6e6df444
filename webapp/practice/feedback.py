"""A trainee's answer against a scenario's model answer, and the rules' reasons for that answer."""

from __future__ import annotations

from dataclasses import dataclass

from pathway.catalogue import Indicator, load_catalogue
from pathway.levels import Level
from pathway.models import Decision
from pathway.scenarios import Scenario
from pathway.surfaces import level_words
from training import runner


def decide(scenario: Scenario) -> Decision:
    """The rules' decision for the model answers, at the scenario runner's fixed, reproducible moment
    (evaluated once per scenario and catalogue: training.runner.decide)."""
    return runner.decide(scenario)


@dataclass(frozen=True)
class Feedback:
    chosen_level: Level
    model_level: Level
    found: list[Indicator]  # required, and chosen
    missed: list[Indicator]  # required, not chosen
    over_called: list[Indicator]  # chosen, and neither required nor also acceptable
    decision: Decision
    also_found: tuple[Indicator, ...] = ()  # chosen, and the narrative supports them: not an over-call

    @property
    def model_words(self) -> str:
        """The model level as every surface names it: "Protection (immediate referral)" when the rules'
        decision for the model answer is an immediate referral (pathway.surfaces.level_words)."""
        return level_words(self.model_level, self.decision.immediate and self.decision.level == self.model_level)

    @property
    def level_right(self) -> bool:
        return self.chosen_level == self.model_level

    @property
    def direction(self) -> str:
        """'right', 'higher' or 'lower': the trainee's level against the model level."""
        if self.level_right:
            return "right"
        return "higher" if self.chosen_level.rank > self.model_level.rank else "lower"


def feedback(scenario: Scenario, level: str, indicators: list[str]) -> Feedback:
    catalogue = load_catalogue()
    want, also, got = set(scenario.model.required), set(scenario.model.also_acceptable), set(indicators)
    order = {i.id: n for n, i in enumerate(catalogue.indicators)}

    def listed(ids):
        return [catalogue.indicator(i) for i in sorted(ids, key=lambda i: order.get(i, 0)) if catalogue.has_indicator(i)]

    return Feedback(
        Level(level), scenario.model.level, listed(want & got), listed(want - got), listed(got - want - also), decide(scenario), tuple(listed(also & got))
    )
