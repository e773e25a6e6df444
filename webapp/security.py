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

    passwords.configure_slots(app.config["MAX_CONCURRENT_HASHES"], app.config["HASH_WAIT_SECONDS"])
    app.jinja_env.globals["csp_nonce"] = _nonce
    app.wsgi_app = _MeasuredBody(app.wsgi_app, app)
    if hops := app.config["PROXY_HOPS"]:  # the client's own address, for the per-address limits
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=0)

    @app.after_request
    def headers(response):
        script = f"script-src 'self' 'nonce-{g.csp_nonce}'" if "csp_nonce" in g else "script-src 'self'"
        response.headers["Content-Security-Policy"] = "; ".join(
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
        # same-origin, not no-referrer: over HTTPS Flask-WTF's strict check refuses a form post that
        # carries no Referer from this site. Other sites still get nothing (paths hold case references).
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        if request.endpoint not in STATIC_ENDPOINTS:
            response.headers["Cache-Control"] = "no-store"  # answers and decisions about a child stay off caches
        if app.config.get("HSTS"):
            response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        return response
