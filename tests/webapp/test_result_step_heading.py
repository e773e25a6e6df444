"""The result page's step heading beside a new p9 concern agrees with the step's words (left12; review 11
H2's rest): at Protection not "Staying at the same level" above "the referral ... without delay (p9)"; from
Child in Need, "Stepping up" above "Needs have risen from Child in Need to Protection". Hand-written table."""

from __future__ import annotations

import re
from html import unescape

import pytest

from tests.webapp.conftest import CHILD, walk_needs

# level supported at now -> (heading, words the paragraph under it begins with (after "After the call:" for a step
# up; the same level's words are the referral itself, said as they are: left13))
TABLE = {
    "protection": (None, "A new immediate concern for a child already supported at Protection"),
    "child_in_need": ("Stepping up", "Needs have risen from Child in Need to Protection"),
    "extensive": ("Stepping up", "Needs have risen above the level the family is supported at"),
}


def _headed(html: str) -> dict[str, str]:
    """Each h2's words -> the words of the paragraph right after it."""
    found = re.findall(r'<h2 class="govuk-heading-m"[^>]*>(.*?)</h2>\s*<p class="govuk-body">(.*?)</p>', html, re.S)
    clean = lambda s: re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", s))).strip()  # noqa: E731
    return {clean(h): clean(p) for h, p in found}


@pytest.mark.parametrize("level", list(TABLE))
def test_the_step_heading_beside_a_new_p9_concern(client, level):
    client.post("/safety", data={"immediate": ["immediate.unexplained_injuries"]})
    assert client.post("/child", data={**CHILD, "current_level": level, "caf": "open_improving"}).status_code == 302
    walk_needs(client)  # the level supported at now joins the decision once the needs are recorded
    html = client.get("/result").get_data(as_text=True)
    heading, words = TABLE[level]
    [(said, under)] = [(h, p) for h, p in _headed(html).items() if words in p]
    assert "Staying at the same level" not in html
    if heading:
        assert said == heading, said
    else:
        assert "immediate concern" in said and "without delay" in said, said
