"""Sign in, assess, save, see the case page, record a different level: in a real browser, with
axe-core on every accounts page. Its own server and database, so it can create the user."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from pathway.catalogue import load_catalogue
from store.users import create_user
from tests.webapp.browser.conftest import serving
from tests.webapp.conftest import ALWAYS_OPEN
from webapp import create_app

PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def accounts_server(tmp_path_factory):
    app = create_app(
        {"SECRET_KEY": "browser-accounts", "OFFICE_HOURS": ALWAYS_OPEN, "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('acc') / 'web.sqlite3'}"}
    )
    create_user(app.extensions["fsp_store"], "pat", "practitioner", "North", PASSWORD)
    with serving(app) as url:
        yield url


def _choose(page, group, label):
    page.get_by_role("group", name=group).get_by_label(label, exact=True).first.check()


def _continue(page):
    page.get_by_role("button", name="Continue").click()


def test_sign_in_assess_save_and_see_the_case(browser, accounts_server, axe, artifacts):
    context = browser.new_context(base_url=accounts_server)
    page = context.new_page()
    dental = load_catalogue().indicator("additional.dental_decay_not_accessing").text

    # assess without signing in
    page.goto("/")
    page.get_by_role("button", name="Start now").click()
    page.get_by_label("None of these").check()
    _continue(page)
    _choose(page, "Has the child been born?", "Yes")
    page.get_by_label("Years").fill("8")
    for group, answer in [
        ("Does the child have a disability?", "No"),
        (re.compile("Is a CAF"), "No"),
        (re.compile("consented to early help"), "Yes"),
        ("What level is the child supported at now?", "None, or not known"),
    ]:
        _choose(page, group, answer)
    _continue(page)
    while page.get_by_role("heading", level=1).inner_text() != "Check your answers":
        box = page.get_by_label(dental, exact=True)
        if box.count():
            box.check()
        _continue(page)
    page.get_by_role("button", name="See the level").click()
    expect(page.locator(".govuk-panel__title")).to_have_text("Additional")

    # save: sign in first, then back to saving
    page.get_by_role("button", name="Save this assessment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    expect(page.locator("main")).to_contain_text("Sign in to save this assessment")
    axe.check(page, "sign-in")
    page.get_by_label("Username").fill("pat")
    page.get_by_label("Password", exact=True).fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("The username or password is not right")
    axe.check(page, "sign-in-error")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Save this assessment")
    expect(page.get_by_label("Your account")).to_contain_text("Signed in as pat")
    axe.check(page, "save")
    page.get_by_label("Case reference").fill("Jane Smith")
    page.get_by_role("button", name="Save this assessment").click()
    expect(page.get_by_role("alert")).to_contain_text("must not contain spaces")
    expect(page).to_have_title(re.compile("^Error: "))
    axe.check(page, "save-error")
    page.get_by_label("Case reference").fill("FSP-0012")
    page.get_by_role("button", name="Save this assessment").click()

    # the case page: chart with its text alternative, and the table
    expect(page.get_by_role("heading", level=1)).to_have_text("Case FSP-0012")
    expect(page.get_by_role("img", name="Level over time for case FSP-0012")).to_be_visible()
    expect(page.locator("table.app-history tbody tr")).to_have_count(1)
    axe.check(page, "case")
    page.screenshot(path=str(artifacts / "case-page.png"), full_page=True)

    # professional judgement
    page.get_by_role("link", name=re.compile("^Record a different level")).click()
    axe.check(page, "override")
    _choose(page, "What level do you record?", "Extensive")
    page.get_by_role("button", name="Record this level").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter the reason")
    axe.check(page, "override-error")
    page.get_by_label("Why do you record a different level?").fill("<script>alert(1)</script> known to school")
    page.get_by_role("button", name="Record this level").click()
    expect(page.locator("table.app-history")).to_contain_text("Recorded: Extensive")
    expect(page.locator(".app-override-reason")).to_have_text("<script>alert(1)</script> known to school")
    axe.check(page, "case-overridden")

    page.get_by_role("link", name="Your cases", exact=True).click()
    expect(page.locator("main")).to_contain_text("FSP-0012")
    axe.check(page, "cases")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You have signed out")
    axe.check(page, "signed-out")
    context.close()
