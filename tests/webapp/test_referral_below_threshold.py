"""The written page below the social-care threshold (left9, item 1). Appendix 3's timescales (p37) are
for "a referral ... to Social Care": confirmed in writing within 24 hours, acknowledged within one
working day, next steps within one working day, a Children's Assessment within 10 working days. At
Additional or Extensive the document's route is a CAF and an early help offer (p4, p13-16; Appendix 2,
p25), so the written page there (and at Universal for a child already open, whose summary goes to the
case holder) names no social-care referral and none of those timescales; at Child in Need and
Protection it keeps them. The oracle is a table written here (level -> a referral into Social Care or
not) and the document's own words, checked against its text; every level x route x caller x time."""

from __future__ import annotations

import itertools
import re
from datetime import datetime
from html import unescape
from pathlib import Path

import pytest

from pathway.models import Case
from rules import evaluate
from tests.webapp.conftest import CHILD, text, walk_needs
from webapp.journey import referral

DOCUMENT = " ".join((Path(__file__).resolve().parents[1] / "data" / "threshold_document.txt").read_text().split())
TUESDAY = "2026-11-24T10:30:00+00:00"
SATURDAY_NIGHT = "2026-11-28T23:30:00+00:00"
WRITTEN = datetime(2026, 11, 24, 10, 30)

# level -> (needs that reach it, whether its written page is a referral into Social Care): by hand
LEVELS = {
    "universal": (["universal.physically_well"], False),
    "additional": (["additional.dental_decay_not_accessing"], False),
    "extensive": (["extensive.suspected_domestic_violence"], False),
    "child_in_need": ([], True),  # p4's test, answered in the context below
    "protection": (["protection.persistent_domestic_abuse"], True),
}
# what a referral into Social Care says (Appendix 3, p37), as the page words it: the written confirmation and its
# acknowledgement are a professional's ("When a referral is made to Social Care by a professional", p37; review 10
# surfaces W6), so said to a professional or a caller not said only (fix22e: the page said them to a parent too)
IN_WRITING_WORDS = ("Confirm the referral in writing", "Social Care should acknowledge")
SOCIAL_CARE_WORDS = (*IN_WRITING_WORDS, "decides and records next steps", "Children's Assessment")
NOT_PROFESSIONAL = ("public", "parent_carer")  # by hand, as p4 and p37 name them


def test_the_timescales_are_the_social_care_referral_s():
    """The oracle's ground: Appendix 3 gives them for a referral to Social Care; Appendix 2 sends a call
    about additional or extensive support to early help, and p13-16 start or continue a CAF."""
    assert "When a referral is made to Social Care by a professional, the referrer should confirm this in writing within 24 hours" in DOCUMENT
    assert "should acknowledge a written referral within one working day" in DOCUMENT
    assert "If the call relates to the need for extensive support it will be referred to the appropriate Locality Access Point" in DOCUMENT
    assert "it will direct cases to our Family Support Services to provide an early help offer" in DOCUMENT
    assert "Initiate CAF and record evidence of assessment on CAF to establish appropriate action plan" in DOCUMENT
    assert "If there is any doubt about whether to refer to Social Care or not" in DOCUMENT  # p9


def _cases():
    callers = ("professional", "public", "parent_carer", None)
    for level, open_, caller, moment in itertools.product(LEVELS, (None, True, False), callers, (TUESDAY, SATURDAY_NIGHT)):
        context = {"contact_time": moment}
        if caller:
            context["caller"] = caller
        if open_ is not None:
            context["open_to_social_care"] = open_
        if level == "child_in_need":
            context["health_development_impaired_without_services"] = True
        yield pytest.param(level, context, id=f"{level}-open{open_}-{caller}-{'ooh' if moment == SATURDAY_NIGHT else 'day'}")


def _pdf_words(app, r) -> str:
    from flask import render_template

    with app.test_request_context("/referral.pdf"):
        html = render_template("journey/referral_pdf.html", r=r, blanks=referral.BLANKS, plain=True)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.mark.parametrize(("level", "context"), list(_cases()))
def test_only_a_social_care_level_gives_appendix_3_s_timescales(app, level, context):
    indicators, social_care = LEVELS[level]
    case = Case.parse({"child": {"age_years": 8}, "context": context, "indicators": indicators})
    decision = evaluate(case)
    assert decision.level.value == level
    r = referral.build(case, decision, "8 years", [], "", WRITTEN)
    words = _pdf_words(app, r)
    got = referral.as_text(r)
    if r.no_referral:  # Universal, not open: the assessment summary (tests/webapp/test_referral_universal.py)
        assert level == "universal" and not context.get("open_to_social_care")
        return
    if social_care:
        for said in SOCIAL_CARE_WORDS:
            professional_only = said in IN_WRITING_WORDS and context.get("caller") in NOT_PROFESSIONAL
            assert (said in words) != professional_only, said
            assert (said in got) != professional_only, said  # the plain text says the same (review 22, N12)
        assert r.below_threshold is None and "not a referral to Children's Social Care" not in words
    else:
        for said in SOCIAL_CARE_WORDS:
            assert said not in words, said
        assert r.below_threshold is not None
        assert "This is not a referral to Children's Social Care" in words
        assert r.below_threshold_text in got  # the plain text says the same
        # cited and marked as this tool's reading, as the catalogue declares it (mut15: as_text 45, 46 dropped either unnoticed)
        assert r.below_threshold.interpretation is True
        assert f"{r.below_threshold_text} ({r.below_threshold.source.cite()}; this tool's reading of the document)" in got
        # what applies if the practitioner judges the child needs Social Care (an override up): p9, p37
        assert "If there is any doubt about whether to refer to Social Care" in words
        assert got.startswith("REFERRAL SUMMARY")  # still sent on to the route's team (p25), not a no-referral page


EARLY_HELP_JOURNEYS = [
    ({"health": ["additional.dental_decay_not_accessing"]}, "Family Support Services"),
    ({"parents_carers": ["extensive.suspected_domestic_violence"]}, "Locality Access Point"),
]


@pytest.mark.parametrize(("ticks", "team"), EARLY_HELP_JOURNEYS)
def test_the_journey_s_written_page_at_early_help(client, ticks, team):
    client.post("/safety", data={"immediate": "none"})
    assert client.post("/child", data=CHILD).status_code == 302
    walk_needs(client, ticks)
    words = text(client.get("/referral"))
    assert "This is not a referral to Children's Social Care" in words and team in words
    for said in SOCIAL_CARE_WORDS:
        assert said not in words, said
