"""The call screen holding a need id from an older catalogue (a release renamed it while a call was in the
session): the screen names it, decides without it and never gives the 500 page. An immediate (p9) one is
named as a p9 question to ask again, never dropped without a word: whatever else is decided, the adviser is
told the call once held a p9 concern the screen can no longer read (as the journey's 'Assess again' names a
saved answer today's questions no longer offer, review 10 surfaces W5).

Named once (left12): a renamed concern is a problem on the screen that first meets it, then is said only in
what the call was decided without, so the adviser's next press does not land on the error summary again. A
renamed p9 box stays a problem on every press until the adviser says the p9 questions were asked again."""

from __future__ import annotations

import re
from html import unescape

import pytest

from pathway.catalogue import load_catalogue
from tests.webapp.conftest import text

URL = "/adviser/"
GONE = "additional.renamed_by_a_release"
GONE_P9 = "immediate.renamed_by_a_release"
BULLYING = "additional.experiencing_bullying"


def _with_call(client, **call):
    with client.session_transaction() as session:
        session["adviser_call"] = {"immediate": [], "concerns": [], "age_years": "7", "rev": 3, **call}


def test_the_ids_are_not_in_todays_catalogue():
    catalogue = load_catalogue()
    assert not catalogue.has_indicator(GONE) and not catalogue.has_indicator(GONE_P9)
    assert catalogue.has_indicator(BULLYING)


def test_a_renamed_concern_is_named_and_the_call_decided_without_it(client):
    _with_call(client, concerns=[BULLYING, GONE])
    r = client.get(URL)
    assert r.status_code == 200
    words = text(r)
    assert GONE in words and "no longer" in words, words
    assert "Additional" in words  # decided on the concern today's catalogue still has
    assert load_catalogue().indicator(BULLYING).text in words


def test_a_renamed_immediate_concern_is_named_as_a_p9_question_to_ask_again(client):
    _with_call(client, immediate=[GONE_P9], concerns=[BULLYING])
    r = client.get(URL)
    assert r.status_code == 200
    words = text(r)
    assert GONE_P9 in words and "p9" in words, words
    # the summary to copy says so too, for whoever reads the call record later (review 11 surfaces W1's class)
    summary = unescape(re.search(r'<textarea[^>]*id="app-summary"[^>]*>(.*?)</textarea>', r.get_data(as_text=True), re.S).group(1))
    assert f"Decided without ‘{GONE_P9}’" in summary, summary


@pytest.mark.parametrize("fetch", [False, True], ids=["form", "script"])
def test_the_next_press_of_a_button_keeps_working_and_drops_nothing_silently(client, fetch):
    _with_call(client, immediate=[GONE_P9], concerns=[BULLYING, GONE])
    headers = {"X-Requested-With": "fetch"} if fetch else {}
    r = client.post(URL, data={"rev": "3", "age_years": "7", "action": "update"}, headers=headers)
    assert r.status_code in (200, 303), r.status_code
    page = client.get(URL)
    assert page.status_code == 200
    words = text(page)
    assert GONE in words and GONE_P9 in words, words


def test_only_a_renamed_concern_is_no_concern_yet_and_says_so(client):
    _with_call(client, concerns=[GONE])
    r = client.get(URL)
    assert r.status_code == 200
    assert GONE in text(r)


def test_search_and_new_call_work_with_a_renamed_concern_in_the_call(client):
    _with_call(client, concerns=[GONE])
    assert client.post(URL + "search", data={"q": "bullying", "age_years": "7"}).status_code == 200
    assert client.post(URL + "new").status_code == 303
    assert client.post(URL + "undo").status_code == 303
    assert client.get(URL).status_code == 200


# --- named once, then no longer an error on every press (left12); a lost p9 concern stays until acted on

FETCH = {"X-Requested-With": "fetch"}
FORM = {"rev": "3", "age_years": "7", "action": "update"}


def _summary_box(page) -> bool:
    return "govuk-error-summary" in page.get_data(as_text=True)


def _copied(page) -> str:
    html = page.get_data(as_text=True)
    return unescape(re.search(r'<textarea[^>]*id="app-summary"[^>]*>(.*?)</textarea>', html, re.S).group(1))


def test_a_renamed_concern_is_an_error_once_then_said_only_in_what_the_call_was_decided_without(client):
    _with_call(client, concerns=[BULLYING, GONE])
    first = client.get(URL)
    assert _summary_box(first) and GONE in text(first)
    # the next press of a button (no script): lands back on the screen, not on the error summary
    r = client.post(URL, data={**FORM, "rev": _rev(first)})
    assert r.status_code == 303 and "#app-errors" not in r.headers["Location"], r.headers["Location"]
    page = client.get(URL)
    assert not _summary_box(page), text(page)
    assert not text(page).startswith("Error:") and "<title>Error:" not in page.get_data(as_text=True)
    # still said, in the one list the panel, the status line and the summary to copy use (review 11 W1)
    assert f"Decided without ‘{GONE}’" in text(page)
    assert "There is a problem" not in text(page)  # the panel no longer points at a summary that is not there
    assert GONE in _copied(page) and "Decided without" in _copied(page)


def test_with_the_script_a_renamed_concern_is_an_error_in_the_first_reply_only(client):
    _with_call(client, concerns=[BULLYING, GONE])
    first = client.post(URL, data=FORM, headers=FETCH).get_json()
    assert any(GONE in e["message"] for e in first["errors"]), first["errors"]
    second = client.post(URL, data={**FORM, "rev": str(first["rev"])}, headers=FETCH).get_json()
    assert second["errors"] == [], second["errors"]
    assert f"Decided without ‘{GONE}’" in second["status"], second["status"]
    assert GONE in second["parts"]["decision"]


def test_a_renamed_p9_concern_stays_an_error_on_every_press_until_the_adviser_says_the_p9_questions_were_asked_again(client):
    _with_call(client, immediate=[GONE_P9], concerns=[BULLYING])
    page = client.get(URL)
    for _ in range(2):  # never named once and dropped: every press lands on it
        r = client.post(URL, data={**FORM, "rev": _rev(page)})
        assert r.headers["Location"].endswith("#app-errors"), r.headers["Location"]
        page = client.get(URL)
        assert _summary_box(page) and GONE_P9 in text(page)
    assert "I have asked the p9 questions again" in text(page)
    r = client.post(URL, data={**FORM, "rev": _rev(page), "action": "p9_asked"})
    assert "#app-errors" not in r.headers["Location"]
    page = client.get(URL)
    assert not _summary_box(page), text(page)
    # the record keeps it, and what the adviser did about it
    copied = _copied(page)
    assert GONE_P9 in copied and "p9 questions were asked again" in copied, copied
    assert "p9 questions were asked again" in text(page)


def test_the_p9_acknowledgement_by_the_script(client):
    _with_call(client, immediate=[GONE_P9], concerns=[BULLYING])
    first = client.post(URL, data=FORM, headers=FETCH).get_json()
    second = client.post(URL, data={**FORM, "rev": str(first["rev"])}, headers=FETCH).get_json()
    assert any(GONE_P9 in e["message"] for e in second["errors"])  # still an error: not acted on
    assert "p9_asked" in second["parts"]["errors"]  # the button is in the redrawn part
    third = client.post(URL, data={**FORM, "rev": str(second["rev"]), "action": "p9_asked"}, headers=FETCH).get_json()
    assert third["errors"] == [], third["errors"]
    assert GONE_P9 in third["status"] and "p9 questions were asked again" in third["status"]


def test_asking_again_is_only_for_a_lost_p9_concern(client):
    """The button is offered only with a lost p9 concern, and posting its action without one changes nothing."""
    _with_call(client, concerns=[BULLYING, GONE])
    page = client.get(URL)
    assert "p9_asked" not in page.get_data(as_text=True)
    reply = client.post(URL, data={**FORM, "rev": _rev(page), "action": "p9_asked"}, headers=FETCH).get_json()
    assert "asked again" not in reply["status"]


def test_a_second_renamed_p9_concern_after_the_first_was_acted_on_is_an_error_again(client):
    _with_call(client, immediate=[GONE_P9], concerns=[BULLYING])
    page = client.get(URL)
    client.post(URL, data={**FORM, "rev": _rev(page), "action": "p9_asked"})
    with client.session_transaction() as session:
        session["adviser_call"] = {**session["adviser_call"], "immediate": ["immediate.renamed_again"]}
    page = client.get(URL)
    assert _summary_box(page) and "immediate.renamed_again" in text(page)


def _rev(page) -> str:
    return re.search(r'name="rev" value="(\d+)"', page.get_data(as_text=True)).group(1)
