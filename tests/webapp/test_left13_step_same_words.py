"""left13: beside a new immediate concern for a family supported at Protection, the step's words under the heading
"A new immediate concern at the same level: the referral is made without delay" began "After the call:", which read
oddly: the words are the referral made without delay (p9) itself, or for a caller not CAF trained "your part is the
contact above". They are now said as they are, on the decision, the result page and the call screen alike; the step
up from Child in Need still comes after the call. Oracle: the catalogue's own opening words, written here."""

from __future__ import annotations

import re
from html import unescape

import pytest

from pathway.models import Case
from rules import evaluate
from tests.webapp.conftest import CHILD, walk_needs

IN_HOURS = "2027-01-12T10:00:00+00:00"
TRAINED_WORDS = "A new immediate concern for a child already supported at Protection: the referral above is made without delay"
PUBLIC_WORDS = "You said the family is supported at Protection now"


def _step(current_level: str, caller: str):
    case = {
        "child": {"age_years": 7},
        "indicators": ["immediate.unexplained_injuries"],
        "context": {"current_level": current_level, "caller": caller, "contact_time": IN_HOURS},
    }
    d = evaluate(Case.parse(case))
    return d, [g.text for g in d.guidance if g.rule.startswith("step.")]


@pytest.mark.parametrize("caller, words", [("professional", TRAINED_WORDS), ("parent_carer", PUBLIC_WORDS)])
def test_the_step_at_protection_beside_a_new_p9_concern_is_said_as_it_is(caller, words):
    d, [text] = _step("protection", caller)
    assert d.immediate and d.step == "same"
    assert text.startswith(words), text


def test_the_step_up_from_child_in_need_still_comes_after_the_call():
    d, [text] = _step("child_in_need", "professional")
    assert text.startswith("After the call: Needs have risen from Child in Need to Protection"), text


def test_the_result_page_says_the_words_under_their_heading(client):
    client.post("/safety", data={"immediate": ["immediate.unexplained_injuries"]})
    assert client.post("/child", data={**CHILD, "current_level": "protection", "caf": "open_improving"}).status_code == 302
    walk_needs(client)
    html = unescape(client.get("/result").get_data(as_text=True))
    under = re.search(r"A new immediate concern at the same level: the referral is made without delay</h2>\s*<p class=\"govuk-body\">(.*?)</p>", html, re.S)
    assert under and under.group(1).strip().startswith(TRAINED_WORDS), under and under.group(1)
    assert "After the call: A new immediate concern" not in html


def test_the_call_screen_says_the_words_as_they_are(client):
    form = {
        "caller": "professional",
        "caf": "",
        "note": "",
        "q": "",
        "current_level": "protection",
        "age_years": "7",
        "immediate": "immediate.unexplained_injuries",
    }
    reply = client.post("/adviser/", data=form, headers={"X-Requested-With": "fetch"}).get_json()
    panel = unescape(reply["parts"]["decision"])
    assert TRAINED_WORDS in panel and "After the call: A new immediate concern" not in panel
