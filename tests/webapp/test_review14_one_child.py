"""Review 14 (rules), K1: the tool decides one child, and every surface that shows a decision says so, after the
ring-now and the contacts, at every level: the result page (and its print), the written referral (page, PDF,
plain text), the API, the command line and the call screen (panel and summary to copy); the journey's child page
and the call screen's age field say it before a decision. Oracle: p9's words, written here ("the child(ren)";
its criteria for a child under 1, under 2, 5 and under home alone, and an unborn baby)."""

from __future__ import annotations

import io
import json
import re
import sys
from datetime import datetime
from html import unescape

import pytest
from flask import render_template

from cli.main import main
from rules import evaluate
from tests.conftest import IN_HOURS, OUT_OF_HOURS, make_case
from tests.webapp.conftest import CHILD, NEVER_OPEN, text, walk_needs
from webapp import create_app
from webapp.journey import referral

# the words that say it, each child decided on their own answers, and p9's age-banded criteria named
SAID = ("each child in the family on their own answers", "under 1", "under 2", "5 or under left home alone", "unborn baby", "brother or sister")


def _says_it(words: str, where: str) -> None:
    low = " ".join(words.split()).lower()
    for w in SAID:
        assert w in low, (where, w)


def _one_child_at(words: str) -> int:
    return " ".join(words.split()).lower().index("each child in the family on their own answers")


# --- the API and the command line -----------------------------------------------------------------


@pytest.mark.parametrize(
    "indicators, moment",
    [
        ([], IN_HOURS),
        (["additional.lack_routine"], IN_HOURS),
        (["protection.victim_crime"], IN_HOURS),
        (["immediate.significant_harm"], IN_HOURS),
        (["immediate.significant_harm"], OUT_OF_HOURS),
    ],
)
def test_the_api_says_it_at_every_level(client, indicators, moment):
    reply = client.post("/api/v1/assess", json={"child": {"age_years": 7}, "indicators": indicators, "context": {"contact_time": moment}})
    assert reply.status_code == 200
    guidance = reply.get_json()["guidance"]
    assert guidance[-1]["rule"] == "scope.one_child" and "p9" in guidance[-1]["source"]
    _says_it(guidance[-1]["text"], "api")


@pytest.mark.parametrize("indicators", [[], ["immediate.home_alone_5_and_under"]])
def test_the_command_line_says_it(monkeypatch, capsys, indicators):
    case = {"child": {"age_years": 4}, "indicators": indicators, "context": {"contact_time": OUT_OF_HOURS}}
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(case)))
    assert main(["assess", "-"]) == 0
    decision = json.loads(capsys.readouterr().out)
    [item] = [g for g in decision["guidance"] if g["rule"] == "scope.one_child"]
    _says_it(item["text"], "cli")


# --- the result page (and its print) ------------------------------------------------------------------


def test_the_result_page_says_it_at_universal_after_the_contacts(client):
    client.post("/safety", data={"immediate": "none"})
    assert client.post("/child", data=CHILD).status_code == 302
    walk_needs(client)
    words = text(client.get("/result"))
    _says_it(words, "result, universal")
    assert words.index("Children and Families Direct") < _one_child_at(words)


@pytest.mark.parametrize("hours", ["in", "out"])
def test_the_result_page_says_it_after_the_ring_now(tmp_path, client, hours):
    if hours == "out":
        app = create_app(
            {"TESTING": True, "WTF_CSRF_ENABLED": False, "SECRET_KEY": "t", "DATABASE_URL": f"sqlite:///{tmp_path / 'o.sqlite3'}", "OFFICE_HOURS": NEVER_OPEN}
        )
        client = app.test_client()
    client.post("/safety", data={"immediate": ["immediate.significant_harm"]})
    words = text(client.get("/result"))
    _says_it(words, f"result, ring now {hours} of hours")
    ring = words.index("Ring the Emergency Duty Team now" if hours == "out" else "Ring Children and Families Direct now")
    contacts = words.index("0115 876 1000")
    assert ring < _one_child_at(words) and contacts < _one_child_at(words)


def test_the_child_page_hints_it_where_the_age_is_asked(client):
    client.post("/safety", data={"immediate": "none"})
    page = client.get("/child")
    html = page.get_data(as_text=True)
    hint = re.search(r'<div id="one-child-hint" class="govuk-hint">(.*?)</div>', html, re.S)
    assert hint and 'aria-describedby="age-hint one-child-hint"' in html
    _says_it(unescape(hint.group(1)), "child page")
    assert "this decides one child" in unescape(hint.group(1)).lower()


# --- the written referral: page, PDF and plain text ----------------------------------------------------


@pytest.mark.parametrize("indicators", [["additional.lack_routine"], ["immediate.significant_harm"]])
def test_the_written_referral_says_it_after_the_contacts(app, indicators):
    case = make_case(indicators, caller="professional")
    r = referral.build(case, evaluate(case), "8 years", ["Ring them"], "", datetime(2026, 11, 24, 10, 30))
    plain = referral.as_text(r)
    _says_it(plain, "referral.txt")
    assert plain.index("\nCONTACTS\n") < plain.index("\nOTHER CHILDREN IN THE FAMILY\n") < plain.index("\nNOTE\n")
    assert "(Indicators requiring an immediate referral to Social Care, p9; this tool's reading" in plain
    with app.test_request_context("/referral.pdf"):
        html = render_template("journey/referral_pdf.html", r=r, blanks=referral.BLANKS, plain=True)
    words = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    _says_it(words, "referral.pdf")
    assert words.index("Contacts") < _one_child_at(words)
    # marked as this tool's reading on the page and the PDF too, as in the text (mut15: the template's mark dropped survived)
    said = unescape(words)
    said = said[_one_child_at(said) :]
    assert "(Indicators requiring an immediate referral to Social Care, p9; this tool's reading" in said


def test_the_referral_page_says_it(client):
    client.post("/safety", data={"immediate": "none"})
    assert client.post("/child", data=CHILD).status_code == 302
    walk_needs(client, {"health": ["extensive.suspected_domestic_violence"]})
    for path in ("/referral", "/referral.txt"):
        _says_it(text(client.get(path)), path)


# --- the call screen: its age field, its panel and the summary to copy ---------------------------------


def test_the_call_screen_hints_it_at_the_age_field(client):
    html = unescape(client.get("/adviser/").get_data(as_text=True))
    hint = re.search(r'<div id="age-hint" class="govuk-hint">(.*?)</div>', html, re.S)
    assert hint
    _says_it(hint.group(1), "call screen age field")


@pytest.mark.parametrize("immediate, q", [("", "additional.lack_routine"), ("immediate.significant_harm", "")])
def test_the_call_screen_says_it_on_the_panel_and_in_the_summary(client, immediate, q):
    form = {"caller": "professional", "caf": "", "note": "", "q": "", "age_years": "7", "immediate": immediate}
    if q:
        form["add"] = q
    reply = client.post("/adviser/", data=form, headers={"X-Requested-With": "fetch"}).get_json()
    panel = unescape(reply["parts"]["decision"])
    guidance = panel.split('<h3 class="govuk-heading-s">Guidance</h3>')[1]
    _says_it(re.sub(r"<[^>]+>", " ", guidance), "call panel")
    summary = re.search(r'<textarea[^>]*id="app-summary"[^>]*>(.*?)</textarea>', panel, re.S).group(1)
    _says_it(summary, "call summary")
    assert summary.index("Reasons:") < _one_child_at(summary)
