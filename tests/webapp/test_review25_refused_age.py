"""Review 25 surfaces, R4: an age the call screen refused left the search with no age, unsaid (p9's under-two
bruising row led for a child said to be "8 years"). Oracles: what the adviser typed ("8 years" is 8, a whole
number of years with a word for years), the catalogue's age bands (p9's bruising row is for a child under two),
and the brief: where an age is still refused, the results say they are for any age and the live search returns
the age's error. Controls: "8" and no age as before; "8 months" in the years box, a fraction and words stay refused.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from webapp.adviser import forms

UNDER_TWO = "immediate.unexplained_bruising_under_2"
WORDS = "bruises on his arms"
REFUSED = "Enter the child's age in years as a whole number, like 4"


@pytest.mark.parametrize(
    ("typed", "months"),
    [("8 years", 96), ("8yrs", 96), ("8 yrs old", 96), ("8 years old", 96), ("8 Years", 96), ("1 year", 12), ("8yr", 96), ("8", 96), (" 8 years ", 96)],
)
def test_a_whole_number_of_years_with_a_word_for_years_is_that_age(typed, months):
    age = forms.age(typed, "", False)
    assert (age.months, age.errors, age.months_given) == (months, [], False)


@pytest.mark.parametrize("typed", ["8 months", "2 and a half", "eight", "8 years 3", "8.5 years", "years 8", "8 year s", "-8 years"])
def test_other_forms_stay_refused(typed):
    age = forms.age(typed, "", False)
    assert age.months is None and age.errors == [("age_years", REFUSED)]


def test_a_unit_does_not_lift_the_highest_age():
    assert forms.age("999 years", "", False).errors == forms.age("999", "", False).errors != []


def test_years_with_a_word_and_months_is_both():
    assert forms.age("8 years", "3", False).months == 99


def _page(client, age_years: str) -> str:
    client.post("/adviser/new")
    client.post("/adviser/", data={"age_years": age_years, "q": WORDS, "action": "search"})
    return client.get("/adviser/").get_data(as_text=True)


def _adds(page: str) -> list[str]:
    return re.findall(r'name="add" value="([^"]+)"', page)


@pytest.mark.parametrize("typed", ["8 years", "8yrs", "8 yrs old"])
def test_the_page_reads_8_years_as_8(client, typed):
    page = _page(client, typed)
    assert UNDER_TWO not in _adds(page) and _adds(page) == _adds(_page(client, "8"))
    assert REFUSED not in text_of(page) and forms.ANY_AGE not in text_of(page)


def test_a_refused_age_is_said_beside_the_results(client):
    page = _page(client, "2 and a half")
    words = text_of(page)
    assert REFUSED in words and forms.ANY_AGE in words
    assert _adds(page) == _adds(_page(client, ""))  # the rows for no age: said so, not hidden


@pytest.mark.parametrize("typed", ["8", ""])
def test_an_age_read_or_not_given_says_nothing_of_it(client, typed):
    assert forms.ANY_AGE not in text_of(_page(client, typed))


def _live(client, age_years: str) -> dict:
    return client.post("/adviser/search", data={"q": WORDS, "age_years": age_years}).get_json()


def test_the_live_search_returns_the_ages_error_and_says_the_rows_are_for_any_age(client):
    got = _live(client, "2 and a half")
    assert got["error"] == REFUSED
    assert forms.ANY_AGE in got["note"]
    assert [h["id"] for h in got["hits"]] == [h["id"] for h in _live(client, "")["hits"]]


@pytest.mark.parametrize("typed", ["8 years", "8"])
def test_the_live_search_reads_8_years_as_8(client, typed):
    got = _live(client, typed)
    assert got["error"] is None and not got.get("note")
    assert UNDER_TWO not in [h["id"] for h in got["hits"]]
    assert [h["id"] for h in got["hits"]] == [h["id"] for h in _live(client, "8")["hits"]]


def test_the_script_says_the_ages_error_with_the_rows_not_in_their_place():
    """The script's one line for `error`: said before the count when there are rows (an age), alone when none
    (words refused). Read from the file: there is no browser here (tests/webapp/browser has the journeys)."""
    js = (Path(__file__).resolve().parents[2] / "webapp" / "static" / "app" / "call-screen.js").read_text()
    assert "if (data.error) count.textContent = data.hits.length ? `${data.error} ${count.textContent}` : data.error" in js
    assert "showNote(data.note)" in js


def text_of(page: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", page)))
