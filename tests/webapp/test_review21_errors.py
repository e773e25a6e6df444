"""Review 21 surfaces, S3: an HTTP error without a page of its own (a 416 for a Range past a static
file's end; any status werkzeug knows) is drawn in the GOV.UK layout, JSON under /api/, without
werkzeug's words. Oracle: werkzeug's own list of HTTP errors and their default descriptions."""

from __future__ import annotations

import re

import pytest
from flask import abort
from werkzeug.exceptions import default_exceptions

# --- S3: every HTTP error in the layout ---------------------------------------------------------

ERRORS = sorted(c for c in default_exceptions if c >= 400)


@pytest.fixture
def aborting(app):
    """Two routes that abort with the status asked for: a page and one under /api/."""

    def page(code: int):
        abort(code)

    app.add_url_rule("/test-abort/<int:code>", "test_abort", page)
    app.add_url_rule("/api/test-abort/<int:code>", "test_abort_api", page)
    return app.test_client()


@pytest.mark.parametrize("code", ERRORS)
def test_every_http_error_is_drawn_in_the_layout(aborting, code):
    r = aborting.get(f"/test-abort/{code}")
    html = r.get_data(as_text=True)
    assert r.status_code == code
    assert r.content_type.startswith("text/html")
    assert 'class="govuk-template__header"' in html and 'class="govuk-template__footer"' in html, html[:300]
    assert re.search(r"<title>[^<]+ – Family Support Pathway</title>", html), html[:300]
    assert "Traceback" not in html and default_exceptions[code].description not in html
    assert r.headers["Cache-Control"] == "no-store"
    if code >= 500:
        assert "Sorry, there is a problem with the service" in html


@pytest.mark.parametrize("code", ERRORS)
def test_every_http_error_under_the_api_is_json(aborting, code):
    r = aborting.get(f"/api/test-abort/{code}")
    assert r.status_code == code and r.is_json, r.get_data(as_text=True)[:200]
    assert r.get_json()["errors"][0]["field"] == "(request)"


def test_a_range_past_a_static_files_end_is_the_layouts_416(client):
    r = client.get("/static/app/app.css", headers={"Range": "bytes=99999999-"})
    html = r.get_data(as_text=True)
    assert r.status_code == 416
    assert 'class="govuk-template__header"' in html and "Requested Range Not Satisfiable" not in html
    assert r.headers["Cache-Control"] == "no-store"  # a page, not the file: as every error page
    assert r.headers["Content-Range"].startswith("bytes */")  # the status's own header kept (RFC 9110 15.5.17)
