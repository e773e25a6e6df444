"""Review 18 surfaces, S1 and S2: one rule for every free-text field (pathway.written_text, through
webapp.written_text): a control character (NUL, BEL, a terminal escape) or a direction override pasted
into a note, a name, a label or a reason is refused naming the field, what was saved before is kept,
and the written referral never carries a byte that is not text. A name with nothing visible is no name.
Oracle: the bytes typed here by hand, and the override reason's words, which refused them first."""

from __future__ import annotations

import re
from html import unescape

import pytest

from tests.webapp.conftest import CHILD, post_drawn, signed_in_client, text, walk_needs
from tests.webapp.test_practice import start_session

PASTED = "R18CTL\x00\x07\x1b[31mend"
FLIPPED = "\u202eR18FLIP seen at home"


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


REFUSED = "must be written text: remove the control characters pasted into it"
P9 = "immediate.unexplained_injuries"


@pytest.mark.parametrize("typed", [PASTED, FLIPPED])
def test_the_journey_note_refuses_pasted_control_text_and_keeps_the_earlier_note(client, typed):
    client.post("/safety", data={"immediate": [P9]})
    assert client.post("/note", data={"note": "first words"}).status_code == 303
    page = text(client.post("/note", data={"note": typed}, follow_redirects=True))
    assert f"Your note {REFUSED}" in page
    txt = client.get("/referral.txt").get_data(as_text=True)
    assert "first words" in txt and "R18" not in txt
    assert not [c for c in txt if (ord(c) < 32 and c not in "\n\t") or c == "\u202e"]


@pytest.mark.parametrize("typed", [PASTED, FLIPPED])
def test_the_call_screen_note_and_search_words_refuse_it_naming_the_field(client, typed):
    base = {"q": "", "age_years": "7", "caller": "professional", "action": "update", "immediate": [P9]}
    html = client.post("/adviser/", data={**base, "note": typed}, follow_redirects=True).get_data(as_text=True)
    assert f"Adviser note {REFUSED}" in text_of(html)
    summary = re.search(r'<textarea[^>]*id="app-summary"[^>]*>(.*?)</textarea>', html, re.S).group(1)
    assert "R18" not in summary  # the summary to copy never carries the refused note
    page = text(client.post("/adviser/", data={**base, "q": "a\x00b\x07c"}, follow_redirects=True))
    assert f"Search words {REFUSED}" in page


def test_the_call_screens_search_refuses_control_text_rather_than_search_it(client):
    body = client.post("/adviser/search", data={"q": "hit\x00s"}).get_json()
    assert body["hits"] == [] and REFUSED in body["error"]


@pytest.mark.parametrize(
    "name, said",
    [
        ("   ", "Enter a display name"),
        ("\u200b", "Enter a display name"),
        ("\u202eR18BIDI", f"Display name {REFUSED}"),
        ("Al\x00ex", f"Display name {REFUSED}"),
    ],
)
def test_a_display_name_that_draws_blank_or_reversed_is_refused(app, trainer, name, said):
    code = start_session(trainer)
    page = text(app.test_client().post("/practice/join", data={"code": code, "name": name}))
    assert said in page and "There is a problem" in page


def test_a_display_name_is_kept_without_its_spaces(app, trainer):
    code = start_session(trainer)
    app.test_client().post("/practice/join", data={"code": code, "name": "  Sam  "})
    assert re.search(r">\s*Sam\s*<", trainer.get(f"/practice/session/{code}").get_data(as_text=True))


@pytest.mark.parametrize("reason, said", [(FLIPPED, f"Reason {REFUSED}"), ("\u200b ", "Enter the reason for recording a different level")])
def test_the_override_reason_refuses_a_direction_override_and_an_invisible_reason(app, reason, said):
    pat = signed_in_client(app, "pat", "practitioner")
    pat.post("/safety", data={"immediate": ["none"]})
    pat.post("/child", data=CHILD)
    walk_needs(pat)
    post_drawn(pat, "/save", {"case_ref": "R18-T1"})
    url = re.search(r'href="(/cases/R18-T1/entries/\d+/level)"', pat.get("/cases/R18-T1").get_data(as_text=True)).group(1)
    page = text(post_drawn(pat, url, {"level": "extensive", "reason": reason}))
    assert said in page
    assert "Level recorded by a professional" not in text(pat.get(url.rsplit("/", 1)[0]))
