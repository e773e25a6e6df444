"""Issue 13 fault 5 in a real browser: a refused sign-in and a refused practice form come back by
GET (post/redirect/get), so Reload is a GET and never offers "Confirm Form Resubmission"."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from store.users import create_user
from tests.webapp.browser.conftest import serving
from tests.webapp.conftest import ALWAYS_OPEN
from webapp import create_app

PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def prg_server(tmp_path_factory):
    app = create_app({"SECRET_KEY": "browser-prg", "OFFICE_HOURS": ALWAYS_OPEN, "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('prg') / 'web.sqlite3'}"})
    create_user(app.extensions["fsp_store"], "pat", "practitioner", "North", PASSWORD)
    with serving(app) as url:
        yield url


def _reload_is_a_get(page, path: str) -> None:
    """Reload the page; the browser's request for it is a GET and the page comes back without its error."""
    with page.expect_request(lambda r: r.url.split("?")[0].endswith(path)) as asked:
        page.reload()
    assert asked.value.method == "GET"
    assert page.evaluate("performance.getEntriesByType('navigation')[0].type") == "reload"
    expect(page.get_by_role("alert")).to_have_count(0)  # the error was shown once


@pytest.mark.parametrize("path", ["/sign-in"])
def test_a_refused_sign_in_comes_back_by_get_without_the_password(browser, prg_server, axe, path):
    page = browser.new_context(base_url=prg_server).new_page()
    page.goto(path)
    page.get_by_label("Username").fill("pat")
    page.locator("#password").fill("not the password")
    with page.expect_response(lambda r: r.url.endswith(path) and r.request.method == "GET") as shown:
        page.get_by_role("button", name="Sign in").click()
    assert shown.value.status == 200
    expect(page.get_by_role("alert")).to_contain_text("The username or password is not right")
    expect(page.get_by_label("Username")).to_have_value("pat")
    expect(page.locator("#password")).to_have_value("")  # never kept, never sent back
    axe.check(page, "sign-in-refused")
    _reload_is_a_get(page, path)


def test_a_refused_practice_join_comes_back_by_get(browser, prg_server, axe):
    page = browser.new_context(base_url=prg_server).new_page()
    page.goto("/practice/join")
    page.get_by_label("Join code").fill("ZZZZZZ")
    page.get_by_label("Your display name").fill("Ann")
    with page.expect_response(lambda r: r.url.endswith("/practice/join") and r.request.method == "GET") as shown:
        page.get_by_role("button", name="Join").click()
    assert shown.value.status == 200
    expect(page.get_by_role("alert")).to_contain_text("not for a practice session that is running")
    expect(page.get_by_label("Join code")).to_have_value("ZZZZZZ")
    axe.check(page, "practice-join-refused")
    _reload_is_a_get(page, "/practice/join")
    with page.expect_request(lambda r: "/practice/" in r.url and r.resource_type == "document") as back:
        page.go_back()  # Back: a GET too, never the POST again
    assert back.value.method == "GET"
