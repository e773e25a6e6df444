"""A need the child's age rules out, posted from a needs page (a tab left open from before the age was
changed, review 10 W4), is refused naming whom the need's words are for. Each of the four reasons the
tool gives is checked here with its own words (mutation run of review 10, docs/safety/mutation.md: the
refusal tests checked only "it is for a child under 18", so any other reason could say anything, or
the wrong one: a parent's band called a child's, an unborn baby told a school need is for a child
"of born" age).

Oracle: a hand-written table. The bands' and floors' words are the catalogue's, written out here
("under 17" is the document's 'Pregnant under 17', p13-14; "4 years old (school age)" this tool's
declared meaningful age); the past-19 words are review 7 F6's reading (the pathway's ages run to 19,
after which a care leaver only)."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from tests.webapp.conftest import CHILD, text
from webapp.journey.pages import needs_pages

UNBORN = {**CHILD, "born": "no", "age_years": "", "age_months": ""}


def _page_of(iid: str):
    dim = load_catalogue().indicator(iid).dimension
    return next(p for p in needs_pages() if dim in [g.dimension for g in p.groups])


@pytest.mark.parametrize(
    "child, iid, reason",
    [
        # a parent's band: the child of 18 is neither the young parent (under 17) nor the young parent's baby
        ({**CHILD, "age_years": "18", "age_months": "0"}, "additional.pregnant_under_17", "it is for a parent under 17"),
        # a child's band, for an unborn baby
        (UNBORN, "protection.forced_marriage_under_18", "it is for a child under 18"),
        # past 19: a care leaver only (the need has no band of its own; its question stays on the page for the care-leaver need beside it)
        (
            {**CHILD, "age_years": "20", "age_months": "0"},
            "additional.suspected_domestic_violence",
            "past 19 the pathway covers a young person only for the care-leaver needs",
        ),
        # a meaningful-age floor, for an unborn baby
        (UNBORN, "universal.physically_well", "its words describe a child already born"),
        # a meaningful-age floor, for a child younger than it
        (
            {**CHILD, "age_years": "2", "age_months": "0"},
            "universal.attends_school_sense_educational",
            "its words describe a child of 4 years old (school age) or older",
        ),
    ],
)
def test_a_need_the_age_rules_out_is_refused_with_whom_it_is_for(client, child, iid, reason):
    client.post("/safety", data={"immediate": ["none"]})
    assert client.post("/child", data=child).status_code == 302
    ind = load_catalogue().indicator(iid)
    found = _page_of(iid)
    words = text(client.post(f"/needs/{found.id}", data={ind.dimension: [iid]}))
    assert "There is a problem" in words, words[:300]
    assert f"‘{ind.text}’ is ticked on the ‘{found.title}’ page (threshold document, p{ind.source.page}; {reason})" in words, words[:1500]
