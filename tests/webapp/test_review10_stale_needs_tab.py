"""Review 10 (surfaces), W4: a needs page posted from a tab left open from before the age was changed,
with a need the recorded age rules out, is refused naming the need and the age (as the child page
does), not with "Select one of the answers"."""

from __future__ import annotations

from pathway.catalogue import load_catalogue
from tests.webapp.conftest import CHILD, text
from webapp.journey.pages import needs_pages

FORCED = "protection.forced_marriage_under_18"  # the review's example: for a child under 18


def _page_of(iid: str):
    dim = load_catalogue().indicator(iid).dimension
    return next(p for p in needs_pages() if dim in [g.dimension for g in p.groups])


def test_a_stale_tab_need_the_age_rules_out_is_refused_naming_it_and_the_age(client):
    client.post("/safety", data={"immediate": ["none"]})
    assert client.post("/child", data={**CHILD, "age_years": "18", "age_months": "0"}).status_code == 302
    ind = load_catalogue().indicator(FORCED)
    found = _page_of(FORCED)
    assert FORCED not in client.get(f"/needs/{found.id}").get_data(as_text=True)  # not offered at 18
    r = client.post(f"/needs/{found.id}", data={ind.dimension: [FORCED]})
    words = text(r)
    assert "There is a problem" in words and "Select one of the answers" not in words
    assert f"‘{ind.text}’ is ticked on the ‘{found.title}’ page (threshold document, p{ind.source.page}; it is for a child under 18" in words
    assert "does not fit 18 years" in words
    assert FORCED not in str(client.get("/check").get_data(as_text=True))  # not saved


def test_a_value_that_is_no_need_of_the_question_keeps_the_generic_words(client):
    client.post("/safety", data={"immediate": ["none"]})
    client.post("/child", data={**CHILD, "age_years": "18"})
    found = _page_of(FORCED)
    r = client.post(f"/needs/{found.id}", data={load_catalogue().indicator(FORCED).dimension: ["no.such.need"]})
    assert "Select one of the answers" in text(r)
