"""The search's declared notes are said on every surface that searches (review 25 surfaces, R3).

Where the words name the child's own looked-after status now, or refuse the CAF or early help, the call screen
says beside its rows what this tool reads (the catalogue's `surfaces.child_in_care_search`,
`surfaces.refused_early_help_search`). The notes are made once, below the views (`pathway.search_offers.search_note`),
and said by the call screen (tests/webapp/test_adviser_child_in_care.py, test_adviser_refused_early_help.py), the API
(`"with_note": true`: `{"hits": [...], "note": ...}`), `pathway search` (tests/test_cli_review25_search.py) and
practice mode's find. Oracle: the catalogue's words. Controls: words with no note, on every surface."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.search_offers import search_note
from tests.webapp.conftest import text
from tests.webapp.test_practice import MONDAYS, join, start_session

IN_CARE = load_catalogue().surfaces.child_in_care_search.text
REFUSED = load_catalogue().surfaces.refused_early_help_search.text
NOTED = [("she is in foster care", IN_CARE), ("mum refused the CAF", REFUSED)]
CONTROLS = ["bruises on his arm", "mum drinks every day"]


@pytest.mark.parametrize("q, note", NOTED)
def test_the_note_is_made_below_the_views(q, note):
    assert search_note(q) == note


@pytest.mark.parametrize("q", [*CONTROLS, "   ", ""])
def test_no_note_for_other_words(q):
    assert search_note(q) is None


def test_both_notes_are_said_one_after_the_other():
    assert search_note("she is in foster care and mum refused the CAF") == f"{IN_CARE} {REFUSED}"


@pytest.mark.parametrize("q, note", NOTED)
def test_the_api_gives_the_note_when_asked(client, q, note):
    plain = client.post("/api/v1/search", json={"words": q}).get_json()
    answer = client.post("/api/v1/search", json={"words": q, "with_note": True}).get_json()
    assert answer == {"hits": plain, "note": note}


@pytest.mark.parametrize("q", CONTROLS)
def test_the_api_control_has_no_note_and_the_same_rows(client, q):
    plain = client.post("/api/v1/search", json={"words": q}).get_json()
    assert isinstance(plain, list) and plain
    assert client.post("/api/v1/search", json={"words": q, "with_note": True}).get_json() == {"hits": plain, "note": None}


@pytest.mark.parametrize("q, note", NOTED)
def test_the_api_answer_without_with_note_is_the_array_as_before(client, q, note):
    answer = client.post("/api/v1/search", json={"words": q}).get_json()
    assert isinstance(answer, list)
    assert note not in str(answer)


def test_the_api_refuses_a_with_note_that_is_not_true_or_false(client):
    r = client.post("/api/v1/search", json={"words": "she is in foster care", "with_note": 1})
    assert r.status_code == 422 and [e["field"] for e in r.get_json()["errors"]] == ["with_note"]


@pytest.mark.parametrize("q, note", NOTED)
def test_the_call_screen_says_the_same_note(client, q, note):
    client.post("/adviser/", data={"q": q, "action": "search"})
    assert note in text(client.get("/adviser/"))
    assert client.post("/adviser/search", data={"q": q}).get_json()["note"] == note


def _find(client, code: str, words: str) -> str:
    return text(client.post(f"/practice/s/{code}/{MONDAYS}", data={"find": words, "find_submit": "1"}))


def test_a_trainees_find_says_the_note(app, trainer):
    code = start_session(trainer)
    alex = join(app, code, "Alex")
    said = _find(alex, code, "she is in foster care")
    assert IN_CARE in said
    assert said.index("No indicator matches") < said.index(IN_CARE)  # no row, then why
    assert REFUSED in _find(alex, code, "mum refused the CAF")


@pytest.mark.parametrize("words", ["school", "bruising"])
def test_a_trainees_find_with_no_note_is_unchanged(app, trainer, words):
    code = start_session(trainer)
    alex = join(app, code, "Alex")
    said = _find(alex, code, words)
    assert IN_CARE not in said and REFUSED not in said and "This tool's reading" not in said
