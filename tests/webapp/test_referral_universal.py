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
    # its own section after a blank line, cited and marked as this tool's reading (the catalogue declares it one; mut15:
    # as_text 33, 36, 37, the blank line, the source or the mark dropped, went unnoticed)
    nr = load_catalogue().in_writing.no_referral
    assert nr.interpretation is True
    assert f"\n\nNO REFERRAL\n{nr.text.format(**load_catalogue().timescales.words())} ({nr.source.cite()}; this tool's reading of the document)\n" in got


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
    assert "Referral summary" in words and "No referral is made" not in words
    # Appendix 3's written confirmation is a social-care referral's (p37): not an Additional decision's (left9)
    assert ("Confirm the referral in writing" in words) is (indicators[0] != DENTAL)


def test_the_no_referral_routes_are_universal_only():
    """Only the Universal route makes no referral; every other route (an open child's included) is one."""
    assert load_catalogue().in_writing.no_referral.routes == ["universal"]


def test_a_no_referral_route_that_is_not_a_route_is_refused():
    from pathway import yaml_load
    from pathway.catalogue import DATA_FILE, Catalogue

    data = yaml_load.load(DATA_FILE.read_text(encoding="utf-8"))
    data["in_writing"]["no_referral"]["routes"] = ["nowhere"]
    with pytest.raises(ValueError, match="in_writing.no_referral.routes: unknown route 'nowhere'"):
        Catalogue.model_validate(data)


# Review 8 recheck R1: "no referral" is decided by the decision, not by its level. A child open to
# Children's Social Care (open_to_social_care true, or supported at Child in Need or Protection now, said
# or assumed) at Universal has a referral to make, to the allocated social worker or through Children and
# Families Direct (Appendix 3, p37; p4): its written page is a referral summary like any open child's.
SOCIAL_CARE_LEVELS = {"child_in_need", "protection"}
CURRENT_LEVELS = [None, "universal", "additional", "extensive", "child_in_need", "protection"]


def _universal_cases():
    for level in CURRENT_LEVELS:
        for open_ in (None, True, False):
            if open_ is False and level in SOCIAL_CARE_LEVELS:
                continue  # refused as a contradiction (context.open_to_social_care)
            for caller in ("professional", "public"):
                context = {"caller": caller, "contact_time": TUESDAY}
                if level:
                    context["current_level"] = level
                if open_ is not None:
                    context["open_to_social_care"] = open_
                yield pytest.param(context, open_ is True or level in SOCIAL_CARE_LEVELS, id=f"{level}-{open_}-{caller}")


@pytest.mark.parametrize(("context", "open_child"), list(_universal_cases()))
def test_at_universal_an_open_child_has_a_referral_on_every_surface(app, context, open_child):
    from flask import render_template

    case = Case.parse({"child": {"age_years": 8}, "context": context, "indicators": [PHYSICALLY_WELL]})
    decision = evaluate(case)
    assert decision.level.value == "universal"
    # the decision itself: an open child's route is a referral (the oracle is the answers, not the route)
    r = referral.build(case, decision, "8 years", [], "", datetime(2026, 11, 24, 10, 30))
    got = referral.as_text(r)
    with app.test_request_context("/referral.pdf"):
        pdf = " ".join(re.sub(r"<[^>]+>", " ", render_template("journey/referral_pdf.html", r=r, blanks=referral.BLANKS, plain=True)).split())
    if open_child:
        assert r.no_referral is None
        assert got.startswith("REFERRAL SUMMARY") and "NO REFERRAL" not in got
        assert "No referral is made" not in pdf and "Assessment summary" not in pdf
    else:
        assert r.no_referral is not None
        assert got.startswith("ASSESSMENT SUMMARY") and "No referral is made" in pdf


@pytest.mark.parametrize("current_level", ["child_in_need", "protection"])
def test_the_journey_for_an_open_child_at_universal_writes_a_referral(client, current_level):
    """The recheck's own case: the result page and the written page agree that a referral is made."""
    client.post("/safety", data={"immediate": "none"})
    assert client.post("/child", data={**CHILD, "current_level": current_level}).status_code == 302
    walk_needs(client, {"health": [PHYSICALLY_WELL]})
    result = text(client.get("/result"))
    assert "allocated social worker" in result
    assert "Write the referral" in result and "Write the assessment summary" not in result
    words = text(client.get("/referral"))
    assert "Referral summary" in words and "No referral is made" not in words
