"""Hostile text in every free-text field comes back escaped on every page that shows it (issue 7).

The fields: case reference, override reason, scenario title, narrative and teaching points (the
editor and a YAML import, and the import's file name), a trainee's display name and the join
code, the adviser's call note and search, the sign-in username, the child's age. The payloads
try to open a tag, break out of an attribute or a textarea, smuggle a javascript: URL and run
the text as a Jinja template. Exports are data (JSON, CSV attachments), checked as such.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import yaml
from markupsafe import escape

from pathway.scenarios import loads
from store import assessments
from tests.webapp.accounts.conftest import engine, people, refused_save, save, sign_in  # noqa: F401  (fixtures)
from tests.webapp.conftest import CHILD, csv_text, post_drawn
from tests.webapp.test_practice import answer, join
from tests.webapp.test_practice_library import post_editor

PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "</textarea><svg onload=alert(1)>", "javascript:alert(1)", "{{7*191*100003}}"]
HOSTILE = " ".join(PAYLOADS)  # one field, every payload
FILE_NAME = "<script>alert(1)</script><svg onload=alert(1)>{{7*191*100003}}.yaml"  # a multipart name has no '"'
SHORT = '"><img src=x onerror=alert(1)>'  # fits a 40-character display name
FORMULAS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


class _Markup(HTMLParser):
    """The elements of a page as a browser would parse them: what unescaped input would add."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.found += [f"<{tag} {name}=...>" for name in attrs if name.startswith("on")]
        self.found += [
            f"<{tag} {name}=javascript:...>"
            for name, value in attrs.items()
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith("javascript:")
        ]
        if tag == "script" and "src" not in attrs and "nonce" not in attrs:
            self.found.append("<script> without src or nonce")
        if tag in ("img", "iframe", "object", "embed"):
            self.found.append(f"<{tag}>")  # the app's pages use none of these


def unsafe(html: str) -> list[str]:
    """Markup in a page that only unescaped input could have put there (the app's pages have no
    inline event handlers, javascript: URLs, inline scripts without the nonce or <img>), and
    template text that was evaluated."""
    found = _Markup(html).found
    # Nine digits, not 7*191's "1337": a page's random CSRF token or nonce held "1337" now and then.
    if "133704011" in html:
        found.append("template text evaluated ({{7*191*100003}} gave 133704011)")
    return found


def shown_escaped(response, value: str = HOSTILE) -> None:
    html = response.get_data(as_text=True)
    assert unsafe(html) == [], (response.request.path, unsafe(html))
    assert str(escape(value)) in html, (response.request.path, "the text is not shown back, escaped")


# --- accounts ------------------------------------------------------------------------------------


def test_case_reference_shown_back_escaped_on_the_save_page_and_never_in_an_error_page(client, people):
    sign_in(client, "pat")
    response = refused_save(client, HOSTILE)
    assert response.status_code == 200
    shown_escaped(response)
    for path in ("/cases/{}", "/cases/{}/export.csv", "/cases/{}/export.json", "/cases/{}/entries/1/level"):
        response = client.get(path.format(HOSTILE))
        assert response.status_code == 404 and unsafe(response.get_data(as_text=True)) == []
        assert "alert" not in response.get_data(as_text=True)  # the 404 page does not echo the address


def test_override_reason_escaped_on_every_page_and_exact_in_the_json_export(client, people, engine):
    sign_in(client, "pat")
    save(client, "FSP-0001")
    [summary] = assessments.list_case_refs(engine, people["pat"])
    entry = assessments.history(engine, people["pat"], summary.case_ref)[-1]
    form = f"/cases/FSP-0001/entries/{entry.id}/level"
    too_long = post_drawn(client, form, {"level": "protection", "reason": HOSTILE + "x" * 4000})
    assert too_long.status_code == 200 and "Reason must be" in too_long.get_data(as_text=True)
    shown_escaped(too_long, HOSTILE + "x" * 4000)  # the textarea gives it back, escaped
    assert post_drawn(client, form, {"level": "protection", "reason": HOSTILE}).status_code == 302
    shown_escaped(client.get("/cases/FSP-0001"))
    exported = client.get("/cases/FSP-0001/export.json")
    assert exported.mimetype == "application/json" and exported.headers["X-Content-Type-Options"] == "nosniff"
    assert exported.headers["Content-Disposition"].startswith("attachment;")
    assert json.loads(exported.get_data(as_text=True))["entries"][-1]["overrides"][0]["reason"] == HOSTILE
    client.post("/sign-out")
    sign_in(client, "meg")
    shown_escaped(client.get("/overrides"))


def test_csv_export_defuses_spreadsheet_formulas_in_the_reason(client, people, engine):
    sign_in(client, "pat")
    for n, formula in enumerate(FORMULAS, start=1):
        save(client, f"FSP-{n:04d}")
        entry = assessments.history(engine, people["pat"], f"FSP-{n:04d}")[-1]
        post_drawn(client, f"/cases/FSP-{n:04d}/entries/{entry.id}/level", {"level": "protection", "reason": formula})
        exported = client.get(f"/cases/FSP-{n:04d}/export.csv")
        assert exported.mimetype == "text/csv" and exported.headers["Content-Disposition"].startswith("attachment;")
        [row] = list(csv.DictReader(io.StringIO(csv_text(exported))))
        assert row["override_reason"] == "'" + formula.strip(), formula  # a leading ' makes it text


# --- practice: the editor, an import, a session --------------------------------------------------------

HOSTILE_SCENARIO = {"title": HOSTILE, "narrative": HOSTILE, "why": HOSTILE, "pages": HOSTILE[:80], "common_mistake": HOSTILE, "scenario_id": "hostile-1"}


def _practise(app, trainer, scenario_id: str) -> list:
    """Every practice page that shows the scenario or the trainee: start, join, answer, feedback."""
    started = trainer.post("/practice/new", data={"scenarios": [scenario_id]})
    code = started.location.rsplit("/", 1)[-1]
    trainee = join(app, code, SHORT)
    pages = [
        trainer.get("/practice/new"),
        trainer.get("/practice/scenarios"),
        trainer.get(started.location),
        trainee.get(f"/practice/s/{code}"),
        trainee.get(f"/practice/s/{code}/{scenario_id}"),
        answer(trainee, code, scenario_id, "additional", []),
    ]
    trainer.post(f"/practice/session/{code}/end")
    return pages + [trainer.get(f"/practice/session/{code}/summary"), trainer.get(started.location)]


def test_scenario_written_in_the_editor_is_escaped_on_every_practice_page(app, trainer):
    preview = post_editor(trainer, "preview", **HOSTILE_SCENARIO)
    assert preview.status_code == 200 and "The rules' decision" in preview.get_data(as_text=True)
    shown_escaped(preview)
    saved = post_editor(trainer, "save", **HOSTILE_SCENARIO)
    assert saved.status_code == 302
    shown_escaped(trainer.get("/practice/scenarios"))  # the flash message names the title
    pages = _practise(app, trainer, "hostile-1")
    for page in pages:
        assert page.status_code == 200, page.request.path
        shown_escaped(page)
    shown_escaped(pages[-1], SHORT)  # the trainer's page lists the trainees by display name
    [back] = loads(trainer.get("/practice/scenarios/hostile-1.yaml").get_data(as_text=True))
    assert (back.title, back.narrative, back.teaching.why) == (HOSTILE, HOSTILE, HOSTILE)  # exact, as data


def test_imported_scenario_and_the_import_errors_are_escaped(app, trainer):
    shipped = yaml.safe_load(trainer.get("/practice/scenarios/age-under-2-bruising.yaml").get_data(as_text=True))[0]
    hostile = {
        **shipped,
        "id": "hostile-2",
        "title": HOSTILE,
        "narrative": HOSTILE,
        "teaching": {"why": HOSTILE, "pages": HOSTILE[:80], "common_mistake": HOSTILE},
    }
    upload = {"file": (io.BytesIO(yaml.safe_dump([hostile]).encode()), "hostile.yaml")}
    assert trainer.post("/practice/scenarios/import", data=upload).status_code == 302
    for page in _practise(app, trainer, "hostile-2")[3:6]:  # the trainee's pages
        shown_escaped(page)
    bad = {**hostile, "id": HOSTILE, "answers": {"indicators": [HOSTILE]}}
    refused = trainer.post("/practice/scenarios/import", data={"file": (io.BytesIO(yaml.safe_dump([bad]).encode()), HOSTILE + ".yaml")})
    assert refused.status_code == 200 and "Nothing was imported" in refused.get_data(as_text=True)
    shown_escaped(refused)
    not_yaml = trainer.post("/practice/scenarios/import", data={"file": (io.BytesIO(b"- id: [x"), FILE_NAME)})
    shown_escaped(not_yaml, FILE_NAME)


def test_join_form_gives_the_code_and_a_too_long_name_back_escaped(client):
    response = client.post("/practice/join", data={"code": HOSTILE, "name": HOSTILE})
    assert response.status_code == 200 and "Display name must be 40 characters or fewer" in response.get_data(as_text=True)
    shown_escaped(response)


# --- the journey, sign-in, the call screen, the API --------------------------------------------------


def test_sign_in_username_and_child_age_are_given_back_escaped(client):
    response = client.post("/sign-in", data={"username": HOSTILE, "password": "whatever it is"})
    assert response.status_code == 200
    shown_escaped(response)
    client.post("/safety", data={"immediate": "none"})
    response = client.post("/child", data={**CHILD, "age_years": HOSTILE, "age_months": HOSTILE}, follow_redirects=True)
    assert response.status_code == 200 and "There is a problem" in response.get_data(as_text=True)
    shown_escaped(response)


def test_call_note_and_search_are_escaped_in_the_page_the_summary_and_the_scripts_json(client):
    # a concern, so that the screen shows a route and the call summary (issue 14: none for an empty call)
    assert client.post("/adviser/", data={"note": HOSTILE, "q": HOSTILE, "age_years": HOSTILE, "add": "additional.lack_routine"}).status_code == 303
    page = client.get("/adviser/")
    shown_escaped(page)
    summary = re.search(r'<textarea[^>]*id="app-summary"[^>]*>(.*?)</textarea>', page.get_data(as_text=True), re.S)
    assert str(escape(HOSTILE)) in summary.group(1)  # the call summary to copy carries the note, escaped
    fetched = client.post("/adviser/", data={"note": HOSTILE, "q": HOSTILE}, headers={"X-Requested-With": "fetch"})
    assert fetched.mimetype == "application/json"
    parts = fetched.get_json()["parts"]  # HTML the script puts in the page
    assert all(unsafe(html) == [] for html in parts.values())
    assert str(escape(HOSTILE)) in parts["decision"]
    found = client.post("/adviser/search", data={"q": HOSTILE})
    assert found.mimetype == "application/json" and found.headers["X-Content-Type-Options"] == "nosniff"
    assert found.get_json()["q"] == HOSTILE


def test_api_refusals_naming_hostile_input_are_json_not_html(client):
    response = client.post("/api/v1/assess", json={"child": {"age_years": 3}, "indicators": [HOSTILE]})
    assert response.status_code == 422 and response.mimetype == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.get_json()["errors"][0]["field"].startswith("indicators")


def test_the_practitioner_note_is_escaped_on_the_result_and_the_referral(client):
    client.post("/safety", data={"immediate": ["immediate.significant_harm"]})
    assert client.post("/note", data={"note": HOSTILE}).status_code == 303
    shown_escaped(client.get("/result"))
    shown_escaped(client.get("/referral"))
