"""Review 14 surfaces (docs/review14-surfaces.md), the web findings Y1, Y2, Y3 and Y6.

Y1: Save stored the session's answers at the moment of the POST, not the ones the save page showed: a
save page that said Protection (ring now) stored Additional after another tab removed the allegation,
and the other way round, with no word. The form now carries a keyed digest of what its page showed
(webapp.shown); a post whose page was drawn from other answers saves nothing and leads to the result
of the answers now, saying why. The class: the override form, drawn when another level was recorded.
Y2: a sign-in that ended (idle or too old) cleared the answers (review 8 V1), and the sign-in page
then said "Your answers are kept while you sign in". Y3: the written referral said "Check it with the
caller." (the call record's words): a referral has no caller. Y6: an old override form sent again
said "This level was already recorded" when a later level had replaced it.
Oracle: rows counted with SQL, and the document's and the pages' words written here."""

from __future__ import annotations

import re
from html import unescape

from sqlalchemy import select
from sqlalchemy import text as sql

from pathway.catalogue import load_catalogue
from store.models import assessments, overrides
from tests.webapp.conftest import CHILD, PASSWORD, hidden, sign_in, signed_in_client, text, walk_needs
from webapp.journey.pages import needs_pages

ALLEGATION = "immediate.allegation_or_disclosure"
UNDER2 = "immediate.unexplained_bruising_under_2"
LOW = "additional.low_self_esteem"
CHANGED = "Nothing was saved: the answers changed since the save page was shown (for example in another tab)."


def _page_of(iid: str) -> str:
    dimension = load_catalogue().indicator(iid).dimension
    return next(p.id for p in needs_pages() if dimension in [g.dimension for g in p.groups])


def _assessed(client, safety: list[str]) -> None:
    client.post("/safety", data={"immediate": safety or ["none"]})
    client.post("/child", data=CHILD)
    walk_needs(client, {_page_of(LOW): [LOW]})


def _levels(app) -> list[str]:
    with app.extensions["fsp_store"].connect() as conn:
        return [r.level for r in conn.execute(select(assessments.c.level).order_by(assessments.c.id))]


def _stale_save(app, first: list[str], then: list[str], ref: str):
    """Tab A draws the save page for `first`; tab B changes the safety answers to `then`; tab A saves."""
    pat = signed_in_client(app, "pat", "practitioner")
    _assessed(pat, first)
    page_a = pat.get("/save").get_data(as_text=True)
    pat.post("/safety?change=1", data={"immediate": then or ["none"]})  # tab B
    return pat, page_a, pat.post("/save", data={**hidden(page_a), "case_ref": ref})


def test_a_save_page_that_said_protection_saves_nothing_once_another_tab_removed_the_p9_answer(app):
    pat, page_a, posted = _stale_save(app, [ALLEGATION], [], "Y1-0001")
    assert "The answers and the result (Protection" in text_of(page_a)
    assert _levels(app) == []  # not Additional, which tab A never showed
    assert posted.status_code == 303 and posted.location == "/result"
    shown = text(pat.get(posted.location))
    assert CHANGED in shown and "This is the result of the answers as they are now. Check it, then save again." in shown
    assert "Level: Additional" in shown or "Additional" in shown.split("Nothing was saved")[1][:400]
    assert CHANGED not in text(pat.get("/result"))  # said once


def test_a_save_page_that_said_additional_saves_nothing_once_another_tab_added_an_allegation(app):
    pat, page_a, posted = _stale_save(app, [], [ALLEGATION], "Y1-0002")
    assert "The answers and the result (Additional" in text_of(page_a)
    assert _levels(app) == []  # not the ring-now tab A never showed
    shown = text(pat.get(posted.location))
    assert shown.index("Ring Children and Families Direct") < shown.index(CHANGED)  # the call first, then why
    # saved again from the page drawn now: the ring-now result it states
    again = pat.get("/save").get_data(as_text=True)
    assert "The answers and the result (Protection" in text_of(again)
    assert pat.post("/save", data={**hidden(again), "case_ref": "Y1-0002"}).status_code == 302
    assert _levels(app) == ["protection"]


def test_the_digest_is_keyed_with_the_apps_secret_and_the_page_shows_no_answer_in_it(app, tmp_path):
    from tests.webapp.conftest import ALWAYS_OPEN
    from webapp import create_app

    url = f"sqlite:///{tmp_path / 'b.sqlite3'}"
    other = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "SECRET_KEY": "another", "DATABASE_URL": url, "OFFICE_HOURS": ALWAYS_OPEN})
    digests = []
    for one in (app, other):
        pat = signed_in_client(one, "pat", "practitioner")
        _assessed(pat, [ALLEGATION])
        digests.append(hidden(pat.get("/save").get_data(as_text=True))["shown"])
    assert all(re.fullmatch(r"[0-9a-f]{64}", d) for d in digests)
    assert digests[0] != digests[1]  # the same answers, another secret: not a bare hash anyone could work out


def test_a_refused_reference_then_changed_answers_still_saves_nothing(app):
    pat = signed_in_client(app, "pat", "practitioner")
    _assessed(pat, [])
    page_a = pat.get("/save").get_data(as_text=True)
    refused = pat.post("/save", data={**hidden(page_a), "case_ref": "no number"})  # followed: the page again
    assert "Case reference" in text(refused)
    pat.post("/safety?change=1", data={"immediate": [ALLEGATION]})
    posted = pat.post("/save", data={**hidden(refused.get_data(as_text=True)), "case_ref": "Y1-0003"})
    assert _levels(app) == [] and posted.location == "/result"


def _saved_entry(app, ref: str):
    """A practitioner, and the address of the override form of the entry they saved under `ref`."""
    pat = signed_in_client(app, "pat", "practitioner")
    _assessed(pat, [])
    pat.post("/save", data={**hidden(pat.get("/save").get_data(as_text=True)), "case_ref": ref})
    return pat, re.search(rf"/cases/{ref}/entries/\d+/level", pat.get(f"/cases/{ref}").get_data(as_text=True)).group(0)


def test_an_override_form_drawn_before_a_colleague_recorded_a_level_records_nothing(app):
    pat, link = _saved_entry(app, "Y1-0004")
    tab_a = hidden(pat.get(link).get_data(as_text=True))
    tab_b = hidden(pat.get(link).get_data(as_text=True))
    pat.post(link, data={**tab_b, "level": "extensive", "reason": "Seen at home"})
    posted = pat.post(link, data={**tab_a, "level": "universal", "reason": "Drawn before"})
    with app.extensions["fsp_store"].connect() as conn:
        assert [r.level for r in conn.execute(select(overrides.c.level))] == ["extensive"]
    words = text(posted)
    assert "The recorded level changed since this page was shown (for example in another tab): it is now Extensive." in words


def test_a_sign_in_that_ended_does_not_promise_the_answers_are_kept_and_says_they_were_cleared(app):
    pat = signed_in_client(app, "pat", "practitioner")
    _assessed(pat, [])
    pat.get("/save")
    with app.extensions["fsp_store"].begin() as conn:
        conn.execute(sql("update sign_ins set expires_at = :t, last_seen = :t"), {"t": "2000-01-01 00:00:00"})
    posted = pat.post("/save", data={"case_ref": "Y2-0001"})
    assert posted.location == "/sign-in"
    page = text(pat.get("/sign-in"))
    said = "Your earlier sign-in ended, so the answers you had typed were cleared from this browser to keep the child's information private."
    assert "Your answers are kept" not in page and said in page
    signed = sign_in(pat, "pat")
    landed = pat.get(pat.get(signed.location).location)  # /save, with no answers: the start page
    assert said in text(landed) and "Start the assessment again." in text(landed)
    assert said not in text(pat.get("/"))  # said once
    assert _levels(app) == []
    assert PASSWORD  # the fixture's password signed in


def test_signing_in_to_save_with_the_answers_kept_still_says_they_are_kept(app, client):
    from store.users import create_user

    create_user(app.extensions["fsp_store"], "sam", "practitioner", "North", PASSWORD)
    _assessed(client, [])
    client.get("/save")
    assert "Your answers are kept while you sign in." in text(client.get("/sign-in"))


def test_the_written_referral_asks_the_referrer_not_a_caller_and_still_names_the_age(client):
    _assessed(client, [])
    client.post("/safety?change=1", data={"immediate": [UNDER2, ALLEGATION]})  # age 8: the under-2 box is left out
    page = text(client.get("/referral"))
    plain = client.get("/referral.txt").get_data(as_text=True)
    for words in (page, plain):
        assert "with the caller" not in words
        assert "Decided without the child's age" in words and "Check it with the referrer." in words


def test_the_call_summary_keeps_the_callers_words():
    from pathway.surfaces import decided_without

    assert decided_without(["the child's age"], record="call").endswith("Check it with the caller.")
    assert decided_without(["the child's age"], record="referral").endswith("Check it with the referrer.")


def test_an_old_override_form_sent_again_names_the_level_recorded_now(app):
    pat, link = _saved_entry(app, "Y6-0001")
    first = {**hidden(pat.get(link).get_data(as_text=True)), "level": "extensive", "reason": "reason one"}
    pat.post(link, data=first)
    pat.post(link, data={**hidden(pat.get(link).get_data(as_text=True)), "level": "universal", "reason": "reason two"})
    again = pat.post(link, data=first)  # Back twice, sent again
    words = text(pat.get(again.location))
    assert "Nothing was recorded: Extensive was recorded earlier, and the level recorded now is Universal." in words
    assert "This level was already recorded." not in words
    with app.extensions["fsp_store"].connect() as conn:
        assert [r.level for r in conn.execute(select(overrides.c.level).order_by(overrides.c.id))] == ["extensive", "universal"]


def test_the_same_override_form_double_clicked_still_says_already_recorded(app):
    pat, link = _saved_entry(app, "Y6-0002")
    body = {**hidden(pat.get(link).get_data(as_text=True)), "level": "extensive", "reason": "reason one"}
    pat.post(link, data=body)
    words = text(pat.get(pat.post(link, data=body).location))
    assert "This level was already recorded." in words


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))
