"""Hostile text in a real browser: no dialog ever opens and the page never trips its own Content
Security Policy, on the pages that show a scenario's narrative, a trainee's name, an override
reason and the adviser's call note (replaced by the call screen's script as well as served).

A dialog would mean the text ran; a CSP violation would mean unescaped markup reached the page and
only the CSP stopped it. Its own server and database, so it can create the accounts and records.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from rules import evaluate
from store import assessments
from store.users import create_user
from tests.conftest import make_case
from tests.webapp.browser.conftest import serving, sign_in
from tests.webapp.conftest import ALWAYS_OPEN, PASSWORD
from tests.webapp.test_hostile_text import HOSTILE, SHORT
from webapp import create_app
from webapp.practice import library

RECORD_VIOLATIONS = """document.addEventListener('securitypolicyviolation',
  (e) => (window.__violations = window.__violations || []).push(e.violatedDirective + ' ' + e.blockedURI))"""


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    app = create_app(
        {"SECRET_KEY": "browser-hostile", "OFFICE_HOURS": ALWAYS_OPEN, "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'web.sqlite3'}"}
    )
    engine = app.extensions["fsp_store"]
    pat = create_user(engine, "pat", "practitioner", "North", PASSWORD)
    create_user(engine, "meg", "manager", "North", PASSWORD)
    create_user(engine, "tess", "trainer", "Training", PASSWORD)
    case = make_case(["additional.dental_decay_not_accessing"])
    entry = assessments.save_assessment(engine, pat, "FSP-0001", case, evaluate(case, office_hours=ALWAYS_OPEN))
    assessments.record_override(engine, pat, entry.id, "extensive", HOSTILE)
    with app.app_context():
        shipped = library.by_id()["age-under-2-bruising"].scenario
        library.save(
            shipped.model_copy(
                update={
                    "id": "hostile-1",
                    "title": HOSTILE,
                    "narrative": HOSTILE,
                    "teaching": shipped.teaching.model_copy(update={"why": HOSTILE, "common_mistake": HOSTILE}),
                }
            )
        )
    with serving(app) as url:
        yield url


class Watched:
    """A page that fails the test on any dialog and keeps the CSP violations it reports."""

    def __init__(self, browser, base_url):
        self.context = browser.new_context(base_url=base_url)
        self.context.add_init_script(RECORD_VIOLATIONS)
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def check(self, where: str) -> None:
        self.page.wait_for_load_state("load")
        violations = self.page.evaluate("() => window.__violations || []")
        assert (self.dialogs, violations) == ([], []), where


def test_hostile_text_never_runs_in_the_browser(browser, hostile_server):
    trainer = Watched(browser, hostile_server)
    t = trainer.page
    t.goto("/practice/new")
    sign_in(t, "tess")
    t.locator('input[name="scenarios"][value="hostile-1"]').check()
    t.get_by_role("button", name="Start the session").click()
    code = re.search(r"([A-Z2-9]{6})", t.get_by_role("heading", level=1).inner_text()).group(1)
    trainer.check("trainer's session page")

    trainee = Watched(browser, hostile_server)
    p = trainee.page
    p.goto("/practice/join")
    p.get_by_label("Join code").fill(code)
    p.get_by_label("Your display name").fill(SHORT)
    p.get_by_role("button", name="Join").click()
    trainee.check("trainee's list")
    p.get_by_role("link", name=re.compile("alert")).click()
    expect(p.locator(".app-narrative")).to_contain_text(HOSTILE)
    trainee.check("answer page with the narrative")
    p.get_by_role("group", name="Which level of need does this child's situation meet?").get_by_label("Protection", exact=True).check()
    p.get_by_role("button", name="Check my answer").click()
    expect(p.get_by_text("You have not selected any indicator")).to_be_visible()  # asked once, then accepted
    p.get_by_role("button", name="Check my answer").click()
    expect(p.locator("#teaching")).to_contain_text(HOSTILE)
    trainee.check("feedback page with the teaching points")

    t.reload()
    expect(t.locator("body")).to_contain_text(SHORT)
    trainer.check("trainer's page with the display name")
    t.get_by_role("button", name="End the session and see the summary").click()
    trainer.check("summary")
    t.goto("/practice/scenarios")
    trainer.check("scenario library")

    practitioner = Watched(browser, hostile_server)
    page = practitioner.page
    page.goto("/cases")
    sign_in(page, "pat")
    page.goto("/cases/FSP-0001")
    expect(page.locator("body")).to_contain_text(HOSTILE)
    practitioner.check("case page with the override reason")
    page.get_by_role("link", name=re.compile("Record a different level")).first.click()
    practitioner.check("override form")
    page.get_by_role("button", name="Sign out").click()
    page.goto("/overrides")
    sign_in(page, "meg")
    expect(page.locator("body")).to_contain_text(HOSTILE)
    practitioner.check("managers' overrides page")

    adviser = Watched(browser, hostile_server)
    a = adviser.page
    a.goto("/adviser/")
    a.locator('input[value="immediate.trafficking_victim"]').check()  # a concern: the summary shows
    expect(a.locator("#app-summary")).to_be_visible()
    a.locator("#note").fill(HOSTILE)  # the script posts it and puts the answer in with innerHTML
    expect(a.locator("#app-summary")).to_have_value(re.compile(re.escape(HOSTILE)))
    a.locator("#q").fill(HOSTILE)
    a.wait_for_timeout(600)
    adviser.check("call screen after the script's update")
    a.reload()
    adviser.check("call screen served with the note")
    for watched in (trainer, trainee, practitioner, adviser):
        watched.context.close()
