"""fix35d (stop 53), review 33 Q10: the written referral (PDF, text) says the decision's pointer to p9's under-1
substance criterion, with whom to ring now, as the decision does (tests/rules/test_fix35d_substance_pointer.py)."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from pathway import load_catalogue
from rules import evaluate
from tests.conftest import make_case
from webapp.journey import referral

NEED = "additional.substance_misuse_impact_ability"
UNDER_1 = "Under 1 year old where the parents/carers have significant substance use issues"
BOXING_DAY_33 = "2033-12-26T12:00:00+00:00"
EDT = load_catalogue().contact("emergency_duty_team")


def _written(months, indicators=(NEED,)):
    case = make_case(list(indicators), age_years=months // 12, age_months=months % 12, caller="professional", contact_time=BOXING_DAY_33)
    return referral.build(case, evaluate(case), "5 months", [], "", datetime(2033, 12, 26, 12, 0))


@pytest.mark.parametrize("months, shown", [(5, True), (11, True), (12, False)])
def test_the_text_says_the_pointer_under_1_only(months, shown):
    got = referral.as_text(_written(months))
    assert ("An immediate referral to consider:" in got) is shown
    assert (UNDER_1 in got and f"{EDT.named_in_a_sentence()} now on {EDT.phone}" in got) is shown


def test_not_said_where_the_p9_criterion_is_chosen():
    r = _written(5, (NEED, "immediate.substance_use_under_1"))
    assert not r.p9_pointers and "An immediate referral to consider" not in referral.as_text(r)


def test_the_pdf_says_it(app):
    from flask import render_template

    r = _written(5)
    with app.test_request_context("/referral.pdf"):
        html = render_template("journey/referral_pdf.html", r=r, blanks=referral.BLANKS, plain=True)
    words = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "An immediate referral to consider" in words and UNDER_1 in words and EDT.phone in words
