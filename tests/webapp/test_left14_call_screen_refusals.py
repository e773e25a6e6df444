"""left14, item 1: the call screen decides a refused case through the one reading below every surface
(rules.refusals.decide_despite_refusals), as the API, the command line and the journey do.

Before, the screen applied its own reading: a p9 box for an unborn baby beside one for a born child (both
ticked, at ages unborn, 0, none and 3) rang the right contact but said "Decided without every answer but
the immediate concerns", where the API names the one box it decided without.

The walk: every p9 criterion with an age band (the catalogue's four, listed here by hand from p9: bruising
under 2, substance misuse under 1, the unborn baby, home alone at 5 and under), alone and beside another
p9 criterion, at several ages (unborn, none given, 0, 3, 9), in office hours and on a bank-holiday night.
For the same answers the call screen's level, whom it says to ring and what it says it decided without
equal the API's. Whom to ring is p23 and p4's, copied by hand: Children and Families Direct 0115 876 4800
in office hours, the Emergency Duty Team 0115 876 1000 out of hours (a bank holiday included).
"""

from __future__ import annotations

import re
from html import unescape

import pytest

from pathway.catalogue import load_catalogue
from pathway.settings import OfficeHours
from webapp import create_app, session_state
from webapp.adviser import call

URL = "/adviser/"
FETCH = {"X-Requested-With": "fetch"}
IN_HOURS = "2027-01-12T10:00:00+00:00"  # a Tuesday morning
BANK_HOLIDAY_NIGHT = "2026-12-28T22:00:00+00:00"  # the Boxing Day substitute, at night
RING = {IN_HOURS: ("Children and Families Direct", "0115 876 4800"), BANK_HOLIDAY_NIGHT: ("Emergency Duty Team", "0115 876 1000")}

# p9's criteria that carry an age (hand-written from p9), in the page's order
BANDED = [
    "immediate.unexplained_bruising_under_2",
    "immediate.substance_use_under_1",
    "immediate.unborn_significant_harm",
    "immediate.home_alone_5_and_under",
]
UNBANDED = "immediate.allegation_or_disclosure"
UNBORN_BOX, BRUISING = "immediate.unborn_significant_harm", "immediate.unexplained_bruising_under_2"
# the screen's age fields -> the child the API is given for the same answers (Age.child: years alone, no months)
AGES = {
    "unborn": ({"unborn": "yes"}, {"unborn": True}),
    "none": ({}, {}),
    "0": ({"age_years": "0"}, {"age_years": 0}),
    "3": ({"age_years": "3"}, {"age_years": 3}),
    "9": ({"age_years": "9"}, {"age_years": 9}),
}
# what a field the API decided without is called on the screen (the screen's words, written by hand)
NOT_THIS_AGE = "(does not fit the age given)"


def _order(ids: list[str]) -> list[str]:
    """The boxes in the page's order, as a browser posts them."""
    order = [i.id for i in load_catalogue().indicators]
    return sorted(ids, key=order.index)


COMBOS = [[i] for i in BANDED] + [_order([a, b]) for n, a in enumerate(BANDED) for b in BANDED[n + 1 :]] + [_order([i, UNBANDED]) for i in BANDED]


def test_the_banded_p9_criteria_are_the_catalogues():
    catalogue = load_catalogue()
    assert [i.id for i in catalogue.indicators if i.immediate and i.age_band] == BANDED


@pytest.fixture
def app(tmp_path, clock):
    return create_app(
        {
            "TESTING": True,
            "WTF_CSRF_ENABLED": False,
            "SECRET_KEY": "test",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'web.sqlite3'}",
            "OFFICE_HOURS": OfficeHours(),
        }
    )


def _words(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def _expected_without(given: list[str], decided_without: list[dict], age: str) -> list[str]:
    """What the screen must say it decided without, for each field the API names."""
    catalogue = load_catalogue()
    said: list[str] = []
    for error in decided_without:
        at = re.fullmatch(r"indicators\[(\d+)\]", error["field"])
        word = (
            f"‘{catalogue.indicator(given[int(at.group(1))]).text}’ {NOT_THIS_AGE}" if at else "the child's age" + (" (none entered)" if age == "none" else "")
        )
        assert at or error["field"].startswith("child."), error
        if word not in said:
            said.append(word)
    return said


@pytest.mark.parametrize("moment", [IN_HOURS, BANK_HOLIDAY_NIGHT], ids=["in-hours", "bank-holiday-night"])
@pytest.mark.parametrize("age", sorted(AGES))
@pytest.mark.parametrize("boxes", COMBOS, ids=lambda c: "+".join(i.split(".")[1] for i in c))
def test_the_call_screen_decides_as_the_api_does(app, clock, boxes, age, moment):
    from datetime import datetime

    clock.set(datetime.fromisoformat(moment))
    client = app.test_client()
    fields, child = AGES[age]
    raw = {"child": child, "indicators": boxes, "context": {"caller": "professional", "contact_time": moment}}
    r = client.post("/api/v1/assess", json=raw)
    assert r.status_code == 200, r.get_json()
    api = r.get_json()
    # the document's own answer, whatever the surface: a p9 box ticked rings now, whom p23 and p4 say
    assert api["immediate"] is True and api["level"] == "protection"
    assert (api["contacts"][0]["name"], api["contacts"][0]["phone"]) == RING[moment]

    reply = client.post(URL, data={"caller": "professional", "immediate": boxes, **fields}, headers=FETCH).get_json()
    with client.session_transaction() as session:
        state = session_state.Call.model_validate(session["adviser_call"]).model_dump()
    with app.test_request_context():
        s = call.screen(state)
    assert s.decision.level.value == api["level"] and s.decision.immediate is api["immediate"]
    assert [(c.name, c.phone) for c in s.decision.contacts] == [(c["name"], c["phone"]) for c in api["contacts"]]
    assert [e.field for e in s.decision.decided_without] == [e["field"] for e in api["decided_without"]]
    expected = _expected_without(boxes, api["decided_without"], age)
    assert s.without == expected, (s.without, api["decided_without"])
    # the adviser is told the same, with the level, on the status line and in the summary to copy
    assert reply["put_through_now"] is True and RING[moment][1] in _words(reply["parts"]["put_through"])
    for word in expected:
        assert word in reply["status"] and word in s.summary, (word, reply["status"])
    if not expected:
        assert "Decided without" not in reply["status"] and not s.errors


@pytest.mark.parametrize("age", ["unborn", "none", "0", "3"])
def test_the_unborn_baby_beside_a_born_child_names_the_box_left_out(app, clock, age):
    """The brief's case through the page: both boxes ticked; the box the age does not bear out is named,
    beside the p9 questions and in what the screen decided without; never every answer but the p9 boxes."""
    from datetime import datetime

    clock.set(datetime.fromisoformat(BANK_HOLIDAY_NIGHT))
    client = app.test_client()
    fields, _ = AGES[age]
    reply = client.post(URL, data={"caller": "professional", "immediate": _order([UNBORN_BOX, BRUISING]), **fields}, headers=FETCH).get_json()
    assert "every answer but the immediate concerns" not in reply["status"]
    assert reply["status"].startswith("Put the call through now") and "Emergency Duty Team" in _words(reply["parts"]["put_through"])
    catalogue = load_catalogue()
    # unborn: the bruising box is left out; no age, 0 and 3: the unborn baby's box (at 3 the age too)
    left_out = BRUISING if age == "unborn" else UNBORN_BOX
    named = f"‘{catalogue.indicator(left_out).text}’ {NOT_THIS_AGE}"
    assert named in reply["status"], reply["status"]
    assert any(e["field"] == "immediate" and catalogue.indicator(left_out).text in e["message"] for e in reply["errors"]), reply["errors"]
    assert ("the child's age" in reply["status"]) is (age == "3"), reply["status"]


def test_a_context_answer_decided_without_is_named_beside_its_question_not_as_the_age(app):
    """mut15 (`call._decided_without` 19-21: its context branch never taken, or a refusal of None). The screen takes
    out the three context answers the rules refuse today before it decides (the open-to-social-care contradiction,
    a child-only answer past 18, a disability clash), so this branch is the guard for any other: given the rules'
    own decision of a refused context answer beside a p9 box (supported at Child in Need now yet said not open to
    social care, review 6 F4), it names the refusal beside that question and never as the child's age (9, which
    fits the box)."""
    from pathway.models import Case
    from rules.refusals import decide_despite_refusals
    from webapp.adviser import forms

    context = {"caller": "professional", "contact_time": IN_HOURS, "current_level": "child_in_need", "open_to_social_care": False}
    given = Case.parse({"child": {"age_years": 9}, "indicators": [UNBANDED], "context": context})
    decided, decision = decide_despite_refusals(given, office_hours=OfficeHours())
    assert decision.immediate is True and [e.field for e in decision.decided_without] == ["context.open_to_social_care"]
    with app.test_request_context():
        errors, questions, said = call._decided_without(given, decided, decision, forms.age("9", "", ""))
    assert questions == {"social_care"} and said == []
    assert len(errors) == 1 and errors[0][0] == "social_care" and "Open to social care" in errors[0][1], errors


@pytest.mark.parametrize("age", ["3", "9"])
def test_a_p9_box_that_fits_the_age_is_never_said_not_to_fit_it(app, clock, age):
    """mut15 (`call._decided_without` 28, `or` for `and`: every p9 box kept was named as not fitting the age): the
    bruising box (under 2, p9) at 3 or 9 is kept and the age decided without; the allegation box beside it has no
    age band and fits any age, so it is never named as not fitting."""
    from datetime import datetime

    clock.set(datetime.fromisoformat(IN_HOURS))
    client = app.test_client()
    client.post(URL, data={"caller": "professional", "immediate": _order([BRUISING, UNBANDED]), **AGES[age][0]}, headers=FETCH)
    with client.session_transaction() as session:
        state = session_state.Call.model_validate(session["adviser_call"]).model_dump()
    with app.test_request_context():
        s = call.screen(state)
    catalogue = load_catalogue()
    misfits = [words for _, words in s.errors if "does not fit the child's age" in words]
    assert any(catalogue.indicator(BRUISING).text in w for w in misfits), s.errors
    assert not any(catalogue.indicator(UNBANDED).text in w for w in misfits), s.errors
    # and says whom the box is for, p9's "Under two years old" (mut15: `_misfit` 4, 5, 8, 9, 12, 14 lost or changed it)
    assert any(w.endswith("(it is for: under 2 years old): check the child's age") for w in misfits), misfits
