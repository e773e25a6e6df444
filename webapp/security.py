"""Security headers on every response, and a per-request CSP nonce.

The only inline script allowed is GOV.UK's one-line `js-enabled` class switch in its page
template, which carries the nonce; our own JavaScript is a module file from 'self'.
"""
from __future__ import annotations

import secrets

from flask import Flask, g, request

STATIC_ENDPOINTS = {"static", "assets.static"}


def _nonce() -> str:
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def init_app(app: Flask) -> None:
    app.jinja_env.globals["csp_nonce"] = _nonce

    @app.after_request
    def headers(response):
        script = f"script-src 'self' 'nonce-{g.csp_nonce}'" if "csp_nonce" in g else "script-src 'self'"
        response.headers["Content-Security-Policy"] = "; ".join([
            "default-src 'self'", script, "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
            "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
            "frame-ancestors 'none'",
        ])
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        if request.endpoint not in STATIC_ENDPOINTS:
            response.headers["Cache-Control"] = "no-store"  # answers and decisions about a child stay off caches
        if app.config.get("HSTS"):
            response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        return response
