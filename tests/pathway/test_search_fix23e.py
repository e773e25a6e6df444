"""fix23e: fix23b's everyday senses finished, and review 23's N6-N9 (slang said for something else; pets and a young
child out with a parent; a young person's substance words; FGM said in the past; extremism and county lines).

Oracles, by hand, from the document and review 23's findings: an everyday call offers none of the rows named (an empty
answer offers none: "she burned the toast" says nothing the search reads once "burned the toast" is read as said); the
concern sense of each reading keeps its p9 or named row (never under-call). The second held-back set
(tests/pathway/search_everyday_senses.yaml `held_back_2`) was written before fix23e changed the reading and never
tuned on: its count is reported and held here, and its controls must all hold."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pathway.search import KEPT_PLACES, default_index
from tests.pathway.test_search_fix23b import INJURY, P9, SUBSTANCE

ADULT_RISK = {"immediate.contact_with_adults_risk", "immediate.adults_who_pose_risk", "protection.involved_serious_criminal_acts"}
LIFE = {"extensive.behaviour_puts_life_risk", "extensive.life_threatening_conditions", "protection.endangers_life_through_self"}
HELD = yaml.safe_load((Path(__file__).parent / "search_everyday_senses.yaml").read_text())["held_back_2"]


def _top(q: str, age: int = 96) -> list[str]:
    return [h.id for h in default_index().search(q, age_in_months=age, limit=KEPT_PLACES, finished=True)]


def _holds(q: str, what: str) -> bool:
    top = _top(q)
    barred = SUBSTANCE if what == "substance" else INJURY if what == "injury" else {what}
    return not set(top) & barred and (not top or top[0] not in P9)


def test_second_held_back_set_count() -> None:
    """Written before fix23e, never tuned on: 16 of 25 held before fix23e, 20 after (the report's figure). 19 since
    fix24b (stop 43): "she went ice skating with her cousins" counted as held only because p17's "Forced marriage"
    (a Protection row, on "cousins") led it, no p9 row first; fix24b offers forced marriage only with a word of
    marriage, and the model's p9 allegation row, second before, now leads. A miss in both states, left for the next
    session (stop 43's note); not tuned on here."""
    assert sum(_holds(q, w) for q, w in HELD["everyday"]) >= 19


@pytest.mark.parametrize("q, row, place", [tuple(c) for c in HELD["controls"]])
def test_second_held_back_controls_keep_their_row(q: str, row: str, place: str) -> None:
    top = _top(q)
    assert (P9 if row == "p9" else {row}) & set(top[:1] if place == "first" else top), top


def test_a_call_of_an_everyday_sense_alone_offers_nothing() -> None:
    """'she burned the toast' read without 'burned the toast' is 'she': nothing. Before fix23e every row rested on the
    everyday words, none could leave (nothing else to offer), and p9's bruising under 2 was preselected."""
    assert _top("she burned the toast") == []
    assert _top("she smashed her exams", 132) == []


@pytest.mark.parametrize(
    "q",
    ["she burned the baby", "mum burned him with a cigarette", "she burned the toast and then burned the baby with the iron"],
)
def test_the_concern_sense_beside_it_keeps_p9(q: str) -> None:
    assert P9 & set(_top(q)), _top(q)


@pytest.mark.parametrize(
    "q, age, barred",
    [
        ("she smashed her exams", 132, {"immediate.repeated_domestic_violence", "immediate.significant_harm"}),
        ("he got battered at football on saturday, lost 6-0", 156, {"immediate.significant_harm", "immediate.repeated_domestic_violence"}),
        (
            "mum's partner is well fit",
            120,
            {"immediate.contact_with_adults_risk", "immediate.adults_who_pose_risk", "protection.involved_serious_criminal_acts"},
        ),
        (
            "i'm literally dying of boredom",
            132,
            {"extensive.behaviour_puts_life_risk", "extensive.life_threatening_conditions", "protection.endangers_life_through_self"},
        ),
        ("he's always starving, there's never any food in", 120, {"protection.endangers_life_through_self"}),
        ("they've got a snake and he loves it", 120, P9),
        ("the dog bit his face last week and they didn't take him to hospital", 84, {"immediate.repeated_domestic_violence"}),
        ("the two-year-old is at the park with her mum every afternoon", 36, {"immediate.home_alone_5_and_under"}),
        ("he vapes all the time", 192, {"protection.persistent_domestic_abuse"}),
        ("he's doing nitrous oxide, balloons everywhere", 180, {"protection.accommodation_places_child_physical"}),
        ("he's been watching IS beheading videos and talking about jihad", 180, {"protection.inappropriate_sexual_behaviour"}),
        ("he lives with his nan and grandad", 120, {"immediate.contact_with_adults_risk"}),
    ],
)
def test_review23_n6_to_n9_not_offered(q: str, age: int, barred: set[str]) -> None:
    assert not set(_top(q, age)) & barred, _top(q, age)


@pytest.mark.parametrize(
    "q, age, row, place",
    [
        ("she was cut as a baby in Sudan, no concerns now", 144, "immediate.significant_harm", "first"),
        ("he's been watching IS beheading videos and talking about jihad", 180, "protection.extremist_views", "first"),
        ("he's been going to Skegness and coming back with cash", 192, "extensive.children_who_go_missing", "three"),
        ("he's always starving, there's never any food in", 120, "additional.concerns_about_diet_poor", "first"),
        ("he vapes all the time", 192, "additional.uses_substances", "three"),
    ],
)
def test_review23_n6_to_n9_offered(q: str, age: int, row: str, place: str) -> None:
    top = _top(q, age)
    assert row in (top[:1] if place == "first" else top), top


@pytest.mark.parametrize(
    "q, age, want",
    [
        # the concern said beside each reading's words: the reading is not made, or the row is named
        ("she has an eating disorder and says she is always starving", 168, {"protection.endangers_life_through_self"}),
        ("they have a dog and the baby has bruises on her face", 10, P9),
        ("the 2 year old was found at the park on his own at night, not with his mum", 24, P9),
        ("dad vapes and beats mum in front of the kids", 120, P9 | {"protection.persistent_domestic_abuse"}),
        ("she is 14 and going country with older men who have sex with her", 168, {"protection.sexual_exploitation", "extensive.risk_sexual_exploitation"}),
        ("she told me her family are taking her to Somalia to be cut this summer", 144, {"immediate.significant_harm"}),
        ("he is watching porn and beheading videos and touching his sister", 180, P9 | {"protection.inappropriate_sexual_behaviour"}),
        ("she lives with her mum and mum's boyfriend who is a sex offender", 96, {"immediate.contact_with_adults_risk"}),
    ],
)
def test_the_concern_said_keeps_its_row(q: str, age: int, want: set[str]) -> None:
    assert want & set(_top(q, age)), _top(q, age)
