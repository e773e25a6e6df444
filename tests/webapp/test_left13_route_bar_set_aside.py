"""left13: with every concern the call holds set aside for the age, the call screen's route bar said "No route yet:
add a concern" while the status line said "No concern chosen can be used yet: no route." The bar now says what the
status line says; the empty call is unchanged. The oracle is the status line's words, written here."""

from __future__ import annotations

from html import unescape

URL = "/adviser/"
FETCH = {"X-Requested-With": "fetch"}
FORM = {"caller": "professional", "caf": "", "note": "", "q": ""}
PRE_SCHOOL = "extensive.pre_school_under_stimulated"  # pre-school (under 5): set aside at 15
SAID = "No concern chosen can be used yet: no route."


def _press(client, **data) -> dict:
    reply = client.post(URL, data={**FORM, **data}, headers=FETCH)
    assert reply.status_code == 200
    return reply.get_json()


def test_the_route_bar_says_what_the_status_line_says_while_concerns_are_set_aside(client):
    _press(client, age_years="2", add=PRE_SCHOOL)
    reply = _press(client, age_years="15")
    assert reply["status"].startswith(SAID), reply["status"]
    bar = unescape(reply["parts"]["route_bar"])
    assert SAID in bar and "No route yet" not in bar, bar
    page = unescape(client.get(URL).get_data(as_text=True))
    assert SAID in page.split('id="app-route-bar"')[1].split("</div>")[0]


def test_the_empty_calls_route_bar_is_unchanged(client):
    reply = _press(client, age_years="")
    assert reply["status"].startswith("No concerns chosen yet: no route."), reply["status"]
    assert "No route yet: add a concern" in unescape(reply["parts"]["route_bar"])
