"""Review 10 (surfaces), W3: a young person of 20 to 25 with no care-leaver need.

The document covers children and young people from pre-birth to 19, and care leavers to 25 (Appendix
2, p25; p15-16). The child and needs pages once accepted such answers and the result page then deleted
every answer and the note, saying "the tool may have been updated" (false). Now the page that completes
the answers refuses the age, in the document's words, naming the care-leaver need and its page; and the
result page deletes only ids today's catalogue does not have: every other refusal is named on the child
page with the answers kept.
"""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from tests.webapp.conftest import CHILD, text, walk_needs
from webapp.journey.forms import ChildForm
from webapp.journey.pages import needs_pages

LEAVER = "extensive.pregnant_care_leavers"
SCOPE = "covers children and young people from pre-birth to 19 (Appendix 2, p25); only care leavers are covered to 25 (p15-16)"


def _leaver_page():
    return next(p for p in needs_pages() if LEAVER in p.indicator_ids())


def _answer_all_but_last(client, years: str):
    client.post("/safety", data={"immediate": ["none"]})
    assert client.post("/child", data={**CHILD, "age_years": years}).status_code == 302
    for p in needs_pages()[:-1]:
        assert client.post(f"/needs/{p.id}", data={}).status_code == 302, p.id


@pytest.mark.parametrize("years", ["20", "25"])
def test_the_page_that_completes_the_answers_refuses_the_age_naming_the_care_leaver_need(client, years):
    _answer_all_but_last(client, years)
    last = needs_pages()[-1]
    r = client.post(f"/needs/{last.id}", data={})
    words = text(r)
    assert r.request.path == f"/needs/{last.id}" and "There is a problem" in words, words[:300]
    assert f"The child's age is {years}" in words and SCOPE in words
    assert f"‘{load_catalogue().indicator(LEAVER).text}’ on the ‘{_leaver_page().title}’ page" in words
    assert "select ‘No, the child is unborn’" in words
    # the care-leaver need ticked: accepted, and the result is decided (nothing deleted)
    leaver = load_catalogue().indicator(LEAVER)
    assert client.post(f"/needs/{_leaver_page().id}", data={leaver.dimension: [LEAVER]}).status_code == 302
    assert client.post(f"/needs/{last.id}", data={}).status_code == 302
    result = client.get("/result")
    assert result.status_code == 200 and "have been deleted" not in text(result)


def test_the_child_page_refuses_an_age_past_19_when_no_care_leaver_need_is_ticked(client):
    client.post("/safety", data={"immediate": ["none"]})
    client.post("/child", data={**CHILD, "age_years": "19"})
    walk_needs(client)
    r = client.post("/child?change=1", data={**CHILD, "age_years": "20", "age_months": "0"})
    words = text(r)
    assert r.request.path == "/child" and "There is a problem" in words
    assert "The child's age is 20" in words and SCOPE in words
    assert "Age 19" in text(client.get("/check")) or "19 years" in text(client.get("/check"))  # the age kept is the one accepted


def test_the_result_page_keeps_refused_answers_and_names_the_age_on_the_child_page(client, monkeypatch):
    """Answers kept from before the pages refused the age (an earlier release): never deleted."""
    monkeypatch.setattr(ChildForm, "_fits_scope", lambda self: True, raising=False)
    client.post("/safety", data={"immediate": ["none"]})
    client.post("/child", data={**CHILD, "age_years": "20"})
    from webapp.journey import views

    monkeypatch.setattr(views.store, "age_refused", lambda answers: False, raising=False)
    walk_needs(client)
    client.post("/note", data={"note": "kept note"})
    monkeypatch.undo()
    r = client.get("/result")
    assert r.status_code == 302 and r.location.startswith("/child"), (r.status_code, r.location)
    words = text(client.get(r.location))
    assert "There is a problem" in words and "The child's age is 20" in words
    assert "have been deleted" not in words
    # nothing was lost: the note is there once the age is corrected
    assert client.post("/child?change=1", data={**CHILD, "age_years": "19"}).status_code == 302
    assert "kept note" in client.get("/result").get_data(as_text=True)
