"""fix32b (stop 51; docs/adviser.md "Search32b"): review 31's inflations, an ordinary word read as a Protection or
Extensive row (or a p9 row) and preselected, each mended as a class, not as its example:

1. "wasted" / "shattered" said of tired children after a day out (Q6): no substance row;
2. a child sick in the car on a journey (Q6): no self-harm or homelessness row;
3. a child "hooked on" / "obsessed with" a game (Q6): no exclusion or self-esteem row first;
4. one move said as family news (Q6): "Persistent transient families" not first;
5. "didn't come home" with an ordinary whereabouts said (Q8): "Children who go missing" not first;
6. a carer "brought up in care" (Q9): no trafficking row first, p13-14's parent previously looked after in three;
7. a family's hope "when she's older" (Q10): no allegation (grooming) row first;
8. a teenager not eating and in her room (Q12, arguable): no p9 row first;
9. a 16 year old living alone (Q13): no substance row.

Oracles: tests/pathway/search_fix32b_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls (the same words said of a real concern) that keep
their rows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix32b_cases.yaml").read_text())

KNOWN: dict[str, str] = {}

GROUPS = ("tired", "carsick", "hooked", "moving", "whereabouts", "brought_up", "future_hope", "withdrawn", "alone_at_16")
CALLS = keyed(CASES, KNOWN, *(f"{group}{kind}" for group in GROUPS for kind in ("", "_controls")))


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix32b_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)


def test_the_readings_are_declared_in_the_synonyms_file() -> None:
    """Each new reading or list is declared where it stands, naming this branch and review 31's finding."""
    text = (Path(__file__).parents[2] / "pathway" / "data" / "search_synonyms.yaml").read_text()
    for key in (
        "  protection.significant_self_neglect_due: [drink,",
        "    brought up in: grew up in",
        "    hardly eaten: not eating",
        "    wasted after a long day: tired after a long day",
        '    totally: ""',
        "    - name: journey_sick",
        "    - name: one_move",
        "    - name: game_habit",
        "    - name: whereabouts_said",
        "    - name: future_hope",
    ):
        assert text.count(key) == 1, key
        before = text[: text.index(key)]
        assert "fix32b" in before[-1200:] and "review 31" in before[-1200:], key
