"""An ordinary activity, question, meeting, small count, lesson or everyday sense, and a child made to sleep where no
child is kept (fix24b; review 24 P2, P5, P6, P7; the synonyms file's `ordinary_call`, this tool's reading, declared
there).

Oracles: tests/pathway/search_fix24b_cases.yaml, written by hand before any reading was changed; the document's rows:
p9 "Child is at immediate risk or has suffered significant harm including physical, sexual, emotional harm or neglect",
"Unexplained injuries or injuries where there is an inconsistent explanation", "Left 'home alone' ..."; p15
"Persistent absenteeism"; p17 "Sexual activity under 13", "Forced marriage of a child under 18"; p13 "Uses
substances"; p15 "Behaviour puts own life at risk - self harming". Every third call of each list is held back (read
only at the end, never tuned on)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pathway.search import KEPT_PLACES, default_index, normalise
from pathway.search_ordinary import ordinary_at
from tests.pathway.cases import check, split

CASES = yaml.safe_load((Path(__file__).parent / "search_fix24b_cases.yaml").read_text())


def _ids(q: str, age: int) -> list[str]:
    return [h.id for h in default_index().search(q, age_in_months=age, limit=KEPT_PLACES, finished=True)]


def _check(q: str, age: int, want: dict) -> None:
    check(_ids(q, age), want)


# Known misses, each with its reason (strict: a call that starts to pass says so). Tuned: three; held back: five of 21,
# read once at the end (docs/adviser.md, Search24b); with senses25 (senses24's outing reading again: "went to scout
# camp") one held-back miss passes, so four of 21.
KNOWN = {
    "attendance was discussed at the meeting held in school": "'held in' is not read: it may be confinement (`after`)",
    "missed one morning for a dentist appointment": "too few other rows: the moved absenteeism row fills the third place",
    "he was high on cannabis at school": "fails on main too: the substance row is not in the first three (not this change)",
    "is it normal for a 3 year old to want to sleep on her own": "held back: a miss, not investigated (never tuned on)",
    "parents evening was held and he's doing well": "held back: a miss, not investigated (never tuned on)",
    "we had a joint birthday do for both girls": "held back: a miss, not investigated (never tuned on)",
    "off for a week with chickenpox": "held back: a miss, not investigated (never tuned on)",
}


def _split(key: str, held: bool) -> list:
    return split(CASES[key], KNOWN, held)


@pytest.mark.parametrize(("q", "age", "want"), _split("everyday", False))
def test_fix24b_everyday(q: str, age: int, want: dict) -> None:
    _check(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), _split("controls", False))
def test_fix24b_control(q: str, age: int, want: dict) -> None:
    _check(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), _split("everyday", True) + _split("controls", True))
def test_fix24b_held_back(q: str, age: int, want: dict) -> None:
    _check(q, age, want)


# ---------------------------------------------------------------- each reading's own edge, both directions


def test_a_question_about_being_left_does_not_lead_with_p9_but_keeps_it_in_sight() -> None:
    """review 12 H6: a question may carry what is happening; the p9 row stays in the first three."""
    ids = _ids("at what age can a child be left at home on their own", 48)
    assert not ids[0].startswith("immediate."), ids
    assert "immediate.home_alone_5_and_under" in ids[:3], ids


def test_a_question_telling_a_fact_is_not_read_as_a_question() -> None:
    assert _ids("can you help my 3 year old was left at home on her own all night", 36)[0].startswith("immediate."), "told"


def test_a_bath_given_by_a_carer_is_no_degrading_place() -> None:
    assert "immediate.significant_harm" not in _ids("mum put her in the bath and washed her hair", 84)[:3]


def test_sleeping_in_the_car_after_an_eviction_is_homelessness_not_degrading_treatment() -> None:
    ids = _ids("he has to sleep in the car since we were evicted", 96)
    assert ids[0] == "protection.no_fixed_abode_homeless", ids
    assert "immediate.significant_harm" not in ids[:3], ids


def test_made_to_sleep_in_the_car_leads_with_significant_harm() -> None:
    assert _ids("he is made to sleep in the car", 96)[0] == "immediate.significant_harm"


def test_held_down_at_a_meeting_keeps_p9() -> None:
    """`after`: "held her down" is restraint even beside a meeting."""
    ids = _ids("after the meeting dad held her down on the floor", 96)
    assert any(i.startswith("immediate.") for i in ids[:3]), ids


def test_a_small_absence_said_as_a_frequency_is_not_read() -> None:
    """ "2 days a week" is a pattern (`facts`): the reading takes no word out; "2 days with a cold" is read."""
    oc = default_index().ordinary_call
    assert oc is not None
    assert ordinary_at(oc, normalise("he misses 2 days a week").split(), 120) == (set(), frozenset())
    assert ordinary_at(oc, normalise("he missed 2 days with a cold").split(), 120)[0] == {1, 2, 3}


def test_an_outing_with_harm_said_is_not_read() -> None:
    ids = _ids("he came back from cubs camp with bruises and says a leader hit him", 108)
    assert ids[0].startswith("immediate."), ids


def test_the_call_screen_while_typing_reads_an_outing_too() -> None:
    """The call screen searches as the words are typed (finished=False): no p9 row in the first three."""
    ids = [h.id for h in default_index().search("we went camping and he slept outside in a tent with his dad", age_in_months=96, limit=KEPT_PLACES)]
    assert not any(i.startswith("immediate.") for i in ids[:3]), ids


def test_a_leisure_row_stays_for_an_outing() -> None:
    """A Universal row is no concern: "goes to brownies" keeps its leisure row first (a labelled call)."""
    assert _ids("goes to brownies", 96)[0] == "universal.access_leisure_services"


def test_ordinary_call_is_declared_in_the_synonyms_file() -> None:
    text = (Path(__file__).parents[2] / "pathway" / "data" / "search_synonyms.yaml").read_text()
    above = text[: text.index("\nordinary_call:")].rsplit("\n\n", 1)[-1]
    assert "this tool's reading, declared here" in above and "fix24b" in above
