"""The call screen says that a refusal of the CAF or early help is asked by the consent answer (review 15 L3;
search15b).

p7: "In circumstances where parents/children do not consent to Early Help, the lead professional should make a
judgement (with advice from their line manager) as to whether, without help, the needs of the child will
escalate." The search no longer leads such a call with p17's refusal rows (tests/pathway/test_search_search15b.py),
and the screen says, as this tool's reading, that the consent answer asks it. Oracle: p7's words and the consent
question's own words, written here."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from tests.webapp.conftest import text

NOTE = load_catalogue().surfaces.refused_early_help_search
IN_CARE = load_catalogue().surfaces.child_in_care_search
P7 = "the lead professional should make a judgement (with advice from their line manager) as to whether, without help, the needs of the child will escalate"
REFUSES = {"protection.family_refuses_appropriate_services", "protection.parents_carers_do_not"}


def test_the_note_is_a_declared_reading_citing_p7():
    assert NOTE.interpretation and NOTE.why and NOTE.source.page == "7"
    assert "This tool's reading" in NOTE.text and P7 in NOTE.text
    assert "‘Do the parents or carers agree to early help?’" in NOTE.text  # the call screen's own question


def test_the_consent_question_is_on_the_call_screen(client):
    assert "Do the parents or carers agree to early help?" in text(client.get("/adviser/"))


@pytest.mark.parametrize("q", ["the parents said no to a CAF", "mum won't give consent for early help", "early help was declined by dad"])
def test_the_screen_says_it_without_javascript(client, q):
    client.post("/adviser/", data={"q": q, "action": "search", "age_years": "9"})
    assert NOTE.text in text(client.get("/adviser/"))


def test_the_live_search_says_it_and_does_not_preselect_p17(client):
    answer = client.post("/adviser/search", data={"q": "the parents said no to a CAF", "age_years": "9"}).json
    assert answer["note"] == NOTE.text
    assert [h["id"] for h in answer["hits"]][:1] != [] and answer["hits"][0]["id"] not in REFUSES


def test_both_notes_where_both_are_said(client):
    answer = client.post("/adviser/search", data={"q": "she is in foster care and the parents refused the CAF", "age_years": "9"}).json
    # the two readings one after the other, nothing else between them (mut16: search_note 7 joined them with other words)
    assert answer["note"] == f"{IN_CARE.text} {NOTE.text}"


@pytest.mark.parametrize("q", ["the CAF is going well", "mum agreed to early help", "he has not been to school, CAF open", "dad refuses all services"])
def test_not_said_for_other_words(client, q):
    assert client.post("/adviser/search", data={"q": q, "age_years": "9"}).json["note"] is None
