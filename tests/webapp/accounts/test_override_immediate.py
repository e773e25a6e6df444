"""Review 7 (surfaces), F3: an override of an immediate referral was shown as "Protection → Universal"
only, on the override form, the case page, its chart, your cases and the manager's list. Wherever the
tool's level is shown beside a recorded one it now says "Protection (immediate referral)" when the
tool's decision was immediate, and the override form says, before a level is recorded, that recording
a level does not withdraw the referral (p9 "without delay"; Appendix 3, p37: in writing within 24 hours).

The oracle: the stored decision's own `immediate` (rules.evaluate), and the document's words and
numbers for the warning (p9, p37), not the catalogue's text."""

from __future__ import annotations

import re

import pytest

from rules import evaluate
from store.assessments import history, save_assessment
from tests.conftest import make_case
from tests.webapp.accounts.conftest import sign_in
from tests.webapp.conftest import post_drawn
from tests.webapp.conftest import text as page_text

IMMEDIATE = [
    pytest.param(["immediate.significant_harm"], id="p9-box"),
    pytest.param(["protection.persistent_domestic_abuse"], id="cross-walked"),
    pytest.param(["protection.sexual_activity_under_13"], id="cross-walked-under-13"),
]
REF = "FSP-0301"


def text(response) -> str:
    """The page's words, with no space before punctuation (a closing tag leaves one)."""
    return re.sub(r"\s+([).,;:])", r"\1", page_text(response))


def _saved(engine, people, indicators, age_years=10):
    case = make_case(indicators, age_years=age_years, disability="none", caf="none", caller="professional")
    decision = evaluate(case)
    return save_assessment(engine, people["pat"], REF, case, decision), decision


def _tool_cell(html: str) -> str:
    """The Tool's level in the manager's list (third column, before the ruleset it was decided under)."""
    row = re.search(r'<tr class="govuk-table__row" id="override-\d+">(.*?)</tr>', html, re.S).group(1)
    cells = re.findall(r'<td class="govuk-table__cell[^"]*">(.*?)</td>', row, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", cells[2].split("<br>")[0]).split())


@pytest.mark.parametrize("indicators", IMMEDIATE)
def test_an_override_of_an_immediate_referral_says_so_wherever_the_tools_level_is_shown(client, people, engine, indicators):
    entry, decision = _saved(engine, people, indicators, age_years=12 if "under_13" in indicators[0] else 10)
    assert decision.immediate and decision.level.value == "protection"  # the oracle's own fact
    sign_in(client, "pat")
    url = f"/cases/{REF}/entries/{entry.id}/level"
    form = text(client.get(url))
    assert "The tool's level was Protection (immediate referral)" in form
    # before the level is recorded: the referral stands, without delay, in writing within 24 hours
    warning = form[: form.index("What level do you record")]
    for words in ("does not withdraw", "without delay", "p9", "24 hours", "p37"):
        assert words in warning, words
    assert post_drawn(client, url, {"level": "universal", "reason": "Seen by GP"}).status_code == 302
    case_page = client.get(f"/cases/{REF}")
    said = text(case_page)
    assert "Recorded: Universal Tool: Protection (immediate referral)" in said
    assert "the tool said Protection (immediate referral)" in case_page.get_data(as_text=True)  # the chart's description
    assert f"{REF}" in text(client.get("/cases")) and "(tool: Protection (immediate referral))" in text(client.get("/cases"))
    # the form again, with a level recorded: still says it
    assert "The tool's level was Protection (immediate referral)" in text(client.get(url))
    client.post("/sign-out")
    sign_in(client, "meg")
    listed = client.get("/overrides").get_data(as_text=True)
    assert _tool_cell(listed) == "Protection (immediate referral)"
    override_id = history(engine, people["meg"], REF)[0].overrides[0].id
    assert "Tool's level Protection (immediate referral)" in text(client.get(f"/overrides/{override_id}/review"))


def test_a_protection_decision_that_was_not_immediate_is_not_called_one(client, people, engine):
    entry, decision = _saved(engine, people, ["protection.no_fixed_abode_homeless"])
    assert decision.level.value == "protection" and not decision.immediate
    sign_in(client, "pat")
    url = f"/cases/{REF}/entries/{entry.id}/level"
    form = text(client.get(url))
    assert "The tool's level was Protection." in form and "immediate referral" not in form
    post_drawn(client, url, {"level": "extensive", "reason": "Housed last night"})
    assert "Tool: Protection" in text(client.get(f"/cases/{REF}")) and "immediate referral" not in text(client.get(f"/cases/{REF}"))
    client.post("/sign-out")
    sign_in(client, "meg")
    assert _tool_cell(client.get("/overrides").get_data(as_text=True)) == "Protection"
