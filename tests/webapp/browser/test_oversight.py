"""Managers' and practitioners' new pages in a real browser, each under axe-core: a saved entry
reopened and assessed again, the overrides page filtered, a review recorded, the team dashboard,
and a manager with oversight of a further team filtering both by team."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from rules import evaluate
from store import oversight
from store.assessments import record_override, save_assessment
from store.users import create_user
from tests.conftest import make_case
from tests.webapp.browser.conftest import serving, sign_in
from tests.webapp.conftest import ALWAYS_OPEN, PASSWORD
from webapp import create_app


@pytest.fixture(scope="module")
def oversight_server(tmp_path_factory):
    app = create_app(
        {"SECRET_KEY": "browser-oversight", "OFFICE_HOURS": ALWAYS_OPEN, "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('ovs') / 'web.sqlite3'}"}
    )
    engine = app.extensions["fsp_store"]
    pat = create_user(engine, "pat", "practitioner", "North", PASSWORD)
    create_user(engine, "meg", "manager", "North", PASSWORD)
    case = make_case(["additional.dental_decay_not_accessing"], caf="none", disability="none", caller="professional")
    lowered = save_assessment(engine, pat, "FSP-0001", case, evaluate(case, office_hours=ALWAYS_OPEN))
    record_override(engine, pat, lowered.id, "universal", "Needs met by the school nurse")
    harm = make_case(["immediate.significant_harm"], caf="none", disability="none", caller="professional")
    immediate = save_assessment(engine, pat, "FSP-0002", harm, evaluate(harm, office_hours=ALWAYS_OPEN))
    record_override(engine, pat, immediate.id, "extensive", "Father has left the home")
    sam = create_user(engine, "sam", "practitioner", "South", PASSWORD)
    raised = save_assessment(engine, sam, "STH-0001", case, evaluate(case, office_hours=ALWAYS_OPEN))
    record_override(engine, sam, raised.id, "protection", "Disclosure after the visit")
    create_user(engine, "sal", "manager", "North", PASSWORD)
    oversight.grant(engine, "sal", "South")
    with serving(app) as url:
        yield url


def test_entry_reopened_and_assessed_again(browser, oversight_server, axe):
    page = browser.new_context(base_url=oversight_server).new_page()
    page.goto("/cases/FSP-0001")
    sign_in(page, "pat")
    page.goto("/cases/FSP-0001")
    page.get_by_role("link", name="the result as shown then").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Result as shown on")
    axe.check(page, "accounts-entry")
    page.locator('a[href*="/document#page-13"]').first.click()  # a citation: the entry's own document view
    expect(page.get_by_text("Highlighted: the needs chosen in the assessment saved for case FSP-0001")).to_be_visible()
    expect(page.locator("mark.app-highlight").first).to_contain_text("Dental decay")
    axe.check(page, "accounts-entry-document")
    page.go_back()
    page.get_by_role("button", name="Assess again from these answers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")


def test_manager_filters_reviews_and_reads_the_dashboard(browser, oversight_server, axe):
    page = browser.new_context(base_url=oversight_server).new_page()
    page.goto("/overrides")
    sign_in(page, "meg")
    expect(page.get_by_role("heading", level=1)).to_have_text("Levels recorded by professionals")
    expect(page.get_by_text("Lower than the tool's").first).to_be_visible()
    page.get_by_label("Direction").select_option("down")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("#shown")).to_have_text("Showing 2 of 2.")
    expect(page.locator("#immediate-overrides")).to_contain_text("Protection (immediate referral)")
    axe.check(page, "accounts-overrides")
    page.get_by_role("link", name="Record a review").first.click()
    axe.check(page, "accounts-review")
    page.get_by_label("Note (optional)").fill("Agreed in supervision")
    page.get_by_role("button", name="Record that I reviewed this").click()
    expect(page.get_by_text("Reviewed by meg")).to_be_visible()
    page.get_by_role("link", name="Team dashboard").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Team dashboard: North")
    expect(page.get_by_role("img", name="Decisions by level each month for North")).to_be_visible()
    axe.check(page, "accounts-dashboard")
    page.get_by_role("link", name="See them, with both decisions and the reasons").click()
    expect(page.locator("#immediate-overrides")).to_contain_text("Father has left the home")


def test_a_manager_with_oversight_filters_by_team(browser, oversight_server, axe):
    page = browser.new_context(base_url=oversight_server).new_page()
    page.goto("/dashboard")
    sign_in(page, "sal")
    expect(page.get_by_role("heading", level=1)).to_have_text("Team dashboard: North and South")
    page.get_by_label("Team").select_option("South")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Team dashboard: South")
    axe.check(page, "accounts-dashboard-team")
    page.goto("/dashboard?team=Nowhere")
    expect(page.get_by_role("link", name="Team: choose one of the teams you oversee. Showing all of them")).to_be_visible()
    axe.check(page, "accounts-dashboard-team-error")
    page.goto("/overrides")
    page.get_by_label("Team").select_option("South")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("#shown")).to_have_text("Showing 1 of 3.")
    expect(page.get_by_role("link", name="STH-0001", exact=True)).to_be_visible()
    axe.check(page, "accounts-overrides-team")
