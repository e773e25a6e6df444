"""Saving from the result page under a case reference, and the case reference's checks."""

from __future__ import annotations

import pytest

from store import audit
from store.assessments import history
from tests.webapp.accounts.conftest import ADDITIONAL, EXTENSIVE, reach_result, refused_save, save, sign_in
from tests.webapp.conftest import CHILD, post_drawn, text, walk_needs

CHILD_ANSWERS = {**CHILD, "age_years": "9", "age_months": "0"}


def test_result_page_offers_saving(client):
    r = reach_result(client)
    assert 'href="/save"' in r.get_data(as_text=True) and "Save this assessment" in text(r)


def test_signed_out_save_signs_in_first_then_comes_back_with_the_answers(client, people, engine):
    reach_result(client, ADDITIONAL)
    r = client.get("/save")
    assert r.status_code == 302 and r.headers["Location"] == "/sign-in"  # nothing about the child in the URL
    assert "Sign in to save this assessment" in text(client.get("/sign-in"))
    r = sign_in(client, "pat")
    assert r.headers["Location"] == "/save"
    page = client.get("/save")
    words = text(page)
    assert "Do not use the child's or anyone's name, date of birth or address" in words
    assert "Additional" in words
    r = post_drawn(client, "/save", {"case_ref": "fsp-0012"})
    assert r.status_code == 302 and r.headers["Location"].startswith("/cases/FSP-0012")
    case = client.get(r.headers["Location"])
    assert "Assessment saved under FSP-0012" in text(case)
    [entry] = history(engine, people["pat"], "FSP-0012")
    assert entry.level == "additional" and entry.ruleset.startswith("fsp-2014")
    assert entry.case["indicators"] == ["additional.dental_decay_not_accessing"]
    assert entry.decision["level"] == "additional"


def test_save_without_a_result_goes_to_the_start(client, people):
    sign_in(client, "pat")
    assert client.get("/save").headers["Location"] == "/"


@pytest.mark.parametrize(
    "ref, message",
    [
        ("", "Enter a case reference"),
        ("Jane Smith", "Case reference must not contain spaces"),
        ("JSmith1", "no more than 3 letters in a row"),
        ("05-03-2014", "looks like a date"),
        ("050314", "Case reference looks like a date"),  # ddmmyy (review 17 surfaces, S1)
        ("CH-050314", "type it with a hyphen after its third digit"),
        ("NG1-5FS", "looks like a postcode"),
        ("jane@example.org", "must not contain '@'"),
        ("ABC", "must contain a digit"),
    ],
)
def test_case_reference_errors_are_named_in_the_error_summary(client, people, ref, message):
    sign_in(client, "pat")
    r = refused_save(client, ref)
    body = r.get_data(as_text=True)
    assert r.status_code == 200
    assert "There is a problem" in text(r) and message in text(r)
    assert 'href="#case_ref"' in body  # the summary links to the field
    assert "govuk-error-message" in body  # and the field shows it inline
    assert "<title>Error: Save this assessment" in body


def test_a_reference_saved_before_the_six_digit_rule_still_opens_lists_and_exports(client, people, engine, monkeypatch):
    """Review 17 surfaces, S1: only new input is checked. An entry saved under 050314 when it was
    accepted keeps its page, its place on the list and both exports; saving under it again is refused."""
    from store import assessments
    from webapp.cases import forms

    sign_in(client, "pat")
    with monkeypatch.context() as m:
        for module in (assessments, forms):  # the page's check and the store's, as they were
            m.setattr(module, "validate_case_ref", lambda value: value.upper())
        assert save(client, "050314").headers["Location"].startswith("/cases/050314")
    assert "050314" in text(client.get("/cases"))
    page = client.get("/cases/050314")
    assert page.status_code == 200 and "Additional" in text(page)
    assert client.get("/cases/050314/export.json").get_json()["case_ref"] == "050314"
    csv_body = client.get("/cases/050314/export.csv")
    assert csv_body.status_code == 200 and "case-050314.csv" in csv_body.headers["Content-Disposition"]
    assert len(csv_body.get_data(as_text=True).strip().splitlines()) == 2  # the header and the one entry
    assert "looks like a date" in text(refused_save(client, "050314"))
    assert len(history(engine, people["pat"], "050314")) == 1


def test_case_reference_is_escaped_when_shown_back(client, people):
    sign_in(client, "pat")
    r = refused_save(client, "<b>x1</b>")
    assert "<b>x1</b>" not in r.get_data(as_text=True)
    assert "&lt;b&gt;x1&lt;/b&gt;" in r.get_data(as_text=True)


def test_admin_cannot_save(client, people):
    sign_in(client, "ada")
    reach_result(client)
    assert client.get("/save").status_code == 403


def test_saving_again_adds_to_the_history(client, people, engine):
    sign_in(client, "pat")
    save(client, "FSP-0001")
    save(client, "FSP-0001", EXTENSIVE)
    words = text(client.get("/cases"))
    assert "FSP-0001" in words and "2" in words
    assert [e.action for e in audit.entries(engine, action="assessment.save")] == ["assessment.save"] * 2


def test_a_ring_now_result_can_be_saved(client, people, engine):
    sign_in(client, "pat")
    client.post("/safety", data={"immediate": ["immediate.significant_harm"]})
    assert "Save this assessment" in text(client.get("/result"))
    r = post_drawn(client, "/save", {"case_ref": "FSP-0099"})
    assert r.status_code == 302
    [entry] = history(engine, people["pat"], "FSP-0099")
    assert entry.level == "protection" and entry.decision["immediate"] is True


# Review 7 (surfaces), F1: saving a COMPLETED ring-now journey stored only the safety page's answers,
# so a disabled child's or an open child's saved entry rang Children and Families Direct where the
# result page had rung the Disabled Children's Team or the allocated social worker (Appendix 3, p37).
RING_NOW_TICK = "immediate.allegation_or_disclosure"
WITH_DETAILS = [
    # the child's details that change whom to ring (Appendix 3, p37), and a need ticked as well
    pytest.param({"disability": "substantial_lifelong", "large_sibling_group": "no"}, "Disabled Children's Team", id="disabled"),
    pytest.param({"open_to_social_care": "yes"}, "Allocated social worker", id="open-case"),
]


def _ring_now_heading(response) -> str:
    """The page's "Ring ... now" heading (the result page's h1; a saved entry's h2, whom to ring at this moment if
    the referral has not been made, review 16 surfaces N1: these tests open the entry at the moment it was saved)."""
    import re
    from html import unescape

    found = re.search(r'<h[12] class="govuk-heading-l[^"]*">(Ring .+? now)[^<]*</h[12]>', response.get_data(as_text=True))
    assert found, text(response)[:400]
    return " ".join(unescape(found.group(1)).split())


@pytest.mark.parametrize("details, first_contact", WITH_DETAILS)
def test_a_completed_ring_now_journey_is_saved_whole_and_reopens_as_shown(client, people, engine, clock, details, first_contact):
    """The oracle: rules.evaluate on the case the journey's answers make (everything answered), and
    the result page itself. The saved case holds the age, the child's details and the other need;
    the saved entry rings whom the result page rang; "assess again" gives the same result back.
    The clock stands on a weekday morning: out of hours the first contact is the Emergency Duty
    Team for every child (p23), which is tested elsewhere."""
    from datetime import datetime

    from pathway.models import Case
    from rules import evaluate
    from tests.conftest import IN_HOURS

    clock.set(datetime.fromisoformat(IN_HOURS))
    sign_in(client, "pat")
    client.post("/safety", data={"immediate": [RING_NOW_TICK]})
    child = {**CHILD_ANSWERS, **details}
    assert client.post("/child", data=child).status_code == 302
    walk_needs(client, {"health": ["additional.dental_decay_not_accessing"]})
    result = client.get("/result")
    shown = _ring_now_heading((result))
    expected = evaluate(
        Case.parse(
            {
                "child": {"age_years": 9, "age_months": 0},
                "indicators": [RING_NOW_TICK, "additional.dental_decay_not_accessing"],
                "context": {
                    "caller": "professional",
                    "contact_time": IN_HOURS,
                    "disability": child["disability"],
                    "caf": "none",
                    "consent_to_early_help": True,
                    **({"large_sibling_group": False} if details.get("large_sibling_group") else {}),
                    **({"open_to_social_care": True} if details.get("open_to_social_care") else {}),
                },
            }
        )
    )
    assert expected.contacts[0].name.startswith(first_contact)  # the oracle's own first contact
    assert first_contact.lower() in shown.lower()
    assert post_drawn(client, "/save", {"case_ref": "FSP-0101"}).status_code == 302
    [entry] = history(engine, people["pat"], "FSP-0101")
    assert entry.case["child"]["age_years"] == 9
    assert sorted(entry.case["indicators"]) == sorted([RING_NOW_TICK, "additional.dental_decay_not_accessing"])
    assert entry.case["context"]["disability"] == child["disability"]
    assert entry.decision["contacts"][0]["name"] == expected.contacts[0].name
    reopened = _ring_now_heading((client.get(f"/cases/FSP-0101/entries/{entry.id}")))
    assert reopened == shown
    assert client.post(f"/cases/FSP-0101/entries/{entry.id}/assess-again").status_code == 302
    assert _ring_now_heading((client.get("/result"))) == shown


def test_a_ring_now_result_saved_before_the_details_keeps_what_was_asked(client, people, engine):
    """Saving from the ring-now page before the child's details still works: the case is the
    safety page's answers (nothing else was asked) and the entry rings whom that page rang."""
    sign_in(client, "pat")
    client.post("/safety", data={"immediate": [RING_NOW_TICK, "immediate.significant_harm"]})
    shown = _ring_now_heading((client.get("/result")))
    assert post_drawn(client, "/save", {"case_ref": "FSP-0102"}).status_code == 302
    [entry] = history(engine, people["pat"], "FSP-0102")
    assert sorted(entry.case["indicators"]) == sorted([RING_NOW_TICK, "immediate.significant_harm"])
    assert entry.case["child"]["age_years"] is None and entry.case["context"]["disability"] is None
    assert _ring_now_heading((client.get(f"/cases/FSP-0102/entries/{entry.id}"))) == shown


def test_a_journey_with_the_details_but_not_every_needs_page_saves_what_the_result_page_shows(client, people, engine):
    """Part-way through the needs pages the result page shows the ring-now case (the answers are
    not complete): the save stores that same case, never a different one."""
    sign_in(client, "pat")
    client.post("/safety", data={"immediate": [RING_NOW_TICK]})
    client.post("/child", data={**CHILD_ANSWERS, "disability": "substantial_lifelong", "large_sibling_group": "no"})
    shown = _ring_now_heading((client.get("/result")))
    assert post_drawn(client, "/save", {"case_ref": "FSP-0103"}).status_code == 302
    [entry] = history(engine, people["pat"], "FSP-0103")
    assert _ring_now_heading((client.get(f"/cases/FSP-0103/entries/{entry.id}"))) == shown
