"""Review 14 (rules), K4, on the written referral: for an unborn baby at Protection the page and its PDF gave the
Children's Assessment's 10 and 45 working days, as the decision's guidance did. p37 gives those where it describes
the assessment that determines whether a child is a Child in Need; for a pre-birth assessment its initial planning
meeting identifies the timescales. Oracle: p37's words, written here. A child born at Protection keeps them."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from flask import render_template

from rules import evaluate
from tests.conftest import make_case
from webapp.journey import referral

P37_MEETING = "This meeting should allocate key tasks, record risks, identify the timescales and review the process."


def _pdf_words(app, case) -> str:
    r = referral.build(case, evaluate(case), "unborn", [], "", datetime(2026, 11, 24, 10, 30))
    with app.test_request_context("/referral.pdf"):
        html = render_template("journey/referral_pdf.html", r=r, blanks=referral.BLANKS, plain=True)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize("indicators", [["immediate.unborn_significant_harm"], ["protection.chronic_substance_misuse"]])
def test_an_unborn_babys_referral_gives_the_planning_meetings_timescales(app, indicators):
    words = _pdf_words(app, make_case(indicators, unborn=True, caller="professional"))
    assert "10 working days" not in words and "45 working days" not in words
    assert "initial planning meeting, which identifies its timescales" in words
    assert "within one working day" in words  # next steps, p37, for every referral into Social Care


def test_a_born_childs_referral_keeps_the_childrens_assessment_timescales(app):
    words = _pdf_words(app, make_case(["protection.chronic_substance_misuse"], age_years=4, caller="professional"))
    assert "10 working days" in words and "45 working days" in words
    assert "initial planning meeting" not in words


def test_the_oracle_is_the_documents_words():
    from pathlib import Path

    document = " ".join((Path(__file__).resolve().parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())
    assert P37_MEETING in document
