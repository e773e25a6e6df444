"""Static files: long caching only where the URL changes with the content (webapp/assets.py)."""

from __future__ import annotations

import re

from webapp.assets import fingerprint

YEAR = "max-age=31536000"


def _linked(html: str, name: str) -> str:
    return re.search(rf'"(/static/[^"]*{re.escape(name)}\?v=[0-9a-f]{{12}})"', html).group(1)


def test_pages_link_static_files_by_content_hash_and_those_urls_are_kept_a_year(client):
    html = client.get("/").get_data(as_text=True)
    for name in ("govuk-frontend.min.css", "app.css", "print.css", "app.js", "govuk-frontend.min.js"):
        response = client.get(_linked(html, name))
        assert response.status_code == 200
        assert YEAR in response.headers["Cache-Control"]
        assert "immutable" in response.headers["Cache-Control"]


def test_a_static_url_without_the_current_hash_is_revalidated_every_time(client):
    """A page from before a release asks for an old hash; GOV.UK's template links the favicon plainly."""
    for url in ("/static/govuk/govuk-frontend.min.js", "/static/app/app.css?v=000000000000", "/assets/images/favicon.svg"):
        response = client.get(url)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "no-cache", url
        assert response.headers["ETag"]


def test_no_gds_transport_font_is_served_or_named(client):
    """GDS Transport is for services on GOV.UK only (its licence note); this service is not."""
    css = "".join(client.get(url).get_data(as_text=True) for url in ("/static/govuk/govuk-frontend.min.css", "/static/app/app.css", "/static/app/practice.css"))
    assert "GDS Transport" not in css and ".woff" not in css
    assert "arial,sans-serif" in css
    assert client.get("/assets/fonts/bold-b542beb274-v2.woff2").status_code == 404


def test_pages_themselves_are_still_never_stored(client):
    assert client.get("/").headers["Cache-Control"] == "no-store"


def test_the_hash_changes_with_the_content(tmp_path):
    path = tmp_path / "app.css"
    path.write_text("a { color: red }")
    before = fingerprint(str(path))
    path.write_text("a { color: blue }")
    assert fingerprint(str(path)) != before
    assert fingerprint(str(tmp_path / "missing.css")) is None
    assert fingerprint(str(tmp_path)) is None
    assert fingerprint(None) is None
