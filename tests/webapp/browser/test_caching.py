"""A second page view takes the static files from the browser's cache (webapp/assets.py)."""

from __future__ import annotations

from tests.webapp.browser.conftest import serving
from tests.webapp.conftest import ALWAYS_OPEN
from webapp import create_app


def test_a_second_visit_asks_the_server_only_for_the_page(browser, tmp_path):
    app = create_app({"SECRET_KEY": "caching", "OFFICE_HOURS": ALWAYS_OPEN, "DATABASE_URL": f"sqlite:///{tmp_path / 'web.sqlite3'}"})
    asked: list[str] = []
    wsgi = app.wsgi_app

    def counting(environ, start_response):
        asked.append(environ["PATH_INFO"])
        return wsgi(environ, start_response)

    app.wsgi_app = counting
    with serving(app) as url:
        context = browser.new_context(base_url=url)
        page = context.new_page()
        page.goto("/", wait_until="networkidle")
        first = set(asked)
        asked.clear()
        page.goto("about:blank")
        page.goto("/disagreements", wait_until="networkidle")
        page.wait_for_selector("[data-govuk-service-navigation-init]", state="attached")  # GOV.UK's JS ran
        context.close()
    files = {"/static/govuk/govuk-frontend.min.css", "/static/govuk/govuk-frontend.min.js", "/static/app/app.js", "/static/app/app.css"}
    assert files <= first  # the first visit fetched them
    assert "/disagreements" in asked  # pages are never cached (no-store)
    assert not files & set(asked)
