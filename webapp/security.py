"""Security headers on every response, a per-request CSP nonce, and the body-size limit for
bodies sent without a Content-Length.

The only inline script allowed is GOV.UK's one-line `js-enabled` class switch in its page
template, which carries the nonce; our own JavaScript is a module file from 'self'.
"""

from __future__ import annotations

import io
import secrets

from flask import Flask, g, request

STATIC_ENDPOINTS = {"static", "assets.static"}
# Paths allowed a larger body than MAX_CONTENT_LENGTH (an admin's catalogue upload); set by the
# blueprint that owns the path.
BODY_LIMITS: dict[str, int] = {}


def body_limit(path: str, config) -> int | None:
    """The most bytes a request to `path` may send."""
    return BODY_LIMITS.get(path, config.get("MAX_CONTENT_LENGTH"))


def _csp(script: str) -> str:
    return "; ".join(
        [
            "default-src 'self'",
            script,
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


# Built once per process (issue 17: an API answer paid for building them on every request); only
# a page that drew the inline script gets its own policy, naming that request's nonce.
CSP_WITH_NONCE = _csp("script-src 'self' 'nonce-{nonce}'")
HEADERS = {
    "Content-Security-Policy": _csp("script-src 'self'"),
    # same-origin, not no-referrer: over HTTPS Flask-WTF's strict check refuses a form post that
    # carries no Referer from this site. Other sites still get nothing (paths hold case references).
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def _nonce() -> str:
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


class _MeasuredBody:
    """WSGI middleware for a chunked body (no Content-Length; gunicorn marks the input terminated).

    Werkzeug then reads at most MAX_CONTENT_LENGTH bytes and hands on what it read, so a larger
    body would be cut short, not refused. Reading one byte more and handing the body on with its
    length (no longer chunked) makes Flask refuse it with 413 like any other oversized body."""

    def __init__(self, wsgi_app, app: Flask):
        self.wsgi_app, self.app = wsgi_app, app

    def __call__(self, environ, start_response):
        limit = body_limit(environ.get("PATH_INFO", ""), self.app.config)
        if limit is not None and not environ.get("CONTENT_LENGTH") and environ.get("wsgi.input_terminated"):
            body = environ["wsgi.input"].read(limit + 1)
            environ["wsgi.input"], environ["CONTENT_LENGTH"] = io.BytesIO(body), str(len(body))
            environ.pop("HTTP_TRANSFER_ENCODING", None)  # werkzeug ignores the length of a chunked body
        return self.wsgi_app(environ, start_response)


def init_app(app: Flask) -> None:
    from werkzeug.middleware.proxy_fix import ProxyFix

    from store import passwords

    passwords.configure_slots(app.config["MAX_CONCURRENT_HASHES"], app.config["HASH_WAIT_SECONDS"], app.config["MAX_WAITING_SIGN_INS"])
    app.jinja_env.globals["csp_nonce"] = _nonce
    app.wsgi_app = _MeasuredBody(app.wsgi_app, app)
    if hops := app.config["PROXY_HOPS"]:  # the client's own address, for the per-address limits
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=0)

    hsts = {"Strict-Transport-Security": "max-age=31536000; includeSubDomains"} if app.config.get("HSTS") else {}
    every_page = {**HEADERS, **hsts}
    not_cached = {**every_page, "Cache-Control": "no-store"}  # answers and decisions about a child stay off caches
    names = {name.lower() for name in not_cached}

    @app.after_request
    def headers(response):
        # a static file may be cached; an error page drawn for one (a 404, a 416) is a page (review 21 surfaces, S3)
        fixed = every_page if request.endpoint in STATIC_ENDPOINTS and response.status_code < 400 else not_cached
        if "csp_nonce" in g:  # an HTML page that drew GOV.UK's inline script
            fixed = {**fixed, "Content-Security-Policy": CSP_WITH_NONCE.format(nonce=g.csp_nonce)}
        if names.isdisjoint([name.lower() for name, _ in response.headers]):
            response.headers.extend(fixed.items())  # the usual case: none set yet, add them in one go
        else:
            response.headers.update(fixed)
        return response
