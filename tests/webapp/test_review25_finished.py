"""Review 25 surfaces R2, declined as the default: every surface reads the words as the call screen does, the last
word as one that may still be being typed; `POST /api/v1/search` reads them whole only when told (`"finished": true`).

Measured (docs/adviser.md, Call screen): read whole, a labelled p9 row leaves the first three in 3 of 6,609 labelled
and held-back calls and enters in 2, so no surface switches to it unmeasured. Oracle: `pathway.search.search` itself,
with `finished=True` (its docstring: "the words were sent whole") and without; the call screen's rows
(`pathway.search_offers.offered`). Controls: words ending with a stop (read the same either way)."""

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


@pytest.mark.parametrize("q, months", CHANGED)
def test_the_api_reads_the_words_as_the_call_screen_does(client, q, months):
    rows = client.post("/api/v1/search", json={"words": q, "age_months": months, "limit": 3}).get_json()
    assert [r["id"] for r in rows] == _typed(q, months)


@pytest.mark.parametrize("q, months", CHANGED)
def test_the_api_reads_them_whole_when_told(client, q, months):
    rows = client.post("/api/v1/search", json={"words": q, "age_months": months, "limit": 3, "finished": True}).get_json()
    assert [r["id"] for r in rows] == _whole(q, months)


def test_the_api_refuses_a_finished_that_is_not_true_or_false(client):
    r = client.post("/api/v1/search", json={"words": "dad hits mum", "finished": "yes"})
    assert r.status_code == 422 and [e["field"] for e in r.get_json()["errors"]] == ["finished"]


@pytest.mark.parametrize("q, months", CHANGED)
@pytest.mark.parametrize("button", [{"action": "search"}, {"action": "update"}])
def test_the_page_after_the_form_and_the_live_search_read_the_words_alike(client, q, months, button):
    client.post("/adviser/", data=_form(q, months, **button))
    hits = client.post("/adviser/search", data=_form(q, months)).get_json()["hits"]
    assert _page_rows(client) == [h["id"] for h in hits] == _offered(q, months, finished=False)


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
@pytest.mark.parametrize("finished", [False, True])
def test_a_denied_p9_row_stays_in_the_first_three_either_way(client, q, months, denied, finished):
    """Review 12 H6, on the API read as typed and whole: the denied p9 row loses first place and stays in sight."""
    body = {"words": q, "age_months": months, "limit": 3, "finished": finished}
    rows = [r["id"] for r in client.post("/api/v1/search", json=body).get_json()]
    assert rows[0] != denied and denied in rows
