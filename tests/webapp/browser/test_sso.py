"""Single sign-on in a real browser (issue 16): chromium goes from the sign-in page to the
OpenID Connect provider on loopback (oidc-provider-mock), signs in there, and comes back signed
in; someone with no role here comes back refused. axe-core on the app's pages on the way."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.webapp.browser.conftest import serving
from tests.webapp.conftest import ALWAYS_OPEN
from tests.webapp.oidc_provider import provider, settings
from webapp import create_app


@pytest.fixture(scope="module")
def sso_server(tmp_path_factory):
    with provider() as issuer:
        app = create_app(
            {
                "SECRET_KEY": "browser-sso",
                "OFFICE_HOURS": ALWAYS_OPEN,
                "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('sso') / 'web.sqlite3'}",
                **settings(issuer),
            }
        )
        with serving(app) as url:
            yield url, issuer


def test_sign_in_through_the_identity_provider(browser, sso_server, axe):
    base, issuer = sso_server
    page = browser.new_page()
    page.goto(f"{base}/sign-in")
    axe.check(page, "sign-in-with-sso")
    page.get_by_role("button", name="Sign in with your organisation account").click()
    expect(page).to_have_url(f"{issuer}/oauth2/authorize?" + page.url.split("?", 1)[1])
    page.get_by_role("button", name="alice-0001").click()  # the person signs in at the provider
    expect(page).to_have_url(f"{base}/cases")
    expect(page.get_by_text("Signed in as alice.jones (practitioner, North)")).to_be_visible()
    axe.check(page, "cases-after-sso")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You have signed out")).to_be_visible()
    page.close()


def test_someone_with_no_role_comes_back_refused(browser, sso_server, axe):
    base, _issuer = sso_server
    page = browser.new_page()
    page.goto(f"{base}/sign-in")
    page.get_by_role("button", name="Sign in with your organisation account").click()
    page.get_by_role("button", name="norole-0003").click()
    expect(page.get_by_role("heading", name="You cannot use this service with that account")).to_be_visible()
    axe.check(page, "sso-no-role")
    page.goto(f"{base}/cases")
    expect(page).to_have_url(f"{base}/sign-in")
    page.close()
