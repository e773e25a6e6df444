"""Words sent whole are read whole on every surface that sends them whole (review 25 surfaces, R2).

The call screen's form submitted without the script (its Search, Add and Update buttons), `POST /api/v1/search`
(unless the client says `"finished": false`) and `pathway search` (tests/test_cli_review25_search.py) read the
last word as said; the live search (`POST /adviser/search`, what is being typed) reads it as still being typed.
Oracle: `pathway.search.search` itself, with `finished=True` (its docstring: "the words were sent whole") and
without; the labelled call 'she flinches whenever anyone moves quick near her' (pathway/data/search_examples/,
p9's significant harm among its right rows). Controls: words ending with a stop (read the same either way), and
the script's own posts (X-Requested-With: fetch), whose page is drawn as before."""

from __future__ import annotations

import re

import pytest

from pathway.search import search
from pathway.search_offers import offered

FLINCHES = ("she flinches whenever anyone moves quick near her", 60)
HITS_MUM = ("dad hits mum", 96)
CHANGED = [FLINCHES, HITS_MUM]
FETCH = {"X-Requested-With": "fetch"}


def _whole(q: str, months: int, limit: int = 3) -> list[str]:
    return [h.id for h in search(q, age_in_months=months, limit=limit, finished=True)]


def _typed(q: str, months: int, limit: int = 3) -> list[str]:
    return [h.id for h in search(q, age_in_months=months, limit=limit)]


def _offered(q: str, months: int, finished: bool) -> list[str]:
    """The call screen's rows (the search's order, the best match's twins grouped after it)."""
    return [o.id for o in offered(q, age_in_months=months, finished=finished)]


def _page_rows(client) -> list[str]:
    return re.findall(r'name="add" value="([^"]+)"', client.get("/adviser/").get_data(as_text=True))


def _form(q: str, months: int, **more) -> dict:
    return {"age_years": str(months // 12), "age_months": str(months % 12), "q": q, **more}


@pytest.mark.parametrize("q, months", CHANGED)
def test_the_cases_read_differently_whole_and_as_typed(q, months):
    assert _whole(q, months) != _typed(q, months)  # else the tests below could not fail


def test_the_labelled_p9_row_is_in_the_first_three_only_when_read_whole():
    q, months = FLINCHES
    assert "immediate.significant_harm" in _whole(q, months)
    assert "immediate.significant_harm" not in _typed(q, months)


@pytest.mark.parametrize("q, months", CHANGED)
def test_the_api_reads_the_words_whole(client, q, months):
    rows = client.post("/api/v1/search", json={"words": q, "age_months": months, "limit": 3}).get_json()
    assert [r["id"] for r in rows] == _whole(q, months)


@pytest.mark.parametrize("q, months", CHANGED)
def test_the_api_reads_them_as_typed_when_told(client, q, months):
    rows = client.post("/api/v1/search", json={"words": q, "age_months": months, "limit": 3, "finished": False}).get_json()
    assert [r["id"] for r in rows] == _typed(q, months)


def test_the_api_refuses_a_finished_that_is_not_true_or_false(client):
    r = client.post("/api/v1/search", json={"words": "dad hits mum", "finished": "yes"})
    assert r.status_code == 422 and [e["field"] for e in r.get_json()["errors"]] == ["finished"]


@pytest.mark.parametrize("q, months", CHANGED)
@pytest.mark.parametrize("button", [{"action": "search"}, {"action": "update"}])
def test_the_page_after_the_form_reads_the_words_whole(client, q, months, button):
    client.post("/adviser/", data=_form(q, months, **button))
    assert _page_rows(client) == _offered(q, months, finished=True) != _offered(q, months, finished=False)


@pytest.mark.parametrize("q, months", CHANGED)
def test_the_page_the_script_reloads_reads_the_words_as_typed(client, q, months):
    # the script's posts say X-Requested-With: fetch; a page drawn after them (a reload) is as before
    client.post("/adviser/", data=_form(q, months, action="search"))
    client.post("/adviser/", data=_form(q, months), headers=FETCH)
    assert _page_rows(client) == _offered(q, months, finished=False)


@pytest.mark.parametrize("q, months", CHANGED)
def test_the_live_search_reads_the_last_word_as_being_typed(client, q, months):
    hits = client.post("/adviser/search", data=_form(q, months)).get_json()["hits"]
    assert [h["id"] for h in hits] == _offered(q, months, finished=False)


@pytest.mark.parametrize("q, months", [("dad hits mum.", 96), ("uncle touched her.", 96), ("bruises on his arm!", 96)])
def test_control_words_read_the_same_either_way_are_unchanged_everywhere(client, q, months):
    assert _whole(q, months, limit=8) == _typed(q, months, limit=8)
    api = [r["id"] for r in client.post("/api/v1/search", json={"words": q, "age_months": months, "limit": 8}).get_json()]
    assert api == _typed(q, months, limit=8)
    live = [h["id"] for h in client.post("/adviser/search", data=_form(q, months)).get_json()["hits"]]
    client.post("/adviser/", data=_form(q, months, action="search"))
    assert _page_rows(client) == live


@pytest.mark.parametrize(
    "q, months, denied",
    [
        ("there is no domestic violence in the home", 96, "immediate.repeated_domestic_violence"),
        ("no injuries seen and mum is coping well", 96, "immediate.unexplained_injuries"),
        ("mum says she has no bruises and is fine", 36, "immediate.unexplained_injuries"),
    ],
)
def test_a_denied_p9_row_stays_in_the_first_three_read_whole(client, q, months, denied):
    """Review 12 H6, on the API read whole: the denied p9 row loses first place and stays in sight."""
    rows = [r["id"] for r in client.post("/api/v1/search", json={"words": q, "age_months": months, "limit": 3}).get_json()]
    assert rows[0] != denied and denied in rows
