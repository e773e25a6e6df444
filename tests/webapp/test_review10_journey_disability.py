"""Review 10 (surfaces), W2: the journey, a need whose words state a substantial, life-long disability
(the review's three needs) beside the disability answered "No" or "mild or moderate".

The rules refuse the pair (pathway.checks). The child page once accepted the answer and the needs page
the need, so /result looped back to a child page that showed no error, the referral pages gave 500 and
a save went to the start page without a word. Now the child page refuses the answer, naming the need
and its page; the needs page refuses the need, naming it; and answers kept from before (an earlier
release, "assess again") reach no 500 on any page that decides: each names the disability.
"""

from __future__ import annotations

import re

import pytest

from pathway.catalogue import load_catalogue
from tests.webapp.conftest import CHILD, post_drawn, signed_in_client, text, walk_needs
from webapp.journey.forms import ChildForm
from webapp.journey.pages import needs_pages

# the oracle: the review's three needs (docs/review10-surfaces.md, W1), each with the page it is asked on
NEEDS = [
    "extensive.providing_substantial_care_child",
    "extensive.substantial_lifelong_disability_short_breaks",
    "protection.substantial_lifelong_disability_safeguarding",
]
SAID = {"none": "No", "mild_moderate": "Yes, mild or moderate"}
SUBSTANTIAL = {**CHILD, "age_years": "12", "disability": "substantial_lifelong", "large_sibling_group": "no"}


def _page_of(iid: str):
    dim = load_catalogue().indicator(iid).dimension
    return next(p for p in needs_pages() if dim in [g.dimension for g in p.groups])


def _ticks(iid: str) -> dict:
    return {_page_of(iid).id: [iid]}


def _untimed(response) -> str:
    """The page's words without the clock time it shows (a minute may turn between two requests)."""
    return re.sub(r"\b\d{1,2}:\d{2}\b", "HH:MM", text(response))


def _walk(client, iid: str, child: dict):
    client.post("/safety", data={"immediate": ["none"]})
    assert client.post("/child", data=child).status_code == 302
    walk_needs(client, _ticks(iid))


@pytest.mark.parametrize("said", SAID)
@pytest.mark.parametrize("iid", NEEDS)
def test_child_page_refuses_a_disability_answer_a_ticked_need_contradicts(client, iid, said):
    _walk(client, iid, SUBSTANTIAL)
    before = _untimed(client.get("/result"))
    r = client.post("/child?change=1", data={**SUBSTANTIAL, "disability": said})
    words = text(r)
    ind = load_catalogue().indicator(iid)
    assert "There is a problem" in words, words[:300]
    assert f"‘{ind.text}’ is ticked on the ‘{_page_of(iid).title}’ page (threshold document, p{ind.source.page})" in words
    assert f"the disability is answered ‘{SAID[said]}’" in words
    # nothing changed: the result is the one shown before
    assert _untimed(client.get("/result")) == before


@pytest.mark.parametrize("said", SAID)
@pytest.mark.parametrize("iid", NEEDS)
def test_needs_page_refuses_the_need_while_the_disability_says_otherwise(client, iid, said):
    client.post("/safety", data={"immediate": ["none"]})
    assert client.post("/child", data={**CHILD, "age_years": "12", "disability": said}).status_code == 302
    found = _page_of(iid)
    r = client.post(f"/needs/{found.id}", data={load_catalogue().indicator(iid).dimension: [iid]})
    words = text(r)
    assert r.request.path == f"/needs/{found.id}" and "There is a problem" in words, words[:300]
    assert f"‘{load_catalogue().indicator(iid).text}’ (threshold document, p{load_catalogue().indicator(iid).source.page})" in words
    assert f"the disability is ‘{SAID[said]}’" in words
    # unticked, the page is accepted; answered 'Not sure', the need is accepted too
    assert client.post(f"/needs/{found.id}", data={}).status_code == 302
    client.post("/child?change=1", data={**CHILD, "age_years": "12", "disability": "uncertain"})
    assert client.post(f"/needs/{found.id}", data={load_catalogue().indicator(iid).dimension: [iid]}).status_code == 302


@pytest.fixture
def kept(app, monkeypatch):
    """A signed-in practitioner whose session holds the clash, as answers kept from before the child
    page refused it did (an earlier release): the check is lifted for the walk only."""
    client = signed_in_client(app, "pat", "practitioner")
    monkeypatch.setattr(ChildForm, "_fits_disability", lambda self: True, raising=False)
    iid = "protection.substantial_lifelong_disability_safeguarding"
    _walk(client, iid, SUBSTANTIAL)
    assert client.post("/child?change=1", data={**SUBSTANTIAL, "disability": "none"}).status_code == 302
    monkeypatch.undo()
    return client


def test_answers_kept_with_the_clash_reach_the_child_page_that_names_it(kept):
    r = kept.get("/result")
    assert r.status_code == 302 and r.location.startswith("/child")
    words = text(kept.get(r.location))
    assert "There is a problem" in words and "the disability is answered ‘No’" in words
    assert "Substantial, life long disability" in words


@pytest.mark.parametrize("url", ["/referral", "/referral.txt", "/referral.pdf"])
def test_the_written_referral_with_the_clash_goes_to_the_result_never_500(kept, url):
    r = kept.get(url)
    assert r.status_code == 302 and r.location == "/result", (r.status_code, r.location)


def test_save_with_the_clash_goes_to_the_result_not_the_start_page(kept):
    r = post_drawn(kept, "/save", {"case_ref": "R10-W2"})
    assert r.status_code == 302 and r.location == "/result", r.location
    assert "R10-W2" not in text(kept.get("/cases"))  # nothing saved that the rules refuse
    # the answers are all kept: corrected on the child page, the result and the save work
    assert kept.post("/child?change=1", data=SUBSTANTIAL).status_code == 302
    assert "Ring the Disabled Children's Team now" in text(kept.get("/result"))
    assert post_drawn(kept, "/save", {"case_ref": "R10-W2"}).location.startswith("/cases/R10-W2")
