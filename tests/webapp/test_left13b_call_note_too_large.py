"""left13b: the call screen's note posted over the body limit (a pasted email thread) got the generic
413 page ("What was sent is too large."), naming no field. It now names the note and its limit (and
the search box, the screen's other free text), says the call so far is kept and links back to it;
the call's concerns and the child's age, saved before, are still there. Oracle: the limit written
here (pathway.call_summary's 2,000) and the screen's own words."""

from __future__ import annotations

import re

from pathway.call_summary import MAX_NOTE
from tests.webapp.conftest import text

URL = "/adviser/"
HUGE = "x" * 100_000


def test_a_note_over_the_body_limit_names_the_note_and_its_limit_and_keeps_the_call(client):
    assert MAX_NOTE == 2000
    client.post(URL, data={"q": "", "add": "additional.lack_routine", "age_years": "7", "age_months": "3", "caller": "professional"})
    r = client.post(URL, data={"q": "", "age_years": "7", "age_months": "3", "caller": "professional", "note": HUGE, "action": "update"})
    words = text(r)
    assert r.status_code == 413
    assert "‘Adviser note (optional)’ (at most 2,000 characters)" in words
    assert "Nothing was saved" in words
    assert "The call so far is kept" in words
    assert re.search(r'href="/adviser/"', r.get_data(as_text=True))
    screen = client.get(URL).get_data(as_text=True)
    assert 'name="remove" value="additional.lack_routine"' in screen  # the concern is still chosen
    assert re.search(r'id="age_years"[^>]*value="7"|value="7"[^>]*id="age_years"', screen)  # the age too


def test_the_call_screen_labels_are_the_ones_the_page_names():
    """The 413 page's words for the call screen are the screen's own labels (one constant each)."""
    from webapp.adviser import forms

    assert forms.NOTE_LABEL == "Adviser note (optional)" and forms.SEARCH_LABEL == "Search for a concern"


def test_the_call_screen_script_gets_the_same_words_as_json(client):
    """With JavaScript on, the screen posts with fetch: a body over the limit answered with the 413 page's
    words as JSON, so the script can say which field is too long (it showed only "may be out of date")."""
    r = client.post(
        URL,
        data={"q": "", "age_years": "7", "caller": "professional", "note": HUGE, "action": "update"},
        headers={"X-Requested-With": "fetch", "Accept": "application/json"},
    )
    assert r.status_code == 413
    words = r.get_json()["too_large"]
    assert "‘Adviser note (optional)’ (at most 2,000 characters)" in words
    assert "nothing was saved" in words
