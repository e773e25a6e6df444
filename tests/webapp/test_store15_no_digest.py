"""store15 (review 14 Y1's rest): a Save or "Record a different level" post carrying NO digest of what its
page showed was taken as before (webapp.shown.changed: "as a missing one-time token is"), so a hand-made
post, or a page drawn before digests, could record a decision the user never saw. It is now refused like a
stale one: nothing recorded, the result (or the level) as it stands now shown, the call to make first on a
ring-now result, and a plain message that the page could not be checked. The forms' own pages always carry
the digest; no other client (the JSON API, the CLI) records through these forms.
Oracle: rows counted with SQL, and the pages' words written here. Before store15 each post below saved
(or recorded) a row."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from store.models import assessments, overrides
from tests.webapp.conftest import CHILD, drawn, post_drawn, signed_in_client, text, walk_needs

ALLEGATION = "immediate.allegation_or_disclosure"
UNCHECKED = "Nothing was saved: the save page could not be checked against the answers as they are now."
CHANGED = "Nothing was saved: the answers changed since the save page was shown"


def _count(app, table) -> int:
    with app.extensions["fsp_store"].connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def _assessed(app, safety: list[str]):
    pat = signed_in_client(app, "pat", "practitioner")
    pat.post("/safety", data={"immediate": safety or ["none"]})
    pat.post("/child", data=CHILD)
    walk_needs(pat, {"health": ["additional.dental_decay_not_accessing"]})
    return pat


def test_a_save_without_the_digest_saves_nothing_and_shows_the_ring_now_result_first(app):
    pat = _assessed(app, [ALLEGATION])
    page = drawn(pat, "/save")
    assert page["shown"]  # the page carries it
    del page["shown"]
    posted = pat.post("/save", data={**page, "case_ref": "S15-0001"})
    assert _count(app, assessments) == 0
    assert posted.status_code == 303 and posted.location == "/result"
    words = text(pat.get(posted.location))
    assert UNCHECKED in words and CHANGED not in words
    assert "This is the result of the answers as they are now. Check it, then save again." in words
    assert words.index("Ring Children and Families Direct") < words.index(UNCHECKED)  # the call first, then why
    assert UNCHECKED not in text(pat.get("/result"))  # said once
    # saved from the page as drawn: saved, once
    assert post_drawn(pat, "/save", {"case_ref": "S15-0001"}).status_code == 302 and _count(app, assessments) == 1


def test_an_empty_or_unreadable_digest_is_refused_too_never_a_500(app):
    pat = _assessed(app, [])
    for shown in ("", "ü" * 64, "0" * 64):
        posted = pat.post("/save", data={**drawn(pat, "/save"), "shown": shown, "case_ref": "S15-0002"})
        assert posted.status_code == 303 and posted.location == "/result", (shown, posted.status_code)
        # an empty digest is none: said as not checked, not as answers that changed (mut16: shown.missing 1)
        words = text(pat.get("/result"))
        assert (UNCHECKED in words, CHANGED in words) == ((True, False) if shown == "" else (False, True)), shown
    assert _count(app, assessments) == 0


def test_an_override_without_the_digest_records_nothing_and_names_the_level_recorded_now(app):
    pat = _assessed(app, [])
    post_drawn(pat, "/save", {"case_ref": "S15-0003"})
    link = re.search(r"/cases/S15-0003/entries/\d+/level", pat.get("/cases/S15-0003").get_data(as_text=True)).group(0)
    page = drawn(pat, link)
    del page["shown"]
    posted = pat.post(link, data={**page, "level": "extensive", "reason": "Seen at home"}, follow_redirects=True)
    assert _count(app, overrides) == 0
    words = text(posted)
    assert "This page could not be checked against the level recorded now: it is now Additional." in words
    assert "Nothing was recorded: check it, then choose the level you record again." in words
    assert "changed since this page was shown" not in words
    assert post_drawn(pat, link, {"level": "extensive", "reason": "Seen at home"}).status_code == 302 and _count(app, overrides) == 1
