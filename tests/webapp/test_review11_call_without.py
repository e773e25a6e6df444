"""Review 11 (surfaces), W1: what the call screen decided without is said on every output of the screen.

When the rules refuse an answer, the screen decides without it and its panel says "Decided without
the disability answer until it is corrected". The screen-reader status line and the summary to copy
(the call record) once said a clean "Level: Additional" with no word of it. Now all three take the
same list (`call.Screen.without`) and the same words (`pathway.surfaces.decided_without`).

The oracle is a hand-written table: for each kind of refusal the screen can meet (review 10's walk,
tests/webapp/test_review10_call_refusals.KINDS), the answer a reader must be told was left out.
"""

from __future__ import annotations

import re
from html import unescape

import pytest
from flask import render_template

from tests.webapp.conftest import text
from tests.webapp.test_review10_call_refusals import KINDS, _state
from webapp.adviser import call, views

URL = "/adviser/"
FETCH = {"X-Requested-With": "fetch"}

# kind of refusal -> the answer left out, in the words every output must use (hand-written)
LEFT_OUT = {
    "band": "the child's age",
    "floor": "the child's age",
    "scope": "the child's age",
    "scope_immediate": "the child's age",
    "age": "the child's age",
    "child_only": "the CAF answer",
    "open_case": "the open-to-social-care answer",
    "disability": "the disability answer",
}
ROUTED = [k for k in KINDS if k[0] in LEFT_OUT]  # "age_alone" chooses no concern: no decision is shown


def _words(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def test_the_table_covers_every_kind_with_a_concern():
    assert {k for k, _, _ in KINDS} - set(LEFT_OUT) == {"age_alone"}


@pytest.mark.parametrize("kind,changes,question", ROUTED, ids=[k for k, _, _ in ROUTED])
def test_each_refusal_is_said_on_the_panel_the_status_and_the_summary(app, kind, changes, question):
    with app.test_request_context():
        s = call.screen(_state(**changes))
        panel = _words(render_template("adviser/_decision.html", **views._context(s)))
        status = views._status(s)
    said = f"Decided without {LEFT_OUT[kind]}"
    assert said in panel, (kind, panel)
    assert said in status, (kind, status)
    lines = s.summary.splitlines()
    [line] = [x for x in lines if x.startswith("Decided without")]
    assert LEFT_OUT[kind] in line and "level" in line.lower(), (kind, line)
    # right under the level it qualifies, so a reader of the record cannot take the level without it
    assert lines[lines.index(line) - 1].startswith("Level: "), lines


def test_nothing_refused_nothing_said(app):
    with app.test_request_context():
        s = call.screen(_state(concerns=["additional.low_self_esteem"], age_years="8"))
        status = views._status(s)
    assert not s.without
    assert "Decided without" not in status and "Decided without" not in s.summary


BASE = {"caller": "professional", "caf": "none", "note": "", "q": "", "age_years": "8", "age_months": ""}
# the review's three reproductions, through the page as an adviser uses it
REVIEW = [
    ({**BASE, "current_level": "protection", "social_care": "no"}, "additional.low_self_esteem", "the open-to-social-care answer"),
    ({**BASE, "disability": "none"}, "protection.substantial_lifelong_disability_safeguarding", "the disability answer"),
    ({**BASE, "age_years": "20", "caf": "open_not_improving"}, "extensive.pregnant_care_leavers", "the CAF answer"),
]


@pytest.mark.parametrize("form,need,left_out", REVIEW, ids=["open_case", "disability", "care_leaver_caf"])
def test_the_reviews_calls_say_it_in_the_status_and_the_summary_to_copy(client, form, need, left_out):
    reply = client.post(URL, data={**form, "add": need}, headers=FETCH).get_json()
    said = f"Decided without {left_out}"
    assert said in reply["status"], reply["status"]
    assert said in _words(reply["parts"]["decision"])
    page = client.get(URL)
    assert said in text(page)
    summary = unescape(re.search(r'<textarea[^>]*id="app-summary"[^>]*>(.*?)</textarea>', page.get_data(as_text=True), re.S).group(1))
    assert said in summary, summary


P9 = "immediate.allegation_or_disclosure"
RENAMED_P9 = "immediate.renamed_by_a_release"


@pytest.mark.parametrize("asked", [False, True], ids=["not_yet_asked", "asked_again"])
def test_a_renamed_p9_box_alone_is_said_with_no_route_and_recorded(client, asked):
    """Review 12 (surfaces), W1: the call's only concern, a p9 box a release renamed. The panel asked to put
    the p9 questions again, but the status said "No concerns chosen yet: no route." and no summary showed,
    so the call record could not show that a p9 box was ticked."""
    rev = client.post(URL, data={**BASE, "immediate": [P9]}, headers=FETCH).get_json()["rev"]
    with client.session_transaction() as session:  # a release renamed it mid-call
        session["adviser_call"] = {**session["adviser_call"], "immediate": [RENAMED_P9]}
    data = {**BASE, "rev": str(rev)} | ({"action": "p9_asked"} if asked else {})
    reply = client.post(URL, data=data, headers=FETCH).get_json()
    said = f"Decided without ‘{RENAMED_P9}’ (no longer one of today's questions"
    assert said in reply["status"], reply["status"]
    assert "No concerns chosen yet" not in reply["status"]
    assert ("ask the p9 questions again" in reply["status"].lower()) is not asked, reply["status"]
    assert said in _words(reply["parts"]["decision"])
    page = client.get(URL).get_data(as_text=True)
    found = re.search(r'<textarea[^>]*id="app-summary"[^>]*>(.*?)</textarea>', page, re.S)
    assert found, "no summary to copy"
    summary = unescape(found.group(1))
    assert said in summary, summary
    assert "Level: Universal" not in summary and "Universal" not in summary, summary  # never as if no p9 box was ticked
    assert ("the p9 questions were asked again" in summary) is asked, summary
