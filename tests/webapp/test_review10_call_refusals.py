"""Review 10 (surfaces), W1: the call screen never decides a lower level without a word.

A need whose words state a substantial, life-long disability (the catalogue's
`cin_disability.states_substantial_lifelong_disability`) with the disability answered "No" or "mild
or moderate" is refused by the rules (pathway.checks). The screen once caught every refusal as an
age clash and decided an empty case: Universal, no error, "Indicators: none chosen". Now the clash is
named beside the disability question and the screen decides as if the disability were not answered.

The class: every refusal pathway.checks can make of the screen's case is walked through `screen`
and must be named beside a question, with a decision no lower than the chosen needs' own levels.
"""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.choices import Disability
from pathway.levels import LEVELS, Level
from pathway.models import Case, CaseError
from rules import evaluate
from tests.webapp.conftest import ALWAYS_OPEN, text
from webapp import session_state
from webapp.adviser import call

URL = "/adviser/"
FETCH = {"X-Requested-With": "fetch"}
STATED = load_catalogue().interpretations.cin_disability.states_substantial_lifelong_disability
BASE = {"caller": "professional", "caf": "none", "note": "", "q": "", "age_years": "12", "age_months": ""}


def _level(iid: str) -> Level:
    return load_catalogue().indicator(iid).level


def test_the_three_needs_are_the_ones_the_review_names():
    # the oracle: the review's list (docs/review10-surfaces.md, W1), not the catalogue read back
    assert sorted(STATED) == [
        "extensive.providing_substantial_care_child",
        "extensive.substantial_lifelong_disability_short_breaks",
        "protection.substantial_lifelong_disability_safeguarding",
    ]


@pytest.mark.parametrize("order", ["answer_first", "concern_first"])
@pytest.mark.parametrize("said", ["none", "mild_moderate"])
@pytest.mark.parametrize("iid", sorted(STATED))
def test_a_need_stating_a_disability_with_the_answer_no_is_named_and_never_universal(client, iid, said, order):
    if order == "answer_first":
        client.post(URL, data={**BASE, "disability": said}, headers=FETCH)
        reply = client.post(URL, data={**BASE, "disability": said, "add": iid}, headers=FETCH).get_json()
    else:
        client.post(URL, data={**BASE, "disability": "substantial_lifelong", "siblings": "no", "add": iid}, headers=FETCH)
        reply = client.post(URL, data={**BASE, "disability": said}, headers=FETCH).get_json()
    assert "Universal" not in reply["status"], reply["status"]
    [error] = [e for e in reply["errors"] if e["field"] == "disability"]
    ind = load_catalogue().indicator(iid)
    assert ind.text in error["message"] and Disability(said).label in error["message"], error
    assert "substantial and lifelong disability" in error["message"]
    # decided as if the disability were not answered: the rules' own level for that case
    case = Case.parse({"child": {"age_years": 12}, "indicators": [iid], "context": {"caller": "professional", "caf": "none"}})
    expected = evaluate(case, office_hours=ALWAYS_OPEN)
    assert LEVELS.index(expected.level) >= LEVELS.index(ind.level)
    assert reply["put_through_now"] == (expected.level is Level.PROTECTION)
    page = client.get(URL)
    words = text(page)
    assert "Decided without the disability answer" in words
    assert f"- {ind.text}" in page.get_data(as_text=True)  # the summary to copy lists the need, not "none chosen"
    assert 'id="disability-error"' in page.get_data(as_text=True)  # beside the question, as GOV.UK asks


def _state(**changes) -> dict:
    return {**session_state.Call().model_dump(), "caller": "professional", **changes}


def _floored() -> tuple[str, int]:
    """A need (not on the p9 page) whose words mean nothing below an age, and an age below it."""
    catalogue = load_catalogue()
    for ind in catalogue.indicators:
        floor = catalogue.floor(ind)
        if not ind.immediate and not ind.age_band and floor is not None and floor.min_months >= 24:
            return ind.id, floor.min_months - 12
    raise AssertionError("no need with a meaningful-age floor of 2 years or more")


FLOORED, BELOW = _floored()

# every refusal pathway.checks makes (age band, meaningful-age floor, the pathway's ages, the age
# itself, the answers for a child only, the two contradictions), as the screen's state can hold it:
# (kind, state changes, the question it must be named beside). The parent's age is not asked on the
# screen, and the screen's form refuses an unknown indicator before it is saved (test_adviser).
KINDS = [
    ("band", {"immediate": ["immediate.unexplained_bruising_under_2"], "age_years": "8"}, "immediate"),
    ("floor", {"concerns": [FLOORED], "age_years": str(BELOW // 12)}, "age_years"),
    ("scope", {"concerns": ["extensive.pregnant_care_leavers", "additional.low_self_esteem"], "age_years": "21"}, "age_years"),
    ("scope_immediate", {"concerns": ["extensive.pregnant_care_leavers"], "immediate": ["immediate.significant_harm"], "age_years": "21"}, "immediate"),
    # a p9 box at 20: decided as the API decides it (rules.refusals, left14), the box kept and the age left out,
    # so the box is named beside the p9 questions with why the age does not fit it, as at 21 above
    ("age", {"immediate": ["immediate.significant_harm"], "age_years": "20"}, "immediate"),
    ("age_alone", {"concerns": [], "age_years": "22"}, "age_years"),
    ("child_only", {"concerns": ["extensive.pregnant_care_leavers"], "age_years": "21", "caf": "open_not_improving"}, "caf"),
    ("open_case", {"concerns": ["additional.low_self_esteem"], "age_years": "8", "current_level": "child_in_need", "social_care": "no"}, "social_care"),
    (
        "disability",
        {"concerns": ["protection.substantial_lifelong_disability_safeguarding"], "age_years": "8", "disability": "mild_moderate"},
        "disability",
    ),
]


@pytest.mark.parametrize("kind,changes,question", KINDS, ids=[k for k, _, _ in KINDS])
def test_every_refusal_the_rules_make_is_named_and_decided_no_lower(app, kind, changes, question):
    state = _state(**changes)
    chosen = state["immediate"] + state["concerns"]
    catalogue = load_catalogue()
    # the rules do refuse the screen's answers as given (else this walk proves nothing)
    child = {"age_years": int(state["age_years"])}
    with app.test_request_context():
        with pytest.raises(CaseError):
            evaluate(call._case(chosen, child, state, call.now()), office_hours=ALWAYS_OPEN)
        s = call.screen(state)
    assert question in [f for f, _ in s.errors], (kind, s.errors)
    if chosen:
        assert LEVELS.index(s.decision.level) >= max(LEVELS.index(catalogue.indicator(i).level) for i in chosen), (kind, s.decision.level)
        assert s.without, kind  # the status says what it decided without
        if any(catalogue.indicator(i).immediate for i in chosen):
            assert s.put_through_now, kind
