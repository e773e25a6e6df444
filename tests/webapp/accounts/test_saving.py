"""Saving from the result page under a case reference, and the case reference's checks."""

from __future__ import annotations

import pytest

from store import audit
from store.assessments import history
from tests.webapp.accounts.conftest import ADDITIONAL, EXTENSIVE, reach_result, refused_save, save, sign_in
from tests.webapp.conftest import text


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
    r = client.post("/save", data={"case_ref": "fsp-0012"})
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
    r = client.post("/save", data={"case_ref": "FSP-0099"})
    assert r.status_code == 302
    [entry] = history(engine, people["pat"], "FSP-0099")
    assert entry.level == "protection" and entry.decision["immediate"] is True
