"""A needs page posted from a tab left open from before the age was changed, with a need whose whole
question the recorded age takes off the page (a care leaver of 20, an unborn child): the need was dropped
without a word (nothing wrong stored, but the user not told). Now it is refused by name, as the journey
names other answers it no longer offers (review 10 surfaces, W4 for a need still on the page, W5 for a
saved answer 'Assess again' brings back): the need, its page in the document, whom it is for, the age,
and that it has not been recorded (left12).

The oracle: the catalogue's age bands as the document gives them (the ids below, by hand) and the
page's own offer (what a GET shows)."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from tests.webapp.conftest import CHILD, text
from webapp.journey.pages import needs_pages

LEAVER = "extensive.pregnant_care_leavers"
# (the child's answers, a need whose question is not asked at that age, a need on the same page that is)
CASES = {
    "care leaver of 20": ({**CHILD, "age_years": "20", "age_months": "0"}, "additional.dental_decay_not_accessing", None),
    "care leaver of 20, beside the leaver's need": ({**CHILD, "age_years": "20", "age_months": "0"}, "additional.attachment_issues", LEAVER),
    "unborn": ({**CHILD, "born": "no", "age_years": "", "age_months": ""}, "additional.low_self_esteem", None),
}


def _page_of(iid: str):
    dim = load_catalogue().indicator(iid).dimension
    return next(p for p in needs_pages() if dim in [g.dimension for g in p.groups])


@pytest.mark.parametrize("name", list(CASES))
def test_a_stale_tab_need_whose_question_is_gone_is_named_not_dropped(client, name):
    child, gone, kept = CASES[name]
    catalogue = load_catalogue()
    ind = catalogue.indicator(gone)
    found = _page_of(gone)
    if kept:
        assert _page_of(kept).id == found.id
    client.post("/safety", data={"immediate": ["none"]})
    assert client.post("/child", data=child).status_code == 302
    page = client.get(f"/needs/{found.id}").get_data(as_text=True)
    assert gone not in page and f'name="{ind.dimension}"' not in page  # its whole question is off the page
    data = {ind.dimension: [gone]}
    if kept:
        data[catalogue.indicator(kept).dimension] = [kept]
    r = client.post(f"/needs/{found.id}", data=data, follow_redirects=True)
    words = text(r)
    assert r.request.path == f"/needs/{found.id}" and "There is a problem" in words, words[:400]
    assert f"‘{ind.text}’" in words and f"p{ind.source.page}" in words, words[:1200]
    assert "not been recorded" in words
    assert ("unborn child" if child["born"] == "no" else "20 years") in words
    # nothing stored, the kept need included: the page is answered again as it is now
    assert client.post(f"/needs/{found.id}", data={k: v for k, v in data.items() if k != ind.dimension}).status_code == 302
    stored = client.get(f"/needs/{found.id}").get_data(as_text=True)
    assert gone not in stored
    if kept:
        assert f'value="{kept}" checked' in stored or f'value="{kept}"\n' in stored or kept in stored


def test_a_value_that_is_no_need_of_a_gone_question_changes_nothing(client):
    """Not a need at all (no page of this tool sends it): not named, the page answered as posted."""
    client.post("/safety", data={"immediate": ["none"]})
    client.post("/child", data={**CHILD, "age_years": "20", "age_months": "0"})
    found = _page_of("additional.dental_decay_not_accessing")
    assert client.post(f"/needs/{found.id}", data={"health": ["no.such.need"]}).status_code == 302
