"""Review 9 (surfaces), V2: on the call screen nothing typed is cut before it is checked. A note
longer than 2,000 characters, an age of many digits and search words longer than 200 characters are
each kept whole, refused with the reason and shown back for the adviser to shorten."""

from __future__ import annotations

import re
from html import unescape

from tests.webapp.conftest import text
from tests.webapp.test_adviser import post

URL = "/adviser/"


def _textarea(html: str, name: str) -> str:
    return unescape(re.search(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', html, re.S).group(1)).strip()


def _input(html: str, name: str) -> str:
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html, re.S).group(0)
    return unescape(re.search(r'value="([^"]*)"', tag).group(1))


def test_a_pasted_note_over_the_limit_is_kept_whole_and_shown_back_with_the_error(client):
    pasted = "z" * 5999 + "END"  # the review's: a transcript pasted in
    page = post(client, note=pasted, age_years="8")
    assert "The note must be 2,000 characters or fewer" in text(page)
    assert _textarea(page.get_data(as_text=True), "note") == pasted  # all 6,002 characters, END included


def test_an_age_of_many_digits_is_shown_back_as_typed_with_the_error(client):
    page = post(client, age_years="12345678901234")
    assert "Enter the child's age in years as a whole number, like 4" in text(page)
    assert _input(page.get_data(as_text=True), "age_years") == "12345678901234"


def test_search_words_over_the_limit_are_refused_not_searched_cut_short(client):
    words = "left alone at home " * 11 + "with a baby"  # 220 characters
    page = post(client, q=words, age_years="8", action="search")
    html = page.get_data(as_text=True)
    assert "Search words must be 200 characters or fewer" in text(page)
    assert _input(html, "q") == words
    assert 'name="add"' not in html  # nothing offered from the first 200 characters
    r = client.post("/adviser/search", data={"q": words, "age_years": "8"})
    assert r.get_json() == {
        "q": words,
        "hits": [],
        "error": "Search words must be 200 characters or fewer: shorten them to search, keeping any immediate concern in them",
    }
    assert client.post("/adviser/search", data={"q": words[:200], "age_years": "8"}).get_json()["hits"]  # 200 is searched
