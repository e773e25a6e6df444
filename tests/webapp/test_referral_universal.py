"""The written-referral page for a Universal decision. At Universal the document makes no referral:
the needs can be met within universal services, open to all with no threshold (p4, p11-12); the
written confirmation within 24 hours is for a referral into Social Care (Appendix 3, p37); the
Family Information Service informs parents and carers about services in their area (p23, p25). So
the page is an assessment summary that says no referral is made and where to find services, and
never names a team as the one the written referral goes to. The oracle for what the document says
is its own text (tests/data/threshold_document.txt)."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from pathway.catalogue import load_catalogue
from pathway.models import Case
from rules import evaluate
from tests.webapp.conftest import CHILD, text, walk_needs
from webapp.journey import referral

DOCUMENT = (Path(__file__).resolve().parents[1] / "data" / "threshold_document.txt").read_text()
TUESDAY = "2026-11-24T10:30:00+00:00"
PHYSICALLY_WELL = "universal.physically_well"
DENTAL = "additional.dental_decay_not_accessing"
# what a referral page says and a Universal one must not: a team to send it to, Appendix 3's timescales
REFERRAL_WORDS = ("send the written referral to", "Confirm the referral in writing", "decides and records next steps", "Referral summary")


def _reach(client, ticks):
    client.post("/safety", data={"immediate": "none"})
    assert client.post("/child", data=CHILD).status_code == 302
    walk_needs(client, ticks)


def _case(indicators) -> Case:
    return Case.parse({"child": {"age_years": 8}, "context": {"caller": "professional", "contact_time": TUESDAY}, "indicators": indicators})


def test_the_document_makes_no_referral_at_universal():
    """What the words rest on, in the document's own text."""
    assert "universally accessible to all children and young people (i.e. there is no threshold)" in DOCUMENT  # p4
    assert "No threshold\tUniversal" in DOCUMENT  # p4's table
    assert "When a referral is made to Social Care by a professional, the referrer should confirm this in writing within 24 hours" in DOCUMENT
    assert re.search(r"Family Information Service\s+Provides information and support to parents", DOCUMENT)  # p23


def test_a_universal_decision_gives_a_summary_that_makes_no_referral(client):
    _reach(client, {"health": [PHYSICALLY_WELL]})
    result = client.get("/result")
    assert "Write the assessment summary" in text(result) and "Write the referral" not in text(result)
    page = client.get("/referral")
    words = text(page)
    no_referral = load_catalogue().in_writing.no_referral
    assert re.search(r"<h1[^>]*>\s*Assessment summary\s*</h1>", page.get_data(as_text=True))
    assert no_referral.text.format(**load_catalogue().timescales.words()) in words
    for said in REFERRAL_WORDS:
        assert said not in words, said
    # cited: each page it names opens the document there
    html = page.get_data(as_text=True)
    for p in (4, 11, 23, 25, 37):
        assert f'href="/document#page-{p}"' in html, p
    assert "Family Information Service" in words  # where to find services, from Key contacts


def test_the_plain_text_of_a_universal_summary_makes_no_referral():
    case = _case([PHYSICALLY_WELL])
    decision = evaluate(case)
    assert decision.level.value == "universal"
    got = referral.as_text(referral.build(case, decision, "8 years", ["Keep going"], "", datetime(2026, 11, 24, 10, 30)))
    assert got.startswith("ASSESSMENT SUMMARY (Family Support Pathway): no referral\n")
    assert "NO REFERRAL\n" + load_catalogue().in_writing.no_referral.text.format(**load_catalogue().timescales.words()) in got
    assert "REFERRAL SUMMARY" not in got and "send the written referral" not in got


def test_the_pdf_of_a_universal_summary_makes_no_referral(app):
    from flask import render_template

    case = _case([PHYSICALLY_WELL])
    r = referral.build(case, evaluate(case), "8 years", [], "", datetime(2026, 11, 24, 10, 30))
    with app.test_request_context("/referral.pdf"):
        html = render_template("journey/referral_pdf.html", r=r, blanks=referral.BLANKS, plain=True)
    words = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "<h1>Assessment summary</h1>" in html and "No referral is made" in words
    for said in REFERRAL_WORDS:
        assert said not in words, said


@pytest.mark.parametrize("indicators", [[DENTAL], ["immediate.significant_harm"]])
def test_a_decision_above_universal_is_still_a_referral(client, indicators):
    if indicators[0].startswith("immediate"):
        client.post("/safety", data={"immediate": indicators})
    else:
        _reach(client, {"health": indicators})
    words = text(client.get("/referral"))
    assert "Referral summary" in words and "Confirm the referral in writing" in words and "No referral is made" not in words


def test_the_no_referral_levels_are_levels_and_universal_only():
    assert load_catalogue().in_writing.no_referral.levels == ["universal"]
