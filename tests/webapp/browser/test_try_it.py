"""The README's "Try it" steps, as a newcomer follows them, against the demo's seeded data.

Each test is one kind of user and reaches that user's main page by the README's steps; each takes
the README's picture of that page. Pictures go to test-artifacts/try-it/ in `make test`, and to
docs/img/ with `make screenshots` (FSP_SCREENSHOTS=docs/img), so a change to a page refreshes its
picture with one command. tests/test_docs.py fails if a picture the README shows is missing.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from pathway.catalogue import load_catalogue
from tests.webapp.browser.conftest import ROOT, serving, tick_offered
from tests.webapp.conftest import ALWAYS_OPEN
from webapp import create_app, demo

# The README's worked example, as the practitioner's steps enter it.
TICKS = ["extensive.persistent_absenteeism_school_without", "additional.lack_routine"]
VIEWPORT = {"width": 1100, "height": 900}


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    app = create_app(
        {"SECRET_KEY": "try-it", "OFFICE_HOURS": ALWAYS_OPEN, "DEMO": True, "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite3'}"}
    )
    seeded = demo.seed(app)
    with serving(app) as url:
        yield url, {a.role: a for a in seeded.accounts}


@pytest.fixture
def page(browser, demo_server):
    context = browser.new_context(base_url=demo_server[0], viewport=VIEWPORT)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="module")
def pictures() -> Path:
    folder = Path(os.environ.get("FSP_SCREENSHOTS") or ROOT / "test-artifacts" / "try-it")
    folder = folder if folder.is_absolute() else ROOT / folder
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _sign_in(page, account) -> None:
    """The README: "Sign in" under the header, with the name and password make demo printed."""
    page.goto("/")
    expect(page.locator(".govuk-phase-banner")).to_contain_text("Demo")
    page.get_by_role("navigation", name="Your account").get_by_role("link", name="Sign in").click()
    page.get_by_label("Username").fill(account.username)
    page.get_by_label("Password", exact=True).fill(account.password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("navigation", name="Your account")).to_contain_text(f"Signed in as {account.username}")


def _choose(page, group, label):
    page.get_by_role("group", name=group).get_by_label(label, exact=True).first.check()


def test_a_practitioner_assesses_the_worked_example_and_sees_the_result(page, pictures, axe):
    catalogue = load_catalogue()
    page.goto("/")
    page.get_by_role("button", name="Start now").click()
    page.get_by_label("None of these").check()
    page.get_by_role("button", name="Continue").click()
    _choose(page, "Has the child been born?", "Yes")
    page.get_by_label("Years").fill("7")
    _choose(page, "Does the child have a disability?", "No")
    _choose(page, re.compile("Is a CAF"), "Yes, but things are not improving")
    _choose(page, re.compile("consented to early help"), "Yes")
    _choose(page, "What level is the child supported at now?", "Extensive")
    page.get_by_role("button", name="Continue").click()
    wanted = {catalogue.indicator(i).text for i in TICKS}
    while page.get_by_role("heading", level=1).inner_text() != "Check your answers":
        tick_offered(page, wanted)
        page.get_by_role("button", name="Continue").click()
    assert not wanted, f"never offered: {wanted}"
    page.get_by_role("button", name="See the level").click()
    expect(page.locator(".govuk-panel__title")).to_have_text("Child in Need")
    axe.check(page, "demo-result")  # the demo banner too passes WCAG 2.2 AA
    page.screenshot(path=str(pictures / "result.png"))


def test_a_practitioner_opens_a_saved_cases_history(page, demo_server, pictures, axe):
    _sign_in(page, demo_server[1]["practitioner"])
    page.get_by_role("link", name="Your cases").click()
    page.get_by_role("link", name="DEM-0001").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("DEM-0001")
    expect(page.locator("main")).to_contain_text("Child in Need")
    axe.check(page, "demo-case-history")
    page.screenshot(path=str(pictures / "case-history.png"), full_page=True)


def test_an_adviser_finds_a_concern_on_the_call_screen(page, pictures):
    page.goto("/")
    page.get_by_role("link", name="Call screen (advisers)").click()
    page.wait_for_load_state("load")  # the screen's script listens for typing once it has loaded
    page.locator("#age_years").fill("7")
    page.locator("#q").click()
    page.keyboard.type("no routine")  # key by key, as an adviser types: each key runs the live search
    options = page.get_by_role("listbox", name="Concerns found").get_by_role("option")
    expect(options.first).to_contain_text(load_catalogue().indicator("additional.lack_routine").text)
    page.keyboard.press("Enter")
    expect(page.locator("#app-level")).to_contain_text("Additional")
    page.screenshot(path=str(pictures / "call-screen.png"), full_page=True)


def test_a_trainer_opens_the_finished_practice_sessions_summary(page, demo_server, pictures):
    _sign_in(page, demo_server[1]["trainer"])
    page.goto("/demo/practice-summary")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Summary")
    expect(page.locator("main")).to_contain_text("kappa")
    page.screenshot(path=str(pictures / "practice-summary.png"), full_page=True)


def test_a_manager_sees_the_teams_overrides(page, demo_server):
    _sign_in(page, demo_server[1]["manager"])
    page.get_by_role("link", name="Overrides").click()
    expect(page.locator("main")).to_contain_text("DEM-0002")
    expect(page.locator("main")).to_contain_text(demo.OVERRIDE_REASON)
