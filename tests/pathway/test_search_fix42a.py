"""fix42a (stop 56; docs/adviser.md "Search42a"): review 37's safety findings, each mended as a class, not as its example:

1. a child's wish to die said as sleeping and not waking, or others coping without the child (Q1): a self-harm or
   mental health row in the first three (`named_rows.readings.fix42a_sleep_forever`, `fix42a_cope_without`);
2. self-starving said as food hidden with exercise, or one food a day with fainting (Q1): p17's eating row leads
   (`fix42a_food_hidden_exercise`, `fix42a_one_food_fainting`);
3. a child gone after an ordinary outing with no word since and the phone off (Q2): "Children who go missing" leads
   (`fix42a_phone_off_since`);
4. a mother and baby kept locked in by a partner, told after a care history (Q3): p9's significant harm leads
   (`fix42a_kept_locked_in`);
5. a strength named to say it is absent (Q5): the Universal strength row leaves, p17's critical parenting leads
   (`fix42a_strength_never_had`); young children alone for hours while the carer is away (Q5): p9 home alone
   (`fix42a_alone_carer_away`).

Oracles: tests/pathway/search_fix42a_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls (the same words in their harmless sense)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix42a_cases.yaml").read_text())

AS_ON_MAIN = "as on main 491a8c91, unchanged by this branch (an over-call of another word, not this brief's class): "
KNOWN: dict[str, str] = {
    "she came out of care last year and locks the flat door at night to feel safe": AS_ON_MAIN
    + "p9 significant harm first on 'locks' (a lock of a thing; fix42a_kept_locked_in reads only a person locked in)",
    "she has never been unhappy at school": AS_ON_MAIN
    + "p17 critical parenting third, p13-14 mental health first on 'unhappy' under 'never' (review 37 K3, negations, open)",
}

CALLS = keyed(CASES, KNOWN, *(f"{group}{kind}" for group in ("wish", "starve", "missing", "locked", "absence", "alone") for kind in ("", "_controls")))


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix42a_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)


def test_the_readings_are_declared_in_the_synonyms_file() -> None:
    """Each new reading is declared where it stands, naming this branch's adviser.md section."""
    text = (Path(__file__).parents[2] / "pathway" / "data" / "search_synonyms.yaml").read_text()
    assert text.count("Search42a") >= 6
