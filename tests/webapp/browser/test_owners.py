"""The document's owners' page in a real browser: upload a draft catalogue, read the transition
table and the changed cases, download the report; a draft that does not validate; axe on each."""

from __future__ import annotations

import copy

import pytest
import yaml
from playwright.sync_api import expect

from pathway.catalogue import DATA_FILE
from store.users import create_user
from tests.webapp.browser.conftest import serving, sign_in
from tests.webapp.conftest import ALWAYS_OPEN, PASSWORD
from webapp import create_app

SCHOOL = "additional.poor_school_attendance_exclusion"


@pytest.fixture(scope="module")
def owners_server(tmp_path_factory):
    app = create_app(
        {"SECRET_KEY": "browser-owners", "OFFICE_HOURS": ALWAYS_OPEN, "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('own') / 'web.sqlite3'}"}
    )
    create_user(app.extensions["fsp_store"], "ada", "admin", "Admin", PASSWORD)
    with serving(app) as url:
        yield url


def drafts(tmp_path):
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    good = copy.deepcopy(data)
    good["ruleset"]["version"] = "draft"
    for ind in good["indicators"]:
        if ind["id"] == SCHOOL:
            ind["level"] = "extensive"
    bad = copy.deepcopy(data)
    bad["contacts"][0].pop("phone")
    paths = []
    for name, d in (("good.yaml", good), ("bad.yaml", bad)):
        path = tmp_path / name
        path.write_text(yaml.safe_dump(d, sort_keys=False, allow_unicode=True), encoding="utf-8")
        paths.append(path)
    return paths


def test_try_a_draft_and_download_the_report(browser, owners_server, axe, tmp_path):
    good, bad = drafts(tmp_path)
    page = browser.new_context(base_url=owners_server).new_page()
    page.goto("/admin/ruleset")
    sign_in(page, "ada")
    expect(page.get_by_role("heading", level=1)).to_have_text("Try a change to the threshold document")
    axe.check(page, "owners-ruleset")

    page.get_by_label("Upload the draft catalogue").set_input_files(str(bad))
    page.get_by_role("button", name="Try the draft").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("contacts[0].phone")
    axe.check(page, "owners-ruleset-invalid")

    page.get_by_label("Upload the draft catalogue").set_input_files(str(good))
    page.get_by_role("button", name="Try the draft").click()
    expect(page.get_by_role("heading", name="What the draft would change")).to_be_visible()
    table = page.get_by_role("table", name="Levels now (rows) and under the draft (columns)")
    expect(table).to_be_visible()
    expect(page.get_by_role("heading", name="Shipped scenario level-additional-school-attendance: level, route changed")).to_be_visible()
    axe.check(page, "owners-ruleset-report")

    with page.expect_download() as info:
        page.get_by_role("link", name="Download the report (text)").click()
    body = open(info.value.path(), encoding="utf-8").read()
    assert "level-additional-school-attendance" in body and "Draft ruleset:   fsp-2014 (draft, decisions " in body
