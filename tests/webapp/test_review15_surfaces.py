"""Review 15 surfaces (docs/review15-surfaces.md), the web findings Z1, Z4 and Z6.

Z1: a form behind sign-in sent after the sign-in ended (30 minutes idle while a reason, a review note or
a scenario is written) went to the sign-in page and recorded nothing, and no page said so. Now the sign-in
page, and once the page after signing in, say what was not recorded; a reason or note about a child is not
kept (review 8 V1), an invented scenario is, and is back in the editor. The sign-in page says what it is
for by the page that asked for it (a trainer is told about the library). Z4: the CSV exports start with a
UTF-8 byte order mark. Z6: the save page of a ring-now result said "Protection", not "Protection
(immediate referral)".
Oracle: rows counted with SQL, the session table and the log read for the typed words, and the pages'
words written here."""

from __future__ import annotations

import csv
import io
import logging
import re
from html import unescape

from sqlalchemy import func, select
from sqlalchemy import text as sql

from store.models import override_reviews, overrides, practice_scenario_versions, web_sessions
from tests.webapp.conftest import PASSWORD, csv_text, sign_in, signed_in_client, text
from tests.webapp.conftest import hidden as _hidden
from tests.webapp.test_practice import start_session
from tests.webapp.test_practice_library import NEW, TICKS
from tests.webapp.test_review14_surfaces import _assessed
from webapp.access import SESSION_TRAINER, SIGNED_IN, of
from webapp.practice.forms import indicator_data

ALLEGATION = "immediate.allegation_or_disclosure"
BANNER = "Important"  # GOV.UK's notification banner's title


def _saved_entry(app, ref: str):
    """A practitioner, and the address of the override form of the entry they saved under `ref`."""
    pat = signed_in_client(app, "pat", "practitioner")
    _assessed(pat, [])
    pat.post("/save", data={**_hidden(pat.get("/save").get_data(as_text=True)), "case_ref": ref})
    pat.post("/start-again")
    return pat, re.search(rf"/cases/{ref}/entries/\d+/level", pat.get(f"/cases/{ref}").get_data(as_text=True)).group(0)


def _end_sign_ins(app) -> None:
    """As 30 minutes idle, or the sign-in's maximum age, would."""
    with app.extensions["fsp_store"].begin() as conn:
        conn.execute(sql("update sign_ins set expires_at = :t, last_seen = :t"), {"t": "2000-01-01 00:00:00"})


def _count(app, table) -> int:
    with app.extensions["fsp_db"].connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def _sessions_hold(app, marker: str) -> bool:
    with app.extensions["fsp_db"].connect() as conn:
        return any(marker in row.data for row in conn.execute(select(web_sessions.c.data)))


def _sent_then_signed_in(client, url: str, data: dict, username: str):
    """Send the form (its sign-in ended), read the sign-in page, sign in: the sign-in page's words, where
    signing in leads and that page's words, and the same page once more."""
    posted = client.post(url, data=data)
    assert posted.location == "/sign-in", posted.location
    sign_in_page = text(client.get("/sign-in"))
    signed = sign_in(client, username)
    landed = text(client.get(signed.location))
    return sign_in_page, signed.location, landed, text(client.get(signed.location))


def test_a_level_recorded_after_the_sign_in_ended_records_nothing_and_both_pages_say_so(app, caplog):
    pat, link = _saved_entry(app, "Z1-0001")
    form = _hidden(pat.get(link).get_data(as_text=True))
    _end_sign_ins(app)
    with caplog.at_level(logging.DEBUG):
        sign_in_page, to, landed, again = _sent_then_signed_in(pat, link, {**form, "level": "extensive", "reason": "Z1REASON seen at home"}, "pat")
    said = (
        "Your sign-in ended before the level was recorded. Nothing was recorded, and the reason you wrote was not kept "
        "to keep the child's information private: record it again."
    )
    assert said in sign_in_page and said in landed and to == "/cases"
    assert said not in again  # said once
    assert _count(app, overrides) == 0
    assert "Z1REASON" not in sign_in_page + landed and not _sessions_hold(app, "Z1REASON")
    assert "Z1REASON" not in caplog.text
    assert "form not acted on: its sign-in had ended (cases.override)" in caplog.text  # the endpoint, no content


def test_a_review_sent_after_the_sign_in_ended_records_nothing_and_keeps_no_note(app, caplog):
    pat, link = _saved_entry(app, "Z1-0002")
    pat.post(link, data={**_hidden(pat.get(link).get_data(as_text=True)), "level": "extensive", "reason": "Seen at home"})
    mia = signed_in_client(app, "mia", "manager")
    review = re.search(r"/overrides/\d+/review", mia.get("/overrides").get_data(as_text=True)).group(0)
    form = _hidden(mia.get(review).get_data(as_text=True))
    _end_sign_ins(app)
    with caplog.at_level(logging.DEBUG):
        sign_in_page, to, landed, again = _sent_then_signed_in(mia, review, {**form, "note": "Z1NOTE agreed with the worker"}, "mia")
    said = "Your sign-in ended before your review was recorded. Nothing was recorded, and the note you wrote was not kept"
    assert said in sign_in_page and said in landed and said not in again and to == "/overrides"
    assert "Sign in to see and review the levels your team's practitioners recorded." in sign_in_page
    assert _count(app, override_reviews) == 0
    assert not _sessions_hold(app, "Z1NOTE") and "Z1NOTE" not in caplog.text


def _ticked(editor_html: str) -> set[str]:
    """The needs ticked in the editor's checkboxes."""
    return {m for tag in re.findall(r"<input[^>]*>", editor_html) if " checked" in tag for m in re.findall(r'value="([a-z_]+\.[a-z0-9_]+)"', tag)}


def test_a_scenario_kept_over_the_sign_in_keeps_every_need_ticked_in_one_group(app):
    """mut16 (_sent_after_the_sign_in_ended 15, 16): the kept form's fields were read one value a name unnoticed,
    so of two needs ticked in one group (both health needs here) only the first came back to the editor: the
    scenario saved again would be another one than the trainer wrote."""
    ticks = ["additional.concerns_about_diet_poor", "additional.dental_decay_not_accessing", "additional.stress_factors_poor_housing"]
    tess = signed_in_client(app, "tess", "trainer")
    form = _hidden(tess.get("/practice/scenarios/new").get_data(as_text=True))
    _end_sign_ins(app)
    assert tess.post("/practice/scenarios/new", data={**NEW, **indicator_data(ticks), **form, "save": "1"}).location == "/sign-in"
    signed = sign_in(tess, "tess")
    assert _ticked(tess.get(signed.location).get_data(as_text=True)) == set(ticks)


def test_a_scenario_saved_after_the_sign_in_ended_is_kept_and_back_in_the_editor(app):
    tess = signed_in_client(app, "tess", "trainer")
    form = _hidden(tess.get("/practice/scenarios/new").get_data(as_text=True))
    _end_sign_ins(app)
    body = {**NEW, **indicator_data(TICKS), **form, "narrative": "Z1NARR an invented family", "save": "1"}
    posted = tess.post("/practice/scenarios/new", data=body)
    assert posted.location == "/sign-in"
    sign_in_page = text(tess.get("/sign-in"))
    assert "Your sign-in ended before the scenario was sent. Nothing was saved to the library." in sign_in_page
    assert "Sign in to write a scenario for the practice scenario library." in sign_in_page
    assert "Sign in to save assessments and see your cases" not in sign_in_page  # a trainer saves none
    assert "The username or password is not right" in text(sign_in(tess, "tess", "not the password"))  # refused first
    signed = sign_in(tess, "tess")
    assert signed.location == "/practice/scenarios/new"
    editor = tess.get(signed.location).get_data(as_text=True)
    assert "Z1NARR an invented family" in editor and NEW["title"] in editor
    assert "What you wrote is back in the editor below: check it and save it again." in text_of(editor)
    assert _count(app, practice_scenario_versions) == 0
    assert "Z1NARR" not in tess.get("/practice/scenarios/new").get_data(as_text=True)  # shown once, as a refused form is
    saved = tess.post("/practice/scenarios/new", data={**NEW, **indicator_data(TICKS), **_hidden(editor), "save": "1"})  # saved again
    assert saved.location == "/practice/scenarios" and _count(app, practice_scenario_versions) == 1


def test_nothing_is_said_or_kept_after_signing_out(app):
    tess = signed_in_client(app, "tess", "trainer")
    _end_sign_ins(app)
    tess.post("/practice/scenarios/new", data={**NEW, **indicator_data(TICKS), "narrative": "Z1GONE", "save": "1"})
    tess.post("/sign-out")
    assert "Your sign-in ended before" not in text(tess.get("/sign-in"))
    assert not _sessions_hold(app, "Z1GONE")


def test_every_form_behind_sign_in_says_what_it_did_not_do():
    """The class: every signed-in route that takes a POST has its words (Save has review 14 Y2's)."""
    from webapp import create_app
    from webapp.accounts.auth import NOT_DONE

    app = create_app({"TESTING": True, "SECRET_KEY": "test", "DATABASE_URL": "sqlite://"})
    behind = (SIGNED_IN, SESSION_TRAINER)  # a running session's trainer forms too (surf16)
    posted = {r.endpoint for r in app.url_map.iter_rules() if "POST" in (r.methods or ()) and (a := of(app, r.endpoint)) is not None and a.who in behind}
    assert posted - {"cases.save"} == set(NOT_DONE), posted ^ set(NOT_DONE)
    assert {"cases.override", "cases.review", "practice.write"} <= posted


def test_the_sign_in_page_says_what_it_is_for(app):
    def sign_in_page(path: str) -> str:
        client = app.test_client()
        asked = client.get(path)
        assert asked.location == "/sign-in", (path, asked.location)
        return text(client.get(asked.location))

    assert "Sign in to use the practice scenario library." in sign_in_page("/practice/scenarios")
    assert "Sign in to start a practice session." in sign_in_page("/practice/new")
    assert "Sign in to try a change to the ruleset." in sign_in_page("/admin/ruleset")
    assert "Sign in to see your team's dashboard." in sign_in_page("/dashboard")
    cases = sign_in_page("/cases")
    assert "Sign in to save assessments and see your cases. You do not need to sign in to assess a child's needs." in cases
    assert "Your sign-in ended before" not in cases and PASSWORD


# --- Z4: the CSV exports --------------------------------------------------------------------------


def test_export_csv_starts_with_a_byte_order_mark_and_reads_as_typed(app):
    pat, link = _saved_entry(app, "Z4-0001")
    reason = "Siân’s teacher – “mild” — £0 =1+1"
    pat.post(link, data={**_hidden(pat.get(link).get_data(as_text=True)), "level": "extensive", "reason": reason})
    r = pat.get("/cases/Z4-0001/export.csv")
    assert r.data[:3] == bytes([0xEF, 0xBB, 0xBF]) and r.mimetype == "text/csv"
    [row] = list(csv.DictReader(io.StringIO(r.data.decode("utf-8-sig"))))
    assert row["override_reason"] == reason and row["assessment_id"].isdigit()  # the first column's name: no BOM in it


def test_practice_summary_csv_starts_with_a_byte_order_mark_and_keeps_the_formula_guard(app, trainer):
    code = start_session(trainer)
    for name in ("Zoë Ó’Brien", "=1+1"):
        app.test_client().post("/practice/join", data={"code": code, "name": name})
    rows = list(csv.reader(io.StringIO(csv_text(trainer.get(f"/practice/session/{code}/summary.csv")))))
    assert rows[0][0] == "table"
    assert {r[1] for r in rows if r[0] == "trainee"} == {"Zoë Ó’Brien", "'=1+1"}


def test_every_csv_the_app_serves_goes_through_the_one_helper():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "webapp"
    serving = [p.relative_to(root).as_posix() for p in root.rglob("*.py") if "text/csv" in p.read_text(encoding="utf-8")]
    assert serving == ["downloads.py"], serving


# --- Z6: the save page of a ring-now result --------------------------------------------------------


def test_the_save_page_of_an_immediate_referral_says_so(app):
    pat = signed_in_client(app, "pat", "practitioner")
    _assessed(pat, [ALLEGATION])
    words = text(pat.get("/save"))
    assert "The answers and the result (Protection (immediate referral), ruleset" in words


def test_the_save_page_of_another_level_names_it_plainly(app):
    pat = signed_in_client(app, "pat", "practitioner")
    _assessed(pat, [])
    assert "The answers and the result (Additional, ruleset" in text(pat.get("/save"))


def test_a_saved_ring_now_entry_is_named_immediate_on_the_case_and_cases_pages(app):
    pat = signed_in_client(app, "pat", "practitioner")
    _assessed(pat, [ALLEGATION])
    pat.post("/save", data={**_hidden(pat.get("/save").get_data(as_text=True)), "case_ref": "Z6-0001"})
    for page in ("/cases", "/cases/Z6-0001"):
        assert "Protection (immediate referral)" in text(pat.get(page)), page


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def test_todays_decision_of_an_older_entry_is_named_immediate_when_it_is_one():
    from types import SimpleNamespace

    from webapp.cases.reopen import Later, today_words

    entry = SimpleNamespace(level="extensive")
    now = Later("fsp-2014 (9.9.9)", ("level", "immediate"), "protection", immediate=True)
    assert today_words(now, entry) == "Today's ruleset, fsp-2014 (9.9.9), decides Protection (immediate referral)"  # type: ignore[arg-type]
    plain = Later("fsp-2014 (9.9.9)", ("level",), "additional")
    assert today_words(plain, entry, "additional") == "Today's ruleset, fsp-2014 (9.9.9), decides Additional: the level recorded"  # type: ignore[arg-type]
