"""A citation followed from a saved entry opens the document marked with the entry's needs, not the
needs of whatever answers the session holds now: the entry's own document view
(`/cases/<ref>/entries/<id>/document`), under the same access rule as the entry, and no need in any
address (review 7 surfaces F9)."""

from __future__ import annotations

import re
from html import unescape

import pytest

from pathway.catalogue import load_catalogue
from tests.webapp.accounts.conftest import put_answers, save, sign_in
from tests.webapp.conftest import post_drawn

DENTAL = "additional.dental_decay_not_accessing"  # saved with the entry
ROUTINE = "additional.lack_routine"  # the session's answers afterwards


def _marked(html: str) -> list[str]:
    return [unescape(m) for m in re.findall(r'<mark class="app-highlight"[^>]*>(.*?)</mark>', html, re.S)]


def _words(iid: str) -> str:
    return load_catalogue().indicator(iid).text.rstrip(".")


def _saved_entry(client) -> str:
    sign_in(client, "pat")
    assert save(client, "FSP-0001", {"health": [DENTAL]}).status_code == 302
    entry = re.search(r"/cases/FSP-0001/entries/\d+", client.get("/cases/FSP-0001").get_data(as_text=True)).group(0)
    put_answers(client, {"parents_carers": [ROUTINE]})  # the session moves on to another child's answers
    return entry


def _hrefs(html: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'(?:href|action|src)="([^"]*)"', html)]


def test_a_saved_entrys_citation_marks_the_entrys_needs_not_the_sessions(client, people):
    entry = _saved_entry(client)
    page = client.get(entry).get_data(as_text=True)
    cited = [h for h in _hrefs(page) if "document" in h]
    assert cited and all(h.startswith(f"{entry}/document#page-") for h in cited), cited
    assert f"{entry}/document#page-13" in cited  # the need's own page (Additional, p13-14)
    marked = _marked(client.get(f"{entry}/document").get_data(as_text=True))
    assert any(_words(DENTAL) in m for m in marked) and not any(_words(ROUTINE) in m for m in marked), marked
    # the session's document still marks the session's needs
    session_marked = _marked(client.get("/document").get_data(as_text=True))
    assert any(_words(ROUTINE) in m for m in session_marked) and not any(_words(DENTAL) in m for m in session_marked)


def test_the_override_page_of_an_immediate_referral_cites_the_entrys_document(client, people):
    sign_in(client, "pat")
    put_answers(client, {})
    with client.session_transaction() as session:
        answers = session["answers"]
        answers["immediate"] = ["immediate.significant_harm"]
        session["answers"] = answers
    assert post_drawn(client, "/save", {"case_ref": "FSP-0003"}).status_code == 302
    entry = re.search(r"/cases/FSP-0003/entries/\d+", client.get("/cases/FSP-0003").get_data(as_text=True)).group(0)
    hrefs = [h for h in _hrefs(client.get(f"{entry}/level").get_data(as_text=True)) if "document" in h]
    assert f"{entry}/document#page-9" in hrefs and all(h.startswith(f"{entry}/document#page-") for h in hrefs), hrefs
    marked = _marked(client.get(f"{entry}/document").get_data(as_text=True))
    assert any(_words("immediate.significant_harm") in m for m in marked), marked


@pytest.mark.parametrize("who", [None, "meg", "sam", "ada"])
def test_the_entrys_document_has_the_entrys_own_access_rule(app, client, people, who):
    entry = _saved_entry(client)
    other = app.test_client()
    if who:
        sign_in(other, who)
    seen = other.get(entry)
    document = other.get(f"{entry}/document")
    assert document.status_code == seen.status_code, (who, document.status_code, seen.status_code)
    assert {None: 302, "meg": 200, "sam": 404, "ada": 403}[who] == document.status_code
    if who is None:
        assert "/sign-in" in document.location and DENTAL not in document.location
    # a wrong case reference for the entry is not found, as the entry itself
    assert client.get(entry.replace("FSP-0001", "FSP-0002") + "/document").status_code == 404


def test_no_need_in_any_address_on_the_entry_or_its_document(client, people):
    entry = _saved_entry(client)
    ids = {i.id for i in load_catalogue().indicators}
    for path in (entry, f"{entry}/document", f"{entry}/level"):
        bad = [h for h in _hrefs(client.get(path).get_data(as_text=True)) if any(i in h for i in ids)]
        assert not bad, (path, bad)
